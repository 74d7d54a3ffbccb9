"""The notebooks' sources are the jupytext files; the committed notebooks must match them, and
the README stays a front door whose links all lead somewhere."""
from __future__ import annotations

import re

import nbformat

from analysis.reporting.report import NOTEBOOK_DIR, notebook_from_source

from .conftest import ROOT


def _cells(nb) -> list[tuple[str, str, list[str]]]:
    return [(c.cell_type, c.source, sorted(c.metadata.get("tags", []))) for c in nb.cells]


def test_every_notebook_matches_its_source():
    sources = sorted(NOTEBOOK_DIR.glob("0*.py"))
    assert [p.stem for p in sources] == [p.stem for p in sorted(NOTEBOOK_DIR.glob("0*.ipynb"))]
    for source in sources:
        committed = nbformat.read(source.with_suffix(".ipynb"), as_version=4)
        assert _cells(committed) == _cells(notebook_from_source(source.stem)), (
            f"{source.name} and its notebook differ: run `make notebooks`")


def test_readme_is_short_and_every_link_in_it_and_the_docs_resolves():
    assert len((ROOT / "README.md").read_bytes()) <= 10_000
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).exists(), f"{page.name} links to {target}, which does not exist"


def test_owner_pages_hold_answers_and_the_lab_has_its_own_page():
    lab = ["Vergelijking met textstat", "Tweede blik", "herkenning", "de importer", "textstat_comparison",
           "verdict_calibration", "tagging_agreement", "contact_report.render", "planted_check", "report.themes"]
    for name in ["01_corpus", "02_readability", "03_topics", "04_seasonality", "05_planner"]:
        source = (NOTEBOOK_DIR / f"{name}.py").read_text(encoding="utf-8")
        body = source.split("</details>", 1)[-1]  # the folded method may name what it links to
        assert [w for w in lab if w in body] == [], name
    method = (NOTEBOOK_DIR / "07_methode.py").read_text(encoding="utf-8")
    assert all(w in method for w in lab if not w[0].isupper()), "the checks moved to Methode en controle"
