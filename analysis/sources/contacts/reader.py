"""Rows of a contact export (CSV or Excel) with their line numbers in the file."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Iterator

import pandas as pd

from ...core.errors import ContactFileError, UnreadableInput
from ..textfile import UNKNOWN, Encoding, file_encoding
from ..zipped import check_office_file

EXCEL = {".xlsx", ".xlsm", ".xls"}
MAX_FIELD = 16_000_000  # characters in one cell: csv's default (131,072) rejected a whole export
MAX_XLSX = 200_000_000  # bytes unpacked; a larger workbook is read far faster as CSV
csv.field_size_limit(MAX_FIELD)


@dataclass
class Rows:
    """The header cells and an iterator of (line number, cells) of one export, with notes
    (Dutch) on how it was read: broken bytes, the sheet used, sheets not read."""
    headers: list[str]
    rows: Iterator[tuple[int, list[str]]]
    notes: list[str] = field(default_factory=list)
    handle: IO[str] | None = None  # the open file (a generator never started cannot close it itself)

    def close(self) -> None:
        close = getattr(self.rows, "close", None)
        if close is not None:
            close()
        if self.handle is not None:
            self.handle.close()


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(text[:20_000], delimiters=";,\t|").delimiter
    except csv.Error:
        counts = {d: header.count(d) for d in ";,\t|"}
        return max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","


def read_rows(path: Path) -> Rows:
    """The rows of a CSV or Excel export; blank rows included.

    CSV files are streamed (UTF-8, UTF-16 or Windows-1252; see ``textfile``), so a large
    export is never held in memory whole."""
    path = Path(path)
    if path.suffix.lower() in EXCEL:
        return _excel_rows(path)
    try:
        encoding = file_encoding(path)
    except UnreadableInput as exc:
        raise ContactFileError(str(exc)) from None
    try:
        with path.open(encoding=encoding.name, errors=encoding.errors, newline="") as fh:
            sample = fh.read(65_536).replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise ContactFileError(UNKNOWN) from None
    delimiter = _delimiter(sample)
    handle = path.open(encoding=encoding.name, errors=encoding.errors, newline="")
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        headers = next(reader)
    except (StopIteration, csv.Error) as exc:
        handle.close()
        raise ContactFileError(f"geen kopregel te lezen ({exc})" if str(exc) else "leeg bestand") from None
    return Rows([h.strip().lstrip("\ufeff") for h in headers], _csv_rows(reader, handle), _notes(encoding),
                handle)


def _notes(encoding: Encoding) -> list[str]:
    return [encoding.note()] if encoding.note() else []


def _csv_rows(reader, handle) -> Iterator[tuple[int, list[str]]]:
    line = reader.line_num + 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ContactFileError(f"ongeldige CSV rond regel {line} ({exc})") from None
    except UnicodeDecodeError:
        raise ContactFileError(f"{UNKNOWN}, rond regel {line}") from None
    finally:
        handle.close()


def _excel_rows(path: Path) -> Rows:
    """The first sheet with data; the notes name it when it is not the first, and name the
    other sheets with data, which are not read."""
    if path.suffix.lower() == ".xls":
        raise ContactFileError("een oud Excel-bestand (.xls, Excel 97-2003) wordt niet gelezen; open het in "
                               "Excel en kies Opslaan als → Excel-werkmap (.xlsx) of CSV")
    check_office_file(path, MAX_XLSX, ContactFileError, "Excel-bestand (.xlsx)")
    try:
        sheets = pd.read_excel(path, dtype=str, header=None, keep_default_na=False, sheet_name=None)
    except Exception as exc:  # openpyxl raises many kinds on a broken workbook
        raise ContactFileError(f"kan Excel-bestand niet lezen ({type(exc).__name__})") from None
    filled = {name: frame for name, frame in sheets.items()
              if not frame.empty and frame.map(lambda c: bool(str(c).strip())).to_numpy().any()}
    if not filled:
        raise ContactFileError("leeg bestand (geen werkblad met gegevens)")
    name, frame = next(iter(filled.items()))
    notes = []
    if name != next(iter(sheets)):
        notes.append(f"werkblad '{name}' gelezen (het eerste werkblad is leeg)")
    if len(filled) > 1:
        notes.append("niet gelezen: ook gegevens op werkblad " + ", ".join(f"'{n}'" for n in list(filled)[1:])
                     + "; zet alle inzendingen op één werkblad of lees elk werkblad als eigen bestand in")
    values = frame.values.tolist()
    return Rows([str(h).strip() for h in values[0]],
                iter([(i + 2, [str(c) for c in row]) for i, row in enumerate(values[1:])]), notes)
