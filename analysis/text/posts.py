"""The corpus with the topics of every post: the table most analyses start from."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..sources.corpus import load_corpus
from .nlp import load_pipeline
from .post_analysis import PostAnalysis, analyze_posts
from .topics import TopicTagger


def tagged_posts(folder: Path, nlp=None, tagger: TopicTagger | None = None) -> pd.DataFrame:
    """load_corpus() plus per post 'main' (its main topic), 'secondary', 'topics' (main and
    secondary) and 'topic_scores' (the evidence)."""
    posts = load_corpus(folder)
    return with_topics(posts, analyze_posts(posts, nlp or load_pipeline(), tagger=tagger))


def with_topics(posts: pd.DataFrame, analyses: list[PostAnalysis]) -> pd.DataFrame:
    """*posts* with the topic columns of their analyses (see :func:`tagged_posts`)."""
    tags = [r["topics"] for r in analyses]
    posts["topics"] = [t["topics"] for t in tags]
    posts["main"] = [t["main"] for t in tags]
    posts["secondary"] = [t["secondary"] for t in tags]
    posts["topic_scores"] = [t["scores"] for t in tags]
    return posts
