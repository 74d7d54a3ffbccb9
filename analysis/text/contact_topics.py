"""Topics of contact-form messages and of the pages they were sent from."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.parallel import map_chunks
from ..sources.contacts import ContactReport, import_contacts
from .nlp import load_pipeline
from .topics import TopicTagger

PARALLEL_FROM = 50_000  # messages; below this a second process costs more than it saves
COLUMNS = ["timestamp", "text", "page", "topics", "message_topics", "page_topics"]


def _tag_texts(texts: list[str]) -> list[list[str]]:
    return [t["topics"] for t in TopicTagger().tag_messages(texts, load_pipeline())]


def tag_contacts(frame: pd.DataFrame) -> pd.DataFrame:
    """*frame* (scrubbed contacts) with 'message_topics', 'page_topics' and their union
    'topics', each ';'-joined (forked workers share the loaded pipeline)."""
    message_topics = map_chunks(_tag_texts, frame["text"].tolist(), PARALLEL_FROM, prepare=load_pipeline)
    pages = frame["page"].str.replace(r"[/_-]+", " ", regex=True).str.strip()
    unique = sorted(set(pages) - {""})
    page_tags = dict(zip(unique, _tag_texts(unique)))
    page_topics = [page_tags.get(p, []) for p in pages]
    frame = frame.copy()
    frame["message_topics"] = [";".join(t) for t in message_topics]
    frame["page_topics"] = [";".join(t) for t in page_topics]
    frame["topics"] = [";".join(dict.fromkeys(m + p)) for m, p in zip(message_topics, page_topics)]
    return frame[COLUMNS]


def import_tagged_contacts(paths: list[Path], columns: dict[str, str] | None = None
                           ) -> tuple[pd.DataFrame, ContactReport]:
    """Read, scrub and tag contact exports: the dataset every analysis of contacts uses."""
    frame, report = import_contacts(paths, columns)
    return tag_contacts(frame), report
