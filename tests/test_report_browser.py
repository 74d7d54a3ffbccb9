"""The no-code HTML report, opened in a real browser (headless Chromium).

Skipped with a message where Chromium or Playwright is missing; CI installs Chromium.
The report is rendered from the committed notebooks (which nbval validates), so the
test does not execute the notebooks again. Screenshots go to reports/browser-check/.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from analysis.reporting.report import NOTEBOOK_DIR, NOTEBOOKS, render_site

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    render_site({name: NOTEBOOK_DIR / f"{name}.ipynb" for name in NOTEBOOKS}, out)
    return out


def test_report_pages_are_self_contained_and_in_dutch(site):
    pages = sorted(p.name for p in site.glob("*.html"))
    assert pages == sorted(["index.html", "begrippen.html"]
                           + [f"{n}.html" for n in NOTEBOOKS if n != "00_overzicht"])
    for page in site.glob("*.html"):
        html = page.read_text()
        assert '<html lang="nl">' in html
        assert "<script" not in html and "http://" not in html and "https://cdn" not in html
        assert "class=\"input\"" not in html and "jp-InputArea" not in html  # no code
        assert '<a href="begrippen.html"' in html  # the glossary is one click away from every page


def test_report_in_headless_chromium(site):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); browser check skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    shots = ROOT / "reports" / "browser-check"
    shots.mkdir(parents=True, exist_ok=True)
    problems = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        for html in sorted(site.glob("*.html")):
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            broken = page.eval_on_selector_all(
                "img", "imgs => imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length")
            if broken:
                problems.append(f"{html.name}: {broken} image(s) did not load")
            images = page.eval_on_selector_all("img", "imgs => imgs.length")
            for href in page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)"):
                url = urlsplit(href)
                if url.scheme == "file" and not Path(unquote(url.path)).exists():
                    problems.append(f"{html.name}: broken link {href}")
                elif url.scheme not in ("file", ""):
                    problems.append(f"{html.name}: link leaves the report: {href}")
            if images == 0 and html.name != "begrippen.html":  # the glossary is text only
                problems.append(f"{html.name}: no figures")
            page.screenshot(path=str(shots / f"{html.stem}.png"), full_page=True)
            assert (shots / f"{html.stem}.png").stat().st_size > 10_000
        browser.close()
    assert problems == []


def test_committed_report_notebooks_carry_their_outputs():
    """The report is rendered from the committed notebooks: they must hold their outputs
    (regenerating a notebook without running `make notebooks` would empty the report)."""
    import nbformat

    for name in NOTEBOOKS:
        nb = nbformat.read(NOTEBOOK_DIR / f"{name}.ipynb", as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
        assert len(outputs) >= 3, f"{name}.ipynb has no outputs: run `make notebooks`"
