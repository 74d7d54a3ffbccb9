"""Seasonality of contact volume: STL decomposition and a count model with calendar effects."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from statsmodels.genmod import families
from statsmodels.genmod.generalized_linear_model import GLM
from statsmodels.tools.tools import add_constant
from statsmodels.tsa.seasonal import STL

from ..core.formatting import MONTH_ABBREVIATIONS
from ..core.sufficiency import MODEL_WEEKS, SEASON_WEEKS, require_weeks
from .effects import fourier

TERMS = {  # model term -> Dutch label for tables and charts
    "trend_year": "trend (per jaar)",
    "christmas": "kerstweek",
    "public_holidays": "feestdag (per dag)",
    "school_holiday": "schoolvakantie (hele week)",
    "insurance_period": "overstapperiode zorgverzekering (hele week)",
    "ice_days": "ijsdag (per dag)",
    "frost_days": "vorstdag (per dag)",
    "natural_ice_days": "natuurijsdag (per dag)",
    "level_shift": "blijvend ander niveau (na de verschuiving)",
}


def stl_decompose(series: pd.Series, period: int = 52) -> pd.DataFrame:
    """Trend, yearly season and remainder of a weekly series (robust STL on log1p)."""
    require_weeks(len(series), max(SEASON_WEEKS, 2 * period), "een trend met seizoenspatroon")
    fit = STL(np.log1p(series.astype(float)), period=period, robust=True).fit()
    return pd.DataFrame({"observed": series, "trend": np.expm1(fit.trend),
                         "seasonal_factor": np.exp(fit.seasonal), "remainder": fit.resid},
                        index=series.index)


def _design(weekly: pd.DataFrame, covariates: pd.DataFrame) -> pd.DataFrame:
    X = fourier(weekly.index)
    X["trend_year"] = (weekly.index - weekly.index[0]).days / 365.25
    for column in TERMS:
        if column in covariates and column != "trend_year" and covariates[column].std() > 0:
            X[column] = covariates[column].loc[weekly.index].to_numpy()
    return add_constant(X)


def count_model(weekly: pd.DataFrame, covariates: pd.DataFrame, column: str = "total"):
    """Quasi-Poisson GLM of weekly contacts: yearly Fourier season, trend, calendar."""
    require_weeks(len(weekly), MODEL_WEEKS, "het seizoen en de kalendereffecten")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return GLM(weekly[column], _design(weekly, covariates), family=families.Poisson()).fit(scale="X2")


def rate_ratios(fit) -> pd.DataFrame:
    """Rate ratios with 95% CI for the trend and calendar terms of :func:`count_model`."""
    ci = fit.conf_int()
    rows = [{"term": TERMS[t], "rate_ratio": np.exp(fit.params[t]), "ci_low": np.exp(ci.loc[t, 0]),
             "ci_high": np.exp(ci.loc[t, 1]), "p": fit.pvalues[t]}
            for t in TERMS if t in fit.params]
    return pd.DataFrame(rows).set_index("term")


def seasonal_profile(fit, weekly: pd.DataFrame) -> pd.Series:
    """Model's yearly season per month, as a factor against the yearly average (1 = average)."""
    season = fourier(weekly.index) @ fit.params[fourier(weekly.index).columns]
    by_month = pd.Series(np.exp(season.to_numpy()), index=weekly.index).groupby(
        (weekly.index + pd.Timedelta(days=3)).month).mean()
    by_month = by_month / by_month.mean()
    by_month.index = [MONTH_ABBREVIATIONS[m - 1] for m in by_month.index]
    return by_month


def yearly_totals(weekly: pd.DataFrame, column: str = "total") -> pd.DataFrame:
    """Contacts per year to date, comparable across years (same ISO weeks)."""
    frame = weekly[[column]].copy()
    frame["year"] = frame.index.isocalendar().year.to_numpy()
    frame["week_of_year"] = frame.index.isocalendar().week.to_numpy()
    last_week = int(frame["week_of_year"].iloc[-1])
    same_period = frame[frame["week_of_year"] <= last_week]
    return pd.DataFrame({"full_year": frame.groupby("year")[column].sum(),
                         "to_date": same_period.groupby("year")[column].sum()}).assign(
        week=last_week)
