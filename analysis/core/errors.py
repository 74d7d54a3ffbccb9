"""One hierarchy for bad input: everything a user can fix raises an :class:`InputError`.

The command line catches only these and prints their (Dutch) message; any other
exception is a bug and is reported as one, with a log file.
"""
from __future__ import annotations


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
