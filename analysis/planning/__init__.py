"""What to write next and when: the content calendar, topic gaps and rewrites."""
