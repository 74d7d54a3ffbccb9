"""Contact-form exports: safe import (scrubbed, minimal) with a reconciled report."""
from .importer import ContactReport, import_contacts, load_contacts, save_contacts

__all__ = ["ContactReport", "import_contacts", "load_contacts", "save_contacts"]
