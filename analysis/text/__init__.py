"""Dutch text analysis: the NLP pipeline, readability and topics of posts, drafts and messages."""
