"""Working titles from what patients ask: the phrase about a topic that most messages use.

A planned post gets the words patients themselves use about its topic, taken from the scrubbed
contact messages: the most common run of two to seven words that ends in a word naming the
topic, starts with a content word and holds no placeholder of the scrubber. Inside a phrase only
the prepositions, articles and "en" of ``analysis/data/phrase_words.txt`` may stand; any other
of spaCy's Dutch stop words (*heeft*, *is*, *niet*) ends it. A phrase counts only when at least
MIN_MESSAGES different messages use it, so a title never repeats one patient's words. Titles are
noun phrases ("pijn in uw heup"): a verb form (a word whose lemma differs from it and ends in
-en: *zegt*, *verzwikt*, or the verb next to a subject pronoun: "ik *ga*", "*krijg* ik") also
ends a phrase, and "mijn" becomes "uw": the post speaks to the reader.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language

from ..core.lexicons import read_sections
from ..text.nlp import tokens
from ..text.topics import TopicTagger

MIN_MESSAGES = 3
MIN_WORDS, MAX_WORDS = 2, 7
WORDS = read_sections("phrase_words.txt")
READER = {"mijn": "uw"}


@dataclass(frozen=True)
class AskedPhrase:
    """What patients write about a topic, in the reader's words, and in how many messages."""
    text: str  # 'last van uw knie bij traplopen'
    messages: int

    @property
    def question(self) -> str:
        return self.text[0].upper() + self.text[1:] + "?"


def _segments(words: list[str], lemmas: list[str]) -> list[list[str]]:
    """Runs of words between punctuation and verb forms (a phrase never crosses a sentence,
    a comma or a verb). A subject pronoun marks its verb: the word before it in an inverted
    clause ("bij het hardlopen *krijg* ik last"), else the word after it ("ik *ga* op vakantie")."""
    runs: list[list[str]] = []
    run: list[str] = []
    verb_next = False
    for w, lem in zip(words, lemmas):
        lower = w.lower()
        if lower in WORDS["subjects"]:
            verb_next = not run or run.pop() in WORDS["inside"]
            runs.append(run)
            run = []
            continue
        verb = verb_next or lem != lower and lem.endswith("en")
        verb_next = False
        word = w.isalpha() or "-" in w and w.replace("-", "").isalpha()
        if word and not verb and (lower not in STOP_WORDS or lower in WORDS["inside"]):
            run.append(lower)
        else:
            runs.append(run)
            run = []
    return [r for r in [*runs, run] if len(r) >= MIN_WORDS]


@dataclass(frozen=True)
class PatientWords:
    """Per topic: the phrase most messages about it use, and the word naming it they use most."""
    phrases: dict[str, AskedPhrase]
    keywords: dict[str, str]


def patient_words(texts: list[str], topics_of: list[list[str]], nlp: Language,
                  tagger: TopicTagger | None = None) -> PatientWords:
    """What patients write about each topic (topics no MIN_MESSAGES messages share words on are
    left out)."""
    tagger = tagger or TopicTagger()
    phrases: dict[str, Counter] = {}
    words: dict[str, Counter] = {}
    for toks, topics in zip(tokens(nlp, texts), topics_of):
        if not topics:
            continue
        seen: dict[str, set[tuple[str, ...]]] = {t: set() for t in topics}
        named: dict[str, set[str]] = {t: set() for t in topics}
        for run in _segments(toks.words, toks.lemmas):
            hits = [set(tagger.word_topics(w)) & set(topics) for w in run]
            for word, found in zip(run, hits):
                for topic in found:
                    named[topic].add(word)
            for start in range(len(run)):
                if run[start] in STOP_WORDS:
                    continue
                for end in range(start + MIN_WORDS, min(start + MAX_WORDS, len(run)) + 1):
                    phrase = tuple(run[start:end])
                    if WORDS["requests"] & set(phrase):
                        continue  # a request to the practice is no title
                    for topic in hits[end - 1]:  # the phrase ends in its topic's word
                        seen[topic].add(phrase)
        for topic in topics:
            phrases.setdefault(topic, Counter()).update(seen[topic])
            words.setdefault(topic, Counter()).update(named[topic])
    return PatientWords(
        phrases={t: AskedPhrase(" ".join(READER.get(w, w) for w in best[0]), best[1])
                 for t, c in sorted(phrases.items()) if (best := _most_used(c))},
        keywords={t: " ".join(best[0]) for t, c in sorted(words.items())
                  if (best := _most_used(Counter({(w,): n for w, n in c.items()})))})


def _most_used(counter: Counter) -> tuple[tuple[str, ...], int] | None:
    """The entry most messages use (then the longest, then alphabetical), if MIN_MESSAGES do."""
    if not counter:
        return None
    best = min(counter.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    return best if best[1] >= MIN_MESSAGES else None

# The second half of a working title, per reason a post is planned. A calendar uses each at most
# MAX_USES times (a title that reads like every other one is not a title).
ENDINGS = {
    "effect": ["Wat u zelf kunt doen", "Oefeningen voor thuis", "Zo komt u er weer vanaf",
               "Wanneer naar de fysiotherapeut?"],
    "season": ["Zo bent u op tijd voorbereid", "Wat u nu al kunt doen", "Goed beginnen in {month}",
               "Tips voor {month}"],
    "gap": ["Antwoorden op de vragen die wij vaak krijgen", "Wat helpt en wat niet",
            "Wat de fysiotherapeut u aanraadt"],
    "general": ["Wat u moet weten", "Vijf vragen aan de fysiotherapeut", "Hoe wij u helpen",
                "Fabels en feiten", "Zo houdt u het vol", "Wat kunt u verwachten?", "Uitleg en tips"],
}
MAX_USES = 2


def title_heads(taxonomy) -> dict[str, str]:
    """How a title names a topic without a patient's phrase: a body part of one word as the
    complaint ('Klachten aan uw lies', not 'Lies', which reads as a name), else the label."""
    return {t.id: f"Klachten aan uw {t.label.lower()}" if t.group == "lichaamsdeel" and " " not in t.label
            else t.label for t in taxonomy.topics}


class TitleWriter:
    """Working titles for one calendar: the patients' own question where there is one, with an
    ending that fits why the post is planned and that the calendar has used least."""

    def __init__(self) -> None:
        self.used: Counter = Counter()
        self.by_topic: set[tuple[str, str]] = set()

    def _ending(self, kind: str, month: str, topic: str) -> str:
        # its own endings first, then the general ones; a season's endings only for a season
        pool = list(dict.fromkeys(ENDINGS[kind] + ENDINGS["general"]
                                  + [e for k in ("effect", "gap") if k != kind for e in ENDINGS[k]]))
        fresh = [e for e in pool if self.used[e] < MAX_USES] or pool
        ending = min(fresh, key=lambda e: ((topic, e) in self.by_topic, self.used[e], e not in ENDINGS[kind],
                                           pool.index(e)))
        self.used[ending] += 1
        self.by_topic.add((topic, ending))
        return ending.format(month=month)

    def title(self, kind: str, label: str, phrase: AskedPhrase | None, month: str, searched: str | None = None) -> str:
        """'Last van uw knie? Wat u zelf kunt doen'; without a phrase the words patients search in
        Google ('Liesblessure schaatsen: wat u zelf kunt doen'), else 'Kinderen: hoe wij u helpen'."""
        ending = self._ending(kind, month, label)
        if phrase is not None:
            return f"{phrase.question} {ending}"
        head = searched[0].upper() + searched[1:] if searched else label
        return f"{head}: {ending[0].lower()}{ending[1:]}"
