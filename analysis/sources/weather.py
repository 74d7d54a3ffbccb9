"""Daily weather: KNMI "daggegevens" as downloaded, or a plain table of days and temperatures.

KNMI hourly files (uurgegevens: ``STN,YYYYMMDD,HH,...,T,...``) are made into days.
KNMI files (from daggegevens.knmi.nl or the ``weather`` command) have comment
lines starting with ``#``, a header such as ``STN,YYYYMMDD,   TG,   TN,   TX``
(often itself a comment line), one column per element, space-padded values and
temperatures in tenths of a degree; an empty value is missing. Any subset of the
elements is fine as long as TX or TG is there. A file with several stations is
narrowed to one: *station*, else the practice's station (settings), else the
only one.

What drives skating and slipping is derived per day:

- frost day: minimum below 0 °C (TN < 0);
- ice day: maximum below 0 °C (TX < 0);
- natural ice: the fourth and later of consecutive days with a mean below 0 °C
  (TG < 0). Ditches and ponds carry skaters at about 8–10 cm of ice, which takes a
  few days of steady frost; the rule "four days with a mean below zero" is the
  simple one to state and check. Without TG the mean is taken as (TN + TX) / 2,
  and with only a maximum temperature, natural ice starts on the third
  consecutive ice day.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.errors import UnreadableInput, WeatherError
from ..core.lexicons import read_words
from ..core.settings import settings
from .analytics_csv import analytics_table
from .contacts.columns import COLUMNS, pick_column
from .textfile import read_text

KNMI_HEADER = re.compile(r"^#?\s*STN\s*,\s*YYYYMMDD\s*,", re.I)  # daily and hourly files
NATURAL_ICE_DAYS = 4  # consecutive days with a mean below 0 °C
NATURAL_ICE_DAYS_TMAX = 3  # consecutive ice days, when only the maximum is known
PLAIN_HEADERS = {role: list(read_words(COLUMNS, f"weather {role}")) for role in ("date", "tmax", "tmin", "tmean")}
PLAUSIBLE = (-40.0, 45.0)  # °C; the Dutch records are -27.4 and 40.7. Outside: a missing-value code (99999)


def read_weather(path: Path, station: int | None = None) -> pd.DataFrame:
    """Per day (sorted): date, tmax, tmin, tmean (°C; NaN where not given) and the
    derived frost_day, ice_day and natural_ice (0/1)."""
    name = Path(path).name
    try:
        text = read_text(path)
    except UnreadableInput as exc:
        raise WeatherError(f"{name}: {exc}") from None
    lines = text.splitlines()
    header = next((i for i, line in enumerate(lines) if KNMI_HEADER.match(line)), None)
    frame = _knmi(lines, header, name, station) if header is not None else _plain(text, name)
    frame = frame.dropna(subset=["date"]).sort_values("date").drop_duplicates("date").reset_index(drop=True)
    temperatures = frame[["tmax", "tmin", "tmean"]]
    implausible = temperatures.notna() & ~temperatures.apply(lambda c: c.between(*PLAUSIBLE))
    frame[["tmax", "tmin", "tmean"]] = temperatures.mask(implausible)
    if frame[["tmax", "tmean"]].isna().all(axis=1).all():
        raise WeatherError(f"{name}: geen regels met een geldige datum en temperatuur")
    result = derived_days(frame)
    result.attrs["implausible"] = int(implausible.any(axis=1).sum())  # days with a value read as missing
    known = result.loc[result[["tmax", "tmean"]].notna().any(axis=1), "date"]
    result.attrs["period"] = (known.min(), known.max())
    result.attrs["missing_days"] = (known.max() - known.min()).days + 1 - len(known)  # absent or unreadable
    return result


def weather_text(days: pd.DataFrame) -> str:
    """Dutch: the period the weather covers and the days it lacks."""
    first, last = days.attrs["period"]
    missing = days.attrs.get("missing_days", 0)
    return (f"{first:%d-%m-%Y} t/m {last:%d-%m-%Y}"
            + (f", {missing} dagen zonder temperatuur" if missing else ""))


def _plain(text: str, name: str) -> pd.DataFrame:
    """A plain table of days and temperatures (°C), as a spreadsheet saves it: comma, semicolon or
    tab between the cells, English or Dutch headers (``data/column_names.txt``: date or Datum, tmax
    or Max temp; tmin and tmean optional), decimal commas (3,5) and dates day first (01-12-2025)."""
    table, _ = analytics_table(text, name, WeatherError)
    by_role = {role: pick_column(list(table.columns), headers) for role, headers in PLAIN_HEADERS.items()}
    if by_role["date"] is None or by_role["tmax"] is None:
        raise WeatherError(f"{name}: geen KNMI-daggegevens en geen kolommen met de datum en de maximumtemperatuur "
                           f"(date en tmax, of Datum en Max temp); gevonden: {', '.join(map(str, table.columns))}")

    def degrees(role: str) -> pd.Series:
        if by_role[role] is None:
            return pd.Series(np.nan, index=table.index)
        cells = table[by_role[role]].str.strip().str.replace(",", ".", regex=False)
        return pd.to_numeric(cells, errors="coerce")

    days = table[by_role["date"]].str.strip()
    return pd.DataFrame({"date": pd.to_datetime(days, errors="coerce", format="ISO8601").fillna(
                             pd.to_datetime(days, errors="coerce", dayfirst=True, format="mixed")),
                         "tmax": degrees("tmax"), "tmin": degrees("tmin"), "tmean": degrees("tmean")})


def _knmi(lines: list[str], header: int, name: str, station: int | None) -> pd.DataFrame:
    columns = [c.strip().upper() for c in lines[header].lstrip("#").split(",")]
    rows = [line.split(",") for line in lines[header + 1:]
            if line.strip() and not line.lstrip().startswith("#")]
    if not rows:
        raise WeatherError(f"{name}: KNMI-bestand zonder gegevensregels")
    if any(len(r) != len(columns) for r in rows):
        bad = next(i for i, r in enumerate(rows) if len(r) != len(columns))
        raise WeatherError(f"{name}: regel met {len(rows[bad])} waarden waar {len(columns)} kolommen zijn "
                           f"({', '.join(columns)})")
    raw = pd.DataFrame([[c.strip() for c in r] for r in rows], columns=columns)
    if "HH" in columns:
        return _hourly(raw, name, station)
    if not {"TX", "TG"} & set(columns):
        raise WeatherError(f"{name}: geen temperatuur (TX of TG) in het KNMI-bestand; kolommen: {', '.join(columns)}")
    stations = sorted(raw["STN"].unique(), key=lambda s: int(s) if s.isdigit() else 0)
    wanted = station if station is not None else (settings().knmi_station if len(stations) > 1 else None)
    if wanted is not None:
        if str(wanted) not in stations:
            raise WeatherError(f"{name}: station {wanted} staat niet in het bestand; wel: {', '.join(stations)} "
                               "(kies met --station)")
        raw = raw[raw["STN"] == str(wanted)]

    def tenths(column: str) -> pd.Series:
        if column not in raw:
            return pd.Series(np.nan, index=raw.index)
        return pd.to_numeric(raw[column], errors="coerce") / 10

    return pd.DataFrame({"date": pd.to_datetime(raw["YYYYMMDD"], format="%Y%m%d", errors="coerce"),
                         "tmax": tenths("TX"), "tmin": tenths("TN"), "tmean": tenths("TG")})


def _hourly(raw: pd.DataFrame, name: str, station: int | None) -> pd.DataFrame:
    """KNMI uurgegevens (a row per hour, T in 0.1 °C) made into days: maximum, minimum and mean
    of the hours given; a day with fewer than 20 hours is missing, not guessed."""
    if "T" not in raw:
        raise WeatherError(f"{name}: KNMI-uurgegevens zonder temperatuur (T); download de daggegevens (TG, TN, "
                           "TX) op daggegevens.knmi.nl of met 'python -m analysis weather'")
    stations = sorted(raw["STN"].unique())
    if len(stations) > 1:
        wanted = str(station if station is not None else settings().knmi_station)
        raw = raw[raw["STN"] == wanted]
    hours = pd.DataFrame({"date": pd.to_datetime(raw["YYYYMMDD"], format="%Y%m%d", errors="coerce"),
                          "t": pd.to_numeric(raw["T"], errors="coerce") / 10})
    hours["t"] = hours["t"].where(hours["t"].between(*PLAUSIBLE))
    days = hours.groupby("date")["t"].agg(["max", "min", "mean", "count"])
    days[days["count"] < 20] = np.nan
    return pd.DataFrame({"date": days.index, "tmax": days["max"].to_numpy(), "tmin": days["min"].to_numpy(),
                         "tmean": days["mean"].round(1).to_numpy()})


def _runs(flags: pd.Series) -> pd.Series:
    """Length of the run of True values ending on each day (consecutive dates only)."""
    run, out, previous = 0, [], None
    for day, flag in flags.items():
        contiguous = previous is not None and (day - previous).days == 1
        run = (run + 1 if contiguous else 1) if flag else 0
        out.append(run)
        previous = day
    return pd.Series(out, index=flags.index)


def derived_days(frame: pd.DataFrame) -> pd.DataFrame:
    """*frame* (date, tmax, tmin, tmean) with frost_day, ice_day and natural_ice (0/1) per day."""
    mean = frame["tmean"].fillna((frame["tmin"] + frame["tmax"]) / 2)
    by_day = frame.set_index("date")
    if mean.notna().any():
        natural = _runs(pd.Series((mean < 0).to_numpy(), index=by_day.index)) >= NATURAL_ICE_DAYS
    else:
        natural = _runs(pd.Series((frame["tmax"] < 0).to_numpy(), index=by_day.index)) >= NATURAL_ICE_DAYS_TMAX
    return frame.assign(frost_day=(frame["tmin"] < 0).astype(int), ice_day=(frame["tmax"] < 0).astype(int),
                        natural_ice=natural.to_numpy().astype(int))
