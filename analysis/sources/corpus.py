"""The canonical corpus: one Markdown file with YAML front matter per post.

File name ``YYYY-MM-DD-slug.md`` (``undated-slug.md`` while the date is unknown).
Front matter: ``title``, ``date`` (``YYYY-MM-DD`` or null), ``slug``, optional ``url``,
``source``, ``related`` and any extra fields an importer found. The body uses ``##``
and ``###`` subheadings, paragraphs separated by blank lines and ``-`` list items.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from ..core.cache import ResultCache, default_cache
from ..core.dates import FIRST_WEB_YEAR
from ..core.errors import CorpusError, os_error_reason
from ..core.parallel import collector_paused, kept_for_the_run

FRONT_MATTER = re.compile(r"\A---\r?\n(.*?)\r?\n---\r?\n?(.*)\Z", re.S)
HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml where available
WORD = re.compile(r"\w+")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*\S)\s*$")



@dataclass(frozen=True)
class Block:
    """One structural unit of a post body."""

    kind: str  # "heading", "paragraph" or "item" (a list item)
    text: str
    level: int = 0  # heading level (2 for ##), 0 for text blocks


@dataclass
class Post:
    """A blog post in canonical form."""

    title: str
    body: str
    date: dt.date | None = None
    slug: str = ""
    meta: dict = field(default_factory=dict)
    _parsed: tuple[str, list[Block]] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self):
        # always slugified, whatever the source gave (a WordPress post_name or a front-matter
        # slug with "/" or ".." must never reach a file path)
        self.slug = slugify(self.slug or self.title)

    @property
    def filename(self) -> str:
        prefix = self.date.isoformat() if self.date else "undated"
        return f"{prefix}-{self.slug}.md"

    @property
    def blocks(self) -> list[Block]:
        """The body's blocks, parsed once per body."""
        if self._parsed is None or self._parsed[0] is not self.body:
            self._parsed = (self.body, parse_blocks(self.body))
        return list(self._parsed[1])

    @property
    def text_hash(self) -> str:
        """Hash of the normalised article text, to find the same text under another slug."""
        norm = " ".join(WORD.findall(f"{self.title} {self.body}".lower()))
        return hashlib.sha256(norm.encode()).hexdigest()[:16]

    def to_markdown(self) -> str:
        front = {"title": self.title, "date": self.date.isoformat() if self.date else None,
                 "slug": self.slug}
        front.update({k: v for k, v in self.meta.items() if k not in front})
        head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{head}---\n\n{self.body.strip()}\n"


def slugify(text: str) -> str:
    """ASCII, lower-case, hyphen-separated slug of a title."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-") or "zonder-titel"


def parse_blocks(body: str) -> list[Block]:
    """Split a Markdown body into headings, paragraphs and list items."""
    blocks: list[Block] = []
    para: list[str] = []

    def flush():
        if para:
            blocks.append(Block("paragraph", " ".join(para)))
            para.clear()

    for line in body.splitlines():
        if not line.strip():
            flush()
        elif m := HEADING.match(line):
            flush()
            blocks.append(Block("heading", m.group(2), len(m.group(1))))
        elif m := LIST_ITEM.match(line):
            flush()
            blocks.append(Block("item", m.group(1)))
        else:
            para.append(line.strip())
    flush()
    return blocks


def blocks_to_markdown(blocks: list[Block]) -> str:
    """Inverse of :func:`parse_blocks` (list items are grouped without blank lines)."""
    out: list[str] = []
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            out.append(f"{'#' * max(block.level, 2)} {block.text}")
        elif block.kind == "item":
            out.append(f"- {block.text}")
        else:
            out.append(block.text)
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        out.append("\n" if block.kind == "item" and nxt and nxt.kind == "item" else "\n\n")
    return "".join(out).strip() + "\n"


def _as_date(value, path: Path) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise CorpusError(f"{path.name}: datum {str(value)[:40]!r} is geen JJJJ-MM-DD") from None


def plausible_date(date: dt.date | None, today: dt.date | None = None) -> bool:
    """Whether a publication date can be true: from 1995 on and at most a year ahead (a post
    scheduled for later); 1900 or 2099 is a typo or a placeholder."""
    if date is None:
        return True
    today = today or dt.date.today()
    return dt.date(FIRST_WEB_YEAR, 1, 1) <= date <= today + dt.timedelta(days=366)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # no tab or newline


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path.name}: kan bestand niet lezen ({os_error_reason(exc)})") from None


def _decode(data: bytes, name: str) -> str:
    """UTF-8 text with every line ending as ``\n`` (what reading in text mode gives)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise CorpusError(f"{name}: geen UTF-8-tekst") from None
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def read_post(path: Path) -> Post:
    """Read and validate one canonical post file."""
    path = Path(path)
    return parse_post(_decode(_read_bytes(path), path.name), path.name)


def parse_post(text: str, name: str) -> Post:
    """Validate the text of one canonical post (front matter and Markdown body); *name* for errors."""
    m = FRONT_MATTER.match(text)
    if not m:
        raise CorpusError(f"{name}: de kop met gegevens (--- title: ... ---) ontbreekt of is niet afgesloten")
    try:
        front = yaml.load(m.group(1), Loader=SAFE_LOADER) or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        raise CorpusError(f"{name}: de kop met gegevens is geen geldige YAML"
                          + (f" (regel {where.line + 2})" if where is not None else "")) from None
    if not isinstance(front, dict):
        raise CorpusError(f"{name}: de kop met gegevens heeft geen velden (title:, date:)")
    title = CONTROL.sub(" ", str(front.pop("title", "") or "")).strip()
    if not title:
        raise CorpusError(f"{name}: het bericht heeft geen titel")
    body = CONTROL.sub(" ", m.group(2)).strip()
    blocks = parse_blocks(body)
    if not any(b.kind != "heading" for b in blocks):
        raise CorpusError(f"{name}: het bericht heeft geen tekst")
    date = _as_date(front.pop("date", None), Path(name))
    slug = str(front.pop("slug", "") or "")
    post = Post(title=title, body=body, date=date, slug=slug, meta=front)
    post._parsed = (body, blocks)  # parsed once
    return post


def inside(path: Path, folder: Path) -> bool:
    """Whether *path*, with every symbolic link followed, lies in *folder* (a link in a corpus
    or import folder must not lead out of it, to /etc/passwd or another practice's data)."""
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except (ValueError, OSError):
        return False


def read_posts(folder: Path, skipped: list[tuple[str, str]] | None = None) -> list[tuple[Path, Post]]:
    """All posts in a folder with their files, sorted by date (undated last), slug and file.

    With *skipped*, a post that cannot be read is added to it as (file, Dutch reason) and the
    rest is read; without it, the first bad post raises :class:`CorpusError`."""
    folder = Path(folder)
    posts = []
    for path in _post_files(folder):
        try:
            _check_inside(path, folder)
            posts.append((path, read_post(path)))
        except CorpusError as exc:
            if skipped is None:
                raise
            skipped.append((path.name, _reason(exc)))
    return sorted(posts, key=lambda fp: (fp[1].date is None, fp[1].date or dt.date.min, fp[1].slug, fp[0].name))


def _post_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise CorpusError(f"{folder.name or folder}: map met berichten niet gevonden")
    return sorted(folder.glob("*.md"))


def _check_inside(path: Path, folder: Path) -> None:
    if path.is_symlink() and not inside(path, folder):  # a plain file in it is inside
        raise CorpusError(f"{path.name}: verwijst naar een bestand buiten de map (snelkoppeling), niet gelezen")


def _reason(exc: CorpusError) -> str:
    return str(exc).split(": ", 1)[-1]


COLUMNS = ["id", "slug", "title", "date", "url", "source", "categories", "related", "headings",
           "paragraphs", "blocks", "body", "text_hash", "file", "words"]


def _row(path: Path, post: Post) -> dict:
    blocks = post.blocks
    return {
        "id": path.stem,
        "slug": post.slug,
        "title": post.title,
        "date": post.date,  # checked for plausibility at every load (it depends on today)
        "url": post.meta.get("url"),
        "source": post.meta.get("source"),
        "categories": list(post.meta.get("categories") or []),
        "related": list(post.meta.get("related") or []),
        "headings": [b.text for b in blocks if b.kind == "heading"],
        "paragraphs": [b.text for b in blocks if b.kind != "heading"],
        "blocks": blocks,
        "body": post.body,
        "text_hash": post.text_hash,
        "file": path.name,
        "words": sum(len(b.text.split()) for b in blocks if b.kind != "heading"),
    }


def _parsed_rows(folder: Path, name: str) -> tuple[list[dict], list[tuple[str, str]]]:
    """A row per readable post file and (file, reason) per unreadable one. Every file is read
    and hashed; a file whose name and bytes were parsed before comes from the corpus cache
    (parsing is nine tenths of loading a large corpus), so what is reported is always what
    the folder holds now."""
    store = default_cache("corpus", entry=__name__)
    key = ResultCache.key("parsed", name)
    cached: dict[str, tuple[str, dict | str]] = store.get_together(key) if store else {}
    kept_for_the_run()
    now: dict[str, tuple[str, dict | str]] = {}
    rows, skipped = [], []
    for path in _post_files(folder):
        try:
            _check_inside(path, folder)
            data = _read_bytes(path)
        except CorpusError as exc:
            skipped.append((path.name, _reason(exc)))
            continue
        digest = hashlib.sha256(data).hexdigest() if store else ""
        entry = cached.get(path.name)
        if entry is None or entry[0] != digest:
            try:
                entry = (digest, _row(path, parse_post(_decode(data, path.name), path.name)))
            except CorpusError as exc:
                entry = (digest, _reason(exc))
        now[path.name] = entry
        if isinstance(entry[1], str):
            skipped.append((path.name, entry[1]))
        else:
            rows.append(dict(entry[1]))
    if store is not None and now != cached:
        store.put_together(key, now)
    return rows, skipped


def load_corpus(folder: Path) -> pd.DataFrame:
    """The corpus as a DataFrame, one row per post, with its structure, sorted by date
    (undated last), slug and file.

    Columns: id (the file name without .md: unique, also when a title returns in another
    year), slug, title, date, url, source, categories, related, headings, paragraphs
    (paragraphs and list items in order), blocks, body, text_hash, file, words.
    """
    folder = Path(folder)
    name = ResultCache.key(str(folder.resolve()))  # the folder's name in the caches
    with collector_paused():  # tens of thousands of blocks built or read back
        rows, skipped = _parsed_rows(folder, name)
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or dt.date.min, r["slug"], r["file"]))
    for row in rows:
        if not plausible_date(row["date"]):
            skipped.append((row["file"], f"datum {row['date']:%d-%m-%Y} is onwaarschijnlijk, gebruikt als "
                                         "'zonder datum' (verbeter de datum in het bestand)"))
            row["date"] = None
        row["date"] = pd.Timestamp(row["date"]) if row["date"] else pd.NaT
    df = pd.DataFrame(rows, columns=COLUMNS)
    df["date"] = pd.to_datetime(df["date"])
    df["words"] = df["words"].astype(int)  # also when the corpus is empty
    df.attrs["problems"] = skipped  # (file, reason): posts not read, or read without their date
    df.attrs["corpus"] = name  # the results of its posts are kept together (post_analysis.py)
    return df


def related_links(posts: pd.DataFrame) -> pd.DataFrame:
    """Every related-article link of every post, and the post it points to (if in the corpus)."""
    by_title = {t.lower(): i for t, i in zip(posts["title"], posts["id"])}
    by_slug = {s: i for s, i in zip(posts["slug"], posts["id"])}
    rows = [{"from": post_id, "related": target,
             "to": by_title.get(str(target).lower()) or by_slug.get(target)}
            for post_id, related in zip(posts["id"], posts["related"]) for target in related]
    return pd.DataFrame(rows, columns=["from", "related", "to"])
