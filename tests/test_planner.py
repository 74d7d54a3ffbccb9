"""The marketer's planner and the owner's summary react to the data, not to typed numbers."""
from __future__ import annotations

from dataclasses import asdict

import numpy as np
import pandas as pd
import pytest

from analysis.planning.planner import content_calendar, rewrite_candidates, topic_gaps
from analysis.reporting.summary import overview
from analysis.timeseries.leadtime import lead_time

TODAY = pd.Timestamp("2026-11-23")
WEEKS = pd.date_range("2021-01-04", "2026-11-16", freq="W-MON")


def _seasonal(peak_week: int, seed: int = 0) -> pd.Series:
    rng = np.random.default_rng(seed)
    woy = WEEKS.isocalendar().week.to_numpy()
    mu = 1 + 6 * np.exp(-0.5 * ((woy - peak_week + 26) % 52 - 26) ** 2 / 9)
    return pd.Series(rng.poisson(mu), index=WEEKS)


def _effects(series: pd.Series, effect: bool = False) -> pd.DataFrame:
    row = {"lift": 1.2, "ci_low": 0.9, "ci_high": 1.6, "p": 0.2, "p_holm": 0.4, "effect": effect,
           "season_overlap": 0.1, "note": ""} | asdict(lead_time(series))
    return pd.DataFrame([row], index=["schaatsen"])


POSTS = pd.DataFrame({"id": ["oud"], "slug": ["oud"], "title": ["Oud bericht"], "date": [pd.Timestamp("2021-01-29")],
                      "topics": [["schaatsen"]], "main": ["schaatsen"]})
READABILITY = pd.DataFrame({"b1": [False], "reasons": [["zinnen te lang"]]}, index=["oud"])
NO_GAPS = pd.DataFrame({"gap": [False]}, index=["schaatsen"])


@pytest.mark.parametrize("peak_week", [6, 14, 30, 44])
def test_lead_time_follows_the_peak(peak_week):
    result = lead_time(_seasonal(peak_week))
    assert abs(result.peak_week - peak_week) <= 1
    assert result.seasonal and 2 <= result.lead_weeks <= 8


def test_calendar_moves_when_the_season_moves():
    early = content_calendar(_effects(_seasonal(6)), NO_GAPS, POSTS, READABILITY, 7, TODAY,
                             {"schaatsen": "Schaatsen"})
    late = content_calendar(_effects(_seasonal(30)), NO_GAPS, POSTS, READABILITY, 7, TODAY,
                            {"schaatsen": "Schaatsen"})
    assert early["publish_from"].iloc[0] < late["publish_from"].iloc[0]
    assert early["publish_from"].iloc[0].month in (12, 1) and late["publish_from"].iloc[0].month in (6, 7)
    assert early["publish_from"].iloc[0] >= TODAY - pd.Timedelta(days=7)


def test_a_topic_gap_is_scheduled_first_and_proven_effects_get_priority():
    gaps = pd.DataFrame({"gap": [True]}, index=["schaatsen"])
    plan = content_calendar(_effects(_seasonal(30)), gaps, POSTS, READABILITY, 7, TODAY,
                            {"schaatsen": "Schaatsen"})
    assert plan["publish_from"].iloc[0] == TODAY and plan["priority"].iloc[0] == "high"
    flat = pd.Series(np.random.default_rng(1).poisson(3, len(WEEKS)), index=WEEKS)
    proven = content_calendar(_effects(flat, effect=True), NO_GAPS, POSTS, READABILITY, 7, TODAY,
                              {"schaatsen": "Schaatsen"})
    assert proven["priority"].iloc[0] == "high" and proven["publish_from"].iloc[0].month == 7
    assert proven["last_post"].iloc[0] == "Oud bericht" and not proven["last_post_b1"].iloc[0]


def test_topic_gaps_and_rewrites():
    contacts = pd.DataFrame({"topics": ["schaatsen"] * 10 + [""] * 90})
    gaps = topic_gaps(POSTS, contacts, ["schaatsen"], TODAY)
    assert gaps.loc["schaatsen", "contact_share"] == pytest.approx(0.1)
    assert gaps.loc["schaatsen", "gap"]  # asked about, no post in the last two years
    effects = _effects(_seasonal(6), effect=True)
    rewrites = rewrite_candidates(POSTS, READABILITY, effects, TODAY)
    assert rewrites["urgent"].iloc[0]
    assert "moeilijker dan B1" in rewrites["reasons"].iloc[0] and "ouder dan 3 jaar" in rewrites["reasons"].iloc[0]


def test_summary_numbers_are_computed_from_the_weekly_series():
    weekly = pd.DataFrame({"total": np.arange(len(WEEKS)) % 7 + 10}, index=WEEKS)
    effects = pd.DataFrame({"label": ["Rug"], "lift": [1.8], "ci_low": [1.4], "ci_high": [2.2],
                            "effect": [True]}, index=["rug"])
    summary = overview(weekly, effects, READABILITY, pd.DataFrame())
    iso = WEEKS.isocalendar()
    this_year = weekly["total"][(iso.year == 2026).to_numpy()].sum()
    assert summary.contacts == this_year and summary.year == 2026
    assert summary.lines[0].startswith(f"In 2026 kwamen er tot en met week 47 in totaal {this_year}")
    assert "Rug ×1,8 (waarschijnlijk tussen ×1,4 en ×2,2)" in summary.lines[2]
    doubled = overview(weekly.assign(total=weekly["total"] * 2), effects, READABILITY, pd.DataFrame())
    assert doubled.contacts == 2 * this_year
