"""The no-code HTML report, opened in a real browser (headless Chromium).

Skipped with a message where Chromium or Playwright is missing; CI installs Chromium.
The report is rendered from the committed notebooks (which nbval validates), so the
test does not execute the notebooks again. Screenshots go to reports/browser-check/.
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from analysis.reporting.report import NOTEBOOK_DIR, NOTEBOOKS, _page, render_site

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


def _sync_api():
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); browser check skipped")
    return pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


A4_CONTENT = {"width": 703, "height": 1031}  # CSS pixels inside the report's A4 page (12 mm margins)
OUTSIDE = """() => { const edge = document.querySelector('main').getBoundingClientRect().right + 1;
  return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > edge)
    .slice(0, 3).map(e => `${e.tagName} ${Math.round(e.getBoundingClientRect().width)} px`); }"""


def printed_pages(pdf: bytes) -> int:
    """Number of pages of a PDF written by Chromium (its page tree states /Count)."""
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    assert counts, "no page tree in the PDF"
    return max(counts)


def layout_problems(pages: list[Path]) -> list[str]:
    """What the owner would meet on paper and on a 1280 px screen: an overview that needs a
    second A4 page, a page that scrolls sideways, content that sticks out of the page."""
    sync_api = _sync_api()
    found = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for html in pages:
            page.emulate_media(media="screen")
            page.set_viewport_size({"width": 1280, "height": 900})
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if wide > 0:
                found.append(f"{html.name}: scrolls {wide} px sideways at 1280 px")
            if sticking := page.evaluate(OUTSIDE):
                found.append(f"{html.name}: wider than the page at 1280 px: {sticking}")
            page.emulate_media(media="print")
            page.set_viewport_size(A4_CONTENT)
            if sticking := page.evaluate(OUTSIDE):
                found.append(f"{html.name}: wider than an A4 page in print: {sticking}")
            if html.name == "index.html" and (n := printed_pages(page.pdf(prefer_css_page_size=True))) != 1:
                found.append(f"index.html: the overview prints on {n} A4 pages")
        browser.close()
    return found


def test_overview_prints_on_one_a4_page_and_no_page_scrolls_sideways(site):
    assert layout_problems(sorted(site.glob("*.html"))) == []


def test_the_layout_check_sees_a_second_page_and_a_wide_table(tmp_path):
    """The check fails where the owner would: a long overview and a table wider than the screen."""
    row = "".join(f"<td>fysiotherapiepraktijkkolom{i}</td>" for i in range(12))
    long = "".join(f"<p>Regel {i} van een overzicht dat niet op één blad past.</p>" for i in range(90))
    for name, body in [("index.html", long), ("02_readability.html", f"<table><tr>{row}</tr></table>")]:
        (tmp_path / name).write_text(_page("Test", body, "00_overzicht"), encoding="utf-8")
    found = layout_problems(sorted(tmp_path.glob("*.html")))
    assert any("prints on" in f for f in found), found
    assert any("02_readability.html: scrolls" in f for f in found), found


def test_report_in_headless_chromium(site):
    sync_api = _sync_api()
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


def test_every_report_page_renders_from_the_one_report_context():
    """Every page tells the same story: each notebook takes only the report's configuration and
    reads the dataset, effects and plan from its one context, never computing its own (a topic
    page measuring gaps from the end of the data while the planner starts today, as before)."""
    own_work = ("load_dataset(", "make_plan(", "topic_gaps(", "tagged_posts(", "effects_table(", "readability_table(")
    for name in NOTEBOOKS:
        source = (NOTEBOOK_DIR / f"{name}.py").read_text(encoding="utf-8")
        params = source.split('tags=["parameters"]', 1)[1].split("# %%", 1)[0]
        assert re.findall(r"^(\w+) =", params, flags=re.M) == ["REPORT"], name
        assert "report = report_context(REPORT)" in source, name
        assert [w for w in own_work if re.search(rf"(?<![\w.]){re.escape(w)}", source)] == [], name

