"""'How large an effect can the data show' is checked against the full effect model on simulated topics."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.sample.synthetic import simulate_topic
from analysis.timeseries.covariates import weekly_covariates
from analysis.timeseries.effects import topic_effect
from analysis.timeseries.power import DataNeeded, data_needed, detectable_lift, detection_power, needs_text


def _weekly(sim: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    weekly = pd.DataFrame({"topic": sim["topic"], "total": sim["topic"] + sim["other"]}, index=sim["weeks"])
    return weekly, weekly_covariates(weekly.index[0], weekly.index[-1])


def _detection_rate(lift: float, weeks: int, posts_per_year: int, rate: float, runs: int = 60) -> float:
    """How often the effect model's verdict (one topic: its 95% interval above ×1) finds *lift*."""
    found = 0
    for seed in range(runs):
        sim = simulate_topic(500 + seed, lift=lift, weeks=weeks, rate=rate, season_amplitude=0.5,
                             posts_per_year=posts_per_year)
        weekly, covariates = _weekly(sim)
        found += topic_effect(weekly, "topic", sim["post_weeks"], covariates)["ci_low"] > 1
    return found / runs


def test_power_grows_with_data_and_with_the_lift():
    assert detection_power(2.0, 1.2, 300, 40) < detection_power(2.0, 1.2, 300, 80)
    assert detection_power(2.0, 1.2, 300, 40) < detection_power(2.0, 1.2, 600, 80)
    assert detection_power(2.0, 1.2, 300, 40, lift=1.2) < detection_power(2.0, 1.2, 300, 40, lift=2.0)
    assert detection_power(2.0, 1.2, 300, 40, tests=20) < detection_power(2.0, 1.2, 300, 40, tests=1)
    assert detection_power(0.0, 1.0, 300, 40) == 0.0
    assert detectable_lift(2.0, 1.2, 600, 80, 1) < detectable_lift(2.0, 1.2, 300, 40, 1)
    # a weather-driven topic's interval rests on its few posts (Student's t): less power, more posts help
    assert detection_power(2.0, 1.2, 300, 40, df=3) < detection_power(2.0, 1.2, 300, 40, df=9) \
        < detection_power(2.0, 1.2, 300, 40)


def test_the_detectable_lift_is_found_about_eighty_percent_of_the_time():
    sim = simulate_topic(2, lift=1.0, weeks=156, rate=1.0, season_amplitude=0.5, posts_per_year=2)
    weekly, covariates = _weekly(sim)
    needed = data_needed(weekly, "topic", sim["post_weeks"], covariates, tests=1)
    assert needed.detectable_now is not None and needed.posts_per_year == pytest.approx(2, abs=0.5)
    rate = _detection_rate(needed.detectable_now, 156, 2, 1.0)
    assert 0.6 <= rate <= 0.97, (needed, rate)
    assert _detection_rate(1 + (needed.detectable_now - 1) / 2, 156, 2, 1.0) < rate - 0.15  # half as large: not


def test_more_years_at_the_same_rhythm_show_smaller_effects():
    sim = simulate_topic(3, lift=1.0, weeks=104, rate=1.0, season_amplitude=0.5, posts_per_year=2)
    weekly, covariates = _weekly(sim)
    needed = data_needed(weekly, "topic", sim["post_weeks"], covariates, tests=1)
    assert needed.detectable_2y <= needed.detectable_1y <= needed.detectable_now
    rate = _detection_rate(needed.detectable_2y, 104 + 104, 2, 1.0)
    assert 0.6 <= rate <= 0.97, (needed, rate)


@pytest.mark.parametrize("needed, text", [
    (DataNeeded(0.3, 2.4, 2.0, 1.8, 0.7),
     "Nek: aan te tonen is nu een effect vanaf ×2,4, over een jaar vanaf ×2,0 en over twee jaar vanaf ×1,8 "
     "(bij 0,7 berichten per jaar over dit onderwerp, zoals tot nu toe)."),
    (DataNeeded(0.0, None, None, 3.9, 1.0, has_posts=False),
     "Nek: aan te tonen is nu een effect groter dan ×5, over een jaar groter dan ×5 en over twee jaar vanaf ×3,9 "
     "(bij 1 bericht per jaar; er is nog geen bericht over dit onderwerp)."),
])
def test_the_sentence_for_the_owner(needed, text):
    assert needs_text("Nek", needed) == text


def test_enough_data_now_says_the_effect_is_smaller():
    assert "kleiner" in needs_text("Nek", DataNeeded(0.9, 1.3, 1.2, 1.2, 2.0))
    assert np.isfinite(DataNeeded(0.9, 1.3, 1.2, 1.2, 2.0).power_now)


def test_every_topic_gets_a_finite_answer_and_equal_answers_share_one_line():
    from analysis.reporting.sections import data_needed_lines

    effects = pd.DataFrame({"label": ["Nek", "Knie", "Heup", "Zorgverzekering"], "power_now": [0.3, 0.2, 0.2, 0.1],
                            "detectable_now": [2.4, None, None, 3.0], "detectable_1y": [2.0, 4.5, 4.5, 2.8],
                            "detectable_2y": [1.8, 3.9, 3.9, 2.7], "posts_per_year": [0.7, 1.0, 1.0, 1.0],
                            "has_posts": [True, True, True, True], "season_overlap": [0.1, 0.1, 0.1, 0.6],
                            "note": ["", "", "", ""]})
    lines = data_needed_lines(effects, 200)
    assert lines[0].startswith("Nek: aan te tonen is nu een effect vanaf ×2,4")
    assert lines[1].startswith("Zorgverzekering: de berichten vallen steeds in hetzelfde deel van het seizoen")
    assert lines[2].startswith("Knie; Heup: aan te tonen is nu een effect groter dan ×5") and len(lines) == 3
