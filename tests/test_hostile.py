"""Hostile and careless input: nothing deleted, nothing leaked, nothing run, nothing stops the rest.

Each test is one scenario of a user's typo or an attacker's file; the fixtures are written here.
"""
from __future__ import annotations

import codecs
import datetime as dt
import io
import os
import stat
import zipfile

import nbformat
import openpyxl
import pandas as pd
import pytest

from analysis.cli import main
from analysis.core.outputs import unique_log
from analysis.reporting import draft_app
from analysis.reporting.context import ReportConfig
from analysis.reporting.exports import write_calendar_xlsx
from analysis.reporting.report import _clean, run_report
from analysis.sources.contacts import import_contacts
from analysis.sources.corpus import load_corpus
from analysis.sources.drafts import draft_from_upload
from analysis.sources.importers import import_paths
from analysis.sources.importers.htmlpage import html_to_blocks, parse_html_page
from analysis.sources.pageviews import period_text, read_pageviews
from analysis.sources.textfile import decode_with_encoding
from analysis.sources.weather import read_weather

from .smalldata import write_contacts, write_corpus

PATIENT = ["04-03-2025 10:12", "Jan de Vries", "jan.devries@example.nl", "0612345678", "mijn knie doet pijn"]


def _tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# --- never delete or overwrite what the user made ------------------------------------------------------

def test_report_out_on_a_folder_of_the_users_refuses_and_deletes_nothing(tmp_path, capsys):
    folder = tmp_path / "private"
    (folder / "sub").mkdir(parents=True)
    (folder / "notes.txt").write_text("mijn notities", encoding="utf-8")
    (folder / "sub" / "data.csv").write_text("Datum;Bericht\n", encoding="utf-8")
    assert main(["report", "--out", str(folder)]) == 2
    assert "niet van een eerder rapport" in capsys.readouterr().err
    assert _tree(folder) == ["notes.txt", "sub", "sub/data.csv"]


def test_report_out_on_a_file_refuses_and_keeps_it(tmp_path, capsys):
    target = tmp_path / "rapport.html"
    target.write_text("van mij", encoding="utf-8")
    assert main(["report", "--out", str(target)]) == 2
    assert "is een bestand" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "van mij" and _tree(tmp_path) == ["rapport.html"]


def test_report_out_that_holds_an_input_is_refused(tmp_path, capsys):
    contacts = write_contacts(tmp_path / "contacten.csv", 30, dt.date(2025, 1, 6), 60)
    assert main(["report", "--out", str(tmp_path), "--contacts", str(contacts)]) == 2
    assert "invoerbestand" in capsys.readouterr().err and contacts.exists()


def test_an_earlier_report_is_replaced_and_the_new_one_carries_the_marker(tmp_path):
    out = tmp_path / "rapport"
    out.mkdir()
    (out / "index.html").write_text("vorig rapport", encoding="utf-8")  # made before the marker existed
    from analysis.reporting import report

    corpus = write_corpus(tmp_path / "posts", 2)
    contacts = write_contacts(tmp_path / "c.csv", 40, dt.date(2025, 1, 6), 60)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(report, "NOTEBOOKS", {"00_overzicht": "Overzicht"})
        run_report(out, ReportConfig.for_inputs(corpus, contacts))
    assert (out / ".praktijkblog-rapport").exists() and "vorig rapport" not in (out / "index.html").read_text()


def test_contacts_out_never_overwrites_the_export_or_a_foreign_file(tmp_path, capsys):
    export = write_contacts(tmp_path / "export.csv", 5, dt.date(2025, 1, 6), 10)
    before = export.read_bytes()
    assert main(["contacts", str(export), "--out", str(export)]) == 2
    assert export.read_bytes() == before
    foreign = tmp_path / "boekhouding.csv"
    foreign.write_text("factuur;bedrag\n", encoding="utf-8")
    assert main(["contacts", str(export), "--out", str(foreign)]) == 2
    assert foreign.read_text(encoding="utf-8") == "factuur;bedrag\n"
    assert "invoerbestand" in capsys.readouterr().err
    out = tmp_path / "geschoond.csv"
    assert main(["contacts", str(export), "--out", str(out)]) == 0
    assert main(["contacts", str(export), "--out", str(out)]) == 0  # its own earlier output may be replaced


# --- never run markup ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name,content", [
    ("<img src=x onerror=alert(1)>.pdf", b"%PDF"),
    ("<img src=x onerror=alert(1)>.md", b"# Titel\n\n## Alleen een kopje\n"),
    ("<img src=x onerror=alert(1)>.docx", b"geen zip"),
])
def test_draft_page_errors_show_a_file_name_as_text(nlp, name, content):
    page = draft_app.draft_checker(lambda: nlp)
    upload = next(c for box in page.children for c in getattr(box, "children", ()) if hasattr(c, "accept"))
    result = page.children[-1]
    upload.value = ({"name": name, "type": "", "size": len(content), "content": memoryview(content),
                     "last_modified": dt.datetime(2026, 1, 1)},)
    assert "&lt;img src=x onerror=alert(1)&gt;" in result.value and "<img" not in result.value
    assert upload.value == ()  # the upload's bytes are released


# --- never print or log a patient's row -----------------------------------------------------------------

def test_an_export_without_a_header_row_is_refused_without_echoing_it(tmp_path, capsys):
    export = tmp_path / "export.csv"
    export.write_text(";".join(PATIENT) + "\n" + ";".join(PATIENT) + "\n", encoding="utf-8")
    assert main(["contacts", str(export), "--out", str(tmp_path / "o.csv")]) == 1
    shown = capsys.readouterr()
    assert "geen kopregel" in shown.out
    for cell in PATIENT[1:]:
        assert cell not in shown.out + shown.err
    logs = "".join(p.read_text(errors="replace") for p in (tmp_path / "logs").glob("*")) if (
        tmp_path / "logs").exists() else ""
    assert "Vries" not in logs


def test_page_views_without_a_header_are_refused_without_echo(tmp_path):
    views = tmp_path / "views.csv"
    views.write_text("/bedankt/jan.devries@example.nl/,12\n/blog/knie/,30\n", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        read_pageviews(views)
    assert "kopregel" in str(caught.value) and "devries" not in str(caught.value)


def test_page_paths_lose_names_addresses_and_encoded_mail(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Datum;Naam;Bericht;Pagina\n"
                      "2026-03-02 10:00;Klaas Bakker;Rugpijn;https://praktijk.example/bedankt/klaas-bakker/\n"
                      "2026-03-02 11:00;;Knie;/afspraak/henk-de-vos-1234ab/\n"
                      "2026-03-02 12:00;;Nek;/contact/wilhelmina.zwart%40ziggo.nl\n"
                      "2026-03-02 13:00;;Enkel;/blog/enkel-verzwikt/?utm=x\n", encoding="utf-8")
    frame, _ = import_contacts([export])
    assert frame["page"].tolist() == ["/bedankt/[NAAM]/", "/afspraak/[NAAM]/", "/contact/[EMAIL]",
                                      "/blog/enkel-verzwikt/"]


def test_a_file_name_with_personal_data_is_not_shown(tmp_path):
    export = write_contacts(tmp_path / "contact-jan.devries@example.nl-0612345678.csv", 5, dt.date(2025, 1, 6), 9)
    _, report = import_contacts([export])
    shown = report.render() + str(report.to_dict())
    assert "devries" not in shown and "0612345678" not in shown and "[EMAIL]" in shown


def test_executed_notebooks_keep_no_paths_of_the_inputs():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("# Parameters\nCORPUS = \"/home/praktijk/privé/berichten\"\n"
                                     "CONTACTS = 'C:\\\\Users\\\\jan\\\\export.csv'\nTODAY = \"2026-12-01\"\n")
    cell.metadata["tags"] = ["injected-parameters"]
    nb.cells = [cell]
    _clean(nb)
    assert "praktijk" not in cell.source and "jan" not in cell.source and 'TODAY = "2026-12-01"' in cell.source


# --- limits ---------------------------------------------------------------------------------------------

def _bomb(entry: str, megabytes: int) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open(entry, "w") as fh:
            block = b"\0" * (1 << 20)
            for _ in range(megabytes):
                fh.write(block)
    return data.getvalue()


def test_a_zip_bomb_docx_is_refused_before_it_is_unpacked():
    bomb = _bomb("word/document.xml", 60)
    assert len(bomb) < 200_000
    with pytest.raises(Exception, match="pakt uit tot 62 MB"):
        draft_from_upload("concept.docx", bomb)


def test_a_zip_bomb_workbook_is_refused(tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_bytes(_bomb("xl/worksheets/sheet1.xml", 20))
    _, report = import_contacts([path])
    assert "te groot om veilig te lezen" in report.files[0].error


def test_one_very_long_message_is_cut_not_the_whole_export(tmp_path):
    export = tmp_path / "export.csv"
    rows = [f"2026-03-{d:02d} 10:00;Vraag over mijn knie {d}" for d in range(1, 20)]
    rows[5] = "2026-03-06 10:00;" + "Mijn knie doet pijn. " * 10_000
    export.write_text("Datum;Bericht\n" + "\n".join(rows) + "\n", encoding="utf-8")
    frame, report = import_contacts([export])
    assert report.imported == 19 and report.files[0].truncated == [7]
    assert "ingekort" in report.render() and frame["text"].str.len().max() <= 20_000


# --- one bad item never stops the rest -------------------------------------------------------------------

def _hostile_corpus(folder):
    write_corpus(folder, 4)
    (folder / "kapot.md").write_text('---\ntitle: "Kapot\n---\nTekst.\n', encoding="utf-8")
    (folder / "geen-kop.md").write_text("Alleen tekst, geen kop.\n", encoding="utf-8")
    (folder / "stuurtekens.md").write_text("---\ntitle: \"Knie\\u000b en \\u001b[31mrug\"\ndate: 2025-02-01\n---\n\n"
                                           "Mijn knie doet pijn bij het fietsen. Wat kan ik doen?\n", encoding="utf-8")
    (folder / "toekomst.md").write_text("---\ntitle: Rug in de toekomst\ndate: 2099-01-01\n---\n\n"
                                        "Rugpijn komt vaak voor. Blijf bewegen.\n", encoding="utf-8")
    (folder / "passwd.md").symlink_to("/etc/passwd")
    return folder


def test_broken_posts_are_skipped_with_a_dutch_reason_and_the_rest_is_read(tmp_path):
    posts = load_corpus(_hostile_corpus(tmp_path / "posts"))
    reasons = dict(posts.attrs["problems"])
    assert len(posts) == 6 and "root:" not in " ".join(posts["body"])
    assert "geen geldige YAML" in reasons["kapot.md"] and "ontbreekt" in reasons["geen-kop.md"]
    assert "buiten de map" in reasons["passwd.md"] and "onwaarschijnlijk" in reasons["toekomst.md"]
    assert posts.loc[posts["id"] == "toekomst", "date"].isna().all()
    assert "\x0b" not in " ".join(posts["title"]) and "\x1b" not in " ".join(posts["title"])


@pytest.mark.parametrize("corpus", ["leeg", "vijandig"])
def test_the_report_runs_on_an_empty_or_hostile_corpus(tmp_path, monkeypatch, corpus):
    """CI runs all notebooks; the quick path the three that once stopped on these corpora."""
    folder = tmp_path / "posts"
    folder.mkdir()
    if corpus == "vijandig":
        _hostile_corpus(folder)
    contacts = write_contacts(tmp_path / "contacten.csv", 200, dt.date(2024, 1, 8), 400)
    if not os.environ.get("CI"):
        from analysis.reporting import report

        quick = ("02_readability", "04_seasonality", "05_planner")
        monkeypatch.setattr(report, "NOTEBOOKS", {n: t for n, t in report.NOTEBOOKS.items() if n in quick})
    index = run_report(tmp_path / "rapport", ReportConfig.for_inputs(folder, contacts))
    pages = " ".join(p.read_text(encoding="utf-8") for p in index.parent.glob("*.html"))
    assert "Traceback" not in pages and "root:x:0" not in pages
    if corpus == "vijandig" and os.environ.get("CI"):
        assert "niet of niet helemaal gelezen" in (index.parent / "01_corpus.html").read_text(encoding="utf-8")


def test_control_characters_in_a_title_do_not_stop_the_workbook(tmp_path):
    calendar = pd.DataFrame({"working_title": ["Knie\x0bpijn\x1b[0m", "Rug"], "status": ["idee", "idee"]})
    path = write_calendar_xlsx(calendar, pd.DataFrame({"title": ["=1+1"]}), tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(path)
    assert [c.value for c in book["Nieuwe berichten"]["A"]] == ["werktitel", "Knie pijn [0m", "Rug"]
    assert book["Herschrijven"]["A2"].value == "'=1+1"  # and no formula


def test_symlinks_out_of_an_import_folder_are_refused(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "passwd.txt").symlink_to("/etc/passwd")
    report = import_paths([pages], tmp_path / "posts")
    assert [(e.status, e.reason) for e in report.entries] == [
        ("skipped", "verwijst naar een bestand buiten de map (snelkoppeling), niet gelezen")]


def test_implausible_post_dates_are_not_taken_over(tmp_path):
    page = tmp_path / "post.md"
    page.write_text("---\ntitle: Knie bij het fietsen\ndate: 1900-01-01\n---\n\nMijn knie doet pijn. "
                    "Wat kan ik doen aan mijn knie?\n", encoding="utf-8")
    report = import_paths([page], tmp_path / "posts")
    entry = report.entries[0]
    assert entry.status == "imported" and "01-01-1900 is onwaarschijnlijk" in entry.reason
    assert entry.file.startswith("undated-")


# --- validated numbers -------------------------------------------------------------------------------------

def test_page_views_with_impossible_values_skip_those_rows(tmp_path):
    views = tmp_path / "views.csv"
    views.write_text("Page path and screen class,Year month,Views\n/blog/knie/,202501,100\n/blog/rug/,202513,50\n"
                     "/blog/nek/,202502,inf\n/blog/enkel/,202502,-489264\n/blog/knie/,202502,20\n", encoding="utf-8")
    frame = read_pageviews(views)
    assert frame["views"].sum() == 120 and len(frame.attrs["skipped"]) == 3
    assert "3 regels overgeslagen" in period_text(frame)


def test_knmi_missing_value_codes_are_missing_not_hot(tmp_path):
    path = tmp_path / "knmi.txt"
    path.write_text("# STN,YYYYMMDD,   TG,   TN,   TX\n249,20250101,   15,  -10,   40\n"
                    "249,20250102,99999,99999,99999\n249,20250103,  -20,  -50,  -5\n", encoding="utf-8")
    days = read_weather(path)
    assert days["tmax"].max() == 4.0 and days["tmax"].isna().sum() == 1 and days.attrs["implausible"] == 1


# --- encodings and formats -----------------------------------------------------------------------------------

def test_one_bad_byte_in_utf8_keeps_the_rest_utf8_and_says_where():
    raw = "Regel één\nTweede regel: café\n".encode() + b"Derde \xff regel\n" + "Vierde: naïef\n".encode()
    text, encoding = decode_with_encoding(raw)
    assert "één" in text and "naïef" in text and encoding.bad_lines == (3,)
    assert "regel 3" in encoding.note()


@pytest.mark.parametrize("text", ["Café", "Knie na het café\nRug bij de één", "Bel mij, ’s avonds"])
def test_a_short_windows_1252_file_is_not_taken_for_damaged_utf8(text):
    decoded, encoding = decode_with_encoding(text.encode("cp1252"))
    assert decoded == text and encoding.name == "cp1252"


def test_a_wxr_with_one_bad_byte_imports_its_accents(tmp_path):
    item = ("<item><title>Café-knie</title><wp:post_type>post</wp:post_type><wp:status>publish</wp:status>"
            "<wp:post_date>2025-01-06 10:00:00</wp:post_date><wp:post_name>cafe-knie</wp:post_name>"
            "<content:encoded><![CDATA[<p>Na een dag in het café doet mijn knie pijn. Wat kan ik doen? "
            "Blijf bewegen en fiets rustig.</p>]]></content:encoded></item>")
    head = ('<?xml version="1.0" encoding="UTF-8"?><rss xmlns:wp="http://wordpress.org/export/1.2/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>')
    wxr = tmp_path / "export.xml"
    wxr.write_bytes((head + item).encode() + b"<!-- \xff -->" + b"</channel></rss>")
    report = import_paths([wxr], tmp_path / "posts")
    assert report.entries[0].status == "imported" and report.entries[0].title == "Café-knie"
    assert "onleesbare tekens" in report.entries[0].reason


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32"])
def test_unicode_text_from_excel_is_read(tmp_path, codec):
    export = tmp_path / "export.csv"
    text = "Datum\tNaam\tBericht\n04-03-2025 10:12\tJan\tMijn knie doet pijn\n05-03-2025 09:00\tPiet\tRug\n"
    export.write_bytes(text.encode(codec) if codec != "utf-16-le" else text.encode(codec))
    frame, report = import_contacts([export])
    assert report.imported == 2 and frame["text"].iloc[0] == "Mijn knie doet pijn"


@pytest.mark.parametrize("suffix,content,message", [
    (".xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Opslaan als"),
    (".xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "wachtwoord"),
])
def test_old_and_encrypted_workbooks_get_the_fix_named(tmp_path, suffix, content, message):
    path = tmp_path / f"export{suffix}"
    path.write_bytes(content)
    _, report = import_contacts([path])
    assert message in report.files[0].error and "Error" not in report.files[0].error


def test_data_on_a_later_sheet_is_found(tmp_path):
    path = tmp_path / "export.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame().to_excel(writer, sheet_name="Uitleg", index=False)
        pd.DataFrame({"Datum": ["04-03-2025 10:12"], "Bericht": ["Knie"]}).to_excel(writer, sheet_name="Inzendingen",
                                                                                    index=False)
    frame, report = import_contacts([path])
    assert report.imported == 1 and "werkblad 'Inzendingen' gelezen" in report.render()


def test_script_and_style_are_never_article_text():
    blocks = html_to_blocks("<p>Goed nieuws voor uw knie.<script>alert('x')</script></p><style>p{}</style>")
    assert [b.text for b in blocks] == ["Goed nieuws voor uw knie."]
    page = ("<html><head><title>T</title></head><body><article><h1>Knie</h1><p>Een artikel over de knie met "
            "genoeg woorden om te tellen.</p><script>document.write('kwaad')</script></article></body></html>")
    assert "kwaad" not in parse_html_page(page).body


def test_deeply_nested_html_keeps_its_text():
    article = ("<article><h1>Knie</h1><p>Een diep genest artikel over de knie met genoeg woorden om te tellen."
               "</p><p>Nog een alinea over de knie en over bewegen, lang genoeg.</p></article>")
    page = "<html><body>" + "<div>" * 300 + article + "</div>" * 300 + "</body></html>"
    assert "diep genest artikel" in parse_html_page(page).body


# --- local files ---------------------------------------------------------------------------------------------

def test_outputs_caches_and_logs_are_private(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache" / "analysis"))
    old = os.umask(0o022)
    try:
        export = write_contacts(tmp_path / "export.csv", 5, dt.date(2025, 1, 6), 9)
        assert main(["contacts", str(export), "--out", str(tmp_path / "uit" / "contacten.csv")]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "uit" / "contacten.csv").stat().st_mode) == 0o600
    cached = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert cached and all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in cached)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o700 for p in (tmp_path / "cache").rglob("*") if p.is_dir())
    log = unique_log("fout")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600 and stat.S_IMODE(log.parent.stat().st_mode) == 0o700


def test_two_errors_in_one_second_get_two_logs(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache" / "analysis"))
    assert unique_log("fout") != unique_log("fout")


def test_ctrl_c_ends_with_one_dutch_line(monkeypatch, capsys, tmp_path):
    from analysis import cli

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "cmd_readability", interrupted)
    assert main(["readability", str(tmp_path)]) == 130
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "afgebroken" in err and "Traceback" not in err


def test_file_system_errors_are_dutch(tmp_path, capsys):
    blocker = tmp_path / "bestand"
    blocker.write_text("x", encoding="utf-8")
    page = tmp_path / "p.txt"
    page.write_text("Titel\n\nTekst over de knie die lang genoeg is om te lezen.\n", encoding="utf-8")
    assert main(["import", str(page), "--out", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert "bestand" in err and "File exists" not in err and "Errno" not in err and str(tmp_path) not in err


def test_utf16_bom_only_file_is_empty(tmp_path):
    path = tmp_path / "leeg.csv"
    path.write_bytes(codecs.BOM_UTF16_LE)
    _, report = import_contacts([path])
    assert "leeg bestand" in report.files[0].error
