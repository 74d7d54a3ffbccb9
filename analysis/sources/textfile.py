"""Reading user files as text: encoding detection and clear refusals.

Encodings, in this order: a byte-order mark (UTF-8, UTF-16 or UTF-32: Excel's "Unicode-tekst"
is UTF-16), UTF-16 without a mark (every other byte zero), UTF-8, Windows-1252. A UTF-8 file
with a few broken bytes stays UTF-8: those bytes become U+FFFD and the lines they are on are
named (:attr:`Encoding.bad_lines`), instead of the whole file being read as Windows-1252.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import UnreadableInput, os_error_reason

BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
BLOCK = 1 << 20
UNKNOWN = "onbekende tekencodering (geen UTF-8, UTF-16 of Windows-1252)"


@dataclass(frozen=True)
class Encoding:
    """How a file's bytes are decoded; *errors* is 'replace' when a few bytes are broken."""
    name: str
    errors: str = "strict"
    bad_lines: tuple[int, ...] = field(default=())

    def note(self) -> str:
        """Dutch: where bytes could not be read ('' when none)."""
        if not self.bad_lines:
            return ""
        lines = ", ".join(map(str, self.bad_lines[:5])) + (" ..." if len(self.bad_lines) > 5 else "")
        return f"onleesbare tekens (als � getoond) op regel {lines}"


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _utf8_damage(blocks) -> tuple[int, int, list[int]]:
    """(broken sequences, valid non-ASCII characters, lines with broken bytes) of UTF-8 *blocks*,
    counted at C speed but for the lines with damage."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    bad, good, line = 0, 0, 1
    lines: list[int] = []
    for block in blocks:
        text = decoder.decode(block)
        good += len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
        if "\ufffd" in text:
            for part in text.split("\n"):
                if "\ufffd" in part:
                    bad += part.count("\ufffd")
                    if len(lines) < 20 and (not lines or lines[-1] != line):
                        lines.append(line)
                line += 1
            line -= 1
        else:
            line += text.count("\n")
    return bad, good, lines


def _strict_utf8(blocks) -> bool:
    """Whether all *blocks* decode as UTF-8 (the common case, decided without counting anything)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for block in blocks:
            decoder.decode(block)
        decoder.decode(b"", final=True)
        return True
    except UnicodeDecodeError:
        return False


def sniff(head: bytes, blocks) -> Encoding:
    """The encoding of a file from its first bytes *head* and *blocks*, a function that gives an
    iterable of all its blocks (called once more when the file is not clean UTF-8)."""
    for bom, name in BOMS:
        if head.startswith(bom):
            return Encoding(name)
    if (utf16 := _utf16_without_bom(head)) is not None:
        return Encoding(utf16)
    if b"\x00" in head[:4096]:
        raise UnreadableInput("binair bestand, geen tekst")
    if _strict_utf8(blocks()):
        return Encoding("utf-8")
    bad, good, lines = _utf8_damage(blocks())
    if good and (bad <= 3 or good >= 2 * bad):  # UTF-8 (valid accents in it) with a few damaged bytes
        return Encoding("utf-8", "replace", tuple(lines))
    return Encoding("cp1252")  # strict: bytes Windows-1252 does not define make the file unreadable


def _blank(raw: bytes) -> bool:
    """Nothing but white space, zero bytes and byte-order marks."""
    return not raw.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe")


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def file_encoding(path: Path) -> Encoding:
    """:func:`sniff` of a file, read in blocks (a large export is never held whole)."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(65_536)
            if _blank(head):
                raise UnreadableInput("leeg bestand")

            def blocks():
                fh.seek(0)
                return iter(lambda: fh.read(BLOCK), b"")

            return sniff(head, blocks)
    except OSError as exc:
        raise UnreadableInput(f"kan bestand niet lezen ({os_error_reason(exc)})") from None


def read_text(path: Path) -> str:
    """Decode a file (see the module's encodings); normalise line endings."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"kan bestand niet lezen ({os_error_reason(exc)})") from None
    return decode(raw)


_XML_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


def decode_with_encoding(raw: bytes) -> tuple[str, Encoding]:
    """Text of a file's bytes, line endings normalised, and how it was decoded. An XML file's
    declared encoding (``<?xml ... encoding="ISO-8859-1"?>``) is used when the bytes fit it."""
    if _blank(raw):
        raise UnreadableInput("leeg bestand")
    declared = _XML_DECLARED.match(raw[:300])
    if declared and not raw.startswith(tuple(bom for bom, _ in BOMS)):
        name = declared.group(1).decode("ascii")
        try:
            text = raw.decode(name)
            return _lines(text), Encoding(name)
        except (LookupError, UnicodeDecodeError):
            pass  # a declaration that does not fit the bytes: read them as any other file
    encoding = sniff(raw, lambda: [raw])
    try:
        text = raw.decode(encoding.name, errors=encoding.errors)
    except UnicodeDecodeError:
        raise UnreadableInput(UNKNOWN) from None
    if not text.strip():
        raise UnreadableInput("leeg bestand")
    return _lines(text), encoding


def decode(raw: bytes) -> str:
    """Text of a file's bytes (see :func:`decode_with_encoding`)."""
    return decode_with_encoding(raw)[0]
