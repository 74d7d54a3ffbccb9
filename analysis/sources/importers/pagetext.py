"""Page text scrapes: the article as copied from the website, with site chrome.

Layout (see the client's sample): title on the first line; subheadings as short
lines; separator lines holding only a non-breaking space; after the article a
navigation block, related-article teasers (title, the title again, a teaser
ending in "...", "Lees meer »"), a call to action and a footer.

The rules look at the *shape* of lines, not at this site's exact wording, so
that they survive another footer year, fewer or no teasers and other encodings.
"""
from __future__ import annotations

import re

from ...core.errors import ImportFailure
from ..corpus import Block, Post, blocks_to_markdown

READ_MORE_STRICT = re.compile(r"^\s*lees\s+(meer|verder)\b", re.I)
COPYRIGHT = re.compile(r"^\s*(©|\(c\)|copyright\b)", re.I)
TIP = re.compile(r"^tip\s*\d+\b", re.I)
MAX_HEADING_WORDS = 14
SHORT_LINE_WORDS = 8


def _clean(line: str) -> str:
    return " ".join(line.replace("\u00a0", " ").split())


def _is_heading_like(line: str) -> bool:
    """Short line without a closing full stop: a subheading or a navigation item."""
    return len(line.split()) <= MAX_HEADING_WORDS and not line.endswith((".", ",", ";"))


def _trailer_start(lines: list[str]) -> int:
    """Index of the first line after the article (navigation, teasers, footer)."""
    n = len(lines)
    for i, line in enumerate(lines):
        if not line:
            continue
        if COPYRIGHT.match(line) or READ_MORE_STRICT.match(line):
            return _back_to_block_start(lines, i)
        nxt = next((j for j in range(i + 1, n) if lines[j]), None)
        if nxt is not None and lines[nxt] == line and _is_heading_like(line):
            return _back_to_nav(lines, i)
        # A group of >= 2 short lines with no blank line between them is navigation:
        # inside the article a short line (subheading) is followed by a paragraph.
        if i + 1 < n and lines[i + 1] and all(
            len(x.split()) <= SHORT_LINE_WORDS and not x.endswith(".") for x in (line, lines[i + 1])
        ):
            return i
    return n


def _back_to_block_start(lines: list[str], i: int) -> int:
    """From a teaser's "Lees meer" line back to the start of that teaser."""
    j = i
    while j > 0 and lines[j - 1]:
        j -= 1
    # the teaser paragraph is preceded by its title (possibly twice)
    k = j - 1
    while k >= 0 and not lines[k]:
        k -= 1
    if k >= 0 and _is_heading_like(lines[k]) and not COPYRIGHT.match(lines[i]):
        j = k
        while j > 0 and not lines[j - 1]:
            j -= 1
        while j > 0 and lines[j - 1] and _is_heading_like(lines[j - 1]):
            j -= 1
    return _back_to_nav(lines, j)


def _back_to_nav(lines: list[str], i: int) -> int:
    """Include a navigation group directly above position *i*."""
    j = i
    while j > 0 and not lines[j - 1]:
        j -= 1
    k = j
    while k > 0 and lines[k - 1] and len(lines[k - 1].split()) <= SHORT_LINE_WORDS \
            and not lines[k - 1].endswith("."):
        k -= 1
    return k if j - k >= 2 else i


def _article_blocks(lines: list[str]) -> list[Block]:
    """Classify article lines: a heading-like line followed by more text is a subheading."""
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        has_more = any(lines[i + 1:])
        if _is_heading_like(line) and not line.endswith("!") and has_more:
            blocks.append(Block("heading", line, 3 if TIP.match(line) else 2))
        else:
            blocks.append(Block("paragraph", line))
    while blocks and blocks[-1].kind == "heading":  # a heading without text is site chrome
        blocks.pop()
    return blocks


def _teasers(lines: list[str]) -> list[dict]:
    """Related-article teasers: groups of lines closed by a "Lees meer" line."""
    teasers: list[dict] = []
    group: list[str] = []
    for line in lines:
        if READ_MORE_STRICT.match(line):
            texts = [x for x in group if x]
            deduped = [x for k, x in enumerate(texts) if k == 0 or x != texts[k - 1]]
            if deduped:
                title = deduped[-2] if len(deduped) >= 2 else deduped[-1]
                teaser = deduped[-1] if len(deduped) >= 2 else ""
                teasers.append({"title": title, "teaser": teaser})
            group = []
        else:
            group.append(line)
    return teasers


def parse_page_text(text: str) -> Post:
    """Parse a page text scrape into a canonical post (date unknown: ``None``)."""
    lines = [_clean(x) for x in text.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    if not lines:
        raise ImportFailure("geen tekst gevonden")
    title, rest = lines[0], lines[1:]
    end = _trailer_start(rest)
    blocks = _article_blocks(rest[:end])
    if not any(b.kind == "paragraph" for b in blocks):
        raise ImportFailure("geen artikeltekst gevonden onder de titel")
    teasers = _teasers(rest[end:])
    meta: dict[str, object] = {"source": "page-text"}
    if teasers:
        meta["related"] = [t["title"] for t in teasers]
        meta["teasers"] = {t["title"]: t["teaser"] for t in teasers}
    return Post(title=title, body=blocks_to_markdown(blocks), meta=meta)
