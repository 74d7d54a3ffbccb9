"""Contacts per calendar month, against the same days of the year before, and the yearly trend.

The owner thinks in months and dates, not ISO weeks: "in januari 183 contacten, 12% meer dan in
januari vorig jaar". A month still under way is compared with the same days a year earlier.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.sufficiency import SEASON_WEEKS
from .seasonality import count_model


def local_days(contacts: pd.DataFrame) -> pd.Series:
    """The day of each contact in the practice's time zone (naive dates at midnight)."""
    stamps = contacts["timestamp"]
    if getattr(stamps.dt, "tz", None) is not None:
        stamps = stamps.dt.tz_convert("Europe/Amsterdam").dt.tz_localize(None)
    return stamps.dt.normalize()


@dataclass(frozen=True)
class YearToDate:
    """Contacts of one year up to the last day with data, and of the same days a year earlier."""
    year: int
    through: pd.Timestamp
    contacts: int
    last_year: int | None  # None: the data do not reach back that far


def year_to_date(contacts: pd.DataFrame, year: int | None = None) -> YearToDate | None:
    days = local_days(contacts)
    if days.empty:
        return None
    year = int(year or days.max().year)
    through = min(days.max(), pd.Timestamp(year, 12, 31))
    this = int(((days >= pd.Timestamp(year, 1, 1)) & (days <= through)).sum())
    start = pd.Timestamp(year - 1, 1, 1)
    last = (int(((days >= start) & (days <= through - pd.DateOffset(years=1))).sum())
            if days.min() <= start else None)
    return YearToDate(year, through, this, last)


def months_against_last_year(contacts: pd.DataFrame, year: int) -> pd.DataFrame:
    """Per month of *year* with data: its contacts, those of the same days a year earlier (NaN
    where the data do not reach back), and whether the month is still under way."""
    days = local_days(contacts)
    last_day = days.max()
    rows = []
    for month in range(1, 13):
        first = pd.Timestamp(year, month, 1)
        if first > last_day:
            break
        end = min(first + pd.offsets.MonthEnd(0), last_day)
        before = (first - pd.DateOffset(years=1), end - pd.DateOffset(years=1))
        rows.append({"month": month, "contacts": int(((days >= first) & (days <= end)).sum()),
                     "last_year": (int(((days >= before[0]) & (days <= before[1])).sum())
                                   if days.min() <= before[0] else np.nan),
                     "partial": bool(end < first + pd.offsets.MonthEnd(0))})
    return pd.DataFrame(rows, columns=["month", "contacts", "last_year", "partial"]).set_index("month")


@dataclass(frozen=True)
class Trend:
    """Growth per year, apart from season and calendar, with its 95% range (factors: 1.04 = +4%)."""
    factor: float
    low: float
    high: float


def yearly_trend(weekly: pd.DataFrame, covariates: pd.DataFrame) -> Trend | None:
    """The count model's trend; None with less than two years (a trend then mixes with the season)."""
    if len(weekly) < SEASON_WEEKS:
        return None
    fit = count_model(weekly, covariates)
    beta, (low, high) = fit.params["trend_year"], fit.conf_int().loc["trend_year"]
    return Trend(float(np.exp(beta)), float(np.exp(low)), float(np.exp(high)))
