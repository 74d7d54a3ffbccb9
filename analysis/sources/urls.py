"""Page addresses as paths: the one form in which contacts, posts and page views meet."""
from __future__ import annotations

import re
from urllib.parse import urlsplit


def normalise_path(value: str) -> str:
    """One page, one path: no scheme, host, query or fragment; single slashes; a trailing
    slash except on a file (``/blog/knie`` and ``https://www.x.nl/blog/knie/?utm=1`` are one page).
    Contacts' pages, posts' addresses and page views all go through this."""
    value = str(value).strip()
    if value.startswith("www."):
        value = "//" + value
    if "://" in value or (value.startswith("//") and "." in value[2:].split("/", 1)[0]):
        value = urlsplit(value).path
    else:
        value = value.split("#", 1)[0].split("?", 1)[0]
    folder = value.endswith("/")
    value = "/" + re.sub(r"/{2,}", "/", value).strip("/")
    last = value.rsplit("/", 1)[-1]
    return value if value == "/" or ("." in last and not folder) else value + "/"
