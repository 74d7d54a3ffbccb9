"""Marks the marketer told the draft checker not to make again (``niet-markeren.txt``).

A plain text file beside ``practice.yaml`` that the practice can open and edit (``#`` starts a
comment): one word per line, or ``zin:`` and a sentence whose passive or sentence-structure mark
was wrong. The draft page adds a line when the marketer dismisses a mark. ``ANALYSIS_DISMISSED``
names another file (tests, a second practice on one machine). The draft checker then treats those
words as ordinary and those sentences as active and well built, and says how often it did, so no
figure changes unseen.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import paths

FILE_NAME = "niet-markeren.txt"
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")  # letters or digits, joined by hyphens or apostrophes
SENTENCE = "zin:"
MIN_SENTENCE_WORDS = 3  # fewer is no sentence a passive or structure mark is made on
HEADER = ("# Woorden en zinnen die de conceptcontrole niet meer markeert, één per regel.\n"
          "# Een zin begint met 'zin:'. De pagina 'Concept controleren' voegt ze toe; u kunt ze hier ook weghalen.\n")


@dataclass(frozen=True)
class Dismissed:
    """Lower-case words, and sentences as :func:`sentence_key` writes them."""
    words: frozenset[str] = frozenset()
    sentences: frozenset[str] = frozenset()


def sentence_key(text: str) -> str:
    """A sentence by its words only: case, spacing, quotes and punctuation do not matter."""
    return " ".join(WORD.findall(text.lower()))


def dismissed_file() -> Path:
    return Path(os.environ.get("ANALYSIS_DISMISSED") or paths.ROOT / FILE_NAME)


def read_dismissed() -> Dismissed:
    """The dismissed words and sentences (read every time: the practice may have edited the file)."""
    path = dismissed_file()
    if not path.is_file():
        return Dismissed()
    lines = [line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    sentences = {sentence_key(line[len(SENTENCE):]) for line in lines if line.lower().startswith(SENTENCE)}
    words = {line.lower() for line in lines if line and not line.lower().startswith(SENTENCE)}
    return Dismissed(frozenset(words), frozenset(sentences - {""}))


def _append(line: str) -> None:
    path = dismissed_file()
    existing = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    path.write_text(existing + ("" if existing.endswith("\n") else "\n") + line + "\n", encoding="utf-8")


def dismiss(word: str) -> str | None:
    """Add one word to the file; returns it as stored, or None for what is not one word."""
    word = word.strip().strip(".,;:!?\"'()").lower()
    if not WORD.fullmatch(word) or not any(c.isalpha() for c in word):
        return None  # two words, markup or a formula ("=SOM(A1)") are no word the checker marks
    if word not in read_dismissed().words:
        _append(word)
    return word


def dismiss_sentence(text: str) -> str | None:
    """Add one sentence to the file (its words, one line); returns them, or None for fewer than
    MIN_SENTENCE_WORDS words."""
    key = sentence_key(text)
    if len(key.split()) < MIN_SENTENCE_WORDS:
        return None
    if key not in read_dismissed().sentences:
        _append(f"{SENTENCE} {key}")  # its words only: no '#' or line break of the draft can change the file
    return key
