"""Tables for the marketer as CSV files that open cleanly in a Dutch Excel."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # control characters a workbook cannot hold

from ..core.spreadsheet import neutralise_frame
from ..planning.planner import CALENDAR_COLUMNS
from .labels import dutch_columns


def _readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Dutch headers, ja/nee, numbers rounded to 2 decimals, dates as dd-mm-jjjj, no formulas."""
    out = dutch_columns(frame).copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_bool_dtype(values):
            out[column] = values.map({True: "ja", False: "nee"})
        elif pd.api.types.is_float_dtype(values):
            out[column] = values.round(2)
        elif pd.api.types.is_datetime64_any_dtype(values):
            out[column] = values.dt.strftime("%d-%m-%Y")
        else:
            out[column] = values.map(lambda v: "ja" if v is True else "nee" if v is False else
                                     v.strftime("%d-%m-%Y") if hasattr(v, "strftime") else v)
    return neutralise_frame(out)


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """*frame* for Excel: ';' separated, decimal comma, UTF-8 with BOM (see _readable)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _readable(frame).to_csv(path, index=False, sep=";", decimal=",", encoding="utf-8-sig")
    return path


def write_plan(plan, folder: Path) -> list[Path]:
    """The marketer's files: the calendar and the rewrite list as two CSVs and one workbook."""
    calendar = plan.calendar[CALENDAR_COLUMNS]
    return [write_csv(calendar, Path(folder) / "planner.csv"),
            write_csv(plan.rewrites, Path(folder) / "herschrijven.csv"),
            write_xlsx({"Kalender": calendar, "Herschrijven": plan.rewrites}, Path(folder) / "planner.xlsx")]


def write_xlsx(sheets: dict[str, pd.DataFrame], path: Path) -> Path:
    """One Excel workbook with a sheet per table (sheet name -> table); control characters in
    a title (a vertical tab pasted from Word) become spaces instead of stopping the export."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            cells = _readable(frame).map(lambda v: ILLEGAL_CHARACTERS_RE.sub(" ", v) if isinstance(v, str) else v)
            cells.to_excel(writer, sheet_name=name[:31], index=False)
    return path
