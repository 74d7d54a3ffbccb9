"""The index of the real-text evaluation (benchmarks/real_texts/labels.tsv): other people's texts
stay on the machine that collected them; the index with our labels is complete and well-formed."""
from __future__ import annotations

import subprocess
import sys

from analysis.text.topics import load_taxonomy

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from real_texts import read_labels  # noqa: E402


def test_the_index_labels_forty_real_articles_in_two_parts():
    rows = read_labels()
    topics = set(load_taxonomy().ids)
    assert len(rows) >= 40 and len({r["id"] for r in rows}) == len(rows)
    for row in rows:
        assert row["url"].startswith(("http://", "https://")), row["id"]
        assert row["topics"] and set(row["topics"]) <= topics, row["id"]
        assert row["b1"] in {"yes", "no", "unclear"} and row["hard_words"], row["id"]
    parts = [r["part"] for r in rows]
    assert parts.count("tune") >= 15 and parts.count("heldout") >= 15


def test_no_collected_text_is_committed():
    tracked = subprocess.run(["git", "ls-files", "benchmarks/real_texts"], cwd=ROOT, capture_output=True,
                             text=True).stdout.split()
    assert tracked == ["benchmarks/real_texts/labels.tsv"]
    assert "benchmarks/real_texts/texts/" in (ROOT / ".gitignore").read_text().splitlines()
