"""One report: its configuration, and the results every page renders, computed once.

A :class:`ReportConfig` names the inputs (the sample's by default), the day the plan starts
and the year of the overview. The pages of a report all render from one
:class:`ReportContext`: the same dataset, readability table, effects and plan, so every page
tells the same story (one plan start, one definition of a topic gap). ``python -m analysis
report`` computes the context once and stores it in the result cache; each notebook's kernel
then reads it instead of recomputing. The key is the configuration, the content of every input
file and the code version, so a changed post or export is never read from an old context.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from ..core import paths
from ..core.cache import ResultCache, default_cache
from ..core.settings import settings_file
from ..core.sufficiency import NotEnoughData
from ..planning.plan import Plan, make_plan
from ..planning.search import SearchEvidence, search_evidence
from ..sources.landing_pages import read_landing_pages
from ..sources.search_console import SearchExport, read_search_console
from ..text.frog import frog_path, with_frog
from ..text.nlp import load_pipeline, pipeline_name
from ..text.posts import tagged_posts
from ..text.readability_table import readability_table
from ..text.topics import load_taxonomy
from ..timeseries.dataset import Dataset, load_dataset
from ..timeseries.monthly import Trend, yearly_trend
from ..timeseries.topic_effects import effects_table

SAMPLE_DRAFT = paths.ROOT / "corpus" / "drafts" / "concept-knieklachten-bij-het-fietsen.md"
KEEP_CONTEXTS = 3
PATH_FIELDS = ("corpus", "contacts", "pageviews", "weather", "raw", "labels", "draft", "out", "landing_pages")


@dataclass(frozen=True)
class ReportConfig:
    """What a report is made from. Defaults: the synthetic sample, planning from the week after
    the data, the last whole year of contacts on the overview."""

    corpus: Path = paths.CORPUS
    contacts: Path = paths.SAMPLE / "contacts.csv"
    pageviews: Path | None = paths.SAMPLE / "pageviews_ga4.csv"
    weather: Path | None = paths.SAMPLE / "weather_knmi.txt"
    raw: Path | None = paths.ROOT / "corpus" / "raw"  # website pages to check the importer on
    labels: Path | None = paths.SAMPLE_LABELS  # hand labels of the posts' topics
    draft: Path | None = SAMPLE_DRAFT
    today: dt.date | None = None
    year: int | None = None
    out: Path | None = None  # where the planner's spreadsheets go
    # Search Console exports (zip or folder), one per period
    search_console: tuple[Path, ...] = (paths.SAMPLE / "search-console", paths.SAMPLE / "search-console-2025")
    landing_pages: Path | None = paths.SAMPLE / "ga4_bestemmingspagina.csv"  # GA4 landing pages with key events

    @classmethod
    def for_inputs(cls, corpus: Path | None = None, contacts: Path | None = None, **options: Any) -> ReportConfig:
        """The configuration of a report on the given inputs. The sample's extras belong to the
        sample: own contacts never get the sample's weather, page views or draft, and an own blog
        never the sample's website pages or hand labels."""
        values: dict[str, Any] = {k: v for k, v in options.items() if v is not None}
        if contacts is not None:
            values = {"pageviews": None, "weather": None, "draft": None, "search_console": (),
                      "landing_pages": None} | values | {"contacts": contacts}
        if corpus is not None:
            values = {"raw": None, "labels": None} | values | {"corpus": corpus}
        resolved: dict[str, Any] = {k: (Path(v).resolve() if k in PATH_FIELDS and v is not None else v)
                                    for k, v in values.items()}
        if "search_console" in resolved:
            resolved["search_console"] = tuple(Path(p).resolve() for p in resolved["search_console"])
        return cls(**resolved)

    @property
    def plan_start(self) -> pd.Timestamp | None:
        return pd.Timestamp(self.today) if self.today else None

    def to_json(self) -> str:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        data["search_console"] = [str(p) for p in self.search_console]
        return json.dumps({k: (str(v) if isinstance(v, (Path, dt.date)) else v) for k, v in data.items()},
                          sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> ReportConfig:
        """The configuration a report run passed to a notebook; empty: the sample's."""
        if not text:
            return cls()
        data: dict[str, Any] = {k: (None if v is None else Path(v) if k in PATH_FIELDS
                                    else dt.date.fromisoformat(v) if k == "today" else v)
                                for k, v in json.loads(text).items()}
        data["search_console"] = tuple(Path(p) for p in data.get("search_console") or ())
        return cls(**data)

    @property
    def inputs(self) -> list[Path]:
        return [p for p in (self.corpus, self.contacts, self.pageviews, self.weather, self.raw, self.labels,
                            self.draft, *self.search_console, self.landing_pages) if p is not None]


def _fingerprint(path: Path) -> str:
    """The content of a file, or of every file in a folder, as a hash."""
    digest = hashlib.sha256(str(path).encode())
    files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
    for f in files:
        digest.update(str(f.relative_to(path) if path.is_dir() else f.name).encode())
        try:
            digest.update(hashlib.sha256(f.read_bytes()).digest())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()


@dataclass
class ReportContext:
    """The results of one report, each computed on first use."""

    config: ReportConfig
    _cache: ResultCache | None = field(default=None, repr=False, compare=False)

    @property
    def nlp(self):
        """The Dutch pipeline, loaded on first use (a second; most pages need only its name)."""
        return load_pipeline()

    @property
    def pipeline(self) -> str:
        """The name of the pipeline the analyses use."""
        return pipeline_name()

    @property
    def deep_analysis(self) -> str:
        """Whether Frog parses the texts ("Frog 0.20") or not ("zonder Frog")."""
        return frog_path()

    @cached_property
    def posts(self) -> pd.DataFrame:
        """The blog's posts with their topics (the blog page needs no contacts)."""
        return tagged_posts(self.config.corpus, nlp=self.nlp)

    @cached_property
    def dataset(self) -> Dataset:
        c = self.config
        return load_dataset(c.corpus, c.contacts, c.pageviews, c.weather, posts=self.posts)

    @cached_property
    def readability(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(per post with title and date, per sentence)."""
        table, sentences = readability_table(self.posts, self.nlp)
        return table.join(self.posts.set_index("id")[["title", "date"]]), sentences

    @cached_property
    def effects(self) -> pd.DataFrame:
        return effects_table(self.dataset)

    @cached_property
    def trend(self) -> Trend | None:
        """Growth per year apart from season and calendar (None with less than two years)."""
        return yearly_trend(self.dataset.model_weekly, self.dataset.covariates)

    @cached_property
    def plan(self) -> Plan:
        return make_plan(self.dataset, self.nlp, today=self.config.plan_start, effects=self.effects,
                         readability=self.readability, search=self.search)

    @cached_property
    def search_exports(self) -> list[SearchExport]:
        """The Search Console exports, the latest period first."""
        exports = [read_search_console([p]) for p in self.config.search_console]
        return sorted(exports, key=lambda e: e.period[1] if e.period else pd.Timestamp.min, reverse=True)

    @cached_property
    def search(self) -> SearchEvidence | None:
        """What patients search (None without a Search Console export); with two exports the earlier
        one gives the posts losing clicks."""
        exports = self.search_exports
        if not exports:
            return None
        return search_evidence(exports, self.posts, self.nlp, load_taxonomy().labels())

    @cached_property
    def themes(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """Themes in the posts outside the taxonomy: (stability per number of themes, the themes
        found); NotEnoughData for a blog too small to find them."""
        from .sections import require_themes, themes

        require_themes(self.posts)
        return themes([t + "\n" + b for t, b in zip(self.posts["title"], self.posts["body"])], self.nlp)

    @cached_property
    def landing(self) -> pd.DataFrame | None:
        return read_landing_pages(self.config.landing_pages) if self.config.landing_pages else None

    def compute(self) -> None:
        """Everything the pages render, as far as the data allow; a part the data cannot give
        (too few posts or weeks) is left for its page, which says why. A bad input file raises
        its InputError here, before any page runs."""
        for name in ("posts", "readability", "dataset", "effects", "plan", "trend", "search", "landing", "themes"):
            try:
                getattr(self, name)
            except NotEnoughData:  # the page that needs it says why, in Dutch
                return

    def save(self) -> None:
        """Store the computed parts for the report's pages; only the last few contexts are kept
        (each holds the scrubbed contacts, and a monthly report needs only its own)."""
        if self._cache is None:
            return
        parts = {k: v for k, v in self.__dict__.items() if k not in ("config", "_cache")}
        self._cache.put(_key(self.config), parts)
        stored = sorted(self._cache.directory.glob("*.pickle"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
        for old in stored[KEEP_CONTEXTS:]:
            old.unlink(missing_ok=True)


def _key(config: ReportConfig) -> str:
    """The configuration, the content of its inputs and of the practice's settings (a changed
    rhythm or level shift in practice.yaml is a different report). Not the output folder: it is
    where the pages write, not part of what is computed, and each run writes to a fresh one."""
    practice = settings_file()
    return ResultCache.key(dataclasses.replace(config, out=None).to_json(), *map(_fingerprint, config.inputs),
                           practice.read_text(encoding="utf-8") if practice.is_file() else "")


def report_context(config: ReportConfig | str | None = None) -> ReportContext:
    """The context of *config* (a configuration, its JSON, or empty for the sample): read from the
    result cache where a report run stored it, else computed as the page asks for it."""
    if not isinstance(config, ReportConfig):
        config = ReportConfig.from_json(config)
    cache = default_cache(with_frog(pipeline_name()), entry=__name__)
    context = ReportContext(config, cache)
    stored = cache.get(_key(config)) if cache is not None else None
    if isinstance(stored, dict):
        context.__dict__.update(stored)
    return context

