"""The practices of a chain: one folder each, and what is in it.

A chain folder holds one folder per practice (its name is the practice's id in every output)::

    keten/
      praktijk-hoorn/
        practice.yaml          optional: name, place, knmi_station (see core/settings.py)
        posts/                 the blog posts as Markdown (what ``python -m analysis import`` writes)
        contacts.csv           one or more contact-form exports: contacts*, contacten*, or a folder contacts/
        weather_knmi.txt       optional: KNMI daily weather (weather*, weer*, *knmi*)
        pageviews_ga4.csv      optional, not used by the chain yet

Files and folders beside the practice folders (a README, planted.json of the synthetic chain)
are left alone; a folder without posts or without a contact export is skipped, with its reason,
and the chain report says so.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

CONTACT_SUFFIXES = {".csv", ".tsv", ".txt", ".xlsx"}


@dataclass(frozen=True)
class PracticeFolder:
    """One practice's inputs, found in its folder."""

    id: str
    folder: Path
    posts: Path
    contacts: tuple[Path, ...]
    weather: Path | None = None
    settings: Path = field(default=Path("practice.yaml"))

    def fingerprint(self) -> str:
        """Hash of every input's name, size and content: an unchanged practice is not analysed again."""
        digest = hashlib.sha256()
        files = [*sorted(self.posts.rglob("*.md")), *self.contacts, *([self.weather] if self.weather else []),
                 *([self.settings] if self.settings.is_file() else [])]
        for f in files:
            digest.update(f.relative_to(self.folder).as_posix().encode())
            with open(f, "rb") as fh:
                while block := fh.read(1 << 20):
                    digest.update(block)
        return digest.hexdigest()[:16]


def _contact_files(folder: Path) -> list[Path]:
    inner = folder / "contacts"
    if inner.is_dir():
        return sorted(p for p in inner.iterdir() if p.is_file() and p.suffix.lower() in CONTACT_SUFFIXES)
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in CONTACT_SUFFIXES
                  and p.name.lower().startswith(("contact", "contacten")))


def _weather_file(folder: Path) -> Path | None:
    found = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in {".txt", ".csv"}
                   and (p.name.lower().startswith(("weather", "weer")) or "knmi" in p.name.lower()))
    return found[0] if found else None


def find_practices(chain: Path) -> tuple[list[PracticeFolder], list[tuple[str, str]]]:
    """(the practices found, (folder name, reason) of every folder skipped), sorted by name."""
    found, skipped = [], []
    for folder in sorted(p for p in Path(chain).iterdir() if p.is_dir() and not p.name.startswith(".")):
        posts = next((folder / n for n in ("posts", "corpus") if (folder / n).is_dir()), None)
        contacts = _contact_files(folder)
        if posts is None:
            skipped.append((folder.name, "geen map posts/ met de berichten"))
        elif not contacts:
            skipped.append((folder.name, "geen contactexport (contacts*.csv, contacten*.xlsx of een map contacts/)"))
        else:
            found.append(PracticeFolder(folder.name, folder, posts, tuple(contacts), _weather_file(folder),
                                        folder / "practice.yaml"))
    return found, skipped
