"""Week arithmetic (ISO weeks, Monday start, Europe/Amsterdam), written once."""
from __future__ import annotations

import pandas as pd

TIMEZONE = "Europe/Amsterdam"
FIRST_WEB_YEAR = 1995  # no practice had a website, a contact form or page statistics before this


def monday(date) -> pd.Timestamp:
    """Monday (midnight, naive) of the ISO week holding *date*."""
    day = pd.Timestamp(date)
    if day.tzinfo is not None:
        day = day.tz_convert(TIMEZONE).tz_localize(None)
    day = day.normalize()
    return day - pd.Timedelta(days=day.weekday())


def week_start(timestamps: pd.Series) -> pd.Series:
    """Monday (as a date-only Timestamp) of the ISO week of each timestamp."""
    local = timestamps.dt.tz_convert(TIMEZONE) if timestamps.dt.tz else timestamps
    days = local.dt.normalize().dt.tz_localize(None)
    return days - pd.to_timedelta(days.dt.day_of_week, unit="D")


def month_of_iso_week(week: int) -> int:
    """Month in which ISO week *week* (1..53) mostly falls (its Thursday)."""
    return pd.Timestamp.fromisocalendar(2026 if week == 53 else 2025, int(week), 4).month


def next_monday_of_week(week: int, today: pd.Timestamp) -> pd.Timestamp:
    """Monday of ISO week *week* on or after the Monday of *today*'s week."""
    this_week = monday(today)
    for year in (today.year, today.year + 1):
        try:
            start = pd.Timestamp.fromisocalendar(year, int(week), 1)
        except ValueError:  # week 53 in a year without one
            continue
        if start >= this_week:
            return start
    return pd.Timestamp.fromisocalendar(today.year + 1, min(int(week), 52), 1)
