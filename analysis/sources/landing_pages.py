"""GA4 landing pages with key events: which pages start the visits that end in a contact.

GA4 → Rapporten → Betrokkenheid → Bestemmingspagina (Reports → Engagement → Landing page),
exported as CSV (Delen → Bestand downloaden): ``Bestemmingspagina``/``Landing page``,
``Sessies``/``Sessions`` and ``Belangrijke gebeurtenissen``/``Key events`` (older exports:
Conversies/Conversions; with one event chosen, such as the contact form's ``generate_lead``, the
column carries its name). GA4's header notes (lines starting with ``#``) give the period. Rows are
summed per page path (a landing page with a query string is the same page); GA4's ``(not set)``
row and rows without usable numbers are skipped with a reason.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..core.errors import InputError, UnreadableInput
from ..core.lexicons import read_words
from .analytics_csv import analytics_table
from .cells import count, decimal
from .contacts.columns import COLUMNS, normalise
from .pageviews import export_period
from .textfile import read_text
from .urls import normalise_path

PAGE, SESSIONS, KEY_EVENTS = (read_words(COLUMNS, f"landing {role}") for role in ("page", "sessions", "key events"))


class LandingPageError(InputError):
    """A landing-page export that cannot be read."""


def _column(columns: list[str], names: tuple[str, ...], prefix: bool = False) -> str | None:
    for column in columns:
        norm = normalise(column)
        if norm in names or (prefix and norm.startswith(names)):
            return column
    return None


def read_landing_pages(path: Path) -> pd.DataFrame:
    """Per page path: sessions and key events (columns path, sessions, key_events); ``attrs``:
    'period' (first, last day) when the export names it, 'skipped' as (line, reason), 'event'
    (the key event's name when the column names one)."""
    name = Path(path).name
    try:
        text = read_text(path)
    except UnreadableInput as exc:
        raise LandingPageError(f"{name}: {exc}") from None
    frame, lines = analytics_table(text, name, LandingPageError)
    columns = list(frame.columns)
    page, sessions, events = (_column(columns, PAGE), _column(columns, SESSIONS),
                              _column(columns, KEY_EVENTS, prefix=True))
    missing = [label for label, col in (("bestemmingspagina", page), ("sessies", sessions),
                                        ("belangrijke gebeurtenissen", events)) if col is None]
    if missing or page is None or sessions is None or events is None:
        raise LandingPageError(f"{name}: kolom(men) niet gevonden: {', '.join(missing)}; kolommen: "
                               f"{', '.join(columns)} (exporteer het rapport Bestemmingspagina met de kolom "
                               "Belangrijke gebeurtenissen)")
    rows, skipped = [], []
    for line, (where, visits, done) in enumerate(zip(frame[page], frame[sessions], frame[events]), start=2):
        visit_count, key = count(visits), decimal(done)
        reason = ("pagina onbekend in GA4 ((not set))" if where.strip() in ("(not set)", "(niet ingesteld)")
                  else "geen pagina" if not where.strip()
                  else "aantal sessies of gebeurtenissen ontbreekt of is ongeldig" if visit_count is None or key is None
                  else "")
        if reason or visit_count is None or key is None:
            skipped.append((line, reason))
            continue
        rows.append({"path": normalise_path(where), "sessions": visit_count, "key_events": key})
    out = pd.DataFrame(rows, columns=["path", "sessions", "key_events"]).astype(
        {"sessions": float, "key_events": float})
    out = out.groupby("path", as_index=False)[["sessions", "key_events"]].sum()
    period = export_period(lines, name)
    if period is not None:
        out.attrs["period"] = period
    out.attrs["skipped"] = skipped
    named = re.search(r"\(([^)]+)\)|[:\n]\s*(\S+)\s*$", events)
    out.attrs["event"] = next((g for g in named.groups() if g), "") if named else ""
    return out
