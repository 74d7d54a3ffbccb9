"""The table of docs/performance.md, made from benchmarks/results/latest.json.

``make bench`` writes latest.json and puts this table in the docs between the two markers below;
tests/test_performance_docs.py checks that the committed docs show the committed figures, so the
table cannot go stale. Targets are those of the issues that set them (issue 39).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

DOCS = Path(__file__).resolve().parents[1] / "docs" / "performance.md"
START = "<!-- table made by make bench from benchmarks/results/latest.json: do not edit -->"
END = "<!-- end of the table made by make bench -->"

Row = tuple[str, str, Callable[[dict], str], str, Callable[[dict], bool] | None]


def _seconds(s: float) -> str:
    return f"{s:.1f} s" if s < 100 else f"{s:,.0f} s ({s / 60:.1f} min)"


def _memory(r: dict) -> str:
    pss = r.get("peak_pss_mb_with_workers")
    if pss:
        return f"{pss:,.0f} MB PSS" + (" with workers" if r.get("peak_pss_mb_per_child") else "")
    return f"{r['peak_mb']:,.0f} MB" if r.get("peak_mb") else "not measured"


ROWS: list[Row] = [
    ("1. floor: `spacy.blank(\"nl\")` tokenisation", "floor",
     lambda r: f"{r['words_per_s']:,.0f} tokens/s", "–", None),
    ("2. text analysis, cold (loading, NLP, readability, topics)", "analysis_cold",
     lambda r: f"{r['words_per_s']:,.0f} words/s, **{r['ratio_to_floor']:.2f}× the floor**", "≤ 1.5× the floor",
     lambda r: r["ratio_to_floor"] <= 1.5),
    ("2. text analysis, warm, one post changed", "analysis_warm_one_changed",
     lambda r: "the other posts from the result cache", "< 5 s", lambda r: r["seconds"] < 5),
    ("topic tagging of the sample corpus (pipeline loaded)", "tag_sample",
     lambda r: f"{r['posts']} posts", "< 1 s", lambda r: r["seconds"] < 1),
    ("draft check of a long draft (pipeline loaded)", "draft_check",
     lambda r: f"{r['words']:,} words; after an edit {r['after_edit_seconds']:.2f} s", "–", None),
    ("the draft page: `make app` until the text box is there", "app",
     lambda r: f"verdict {r['verdict_seconds']:.1f} s after pasting {r['words']:,} words", "< 5 s",
     lambda r: r["seconds"] < 5),
    ("3. contact import with de-identification (deduce) and tagging", "contacts",
     lambda r: f"{r['rows']:,} rows, {r['rows_per_s']:,.0f} rows/s", "< 10 min, ≤ 1.2 GB PSS",
     lambda r: r["seconds"] < 600 and r["peak_pss_mb_with_workers"] <= 1200),
    ("4. effects model on the imported contacts", "effects",
     lambda r: f"{r['weeks']} weeks", "–", None),
    ("5. the sample report, warm", "report",
     lambda r: f"first ever {_seconds(r['first_seconds'])}; its analyses alone {_seconds(r['context_seconds'])} "
               f"(warm = {r['seconds'] / r['context_seconds']:.1f}× that)"
               + (f"; largest kernel {r['peak_pss_mb_per_child']:,} MB PSS" if r.get("peak_pss_mb_per_child") else ""),
     "≤ 2× its analyses",
     lambda r: r["seconds"] <= 2 * r["context_seconds"]),
    ("6. chain of practices on Dask, 2 workers", "chain",
     lambda r: f"{r['practices']} practices, {r['contact_rows']:,} rows; 1 worker {_seconds(r['one_worker_seconds'])}, "
               f"{r['speedup']:.2f}× faster; peak {r['peak_mb_per_worker']:,} MB PSS per worker", "–", None),
]


def _frog_rows(frog: dict) -> list[str]:
    if "skipped" in frog:
        return [f"| 7. Frog path | {frog.get('measured_on', '–')} | – | – | skipped: {frog['skipped']} | – | – |"]
    return [f"| 7. Frog path on the sample, {label} | {frog['measured_on']} | {_seconds(r['seconds'])} | "
            f"{_memory(r)} | {r['words_per_s']:,.0f} words/s ({r['words']:,} words, {r['frog']}) | – | – |"
            for label, r in (("cold", frog["cold"]), ("warm", frog["warm"]))]


def render(results: dict) -> str:
    """The Markdown table of every step in *results* (a step not yet measured: a row that says so)."""
    lines = ["| step | measured on | time (median) | peak memory | result | target | met |",
             "|---|---|---|---|---|---|---|"]
    for label, key, result, target, met in ROWS:
        r = results.get(key)
        if r is None or "skipped" in r:
            when = r.get("measured_on", "–") if r else "not yet"
            lines.append(f"| {label} | {when} | – | – | {r['skipped'] if r else '–'} | {target} | – |")
            continue
        verdict = "–" if met is None else ("yes" if met(r) else "**no**")
        lines.append(f"| {label} | {r.get('measured_on', 'earlier')} | {_seconds(r['seconds'])} | {_memory(r)} | "
                     f"{result(r)} | {target} | {verdict} |")
    if "frog" in results:
        lines += _frog_rows(results["frog"])
    machines = {(r["machine"]["cores"], r["machine"]["posts"], r["machine"]["contact_rows"])
                for r in results.values() if isinstance(r, dict) and "machine" in r}
    scale = "; ".join(f"{c} cores, {p:,} posts, {n:,} contact rows" for c, p, n in sorted(machines))
    return "\n".join(lines + ["", f"Scale and machine: {scale or 'not recorded'}."])


def section(results: dict) -> str:
    return f"{START}\n{render(results)}\n{END}"


def update_docs(results: dict, docs: Path = DOCS) -> None:
    """Put the table for *results* between the markers in docs/performance.md."""
    text = docs.read_text(encoding="utf-8")
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    docs.write_text(before + section(results) + after, encoding="utf-8")
