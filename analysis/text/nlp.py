"""The spaCy pipeline for Dutch.

Where a trained Dutch pipeline (``nl_core_news_lg/md/sm``) is installed it is used
for its lemmas. Otherwise (the default on machines without those packages) the
pipeline is ``spacy.blank("nl")`` with the lookup lemmatizer from
``spacy-lookups-data``. Sentences come from our rules for web text on both paths
(segment.py). All our own analysis (syllables, passives, jargon, topics) runs on
tokens and lemmas only, so the two paths give comparable results. Set ``ANALYSIS_PIPELINE=blank`` to force
the default path, e.g. to reproduce committed notebook outputs.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Token

from .segment import is_punct, sentence_starts, web_text

TRAINED = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")
BLANK = "blank-nl+lookups"
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


def pipeline_name() -> str:
    """The name of the pipeline :func:`load_pipeline` gives, without loading it (a second)."""
    return trained_pipeline_name() or BLANK


def load_pipeline(trained: str | None = "auto") -> Language:
    """The Dutch pipeline: a trained one where installed, else blank + lookups + rules."""
    return _load(trained_pipeline_name() if trained == "auto" else trained)


@lru_cache(maxsize=2)
def _load(name: str | None) -> Language:
    if name is None:
        nlp = _blank()
    else:
        nlp = spacy.load(name, exclude=["ner", "textcat"])
    nlp.meta["analysis_pipeline"] = name or BLANK
    return nlp


def lemma(token: Token) -> str:
    """Lower-case lemma, falling back to the lower-case form."""
    return (token.lemma_ or token.text).lower()


@dataclass
class Tokens:
    """What the analyses keep of a processed text: plain lists, no spaCy objects."""

    words: list[str]
    spaces: list[bool]
    lemmas: list[str]
    starts: list[bool]  # sentence starts

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) token ranges of the sentences."""
        bounds = [i for i, s in enumerate(self.starts) if s] + [len(self.words)]
        return list(zip(bounds[:-1], bounds[1:]))

    def word_count(self) -> int:
        """Tokens with a letter or digit (not punctuation)."""
        return len(self.words) - sum(map(is_punct, self.words))

    def text(self, start: int = 0, end: int | None = None) -> str:
        end = len(self.words) if end is None else end
        return "".join([w + " " if sp else w for w, sp in
                        zip(self.words[start:end], self.spaces[start:end])]).strip()


@lru_cache(maxsize=1)
def _lemma_table():
    return load_pipeline(None).get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


@lru_cache(maxsize=500_000)
def lookup_lemma(word: str) -> str:
    """The lookup lemmatizer's lemma (spaCy's Dutch lookup mode: lower-case table key)."""
    lower = word.lower()
    return _lemma_table().get(lower, lower)


def tokens(nlp: Language, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Tokens]:
    """Tokens of each text, with sentences from our web-text rules (segment.py) on both
    paths. On the blank pipeline only the tokenizer runs and lemmas come from the lookup
    table per distinct word, which gives the lemmatizer's result at a fraction of the
    cost. A trained pipeline runs in full for its lemmas."""
    texts = (web_text(t) for t in texts)
    if nlp.meta.get("analysis_pipeline") != BLANK:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            words = [t.text for t in doc]
            yield Tokens(words, [bool(t.whitespace_) for t in doc], [lemma(t) for t in doc],
                         sentence_starts(words))
        return
    strings = nlp.vocab.strings
    for doc in nlp.tokenizer.pipe(texts, batch_size=batch_size):  # type: ignore[union-attr]
        if not len(doc):
            yield Tokens([], [], [], [])
            continue
        array = doc.to_array([ORTH, SPACY])
        words = list(map(strings.__getitem__, array[:, 0].tolist()))
        yield Tokens(words, array[:, 1].astype(bool).tolist(), list(map(lookup_lemma, words)),
                     sentence_starts(words))


def tokenized_posts(posts, nlp: Language):
    """(blocks, title tokens, tokens per block) for (title, blocks) pairs, one tokenizer pass."""
    posts = list(posts)
    stream = tokens(nlp, [t for title, blocks in posts for t in [title] + [b.text for b in blocks]])
    for _, blocks in posts:
        title = next(stream)
        yield blocks, title, [next(stream) for _ in blocks]
