"""Search Console and GA4 landing-page exports: every shape read, every row accounted for, and the
search evidence (demand per topic, gaps, titles to rewrite, posts losing clicks, posts that bring
patients) computed from them."""
from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analysis.core.errors import InputError
from analysis.planning.search import search_evidence
from analysis.sources.landing_pages import read_landing_pages
from analysis.sources.pageviews import read_pageviews
from analysis.sources.search_console import read_search_console
from analysis.text.posts import tagged_posts
from analysis.text.topics import load_taxonomy
from analysis.timeseries.audience import posts_that_bring_patients

from .conftest import ROOT

SEARCH = Path(__file__).parent / "fixtures" / "search"


@pytest.fixture(scope="module")
def posts(nlp):
    return tagged_posts(ROOT / "corpus" / "posts", nlp)


def _zip(folder: Path, out: Path) -> Path:
    with zipfile.ZipFile(out, "w") as archive:
        for f in sorted(folder.iterdir()):
            archive.write(f, f"https___www.fysiopraktijkhoorn.example-Performance-on-Search/{f.name}")
    return out


def test_a_dutch_export_folder_reads_every_row_or_says_why_not():
    export = read_search_console([SEARCH / "nl"])
    assert len(export.queries) == 11
    assert sorted(r for _, _, r in export.skipped) == ["aantal klikken of vertoningen ontbreekt of is ongeldig",
                                                        "lege zoekopdracht"]
    lies = export.queries.set_index("query").loc["liesblessure schaatsen"]
    assert (lies["clicks"], lies["impressions"]) == (41, 610)
    assert lies["ctr"] == pytest.approx(0.0672) and lies["position"] == pytest.approx(4.1)
    assert export.period == (pd.Timestamp("2026-09-01"), pd.Timestamp("2026-11-30"))
    assert export.period_source == "uit de datumtabel"
    assert export.ignored == ["Landen.csv"]
    assert "/blog/tuinieren-zonder-rugpijn/" in set(export.pages["path"])
    assert export.withheld_share == pytest.approx(1 - 249 / 300)
    assert "17% van de klikken komt van zoekopdrachten die Search Console niet toont" in export.describe()


def test_the_english_zip_as_downloaded_reads_with_its_period_from_the_filter(tmp_path):
    export = read_search_console([_zip(SEARCH / "en", tmp_path / "export.zip")])
    assert len(export.queries) == 5 and len(export.pages) == 6 and export.dates.empty
    assert export.period == (pd.Timestamp("2025-09-01"), pd.Timestamp("2025-11-30"))
    assert export.period_source == "uit het datumfilter van de export"
    assert export.withheld_share is None


def test_loose_csv_files_are_one_export_and_a_relative_period_needs_a_given_one():
    export = read_search_console([SEARCH / "nl" / "Query's.csv", SEARCH / "nl" / "Filters.csv"])
    assert len(export.queries) == 11 and export.pages.empty and export.period is None
    assert "periode onbekend" in export.describe()
    given = (pd.Timestamp("2026-09-01"), pd.Timestamp("2026-11-30"))
    again = read_search_console([SEARCH / "nl" / "Query's.csv"], period=given)
    assert again.period == given and again.period_source == "opgegeven"


def test_what_is_not_a_search_console_export_is_refused_in_dutch(tmp_path):
    with pytest.raises(InputError, match="lijkt een export van paginaweergaven of bestemmingspagina's"):
        read_search_console([ROOT / "data" / "sample" / "pageviews_ga4.csv"])
    broken = tmp_path / "Queries.csv"
    broken.write_text("Top queries,Clicks,CTR\nknie,3,1%\n", encoding="utf-8")
    with pytest.raises(InputError, match="kolom\\(men\\) niet gevonden: vertoningen, positie"):
        read_search_console([broken])
    fake = tmp_path / "export.zip"
    fake.write_bytes(b"PK\x03\x04 niet echt")
    with pytest.raises(InputError, match="niet gevonden|geen leesbaar zip-bestand|geen tabel"):
        read_search_console([fake])


def test_a_search_console_pages_table_given_as_page_views_says_where_it_belongs():
    with pytest.raises(InputError, match="Search Console-export.*--search-console"):
        read_pageviews(SEARCH / "nl" / "Pagina's.csv")


def test_landing_pages_are_summed_per_page_and_every_row_is_accounted_for():
    pages = read_landing_pages(SEARCH / "ga4-bestemmingspagina.csv").set_index("path")
    lies = pages.loc["/blog/liesblessure-na-het-schaatsen-wat-kunt-u-doen/"]
    assert (lies["sessions"], lies["key_events"]) == (600, 11)  # with and without a query string
    assert [r for _, r in pages.attrs["skipped"]] == ["pagina onbekend in GA4 ((not set))",
                                                      "aantal sessies of gebeurtenissen ontbreekt of is ongeldig"]
    assert pages.attrs["period"] == (pd.Timestamp("2026-09-01"), pd.Timestamp("2026-11-30"))
    english = read_landing_pages(SEARCH / "ga4-landing-pages.csv")
    assert english.attrs["event"] == "generate_lead" and english["key_events"].sum() == 36


def test_a_landing_page_export_without_key_events_is_refused_with_what_to_export(tmp_path):
    plain = tmp_path / "landing.csv"
    plain.write_text("Landing page,Sessions\n/,10\n", encoding="utf-8")
    with pytest.raises(InputError, match="belangrijke gebeurtenissen.*Bestemmingspagina"):
        read_landing_pages(plain)


@pytest.fixture(scope="module")
def evidence(posts, nlp):
    labels = load_taxonomy().labels()
    return search_evidence([read_search_console([SEARCH / "nl"]), read_search_console([SEARCH / "en"])], posts, nlp,
                           labels)


def test_search_demand_is_counted_per_topic_from_the_tagged_queries(evidence):
    demand = evidence.demand
    assert demand.loc["lies", "impressions"] == 610 and "liesblessure schaatsen" in demand.loc["lies", "top_queries"]
    assert demand.loc["nek", "impressions"] == 300 + 210  # 'hoofdpijn door nek' and 'nekpijn thuiswerken'
    assert evidence.top_query("lies") == "liesblessure schaatsen"


def test_a_query_table_with_a_date_per_row_is_summed_per_query_and_kept_per_month():
    daily = read_search_console([SEARCH / "api-per-dag.csv"])
    assert [(line, reason) for _, line, reason in daily.skipped] == [(9, "lege zoekopdracht"),
                                                                      (11, "geen geldige datum")]
    groin = daily.queries.set_index("query").loc["liesblessure schaatsen"]
    assert (groin["clicks"], groin["impressions"]) == (17, 240)
    assert groin["position"] == pytest.approx((3.5 * 120 + 4.5 * 100 + 5 * 20) / 240)
    assert daily.period == (pd.Timestamp("2026-01-05"), pd.Timestamp("2026-04-16"))
    months = daily.query_months.set_index(["query", "month"])["impressions"]
    assert months[("liesblessure schaatsen", pd.Period("2026-01"))] == 220
    monthly = read_search_console([SEARCH / "looker-per-maand.csv"])  # months: the period runs to the month's end
    assert monthly.period == (pd.Timestamp("2025-12-01"), pd.Timestamp("2026-02-28"))
    assert monthly.period_source == "uit de datums per rij" and monthly.queries["ctr"].notna().all()


def test_search_demand_per_month_from_dated_rows_and_from_one_month_exports(tmp_path, posts, nlp):
    labels = load_taxonomy().labels()
    dated = search_evidence([read_search_console([SEARCH / "api-per-dag.csv"])], posts, nlp, labels)
    assert list(dated.months.columns) == list(pd.period_range("2026-01", "2026-04", freq="M"))
    assert dated.months.loc["lies"].tolist() == [220, 20, 0, 0]  # March has no rows: 0, not left out
    assert dated.peak_month("lies") == pd.Period("2026-01") and dated.peak_month("duizeligheid") is None
    one_month = tmp_path / "november"
    shutil.copytree(SEARCH / "en", one_month)
    (one_month / "Filters.csv").write_text("Filter,Value\nSearch type,Web\nDate,1-11-2026 - 30-11-2026\n",
                                           encoding="utf-8")
    exports = [read_search_console([one_month]), read_search_console([SEARCH / "looker-per-maand.csv"]),
               read_search_console([SEARCH / "nl"])]  # three months in one: no month of its own
    months = search_evidence(exports, posts, nlp, labels).months
    assert list(months.columns) == list(pd.period_range("2025-12", "2026-11", freq="M"))
    assert months.loc["lies", pd.Period("2026-01")] == 410 and months.loc["lies", pd.Period("2026-11")] > 0
    assert months.loc["nek", pd.Period("2026-02")] == 95


def test_without_months_the_report_says_how_to_export_them(evidence):
    from analysis.core.sufficiency import NotEnoughData
    from analysis.reporting.search_sections import month_table

    with pytest.raises(NotEnoughData, match="per maand"):
        month_table(evidence)


def test_search_gaps_are_topics_without_a_post_and_queries_beyond_page_one(evidence, posts):
    gaps = evidence.gaps.set_index("query")
    assert "duizeligheid" not in {t for ts in posts["topics"] for t in ts}
    assert gaps.loc["duizelig bij omdraaien in bed", "why"] == "geen bericht over duizeligheid"
    assert gaps.loc["knie pijn traplopen", "why"] == "gevonden op positie 11: voorbij de eerste pagina"
    assert "liesblessure schaatsen" not in gaps.index  # a post, on page 1
    assert "schouder pijn arm optillen" not in gaps.index  # 12 impressions: too few to act on


def test_a_page_shown_often_with_a_low_ctr_for_its_position_is_a_title_to_rewrite(evidence):
    rewrite = evidence.rewrite_titles
    assert list(rewrite["path"]) == ["/blog/tuinieren-zonder-rugpijn/"]
    assert rewrite.iloc[0]["title"] == "Tuinieren zonder rugpijn"


def test_posts_losing_clicks_against_the_earlier_export(evidence):
    losing = evidence.losing.set_index("path")
    assert set(losing.index) == {"/blog/thuiswerken-zonder-nekpijn/", "/blog/tuinieren-zonder-rugpijn/",
                                 "/blog/pijn-aan-uw-scheenbeen-door-hardlopen/"}
    assert losing.loc["/blog/thuiswerken-zonder-nekpijn/", "clicks_now"] == 31


def test_the_posts_that_bring_patients_are_ranked_by_key_events_with_their_search_figures(posts):
    page = "/blog/thuiswerken-zonder-nekpijn/"
    contacts = pd.DataFrame({"page": [page] * 3 + ["/contact/"]})
    weekly = pd.DataFrame({"total": [5, 6], "lies": [1, 0], "thuiswerken": [2, 1]},
                          index=pd.date_range("2026-09-07", periods=2, freq="W-MON"))
    table = posts_that_bring_patients(posts, contacts, weekly, search=read_search_console([SEARCH / "nl"]),
                                      landing=read_landing_pages(SEARCH / "ga4-bestemmingspagina.csv"),
                                      extra=pd.Series({"schaatsen": 0.8, "lies": 0.8}))
    first = table.iloc[0]
    assert first["path"] == "/blog/liesblessure-na-het-schaatsen-wat-kunt-u-doen/" and first["key_events"] == 11
    assert first["expected_extra"] == 0.8 and first["clicks"] == 44 and first["impressions"] == 700
    second = table.iloc[1]
    assert second["path"] == page and second["from_page"] == 3 and second["key_events"] == 4
    assert len(table) == posts["date"].notna().sum()


def test_the_planted_search_truths_of_the_sample_are_found(posts, nlp):
    from analysis.sample.search import SEARCH_PLANTED

    sample = ROOT / "data" / "sample"
    evidence = search_evidence([read_search_console([sample / "search-console"]),
                                read_search_console([sample / "search-console-2025"])], posts, nlp,
                               load_taxonomy().labels())
    assert list(evidence.rewrite_titles["path"]) == [f"/blog/{SEARCH_PLANTED.low_ctr_post}/"]
    assert f"/blog/{SEARCH_PLANTED.losing_post}/" in set(evidence.losing["path"])
    assert {"hoofdpijn", "duizeligheid"} <= set(evidence.gaps["topic"])
    assert evidence.demand.index[0] == "rug"  # the planted rates: back pain is searched most


def test_the_planner_cites_search_evidence_and_takes_the_words_patients_search():
    from analysis.planning.search import search_terms
    from analysis.reporting.context import ReportConfig, report_context

    report = report_context(ReportConfig())  # the sample, with its Search Console exports
    calendar = report.plan.calendar
    queries = {t.query for t in search_terms(report.search).values()}
    cited = calendar[calendar["angle"].str.contains("in Google")]
    assert len(cited) and cited["angle"].str.contains("het meest gezocht: '").all()
    assert calendar["keyword"].isin(queries).any()
    worded = calendar[calendar["keyword"].isin(queries) & calendar["working_title"].str.contains(":")]
    assert any(t.lower().startswith(k) for t, k in zip(worded["working_title"], worded["keyword"]))
