"""Names, addresses and other identifiers found by deduce, the de-identification method for
Dutch medical text of UMC Utrecht (LGPL-3.0; https://github.com/vmenger/deduce).

deduce ships Dutch first names, surnames, streets, places and institutions and finds
names without a cue word and street addresses without a suffix. One instance per
process, loaded on first use, its multi-word lists made compact (``compact_lookup``);
forked workers share it.
What it tags is mapped to our placeholders, and what is not personal data of a
patient is kept: the practice itself, insurers, hospitals, medical eponyms,
exercise methods and places used as places (``data/privacy_keep.txt``, editable).
"""
from __future__ import annotations

import datetime as dt
import gc
import itertools
import logging
import re
from functools import lru_cache

from ..core.lexicons import read_sections, read_words
from ..core.paths import cache_dir
from .compact_lookup import compact_cache
from .rules import DATE, PARTICLES, POSTCODE, STREET_SUFFIX, TITLES, Span

TAGS = {"persoon": "NAAM", "patient": "NAAM", "locatie": "ADRES", "telefoonnummer": "TELEFOON",
        "emailadres": "EMAIL", "url": "URL", "bsn": "BSN", "id": "NUMMER", "datum": "GEBOORTEDATUM"}
BIRTH_YEARS_AGO = 5  # a full date at least this many years back is taken for a birth date
_STREETLIKE = re.compile(rf"\d|(?:{STREET_SUFFIX})\b", re.I)
_YEAR = re.compile(r"(?:19|20)\d{2}|'\d{2}\b")


@lru_cache(maxsize=1)
def deduce_model():
    """The deduce instance of this process, with compact lookup lists (the first time ever about
    fifteen seconds, later about two).

    deduce configures the root logger (DEBUG, to stdout) when imported; that is undone, so
    that no library chatter reaches notebooks or reports."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    from deduce import Deduce

    root.handlers[:] = handlers
    root.setLevel(level)
    logging.getLogger("deduce").setLevel(logging.WARNING)
    return Deduce(cache_path=compact_cache(cache_dir()))  # its 0.9 GB of tries as a few MB


def release_deduce() -> None:
    """Free this process's deduce instance (it is loaded again when needed)."""
    deduce_model.cache_clear()
    _short_spans.cache_clear()
    gc.collect()


@lru_cache(maxsize=1)
def keep_words() -> frozenset[str]:
    """Lower-case words and phrases that are never scrubbed (all sections of the keep list)."""
    return frozenset(w for words in read_sections("privacy_keep.txt").values() for w in words)


def is_first_name(word: str) -> bool:
    return deduce_model().lookup_structs["first_name"].longest_matching_prefix([word]) is not None


def is_kept(text: str) -> bool:
    """Whether *text* (a whole phrase, or each of its words) is on the keep list."""
    low = text.lower().strip(" .,;:!?")
    words = [w for w in re.split(r"[\s-]+", low) if w not in PARTICLES]
    keep = keep_words()
    return low in keep or bool(words) and all(w in keep for w in words)


_NEUTER = re.compile(r"(?i)\b(?:het|'t)\s+$")


def _in_kept_phrase(text: str, start: int, end: int) -> bool:
    """Whether the span lies in a kept phrase of several words ('Bergman' in 'Bergman Clinics',
    'Vergoedt Zilveren Kruis' holding 'Zilveren Kruis')."""
    offset = max(0, start - 40)
    window = text[offset:end + 40].lower()
    return any(m.start() + offset < end and m.start() + len(m.group(1)) + offset > start
               for m in _phrases().finditer(window))


@lru_cache(maxsize=1)
def _phrases() -> re.Pattern:
    """Every kept phrase of several words, found at each position (longest first) in one pass."""
    phrases = sorted((w for w in keep_words() if " " in w), key=len, reverse=True)
    return re.compile(r"(?=(?<!\w)(" + "|".join(map(re.escape, phrases)) + r")(?!\w))")


def _birth_date(text: str, today: dt.date) -> bool:
    """A full date whose year lies at least BIRTH_YEARS_AGO years back."""
    year = _YEAR.search(text)
    if year is None or not re.fullmatch(DATE, text.strip()):
        return False
    digits = year.group(0).lstrip("'")
    value = int(digits) if len(digits) == 4 else 1900 + int(digits)
    return value <= today.year - BIRTH_YEARS_AGO


GREETINGS = frozenset(read_words("names.txt", "greetings"))
EDGE_WORDS = frozenset(read_words("names.txt", "edge_words"))
PLACE_PREPOSITIONS = frozenset(read_words("names.txt", "place_prepositions"))
INSTITUTION_ENDINGS = tuple(read_words("names.txt", "institution_endings"))
STREET_PREPOSITIONS = PLACE_PREPOSITIONS | frozenset(read_words("names.txt", "street_prepositions"))
EMPLOYER_CUES = frozenset(read_words("names.txt", "employer_cues"))
EVENT_WORDS = frozenset(read_words("names.txt", "event_words"))
TOWN_PREPOSITIONS = frozenset(read_words("names.txt", "town_prepositions"))
PLACES = frozenset(read_sections("privacy_keep.txt")["plaatsen"])
LANGUAGE_NAMES = frozenset(read_words("names.txt", "language_names"))
LANGUAGE_CUES = frozenset(read_words("names.txt", "language_cues")) | frozenset(
    read_sections("privacy_keep.txt")["talen"])


def _not_part_of_a_name(word: str, leading: bool, after_first_name: bool = False) -> bool:
    """Greetings and kept words (towns) at either edge; common words only in front (a surname
    may be a word too: Heuvel, Visser), never a particle (De Boer); a town straight after a first
    name is a surname too ('Dirk-Jan Blokker')."""
    low = word.lower().strip(".,!:;")
    if low in EDGE_WORDS or after_first_name and low in PLACES:
        return False
    structs = deduce_model().lookup_structs
    common = leading and (low in structs["whitelist"] or low in structs["common_word"] or word[:1].islower())
    return low in GREETINGS or common or is_kept(low)


def _first_names(word: str) -> bool:
    """Whether *word* is a first name, or first names joined by a hyphen ('Dirk-Jan')."""
    parts = word.strip(".,!:;").split("-")
    return all(part[:1].isupper() and is_first_name(part) for part in parts)


def _a_town(text: str, start: int, end: int) -> bool:
    """'in Keulen', 'uit Den Bosch', 'verhuisd van Groningen naar Hoorn': a place after a preposition
    no person follows, or between 'van' and 'naar'; not when it starts with a first name or a title."""
    words = text[start:end].split()
    before = text[max(0, start - 12):start].split()
    if words[0] == "van" and re.match(r"\s+naar\b", text[end:]):
        return len(words) > 1 and not is_first_name(words[1].strip(".,;:!?()"))
    if not before or before[-1].lower() not in TOWN_PREPOSITIONS:
        return False
    first = words[0].strip(".,;:!?()")
    return not is_first_name(first) and first.lower() not in TITLES


def _an_organisation(text: str, start: int, end: int) -> bool:
    """'woonzorgcentrum De Boogerd', 'werkt bij Philips', 'loop elke week bij Hoorn Runners': words
    after an institution's noun, or after 'bij' in a clause with a verb of working or of a sport,
    name the place, not a person (a person there comes with a first name, 'bij Anna Philips', and
    no article: 'praktijk De Lelie' is a place). Capitalised words between the cue and deduce's
    span belong to the name."""
    words = [w.strip(".,;:!?()") for w in text[start:end].split()]
    article = bool(words) and words[0].lower() in ("de", "het")
    words = words[1:] if article else words
    before = text[max(0, start - 60):start].split()
    while before and before[-1][:1].isupper() and before[-1].lower() not in ("de", "het"):
        words.insert(0, before.pop().strip(".,;:!?()"))
    clause = list(itertools.takewhile(lambda w: not w.endswith((".", "!", "?", ",", ";")), reversed(before)))[::-1]
    low = [w.strip(".,;:!?()").lower() for w in clause]
    if low[-1:] in (["de"], ["het"]):
        low, article = low[:-1], True
    if not words or not low or not article and any(map(is_first_name, words)):
        return False
    return low[-1].endswith(INSTITUTION_ENDINGS) or low[-1] == "bij" and any(w in EMPLOYER_CUES for w in low[-6:-1])


def _a_language(text: str, start: int, end: int) -> bool:
    """'spreekt alleen Arabisch en wat Frans': a language that is also a first name, in a sentence
    about languages."""
    if text[start:end].lower() not in LANGUAGE_NAMES:
        return False
    first = max(text.rfind(stop, 0, start) for stop in ".!?\n") + 1
    last = min((i for i in (text.find(stop, end) for stop in ".!?\n") if i >= 0), default=len(text))
    sentence = re.findall(r"\w+", (text[first:start] + " " + text[end:last]).lower())
    return any(word in LANGUAGE_CUES for word in sentence)


def _known_street(words: list[str]) -> bool:
    """Whether the words before the house number are a street deduce knows ('Kleine Oost')."""
    street = list(itertools.takewhile(lambda w: not any(c.isdigit() for c in w), words))
    return bool(street) and street != words and street in deduce_model().lookup_structs["street"]


def _shrink(text: str, start: int, end: int) -> tuple[int, int]:
    """A deduce span without greetings or kept words (towns) at its edges:
    'Groetjes Emma' -> 'Emma', '1621 AB Hoorn' -> '1621 AB'; a street deduce knows keeps its
    first word ('Kleine Oost 3')."""
    tokens = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    while len(tokens) > 1 and not _known_street([text[a:b] for a, b in tokens]) \
            and _not_part_of_a_name(text[tokens[0][0]:tokens[0][1]], leading=True):
        tokens.pop(0)
    while len(tokens) > 1 and _not_part_of_a_name(text[tokens[-1][0]:tokens[-1][1]], leading=False,
                                                   after_first_name=_first_names(text[tokens[-2][0]:tokens[-2][1]])):
        tokens.pop()
    start, end = tokens[0][0], tokens[-1][1]
    if (postcode := POSTCODE.match(text, start)) and postcode.end() < end:
        end = postcode.end()  # '2011 KL Haarlem': the town after a postcode is a place, and places stay
    return start, end


def _sentence_end(text: str, start: int, end: int) -> int:
    """Where a name span runs on past a full stop ('Björn Schäfer. Mein Knöchel'), its end at
    that stop; an initial (J.) or a title (dhr.) is part of the name."""
    for m in re.finditer(r"(\w+)\.\s+", text[start:end]):
        if len(m.group(1)) >= 2 and m.group(1).lower() not in TITLES:
            return start + m.start() + len(m.group(1))
    return end


def _a_place(text: str, start: int, end: int) -> bool:
    """'langs de Dijk', 'over de Dam': 'de' and one capitalised word after a preposition of place;
    'op de Roode Steen', 'aan de Gouw': 'de' and a street in deduce's street list after one (the
    preposition may be inside deduce's span). No first name or title: that would be a person."""
    words = [w.strip(".,;:!?()") for w in text[start:end].split()]
    before = text[max(0, start - 12):start].split()
    if words and words[0].lower() in STREET_PREPOSITIONS:
        before, words = words[:1], words[1:]
    if [w.lower() for w in before[-1:]] == ["de"]:
        before, words = before[:-1], ["de", *words]  # deduce's span starts after 'de'
    if not before or len(words) < 2 or words[0] != "de" or not all(w[:1].isupper() for w in words[1:]):
        return False
    preposition = before[-1].lower()
    if preposition in PLACE_PREPOSITIONS and (len(words) == 2 or not any(map(is_first_name, words[1:]))):
        return True  # "over de Westfriese Dijk": no first name among the words, so no person
    return preposition in STREET_PREPOSITIONS and words[1:] in deduce_model().lookup_structs["street"]


# 3-hs, 12-II, 101 III, 8a
HOUSE_SUFFIX = re.compile(r"(?:[a-zA-Z]{1,2}|[- ](?:hs|bis|zw|[IVX]{1,4})|-(?:[a-zA-Z]|\d{1,3}))\b")

SHORT_TEXT = 60  # subject lines repeat ("Afspraak maken", "Vraag over vergoeding"): remembered


def deduce_spans(text: str, today: dt.date | None = None) -> list[Span]:
    """Spans deduce finds, mapped to our tags; kept words, towns and complaint dates left out."""
    today = today or dt.date.today()
    if len(text) <= SHORT_TEXT:
        return list(_short_spans(text, today))
    return _deduce_spans(text, today)


@lru_cache(maxsize=50_000)
def _short_spans(text: str, today: dt.date) -> tuple[Span, ...]:
    return tuple(_deduce_spans(text, today))


def _deduce_spans(text: str, today: dt.date) -> list[Span]:
    spans: list[Span] = []
    for a in deduce_model().deidentify(text).annotations:
        tag = TAGS.get(a.tag.split("+")[0] if "+" in a.tag else a.tag)
        if a.tag.startswith(("prefix", "initiaal", "voornaam", "achternaam", "interfix", "naam")):
            tag = "NAAM"
        if tag is None or is_kept(a.text) or _in_kept_phrase(text, a.start_char, a.end_char):
            continue
        if tag == "NAAM" and _NEUTER.search(text[max(0, a.start_char - 8):a.start_char]):
            continue  # "in het Antoni van Leeuwenhoek", "op het Hoornse Hop": a person never takes "het"
        if tag == "NAAM" and _a_place(text, a.start_char, a.end_char):
            continue
        if tag == "NAAM" and (any(w.lower().endswith(INSTITUTION_ENDINGS) for w in a.text.split())
                              or a.text.split()[-1].lower().strip(".,;:!?()") in EVENT_WORDS
                              or _a_town(text, a.start_char, a.end_char)
                              or _an_organisation(text, a.start_char, a.end_char)
                              or _a_language(text, a.start_char, a.end_char)):
            continue  # "bij Dansschool Hoorn", "Padel Club", "in woonzorgcentrum De Boogerd": a place, not a person
        if tag == "ADRES" and (not _STREETLIKE.search(a.text) or not any(c.isdigit() for c in a.text)):
            continue  # a town, or a street without a number, identifies no one ("over de Dijk", "op de Dam");
            # an address given as such ("wij wonen aan de Turfhaven") is found by our own rules
        if tag == "GEBOORTEDATUM" and not _birth_date(a.text, today):
            continue  # "sinds 3 maart", an appointment date: not personal data
        start, end = _shrink(text, a.start_char, a.end_char) if tag in ("NAAM", "ADRES") else (a.start_char, a.end_char)
        if tag == "ADRES" and text[end - 1:end].isdigit() and (suffix := HOUSE_SUFFIX.match(text, end)):
            end = suffix.end()  # deduce ends at the number: '3-hs' is part of the address
        if tag == "NAAM":
            end = _sentence_end(text, start, end)
        spans.append((start, end, tag))
    return spans
