"""The calibration texts of the B1 verdict: 20 pairs with the same content at B1 and
at B2/C1 (``analysis/data/b1_pairs.txt``, written for this project)."""
from __future__ import annotations

import re

import pandas as pd
from spacy.language import Language

from ..core.lexicons import DATA
from ..sources.corpus import parse_blocks
from .draft_check import check_blocks
from .frog import resident

HEADER = re.compile(r"^=== (\d+) (b1|hard) (.*)$", re.M)


def calibration_texts() -> list[tuple[str, str, str, str]]:
    """(pair, "b1" or "hard", title, body) of every calibration text."""
    parts = HEADER.split((DATA / "b1_pairs.txt").read_text(encoding="utf-8"))[1:]
    return [(parts[i], parts[i + 1], parts[i + 2], parts[i + 3].strip()) for i in range(0, len(parts), 4)]


def calibration_table(nlp: Language) -> pd.DataFrame:
    """The verdict and its figures for every calibration text (Frog, where installed, starts once
    for all 40)."""
    resident().start()
    rows = []
    for pair, kind, title, body in calibration_texts():
        r = check_blocks(title, parse_blocks(body), nlp)
        rows.append({"pair": pair, "level": kind, "title": title, "words": r["words"], "b1": r["b1"],
                     "words_per_sentence": r["words_per_sentence"], "flesch_douma": r["flesch_douma"],
                     "mean_zipf": r["mean_zipf"], "rare_word_share": r["rare_word_share"],
                     "jargon": len(r["jargon"]), "formal_per_100": r["formal_per_100"],
                     "long_sentence_share": r["long_sentence_share"],
                     "failed": 0 if r["b1"] else len(r["reasons"])})  # reasons are the failed criteria
    return pd.DataFrame(rows)
