"""Scrubbing personal data from free text (contact-form messages are health data).

``scrub(text)`` replaces each item with a typed placeholder: ``[EMAIL]``,
``[TELEFOON]``, ``[IBAN]``, ``[BSN]``, ``[GEBOORTEDATUM]``, ``[POSTCODE]``,
``[ADRES]``, ``[NAAM]``, ``[URL]``. Structured kinds are found by pattern and
validated where a checksum exists (IBAN mod 97, BSN 11-proef); names only where
the message gives them away (a greeting or signature, "mijn naam is ...", "mijn
zoon Daan"), because a general name detector needs a trained model we do not
have. Ages, complaint dates and times are left alone.

No library does this for Dutch without a trained NER model (Presidio and scrubadub
need spaCy's trained pipelines for names and ship no Dutch phone, BSN or postcode
recognisers), so the patterns are ours, with a test table in tests/test_privacy.py.
"""
from __future__ import annotations

import re

PLACEHOLDERS = ("[EMAIL]", "[TELEFOON]", "[IBAN]", "[BSN]", "[GEBOORTEDATUM]", "[POSTCODE]",
                "[ADRES]", "[NAAM]", "[URL]")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
URL = re.compile(r"\b(?:https?://|www\.)\S+", re.I)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b", re.I)
PHONE = re.compile(r"(?<![\w+])(?:\+|00|\(0|0)[\d\s\-.()/]{7,}\d(?![\d:])")
BSN_CUE = re.compile(r"(?i)\b(bsn|burgerservicenummer|sofinummer)\b[\s:.-]*(?:nummer|is)?[\s:.-]*"
                     r"(\d[\d .]{6,12}\d)")
NINE_DIGITS = re.compile(r"(?<![\d.-])\d{4}[ .]?\d{2}[ .]?\d{3}(?!\d|[.-]\d)")
POSTCODE = re.compile(r"\b[1-9]\d{3}[ ]?[A-Z]{2}\b|\b[1-9]\d{3}[a-z]{2}\b")
MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
          "december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")
DATE = rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{1,2}}\s+(?:{MONTHS})\.?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
BIRTH = re.compile(rf"(?i)\b(geboren(?:\s+op)?|geboortedatum|geb\.?|dob|date of birth)\s*:?\s*({DATE})")
STREET_SUFFIX = ("straat|weg|laan|plein|gracht|kade|dijk|singel|hof|pad|dreef|steeg|markt|park|"
                 "plantsoen|erf|wal|veld|boulevard|baan|weide|akker|tuin|kwartier|haven|poort")
STREET = re.compile(rf"\b(?:[A-Z][\w'’-]*\s+)?[A-Za-z][\w'’-]*(?:{STREET_SUFFIX})\s+\d+(?:\s?[a-zA-Z]\b|-\d+)?")
ADDRESS_CUE = re.compile(r"(?i)\b(adres\s*:|woon\w*\s+(?:op|aan|in)(?:\s+de|\s+het)?)\s+"
                         r"((?:[A-Za-z][\w'’-]*\s+){1,4}\d+(?:\s?[a-zA-Z]\b)?)")
PARTICLE = r"(?:van|de|der|den|ter|ten|te|het|'t|in 't|van de|van der|van den|op de)"
NAME = rf"(?:[A-Z]\.\s*)*[A-Z][a-zà-ÿ'’-]+(?:\s+(?:{PARTICLE}\s+)*[A-Z][a-zà-ÿ'’-]+){{0,3}}"
NAME_CUES = [
    re.compile(rf"(?i:\b(?:mijn naam is|ik heet|naam\s*:|namens|ondergetekende))\s+({NAME})"),
    re.compile(rf"(?i:\b(?:hallo|hoi|goedendag|goedemiddag|goedemorgen|beste)\b[,!]?\s+ik ben)\s+({NAME})"),
    re.compile(rf"(?i:\bmijn\s+(?:zoon|dochter|man|vrouw|partner|vriend|vriendin|moeder|vader|"
               rf"opa|oma|kind|broer|zus))\s+({NAME})"),
    re.compile(rf"(?i:\b(?:met\s+)?(?:vriendelijke\s+)?(?:groet(?:en|jes)?|mvg|gr\.))[,.!]?\s+({NAME})"),
]
NOT_NAMES = {"Ik", "Ook", "Graag", "Alvast", "Bedankt", "Dank", "Fijne", "Hartelijk", "Tot",
             "De", "Het", "Een", "Mijn", "Wij", "We", "Dit", "Die", "Dat", "Mvg"}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _iban_valid(candidate: str) -> bool:
    s = candidate.replace(" ", "").upper()
    if not 15 <= len(s) <= 34:
        return False
    rearranged = s[4:] + s[:4]
    try:
        number = int("".join(str(int(c, 36)) for c in rearranged))
    except ValueError:
        return False
    return number % 97 == 1


def _bsn_valid(digits: str) -> bool:
    """The Dutch 11-proef for BSN numbers (9 digits)."""
    if len(digits) != 9 or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def _phone(match: re.Match) -> str:
    text = match.group(0)
    digits = _digits(text)
    if re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", text.strip()):  # a date, not a phone
        return text
    if not 9 <= len(digits) <= 15:
        return text
    trailing = text[len(text.rstrip(" )-./")):]
    return "[TELEFOON]" + trailing


def _name(match: re.Match) -> str:
    name = match.group(1)
    words = name.split()
    if words[0] in NOT_NAMES:
        return match.group(0)
    return match.group(0)[: match.start(1) - match.start(0)] + "[NAAM]"


NAME_HINTS = ("naam", "heet", "namens", "ondergetekende", "ik ben", "mijn ", "groet", "mvg", "gr.")
HAS_DIGIT = re.compile(r"\d")


def scrub(text: str) -> str:
    """Replace personal data in *text* with typed placeholders."""
    if not text:
        return text
    if "@" in text:
        text = EMAIL.sub("[EMAIL]", text)
    if "www." in text or "http" in text:
        text = URL.sub("[URL]", text)
    if HAS_DIGIT.search(text):  # every structured kind below contains a digit
        text = IBAN.sub(lambda m: "[IBAN]" if _iban_valid(m.group(0)) else m.group(0), text)
        text = BIRTH.sub(lambda m: m.group(0)[: m.start(2) - m.start(0)] + "[GEBOORTEDATUM]", text)
        text = BSN_CUE.sub(lambda m: m.group(0)[: m.start(2) - m.start(0)] + "[BSN]", text)
        text = NINE_DIGITS.sub(lambda m: "[BSN]" if _bsn_valid(_digits(m.group(0)))
                               and not m.group(0).startswith("0") else m.group(0), text)
        text = PHONE.sub(_phone, text)
        text = ADDRESS_CUE.sub(lambda m: m.group(0)[: m.start(2) - m.start(0)] + "[ADRES]", text)
        text = STREET.sub("[ADRES]", text)
        text = POSTCODE.sub("[POSTCODE]", text)
    lower = text.lower()
    if any(hint in lower for hint in NAME_HINTS):
        for cue in NAME_CUES:
            text = cue.sub(_name, text)
    return text
