"""Submission timestamps from contact exports: ISO or Dutch notation, Amsterdam time.

Accepted: ``2026-11-24 14:03[:05]``, ``2026-11-24T14:03:05+01:00``,
``24-11-2026 14:03``, ``24/11/2026``, ``24.11.2026 14:03`` (day first, as Dutch
exports write it). Naive times are Europe/Amsterdam wall-clock times. Around the
DST change, a time that does not exist (02:30 on the last Sunday of March) is read
with the winter offset, i.e. shifted forward by one hour, and a time that occurs
twice (02:30 on the last Sunday of October) is taken as the first occurrence.
"""
from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from ...core.errors import DateError

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
                 r"\s*(Z|[+-]\d{2}:?\d{2})?)?$")
DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$")



def _offset(text: str) -> dt.timezone:
    if text == "Z":
        return dt.timezone.utc
    sign = 1 if text[0] == "+" else -1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def parse_timestamp(value: str) -> tuple[dt.datetime, str]:
    """(aware datetime in Amsterdam time, detected format 'iso' or 'nl')."""
    text = " ".join(str(value).strip().split())
    if m := ISO.match(text):
        y, mo, d, h, mi, s, tz = m.groups()
        fmt = "iso"
    elif m := DUTCH.match(text):
        d, mo, y, h, mi, s = m.groups()
        tz, fmt = None, "nl"
    else:
        raise DateError("onleesbare datum")
    try:
        naive = dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        raise DateError("onmogelijke datum") from None
    if tz:
        return naive.replace(tzinfo=_offset(tz)).astimezone(AMSTERDAM), fmt
    # fold=0: first occurrence of an ambiguous time; nonexistent times get the
    # pre-transition (winter) offset, which moves them one hour forward.
    local = naive.replace(tzinfo=AMSTERDAM, fold=0)
    return local.astimezone(dt.timezone.utc).astimezone(AMSTERDAM), fmt
