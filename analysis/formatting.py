"""Dutch number formatting for reports and notebook tables (decimal comma)."""
from __future__ import annotations


def nl_number(value: float, digits: int = 1) -> str:
    """12.5 -> '12,5'; thousands get a point: 1234.5 -> '1.234,5'."""
    text = f"{value:,.{digits}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def nl_percent(share: float, digits: int = 1) -> str:
    """0.083 -> '8,3%'."""
    return nl_number(100 * share, digits) + "%"
