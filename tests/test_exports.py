"""The exports practices really have: form plugins, KNMI weather, GA4, Matomo and Plausible.

Every fixture is written for the tests in the shape the tool produces (headers,
date notation, period notes); no row comes from a real practice.
"""
from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest

from analysis.cli import main
from analysis.core.errors import WeatherError
from analysis.sources.contacts import import_contacts
from analysis.sources.contacts.dates import date_order, parse_timestamp
from analysis.sources.knmi import URL, download_daily
from analysis.sources.pageviews import read_pageviews
from analysis.sources.weather import read_weather
from analysis.timeseries.audience import contacts_per_1000_views
from analysis.timeseries.covariates import weekly_covariates

from .conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
CONTACTS = FIXTURES / "contacts"
KNMI = FIXTURES / "weather" / "knmi_daggegevens.txt"

# tool: (file, role -> header, personal columns, first timestamp)
FORMS = {
    "WPForms": ("wpforms.csv", {"date": "Entry Date", "message": "Uw vraag of opmerking", "page": "Source URL"},
                ["Naam", "E-mailadres", "Telefoonnummer"], "2026-01-14T09:05:00+01:00"),
    "Gravity Forms": ("gravityforms.csv", {"date": "Invoerdatum", "message": "Bericht", "page": "Bron-URL"},
                      ["Naam (Voornaam)", "Naam (Achternaam)", "E-mail", "Telefoon", "Gebruikers-IP"],
                      "2025-03-04T10:12:33+01:00"),
    "Ninja Forms": ("ninjaforms.csv", {"date": "Date Submitted", "message": "Message"},
                    ["Name", "Email", "Phone"], "2025-10-13T00:00:00+02:00"),
    "Elementor": ("elementor.csv", {"date": "Aangemaakt op", "message": "Bericht", "page": "Pagina"},
                  ["Naam", "E-mail", "Gebruikers-IP"], "2025-06-02T08:45:10+02:00"),
    "Wix": ("wix.csv", {"date": "Submission time", "message": "Message"},
            ["First name", "Last name", "Email", "Phone"], "2025-03-04T10:12:00+01:00"),
    "Jotform": ("jotform.csv", {"date": "Submission Date", "message": "Uw bericht"},
                ["Volledige naam", "E-mail", "Telefoonnummer", "Submission IP"], "2025-03-04T10:12:00+01:00"),
    "Contact Form 7 + Flamingo": ("flamingo.csv", {"date": "Date", "message": "your-message", "subject": "Subject"},
                                  ["From", "your-name", "your-email"], "2025-11-03T09:15:00+01:00"),
}


@pytest.mark.parametrize("tool", FORMS)
def test_form_plugin_exports_import_with_every_row_accounted_for(tool):
    name, roles, personal, first = FORMS[tool]
    frame, report = import_contacts([CONTACTS / name])
    [f] = report.files
    assert f.error == "" and f.reconciles and f.imported == f.rows > 0
    assert f.columns["roles"] == roles
    assert f.columns["personal"] == personal
    assert frame["timestamp"].iloc[0].isoformat() == first
    assert (frame["text"].str.len() > 10).all()  # messages, never empty text


def test_personal_columns_scrub_the_message_and_are_dropped():
    frame, _ = import_contacts([CONTACTS / "flamingo.csv"])
    text = " ".join(frame["text"])
    for value in ["Jan de Vries", "jan@example.nl", "Greet"]:
        assert value not in text
    assert "[NAAM]" in text and "[EMAIL]" in text
    frame, _ = import_contacts([CONTACTS / "wpforms.csv"])
    assert "Kees Mol" not in " ".join(frame["text"])  # the name column scrubs the message


def test_without_a_message_column_the_import_asks_instead_of_importing_empty_texts(capsys):
    assert main(["contacts", str(CONTACTS / "no_message_header.csv"), "--out", "/dev/null"]) == 1
    out = capsys.readouterr().out
    assert "'Veld 4' lijkt de berichten te bevatten" in out
    assert "--columns 'date=Datum,message=Veld 4'" in out
    frame, report = import_contacts([CONTACTS / "no_message_header.csv"], {"message": "Veld 4"})
    assert report.files[0].imported == 4 and frame["text"].str.contains("knie").any()
    frame, report = import_contacts([CONTACTS / "no_message_header.csv"], {"message": "-"})
    assert report.files[0].imported == 4  # said on purpose: an export without messages


@pytest.mark.parametrize("value,order,expected", [
    ("2025-03-04 10:12", "dmy", "2025-03-04 10:12"),
    ("2025-03-04T10:12:00Z", "dmy", "2025-03-04 11:12"),
    ("04-03-2025 10:12", "dmy", "2025-03-04 10:12"),
    ("04/03/2025 10:12 am", "mdy", "2025-04-03 10:12"),
    ("04/03/2025 10:12 pm", "mdy", "2025-04-03 22:12"),
    ("12/03/2025 12:05 am", "mdy", "2025-12-03 00:05"),
    ("04.03.25", "dmy", "2025-03-04 00:00"),
    ("4 maart 2025 om 10:12", "dmy", "2025-03-04 10:12"),
    ("dinsdag 4 maart 2025", "dmy", "2025-03-04 00:00"),
    ("17 mrt 2025 16:30", "dmy", "2025-03-17 16:30"),
    ("Mar 4, 2025 10:12 AM", "dmy", "2025-03-04 10:12"),
    ("March 4th, 2025 3:05 PM", "dmy", "2025-03-04 15:05"),
    ("4 Oct 2025 08:00", "dmy", "2025-10-04 08:00"),
    ("1735725600", "dmy", "2025-01-01 11:00"),
    ("1735725600000", "dmy", "2025-01-01 11:00"),
])
def test_dates_in_every_notation_the_tools_write(value, order, expected):
    stamp, _ = parse_timestamp(value, order)
    assert stamp.strftime("%Y-%m-%d %H:%M") == expected


def test_the_day_month_order_is_settled_by_the_whole_column_and_reported():
    assert date_order([(2, "03/04/2025"), (3, "13/04/2025")]).order == "dmy"
    assert date_order([(2, "03/04/2025"), (3, "04/23/2025")]).order == "mdy"
    assumed = date_order([(2, "03/04/2025 10:12 am")])
    assert assumed.order == "mdy" and "aangenomen" in assumed.text()
    assert date_order([(2, "03/04/2025")]).order == "dmy"
    _, report = import_contacts([CONTACTS / "ambiguous_us.csv"])
    assert "maand eerst (aangenomen" in report.render()
    frame, _ = import_contacts([CONTACTS / "ambiguous_us.csv"], date_order="dmy")
    assert frame["timestamp"].iloc[0].month == 4  # 03/04 read as 3 April on request


def test_knmi_daily_data_as_downloaded():
    weather = read_weather(KNMI)  # two stations: the practice's station (249) is chosen
    assert len(weather) == 21 and weather["tmax"].iloc[0] == 7.0 and weather["tmin"].iloc[0] == 0.5
    assert weather["tmean"].isna().sum() == 1  # a missing value stays missing
    assert weather["ice_day"].sum() == 6 and weather["frost_day"].sum() == 9
    # natural ice from the fourth consecutive day with a mean below zero
    assert weather.loc[weather["natural_ice"] == 1, "date"].dt.day.tolist() == [8, 9, 10, 11, 12, 13]
    other = read_weather(KNMI, station=260)
    assert other["tmean"].iloc[0] == pytest.approx(4.8)
    with pytest.raises(WeatherError, match="station 235 staat niet in het bestand"):
        read_weather(KNMI, station=235)


def test_knmi_weather_drives_the_ice_covariates():
    weather = read_weather(KNMI)  # 1 to 21 January 2026
    covariates = weekly_covariates(pd.Timestamp("2026-01-05"), pd.Timestamp("2026-01-12"), weather)
    assert covariates["ice_days"].sum() == 6 and covariates["natural_ice_days"].sum() == 6
    assert covariates.loc["2026-01-05", "natural_ice_days"] == 4 and covariates.attrs["weather_used"]
    # four weeks of which the file covers only two whole: the weather is left out, not read as no frost
    wider = weekly_covariates(pd.Timestamp("2025-12-29"), pd.Timestamp("2026-01-19"), weather)
    assert "ice_days" not in wider and wider.attrs["weather_coverage"] == 0.5


def test_plain_and_broken_weather_files(tmp_path):
    plain = tmp_path / "weer.csv"
    plain.write_text("date,tmax\n2026-01-05,-1.5\n2026-01-06,-2.0\n2026-01-07,-0.5\n2026-01-08,3.0\n")
    weather = read_weather(plain)
    assert weather["ice_day"].tolist() == [1, 1, 1, 0] and weather["natural_ice"].tolist() == [0, 0, 1, 0]
    broken = tmp_path / "knmi.txt"
    broken.write_text("# STN,YYYYMMDD,   TG,   TN,   TX\n  249,20260101,   12,    4\n")
    with pytest.raises(WeatherError, match="regel met 4 waarden waar 5 kolommen zijn"):
        read_weather(broken)
    other = tmp_path / "anders.csv"
    other.write_text("dag;temperatuur\n1;2\n")
    with pytest.raises(WeatherError, match="geen KNMI-daggegevens"):
        read_weather(other)


class _Response(io.BytesIO):
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def test_the_weather_command_downloads_from_knmi(tmp_path, capsys):
    """The real download code against a recorded response (tests run offline)."""
    sent = {}

    def opener(request, timeout):
        sent.update(url=request.full_url, body=request.data.decode(), method=request.get_method())
        return _Response(KNMI.read_bytes())

    text = download_daily(249, dt.date(2026, 1, 1), dt.date(2026, 1, 21), opener=opener)
    assert sent == {"url": URL, "method": "POST",
                    "body": "start=20260101&end=20260121&vars=TG%3ATN%3ATX&stns=249"}
    assert "YYYYMMDD" in text

    def offline(request, timeout):
        raise OSError("Network is unreachable")

    with pytest.raises(WeatherError, match="kan KNMI niet bereiken"):
        download_daily(249, dt.date(2026, 1, 1), dt.date(2026, 1, 2), opener=offline)


@pytest.mark.parametrize("name,rows,views,period", [
    ("ga4_pages_monthly_en.csv", 4, 1630, None),
    ("ga4_pages_no_date.csv", 4, 12005, ("2025-01-01", "2025-12-31")),
    ("matomo_page_urls.csv", 3, 1273, None),
    ("plausible_pages_20250101_20251231.csv", 3, 6605, ("2025-01-01", "2025-12-31")),
])
def test_page_view_exports(name, rows, views, period):
    frame = read_pageviews(FIXTURES / "pageviews" / name)
    assert len(frame) == rows and frame["views"].sum() == views
    found = frame.attrs.get("period")
    assert (tuple(str(d.date()) for d in found) if found else None) == period


def test_a_period_total_counts_only_the_contacts_of_its_period():
    views = read_pageviews(FIXTURES / "pageviews" / "ga4_pages_no_date.csv")
    posts = pd.DataFrame({"url": ["https://www.fysiopraktijkhoorn.example/blog/liesblessure-na-het-schaatsen/"],
                          "topics": [["lies"]]})
    stamps = pd.to_datetime(["2024-12-30 10:00", "2025-02-01 10:00", "2025-06-01 10:00"]).tz_localize(
        "Europe/Amsterdam")
    contacts = pd.DataFrame({"timestamp": stamps, "page": ["/blog/liesblessure-na-het-schaatsen/"] * 3,
                             "text": ["Pijn in mijn lies."] * 3, "message_topics": ["lies"] * 3,
                             "page_topics": ["lies;schaatsen"] * 3, "topics": ["lies;schaatsen"] * 3})
    table = contacts_per_1000_views(posts, contacts, views, ["lies"])
    assert table.loc["lies", "contacts_from_pages"] == 2  # the 2024 contact is outside the period
