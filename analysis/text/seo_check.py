"""Findability checks of a draft, as marketers know them from Yoast: the focus keyphrase and the page.

The keyphrase is the marketer's, or suggested: the words patients use for the draft's main topic
(in Google, where a Search Console export fed the plan; else in their messages; else the topic's
name). A phrase counts as present where each of its words of three letters or more occurs, in any
order and also inside a longer word ('schaatsen' in 'schaatsblessure' does not count, 'lies' in
'liesblessure' does): Dutch compounds carry the keyword. A meta description fits what Google shows
under a title at DESCRIPTION characters (the title's own length is checked with the headings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..sources.corpus import slugify

DESCRIPTION = (120, 156)
LINK = re.compile(r"\]\(([^)\s]+)\)|https?://[^\s)\]]+")


@dataclass(frozen=True)
class SeoCheck:
    """One finding: what was checked, whether it is fine (None: advice, nothing to measure), and why."""

    label: str
    ok: bool | None
    text: str


def _words(phrase: str) -> list[str]:
    return [w for w in re.findall(r"\w+", phrase.lower()) if len(w) >= 3]


def has_phrase(text: str, phrase: str) -> bool:
    words, found = _words(phrase), text.lower()
    return bool(words) and all(w in found for w in words)


def internal_links(blocks: list, site_paths: set[str]) -> list[str]:
    """Links in the draft to pages of the practice's own site (paths, or addresses ending in one)."""
    links = [m.group(1) or m.group(0) for b in blocks for m in LINK.finditer(b.text)]
    return [link for link in links if link.startswith("/") or any(link.rstrip("/").endswith(p.rstrip("/"))
                                                                  for p in site_paths if p != "/")]


def seo_checks(title: str, blocks: list, keyphrase: str, description: str | None = None,
               related: list[tuple[str, str]] | None = None, address: str = "") -> list[SeoCheck]:
    """The checks of one draft; *related*: (title, path) of the practice's own posts on its topic;
    *address*: the page address the marketer gives (else the one the title makes)."""
    related = related or []
    paragraphs = [b.text for b in blocks if b.kind != "heading"]
    headings = [b.text for b in blocks if b.kind == "heading"]
    last = address.strip().strip("/").rsplit("/", 1)[-1]  # a full address or a path: its last part
    given = bool(last)
    address = slugify(last) if given else slugify(title)
    checks = [
        SeoCheck("Zoekwoord in de titel", has_phrase(title, keyphrase),
                 "de titel bevat het zoekwoord" if has_phrase(title, keyphrase) else
                 f"zet '{keyphrase}' in de titel: daar kijkt Google het eerst"),
        SeoCheck("Zoekwoord in de eerste alinea", bool(paragraphs) and has_phrase(paragraphs[0], keyphrase),
                 "de eerste alinea noemt het zoekwoord" if paragraphs and has_phrase(paragraphs[0], keyphrase)
                 else "noem het zoekwoord in de eerste alinea, zodat de lezer ziet dat hij goed zit"),
        SeoCheck("Zoekwoord in een tussenkopje", any(has_phrase(h, keyphrase) for h in headings),
                 "een tussenkopje noemt het zoekwoord" if any(has_phrase(h, keyphrase) for h in headings)
                 else "geef één tussenkopje het zoekwoord" if headings else "het concept heeft nog geen tussenkopjes"),
        SeoCheck("Zoekwoord in het webadres", has_phrase(address.replace("-", " "), keyphrase),
                 f"het webadres {'is' if given else 'wordt'} /{address}/"
                 + ("" if has_phrase(address.replace("-", " "), keyphrase) else ": zonder het zoekwoord; geef het "
                    "bericht een adres met het zoekwoord")),
    ]
    if description:
        low, high = DESCRIPTION
        fits = low <= len(description) <= high
        checks.append(SeoCheck("Metabeschrijving", fits and has_phrase(description, keyphrase),
                               f"{len(description)} tekens (goed is {low} tot {high})"
                               + ("" if has_phrase(description, keyphrase) else "; zet het zoekwoord erin")))
    else:
        checks.append(SeoCheck("Metabeschrijving", None, f"schrijf bij het plaatsen een beschrijving van "
                               f"{DESCRIPTION[0]} tot {DESCRIPTION[1]} tekens met het zoekwoord: die staat onder "
                               "de titel in Google"))
    links = internal_links(blocks, {p for _, p in related})
    advice = "; link bijvoorbeeld naar: " + ", ".join(f"'{t}'" for t, _ in related[:3]) if related else ""
    checks.append(SeoCheck("Links naar eigen berichten", bool(links),
                           f"{len(links)} link(s) naar de eigen website" if links else
                           "nog geen link naar een eigen bericht over dit onderwerp" + advice))
    return checks
