"""Per-post results are cached by content and code: a re-run analyses only what changed."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import analysis.core.cache as cache
import analysis.core.parallel as parallel
import analysis.text.post_analysis as post_analysis
from analysis.core.cache import ResultCache
from analysis.sources.corpus import load_corpus
from analysis.text.topics.evaluation import agreement, read_post_labels

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


def test_a_large_blog_analysed_on_both_cores_gives_the_figures_of_one_process(monkeypatch, nlp):
    posts = load_corpus(ROOT / "corpus" / "posts")
    monkeypatch.setattr(post_analysis, "PARALLEL_FROM", 10 ** 9)
    one_process = post_analysis.analyze_posts(posts, nlp, cache=False)
    monkeypatch.setattr(post_analysis, "PARALLEL_FROM", 10)  # the 64 sample posts count as many
    pools, original = [], parallel._map
    monkeypatch.setattr(parallel, "_map", lambda pool, func, items: pools.append(pool) or original(pool, func, items))
    both_cores = post_analysis.analyze_posts(posts, nlp, cache=False)
    assert both_cores == one_process  # same figures, same order
    assert len(pools) == 1 and pools[0] is not None  # on forked workers
    assert post_analysis._SHARED == {}  # the pipeline is not kept after the run


# --- the cache cannot go stale: breaking code or data on purpose shows on a warm cache ---

ANALYSE = """
import json, sys
from analysis.sources.corpus import load_corpus
from analysis.text.nlp import load_pipeline
from analysis.text.post_analysis import analyze_posts
posts = load_corpus(sys.argv[1]).head(16)
results = analyze_posts(posts, load_pipeline(None))
print(json.dumps({"slugs": posts["slug"].tolist(),
                  "topics": [r["topics"]["topics"] for r in results],
                  "jargon": [r["readability"]["jargon"] for r in results]}))
"""


def _copy_package(tmp_path: Path) -> Path:
    root = tmp_path / "copy"
    shutil.copytree(ROOT / "analysis", root / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    return root


def _analyse(root: Path, cache: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(root), "ANALYSIS_CACHE_DIR": str(cache), "ANALYSIS_ROOT": str(root)}
    out = subprocess.run([sys.executable, "-c", ANALYSE, str(ROOT / "corpus" / "posts")], env=env,
                         capture_output=True, text=True, check=True, cwd=root)
    return json.loads(out.stdout)


def _recall(result: dict) -> float:
    labels = read_post_labels(ROOT / "corpus" / "topic_labels.csv")
    truth = [{labels.at[s, "main"], *labels.at[s, "secondary"]} for s in result["slugs"]]
    return float(agreement(truth, [set(t) for t in result["topics"]]).loc["totaal", "recall"])


def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} changed: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_breaking_the_tagger_shows_on_a_warm_and_on_a_cold_cache(tmp_path):
    root, warm = _copy_package(tmp_path), tmp_path / "warm"
    good = _analyse(root, warm)
    assert _recall(good) >= 0.9
    _break(root / "analysis/text/topics/tagger.py", "        if word.startswith(term):\n",
           "        return False  # broken on purpose\n        if word.startswith(term):\n")
    assert _recall(_analyse(root, warm)) < 0.9  # the hand-label test would fail
    assert _analyse(root, tmp_path / "cold")["topics"] == _analyse(root, warm)["topics"]


def test_breaking_a_lexicon_shows_on_a_warm_cache(tmp_path):
    root, warm = _copy_package(tmp_path), tmp_path / "warm"
    assert any(_analyse(root, warm)["jargon"])  # the sample has jargon posts
    (root / "analysis/data/jargon.tsv").write_text("# emptied on purpose\n", encoding="utf-8")
    assert not any(_analyse(root, warm)["jargon"])


def test_the_key_covers_modules_data_and_library_versions(monkeypatch):
    key = cache.code_version("blank")
    assert {p.name for p in cache.dependencies()} >= {"tagger.py", "elided.py", "analyze.py", "segment.py",
                                                      "wordfreq_nl.py", "post_analysis.py", "lexicons.py"}
    cache.code_version.cache_clear()
    monkeypatch.setattr(cache, "_library_versions", lambda: "wordfreq 9.9")
    try:
        assert cache.code_version("blank") != key
    finally:
        cache.code_version.cache_clear()
