"""Seasonality and publication effects, checked on series with known effects."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.sample.synthetic import simulate_topic
from analysis.timeseries.covariates import weekly_covariates
from analysis.timeseries.effects import (
    naive_before_after,
    prewhitened_ccf,
    publication_effects,
    topic_effect,
)

CALENDARS: dict = {}


def _weekly(sim: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    weekly = pd.DataFrame({"topic": sim["topic"], "total": sim["topic"] + sim["other"]},
                          index=sim["weeks"])
    key = (weekly.index[0], weekly.index[-1])
    if key not in CALENDARS:
        CALENDARS[key] = weekly_covariates(*key)
    return weekly, CALENDARS[key]


@pytest.mark.parametrize("lift", [1.0, 1.5, 2.0])
def test_intervals_cover_the_planted_lift_at_about_the_nominal_rate(lift):
    covered, n = 0, 60
    for seed in range(n):
        sim = simulate_topic(seed, lift=lift, rate=2.0, season_amplitude=0.6, posts_per_year=3)
        weekly, calendar = _weekly(sim)
        r = topic_effect(weekly, "topic", sim["post_weeks"], calendar)
        covered += r["ci_low"] <= lift <= r["ci_high"]
    assert 0.85 <= covered / n <= 1.0  # nominal 95%; 60 runs leave room for noise


def test_a_real_lift_is_found():
    found = 0
    for seed in range(20):
        sim = simulate_topic(100 + seed, lift=2.0, rate=2.0, season_amplitude=0.6, posts_per_year=3)
        weekly, calendar = _weekly(sim)
        r = topic_effect(weekly, "topic", sim["post_weeks"], calendar)
        found += r["ci_low"] > 1
    assert found >= 16


def test_strongly_seasonal_null_topic_posted_in_season_is_never_an_effect():
    naive = []
    for seed in range(20):
        sim = simulate_topic(200 + seed, lift=1.0, rate=0.5, season_amplitude=1.5,
                             posts_in_season=True, posts_per_year=1)
        weekly, calendar = _weekly(sim)
        table = publication_effects(weekly, {"topic": sim["post_weeks"]}, calendar, ["topic"])
        assert not table.loc["topic", "effect"], table.loc["topic"].to_dict()
        naive.append(naive_before_after(weekly, "topic", sim["post_weeks"]))
    assert np.mean(naive) > 1.2  # the spreadsheet comparison is fooled by the season


def test_topic_without_posts_or_contacts_is_reported_not_fitted():
    sim = simulate_topic(1, lift=1.0, rate=0.02)
    weekly, calendar = _weekly(sim)
    assert topic_effect(weekly, "topic", [], calendar)["note"] == "geen posts in de periode"
    assert "te weinig" in topic_effect(weekly, "topic", sim["post_weeks"], calendar)["note"]


def test_prewhitened_ccf_shows_the_lag_of_a_real_effect():
    sim = simulate_topic(7, lift=2.5, rate=3.0, season_amplitude=0.5, posts_per_year=4, window=2)
    weekly, calendar = _weekly(sim)
    ccf = prewhitened_ccf(weekly, "topic", sim["post_weeks"], calendar, max_lag=6)
    assert ccf.loc[ccf["lag"].isin([0, 1]), "ccf"].max() > ccf["bound"].iloc[0]
    assert (ccf.loc[ccf["lag"] >= 4, "ccf"].abs() < 2 * ccf["bound"].iloc[0]).all()
