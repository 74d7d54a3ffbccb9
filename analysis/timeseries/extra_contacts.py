"""Expected extra contacts per post: the one currency of the overview, the effects, the planner
and the draft page.

A post on a topic published in week *w* is worth the topic's usual contacts in the weeks of its
effect window (the topic's weekly profile over the year, as lead times use it) times (lift − 1).
The lift used is not the raw estimate: a topic with few posts has a wide, noisy estimate, and
ranking topics by it would chase noise. Each topic's log-lift is shrunk towards ×1 by an
empirical-Bayes normal model: the spread of true effects across the practice's topics (τ², the
method-of-moments estimate from all estimated topics, with the posts' own standard errors taken
out, and at least TAU_FLOOR², because with few topics that estimate is often 0, which would claim
that no post can do anything) against the topic's own uncertainty (se²). A topic without an
estimate gets the prior: no effect expected, with the spread of the others. That ranks it in the
planner, but its figures stay empty and its texts say that its extra contacts cannot be estimated
yet (with under a year of data that holds for every topic). A post is assumed never to lose
contacts, so a range below zero is shown as from 0 (see ``effects.LOW_NOTE``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..core.formatting import nl_number
from .effects import SEASON_OVERLAP, WINDOW
from .leadtime import weekly_profile

Z95 = 1.96
NOT_ESTIMATED = "extra contacten nog niet te schatten (geen eigen schatting voor dit onderwerp)"
TAU_FLOOR = 0.15  # the spread of true effects is at least this (log scale): few topics often estimate 0


@dataclass(frozen=True)
class ExtraContacts:
    """Expected extra contacts from one post, with its probable range (95%)."""
    expected: float
    low: float
    high: float
    estimated: bool = True  # False: the prior only, the topic has no estimate of its own


def expected_text(extra: ExtraContacts) -> str:
    """'naar schatting 6 extra contacten (waarschijnlijk 3 tot 10)'."""
    if not extra.estimated:
        return NOT_ESTIMATED

    def n(v: float) -> str:
        return nl_number(v, 0) if v >= 10 or v < 0.05 else nl_number(v, 1)
    return f"naar schatting {n(extra.expected)} extra contacten (waarschijnlijk {n(extra.low)} tot {n(extra.high)})"


def row_extra(row: pd.Series) -> ExtraContacts | None:
    """The expected extra contacts an effects-table row carries (None without an estimate)."""
    if pd.isna(row.get("extra")):
        return None
    return ExtraContacts(float(row["extra"]), float(row["extra_low"]), float(row["extra_high"]))


def shrunk_log_lifts(effects: pd.DataFrame) -> pd.DataFrame:
    """Per topic: the shrunk log-lift ('mean'), its standard deviation ('sd') and whether the topic
    has an estimate of its own ('known'; otherwise the prior)."""
    known = effects["lift"].notna() & effects["se"].notna() & (effects["season_overlap"] < SEASON_OVERLAP)
    beta = np.log(effects.loc[known, "lift"])
    se2 = effects.loc[known, "se"] ** 2
    tau2 = max(float((beta ** 2 - se2).mean()) if known.any() else 0.0, TAU_FLOOR ** 2)
    weight = tau2 / (tau2 + se2)
    table = pd.DataFrame({"mean": 0.0, "sd": np.sqrt(tau2), "known": known}, index=effects.index)
    table.loc[known, "mean"] = weight * beta
    table.loc[known, "sd"] = np.sqrt(weight * se2)
    return table


def demand_by_week(weekly: pd.DataFrame, topics: list[str]) -> pd.DataFrame:
    """Usual contacts per ISO week of the year (1..52) per topic."""
    return pd.DataFrame({t: weekly_profile(weekly[t]) for t in topics})


def effect_window(row: pd.Series) -> range:
    """The weeks of an effects-table row's effect, counted from the publication week as 0 (the
    standard WINDOW of weeks 1 to 4 where none was chosen)."""
    if not row["window"]:
        return range(WINDOW)
    first = int(row.get("first_week") or 1)
    return range(first - 1, first - 1 + int(row["window"]))


def window_words(weeks: range) -> str:
    """'in de eerste 4 weken' or 'in week 3 tot en met 6' (week 1: the publication week)."""
    if weeks.start == 0:
        return f"in de eerste {len(weeks)} weken" if len(weeks) > 1 else "in de week van publicatie"
    first, last = weeks.start + 1, weeks.stop
    return f"in week {first}" if first == last else f"in week {first} tot en met {last}"


def window_demand(demand: pd.Series, start: pd.Timestamp, weeks: range) -> float:
    """The topic's usual contacts in the effect *weeks* of a post published in the week of *start*."""
    first = min(int(start.isocalendar().week), 52)
    return float(demand.loc[[(first - 1 + i) % 52 + 1 for i in weeks]].sum())


def extra_contacts(shrunk: pd.Series, demand: float) -> ExtraContacts:
    """Extra contacts of one post over a window with *demand* usual contacts."""
    mean, sd = float(shrunk["mean"]), float(shrunk["sd"])
    expected = demand * (np.exp(mean + sd ** 2 / 2) - 1)
    low, high = (demand * (np.exp(mean + k * Z95 * sd) - 1) for k in (-1, 1))
    return ExtraContacts(max(expected, 0.0), max(low, 0.0), max(high, 0.0), bool(shrunk["known"]))


def yearly_extra(effects: pd.DataFrame, weekly: pd.DataFrame) -> pd.DataFrame:
    """Per topic: expected extra contacts of a post at a typical moment of the year (the mean over
    its 52 weeks), with its range: 'extra', 'extra_low', 'extra_high' (empty for a topic without an
    estimate of its own)."""
    shrunk = shrunk_log_lifts(effects)
    demand = demand_by_week(weekly, list(effects.index))
    rows = {}
    for topic in effects.index:
        usual = float(demand[topic].mean()) * len(effect_window(effects.loc[topic]))
        e = extra_contacts(shrunk.loc[topic], usual)
        figures = (e.expected, e.low, e.high) if e.estimated else (np.nan,) * 3
        rows[topic] = dict(zip(("extra", "extra_low", "extra_high"), figures))
    return pd.DataFrame.from_dict(rows, orient="index")
