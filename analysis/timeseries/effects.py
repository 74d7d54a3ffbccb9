"""Publication effects: do contacts about a topic rise in the weeks after a post on it?

Per topic, a quasi-Poisson GLM of the topic's weekly contacts with

- the topic's *own* yearly season: Fourier terms (3 harmonics of the ISO week);
- the overall level: log(1 + contacts about anything else that week), which
  carries the trend, the busy January, the quiet summer and Christmas;
- calendar effects: insurance switching period, Christmas week, school holidays,
  public holidays and, with weather data, ice, frost and natural-ice days;
- the weeks after a post.

How long a post's effect lasts is not assumed but estimated. The *profile* is a
distributed lag: the number of posts published 1–2, 3–4, 5–6 and 7–8 weeks
earlier (week 1 is the publication week), pooled in two-week bins so the profile
stays smooth, each with its own rate ratio. Whether posts bring contacts at all
is the joint Wald test of those four coefficients: one pre-specified test, so
its p-value is honest. When that test shows an effect (p < 0.05 before the
correction across topics), the *window* is chosen from the data: among the windows
that start in any week from 1 to MAX_LAG and end in a later one up to MAX_LAG (an
effect can start late: patients read, wait, and write weeks later), the one whose
model fits best (lowest deviance; the models have the same number of parameters).
Otherwise the lift is measured over the standard WINDOW of weeks 1 to 4: choosing
a window from pure noise would push the lift away from 1. exp(coefficient of the
window) is the *lift*: the rate ratio of topic contacts in the window weeks against
comparable weeks without a post, with a 95% confidence interval from the quasi-Poisson standard error
(overdispersion-corrected); where the window was chosen, averaged over the windows
to include the uncertainty of that choice (:func:`choose_window`). Simulations with
effects lasting 2, 3 and 6 weeks, starting in week 1 or 3 (tests/test_effects.py;
the large runs in ``make validate``, docs/validation.md) recover the lift and the
window, with interval coverage near 95%. A topic
whose contacts rise every year in the same season gets that rise from its season
terms, not from the posts, so posting in season is no evidence by itself. When
the posts *always* fall in the same part of the season, the two cannot be told
apart: the share of the window explained by the season and calendar terms
(``season_overlap``, an R²) is then high, and from SEASON_OVERLAP on the lift is
shown but never called an effect.

Some topics' demand follows the weather (``weather: true`` in the taxonomy: skating, slipping),
and practices write about them when it freezes, so the posts fall in the weeks the weather
brings patients anyway. Such a topic's own model carries the weather in a flexible shape
(:func:`.covariates.weather_demand_terms`: ice and natural-ice days in the week and the week
before, as any/log terms); without weather covering the weeks it gets no estimate, only the note
that the weather is needed (WEATHER_NEEDED). Its interval uses Student's t instead of the normal
quantile, with one degree of freedom fewer than the posts whose window had ice (``weather_posts``;
with fewer than MIN_WEATHER_POSTS of them, no estimate): the lift rests on a handful of post
windows, not on hundreds of weeks, and a window without ice brings no patients of the topic to
lift, so it tells nothing about the lift (in simulations of
skating posts the normal interval held a planted ×2 in 88% of practices and called a topic
without effect in 6%; docs/validation.md). A lasting
level shift of all contacts (a new website or form, a second location; see level_shifts.py) is
a step term in every model.

One rule decides the verdict, and the interval the owner sees agrees with it. The interval
shown (``ci_low``, ``ci_high``) is corrected for the family of topics tested: a Bonferroni
interval at 1 − 0.05/N for N topics with an estimate, so the chance that any topic's interval
misses ×1 by luck stays at 5%. A topic has an *effect* exactly when that interval lies above ×1
and its season is separable. The nominal 95% interval is kept as ``ci95_low``/``ci95_high``
(for the coverage checks), the joint test's p-value and its Holm adjustment as ``p`` and
``p_holm``. A lift below ×1 is estimated, not forbidden: forcing lifts up to ×1 would bias every
estimate upwards when posts do nothing. It is never read as harm: a post cannot drive patients
away; a low estimate means the posts fell in weeks with less demand than the model expects, or
chance (``LOW_NOTE``).
"""
from __future__ import annotations

import warnings
from typing import TypedDict

import numpy as np
import pandas as pd
from scipy.stats import chi2, norm
from scipy.stats import t as student_t
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM
from statsmodels.stats.multitest import multipletests
from statsmodels.tools.sm_exceptions import ConvergenceWarning, PerfectSeparationWarning, SingularMatrixWarning
from statsmodels.tools.tools import add_constant

from ..core.sufficiency import MODEL_WEEKS, period_text
from .covariates import WEATHER_COLUMNS, WEATHER_DRIVEN, weather_demand_terms

MAX_LAG = 8  # weeks after publication (the publication week is week 1) in which an effect is sought
BINS = ((1, 2), (3, 4), (5, 6), (7, 8))  # the profile's two-week bins
WINDOW = 4  # weeks: the window without evidence of an effect, and the duration power.py plans for
HARMONICS = 3
ALPHA = 0.05
MIN_CONTACTS = 30
SEASON_OVERLAP = 0.35
MIN_SE = 1e-4  # a log-lift standard error below this is a numerical artefact, not certainty
OCCAM = 20  # windows that fit 20 times less well than the best are not averaged over
LOW_NOTE = ("onder ×1: de berichten vielen in weken met minder vraag dan verwacht, of het is toeval; "
            "een bericht jaagt geen patiënten weg")
WEATHER_NEEDED = ("het weer is nodig: de vraag volgt vorst en ijs, en berichten erover vallen in koude weken; "
                  "geef KNMI-daggegevens van het weerstation bij de praktijk mee")
NO_CONTACTS_AFTER = "niet te schatten: (bijna) geen contacten in de weken na de berichten"
NO_SOLUTION = ("niet te schatten: het model vindt voor deze aantallen geen oplossing (te weinig contacten, of ze "
               "vallen bijna allemaal in een paar weken)")
NO_COMPARISON = ("niet te schatten: bijna elke week valt kort na een bericht over dit onderwerp, dus er zijn geen "
                 "weken zonder bericht om mee te vergelijken")
WEATHER_BOUND = "niet te scheiden van het weer: de berichten vielen in de weken met ijs, en die verklaart het weer al"
MIN_WEATHER_POSTS = 3  # posts with ice in their window that a weather-driven topic's lift is learnt from


def few_icy_posts(n: int) -> str:
    """The note of a weather-driven topic with fewer than MIN_WEATHER_POSTS posts in icy weeks."""
    which = "geen enkel bericht viel" if n == 0 else ("maar 1 bericht viel" if n == 1 else f"maar {n} berichten vielen")
    return (f"nog niet te schatten: {which} in weken met ijs of gladheid, en alleen daaruit is te leren wat een "
            f"bericht over dit onderwerp doet (minstens {MIN_WEATHER_POSTS} nodig)")


CALENDAR = ["insurance_period", "christmas", "school_holiday", "public_holidays", "level_shift"]


class TopicEffect(TypedDict):
    """What :func:`topic_effect` finds for one topic (NaN where not estimated)."""
    posts: int
    contacts: int
    contacts_in_window: int
    weeks_in_window: int
    first_week: int  # the window's first week (1: the publication week)
    window: int  # its length in weeks (the window is chosen from the data)
    lift: float
    ci_low: float
    ci_high: float
    se: float  # standard error of log(lift)
    df: int  # degrees of freedom of the interval: posts with ice − 1 for a weather-driven topic, 0 for normal
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


def _positions(weeks: pd.DatetimeIndex, starts: list[pd.Timestamp]) -> list[int]:
    """Row of each post's publication week (posts after the data are left out)."""
    found = weeks.get_indexer(pd.DatetimeIndex(starts), method="bfill") if len(starts) else []
    return [int(p) for p in found if p >= 0]


def post_window(weeks: pd.DatetimeIndex, starts: list[pd.Timestamp], window: int = WINDOW,
                first: int = 1) -> np.ndarray:
    """1 for the weeks *first* to *first* + *window* − 1 after any post (the publication week is week 1)."""
    inside = np.zeros(len(weeks), dtype=float)
    for pos in _positions(weeks, starts):
        inside[pos + first - 1: pos + first - 1 + window] = 1.0
    return inside


def lag_bins(weeks: pd.DatetimeIndex, starts: list[pd.Timestamp]) -> pd.DataFrame:
    """Per week, the number of posts published 1–2, 3–4, 5–6 and 7–8 weeks ago
    (counting the publication week as week 1): the distributed-lag design."""
    columns = {}
    for first, last in BINS:
        x = np.zeros(len(weeks))
        for pos in _positions(weeks, starts):
            x[pos + first - 1: pos + last] += 1.0
        columns[f"weeks_{first}_{last}"] = x
    return pd.DataFrame(columns, index=weeks)


def _design(weekly: pd.DataFrame, topic: str, covariates: pd.DataFrame, weather_driven: bool = False) -> pd.DataFrame:
    other = weekly["total"] - weekly[topic]
    X = fourier(weekly.index)
    X["log_other"] = np.log1p(other.to_numpy())
    cal = covariates.loc[weekly.index]
    weather = weather_demand_terms(cal) if weather_driven else cal[[c for c in WEATHER_COLUMNS.values() if c in cal]]
    for column, values in [*cal[[c for c in CALENDAR if c in cal]].items(), *weather.items()]:
        if values.std() > 0:
            X[column] = values.to_numpy()
    return add_constant(X)


def season_overlap(window: np.ndarray, X: pd.DataFrame) -> float:
    """R² of the post window regressed on the season, level and calendar terms."""
    beta, *_ = np.linalg.lstsq(X.to_numpy(), window, rcond=None)
    residual = window - X.to_numpy() @ beta
    total = ((window - window.mean()) ** 2).sum()
    return float(1 - (residual ** 2).sum() / total) if total else 1.0


def independent_columns(X: pd.DataFrame, first: tuple[str, ...] = ("const",)) -> list[str]:
    """The columns of *X* that are not a linear combination of the ones before them, taking the
    columns in *first*, then those of the effect (the post window and the lag bins), then the
    rest. With little data a calendar term can coincide with the posts or the season (18 months
    of Novembers); the model then leaves that term out instead of fitting a rank-deficient design."""
    effect = [c for c in X.columns if c == "post_window" or c.startswith("weeks_")]
    order = [c for c in first if c in X] + effect + [c for c in X.columns if c not in first and c not in effect]
    kept: list[str] = []
    for column in order:
        if np.linalg.matrix_rank(X[kept + [column]].to_numpy()) > len(kept):
            kept.append(column)
    return [c for c in X.columns if c in kept]


class ModelFailure(ValueError):
    """The quasi-Poisson fit found no solution (its iterations ran off to infinite rates)."""


class NoComparison(ModelFailure):
    """The post window is a combination of the other terms (posts in nearly every week): the data
    cannot tell the weeks after a post from the others."""


def _fit(y, X, independent: list[str] | None = None):
    """Quasi-Poisson fit on the independent columns of *X*; *independent*: those of *X* without
    its post window, known already (the post window is then only checked against them)."""
    if independent is None or np.linalg.matrix_rank(X[independent + ["post_window"]].to_numpy()) <= len(independent):
        independent = independent_columns(X)
    else:
        independent = [c for c in X.columns if c in independent or c == "post_window"]
    if "post_window" in X and "post_window" not in independent:
        raise NoComparison("the post window coincides with the other terms")
    X = X[independent]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", (ConvergenceWarning, PerfectSeparationWarning, SingularMatrixWarning,
                                         RuntimeWarning))
        try:
            return GLM(y, X, family=families.Poisson()).fit(scale="X2")
        except (ValueError, np.linalg.LinAlgError) as exc:  # the iterations ran off (NaN weights)
            raise ModelFailure(str(exc)) from None


def _profile_fit(y: np.ndarray, X: pd.DataFrame, weeks: pd.DatetimeIndex, starts: list[pd.Timestamp]):
    """The distributed-lag fit and the names of its (non-empty) lag bins."""
    bins = lag_bins(weeks, starts)
    bins = bins.loc[:, bins.sum() > 0]
    return _fit(y, pd.concat([X, bins], axis=1)), list(bins.columns)


def joint_p(fit, names: list[str]) -> float:
    """p-value of the joint Wald test that all lag-bin coefficients are zero."""
    names = [n for n in names if n in fit.params]  # a bin that coincides with other terms is left out
    if not names:
        return float("nan")
    b = fit.params[names].to_numpy()
    cov = fit.cov_params().loc[names, names].to_numpy()
    try:
        stat = float(b @ np.linalg.solve(cov, b))
    except np.linalg.LinAlgError:
        return float("nan")
    return float(chi2.sf(stat, len(names)))


def choose_window(y: np.ndarray, X: pd.DataFrame, weeks: pd.DatetimeIndex, starts: list[pd.Timestamp]):
    """(first week, length, indicator, log-lift, its standard error) of the window within weeks
    1..MAX_LAG that fits best (on equal fit the earlier and shorter one).

    The best of 36 windows fits the noise as well as the effect, and an interval for its lift
    alone is too narrow (in simulations of skating posts a third of the misses of a 95% interval
    came from a window chosen a week too long or too short). The log-lift is therefore averaged
    over the windows with their quasi-Akaike weights (the models have the same number of
    parameters, so a weight is exp(−Δdeviance / 2·scale)), and its standard error includes the
    spread between the windows: the model-averaging estimator of Buckland, Burnham & Augustin
    (Biometrics, 1997). Windows that fit less than 1/OCCAM as well as the best are left out
    ("Occam's window", Madigan & Raftery, JASA 1994): late one-week windows with wild estimates
    otherwise widen every interval and cost a fifth of the power to find a real effect."""
    fits, independent = [], independent_columns(X)
    for first in range(1, MAX_LAG + 1):
        for window in range(1, MAX_LAG - first + 2):
            inside = post_window(weeks, starts, window, first)
            try:
                fits.append((first, window, inside, _fit(y, X.assign(post_window=inside), independent)))
            except ModelFailure:  # a window the counts cannot carry is not a candidate
                continue
    if not fits:
        raise ModelFailure("no window could be fitted")
    best = min(range(len(fits)), key=lambda i: fits[i][3].deviance - 1e-9 * i)
    first, window, inside, fit = fits[best]
    usable = [f for f in fits if np.isfinite(f[3].bse["post_window"]) and f[3].bse["post_window"] < 5]
    if not usable:
        return first, window, inside, float(fit.params["post_window"]), float(fit.bse["post_window"])
    deviance = np.array([f[3].deviance for f in usable])
    weight = np.exp(-(deviance - deviance.min()) / (2 * fit.scale))
    weight = np.where(weight >= 1 / OCCAM, weight, 0.0)
    weight /= weight.sum()
    beta = np.array([f[3].params["post_window"] for f in usable])
    se = np.array([f[3].bse["post_window"] for f in usable])
    mean = float(weight @ beta)
    return first, window, inside, mean, float(weight @ np.sqrt(se ** 2 + (beta - mean) ** 2))


def topic_effect(weekly: pd.DataFrame, topic: str, starts: list[pd.Timestamp],
                 covariates: pd.DataFrame, weather_driven: bool = False) -> TopicEffect:
    """Lift of *topic* contacts after posts over the window the data support, with 95% CI,
    the joint test of the lag profile, and what it rests on. *weather_driven*: the topic's demand
    follows the weather (see the module docstring)."""
    y = weekly[topic].to_numpy()
    inside = post_window(weekly.index, starts, MAX_LAG)
    posts = int(sum(weekly.index[0] <= s <= weekly.index[-1] for s in starts)) if len(weekly) else 0
    result = TopicEffect(posts=posts, contacts=int(y.sum()), contacts_in_window=0, weeks_in_window=0,
                         first_week=0, window=0, lift=np.nan, ci_low=np.nan, ci_high=np.nan, se=np.nan, df=0,
                         p=np.nan, season_overlap=np.nan, note="")
    if len(weekly) < MODEL_WEEKS:
        result["note"] = f"te kort: {period_text(len(weekly))} gegevens, minstens 1 jaar nodig"
        return result
    if not posts or inside.sum() == 0:
        result["note"] = "geen berichten in de periode"
        return result
    if y.sum() < MIN_CONTACTS:
        result["note"] = f"te weinig contacten (< {MIN_CONTACTS})"
        return result
    if weather_driven and not covariates.attrs.get("weather_used"):
        result["note"] = WEATHER_NEEDED
        return result
    X = _design(weekly, topic, covariates, weather_driven)
    try:
        p = joint_p(*_profile_fit(y, X, weekly.index, starts))
        if p < ALPHA:
            first, window, inside, beta, se = choose_window(y, X, weekly.index, starts)
        else:
            first, window, inside = 1, WINDOW, post_window(weekly.index, starts, WINDOW)
            fit = _fit(y, X.assign(post_window=inside))
            beta, se = float(fit.params["post_window"]), float(fit.bse["post_window"])
    except NoComparison:
        result["note"] = NO_COMPARISON
        return result
    except ModelFailure:
        result["note"] = NO_SOLUTION
        return result
    result["first_week"], result["window"] = first, window
    result["contacts_in_window"], result["weeks_in_window"] = int(y[inside > 0].sum()), int(inside.sum())
    result["season_overlap"] = round(season_overlap(inside, X), 3)
    if result["season_overlap"] >= SEASON_OVERLAP:
        result["note"] = "berichten vallen steeds in hetzelfde deel van het seizoen: niet te scheiden"
    if result["contacts_in_window"] == 0:  # the lift's estimate does not exist (it runs off to ×0):
        # whatever the optimiser stops at is no estimate (seen: ×0,66 [0,05-9,1] with SciPy 1.17)
        result["note"] = NO_CONTACTS_AFTER
        return result
    if not np.isfinite(se) or se > 5:
        result["note"] = WEATHER_BOUND if weather_driven else NO_CONTACTS_AFTER
        return result
    if se < MIN_SE:  # a degenerate fit (×1,00 between ×1,00 and ×1,00), found in the chain benchmark
        result["note"] = NO_SOLUTION
        return result
    icy = weather_posts(weekly.index, starts, covariates, first, window) if weather_driven else posts
    if weather_driven and icy < MIN_WEATHER_POSTS:
        result["note"] = few_icy_posts(icy)
        return result
    result["df"] = interval_df(icy, weather_driven)
    q = family_z(1, result["df"])
    result["lift"] = float(np.exp(beta))
    result["ci_low"], result["ci_high"] = float(np.exp(beta - q * se)), float(np.exp(beta + q * se))
    result["se"], result["p"] = float(se), p
    return result


def effect_profile(weekly: pd.DataFrame, topic: str, starts: list[pd.Timestamp],
                   covariates: pd.DataFrame, weather_driven: bool = False) -> pd.DataFrame:
    """Rate ratio per two-week bin after publication, with 95% CI (the lag profile)."""
    y = weekly[topic].to_numpy()
    fit, names = _profile_fit(y, _design(weekly, topic, covariates, weather_driven), weekly.index, starts)
    rows = []
    for name in names:
        first, last = (int(x) for x in name.split("_")[1:])
        beta, se = fit.params[name], fit.bse[name]
        rows.append({"weeks": f"{first}–{last}", "first_week": first, "lift": float(np.exp(beta)),
                     "ci_low": float(np.exp(beta - 1.96 * se)), "ci_high": float(np.exp(beta + 1.96 * se))})
    return pd.DataFrame(rows)


def weather_posts(weeks: pd.DatetimeIndex, starts: list[pd.Timestamp], covariates: pd.DataFrame,
                  first: int = 1, window: int = WINDOW) -> int:
    """How many posts had ice or natural ice in a week of their window (weeks *first* to *first* +
    *window* − 1) or in the week before it (patients write days after a fall): the posts a
    weather-driven topic's lift can be learnt from."""
    days = covariates.reindex(weeks)[[c for c in WEATHER_DRIVEN if c in covariates]].fillna(0).sum(axis=1)
    icy = days.to_numpy() > 0
    icy = icy | np.concatenate([[False], icy[:-1]])  # the week itself or the week before
    return sum(bool(icy[pos + first - 1:pos + first - 1 + window].any()) for pos in _positions(weeks, starts))


def interval_df(posts: int, weather_driven: bool) -> int:
    """Degrees of freedom of a topic's interval: for a weather-driven topic, *posts* − 1 where
    *posts* are those whose window had ice (its lift rests on them; see the module docstring),
    0 (normal) for the others."""
    return max(posts - 1, 1) if weather_driven else 0


def family_z(tests: int, df: int = 0) -> float:
    """The quantile of an interval corrected for *tests* topics: normal (1.96 for one), or Student's
    t with *df* degrees of freedom for a weather-driven topic (see the module docstring)."""
    level = 1 - ALPHA / (2 * max(tests, 1))
    return float(student_t.ppf(level, df) if df > 0 else norm.ppf(level))


def publication_effects(weekly: pd.DataFrame, starts_by_topic: dict[str, list[pd.Timestamp]],
                        covariates: pd.DataFrame, topics: list[str],
                        weather_topics: frozenset[str] = frozenset()) -> pd.DataFrame:
    """One row per topic: window, lift, the interval corrected for the topics tested (``ci_low``,
    ``ci_high``), the nominal 95% interval, p, Holm-adjusted p and the verdict 'effect'.
    *weather_topics*: the topics whose demand follows the weather."""
    rows = [{"topic": t} | topic_effect(weekly, t, starts_by_topic.get(t, []), covariates, t in weather_topics)
            for t in topics]
    table = pd.DataFrame(rows).set_index("topic")
    tested = table["p"].notna()
    table["p_holm"] = np.nan
    if tested.any():
        table.loc[tested, "p_holm"] = multipletests(table.loc[tested, "p"], method="holm")[1]
    table["tests"] = int(tested.sum())
    table["ci95_low"], table["ci95_high"] = table["ci_low"], table["ci_high"]
    z = table["df"].map(lambda df: family_z(int(tested.sum()), int(df)))
    beta = np.log(table["lift"])
    table["ci_low"], table["ci_high"] = np.exp(beta - z * table["se"]), np.exp(beta + z * table["se"])
    table["effect"] = (table["ci_low"] > 1) & (table["season_overlap"] < SEASON_OVERLAP)
    table.loc[(table["lift"] < 1) & (table["note"] == ""), "note"] = LOW_NOTE
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
                    covariates: pd.DataFrame, max_lag: int = 8, weather_driven: bool = False) -> pd.DataFrame:
    """Cross-correlation of posting with topic contacts at lags 0..max_lag, prewhitened.

    Both series are autocorrelated (seasons, habits), which makes raw cross-
    correlations look significant. The contact series is replaced by its Pearson
    residuals from the season-and-level model (without posts) and the posting
    series by its residuals from an AR(1) fit; the bound for a correlation that
    differs from zero is then about 1.96 / sqrt(n).
    """
    y = weekly[topic].to_numpy()
    x = pd.Series(post_window(weekly.index, starts, 1), index=weekly.index)
    residuals = np.asarray(_fit(y, _design(weekly, topic, covariates, weather_driven)).resid_pearson)
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
