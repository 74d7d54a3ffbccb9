"""LiNT, the readability formula of Pander Maat, Kleijn & Frissen (Tijdschrift voor
Taalbeheersing 45(1), 2023), computed from Frog's analysis (frog.py).

The formula, with its published weights (the LiNT-II package, vanboefer/lint_ii, uses the same
until its own refit is published):

    comprehension = 3.204 + 15.845 * word frequency - 1.331 * dependency length
                    - 3.829 * content words per clause + 13.096 * share of concrete nouns
    LiNT score = 100 - comprehension, clipped to 0-100; levels 1 (<= 34) to 4 (> 60).

Feature definitions and the choices made where Frog and our data differ from T-Scan:

- *Word frequency*: the mean Zipf value (wordfreq, whose Dutch data include SUBTLEX-NL) of the
  content words other than names. A noun that Frog splits into parts takes the frequency of its
  head (the longest known word at the end, *knie|blessure* -> blessure) when that is higher, as
  T-Scan does for transparent compounds. LiNT uses SUBTLEX-NL alone, which we cannot ship.
- *Content words*: nouns, names, adjectives and lexical verbs. A verb is not lexical when the
  parse gives it a verbal complement (vc: *heeft ... onderzocht*) or a predicate (predc: *is
  vervelend*): an auxiliary or a copula. Manner adverbs, which LiNT adds from a list, are tagged
  ADJ by Frog's CGN tagset (*grondig onderzocht*), so they count without a list.
- *Clauses*: finite verbs (CGN ``WW(pv,...)``); a sentence without one counts as one clause.
- *Dependency length*: per sentence the largest number of words between a word and its head
  (punctuation neither counted nor measured), averaged over the sentences. Frog's Alpino-style
  parse hangs conjuncts under the coordinator (cnj); as LiNT-II does for spaCy, a conjunct is
  measured to the coordination's own head instead.
- *Concrete nouns*: the share of concrete nouns among the classified ones. The classification
  is our own (``data/noun_classes.tsv``): the nouns of practice texts, labelled by hand in
  T-Scan's scheme (people, body, objects, substances, places, times and concrete events are
  concrete; abstract events, organisations and ideas abstract; "beide" where both readings are
  common), compounds by their head and some suffixes (-heid, -isme) by rule. LiNT's own list
  comes from the Referentiebestand Nederlands, whose licence does not allow shipping it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...core.lexicons import read_table
from ..frog import FrogWord
from ..wordfreq_nl import zipf
from .passive import CLAUSE_BREAKS

LEVELS = ((34, 1), (46, 2), (60, 3))  # LiNT score upper bounds of levels 1-3; above: level 4
# the share of adult Dutch readers for whom a text of the level is hard (Pander Maat et al. 2023)
HARD_FOR = {1: 15, 2: 31, 3: 55, 4: 82}
FAR_APART = 9  # words between two words that belong together: a "tangconstructie" (a verb cluster
# at the end of a plain sentence, "Ga niet de hele dag op de bank liggen", has 7)
MANY_CLAUSES = 3  # finite verbs in one sentence
PAIRED = {"su": "onderwerp en persoonsvorm", "svp": "werkwoord en zijn deel"}


@dataclass
class SentenceFeatures:
    """What LiNT counts in one sentence, with the sentence's structure flags in Dutch."""
    zipf_sum: float = 0.0
    zipf_words: int = 0
    content_words: int = 0
    clauses: int = 1
    max_distance: int = 0
    concrete: int = 0
    abstract: int = 0
    both: int = 0
    nouns: int = 0  # common nouns, classified or not
    structure: tuple[str, ...] = ()


def _is_punct(w: FrogWord) -> bool:
    return w.tag == "LET"


def _is_name(w: FrogWord) -> bool:
    return w.tag == "SPEC" and "eigen" in w.pos or w.pos.startswith("N(eigen")


@lru_cache(maxsize=1)
def _noun_classes() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    words, endings = {}, []
    for row in read_table("noun_classes.tsv"):
        if row[0].startswith("-"):
            endings.append((row[0][1:], row[1]))
        else:
            words[row[0].lower()] = row[1]
    return words, tuple(sorted(endings, key=lambda e: -len(e[0])))


@lru_cache(maxsize=100_000)
def compound_head(lemma: str, morphemes: tuple[str, ...]) -> str:
    """The longest known word at the end of a noun that Frog splits at morpheme boundaries
    (*knieblessure* -> blessure), else the lemma itself."""
    lemma = lemma.lower()
    bounds, position = [], 0
    for part in morphemes[:-1]:
        position += len(part)
        if 0 < position < len(lemma) - 2:
            bounds.append(position)
    words, endings = _noun_classes()
    suffixes = {end for end, _ in endings}
    known = [head for head in (lemma[p:] for p in bounds)
             if head in words or len(head) >= 4 and head not in suffixes and zipf(head) >= 3.0]
    return known[0] if known else lemma


@lru_cache(maxsize=100_000)
def noun_class(lemma: str, morphemes: tuple[str, ...] = ()) -> str | None:
    """'concreet', 'abstract', 'beide' or None (not classified) for a noun's lemma."""
    words, endings = _noun_classes()
    lemma = lemma.lower()
    if lemma in words:
        return words[lemma]
    head = compound_head(lemma, morphemes)
    if head != lemma and head in words:
        return words[head]
    return next((cls for end, cls in endings if lemma.endswith(end) and len(lemma) > len(end) + 2), None)


def _frequency(w: FrogWord) -> float:
    value = max(zipf(w.word), zipf(w.lemma))
    if w.tag == "N":
        head = compound_head(w.lemma, w.morphemes)
        if head != w.lemma.lower():
            value = max(value, zipf(head))
    return value


def _head_for_distance(words: list[FrogWord], i: int) -> int:
    """The head a word is measured to: a conjunct to the head of its coordination."""
    w = words[i]
    if w.relation == "cnj" and 0 <= w.head < len(words) and words[w.head].tag == "VG":
        return words[w.head].head
    return w.head


def _paired(dependent: FrogWord, head: FrogWord) -> bool:
    """A subject with its finite verb, or a separable verb with its particle, as the tags confirm
    (Frog's parser labels long sentences less reliably than its tagger tags them)."""
    if dependent.relation == "su":
        return dependent.tag in ("N", "VNW", "SPEC") and head.pos.startswith("WW(pv")
    return dependent.relation == "svp" and dependent.pos.startswith(("VZ(fin", "BW")) and head.tag == "WW"


def _verb_brackets(words: list[FrogWord]) -> list[tuple[int, int]]:
    """(finite verb, the participle or infinitive that closes its clause): the verbal bracket
    (*heeft ... onderzocht*), found from the tags, with no other finite verb, subordinator or clause
    break between."""
    out = []
    for i, w in enumerate(words):
        if not w.pos.startswith("WW(pv"):
            continue
        for j in range(i + 1, len(words)):
            v = words[j]
            if v.pos.startswith(("WW(pv", "VG(onder")) or v.word in CLAUSE_BREAKS:
                break
            if v.pos.startswith(("WW(vd", "WW(inf")):
                last = j
                while last + 1 < len(words) and words[last + 1].pos.startswith(("WW(vd", "WW(inf")):
                    last += 1  # a cluster at the end: "heeft willen doen"
                out.append((i, last))
                break
    return out


def _far_apart(what: str, first: FrogWord, last: FrogWord, between: int) -> str:
    return (f"{what} ver uit elkaar: '{first.word} … {last.word}' ({between} woorden ertussen); "
            "zet ze dichter bij elkaar")


def sentence_features(words: list[FrogWord]) -> SentenceFeatures:
    """LiNT's counts and the structure flags of one parsed sentence."""
    f = SentenceFeatures()
    dependents: dict[int, set[str]] = {}
    for w in words:
        dependents.setdefault(w.head, set()).add(w.relation)
    # positions among the words that count (no punctuation)
    position, k = [], 0
    for w in words:
        position.append(k)
        k += not _is_punct(w)
    flags: list[str] = []
    finite = 0
    for i, w in enumerate(words):
        if _is_punct(w):
            continue
        finite += w.pos.startswith("WW(pv")
        lexical_verb = w.tag == "WW" and not dependents.get(i, set()) & {"vc", "predc"}
        if _is_name(w):
            f.content_words += 1  # a content word, but its frequency says nothing of difficulty
        elif w.tag in ("N", "ADJ") or lexical_verb:
            f.content_words += 1
            f.zipf_sum += _frequency(w)
            f.zipf_words += 1
        if w.tag == "N" and not _is_name(w):
            f.nouns += 1
            cls = noun_class(w.lemma, w.morphemes)
            f.concrete += cls == "concreet"
            f.abstract += cls == "abstract"
            f.both += cls == "beide"
        head = _head_for_distance(words, i)
        if w.relation != "mwp" and 0 <= head < len(words):
            between = abs(position[i] - position[head]) - 1
            f.max_distance = max(f.max_distance, between)
            if between >= FAR_APART and _paired(w, words[head]):
                first, last = sorted((i, head))
                flags.append(_far_apart(PAIRED[w.relation], words[first], words[last], between))
    for first, last in _verb_brackets(words):
        between = position[last] - position[first] - 1
        if between >= FAR_APART:
            flags.append(_far_apart("hulpwerkwoord en werkwoord", words[first], words[last], between))
    f.clauses = max(finite, 1)
    if finite >= MANY_CLAUSES:
        flags.append(f"veel deelzinnen ({finite} persoonsvormen): maak er twee of meer zinnen van")
    f.structure = tuple(flags)
    return f


def score(frequency: float, distance: float, content_per_clause: float, concrete: float) -> float:
    """The LiNT score (0-100, higher is harder) from the four features."""
    comprehension = 3.204 + 15.845 * frequency - 1.331 * distance - 3.829 * content_per_clause + 13.096 * concrete
    return min(100.0, max(0.0, 100.0 - comprehension))


def level(value: float) -> int:
    return next((lvl for bound, lvl in LEVELS if round(value) <= bound), 4)


def lint_document(sentences: list[SentenceFeatures]) -> dict | None:
    """LiNT score, level and features of a text from its sentences' counts (None when it has no
    content word). A text without classified nouns takes a share of one half (stated)."""
    if not sentences or not any(s.zipf_words for s in sentences):
        return None
    frequency = sum(s.zipf_sum for s in sentences) / sum(s.zipf_words for s in sentences)
    distance = sum(s.max_distance for s in sentences) / len(sentences)
    per_clause = sum(s.content_words for s in sentences) / sum(s.clauses for s in sentences)
    classified = sum(s.concrete + s.abstract + s.both for s in sentences)
    concrete = sum(s.concrete for s in sentences) / classified if classified else 0.5
    value = score(frequency, distance, per_clause, concrete)
    lvl = level(value)
    return {"score": round(value, 1), "level": lvl,
            "level_text": f"niveau {lvl} van 4: moeilijk voor ongeveer {HARD_FOR[lvl]}% van de volwassen lezers",
            "word_frequency": round(frequency, 2), "dependency_length": round(distance, 2),
            "content_words_per_clause": round(per_clause, 2), "concrete_noun_share": round(concrete, 3),
            "nouns_classified": classified, "nouns": sum(s.nouns for s in sentences)}
