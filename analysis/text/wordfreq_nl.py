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

A word that is not rare can still be hard for a B1 reader (``hard_reason``): a loan with a Latin,
Greek or French ending less common than everyday loans (coördinatie, ergonomisch), an uncommon
abstract noun in -heid (lenigheid) or a long compound of abstract parts (bewegingsbeperkingen).
Measured on real articles in docs/real-texts.md.
"""
from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import zipf_frequency

from ..core.lexicons import read_list, read_words

RARE_BELOW = 2.5
# A loan with a Latin, Greek or French ending counts as hard below this Zipf, set on the tuning
# part of benchmarks/real_texts (docs/real-texts.md): informatie 5.2, activiteit 4.4, eventueel
# 4.14 and individueel 4.11 stay plain; preventie 4.0, coördinatie 3.6 and ergonomisch 2.0 are
# hard; functioneren (4.13) is missed.
LOAN_BELOW = 4.1
ABSTRACT_BELOW = 3.0  # an abstract noun in -heid below this Zipf (lenigheid 2.2, erfelijkheid 2.8)
# A compound with this many syllables or more that is itself this rare reads as hard when one of
# its parts is an abstract noun (bewegingspatronen, behandelmogelijkheden, voorlichtingsprogramma);
# long compounds of concrete words do not (volleybalspelers, bovenrugspieren). Set on the tuning part.
LONG_COMPOUND_SYLLABLES = 5
LONG_COMPOUND_BELOW = 2.0
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


LOAN_ENDINGS = tuple(read_words("hard_word_shapes.txt", "loan_endings"))
# an abstract noun inside the compound (bewegings-, preventie-, -beperkingen, -mogelijkheden):
# such long compounds read as hard; those of concrete words do not (volleybalspelers, bovenrugspieren)
ABSTRACT_PART = re.compile(r"\w(?:ings|ties?|heids|teits)\w|(?:ing|ingen|heid|heden|ties?)$")


def hard_reason(word: str, lemma: str, syllables: int) -> str | None:
    """Why a content word that is not rare is still hard for a B1 reader: 'leenwoord' (a loan with
    a Latin, Greek or French ending that is less common than everyday loans), 'abstract woord' (an
    uncommon noun in -heid) or 'lang woord' (a long compound of abstract parts that is itself
    rare); None for a plain word."""
    low = word.lower()
    if is_plain(word, lemma) or len(word) < 6 or low.endswith(_plain_heads()):
        return None  # an everyday word, or a compound ending in one (sportfysiotherapeut, ochtendstijfheid)
    z = word_zipf(word, lemma)
    if low.endswith(LOAN_ENDINGS) and z < LOAN_BELOW:
        return "leenwoord"
    if low.endswith(("heid", "heden")) and z < ABSTRACT_BELOW:
        return "abstract woord"  # beweeglijkheid, erfelijkheid; everyday ones are plain words (stijfheid)
    if syllables >= LONG_COMPOUND_SYLLABLES and z < LONG_COMPOUND_BELOW and ABSTRACT_PART.search(low):
        return "lang woord"
    return None


@lru_cache(maxsize=1)
def _plain_heads() -> tuple[str, ...]:
    """Everyday patient words a compound may end in and still read as that word (sportfysiotherapeut)."""
    return tuple(p for p in _plain() if len(p) >= 7)


def is_rare(word: str, lemma: str = "") -> bool:
    if is_plain(word, lemma) or ((plain := word.translate(EMPHASIS)) != word and zipf(plain) >= RARE_BELOW):
        return False  # an everyday word, or one stressed with accents (Oók)
    return word_zipf(word, lemma) < RARE_BELOW and not common_compound(word)
