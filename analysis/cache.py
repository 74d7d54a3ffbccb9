"""On-disk cache of per-post results, keyed by the post's content and the analysis code.

A key is the hash of the post's text plus a *code version*: the hash of every
source and data file the analysis depends on and of the NLP pipeline's name and
version. Changing a word list, a rule or the pipeline therefore invalidates every
entry, and adding one post to the corpus analyses only that post. Location:
``$ANALYSIS_CACHE_DIR`` or ``.cache/analysis/`` in the repository (git-ignored);
``ANALYSIS_CACHE=0`` switches the cache off.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

import spacy

PACKAGE = Path(__file__).resolve().parent
DEPENDS_ON = ["nlp.py", "corpus.py", "datafiles.py", "readability", "topics", "data"]


@lru_cache(maxsize=4)
def code_version(pipeline: str) -> str:
    digest = hashlib.sha256(f"{pipeline}|spacy {spacy.__version__}".encode())
    for name in DEPENDS_ON:
        path = PACKAGE / name
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file() and f.suffix in (".py", ".txt", ".tsv", ".yaml"):
                digest.update(f.relative_to(PACKAGE).as_posix().encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    """Results per post under <dir>/<code version>/<content hash>.pickle (our own files
    in a local, git-ignored folder; pickle reads several times faster than JSON)."""

    def __init__(self, pipeline: str, directory: Path | None = None):
        base = directory or Path(os.environ.get("ANALYSIS_CACHE_DIR", PACKAGE.parent / ".cache" / "analysis"))
        self.directory = Path(base) / code_version(pipeline)

    @staticmethod
    def key(*parts: str) -> str:
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]

    def get(self, key: str) -> dict | None:
        try:
            return pickle.loads((self.directory / f"{key}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            return None

    def put(self, key: str, value: dict) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.directory / f"{key}.tmp{os.getpid()}"
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(self.directory / f"{key}.pickle")


def default_cache(pipeline: str) -> ResultCache | None:
    return None if os.environ.get("ANALYSIS_CACHE", "1") == "0" else ResultCache(pipeline)
