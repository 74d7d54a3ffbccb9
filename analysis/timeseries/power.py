"""How large an effect a topic's data can show now, and in one and two years.

For a topic without a proven effect: simulate, from what the data say about it now (weekly
contacts outside the post windows, their overdispersion, the number of posts and weeks), whether
a lift in the WINDOW weeks after a post would be detected by the verdict of the effect model (its
interval, corrected for all tested topics, above ×1: a one-sided Wald test at the Bonferroni
level). The *detectable lift* is the smallest lift found with POWER (80%): now, after one more
year and after two more years of data at the topic's own posting rhythm (its posts per year so
far; one a year for a topic without posts). The answer is always finite: "vanaf ×2,4", or
"groter dan ×5" when even that would stay hidden. The simulation draws quasi-Poisson counts
(negative binomial with variance φ·μ) and is vectorised, so all topics take well under a second;
``tests/test_power.py`` checks the prediction against the full effect model on simulated topics.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.formatting import nl_number
from .effects import WINDOW, ModelFailure, _design, _fit, family_z, interval_df, post_window, weather_posts

TARGET_LIFT = 1.5
TARGET_TEXT = f"×{nl_number(TARGET_LIFT, 1)}"  # '×1,5'
POWER = 0.8
SIMS = 2000
LIFTS = np.round(np.arange(1.1, 5.0001, 0.1), 1)  # the detectable lift is one of these
SEED = 20261125


@dataclass(frozen=True)
class DataNeeded:
    """The smallest lift a topic's data would show with POWER (None: above the largest of LIFTS)."""
    power_now: float  # for a lift of TARGET_LIFT
    detectable_now: float | None
    detectable_1y: float | None
    detectable_2y: float | None
    posts_per_year: float  # the rhythm the later figures assume
    has_posts: bool = True  # False: the rhythm is one post a year, the topic has none yet


def detection_power(mu: float, phi: float, weeks: int, window_weeks: int, tests: int = 1,
                    lift: float = TARGET_LIFT, sims: int = SIMS, seed: int = SEED, df: int = 0) -> float:
    """Share of simulated data sets in which the lift is detected (*df*: the interval's degrees of
    freedom, as in effects.family_z)."""
    inside = min(window_weeks, weeks - 1)
    outside = weeks - inside
    if mu <= 0 or inside <= 0 or outside <= 0:
        return 0.0
    rng = np.random.default_rng(seed)
    y1 = _counts(rng, lift * mu * inside, phi, sims)
    y0 = _counts(rng, mu * outside, phi, sims)
    ok = (y1 > 0) & (y0 > 0)
    log_rr = np.log(np.where(ok, y1, 1) / inside) - np.log(np.where(ok, y0, 1) / outside)
    se = np.sqrt(max(phi, 1.0) * (1 / np.where(ok, y1, 1) + 1 / np.where(ok, y0, 1)))
    return float(np.mean(ok & (log_rr / se > family_z(tests, df))))


def detectable_lift(mu: float, phi: float, weeks: int, window_weeks: int, tests: int, df: int = 0) -> float | None:
    """The smallest of LIFTS detected with POWER (power grows with the lift: bisection)."""
    low, high = 0, len(LIFTS) - 1
    if detection_power(mu, phi, weeks, window_weeks, tests, float(LIFTS[high]), df=df) < POWER:
        return None
    while low < high:
        mid = (low + high) // 2
        if detection_power(mu, phi, weeks, window_weeks, tests, float(LIFTS[mid]), df=df) >= POWER:
            high = mid
        else:
            low = mid + 1
    return float(LIFTS[low])


def _counts(rng: np.random.Generator, mean: float, phi: float, n: int) -> np.ndarray:
    """Totals with the given mean and variance phi * mean (Poisson when phi <= 1)."""
    if phi <= 1.0:
        return rng.poisson(mean, n)
    r = mean / (phi - 1)  # negative binomial: variance = mean + mean**2 / r = phi * mean
    return rng.negative_binomial(r, r / (r + mean), n)


def _baseline(weekly: pd.DataFrame, topic: str, covariates: pd.DataFrame,
              weather_driven: bool) -> tuple[float, float]:
    """Mean weekly contacts and overdispersion from the topic's model without posts (its own
    season, the overall level and the calendar), so the season is not taken for noise."""
    y = weekly[topic].to_numpy()
    if y.sum() == 0:
        return 0.0, 1.0
    try:
        fit = _fit(y, _design(weekly, topic, covariates, weather_driven))
    except ModelFailure:  # no model for these counts: their own variance against their mean
        return float(y.mean()), float(max(y.var() / y.mean(), 1.0))
    return float(y.mean()), float(max(fit.scale, 1.0))


def data_needed(weekly: pd.DataFrame, topic: str, starts: list[pd.Timestamp], covariates: pd.DataFrame,
                tests: int, weather_driven: bool = False) -> DataNeeded:
    """The lift the topic's data can show now and after one and two more years."""
    weeks = len(weekly)
    window_weeks = int((post_window(weekly.index, starts, WINDOW) > 0).sum())
    mu, phi = _baseline(weekly, topic, covariates, weather_driven)
    posts = sum(weekly.index[0] <= s <= weekly.index[-1] for s in starts) if weeks else 0
    per_year = posts / (weeks / 52) if posts else 1.0  # a topic without posts: one a year

    # a weather-driven topic's interval rests on its posts with ice in their window, at their share so far
    learnt = weather_posts(weekly.index, starts, covariates) / posts if weather_driven and posts else 1.0

    def df(years: int) -> int:  # the interval of the topic with the posts of *years* more at its rhythm
        return interval_df(round(learnt * (posts + per_year * years)), weather_driven)

    def later(years: int) -> float | None:
        return detectable_lift(mu, phi, weeks + 52 * years, round(window_weeks + per_year * years * WINDOW), tests,
                               df(years))

    return DataNeeded(power_now=round(detection_power(mu, phi, weeks, window_weeks, tests, df=df(0)), 2),
                      detectable_now=detectable_lift(mu, phi, weeks, window_weeks, tests, df(0)),
                      detectable_1y=later(1), detectable_2y=later(2), posts_per_year=round(per_year, 1),
                      has_posts=bool(posts))


def _lift_text(lift: float | None) -> str:
    return f"vanaf ×{nl_number(lift, 1)}" if lift is not None else f"groter dan ×{nl_number(float(LIFTS[-1]), 0)}"


def needs_text(label: str, needed: DataNeeded) -> str:
    """'Nek: aan te tonen is nu een effect vanaf ×2,4, over een jaar vanaf ×2,0 en over twee jaar vanaf ×1,8
    (bij 0,7 berichten per jaar over dit onderwerp, zoals tot nu toe).'"""
    if needed.power_now >= POWER:
        return (f"{label}: met de huidige gegevens zou een effect van {TARGET_TEXT} "
                f"waarschijnlijk zichtbaar zijn (kans {round(100 * needed.power_now)}%); een effect, als het "
                "er is, is dus kleiner.")
    rate = needed.posts_per_year
    rhythm = (f"bij {nl_number(rate, 0 if float(rate).is_integer() else 1)} "
              f"{'bericht' if rate == 1 else 'berichten'} per jaar over dit onderwerp, zoals tot nu toe"
              if needed.has_posts else "bij 1 bericht per jaar; er is nog geen bericht over dit onderwerp")
    return (f"{label}: aan te tonen is nu een effect {_lift_text(needed.detectable_now)}, over een jaar "
            f"{_lift_text(needed.detectable_1y)} en over twee jaar {_lift_text(needed.detectable_2y)} ({rhythm}).")
