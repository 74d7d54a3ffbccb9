"""Dutch formatting of numbers, percentages and dates for every user-facing text."""
from __future__ import annotations

import math

from .lexicons import read_table

_MONTHS = read_table("months.tsv")
MONTH_NAMES = [row[1] for row in _MONTHS]
MONTH_ABBREVIATIONS = [row[2] for row in _MONTHS]


def month_spellings(*languages: str) -> dict[str, int]:
    """Every spelling of a month in *languages* ('dutch', 'english'; names and abbreviations) with
    its number: {'januari': 1, 'jan': 1, 'febr': 2, ...}."""
    column = {"dutch": 3, "english": 4}
    spellings: dict[str, int] = {}
    for row in _MONTHS:
        number = int(row[0])
        spellings[row[1]] = number
        for language in languages:
            spellings.update({word.strip(): number for word in row[column[language]].split(",")})
    return spellings


def nl_number(value: float, digits: int = 1) -> str:
    """12.5 -> '12,5'; thousands get a point: 1234.5 -> '1.234,5'; never '-0' (-0.01 -> '0,0')."""
    text = f"{round(value, digits) + 0.0:,.{digits}f}"  # + 0.0 turns a rounded -0.0 into 0.0
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def nl_count(n: int, one: str, many: str) -> str:
    """1, 'bericht is', 'berichten zijn' -> '1 bericht is'; 3 -> '3 berichten zijn'."""
    return f"{n} {one if n == 1 else many}"


def nl_percent(share: float, digits: int = 1) -> str:
    """0.083 -> '8,3%'."""
    return nl_number(100 * share, digits) + "%"


def nl_date(day) -> str:
    """2026-01-14 -> '14 januari 2026'."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def nl_factor(value: float, low: float, high: float, digits: int = 1) -> str:
    """An effect with its margin in words: '×1,8 (waarschijnlijk tussen ×1,5 en ×2,2)'. A factor
    below ×0,1 keeps its first significant digit (×0,04, not ×0,0, which would read as zero)."""
    return (f"×{_factor(value, digits)} (waarschijnlijk tussen ×{_factor(low, digits)} "
            f"en ×{_factor(high, digits)})")


def _factor(value: float, digits: int) -> str:
    if 0 < value < 10 ** -digits:
        digits = min(-math.floor(math.log10(value)), 6)
    return nl_number(value, digits)
