"""Where the tool may write: never over a user's own files, never over an input.

A report folder carries :data:`REPORT_MARKER`; ``report --out`` replaces only a folder
with that marker, an empty folder, or a folder that holds nothing but what an earlier
report wrote (reports made before the marker existed). Everything else is refused with a
Dutch message, so that a typo (``--out data/private``) never deletes the raw exports.
Files and folders this tool writes are private to the user (0600 and 0700): caches,
logs and the scrubbed contacts hold health data.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from .errors import InputError
from .paths import logs_dir

REPORT_MARKER = ".praktijkblog-rapport"
REPORT_FILES = {"index.html", "begrippen.html", "notebooks", "planner.csv", "planner.xlsx", "herschrijven.csv",
                "browser-check", REPORT_MARKER}  # what a report run (and its browser check) writes
PRIVATE_UMASK = 0o077


class OutputRefused(InputError):
    """An output path that would overwrite or delete something the tool did not make."""


def _is_report_file(name: str) -> bool:
    return name in REPORT_FILES or (name.endswith(".html") and name[:2].isdigit())


def check_report_folder(out: Path) -> None:
    """Refuse *out* unless it is absent, empty, or an earlier report of this tool."""
    out = Path(out)
    if not out.exists() and not out.is_symlink():
        return
    if out.is_symlink() or not out.is_dir():
        raise OutputRefused(f"{out.name}: is een bestand, geen map; kies met --out een (nieuwe) map voor het "
                            "rapport")
    names = {p.name for p in out.iterdir()}
    if REPORT_MARKER in names or all(_is_report_file(n) for n in names):
        return
    raise OutputRefused(
        f"de map '{out.name}' bevat bestanden die niet van een eerder rapport zijn ({len(names)} items); het "
        "rapport vervangt de hele map en zou ze wissen. Kies met --out een nieuwe of lege map")


def check_not_input(out: Path, inputs: list[Path | None]) -> None:
    """Refuse an output that is one of the inputs or holds one of them."""
    target = Path(out).resolve()
    for given in inputs:
        if given is None:
            continue
        source = Path(given).resolve()
        if source == target or target in source.parents:
            raise OutputRefused(f"--out '{Path(out).name}' is (of bevat) een invoerbestand; kies een andere "
                                "plek, zodat de invoer niet wordt overschreven")


def check_own_file(out: Path, recognise, what: str) -> None:
    """Refuse to overwrite an existing file unless *recognise(first line)* says this tool wrote it."""
    out = Path(out)
    if out.is_dir():
        raise OutputRefused(f"--out '{out.name}' is een map; geef een bestandsnaam op")
    if not out.is_file():
        return  # absent, or a device such as /dev/null
    try:
        with out.open(encoding="utf-8-sig", errors="replace") as fh:
            first = fh.readline()
    except OSError:
        first = ""
    if not recognise(first):
        raise OutputRefused(f"--out '{out.name}' bestaat al en is geen {what} van dit programma; kies een nieuwe "
                            "bestandsnaam, zodat het bestaande bestand niet wordt overschreven")


def private_umask() -> None:
    """Files and folders made from now on in this process (and its kernels) are the user's only."""
    os.umask(PRIVATE_UMASK)


def private_dir(path: Path) -> Path:
    """*path* created as a folder only its owner can read (0700)."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        path.chmod(0o700)
    except OSError:
        pass
    return path


def unique_log(prefix: str) -> Path:
    """A new, private log file named after *prefix* and the time; two errors never share one."""
    folder = private_dir(logs_dir())
    handle, name = tempfile.mkstemp(prefix=f"{prefix}-{time.strftime('%Y%m%d-%H%M%S')}-", suffix=".log",
                                    dir=folder)
    os.close(handle)
    return Path(name)
