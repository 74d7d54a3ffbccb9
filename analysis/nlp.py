"""The spaCy pipeline for Dutch.

Where a trained Dutch pipeline (``nl_core_news_lg/md/sm``) is installed it is used
for its lemmas, tags and sentence boundaries. Otherwise (the default on machines
without those packages) the pipeline is ``spacy.blank("nl")`` with the lookup
lemmatizer from ``spacy-lookups-data`` and the rule-based sentencizer. All our
own analysis (syllables, passives, jargon, topics) runs on tokens and lemmas only,
so the two paths give comparable results. Set ``ANALYSIS_PIPELINE=blank`` to force
the default path, e.g. to reproduce committed notebook outputs.
"""
from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

TRAINED = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")
PUNCT_CHARS = [".", "!", "?", "…"]


def trained_pipeline_name() -> str | None:
    """Name of an installed trained Dutch pipeline, unless forced to the blank one."""
    if os.environ.get("ANALYSIS_PIPELINE", "").lower() == "blank":
        return None
    return next((name for name in TRAINED if spacy.util.is_package(name)), None)


def _blank() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer", config={"punct_chars": PUNCT_CHARS})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=2)
def load_pipeline(trained: str | None = "auto") -> Language:
    """The Dutch pipeline: a trained one where installed, else blank + lookups + rules."""
    name = trained_pipeline_name() if trained == "auto" else trained
    if name is None:
        nlp = _blank()
    else:
        nlp = spacy.load(name, exclude=["ner", "textcat"])
    nlp.meta["analysis_pipeline"] = name or "blank-nl+lookups"
    return nlp


def is_word(token: Token) -> bool:
    """A token that counts as a word: it contains a letter or a digit."""
    return not token.is_punct and not token.is_space and any(c.isalnum() for c in token.text)


def lemma(token: Token) -> str:
    """Lower-case lemma, falling back to the lower-case form."""
    return (token.lemma_ or token.text).lower()


def pipe(nlp: Language, texts, batch_size: int = 256) -> list[Doc]:
    return list(nlp.pipe(texts, batch_size=batch_size))
