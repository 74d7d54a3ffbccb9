"""Daily weather: a plain ``date,tmax`` file (maximum temperature in °C)."""
from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from ..core.errors import UnreadableInput, WeatherError
from .textfile import read_text


def read_weather(path: Path) -> pd.DataFrame:
    """Columns date (Timestamp) and tmax (°C), one row per day, sorted."""
    name = Path(path).name
    try:
        text = read_text(path)
    except UnreadableInput as exc:
        raise WeatherError(f"{name}: {exc}") from None
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.ParserError as exc:
        raise WeatherError(f"{name}: geen leesbare CSV ({exc})") from None
    if not {"date", "tmax"} <= set(frame.columns):
        raise WeatherError(f"{name}: kolommen 'date' en 'tmax' verwacht; gevonden: {', '.join(frame.columns)}")
    out = pd.DataFrame({"date": pd.to_datetime(frame["date"], errors="coerce"),
                        "tmax": pd.to_numeric(frame["tmax"], errors="coerce")}).dropna()
    if out.empty:
        raise WeatherError(f"{name}: geen regels met een geldige datum en temperatuur")
    return out.sort_values("date").drop_duplicates("date").reset_index(drop=True)
