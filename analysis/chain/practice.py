"""One practice of a chain, analysed in one task: what a Dask worker runs.

The same functions as a single practice's report: the corpus read and analysed once
(readability and topics, through the per-post result cache), the contact exports read,
scrubbed and tagged, the weekly series and the publication effect of every topic. The task
writes its tables as Parquet under the chain's output folder, partitioned by practice
(``data/<table>/practice=<id>/part.parquet``), and returns a small :class:`PracticeSummary`.
What it writes holds no message text and no personal data: per post its title and figures, per
week counts, per topic the estimate.
"""
from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.cache import code_version
from ..core.errors import InputError
from ..core.settings import practice_settings
from ..sources.corpus import load_corpus
from ..text.nlp import load_pipeline
from ..text.post_analysis import analyze_posts
from ..text.posts import with_topics
from ..timeseries.dataset import load_dataset
from ..timeseries.effects import SEASON_OVERLAP, publication_effects
from .folders import PracticeFolder

ENTRY = "analysis.chain.practice"
TABLES = ("posts", "weekly", "effects")


def chain_code_version() -> str:
    """The version of everything a practice's results depend on (this module and what it imports)."""
    return code_version(load_pipeline().meta.get("analysis_pipeline", ""), ENTRY)


@dataclass
class PracticeSummary:
    """What one practice's task found, and how its inputs were accounted for."""

    id: str
    name: str
    place: str
    fingerprint: str
    code: str
    posts: int = 0
    posts_not_read: int = 0  # files not read or read without a date (their reasons in the log)
    contact_rows: int = 0
    contacts: int = 0
    contacts_skipped: int = 0
    contacts_duplicate: int = 0
    weeks: int = 0
    b1_share: float | None = None
    error: str = ""
    seconds: float = 0.0
    reused: bool = False  # read back from an earlier run: inputs and code unchanged

    @property
    def ok(self) -> bool:
        return not self.error

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "PracticeSummary":
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


def partition(out: Path, table: str, practice: str) -> Path:
    return Path(out) / "data" / table / f"practice={practice}" / "part.parquet"


def _write(out: Path, table: str, practice: str, frame: pd.DataFrame) -> None:
    path = partition(out, table, practice)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    frame.to_parquet(tmp, index=False)
    tmp.replace(path)


def _post_table(posts: pd.DataFrame, analyses: list) -> pd.DataFrame:
    readability = [a["readability"] for a in analyses]
    return pd.DataFrame({
        "post": posts["id"].astype(str), "title": posts["title"].astype(str), "date": posts["date"],
        "main": [m or "" for m in posts["main"]], "topics": [";".join(t) for t in posts["topics"]],
        "words": [int(r.get("words", 0)) for r in readability],
        "flesch_douma": [np.nan if r.get("flesch_douma") is None else float(r["flesch_douma"]) for r in readability],
        "b1": [bool(r.get("b1")) for r in readability]})


def _effect_table(effects: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    table = effects.reset_index()
    usable = (np.isfinite(table["lift"]) & np.isfinite(table["se"]) & (table["se"] > 0)
              & (table["season_overlap"] < SEASON_OVERLAP))
    return pd.DataFrame({
        "topic": table["topic"], "label": table["topic"].map(labels), "posts": table["posts"].astype(int),
        "contacts": table["contacts"].astype(int), "lift": table["lift"].astype(float),
        "log_lift": np.log(table["lift"].astype(float)), "se": table["se"].astype(float),
        "ci95_low": table["ci95_low"].astype(float), "ci95_high": table["ci95_high"].astype(float),
        "window": table["window"].astype(int), "first_week": table["first_week"].astype(int),
        "effect": table["effect"].astype(bool), "note": table["note"].astype(str), "usable": usable})


def analyse_practice(practice: PracticeFolder, fingerprint: str, out: str, code: str) -> PracticeSummary:
    """Analyse *practice* (its inputs' *fingerprint* as the caller computed it) and write its tables
    under *out*; never raises on bad input: a practice that cannot be analysed returns its Dutch
    reason in ``error``."""
    start = time.perf_counter()
    try:
        with practice_settings(practice.settings) as own:
            summary = PracticeSummary(practice.id, own.name if practice.settings.is_file() else practice.id,
                                      own.place if practice.settings.is_file() else "", fingerprint, code)
            nlp = load_pipeline()
            posts = load_corpus(practice.posts)
            analyses = analyze_posts(posts, nlp)
            posts = with_topics(posts, analyses)
            ds = load_dataset(practice.posts, list(practice.contacts), weather=practice.weather, posts=posts)
            effects = publication_effects(ds.model_weekly, ds.post_weeks, ds.covariates, ds.topics,
                                          ds.weather_topics)
    except InputError as exc:
        summary = PracticeSummary(practice.id, practice.id, "", fingerprint, code, error=str(exc))
        summary.seconds = time.perf_counter() - start
        return summary
    report = ds.contact_report.to_dict()
    summary.posts, summary.posts_not_read = len(posts), len(posts.attrs.get("problems", []))
    summary.contact_rows, summary.contacts = report["rows"], report["imported"]
    summary.contacts_skipped, summary.contacts_duplicate = report["skipped"], report["duplicates"]
    summary.weeks = len(ds.weekly)
    summary.b1_share = float(np.mean([bool(a["readability"].get("b1")) for a in analyses])) if analyses else None
    weekly = ds.weekly.drop(columns=[c for c in ds.weekly.columns if c not in ["total", *ds.topics]])
    long = weekly.rename_axis("week").reset_index().melt("week", var_name="topic", value_name="contacts")
    _write(Path(out), "posts", practice.id, _post_table(posts, analyses))
    _write(Path(out), "weekly", practice.id, long[long["contacts"] > 0].reset_index(drop=True))
    _write(Path(out), "effects", practice.id, _effect_table(effects, {t.id: t.label for t in ds.taxonomy.topics}))
    summary.seconds = time.perf_counter() - start
    return summary
