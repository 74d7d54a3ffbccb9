"""Everything the notebooks and commands analyse, loaded once from the files they name."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .audience import read_pageviews
from .calendar_nl import weekly_calendar
from .contacts import ContactReport, import_contacts
from .posts import tagged_posts
from .topics import Taxonomy, load_taxonomy
from .weekly import post_weeks_by_topic, weekly_contacts


@dataclass
class Dataset:
    posts: pd.DataFrame
    contacts: pd.DataFrame
    contact_report: ContactReport
    weekly: pd.DataFrame
    calendar: pd.DataFrame
    post_weeks: dict[str, list[pd.Timestamp]]
    taxonomy: Taxonomy
    pageviews: pd.DataFrame | None = None
    has_weather: bool = False

    @property
    def topics(self) -> list[str]:
        return self.taxonomy.ids


def load_dataset(corpus: Path, contacts: list[Path] | Path, pageviews: Path | None = None,
                 weather: Path | None = None) -> Dataset:
    """Posts with topics, scrubbed contacts, weekly series and the calendar."""
    taxonomy = load_taxonomy()
    posts = tagged_posts(corpus)
    paths = [contacts] if isinstance(contacts, (str, Path)) else list(contacts)
    frame, report = import_contacts(paths)
    if frame.empty:
        raise ValueError("geen contacten ingelezen:\n" + report.render())
    weekly = weekly_contacts(frame, taxonomy.ids)
    weather_frame = pd.read_csv(weather) if weather else None
    calendar = weekly_calendar(weekly.index[0], weekly.index[-1], weather_frame)
    views = read_pageviews(pageviews) if pageviews else None
    return Dataset(posts=posts, contacts=frame, contact_report=report, weekly=weekly,
                   calendar=calendar, post_weeks=post_weeks_by_topic(posts), taxonomy=taxonomy,
                   pageviews=views, has_weather=weather is not None)
