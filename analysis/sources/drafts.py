"""Drafts to check: a canonical post, a Markdown draft or a plain-text draft, or a folder of them."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import CorpusError, DraftError, UnreadableInput
from .corpus import parse_blocks, read_post
from .textfile import read_text


def load_draft(path: Path) -> tuple[str, list]:
    """(title, blocks) of a canonical post, a Markdown draft or a plain-text draft."""
    path = Path(path)
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
    blocks = parse_blocks(text)
    title = path.stem
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        title, blocks = blocks[0].text, blocks[1:]
    if not any(b.kind != "heading" for b in blocks):
        raise DraftError(f"{path.name}: alleen kopjes, geen tekst om te beoordelen")
    return title, blocks


def draft_paths(path: Path) -> list[Path]:
    path = Path(path)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".md", ".txt"))
        if not found:
            raise DraftError(f"{path}: geen .md- of .txt-bestanden in deze map")
        return found
    if not path.exists():
        raise DraftError(f"{path}: bestand niet gevonden")
    return [path]
