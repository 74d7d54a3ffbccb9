"""Frog, the Dutch tagger, lemmatiser, morphological analyser, parser and NER of CLST (Radboud
University), as an optional path beside the default pipeline.

Frog is found on the PATH (Debian: ``apt-get install frog frogdata``); ``ANALYSIS_FROG=0``
switches it off. It runs as a command line program (``frog -n --skip=tc``) on our own sentences,
one per line with the tokens we already have, so its tags, lemmas, morphemes, heads and names
line up with the default path's tokens word for word. Frog's multi-word units ("Jan_Jansen") are
split back into their words. The Python binding on PyPI does not load Debian's frogdata, so this
adapter talks to the program instead.
"""
from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TIMEOUT_PER_WORD = 0.05  # seconds; Frog parses ~300 words/s on two cores, plus ~10 s start-up
START_UP = 120
COMMAND = ["frog", "-n", "--skip=tc"]  # one sentence per line, our tokens (no tokenizer, no chunker)


@dataclass(frozen=True)
class FrogWord:
    """One word as Frog sees it. *head*: index of the head word in the sentence (-1: the root);
    *relation*: Frog's dependency label (su, obj1, vc, svp, predc, cnj, punct...)."""
    word: str
    lemma: str
    morphemes: tuple[str, ...]
    pos: str  # CGN tag, e.g. "N(soort,ev,basis,zijd,stan)"
    ner: str  # "O", "B-PER", "I-LOC"...
    head: int
    relation: str

    @property
    def tag(self) -> str:
        """The main word class: N, WW, ADJ, BW, SPEC, LET..."""
        return self.pos.split("(", 1)[0]


@lru_cache(maxsize=1)
def frog_version() -> str | None:
    """Frog's version where it is installed and not switched off (ANALYSIS_FROG=0), else None."""
    if os.environ.get("ANALYSIS_FROG", "1") == "0" or not shutil.which("frog"):
        return None
    try:
        out = subprocess.run(["frog", "-V"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    first = (out.stdout or out.stderr).strip().splitlines()
    return first[0].split("(")[0].strip() if first and first[0].startswith("frog") else None


def frog_path() -> str:
    """Which path the deep analysis takes, in Dutch, for the pages ("Frog 0.20" or "zonder Frog")."""
    version = frog_version()
    return version.replace("frog", "Frog") if version else "zonder Frog"


def with_frog(pipeline: str) -> str:
    """A pipeline's name with Frog's version where Frog is on: what cached results are keyed by."""
    version = frog_version()
    return f"{pipeline}+{version}" if version else pipeline


class FrogError(RuntimeError):
    """Frog was found but did not give a parse (message in Dutch)."""


def _clean(word: str) -> str:
    """A token as Frog reads it without its tokenizer: no spaces, no underscores (those join
    multi-word units in its output)."""
    return "".join("-" if c == "_" or c.isspace() else c for c in word) or "-"


def _line(sentence: list[str]) -> str:
    """A sentence as one input line for Frog."""
    return " ".join(map(_clean, sentence)) + "\n"


def parse(sentences: list[list[str]]) -> list[list[FrogWord]]:
    """Frog's analysis of each sentence (a list of tokens), in order and word for word: by the
    resident Frog where one runs (the draft page), else by one Frog run for all of them."""
    todo = [i for i, s in enumerate(sentences) if s]
    out: list[list[FrogWord]] = [[] for _ in sentences]
    if not todo:
        return out
    parsed = _RESIDENT.parse([sentences[i] for i in todo]) if _RESIDENT.running else _run([sentences[i] for i in todo])
    for i, words in zip(todo, parsed):
        if len(words) != len(sentences[i]):
            raise FrogError("Frog gaf een zin terug met andere woorden dan erin gingen")
        out[i] = words
    return out


class ResidentFrog:
    """One Frog process that stays up, fed one sentence per line on its standard input (Frog's
    interactive mode), so a check after the first costs no start-up. For the draft page: started
    with it, stopped with it (and when the process that started it ends). No network port: Frog's
    own server mode (-S) listens on every interface."""
    CHUNK = 20  # sentences written before their answers are read (the pipes never fill)

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()
        atexit.register(self.stop)

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start Frog (it needs about 7 s before its first answer; parse() waits for it)."""
        with self._lock:
            if self.running or not frog_version():
                return
            self._process = subprocess.Popen([*COMMAND, "--threads=1"], stdin=subprocess.PIPE,
                                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                             encoding="utf-8", bufsize=1, cwd=tempfile.gettempdir())

    def parse(self, sentences: list[list[str]]) -> list[list[FrogWord]]:
        with self._lock:
            process = self._process
            if process is None or process.poll() is not None or process.stdin is None or process.stdout is None:
                raise FrogError("Frog draait niet meer")
            out: list[list[FrogWord]] = []
            try:
                for k in range(0, len(sentences), self.CHUNK):
                    chunk = sentences[k:k + self.CHUNK]
                    process.stdin.write("".join(map(_line, chunk)))
                    process.stdin.flush()
                    for _ in chunk:
                        out.append(_sentence(self._rows(process.stdout)))
            except (OSError, ValueError) as exc:
                raise FrogError("Frog stopte tijdens het ontleden") from exc
            return out

    @staticmethod
    def _rows(stdout) -> list[list[str]]:
        rows: list[list[str]] = []
        while True:
            line = stdout.readline()
            if not line:
                raise FrogError("Frog stopte tijdens het ontleden")
            if line.strip():
                rows.append(line.rstrip("\n").split("\t"))
            elif rows:
                return rows

    def stop(self) -> None:
        with self._lock:
            process, self._process = self._process, None
        if process is not None and process.poll() is None:
            if process.stdin:
                process.stdin.close()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


_RESIDENT = ResidentFrog()


def resident() -> ResidentFrog:
    """The resident Frog of this process (see :class:`ResidentFrog`)."""
    return _RESIDENT


def _run(sentences: list[list[str]]) -> list[list[FrogWord]]:
    """One Frog run (``frog -t``) over all sentences."""
    words = sum(len(s) for s in sentences)
    with tempfile.TemporaryDirectory(prefix="frog-") as tmp:
        source, target = Path(tmp) / "in.txt", Path(tmp) / "out.tsv"
        source.write_text("".join(map(_line, sentences)), encoding="utf-8")
        try:
            done = subprocess.run([*COMMAND, "--threads=2", "-t", str(source), "-o", str(target)],
                                  capture_output=True, text=True, cwd=tmp,
                                  timeout=START_UP + TIMEOUT_PER_WORD * words)
        except (OSError, subprocess.SubprocessError) as exc:
            raise FrogError(f"Frog draaide niet ({type(exc).__name__})") from exc
        if done.returncode != 0 or not target.is_file():
            raise FrogError(f"Frog stopte met code {done.returncode}")
        parsed = _read(target.read_text(encoding="utf-8"))
    if len(parsed) != len(sentences):
        raise FrogError(f"Frog gaf {len(parsed)} zinnen terug voor {len(sentences)}")
    return parsed


def _read(tsv: str) -> list[list[FrogWord]]:
    """Frog's tab-separated output, sentences split by blank lines, multi-word units split."""
    sentences: list[list[FrogWord]] = []
    for block in tsv.strip("\n").split("\n\n"):
        rows = [line.split("\t") for line in block.splitlines() if line.strip()]
        if rows:
            sentences.append(_sentence(rows))
    return sentences


def _sentence(rows: list[list[str]]) -> list[FrogWord]:
    # Frog numbers a multi-word unit as one word; map its numbers to the first of our words
    first: dict[int, int] = {}
    position = 0
    for row in rows:
        first[int(row[0])] = position
        position += row[1].count("_") + 1
    words: list[FrogWord] = []
    for row in rows:
        # number, word, lemma, morphemes, tag, confidence, NER, chunk, (empty), head, relation
        row = row + [""] * (11 - len(row))
        parts = row[1].split("_")
        head = first.get(int(row[9]), -1) if row[9].strip().isdigit() and int(row[9]) else -1

        def split(value: str) -> list[str]:
            pieces = value.split("_")
            return pieces if len(pieces) == len(parts) else [value] * len(parts)

        lemmas, morphs, tags, ners = split(row[2]), split(row[3]), split(row[4]), split(row[6])
        start = len(words)
        for k, part in enumerate(parts):
            words.append(FrogWord(part, lemmas[k], tuple(m for m in morphs[k].strip("[]").split("][") if m),
                                  tags[k], ners[k] or "O", head if k == 0 else start, row[10] if k == 0 else "mwp"))
    return words
