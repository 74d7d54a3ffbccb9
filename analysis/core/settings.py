"""The practice's settings: ``practice.yaml`` in the project folder (optional).

Only what differs per practice lives here. Defaults fit the first practice, in
Hoorn; the KNMI weather station is the one nearest to the practice (Berkhout, 249,
for Hoorn; De Bilt is 260, Schiphol 240, De Kooy 235). Example::

    name: Fysiotherapie Hoorn
    place: Hoorn
    knmi_station: 249
    posts_per_month: 2    # the planner's rhythm (1 to 4; at most one post a week)
    level_shift: 2024-03-04   # optional: from this day on all contacts changed for good (a new
                              # website or form, a second location); otherwise it is sought in the data
"""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import yaml

from . import paths
from .errors import InputError

FILE_NAME = "practice.yaml"


@dataclass(frozen=True)
class Settings:
    name: str = "de praktijk"
    place: str = "Hoorn"
    knmi_station: int = 249
    posts_per_month: int = 2
    level_shift: dt.date | None = None


def settings_file() -> Path:
    return paths.ROOT / FILE_NAME


_PRACTICE: ContextVar[Settings | None] = ContextVar("practice_settings", default=None)


def settings() -> Settings:
    """The settings of the practice analysed: the one a chain task set (:func:`practice_settings`),
    else the project's practice.yaml, else the defaults."""
    return _PRACTICE.get() or project_settings()


@lru_cache(maxsize=1)
def project_settings() -> Settings:
    return read_settings(settings_file())


@contextmanager
def practice_settings(path: Path) -> Iterator[Settings]:
    """Within the block (in this thread or task), :func:`settings` is read from *path*: one
    practice of a chain, each with its own practice.yaml."""
    token = _PRACTICE.set(read_settings(path))
    try:
        yield settings()
    finally:
        _PRACTICE.reset(token)


def read_settings(path: Path) -> Settings:
    """The settings in *path*, or the defaults when there is no such file."""
    if not path.is_file():
        return Settings()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"{FILE_NAME}: geen geldige YAML ({exc})") from None
    unknown = set(raw) - set(Settings.__dataclass_fields__)
    if unknown:
        raise InputError(f"{FILE_NAME}: onbekende instelling(en): {', '.join(sorted(unknown))}")
    try:
        station = int(raw.get("knmi_station", Settings.knmi_station))
    except (TypeError, ValueError):
        raise InputError(f"{FILE_NAME}: knmi_station moet een stationsnummer zijn, zoals 249") from None
    rhythm = raw.get("posts_per_month", Settings.posts_per_month)
    if not isinstance(rhythm, int) or isinstance(rhythm, bool) or not 1 <= rhythm <= 4:
        raise InputError(f"{FILE_NAME}: posts_per_month moet een heel getal van 1 tot en met 4 zijn "
                         "(berichten per maand, hoogstens één per week)")
    shift = raw.get("level_shift")
    if shift is not None and (not isinstance(shift, dt.date) or isinstance(shift, dt.datetime)):
        raise InputError(f"{FILE_NAME}: level_shift moet een datum zijn, zoals 2024-03-04 (de dag van de nieuwe "
                         "website of het nieuwe formulier)")
    return Settings(**{**raw, "knmi_station": station, "posts_per_month": rhythm})
