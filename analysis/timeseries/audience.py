"""Reach per post and contacts per 1000 views, from page views (see sources/pageviews.py)."""
from __future__ import annotations

import pandas as pd

from ..core.dates import monday
from ..sources.pageviews import period_total
from ..sources.search_console import SearchExport
from ..sources.urls import normalise_path
from .effects import WINDOW
from .leadtime import weekly_profile
from .weekly import demand_topics


def page_paths(posts: pd.DataFrame) -> pd.Series:
    """Each post's page path as page views and contacts write it ('' without an address)."""
    return posts["url"].fillna("").map(lambda u: normalise_path(u) if u else "")


def post_reach(posts: pd.DataFrame, views: pd.DataFrame) -> pd.DataFrame:
    """Views per post: in total and in its first three months online (unknown, NaN, when
    the export is one total over a period)."""
    monthly = not period_total(views)
    paths = page_paths(posts)
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
    paths = page_paths(posts)
    rows = []
    for topic in topics:
        topic_paths = set(paths[posts["topics"].map(lambda ts, t=topic: t in ts)])
        if not topic_paths:
            continue
        n_views = int(views.loc[views["path"].isin(topic_paths), "views"].sum())
        from_pages = int(contacts["page"].isin(topic_paths).sum())
        about = sum(topic in ts for ts in demand_topics(contacts.loc[contacts["page"].isin(topic_paths)]))
        rows.append({"topic": topic, "posts": len(topic_paths), "views": n_views,
                     "contacts_from_pages": from_pages, "of_which_about_topic": about,
                     "per_1000_views": 1000 * from_pages / n_views if n_views else float("nan")})
    return pd.DataFrame(rows, columns=["topic", "posts", "views", "contacts_from_pages", "of_which_about_topic",
                                       "per_1000_views"]).set_index("topic")


def posts_that_bring_patients(posts: pd.DataFrame, contacts: pd.DataFrame, weekly: pd.DataFrame,
                              views: pd.DataFrame | None = None, window: int = WINDOW,
                              search: SearchExport | None = None, landing: pd.DataFrame | None = None,
                              extra: pd.Series | None = None) -> pd.DataFrame:
    """Per dated post: contacts sent from its own page, contacts on its main topic in the *window*
    weeks from its publication week against the topic's usual contacts in those weeks of the year
    (its weekly profile), and its page views where an export is given. With a Search Console export
    its clicks, impressions and position; with GA4's landing pages its sessions and key events; with
    *extra* (per topic) the extra contacts the effects model expects of a post on its main topic.
    Ranked by key events where known, then contacts from the page.
    Observed against usual is a description, not the effect model: one post's weeks are few."""
    paths = page_paths(posts)
    from_page = contacts["page"].value_counts() if len(contacts) else pd.Series(dtype=int)
    profiles = {t: weekly_profile(weekly[t]) for t in posts["main"].dropna().unique() if t in weekly}
    reach = post_reach(posts, views).set_index("id")["views"] if views is not None else None
    rows = []
    for post, path in zip(posts.itertuples(), paths):
        if pd.isna(post.date) or not len(weekly):
            continue
        start = monday(pd.Timestamp(post.date))
        inside = weekly.index[(weekly.index >= start) & (weekly.index < start + pd.Timedelta(weeks=window))]
        topic = post.main if post.main in profiles else None
        observed = int(weekly.loc[inside, topic].sum()) if topic and len(inside) else None
        usual = (float(sum(profiles[topic].loc[min(int(w.isocalendar().week), 52)] for w in inside))
                 if topic and len(inside) else None)
        rows.append({"id": post.id, "title": post.title, "date": post.date, "path": path or "",
                     "from_page": int(from_page.get(path, 0)) if path else 0,
                     "topic_contacts": observed, "topic_usual": usual,
                     "views": int(reach.get(post.id, 0)) if reach is not None else None,
                     "expected_extra": extra.get(post.main, float("nan")) if extra is not None else None})
    table = pd.DataFrame(rows, columns=["id", "title", "date", "path", "from_page", "topic_contacts", "topic_usual",
                                        "views", "expected_extra"])
    order = ["from_page", "date"]
    if search is not None:
        table = table.merge(search.pages[["path", "clicks", "impressions", "position"]], on="path", how="left")
    if landing is not None:
        table = table.merge(landing[["path", "sessions", "key_events"]], on="path", how="left")
        order = ["key_events", *order]
    return table.sort_values(order, ascending=False, kind="stable", na_position="last").reset_index(drop=True)
