"""deduce's word-sequence lookups (streets, institutions, names) in a compact form.

deduce keeps each list of multi-word names as a trie of Python objects: street names and
healthcare institutions alone are 1.8 million nodes, about 0.9 GB. A forked worker that
reads them writes reference counts into them and so copies the pages it touches, and freeing
them afterwards leaves the memory scattered over hundreds of half-empty arenas. So the tries
are never loaded here: a separate interpreter loads deduce once, turns every trie into a
:class:`CompactTrie` (a MARISA trie from ``marisa-trie``: C++ memory, a few MB, never copied
by reading) and saves the lookup structures in deduce's own cache format; deduce is then
started from that cache. The compact trie answers exactly as deduce's trie does
(``tests/test_compact_lookup.py``).
"""
from __future__ import annotations

import itertools
import os
import pickle
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import marisa_trie
from docdeid.ds.lookup import LookupTrie

SEP = "\x1f"  # between the words of a sequence (no list deduce ships holds it)
CACHE_FILE = Path("cache") / "lookup_structs.pickle"  # where deduce looks under its cache_path


class CompactTrie(LookupTrie):
    """A frozen, compact docdeid ``LookupTrie``: membership and the longest matching prefix of a
    word sequence, with the same matching pipeline. ``children`` holds only the first words (what
    deduce's annotators read to know where a match can start), without tries below them."""

    def __init__(self, sequences: Iterable[Sequence[str]], matching_pipeline=None) -> None:  # noqa: D107
        self.matching_pipeline = matching_pipeline
        self.is_terminal = False
        words = [tuple(s) for s in sequences if s]
        self._trie = marisa_trie.Trie(SEP.join(w) + SEP for w in words)
        self._longest = max(map(len, words), default=0)  # words in the longest sequence
        self.children = dict.fromkeys(sorted({w[0] for w in words}))  # type: ignore[assignment]

    def add_item(self, item: list[str]) -> None:
        raise TypeError("a CompactTrie is frozen")

    def _key(self, word: str) -> str | None:
        word = self._apply_matching_pipeline(word)
        return None if SEP in word else word + SEP

    def __contains__(self, item: Sequence[str]) -> bool:  # type: ignore[override]
        """Whether *item* is a stored sequence (the pipeline applied to every word; docdeid's trie
        applies it to the first word only, which matters for none of the ways deduce uses it)."""
        keys = [self._key(word) for word in item]
        return bool(keys) and None not in keys and "".join(keys) in self._trie  # type: ignore[arg-type]

    def longest_matching_prefix(self, item: Sequence[str], start_i: int = 0) -> list[str] | None:  # type: ignore[override]
        """The longest sequence in the trie that *item* starts with from *start_i* (as matched,
        after the pipeline), or None: one lookup of the stored keys that begin the joined words."""
        words = list(item[start_i:start_i + self._longest])
        if self.matching_pipeline:
            words = [self._apply_matching_pipeline(w) for w in words]
        joined = SEP.join(words) + SEP
        if joined.count(SEP) != len(words):  # a word holding the separator ends the sequence there
            words = list(itertools.takewhile(lambda w: SEP not in w, words))
            joined = SEP.join(words) + SEP
        found = self._trie.prefixes(joined) if words else []
        return words[:max(found, key=len).count(SEP)] if found else None

    def __len__(self) -> int:
        return len(self._trie)


def sequences(trie: LookupTrie) -> Iterator[tuple[str, ...]]:
    """Every word sequence stored in a docdeid trie (depth first)."""
    stack: list[tuple[LookupTrie, tuple[str, ...]]] = [(trie, ())]
    while stack:
        node, path = stack.pop()
        if node.is_terminal and path:
            yield path
        stack.extend((child, path + (word,)) for word, child in node.children.items())


def compacted(structs: dict) -> dict:
    """deduce's lookup structures with every trie replaced by a :class:`CompactTrie`."""
    return type(structs)({name: CompactTrie(sequences(s), s.matching_pipeline)
                          if isinstance(s, LookupTrie) and not isinstance(s, CompactTrie) else s
                          for name, s in structs.items()})


def compact_cache(cache: Path) -> Path:
    """A deduce cache path under *cache* holding the compacted lookup structures of the installed
    deduce (one folder per deduce version), built in a separate interpreter when missing."""
    from deduce import __version__

    folder = cache / f"deduce-{__version__}"
    if not (folder / CACHE_FILE).exists():
        code = f"from {__name__} import build; build({str(folder)!r})"
        subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2],
                       stdout=subprocess.DEVNULL)
    return folder


def build(folder: str | Path) -> None:
    """Load deduce the usual way, compact its tries, save them where ``Deduce(cache_path=folder)``
    reads them (written to a temporary file first: processes starting together never read half)."""
    import logging

    from deduce import Deduce, __version__

    logging.disable(logging.INFO)  # deduce's chatter while loading
    folder = Path(folder)
    structs = compacted(Deduce().lookup_structs)
    (folder / CACHE_FILE).parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=folder / CACHE_FILE.parent, delete=False) as fh:
        pickle.dump({"deduce_version": __version__, "saved_datetime": str(datetime.now()),
                     "lookup_structs": structs}, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(fh.name, folder / CACHE_FILE)
