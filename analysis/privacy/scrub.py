"""Scrubbing personal data from free text (contact-form messages are health data).

``scrub(text, known)`` replaces each item with a typed placeholder: ``[NAAM]``,
``[ADRES]``, ``[POSTCODE]``, ``[TELEFOON]``, ``[EMAIL]``, ``[URL]``, ``[IBAN]``,
``[BSN]``, ``[GEBOORTEDATUM]``, ``[NUMMER]`` (patient, policy or client numbers).
Three detectors, whose findings are merged:

1. what the form already knows (*known*: the name, e-mail and phone columns of the
   export), so that a patient's own name is removed wherever it appears;
2. our rules for data with a fixed shape (``rules.py``), checksum-validated where a
   checksum exists;
3. deduce (``deidentify.py``) for names without a cue word and addresses.

Words on the keep list (the practice, insurers, hospitals, medical eponyms, places)
stay. Ages, complaint dates and times stay too: they identify no one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote

from .deidentify import deduce_spans, is_first_name, is_kept
from .rules import PARTICLES, TITLES, Span, find_spans

PLACEHOLDERS = ("[EMAIL]", "[TELEFOON]", "[IBAN]", "[BSN]", "[GEBOORTEDATUM]", "[POSTCODE]",
                "[ADRES]", "[NAAM]", "[URL]", "[NUMMER]")
PRIORITY = {"EMAIL": 0, "URL": 1, "IBAN": 2, "BSN": 3, "GEBOORTEDATUM": 4, "NUMMER": 5, "TELEFOON": 6,
            "POSTCODE": 7, "ADRES": 8, "NAAM": 9}
_PLACEHOLDER = re.compile(r"\[(?:%s)\]" % "|".join(p[1:-1] for p in PLACEHOLDERS))
_TRIM_START = " \t\n,.;:!?'\""
_TRIM_END = " \t\n,.;:!?'\""


@dataclass(frozen=True)
class Known:
    """Personal data the export holds in its own columns, for one row."""
    names: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    parts: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def of(cls, name: str = "", email: str = "", phone: str = "") -> "Known":
        """From the cells of a row; 'Jan de Vries <jan@x.nl>' (a From column) gives both."""
        emails = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", f"{name} {email}")
        name = re.sub(r"<[^>]*>|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", " ", name)
        words = [w for w in re.split(r"[\s,]+", name) if len(w.strip(".")) >= 2]
        parts = tuple({p for w in words for p in w.split("-") if len(p) >= 2
                       and p.lower() not in PARTICLES | TITLES})
        digits = [re.sub(r"\D", "", p) for p in re.split(r"[/,;]", phone)]
        return cls(names=tuple(w for w in [" ".join(name.split())] if w), emails=tuple(emails),
                   phones=tuple(d for d in digits if len(d) >= 8), parts=parts)


def _occurrences(text: str, lower: str, value: str) -> list[tuple[int, int]]:
    """Where *value* stands in *text* as a whole word, ignoring case (no regex: one per row
    would fill the regex cache and cost more than the search)."""
    found, needle, start = [], value.lower(), 0
    while (i := lower.find(needle, start)) >= 0:
        end = i + len(needle)
        if (i == 0 or not lower[i - 1].isalnum()) and (end == len(lower) or not lower[end].isalnum()):
            found.append((i, end))
        start = i + 1
    return found


def _digit_runs(text: str, digits: str) -> list[tuple[int, int]]:
    """Where the last nine digits of a known phone number stand, with any spacing."""
    positions = [i for i, c in enumerate(text) if c.isdigit()]
    joined = "".join(text[i] for i in positions)
    tail, found, start = digits[-9:], [], 0
    while (k := joined.find(tail, start)) >= 0:
        found.append((positions[k], positions[k + len(tail) - 1] + 1))
        start = k + 1
    return found


def _known_spans(text: str, known: Known) -> list[Span]:
    spans: list[Span] = []
    lower = text.lower()
    for value, tag in [*((e, "EMAIL") for e in known.emails), *((n, "NAAM") for n in known.names),
                       *((p, "NAAM") for p in known.parts)]:
        if not is_kept(value):
            spans.extend((s, e, tag) for s, e in _occurrences(text, lower, value))
    for digits in known.phones:
        spans.extend((s, e, "TELEFOON") for s, e in _digit_runs(text, digits))
    return spans


def merge(spans: list[Span], ours: int) -> list[Span]:
    """Overlapping spans become one. Its tag comes from our own spans (the first *ours* of
    *spans*: the form's values and our rules) before deduce's, then the most specific kind."""
    ranked = sorted((start, end, tag, 0 if i < ours else 1) for i, (start, end, tag) in enumerate(spans))
    merged: list[tuple[int, int, str, int]] = []
    for start, end, tag, rank in ranked:
        if merged and start < merged[-1][1]:
            s, e, t, r = merged[-1]
            better = (rank, PRIORITY[tag]) < (r, PRIORITY[t])
            merged[-1] = (s, max(e, end), tag if better else t, min(rank, r))
        else:
            merged.append((start, end, tag, rank))
    return [(s, e, t) for s, e, t, _ in merged]


def _trimmed(text: str, span: Span) -> Span | None:
    start, end, tag = span
    while start < end and text[start] in _TRIM_START:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    return (start, end, tag) if any(c.isalnum() for c in text[start:end]) else None


def scrub(text: str, known: Known | None = None, use_deduce: bool = True) -> str:
    """Replace personal data in *text* with typed placeholders."""
    if not text or not text.strip():
        return text
    protected = [(m.start(), m.end()) for m in _PLACEHOLDER.finditer(text)]  # already scrubbed
    spans = find_spans(text, is_first_name if use_deduce else (lambda w: False))
    if known is not None:
        spans += _known_spans(text, known)
    ours = len(spans)
    if use_deduce:
        spans += deduce_spans(text)
    keep = [i for i, s in enumerate(spans) if (t := _trimmed(text, s)) is not None
            and not any(a <= t[0] and t[1] <= b for a, b in protected)
            and not (t[2] == "NAAM" and use_deduce and is_kept(text[t[0]:t[1]]))]  # an eponym after "mijn zoon"
    trimmed = [_trimmed(text, spans[i]) for i in keep]
    for start, end, tag in reversed(merge([t for t in trimmed if t], sum(i < ours for i in keep))):
        text = text[:start] + f"[{tag}]" + text[end:]
    return text


_SEGMENT_WORDS = re.compile(r"[-_+.\s]+")


def scrub_path(path: str, known: Known | None = None, use_deduce: bool = True) -> str:
    """A page path without personal data: URL-decoded (``%40`` is ``@``), each segment read as
    words ("henk-de-vos-1234ab"), scrubbed with our rules and the row's known values, and a
    segment that starts with a first name (``/bedankt/klaas-bakker/``) replaced whole. The rules
    run once per distinct path (a million rows share a few hundred pages); only the row's own
    name, e-mail and phone are looked for in every row."""
    ruled = _path_by_rules(path, use_deduce)
    if known is None or not (known.names or known.emails or known.phones or known.parts):
        return ruled
    return "/".join(_with_known(segment, known) for segment in ruled.split("/"))


def _with_known(segment: str, known: Known) -> str:
    spaced = " ".join(w for w in _SEGMENT_WORDS.split(segment) if w)
    for text in (segment, spaced):
        spans = merge(_known_spans(text, known), 0)
        if spans:
            for start, end, tag in reversed(spans):
                text = text[:start] + f"[{tag}]" + text[end:]
            return "-".join(text.split())
    return segment


@lru_cache(maxsize=20_000)
def _path_by_rules(path: str, use_deduce: bool) -> str:
    out = []
    for segment in unquote(path).split("/"):
        words = [w for w in _SEGMENT_WORDS.split(segment) if w]
        if not words:
            out.append(segment)
            continue
        whole = scrub(segment, use_deduce=False)  # e-mail addresses keep their dots
        if "@" not in segment and use_deduce and len(words) <= 5 and _first_name(words[0]):
            out.append("[NAAM]")
        elif whole != segment:
            out.append(whole)
        else:
            spaced = scrub(" ".join(words), use_deduce=False)
            out.append(segment if spaced == " ".join(words) else "-".join(spaced.split()))
    return "/".join(out)


@lru_cache(maxsize=20_000)
def _first_name(word: str) -> bool:
    return is_first_name(word.capitalize())


def file_label(name: str) -> str:
    """A file's name as reports show it: an e-mail address, phone number or postcode in it
    (``contact-jan@example.nl-0612345678.csv``) is replaced, the rest stays recognisable."""
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    words = " ".join(w for w in re.split(r"[-_\s]+", stem) if w)
    scrubbed = scrub(words, use_deduce=False)
    return name if scrubbed == words else "-".join(scrubbed.split()) + dot + suffix
