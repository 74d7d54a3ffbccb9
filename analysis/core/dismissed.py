"""Words the marketer told the draft checker not to mark again (``niet-markeren.txt``).

A plain text file beside ``practice.yaml``, one word per line (``#`` starts a comment), that
the practice can open and edit; the draft page adds a word to it when the marketer dismisses
a mark. ``ANALYSIS_DISMISSED`` names another file (tests, a second practice on one machine).
The draft checker then treats those words as ordinary and says how often it did, so no
figure changes unseen.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from . import paths

FILE_NAME = "niet-markeren.txt"
WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")  # letters or digits, joined by hyphens or apostrophes
HEADER = ("# Woorden die de conceptcontrole niet meer markeert, één per regel.\n"
          "# De pagina 'Concept controleren' voegt ze toe; u kunt ze hier ook weghalen.\n")


def dismissed_file() -> Path:
    return Path(os.environ.get("ANALYSIS_DISMISSED") or paths.ROOT / FILE_NAME)


def dismissed_words() -> frozenset[str]:
    """The dismissed words, lower case (read every time: the practice may have edited the file)."""
    path = dismissed_file()
    if not path.is_file():
        return frozenset()
    lines = (line.split("#", 1)[0].strip().lower() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line)


def dismiss(word: str) -> str | None:
    """Add one word to the file; returns it as stored, or None for what is not one word."""
    word = word.strip().strip(".,;:!?\"'()").lower()
    if not WORD.fullmatch(word) or not any(c.isalpha() for c in word):
        return None  # two words, markup or a formula ("=SOM(A1)") are no word the checker marks
    if word not in dismissed_words():
        path = dismissed_file()
        existing = path.read_text(encoding="utf-8") if path.is_file() else HEADER
        path.write_text(existing + ("" if existing.endswith("\n") else "\n") + word + "\n", encoding="utf-8")
    return word
