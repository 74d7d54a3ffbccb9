"""Our Flesch-Douma next to textstat's Dutch Flesch, and why they differ.

textstat (``set_lang("nl")``) applies the same Douma constants but counts on the
raw text: syllables with pyphen's hyphenation (which misses a-po-the-ker and
ra-di-o), words and sentences with simple regular expressions (abbreviations
such as "bijv." end a sentence, headings run into the next sentence), and it
does not clamp to 0..100.
"""
from __future__ import annotations

import pandas as pd
import textstat

from ...core.sufficiency import NotEnoughData


def textstat_flesch(text: str) -> float:
    textstat.set_lang("nl")
    return float(textstat.flesch_reading_ease(text))


def compare_with_textstat(posts: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Per post: our Flesch-Douma and syllables per word next to textstat's."""
    if posts.empty:
        raise NotEnoughData("Nog geen berichten om met textstat te vergelijken.")
    textstat.set_lang("nl")
    rows = []
    for post_id, body in zip(posts["id"], posts["body"]):
        plain = "\n".join(line.lstrip("#- ").strip() for line in body.splitlines())
        words = textstat.lexicon_count(plain)
        rows.append({"id": post_id, "ons_flesch_douma": table.loc[post_id, "flesch_douma"],
                     "textstat_flesch": textstat.flesch_reading_ease(plain),
                     "ons_lettergrepen_per_woord": table.loc[post_id, "syllables_per_word"],
                     "textstat_lettergrepen_per_woord": textstat.syllable_count(plain) / max(words, 1),
                     "ons_zinnen": table.loc[post_id, "sentence_count"],
                     "textstat_zinnen": textstat.sentence_count(plain)})
    frame = pd.DataFrame(rows).set_index("id")
    frame["verschil"] = frame["textstat_flesch"] - frame["ons_flesch_douma"]
    return frame
