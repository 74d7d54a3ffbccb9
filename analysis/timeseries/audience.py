"""Reach per post and contacts per 1000 views, from page views (see sources/pageviews.py)."""
from __future__ import annotations

import pandas as pd

from ..sources.pageviews import period_total
from ..sources.urls import normalise_path
from .weekly import topic_lists


def _paths(posts: pd.DataFrame) -> pd.Series:
    """Each post's page path as page views and contacts write it ('' without an address)."""
    return posts["url"].fillna("").map(lambda u: normalise_path(u) if u else "")


def post_reach(posts: pd.DataFrame, views: pd.DataFrame) -> pd.DataFrame:
    """Views per post: in total and in its first three months online (unknown, NaN, when
    the export is one total over a period)."""
    monthly = not period_total(views)
    paths = _paths(posts)
    rows = []
    for post_id, title, date, path, main in zip(posts["id"], posts["title"], posts["date"], paths,
                                             posts["main"]):
        own = views[views["path"] == path]
        if pd.notna(date):
            first = own[(own["month"] >= pd.Timestamp(date).to_period("M").to_timestamp())
                        & (own["month"] < pd.Timestamp(date) + pd.DateOffset(months=3))]
        else:
            first = own.iloc[0:0]
        rows.append({"id": post_id, "title": title, "date": date, "main": main, "path": path,
                     "views": int(own["views"].sum()),
                     "views_first_3_months": int(first["views"].sum()) if monthly else float("nan")})
    columns = ["id", "title", "date", "main", "path", "views", "views_first_3_months"]
    return pd.DataFrame(rows, columns=columns).astype({"views": int, "views_first_3_months": int if monthly else float})


def contacts_per_1000_views(posts: pd.DataFrame, contacts: pd.DataFrame, views: pd.DataFrame,
                            topics: list[str]) -> pd.DataFrame:
    """Per topic: contacts sent from its posts' pages per 1000 views of those pages. With a
    period total, only the contacts of that period count."""
    if period_total(views):
        start, end = views.attrs["period"]
        day = contacts["timestamp"].dt.tz_localize(None).dt.normalize()
        contacts = contacts[(day >= start) & (day <= end)]
    paths = _paths(posts)
    rows = []
    for topic in topics:
        topic_paths = set(paths[posts["topics"].map(lambda ts, t=topic: t in ts)])
        if not topic_paths:
            continue
        n_views = int(views.loc[views["path"].isin(topic_paths), "views"].sum())
        from_pages = int(contacts["page"].isin(topic_paths).sum())
        about = sum(topic in ts for ts in topic_lists(contacts.loc[contacts["page"].isin(topic_paths), "topics"]))
        rows.append({"topic": topic, "posts": len(topic_paths), "views": n_views,
                     "contacts_from_pages": from_pages, "of_which_about_topic": about,
                     "per_1000_views": 1000 * from_pages / n_views if n_views else float("nan")})
    return pd.DataFrame(rows, columns=["topic", "posts", "views", "contacts_from_pages", "of_which_about_topic",
                                       "per_1000_views"]).set_index("topic")
