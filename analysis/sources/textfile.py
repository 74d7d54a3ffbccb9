"""Reading user files as text: encoding detection and clear refusals."""
from __future__ import annotations

from pathlib import Path

from ..core.errors import UnreadableInput


def read_text(path: Path) -> str:
    """Decode a file as UTF-8 (with or without BOM) or cp1252; normalise line endings."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"kan bestand niet lezen ({exc.strerror})") from None
    return decode(raw)


def decode(raw: bytes) -> str:
    """Text of a file's bytes: UTF-8 (with or without BOM) or cp1252, line endings normalised."""
    if not raw.strip():
        raise UnreadableInput("leeg bestand")
    if b"\x00" in raw[:4096]:
        raise UnreadableInput("binair bestand, geen tekst")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnreadableInput("onbekende tekencodering (geen UTF-8 of Windows-1252)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
