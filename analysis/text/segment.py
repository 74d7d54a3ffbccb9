"""Sentence segmentation for Dutch web text.

spaCy's sentencizer ends a sentence at a ".", "!" or "?" token. Text copied from
websites needs more, and no library handles these Dutch cases (the trained Dutch
parsers miss them too), so the rules are ours:

- The tokenizer keeps the dot on short words it takes for abbreviations ("u.",
  "ca.", "dat."). Such a word ends the sentence when the next word starts with a
  capital ("Dat is goed voor u. U blijft fit."), unless it is a title or an
  initial ("Dr. Jansen", "J. de Vries").
- Abbreviations with inner dots ("o.a.", "i.p.v.", "M.a.g.") end a sentence only
  before a capital.
- Bullets and emoji ("✅ Warm op ✅ Rek uw spieren") start a new unit.
- Sentences that a site ran together ("pijn.Dat") are separated before
  tokenizing (:func:`web_text`).

Whether a unit is a full sentence or a fragment (a list item without a full stop,
a link label) is decided in the readability analysis.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..core.lexicons import read_list

ENDS = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
TITLES = read_list("abbreviations.txt")
BULLETS = set("•◦▪▫►▸‣⁃✓✔☑➤➔→")
DOTTED = re.compile(r"^[^\W\d_](?:\.[^\W\d_])+\.?$")  # o.a, i.p.v., M.a.g
RUN_TOGETHER = re.compile(r"(?<=[a-zà-ÿ)\]\"'’0-9])([.!?])(?=[A-Z][a-zà-ÿ])")


def web_text(text: str) -> str:
    """Put a space between sentences a site ran together: "pijn.Dat" -> "pijn. Dat"."""
    return RUN_TOGETHER.sub(r"\1 ", text)


@lru_cache(maxsize=200_000)
def is_bullet(word: str) -> bool:
    """A bullet or an emoji used as one (✅, •, ►, ✔️)."""
    chars = word.replace("\ufe0f", "")
    return bool(chars) and all(c in BULLETS or unicodedata.category(c) == "So" for c in chars)


@lru_cache(maxsize=200_000)
def is_punct(word: str) -> bool:
    return not any(c.isalnum() for c in word)


def _capital_next(words: list[str], i: int) -> bool:
    nxt = next((w for w in words[i + 1:] if not is_punct(w) or is_bullet(w)), None)
    return nxt is None or nxt[0].isupper() or is_bullet(nxt)


NO_END, END, AFTER_DOTTED, BEFORE_CAPITAL = range(4)  # what a word says about the end of a sentence


@lru_cache(maxsize=200_000)
def _end_kind(word: str) -> int:
    """Whether *word* ends a sentence: never, always, only before a capital, or (a lone "."),
    always unless it follows a dotted abbreviation; computed once per distinct word."""
    if word in ENDS or (is_punct(word) and word.strip(".!?…") == "" and word):
        return AFTER_DOTTED if word == "." else END
    if len(word) > 1 and word.endswith(".") and not is_punct(word[:-1]):
        stem = word[:-1]
        if stem.lower() in TITLES or (len(stem) == 1 and stem.isupper()):
            return NO_END  # Dr. Jansen, J. de Vries
        return BEFORE_CAPITAL  # "u. U blijft", "ca. 40"
    return NO_END


def _ends_sentence(words: list[str], i: int, kind: int) -> bool:
    """Whether token *i*, of end *kind* (:func:`_end_kind`), ends its sentence here."""
    if kind == AFTER_DOTTED:
        return not (i and DOTTED.match(words[i - 1])) or _capital_next(words, i)  # o.a . -> only before a capital
    return kind == END or (kind == BEFORE_CAPITAL and _capital_next(words, i))


BULLET, PUNCTUATION = -1, 4  # roles beside the end kinds (see _role)


@lru_cache(maxsize=200_000)
def _role(word: str) -> int:
    """A word's part in sentence segmentation, computed once per distinct word: BULLET, or its end
    kind (:func:`_end_kind`) plus PUNCTUATION when it has no letter or digit."""
    if is_bullet(word):
        return BULLET
    return _end_kind(word) + (PUNCTUATION if is_punct(word) else 0)


def sentence_starts(words: list[str]) -> list[bool]:
    """Whether each token starts a sentence (or a bulleted unit)."""
    starts = [False] * len(words)
    if words:
        starts[0] = True
    seen_end = False
    for i, role in enumerate(map(_role, words)):
        if role == NO_END:  # most tokens: a word that ends nothing
            if seen_end:
                starts[i], seen_end = True, False
        elif role == BULLET or (seen_end and role < PUNCTUATION):
            starts[i], seen_end = True, False
        elif role & 3 != NO_END and _ends_sentence(words, i, role & 3):
            seen_end = True
    return starts
