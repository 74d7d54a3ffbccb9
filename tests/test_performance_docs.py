"""docs/performance.md shows the figures `make bench` measured (benchmarks/results/latest.json),
so its table cannot go stale; latest.json is valid JSON."""
from __future__ import annotations

import json
import sys

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import table  # noqa: E402

LATEST = ROOT / "benchmarks" / "results" / "latest.json"


def _strict(text: str) -> dict:
    def refuse(name):
        raise ValueError(f"not JSON: {name}")
    return json.loads(text, parse_constant=refuse)


def test_the_docs_table_is_the_one_made_from_the_committed_figures():
    results = _strict(LATEST.read_text(encoding="utf-8"))
    docs = table.DOCS.read_text(encoding="utf-8")
    assert table.section(results) in docs, "docs/performance.md is not the table of latest.json: run make bench"
    assert docs.count(table.START) == 1 and docs.count(table.END) == 1


def test_every_measured_step_says_when_and_at_what_scale():
    results = _strict(LATEST.read_text(encoding="utf-8"))
    assert results, "latest.json measures nothing"
    for name, step in results.items():
        assert step["measured_on"][:2] == "20", name
        assert step["machine"]["cores"] >= 1, name


def test_a_missed_target_says_no_and_a_step_not_measured_says_so(tmp_path):
    cold = {"seconds": 40.0, "words_per_s": 80_000.0, "ratio_to_floor": 2.0, "peak_mb": 800.0,
            "measured_on": "2026-12-02", "machine": {"cores": 2, "posts": 10_000, "contact_rows": 1_000_000}}
    shown = table.render({"analysis_cold": cold})
    assert "80,000 words/s, **2.00× the floor** | ≤ 1.5× the floor | **no** |" in shown
    assert "| 3. contact import with de-identification (deduce) and tagging | not yet |" in shown
    assert "2 cores, 10,000 posts, 1,000,000 contact rows" in shown
    docs = tmp_path / "performance.md"
    docs.write_text(f"intro\n{table.START}\nold table\n{table.END}\nafter\n", encoding="utf-8")
    table.update_docs({"analysis_cold": cold}, docs)
    assert docs.read_text(encoding="utf-8") == f"intro\n{table.section({'analysis_cold': cold})}\nafter\n"

