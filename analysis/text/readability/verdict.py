"""The B1 verdict: a transparent rule over the document figures.

A text is "B1 of eenvoudiger" when all *decisive* criteria hold; each failed
criterion is a reason. The criteria follow Dutch plain-language guidance
(taalniveau B1: short sentences, frequent words, no unexplained jargon) and the
Flesch-Douma band "normaal":

1. average sentence length at most 15 words (fragments such as list items
   without a full stop do not count as sentences);
2. Flesch-Douma at least 60 (only judged from MIN_WORDS words on). Douma counts
   syllables, so a plain text about fysiotherapie and the zorgverzekeraar scores
   low on words nobody can avoid: when the score reaches 60 without the post's
   topic words and the everyday patient words of plain_words.txt, the text passes
   and the reason says why;
3. mean word frequency of content words at least Zipf 4.4 (word frequency is
   LiNT-II's strongest feature) and at most 8% rare content words (Zipf < 2.5);
   the post's own topic words count for neither;
4. at most 2 different jargon terms;
5. at most 25% sentences longer than 20 words;
6. at most 1 formal word or phrase (indien, eveneens, dient te worden; register.tsv)
   per 100 words.

The thresholds were checked on 20 pairs of texts with the same content at B1 and
at B2/C1 (tests/data/b1_pairs.txt, 150 to 260 words each, written for this
project): every B1 text passes and every harder one fails. Notebook 02 shows the
figures of both and of the sample posts.

Every failed criterion names what the writer can change: the longest sentences (their first
words), the long words that lower Flesch-Douma, the least known words, the jargon and formal
words with their plain alternatives.

Passive voice, transitions, paragraph and section length are writing advice
(traffic lights), not part of the verdict: they make a text harder to follow but
not harder to understand word by word.
"""
from __future__ import annotations

from typing import Any, Mapping

from ...core.formatting import nl_number, nl_percent

B1_TEXT = {True: "B1 of eenvoudiger", False: "moeilijker dan B1"}
MAX_WORDS_PER_SENTENCE = 15
MIN_FLESCH_DOUMA = 60
MIN_MEAN_ZIPF = 4.4
MAX_RARE_SHARE = 0.08
MAX_JARGON = 2
MAX_LONG_SENTENCE_SHARE = 0.25
MAX_FORMAL_PER_100 = 1.0
NAMED = 6  # words named in a reason


def _with_alternatives(pairs) -> str:
    return ", ".join(f"{t} (→ {alt})" for t, alt in pairs[:NAMED])


def _longest(f: Mapping[str, Any]) -> str:
    """'; de langste: ‘Indien de patiënt …’ (41 woorden), …' or '' without sentences over 20 words."""
    sentences = f.get("longest_sentences") or []
    return ("; de langste: " + ", ".join(f"‘{start}’ ({n} woorden)" for start, n in sentences)
            if sentences else "")


def b1_verdict(f: Mapping[str, Any]) -> tuple[bool, list[str]]:
    """(passes B1, reasons in Dutch): the failed criteria, or all passed ones."""
    if not f["sentence_count"]:
        return False, ["geen zinnen gevonden: er is geen tekst om te beoordelen"]
    fails: list[str] = []
    passes: list[str] = []

    def check(ok: bool, good: str, bad: str):
        (passes if ok else fails).append(good if ok else bad)

    wps = f["words_per_sentence"]
    check(wps <= MAX_WORDS_PER_SENTENCE,
          f"zinnen gemiddeld {nl_number(wps)} woorden (max. {MAX_WORDS_PER_SENTENCE})",
          f"zinnen te lang: gemiddeld {nl_number(wps)} woorden (max. {MAX_WORDS_PER_SENTENCE})"
          + _longest(f))
    if f["flesch_douma"] is not None:
        fd, plain = f["flesch_douma"], f.get("flesch_douma_without_fixed")
        if fd < MIN_FLESCH_DOUMA and plain is not None and plain >= MIN_FLESCH_DOUMA:
            passes.append(f"Flesch-Douma {fd:.0f} is laag door lange woorden die bij het onderwerp horen; "
                          f"zonder die woorden {plain:.0f} (min. {MIN_FLESCH_DOUMA})")
        else:
            named = {w.lower() for w in f["rare_words"] + f.get("hard_words", [])} | {t for t, _ in f["jargon"]}
            long_words = [w for w in f.get("longest_words", []) if w not in named] or f.get("longest_words", [])
            check(fd >= MIN_FLESCH_DOUMA, f"Flesch-Douma {fd:.0f} (min. {MIN_FLESCH_DOUMA})",
                  f"Flesch-Douma {fd:.0f} is lager dan {MIN_FLESCH_DOUMA} ({f['flesch_douma_band']})"
                  + (f"; lange woorden: {', '.join(long_words[:NAMED])}" if long_words else ""))
    else:
        passes.append(f"tekst te kort voor Flesch-Douma ({f['words']} woorden)")
    hardest = ", ".join((f["rare_words"] + [t for t, _ in f["jargon"]] + f.get("hard_words", []))[:NAMED])
    if f["mean_zipf"] is not None:
        z = f["mean_zipf"]
        check(z >= MIN_MEAN_ZIPF,
              f"woorden gemiddeld frequent (Zipf {nl_number(z, 2)}, min. {nl_number(MIN_MEAN_ZIPF)})",
              f"de woorden zijn gemiddeld te onbekend (Zipf {nl_number(z, 2)}, min. {nl_number(MIN_MEAN_ZIPF)})"
              + (f"; de minst bekende: {hardest}" if hardest else ""))
    rare = f["rare_word_share"]
    check(rare <= MAX_RARE_SHARE,
          f"{nl_percent(rare)} zeldzame woorden (max. {nl_percent(MAX_RARE_SHARE, 0)})",
          f"{nl_percent(rare)} zeldzame woorden (max. {nl_percent(MAX_RARE_SHARE, 0)}): "
          + ", ".join(f["rare_words"][:NAMED]))
    check(len(f["jargon"]) <= MAX_JARGON, f"{len(f['jargon'])} vaktermen (max. {MAX_JARGON})",
          f"{len(f['jargon'])} vaktermen (max. {MAX_JARGON}): {_with_alternatives(f['jargon'])}")
    formal = f.get("formal_per_100", 0.0)
    count = round(formal * f["words"] / 100)
    check(formal <= MAX_FORMAL_PER_100,
          f"{count} formele woorden in {f['words']} woorden (max. {nl_number(MAX_FORMAL_PER_100, 0)} per 100)",
          f"te formeel: {count} formele woorden in {f['words']} woorden "
          f"(max. {nl_number(MAX_FORMAL_PER_100, 0)} per 100): {_with_alternatives(f.get('formal', []))}")
    long_share = f["long_sentence_share"]
    check(long_share <= MAX_LONG_SENTENCE_SHARE,
          f"{nl_percent(long_share)} lange zinnen (max. {nl_percent(MAX_LONG_SENTENCE_SHARE, 0)})",
          f"{nl_percent(long_share)} zinnen langer dan 20 woorden "
          f"(max. {nl_percent(MAX_LONG_SENTENCE_SHARE, 0)})" + ("" if wps > MAX_WORDS_PER_SENTENCE else _longest(f)))
    return (not fails), (fails or passes)
