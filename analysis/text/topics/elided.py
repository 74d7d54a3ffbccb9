"""Elided compounds: "nek- en schouderklachten" stands for nekklachten and schouderklachten.

Dutch leaves out the shared part of coordinated compounds: the head ("knie- of
enkelblessures", "rug-, nek- en schouderpijn", "nek/schouderklachten") or, less
often, the modifier ("rugpijn en -stijfheid"). The tagger reads the completed
compounds, so the elided part is topic evidence like a written-out word.
"""
from __future__ import annotations

from ..wordfreq_nl import zipf

CONNECTORS = {"en", "of", "en/of", "&", ",", "/", "tot"}
MIN_MODIFIER = 2  # af-koppelen
MIN_HEAD = 4  # -pijn, -klachten
HEAD_ZIPF = 2.5  # a head is a known Dutch word (artrose 2.8, stijfheid 2.8)
MAX_GAP = 8  # tokens between an elided word and the compound that completes it


def _is_word(token: str) -> bool:
    return token.isalpha()


def split_compound(word: str) -> tuple[str, str] | None:
    """(modifier, head) of a compound, taking the longest known Dutch word as its head
    (schouderklachten -> schouder + klachten), or None when no such head exists."""
    lower = word.lower()
    for i in range(MIN_MODIFIER, len(lower) - MIN_HEAD + 1):
        head = lower[i:]
        if zipf(head) >= HEAD_ZIPF:
            return lower[:i].rstrip("-"), head
    return None


Completion = tuple[str, str]  # (the completed compound, the part that was written)


def _expand_slashes(word: str) -> list[Completion] | None:
    """nek/schouderklachten -> nekklachten, schouderklachten; knie/heup -> knie, heup."""
    parts = [p.lower() for p in word.split("/") if p]
    if len(parts) < 2 or not all(_is_word(p) for p in parts):
        return None
    split = split_compound(parts[-1])
    head = split[1] if split else ""
    return [(p + head, p) for p in parts[:-1]] + [(parts[-1], parts[-1])]


def completions(words: list[str]) -> dict[int, list[Completion]]:
    """What elided tokens stand for, by token index: (completed compound, written part).
    Without a known head to complete with, the written part stands alone."""
    found: dict[int, list[Completion]] = {}
    joined = "".join(words)
    if "-" not in joined and "/" not in joined:
        return found  # most texts: nothing elided, and no pass over their tokens
    for i, word in enumerate(words):
        if "/" in word:
            expanded = _expand_slashes(word)
            if expanded:
                found[i] = expanded
        elif len(word) > MIN_MODIFIER and word.endswith("-") and _is_word(word[:-1]):
            j = i + 1
            while j < len(words) and j - i <= MAX_GAP and (
                    words[j].lower() in CONNECTORS or words[j].endswith("-")):
                j += 1
            split = split_compound(words[j]) if j < len(words) and _is_word(words[j]) else None
            stem = word[:-1].lower()
            found[i] = [(stem + split[1] if split else stem, stem)]
        elif len(word) > MIN_HEAD and word.startswith("-") and _is_word(word[1:]):
            j = i - 1
            while j >= 0 and i - j <= MAX_GAP and (words[j].lower() in CONNECTORS or words[j].startswith("-")):
                j -= 1
            split = split_compound(words[j]) if j >= 0 and _is_word(words[j]) else None
            head = word[1:].lower()
            found[i] = [(split[0] + head if split else head, head)]
    return found
