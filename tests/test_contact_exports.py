"""Contact exports as form tools write them: the submission date, every patient counted.
Fixtures in tests/fixtures/contacts/ are our own, in the shapes of Jotform, Google Forms,
Gravity Forms, Typeform and Flamingo exports."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.cli import _columns, main
from analysis.sources.contacts import import_contacts

from .conftest import FIXTURES

CONTACTS = FIXTURES / "contacts"


def _local(frame):
    return [f"{t:%Y-%m-%d %H:%M}" for t in frame["timestamp"]]


def test_three_patients_with_the_same_text_on_one_day_are_three_contacts():
    frame, report = import_contacts([CONTACTS / "jotform_alleen_datum.csv"])
    assert len(frame) == 3 and report.files[0].duplicates == [(5, 2)]  # only the re-exported entry 5931001
    assert "inzendingsnummer" in report.files[0].duplicate_basis


def test_date_only_rows_without_a_sender_are_never_merged():
    frame, report = import_contacts([CONTACTS / "google_forms_zonder_afzender.csv"])
    assert len(frame) == 3 and report.files[0].duplicates == []
    assert "nooit samengevoegd" in report.render()


def test_same_time_and_text_from_two_senders_are_two_contacts(tmp_path):
    export = tmp_path / "export.csv"
    export.write_text("Datum;Naam;Bericht\n04-03-2025 10:12;Anna;Graag een afspraak.\n"
                      "04-03-2025 10:12;Bart;Graag een afspraak.\n04-03-2025 10:12;Anna;Graag een afspraak.\n",
                      encoding="utf-8")
    frame, report = import_contacts([export])
    assert len(frame) == 2 and report.files[0].duplicates == [(4, 2)]


def test_the_submission_date_wins_over_other_date_questions():
    frame, report = import_contacts([CONTACTS / "datumvragen.csv"])
    assert report.files[0].columns["roles"]["date"] == "Ingediend op"
    assert _local(frame) == ["2025-03-04 10:12", "2025-03-05 16:40", "2025-03-06 09:05"]
    assert "niet gebruikt als inzenddatum: 'Voorkeursdatum afspraak', 'Geboortedatum'" in report.render()
    frame, report = import_contacts([CONTACTS / "gravity_gewenste_datum.csv"])
    assert report.files[0].columns["roles"]["date"] == "Invoerdatum" and len(frame) == 2


def test_typeform_counts_submitted_responses_at_their_local_time(capsys):
    assert main(["contacts", str(CONTACTS / "typeform.csv"), "--out", "/dev/null"]) == 1
    out = capsys.readouterr().out
    suggested = out.split("--columns ", 1)[1].splitlines()[0].strip("'")
    columns = _columns(suggested)  # the line the import suggests can be used as it is
    frame, report = import_contacts([CONTACTS / "typeform.csv"], columns)
    assert report.files[0].columns["roles"]["date"] == "Submit Date (UTC)"
    assert _local(frame) == ["2025-03-10 00:10", "2025-03-11 13:04"]  # 23:10 UTC on 9 March is 10 March here
    assert report.files[0].skipped == [(3, "kolom 'Submit Date (UTC)': geen datum")]  # started, never sent
    assert set(report.files[0].columns["personal"]) == {"Wat is uw naam?", "Wat is uw e-mailadres?"}


def test_a_workbook_with_ingediend_op_serial_dates_and_dutch_months_imports_every_row():
    frame, report = import_contacts([CONTACTS / "ingediend_op.xlsx"])
    assert report.imported == 5 and report.files[0].skipped == []
    assert _local(frame) == ["2025-03-04 10:10", "2025-03-05 16:40", "2025-03-06 09:05", "2025-03-07 11:00",
                             "2025-03-08 00:00"]


def test_flamingos_security_alert_is_not_part_of_the_message():
    frame, _ = import_contacts([CONTACTS / "flamingo_security_alert.csv"])
    assert frame["text"].tolist() == ["Vraag over mijn rug — Mijn rug doet pijn sinds gisteren"]


@pytest.mark.parametrize("given,parsed", [
    ("date=Datum,message=Bericht", {"date": "Datum", "message": "Bericht"}),
    ('date=Datum,message="Uw vraag, of opmerking?"', {"date": "Datum", "message": "Uw vraag, of opmerking?"}),
    ("message='Waar, wanneer?' , date = Ingediend op", {"message": "Waar, wanneer?", "date": "Ingediend op"}),
])
def test_columns_take_headers_with_commas_in_quotes(given, parsed):
    assert _columns(given) == parsed


def test_excel_serial_dates_read_to_the_minute():
    from analysis.sources.contacts.dates import parse_timestamp

    stamp, fmt = parse_timestamp("45720.4236111")
    assert fmt == "excel" and pd.Timestamp(stamp).strftime("%Y-%m-%d %H:%M") == "2025-03-04 10:10"


def test_a_row_with_more_values_than_the_header_is_named_not_silently_cut(tmp_path):
    """A semicolon inside an unquoted message splits it over two cells; the part after the last
    column cannot be read, so the report names the line (never its text) and asks for a quoted export."""
    export = tmp_path / "export.csv"
    export.write_text("Datum;Naam;Bericht\n03-03-2026 10:00;Anna;Mijn knie doet pijn\n"
                      "03-03-2026 11:00;Piet;Rugpijn; al twee weken\n03-03-2026 12:00;Els;Schouder;\n",
                      encoding="utf-8")
    frame, report = import_contacts([export])
    text = report.render()
    assert len(frame) == 3
    assert "1 regel met meer waarden dan de kopregel kolommen heeft (3)" in text  # not line 4: only an empty cell
    assert "al twee weken" not in text and "exporteer opnieuw als CSV met aanhalingstekens" in text
