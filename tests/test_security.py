"""Hostile input: no markup runs in the report, no cell starts a formula, no raw cell in a reason."""
from __future__ import annotations

import csv
import re
import shutil

import lxml.html
import nbformat
import pandas as pd
import pytest
import yaml

from analysis.core.spreadsheet import neutralise, neutralise_frame
from analysis.reporting.context import ReportConfig
from analysis.reporting.exports import write_csv
from analysis.reporting.report import render_site
from analysis.reporting.safe import md
from analysis.sources.contacts import import_contacts, load_contacts, save_contacts

HOSTILE = [
    "<script>alert('titel')</script>",
    '<img src=x onerror="alert(\'img\')">',
    "[klik hier](javascript:alert('link'))",
    '<a href="javascript:alert(\'a\')">link</a>',
    "<iframe src=\"javascript:alert('frame')\"></iframe>",
    "&lt;script&gt;alert('entiteit')&lt;/script&gt;",
]


def _hostile_notebook(path):
    """An executed notebook whose outputs hold data strings, escaped as the notebooks do,
    and one raw (unescaped) output that only the renderer's cleaning can stop."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", {"text/markdown": "\n".join(
        f"- {md(s)}" for s in HOSTILE)}),
        nbformat.v4.new_output("display_data", {"text/html": "".join(HOSTILE)}),
        nbformat.v4.new_output("display_data", {"text/html": pd.DataFrame({"titel": HOSTILE}).to_html()})]
    nb.cells = [nbformat.v4.new_markdown_cell("# Test"), cell]
    nbformat.write(nb, path)
    return path


def test_markdown_escaping_keeps_the_text_and_drops_the_markup():
    for text in HOSTILE:
        escaped = md(text)
        assert "<" not in escaped and not re.search(r"(?<!\\)[\[\]]", escaped)


@pytest.fixture()
def hostile_site(tmp_path):
    names = ["00_overzicht", "01_corpus", "02_readability", "03_topics", "04_seasonality", "05_planner"]
    notebooks = {n: _hostile_notebook(tmp_path / f"{n}.ipynb") for n in names}
    return render_site(notebooks, tmp_path / "site").parent


def test_rendered_pages_hold_no_script_handler_or_javascript_link(hostile_site):
    for page in hostile_site.glob("*.html"):
        html = page.read_text()
        assert "Content-Security-Policy" in html and "script-src" not in html  # default-src 'none'
        tree = lxml.html.fromstring(html)
        assert not tree.xpath("//script | //iframe | //object | //embed | //form")
        for element in tree.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on"), (page.name, element.tag, name)
                assert not value.strip().lower().startswith("javascript:"), (page.name, element.tag, value)
        if page.name != "begrippen.html":  # the glossary holds no data
            assert "alert('titel')" in tree.text_content()  # shown as text, not dropped


def test_hostile_report_runs_nothing_in_chromium(hostile_site):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); browser check skipped")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    dialogs, errors = [], []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        for html in sorted(hostile_site.glob("*.html")):
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            if html.name != "begrippen.html":  # the glossary holds no data
                assert "alert('titel')" in page.inner_text("main")
            for i in range(page.locator("main a:visible").count()):  # a planted link runs nothing
                page.goto(html.as_uri())
                page.locator("main a:visible").nth(i).click(timeout=2000)
                page.wait_for_load_state("load")
        browser.close()
    assert dialogs == [] and errors == []


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+31 6 1234", "-2+3", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_formula_cells_are_neutralised(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-5", "+3,5", "12.5", "1e3", "Rugpijn", "", 7, -2.5])
def test_numbers_and_text_are_left_alone(cell):
    assert neutralise(cell) == cell


def test_planner_csv_has_no_formula(tmp_path):
    plan = pd.DataFrame({"topic_label": ["=cmd|' /C calc'!A0", "Knie"], "lift": [-1.5, 2.0],
                         "reason": ["@SUM(1)", "gewoon"]})
    path = write_csv(plan, tmp_path / "planner.csv")
    rows = list(csv.reader(path.open(encoding="utf-8-sig"), delimiter=";"))
    assert rows[0] == ["onderwerp", "effect (×)", "reden"]
    cells = [c for row in rows for c in row]
    assert not any(c.startswith(("=", "+", "@", "\t", "\r")) for c in cells)
    assert "-1,5" in cells  # numbers keep their sign and Dutch decimal comma


def test_contacts_csv_has_no_formula_and_reads_back(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Datum;Bericht;Pagina\n"
                      "2026-03-02 10:00;=HYPERLINK(\"http://x\";\"klik\");/blog/knie/\n"
                      "2026-03-03 09:00;@SUM(1) tweede inzending;/blog/rug/\n", encoding="utf-8")
    frame, report = import_contacts([export])
    assert report.imported == 2
    old = pd.Timestamp("1939-05-01 09:00").tz_localize("Europe/Amsterdam")  # offset +00:19:32
    frame = pd.concat([frame, frame.head(1).assign(timestamp=old)], ignore_index=True)
    save_contacts(frame, tmp_path / "c.csv")
    raw = (tmp_path / "c.csv").read_text(encoding="utf-8")
    assert not any(cell.startswith(("=", "@")) for line in raw.splitlines() for cell in line.split(","))
    again = load_contacts(tmp_path / "c.csv")
    assert len(again) == 3 and again["timestamp"].equals(frame["timestamp"])


def test_skip_reasons_never_repeat_the_cell(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Datum;Bericht\njan.jansen@example.nl;Mijn knie\n2026-03-02 10:00;Rug\n",
                      encoding="utf-8")
    _, report = import_contacts([export])
    assert "jan.jansen" not in report.render() and "jan.jansen" not in str(report.to_dict())
    assert report.files[0].skipped == [(2, "kolom 'Datum': onleesbare datum")]


def test_page_paths_are_scrubbed(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Datum,Bericht,Pagina\n2026-03-02 10:00,Rug,https://praktijk.example/bedankt/"
                      "piet.smit@example.nl/?x=1\n", encoding="utf-8")
    frame, _ = import_contacts([export])
    assert frame["page"].tolist() == ["/bedankt/[EMAIL]/"]


def test_neutralise_frame_leaves_numeric_columns_numeric():
    frame = neutralise_frame(pd.DataFrame({"n": [-1, 2], "t": ["-x", "y"]}))
    assert frame["n"].tolist() == [-1, 2] and frame["t"].tolist() == ["'-x", "y"]


def test_hostile_posts_and_draft_through_the_real_notebooks(tmp_path, monkeypatch):
    """Posts and a draft full of markup, run through notebooks 02 and 05 and the renderer."""
    import datetime as dt

    from analysis.reporting import report

    from .smalldata import write_contacts

    corpus = tmp_path / "posts"
    corpus.mkdir()
    for i, bad in enumerate(HOSTILE[:4]):
        front = yaml.safe_dump({"title": f"Rugpijn {i} {bad}", "date": f"2025-0{i + 1}-10"}, allow_unicode=True)
        (corpus / f"p{i}.md").write_text(
            f"---\n{front}---\n\n## Kop {bad}\n\n"
            f"Rugpijn gaat vaak vanzelf over, zegt {bad} de fysiotherapeut in dit bericht over de rug. "
            "Blijf rustig bewegen en wandel elke dag een stukje.\n", encoding="utf-8")
    draft = tmp_path / "concept.md"
    draft.write_text(f"# Concept {HOSTILE[0]}\n\nDit concept bevat {HOSTILE[1]} en {HOSTILE[2]} in een zin "
                     "die wordt gelezen door de lezer.\n", encoding="utf-8")
    contacts = write_contacts(tmp_path / "c.csv", 200, dt.date(2024, 1, 8), 420)
    monkeypatch.setattr(report, "NOTEBOOKS", {"02_readability": "Leesbaarheid", "05_planner": "Planner"})
    index = run_report_for(report, tmp_path / "rapport", corpus, contacts, draft)
    for page in index.parent.glob("*.html"):
        tree = lxml.html.fromstring(page.read_text(encoding="utf-8"))
        assert not tree.xpath("//script | //iframe | //object | //embed | //form"), page.name
        for element in tree.iter():
            for name, value in element.attrib.items():
                assert not name.lower().startswith("on") and not value.strip().lower().startswith("javascript:")
    planner = (index.parent / "05_planner.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in planner  # the draft's markup is shown as text


def run_report_for(report, out, corpus, contacts, draft):
    return report.run_report(out, ReportConfig.for_inputs(corpus, contacts, draft=draft))
