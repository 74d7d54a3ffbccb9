"""Importing contact-form exports safely, and the synthetic sample that stands in for them."""
from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from analysis.cli import main
from analysis.sample.synthetic import PLANTED
from analysis.sources.contacts import import_contacts, load_contacts, save_contacts
from analysis.sources.contacts.dates import DateError, parse_timestamp
from analysis.text.contact_topics import import_tagged_contacts

from .conftest import ROOT

SAMPLE = ROOT / "data" / "sample" / "contacts.csv"


def _write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_sample_export_imports_with_a_reconciled_report():
    frame, report = import_tagged_contacts([SAMPLE])
    [f] = report.files
    bad = PLANTED.bad_rows
    assert f.reconciles
    assert len(f.duplicates) == bad["duplicate"]
    assert len(f.skipped) == bad["no_date"] + bad["bad_date"] + bad["empty"]
    assert f.imported == len(frame) == f.rows - len(f.skipped) - len(f.duplicates)
    assert set(f.columns["personal"]) == {"Naam", "E-mail", "Telefoon"}
    assert list(frame.columns) == ["timestamp", "text", "page", "topics", "message_topics", "page_topics"]
    assert frame["timestamp"].is_monotonic_increasing
    assert frame["page"].str.startswith("/").all()  # paths only, no domain or query


def test_no_email_or_phone_survives_import():
    frame, _ = import_contacts([SAMPLE])
    text = " ".join(frame["text"])
    assert "@" not in text
    assert not pd.Series(frame["text"]).str.contains(r"(?:\+31|\b06)[\s-]?\d{4}").any()
    assert "[TELEFOON]" in text and "[EMAIL]" in text and "[NAAM]" in text


def test_semicolon_cp1252_english_headers_and_bom(tmp_path):
    csv_nl = "\ufeffDatum;Naam;Bericht;Pagina\n24-11-2026 14:03;Jan;Pijn in mijn knieën;/blog/knie/\n"
    csv_en = "submitted_at,name,email,message,referrer\n2026-11-24T14:03:00+01:00,Jan,j@example.nl,Pijn in mijn knie,https://x.example/blog/knie/?utm=mail\n"
    frame, report = import_tagged_contacts([_write(tmp_path, "a.csv", csv_nl, "utf-8"),
                                     _write(tmp_path, "b.csv", csv_en.replace("knie", "nek"), "cp1252")])
    assert report.imported == 2
    assert frame["page"].tolist() == ["/blog/knie/", "/blog/nek/"]
    assert frame["timestamp"].iloc[0].isoformat() == "2026-11-24T14:03:00+01:00"
    assert frame["topics"].tolist() == ["knie", "nek"]


def test_naive_times_are_amsterdam_time_across_dst():
    summer, _ = parse_timestamp("2026-07-01 12:00")
    winter, _ = parse_timestamp("01-12-2026 12:00")
    assert summer.utcoffset() == dt.timedelta(hours=2) and winter.utcoffset() == dt.timedelta(hours=1)
    gap, _ = parse_timestamp("29-03-2026 02:30")  # does not exist: clocks jump 02:00 -> 03:00
    assert gap.isoformat() == "2026-03-29T03:30:00+02:00"
    twice, _ = parse_timestamp("25-10-2026 02:30")  # happens twice: the first one is taken
    assert twice.isoformat() == "2026-10-25T02:30:00+02:00"
    with pytest.raises(DateError):
        parse_timestamp("31-02-2026 10:00")


def test_mixed_date_formats_bad_rows_and_duplicates_are_reported(tmp_path):
    text = ("Datum;Bericht\n"
            "2026-11-24 10:00;Rugpijn\n"
            "24/11/2026;Nekpijn\n"
            ";Geen datum\n"
            "\n"
            "morgen;Onleesbaar\n"
            "2026-11-24 10:00;Rugpijn\n")
    frame, report = import_contacts([_write(tmp_path, "mix.csv", text)])
    [f] = report.files
    assert f.rows == 6 and f.imported == 2 and f.reconciles
    assert f.skipped == [(4, "kolom 'Datum': geen datum"), (5, "lege regel"),
                         (6, "kolom 'Datum': onleesbare datum")]
    assert f.duplicates == [(7, 2)]
    assert f.date_formats == ["iso", "numeriek"]
    assert "verschillende notaties" in report.render()


def test_multiline_messages_keep_their_line_numbers(tmp_path):
    text = 'Datum;Bericht\n24-11-2026 10:00;"Regel een\nregel twee"\n;Geen datum\n'
    _, report = import_contacts([_write(tmp_path, "ml.csv", text)])
    assert report.files[0].skipped == [(4, "kolom 'Datum': geen datum")]


@pytest.mark.parametrize("text,message", [
    ("", "leeg bestand"),
    ("Naam;Bericht\nJan;Hallo\n", "geen datumkolom gevonden"),
    ("Datum#Bericht\n24-11-2026#Hallo\n", "verkeerd scheidingsteken?"),  # unknown delimiter
])
def test_unusable_files_get_a_clear_message(tmp_path, text, message):
    path = _write(tmp_path, "x.csv", text)
    _, report = import_contacts([path])
    assert message in report.files[0].error and not report.ok


def test_column_override(tmp_path):
    text = "Ingezonden op;Tekst van bezoeker\n24-11-2026 09:00;Mijn enkel is dik\n"
    path = _write(tmp_path, "o.csv", text)
    frame, report = import_tagged_contacts([path], columns={"date": "Ingezonden op",
                                                     "message": "Tekst van bezoeker"})
    assert report.imported == 1 and frame["topics"].tolist() == ["enkel"]


def test_excel_export(tmp_path):
    path = tmp_path / "balie.xlsx"
    pd.DataFrame({"Datum": ["24-11-2026 09:00", "25-11-2026"], "Telefoon": ["0612345678", ""],
                  "Bericht": ["Bel mij op 06-12345678", "Vraag over de polis"]}).to_excel(path, index=False)
    frame, report = import_contacts([path])
    assert report.imported == 2 and frame["text"].iloc[0] == "Bel mij op [TELEFOON]"


def test_cli_writes_only_the_scrubbed_dataset(tmp_path, capsys):
    out = tmp_path / "processed" / "contacts.csv"
    assert main(["contacts", str(SAMPLE), "--out", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["files"][0]["reconciles"]
    written = out.read_text()
    assert "@example.nl" not in written and "Naam" not in written.splitlines()[0]
    assert len(load_contacts(out)) == report["imported"]


def test_cli_fails_clearly_when_nothing_imports(tmp_path, capsys):
    empty = _write(tmp_path, "leeg.csv", "")
    assert main(["contacts", str(empty), "--out", str(tmp_path / "o.csv")]) == 1
    assert "leeg bestand" in capsys.readouterr().out
    assert not (tmp_path / "o.csv").exists()


def test_save_and_load_round_trip(tmp_path):
    frame, _ = import_contacts([SAMPLE])
    save_contacts(frame.head(50), tmp_path / "c.csv")
    again = load_contacts(tmp_path / "c.csv")
    assert again["timestamp"].equals(frame["timestamp"].head(50))


def test_implausible_dates_are_skipped_with_their_lines(tmp_path):
    rows = ["Datum;Bericht"] + [f"2025-{m:02d}-10 10:00;Knie {m}" for m in range(1, 13)] + [
        "2099-01-01 10:00;Toekomst", "1900-01-01 10:00;Oud", "2019-01-01 10:00;Ver voor de rest"]
    frame, report = import_contacts([_write(tmp_path, "d.csv", "\n".join(rows) + "\n")])
    [f] = report.files
    assert f.imported == len(frame) == 12 and f.reconciles
    assert f.skipped == [(14, "kolom 'Datum': datum ligt in de toekomst"),
                         (15, "kolom 'Datum': datum ligt ver voor de rest van de export (onwaarschijnlijk)"),
                         (16, "kolom 'Datum': datum ligt ver voor de rest van de export (onwaarschijnlijk)")]
    assert frame["timestamp"].min().year == 2025
