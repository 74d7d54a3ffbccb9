"""The draft checker: readability and topics of a post, a draft or a folder, in Dutch (above both
readability/ and topics/, which do not know each other)."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from ..core.dismissed import FILE_NAME as DISMISSED_FILE
from ..core.dismissed import Dismissed
from ..core.errors import DraftError
from ..core.formatting import nl_count, nl_number, nl_percent
from ..sources.drafts import load_draft
from .nlp import Tokens, tokenized_posts
from .readability.analyze import Readability, analyze_blocks
from .readability.formulas import AIMS, SHARES, aim_text, traffic_light
from .readability.verdict import B1_TEXT
from .topics import TopicTagger
from .topics.tagger import post_zones, topic_words

COLOURS = {"groen": "\033[32m", "oranje": "\033[33m", "rood": "\033[31m"}
FROG_PENDING = "Frog volgt"  # the draft page's quick check: Frog's parse comes in a second pass


def check(path: Path, nlp: Language, dismissed: Dismissed = Dismissed()) -> dict:
    """Readability result of one file: figures, verdict, sentences. A file that cannot be read as
    a draft raises :class:`DraftError` with the reason in Dutch."""
    title, blocks = load_draft(path)
    return {"file": Path(path).name, "title": title} | check_blocks(title, blocks, nlp, dismissed=dismissed)


def failure(path: Path, error: DraftError) -> dict:
    """The record of a file that could not be checked, for the command's JSON and text."""
    return {"file": Path(path).name, "error": str(error)}


def text_tokens(blocks: list, block_tokens: list[Tokens]) -> list[Tokens]:
    """The tokens of the blocks that are text (not headings): what readability reads."""
    return [t for b, t in zip(blocks, block_tokens) if b.kind != "heading"]


def topics_and_readability(blocks: list, title_tokens: Tokens, block_tokens: list[Tokens], nlp: Language,
                           tagger: TopicTagger, ordinary: frozenset[str] = frozenset(),
                           parsed: tuple | None = None,
                           dismissed_sentences: frozenset[str] = frozenset()) -> tuple[dict, Readability]:
    """The topics of a tokenized text and its readability; the text's own topic words, and the
    words in *ordinary*, are not rare words. Used for posts (post_analysis) and drafts alike.
    *parsed*: Frog's parses of the text's sentences and the path (parsed here when not given);
    *dismissed_sentences*: see :func:`analyze_blocks`."""
    tags = tagger.tag_zones(post_zones(title_tokens, blocks, block_tokens))
    return tags, analyze_blocks(blocks, nlp, processed=text_tokens(blocks, block_tokens),
                                topic_words=topic_words(tags) | ordinary, parsed=parsed,
                                dismissed_sentences=dismissed_sentences)


def check_blocks(title: str, blocks: list, nlp: Language, tagger: TopicTagger | None = None,
                 dismissed: Dismissed = Dismissed(), frog: bool = True) -> dict:
    """Readability of a text with its topics. Words the marketer *dismissed* (see
    core/dismissed.py) are not marked as rare, ``dismissed_marks`` says how often they occur;
    dismissed sentences lose their passive and structure marks (``dismissed_sentences``).
    *frog*: False for the quick check without Frog's parse (the draft page's first pass)."""
    [(_, title_tokens, block_tokens)] = list(tokenized_posts([(title, blocks)], nlp))
    tags, readability = topics_and_readability(blocks, title_tokens, block_tokens, nlp, tagger or TopicTagger(),
                                               dismissed.words, parsed=None if frog else (None, FROG_PENDING),
                                               dismissed_sentences=dismissed.sentences)
    seen = sum(w.lower() in dismissed.words for t in text_tokens(blocks, block_tokens)
               for w in t.words) if dismissed.words else 0  # where words are marked: not in headings
    return {"topics": tags, "dismissed_marks": seen} | readability


def _format(key: str, value) -> str:
    if value is None:
        return "–"
    if key in SHARES:
        return nl_percent(value)
    return nl_number(value, 2 if key == "mean_zipf" else 0 if isinstance(value, int) else 1)


def figure_rows(result: dict) -> list[tuple[str, str, str, str]]:
    """Per writing aim: (label, the text's value, the aim, traffic light or ''), in Dutch."""
    rows = []
    for key, direction, aim, orange, label in AIMS:
        rows.append((label, _format(key, result[key]), aim_text(key, direction, aim),
                     traffic_light(result[key], direction, aim, orange)))
    return rows


def dismissed_lines(result: dict) -> list[str]:
    """What the marketer's dismissed marks changed, in Dutch: the figures stay honest."""
    lines = []
    if result.get("dismissed_marks"):
        lines.append(f"{result['dismissed_marks']} keer een woord niet gemarkeerd dat u eerder wegklikte; het telt "
                     f"ook niet mee als moeilijk woord (de lijst staat in {DISMISSED_FILE})")
    if result.get("dismissed_sentences"):
        n = result["dismissed_sentences"]
        lines.append(f"{nl_count(n, 'zin', 'zinnen')} zonder markering voor lijdende vorm of zinsbouw, omdat u "
                     f"die eerder wegklikte; ze tellen niet mee in het aandeel lijdende vorm (de lijst staat in "
                     f"{DISMISSED_FILE})")
    return lines


def render(result: dict, colour: bool = False) -> str:
    """The checker's report for one document, in Dutch."""
    if "error" in result:
        return f"{result['file']}: kan niet beoordelen — {result['error']}"
    lines = [f"{result['title']} ({result['file']})",
             f"  {result['words']} woorden, {result['sentence_count']} zinnen, "
             f"{result['paragraphs']} alinea's"]
    for label, value, aim, light in figure_rows(result):
        mark = f"{COLOURS[light]}●\033[0m" if colour and light else f"[{light or 'n.v.t.'}]"
        lines.append(f"  {mark} {label}: {value} ({aim})")
    if result["brouwer"] is not None:
        lines.append(f"  Leesindex Brouwer: {nl_number(result['brouwer'])}; "
                     f"Flesch-Douma: {result['flesch_douma_band']}")
    lint = result.get("lint")
    lines.append(f"  LiNT: {nl_number(lint['score'])}, {lint['level_text']} ({result['deep_analysis']})" if lint else
                 f"  LiNT: niet berekend ({result.get('deep_analysis', 'zonder Frog')}; "
                 "installeer Frog: apt-get install frog frogdata)")
    lines.append(f"  Aanspreekvorm: u/uw {nl_number(result['address_formal_per_100'])} "
                 f"en je/jij {nl_number(result['address_informal_per_100'])} per 100 woorden")
    lines.append(f"Oordeel: {B1_TEXT[result['b1']]}")
    lines.extend(f"  - {reason}" for reason in result["reasons"])
    lines.extend(f"  ({line})" for line in dismissed_lines(result))
    todo = [s for s in result["sentences"] if s["flags"]]
    if todo:
        lines.append(f"Zinnen om te verbeteren ({len(todo)}):")
        for s in todo:
            lines.append(f"  • {s['text']}")
            lines.extend(f"      {flag}" for flag in s["flags"])
    return "\n".join(lines)
