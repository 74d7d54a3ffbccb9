"""Import contact-form exports safely: detect columns, parse dates, scrub, report.

Only the minimal, scrubbed dataset leaves this module: timestamp, text (subject and
message, scrubbed) and page (path only). Every input row is accounted for
in the :class:`ContactReport`: imported, skipped (with line number and reason) or
duplicate (same time and same text as an earlier row).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from ...core.dates import TIMEZONE
from ...core.errors import ContactFileError, DateError, InputError
from ...core.parallel import map_chunks
from ...core.spreadsheet import neutralise_frame
from ...privacy import scrub
from .columns import detect_columns
from .dates import parse_timestamp
from .reader import read_rows

PARALLEL_FROM = 50_000  # rows; below this a second process costs more than it saves
EARLIEST = pd.Timestamp("1995-01-01", tz="UTC")  # no practice had a web contact form before this


@dataclass
class FileReport:
    file: str
    rows: int = 0
    imported: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (line, first line)
    columns: dict = field(default_factory=dict)
    date_formats: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def reconciles(self) -> bool:
        return self.rows == self.imported + len(self.skipped) + len(self.duplicates)


@dataclass
class ContactReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return sum(f.imported for f in self.files)

    @property
    def ok(self) -> bool:
        return self.imported > 0

    def to_dict(self) -> dict:
        return {"imported": self.imported,
                "rows": sum(f.rows for f in self.files),
                "skipped": sum(len(f.skipped) for f in self.files),
                "duplicates": sum(len(f.duplicates) for f in self.files),
                "files": [asdict(f) | {"reconciles": f.reconciles} for f in self.files]}

    def render(self) -> str:
        lines = []
        for f in self.files:
            if f.error:
                lines.append(f"{f.file}: niet ingelezen — {f.error}")
                continue
            roles = ", ".join(f"{k} = '{v}'" for k, v in f.columns["roles"].items())
            lines.append(f"{f.file}: {f.rows} rijen, {f.imported} ingelezen, "
                         f"{len(f.skipped)} overgeslagen, {len(f.duplicates)} dubbel")
            lines.append(f"  kolommen: {roles}")
            if f.columns["personal"]:
                lines.append("  verwijderd (persoonsgegevens): " + ", ".join(f.columns["personal"]))
            if f.columns["unused"]:
                lines.append("  niet gebruikt: " + ", ".join(f.columns["unused"]))
            if len(f.date_formats) > 1:
                lines.append("  let op: datums in verschillende notaties (ISO en Nederlands)")
            for line, reason in f.skipped[:20]:
                lines.append(f"  regel {line}: overgeslagen, {reason}")
            if len(f.skipped) > 20:
                lines.append(f"  ... en nog {len(f.skipped) - 20} overgeslagen regels")
            for line, first in f.duplicates[:20]:
                lines.append(f"  regel {line}: dubbele inzending van regel {first}")
        lines.append(f"Totaal: {self.imported} contacten ingelezen")
        return "\n".join(lines)


def _page_path(value: str) -> str:
    """The path of the page the form was sent from (no domain, query or fragment)."""
    value = value.strip()
    if value.startswith("www."):
        value = "//" + value
    if "://" in value or value.startswith("/"):
        value = urlsplit(value).path or "/"
    return scrub(value)  # a path can hold personal data too (/bedankt/jan@example.nl/)


def _cell(cells: list[str], index: dict[str, int], role: str) -> str:
    k = index.get(role)
    return cells[k].strip() if k is not None and k < len(cells) else ""


def _read_file(path: Path, override: dict | None, report: FileReport) -> list[dict]:
    headers, rows = read_rows(path)
    cols = detect_columns(headers, override)
    report.columns = cols
    roles = cols["roles"]
    if "date" not in roles:
        raise ContactFileError(
            "geen datumkolom gevonden; kolommen: " + ", ".join(headers)
            + " (verkeerd scheidingsteken? geef de kolom op met --columns date=NAAM)")
    index = {role: headers.index(h) for role, h in roles.items()}
    records: list[dict] = []
    seen: dict[tuple, int] = {}
    formats: set[str] = set()
    for line, cells in rows:
        report.rows += 1
        if not any(c.strip() for c in cells):
            report.skipped.append((line, "lege regel"))
            continue
        raw_date = _cell(cells, index, "date")
        if not raw_date:
            report.skipped.append((line, f"kolom '{roles['date']}': geen datum"))
            continue
        if _cell(cells, index, "time") and len(raw_date) <= 10:
            raw_date = f"{raw_date} {_cell(cells, index, 'time')}"
        try:
            stamp, fmt = parse_timestamp(raw_date)
        except DateError as exc:
            report.skipped.append((line, f"kolom '{roles['date']}': {exc}"))  # never the cell itself
            continue
        formats.add(fmt)
        message, subject = _cell(cells, index, "message"), _cell(cells, index, "subject")
        key = (stamp, subject, message)
        if key in seen:
            report.duplicates.append((line, seen[key]))
            continue
        seen[key] = line
        records.append({"timestamp": stamp, "text": (subject, message),
                        "page": _page_path(_cell(cells, index, "page")), "line": line})
    report.date_formats = sorted(formats)
    records = _plausible(records, report, roles["date"])
    report.imported = len(records)
    return records


def _plausible(records: list[dict], report: FileReport, column: str) -> list[dict]:
    """Records whose date is plausible: not in the future, not before 1995, and not a few
    stray rows more than a year before the body of the export (at most 1%, or 3, of the rows,
    separated from the rest by a gap of over a year). The others are skipped with their line
    numbers, never used silently."""
    if not records:
        return records
    stamps = pd.to_datetime(pd.Series([r["timestamp"] for r in records]), utc=True)
    now = pd.Timestamp.now(tz="UTC") + pd.Timedelta(days=1)
    body = stamps[(stamps <= now) & (stamps >= EARLIEST)].sort_values().reset_index(drop=True)
    start = EARLIEST
    stray = max(3, len(body) // 100)
    for i in range(min(stray, len(body) - 1)):
        if body[i + 1] - body[i] > pd.Timedelta(days=365):
            start = body[i + 1]
    kept = []
    for record, stamp in zip(records, stamps):
        if stamp > now:
            report.skipped.append((record["line"], f"kolom '{column}': datum ligt in de toekomst"))
        elif stamp < start:
            report.skipped.append((record["line"], f"kolom '{column}': datum ligt ver voor de rest "
                                                   "van de export (onwaarschijnlijk)"))
        else:
            kept.append(record)
    report.skipped.sort()
    return kept


def _scrub(pairs: list[tuple[str, str]]) -> list[str]:
    """Scrubbed text of (subject, message) pairs: the raw text goes no further."""
    return [" — ".join(scrub(t) for t in pair if t) for pair in pairs]


def import_contacts(paths: list[Path], columns: dict[str, str] | None = None
                    ) -> tuple[pd.DataFrame, ContactReport]:
    """Read and scrub contact exports; returns (minimal dataset: timestamp, text, page; report).
    Topics are added by :func:`analysis.text.contact_topics.tag_contacts`."""
    report, records = ContactReport(), []
    for path in map(Path, paths):
        file_report = FileReport(file=path.name)
        report.files.append(file_report)
        try:
            records.extend(_read_file(path, columns, file_report))
        except InputError as exc:
            file_report.error = str(exc)
    frame = pd.DataFrame(records, columns=["timestamp", "text", "page", "line"]).drop(columns="line")
    frame = frame.sort_values("timestamp", kind="stable").reset_index(drop=True)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True).dt.tz_convert(TIMEZONE)
    frame["text"] = map_chunks(_scrub, frame["text"].tolist(), PARALLEL_FROM)
    return frame, report


def _iso(stamp: pd.Timestamp) -> str:
    """ISO 8601 with a whole-minute offset (historic Amsterdam time, +00:19:32 before
    1940, is written in UTC), so that every written timestamp reads back."""
    if stamp.utcoffset() is not None and stamp.utcoffset().total_seconds() % 60:
        stamp = stamp.tz_convert("UTC")
    return stamp.isoformat()


def save_contacts(frame: pd.DataFrame, path: Path) -> None:
    """Write the minimal, scrubbed dataset (never the raw export)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = neutralise_frame(frame)
    out["timestamp"] = frame["timestamp"].map(_iso)
    out.to_csv(path, index=False)


def load_contacts(path: Path) -> pd.DataFrame:
    """Read a dataset written by :func:`save_contacts`."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True).dt.tz_convert(TIMEZONE)
    return frame
