"""How well the tagger agrees with hand labels: precision and recall per topic.

Post labels are a CSV with ``slug,main,secondary`` (secondary topics separated by
";"), as ``corpus/topic_labels.csv`` for the sample posts. Message labels are a
TSV with ``topics<TAB>message`` (topics separated by ",", "-" for none).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ...core.errors import TaxonomyError


def read_post_labels(path: Path) -> pd.DataFrame:
    """Hand labels of posts, indexed by slug: 'main' and 'secondary' (list of ids)."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = {"slug", "main", "secondary"} - set(table.columns)
    if missing:
        raise TaxonomyError(f"{Path(path).name}: kolommen ontbreken: {', '.join(sorted(missing))}")
    table["secondary"] = table["secondary"].map(lambda s: [t for t in s.split(";") if t])
    return table.set_index("slug")


def read_message_labels(path: Path) -> list[tuple[set[str], str]]:
    """(topics, message) pairs of a labelled message table."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        topics, message = line.split("\t", 1)
        rows.append((set() if topics == "-" else set(topics.split(",")), message.strip()))
    return rows


def agreement(labelled: list[set[str]], tagged: list[set[str]]) -> pd.DataFrame:
    """Per topic and in total ('totaal'): labels, tags, correct tags, precision, recall."""
    topics = sorted(set().union(*labelled, *tagged))
    rows = []
    for topic in topics:
        n_label = sum(topic in ls for ls in labelled)
        n_tag = sum(topic in ts for ts in tagged)
        n_ok = sum(topic in ls and topic in ts for ls, ts in zip(labelled, tagged))
        rows.append({"topic": topic, "labels": n_label, "tags": n_tag, "correct": n_ok})
    table = pd.DataFrame(rows, columns=["topic", "labels", "tags", "correct"]).set_index("topic")
    table.loc["totaal"] = table.sum()
    table["precision"] = table["correct"] / table["tags"].where(table["tags"] > 0)
    table["recall"] = table["correct"] / table["labels"].where(table["labels"] > 0)
    return table
