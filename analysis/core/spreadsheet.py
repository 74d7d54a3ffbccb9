"""CSV files that people open in Excel: no cell may start a formula (OWASP CSV injection).

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
gets a leading ``'``, so a spreadsheet shows it as text. Numbers (also negative
ones, and numbers stored as text) are left alone.
"""
from __future__ import annotations

import re

import pandas as pd

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*(?:[eE][+-]?\d+)?$")


def neutralise(value: object) -> object:
    """One cell: text that would start a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _NUMBER.match(value):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of *frame* in which no text cell (nor column name) starts a formula."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    out.columns = [neutralise(c) for c in out.columns]
    return out
