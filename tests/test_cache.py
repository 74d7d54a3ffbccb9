"""Per-post results are cached by content and code: a re-run analyses only what changed."""
from __future__ import annotations

import analysis.text.post_analysis as post_analysis
from analysis.core.cache import ResultCache
from analysis.sources.corpus import load_corpus

from .conftest import ROOT


def _count_calls(monkeypatch):
    calls = []
    original = post_analysis._uncached

    def counting(posts, nlp, tagger):
        calls.append(len(posts))
        return original(posts, nlp, tagger)

    monkeypatch.setattr(post_analysis, "_uncached", counting)
    return calls


def test_rerun_after_adding_one_post_analyses_only_that_post(tmp_path, monkeypatch, nlp):
    posts = load_corpus(ROOT / "corpus" / "posts").head(6)
    cache = ResultCache("test", tmp_path)
    calls = _count_calls(monkeypatch)
    first = post_analysis.analyze_posts(posts.head(5), nlp, cache=cache)
    again = post_analysis.analyze_posts(posts, nlp, cache=cache)
    assert calls == [5, 1]
    assert again[:5] == first  # cached results are identical to fresh ones
    edited = posts.copy()
    edited.loc[0, "body"] = edited.loc[0, "body"] + "\n\nEen extra zin."
    post_analysis.analyze_posts(edited, nlp, cache=cache)
    assert calls == [5, 1, 1]


def test_a_code_change_invalidates_the_cache(tmp_path, monkeypatch, nlp):
    posts = load_corpus(ROOT / "corpus" / "posts").head(2)
    calls = _count_calls(monkeypatch)
    post_analysis.analyze_posts(posts, nlp, cache=ResultCache("versie-1", tmp_path))
    post_analysis.analyze_posts(posts, nlp, cache=ResultCache("versie-2", tmp_path))
    post_analysis.analyze_posts(posts, nlp, cache=ResultCache("versie-2", tmp_path))
    assert calls == [2, 2]
