"""Which column of a contact export holds what.

Detected from Dutch or English headers (WordPress form plugins, mail exports,
front-desk spreadsheets); can be overridden with ``{"date": "Ingezonden op"}``.
Columns with personal data (name, e-mail, phone, address...) and unknown columns
are dropped at import: only date, time, message, subject and page are read.
"""
from __future__ import annotations

import re

from ...core.errors import ContactFileError

KNOWN = {
    "date": ["datum", "date", "submittedat", "submitted", "submissiondate", "ingezonden",
             "ingezondenop", "verzonden", "verzondenop", "tijdstip", "timestamp", "created",
             "createdat", "datecreated", "datumtijd", "entrydate", "ontvangen", "received"],
    "time": ["tijd", "time", "uur"],
    "message": ["bericht", "message", "yourmessage", "vraag", "uwvraag", "uwbericht", "opmerking",
                "opmerkingen", "comments", "comment", "omschrijving", "toelichting", "text",
                "tekst", "body", "inhoud", "klacht"],
    "subject": ["onderwerp", "subject", "yoursubject", "betreft"],
    "page": ["pagina", "page", "url", "referrer", "referer", "bron", "source", "pageurl",
             "formulierpagina", "sourceurl", "landingpage"],
}
PERSONAL = ["naam", "name", "voornaam", "achternaam", "firstname", "lastname", "yourname", "email",
            "emailadres", "mail", "youremail", "telefoon", "telefoonnummer", "tel", "phone",
            "mobiel", "gsm", "adres", "address", "straat", "huisnummer", "postcode", "zip",
            "woonplaats", "plaats", "city", "geboortedatum", "birthdate", "bsn", "ip", "ipaddress",
            "from", "afzender", "sender", "contactpersoon"]
KNOWN_VALUES = {  # personal columns whose values are scrubbed from the message before they are dropped
    "name": ["naam", "name", "voornaam", "achternaam", "firstname", "lastname", "yourname", "from",
             "afzender", "sender", "contactpersoon"],
    "email": ["email", "emailadres", "mail", "youremail"],
    "phone": ["telefoon", "telefoonnummer", "tel", "phone", "mobiel", "gsm"],
}


def known_value_kind(header: str) -> str | None:
    """'name', 'email' or 'phone' for a personal column whose values the message may repeat."""
    norm = normalise(header)
    return next((kind for kind, names in KNOWN_VALUES.items()
                 if any(norm == n or norm.startswith(n) for n in names)), None)


def normalise(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(header).lower())


def detect_columns(headers: list[str], override: dict[str, str] | None = None) -> dict:
    """Map roles (date, time, message, subject, page) to header names.

    Returns ``{"roles": {role: header}, "personal": [...], "unused": [...]}``.
    """
    roles: dict[str, str] = {}
    by_norm = {normalise(h): h for h in headers}
    for role, header in (override or {}).items():
        if role not in KNOWN:
            raise ContactFileError(f"onbekende rol {role!r}; kies uit {', '.join(KNOWN)}")
        if header not in headers:
            raise ContactFileError(f"kolom {header!r} bestaat niet; kolommen: {', '.join(headers)}")
        roles[role] = header
    for role, names in KNOWN.items():
        if role in roles:
            continue
        for name in names:
            if name in by_norm and by_norm[name] not in roles.values():
                roles[role] = by_norm[name]
                break
    used = set(roles.values())
    personal = [h for h in headers if h not in used and
                any(normalise(h) == p or normalise(h).startswith(p) for p in PERSONAL)]
    unused = [h for h in headers if h not in used and h not in personal]
    return {"roles": roles, "personal": personal, "unused": unused}
