"""Import contact-form exports safely: detect columns, parse dates, scrub, report.

Only the minimal, scrubbed dataset leaves this module: timestamp, text (subject and
message, scrubbed) and page (path only). Every input row is accounted for
in the :class:`ContactReport`: imported, skipped (with line number and reason) or
duplicate (the same submission as an earlier row; see :class:`Identity`).
"""
from __future__ import annotations

import hashlib
import os
import re
from concurrent.futures import Executor
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd

from ...core.dates import FIRST_WEB_YEAR, TIMEZONE
from ...core.errors import ContactFileError, DateError, InputError
from ...core.formatting import nl_number
from ...core.parallel import map_with, worker_pool
from ...core.spreadsheet import neutralise_frame
from ...privacy import Known, file_label, scrub, scrub_path
from ...privacy.deidentify import deduce_model, release_deduce
from ..urls import normalise_path
from .columns import detect_columns, entry_id_column, guess_message_column, header_is_data, known_value_kind, normalise
from .dates import DateOrder, date_order, has_time, parse_timestamp
from .reader import Rows, read_rows

PARALLEL_FROM = 20_000  # rows; below this a second process costs more than it saves
CHUNK = 50_000  # rows read and scrubbed at a time
EARLIEST = pd.Timestamp(FIRST_WEB_YEAR, 1, 1, tz="UTC")
SECURITY_ALERT = re.compile(r"^\s*\(Security Alert:[^)]*\)\s*", re.I)  # Flamingo's mark of suspected spam
MAX_MESSAGE = 20_000  # characters kept of one message (a long letter is 5,000); the rest is cut off, with a note


@dataclass
class FileReport:
    file: str
    rows: int = 0
    imported: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, int]] = field(default_factory=list)  # (line, first line)
    columns: dict = field(default_factory=dict)
    date_formats: list[str] = field(default_factory=list)
    date_order: str = ""  # how numeric dates were read, and why (Dutch)
    notes: list[str] = field(default_factory=list)  # how the file was read (Dutch): sheet, broken bytes
    duplicate_basis: str = ""  # on what two rows count as one submission (Dutch)
    truncated: list[int] = field(default_factory=list)  # lines whose message was cut at MAX_MESSAGE
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
            if f.columns.get("other_dates"):
                lines.append(f"  inzenddatum: '{f.columns['roles']['date']}'; niet gebruikt als inzenddatum: "
                             + ", ".join(f"'{h}'" for h in f.columns["other_dates"]))
            if f.columns["personal"]:
                lines.append("  verwijderd (persoonsgegevens): " + ", ".join(f.columns["personal"]))
            if f.columns["unused"]:
                lines.append("  niet gebruikt: " + ", ".join(f.columns["unused"]))
            if "numeriek" in f.date_formats and f.date_order:
                lines.append(f"  {f.date_order}")
            for note in f.notes:
                lines.append(f"  let op: {note}")
            if f.truncated:
                lines.append(f"  let op: {len(f.truncated)} bericht(en) langer dan {nl_number(MAX_MESSAGE, 0)} tekens "
                             f"ingekort (regel {', '.join(map(str, f.truncated[:10]))})")
            if len(f.date_formats) > 1:
                lines.append("  let op: datums in verschillende notaties (" + ", ".join(f.date_formats) + ")")
            for line, reason in f.skipped[:20]:
                lines.append(f"  regel {line}: overgeslagen, {reason}")
            if len(f.skipped) > 20:
                lines.append(f"  ... en nog {len(f.skipped) - 20} overgeslagen regels")
            if f.duplicate_basis:
                lines.append(f"  dubbele inzendingen: {f.duplicate_basis}")
            for line, first in f.duplicates[:20]:
                lines.append(f"  regel {line}: dubbele inzending van regel {first}")
        lines.append(f"Totaal: {self.imported} contacten ingelezen")
        return "\n".join(lines)


def _page_path(value: str, known: Known) -> str:
    """The path of the page the form was sent from (no domain, query or fragment), scrubbed:
    a path can hold personal data too (/bedankt/jan@example.nl/, /bedankt/klaas-bakker/)."""
    value = value.strip()
    if "://" in value or value.startswith(("/", "www.")):
        value = normalise_path(value)
    return scrub_path(value, known) if value else value


def _cell(cells: list[str], index: dict[str, int], role: str) -> str:
    k = index.get(role)
    return cells[k].strip() if k is not None and k < len(cells) else ""


RECORD_COLUMNS = ["timestamp", "text", "page", "line"]  # a scrubbed chunk, as a frame of Arrow-backed text


SAMPLE_ROWS = 500  # rows looked at to recognise a message column by its content


def _first_pass(path: Path, date_column: int) -> tuple[DateOrder, list[list[str]]]:
    """How the export writes numeric dates, and its first rows (to recognise columns by
    content). Reads the file once more, stopping as soon as the date order is settled."""
    rows = read_rows(path).rows
    samples: list[list[str]] = []

    def dates():
        for line, cells in rows:
            if len(samples) < SAMPLE_ROWS:
                samples.append(cells)
            if date_column < len(cells):
                yield line, cells[date_column]

    order = date_order(dates())
    for _, cells in rows:  # fill the sample when the order was settled early
        if len(samples) >= SAMPLE_ROWS:
            break
        samples.append(cells)
    if hasattr(rows, "close"):
        rows.close()
    return order, samples


def _message_check(headers: list[str], cols: dict, samples: list[list[str]]) -> None:
    """No message column: name the likely one and ask to confirm it, never import empty messages."""
    if "message" in cols["roles"] or cols.get("no_message"):
        return
    mapping = ", ".join(f"{role} = '{h}'" for role, h in cols["roles"].items())
    guess = guess_message_column(headers, cols, samples)
    date = cols["roles"]["date"]
    if guess:
        header, mean = guess
        raise ContactFileError(
            f"geen kolom met berichten herkend (gevonden: {mapping}). De kolom '{header}' lijkt de berichten "
            f"te bevatten (gemiddeld {mean} tekens). Klopt dat? Lees dan opnieuw in met "
            f"--columns '{_option('date', date)},{_option('message', header)}'")
    raise ContactFileError(
        f"geen kolom met berichten gevonden (gevonden: {mapping}; kolommen: {', '.join(headers)}). Geef die op "
        f"met --columns '{_option('date', date)},message=NAAM', of met message=- als de export geen berichten heeft")


def _option(role: str, header: str) -> str:
    """role=header for --columns, the header in double quotes when it holds a comma or a quote."""
    return f'{role}="{header}"' if any(c in header for c in ",'") else f"{role}={header}"


def _read_file(path: Path, override: dict | None, report: FileReport, order: str | None = None
               ) -> pd.DataFrame:
    """The scrubbed records of one export (RECORD_COLUMNS), read and scrubbed CHUNK rows at a time,
    so that the raw export is never held in memory whole."""
    read = read_rows(path)
    try:
        return _read_rows(path, read, override, report, order)
    finally:
        read.close()


def _read_rows(path: Path, read: Rows, override: dict | None, report: FileReport, order: str | None
               ) -> pd.DataFrame:
    headers, rows = read.headers, read.rows
    report.notes.extend(read.notes)
    if header_is_data(headers):  # never echo it: the first row is then a patient's submission
        raise ContactFileError(
            "de eerste regel is geen kopregel maar een inzending (er staat een datum, e-mailadres, "
            "telefoonnummer of lange tekst in); exporteer opnieuw met kolomnamen, of zet een kopregel boven de "
            "gegevens, bijvoorbeeld: Datum;Naam;E-mail;Bericht")
    if len(headers) == 1 and not override:
        raise ContactFileError(f"maar één kolom gevonden ('{headers[0]}'): verkeerd scheidingsteken? "
                               "Sla de export op als CSV met komma's of puntkomma's")
    cols = detect_columns(headers, override)
    report.columns = cols
    roles = cols["roles"]
    if "date" not in roles:
        raise ContactFileError(
            "geen datumkolom gevonden; kolommen: " + ", ".join(headers)
            + " (verkeerd scheidingsteken? geef de kolom op met --columns date=NAAM)")
    found_order, samples = _first_pass(path, headers.index(roles["date"]))
    _message_check(headers, cols, samples)
    chosen = DateOrder(order, "opgegeven met --date-order") if order else found_order
    report.date_order = chosen.text()
    index = {role: headers.index(h) for role, h in roles.items()}
    known_columns = [(headers.index(h), kind) for h in cols["personal"] if (kind := known_value_kind(h))]
    entry_id = entry_id_column(cols["unused"])
    identity = Identity(headers.index(entry_id) if entry_id else None,
                        [headers.index(h) for h in cols["personal"]], "utc" in normalise(roles["date"]))
    report.duplicate_basis = identity.basis(entry_id)
    records: list[pd.DataFrame] = []  # one per chunk: compact columns, not a Python object per cell
    chunk: list[dict] = []
    seen: dict[bytes, int] = {}  # digest of (time, subject, message) -> first line
    formats: set[str] = set()
    overfull: list[int] = []  # lines with more cells than the header names: their extra cells are not read
    with ExitStack() as stack:
        pool = None  # forked once, at the first full chunk: small exports never fork
        for line, cells in rows:
            if len(cells) > len(headers) and any(c.strip() for c in cells[len(headers):]):
                overfull.append(line)
            if len(chunk) >= CHUNK:
                pool = pool or stack.enter_context(worker_pool(deduce_model))
                records.append(_scrubbed(chunk, pool))
                chunk = []
            _row(line, cells, index, roles, known_columns, report, seen, formats, chunk, chosen.order, identity)
        records.append(_scrubbed(chunk, pool if len(chunk) >= PARALLEL_FROM else None))
    if pool is not None:
        release_deduce()  # a large import is done with it: its memory goes back before tagging
    report.date_formats = sorted(formats)
    if overfull:
        report.notes.append(_overfull_note(overfull))
    frame = _plausible(_joined(records), report, roles["date"])
    report.imported = len(frame)
    return frame


def _overfull_note(lines: list[int]) -> str:
    """Dutch: which lines have more values than the header has columns (never their cells)."""
    shown = ", ".join(map(str, lines[:10])) + (f" en {len(lines) - 10} meer" if len(lines) > 10 else "")
    rows = "regel" if len(lines) == 1 else "regels"
    return (f"{len(lines)} {rows} met meer waarden dan de kopregel kolommen heeft ({shown}): de waarden na de "
            "laatste kolom zijn niet ingelezen (een puntkomma of komma in een bericht zonder aanhalingstekens?); "
            "exporteer opnieuw als CSV met aanhalingstekens")


@dataclass(frozen=True)
class Identity:
    """What makes a row one patient's submission: the tool's entry number when the export has
    one, else the time, the text and the sender's own cells (hashed, never kept). Rows that
    carry only a date and no sender are never merged: different patients write the same
    'Graag een afspraak.' on one day."""
    entry_id: int | None
    personal: list[int]
    utc: bool  # the date column is in UTC (Typeform's 'Submit Date (UTC)')

    def basis(self, entry_id: str | None) -> str:
        if self.entry_id is not None:
            return f"zelfde inzendingsnummer (kolom '{entry_id}')"
        if self.personal:
            return "zelfde tijdstip, tekst en afzender"
        return ("zelfde tijdstip en tekst (de export heeft geen afzender); rijen met alleen een datum worden "
                "nooit samengevoegd")

    def key(self, cells: list[str], stamp, timed: bool, subject: str, message: str) -> bytes | None:
        """The digest two copies of one submission share, or None when the row cannot be told apart."""
        if self.entry_id is not None and self.entry_id < len(cells) and cells[self.entry_id].strip():
            parts = ["id", cells[self.entry_id].strip()]
        else:
            sender = [cells[k].strip().lower() for k in self.personal if k < len(cells)]
            if not timed and not any(sender):
                return None
            parts = [stamp.isoformat(), subject, message, *sender]
        return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=12).digest()


def _row(line: int, cells: list[str], index: dict, roles: dict, known_columns: list, report: FileReport,
         seen: dict, formats: set, chunk: list, order: str = "dmy", identity: Identity | None = None) -> None:
    """Account for one row: skipped (with its reason), a duplicate, or added to *chunk*."""
    report.rows += 1
    if not any(c.strip() for c in cells):
        report.skipped.append((line, "lege regel"))
        return
    raw_date = _cell(cells, index, "date")
    if not raw_date:
        report.skipped.append((line, f"kolom '{roles['date']}': geen datum"))
        return
    if _cell(cells, index, "time") and len(raw_date) <= 10:
        raw_date = f"{raw_date} {_cell(cells, index, 'time')}"
    try:
        stamp, fmt = parse_timestamp(raw_date, order, utc=identity is not None and identity.utc)
    except DateError as exc:
        report.skipped.append((line, f"kolom '{roles['date']}': {exc}"))  # never the cell itself
        return
    formats.add(fmt)
    message = SECURITY_ALERT.sub("", _cell(cells, index, "message"))
    subject = SECURITY_ALERT.sub("", _cell(cells, index, "subject"))
    if len(message) > MAX_MESSAGE:
        report.truncated.append(line)
        message = message[:MAX_MESSAGE]
    key = (identity or Identity(None, [], False)).key(cells, stamp, has_time(raw_date), subject, message)
    if key is not None and key in seen:
        report.duplicates.append((line, seen[key]))
        return
    if key is not None:
        seen[key] = line
    known = _known(cells, known_columns)
    chunk.append({"timestamp": stamp, "text": (subject, message, known),
                  "page": _page_path(_cell(cells, index, "page"), known), "line": line})


def _plausible(records: pd.DataFrame, report: FileReport, column: str) -> pd.DataFrame:
    """Records whose date is plausible: not in the future, not before 1995, and not a few
    stray rows more than a year before the body of the export (at most 1%, or 3, of the rows,
    separated from the rest by a gap of over a year). The others are skipped with their line
    numbers, never used silently."""
    if records.empty:
        return records
    stamps = records["timestamp"]
    now = pd.Timestamp.now(tz="UTC") + pd.Timedelta(days=1)
    body = stamps[(stamps <= now) & (stamps >= EARLIEST)].sort_values().reset_index(drop=True)
    start = EARLIEST
    stray = max(3, len(body) // 100)
    for i in range(min(stray, len(body) - 1)):
        if body[i + 1] - body[i] > pd.Timedelta(days=365):
            start = body[i + 1]
    future, early = stamps > now, (stamps < start) & (stamps <= now)
    report.skipped.extend((int(line), f"kolom '{column}': datum ligt in de toekomst")
                          for line in records.loc[future, "line"])
    report.skipped.extend((int(line), f"kolom '{column}': datum ligt ver voor de rest van de export "
                                      "(onwaarschijnlijk)") for line in records.loc[early, "line"])
    report.skipped.sort()
    return records[~(future | early)]


ADDRESS = re.compile(r"<?\s*([\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*>?")


def _known(cells: list[str], columns: list[tuple[int, str]]) -> Known:
    """The row's own name, e-mail and phone cells, to scrub from its message. A cell such
    as Flamingo's From ("Jan de Vries <jan@example.nl>") gives a name and an address."""
    values: dict[str, list[str]] = {"name": [], "email": [], "phone": []}
    for k, kind in columns:
        if k < len(cells) and cells[k].strip():
            value = cells[k].strip()
            values["email"].extend(ADDRESS.findall(value))
            rest = ADDRESS.sub(" ", value).strip(' "')
            if rest and kind != "email":
                values[kind].append(rest)
    return Known.of(" ".join(values["name"]), " ".join(values["email"]), "/".join(values["phone"]))


def _scrubbed(chunk: list[dict], pool: Executor | None) -> pd.DataFrame:
    """The chunk's records (RECORD_COLUMNS) with scrubbed text: the raw text and the form's own
    personal data go no further. Text is kept in Arrow's compact strings and the times as one
    array: a million records as Python objects took over a gigabyte."""
    texts = map_with(pool, _scrub, [r["text"] for r in chunk])
    return pd.DataFrame({"timestamp": pd.to_datetime([r["timestamp"] for r in chunk], utc=True),
                         "text": pd.array(texts, dtype="str"),
                         "page": pd.array([r["page"] for r in chunk], dtype="str"),
                         "line": pd.array([r["line"] for r in chunk], dtype="int64")}, columns=RECORD_COLUMNS)


def _joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Scrubbed chunks as one frame (RECORD_COLUMNS, also when there are none)."""
    return pd.concat([f for f in frames if len(f)] or [_scrubbed([], None)], ignore_index=True)


def _scrub(rows: list[tuple[str, str, Known]]) -> list[str]:
    """Scrubbed text of (subject, message, known values): the raw text goes no further."""
    return [" — ".join(scrub(t, known) for t in (subject, message) if t) for subject, message, known in rows]


def import_contacts(paths: list[Path], columns: dict[str, str] | None = None, date_order: str | None = None
                    ) -> tuple[pd.DataFrame, ContactReport]:
    """Read and scrub contact exports; returns (minimal dataset: timestamp, text, page; report).
    *date_order* ('dmy' or 'mdy') overrides the order found per file.
    Topics are added by :func:`analysis.text.contact_topics.tag_contacts`."""
    report, records = ContactReport(), []
    for path in map(Path, paths):
        file_report = FileReport(file=file_label(path.name))
        report.files.append(file_report)
        try:
            records.append(_read_file(path, columns, file_report, date_order))
        except InputError as exc:
            file_report.error = str(exc)
    frame = _joined(records).drop(columns="line")
    frame = frame.sort_values("timestamp", kind="stable").reset_index(drop=True)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True).dt.tz_convert(TIMEZONE)
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
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8",
                   newline="") as fh:
        out.to_csv(fh, index=False)
    path.chmod(0o600)  # also when the file was there before


def load_contacts(path: Path) -> pd.DataFrame:
    """Read a dataset written by :func:`save_contacts`."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True).dt.tz_convert(TIMEZONE)
    return frame
