"""'How much data is enough' is checked against the full effect model on simulated topics."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.sample.synthetic import simulate_topic
from analysis.timeseries.covariates import weekly_covariates
from analysis.timeseries.effects import topic_effect
from analysis.timeseries.power import POWER, TARGET_LIFT, DataNeeded, data_needed, detection_power, needs_text


def _weekly(sim: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    weekly = pd.DataFrame({"topic": sim["topic"], "total": sim["topic"] + sim["other"]}, index=sim["weeks"])
    return weekly, weekly_covariates(weekly.index[0], weekly.index[-1])


def _detection_rate(weeks: int, posts_per_year: int, rate: float = 1.0, runs: int = 60) -> float:
    found = 0
    for seed in range(runs):
        sim = simulate_topic(500 + seed, lift=TARGET_LIFT, weeks=weeks, rate=rate, season_amplitude=0.5,
                             posts_per_year=posts_per_year)
        weekly, covariates = _weekly(sim)
        r = topic_effect(weekly, "topic", sim["post_weeks"], covariates)
        found += r["p"] < 0.05 and r["lift"] > 1
    return found / runs


def test_power_grows_with_data_and_with_the_lift():
    assert detection_power(2.0, 1.2, 300, 40) < detection_power(2.0, 1.2, 300, 80)
    assert detection_power(2.0, 1.2, 300, 40) < detection_power(2.0, 1.2, 600, 80)
    assert detection_power(2.0, 1.2, 300, 40, lift=1.2) < detection_power(2.0, 1.2, 300, 40, lift=2.0)
    assert detection_power(2.0, 1.2, 300, 40, tests=20) < detection_power(2.0, 1.2, 300, 40, tests=1)
    assert detection_power(0.0, 1.0, 300, 40) == 0.0


def test_predicted_months_reach_about_eighty_percent_detection():
    sim = simulate_topic(1, lift=1.0, weeks=104, rate=1.0, season_amplitude=0.5, posts_per_year=2)
    weekly, covariates = _weekly(sim)
    needed = data_needed(weekly, "topic", sim["post_weeks"], covariates, tests=1)
    assert needed.power_now < POWER and needed.extra_months
    predicted_weeks = round(104 + needed.extra_months * 52 / 12)
    rate = _detection_rate(predicted_weeks, posts_per_year=2)
    assert 0.6 <= rate <= 0.97, (needed, rate)
    assert _detection_rate(104, posts_per_year=2) < rate - 0.15  # the data we have now fall clearly short


def test_predicted_posts_reach_about_eighty_percent_detection():
    sim = simulate_topic(2, lift=1.0, weeks=156, rate=2.0, season_amplitude=0.5, posts_per_year=1)
    weekly, covariates = _weekly(sim)
    needed = data_needed(weekly, "topic", sim["post_weeks"], covariates, tests=1)
    assert needed.extra_posts
    per_year = round((len(sim["post_weeks"]) + needed.extra_posts) / 3)
    rate = _detection_rate(156, posts_per_year=per_year, rate=2.0)
    assert 0.6 <= rate <= 0.97, (needed, per_year, rate)
    assert _detection_rate(156, posts_per_year=1, rate=2.0) < rate - 0.15


@pytest.mark.parametrize("needed, text", [
    (DataNeeded(0.3, 3, 14),
     "Nek: nog ongeveer 3 berichten of 14 maanden gegevens nodig om een effect van ×1,5 aan te tonen."),
    (DataNeeded(0.3, None, 1), "Nek: nog ongeveer 1 maand gegevens nodig om een effect van ×1,5 aan te tonen."),
    (DataNeeded(0.1, None, None),
     "Nek: met 40 berichten meer of 10 jaar gegevens meer is een effect van ×1,5 nog niet aan te tonen."),
])
def test_the_sentence_for_the_owner(needed, text):
    assert needs_text("Nek", needed) == text


def test_enough_data_now_says_the_effect_is_smaller():
    assert "kleiner" in needs_text("Nek", DataNeeded(0.9, 0, 0))
    assert np.isfinite(DataNeeded(0.9, 0, 0).power_now)


def test_topics_with_the_same_answer_share_one_line():
    from analysis.reporting.sections import data_needed_lines

    effects = pd.DataFrame({"label": ["Nek", "Knie", "Heup"], "power_now": [0.3, 0.2, 0.2],
                            "extra_posts": [3, None, None], "extra_months": [14, None, None]})
    lines = data_needed_lines(effects, 200)
    assert lines[0] == "Nek: nog ongeveer 3 berichten of 14 maanden gegevens nodig om een effect van ×1,5 aan te tonen."
    assert lines[1].startswith("Knie; Heup: met 40 berichten meer") and len(lines) == 2
