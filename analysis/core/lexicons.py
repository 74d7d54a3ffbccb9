"""Editable data files shipped in ``analysis/data/`` (word lists, lexicons, taxonomy).

Text lists have one entry per line; ``#`` starts a comment. Tables are
tab-separated. A marketer can open and extend every file in a text editor.
"""
from __future__ import annotations

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
