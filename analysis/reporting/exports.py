"""Tables for the marketer: CSV files that open cleanly in a Dutch Excel, and planner.xlsx, an
editorial calendar to work in (real dates, a status list, widths, wrapped text, a frozen header
and a filter on every sheet)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # control characters a workbook cannot hold
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..core.spreadsheet import neutralise_frame
from ..planning.calendar import CALENDAR_COLUMNS, STATUSES
from .labels import dutch_columns


def _yes_no(values: pd.Series) -> pd.Series:
    return values.map(lambda v: "ja" if v is True else "nee" if v is False else v)


def _is_date(values: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(values) or bool(values.map(lambda v: isinstance(v, dt.date)).any())


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
            out[column] = _yes_no(values).map(lambda v: v.strftime("%d-%m-%Y") if hasattr(v, "strftime") else v)
    return neutralise_frame(out)


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """*frame* for Excel: ';' separated, decimal comma, UTF-8 with BOM (see _readable)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _readable(frame).to_csv(path, index=False, sep=";", decimal=",", encoding="utf-8-sig")
    return path


REWRITE_COLUMNS = ["title", "page", "date", "action", "why", "sentences", "urgent", "b1"]
WORKBOOK_CALENDAR = ["publish_from", "write_by", "status", "author", *CALENDAR_COLUMNS[2:]]
WIDTHS = {"topic_label": 22, "working_title": 45, "angle": 60, "reason": 40, "evidence": 40, "expected": 45,
          "call_to_action": 40, "why": 60, "sentences": 80, "title": 45, "last_post": 40, "page": 40, "keyword": 28}


def write_plan(plan, folder: Path) -> list[Path]:
    """The marketer's files: the calendar and the rewrite list as two CSVs (for other tools) and as
    the two sheets of the editorial calendar planner.xlsx."""
    rewrites = plan.rewrites[REWRITE_COLUMNS]
    return [write_csv(plan.calendar[CALENDAR_COLUMNS], Path(folder) / "planner.csv"),
            write_csv(rewrites, Path(folder) / "herschrijven.csv"),
            write_calendar_xlsx(plan.calendar[WORKBOOK_CALENDAR], rewrites, Path(folder) / "planner.xlsx")]


def _cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Dutch headers and ja/nee as in the CSVs, but dates stay dates (Excel sorts and filters them)."""
    out = dutch_columns(frame).copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_bool_dtype(values) or values.map(lambda v: isinstance(v, bool)).any():
            out[column] = _yes_no(values)
        elif _is_date(values):
            out[column] = pd.to_datetime(values).dt.normalize()
    return neutralise_frame(out).map(lambda v: ILLEGAL_CHARACTERS_RE.sub(" ", v) if isinstance(v, str) else v)


def _format_sheet(sheet, frame: pd.DataFrame) -> None:
    """Widths, wrapped text, dates as dd-mm-jjjj, a frozen header and a filter."""
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for i, column in enumerate(frame.columns, start=1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = WIDTHS.get(column, 14)
        dates = _is_date(frame[column])
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if dates:
                cell.number_format = "DD-MM-YYYY"
        sheet[letter][0].font = Font(bold=True)


def write_calendar_xlsx(calendar: pd.DataFrame, rewrites: pd.DataFrame, path: Path) -> Path:
    """planner.xlsx: sheet 'Nieuwe berichten' (a status list per row: idee, schrijven, klaar,
    gepubliceerd) and sheet 'Herschrijven'."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sheets = {"Nieuwe berichten": calendar, "Herschrijven": rewrites}
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            _cells(frame).to_excel(writer, sheet_name=name, index=False)
            _format_sheet(writer.sheets[name], frame)
        statuses = DataValidation(type="list", formula1='"' + ",".join(STATUSES) + '"', allow_blank=True)
        sheet = writer.sheets["Nieuwe berichten"]
        sheet.add_data_validation(statuses)
        column = get_column_letter(list(calendar.columns).index("status") + 1)
        if len(calendar):
            statuses.add(f"{column}2:{column}{len(calendar) + 1}")
    return path

