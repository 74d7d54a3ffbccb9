"""Download daily weather from KNMI, for users with internet.

KNMI's documented script endpoint (daggegevens.knmi.nl/klimatologie/daggegevens)
takes a POST with ``start`` and ``end`` (YYYYMMDD), ``vars`` (elements separated
by ":") and ``stns`` (station numbers) and answers with the same text as the
download page, which :func:`analysis.sources.weather.read_weather` reads. Nothing
else leaves the machine: the request holds only the station and the period.
No well-kept Python client for this endpoint exists, so it is called with the
standard library.
"""
from __future__ import annotations

import datetime as dt
import urllib.error
import urllib.parse
import urllib.request
from typing import Callable

from ..core.errors import WeatherError

URL = "https://www.daggegevens.knmi.nl/klimatologie/daggegevens"
ELEMENTS = ("TG", "TN", "TX")
TIMEOUT = 60  # seconds


def request_data(station: int, start: dt.date, end: dt.date) -> bytes:
    """The POST body for one station and period."""
    return urllib.parse.urlencode({"start": f"{start:%Y%m%d}", "end": f"{end:%Y%m%d}",
                                   "vars": ":".join(ELEMENTS), "stns": str(station)}).encode()


def download_daily(station: int, start: dt.date, end: dt.date,
                   opener: Callable = urllib.request.urlopen) -> str:
    """KNMI's daily TG, TN and TX for a station and period, as the text KNMI sends."""
    if start > end:
        raise WeatherError(f"begindatum {start} ligt na einddatum {end}")
    request = urllib.request.Request(URL, data=request_data(station, start, end), method="POST")
    try:
        with opener(request, timeout=TIMEOUT) as response:
            text = response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise WeatherError(f"kan KNMI niet bereiken ({reason}); is er internet?") from None
    if "YYYYMMDD" not in text:
        raise WeatherError("KNMI gaf geen daggegevens terug (onbekend station of periode?)")
    return text
