"""Google Search Console performance exports: what patients search, and which pages they find.

Search Console → Prestaties (Performance) → Exporteren → CSV downloads a zip with one table per
file: ``Query's.csv``/``Queries.csv`` (Populairste zoekopdrachten/Top queries), ``Pagina's.csv``/
``Pages.csv`` (Populairste pagina's/Top pages), ``Datums.csv``/``Dates.csv``, ``Filters.csv`` and
tables this project does not use (countries, devices, search appearance). Each table has Klikken/
Clicks, Vertoningen/Impressions, CTR and Positie/Position. Accepted: the zip, a folder holding its
files, or the CSV files themselves; a table is recognised by its first header, not by the file's
name, so Dutch, English and renamed files all read.

A query or page table may also have a date column, one row per query and day or month, as the
Search Console API, its bulk export and Looker Studio write them: the rows are summed per query
(impression-weighted position) and kept per month in :attr:`SearchExport.query_months`.

The period is the first and last day of the date table; without one, of the dated rows; else the
dates in the export's date filter (Filters.csv); else the period given by the caller; else unknown
(said so). Search
Console withholds rare queries for privacy and lists at most 1,000 rows per table: with a date
table, the share of clicks the query table misses is stated (:attr:`SearchExport.withheld_share`).
Every row is read or skipped with a Dutch reason.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..core.errors import InputError, UnreadableInput
from ..core.lexicons import read_words
from .cells import count, decimal
from .contacts.columns import COLUMNS, normalise
from .textfile import decode
from .urls import normalise_path

ROLES = ("query", "page", "date", "filter", "clicks", "impressions", "ctr", "position")
HEADERS = {role: set(read_words(COLUMNS, f"search {role}")) for role in ROLES}
TABLES = ("query", "page", "date")
MAX_TABLE = 50_000_000  # bytes of one table in a zip
DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{1,2})-(\d{1,2})-(\d{4})")


class SearchConsoleError(InputError):
    """A Search Console export that cannot be read."""


@dataclass
class SearchExport:
    """One Search Console performance export, as tables of its rows."""

    name: str
    queries: pd.DataFrame  # query, clicks, impressions, ctr, position
    pages: pd.DataFrame  # path, clicks, impressions, ctr, position
    dates: pd.DataFrame  # date, clicks, impressions
    period: tuple[pd.Timestamp, pd.Timestamp] | None = None
    period_source: str = ""  # where the period comes from (Dutch)
    files: list[str] = field(default_factory=list)  # the tables read
    ignored: list[str] = field(default_factory=list)  # files of the export not used
    skipped: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, reason)
    query_months: pd.DataFrame | None = None  # query, month, clicks, impressions, position (dated rows only)

    @property
    def withheld_share(self) -> float | None:
        """Share of the period's clicks that the query table does not list (rare queries Search
        Console withholds, and rows past its limit), when a date table gives the total."""
        total = float(self.dates["clicks"].sum()) if len(self.dates) else 0.0
        if total <= 0 or self.queries.empty:
            return None
        return max(0.0, 1 - float(self.queries["clicks"].sum()) / total)

    def describe(self) -> str:
        """Dutch: what was read, for which period, and what was skipped."""
        period = (f"{self.period[0]:%d-%m-%Y} t/m {self.period[1]:%d-%m-%Y} ({self.period_source})" if self.period
                  else "periode onbekend (geen datumtabel en geen datums in het filter; geef hem op)")
        parts = [f"{self.name}: {len(self.queries)} zoekopdrachten, {len(self.pages)} pagina's; {period}"]
        if (share := self.withheld_share) is not None:
            parts.append(f"{round(100 * share)}% van de klikken komt van zoekopdrachten die Search Console niet "
                         "toont (zeldzaam, om privacyredenen weggelaten)")
        if self.skipped:
            file, line, reason = self.skipped[0]
            parts.append(f"{len(self.skipped)} regels overgeslagen (eerste: {file} regel {line}, {reason})")
        if self.ignored:
            parts.append("niet gebruikt: " + ", ".join(self.ignored))
        return "; ".join(parts)


def _role(header: str, roles=ROLES) -> str | None:
    norm = normalise(header)
    return next((r for r in roles if norm in HEADERS[r]), None)


def _rows(text: str) -> list[list[str]]:
    sample = text[:4096]
    delimiter = max((",", ";", "\t"), key=lambda d: sample.split("\n", 1)[0].count(d))
    return [row for row in csv.reader(io.StringIO(text), delimiter=delimiter) if any(c.strip() for c in row)]


def _period_of_filters(rows: list[list[str]]) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    for row in rows[1:]:
        if len(row) >= 2 and normalise(row[0]) in HEADERS["date"]:
            days = []
            for m in DAY.finditer(row[1]):
                y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
                try:
                    days.append(pd.Timestamp(int(y), int(mo), int(d)))
                except ValueError:
                    return None
            if len(days) == 2:
                return min(days), max(days)
    return None


def _key(kind: str) -> str:
    return "path" if kind == "page" else kind


def _frame(kind: str, rows: list[dict], dated: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=[_key(kind)] + (["date"] if dated else [])
                         + ["clicks", "impressions", "ctr", "position"])
    return frame.astype({"clicks": float, "impressions": float, "ctr": float, "position": float})


def _day(text: str) -> tuple[pd.Timestamp | None, bool]:
    """(day, whether the cell names a month) of a date cell: 2026-03-09, 09-03-2026, 20260309, 2026-03, 202603."""
    text = text.strip()
    for fmt, monthly in (("%Y-%m-%d", False), ("%d-%m-%Y", False), ("%Y%m%d", False), ("%Y-%m", True),
                         ("%Y%m", True)):
        day = pd.to_datetime(text, errors="coerce", format=fmt)
        if not pd.isna(day):
            return day, monthly
    return None, False


def _weighted(frame: pd.DataFrame, keys: list, sort: bool):
    """(sums, groups) of rows per *keys*: clicks and impressions added, the position weighted by
    impressions (NaN where a group has none)."""
    grouped = frame.assign(weighted=frame["position"] * frame["impressions"]).groupby(keys, sort=sort)
    out = grouped[["clicks", "impressions"]].sum()
    out["position"] = grouped["weighted"].sum() / out["impressions"].where(out["impressions"] > 0)
    return out, grouped


def _summed(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Dated rows summed per *key* (in the table's order), with the CTR of the sums; a query never
    shown keeps its mean position."""
    out, grouped = _weighted(frame, [key], sort=False)
    out["position"] = out["position"].fillna(grouped["position"].mean())
    out["ctr"] = (out["clicks"] / out["impressions"].where(out["impressions"] > 0)).fillna(0.0)
    return out.reset_index()[[key, "clicks", "impressions", "ctr", "position"]]


def _months(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Dated rows per *key* and calendar month."""
    return _weighted(frame.assign(month=frame["date"].dt.to_period("M")), [key, "month"], sort=True)[0].reset_index()


def _table(file: str, rows: list[list[str]], kind: str, skipped: list) -> tuple[pd.DataFrame, bool]:
    """The rows of one table, and whether its dates are months (a dated query or page table)."""
    header = rows[0]
    columns = {_role(h, ("clicks", "impressions", "ctr", "position")): i for i, h in enumerate(header)}
    key_column = next(i for i, h in enumerate(header) if _role(h, (kind,)))
    date_column = next((i for i, h in enumerate(header) if i != key_column and _role(h, ("date",))), None)
    needed = ["clicks", "impressions"] if kind == "date" else ["clicks", "impressions", "position"]
    missing = [r for r in needed if r not in columns]
    if missing:
        names = {"clicks": "klikken", "impressions": "vertoningen", "position": "positie"}
        raise SearchConsoleError(f"{file}: kolom(men) niet gevonden: {', '.join(names[m] for m in missing)}; "
                                 f"kolommen: {', '.join(header)}")
    out, monthly = [], []
    for line, row in enumerate(rows[1:], start=2):
        cells = row + [""] * (len(header) - len(row))
        key = cells[key_column].strip()
        clicks, shown = count(cells[columns["clicks"]]), count(cells[columns["impressions"]])
        position = decimal(cells[columns["position"]]) if "position" in columns else None
        ctr = decimal(cells[columns["ctr"]]) if "ctr" in columns else None
        when = key if kind == "date" else cells[date_column] if date_column is not None else None
        day, is_month = _day(when) if when is not None else (None, False)
        if kind == "date":
            reason = "geen geldige datum" if day is None or is_month else ""
            value: object = day
        else:
            value = key if kind == "query" else normalise_path(key)
            reason = ("lege zoekopdracht" if kind == "query" and not key else "geen pagina" if not key
                      else "geen geldige datum" if date_column is not None and day is None else "")
        reason = reason or ("aantal klikken of vertoningen ontbreekt of is ongeldig" if clicks is None or shown is None
                            else "meer klikken dan vertoningen" if clicks > shown
                            else "positie ontbreekt of is ongeldig" if kind != "date" and not position else "")
        if reason or clicks is None or shown is None:
            skipped.append((file, line, reason))
            continue
        row_out = {_key(kind): value, "clicks": clicks, "impressions": shown,
                   "ctr": ctr if ctr is not None else (clicks / shown if shown else 0.0), "position": position}
        if date_column is not None:
            row_out["date"] = day
            monthly.append(is_month)
        out.append(row_out)
    return _frame(kind, out, dated=date_column is not None), bool(monthly) and all(monthly)


def _members(path: Path) -> list[tuple[str, bytes]]:
    """(file name, bytes) of the CSV files of one export: a zip, a folder or one CSV."""
    if path.is_dir():
        return [(p.name, p.read_bytes()) for p in sorted(path.iterdir()) if p.suffix.lower() == ".csv"]
    if zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                infos = [i for i in archive.infolist() if i.filename.lower().endswith(".csv") and not i.is_dir()]
                too_big = [i.filename for i in infos if i.file_size > MAX_TABLE]
                if too_big:
                    raise SearchConsoleError(f"{path.name}: {too_big[0]} in het zip-bestand is te groot om veilig te "
                                             "lezen")
                return [(i.filename.rsplit("/", 1)[-1], archive.read(i)) for i in infos]
        except zipfile.BadZipFile:
            raise SearchConsoleError(f"{path.name}: geen leesbaar zip-bestand") from None
    return [(path.name, path.read_bytes())]


def read_search_console(paths: list[Path], period: tuple[pd.Timestamp, pd.Timestamp] | None = None) -> SearchExport:
    """One export from *paths* (a zip, a folder, or the export's CSV files); *period*: the period
    to assume when the export names none."""
    paths = [Path(p) for p in paths]
    name = paths[0].name if len(paths) == 1 else f"{paths[0].name} (+{len(paths) - 1})"
    tables: dict[str, pd.DataFrame] = {}
    files: list[str] = []
    ignored: list[str] = []
    skipped: list[tuple[str, int, str]] = []
    filters: list[list[str]] = []
    monthly: dict[str, bool] = {}
    for path in paths:
        if not path.exists():
            raise SearchConsoleError(f"{path.name}: niet gevonden")
        for file, raw in _members(path):
            try:
                rows = _rows(decode(raw))
            except UnreadableInput as exc:
                raise SearchConsoleError(f"{file}: {exc}") from None
            roles = {_role(h, TABLES + ("filter",)) for h in rows[0]} if rows else set()
            kind = next((k for k in ("filter",) + TABLES if k in roles), None)
            if kind == "filter":
                filters = rows
            elif kind is None or kind in tables:
                ignored.append(file)
            else:
                tables[kind], monthly[kind] = _table(file, rows, kind, skipped)
                files.append(file)
    if "query" not in tables and "page" not in tables:
        hint = (" Dit lijkt een export van paginaweergaven of bestemmingspagina's, geen Search Console-export."
                if any(f.lower().startswith(("page", "pagina", "bestemming", "landing")) for f in ignored) else "")
        raise SearchConsoleError(f"{name}: geen tabel met zoekopdrachten of pagina's gevonden (Populairste "
                                 "zoekopdrachten/Top queries, Populairste pagina's/Top pages); gevonden: "
                                 + (", ".join(ignored) or "geen CSV-bestanden") + "." + hint)
    dates = tables.get("date", _frame("date", []))[["date", "clicks", "impressions"]]
    dated = {k: tables[k] for k in ("query", "page") if k in tables and "date" in tables[k]}
    query_months = _months(dated["query"], "query") if "query" in dated else None
    for kind, frame in dated.items():
        tables[kind] = _summed(frame, _key(kind))
    found, source = None, ""
    if len(dates):
        found, source = (dates["date"].min(), dates["date"].max()), "uit de datumtabel"
    elif dated and any(len(f) for f in dated.values()):
        days = pd.concat([f["date"] for f in dated.values()])
        last = days.max() + pd.offsets.MonthEnd(0) if all(monthly[k] for k in dated) else days.max()
        found, source = (days.min(), last), "uit de datums per rij"
    elif (from_filter := _period_of_filters(filters)) is not None:
        found, source = from_filter, "uit het datumfilter van de export"
    elif period is not None:
        found, source = period, "opgegeven"
    return SearchExport(name, tables.get("query", _frame("query", [])), tables.get("page", _frame("page", [])), dates,
                        found, source, files, ignored, skipped, query_months)
