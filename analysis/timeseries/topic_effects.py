"""The effects summary per topic, as used by the ``effects`` command and the planner."""
from __future__ import annotations

import math

import pandas as pd

from ..core.sufficiency import MODEL_WEEKS
from .dataset import Dataset
from .effects import WEATHER_NEEDED, publication_effects
from .extra_contacts import yearly_extra
from .leadtime import lead_times
from .power import data_needed


def effects_table(ds: Dataset) -> pd.DataFrame:
    """Per topic with posts or contacts: lift with its interval (corrected for the topics tested) and
    verdict, expected extra contacts per post, lead time, and the effect the data can show."""
    weekly = ds.model_weekly
    effects = publication_effects(weekly, ds.post_weeks, ds.covariates, ds.topics, ds.weather_topics)
    leads = lead_times(weekly, ds.topics)
    table = effects.join(leads)
    table.insert(0, "label", [ds.taxonomy[t].label for t in table.index])
    table = table[(table["posts"] > 0) | (table["contacts"] > 0)].copy()
    tests = max(int(table["p"].notna().sum()), 1)
    needed = {t: data_needed(weekly, t, ds.post_weeks.get(t, []), ds.covariates, tests, t in ds.weather_topics)
              for t in table.index if not table.loc[t, "effect"] and len(weekly) >= MODEL_WEEKS
              and table.loc[t, "contacts"] > 0 and table.loc[t, "note"] != WEATHER_NEEDED}
    for column in ("power_now", "detectable_now", "detectable_1y", "detectable_2y", "posts_per_year"):
        table[column] = pd.Series({t: getattr(n, column) for t, n in needed.items()}, dtype=float)
    table["has_posts"] = table["posts"] > 0
    return table.join(yearly_extra(table, weekly)) if len(weekly) else table.assign(
        extra=float("nan"), extra_low=float("nan"), extra_high=float("nan"))


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def effects_json(ds: Dataset) -> dict:
    table = effects_table(ds)
    keys = ["label", "lift", "ci_low", "ci_high", "ci95_low", "ci95_high", "tests", "p", "p_holm", "effect",
            "extra", "extra_low", "extra_high", "posts", "contacts", "contacts_in_window", "first_week", "window",
            "season_overlap", "note", "peak_month", "peak_week", "publish_week", "lead_weeks", "seasonal",
            "detectable_now", "detectable_1y", "detectable_2y"]
    return {"weeks": len(ds.weekly), "contacts": int(len(ds.contacts)),
            "first_week": ds.weekly.index[0].date().isoformat(),
            "last_week": ds.weekly.index[-1].date().isoformat(),
            "weather": ds.has_weather, "weather_coverage": ds.covariates.attrs.get("weather_coverage"),
            "outages": [{"first_week": o.first.date().isoformat(), "last_week": o.last.date().isoformat(),
                         "usual_per_week": round(o.usual, 1)} for o in ds.outages],
            "level_shift": None if ds.level_shift is None else {
                "first_week": ds.level_shift.week.date().isoformat(), "factor": round(ds.level_shift.factor, 2),
                "low": round(ds.level_shift.low, 2), "high": round(ds.level_shift.high, 2)},
            "topics": {t: {k: _clean(row[k]) for k in keys} for t, row in table.iterrows()}}
