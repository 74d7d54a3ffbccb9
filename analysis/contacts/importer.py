"""Import contact-form exports safely: detect columns, parse dates, scrub, tag, report.

Only the minimal, scrubbed dataset leaves this module: timestamp, text (subject and
message, scrubbed), page (path only) and topics. Every input row is accounted for
in the :class:`ContactReport`: imported, skipped (with line number and reason) or
duplicate (same time and same text as an earlier row).
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pandas as pd

from ..nlp import load_pipeline
from ..privacy import scrub
from ..topics import TopicTagger
from .columns import detect_columns
from .dates import DateError, parse_timestamp
from .reader import ContactFileError, read_rows

COLUMNS = ["timestamp", "text", "page", "topics", "message_topics", "page_topics"]
PARALLEL_FROM = 50_000  # rows; below this a second process costs more than it saves
WORKERS = 2


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
        return urlsplit(value).path or "/"
    return scrub(value)


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
    records, seen, formats = [], {}, set()
    for line, cells in rows:
        report.rows += 1
        if not any(c.strip() for c in cells):
            report.skipped.append((line, "lege regel"))
            continue
        raw_date = _cell(cells, index, "date")
        if not raw_date:
            report.skipped.append((line, "geen datum"))
            continue
        if _cell(cells, index, "time") and len(raw_date) <= 10:
            raw_date = f"{raw_date} {_cell(cells, index, 'time')}"
        try:
            stamp, fmt = parse_timestamp(raw_date)
        except DateError as exc:
            report.skipped.append((line, str(exc)))
            continue
        formats.add(fmt)
        message, subject = _cell(cells, index, "message"), _cell(cells, index, "subject")
        key = (stamp, subject, message)
        if key in seen:
            report.duplicates.append((line, seen[key]))
            continue
        seen[key] = line
        records.append({"timestamp": stamp, "text": (subject, message),
                        "page": _page_path(_cell(cells, index, "page"))})
        report.imported += 1
    report.date_formats = sorted(formats)
    return records


def _scrub_and_tag(pairs: list[tuple[str, str]], tag: bool = True) -> list[tuple[str, list[str]]]:
    """(scrubbed text, topics) of (subject, message) pairs: the raw text goes no further."""
    texts = [" — ".join(scrub(t) for t in pair if t) for pair in pairs]
    if not tag:
        return [(t, []) for t in texts]
    tags = TopicTagger().tag_messages(texts, load_pipeline())
    return [(t, g["topics"]) for t, g in zip(texts, tags)]


def _scrub_and_tag_all(pairs: list[tuple[str, str]], tag: bool) -> list[tuple[str, list[str]]]:
    """Both cores for large exports (forked workers share the loaded pipeline)."""
    if len(pairs) < PARALLEL_FROM:
        return _scrub_and_tag(pairs, tag)
    load_pipeline()
    size = -(-len(pairs) // (WORKERS * 4))
    chunks = [pairs[i: i + size] for i in range(0, len(pairs), size)]
    with ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("fork")) as pool:
        return [r for part in pool.map(_scrub_and_tag, chunks, [tag] * len(chunks)) for r in part]


def _tag(frame: pd.DataFrame, message_topics: list[list[str]]) -> pd.DataFrame:
    nlp, tagger = load_pipeline(), TopicTagger()
    pages = frame["page"].str.replace(r"[/_-]+", " ", regex=True).str.strip()
    unique = sorted(set(pages) - {""})
    page_tags = dict(zip(unique, (t["topics"] for t in tagger.tag_messages(unique, nlp))))
    page_topics = [page_tags.get(p, []) for p in pages]
    frame["message_topics"] = [";".join(t) for t in message_topics]
    frame["page_topics"] = [";".join(t) for t in page_topics]
    frame["topics"] = [";".join(dict.fromkeys(m + p)) for m, p in zip(message_topics, page_topics)]
    return frame


def import_contacts(paths: list[Path], columns: dict[str, str] | None = None,
                    tag: bool = True) -> tuple[pd.DataFrame, ContactReport]:
    """Read, scrub and tag contact exports; returns (minimal dataset, report)."""
    report, records = ContactReport(), []
    for path in map(Path, paths):
        file_report = FileReport(file=path.name)
        report.files.append(file_report)
        try:
            records.extend(_read_file(path, columns, file_report))
        except (ContactFileError, ValueError) as exc:
            file_report.error = str(exc)
    frame = pd.DataFrame(records, columns=["timestamp", "text", "page"])
    frame = frame.sort_values("timestamp", kind="stable").reset_index(drop=True)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True).dt.tz_convert("Europe/Amsterdam")
    processed = _scrub_and_tag_all(frame["text"].tolist(), tag)
    frame["text"] = [text for text, _ in processed]
    if tag:
        frame = _tag(frame, [topics for _, topics in processed])
    else:
        frame[["message_topics", "page_topics", "topics"]] = ""
    return frame[COLUMNS], report


def save_contacts(frame: pd.DataFrame, path: Path) -> None:
    """Write the minimal, scrubbed dataset (never the raw export)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out = frame.copy()
    out["timestamp"] = out["timestamp"].map(lambda t: t.isoformat())
    out.to_csv(path, index=False)


def load_contacts(path: Path) -> pd.DataFrame:
    """Read a dataset written by :func:`save_contacts`."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True).dt.tz_convert("Europe/Amsterdam")
    return frame
