"""Tables for the marketer as CSV files that open cleanly in a Dutch Excel."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.spreadsheet import neutralise_frame
from .labels import dutch_columns


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """*frame* with Dutch headers, ';' separated, decimal comma, UTF-8 with BOM, no formulas."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    neutralise_frame(dutch_columns(frame)).to_csv(path, index=False, sep=";", decimal=",",
                                                  encoding="utf-8-sig")
    return path
