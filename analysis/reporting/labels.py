"""Dutch labels for everything the owner and the marketer see: one mapping, used everywhere.

The package works with English column names and codes; notebooks, the report and
the CSV files show them through :func:`dutch_columns` and :data:`PRIORITIES`.
"""
from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd

from ..core.formatting import nl_number

COLUMNS = {
    # planner
    "publish_from": "publiceren vanaf", "topic_label": "onderwerp", "topic": "onderwerp-id",
    "priority": "prioriteit", "reason": "reden", "evidence": "bewijs", "lift": "effect (×)",
    "ci_low": "ondergrens", "ci_high": "bovengrens", "effect": "effect aangetoond",
    "last_post": "laatste bericht", "last_post_date": "datum laatste bericht",
    "last_post_b1": "laatste bericht op B1", "working_title": "werktitel", "angle": "invalshoek",
    "write_by": "schrijven vóór", "keyword": "zoekwoord", "expected": "wat het oplevert",
    "call_to_action": "oproep aan de lezer", "status": "status", "author": "auteur",
    "extra": "extra contacten per bericht", "page": "pagina", "action": "actie", "why": "waarom",
    "sentences": "zinnen om te verbeteren", "extra_contacts": "extra contacten",
    "extra_low": "extra contacten minstens", "extra_high": "extra contacten hoogstens",
    "extra_estimated": "extra contacten geschat", "questions": "vragen in die weken",
    # rewrites and posts
    "id": "bestand", "slug": "kenmerk", "title": "titel", "date": "datum", "b1": "B1", "urgent": "dringend",
    "reasons": "redenen", "words": "woorden", "file": "bestand",
    # topics and effects
    "label": "onderwerp", "posts": "berichten", "contacts": "contacten",
    "contacts_in_window": "contacten na berichten", "window": "weken effect",
    "season_overlap": "overlap met seizoen", "note": "toelichting",
    "contact_share": "aandeel contacten", "post_share": "aandeel berichten",
    "posts_last_2y": "berichten laatste 2 jaar", "gap": "gat",
    "peak_week": "piekweek", "peak_month": "piekmaand", "publish_week": "publicatieweek",
    "lead_weeks": "weken vooraf", "seasonality": "seizoenssterkte",
    # readability
    "words_per_sentence": "woorden per zin", "flesch_douma": "Flesch-Douma", "mean_zipf": "woordfrequentie (Zipf)",
    "rare_word_share": "zeldzame woorden", "jargon": "vaktermen", "formal_per_100": "formele woorden per 100",
    "long_sentence_share": "lange zinnen", "pair": "paar", "level": "niveau", "failed": "criteria niet gehaald",
    # import check (notebook 01)
    "in_corpus": "op de blog", "zelfde_titel": "zelfde titel", "zelfde_structuur": "zelfde opbouw",
    "datum_import": "datum import", "datum_corpus": "datum op de blog",
    # page views
    "views": "weergaven", "views_first_3_months": "weergaven eerste 3 maanden",
    "contacts_from_pages": "contacten vanaf de pagina's", "of_which_about_topic": "waarvan over het onderwerp",
    "per_1000_views": "per 1000 weergaven",
    # search (Search Console, GA4 landing pages)
    "impressions": "vertoningen in Google", "clicks": "klikken uit Google", "ctr": "CTR", "position": "positie",
    "queries": "zoekopdrachten", "top_queries": "meest gezocht", "query": "zoekopdracht",
    "usual_ctr": "gebruikelijke CTR op die positie", "clicks_before": "klikken eerder", "clicks_now": "klikken nu",
    "sessions": "sessies (GA4)", "key_events": "belangrijke gebeurtenissen (GA4)",
}
INDEX_NAMES = {"topic": "onderwerp", "term": "kalender", "id": "bestand"}
PRIORITIES = {"high": "hoog", "medium": "middel", "low": "laag"}


def dutch_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """*frame* with Dutch column names and priorities."""
    out = frame.rename(columns=COLUMNS)
    if "prioriteit" in out:
        out["prioriteit"] = out["prioriteit"].map(PRIORITIES).fillna(out["prioriteit"])
    return out


def _cell(value, digits: int):
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return "–"
    if value is pd.NaT:
        return "–"
    if isinstance(value, (bool, np.bool_)):
        return "ja" if value else "nee"
    if isinstance(value, (float, np.floating)):
        return nl_number(float(value), digits)
    if isinstance(value, dt.date):  # also pd.Timestamp and datetime
        return f"{value:%d-%m-%Y}"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return value


def present(frame: pd.DataFrame, digits: int = 2) -> pd.DataFrame:
    """A table as the owner reads it: Dutch column names, ja/nee, Dutch decimals, '–' for
    missing values, no row numbers; the first column's name sits in the header's corner."""
    out = dutch_columns(frame)
    numbered = out.index.name is None and pd.api.types.is_integer_dtype(out.index)  # row numbers
    out = out.map(lambda v: _cell(v, digits)).astype(object)
    if numbered:
        if len(out.columns) == 1:
            return out.reset_index(drop=True)
        out = out.set_index(out.columns[0])
        name = out.index.name
    else:
        out.index = [_cell(i, digits) for i in out.index]
        name = INDEX_NAMES.get(frame.index.name, frame.index.name) or frame.columns.name  # presented twice
    out.index.name, out.columns.name = None, name
    return out
