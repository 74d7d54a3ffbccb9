"""The B1 verdict: a transparent rule over the document figures.

A text is "B1 of eenvoudiger" when all *decisive* criteria hold; each failed
criterion is a reason. The criteria follow Dutch plain-language guidance
(taalniveau B1: short sentences, frequent words, no unexplained jargon) and the
Flesch-Douma band "normaal":

1. average sentence length at most 15 words;
2. Flesch-Douma at least 60 (only judged from MIN_WORDS words on);
3. mean word frequency of content words at least Zipf 4.4 (word frequency is
   LiNT-II's strongest feature) and at most 8% rare content words (Zipf < 3);
4. at most 2 different jargon terms;
5. at most 25% sentences longer than 20 words.

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
          f"zinnen te lang: gemiddeld {nl_number(wps)} woorden (max. {MAX_WORDS_PER_SENTENCE})")
    if f["flesch_douma"] is not None:
        fd = f["flesch_douma"]
        check(fd >= MIN_FLESCH_DOUMA, f"Flesch-Douma {fd:.0f} (min. {MIN_FLESCH_DOUMA})",
              f"Flesch-Douma {fd:.0f} is lager dan {MIN_FLESCH_DOUMA} ({f['flesch_douma_band']})")
    else:
        passes.append(f"tekst te kort voor Flesch-Douma ({f['words']} woorden)")
    if f["mean_zipf"] is not None:
        z = f["mean_zipf"]
        check(z >= MIN_MEAN_ZIPF,
              f"woorden gemiddeld frequent (Zipf {nl_number(z, 2)}, min. {nl_number(MIN_MEAN_ZIPF)})",
              f"te veel weinig gebruikte woorden (Zipf {nl_number(z, 2)}, "
              f"min. {nl_number(MIN_MEAN_ZIPF)})")
    rare = f["rare_word_share"]
    check(rare <= MAX_RARE_SHARE,
          f"{nl_percent(rare)} zeldzame woorden (max. {nl_percent(MAX_RARE_SHARE, 0)})",
          f"{nl_percent(rare)} zeldzame woorden (max. {nl_percent(MAX_RARE_SHARE, 0)}): "
          + ", ".join(f["rare_words"][:6]))
    terms = [t for t, _ in f["jargon"]]
    check(len(terms) <= MAX_JARGON, f"{len(terms)} vaktermen (max. {MAX_JARGON})",
          f"{len(terms)} vaktermen (max. {MAX_JARGON}): {', '.join(terms[:6])}")
    long_share = f["long_sentence_share"]
    check(long_share <= MAX_LONG_SENTENCE_SHARE,
          f"{nl_percent(long_share)} lange zinnen (max. {nl_percent(MAX_LONG_SENTENCE_SHARE, 0)})",
          f"{nl_percent(long_share)} zinnen langer dan 20 woorden "
          f"(max. {nl_percent(MAX_LONG_SENTENCE_SHARE, 0)})")
    return (not fails), (fails or passes)
