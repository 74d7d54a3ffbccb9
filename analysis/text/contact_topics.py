"""Topics of contact-form messages and of the pages they were sent from."""
from __future__ import annotations

import hashlib
from contextlib import nullcontext
from pathlib import Path

import pandas as pd

from ..core.cache import ResultCache, default_cache
from ..core.parallel import map_with, worker_pool
from ..sources.contacts import ContactReport, import_contacts
from .nlp import load_pipeline
from .topics import TopicTagger

PARALLEL_FROM = 50_000  # messages; below this a second process costs more than it saves
SLICE = 50_000  # messages tagged at a time
COLUMNS = ["timestamp", "text", "page", "topics", "message_topics", "page_topics"]


def _tag_texts(texts: list[str]) -> list[list[str]]:
    return [t["topics"] for t in TopicTagger().tag_messages(texts, load_pipeline())]


def tag_contacts(frame: pd.DataFrame) -> pd.DataFrame:
    """*frame* (scrubbed contacts) with 'message_topics', 'page_topics' and their union
    'topics', each ';'-joined (forked workers share the loaded pipeline). The messages are
    tagged SLICE at a time and each slice's topics kept as compact text columns, so that a
    million messages never sit in memory as Python strings and lists at once."""
    pages = frame["page"].str.replace(r"[/_-]+", " ", regex=True).str.strip()
    unique = sorted(set(pages) - {""})
    page_tags = dict(zip(unique, _tag_texts(unique)))
    parts: list[pd.DataFrame] = []
    parallel = len(frame) >= PARALLEL_FROM
    with worker_pool(load_pipeline) if parallel else nullcontext(None) as pool:
        for start in range(0, len(frame), SLICE):
            texts = frame["text"].iloc[start:start + SLICE].tolist()
            messages = map_with(pool, _tag_texts, texts)
            on_pages = [page_tags.get(p, []) for p in pages.iloc[start:start + SLICE]]
            parts.append(pd.DataFrame({
                "message_topics": pd.array([";".join(t) for t in messages], dtype="str"),
                "page_topics": pd.array([";".join(t) for t in on_pages], dtype="str"),
                "topics": pd.array([";".join(dict.fromkeys(m + p)) for m, p in zip(messages, on_pages)], dtype="str")}))
    topics = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        {c: pd.Series(dtype="str") for c in ("message_topics", "page_topics", "topics")})
    topics.index = frame.index
    return pd.concat([frame, topics], axis=1)[COLUMNS]


def import_tagged_contacts(paths: list[Path], columns: dict[str, str] | None = None,
                           date_order: str | None = None) -> tuple[pd.DataFrame, ContactReport]:
    """Read, scrub and tag contact exports: the dataset every analysis of contacts uses.

    The result (scrubbed data and the report only) is cached by the files' content and the
    code it depends on, so the notebooks of one report scrub an export once."""
    store = default_cache("contacts", entry=__name__)
    key = ResultCache.key(repr(sorted((columns or {}).items())), str(date_order),
                          *(f"{Path(p).name}:{_file_hash(Path(p))}" for p in paths))
    if store is not None and (hit := store.get(key)) is not None:
        return hit
    frame, report = import_contacts(paths, columns, date_order)
    result = tag_contacts(frame), report
    if store is not None and report.ok:
        store.put(key, result)
    return result


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"
