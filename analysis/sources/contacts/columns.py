"""Which column of a contact export holds what.

Detected from Dutch or English headers as the form tools Dutch practice websites
use write them (Contact Form 7 with Flamingo, WPForms, Gravity Forms, Ninja Forms,
Elementor, Wix, Jotform; mail exports and front-desk spreadsheets): first exact
names, then headers that contain a role's word ("Uw vraag of opmerking",
"Invoerdatum"). Can be overridden with ``{"date": "Ingezonden op"}``; ``message=-``
says the export has no messages. Columns with personal data (name, e-mail, phone,
address, IP...) are used to scrub the messages and then dropped, as are unknown
columns: only date, time, message, subject and page are kept. The headers of every role are in
``analysis/data/column_names.txt``.
"""
from __future__ import annotations

import re

from ...core.errors import ContactFileError
from ...core.lexicons import alternation, read_words

COLUMNS = "column_names.txt"  # the headers of every role, in analysis/data/
ROLES = ("date", "time", "message", "subject", "page")


def _words(section: str) -> list[str]:
    return list(read_words(COLUMNS, section))


KNOWN = {role: _words(role) for role in ROLES}
CONTAINS = {role: _words(f"contains {role}") for role in ("message", "subject", "page")}
# The submission date, by meaning: a form asks other dates too (an appointment wish, a birth date,
# the day of an injury), and a survey tool writes when a response was started as well as sent.
SUBMITTED = _words("submitted")
DATE_WORDS = _words("date words")
OTHER_DATES = _words("other dates")
ENTRY_ID = _words("entry id")
PERSONAL_WORDS = re.compile(rf"(?i)\b{alternation(_words('personal words'))}\b")
PERSONAL = _words("personal")
KNOWN_VALUES = {kind: _words(f"values {kind}") for kind in ("name", "email", "phone")}


_DATA_CELL = re.compile(r"@|\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}:\d{2}|(?:\d[\s-]?){8,}")
LONGEST_HEADER = 120  # characters; a form question as a header ("Wat is uw vraag?") is far shorter


def header_is_data(headers: list[str]) -> bool:
    """Whether the first row of an export is a submission rather than column names: it holds an
    e-mail address, a date, a time, a phone-like number or a long text."""
    return any(_DATA_CELL.search(h) or len(h) > LONGEST_HEADER for h in headers)


def _question(header: str) -> bool:
    """A form question as a header ("Wat is uw naam?", "Op welk nummer kunnen we u bellen")."""
    return "?" in header or len(header.split()) >= 3


def known_value_kind(header: str) -> str | None:
    """'name', 'email' or 'phone' for a personal column whose values the message may repeat."""
    norm = normalise(header)
    kind = next((kind for kind, names in KNOWN_VALUES.items()
                 if any(norm == n or norm.startswith(n) for n in names)), None)
    if kind is None and _question(header) and (m := PERSONAL_WORDS.search(header)):
        word = m.group(0).lower()
        kind = ("email" if "mail" in word else "phone" if word.startswith(("tel", "phone", "mob")) else
                "name" if word in ("naam", "name") else None)
    return kind


def normalise(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(header).lower())


def pick_column(columns: list[str], names: list[str]) -> str | None:
    """The column whose header, normalised, is the first of *names* found (None: none is there)."""
    by_norm = {normalise(c): c for c in columns}
    return next((by_norm[n] for n in names if n in by_norm), None)


def is_personal(header: str) -> bool:
    norm = normalise(header)
    return (any(norm == p or norm.startswith(p) for p in PERSONAL)
            or norm.endswith(("ip", "ipadres", "ipaddress"))
            or (_question(header) and bool(PERSONAL_WORDS.search(header))))


def date_score(header: str) -> int:
    """How surely a header names the submission date: above 0 a candidate, higher is surer."""
    norm = normalise(header)
    if norm in KNOWN["time"] or is_personal(header):
        return 0
    score = 3 * any(w in norm for w in SUBMITTED) + any(w in norm for w in DATE_WORDS) + (norm in KNOWN["date"])
    return score - 5 * any(w in norm for w in OTHER_DATES) if score else 0


def entry_id_column(headers: list[str]) -> str | None:
    """The form tool's own number of a submission (Entry ID, Invoer-ID, Typeform's #), if any."""
    return next((h for h in headers if normalise(h) in ENTRY_ID or h.strip() == "#"), None)


def detect_columns(headers: list[str], override: dict[str, str] | None = None) -> dict:
    """Map roles (date, time, message, subject, page) to header names.

    Returns ``{"roles": {role: header}, "personal": [...], "unused": [...], "no_message": bool}``.
    """
    roles: dict[str, str] = {}
    no_message = False
    by_norm = {normalise(h): h for h in headers}
    for role, header in (override or {}).items():
        if role not in KNOWN:
            raise ContactFileError(f"onbekende rol {role!r}; kies uit {', '.join(KNOWN)}")
        if role == "message" and header == "-":
            no_message = True
            continue
        if header not in headers:
            raise ContactFileError(f"kolom {header!r} bestaat niet; kolommen: {', '.join(headers)}")
        roles[role] = header
    dates = sorted((h for h in headers if date_score(h) > 0), key=lambda h: -date_score(h))
    if "date" not in roles and dates:
        roles["date"] = dates[0]
    for role, names in KNOWN.items():
        if role in roles or (role == "message" and no_message):
            continue
        for name in names:
            if name in by_norm and by_norm[name] not in roles.values():
                roles[role] = by_norm[name]
                break
    for role, words in CONTAINS.items():
        if role in roles or (role == "message" and no_message):
            continue
        match = next((h for h in headers if h not in roles.values() and not is_personal(h)
                      and any(w in normalise(h) for w in words)), None)
        if match:
            roles[role] = match
    used = set(roles.values())
    personal = [h for h in headers if h not in used and is_personal(h)]
    unused = [h for h in headers if h not in used and h not in personal]
    others = [h for h in headers if h != roles.get("date") and (date_score(h) != 0 or
                                                                 any(w in normalise(h) for w in DATE_WORDS))]
    return {"roles": roles, "personal": personal, "unused": unused, "no_message": no_message,
            "other_dates": others}


def guess_message_column(headers: list[str], columns: dict, samples: list[list[str]]) -> tuple[str, int] | None:
    """The unused column that looks like free text (long and varied values), with its mean
    length, or None: a guess for the user to confirm, never used silently."""
    best = None
    for header in columns["unused"]:
        k = headers.index(header)
        values = [row[k].strip() for row in samples if k < len(row) and row[k].strip()]
        if len(values) < 2:
            continue
        mean = sum(map(len, values)) // len(values)
        varied = len(set(values)) / len(values)
        words = sum(len(v.split()) for v in values) / len(values)
        if mean >= 25 and words >= 4 and varied >= 0.8 and (best is None or mean > best[1]):
            best = (header, mean)
    return best
