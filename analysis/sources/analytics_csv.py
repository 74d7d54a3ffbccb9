"""The table of an analytics tool's CSV export (GA4, Matomo): header notes, separator, cells as text."""
from __future__ import annotations

import io
import re

import pandas as pd

from ..core.errors import InputError


def analytics_table(text: str, name: str, error: type[InputError]) -> tuple[pd.DataFrame, list[str]]:
    """(the table, all lines of the file): lines starting with ``#`` are GA4's header notes (its
    period among them), the separator is the one the header uses most; *error* is raised, in
    Dutch, for a file without data or without a readable table."""
    lines = text.split("\n")
    body = "\n".join(line for line in lines if not line.startswith("#")).strip()
    if not body:
        raise error(f"{name}: geen gegevens")
    first = body.split("\n", 1)[0]
    sep = max((";", ",", "\t"), key=first.count)
    try:
        return pd.read_csv(io.StringIO(body), sep=sep, dtype=str, keep_default_na=False), lines
    except pd.errors.ParserError as exc:
        raise error(unreadable_csv(name, exc)) from None


def unreadable_csv(name: str, exc: pd.errors.ParserError) -> str:
    """Dutch for pandas' parser error: the line with more values than the header, where it says so."""
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
    if not found:
        return f"{name}: geen leesbare CSV (de regels hebben geen vaste kolommen)"
    expected, line, saw = found.groups()
    return f"{name}: geen leesbare CSV (regel {line} heeft {saw} waarden, de kopregel {expected} kolommen)"
