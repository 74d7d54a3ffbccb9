"""Publication effects: do contacts about a topic rise in the weeks after a post on it?

Per topic, a quasi-Poisson GLM of the topic's weekly contacts with

- the topic's *own* yearly season: Fourier terms (3 harmonics of the ISO week);
- the overall level: log(1 + contacts about anything else that week), which
  carries the trend, the busy January, the quiet summer and Christmas;
- calendar effects: insurance switching period, Christmas week, school holidays,
  public holidays and, with weather data, ice days;
- the publication window: 1 in the WINDOW weeks from a post's publication week.

exp(coefficient of the window) is the *lift*: the rate ratio of topic contacts
in post weeks against comparable weeks without a post, with a 95% confidence
interval from the quasi-Poisson standard error (overdispersion-corrected). A topic
whose contacts rise every year in the same season gets that rise from its season
terms, not from the posts, so posting in season is no evidence by itself. When
the posts *always* fall in the same part of the season, the two cannot be told
apart: the share of the window explained by the season and calendar terms
(``season_overlap``, an R²) is then high, and from SEASON_OVERLAP on the lift is
shown but never called an effect. p-values are Holm-adjusted across topics; only
an adjusted p below 0.05 with a lift above 1 and a separable season is an effect.
"""
from __future__ import annotations

import warnings
from typing import TypedDict

import numpy as np
import pandas as pd
import statsmodels.api as sm
from statsmodels.stats.multitest import multipletests
from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning

from ..core.sufficiency import MODEL_WEEKS, period_text

WINDOW = 4  # weeks, starting with the publication week
HARMONICS = 3
ALPHA = 0.05
MIN_CONTACTS = 30
SEASON_OVERLAP = 0.35
CALENDAR = ["insurance_period", "christmas", "school_holiday", "public_holidays", "ice_days"]


class TopicEffect(TypedDict):
    """What :func:`topic_effect` finds for one topic (NaN where not estimated)."""
    posts: int
    contacts: int
    contacts_in_window: int
    weeks_in_window: int
    lift: float
    ci_low: float
    ci_high: float
    p: float
    season_overlap: float
    note: str  # why there is no estimate or no verdict (Dutch, shown to the owner)


def fourier(weeks: pd.DatetimeIndex, harmonics: int = HARMONICS) -> pd.DataFrame:
    """Yearly Fourier terms of the ISO week of year."""
    woy = weeks.isocalendar().week.to_numpy().astype(float)
    terms = {}
    for k in range(1, harmonics + 1):
        terms[f"sin{k}"] = np.sin(2 * np.pi * k * woy / 52.18)
        terms[f"cos{k}"] = np.cos(2 * np.pi * k * woy / 52.18)
    return pd.DataFrame(terms, index=weeks)


def post_window(weeks: pd.DatetimeIndex, starts: list[pd.Timestamp], window: int = WINDOW) -> np.ndarray:
    """1 for weeks within *window* weeks from any publication week."""
    inside = np.zeros(len(weeks), dtype=float)
    positions = weeks.get_indexer(pd.DatetimeIndex(starts), method="bfill") if len(starts) else []
    for pos in positions:
        if pos >= 0:
            inside[pos: pos + window] = 1.0
    return inside


def _design(weekly: pd.DataFrame, topic: str, covariates: pd.DataFrame) -> pd.DataFrame:
    other = weekly["total"] - weekly[topic]
    X = fourier(weekly.index)
    X["log_other"] = np.log1p(other.to_numpy())
    for column in CALENDAR:
        if column in covariates and covariates[column].loc[weekly.index].std() > 0:
            X[column] = covariates[column].loc[weekly.index].to_numpy()
    return sm.add_constant(X)


def season_overlap(window: np.ndarray, X: pd.DataFrame) -> float:
    """R² of the post window regressed on the season, level and calendar terms."""
    beta, *_ = np.linalg.lstsq(X.to_numpy(), window, rcond=None)
    residual = window - X.to_numpy() @ beta
    total = ((window - window.mean()) ** 2).sum()
    return float(1 - (residual ** 2).sum() / total) if total else 1.0


def _fit(y, X):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", (ConvergenceWarning, PerfectSeparationWarning, RuntimeWarning))
        return sm.GLM(y, X, family=sm.families.Poisson()).fit(scale="X2")


def topic_effect(weekly: pd.DataFrame, topic: str, starts: list[pd.Timestamp],
                 covariates: pd.DataFrame, window: int = WINDOW) -> TopicEffect:
    """Lift of *topic* contacts in post windows, with 95% CI and what it rests on."""
    y = weekly[topic].to_numpy()
    inside = post_window(weekly.index, starts, window)
    posts = int(sum(weekly.index[0] <= s <= weekly.index[-1] for s in starts)) if len(weekly) else 0
    result = TopicEffect(posts=posts, contacts=int(y.sum()), contacts_in_window=int(y[inside > 0].sum()),
                         weeks_in_window=int(inside.sum()), lift=np.nan, ci_low=np.nan,
                         ci_high=np.nan, p=np.nan, season_overlap=np.nan, note="")
    if len(weekly) < MODEL_WEEKS:
        result["note"] = f"te kort: {period_text(len(weekly))} gegevens, minstens 1 jaar nodig"
        return result
    if not posts or inside.sum() == 0:
        result["note"] = "geen posts in de periode"
        return result
    if y.sum() < MIN_CONTACTS:
        result["note"] = f"te weinig contacten (< {MIN_CONTACTS})"
        return result
    X = _design(weekly, topic, covariates)
    result["season_overlap"] = round(season_overlap(inside, X), 3)
    if result["season_overlap"] >= SEASON_OVERLAP:
        result["note"] = "posts vallen steeds in hetzelfde deel van het seizoen: niet te scheiden"
    X["post_window"] = inside
    fit = _fit(y, X)
    beta, se = fit.params["post_window"], fit.bse["post_window"]
    if not np.isfinite(se) or se > 5:
        result["note"] = "niet te schatten: (bijna) geen contacten in de weken na de posts"
        return result
    result["lift"] = float(np.exp(beta))
    result["ci_low"], result["ci_high"] = float(np.exp(beta - 1.96 * se)), float(np.exp(beta + 1.96 * se))
    result["p"] = float(fit.pvalues["post_window"])
    return result


def publication_effects(weekly: pd.DataFrame, starts_by_topic: dict[str, list[pd.Timestamp]],
                        covariates: pd.DataFrame, topics: list[str], window: int = WINDOW) -> pd.DataFrame:
    """One row per topic: lift, CI, p, Holm-adjusted p and the verdict 'effect'."""
    rows = [{"topic": t} | topic_effect(weekly, t, starts_by_topic.get(t, []), covariates, window)
            for t in topics]
    table = pd.DataFrame(rows).set_index("topic")
    tested = table["p"].notna()
    table["p_holm"] = np.nan
    if tested.any():
        table.loc[tested, "p_holm"] = multipletests(table.loc[tested, "p"], method="holm")[1]
    table["effect"] = ((table["p_holm"] < ALPHA) & (table["lift"] > 1)
                       & (table["season_overlap"] < SEASON_OVERLAP))
    return table


def naive_before_after(weekly: pd.DataFrame, topic: str, starts: list[pd.Timestamp],
                       window: int = WINDOW) -> float:
    """Mean topic contacts in the window after posts / in the same number of weeks before.

    The comparison a spreadsheet would make; it ignores season and overall level.
    """
    after = post_window(weekly.index, starts, window)
    before = post_window(weekly.index, [s - pd.Timedelta(weeks=window) for s in starts], window)
    before = before * (1 - after)
    y = weekly[topic].to_numpy()
    if not before.any() or not after.any() or y[before > 0].mean() == 0:
        return float("nan")
    return float(y[after > 0].mean() / y[before > 0].mean())


def prewhitened_ccf(weekly: pd.DataFrame, topic: str, starts: list[pd.Timestamp],
                    covariates: pd.DataFrame, max_lag: int = 8) -> pd.DataFrame:
    """Cross-correlation of posting with topic contacts at lags 0..max_lag, prewhitened.

    Both series are autocorrelated (seasons, habits), which makes raw cross-
    correlations look significant. The contact series is replaced by its Pearson
    residuals from the season-and-level model (without posts) and the posting
    series by its residuals from an AR(1) fit; the bound for a correlation that
    differs from zero is then about 1.96 / sqrt(n).
    """
    y = weekly[topic].to_numpy()
    x = pd.Series(post_window(weekly.index, starts, 1), index=weekly.index)
    residuals = np.asarray(_fit(y, _design(weekly, topic, covariates)).resid_pearson)
    x_lag = x.shift(1).fillna(0)
    slope = np.polyfit(x_lag, x, 1)[0] if x.std() > 0 else 0.0
    x_white = (x - slope * x_lag).to_numpy()
    n = len(y)
    rows = []
    for lag in range(max_lag + 1):
        a, b = x_white[: n - lag], residuals[lag:]
        r = np.corrcoef(a, b)[0, 1] if a.std() > 0 and b.std() > 0 else np.nan
        rows.append({"lag": lag, "ccf": r, "bound": 1.96 / np.sqrt(n - lag)})
    return pd.DataFrame(rows)
