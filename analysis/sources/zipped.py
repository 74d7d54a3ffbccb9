"""Office files (.docx, .xlsx) are zip archives: checked before a library unpacks them.

A small file can unpack to gigabytes (a "zip bomb"), and an encrypted workbook is no zip at
all but an OLE2 container. Both are refused with a Dutch reason before openpyxl or
python-docx read them.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ..core.errors import InputError
from ..core.formatting import nl_number

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97-2003 (.xls) and password-protected Office files
MAX_RATIO = 200  # an Office file's XML packs about 5-20 times; beyond this it is built to explode


def check_office_file(source: bytes | Path, limit: int, error: type[InputError], kind: str) -> None:
    """Raise *error* when *source* is not an unencrypted Office zip (*kind*: 'Word-bestand (.docx)')
    that unpacks to at most *limit* bytes."""
    if isinstance(source, bytes):
        head = source[:8]
    else:
        with Path(source).open("rb") as fh:
            head = fh.read(8)
    if head == OLE2:
        raise error("het bestand is beveiligd met een wachtwoord of is een oud Excel-bestand (.xls, Excel "
                    "97-2003); open het in Excel en sla het op zonder wachtwoord als .xlsx of als CSV")
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise error(f"geen leesbaar {kind} (het bestand is beschadigd of van een ander soort)") from None
    unpacked = sum(e.file_size for e in entries)
    packed = sum(e.compress_size for e in entries) or 1
    if unpacked > limit or (unpacked > 10_000_000 and unpacked / packed > MAX_RATIO):
        raise error(f"het bestand pakt uit tot {nl_number(unpacked // 1_000_000, 0)} MB; dat is te groot om "
                    f"veilig te lezen (grens: {nl_number(limit // 1_000_000, 0)} MB). Sla het op als CSV of tekst")
