"""The editable topic taxonomy: ``analysis/data/topics.yaml`` plus, where a practice
keeps one, ``topics.yaml`` in the project folder (new ids are added, existing ids replaced)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ...core import paths
from ...core.errors import TaxonomyError
from ...core.lexicons import DATA

GROUPS = {"lichaamsdeel", "klacht", "activiteit", "seizoen", "praktisch", "doelgroep"}


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    group: str
    terms: tuple[str, ...]
    exclude: frozenset[str] = frozenset()
    patterns: tuple[re.Pattern, ...] = ()
    exclude_phrases: re.Pattern | None = None
    months: tuple[int, ...] = ()
    weather: bool = False  # its demand follows frost and ice (skating, slipping)
    injuries_imply: str = ""  # a text about this activity that speaks of injuries is about that topic too

    @property
    def seasonal(self) -> bool:
        return bool(self.months)


@dataclass(frozen=True)
class Taxonomy:
    topics: tuple[Topic, ...] = field(default_factory=tuple)

    def __getitem__(self, topic_id: str) -> Topic:
        return next(t for t in self.topics if t.id == topic_id)

    @property
    def ids(self) -> list[str]:
        return [t.id for t in self.topics]

    def labels(self) -> dict[str, str]:
        return {t.id: t.label for t in self.topics}


def _topic(raw: dict, source: str) -> Topic:
    missing = {"id", "label", "group", "terms"} - set(raw)
    if missing:
        raise TaxonomyError(f"{source}: topic {raw.get('id', '?')} mist {', '.join(sorted(missing))}")
    if raw["group"] not in GROUPS:
        raise TaxonomyError(f"{source}: topic {raw['id']}: onbekende groep {raw['group']!r}")
    months = tuple(raw.get("months") or ())
    if any(not 1 <= m <= 12 for m in months):
        raise TaxonomyError(f"{source}: topic {raw['id']}: maanden moeten 1 tot en met 12 zijn")
    try:
        patterns = tuple(re.compile(rf"\b(?:{p})\b") for p in raw.get("patterns") or ())
        phrases = raw.get("exclude_phrases") or ()
        exclude_phrases = re.compile("|".join(rf"\b(?:{p})\b" for p in phrases)) if phrases else None
    except re.error as exc:
        raise TaxonomyError(f"{source}: topic {raw['id']}: ongeldig patroon ({exc})") from None
    return Topic(id=raw["id"], label=raw["label"], group=raw["group"],
                 terms=tuple(t.lower() for t in raw["terms"]),
                 exclude=frozenset(t.lower() for t in raw.get("exclude") or ()),
                 patterns=patterns, exclude_phrases=exclude_phrases, months=months,
                 weather=bool(raw.get("weather", False)), injuries_imply=raw.get("injuries_imply") or "")


def _read(path: Path) -> list[Topic]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path.name}: geen geldige YAML ({exc})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("topics"), list):
        raise TaxonomyError(f"{path.name}: verwacht een lijst 'topics:'")
    topics = [_topic(t, path.name) for t in raw["topics"]]
    ids = [t.id for t in topics]
    if len(set(ids)) != len(ids):
        raise TaxonomyError(f"{path.name}: dubbele topic-id's")
    return topics


@lru_cache(maxsize=4)
def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read and validate a taxonomy file (default: the shipped one plus the practice's own)."""
    if path:
        return Taxonomy(tuple(_read(Path(path))))
    topics = {t.id: t for t in _read(DATA / "topics.yaml")}
    local = paths.LOCAL_TOPICS
    if local.is_file():
        topics.update({t.id: t for t in _read(local)})
    return Taxonomy(tuple(topics.values()))
