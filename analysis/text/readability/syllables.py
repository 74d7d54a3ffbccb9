"""Dutch syllable counting.

Pyphen's Dutch hyphenation cannot split a single initial vowel (a-po-the-ker) nor
vowel sequences such as i-o (ra-di-o), so we count *vowel groups* instead: a
greedy left-to-right scan that treats Dutch digraphs and trigraphs (aa, ie, ij,
eeu, ooi, ...) as one vowel sound, starts a new syllable at a trema (knie-ën,
ru-ï-ne) and at vowel pairs that are not a digraph (i-de-aal, vi-de-o).
Loanwords whose spelling does not follow these rules are listed with their count
in ``data/syllable_exceptions.tsv`` and recognised at the start or end of a
compound (webshop, zorgwebsite).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from ...core.lexicons import read_table, read_words

VOWELS = set("aeiouy")
TREMA = set("äëïöüÿ")
# Longest first: the scan takes the longest unit that matches at each position.
UNITS = sorted(read_words("vowel_groups.txt"), key=len, reverse=True)


@lru_cache(maxsize=1)
def _exceptions() -> dict[str, int]:
    return {word: int(count) for word, count in read_table("syllable_exceptions.tsv")}


def _vowel_groups(word: str) -> int:
    count, i, n = 0, 0, len(word)
    while i < n:
        ch = word[i]
        if ch in TREMA:  # a trema starts a syllable: knie-ën, re-eel, na-ïef
            base = unicodedata.normalize("NFD", ch)[0]
            rest = base + word[i + 1:]
            count += 1
            i += len(next((u for u in UNITS if rest.startswith(u)), base))
            continue
        is_vowel = ch in VOWELS and not (ch == "y" and i + 1 < n and word[i + 1] in VOWELS and i == 0)
        if ch == "i" and word.startswith("ij", i):
            is_vowel = True
        if not is_vowel:
            i += 1
            continue
        unit = next((u for u in UNITS if word.startswith(u, i)), ch)
        count += 1
        i += len(unit)
    return count


def _plain(word: str) -> int:
    word = word.lower()
    # e-um is two syllables (museum, jubileum) unless a vowel follows (reuma).
    extra = sum(1 for k in range(len(word) - 2)
                if word[k:k + 3] == "eum" and (k + 3 == len(word) or word[k + 3] not in VOWELS))
    return _vowel_groups(word) + extra


@lru_cache(maxsize=100_000)
def count_syllables(word: str) -> int:
    """Number of syllables of a Dutch word (at least 1 for any word with letters)."""
    word = unicodedata.normalize("NFC", word.strip().lower())
    parts = [p for p in word.replace("'", "").split("-") if p]
    if len(parts) > 1:
        return sum(count_syllables(p) for p in parts)
    if not parts or not any(c.isalpha() for c in parts[0]):
        return 1 if parts and any(c.isdigit() for c in parts[0]) else 0
    word = parts[0]
    exceptions = _exceptions()
    if word in exceptions:
        return exceptions[word]
    for cut in range(len(word) - 3, 2, -1):  # compound with a loanword as head or modifier
        head, tail = word[:cut], word[cut:]
        if tail in exceptions and len(tail) >= 4:
            return _plain(head) + exceptions[tail]
        if head in exceptions and len(head) >= 4:
            return exceptions[head] + count_syllables(tail)
    return max(1, _plain(word))
