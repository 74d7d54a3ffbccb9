"""Our own rules for personal data with a fixed shape, each returning spans (start, end, tag).

Structured kinds are found by pattern and validated where a checksum exists (IBAN
mod 97, BSN 11-proef): e-mail (also written out: "jan punt de vries at gmail punt
com", "piet[at]ziggo[dot]nl"), web addresses (also without www), phone numbers
(Dutch and international, two joined by "/", "31612345678"), postcodes, birth
dates in several formats, patient, policy and client numbers after their cue word,
street addresses with a suffix or after "wonen aan de", and names given away by the
message ("mijn naam is", greetings, signatures, "mijn zoontje daan" in lower case).
Names without a cue come from deduce (deidentify.py).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Iterator

from ..core.formatting import month_spellings
from ..core.lexicons import alternation, read_words

Span = tuple[int, int, str]
# Letters of every Latin, Greek and Cyrillic alphabet, upper and lower case: names are Polish,
# Turkish, Czech and Vietnamese too (Łukasz, Şükrü, Jiří, Nguyễn), not only Latin-1.
_LETTERS = [chr(c) for c in range(0x41, 0x530)] + [chr(c) for c in range(0x1E00, 0x1F00)]
UPPER = "[" + "".join(re.escape(c) for c in _LETTERS if c.isupper()) + "]"
LOWER = "[" + "".join(re.escape(c) for c in _LETTERS if c.islower()) + "'’]"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
AT = r"(?:\s*(?:\[at\]|\(at\)|\{at\})\s*|\s+(?:at|apenstaartje)\s+)"
DOT = r"(?:\s*(?:\[dot\]|\(dot\)|\[punt\]|\(punt\))\s*|\s+(?:dot|punt)\s+)"
SPACED_EMAIL = re.compile(r"(?i)[\w+-]+(?:\s*\.\s*[\w+-]+)*\s*@\s*[\w-]+(?:\s*\.\s*[\w-]+)*\s*\.\s*"
                          r"(?:nl|com|be|net|org|eu|de|info|uk|fr|pl|tr)\b")  # "tom . fletcher @ ziggo . nl"
OBFUSCATED_EMAIL = re.compile(rf"(?i)\b[\w.-]+(?:(?:{DOT}|\s+)[\w.-]+){{0,3}}{AT}"  # domain dots plain or written
                              rf"[\w-]+(?:(?:{DOT}|\.)[\w-]+)*(?:{DOT}|\.)(?:nl|com|be|net|org|eu|de)\b")
URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+|(?<![@\w.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:nl|com|be|net|org|eu|info)"
                 r"(?:/[^\s]*)?(?![\w@])")
IBAN = re.compile(r"\b[A-Z]{2}[ -]?\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b", re.I)
PHONE = re.compile(r"(?<![\w+])(?:\+|00|\(0|0|31)[\d\s\-.()]{7,}\d(?![\d:])")
# "BSN: ...", "BSN van mijn man is ..."
BSN_CUE = re.compile(r"(?i)\b(bsn|burgerservicenummer|sofinummer)\b[^\d\n]{0,30}?(\d[\d .]{6,12}\d)")
NINE_DIGITS = re.compile(r"(?<![\d.-])\d{4}[ .]?\d{2}[ .]?\d{3}(?!\d|[.-]\d)")
NUMBER_NAME = (rf"(?:{alternation(read_words('personal_data_words.txt', 'number names'))}"
               r"|(?!telefoon|huis|mobiel|gsm|tel)\w{3,}(?:nummer|nr))")  # "verwijsnummer", not a phone's
NUMBER_CUE = re.compile(rf"(?i)\b{NUMBER_NAME}\b[\s:.#-]*"
                        r"(?:(?:van|bij)\s+(?:de\s+|het\s+|mijn\s+)?[a-z]\w*[\s:]*)?"  # "van de huisarts:"
                        r"(?:(?:bij\s+)?(?:(?:de\s+)?[A-Z][A-Za-z.]{1,15}\s*){1,3}[\s:]*)?(?:is\s+)?"
                        r"((?:[A-Z]{1,3}-?)?\d[\d\s./-]{3,14}\d)")  # "bij De Friesland: 2025-44718-03", "2024/0871"
LONG_NUMBER = re.compile(r"(?<![\w.-])(?:[A-Z]{1,3}-)?\d(?:[ .-]?\d){6,}(?![\w]|[.-]\d)")
YEARS = re.compile(r"(?:19|20)\d\d\s*-\s*(?:19|20)\d\d")
POSTCODE = re.compile(r"\b[1-9]\d{3}[ ]?[A-Z]{2}\b|\b[1-9]\d{3}[a-z]{2}\b")
MONTHS = alternation(list(month_spellings("dutch")))
DATE = (rf"(?:\d{{1,2}}[-/. ]\d{{1,2}}[-/. ]\d{{2,4}}|\d{{1,2}}\s+{MONTHS}\.?\s+'?\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
        r"|\d{8})")
BIRTH = re.compile(rf"(?i)\b(?:geboren(?:\s+op)?|geboortedatum|geb\.?|dob|date of birth|geboortedag)\s*:?\s*({DATE})")
BORN_ON = re.compile(rf"(?i)\bop\s+({DATE})\s+geboren\b")  # "ik ben op 7 sept. 1949 geboren"
FULL_DATE = re.compile(rf"(?i)\b\d{{1,2}}\s+{MONTHS}\.?\s+(\d{{4}})\b")
BIRTH_YEARS_AGO = 5  # a full date this far back is a birth date, not a complaint date
STREET_SUFFIX = alternation(read_words("personal_data_words.txt", "street_endings"))
NOT_AFTER_NUMBER = rf"(?!\s*{alternation(read_words('personal_data_words.txt', 'units'))}\b)"
HOUSE_NUMBER = r"\d+(?:\s?[a-zA-Z]\b|-\d+)?"
STREET = re.compile(rf"\b(?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*(?:{STREET_SUFFIX})\s+{HOUSE_NUMBER}{NOT_AFTER_NUMBER}")
STREET_NAME = rf"{UPPER}[\w'’-]*(?:\s+{UPPER}[\w'’-]*){{0,2}}"
# a street without a suffix in a signature, known as one by the postcode after it ("Grote Oost 12, 1621 BW")
SIGNED_STREET = re.compile(rf"\b({STREET_NAME}\s+{HOUSE_NUMBER}),?\s+(?=[1-9]\d{{3}}\s?[A-Z]{{2}}\b)")
CORNER = re.compile(rf"(?i:\bhoek\s+(?:van\s+)?(?:de|het)\s+)({STREET_NAME})(?i:\s+en\s+(?:de|het)\s+)({STREET_NAME})")
ADDRESS_CUE = re.compile(r"(?i:\b(?:adres\s*(?::|is)?|woon\w*\s+(?:op|aan|in)(?:\s+de|\s+het)?"
                         r"|wonen\s+(?:op|aan)(?:\s+de|\s+het)?))\s+((?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*(?:\s+\d+(?:\s?[a-zA-Z]\b|-\d+)?)?)")
PARTICLES = frozenset(read_words("names.txt", "particles"))
TITLES = frozenset(read_words("names.txt", "titles"))
PARTICLE = alternation(sorted(PARTICLES))
WORD = rf"{UPPER}(?:{LOWER}|['’]{UPPER})+(?:-{UPPER}{LOWER}+)*"
NAME = rf"(?:{UPPER}\.\s*)*{WORD}(?:\s+(?:{PARTICLE}\s+)*{WORD}){{0,3}}"
SIGN_OFFS = "(?:" + "|".join(r"\s+".join(map(re.escape, p.split()))  # in the languages patients also write in
                           for p in sorted(read_words("names.txt", "foreign_sign_offs"), key=len, reverse=True)) + ")"
TITLE = rf"(?:{alternation(sorted(TITLES))}\.?\s+(?:en\s+(?:dhr|mevr|mw)\.?\s+)?)"
NAME_CUES = [
    re.compile(rf"(?i:\b(?:mijn naam is|ik heet|naam\s*:|namens|ondergetekende))\s+{TITLE}?({NAME})"),
    re.compile(rf"(?i:\bik ben)\s+({NAME})"),  # case-sensitive NAME: "ik ben Bożena Wiśniewska", not "ik ben zwanger"
    re.compile(rf"(?i:\b{alternation(read_words('names.txt', 'openers'))}\b[,!]?\s+(?:ik ben|hier))\s+({NAME})"),
    re.compile(rf"(?i:\b(?:met\s+)?(?:vriendelijke\s+)?(?:groet(?:en|jes)?|mvg|gr\.|liefs|dank\s+je\s+wel|"
               rf"bedankt|alvast\s+bedankt|dank|hartelijke\s+groet|vr\.?\s*gr\.?))[,.!]?\s+{TITLE}?({NAME})"),
    re.compile(rf"(?i:\b{SIGN_OFFS})[,.!]?\s+{TITLE}?({NAME})"),
    re.compile(rf"(?i:\b{alternation(read_words('names.txt', 'family_of'))}\s+van)\s+({NAME})"),
    re.compile(rf"(?i:\b{alternation(read_words('names.txt', 'carers'))}\.?)\s+({NAME})"),
    re.compile(rf"(?i:\b{alternation(read_words('names.txt', 'people'))})\s+({NAME})"),
]
SELF = re.compile(rf"(?i)\b(?:ik ben|ik heet|mijn naam is|naam:)\s+({LOWER}[\w'’-]*)")
SIGNED = re.compile(rf"(?i)\b(?:groet(?:en|jes)?|mvg|liefs|gr\.)(?:\s+van)?[,.!]?\s+({LOWER}[\w'’-]*)")
RELATION = re.compile(r"(?i)\bmijn\s+(?:zoon(?:tje)?|dochter(?:tje)?|man|vrouw|partner|vriend(?:in)?|moeder|vader|"
                      r"opa|oma|kind(?:je)?|broer(?:tje)?|zus(?:je)?|schoonmoeder|schoonvader|buurman|buurvrouw)\s+"
                      rf"((?:{UPPER}|{LOWER})[\w'’-]+)")
NOT_NAMES = frozenset(read_words("names.txt", "not_names"))


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def iban_valid(candidate: str) -> bool:
    s = re.sub(r"[ -]", "", candidate).upper()
    if not 15 <= len(s) <= 34:
        return False
    try:
        number = int("".join(str(int(c, 36)) for c in s[4:] + s[:4]))
    except ValueError:
        return False
    return number % 97 == 1


def bsn_valid(digits: str) -> bool:
    """The Dutch 11-proef for BSN numbers (9 digits)."""
    if len(digits) != 9 or digits == "0" * 9:
        return False
    total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def _phones(text: str) -> Iterator[Span]:
    for m in PHONE.finditer(text):
        chunk = m.group(0)
        if re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}", chunk.strip()):
            continue  # a date
        start = m.start()
        for part in re.finditer(r"[^/]+", chunk):  # two numbers joined by "/"
            digits = _digits(part.group(0))
            core = part.group(0).rstrip(" )-./")
            stripped = core.lstrip(" (")
            if 9 <= len(digits) <= 15 and (stripped.startswith(("0", "+", "(")) or digits.startswith("31")):
                begin = start + part.start() + (len(core) - len(stripped))
                yield begin, start + part.start() + len(core), "TELEFOON"


EMAIL_LEAD = frozenset(read_words("names.txt", "email_lead_words"))


def _obfuscated_emails(text: str) -> Iterator[Span]:
    """'jan punt de vries at gmail punt com': the address without the words before it that are
    no part of it ('stuur het naar r.meijer apenstaartje ...')."""
    for m in OBFUSCATED_EMAIL.finditer(text):
        start = m.start()
        while (word := re.match(r"([\w.-]+)\s+", text[start:m.end()])) and word.group(1).lower() in EMAIL_LEAD:
            start += word.end()
        yield start, m.end(), "EMAIL"


def _long_numbers(text: str) -> Iterator[Span]:
    """'lidmaatschapsnummer van de ANWB is 8812 3344 5': seven digits or more in one number that
    is no phone number, date or span of years identify someone, whatever the number is called."""
    phones: list[Span] | None = None
    for m in LONG_NUMBER.finditer(text):
        chunk = m.group(0)
        if re.search(DATE, chunk) or YEARS.fullmatch(chunk):
            continue
        phones = list(_phones(text)) if phones is None else phones
        if not any(a < m.end() and b > m.start() for a, b, _ in phones):
            yield m.start(), m.end(), "NUMMER"


def _groups(pattern: re.Pattern, tag: str, group: int = 0, keep: Callable[[re.Match], bool] | None = None
            ) -> Callable[[str], Iterator[Span]]:
    def find(text: str) -> Iterator[Span]:
        for m in pattern.finditer(text):
            if keep is None or keep(m):
                yield m.start(group), m.end(group), tag
    return find


def _ibans(text: str) -> Iterator[Span]:
    """IBANs that pass the mod-97 check. Written in groups, the pattern can run on into the next
    word ("BE68 5390 0754 7034 graag"), so the longest valid prefix ending at a group wins."""
    for m in IBAN.finditer(text):
        value = m.group(0)
        ends = [len(value)] + [i for i in range(len(value) - 1, 14, -1) if value[i] in " -"]
        end = next((e for e in ends if iban_valid(value[:e])), None)
        if end is not None:
            yield m.start(), m.start() + end, "IBAN"


def _address_cues(text: str) -> Iterator[Span]:
    """'mijn adres is Dorpsstraat 4', 'ik woon aan de Gouw': the address after the cue. After
    'woon in' only with a house number: 'ik woon in Hoorn' (or in België) names a place, not an
    address, and places stay."""
    for m in ADDRESS_CUE.finditer(text):
        lived_in = re.search(r"(?i)\bwoon\w*\s+in\b", m.group(0)[: m.start(1) - m.start()])
        if not lived_in or re.search(r"\d", m.group(1)):
            yield m.start(1), m.end(1), "ADRES"


def _corners(text: str) -> Iterator[Span]:
    """'op de hoek van de Nieuwstraat en het Breed': both streets."""
    for m in CORNER.finditer(text):
        yield m.start(1), m.end(1), "ADRES"
        yield m.start(2), m.end(2), "ADRES"


def _old_full_dates(text: str) -> Iterator[Span]:
    """'7 sept. 1949': a full date at least BIRTH_YEARS_AGO years back is a birth date."""
    for m in FULL_DATE.finditer(text):
        if 1900 <= int(m.group(1)) <= dt.date.today().year - BIRTH_YEARS_AGO:
            yield m.start(), m.end(), "GEBOORTEDATUM"


def _names(text: str) -> Iterator[Span]:
    for cue in NAME_CUES:
        for m in cue.finditer(text):
            if m.group(1).split()[0].lower() not in NOT_NAMES:
                yield m.start(1), m.end(1), "NAAM"


def _relations(text: str, is_first_name: Callable[[str], bool]) -> Iterator[Span]:
    """"mijn zoontje daan", "ik ben tim", "groetjes van wendy": the word after a relation, an
    introduction or a greeting, when it is a first name (names are often written in lower case
    in a form)."""
    for m in [*RELATION.finditer(text), *SELF.finditer(text), *SIGNED.finditer(text)]:
        word = m.group(1)
        if word.lower() not in NOT_NAMES and (word[0].isupper() or is_first_name(word.capitalize())):
            yield m.start(1), m.end(1), "NAAM"


def find_spans(text: str, is_first_name: Callable[[str], bool] = lambda w: False) -> list[Span]:
    """Every span our rules find in *text* (may overlap; see scrub.merge)."""
    finders = [
        _groups(EMAIL, "EMAIL"), _groups(SPACED_EMAIL, "EMAIL"), _obfuscated_emails,
        _groups(URL, "URL"),
        _ibans,
        _groups(BIRTH, "GEBOORTEDATUM", 1), _groups(BORN_ON, "GEBOORTEDATUM", 1), _old_full_dates,
        _groups(BSN_CUE, "BSN", 2),
        _groups(NINE_DIGITS, "BSN", keep=lambda m: bsn_valid(_digits(m.group(0))) and not m.group(0).startswith("0")),
        _groups(NUMBER_CUE, "NUMMER", 1), _phones, _long_numbers,
        _address_cues, _groups(STREET, "ADRES"), _groups(SIGNED_STREET, "ADRES", 1), _corners,
        _groups(POSTCODE, "POSTCODE"),
        _names, lambda t: _relations(t, is_first_name),
    ]
    return [span for find in finders for span in find(text)]
