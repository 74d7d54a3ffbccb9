"""Import blog posts into the canonical corpus, accounting for every input.

Formats: page text scrapes (``.txt``), saved HTML pages, WordPress exports (WXR
``.xml``) and canonical posts (``.md`` with front matter). Every input ends up in
the :class:`ImportReport` as imported, updated, duplicate or skipped with a reason.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ...core.errors import CorpusError, ImportFailure, InputError, os_error_reason
from ..corpus import Post, inside, plausible_date, read_post
from ..textfile import decode_with_encoding, read_text
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
                extra = "".join(f", {w[k]} {label}" for k, label in (
                    ("title", "in de titel"), ("metadata", "in auteur, datum en bronnen"),
                    ("captions", "in onderschriften")) if w.get(k))
                lines.append(f"{'':>15}woorden: {w['source']} in de bron, {w['body']} in de tekst{extra}, "
                             f"{w['dropped']} weggelaten" + (f" ({'; '.join(w['notes'])})" if w["notes"] else ""))
                lost = w.get("dropped_prose", w["dropped"])  # page copies: chrome is no loss
                if w["source"] and lost > 0.05 * w["source"]:
                    why = f" ({'; '.join(w['notes'])})" if w["notes"] else ""
                    lines.append(f"{'':>15}LET OP: {lost} woorden die op artikeltekst lijken zijn "
                                 f"weggelaten{why}; controleer het bericht")
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


def parse_file(path: Path, common: frozenset[str] = frozenset()
               ) -> tuple[list[tuple[str, Post | None, str, dict | None]], str]:
    """(label, post or None, skip reason, word accounting) for every item in one input file,
    and a note (Dutch) on the lines with broken bytes, where the file was read despite them."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ImportFailure(f"kan bestand niet lezen ({os_error_reason(exc)})") from None
    text, encoding = decode_with_encoding(raw)
    return _parse_text(path, text, common), encoding.note()


def _parse_text(path: Path, text: str, common: frozenset[str]) -> list[tuple[str, Post | None, str, dict | None]]:
    fmt = detect_format(path, text)
    if fmt == "wxr":
        return [(f"{path.name} {i.label}", i.post, i.skip_reason, i.words) for i in parse_wxr(text)]
    if fmt == "canonical":
        try:
            return [(path.name, read_post(path), "", None)]
        except CorpusError as exc:
            raise ImportFailure(str(exc).split(": ", 1)[-1]) from None
    if fmt == "html":
        return [(path.name, parse_html_page(text), "", None)]
    post = parse_page_text(text, common)
    account = post.meta.pop("_account")
    return [(path.name, post, "", account.as_dict())]


def _expand(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """(files to import, files refused because a link leads out of the folder given)."""
    files: list[Path] = []
    outside: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")):
                (files if inside(f, p) else outside).append(f)
        else:
            files.append(p)
    return files, outside


def common_lines(files: list[Path], min_share: float = 0.5) -> dict[Path, frozenset[str]]:
    """Per folder of page copies: the lines that recur on at least half of its pages (and on
    at least two): the site's menu, footer and calls to action."""
    by_folder: dict[Path, list[set[str]]] = {}
    for f in files:
        try:
            text = read_text(f)
        except InputError:
            continue
        if detect_format(f, text) == "page-text":
            lines = {" ".join(x.split()) for x in text.split("\n")}
            by_folder.setdefault(f.parent, []).append({x for x in lines if x})
    common: dict[Path, frozenset[str]] = {}
    for folder, pages in by_folder.items():
        if len(pages) < 3:
            continue  # too few pages to tell the site from the article
        counts = Counter(line for page in pages for line in page)
        common[folder] = frozenset(x for x, n in counts.items() if n >= max(2, min_share * len(pages)))
    return common


class Target:
    """The output folder's posts, indexed by source, by date + slug and by text hash.

    A post is identified by its source (``import_id``: file name or export item) and
    otherwise by date + slug, as Jekyll and Hugo do: the same title in another year is
    another post. Two different posts that would get the same file get a suffix (-2)."""

    def __init__(self, out: Path):
        self.out = out.resolve()
        self.by_source: dict[str, tuple[Path, Post]] = {}
        self.by_key: dict[tuple, tuple[Path, Post]] = {}
        self.by_hash: dict[str, Path] = {}
        for f in sorted(out.glob("*.md")):
            try:
                self._index(f, read_post(f))
            except CorpusError:
                continue

    def _index(self, path: Path, post: Post) -> None:
        if post.meta.get("import_id"):
            self.by_source[post.meta["import_id"]] = (path, post)
        self.by_key[(post.date, post.slug)] = (path, post)
        self.by_hash[post.text_hash] = path

    def _existing(self, post: Post) -> tuple[Path, Post] | None:
        if (found := self.by_source.get(post.meta.get("import_id", ""))) is not None:
            return found
        found = self.by_key.get((post.date, post.slug))
        if found is not None and found[1].meta.get("import_id") not in (None, post.meta.get("import_id")):
            return None  # same date and slug, but another source: a different post
        return found

    def _free_slug(self, post: Post) -> str:
        base, n = post.slug, 2
        while (post.date, post.slug) in self.by_key or (self.out / post.filename).exists():
            post.slug = f"{base}-{n}"
            n += 1
        return post.slug

    def store(self, post: Post, date: dt.date | None, force_date: bool) -> tuple[str, str, str]:
        """Write a post unless it is already there; returns (status, reason, file)."""
        existing = self._existing(post)
        if existing:
            post.slug = existing[1].slug  # stable: a re-import never renames a post
        if existing and existing[1].date is not None and post.date is None:
            post.date = existing[1].date  # a date filled in later is kept
        if date is not None and (post.date is None or force_date):
            post.date = date
        if existing and existing[1].to_markdown() == post.to_markdown():
            return "duplicate", "al geïmporteerd, ongewijzigd", existing[0].name
        if not existing and post.text_hash in self.by_hash:
            return "duplicate", f"zelfde tekst als {self.by_hash[post.text_hash].name}", ""
        reason = ""
        if existing is None:
            taken = post.slug
            if taken != self._free_slug(post):
                reason = f"een ander bericht heet al '{taken}': opgeslagen als '{post.slug}'"
        path = (self.out / post.filename).resolve()
        if path.parent != self.out:
            raise ImportFailure("onveilige bestandsnaam")  # cannot happen with slugify; checked anyway
        if existing and existing[0].resolve() != path:
            existing[0].unlink()
        path.write_text(post.to_markdown(), encoding="utf-8")
        self._index(path, post)
        return ("updated" if existing else "imported"), reason, path.name


def store_item(target: Target, report: ImportReport, label: str, post: Post | None, skip_reason: str,
               words: dict | None, date: dt.date | None = None, force_date: bool = False, note: str = "") -> None:
    """Store one parsed item in the corpus and account for it in *report* (also used by ``fetch``)."""
    if post is None:
        report.add(label, "skipped", skip_reason, words=words)
        return
    implausible = "" if plausible_date(post.date) else (
        f"datum {post.date:%d-%m-%Y} is onwaarschijnlijk en niet overgenomen")
    post.date = post.date if not implausible else None
    try:
        status, reason, file = target.store(post, date, force_date)
    except (InputError, OSError) as exc:
        report.add(label, "skipped", f"niet opgeslagen: {exc}", words=words)
        return
    if post.date is None and status != "duplicate":
        missing = implausible or "geen publicatiedatum gevonden"
        reason = "; ".join(r for r in (reason, f"{missing}: geef die op met --date") if r)
    reason = "; ".join(r for r in (reason, note) if r)
    report.add(label, status, reason, file, post.title, words)


def import_paths(paths: list[Path], out: Path, date: dt.date | None = None,
                 force_date: bool = False) -> ImportReport:
    """Import every file under *paths* into the corpus folder *out*. *date* fills in posts
    without a date; with *force_date* it also replaces a known date."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    target, report = Target(out), ImportReport()
    files, outside = _expand(paths)
    for path in outside:
        report.add(path.name, "skipped", "verwijst naar een bestand buiten de map (snelkoppeling), niet gelezen")
    common = common_lines(files)
    for path in files:
        try:
            items, damaged = parse_file(path, common.get(path.parent, frozenset()))
        except InputError as exc:
            report.add(path.name, "skipped", str(exc))
            continue
        if not items:
            report.add(path.name, "skipped", "geen berichten in dit bestand (de export bevat geen items)")
        for n, (label, post, skip_reason, words) in enumerate(items):
            if post is not None:
                post.meta.setdefault("import_id", path.name if len(items) == 1 else f"{path.name}#{n + 1}")
            store_item(target, report, label, post, skip_reason, words, date, force_date, damaged)
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
