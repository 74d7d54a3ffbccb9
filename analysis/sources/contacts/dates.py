"""Submission timestamps from contact exports, in every notation form tools write.

Accepted, with or without a time (24-hour, or 12-hour with am/pm):

- ISO: ``2026-11-24 14:03[:05]``, ``2026-11-24T14:03:05+01:00``, ``2026/11/24``;
- numbers with the day or the month first: ``24-11-2026 14:03``, ``11/24/2026 2:03 pm``,
  ``24.11.26``;
- month names in Dutch or English: ``24 november 2026 om 14:03``, ``24 nov. 2026``,
  ``Nov 24, 2026 2:03 PM``, ``dinsdag 24 november 2026``;
- Unix timestamps in seconds or milliseconds (``1764000000``, ``1764000000000``);
- Excel serial dates (``45720.4236``: days since 30 December 1899), as a workbook
  stores a date cell that was not formatted as a date.

Whether ``04/03/2025`` is 4 March or 3 April is decided once per column
(:func:`date_order`): a value with a first number above 12 settles day-first, one
with a second number above 12 month-first. When no value settles it, month-first is
assumed for columns with am/pm times (the tools that write them use the American
order) and day-first otherwise; the import report says which and why.

Naive times are Europe/Amsterdam wall-clock times. Around the DST change, a time
that does not exist (02:30 on the last Sunday of March) is read with the winter
offset, i.e. shifted forward by one hour, and a time that occurs twice (02:30 on
the last Sunday of October) is taken as the first occurrence.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable
from zoneinfo import ZoneInfo

from ...core.errors import DateError
from ...core.formatting import month_spellings
from ...core.lexicons import alternation, read_table

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONTHS = month_spellings("dutch", "english")
WEEKDAYS = alternation([word for row in read_table("weekdays.tsv") for word in row])
TIME = r"(?:[ t,]+(?:om |at )?(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?)?"
ZONE = r"\s*(z|[+-]\d{2}:?\d{2})?"
ISO = re.compile(rf"^(\d{{4}})[-/](\d{{1,2}})[-/](\d{{1,2}}){TIME}{ZONE}$")
NUMERIC = re.compile(rf"^(\d{{1,2}})[-/.](\d{{1,2}})[-/.](\d{{4}}|\d{{2}}){TIME}$")
DAY_NAME = re.compile(rf"^(\d{{1,2}})\.?\s+([a-z]+)\.?,?\s+(\d{{4}}){TIME}$")  # 24 november 2026
NAME_DAY = re.compile(rf"^([a-z]+)\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}}){TIME}$")  # Nov 24, 2026
UNIX = re.compile(r"^(\d{10}|\d{13})$")
EXCEL_SERIAL = re.compile(r"^(\d{5})(?:[.,](\d+))?$")  # days since 1899-12-30, as a workbook stores a date
EXCEL_EPOCH = dt.datetime(1899, 12, 30)
CLOCK = re.compile(r"[ t,](?:om |at )?(\d{1,2})[:.](\d{2})")


@dataclass(frozen=True)
class DateOrder:
    """How a column writes numeric dates: 'dmy' or 'mdy', and why."""
    order: str
    reason: str

    def text(self) -> str:
        name = {"dmy": "dag eerst", "mdy": "maand eerst"}[self.order]
        return f"datumvolgorde: {name} ({self.reason})"


def date_order(values: Iterable[tuple[int, str]]) -> DateOrder:
    """Decide day-first or month-first from a column's (line, value) pairs."""
    ampm = False
    for line, value in values:
        text = _clean(value)
        ampm = ampm or bool(re.search(r"\d\s*[ap]\.?m\.?$", text))
        if m := NUMERIC.match(text):
            first, second = int(m.group(1)), int(m.group(2))
            if first > 12 >= second:
                return DateOrder("dmy", f"afgeleid uit regel {line}: {first} kan geen maand zijn")
            if second > 12 >= first:
                return DateOrder("mdy", f"afgeleid uit regel {line}: {second} kan geen maand zijn")
    if ampm:
        return DateOrder("mdy", "aangenomen: geen datum beslist het, en tijden met am/pm horen bij de "
                                "Amerikaanse volgorde; geef anders --date-order dmy op")
    return DateOrder("dmy", "aangenomen: geen datum beslist het; Nederlandse volgorde, "
                            "geef anders --date-order mdy op")


def _clean(value: str) -> str:
    text = " ".join(str(value).strip().lower().split())
    return re.sub(rf"^{WEEKDAYS}\.?,?\s+", "", text)


def _offset(text: str) -> dt.timezone:
    if text == "Z":
        return dt.timezone.utc
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _hour(h: str | None, ampm: str | None) -> int:
    hour = int(h or 0)
    if ampm:
        if not 1 <= hour <= 12:
            raise DateError("onmogelijke tijd")
        hour = hour % 12 + (12 if ampm.startswith("p") else 0)
    return hour


def _month(name: str) -> int:
    if name not in MONTHS:
        raise DateError("onleesbare datum")
    return MONTHS[name]


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def has_time(value: str) -> bool:
    """Whether a date cell carries a time of day (midnight, as a workbook writes a bare date, is none)."""
    text = _clean(value)
    serial = EXCEL_SERIAL.match(text)
    if UNIX.match(text) or (serial is not None and serial.group(2)):
        return True
    clock = CLOCK.search(text)
    return clock is not None and (int(clock.group(1)), int(clock.group(2))) != (0, 0)


def parse_timestamp(value: str, order: str = "dmy", utc: bool = False) -> tuple[dt.datetime, str]:
    """(aware datetime in Amsterdam time, notation: 'iso', 'numeriek', 'maandnaam', 'unix' or 'excel').
    With *utc*, a time without an offset is UTC (a column such as Typeform's 'Submit Date (UTC)')."""
    text = _clean(value)
    tz = None
    if m := UNIX.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).astimezone(AMSTERDAM), "unix"
    if (m := EXCEL_SERIAL.match(text)) and 20_000 <= int(m.group(1)) <= 80_000:
        days = float(f"{m.group(1)}.{m.group(2) or 0}")
        naive = EXCEL_EPOCH + dt.timedelta(seconds=round(days * 86_400))  # to the second: 10:09:59.99 is 10:10
        return _localised(naive, "Z" if utc else None), "excel"
    if m := ISO.match(text):
        y, mo, d, h, mi, s, ampm, tz = m.groups()
        fmt = "iso"
    elif m := NUMERIC.match(text):
        a, b, y, h, mi, s, ampm = m.groups()
        d, mo = (a, b) if order == "dmy" else (b, a)
        y, fmt = str(_year(y)), "numeriek"
    elif m := DAY_NAME.match(text):
        d, name, y, h, mi, s, ampm = m.groups()
        mo, fmt = str(_month(name)), "maandnaam"
    elif m := NAME_DAY.match(text):
        name, d, y, h, mi, s, ampm = m.groups()
        mo, fmt = str(_month(name)), "maandnaam"
    else:
        raise DateError("onleesbare datum")
    try:
        naive = dt.datetime(int(y), int(mo), int(d), _hour(h, ampm), int(mi or 0), int(s or 0))
    except ValueError:
        raise DateError("onmogelijke datum") from None
    return _localised(naive, tz.upper() if tz else ("Z" if utc else None)), fmt


def _localised(naive: dt.datetime, offset: str | None) -> dt.datetime:
    if offset:
        return naive.replace(tzinfo=_offset(offset)).astimezone(AMSTERDAM)
    # fold=0: first occurrence of an ambiguous time; nonexistent times get the
    # pre-transition (winter) offset, which moves them one hour forward.
    local = naive.replace(tzinfo=AMSTERDAM, fold=0)
    return local.astimezone(dt.timezone.utc).astimezone(AMSTERDAM)
