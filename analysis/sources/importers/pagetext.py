"""Page text copies: an article as copied from a practice website, with the site around it.

Real copies come from many site builders. What they share, and what the rules
here use:

- *position*: a header (menu, breadcrumb, logo, phone) before the title; after
  the article a trailer (previous/next links, related-article teasers closed by
  "Lees meer", a call to action, a footer with ©);
- *repetition*: lines that recur on other pages of the same site (``common``,
  computed by the importer over all copies of one folder) are site chrome;
- *shape*: bullets (``•``, ``-``, ``–``, ``*``, ``✅`` and other symbols), numbers,
  list introductions ending in ":", bylines, date and reading-time lines, short
  lines without a full stop followed by prose (subheadings).

Chrome is never recognised by line length alone, so a list of short lines stays
in the article. Everything dropped is listed, with its lines, in the word
accounting (:class:`PageAccount`) that the import report shows.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ...core.errors import ImportFailure
from ...core.formatting import MONTH_NAMES
from ...core.lexicons import alternation, read_words
from ..corpus import Block, Post, blocks_to_markdown


def _listed(section: str) -> tuple[str, ...]:
    return read_words("page_words.txt", section)


READ_MORE = re.compile(r"^\s*(lees\s+(meer|verder)|read\s+more|verder\s+lezen)\b", re.I)
COPYRIGHT = re.compile(r"^\s*(©|\(c\)|copyright\b|alle rechten voorbehouden)", re.I)
NAV_PHRASE = re.compile(
    r"^(naar het overzicht|terug naar (het )?(overzicht|boven|blog)|vorige( volgende)?|volgende|"
    r"vorig bericht|volgend bericht|deel (dit|deze) (bericht|artikel|pagina|blog)|delen:?|"
    r"share( this)?:?|plaats een reactie|laat een reactie achter|reacties?( \(\d+\))?|"
    r"gerelateerde (berichten|artikelen|blogs)|lees ook:?|bekijk ook:?|meer lezen\??|"
    r"recente (berichten|blogs)|tags?:.*|categorie(ën)?:.*|klik op de kaart.*|"
    rf"{alternation(_listed('share buttons'))})$", re.I)
NAV_WORDS = frozenset(_listed("navigation words"))
BREADCRUMB = re.compile(r"\s(»|›|>|/|\|)\s")
BYLINE = re.compile(r"^(door|geschreven door|auteur:?|by)\s+\S.{0,80}$", re.I)
READING_TIME = re.compile(r"^(leestijd:?\s*)?\d+\s*(min(uten|uut)?\.?|minutes?)(\s+leestijd)?\.?$", re.I)
DATE_LINE = re.compile(
    rf"^(geplaatst|gepubliceerd|bijgewerkt|datum)?\s*(op|:)?\s*"
    rf"(?P<d>\d{{1,2}})[\s\-/.](?P<m>\d{{1,2}}|{'|'.join(MONTH_NAMES)}|"
    rf"{'|'.join(m[:3] for m in MONTH_NAMES)})\.?[\s\-/.](?P<y>\d{{4}})$", re.I)
LINK_LABEL = re.compile(rf"^{alternation(_listed('link labels'))}$", re.I)
SOURCES_HEADING = re.compile(rf"^{alternation(_listed('sources headings'))}\s*:?$", re.I)
NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")
BULLET = re.compile(r"^([•\-–—*·▪◦●○►▶➤➔→✓✔✅☑✗❌⭐️]|\u2705)\s*(\S.*)$")
RUN_TOGETHER = re.compile(r"(?<=[a-zà-ÿ)\]])([.!?])(?=[A-Z][a-zà-ÿ])")
COOKIES = re.compile(rf"\bcookies?\b.*\b{alternation(_listed('cookie words'))}\b", re.I)
INLINE_BULLETS = re.compile(r"\s*(?:✅|✔️?|☑️?|•)\s*")
SENTENCE_END = (".", "!", "?", ".\"", ".'", ".”", "!”", "?”", ".)")
SENTENCE_INSIDE = re.compile(r"[a-zà-ÿ]{2}[.!?]\s+[A-Z]")
MAX_HEADING_WORDS = 14
SHORT_LINE_WORDS = 14
PROSE_WORDS = 8  # a line of this many words ending a sentence is article prose


@dataclass
class PageAccount:
    """Where every word of a page copy went."""
    source: int = 0
    title: int = 0
    body: int = 0
    metadata: int = 0
    dropped: list[tuple[str, list[str]]] = field(default_factory=list)  # (reason, lines)

    @property
    def dropped_words(self) -> int:
        return sum(_words(line) for _, lines in self.dropped for line in lines)

    @property
    def dropped_prose(self) -> int:
        """Words of dropped lines that look like article prose (long, ending a sentence)."""
        return sum(_words(line) for reason, lines in self.dropped for line in lines
                   if reason != "gerelateerde artikelen" and _is_prose(line))

    def as_dict(self) -> dict:
        return {"source": self.source, "title": self.title, "body": self.body, "captions": 0,
                "metadata": self.metadata, "dropped": self.dropped_words,
                "dropped_prose": self.dropped_prose,
                "dropped_blocks": [{"reason": r, "lines": ls} for r, ls in self.dropped],
                "notes": [f"{r}: {len(ls)} regel(s)" for r, ls in self.dropped]}

    def drop(self, reason: str, lines: list[str]) -> None:
        lines = [x for x in lines if x]
        if lines:
            self.dropped.append((reason, lines))


def _clean(line: str) -> str:
    """One line, whitespace normalised and run-together sentences ("elleboog).Pijn") split."""
    line = unicodedata.normalize("NFC", line.replace("\u00a0", " ").replace("\u200b", ""))
    return RUN_TOGETHER.sub(r"\1 ", " ".join(line.split()))


def _words(line: str) -> int:
    """Words of a line; bullets, list numbers and other symbols are no words."""
    tokens = line.split()
    if tokens and NUMBERED.match(line):
        tokens = tokens[1:]
    return sum(any(c.isalnum() for c in token) for token in tokens)


def _is_prose(line: str) -> bool:
    return _words(line) >= PROSE_WORDS and line.endswith(SENTENCE_END)


def _is_nav(line: str) -> bool:
    """A menu line, a breadcrumb or a single menu word."""
    if NAV_PHRASE.match(line):
        return True
    tokens = line.lower().replace(",", " ").split()
    if not tokens or line.endswith(SENTENCE_END) or len(tokens) > 12:
        return False
    if BREADCRUMB.search(line) and len(tokens) <= 12 and all(len(p.split()) <= 6 for p in BREADCRUMB.split(line)):
        return tokens[0] in ("home", "blog", "start", "homepage")
    share = sum(t in NAV_WORDS for t in tokens) / len(tokens)
    return share >= 0.75


def _is_contact_line(line: str) -> bool:
    return bool(re.search(r"\b0\d{1,3}[\s-]?\d{6,8}\b|\b0\d{2,3}[\s-]\d{3}[\s-]?\d{3,4}\b|@\w", line)) \
        and _words(line) <= 6


def _page_date(line: str) -> dt.date | None:
    m = DATE_LINE.match(line)
    if not m:
        return None
    month = m.group("m").lower()
    number = int(month) if month.isdigit() else next(
        i for i, name in enumerate(MONTH_NAMES, start=1) if name.startswith(month[:3]))
    try:
        return dt.date(int(m.group("y")), number, int(m.group("d")))
    except ValueError:
        return None


def _item_text(line: str) -> str | None:
    """The text of a bulleted or numbered list line, else None."""
    if m := BULLET.match(line):
        return m.group(2)
    if m := NUMBERED.match(line):
        return m.group(2)
    if line and unicodedata.category(line[0]) == "So":  # an emoji or other symbol as bullet
        return line[1:].lstrip(" \ufe0f") or None
    return None


def _split_title(lines: list[str], common: frozenset[str], account: PageAccount) -> tuple[str, int]:
    """The title and the index after it; header chrome before it is dropped."""
    header: list[str] = []
    for i, line in enumerate(lines):
        if not line:
            continue
        if (line in common or _is_nav(line) or _is_contact_line(line) or READ_MORE.match(line)
                or COOKIES.search(line) or _words(line) > 25):
            header.append(line)
            continue
        account.drop("kop van de pagina (menu, kruimelpad)", header)
        return line, i + 1
    raise ImportFailure("geen titel gevonden")


def _trailer_start(lines: list[str], common: frozenset[str]) -> int:
    """Index of the first line of the trailer (navigation, teasers, footer)."""
    n = len(lines)
    for i, line in enumerate(lines):
        if not line:
            continue
        nxt = next((j for j in range(i + 1, n) if lines[j]), None)
        teaser_title = nxt is not None and lines[nxt] == line and _words(line) <= MAX_HEADING_WORDS
        if COPYRIGHT.match(line) or READ_MORE.match(line) or teaser_title or NAV_PHRASE.match(line) \
                or (line in common and not _is_prose(line)):
            start = i
            if READ_MORE.match(line):  # back over the teaser this line closes
                start = _teaser_start(lines, i)
            return _back_over_group(lines, start)
    return n


def _teaser_start(lines: list[str], i: int) -> int:
    j = i - 1
    while j >= 0 and not lines[j]:
        j -= 1
    while j > 0 and lines[j - 1]:  # the teaser paragraph
        j -= 1
    k = j - 1
    while k >= 0 and not lines[k]:
        k -= 1
    titles = 0
    while k >= 0 and lines[k] and _words(lines[k]) <= MAX_HEADING_WORDS and titles < 2:
        j, titles = k, titles + 1  # its title, often twice
        k -= 1
        while k >= 0 and not lines[k]:
            k -= 1
    return j


def _back_over_group(lines: list[str], i: int) -> int:
    """Include the short non-prose lines directly above *i* (no blank line between)."""
    j = i
    while j > 0 and lines[j - 1] and not lines[j - 1].endswith(SENTENCE_END + (":",)) \
            and _words(lines[j - 1]) <= SHORT_LINE_WORDS and _item_text(lines[j - 1]) is None:
        j -= 1
    return j


def _groups(lines: list[str]) -> list[list[str]]:
    """Runs of consecutive non-empty lines."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _is_short(line: str) -> bool:
    """A line that can be a heading or list item: few words, no closing punctuation, no
    sentence inside it ("Mijn knie doet pijn. Wat kan ik doen?" is prose)."""
    return (_words(line) <= SHORT_LINE_WORDS and not line.endswith((".", ",", ";", ":"))
            and not SENTENCE_INSIDE.search(line))


def _special(line: str, account: PageAccount, meta: dict) -> bool:
    """Bylines, reading times, page dates, link labels and cookie notices: metadata or chrome."""
    if LINK_LABEL.match(line):
        account.drop("linklabel", [line])
    elif COOKIES.search(line):
        account.drop("cookiemelding", [line])
    elif BYLINE.match(line) and not line.endswith("."):
        meta.setdefault("author", re.sub(r"^(door|geschreven door|auteur:?|by)\s+", "", line, flags=re.I))
        account.metadata += _words(line)
    elif READING_TIME.match(line):
        account.metadata += _words(line)
    elif (day := _page_date(line)) is not None:
        meta.setdefault("date", day)
        account.metadata += _words(line)
    else:
        return False
    return True


def _classify(groups: list[list[str]], account: PageAccount, meta: dict) -> list[Block]:
    """Blocks of the article's line groups (runs of lines without a blank line).

    A copied list arrives as consecutive lines; paragraphs and headings are separated
    by blank lines. So within a group: bullets and numbers are items; a line ending in
    ":" introduces a list; a run of two or more short lines is a list (a line without a bullet
    after bulleted items is not part of it); a short line followed by prose is a heading, and so
    is a short line that opens a group, or follows prose, above a bulleted or numbered list. A
    group of one short line is a heading, also when it is numbered and the next group is prose
    ("1. Kleding", blank line, its paragraph)."""
    blocks: list[Block] = []
    sources: list[str] = []
    for g, group in enumerate(groups):
        if sources or SOURCES_HEADING.match(group[0]):
            sources.extend(x for x in group if not SOURCES_HEADING.match(x))
            continue
        lines = [x for x in group if not _special(x, account, meta)]
        # a numbered line alone, a blank line, then prose: a heading too ("1. Kleding", blank, text)
        after_blank = (groups[g + 1][0] if len(lines) == 1 and g + 1 < len(groups)
                       and not (blocks and blocks[-1].kind == "item") else "")
        previous = ""
        for k, line in enumerate(lines):
            following = lines[k + 1] if k + 1 < len(lines) else ""
            if (item := _item_text(line)) is not None:
                if NUMBERED.match(line) and _is_short(item) and _is_prose(following or after_blank):
                    blocks.append(Block("heading", line, 3))  # "1. Warm goed op" above its paragraph
                else:
                    blocks.extend(Block("item", part) for part in _split_inline_list(item))
            elif line.endswith(":") or not _is_short(line):
                blocks.append(Block("paragraph", line))
            elif (not previous or _is_prose(previous)) and _item_text(following) is not None \
                    and not line[0].islower():
                blocks.append(Block("heading", line, 2))  # "Wat kunt u zelf doen?" above its bullets
            elif previous.endswith(":") or (blocks and blocks[-1].kind == "item" and previous
                                            and _item_text(previous) is None) \
                    or (following and _is_short(following)):
                blocks.append(Block("item", line))
            elif following or not previous:
                level = 3 if re.match(r"^(tip|stap)\s*\d+\b", line, re.I) else 2
                blocks.append(Block("heading", line, level) if not line[0].islower()
                              else Block("paragraph", line))
            else:
                blocks.append(Block("paragraph", line))
            previous = line
    if sources:
        meta["sources"] = sources
        account.metadata += sum(map(_words, sources)) + 1
    return blocks


def _split_inline_list(text: str) -> list[str]:
    """A list the site put on one line ("✅ Rust ✅ IJs ✅ Bewegen") as separate items."""
    parts = [p.strip() for p in INLINE_BULLETS.split(text)]
    return [p for p in parts if p] or [text]


def _trim_tail(blocks: list[Block], account: PageAccount) -> list[Block]:
    """Headings without text at the end are site chrome ("Stel ons uw vraag")."""
    dropped: list[str] = []
    while blocks and blocks[-1].kind == "heading":
        dropped.insert(0, blocks.pop().text)
    account.drop("kopjes zonder tekst aan het einde", dropped)
    return blocks


def _teasers(lines: list[str]) -> list[dict]:
    """Related-article teasers: groups of lines closed by a "Lees meer" line."""
    teasers: list[dict] = []
    group: list[str] = []
    for line in lines:
        if READ_MORE.match(line):
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


def _unwrapped(lines: list[str]) -> list[str]:
    """Lines broken inside a sentence (an e-mail or a text file wrapped at 72 characters) joined
    again: a line that ends no sentence, followed by one that starts in lower case."""
    return _join_runs(lines, lambda last, line: bool(last) and line[:1].islower()
                      and not last.endswith((*SENTENCE_END, ":", ";")))


def joined_paragraphs(text: str) -> str:
    """A plain text with the lines of each paragraph joined, as Markdown reads them (a file wrapped
    at 72 characters): a blank line ends a paragraph; a list item (bullet or number) keeps its line."""
    lines = [_clean(x) for x in text.split("\n")]
    return "\n".join(_join_runs(lines, lambda last, line: bool(last and line)
                                 and not (BULLET.match(line) or NUMBERED.match(line))))


def _join_runs(lines: list[str], continues: Callable[[str, str], bool]) -> list[str]:
    """*lines* with each line that continues the previous one (``continues(previous line, line)``)
    joined to it by a space; in linear time, also for a file of one paragraph in 30,000 lines."""
    runs: list[list[str]] = []
    for line in lines:
        if runs and continues(runs[-1][-1], line):
            runs[-1].append(line)
        else:
            runs.append([line])
    return [" ".join(run) for run in runs]


def has_page_layout(text: str) -> bool:
    """Whether a plain text has a web page's layout that Markdown would lose: a short line without
    a full stop directly above a line of prose (a heading without '##'), or a line starting with a
    bullet that is not Markdown's (•, ►, ✓)."""
    lines = _unwrapped([_clean(x) for x in text.split("\n")])
    for line, below in zip(lines, lines[1:]):
        if (BULLET.match(below) and not below.startswith(("-", "*"))) or (
                line and below[:1].isupper() and _is_short(line) and _is_prose(below)):
            return True
    return False


def article_blocks(text: str) -> list[Block]:
    """Blocks of article text without Markdown, as pasted from a web page or a word processor:
    the same rules as a page copy (headings are short lines above prose, bullets and numbers are
    list items, bylines and reading times are no text), without a site around it; lines broken
    inside a sentence are joined first."""
    blocks = _classify(_groups(_unwrapped([_clean(x) for x in text.split("\n")])), PageAccount(), {})
    if all(b.kind == "heading" for b in blocks):  # a draft of one or two short lines is text
        return [Block("paragraph", b.text) for b in blocks]
    return blocks


def parse_page_text(text: str, common: frozenset[str] = frozenset()) -> Post:
    """Parse a page copy into a canonical post (date only where the page states it).

    *common*: lines that recur on other pages of the same site (treated as chrome).
    The word accounting is in ``post.meta`` under the private key ``_account``,
    which the importer takes out before writing.
    """
    lines = [_clean(x) for x in text.split("\n")]
    account = PageAccount(source=sum(map(_words, lines)))
    if not any(lines):
        raise ImportFailure("geen tekst gevonden")
    title, start = _split_title(lines, common, account)
    account.title = _words(title)
    rest = lines[start:]
    first = next((i for i, x in enumerate(rest) if x), None)
    if first is not None and rest[first] == title:  # the theme shows the title twice
        account.drop("titel herhaald", [rest[first]])
        rest[first] = ""
    end = _trailer_start(rest, common)
    meta: dict = {"source": "page-text"}
    blocks = _trim_tail(_classify(_groups(rest[:end]), account, meta), account)
    if not any(b.kind != "heading" for b in blocks):
        if any(_is_nav(x) for x in lines if x):
            raise ImportFailure("alleen navigatie, geen artikel (overgeslagen)")
        raise ImportFailure("geen artikeltekst gevonden onder de titel")
    trailer = rest[end:]
    teasers = _teasers(trailer)
    if teasers:
        meta["related"] = [t["title"] for t in teasers]
        meta["teasers"] = {t["title"]: t["teaser"] for t in teasers}
        account.drop("gerelateerde artikelen", [x for x in trailer if x and any(
            x in (t["title"], t["teaser"]) for t in teasers)])
        trailer = [x for x in trailer if not any(x in (t["title"], t["teaser"]) for t in teasers)]
    account.drop("navigatie en voettekst na het artikel", trailer)
    account.body = sum(_words(b.text) for b in blocks)
    date = meta.pop("date", None)
    post = Post(title=title, body=blocks_to_markdown(blocks), date=date, meta=meta)
    post.meta["_account"] = account
    return post
