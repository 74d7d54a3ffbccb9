"""Everything the notebooks and commands analyse, loaded once from the files they name."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..core.errors import InputError
from ..core.settings import settings
from ..sources.contacts import ContactReport
from ..sources.pageviews import read_pageviews
from ..sources.weather import read_weather
from ..text.contact_topics import import_tagged_contacts
from ..text.posts import tagged_posts
from ..text.topics import Taxonomy, load_taxonomy
from .covariates import weekly_covariates
from .level_shifts import LevelShift, find_level_shift, given_level_shift, with_level_shift
from .outages import Outage, find_outages, without_outages
from .weekly import post_weeks_by_topic, weekly_contacts


@dataclass
class Dataset:
    posts: pd.DataFrame
    contacts: pd.DataFrame
    contact_report: ContactReport
    weekly: pd.DataFrame
    covariates: pd.DataFrame
    post_weeks: dict[str, list[pd.Timestamp]]
    taxonomy: Taxonomy
    pageviews: pd.DataFrame | None = None
    has_weather: bool = False  # the weather is in the model (given, and covering the weeks analysed)
    weather: pd.DataFrame | None = None  # the daily weather as read (its attrs: period, missing days)
    outages: list[Outage] = field(default_factory=list)  # weeks the contact form was out of order
    level_shift: LevelShift | None = None  # a lasting change in all contacts (a step in every model)

    @property
    def topics(self) -> list[str]:
        return self.taxonomy.ids

    @property
    def weather_topics(self) -> frozenset[str]:
        """The topics whose demand follows the weather."""
        return frozenset(t.id for t in self.taxonomy.topics if t.weather)

    @property
    def model_weekly(self) -> pd.DataFrame:
        """The weekly series the models use: without the weeks of an outage."""
        return without_outages(self.weekly, self.outages)


def _level_shift(total: pd.Series, covariates: pd.DataFrame) -> LevelShift | None:
    """The practice's own level shift (practice.yaml), else the one the data show, if any."""
    day = settings().level_shift
    return given_level_shift(total, covariates, day) if day else find_level_shift(total, covariates)


def load_dataset(corpus: Path, contacts: list[Path] | Path, pageviews: Path | None = None,
                 weather: Path | None = None, posts: pd.DataFrame | None = None) -> Dataset:
    """Posts with topics, scrubbed contacts, weekly series and the calendar covariates; *posts*:
    the corpus already tagged (else it is read and tagged here). The small files are read first, so
    a wrong weather or page-view file is refused before the long work."""
    taxonomy = load_taxonomy()
    weather_frame = read_weather(weather) if weather else None
    views = read_pageviews(pageviews) if pageviews else None
    posts = tagged_posts(corpus) if posts is None else posts
    paths = [contacts] if isinstance(contacts, (str, Path)) else list(contacts)
    frame, report = import_tagged_contacts(paths)
    if frame.empty:
        raise InputError("geen contacten ingelezen:\n" + report.render())
    weekly = weekly_contacts(frame, taxonomy.ids)
    covariates = (weekly_covariates(weekly.index[0], weekly.index[-1], weather_frame) if len(weekly)
                  else pd.DataFrame(index=weekly.index))
    outages = find_outages(weekly["total"]) if len(weekly) else []
    shift = _level_shift(without_outages(weekly, outages)["total"], covariates) if len(weekly) else None
    return Dataset(posts=posts, contacts=frame, contact_report=report, weekly=weekly,
                   covariates=with_level_shift(covariates, shift), post_weeks=post_weeks_by_topic(posts),
                   taxonomy=taxonomy, pageviews=views, has_weather=bool(covariates.attrs.get("weather_used")),
                   weather=weather_frame, outages=outages, level_shift=shift)
