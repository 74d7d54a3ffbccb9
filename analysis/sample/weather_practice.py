"""A synthetic topic whose demand follows the weather, with posts written when it freezes.

For the method tests of weather-driven topics (tests/test_effects.py, ``make validate``), not for
the sample. Five years of daily Dutch temperatures (a seasonal mean and an AR(1) anomaly, so cold
spells of a few days to a few weeks come in some winters and not in others) drive the demand for
a skating topic the way the weather rules in sources/weather.py describe it: contacts come from
injuries on natural ice and, less, on any ice day, reported over the following days (a patient
writes one to six days after the fall, so a cold spell's contacts run into the next week).

Posts are placed as practices place them: one in early December every year, and one in the week
natural ice first comes in a winter, in most winters with natural ice. The planted truth is the
lift *lift* on the topic's contacts in weeks 1 to *window* from a post's publication week.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..sources.weather import derived_days

START = "2021-01-04"  # a Monday


def simulate_weather_topic(seed: int, lift: float, years: int = 5, window: int = 3, base: float = 0.3,
                           per_ice_day: float = 2.5, post_on_ice: float = 0.8) -> dict:
    """Weekly topic and other contacts, the daily weather and the posts (see the module docstring)."""
    rng = np.random.default_rng(seed)
    days = pd.date_range(START, periods=years * 364, freq="D")
    climate = 10.5 - 7.5 * np.cos(2 * np.pi * (days.day_of_year - 20) / 365.25)
    anomaly = np.zeros(len(days))
    for i in range(1, len(days)):
        anomaly[i] = 0.9 * anomaly[i - 1] + rng.normal(0, 1.6)
    tmean = climate + anomaly
    daily = derived_days(pd.DataFrame({"date": days, "tmean": tmean.round(1), "tmin": (tmean - 3.5).round(1),
                                       "tmax": (tmean + 3.5).round(1)}))
    injuries = per_ice_day * (daily["natural_ice"] + 0.3 * daily["ice_day"]).to_numpy()
    reported = np.convolve(injuries, np.full(6, 1 / 6))[: len(days)]  # written 1 to 6 days after the fall
    reported = np.concatenate([[0.0], reported[:-1]])
    week_of = np.arange(len(days)) // 7
    weeks = days[::7]
    demand = base + np.bincount(week_of, weights=reported)
    starts = _posts(rng, weeks, daily, post_on_ice)
    inside = np.zeros(len(weeks), dtype=bool)
    for pos in starts:
        inside[pos: pos + window] = True
    level = 20 * np.exp(0.3 * np.cos(2 * np.pi * (weeks.isocalendar().week.to_numpy() - 2) / 52))
    weather = daily.assign(date=daily["date"].dt.strftime("%Y-%m-%d"))
    return {"weeks": weeks, "topic": rng.poisson(demand * np.where(inside, lift, 1.0)),
            "other": rng.poisson(level), "post_weeks": [weeks[p] for p in starts], "weather": weather}


def _posts(rng, weeks: pd.DatetimeIndex, daily: pd.DataFrame, post_on_ice: float) -> list[int]:
    """Week rows of the posts: early December each year, and the week natural ice first comes in a
    winter (with probability *post_on_ice*)."""
    natural = np.bincount(np.arange(len(daily)) // 7, weights=daily["natural_ice"].to_numpy())
    winter = np.where(weeks.month >= 7, weeks.year, weeks.year - 1)
    starts = []
    for year in np.unique(winter):
        rows = np.flatnonzero(winter == year)
        december = rows[(weeks[rows].month == 12) & (weeks[rows].day <= 14)]
        if len(december):
            starts.append(int(rng.choice(december)))
        frozen = rows[natural[rows] > 0]
        if len(frozen) and rng.random() < post_on_ice:
            starts.append(int(frozen[0]))
    return sorted(set(starts))
