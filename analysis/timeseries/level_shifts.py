"""A lasting change in how many patients reach the practice at all: a new website or contact form,
a second location, a move.

On the weekly total of contacts (outage weeks left out), a quasi-Poisson model with the yearly
season (Fourier terms), the calendar and a linear trend is compared with the same model plus a
step from week *k* on, for every *k* that leaves at least MIN_SIDE weeks on either side. The
largest of those likelihood-ratio statistics (the drop in deviance over the dispersion) is the
sup-LR statistic of Andrews (Econometrica, 1993), whose null distribution is not χ²(1): with 15%
of the weeks trimmed at each end its 1% point is about 12.2 (Andrews' table 1; the 5% point is
8.9). CRITICAL uses the 1% point because weekly counts are autocorrelated, which makes any test
of this kind a little too eager; the simulations in tests/test_effects.py check the false rate on
series without a shift, with a trend and with a summer closure. A step is named only from
MIN_FACTOR on (a quarter more or fewer contacts for good): smaller changes are what a trend and
the season carry. No library does this test on a GLM with regressors; ``ruptures`` finds change
points in a signal under a penalty, without an error rate and without the season and calendar.

A practice that knows the day (``level_shift`` in practice.yaml) gives it; the step is then
fitted at that week, whatever its size, and the pages say it was given. A shift found or given
is a step term in every topic's model (``covariates['level_shift']``), so a topic's
season and lift are measured against the level of their own period, and it is named on the pages.
"""
from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM
from statsmodels.tools.sm_exceptions import ConvergenceWarning
from statsmodels.tools.tools import add_constant

from ..core.dates import monday
from ..core.errors import InputError
from .effects import CALENDAR as TOPIC_CALENDAR
from .effects import fourier

MIN_SIDE = 26  # weeks of data on each side of a shift
TRIM = 0.15  # share of the weeks at each end where no shift is sought
CRITICAL = 12.2
MIN_FACTOR = 1.25
MIN_GIVEN_SIDE = 8  # weeks of data on each side of a shift the practice gives
CALENDAR = [c for c in TOPIC_CALENDAR if c != "level_shift"]


@dataclass(frozen=True)
class LevelShift:
    week: pd.Timestamp  # Monday of the first week at the new level
    factor: float  # contacts after / before, season and trend taken out
    low: float  # its 95% interval
    high: float
    given: bool = False  # set in practice.yaml, not found in the data


def _fit(y: np.ndarray, X: np.ndarray):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", (ConvergenceWarning, RuntimeWarning))
        return GLM(y, X, family=families.Poisson()).fit(scale="X2")


def _base(total: pd.Series, covariates: pd.DataFrame) -> np.ndarray:
    X = fourier(total.index)  # the same season terms as the topic models
    X["trend"] = np.arange(len(total)) / 52
    for column in CALENDAR:
        if column in covariates and covariates[column].loc[total.index].std() > 0:
            X[column] = covariates[column].loc[total.index].to_numpy()
    return add_constant(X).to_numpy()


def given_level_shift(total: pd.Series, covariates: pd.DataFrame, day: dt.date) -> LevelShift:
    """The level shift from the week of *day* on (set by the practice), fitted whatever its size."""
    k = int(total.index.searchsorted(monday(day)))
    if k < MIN_GIVEN_SIDE or len(total) - k < MIN_GIVEN_SIDE:
        raise InputError(f"practice.yaml: level_shift {day:%d-%m-%Y} ligt niet met minstens {MIN_GIVEN_SIDE} weken "
                         "contactgegevens ervoor en erna in de gegevens; pas de datum aan of haal de regel weg")
    fit = _fit(total.to_numpy(dtype=float), _with_step(_base(total, covariates), k))
    return _shift(total.index[k], fit, given=True)


def find_level_shift(total: pd.Series, covariates: pd.DataFrame) -> LevelShift | None:
    """The lasting level shift in a weekly series of all contacts (index: Mondays), if there is one."""
    n = len(total)
    side = max(MIN_SIDE, int(np.ceil(TRIM * n)))
    if n < 2 * side or total.sum() == 0:
        return None
    y, X = total.to_numpy(dtype=float), _base(total, covariates)
    deviance0 = _fit(y, X).deviance
    best = None  # (statistic, week row, fit): only the best step's fit is kept
    for k in range(side, n - side + 1):
        fit = _fit(y, _with_step(X, k))
        statistic = (deviance0 - fit.deviance) / fit.scale
        if best is None or statistic > best[0]:
            best = (statistic, k, fit)
    assert best is not None
    statistic, k, fit = best
    if statistic < CRITICAL or abs(float(fit.params[-1])) < np.log(MIN_FACTOR):
        return None
    return _shift(total.index[k], fit)


def _with_step(X: np.ndarray, k: int) -> np.ndarray:
    """*X* with a step column that is 1 from row *k* on."""
    return np.column_stack([X, (np.arange(len(X)) >= k).astype(float)])


def _shift(week: pd.Timestamp, fit, given: bool = False) -> LevelShift:
    """The shift a fit with a step as its last column shows, with its 95% interval."""
    beta, se = float(fit.params[-1]), float(fit.bse[-1])
    return LevelShift(week, float(np.exp(beta)), float(np.exp(beta - 1.96 * se)), float(np.exp(beta + 1.96 * se)),
                      given)


def with_level_shift(covariates: pd.DataFrame, shift: LevelShift | None) -> pd.DataFrame:
    """The covariates with the step term of *shift* (unchanged without one)."""
    if shift is None:
        return covariates
    result = covariates.assign(level_shift=(covariates.index >= shift.week).astype(float))
    result.attrs = dict(covariates.attrs)
    return result
