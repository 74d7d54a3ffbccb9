"""One hierarchy for bad input: everything a user can fix raises an :class:`InputError`.

The command line catches only these and prints their (Dutch) message; any other
exception is a bug and is reported as one, with a log file.
"""
from __future__ import annotations

import errno
from pathlib import Path

OS_ERRORS = {errno.ENOENT: "bestand of map bestaat niet", errno.EEXIST: "bestaat al",
             errno.EISDIR: "is een map, geen bestand", errno.ENOTDIR: "is geen map",
             errno.EACCES: "geen toestemming", errno.EPERM: "geen toestemming", errno.ENOSPC: "de schijf is vol",
             errno.EROFS: "alleen-lezen schijf", errno.ENAMETOOLONG: "naam te lang",
             errno.ENOTEMPTY: "map is niet leeg"}


class InputError(ValueError):
    """Input that cannot be used as given; the message says why, in Dutch."""


class UnreadableInput(InputError):
    """A file that cannot be read as text (binary, unknown encoding, missing)."""


class CorpusError(InputError):
    """A corpus folder or post file that is not valid."""


class ImportFailure(InputError):
    """A page, export item or file that cannot be imported as a post."""


class DraftError(InputError):
    """A draft that cannot be checked."""


class ContactFileError(InputError):
    """A contact-form export that cannot be read."""


class DateError(InputError):
    """A date or time that cannot be read."""


class PageviewError(InputError):
    """A page-view export that cannot be read."""


class WeatherError(InputError):
    """A weather file that cannot be read."""


class TaxonomyError(InputError):
    """A topic taxonomy file that is not valid."""


def os_error_reason(exc: OSError) -> str:
    """What the file system said, in Dutch (the operating system's own text is English)."""
    return OS_ERRORS.get(exc.errno or 0, "bestand kan niet worden gelezen of geschreven")


def os_error_text(exc: OSError) -> str:
    """:func:`os_error_reason` with the file's name (not its whole path)."""
    return f"{Path(exc.filename).name}: {os_error_reason(exc)}" if exc.filename else os_error_reason(exc)
