"""Weeks in which the contact form was out of order: no contacts at all where there are usually many.

A run of at least MIN_WEEKS weeks without a single contact, while the weeks around it (EACH_SIDE
weeks before and after) have a median of at least MIN_USUAL contacts a week, is an outage: with
five contacts expected, a week without any happens by chance well under once in a hundred weeks,
two in a row practically never. Those weeks are named on the pages and left out of the models, so
a broken form is not read as a season or as posts that drive patients away.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

MIN_WEEKS = 2
MIN_USUAL = 5
EACH_SIDE = 8


@dataclass(frozen=True)
class Outage:
    first: pd.Timestamp  # Monday of the first week without contacts
    last: pd.Timestamp  # Monday of the last one
    usual: float  # contacts a week around it

    @property
    def last_day(self) -> pd.Timestamp:
        """Sunday of the last week without contacts."""
        return self.last + pd.Timedelta(days=6)

    @property
    def weeks(self) -> pd.DatetimeIndex:
        return pd.date_range(self.first, self.last, freq="W-MON")


def find_outages(total: pd.Series) -> list[Outage]:
    """The outages in a weekly series of all contacts (index: Mondays)."""
    empty = (total == 0).to_numpy()
    found, start = [], None
    for i, zero in enumerate([*empty, False]):
        if zero and start is None:
            start = i
        elif not zero and start is not None:
            if i - start >= MIN_WEEKS:
                around = pd.concat([total.iloc[max(start - EACH_SIDE, 0):start], total.iloc[i:i + EACH_SIDE]])
                if len(around) and around.median() >= MIN_USUAL:
                    found.append(Outage(total.index[start], total.index[i - 1], float(around.median())))
            start = None
    return found


def without_outages(weekly: pd.DataFrame, outages: list[Outage]) -> pd.DataFrame:
    """The weeks the models use. A post window that runs into an outage continues after it (the
    windows count weeks of data), which affects only posts in the weeks just before one."""
    if not outages:
        return weekly
    dropped = pd.DatetimeIndex([w for o in outages for w in o.weeks])
    return weekly[~weekly.index.isin(dropped)]
