"""Readability figures per document, paragraph and sentence.

Headings are kept out of the sentence statistics; they only mark the sections
for the "text between subheadings" check. Every text block (paragraph or list
item) is processed by the spaCy pipeline in one ``nlp.pipe`` batch.

A unit without a closing punctuation mark is a *fragment*, not a sentence, when
it is a list item, follows a bullet, or has at most FRAGMENT_WORDS words (a link
label such as "PubMed", a call to action). Fragments count for the word figures
(rare words, jargon, syllables) but not for sentence length, passive or
transitions: "✅ Warm op" is no three-word sentence that makes the text look
easier.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import Any, TypedDict

from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language

from ...core.dismissed import sentence_key
from ...core.lexicons import read_list, read_table
from ...sources.corpus import Block
from ..frog import FrogError, FrogWord, frog_path, frog_version, parse
from ..nlp import Tokens, tokens
from ..segment import ENDS, is_bullet
from ..wordfreq_nl import hard_reason, is_plain, is_rare, word_zipf, zipf
from .formulas import MIN_WORDS, brouwer, douma_band, flesch_douma
from .lint import SentenceFeatures, lint_document, sentence_features
from .passive import find_passive
from .syllables import count_syllables

LONG_SENTENCE = 20  # words; Yoast and plain-language guides
LONG_WORD = 4  # syllables
SYLLABLES = itemgetter(1)  # of a _word() tuple
FRAGMENT_WORDS = 4
CLOSERS = {'"', "'", "”", "’", ")", "]", "»"}
ADDRESS_FORMAL = {"u", "uw"}
ADDRESS_INFORMAL = {"je", "jij", "jouw", "jullie"}
AMBIGUOUS_AUXILIARIES = {"zijn", "was"}  # also a possessive and a noun


@dataclass
class Sentence:
    text: str
    paragraph: int
    section: int
    words: int
    syllables: int
    long_words: list[str] = field(default_factory=list)
    long_changeable: list[str] = field(default_factory=list)  # long words other than topic and everyday words
    rare_words: list[str] = field(default_factory=list)
    hard_words: list[list[str]] = field(default_factory=list)  # [word, reason]: not rare, still hard
    jargon: list[list[str]] = field(default_factory=list)  # [term, plain alternative]
    formal: list[list[str]] = field(default_factory=list)  # [formal word, plain alternative]
    passive: str = ""  # e.g. "wordt behandeld"
    transition: bool = False
    first_word: str = ""
    same_start_run: bool = False
    content_words: int = 0  # content words other than the post's topic words
    zipf_sum: float = 0.0
    # words a writer cannot avoid: the post's topic words (borstcrawl in a swimming
    # post) and everyday patient words (fysiotherapie, zorgverzekeraar)
    fixed_words: int = 0
    fixed_syllables: int = 0
    address_formal: int = 0
    address_informal: int = 0
    fragment: bool = False  # a list item, label or call to action without a full stop
    structure: list[str] = field(default_factory=list)  # far-apart word pairs, many clauses (Frog path)
    lint: SentenceFeatures | None = None  # LiNT's counts (Frog path)
    dismissed: bool = False  # its passive or structure mark was dismissed by the marketer

    @property
    def flags(self) -> list[str]:
        """What needs work in this sentence, as short Dutch labels."""
        out = []
        if self.words > LONG_SENTENCE:
            out.append(f"lange zin ({self.words} woorden)")
        if self.passive:
            out.append(f"lijdende vorm ({self.passive})")
        if self.jargon:
            out.append("vakjargon: " + ", ".join(f"{t} → {alt}" for t, alt in self.jargon))
        if self.formal:
            out.append("formeel: " + ", ".join(f"{t} → {alt}" for t, alt in self.formal))
        if self.rare_words or self.hard_words:
            out.append("moeilijke woorden: " + ", ".join([*self.rare_words, *(w for w, _ in self.hard_words)]))
        if self.same_start_run:
            out.append(f"drie of meer zinnen na elkaar beginnen met '{self.first_word}'")
        return out + self.structure

    def to_dict(self) -> dict:
        return {**self.__dict__, "lint": asdict(self.lint) if self.lint else None, "flags": self.flags}


@lru_cache(maxsize=1)
def _jargon() -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact, prefixes = {}, []
    for term, alternative in read_table("jargon.tsv"):
        if term.endswith("*"):
            prefixes.append((term[:-1].lower(), alternative))
        else:
            exact[term.lower()] = alternative
    return exact, prefixes


def jargon_alternative(word: str) -> str | None:
    """The plain alternative when *word* (lower case) is in the jargon lexicon."""
    exact, prefixes = _jargon()
    if word in exact:
        return exact[word]
    if found := next((alt for stem, alt in prefixes if word.startswith(stem)), None):
        return found
    # a compound that ends in a term is that term (heupabductoren, achillespeestendinopathie)
    stems = _long_stems()
    for k in range(3, len(word) - 6):
        tail = word[k:]
        if tail in exact or tail.startswith(stems):
            return jargon_alternative(tail)
    return None


@lru_cache(maxsize=1)
def _long_stems() -> tuple[str, ...]:
    """The jargon prefixes long enough to be the head of a compound (tendin*, not tendo*)."""
    return tuple(stem for stem, _ in _jargon()[1] if len(stem) >= 6)


@lru_cache(maxsize=1)
def _transitions() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]:
    """(single words anywhere, phrases anywhere, words or phrases at the sentence start)."""
    words = read_list("transition_words.txt")
    anywhere = [w for w in words if not w.startswith("^")]
    return (frozenset(w for w in anywhere if " " not in w),
            tuple(f" {w} " for w in anywhere if " " in w),
            tuple(f" {w[1:]} " for w in words if w.startswith("^")))


@lru_cache(maxsize=1)
def _register() -> tuple[tuple[str, str], ...]:
    """Formal words and phrases with their plain alternatives (register.tsv), longest first."""
    return tuple(sorted(((f" {term.lower()} ", alt) for term, alt in read_table("register.tsv")),
                        key=lambda t: -len(t[0])))


@lru_cache(maxsize=1)
def _register_index() -> dict[str, list[int]]:
    """The entries of :func:`_register` by their first word (only those can occur in a sentence
    that has that word)."""
    index: dict[str, list[int]] = {}
    for i, (term, _) in enumerate(_register()):
        index.setdefault(term.split()[0], []).append(i)
    return index


def formal_words(joined: str, lemmas: Iterable[tuple[str, str]] = ()) -> list[list[str]]:
    """[formal word or phrase, plain alternative] in a sentence (" lower case words "), longest
    first; then the words whose lemma is a formal word (*lemmas*: (word, lemma) pairs), so
    "verricht" is found by "verrichten" and "maatregelen" by "maatregel"."""
    found: list[list[str]] = []
    register, index = _register(), _register_index()
    for i in sorted(i for word in set(joined.split()) for i in index.get(word, ())):
        term, alt = register[i]
        if term in joined:
            found.append([term.strip(), alt])
            joined = joined.replace(term, " ")
    by_lemma = _register_words()
    for word, lemma in lemmas:
        if lemma != word and lemma in by_lemma and f" {word} " in joined:
            found.append([word, by_lemma[lemma]])
            joined = joined.replace(f" {word} ", " ")
    return found


@lru_cache(maxsize=1)
def _register_words() -> dict[str, str]:
    """The one-word entries of register.tsv: matched by a word's lemma too."""
    return {term.strip(): alt for term, alt in _register() if " " not in term.strip()}


@lru_cache(maxsize=500_000)
def _word(text: str, lem: str) -> tuple:
    """Per distinct (word, lemma): (is word, syllables, content word, jargon alternative,
    rare, Zipf, why it is hard though not rare, lower case, plain content word). Computed once
    per distinct word, so long texts cost a lookup per token."""
    lower = text.lower()
    if not any(c.isalnum() for c in text):
        return (False, 0, False, None, False, 0.0, None, lower, False)
    content = text.isalpha() and len(text) > 1 and lower not in STOP_WORDS
    # an abbreviation in capitals (PMC, NHG) or a word in another script (a name: Ольга, 李明) is
    # no word a B1 reader finds hard in the Dutch sense, whatever its frequency
    judged = content and not text.isupper() and (
        text.isascii() or all(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in text))
    syllables, rare = count_syllables(text), judged and is_rare(text, lem)
    return (True, syllables, content, jargon_alternative(lower) if content else None, rare,
            word_zipf(text, lem) if content else 0.0,
            hard_reason(text, lem, syllables) if judged and not rare else None, lower,
            content and is_plain(text, lem))


def _closed(words: list[str]) -> bool:
    """Whether a unit ends with a sentence-final mark (before closing quotes/brackets)."""
    last = next((w for w in reversed(words) if w not in CLOSERS), "")
    return last in ENDS or (len(last) > 1 and last.endswith(".")) or (bool(last) and last.strip(".!?…") == "")


def _sentence(tokens: Tokens, start: int, end: int, paragraph: int, section: int,
              item: bool = False, topic_words: frozenset[str] = frozenset(),
              parsed: list[FrogWord] | None = None) -> Sentence | None:
    single, phrases, at_start = _transitions()
    names = {w.word for w in parsed if w.ner != "O" or w.tag == "SPEC"} if parsed else set()
    unit = tokens.words[start:end]
    lemmas = tokens.lemmas[start:end]
    infos = list(map(_word, unit, lemmas))  # one cached lookup per token
    unit_lower = [info[7] for info in infos]  # every token, punctuation included
    kept = [(text, info) for text, info in zip(unit, infos) if info[0]]
    if not kept:
        return None
    words = [text for text, _ in kept]
    lower = [info[7] for _, info in kept]
    syllables = sum(map(SYLLABLES, infos))  # 0 for punctuation
    long_words = [text for text, info in kept if info[1] >= LONG_WORD]
    rare, jargon, hard, changeable = [], [], [], []
    content = fixed = fixed_syllables = 0
    zipf_sum = 0.0
    for n, (text, (_, syl, is_content, alt, rare_, z, why, low, plain)) in enumerate(kept):
        if not is_content:
            continue
        topical = low in topic_words and not alt
        if topical or plain:
            fixed += 1
            fixed_syllables += syl
        elif syl >= LONG_WORD and not (text[0].isupper() and n) and text not in names:
            changeable.append(text.lower())
        if topical:  # the post's own topic words (and dismissed words): not rare, not in the mean Zipf
            continue
        content += 1
        zipf_sum += z
        if alt:
            if [text, alt] not in jargon:
                jargon.append([text, alt])
        elif text[0].isupper() and n or text in names:
            pass  # capitalised inside a sentence, or a name to Frog: not a hard word
        elif rare_ and text not in rare:
            rare.append(text)
        elif why and [text, why] not in hard:
            hard.append([text, why])
    joined = f" {' '.join(lower)} "
    formal_lemmas = [(info[7], lemma.lower()) for info, lemma in zip(infos, lemmas) if info[2]]
    passive = find_passive(_verb_forms(unit_lower, parsed))
    features = sentence_features(parsed) if parsed else None
    fragment = not _closed(unit) and (item or is_bullet(unit[0]) or len(words) <= FRAGMENT_WORDS)
    return Sentence(
        fragment=fragment,
        text=tokens.text(start, end), paragraph=paragraph, section=section, words=len(words),
        syllables=syllables, long_words=long_words, long_changeable=changeable, rare_words=rare,
        hard_words=hard, jargon=jargon,
        passive=" ".join(passive) if passive else "",
        transition=(not single.isdisjoint(lower) or any(p in joined for p in phrases)
                    or any(joined.startswith(p) for p in at_start)),
        formal=formal_words(joined, formal_lemmas), fixed_words=fixed, fixed_syllables=fixed_syllables,
        first_word=lower[0], content_words=content, zipf_sum=round(zipf_sum, 3),
        address_formal=sum(map(ADDRESS_FORMAL.__contains__, lower)),
        address_informal=sum(map(ADDRESS_INFORMAL.__contains__, lower)),
        lint=features, structure=list(features.structure) if features and not fragment else [],
    )


def _verb_forms(words: list[str], parsed: list[FrogWord] | None) -> list[str]:
    """The sentence's lower-case words for the passive check; on the Frog path an auxiliary form
    Frog tags as no verb (*zijn voet*: the possessive; *de was*) is masked, so it is not paired
    with a participle. Frog's tag of the participle is not used: Frog tags real passives'
    participles as adjectives (*zijn overbelast*) or finite verbs (*is geen verwijzing vereist*),
    and on tests/data/passive_sentences.tsv such a veto lost passives and corrected none."""
    if not parsed:
        return words
    return [f"<{w}>" if w in AMBIGUOUS_AUXILIARIES and p.tag != "WW" else w for w, p in zip(words, parsed)]


FORMAL_ADDRESS = re.compile(r"\buw?\b")  # u and uw; the lexicons write alternatives in the u-form


def _in_own_register(sentences: list[Sentence]) -> None:
    """Give the alternatives of jargon and formal words in the text's form of address: "wat je
    aankunt" where the text says je, jij or jouw more often than u or uw, else "wat u aankunt"."""
    if sum(s.address_informal for s in sentences) > sum(s.address_formal for s in sentences):
        for s in sentences:
            s.jargon = [[t, FORMAL_ADDRESS.sub("je", a)] for t, a in s.jargon]
            s.formal = [[t, FORMAL_ADDRESS.sub("je", a)] for t, a in s.formal]


def _mark_same_starts(sentences: list[Sentence]) -> int:
    """Flag runs of >= 3 consecutive sentences that start with the same word."""
    runs, i = 0, 0
    while i < len(sentences):
        j = i
        while j + 1 < len(sentences) and sentences[j + 1].first_word == sentences[i].first_word:
            j += 1
        if j - i + 1 >= 3:
            runs += 1
            for s in sentences[i:j + 1]:
                s.same_start_run = True
        i = j + 1
    return runs


def _quiet(sentences: list[Sentence], dismissed: frozenset[str]) -> int:
    """Drop the passive and structure marks of the sentences the marketer dismissed (keys of
    core.dismissed.sentence_key); returns how many. Length is a count, never a wrong mark: kept."""
    quieted = 0
    for s in sentences:
        if (s.passive or s.structure) and dismissed and sentence_key(s.text) in dismissed:
            s.passive, s.structure, s.dismissed = "", [], True
            quieted += 1
    return quieted


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def sentence_tokens(processed: list[Tokens]) -> list[list[str]]:
    """The tokens of every sentence of the text blocks, in order (what Frog parses)."""
    return [t.words[a:b] for t in processed for a, b in t.sentences()]


def frog_parses(processed: list[Tokens]) -> tuple[list[list[FrogWord]] | None, str]:
    """Frog's parse of every sentence of the blocks, and the path taken in Dutch ("Frog 0.20",
    "zonder Frog", or why Frog gave nothing)."""
    if not frog_version():
        return None, frog_path()
    try:
        return parse(sentence_tokens(processed)), frog_path()
    except FrogError as exc:
        return None, f"zonder Frog: {exc}"


def sentences_of(blocks: list[Block], processed: list[Tokens], topic_words: frozenset[str] = frozenset(),
                 parsed: list[list[FrogWord]] | None = None) -> list[Sentence]:
    """Sentences of the text blocks (*processed*: the tokens of the non-heading blocks;
    *parsed*: Frog's parse of each of their sentences, see :func:`sentence_tokens`)."""
    out: list[Sentence] = []
    section, paragraph = 0, -1
    texts = iter(processed)
    parses = iter(parsed) if parsed is not None else None
    for block in blocks:
        if block.kind == "heading":
            section += 1
            continue
        paragraph += 1
        toks = next(texts)
        for a, b in toks.sentences():
            s = _sentence(toks, a, b, paragraph, section, block.kind == "item", topic_words,
                          next(parses) if parses is not None else None)
            if s:
                out.append(s)
    return out


class Readability(TypedDict, total=False):
    """The figures of one document (None where the text is too short for a formula),
    its B1 verdict with reasons, and its sentences (see :class:`Sentence`)."""
    words: int
    sentence_count: int
    fragments: int
    paragraphs: int
    syllables: int
    words_per_sentence: float
    syllables_per_word: float
    flesch_douma: float | None
    flesch_douma_band: str
    brouwer: float | None
    mean_zipf: float | None
    rare_word_share: float
    rare_words: list[str]
    hard_words: list[str]
    longest_words: list[str]
    longest_sentences: list[list[Any]]
    long_word_share: float
    long_sentence_share: float
    longest_paragraph: int
    longest_section: int
    passive_share: float
    transition_share: float
    same_start_runs: int
    address_formal_per_100: float
    address_informal_per_100: float
    jargon: list[list[str]]
    formal: list[list[str]]
    formal_per_100: float
    flesch_douma_without_fixed: float | None
    fixed_word_share: float
    b1: bool
    reasons: list[str]
    sentences: list[dict[str, Any]]
    sentence_columns: dict[str, list[Any]]
    dismissed_sentences: int  # sentences whose passive or structure mark was dismissed
    lint: dict | None  # LiNT score, level and features (Frog path), else None
    deep_analysis: str  # "Frog 0.20", or "zonder Frog" and why


def figures(units: list[Sentence], n_paragraphs: int) -> Readability:
    """Document figures from its sentences (fragments count for the word figures only)."""
    sentences = [s for s in units if not s.fragment] or units
    words = sum(s.words for s in units)
    syllables = sum(s.syllables for s in units)
    n = len(sentences)
    wps = sum(s.words for s in sentences) / n if n else 0.0
    spw = syllables / words if words else 0.0
    long_enough = words >= MIN_WORDS
    para_words: dict[int, int] = {}
    section_words: dict[int, int] = {}
    for s in units:
        para_words[s.paragraph] = para_words.get(s.paragraph, 0) + s.words
        section_words[s.section] = section_words.get(s.section, 0) + s.words
    n_content = sum(s.content_words for s in units)
    rare = sorted({w.lower(): w for s in units for w in s.rare_words}.values(),
                  key=lambda w: (zipf(w), w.lower()))  # rarest first
    hard = sorted({w.lower(): w for s in units for w, _ in s.hard_words}.values(),
                  key=lambda w: (zipf(w), w.lower()))
    jargon = sorted({(t.lower(), alt) for s in units for t, alt in s.jargon})
    formal = sorted({(t, alt) for s in units for t, alt in s.formal})
    fd = flesch_douma(wps, spw) if long_enough else None
    fixed = sum(s.fixed_words for s in units)
    other_words = words - fixed
    fd_plain = (flesch_douma(wps, (syllables - sum(s.fixed_syllables for s in units)) / other_words)
                if long_enough and other_words else None)
    return {
        "words": words,
        "sentence_count": n,
        "fragments": len(units) - n,
        "paragraphs": n_paragraphs,
        "syllables": syllables,
        "words_per_sentence": round(wps, 2),
        "syllables_per_word": round(spw, 3),
        "flesch_douma": round(fd, 1) if fd is not None else None,
        "flesch_douma_band": douma_band(fd) if fd is not None else "te kort",
        "flesch_douma_without_fixed": round(fd_plain, 1) if fd_plain is not None else None,
        "fixed_word_share": _share(fixed, words),
        "brouwer": round(brouwer(wps, spw), 1) if long_enough else None,
        "mean_zipf": round(sum(s.zipf_sum for s in units) / n_content, 2)
        if n_content else None,
        "rare_word_share": _share(sum(len(s.rare_words) for s in units), n_content),
        "rare_words": rare,
        "hard_words": hard,
        "longest_words": _longest_words(units),
        "longest_sentences": _longest_sentences(sentences),
        "long_word_share": _share(sum(len(s.long_words) for s in units), words),
        "long_sentence_share": _share(sum(s.words > LONG_SENTENCE for s in sentences), n),
        "longest_paragraph": max(para_words.values(), default=0),
        "longest_section": max(section_words.values(), default=0),
        "passive_share": _share(sum(bool(s.passive) for s in sentences), n),
        "transition_share": _share(sum(s.transition for s in sentences), n),
        "same_start_runs": sum(1 for i, s in enumerate(sentences) if s.same_start_run
                               and (i == 0 or not sentences[i - 1].same_start_run)),
        "address_formal_per_100": _per_100(sum(s.address_formal for s in units), words),
        "address_informal_per_100": _per_100(sum(s.address_informal for s in units), words),
        "jargon": [list(j) for j in jargon],
        "formal": [list(f) for f in formal],
        "formal_per_100": _per_100(sum(len(s.formal) for s in units), words),
    }


POINTED = 3  # sentences and words a verdict reason points to


def _longest_words(units: list[Sentence]) -> list[str]:
    """The long words (four syllables or more) the writer can change, least common first: not the
    post's topic words, everyday patient words or names. They lower Flesch-Douma."""
    words = {w for s in units for w in s.long_changeable}
    return sorted(words, key=lambda w: (zipf(w), w))[:2 * POINTED]


def _longest_sentences(sentences: list[Sentence]) -> list[list[Any]]:
    """[start of the sentence, words] of the longest sentences over LONG_SENTENCE words."""
    long = sorted((s for s in sentences if s.words > LONG_SENTENCE and not s.fragment),
                  key=lambda s: -s.words)[:POINTED]
    return [[_start(s.text), s.words] for s in long]


def _start(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _per_100(count: int, words: int) -> float:
    return round(100 * count / words, 2) if words else 0.0


def analyze_blocks(blocks: list[Block], nlp: Language, processed: list[Tokens] | None = None,
                   topic_words: frozenset[str] = frozenset(),
                   parsed: tuple[list[list[FrogWord]] | None, str] | None = None,
                   dismissed_sentences: frozenset[str] = frozenset()) -> Readability:
    """Figures, B1 verdict and sentences of one document given as blocks.
    *topic_words*: lower-case words that name the document's topics (the tagger's evidence);
    *dismissed_sentences*: sentences whose passive or structure mark the marketer dismissed.
    *parsed*: Frog's parses and path (see :func:`frog_parses`); parsed here when not given."""
    from .verdict import b1_verdict

    texts = [b.text for b in blocks if b.kind != "heading"]
    if processed is None:
        processed = list(tokens(nlp, texts))
    parses, path = parsed if parsed is not None else frog_parses(processed)
    sentences = sentences_of(blocks, processed, topic_words, parses)
    quieted = _quiet(sentences, dismissed_sentences)
    _mark_same_starts(sentences)
    _in_own_register(sentences)
    result = figures(sentences, len(texts))
    result["dismissed_sentences"] = quieted
    result["lint"] = lint_document([s.lint for s in sentences if s.lint and not s.fragment]) if parses else None
    result["deep_analysis"] = path
    result["b1"], result["reasons"] = b1_verdict(result)
    result["sentences"] = [s.to_dict() for s in sentences]
    return result
