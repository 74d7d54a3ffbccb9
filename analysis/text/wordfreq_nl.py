"""Word difficulty from word frequency (wordfreq, Dutch; includes SUBTLEX-NL).

Zipf = log10 of frequency per billion words: 6 is "de/het"-common, 3 is about one
occurrence per million words. Content words below Zipf 3 count as rare, unless
the word is a compound of common parts (thuiswerkplek = thuiswerk + plek), which
in Dutch is written as one word and is no harder than its parts.
"""
from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

RARE_BELOW = 3.0
LINKS = ("", "s", "e", "en")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "nl")


def _known(part: str) -> bool:
    return len(part) >= 3 and zipf(part) >= RARE_BELOW


@lru_cache(maxsize=200_000)
def common_compound(word: str) -> bool:
    """True when *word* splits into two (or three) common Dutch words."""
    word = word.lower()
    for k in range(3, len(word) - 2):
        head, tail = word[:k], word[k:]
        tail_ok = _known(tail) or (len(tail) >= 6 and common_compound(tail))
        if not tail_ok:
            continue
        if any(head.endswith(link) and _known(head[: len(head) - len(link)] if link else head)
               for link in LINKS) or _known(head + "en"):
            return True
    return False


def word_zipf(word: str, lemma: str = "") -> float:
    """Zipf of a word form or of its lemma, whichever is more frequent (buig -> buigen)."""
    return max(zipf(word), zipf(lemma)) if lemma else zipf(word)


def is_rare(word: str, lemma: str = "") -> bool:
    return word_zipf(word, lemma) < RARE_BELOW and not common_compound(word)
