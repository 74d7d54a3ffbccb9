"""Weekly series (ISO weeks, Monday start, Europe/Amsterdam) of contacts and posts."""
from __future__ import annotations

import pandas as pd

from ..core.dates import monday, week_start


def topic_lists(series: pd.Series) -> pd.Series:
    """';'-joined topic ids (as stored) as lists."""
    return series.fillna("").map(lambda s: [t for t in s.split(";") if t] if isinstance(s, str) else list(s))


def full_weeks(timestamps: pd.Series) -> pd.DatetimeIndex:
    """Mondays of the weeks that lie completely inside the period of the data."""
    local = timestamps.dt.tz_convert("Europe/Amsterdam").dt.tz_localize(None)
    first, last = local.min().normalize(), local.max().normalize()
    first_monday = first + pd.Timedelta(days=(7 - first.weekday()) % 7)
    last_monday = last - pd.Timedelta(days=last.weekday())
    if last.weekday() != 6:  # the last week is incomplete
        last_monday -= pd.Timedelta(days=7)
    return pd.date_range(first_monday, last_monday, freq="W-MON")


def demand_topics(contacts: pd.DataFrame) -> pd.Series:
    """The topics a contact asks about, for the weekly series: those of its message; only a contact
    without a message gets those of the page it was sent from. A page's topics are not demand: a
    post's page exists only after the post, so counting them would make every post seem to bring
    contacts on its topics (the chain benchmark showed it: effects for topics with no planted lift)."""
    messages = topic_lists(contacts["message_topics"])
    pages = topic_lists(contacts["page_topics"])
    empty = contacts["text"].fillna("").str.strip() == ""
    return messages.where(~empty, pages)


def weekly_contacts(contacts: pd.DataFrame, topics: list[str]) -> pd.DataFrame:
    """Contacts per week: 'total' and one column per topic a contact asks about (see
    :func:`demand_topics`; a contact may count for several)."""
    weeks = full_weeks(contacts["timestamp"])
    frame = pd.DataFrame({"week": week_start(contacts["timestamp"]), "topics": demand_topics(contacts)})
    counts = pd.DataFrame(index=weeks)
    counts["total"] = frame.groupby("week").size().reindex(weeks, fill_value=0)
    exploded = frame.explode("topics").dropna(subset=["topics"])
    per_topic = exploded.groupby(["week", "topics"]).size().unstack(fill_value=0)
    for topic in topics:
        column = per_topic[topic] if topic in per_topic else pd.Series(dtype=int)
        counts[topic] = column.reindex(weeks, fill_value=0).astype(int)
    counts.index.name = "week"
    return counts


def post_weeks_by_topic(posts: pd.DataFrame) -> dict[str, list[pd.Timestamp]]:
    """Publication week (Monday) of every dated post, per topic it is about."""
    out: dict[str, list[pd.Timestamp]] = {}
    for date, topics in zip(posts["date"], posts["topics"]):
        if pd.isna(date):
            continue
        for topic in topics:
            out.setdefault(topic, []).append(monday(date))
    return {t: sorted(ws) for t, ws in out.items()}
