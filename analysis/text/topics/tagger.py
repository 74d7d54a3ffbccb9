"""Topic tagging on lemmas and word forms, with Dutch compounds and evidence.

A word hits a topic term when it is the term, an inflection of it (knieën,
schouders), or a compound whose other part is a common Dutch word (Zipf >= 3)
or another term: lies + blessure, onder + rug, schaats + seizoen, heup + artrose. A word that
merely contains a term (terug, brug) does not hit, because "te" and "b" are no
words; known false friends are listed per topic under ``exclude``.

Elided compounds count as written out ("nek- en schouderklachten", see elided.py);
idioms listed per topic ("achter de rug") are no evidence.

A post is about a topic when the topic is in its title or runs through its text:
at least one hit per 50 words of headings and body (at least two hits). Asides (a
paragraph on children in a post about the holidays) stay below that. The main
topic is the first topic the title names (Dutch titles lead with their subject:
"Knieklachten bij sportende kinderen"), else the best-scoring one (hits weighted
by zone: title 3, headings 2, body 1); the others are secondary. The density was chosen on the hand labels of the sample
posts (corpus/topic_labels.csv): precision and recall are flat between 1.8% and
3%. A contact message is about every topic it hits.

A post about a sport (skating, running, skiing: ``injuries_imply`` in the taxonomy) that speaks of
injuries at least MIN_TEXT_HITS times is about sports injuries too: on real articles the general
sport topic was missing from every such page, whose words are the sport's own (schaatsblessures,
hardloopblessures), not the general topic's.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress
from operator import add

from spacy.language import Language

from ..nlp import Tokens, tokenized_posts, tokens
from ..wordfreq_nl import zipf
from .elided import completions
from .taxonomy import Taxonomy, load_taxonomy

WEIGHTS = {"title": 3, "headings": 2, "body": 1}
SECONDARY_DENSITY = 0.02  # a topic the text is about: one hit per 50 words of headings and body
MIN_TEXT_HITS = 2
INFLECTIONS = ("", "s", "'s", "e", "en", "ën", "n", "es", "t", "te", "er", "ers", "je", "jes",
               "tje", "tjes")
LINKS = ("", "s", "e", "en", "er")
WORD_START = r"\b"  # how every taxonomy pattern begins (taxonomy.py)
PREFIXES = {"ver", "her", "ont"}  # verb prefixes, not compound parts: verlies is no lies
INJURY = re.compile(r"blessure|kwetsu|letsel")  # also in compounds: liesblessure, knieletsel


@dataclass
class TopicScore:
    """Evidence for one topic in one document."""

    score: int = 0
    zones: Counter = field(default_factory=Counter)  # hits per zone
    terms: Counter = field(default_factory=Counter)  # hits per matched word
    title_at: int | None = None  # where the title first names the topic

    def to_dict(self) -> dict:
        return {"score": self.score, "title": self.zones["title"],
                "headings": self.zones["headings"], "body": self.zones["body"],
                "terms": dict(sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0])))}


def _common(word: str) -> bool:
    """A word that can be the other part of a compound: common, or long and known
    (schouder + musculatuur, Zipf 1.4)."""
    return len(word) >= 3 and zipf(word) >= (1.0 if len(word) >= 8 else 3.0)


class TopicTagger:
    """Tags spaCy docs with the topics of a taxonomy."""

    def __init__(self, taxonomy: Taxonomy | None = None):
        self.taxonomy = taxonomy or load_taxonomy()
        self._term_topics: dict[str, list[str]] = {}
        for topic in self.taxonomy.topics:
            for term in topic.terms:
                self._term_topics.setdefault(term, []).append(topic.id)
        self._excluded = {t.id: t.exclude for t in self.taxonomy.topics}
        self._phrases = {t.id: t.exclude_phrases for t in self.taxonomy.topics}
        # all phrase patterns in one regex, one named group per pattern; each starts with a word
        # boundary, tested once for all of them (three times faster than per pattern)
        self._pattern_topics = [t.id for t in self.taxonomy.topics for _ in t.patterns]
        self._patterns = re.compile(r"\b(?:" + "|".join(
            f"(?P<p{i}>{p.pattern.removeprefix(WORD_START)})" for i, p in enumerate(
                p for t in self.taxonomy.topics for p in t.patterns)) + ")") if self._pattern_topics else None
        self.word_topics = lru_cache(maxsize=200_000)(self._word_topics)
        self._token_topics = lru_cache(maxsize=200_000)(self._token_topics_uncached)

    def _token_topics_uncached(self, word: str, lem: str) -> tuple[str, ...]:
        """Topics of a token from its form, else its lemma (unless the form is excluded:
        schouderklopje, lemma schouderklop); () for punctuation."""
        if not any(c.isalnum() for c in word):
            return ()
        form = word.lower()
        found = self.word_topics(form)
        if found or lem == form:
            return found
        return tuple(t for t in self.word_topics(lem) if form not in self._excluded[t])

    def _word_topics(self, word: str) -> tuple[str, ...]:
        """Topics a single lower-case word (or lemma) hits."""
        found: list[str] = []
        for term, topic_ids in self._term_topics.items():
            if not word.startswith(term) and term not in word:
                continue
            if self._hits(word, term):
                found.extend(t for t in topic_ids if word not in self._excluded[t])
        return tuple(dict.fromkeys(found))

    def _hits(self, word: str, term: str) -> bool:
        if word.startswith(term):
            rest = word[len(term):]
            if rest in INFLECTIONS:
                return True
            # head compound: liesblessure, schaatsseizoen, rugklachten
            if any(rest.startswith(link) and _common(rest[len(link):]) for link in LINKS if link
                   ) or _common(rest) or rest in self._term_topics:  # heup + artrose
                return True
        for inflection in INFLECTIONS:  # modifier compound: onderrug, moestuin, tennisarm
            end = term + inflection
            if word.endswith(end) and len(word) > len(end):
                head = word[: -len(end)].rstrip("-")
                if head in PREFIXES:
                    continue
                if _common(head) or any(head.endswith(link) and _common(head[: -len(link)])
                                        for link in LINKS if link):
                    return True
        return False

    def _hits_in(self, toks: Tokens, lower: str):
        """(topic id, evidence, character offset) of every hit in one text (*lower*: its
        text in lower case, which the offsets refer to)."""
        elided = completions(toks.words)
        topics = list(map(self._token_topics, toks.words, toks.lemmas))  # cached per distinct word
        hits = list(compress(range(len(topics)), topics))  # tokens with a topic, in C
        if elided:
            hits = sorted(set(hits) | set(elided))
        if hits:  # character offsets of the tokens, summed in C rather than per token in Python
            offsets = list(accumulate(map(add, map(len, toks.words), toks.spaces), initial=0))
        for i in hits:
            word, at = toks.words[i], offsets[i]
            if word.istitle() and not toks.starts[i]:
                continue  # names (Lieselotte, Hoorn) are no topic evidence; acronyms (BPPD) are
            if i in elided:
                for full, written in elided[i]:
                    for topic_id in self.word_topics(full) or self.word_topics(written):
                        yield topic_id, word.lower(), at
                continue
            for topic_id in topics[i]:
                yield topic_id, word.lower(), at
        if self._patterns is not None:
            for m in self._patterns.finditer(lower):
                yield self._pattern_topics[int(str(m.lastgroup)[1:])], m.group(0), m.start()

    def _score(self, zones: dict[str, list[Tokens]]) -> dict[str, TopicScore]:
        scores: dict[str, TopicScore] = {}
        for zone, texts in zones.items():
            for toks in texts:
                lower = toks.text().lower()
                idioms: dict[str, list[tuple[int, int]]] = {}
                for topic_id, evidence, at in self._hits_in(toks, lower):
                    if topic_id not in idioms:
                        phrases = self._phrases[topic_id]
                        idioms[topic_id] = [m.span() for m in phrases.finditer(lower)] if phrases else []
                    if not any(a <= at < b for a, b in idioms[topic_id]):
                        self._add(scores, topic_id, zone, evidence)
                        if zone == "title":
                            s = scores[topic_id]
                            s.title_at = at if s.title_at is None else min(s.title_at, at)
        return scores

    @staticmethod
    def _add(scores, topic_id: str, zone: str, evidence: str) -> None:
        s = scores.setdefault(topic_id, TopicScore())
        s.score += WEIGHTS[zone]
        s.zones[zone] += 1
        s.terms[evidence] += 1

    def tag_zones(self, zones: dict[str, list[Tokens]]) -> dict:
        """Topics of a post given as processed zones (title, headings, body).

        The main topic is the best-scoring topic; secondary topics are the others
        the post is about (see the module docstring). Returns ``{"main": id or None,
        "secondary": [ids], "topics": [main, *secondary], "scores": {id: evidence}}``.
        """
        scores = self._score(zones)
        ranked = self._ranked(scores)
        words = sum(toks.word_count() for zone in ("headings", "body") for toks in zones.get(zone, []))
        needed = max(MIN_TEXT_HITS, SECONDARY_DENSITY * words)
        about = [t for t in ranked if scores[t].zones["title"]
                 or scores[t].zones["headings"] + scores[t].zones["body"] >= needed]
        titled = sorted((t for t in about if scores[t].title_at is not None),
                        key=lambda t: (scores[t].title_at, ranked.index(t)))
        main = (titled + about)[0] if about else None
        implied = [t for t in self._implied(about, zones, scores) if t not in about]
        about += implied
        secondary = [t for t in about if t != main]
        return {"main": main, "secondary": secondary, "topics": ([main] if main else []) + secondary,
                "scores": {t: scores[t].to_dict() for t in ranked + [t for t in implied if t not in ranked]}}

    def _implied(self, about: list[str], zones: dict[str, list[Tokens]], scores: dict[str, TopicScore]) -> list[str]:
        """Topics implied by a sport the text is about when it speaks of injuries; the injury
        words become their evidence (without weight: they do not decide the main topic)."""
        implied = [self.taxonomy[t].injuries_imply for t in about if self.taxonomy[t].injuries_imply]
        if not implied:
            return []
        injuries = Counter(w.lower() for texts in zones.values() for toks in texts for w in toks.words
                           if INJURY.search(w.lower()))
        if sum(injuries.values()) < MIN_TEXT_HITS:
            return []
        for topic_id in implied:
            scores.setdefault(topic_id, TopicScore()).terms.update(injuries)
        return implied

    def tag_message(self, toks: Tokens) -> dict:
        """Topics of a short text (a contact message): any hit counts."""
        scores = self._score({"body": [toks]})
        ranked = self._ranked(scores)
        return {"main": ranked[0] if ranked else None, "secondary": ranked[1:], "topics": ranked,
                "scores": {t: scores[t].to_dict() for t in ranked}}

    def _ranked(self, scores: dict[str, TopicScore]) -> list[str]:
        order = {t: i for i, t in enumerate(self.taxonomy.ids)}
        return sorted(scores, key=lambda t: (-scores[t].score, order[t]))

    def tag_posts(self, posts, nlp: Language) -> list[dict]:
        """Tag (title, blocks) pairs, tokenized in one pass."""
        return [self.tag_zones(post_zones(title, blocks, block_tokens))
                for blocks, title, block_tokens in tokenized_posts(posts, nlp)]

    def tag_messages(self, texts: list[str], nlp: Language) -> list[dict]:
        """Tag short texts (contact messages): any hit counts."""
        return [self.tag_message(toks) for toks in tokens(nlp, texts)]


def topic_words(tags: dict) -> frozenset[str]:
    """The words that gave a document its topics (the evidence of its main and secondary
    topics), e.g. for readability, which does not count them as rare words."""
    return frozenset(word for t in tags["topics"] for term in tags["scores"][t]["terms"]
                     for word in term.strip("-").split())


def post_zones(title: Tokens, blocks: list, block_tokens: list[Tokens]) -> dict[str, list[Tokens]]:
    """The tagger's zones of a post: its title, its headings and its body text."""
    zones = {"title": [title], "headings": [], "body": []}
    for block, toks in zip(blocks, block_tokens):
        zones["headings" if block.kind == "heading" else "body"].append(toks)
    return zones
