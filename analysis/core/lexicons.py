"""Editable data files shipped in ``analysis/data/`` (word lists, lexicons, taxonomy).

Text lists have one entry per line; ``#`` starts a comment. Tables are
tab-separated. A marketer can open and extend every file in a text editor.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .paths import LEXICONS as DATA


def _lines(name: str) -> list[str]:
    lines = []
    for raw in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


@lru_cache(maxsize=None)
def read_list(name: str) -> frozenset[str]:
    """A word list as a set of lower-case entries."""
    return frozenset(line.lower() for line in _lines(name))


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated table as tuples of stripped cells (header lines start with #)."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(name))


@lru_cache(maxsize=None)
def read_sections(name: str) -> dict[str, frozenset[str]]:
    """A word list split in ``[section]`` groups."""
    sections: dict[str, set[str]] = {}
    current = ""
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        else:
            sections.setdefault(current, set()).add(line.lower())
    return {k: frozenset(v) for k, v in sections.items()}


@lru_cache(maxsize=None)
def read_words(name: str, section: str = "") -> tuple[str, ...]:
    """The entries of a word list (or of one ``[section]`` of it) in the file's order, lower case."""
    current, words = "", []
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == section:
            words.append(line.lower())
    if not words:
        raise KeyError(f"{name} [{section}]")
    return tuple(words)


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regular-expression group matching any of *words* literally, longest first (so that
    'van de' is tried before 'van')."""
    ordered = sorted(dict.fromkeys(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in ordered) + ")"
