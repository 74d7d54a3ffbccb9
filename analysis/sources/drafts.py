"""Drafts to check: a canonical post, a Markdown, plain-text or Word (.docx) draft, pasted
text, or a folder of them."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from ..core.errors import CorpusError, DraftError, UnreadableInput, os_error_reason
from .corpus import Post, inside, parse_blocks, parse_post, read_post, slugify
from .importers.pagetext import article_blocks, has_page_layout, joined_paragraphs
from .textfile import decode, read_text
from .zipped import check_office_file

SUFFIXES = (".md", ".txt", ".docx")
MAX_DOCX = 50_000_000  # bytes unpacked: a long article with photos is a few MB
MAX_TEXT = 2_000_000  # bytes of a text draft (a book is about 1 MB)
HEADING_STYLES = ("heading", "kop", "title", "titel")
LIST_STYLES = ("list", "lijst")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
DESCRIPTION_FIELDS = ("description", "meta_description", "metadescription", "excerpt", "samenvatting")


def _titled(blocks: list, fallback: str, name: str) -> tuple[str, list]:
    title = fallback
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        title, blocks = blocks[0].text, blocks[1:]
    if not any(b.kind != "heading" for b in blocks):
        raise DraftError(f"{name}: alleen kopjes, geen tekst om te beoordelen")
    return title, blocks


def _title_line(text: str) -> tuple[str | None, str]:
    """(title, body) of a plain text: its first line is the title when it reads as one (short, no
    full stop), else (None, the whole text)."""
    lines = text.strip().splitlines()
    if not lines:
        raise DraftError("nog geen tekst om te beoordelen")
    first = lines[0].strip().lstrip("# ").strip()
    if len(lines) > 1 and len(first.split()) <= 14 and not first.endswith((".", ",", ";")):
        return first, "\n".join(lines[1:])
    return None, text


def draft_from_text(text: str, name: str = "concept", fallback: str = "(zonder titel)") -> tuple[str, list]:
    """(title, blocks) of pasted text: the first line is the title when it reads as one, else
    *fallback*. Markdown ('## ' a subheading, '- ' a list item) is read as Markdown; text pasted
    from a web page or a word processor, without it, by its shape
    (:func:`.importers.pagetext.article_blocks`: short lines above prose are headings, bullets and
    numbers list items)."""
    title, body = _title_line(text)
    blocks = parse_blocks(body) if MARKDOWN_HEADING.search(body) else article_blocks(body)
    return _titled(blocks, title or fallback, name)


def docx_markdown(data: bytes, name: str) -> str:
    """The text of a Word document as Markdown: headings (Heading/Kop styles) and list items kept."""
    try:
        check_office_file(data, MAX_DOCX, DraftError, "Word-bestand (.docx)")
    except DraftError as exc:
        raise DraftError(f"{name}: {exc}") from None
    try:
        import docx  # python-docx
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DraftError(f"{name}: geen leesbaar Word-bestand (.docx) ({type(exc).__name__})") from None
    out = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "").lower()
        numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
        if style.startswith(("title", "titel")):
            out.append(f"# {text}")
        elif style.startswith(HEADING_STYLES):
            level = next((int(c) for c in style if c.isdigit()), 2)
            out.append(f"{'#' * max(level, 1)} {text}")
        elif style.startswith(LIST_STYLES) or numbered:
            out.append(f"- {text}")
        else:
            out.append(text)
    return "\n\n".join(out)


def _text_upload(name: str, data: bytes) -> str:
    if len(data) > MAX_TEXT:
        raise DraftError(f"{name}: meer dan {MAX_TEXT // 1_000_000} MB tekst; dat is geen blogbericht")
    try:
        return decode(data)
    except UnreadableInput as exc:
        raise DraftError(f"{name}: {exc}") from None


def _front_matter_post(text: str, name: str) -> Post | None:
    """The post of a draft that starts with front matter (--- title: ... ---), else None."""
    if not text.lstrip().startswith("---"):
        return None
    try:
        return parse_post(text.lstrip(), name)
    except CorpusError as exc:
        raise DraftError(str(exc)) from None


def draft_from_upload(name: str, data: bytes) -> tuple[str, list]:
    """(title, blocks) of an uploaded .docx, .md or .txt draft (a Markdown draft may have front matter)."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise DraftError(f"{name}: kies een .docx-, .md- of .txt-bestand")
    if suffix == ".docx":
        return _titled(parse_blocks(docx_markdown(data, name)), Path(name).stem, name)
    text = _text_upload(name, data)
    if (post := _front_matter_post(text, name)) is not None:
        return post.title, post.blocks
    return _plain_text(text, name, suffix)


def page_fields(name: str, data: bytes) -> tuple[str, str]:
    """(meta description, page address) an uploaded Markdown draft gives in its front matter
    (description, meta_description or excerpt; slug), empty where it gives none."""
    if Path(name).suffix.lower() == ".docx":
        return "", ""
    post = _front_matter_post(_text_upload(name, data), name)
    if post is None:
        return "", ""
    description = next((str(post.meta[k]) for k in DESCRIPTION_FIELDS if post.meta.get(k)), "")
    return " ".join(description.split()), "" if post.slug == slugify(post.title) else post.slug


def load_draft(path: Path) -> tuple[str, list]:
    """(title, blocks) of a canonical post, a Markdown, plain-text or Word draft."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DraftError(f"{path.name}: kan bestand niet lezen ({os_error_reason(exc)})") from None
        return draft_from_upload(path.name, data)
    try:
        text = read_text(path)
    except UnreadableInput as exc:
        raise DraftError(f"{path.name}: {exc}") from None
    if text.lstrip().startswith("---"):
        try:
            post = read_post(path)
        except CorpusError as exc:
            raise DraftError(str(exc)) from None
        return post.title, post.blocks
    return _plain_text(text, path.name, path.suffix.lower())


def _plain_text(text: str, name: str, suffix: str) -> tuple[str, list]:
    """A .md draft as Markdown. A .txt draft like pasted text (its first line the title when it
    reads as one, a short line alone above a paragraph a heading, bullets and numbers list items),
    with the lines of a paragraph joined first (a file wrapped at 72 characters reads whole) unless
    it has a web page's layout (a heading without '##' right above its paragraph, • bullets)."""
    if suffix != ".txt" or MARKDOWN_HEADING.search(text):
        return _titled(parse_blocks(text), Path(name).stem, name)
    title, body = _title_line(text)
    blocks = article_blocks(body if has_page_layout(text) else joined_paragraphs(body))
    return _titled(blocks, title or Path(name).stem, name)


def draft_paths(path: Path) -> list[Path]:
    path = Path(path)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and inside(p, path))
        if not found:
            raise DraftError(f"{path}: geen .md-, .txt- of .docx-bestanden in deze map")
        return found
    if not path.exists():
        raise DraftError(f"{path}: bestand niet gevonden")
    return [path]
