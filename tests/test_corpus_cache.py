"""A re-run reads the parsed corpus and its results back from one file each, and still reports
exactly what the folder holds now: changed, added, removed, renamed and broken files."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis.text.post_analysis as post_analysis
from analysis.core.cache import ResultCache
from analysis.sources.corpus import load_corpus

from .conftest import ROOT

IMPLAUSIBLE = "---\ntitle: Oude knie\ndate: 1900-01-01\n---\n\nDe knie doet pijn bij het traplopen.\n"


@pytest.fixture()
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    posts = tmp_path / "posts"
    posts.mkdir()
    for path in sorted((ROOT / "corpus" / "posts").glob("*.md"))[:8]:
        shutil.copy(path, posts)
    (posts / "oude-knie.md").write_text(IMPLAUSIBLE, encoding="utf-8")
    (posts / "leeg.md").write_text("---\ntitle: Leeg\n---\n", encoding="utf-8")
    return posts


def _uncached(folder: Path, monkeypatch) -> pd.DataFrame:
    with monkeypatch.context() as m:
        m.setenv("ANALYSIS_CACHE", "0")
        return load_corpus(folder)


def _same(warm: pd.DataFrame, cold: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(warm, cold)
    assert warm.attrs["problems"] == cold.attrs["problems"]


def test_a_warm_load_gives_what_a_cold_load_gives_after_every_kind_of_change(folder, monkeypatch):
    _same(load_corpus(folder), _uncached(folder, monkeypatch))  # fills the cache
    first, second = sorted(folder.glob("2*.md"))[:2]
    changes = [
        lambda: first.write_text(first.read_text(encoding="utf-8") + "\nEen nieuwe zin.\n", encoding="utf-8"),
        lambda: (folder / "2024-03-01-nieuw.md").write_text(
            "---\ntitle: Nieuw\ndate: 2024-03-01\n---\n\nEen nieuw bericht over de schouder.\n", encoding="utf-8"),
        lambda: second.rename(folder / f"2019-01-01-{second.name[11:]}"),  # renamed: another date
        lambda: (folder / "leeg.md").unlink(),
        lambda: (folder / "oude-knie.md").write_bytes(b"---\ntitle: Kapot\n---\n\n\xff\xfe"),
    ]
    for change in changes:
        change()
        warm = load_corpus(folder)
        _same(warm, _uncached(folder, monkeypatch))
    assert "2019-01-01" in warm["id"].str[:10].tolist()
    assert ("oude-knie.md", "geen UTF-8-tekst") in warm.attrs["problems"]


def test_an_implausible_date_is_reported_on_every_load_not_only_the_first(folder):
    for _ in range(2):
        problems = dict(load_corpus(folder).attrs["problems"])
        assert "onwaarschijnlijk" in problems["oude-knie.md"]
        assert problems["leeg.md"] == "het bericht heeft geen tekst"


def test_a_file_that_cannot_be_read_after_it_was_cached_is_reported_not_served_from_the_cache(folder):
    victim = sorted(folder.glob("2*.md"))[0]
    assert victim.stem in load_corpus(folder)["id"].tolist()
    victim.unlink()
    victim.symlink_to(folder / "bestaat-niet.md")  # a broken link where the post was
    again = load_corpus(folder)
    assert victim.stem not in again["id"].tolist()
    assert dict(again.attrs["problems"])[victim.name].startswith("kan bestand niet lezen")


def test_a_warm_corpus_reads_its_results_from_one_file_and_analyses_only_the_changed_post(folder, nlp,
                                                                                            monkeypatch):
    cold = post_analysis.analyze_posts(load_corpus(folder), nlp, cache=False)
    post_analysis.analyze_posts(load_corpus(folder), nlp)  # fills the cache
    changed = sorted(folder.glob("2*.md"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nNog een zin over de rug.\n", encoding="utf-8")
    posts = load_corpus(folder)
    reads, analysed = [], []
    original_get, original_uncached = ResultCache.get, post_analysis._uncached
    monkeypatch.setattr(ResultCache, "get", lambda self, key: reads.append(key) or original_get(self, key))
    monkeypatch.setattr(post_analysis, "_uncached",
                        lambda p, n, t: analysed.append(len(p)) or original_uncached(p, n, t))
    warm = post_analysis.analyze_posts(posts, nlp)
    assert analysed == [1]
    assert len(reads) == 3  # the corpus' file, its recent additions, and the changed post's own entry
    fresh = post_analysis.analyze_posts(posts, nlp, cache=False)
    assert warm == fresh
    assert [w for i, w in enumerate(warm) if i != posts["file"].tolist().index(changed.name)] == \
        [c for i, c in enumerate(cold) if i != posts["file"].tolist().index(changed.name)]


def test_one_changed_post_does_not_rewrite_the_whole_file_many_do(tmp_path):
    store = ResultCache("test", tmp_path)
    entries = {f"k{i}": {"waarde": i} for i in range(100)}
    store.put_together("corpus", entries)
    whole = store.directory / "corpus.pickle"
    written = whole.stat().st_mtime_ns
    read = ResultCache("test", tmp_path)
    one_changed = {**read.get_together("corpus"), "k0": {"waarde": -1}}
    read.put_together("corpus", one_changed)
    assert whole.stat().st_mtime_ns == written
    assert ResultCache("test", tmp_path).get_together("corpus") == one_changed
    again = ResultCache("test", tmp_path)
    many = {**again.get_together("corpus"), **{f"k{i}": {"waarde": -i} for i in range(1, 30)}}
    del many["k99"]
    again.put_together("corpus", many)
    assert whole.stat().st_mtime_ns != written
    assert ResultCache("test", tmp_path).get_together("corpus") == many
    assert ResultCache("test", tmp_path).get("corpus-recent") == {}
