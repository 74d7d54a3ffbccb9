"""Page views: GA4, Matomo and Plausible exports, read into views per page path.

Accepted exports (English or Dutch interface; lines starting with ``#`` are
GA4's header notes):

- GA4 "Pages and screens" with a date dimension: ``Page path and screen class`` /
  ``Paginapad en schermklasse``, ``Date`` (YYYYMMDD) or ``Year month`` (YYYYMM) /
  ``Datum`` / ``Jaar maand``, ``Views`` / ``Weergaven``;
- GA4 "Pages and screens" without a date dimension: the same without the date
  column; the period comes from the header notes (``# Start date: 20250101`` /
  ``# Startdatum: ...`` and the end date);
- Matomo "Page URLs" (with ``Date`` when exported per day or month): ``Label`` or
  ``URL``, ``Pageviews`` / ``nb_hits`` / ``Paginaweergaven``;
- Plausible "Top pages" (``pages.csv`` from its CSV export): ``name``, ``pageviews``
  (or ``visitors``), for the period in the file name (Plausible names its export
  after the site and the two dates, e.g. ``… 20250101 20251231``).

A period total is kept as a period total, never spread over months as if each
month were known: the result then has one row per page with the period's first
month, and ``frame.attrs["period"]`` holds (first day, last day). Analyses that
need months (views in a post's first three months) say they cannot be computed.
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from ..core.errors import PageviewError, UnreadableInput
from .contacts.columns import normalise
from .textfile import read_text

PATH = ["pagepathandscreenclass", "paginapadenschermklasse", "pagepath", "paginapad", "label",
        "url", "pageurl", "name", "page"]
DATE = ["date", "datum", "yearmonth", "jaarmaand", "month", "maand"]
VIEWS = ["views", "weergaven", "pageviews", "nbhits", "paginaweergaven", "screenpageviews", "visitors"]
PERIOD_NOTE = re.compile(r"^#\s*(start date|startdatum|end date|einddatum)\s*:\s*(\d{8})", re.I)
PERIOD_NAME = re.compile(r"(\d{4}-?\d{2}-?\d{2})\D+(\d{4}-?\d{2}-?\d{2})")


def _pick(columns: list[str], names: list[str]) -> str | None:
    by_norm = {normalise(c): c for c in columns}
    return next((by_norm[n] for n in names if n in by_norm), None)


def _month(value: str) -> pd.Timestamp:
    text = str(value).strip()
    digits = text.replace("-", "")
    if digits.isdigit() and len(digits) in (6, 8):
        return pd.Timestamp(int(digits[:4]), int(digits[4:6]), 1)
    return pd.Timestamp(text).to_period("M").to_timestamp()


def _period(lines: list[str], name: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The period of a total: from GA4's header notes, else from the file name."""
    notes = {}
    for line in lines:
        if m := PERIOD_NOTE.match(line.strip()):
            notes["start" if m.group(1).lower() in ("start date", "startdatum") else "end"] = m.group(2)
    if {"start", "end"} <= set(notes):
        return pd.Timestamp(notes["start"]), pd.Timestamp(notes["end"])
    if m := PERIOD_NAME.search(name):
        return pd.Timestamp(m.group(1).replace("-", "")), pd.Timestamp(m.group(2).replace("-", ""))
    return None


def read_pageviews(path: Path) -> pd.DataFrame:
    """Views per page path: columns month, path, views (monthly, or one period total)."""
    name = Path(path).name
    try:
        text = read_text(path)
    except UnreadableInput as exc:
        raise PageviewError(f"{name}: {exc}") from None
    lines = text.split("\n")
    body = "\n".join(line for line in lines if not line.startswith("#")).strip()
    if not body:
        raise PageviewError(f"{name}: geen gegevens")
    first = body.split("\n", 1)[0]
    sep = ";" if first.count(";") > first.count(",") else ","
    try:
        frame = pd.read_csv(io.StringIO(body), sep=sep, dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise PageviewError(f"{name}: geen leesbare CSV ({exc})") from None
    path_col, date_col, views_col = (_pick(list(frame.columns), n) for n in (PATH, DATE, VIEWS))
    missing = [label for label, col in (("pagina", path_col), ("weergaven", views_col)) if col is None]
    if missing:
        raise PageviewError(f"{name}: kolom(men) niet gevonden: {', '.join(missing)}; "
                            f"kolommen: {', '.join(frame.columns)}")
    period = None
    if date_col is None:
        period = _period(lines, name)
        if period is None:
            raise PageviewError(f"{name}: geen datumkolom en geen periode (in de kopregels of de bestandsnaam); "
                                "exporteer met de dimensie datum of maand, of zet de periode in de bestandsnaam "
                                "(bijvoorbeeld pages_20250101_20251231.csv)")
    months = frame[date_col].map(_month) if date_col else pd.Series(
        period[0].to_period("M").to_timestamp() if period else pd.NaT, index=frame.index)
    out = pd.DataFrame({
        "month": months,
        "path": frame[path_col].map(lambda p: urlsplit(p.strip()).path or "/"),
        "views": pd.to_numeric(frame[views_col].str.replace(r"[.\s]", "", regex=True), errors="coerce"),
    }).dropna(subset=["views"])
    result = out.groupby(["month", "path"], as_index=False)["views"].sum()
    if period is not None:
        result.attrs["period"] = period
    return result


def period_total(views: pd.DataFrame) -> bool:
    """Whether the views are one total over a period (no months)."""
    return "period" in views.attrs


def period_text(views: pd.DataFrame) -> str:
    """Dutch: what the views cover."""
    if period_total(views):
        start, end = views.attrs["period"]
        return (f"paginaweergaven: totaal over {start:%d-%m-%Y} t/m {end:%d-%m-%Y} (export zonder datum, "
                "niet over maanden verdeeld)")
    return f"paginaweergaven per maand, {views['month'].min():%m-%Y} t/m {views['month'].max():%m-%Y}"
