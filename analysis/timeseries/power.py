"""How much more data a topic needs before an effect of its posts can be shown.

For a topic without a proven effect: simulate, from what the data say about it now
(weekly contacts outside the post windows, their overdispersion, the number of
posts and weeks), whether a lift of ``TARGET_LIFT`` in the WINDOW weeks after a post
would be detected by the effect model's joint test of its lag profile (a Wald test
with one degree of freedom per lag bin, at the Bonferroni level for all tested
topics, as strict as Holm's first step; an even lift over the window gives the
test the same signal as the pooled rate ratio). Then find the fewest extra posts
(with the same weeks of data) and the fewest extra months (posting at the current
rate) that bring detection to ``POWER``. The simulation draws quasi-Poisson counts
(negative binomial with variance φ·μ) and is vectorised, so all topics take well
under a second; ``tests/test_power.py`` checks the prediction against the full
effect model on simulated topics.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import chi2

from ..core.formatting import nl_number
from .effects import ALPHA, BINS, WINDOW, _design, _fit, post_window

TARGET_LIFT = 1.5
TARGET_TEXT = f"×{nl_number(TARGET_LIFT, 1)}"  # '×1,5'
POWER = 0.8
SIMS = 2000
MAX_EXTRA_POSTS = 40
MAX_EXTRA_MONTHS = 120
WEEKS_PER_MONTH = 52 / 12
SEED = 20261125


@dataclass(frozen=True)
class DataNeeded:
    """What a topic needs to show a lift of TARGET_LIFT with POWER (None: not within reach)."""
    power_now: float
    extra_posts: int | None
    extra_months: int | None


def detection_power(mu: float, phi: float, weeks: int, window_weeks: int, tests: int = 1,
                    lift: float = TARGET_LIFT, sims: int = SIMS, seed: int = SEED) -> float:
    """Share of simulated data sets in which the lift is detected."""
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
    critical = chi2.ppf(1 - ALPHA / max(tests, 1), len(BINS))
    return float(np.mean(ok & (log_rr > 0) & ((log_rr / se) ** 2 > critical)))


def _counts(rng: np.random.Generator, mean: float, phi: float, n: int) -> np.ndarray:
    """Totals with the given mean and variance phi * mean (Poisson when phi <= 1)."""
    if phi <= 1.0:
        return rng.poisson(mean, n)
    r = mean / (phi - 1)  # negative binomial: variance = mean + mean**2 / r = phi * mean
    return rng.negative_binomial(r, r / (r + mean), n)


def _baseline(weekly: pd.DataFrame, topic: str, covariates: pd.DataFrame) -> tuple[float, float]:
    """Mean weekly contacts and overdispersion from the topic's model without posts (its own
    season, the overall level and the calendar), so the season is not taken for noise."""
    y = weekly[topic].to_numpy()
    if y.sum() == 0:
        return 0.0, 1.0
    fit = _fit(y, _design(weekly, topic, covariates))
    return float(y.mean()), float(max(fit.scale, 1.0))


def data_needed(weekly: pd.DataFrame, topic: str, starts: list[pd.Timestamp], covariates: pd.DataFrame,
                tests: int) -> DataNeeded:
    """Extra posts (same weeks) or extra months (same posting rate) for 80% detection."""
    weeks = len(weekly)
    inside = post_window(weekly.index, starts, WINDOW) > 0
    mu, phi = _baseline(weekly, topic, covariates)
    window_weeks = int(inside.sum())
    now = detection_power(mu, phi, weeks, window_weeks, tests)
    extra_posts = next((k for k in range(0, MAX_EXTRA_POSTS + 1)
                        if window_weeks + k * WINDOW < weeks / 2
                        and detection_power(mu, phi, weeks, window_weeks + k * WINDOW, tests) >= POWER), None)
    extra_months = None
    if window_weeks:
        share = window_weeks / weeks
        extra_months = next((m for m in range(0, MAX_EXTRA_MONTHS + 1, 1)
                             if detection_power(mu, phi, round(weeks + m * WEEKS_PER_MONTH),
                                                round(share * (weeks + m * WEEKS_PER_MONTH)), tests) >= POWER),
                            None)
    return DataNeeded(power_now=round(now, 2), extra_posts=extra_posts, extra_months=extra_months)


def needs_text(label: str, needed: DataNeeded) -> str:
    """'Nek: nog ongeveer 3 berichten of 14 maanden gegevens nodig om een effect van ×1,5 aan te tonen.'"""
    if needed.power_now >= POWER:
        return (f"{label}: met de huidige gegevens zou een effect van {TARGET_TEXT} "
                f"waarschijnlijk zichtbaar zijn (kans {round(100 * needed.power_now)}%); een effect, als het "
                "er is, is dus kleiner.")
    options = []
    if needed.extra_posts:
        options.append(f"{needed.extra_posts} {'bericht' if needed.extra_posts == 1 else 'berichten'}")
    if needed.extra_months:
        options.append(f"{needed.extra_months} {'maand' if needed.extra_months == 1 else 'maanden'} gegevens")
    goal = f"om een effect van {TARGET_TEXT} aan te tonen"
    if not options:
        return (f"{label}: met {MAX_EXTRA_POSTS} berichten meer of {MAX_EXTRA_MONTHS // 12} jaar gegevens meer "
                f"is een effect van {TARGET_TEXT} nog niet aan te tonen.")
    return f"{label}: nog ongeveer {' of '.join(options)} nodig {goal}."
