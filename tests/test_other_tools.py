"""Files as other tools write them (WordPress exports of every version, Matomo and Plausible
exports, KNMI hourly data): nothing lost, one page is one page. Fixtures are our own, in the
shapes those tools publish."""
from __future__ import annotations

import zipfile

import pytest

from analysis.sources.importers import import_paths
from analysis.sources.pageviews import read_pageviews
from analysis.sources.urls import normalise_path
from analysis.sources.weather import read_weather, weather_text

from .conftest import FIXTURES

WXR = FIXTURES / "wxr"
VIEWS = FIXTURES / "pageviews"


def _import(tmp_path, name):
    report = import_paths([WXR / name], tmp_path / "posts")
    posts = {p.name: p.read_text(encoding="utf-8") for p in sorted((tmp_path / "posts").glob("*.md"))}
    return report, posts


def test_wxr_11_over_https_imports_every_post_with_its_table_and_captions(tmp_path):
    report, posts = _import(tmp_path, "wxr11-https.xml")
    assert report.counts()["imported"] == 2 and report.counts()["skipped"] == 0
    table = posts["2025-03-04-welke-oefening-bij-welke-klacht.md"]
    assert "- Stijve nek; Langzaam over de schouder kijken, eerst links en dan rechts; Elk uur even" in table
    assert "- Oefeningen voor thuis, zonder hulpmiddelen" in table.split("---")[1]  # a caption, kept apart
    assert "- De knie gestrekt optillen" in table.split("---")[1]
    assert "Stop dan. Maak een afspraak" in table  # <br> never glues two sentences
    first = report.entries[0].words
    assert first["dropped"] == 0 and first["source"] == first["body"] + first["captions"]


def test_an_untitled_published_post_gets_a_title_from_its_first_sentence(tmp_path):
    report, posts = _import(tmp_path, "wxr11-https.xml")
    untitled = posts["2025-04-01-zwemmen-en-uw-schouders.md"]
    assert "title: Zwemmen is goed voor uw schouders" in untitled
    assert "de eerste zin is de titel" in report.render()


def test_wxr_10_imports(tmp_path):
    report, posts = _import(tmp_path, "wxr10.xml")
    assert report.counts()["imported"] == 1
    assert "Begin met korte slagen" in posts["2012-01-30-schaatsen.md"]


def test_a_declared_latin1_export_keeps_its_accents(tmp_path):
    _, posts = _import(tmp_path, "latin1.xml")
    text = posts["2025-06-02-na-het-cafe.md"]
    assert "café" in text and "Ã" not in text


def test_an_export_without_items_is_named_in_the_report(tmp_path):
    report, _ = _import(tmp_path, "leeg.xml")
    assert [(e.input, e.status) for e in report.entries] == [("leeg.xml", "skipped")]
    assert "geen items" in report.entries[0].reason


def test_an_rss_feed_that_is_not_a_wordpress_export_says_why(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><title>Knie</title>'
                    "<description>Tekst over de knie.</description></item></channel></rss>", encoding="utf-8")
    report = import_paths([feed], tmp_path / "posts")
    assert "geen WordPress-gegevens (wp:post_type)" in report.entries[0].reason


def test_matomo_utf16_hierarchical_export_counts_pages_not_folders():
    frame = read_pageviews(VIEWS / "matomo_paginas_20250101_20251231.tsv")
    assert dict(zip(frame["path"], frame["views"])) == {
        "/": 300, "/blog/knie-pijn-bij-het-fietsen/": 600, "/blog/rugpijn-na-het-tuinieren/": 400, "/contact/": 120}
    assert frame["views"].sum() == 1420  # the folder row (1000, the total of the pages under it) is not a page
    assert [reason for _, reason in frame.attrs["skipped"]] == [
        "map in Matomo's boomweergave (totaal van de pagina's eronder, die apart staan)"]


def test_plausible_zip_as_downloaded_reads_its_pages_and_period(tmp_path):
    archive = tmp_path / "Plausible export praktijk.example 20250101 20251231.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("visitors.csv", "date,visitors,pageviews\n2025-01-01,10,12\n")
        z.write(VIEWS / "plausible_pages.csv", "pages.csv")
        z.writestr("sources.csv", "name,visitors\nGoogle,300\n")
    frame = read_pageviews(archive)
    assert [str(d.date()) for d in frame.attrs["period"]] == ["2025-01-01", "2025-12-31"]
    assert dict(zip(frame["path"], frame["views"])) == {
        "/": 1200, "/blog/knie-pijn-bij-het-fietsen/": 545, "/blog/rugpijn-na-het-tuinieren/": 330}


@pytest.mark.parametrize("given,path", [
    ("/blog/knie", "/blog/knie/"), ("/blog/knie/", "/blog/knie/"),
    ("https://www.x.nl/blog/knie/?utm=1#a", "/blog/knie/"),
    ("http://x.nl/blog/knie", "/blog/knie/"), ("www.x.nl/blog/knie", "/blog/knie/"), ("//blog//knie/", "/blog/knie/"),
    ("/", "/"), ("https://x.nl", "/"), ("/media/folder.pdf", "/media/folder.pdf"),
])
def test_one_page_is_one_path(given, path):
    assert normalise_path(given) == path


def test_knmi_hourly_data_becomes_days(tmp_path):
    rows = ["# STN,YYYYMMDD,   HH,   DD,   FH,    T,  T10"]
    for day in (1, 2, 3):
        for hour in range(1, 25):
            t = -30 + hour * 2 if day == 1 else 50
            if day == 3 and hour > 10:
                continue  # an incomplete day is missing, not a guess
            rows.append(f"  249,2025010{day},{hour:5d},  200,   30,{t:5d},     ")
    path = tmp_path / "uurgeg_249_2021-2030.txt"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    days = read_weather(path)
    assert days["tmax"].tolist()[:2] == [1.8, 5.0] and days["tmin"].tolist()[0] == -2.8
    assert days["tmax"].isna().tolist() == [False, False, True]
    assert weather_text(days) == "01-01-2025 t/m 02-01-2025"


def test_the_weather_period_and_its_gaps_are_stated(tmp_path):
    path = tmp_path / "knmi.txt"
    path.write_text("# STN,YYYYMMDD,   TG,   TN,   TX\n249,20250101,   15,  -10,   40\n"
                    "249,20250105,   10,  -20,   30\n", encoding="utf-8")
    assert weather_text(read_weather(path)) == "01-01-2025 t/m 05-01-2025, 3 dagen zonder temperatuur"


def test_a_spreadsheet_weather_table_with_semicolons_and_decimal_commas_is_read(tmp_path):
    """A spreadsheet's own export (Dutch headers, semicolons, decimal commas, day-first dates) was
    refused; it is read, and a table whose lines do not fit its header is refused in Dutch with the line."""
    from analysis.core.errors import WeatherError

    path = tmp_path / "weer.csv"
    path.write_text("Datum;Max temp;Min temp\n01-12-2025;2;-1,5\n02-12-2025;-3,4;-8\n", encoding="utf-8")
    days = read_weather(path)
    assert list(days["date"].dt.strftime("%d-%m-%Y")) == ["01-12-2025", "02-12-2025"]  # day first, not 12 January
    assert list(days["tmax"]) == [2.0, -3.4] and list(days["tmin"]) == [-1.5, -8.0]
    assert list(days["ice_day"]) == [0, 1] and list(days["frost_day"]) == [1, 1]
    path.write_text("date,tmax\n2025-12-01,2\n2025-12-02,3,4\n", encoding="utf-8")
    with pytest.raises(WeatherError) as refused:
        read_weather(path)
    assert str(refused.value) == "weer.csv: geen leesbare CSV (regel 3 heeft 3 waarden, de kopregel 2 kolommen)"
