"""When do contacts about a topic peak, and how early should a post go live?

Per topic, the average weekly count per ISO week of the year (all years), smoothed
with a circular 5-week mean. The peak is the highest week. The rise starts at the
last week before the peak where the profile is still below the midpoint between
its minimum and its peak; a post should be live PUBLISH_BEFORE_RISE weeks before
that, so that it is indexed and found when patients start searching.
``lead_weeks`` is the number of weeks between that publication week and the peak.
A topic counts as seasonal when its peak is at least SEASONAL_PEAK times its
average and its monthly totals differ from an even spread (chi-square, p < 0.01),
so that a few chance weeks of a rare topic do not make a season.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy.stats import chisquare

from ..core.dates import month_of_iso_week
from ..core.sufficiency import MODEL_WEEKS

SMOOTH = 5
PUBLISH_BEFORE_RISE = 2
SEASONAL_PEAK = 1.6  # peak / average of the profile from which a topic counts as seasonal


def weekly_profile(series: pd.Series) -> pd.Series:
    """Smoothed mean count per ISO week of year (1..52; week 53 is folded into 52)."""
    woy = np.minimum(series.index.isocalendar().week.to_numpy(), 52)
    mean = series.groupby(woy).mean().reindex(range(1, 53)).interpolate(limit_direction="both")
    values = mean.to_numpy()
    padded = np.concatenate([values[-(SMOOTH // 2):], values, values[: SMOOTH // 2]])
    smooth = np.convolve(padded, np.ones(SMOOTH) / SMOOTH, mode="valid")
    return pd.Series(smooth, index=range(1, 53))


@dataclass(frozen=True)
class LeadTime:
    """When a topic's contacts peak and when a post about it should go live (None: no peak)."""
    peak_week: int | None = None
    peak_month: int | None = None
    publish_week: int | None = None
    publish_month: int | None = None
    lead_weeks: int | None = None
    seasonality: float = 0.0
    seasonal: bool = False


def _months_differ(series: pd.Series) -> bool:
    months = series.index.month
    observed = series.groupby(months).sum()
    expected = series.groupby(months).size() / len(series) * series.sum()
    return series.sum() > 0 and chisquare(observed, expected).pvalue < 0.01


def lead_time(series: pd.Series) -> LeadTime:
    """Peak week and month, rise start, recommended publication week and lead time."""
    if len(series) < MODEL_WEEKS or series.sum() <= 0:
        return LeadTime()  # a profile over the weeks of the year needs a whole year
    profile = weekly_profile(series)
    peak = int(profile.idxmax())
    middle = profile.min() + 0.5 * (profile.max() - profile.min())
    rise = peak
    for step in range(1, 52):
        week = (peak - step - 1) % 52 + 1
        if profile[week] < middle:
            rise = week % 52 + 1
            break
    publish = (rise - PUBLISH_BEFORE_RISE - 1) % 52 + 1
    strength = float(profile.max() / profile.mean()) if profile.mean() > 0 else 0.0
    return LeadTime(peak_week=peak, peak_month=month_of_iso_week(peak), publish_week=publish,
                    publish_month=month_of_iso_week(publish), lead_weeks=(peak - publish) % 52,
                    seasonality=round(strength, 2),
                    seasonal=bool(strength >= SEASONAL_PEAK and _months_differ(series)))


def lead_times(weekly: pd.DataFrame, topics: list[str]) -> pd.DataFrame:
    """One row per topic: the fields of :class:`LeadTime`."""
    return pd.DataFrame([{"topic": t} | asdict(lead_time(weekly[t])) for t in topics]).set_index("topic")
