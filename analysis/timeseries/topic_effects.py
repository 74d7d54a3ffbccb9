"""The effects summary per topic, as used by the ``effects`` command and the planner."""
from __future__ import annotations

import math

import pandas as pd

from ..core.sufficiency import MODEL_WEEKS
from .dataset import Dataset
from .effects import publication_effects
from .leadtime import lead_times
from .power import data_needed


def effects_table(ds: Dataset) -> pd.DataFrame:
    """Per topic with posts or contacts: lift with CI, Holm verdict, and lead time."""
    effects = publication_effects(ds.weekly, ds.post_weeks, ds.covariates, ds.topics)
    leads = lead_times(ds.weekly, ds.topics)
    table = effects.join(leads)
    table.insert(0, "label", [ds.taxonomy[t].label for t in table.index])
    table = table[(table["posts"] > 0) | (table["contacts"] > 0)].copy()
    tests = max(int(table["p"].notna().sum()), 1)
    needed = {t: data_needed(ds.weekly, t, ds.post_weeks.get(t, []), ds.covariates, tests)
              for t in table.index if not table.loc[t, "effect"] and len(ds.weekly) >= MODEL_WEEKS
              and table.loc[t, "contacts"] > 0}
    table["power_now"] = pd.Series({t: n.power_now for t, n in needed.items()}, dtype=float)
    table["extra_posts"] = pd.Series({t: n.extra_posts for t, n in needed.items()}, dtype=object)
    table["extra_months"] = pd.Series({t: n.extra_months for t, n in needed.items()}, dtype=object)
    return table


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def effects_json(ds: Dataset) -> dict:
    table = effects_table(ds)
    keys = ["label", "lift", "ci_low", "ci_high", "p", "p_holm", "effect", "posts", "contacts",
            "contacts_in_window", "season_overlap", "note", "peak_month", "peak_week",
            "publish_week", "lead_weeks", "seasonal"]
    return {"weeks": len(ds.weekly), "contacts": int(len(ds.contacts)),
            "first_week": ds.weekly.index[0].date().isoformat(),
            "last_week": ds.weekly.index[-1].date().isoformat(),
            "weather": ds.has_weather,
            "topics": {t: {k: _clean(row[k]) for k in keys} for t, row in table.iterrows()}}
