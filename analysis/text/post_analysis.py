"""Readability and topics of every post in one pass over the text, with a result cache.

Each post's title and blocks are tokenized once (``nlp.tokens``); the same tokens
feed the readability figures and the topic tagger. Results are cached per post
(see cache.py), so a re-run after adding one post analyses only that post; the results of
a corpus from :func:`load_corpus` are also kept in one file, read at once on a re-run. Many posts
to analyse (a first run, a chain's practice) are split over both cores; with Frog
they stay in one process, where one Frog run parses all of them.
"""
from __future__ import annotations

from itertools import accumulate
from typing import Any, TypedDict

import pandas as pd
from spacy.language import Language

from ..core.cache import ResultCache, default_cache
from ..core.parallel import collector_paused, kept_for_the_run, map_chunks
from .draft_check import text_tokens, topics_and_readability
from .frog import frog_version, with_frog
from .nlp import tokenized_posts
from .readability.analyze import Readability, Sentence, frog_parses, sentence_tokens
from .topics import TopicTagger

SENTENCE_FIELDS = [*Sentence.__dataclass_fields__, "flags"]
PARALLEL_FROM = 500  # posts; below this a second process costs more than it saves
_SHARED: dict[str, Any] = {}  # the pipeline and tagger, for forked workers to share


class PostAnalysis(TypedDict):
    """Readability (sentences as ``sentence_columns``) and topics of one post."""
    readability: Readability
    topics: dict[str, Any]


def _uncached(posts: list[tuple[str, list]], nlp: Language, tagger: TopicTagger) -> list[PostAnalysis]:
    results: list[PostAnalysis] = []
    tokenized = list(tokenized_posts(posts, nlp))
    # Frog, where installed, parses the sentences of all posts in one run (it starts in ~7 s)
    texts = [text_tokens(blocks, block_tokens) for blocks, _, block_tokens in tokenized]
    parses, path = frog_parses([t for post in texts for t in post])
    own: list[tuple] = [(None, path)] * len(texts)
    if parses is not None:  # each post its own sentences' parses, in order
        bounds = list(accumulate((len(sentence_tokens(post)) for post in texts), initial=0))
        own = [(parses[a:b], path) for a, b in zip(bounds, bounds[1:])]
    for (blocks, title, block_tokens), parsed in zip(tokenized, own):
        tags, readability = topics_and_readability(blocks, title, block_tokens, nlp, tagger, parsed=parsed)
        sentences = readability.pop("sentences")
        # columns, not one dict per sentence: a cached corpus loads several times faster
        readability["sentence_columns"] = {k: [s[k] for s in sentences] for k in SENTENCE_FIELDS}
        results.append(PostAnalysis(readability=readability, topics=tags))
    return results


def _analyse_shared(posts: list[tuple[str, list]]) -> list[PostAnalysis]:
    return _uncached(posts, _SHARED["nlp"], _SHARED["tagger"])


def _analyse(posts: list[tuple[str, list]], nlp: Language, tagger: TopicTagger) -> list[PostAnalysis]:
    """:func:`_uncached` over *posts*, on forked workers from PARALLEL_FROM posts on (not with
    Frog: one Frog run parses all posts)."""
    if frog_version():
        return _uncached(posts, nlp, tagger)
    _SHARED.update(nlp=nlp, tagger=tagger)
    try:
        return map_chunks(_analyse_shared, posts, PARALLEL_FROM)
    finally:
        _SHARED.clear()


def analyze_posts(posts: pd.DataFrame, nlp: Language, cache: ResultCache | None | bool = True,
                  tagger: TopicTagger | None = None) -> list[PostAnalysis]:
    """Per post (in order): ``{"readability": ..., "topics": ...}``; the readability
    sentences come as ``sentence_columns`` (field -> list over the sentences).

    *cache*: True for the default cache, False/None for none, or a ResultCache. A
    custom tagger (another taxonomy) is never cached.
    """
    if cache is True and tagger is None:
        cache = default_cache(with_frog(nlp.meta.get("analysis_pipeline", "")))
    store = cache if isinstance(cache, ResultCache) and tagger is None else None
    keys = [ResultCache.key(title, body) for title, body in zip(posts["title"], posts["body"])]
    # the results of a loaded corpus are also kept in one file: one read instead of thousands
    together = ResultCache.key("results", posts.attrs["corpus"]) if store and "corpus" in posts.attrs else None
    with collector_paused():  # reading and building many results; forked workers inherit it
        bundle: dict[str, PostAnalysis] = store.get_together(together) if store and together else {}
        kept_for_the_run()
        results: list[PostAnalysis | None] = [bundle.get(k) or (store.get(k) if store else None) for k in keys]
        missing = [i for i, r in enumerate(results) if r is None]
        if missing:
            todo = [(posts["title"].iloc[i], posts["blocks"].iloc[i]) for i in missing]
            for i, value in zip(missing, _analyse(todo, nlp, tagger or TopicTagger())):
                results[i] = value
                if store is not None:
                    store.put(keys[i], value)  # per post too: shared by corpora with the same post
        if store and together and not bundle.keys() >= set(keys):
            store.put_together(together, dict(zip(keys, results)))
    return [r for r in results if r is not None]
