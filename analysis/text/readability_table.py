"""Readability of a whole corpus: one row per post, and one row per sentence."""
from __future__ import annotations

import pandas as pd
from spacy.language import Language

from .post_analysis import analyze_posts
from .readability.formulas import AIMS, aim_text, traffic_light

FIGURES = ["words", "sentence_count", "words_per_sentence", "syllables_per_word", "flesch_douma",
           "flesch_douma_band", "brouwer", "mean_zipf", "rare_word_share", "long_word_share",
           "long_sentence_share", "longest_paragraph", "longest_section", "passive_share",
           "transition_share", "same_start_runs", "address_formal_per_100",
           "address_informal_per_100", "fragments", "formal_per_100", "flesch_douma_without_fixed",
           "b1", "reasons", "rare_words", "jargon", "formal"]
LINT = ["lint_score", "lint_level"]  # Frog path only (readability/lint.py); empty without Frog


def readability_table(posts: pd.DataFrame, nlp: Language) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per post, per sentence) readability of a corpus DataFrame (needs id and blocks)."""
    rows: list[dict] = []
    columns: dict[str, list] = {}
    for post_id, analysed in zip(posts["id"], analyze_posts(posts, nlp)):
        result = analysed["readability"]
        lint = result.get("lint") or {}
        rows.append({"id": post_id} | {k: result.get(k) for k in FIGURES}
                    | {"lint_score": lint.get("score"), "lint_level": lint.get("level")})
        sentence_columns = result["sentence_columns"]
        n = len(next(iter(sentence_columns.values()), []))
        columns.setdefault("id", []).extend([post_id] * n)
        for key, values in sentence_columns.items():
            columns.setdefault(key, []).extend(values)
    return pd.DataFrame(rows, columns=["id", *FIGURES, *LINT]).set_index("id"), pd.DataFrame(columns)


def aims_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per writing check: its aim and how many posts are green, orange and red."""
    rows = []
    for key, direction, aim, orange, label in AIMS:
        lights = table[key].map(lambda v, d=direction, a=aim, o=orange: traffic_light(
            None if pd.isna(v) else v, d, a, o))
        rows.append({"controle": label, "streefwaarde": aim_text(key, direction, aim),
                     "groen": int((lights == "groen").sum()), "oranje": int((lights == "oranje").sum()),
                     "rood": int((lights == "rood").sum()), "n.v.t.": int((lights == "").sum())})
    return pd.DataFrame(rows).set_index("controle")
