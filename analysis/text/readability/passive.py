"""Passive voice in Dutch: ``worden`` + participle and ``zijn`` + participle.

Yoast's Dutch check only knows the ``worden`` passive. The ``zijn`` passive
(*de spier is overbelast*) looks like an active perfect (*ik ben gevallen*), so a
``zijn`` + participle pair counts only when the participle is not in
``not_passive_participles.txt`` (ergative verbs and adjectival participles), also
behind separable particles (*onderuitgegaan* from *gegaan*, *ingescheurd* from
*gescheurd*).
Auxiliary and participle must stand in the same clause (no comma, semicolon,
colon or bracket between them). Each auxiliary is paired with the last participle
after it (before the next auxiliary), else the last one before it: before a finite
auxiliary only in a subordinate clause (*die behandeld wordt*) or when the
participle opens the clause (*Geschat wordt dat*), before an infinitive anywhere
(*gedaan kan worden*). A ``worden`` pair is reported before a ``zijn`` pair (*is
... geïndiceerd en wordt ... overwogen*). A participle-shaped word before a form of
*hebben* (an active perfect), before another verb (*beschadigd raakt*), after a form
of *hebben* between it and the auxiliary (*het is goed als je hebt getraind*), or *gezien*
before a determiner (a preposition) is no passive.

Participles are recognised by shape: ge-...-d/t, separable verbs (opgebouwd),
unstressed prefixes without ge- (behandeld, vergoed) and irregular forms, also
behind a prefix (ontraden from geraden, overwogen from gewogen). A prefixed form
in -t counts only after a stem ending in t, k, f, s, ch or p ('t kofschip:
bereikt), so present tenses such as *ontstaat*, *bepaalt* and *verlaagt* do not;
nor does such a form with an object after it (*is goedkoop en vereist geen
abonnement*: a finite verb), nor a present participle (*is minder belastend*,
*het is vervelend*). The word lists are in ``data/passive_words.txt``.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...core.lexicons import alternation, read_list, read_sections, read_words
from ..nlp import lookup_lemma

CLUSTER = 3  # a participle before a non-finite auxiliary ends the clause with it: "gedaan moet kunnen worden"
PREFIXES = read_words("passive_words.txt", "prefixes")  # unstressed prefixes of participles without ge-
CLAUSE_BREAKS = {",", ";", ":", "(", ")", "–", "—"}


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return read_sections("passive_words.txt")


@lru_cache(maxsize=1)
def _regular() -> re.Pattern:
    """ge-...-d/t (gebruikt), unstressed prefixes without ge- (behandeld, verhoogd), separable
    verbs (opgebouwd, aangepast); -en endings come from the irregular list."""
    particles, prefixes = alternation(sorted(_words()["particles"])), alternation(PREFIXES)
    return re.compile(rf"^(?:{particles}?ge\w{{2,}}[dt]"
                      rf"|{prefixes}(?:\w{{2,}}d|\w{{2,}}[tkfscp]t|\w{{2,}}cht))$")


@lru_cache(maxsize=1)
def _lexicon():
    aux = read_sections("passive_auxiliaries.txt")
    irregular = read_list("irregular_participles.txt")
    return aux["worden"], aux["zijn"], irregular, read_list("not_passive_participles.txt"), aux["finite"]


@lru_cache(maxsize=200_000)
def is_participle(word: str) -> bool:
    """Whether a lower-case word looks like a Dutch past participle."""
    if word in _words()["not_participles"] or word.endswith(_not_endings()) or _present_participle(word):
        return False
    ge, prefixed = _irregular_forms()
    if word in _lexicon()[2] or any(word[i:] in ge and word[:i].isalpha() for i in range(2, len(word))):
        return True  # an irregular participle, also in a compound or behind a particle (opgelopen)
    if word in prefixed:
        return True  # ontraden, overwogen, verwezen
    return bool(_regular().match(word)) and not _strong_present(word)


def _strong_present(word: str) -> bool:
    """bespreekt, ontvangt, bestaat: the present tense of a verb whose participle is irregular
    (besproken, ontvangen, bestaan), though its shape is that of a regular participle (be...t).
    Known by the lemma the word and that participle share."""
    return word.endswith("t") and word.startswith(PREFIXES) and lookup_lemma(word) in _strong_lemmas()


@lru_cache(maxsize=1)
def _strong_lemmas() -> frozenset[str]:
    """The lemmas of the irregular participles behind an unstressed prefix (bespreken, ontvangen)."""
    prefixed = _irregular_forms()[1]
    return prefixed | {lookup_lemma(p) for p in prefixed}


@lru_cache(maxsize=1)
def _irregular_forms() -> tuple[frozenset[str], frozenset[str]]:
    """(the irregular participles in ge-, the same behind an unstressed prefix instead of ge-)."""
    ge = frozenset(p for p in _lexicon()[2] if p.startswith("ge"))
    return ge, frozenset(prefix + p[2:] for prefix in PREFIXES for p in ge)


@lru_cache(maxsize=1)
def _not_endings() -> tuple[str, ...]:
    """Endings of words that are no participles: -heid, and nouns of participle shape that also
    end compounds (overgewicht, kniegewricht)."""
    return ("heid", *(w for w in _words()["not_participles"] if w.startswith("ge") and len(w) >= 6))


def _present_participle(word: str) -> bool:
    """belastend, vervelend, verrassend: a verb stem + -end after an unstressed prefix. Past
    participles of that shape have a stem in -k or -w (erkend, herkend, verwend)."""
    return word.startswith(PREFIXES) and word.endswith("end") and len(word) > 6 and word[-4] not in "kw"


@lru_cache(maxsize=50_000)
def is_ergative(word: str) -> bool:
    """A participle that forms an active perfect with *zijn* (ergative verbs: *is gevallen*) or is
    an adjective after it (*is bekend*), also behind one or more separable particles
    (*achteruitgegaan*: achter + uit + gegaan; *weggezakt*: weg + gezakt)."""
    if word in _lexicon()[3]:
        return True
    return any(word.startswith(p) and len(word) > len(p) + 4 and is_ergative(word[len(p):])
               for p in _words()["particles"])


def _finite_here(clause: list[str], k: int) -> bool:
    """A prefixed form in -t with an object after it is a finite verb (vereist geen abonnement),
    unless a form of worden stands right before it (wordt verwacht dat)."""
    word, worden = clause[k], _lexicon()[0]
    return (word.endswith("t") and word.startswith(PREFIXES) and k + 1 < len(clause)
            and clause[k + 1] in _words()["object_starts"] and not (k and clause[k - 1] in worden))


def _not_verbal(clause: list[str], k: int) -> bool:
    """A participle-shaped word that is no verb here: after a determiner (een bewegingsangst),
    a finite verb with an object (vereist geen abonnement), before a form of hebben (de diagnose
    gesteld heeft: an active perfect) or another verb (beschadigd raakt, gebukt werken), and
    'gezien' before a determiner (gezien de gevolgen: a preposition)."""
    words = _words()
    after = clause[k + 1] if k + 1 < len(clause) else ""
    return ((k > 0 and clause[k - 1] in words["determiners"]) or _finite_here(clause, k)
            or after in words["perfect_auxiliaries"] or after in words["other_verbs"]
            or (clause[k] == "gezien" and after in words["object_starts"]))


def _perfect_between(clause: list[str], i: int, j: int) -> bool:
    """A form of hebben between auxiliary and participle: the participle is its active perfect
    (het is goed als je hebt getraind)."""
    return not _words()["perfect_auxiliaries"].isdisjoint(clause[i + 1:j])


def _subordinate_before(clause: list[str], k: int) -> bool:
    """The participle at *k* stands in a subordinate clause: one opens the clause (die behandeld
    wordt, waarbij gekeken wordt) or starts before it (met name als de druk veroorzaakt werd)."""
    return clause[0].startswith("waar") or not _words()["subordinators"].isdisjoint(clause[:k])


def _clauses(words: list[str]) -> list[list[str]]:
    clauses: list[list] = []
    current: list = []
    for w in words:
        if w in CLAUSE_BREAKS:
            clauses.append(current)
            current = []
        else:
            current.append(w)
    return clauses + [current]


def find_passive(words: list[str]) -> tuple[str, str] | None:
    """(auxiliary, participle) of the passive construction in a sentence, or None.

    *words* are the lower-case tokens of one sentence, punctuation included.
    """
    worden, zijn, _, _, finite = _lexicon()
    if worden.isdisjoint(words) and zijn.isdisjoint(words):
        return None  # most sentences: no auxiliary at all
    found: list[tuple[int, str, str]] = []  # (worden first, auxiliary, participle)
    for clause in _clauses(words):
        auxes = [k for k, w in enumerate(clause) if w in worden or w in zijn]
        if not auxes:
            continue
        # "is overbelast geraakt": zijn belongs to the active perfect of raken
        zijn_is_perfect = any(map(is_ergative, clause))
        participles = [k for k, w in enumerate(clause)
                       if w not in worden and w not in zijn and is_participle(w) and not _not_verbal(clause, k)]
        for i, a in enumerate(auxes):
            # main clause: the participle follows its auxiliary (before the next one), the last
            # of several ("worden de cursief aangegeven klachten beschreven"); subordinate clause
            # or a verb cluster at the end: it precedes it (die behandeld wordt, gedaan kan worden)
            next_aux = auxes[i + 1] if i + 1 < len(auxes) else len(clause)
            after = [k for k in participles if a < k < next_aux and not _perfect_between(clause, a, k)]
            before = [k for k in participles if k < a and not _perfect_between(clause, k, a)
                      and (_subordinate_before(clause, k) or clause[a] not in finite and a - k <= CLUSTER
                           or k == 0 and a == 1)]
            if not after and not before:
                continue
            k = after[-1] if after else before[-1]
            aux, participle = clause[a], clause[k]
            if aux in worden and participle != "geworden":
                found.append((0, aux, participle))
            elif aux in zijn and not zijn_is_perfect:
                found.append((1, aux, participle))
    return min(found)[1:] if found else None
