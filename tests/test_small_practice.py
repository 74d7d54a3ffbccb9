"""A small practice's own data, any shape: every notebook section runs, says what it cannot
compute, and shows no NaN, inf or sample wording."""
from __future__ import annotations

import datetime as dt
import os

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from analysis.cli import main
from analysis.core.sufficiency import NotEnoughData
from analysis.planning.plan import make_plan
from analysis.reporting import key_points, sections
from analysis.reporting.context import ReportConfig
from analysis.reporting.labels import present
from analysis.reporting.provenance import dataset_lines
from analysis.reporting.report import ReportFailed, run_report
from analysis.reporting.summary import overview
from analysis.text.readability_table import aims_summary
from analysis.timeseries.dataset import load_dataset
from analysis.timeseries.seasonality import stl_decompose
from analysis.timeseries.topic_effects import effects_table

from .smalldata import write_contacts, write_corpus
from .test_owner_texts import problems, visible
from .test_report_browser import CHROMIUM, layout_problems


def _run(call):
    try:
        return call()
    except NotEnoughData as gap:
        return str(gap)


def _owner_sees(item) -> list[str]:
    """The text of what a notebook shows for *item*."""
    if isinstance(item, Figure):
        plt.close(item)
        return []
    if item is None:
        return []
    if isinstance(item, str):
        return [item]
    if isinstance(item, (list, tuple)):
        return [t for x in item for t in _owner_sees(x)]
    if isinstance(item, pd.Series):
        item = item.to_frame()
    if isinstance(item, pd.DataFrame):
        shown = present(item)
        return [str(v) for v in shown.to_numpy().ravel()] + [str(i) for i in shown.index]
    return [str(item)]


def every_section(ds, nlp, corpus, contacts) -> list[str]:
    """Run the package function behind every notebook section; return what the owner sees."""
    plan = make_plan(ds, nlp)
    effects = effects_table(ds)
    asked = plan.gaps["contact_share"].rename(index=ds.taxonomy.labels())
    summary = overview(ds.contacts, ds.weekly, plan.effects, plan.readability, plan.calendar, None, asked)
    table = plan.readability.join(ds.posts.set_index("id")[["title", "date"]])
    shown = [*summary.lines, *dataset_lines(ds, ReportConfig.for_inputs(corpus, contacts))]
    calls = [
        lambda: sections.month_on_month(ds.contacts, summary.year),
        lambda: key_points.corpus_points(ds.posts), lambda: sections.posts_per_month(ds.posts),
        lambda: key_points.readability_points(table, aims_summary(table)),
        lambda: key_points.topic_points(ds.posts, plan.gaps, ds.taxonomy.labels()),
        lambda: key_points.effect_points(effects), lambda: key_points.plan_points(plan),
        lambda: sections.posts_per_season(ds.posts), lambda: sections.length_histogram(ds.posts),
        lambda: sections.shortest_posts(ds.posts), lambda: sections.undated_posts(ds.posts),
        lambda: sections.readability_overview(table), lambda: sections.aims(table),
        lambda: sections.readability_ranking(table), lambda: sections.failing_posts(table),
        lambda: sections.readability_by_year(table), lambda: sections.measure_correlations(table),
        lambda: sections.topic_coverage(ds.posts, ds.taxonomy), lambda: sections.topics_by_month(ds.posts, ds.taxonomy),
        lambda: sections.seasonal_topics(ds.posts, ds.weekly, ds.taxonomy),
        lambda: sections.topic_demand(plan.gaps, ds.contacts, ds.taxonomy),
        lambda: sections.contacts_over_time(ds.weekly), lambda: sections.season_and_calendar(ds.weekly, ds.covariates),
        lambda: sections.effects_chart(effects), lambda: sections.effects_table(effects),
        lambda: sections.ccf(ds, effects), lambda: sections.lead_time_table(effects, len(ds.weekly)),
        lambda: sections.plan_intro(plan), lambda: sections.plan_table(plan),
        lambda: sections.gap_table(plan.gaps, ds.taxonomy.labels()), lambda: sections.rewrite_table(plan.rewrites),
        lambda: sections.data_needed_lines(effects, len(ds.weekly)),
        lambda: sections.posts_that_bring_patients(ds, effects=effects),
        lambda: sections.lead_time_table(effects, len(ds.weekly)),
    ]
    for call in calls:
        shown.extend(_owner_sees(_run(call)))
    return shown


def _assert_clean(shown: list[str]) -> None:
    for text in shown:
        low = text.lower()
        assert "nan" not in low.split() and "inf" not in low.split() and "none" not in low.split(), text
        assert "synthetisch" not in low and "voorbeeldcorpus" not in low, text


@settings(max_examples=int(os.environ.get("SMALL_PRACTICE_EXAMPLES", 6)), deadline=None,
          phases=[Phase.explicit, Phase.generate], derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n_posts=st.integers(0, 10), undated=st.integers(0, 3), months=st.sampled_from([None, [4, 5], [12, 1]]),
       n_contacts=st.integers(20, 400), days=st.sampled_from([1, 20, 200, 400, 800]), seed=st.integers(0, 9))
def test_every_section_runs_on_small_own_data(tmp_path_factory, nlp, n_posts, undated, months, n_contacts,
                                              days, seed):
    folder = tmp_path_factory.mktemp("practice")
    corpus = write_corpus(folder / "posts", n_posts, months, min(undated, n_posts), seed)
    contacts = write_contacts(folder / "contacts.csv", n_contacts, dt.date(2024, 3, 4), days, seed)
    ds = load_dataset(corpus, contacts)
    _assert_clean(every_section(ds, nlp, corpus, contacts))


def test_thin_data_say_what_is_needed(tmp_path, nlp):
    corpus = write_corpus(tmp_path / "posts", 3)
    contacts = write_contacts(tmp_path / "c.csv", 100, dt.date(2025, 3, 3), 210)
    ds = load_dataset(corpus, contacts)
    with pytest.raises(NotEnoughData, match=r"minstens 2 jaar contactgegevens nodig; u heeft er 7 maanden"):
        stl_decompose(ds.weekly["total"])
    assert "te kort" in effects_table(ds)["note"].iloc[0]


def test_a_wrong_weather_file_is_refused_before_the_blog_is_read(tmp_path, monkeypatch):
    """The effects command read the whole blog (minutes at scale) before it said that the weather
    file did not exist; the small files are now read first."""
    import analysis.timeseries.dataset as dataset
    from analysis.core.errors import InputError

    monkeypatch.setattr(dataset, "tagged_posts", lambda corpus: pytest.fail("the blog was read first"))
    contacts = write_contacts(tmp_path / "c.csv", 10, dt.date(2025, 3, 3), 30)
    with pytest.raises(InputError, match="kan bestand niet lezen"):
        load_dataset(tmp_path / "posts", contacts, weather=tmp_path / "knmi.txt")


SHAPES = {  # three small practices: (posts, undated, months, contacts, days)
    "vijf-posts-twee-jaar": (5, 0, [3, 4, 5], 300, 730),
    "eén-post-drie-weken": (1, 1, None, 20, 21),
    "tien-posts-zeven-maanden": (10, 2, [12, 1, 2], 150, 210),
}
QUICK = {"vijf-posts-twee-jaar": "04_seasonality", "eén-post-drie-weken": "00_overzicht",
         "tien-posts-zeven-maanden": "05_planner"}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_report_runs_on_a_small_practice(tmp_path, shape, monkeypatch):
    """What the owner runs. The quick path runs one notebook per practice; CI runs them all."""
    n_posts, undated, months, n_contacts, days = SHAPES[shape]
    corpus = write_corpus(tmp_path / "posts", n_posts, months, undated)
    contacts = write_contacts(tmp_path / "contacten.csv", n_contacts, dt.date(2024, 1, 8), days)
    if not os.environ.get("CI"):
        from analysis.reporting import report

        monkeypatch.setattr(report, "NOTEBOOKS", {QUICK[shape]: report.NOTEBOOKS[QUICK[shape]]})
    folder = os.getcwd()
    index = run_report(tmp_path / "rapport", ReportConfig.for_inputs(corpus, contacts))
    assert os.getcwd() == folder  # the pages ran elsewhere; the caller stays where it was
    for page in index.parent.glob("*.html"):
        text = page.read_text(encoding="utf-8").lower()
        assert "synthetisch" not in text and "traceback" not in text and ">nan<" not in text
        assert problems(visible(page.read_text(encoding="utf-8"))) == [], page.name  # no code names or raw values
    for csv in index.parent.glob("*.csv"):
        assert problems(csv.read_text(encoding="utf-8-sig")) == [], csv.name
    pages = {p.stem: visible(p.read_text(encoding="utf-8")) for p in index.parent.glob("*.html")}
    if "03_topics" in pages:  # without search exports the pages say what they would add and how to download them
        assert "Er is geen Search Console-export meegegeven" in pages["03_topics"]
        assert "Prestaties → Exporteren" in pages["03_topics"]
    if "01_corpus" in pages:
        assert "Met de GA4-export Bestemmingspagina" in pages["01_corpus"]
    if CHROMIUM:  # the overview on one A4 page, no page wider than the screen or the paper
        assert layout_problems(sorted(index.parent.glob("*.html"))) == []


def test_a_failed_report_leaves_the_previous_one_untouched(tmp_path, monkeypatch):
    from analysis.reporting import report

    out = tmp_path / "rapport"
    out.mkdir()
    (out / "index.html").write_text("vorig rapport", encoding="utf-8")
    bad = tmp_path / "kapot.csv"
    bad.write_text("Datum;Bericht\nmorgen;Knie\n", encoding="utf-8")
    monkeypatch.setattr(report, "NOTEBOOKS", {"00_overzicht": "Overzicht"})
    with pytest.raises(ReportFailed, match=r"(?s)kapot.csv: .*Het vorige rapport in .* is ongewijzigd") as failed:
        run_report(out, ReportConfig.for_inputs(write_corpus(tmp_path / "posts", 2), bad))
    assert "notebook" not in str(failed.value) and "Error" not in str(failed.value)  # said before any page ran
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "vorig rapport"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".rapport")]


def test_a_bad_weather_file_stops_the_report_with_a_dutch_message_before_any_page(tmp_path, capsys):
    bad = tmp_path / "weer.csv"
    bad.write_text("datum;temperatuur\nmaandag;koud\n", encoding="utf-8")
    assert main(["report", "--weather", str(bad), "--out", str(tmp_path / "rapport")]) == 1
    err = capsys.readouterr().err
    assert "weer.csv: geen KNMI-daggegevens" in err and "Er is geen rapport geschreven." in err
    assert "Error" not in err and "Details" not in err and ".cache" not in err
    assert not (tmp_path / "rapport").exists()


def test_a_practice_with_under_a_year_is_told_effects_cannot_be_judged_yet_not_that_none_was_found(tmp_path):
    """Not on the overview, and not in the plan: no planned post promises a number of extra
    contacts that no data of the practice gave (the prior alone said 0,1 for every post)."""
    from analysis.reporting.context import ReportConfig, report_context
    from analysis.reporting.summary import overview

    corpus = write_corpus(tmp_path / "posts", 4)
    contacts = write_contacts(tmp_path / "contacten.csv", 320, dt.date(2026, 2, 2), 290)
    report = report_context(ReportConfig.for_inputs(corpus, contacts, today=dt.date(2026, 12, 1)))
    ds, plan = report.dataset, report.plan
    lines = overview(ds.contacts, ds.weekly, plan.effects, plan.readability, plan.calendar).lines
    assert any(line.startswith("Nog niet te zeggen: of berichten patiënten brengen") for line in lines)
    assert not any("effect van blogberichten op contacten aangetoond" in line for line in lines)
    calendar = plan.calendar
    assert len(calendar) and not calendar["extra_estimated"].any()
    # said once for the plan, not on every row: each row says what differs, the patients who write
    assert not calendar["expected"].str.contains("nog niet te schatten").any()
    assert calendar["expected"].str.contains("patiënt|nog geen contactgegevens").all()
    assert not any("extra contacten (waarschijnlijk" in line for line in lines)
    assert "hoeveel extra contacten ze brengen, is nog niet te schatten" in key_points.plan_points(plan)[0]
    december = calendar[pd.to_datetime(calendar["publish_from"]).dt.month == 12]  # the export ends in November
    assert len(december) and december["expected"].str.contains("nog geen contactgegevens").all()
    assert not december["expected"].str.contains("geen patiënt").any()
