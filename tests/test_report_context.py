"""One report configuration and one context: computed once, read by every page, never stale."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from analysis.core import paths
from analysis.planning.planner import topic_gaps
from analysis.reporting import context as context_module
from analysis.reporting.context import ReportConfig, report_context

from .smalldata import write_contacts, write_corpus


def test_own_data_never_gets_the_samples_extras(tmp_path):
    own = ReportConfig.for_inputs(tmp_path / "posts", tmp_path / "contacten.csv")
    assert (own.pageviews, own.weather, own.draft, own.raw, own.labels) == (None, None, None, None, None)
    weather = ReportConfig.for_inputs(None, tmp_path / "c.csv", weather=tmp_path / "knmi.txt")
    assert weather.weather == (tmp_path / "knmi.txt").resolve() and weather.corpus == paths.CORPUS
    assert weather.raw is not None  # the sample's blog keeps its importer check
    sample = ReportConfig()
    assert sample.contacts.name == "contacts.csv" and sample.draft is not None


def test_the_configuration_travels_to_a_notebook_unchanged(tmp_path):
    config = ReportConfig.for_inputs(tmp_path / "posts", tmp_path / "c.csv", today=dt.date(2026, 12, 1), year=2025)
    assert ReportConfig.from_json(config.to_json()) == config
    assert ReportConfig.from_json("") == ReportConfig()


@pytest.fixture()
def practice(tmp_path):
    corpus = write_corpus(tmp_path / "posts", 12)
    contacts = write_contacts(tmp_path / "contacten.csv", 900, dt.date(2024, 1, 8), 700)
    return ReportConfig.for_inputs(corpus, contacts, today=dt.date(2026, 12, 1))


def test_pages_read_the_stored_context_instead_of_recomputing(practice, monkeypatch):
    first = report_context(practice)
    first.compute()
    first.save()

    def recompute(*args, **kwargs):
        raise AssertionError("the dataset was computed again")

    monkeypatch.setattr(context_module, "load_dataset", recompute)
    monkeypatch.setattr(context_module, "effects_table", recompute)
    page = report_context(practice.to_json())
    assert page.plan.today == pd.Timestamp("2026-12-01")
    pd.testing.assert_frame_equal(page.plan.calendar, first.plan.calendar)
    # the topics page's gaps are the planner's, measured from the day the plan starts
    ds = page.dataset
    pd.testing.assert_frame_equal(page.plan.gaps, topic_gaps(ds.posts, ds.contacts, ds.topics, page.plan.today))


def test_a_changed_input_is_never_read_from_an_old_context(practice):
    first = report_context(practice)
    first.compute()
    first.save()
    with practice.contacts.open("a", encoding="utf-8") as fh:
        fh.write("01-06-2025 10:00;Piet Peters;piet@example.nl;Mijn knie is dik sinds het hardlopen;/contact/\n")
    again = report_context(practice)
    assert "dataset" not in again.__dict__  # computed anew on first use
    assert len(again.dataset.contacts) == len(first.dataset.contacts) + 1


def test_changed_practice_settings_are_never_read_from_an_old_context(practice, tmp_path, monkeypatch):
    from analysis.core import settings

    monkeypatch.setattr(paths, "ROOT", tmp_path)
    settings.project_settings.cache_clear()
    first = report_context(practice)
    first.compute()
    first.save()
    (tmp_path / settings.FILE_NAME).write_text("posts_per_month: 4\n", encoding="utf-8")
    settings.project_settings.cache_clear()
    try:
        assert "plan" not in report_context(practice).__dict__  # a new rhythm: planned anew
    finally:
        settings.project_settings.cache_clear()


@pytest.mark.parametrize("months, days", [([11, 12], 540), (None, 120), (None, 900)])
def test_the_analyses_of_a_small_practice_raise_no_warning(tmp_path, months, days):
    """A rank-deficient design (a few Novembers of data) is a data situation the model handles,
    not a statsmodels warning on the owner's terminal or page."""
    import warnings

    corpus = write_corpus(tmp_path / "posts", 4, months=months)
    contacts = write_contacts(tmp_path / "c.csv", 300, dt.date(2025, 6, 2), days)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report_context(ReportConfig.for_inputs(corpus, contacts, today=dt.date(2026, 12, 1))).compute()


def test_a_month_without_any_contact_is_named_on_the_pages_and_left_out(tmp_path):
    from analysis.reporting.provenance import dataset_lines

    corpus = write_corpus(tmp_path / "posts", 6)
    contacts = write_contacts(tmp_path / "c.csv", 2000, dt.date(2024, 1, 8), 700)
    lines = contacts.read_text(encoding="utf-8").splitlines()
    contacts.write_text("\n".join([lines[0]] + [r for r in lines[1:] if r[3:10] != "03-2025"]) + "\n",
                        encoding="utf-8")  # the form was broken in March 2025
    config = ReportConfig.for_inputs(corpus, contacts)
    ds = report_context(config).dataset
    [outage] = ds.outages
    assert outage.first <= pd.Timestamp("2025-03-03") and outage.last >= pd.Timestamp("2025-03-24")
    assert len(ds.model_weekly) == len(ds.weekly) - len(outage.weeks)
    assert any("waarschijnlijk werkte het contactformulier niet" in line for line in dataset_lines(ds, config))
