"""Topic tagging on lemmas and word forms, with Dutch compounds and evidence.

A word hits a topic term when it is the term, an inflection of it (knieën,
schouders), or a compound whose other part is a common Dutch word (Zipf >= 3):
lies + blessure, onder + rug, schaats + seizoen, thuiswerk + plek. A word that
merely contains a term (terug, brug) does not hit, because "te" and "b" are no
words; known false friends are listed per topic under ``exclude``.

Hits are weighted by where they occur: title 3, headings 2, body 1. A post is
about a topic when its score reaches POST_THRESHOLD; a short message when it has
any hit.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language

from ..nlp import Tokens, tokens
from ..wordfreq_nl import zipf
from .taxonomy import Taxonomy, load_taxonomy

WEIGHTS = {"title": 3, "headings": 2, "body": 1}
POST_THRESHOLD = 4
INFLECTIONS = ("", "s", "'s", "e", "en", "ën", "n", "es", "t", "te", "er", "ers", "je", "jes",
               "tje", "tjes")
LINKS = ("", "s", "e", "en", "er")


@dataclass
class TopicScore:
    """Evidence for one topic in one document."""

    score: int = 0
    zones: Counter = field(default_factory=Counter)  # hits per zone
    terms: Counter = field(default_factory=Counter)  # hits per matched word

    def to_dict(self) -> dict:
        return {"score": self.score, "title": self.zones["title"],
                "headings": self.zones["headings"], "body": self.zones["body"],
                "terms": dict(sorted(self.terms.items(), key=lambda kv: (-kv[1], kv[0])))}


def _common(word: str) -> bool:
    return len(word) >= 3 and zipf(word) >= 3.0


class TopicTagger:
    """Tags spaCy docs with the topics of a taxonomy."""

    def __init__(self, taxonomy: Taxonomy | None = None):
        self.taxonomy = taxonomy or load_taxonomy()
        self._term_topics: dict[str, list[str]] = {}
        for topic in self.taxonomy.topics:
            for term in topic.terms:
                self._term_topics.setdefault(term, []).append(topic.id)
        self._excluded = {t.id: t.exclude for t in self.taxonomy.topics}
        # all phrase patterns in one regex, one named group per pattern
        self._pattern_topics = [t.id for t in self.taxonomy.topics for _ in t.patterns]
        self._patterns = re.compile("|".join(
            f"(?P<p{i}>{p.pattern})" for i, p in enumerate(
                p for t in self.taxonomy.topics for p in t.patterns))) if self._pattern_topics else None
        self.word_topics = lru_cache(maxsize=200_000)(self._word_topics)
        self._token_topics = lru_cache(maxsize=200_000)(self._token_topics_uncached)

    def _token_topics_uncached(self, word: str, lem: str) -> tuple[str, ...]:
        """Topics of a token from its form, else its lemma; () for punctuation."""
        if not any(c.isalnum() for c in word):
            return ()
        form = word.lower()
        return self.word_topics(form) or (self.word_topics(lem) if lem != form else ())

    def _word_topics(self, word: str) -> tuple[str, ...]:
        """Topics a single lower-case word (or lemma) hits."""
        found: list[str] = []
        for term, topic_ids in self._term_topics.items():
            if not word.startswith(term) and term not in word:
                continue
            if self._hits(word, term):
                found.extend(t for t in topic_ids if word not in self._excluded[t])
        return tuple(dict.fromkeys(found))

    @staticmethod
    def _hits(word: str, term: str) -> bool:
        if word.startswith(term):
            rest = word[len(term):]
            if rest in INFLECTIONS:
                return True
            # head compound: liesblessure, schaatsseizoen, rugklachten
            if any(rest.startswith(link) and _common(rest[len(link):]) for link in LINKS if link
                   ) or _common(rest):
                return True
        for inflection in INFLECTIONS:  # modifier compound: onderrug, moestuin, tennisarm
            end = term + inflection
            if word.endswith(end) and len(word) > len(end):
                head = word[: -len(end)].rstrip("-")
                if _common(head) or any(head.endswith(link) and _common(head[: -len(link)])
                                        for link in LINKS if link):
                    return True
        return False

    def _score(self, zones: dict[str, list[Tokens]]) -> dict[str, TopicScore]:
        scores: dict[str, TopicScore] = {}
        for zone, texts in zones.items():
            for toks in texts:
                for word, lem, start in zip(toks.words, toks.lemmas, toks.starts):
                    topic_ids = self._token_topics(word, lem)
                    if not topic_ids or (word[0].isupper() and not start):
                        continue  # names (Lieselotte, Hoorn) are no topic evidence
                    for topic_id in topic_ids:
                        self._add(scores, topic_id, zone, word.lower())
                if self._patterns is not None:
                    for m in self._patterns.finditer(toks.text().lower()):
                        self._add(scores, self._pattern_topics[int(str(m.lastgroup)[1:])], zone, m.group(0))
        return scores

    @staticmethod
    def _add(scores, topic_id: str, zone: str, evidence: str) -> None:
        s = scores.setdefault(topic_id, TopicScore())
        s.score += WEIGHTS[zone]
        s.zones[zone] += 1
        s.terms[evidence] += 1

    def tag_zones(self, zones: dict[str, list[Tokens]], threshold: int = POST_THRESHOLD) -> dict:
        """Topics of one document given as processed zones (title, headings, body).

        Returns ``{"topics": [ids], "primary": id or None, "scores": {id: evidence}}``
        with topics ordered by score, then by taxonomy order.
        """
        scores = self._score(zones)
        order = {t: i for i, t in enumerate(self.taxonomy.ids)}
        ranked = sorted(scores, key=lambda t: (-scores[t].score, order[t]))
        topics = [t for t in ranked if scores[t].score >= threshold]
        return {"topics": topics, "primary": topics[0] if topics else None,
                "scores": {t: scores[t].to_dict() for t in ranked}}

    def tag_posts(self, posts, nlp: Language) -> list[dict]:
        """Tag (title, blocks) pairs, tokenized in one pass."""
        return [self.tag_zones(post_zones(title, blocks, block_tokens))
                for blocks, title, block_tokens in tokenized_posts(posts, nlp)]

    def tag_messages(self, texts: list[str], nlp: Language) -> list[dict]:
        """Tag short texts (contact messages): any hit counts."""
        return [self.tag_zones({"body": [toks]}, threshold=1) for toks in tokens(nlp, texts)]


def tokenized_posts(posts, nlp: Language):
    """(blocks, title tokens, tokens per block) for (title, blocks) pairs, one tokenizer pass."""
    posts = list(posts)
    stream = tokens(nlp, [t for title, blocks in posts for t in [title] + [b.text for b in blocks]])
    for _, blocks in posts:
        title = next(stream)
        yield blocks, title, [next(stream) for _ in blocks]


def post_zones(title: Tokens, blocks: list, block_tokens: list[Tokens]) -> dict[str, list[Tokens]]:
    """The tagger's zones of a post: its title, its headings and its body text."""
    zones = {"title": [title], "headings": [], "body": []}
    for block, toks in zip(blocks, block_tokens):
        zones["headings" if block.kind == "heading" else "body"].append(toks)
    return zones
