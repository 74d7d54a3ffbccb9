"""Seasonality and publication effects, checked on series with known effects."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.sample.synthetic import simulate_topic
from analysis.timeseries.covariates import weekly_covariates
from analysis.timeseries.effects import (
    effect_profile,
    naive_before_after,
    prewhitened_ccf,
    publication_effects,
    topic_effect,
)

from .conftest import ROOT

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
    assert 0.85 <= covered / n <= 0.99  # nominal 95%; 60 runs leave room for noise, but not for
    # intervals so wide that they always cover


@pytest.mark.parametrize("duration", [2, 3, 6])
def test_the_window_and_lift_of_effects_of_any_duration_are_recovered(duration):
    """A ×2 effect lasting 2, 3 or 6 weeks: the chosen window is its duration, the lift
    is unbiased (geometric mean within 10%) and the intervals cover it about 95% of the time."""
    runs = 40
    windows, logs, covered = [], [], 0
    for seed in range(runs):
        sim = simulate_topic(1000 + seed, lift=2.0, rate=2.0, season_amplitude=0.6, posts_per_year=3,
                             window=duration)
        weekly, calendar = _weekly(sim)
        r = topic_effect(weekly, "topic", sim["post_weeks"], calendar)
        windows.append(r["window"])
        logs.append(np.log(r["lift"]))
        covered += r["ci_low"] <= 2.0 <= r["ci_high"]
    assert np.median(windows) == duration
    assert abs(np.exp(np.mean(logs)) - 2.0) < 0.2
    assert 0.88 <= covered / runs <= 0.99


def test_the_profile_shows_where_the_effect_is():
    sim = simulate_topic(7, lift=2.5, rate=3.0, season_amplitude=0.5, posts_per_year=4, window=2)
    weekly, calendar = _weekly(sim)
    profile = effect_profile(weekly, "topic", sim["post_weeks"], calendar)
    assert profile["weeks"].tolist() == ["1–2", "3–4", "5–6", "7–8"]
    first, later = profile.iloc[0], profile.iloc[1:]
    assert first["ci_low"] > 1.5 and (later["ci_low"] < 1).all()


def test_the_verdict_rests_on_an_honest_test():
    """Without an effect the joint test of the profile rejects at about the nominal 5%
    (choosing the best window first and testing it would reject far more often)."""
    rejected = 0
    for seed in range(100):
        sim = simulate_topic(5000 + seed, lift=1.0, rate=1.0, season_amplitude=0.6, posts_per_year=3)
        weekly, calendar = _weekly(sim)
        rejected += topic_effect(weekly, "topic", sim["post_weeks"], calendar)["p"] < 0.05
    assert rejected <= 10


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
    assert topic_effect(weekly, "topic", [], calendar)["note"] == "geen berichten in de periode"
    assert "te weinig" in topic_effect(weekly, "topic", sim["post_weeks"], calendar)["note"]


def test_prewhitened_ccf_shows_the_lag_of_a_real_effect():
    sim = simulate_topic(7, lift=2.5, rate=3.0, season_amplitude=0.5, posts_per_year=4, window=2)
    weekly, calendar = _weekly(sim)
    ccf = prewhitened_ccf(weekly, "topic", sim["post_weeks"], calendar, max_lag=6)
    assert ccf.loc[ccf["lag"].isin([0, 1]), "ccf"].max() > ccf["bound"].iloc[0]
    assert (ccf.loc[ccf["lag"] >= 4, "ccf"].abs() < 2 * ccf["bound"].iloc[0]).all()


def _family(lifts: list[float], seed: int) -> tuple[pd.DataFrame, dict, pd.DataFrame]:
    """One practice's topics: each with its own season, posts and planted lift; one shared level."""
    sims = [simulate_topic(seed + i, lift=lift, rate=2.0, season_amplitude=0.6, posts_per_year=3)
            for i, lift in enumerate(lifts)]
    topics = {f"t{i}": s["topic"] for i, s in enumerate(sims)}
    weekly = pd.DataFrame(topics, index=sims[0]["weeks"])
    weekly["total"] = weekly.sum(axis=1) + sims[0]["other"]
    starts = {f"t{i}": s["post_weeks"] for i, s in enumerate(sims)}
    key = (weekly.index[0], weekly.index[-1])
    if key not in CALENDARS:
        CALENDARS[key] = weekly_covariates(*key)
    return weekly, starts, CALENDARS[key]


def test_the_verdict_is_the_interval_shown_and_holds_its_level_across_topics():
    """'Aangetoond' exactly when the interval shown (corrected for the topics tested) lies above ×1;
    over four practices of 25 topics without any effect, at most one claims one (5% per practice)."""
    claims = 0
    for seed in range(4):
        weekly, starts, calendar = _family([1.0] * 25, 9000 + 100 * seed)
        table = publication_effects(weekly, starts, calendar, list(starts))
        assert (table["effect"] == ((table["ci_low"] > 1) & (table["season_overlap"] < 0.35))).all()
        assert (table["tests"] == 25).all() and (table["ci_low"] <= table["ci95_low"]).all()
        claims += int(table["effect"].sum())
    assert claims <= 1


def test_a_lift_below_one_is_explained_never_read_as_harm():
    weekly, starts, calendar = _family([1.0] * 20, 9500)
    table = publication_effects(weekly, starts, calendar, list(starts))
    low = table[table["lift"] < 1]
    assert 4 <= len(low) <= 16  # unconstrained: about half of the null topics fall below ×1
    assert (low["note"].str.contains("jaagt geen patiënten weg")).all() and not low["effect"].any()


def test_a_real_effect_is_still_found_among_many_topics():
    found = 0
    for seed in range(5):
        weekly, starts, calendar = _family([2.0] + [1.0] * 19, 9700 + 50 * seed)
        found += bool(publication_effects(weekly, starts, calendar, list(starts)).loc["t0", "effect"])
    assert found >= 4


def test_weather_that_does_not_cover_the_weeks_is_left_out_not_read_as_no_frost():
    weeks = pd.date_range("2024-01-01", periods=104, freq="W-MON")
    days = pd.date_range("2019-01-01", "2020-12-31", freq="D")  # another period entirely
    weather = pd.DataFrame({"date": days, "tmax": -2.0, "tmean": -3.0, "ice_day": 1, "frost_day": 1,
                            "natural_ice": 0})
    elsewhere = weekly_covariates(weeks[0], weeks[-1], weather)
    assert not elsewhere.attrs["weather_used"] and elsewhere.attrs["weather_coverage"] == 0
    assert "ice_days" not in elsewhere
    covering = weather.assign(date=pd.date_range("2024-01-01", periods=len(days), freq="D"))
    gap = covering[(covering["date"] < "2024-03-04") | (covering["date"] > "2024-03-10")]  # one week missing
    filled = weekly_covariates(weeks[0], weeks[-1], gap)
    assert filled.attrs["weather_used"] and filled.attrs["weather_coverage"] == pytest.approx(103 / 104)
    assert filled.loc["2024-03-04", "ice_days"] == 7  # the climate of that week, not zero frost


def test_a_broken_contact_form_is_found_named_and_left_out_of_the_models():
    from analysis.timeseries.outages import find_outages, without_outages

    rng = np.random.default_rng(3)
    weeks = pd.date_range("2024-01-01", periods=120, freq="W-MON")
    total = pd.Series(rng.poisson(20, len(weeks)), index=weeks)
    total.iloc[40:44] = 0  # four weeks of a broken form
    quiet = pd.Series(rng.poisson(1.0, len(weeks)), index=weeks)  # a tiny practice: empty weeks are normal
    [outage] = find_outages(total)
    assert (outage.first, outage.last) == (weeks[40], weeks[43]) and 15 <= outage.usual <= 25
    assert find_outages(quiet) == [] and find_outages(total.where(~total.index.isin(weeks[41:43]), 3)) == []
    kept = without_outages(pd.DataFrame({"total": total}), [outage])
    assert len(kept) == 116 and not kept.index.isin(outage.weeks).any()


def _weather_run(seed: int, lift: float, weather: bool) -> dict:
    from analysis.sample.weather_practice import simulate_weather_topic

    sim = simulate_weather_topic(seed, lift=lift)
    weekly = pd.DataFrame({"topic": sim["topic"], "total": sim["topic"] + sim["other"]}, index=sim["weeks"])
    calendar = weekly_covariates(weekly.index[0], weekly.index[-1], sim["weather"] if weather else None)
    return dict(topic_effect(weekly, "topic", sim["post_weeks"], calendar, weather_driven=True))


def test_skating_posted_when_it_freezes_is_recovered_with_weather_and_never_called_without():
    """Cold-spell skating demand with posts in the week the ice comes and a planted ×2 in weeks 1-3:
    the model without the weather's shape said ×3 to ×8 and 'effect' in nearly every redraw. With
    the weather (and Student's t on the posts with ice in their window) the interval holds ×2 most
    of the time (make validate, 200 redraws: 95%); a practice with fewer than three such posts gets
    no estimate yet; without weather, no estimate."""
    from analysis.timeseries.effects import MIN_WEATHER_POSTS, WEATHER_NEEDED

    all_runs = [_weather_run(seed, 2.0, True) for seed in range(30)]
    runs = [r for r in all_runs if np.isfinite(r["lift"])]
    assert len(runs) >= 24 and all(f"minstens {MIN_WEATHER_POSTS} nodig" in r["note"]
                                   for r in all_runs if not np.isfinite(r["lift"]))
    covered = np.mean([r["ci_low"] <= 2.0 <= r["ci_high"] for r in runs])
    assert covered >= 0.83
    assert 1.3 <= np.exp(np.mean([np.log(r["lift"]) for r in runs])) <= 2.4
    for seed in range(3):
        blind = _weather_run(seed, 2.0, False)
        assert np.isnan(blind["lift"]) and blind["note"] == WEATHER_NEEDED


def test_a_weather_topics_interval_rests_on_its_posts_with_ice():
    """Only posts with ice in their window (or the week before it) inform a skating lift: the
    December post in a mild week does not add a degree of freedom."""
    from analysis.timeseries.effects import interval_df, weather_posts

    weeks = pd.date_range("2025-11-03", periods=20, freq="W-MON")
    ice = pd.DataFrame({"natural_ice_days": 0.0, "ice_days": 0.0}, index=weeks)
    ice.iloc[8, 1] = 2.0  # ice days in week 9 only
    starts = [weeks[1], weeks[6], weeks[9], weeks[15]]  # windows: weeks 2-4, 7-9, 10-12, 16-18
    assert weather_posts(weeks, starts, ice) == 2  # 7-9 holds the ice; 10-12 follows it
    assert weather_posts(weeks, starts, ice, first=3, window=2) == 1  # weeks 4-5, 9-10, 12-13, 18-19
    assert interval_df(2, True) == 1 and interval_df(9, True) == 8 and interval_df(9, False) == 0


def test_a_weather_topic_without_effect_is_not_called_for_the_cold():
    runs = [_weather_run(500 + seed, 1.0, True) for seed in range(30)]
    assert sum(r["ci_low"] > 1 for r in runs) <= 3  # nominal 95%: about 1.5 of 30


def test_a_delayed_effect_is_found_where_it_is():
    """×1,8 in weeks 3-6 after a post, nothing in weeks 1-2: the window starts in week 3 and the
    interval holds the planted lift."""
    runs = []
    for seed in range(30):
        sim = simulate_topic(2000 + seed, lift=1.8, rate=2.0, season_amplitude=0.6, posts_per_year=3,
                             window=4, first_week=3)
        weekly, calendar = _weekly(sim)
        runs.append(topic_effect(weekly, "topic", sim["post_weeks"], calendar))
    assert np.median([r["first_week"] for r in runs]) == 3 and np.median([r["window"] for r in runs]) == 4
    assert np.mean([r["ci_low"] <= 1.8 <= r["ci_high"] for r in runs]) >= 0.88
    assert abs(np.exp(np.mean([np.log(r["lift"]) for r in runs])) - 1.8) < 0.2


def test_a_relaunch_is_found_and_does_not_move_a_null_topic():
    """All contacts ×1,4 from week 150 on (a new website): found every time, mostly within a month
    of the true week (a relaunch in a seasonal rise is hard to date to the week), and a seasonal
    topic without effect stays uncalled, its lift about ×1."""
    from analysis.timeseries.level_shifts import find_level_shift, with_level_shift

    found, dated, lifts = 0, 0, []
    for seed in range(12):
        sim = simulate_topic(3000 + seed, lift=1.0, rate=2.0, season_amplitude=0.6, posts_per_year=3, shift=(150, 1.4))
        weekly, calendar = _weekly(sim)
        shift = find_level_shift(weekly["total"], calendar)
        if shift is not None and 1.25 <= shift.factor <= 1.6:
            found += 1
            dated += abs((shift.week - sim["weeks"][150]).days) <= 28
        r = topic_effect(weekly, "topic", sim["post_weeks"], with_level_shift(calendar, shift))
        lifts.append(np.log(r["lift"]))
        assert r["ci_low"] <= 1.0
    assert found == 12 and dated >= 10 and abs(np.mean(lifts)) < 0.1


def test_no_level_shift_is_claimed_in_a_growing_practice_or_over_a_summer_closure():
    from analysis.timeseries.level_shifts import find_level_shift

    for seed in range(20):
        sim = simulate_topic(4000 + seed, lift=1.0, rate=2.0, season_amplitude=0.6, posts_per_year=3)
        weekly, calendar = _weekly(sim)
        total = weekly["total"].copy()
        total.iloc[80:82] = total.iloc[80:82] // 2  # the practice closed for two weeks
        total = (total * np.exp(0.1 * np.arange(len(total)) / 52)).round()  # 10% growth a year
        assert find_level_shift(total, calendar) is None


def test_counts_the_model_finds_no_solution_for_get_a_note_and_never_stop_the_analysis():
    """Found in the chain benchmark: a small practice's weather-driven topic made the fit's
    iterations run off (NaN weights); the topic is now 'niet te schatten', the other topics go on."""
    from analysis.timeseries.effects import NO_SOLUTION, publication_effects

    folder = ROOT / "tests" / "fixtures" / "effects"
    weekly = pd.read_csv(folder / "valpreventie-zonder-oplossing.csv", index_col="week", parse_dates=True)
    covariates = pd.read_csv(folder / "valpreventie-covariaten.csv", index_col=0, parse_dates=True)
    covariates.attrs["weather_used"] = True
    starts = [pd.Timestamp(d) for d in ("2021-03-08", "2025-10-06", "2025-10-06")]
    table = publication_effects(weekly, {"valpreventie": starts}, covariates, ["valpreventie"],
                                frozenset({"valpreventie"}))
    assert table.loc["valpreventie", "note"] == NO_SOLUTION and np.isnan(table.loc["valpreventie", "lift"])
    assert not table.loc["valpreventie", "effect"]


def test_a_degenerate_fit_is_no_certainty_but_no_estimate():
    """Found in the chain benchmark: one post, no contact about the topic in its weeks, and the fit
    returned ×1,00 with a standard error of 3e-9 (an interval from ×1,00 to ×1,00, an 'effect' when
    pooled). It is now 'niet te schatten'."""
    from analysis.timeseries.effects import NO_CONTACTS_AFTER

    folder = ROOT / "tests" / "fixtures" / "effects"
    weekly = pd.read_csv(folder / "valpreventie-ontaard.csv", index_col="week", parse_dates=True)
    covariates = pd.read_csv(folder / "valpreventie-ontaard-covariaten.csv", index_col=0, parse_dates=True)
    covariates.attrs["weather_used"] = True
    result = topic_effect(weekly, "valpreventie", [pd.Timestamp("2024-09-30")], covariates, True)
    assert result["note"] == NO_CONTACTS_AFTER and np.isnan(result["lift"])


def test_posts_in_nearly_every_week_leave_nothing_to_compare_and_say_so():
    """Found in `make bench` (10,000 posts over 2015-2026): a topic with a post every few weeks has
    no week outside the weeks after a post, so the post window equals the constant and the model
    dropped it; the effects step crashed. Now the topic gets a note the owner can read."""
    from analysis.timeseries.effects import NO_COMPARISON

    sim = simulate_topic(7, lift=1.0, rate=3.0, season_amplitude=0.3)
    weekly, calendar = _weekly(sim)
    every_third_week = list(weekly.index[::3])
    result = topic_effect(weekly, "topic", every_third_week, calendar)
    assert result["note"] == NO_COMPARISON and np.isnan(result["lift"])
    assert result["posts"] == len(every_third_week)
    sparse = topic_effect(weekly, "topic", list(weekly.index[::20]), calendar)  # room to compare
    assert np.isfinite(sparse["lift"]) and sparse["note"] != NO_COMPARISON
