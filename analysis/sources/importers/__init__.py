"""Import blog posts into the canonical corpus, accounting for every input.

Formats: page text scrapes (``.txt``), saved HTML pages, WordPress exports (WXR
``.xml``) and canonical posts (``.md`` with front matter). Every input ends up in
the :class:`ImportReport` as imported, updated, duplicate or skipped with a reason.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ...core.errors import CorpusError, ImportFailure, InputError
from ..corpus import Post, read_post
from ..textfile import read_text
from .htmlpage import parse_html_page
from .pagetext import parse_page_text
from .wxr import parse_wxr

STATUSES = ("imported", "updated", "duplicate", "skipped")


@dataclass
class Entry:
    input: str
    status: str
    reason: str = ""
    file: str = ""
    title: str = ""
    words: dict | None = None  # source, body, captions, dropped, notes (where measured)


@dataclass
class ImportReport:
    entries: list[Entry] = field(default_factory=list)

    def add(self, *args, **kwargs) -> None:
        self.entries.append(Entry(*args, **kwargs))

    def counts(self) -> dict[str, int]:
        return {s: sum(e.status == s for e in self.entries) for s in STATUSES}

    @property
    def ok(self) -> bool:
        """False only when no input yielded a usable post."""
        return any(e.status != "skipped" for e in self.entries)

    def to_dict(self) -> dict:
        return {"counts": self.counts(), "entries": [asdict(e) for e in self.entries]}

    def render(self) -> str:
        labels = {"imported": "geïmporteerd", "updated": "bijgewerkt",
                  "duplicate": "dubbel", "skipped": "overgeslagen"}
        lines = []
        for e in self.entries:
            lines.append(f"{labels[e.status]:>13}  {e.input}" + (f"  -> {e.file}" if e.file else "")
                         + (f"  ({e.reason})" if e.reason else ""))
            if e.words:
                w = e.words
                lines.append(f"{'':>15}woorden: {w['source']} in de bron, {w['body']} in de tekst, "
                             f"{w['captions']} in onderschriften, {w['dropped']} weggelaten"
                             + (f" ({'; '.join(w['notes'])})" if w["notes"] else ""))
                if w["source"] and w["dropped"] > 0.05 * w["source"]:
                    lines.append(f"{'':>15}LET OP: meer dan 5% van de woorden is weggelaten")
        c = self.counts()
        lines.append("Totaal: " + ", ".join(f"{c[s]} {labels[s]}" for s in STATUSES)
                     + f" van {len(self.entries)} invoer(en)")
        return "\n".join(lines)


def detect_format(path: Path, text: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith("---"):
        return "canonical"
    if path.suffix.lower() == ".xml" or (head.startswith("<?xml") and "<rss" in head):
        return "wxr"
    if path.suffix.lower() in (".html", ".htm") or head.startswith(("<!doctype html", "<html")):
        return "html"
    return "page-text"


def parse_file(path: Path) -> list[tuple[str, Post | None, str, dict | None]]:
    """(label, post or None, skip reason, word accounting) for every item in one input file."""
    text = read_text(path)
    fmt = detect_format(path, text)
    if fmt == "wxr":
        return [(f"{path.name} {i.label}", i.post, i.skip_reason, i.words) for i in parse_wxr(text)]
    if fmt == "canonical":
        try:
            return [(path.name, read_post(path), "", None)]
        except CorpusError as exc:
            raise ImportFailure(str(exc).split(": ", 1)[-1]) from None
    parser = parse_html_page if fmt == "html" else parse_page_text
    return [(path.name, parser(text), "", None)]


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        else:
            files.append(p)
    return files


class _Target:
    """The output folder's posts, indexed by slug and by text hash."""

    def __init__(self, out: Path):
        self.out = out
        self.by_slug: dict[str, tuple[Path, Post]] = {}
        self.by_hash: dict[str, Path] = {}
        for f in sorted(out.glob("*.md")):
            try:
                self._index(f, read_post(f))
            except CorpusError:
                continue

    def _index(self, path: Path, post: Post) -> None:
        self.by_slug[post.slug] = (path, post)
        self.by_hash[post.text_hash] = path

    def store(self, post: Post) -> tuple[str, str, str]:
        """Write a post unless it is already there; returns (status, reason, file)."""
        existing = self.by_slug.get(post.slug)
        if existing and post.date is None:
            post.date = existing[1].date  # a date filled in later is kept
        if existing and existing[1].to_markdown() == post.to_markdown():
            return "duplicate", "al geïmporteerd, ongewijzigd", existing[0].name
        if not existing and post.text_hash in self.by_hash:
            return "duplicate", f"zelfde tekst als {self.by_hash[post.text_hash].name}", ""
        path = self.out / post.filename
        if existing and existing[0] != path:
            existing[0].unlink()
        path.write_text(post.to_markdown(), encoding="utf-8")
        self._index(path, post)
        return ("updated" if existing else "imported"), "", path.name


def import_paths(paths: list[Path], out: Path, date: dt.date | None = None) -> ImportReport:
    """Import every file under *paths* into the corpus folder *out*."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target, report = _Target(out), ImportReport()
    files = _expand(paths)
    for path in files:
        try:
            items = parse_file(path)
        except InputError as exc:
            report.add(path.name, "skipped", str(exc))
            continue
        for label, post, skip_reason, words in items:
            if post is None:
                report.add(label, "skipped", skip_reason)
                continue
            if post.date is None and date is not None:
                post.date = date
            status, reason, file = target.store(post)
            if post.date is None and status != "duplicate":
                reason = "geen publicatiedatum gevonden: date: null"
            report.add(label, status, reason, file, post.title, words)
    return report


def compare_with_corpus(report: ImportReport, imported: Path, corpus: Path):
    """Per imported post: does it match the canonical post with the same slug?"""
    import pandas as pd

    canonical = {p.slug: p for p in (read_post(f) for f in sorted(Path(corpus).glob("*.md")))}
    rows = []
    for entry in report.entries:
        if entry.status not in ("imported", "updated"):
            continue
        ours = read_post(Path(imported) / entry.file)
        theirs = canonical.get(ours.slug)
        rows.append({"invoer": entry.input, "titel": ours.title,
                     "in_corpus": theirs is not None,
                     "zelfde_titel": bool(theirs and theirs.title == ours.title),
                     "zelfde_structuur": bool(theirs and theirs.blocks == ours.blocks),
                     "datum_import": ours.date, "datum_corpus": theirs.date if theirs else None})
    return pd.DataFrame(rows)
