"""Rows of a contact export (CSV or Excel) with their line numbers in the file."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterator

import pandas as pd

from ...core.errors import ContactFileError

EXCEL = {".xlsx", ".xlsm", ".xls"}



def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(text[:20_000], delimiters=";,\t|").delimiter
    except csv.Error:
        counts = {d: header.count(d) for d in ";,\t|"}
        return max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","


def read_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """(headers, iterator of (line number, cells)) of a CSV or Excel export; blank rows included.

    CSV files are streamed (UTF-8 with or without BOM, else Windows-1252), so a large
    export is never held in memory whole."""
    path = Path(path)
    if path.suffix.lower() in EXCEL:
        return _excel_rows(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise ContactFileError(f"kan bestand niet lezen ({exc.strerror})") from None
    with raw:
        head = raw.read(65_536)
    if not head.strip():
        raise ContactFileError("leeg bestand")
    if b"\x00" in head[:4096]:
        raise ContactFileError("binair bestand, geen tekst")
    encoding = "utf-8-sig" if _decodes(path, "utf-8-sig") else "cp1252"
    sample = head.decode(encoding, errors="replace").replace("\r\n", "\n")
    delimiter = _delimiter(sample)
    handle = path.open(encoding=encoding, newline="")
    reader = csv.reader(handle, delimiter=delimiter)
    try:
        headers = next(reader)
    except (StopIteration, csv.Error) as exc:
        handle.close()
        raise ContactFileError(f"geen kopregel te lezen ({exc})" if str(exc) else "leeg bestand") from None
    return [h.strip() for h in headers], _csv_rows(reader, handle)


def _decodes(path: Path, encoding: str) -> bool:
    """Whether the whole file decodes (read in blocks; nothing is kept)."""
    try:
        with path.open(encoding=encoding) as fh:
            while fh.read(1 << 20):
                pass
        return True
    except UnicodeDecodeError:
        return False


def _csv_rows(reader, handle) -> Iterator[tuple[int, list[str]]]:
    line = reader.line_num + 1
    try:
        for cells in reader:
            yield line, cells
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ContactFileError(f"ongeldige CSV rond regel {line} ({exc})") from None
    finally:
        handle.close()


def _excel_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    try:
        frame = pd.read_excel(path, dtype=str, header=None, keep_default_na=False)
    except Exception as exc:  # openpyxl raises many kinds on a broken workbook
        raise ContactFileError(f"kan Excel-bestand niet lezen ({type(exc).__name__})") from None
    if frame.empty:
        raise ContactFileError("leeg bestand")
    values = frame.values.tolist()
    return [str(h).strip() for h in values[0]], iter([(i + 2, [str(c) for c in row])
                                                      for i, row in enumerate(values[1:])])
