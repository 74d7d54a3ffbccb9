"""Text from data (titles, sentences, drafts, messages, file names) shown safely.

Notebooks put data into Markdown; Markdown passes raw HTML through, so every
data string goes through :func:`md` first. The report renderer also removes any
script or event handler that slipped through (:func:`clean_html`) and every page
carries a Content-Security-Policy that forbids scripts.
"""
from __future__ import annotations

import html
import re

from lxml_html_clean import Cleaner

CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
       "base-uri 'none'; form-action 'none'")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # inline syntax: emphasis, code, links, tables
_BLOCK_START = re.compile(r"^(\s*(?:\d+)?)([#>+-]|(?<=\d)[.)])")  # heading, quote or list at the start
_CLEANER = Cleaner(scripts=True, javascript=True, comments=False, style=False, inline_style=False,
                   links=False, meta=False, page_structure=False, embedded=True, frames=True,
                   forms=True, annoying_tags=False, remove_unknown_tags=False, safe_attrs_only=False)


def md(text: object) -> str:
    """*text* as literal Markdown: HTML escaped, Markdown syntax backslash-escaped."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(str(text), quote=True))
    return _BLOCK_START.sub(r"\1\\\2", escaped)


def clean_html(fragment: str) -> str:
    """*fragment* without scripts, event handlers, javascript: links, frames or forms."""
    if not fragment.strip():
        return fragment
    return _CLEANER.clean_html(f"<div>{fragment}</div>")[len("<div>"):-len("</div>")]
