"""Numbers in the cells of analytics exports, as the tools and their languages write them."""
from __future__ import annotations

import re

import numpy as np


def count(value: str) -> float | None:
    """A whole count ('1234', '1.234', '1,234', '1 234'), or None when the cell holds none."""
    text = re.sub(r"[.,\s\u00a0]", "", str(value))
    return float(text) if text.isdigit() else None


def decimal(value: str) -> float | None:
    """A non-negative decimal ('3.4', '3,4'); a percentage ('12,5%') as its fraction; else None."""
    text = str(value).strip().replace("\u00a0", "")
    percent = text.endswith("%")
    text = text.rstrip("%").strip()
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    if not np.isfinite(number) or number < 0:
        return None
    return number / 100 if percent else number
