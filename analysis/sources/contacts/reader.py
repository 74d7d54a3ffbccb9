"""Rows of a contact export (CSV or Excel) with their line numbers in the file."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from ...core.errors import ContactFileError
from ..textfile import UnreadableInput, read_text

EXCEL = {".xlsx", ".xlsm", ".xls"}



def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(text[:20_000], delimiters=";,\t|").delimiter
    except csv.Error:
        counts = {d: header.count(d) for d in ";,\t|"}
        return max(counts, key=lambda d: counts[d]) if max(counts.values()) else ","


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(headers, [(line number, cells)]) of a CSV or Excel export; blank rows included."""
    path = Path(path)
    if path.suffix.lower() in EXCEL:
        try:
            frame = pd.read_excel(path, dtype=str, header=None, keep_default_na=False)
        except Exception as exc:  # openpyxl raises many kinds on a broken workbook
            raise ContactFileError(f"kan Excel-bestand niet lezen ({type(exc).__name__})") from None
        if frame.empty:
            raise ContactFileError("leeg bestand")
        values = frame.values.tolist()
        return [str(h).strip() for h in values[0]], [(i + 2, [str(c) for c in row])
                                                     for i, row in enumerate(values[1:])]
    try:
        text = read_text(path)
    except UnreadableInput as exc:
        raise ContactFileError(str(exc)) from None
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text))
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise ContactFileError(f"ongeldige CSV rond regel {line} ({exc})") from None
    if not rows:
        raise ContactFileError("leeg bestand")
    (_, headers), body = rows[0], rows[1:]
    return [h.strip() for h in headers], body
