"""On-disk cache of per-post results (and of each corpus folder's parsed files), keyed by
content and by the code that made them.

A key is the hash of the post's text plus a *code version*: the hash of every
package module the analysis imports (found by following its imports, so a new
module cannot be forgotten), every file in ``analysis/data/`` and a practice's own ``topics.yaml``, the NLP pipeline's
name and the versions of the libraries that shape the result. Changing any of
them invalidates every entry; adding one post to the corpus analyses only that
post. The results and parsed files of one corpus folder are also kept together in one
file each (``put_together``): a re-run of 10,000 posts reads two files instead of 10,000.
Location: ``$ANALYSIS_CACHE_DIR`` or ``.cache/analysis/`` in the repository (git-ignored);
``ANALYSIS_CACHE=0`` switches the cache off.
"""
from __future__ import annotations

import ast
import hashlib
import os
import pickle
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from . import paths
from .outputs import private_dir
from .paths import LEXICONS, PACKAGE, cache_dir

ENTRY_MODULE = "analysis.text.post_analysis"
LIBRARIES = ["spacy", "spacy-lookups-data", "wordfreq", "numpy", "deduce", "pandas", "PyYAML"]


def _module_file(name: str) -> Path | None:
    parts = name.split(".")[1:]
    base = PACKAGE.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(name: str, path: Path) -> set[str]:
    """Package modules imported by module *name* (absolute names)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "analysis":
                continue
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "analysis")
    return {m for m in found if _module_file(m)}


def dependencies(entry: str = ENTRY_MODULE) -> list[Path]:
    """Source files of *entry* and of every package module it imports, transitively
    (with the ``__init__`` of each package on the way)."""
    seen: set[str] = set()
    todo = [entry]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        parents = [".".join(name.split(".")[:i]) for i in range(1, name.count(".") + 1)]
        todo.extend(p for p in parents if p not in seen)
        path = _module_file(name)
        if path is not None:
            todo.extend(_imports(name, path) - seen)
    return sorted({p for p in map(_module_file, seen) if p is not None})


def _library_versions() -> str:
    out = []
    for name in LIBRARIES:
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} -")
    return "|".join(out)


@lru_cache(maxsize=8)
def code_version(pipeline: str, entry: str = ENTRY_MODULE) -> str:
    digest = hashlib.sha256(f"{pipeline}|{_library_versions()}".encode())
    data = sorted(f for f in LEXICONS.rglob("*") if f.is_file())
    local = [paths.LOCAL_TOPICS] if paths.LOCAL_TOPICS.is_file() else []
    for f in [*dependencies(entry), *data, *local]:
        digest.update(f.name.encode() if f in local else f.relative_to(PACKAGE).as_posix().encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


class ResultCache:
    """Results per post under <dir>/<code version>/<content hash>.pickle (our own files
    in a local, git-ignored folder; pickle reads several times faster than JSON)."""

    def __init__(self, pipeline: str, directory: Path | None = None, entry: str = ENTRY_MODULE):
        self.directory = Path(directory or cache_dir()) / code_version(pipeline, entry)
        self._made = False  # the folders are made (private) at the first put
        self._bases: dict[str, dict[str, Any]] = {}  # what get_together read, per key

    @staticmethod
    def key(*parts: str) -> str:
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]

    def get(self, key: str) -> Any:
        try:
            return pickle.loads((self.directory / f"{key}.pickle").read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            return None

    def put(self, key: str, value: Any) -> None:
        """Store *value* (private: 0700 folders, 0600 files; scrubbed contacts are health data)."""
        if not self._made:
            private_dir(self.directory.parent)
            private_dir(self.directory)
            self._made = True
        tmp = self.directory / f"{key}.tmp{os.getpid()}"
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as fh:
            fh.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(self.directory / f"{key}.pickle")

    def get_together(self, key: str) -> dict[str, Any]:
        """The entries stored together under *key* by :meth:`put_together` ({} if none)."""
        base = self.get(key) or {}
        recent = self.get(f"{key}-recent") or {}
        self._bases[key] = base
        return {**base, **recent} if recent else base

    def put_together(self, key: str, entries: dict[str, Any]) -> None:
        """Store *entries* (all that are current) in one file, read at once by :meth:`get_together`.
        Entries new since the file was written go to a small second file, so one changed post
        does not rewrite the whole; once those (or the entries no longer current) are a twentieth
        of the whole, the whole file is written again."""
        base = self._bases.get(key, {})
        recent = {k: v for k, v in entries.items() if base.get(k) is not v}
        stale = sum(1 for k in base if k not in entries)
        if len(recent) + stale > len(entries) // 20:
            self.put(key, entries)
            recent = {}
            self._bases[key] = entries
        self.put(f"{key}-recent", recent)


def default_cache(pipeline: str, entry: str = ENTRY_MODULE) -> ResultCache | None:
    return None if os.environ.get("ANALYSIS_CACHE", "1") == "0" else ResultCache(pipeline, entry=entry)
