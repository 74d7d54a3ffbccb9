"""The corpus with the topics of every post: the table most analyses start from."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..sources.corpus import load_corpus
from .nlp import load_pipeline
from .post_analysis import analyze_posts
from .topics import TopicTagger


def tagged_posts(folder: Path, nlp=None, tagger: TopicTagger | None = None) -> pd.DataFrame:
    """load_corpus() plus 'topics' (list of ids), 'primary' and 'topic_scores' per post."""
    posts = load_corpus(folder)
    nlp = nlp or load_pipeline()
    tags = [r["topics"] for r in analyze_posts(posts, nlp, tagger=tagger)]
    posts["topics"] = [t["topics"] for t in tags]
    posts["primary"] = [t["primary"] for t in tags]
    posts["topic_scores"] = [t["scores"] for t in tags]
    return posts
