"""Passive voice in Dutch: ``worden`` + participle and ``zijn`` + participle.

Yoast's Dutch check only knows the ``worden`` passive. The ``zijn`` passive
(*de spier is overbelast*) looks like an active perfect (*ik ben gevallen*), so a
``zijn`` + participle pair counts only when the participle is not in
``not_passive_participles.txt`` (ergative verbs and adjectival participles).
Auxiliary and participle must stand in the same clause (no comma, semicolon,
colon or bracket between them); either order is fine (*die behandeld worden*).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...core.lexicons import read_list, read_sections

PARTICLES = ("aan|af|bij|door|in|mee|na|om|onder|op|over|toe|uit|terug|vast|voor|weg|samen"
             "|tegen|voort|rond|los|neer|mis|achter|binnen|buiten|thuis|vrij")
# ge-...-d/t (gebruikt), unstressed prefixes without ge- (behandeld, verhoogd),
# separable verbs (opgebouwd, aangepast); -en endings come from the irregular list.
REGULAR = re.compile(rf"^(?:(?:{PARTICLES})?ge\w{{2,}}[dt]"
                     r"|(?:be|ver|ont|her|er|over|onder|door|mis|vol|achter)\w{3,}[dt])$")
CLAUSE_BREAKS = {",", ";", ":", "(", ")", "–", "—"}
DETERMINERS = {"de", "het", "een", "deze", "dit", "mijn", "uw", "haar", "hun",
               "onze", "geen", "elke", "ieder", "veel", "weinig"}
NOT_PARTICIPLES = frozenset("""
gebied gezond gewicht gezicht gewricht gerecht bericht gedicht geduld gemiddeld gezellig
verband verstand bestand verschillend verschillende geleidelijk begint bevat besteed
herfst gedurende verleden geheel gehele behalve bereid ontbijt doordat
""".split())


@lru_cache(maxsize=1)
def _lexicon():
    aux = read_sections("passive_auxiliaries.txt")
    irregular = read_list("irregular_participles.txt")
    return aux["worden"], aux["zijn"], irregular, read_list("not_passive_participles.txt")


@lru_cache(maxsize=200_000)
def is_participle(word: str) -> bool:
    """Whether a lower-case word looks like a Dutch past participle."""
    _, _, irregular, _ = _lexicon()
    if word in NOT_PARTICIPLES or word.endswith("heid"):
        return False
    if word in irregular or any(word.endswith(p) and len(word) > len(p) + 1 and
                                word[: -len(p)].isalpha() and p.startswith("ge")
                                for p in irregular):
        return True
    return bool(REGULAR.match(word))


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
    """(auxiliary, participle) of the first passive construction, or None.

    *words* are the lower-case tokens of one sentence, punctuation included.
    """
    worden, zijn, _, not_passive = _lexicon()
    for clause in _clauses(words):
        auxes = [w for w in clause if w in worden or w in zijn]
        if not auxes:
            continue
        # "is overbelast geraakt": zijn belongs to the active perfect of raken
        zijn_is_perfect = any(w in not_passive for w in clause)
        # the verb cluster closes a Dutch clause: take the last participle, and
        # skip words after a determiner (een bewegingsangst is a noun)
        candidates = [w for k, w in enumerate(clause)
                      if w not in worden and w not in zijn and is_participle(w)
                      and not (k and clause[k - 1] in DETERMINERS)]
        for w in reversed(candidates):
            if any(a in worden for a in auxes) and w != "geworden":
                return next(a for a in auxes if a in worden), w
            if w not in not_passive and not zijn_is_perfect:
                return auxes[0], w
    return None
