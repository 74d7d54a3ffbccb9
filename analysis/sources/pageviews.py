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
- Plausible "Top pages" (``pages.csv`` from its CSV export, or the export's zip as
  downloaded): ``name``, ``pageviews`` (or ``visitors``), for the period in the file
  name (Plausible names its export after the site and the two dates, e.g.
  ``… 20250101 20251231``).

Any of them as UTF-8, UTF-16 (Matomo's CSV) or Windows-1252, comma, semicolon or tab
separated. Paths are normalised (:func:`normalise_path`), so one page is one page.

A period total is kept as a period total, never spread over months as if each
month were known: the result then has one row per page with the period's first
month, and ``frame.attrs["period"]`` holds (first day, last day). Analyses that
need months (views in a post's first three months) say they cannot be computed.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.dates import FIRST_WEB_YEAR
from ..core.errors import PageviewError, UnreadableInput
from ..core.lexicons import read_words
from .analytics_csv import analytics_table
from .contacts.columns import COLUMNS, header_is_data, normalise, pick_column
from .textfile import decode, read_text
from .urls import normalise_path

PATH, DATE, VIEWS = (list(read_words(COLUMNS, f"pageviews {role}")) for role in ("page", "date", "views"))
PERIOD_NOTE = re.compile(r"^#\s*(start date|startdatum|end date|einddatum)\s*:\s*(\d{8})", re.I)
MAX_UNZIPPED = 200_000_000  # bytes of pages.csv in a zip
PERIOD_NAME = re.compile(r"(\d{4}-?\d{2}-?\d{2})\D+(\d{4}-?\d{2}-?\d{2})")


def _month(value: str) -> pd.Timestamp | None:
    """The month of a date cell (YYYYMMDD, YYYYMM, ISO), or None when it is no plausible date."""
    text = str(value).strip()
    digits = text.replace("-", "")
    try:
        if digits.isdigit() and len(digits) in (6, 8):
            month = pd.Timestamp(int(digits[:4]), int(digits[4:6]), 1)
        else:
            month = pd.Timestamp(text).to_period("M").to_timestamp()
    except (ValueError, OverflowError, TypeError):
        return None
    if month.year < FIRST_WEB_YEAR or month > pd.Timestamp.now() + pd.Timedelta(days=31):
        return None
    return month


def _views(value: str) -> float | None:
    """A count of views (thousands may be written 1.234, 1,234 or 1 234), or None when it is none."""
    text = re.sub(r"[.,\s]", "", str(value))
    try:
        number = float(text)
    except ValueError:
        return None
    return number if np.isfinite(number) and number >= 0 else None


def export_period(lines: list[str], name: str) -> tuple[pd.Timestamp, pd.Timestamp] | None:
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


def _unzipped(path: Path, name: str) -> str:
    """The text of the page table in a zip as Plausible's export downloads it (pages.csv
    among visitors.csv, sources.csv, ...); the zip's name gives the period."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.rsplit("/", 1)[-1].lower() in ("pages.csv", "top_pages.csv")]
            if not members:
                raise PageviewError(f"{name}: geen pages.csv in het zip-bestand; gevonden: "
                                    + ", ".join(sorted(archive.namelist())[:8]))
            info = archive.getinfo(members[0])
            if info.file_size > MAX_UNZIPPED:
                raise PageviewError(f"{name}: pages.csv in het zip-bestand is te groot om veilig te lezen")
            raw = archive.read(info)
    except zipfile.BadZipFile:
        raise PageviewError(f"{name}: geen leesbaar zip-bestand") from None
    try:
        return decode(raw)
    except UnreadableInput as exc:
        raise PageviewError(f"{name}: {exc}") from None


def read_pageviews(path: Path) -> pd.DataFrame:
    """Views per page path: columns month, path, views (monthly, or one period total).

    Rows are accounted for in ``frame.attrs["skipped"]`` as (line, reason): impossible
    values and dates, and Matomo's folder rows (totals of the pages under them, which are
    rows of their own)."""
    name = Path(path).name
    try:
        if zipfile.is_zipfile(path):
            text = _unzipped(Path(path), name)
        else:
            text = read_text(path)
    except UnreadableInput as exc:
        raise PageviewError(f"{name}: {exc}") from None
    frame, lines = analytics_table(text, name, PageviewError)
    path_col, date_col, views_col = (pick_column(list(frame.columns), n) for n in (PATH, DATE, VIEWS))
    missing = [label for label, col in (("pagina", path_col), ("weergaven", views_col)) if col is None]
    if missing and header_is_data(list(frame.columns)):
        raise PageviewError(f"{name}: de eerste regel is geen kopregel maar gegevens; exporteer opnieuw met "
                            "kolomnamen (pagina en weergaven)")
    if missing and {"klikken", "clicks"} & {normalise(c) for c in frame.columns}:
        raise PageviewError(f"{name}: dit is een Search Console-export (klikken en vertoningen uit Google, geen "
                            "paginaweergaven); geef hem met --search-console")
    if missing:
        raise PageviewError(f"{name}: kolom(men) niet gevonden: {', '.join(missing)}; "
                            f"kolommen: {', '.join(frame.columns)}")
    period = None
    if date_col is None:
        period = export_period(lines, name)
        if period is None:
            raise PageviewError(f"{name}: geen datumkolom en geen periode (in de kopregels of de bestandsnaam); "
                                "exporteer met de dimensie datum of maand, of zet de periode in de bestandsnaam "
                                "(bijvoorbeeld pages_20250101_20251231.csv)")
    months = frame[date_col].map(_month) if date_col else pd.Series(
        period[0].to_period("M").to_timestamp() if period else pd.NaT, index=frame.index)
    views = frame[views_col].map(_views)
    by_url = normalise(path_col or "") == "url"
    folder = frame[path_col].str.strip() == "" if by_url else pd.Series(False, index=frame.index)
    skipped = [(line, reason) for line, month, count, raw, is_folder in zip(
                   range(2, len(frame) + 2), months, views, frame[views_col], folder)
               if (reason := ("map in Matomo's boomweergave (totaal van de pagina's eronder, die apart staan)"
                              if is_folder else
                              "geen geldige datum" if date_col and pd.isna(month) else
                              "" if pd.notna(count) else
                              "geen aantal weergaven" if not str(raw).strip() else
                              "aantal weergaven ongeldig (negatief, geen getal of oneindig)"))]
    keep = views.notna() & ~folder & (months.notna() if date_col else True)
    out = pd.DataFrame({
        "month": pd.to_datetime(months[keep]),
        "path": frame.loc[keep, path_col].map(normalise_path),
        "views": views[keep].astype(float),
    })
    result = out.groupby(["month", "path"], as_index=False)["views"].sum()
    if period is not None:
        result.attrs["period"] = period
    result.attrs["skipped"] = skipped
    return result


def period_total(views: pd.DataFrame) -> bool:
    """Whether the views are one total over a period (no months)."""
    return "period" in views.attrs


def period_text(views: pd.DataFrame) -> str:
    """Dutch: what the views cover, and how many rows of the export were not usable."""
    skipped = views.attrs.get("skipped", [])
    note = f" ({len(skipped)} regels overgeslagen: {skipped[0][1]}, regel {skipped[0][0]})" if skipped else ""
    if period_total(views):
        start, end = views.attrs["period"]
        return (f"paginaweergaven: totaal over {start:%d-%m-%Y} t/m {end:%d-%m-%Y} (export zonder datum, "
                "niet over maanden verdeeld)" + note)
    if views.empty:
        return "paginaweergaven: geen bruikbare regels" + note
    return f"paginaweergaven per maand, {views['month'].min():%m-%Y} t/m {views['month'].max():%m-%Y}" + note
