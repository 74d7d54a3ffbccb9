"""A Dutch calendar per ISO week (weeks start on Monday, Europe/Amsterdam).

Per week: public holidays (``holidays`` package, NL), the share of days in a
school holiday of region Noord (``data/school_holidays_noord.tsv``), the share of
days in the health-insurance switching period (12 November to 31 December), and
whether the week holds Christmas (24 December to 1 January). With daily weather
(see sources/weather.py), also the number of ice days (maximum below 0 °C), frost
days (minimum below 0 °C) and natural-ice days, which drive skating, slipping and
their injuries.

A weather file rarely covers every week exactly. A week counts as covered when the file has a
temperature for at least MIN_WEATHER_DAYS of its days. When fewer than MIN_WEATHER_COVERAGE of
the weeks are covered (a file for another period, or one with long gaps), the weather is left
out of the model and the result says so (``attrs['weather_used']``), instead of reading the
uncovered weeks as weeks without frost. Otherwise an uncovered week gets the average of the same
ISO week in the covered years (the climate of that week), never zero.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
import numpy as np
import pandas as pd

from ..core.lexicons import read_table

INSURANCE_START = (11, 12)  # 12 November; the period runs to 31 December
MIN_WEATHER_DAYS = 5
MIN_WEATHER_COVERAGE = 0.9
WEATHER_COLUMNS = {"ice_day": "ice_days", "frost_day": "frost_days", "natural_ice": "natural_ice_days"}


@lru_cache(maxsize=1)
def school_holidays() -> pd.DataFrame:
    rows = [(name, dt.date.fromisoformat(a), dt.date.fromisoformat(b))
            for name, a, b in read_table("school_holidays_noord.tsv")]
    return pd.DataFrame(rows, columns=["holiday", "start", "end"])


def school_holiday_days() -> set[dt.date]:
    days: set[dt.date] = set()
    for _, row in school_holidays().iterrows():
        days.update(pd.date_range(row["start"], row["end"], freq="D").date)
    return days



def weekly_covariates(first: pd.Timestamp, last: pd.Timestamp,
                    weather: pd.DataFrame | None = None) -> pd.DataFrame:
    """Calendar covariates for every ISO week from *first* to *last* (week starts)."""
    weeks = pd.date_range(first, last, freq="W-MON")
    days = pd.date_range(weeks[0], weeks[-1] + pd.Timedelta(days=6), freq="D")
    nl = holidays.NL(years=range(days[0].year, days[-1].year + 1), language="nl")
    month, day = days.month, days.day
    daily = pd.DataFrame({
        "day": days,
        "public_holiday": (days.normalize().isin(pd.DatetimeIndex(list(nl))) & (days.day_of_week < 5)),
        "school_holiday": days.normalize().isin(pd.DatetimeIndex(sorted(school_holiday_days()))),
        "insurance_period": (month == 12) | ((month == INSURANCE_START[0]) & (day >= INSURANCE_START[1])),
        "christmas": ((month == 12) & (day >= 24)) | ((month == 1) & (day == 1)),
        "week": days - pd.to_timedelta(days.day_of_week, unit="D"),
    })
    for column in ["public_holiday", "school_holiday", "insurance_period", "christmas"]:
        daily[column] = daily[column].astype(int)
    weather_days = {}
    if weather is not None:
        w = weather.set_index(pd.to_datetime(weather["date"]))
        daily["weather_known"] = daily["day"].map(w[["tmax", "tmean"]].notna().any(axis=1)).fillna(False).astype(int)
        for column, weekly in WEATHER_COLUMNS.items():
            if column in w:
                daily[column] = daily["day"].map(w[column]).fillna(0).astype(int)
                weather_days[weekly] = (column, "sum")
        weather_days["weather_known"] = ("weather_known", "sum")
    cal = daily.groupby("week").agg(
        public_holidays=("public_holiday", "sum"), school_holiday=("school_holiday", "mean"),
        insurance_period=("insurance_period", "mean"), christmas=("christmas", "max"), **weather_days)
    cal.index.name = "week"
    cal = cal.loc[weeks]
    if weather is not None:
        cal = _covered_weather(cal)
    return cal


def _covered_weather(cal: pd.DataFrame) -> pd.DataFrame:
    """The weather columns where the file covers the weeks (see the module docstring)."""
    covered = cal.pop("weather_known") >= MIN_WEATHER_DAYS
    columns = [c for c in WEATHER_COLUMNS.values() if c in cal]
    coverage = float(covered.mean()) if len(cal) else 0.0
    if coverage < MIN_WEATHER_COVERAGE:
        cal = cal.drop(columns=columns)
    else:
        week_of_year = cal.index.isocalendar().week.to_numpy()
        for column in columns:
            climate = cal.loc[covered, column].groupby(week_of_year[covered.to_numpy()]).mean()
            fill = pd.Series(week_of_year, index=cal.index).map(climate).fillna(cal.loc[covered, column].mean())
            cal[column] = cal[column].where(covered, fill).astype(float)
    cal.attrs["weather_coverage"] = coverage
    cal.attrs["weather_used"] = coverage >= MIN_WEATHER_COVERAGE
    return cal


WEATHER_DRIVEN = ("natural_ice_days", "ice_days")  # what drives a weather topic's demand


def weather_demand_terms(cal: pd.DataFrame) -> pd.DataFrame:
    """The weather terms of a topic whose demand follows it: for natural-ice days and ice days, in
    the week, in the week before (patients write days after a fall) and in the two together,
    whether there were any and log(1 + days). Demand from falls adds to a topic's usual demand,
    so on the model's log scale it rises steeply with the first cold days and then flattens; the
    any/log pairs follow that shape without assuming one (a straight line in the number of days
    overstates the coldest weeks and understates the first ones, and the posts then take the
    difference)."""
    terms = {}
    for column in (c for c in WEATHER_DRIVEN if c in cal):
        days = cal[column].to_numpy(dtype=float)
        before = np.concatenate([[0.0], days[:-1]])
        for name, values in (("", days), ("_before", before), ("_two_weeks", days + before)):
            terms[f"{column}{name}_any"] = (values > 0).astype(float)
            terms[f"{column}{name}_log"] = np.log1p(values)
    return pd.DataFrame(terms, index=cal.index)
