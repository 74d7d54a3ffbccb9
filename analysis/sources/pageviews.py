"""Page views: GA4 or Matomo CSV exports, read into monthly views per page path.

Accepted exports, per page and per day or month:
- GA4 "Pages and screens" (English or Dutch interface): ``Page path and screen
  class`` / ``Paginapad en schermklasse``, ``Date`` (YYYYMMDD) or ``Year month``
  (YYYYMM) / ``Datum`` / ``Jaar maand``, ``Views`` / ``Weergaven``; lines starting
  with ``#`` are GA4's header notes.
- Matomo "Page URLs" with a date column: ``Date``, ``Label`` (or ``URL``),
  ``Pageviews`` / ``nb_hits`` / ``Paginaweergaven``.
"""
from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from ..core.errors import PageviewError, UnreadableInput
from .contacts.columns import normalise
from .textfile import read_text

PATH = ["pagepathandscreenclass", "paginapadenschermklasse", "pagepath", "paginapad", "label",
        "url", "pageurl"]
DATE = ["date", "datum", "yearmonth", "jaarmaand", "month", "maand"]
VIEWS = ["views", "weergaven", "pageviews", "nbhits", "paginaweergaven", "screenpageviews"]


def _pick(columns: list[str], names: list[str]) -> str | None:
    by_norm = {normalise(c): c for c in columns}
    return next((by_norm[n] for n in names if n in by_norm), None)


def _month(value: str) -> pd.Timestamp:
    text = str(value).strip()
    digits = text.replace("-", "")
    if digits.isdigit() and len(digits) in (6, 8):
        return pd.Timestamp(int(digits[:4]), int(digits[4:6]), 1)
    return pd.Timestamp(text).to_period("M").to_timestamp()


def read_pageviews(path: Path) -> pd.DataFrame:
    """Monthly views per page path: columns month, path, views."""
    try:
        text = read_text(path)
    except UnreadableInput as exc:
        raise PageviewError(f"{Path(path).name}: {exc}") from None
    lines = [line for line in text.split("\n") if not line.startswith("#")]
    body = "\n".join(lines).strip()
    if not body:
        raise PageviewError(f"{Path(path).name}: geen gegevens")
    sep = ";" if body.split("\n", 1)[0].count(";") > body.split("\n", 1)[0].count(",") else ","
    frame = pd.read_csv(io.StringIO(body), sep=sep, dtype=str, keep_default_na=False)
    path_col, date_col, views_col = (_pick(list(frame.columns), n) for n in (PATH, DATE, VIEWS))
    missing = [name for name, col in (("pagina", path_col), ("datum", date_col), ("weergaven", views_col))
               if col is None]
    if missing:
        raise PageviewError(f"{Path(path).name}: kolom(men) niet gevonden: {', '.join(missing)}; "
                            f"kolommen: {', '.join(frame.columns)}")
    out = pd.DataFrame({
        "month": frame[date_col].map(_month),
        "path": frame[path_col].map(lambda p: urlsplit(p.strip()).path or "/"),
        "views": pd.to_numeric(frame[views_col].str.replace(r"[.\s]", "", regex=True), errors="coerce"),
    }).dropna(subset=["views"])
    return out.groupby(["month", "path"], as_index=False)["views"].sum()
