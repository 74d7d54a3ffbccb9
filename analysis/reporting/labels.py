"""Dutch labels for everything the owner and the marketer see: one mapping, used everywhere.

The package works with English column names and codes; notebooks, the report and
the CSV files show them through :func:`dutch_columns` and :data:`PRIORITIES`.
"""
from __future__ import annotations

import pandas as pd

COLUMNS = {
    # planner
    "publish_from": "publiceren vanaf", "topic_label": "onderwerp", "topic": "onderwerp-id",
    "priority": "prioriteit", "reason": "reden", "evidence": "bewijs", "lift": "effect (×)",
    "ci_low": "ondergrens", "ci_high": "bovengrens", "effect": "effect aangetoond",
    "last_post": "laatste post", "last_post_date": "datum laatste post",
    "last_post_b1": "laatste post op B1",
    # rewrites and posts
    "id": "bestand", "slug": "kenmerk", "title": "titel", "date": "datum", "b1": "B1", "urgent": "dringend",
    "reasons": "redenen", "words": "woorden", "file": "bestand",
    # topics and effects
    "label": "onderwerp", "posts": "posts", "contacts": "contacten",
    "contacts_in_window": "contacten na posts", "p_holm": "p (gecorrigeerd)",
    "season_overlap": "overlap met seizoen", "note": "toelichting",
    "contact_share": "aandeel contacten", "post_share": "aandeel posts",
    "posts_last_2y": "posts laatste 2 jaar", "gap": "gat",
    "peak_week": "piekweek", "peak_month": "piekmaand", "publish_week": "publicatieweek",
    "lead_weeks": "weken vooraf", "seasonality": "seizoenssterkte",
}
PRIORITIES = {"high": "hoog", "medium": "middel", "low": "laag"}


def dutch_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """*frame* with Dutch column names and priorities."""
    out = frame.rename(columns=COLUMNS)
    if "prioriteit" in out:
        out["prioriteit"] = out["prioriteit"].map(PRIORITIES).fillna(out["prioriteit"])
    return out
