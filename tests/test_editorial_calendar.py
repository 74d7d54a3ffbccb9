"""The planner as the marketer uses it: a calendar with a rhythm, titles that read like titles, an
expected return per post, and a workbook to work in; on the sample, a small practice and a practice
where no topic has a proven effect."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import openpyxl
import pandas as pd
import pytest

from analysis.reporting.context import ReportConfig, ReportContext
from analysis.reporting.exports import write_plan
from analysis.timeseries.effects import SEASON_OVERLAP
from analysis.timeseries.topic_effects import effects_json

from .smalldata import write_contacts, write_corpus

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def sample() -> ReportContext:
    return ReportContext(ReportConfig(today=TODAY))


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> ReportContext:
    folder = tmp_path_factory.mktemp("klein")
    corpus = write_corpus(folder / "posts", 4)
    contacts = write_contacts(folder / "contacten.csv", 300, dt.date(2024, 6, 3), 540)
    return ReportContext(ReportConfig.for_inputs(corpus, contacts, today=TODAY))


def _ending(title: str) -> str:
    """The template part of a working title: what follows the patients' question or the topic."""
    return re.split(r"\? |: ", title, maxsplit=1)[-1].lower()


@pytest.mark.parametrize("practice", ["sample", "small"])
def test_the_calendar_has_a_rhythm_and_every_item_states_its_return(practice, request):
    plan = request.getfixturevalue(practice).plan
    calendar = plan.calendar
    days = calendar["publish_from"]
    assert (days >= pd.Timestamp(TODAY)).all() and (days.dt.day_of_week == 0).all()
    assert (days.diff().dropna() >= pd.Timedelta(days=7)).all()  # at most one a week
    assert days.dt.to_period("M").nunique() >= 8 and days.max() < pd.Timestamp(TODAY) + pd.DateOffset(months=12)
    assert max(Counter(map(_ending, calendar["working_title"])).values()) <= 2
    estimated = calendar["extra_estimated"].astype(bool)
    assert estimated.any() and calendar.loc[estimated, "expected"].str.match(r"naar schatting \d").all()
    assert calendar.loc[~estimated, "expected"].str.startswith("extra contacten nog niet te schatten").all()
    assert not calendar["expected"].str.contains("naar schatting 0 patiënten").any()  # said in words
    assert (calendar["write_by"] < calendar["publish_from"]).all()
    assert not calendar["working_title"].str.contains(r"\[|\bUw vragen over\b").any()


def test_where_no_topic_has_a_proven_effect_the_calendar_still_plans_and_says_so(small):
    effects, calendar = small.plan.effects, small.plan.calendar
    assert not effects["effect"].any()
    assert len(calendar) and (calendar["priority"] != "high").all()
    assert not calendar["evidence"].str.startswith("aangetoond").any()


def test_the_workbook_is_an_editorial_calendar(sample, tmp_path):
    write_plan(sample.plan, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "planner.xlsx")
    sheet = book["Nieuwe berichten"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["publiceren vanaf", "schrijven vóór", "status", "auteur"]
    assert isinstance(sheet["A2"].value, dt.datetime) and sheet["A2"].number_format == "DD-MM-YYYY"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.data_validations.dataValidation[0].formula1 == '"idee,schrijven,klaar,gepubliceerd"'
    assert header[5] == "werktitel" and sheet.column_dimensions["F"].width > 30 and sheet["F2"].alignment.wrap_text
    rewrites = book["Herschrijven"]
    assert [c.value for c in rewrites[1]][:4] == ["titel", "pagina", "datum", "actie"]
    assert rewrites.freeze_panes == "A2" and isinstance(rewrites["C2"].value, dt.datetime)
    assert all(str(c.value).startswith("/") for c in rewrites["B"][1:])


def test_every_verdict_agrees_with_the_interval_shown(sample):
    effects = sample.effects
    estimated = effects.dropna(subset=["lift"])
    agrees = estimated["effect"] == ((estimated["ci_low"] > 1) & (estimated["season_overlap"] < SEASON_OVERLAP))
    assert agrees.all(), estimated.loc[~agrees, ["lift", "ci_low", "ci_high", "effect"]]
    low = estimated[estimated["lift"] < 1]
    assert len(low) and (low["note"] != "").all()  # never a lift below ×1 without a word of explanation
    json = effects_json(sample.dataset)
    for topic, row in json["topics"].items():
        if row["lift"] is not None and row["season_overlap"] < SEASON_OVERLAP:
            assert 0 <= row["extra_low"] <= row["extra"] <= row["extra_high"], topic
        else:  # no estimate of its own: no figure the data did not give
            assert row["extra"] is None, topic
