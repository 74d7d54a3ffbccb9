"""Word difficulty from word frequency (wordfreq, Dutch; includes SUBTLEX-NL).

Zipf = log10 of frequency per billion words: 6 is "de/het"-common, 3 is about one
occurrence per million words. A content word counts as rare below Zipf 2.5 (about
one in three million words). The threshold was set on words patients read in
practice texts: everyday words such as pees (2.95), stijfheid (2.76), fitheid and
gladheid (2.71) lie above it, jargon such as ligament (1.97), proprioceptie
(1.87), adductoren (1.85) and musculatuur (1.43) below it (tests/test_readability.py
holds both lists). Not rare either: a word stressed with accents (*óók*, *wél*),
compounds of known parts (thuiswerkplek = thuiswerk + plek), which Dutch writes as
one word and are no harder than their parts, and the everyday patient words in
``plain_words.txt`` that written text rarely uses (verzwikken, 1.2).
"""
from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from ..core.lexicons import read_list

RARE_BELOW = 2.5
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


EMPHASIS = str.maketrans("áéíóúÁÉÍÓÚ", "aeiouAEIOU")  # óók, dát, wél: Dutch stresses a word with acute accents


def word_zipf(word: str, lemma: str = "") -> float:
    """Zipf of a word form or of its lemma, whichever is more frequent (buig -> buigen)."""
    return max(zipf(word), zipf(lemma)) if lemma else zipf(word)


@lru_cache(maxsize=1)
def _plain() -> frozenset[str]:
    return frozenset(read_list("plain_words.txt"))


def is_plain(word: str, lemma: str = "") -> bool:
    """An everyday patient word from plain_words.txt (by form or lemma)."""
    return word.lower() in _plain() or (bool(lemma) and lemma in _plain())


def is_rare(word: str, lemma: str = "") -> bool:
    if is_plain(word, lemma) or ((plain := word.translate(EMPHASIS)) != word and zipf(plain) >= RARE_BELOW):
        return False  # an everyday word, or one stressed with accents (Oók)
    return word_zipf(word, lemma) < RARE_BELOW and not common_compound(word)
