"""Everything the planner and the summary need, computed once from a dataset."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from spacy.language import Language

from ..core.errors import InputError
from ..core.settings import settings
from ..core.sufficiency import MODEL_WEEKS, NotEnoughData
from ..text.readability_table import readability_table
from ..timeseries.dataset import Dataset, load_dataset
from ..timeseries.topic_effects import effects_table
from ..timeseries.weekly import topic_lists
from .calendar import editorial_calendar
from .planner import rewrite_triage, topic_gaps
from .search import SearchEvidence, search_leads, search_terms
from .titles import patient_words, title_heads


@dataclass
class Plan:
    today: pd.Timestamp
    quiet_month: int | None
    effects: pd.DataFrame
    readability: pd.DataFrame
    gaps: pd.DataFrame
    calendar: pd.DataFrame
    rewrites: pd.DataFrame


def data_end(weekly: pd.DataFrame, contacts: pd.DataFrame) -> pd.Timestamp:
    """The week after the data (not the clock): the day the plan starts from."""
    if len(weekly):
        return weekly.index[-1] + pd.Timedelta(days=7)
    return contacts["timestamp"].max().tz_localize(None).normalize()


def make_plan(ds: Dataset, nlp: Language, today: pd.Timestamp | None = None,
              effects: pd.DataFrame | None = None,
              readability: tuple[pd.DataFrame, pd.DataFrame] | None = None,
              search: SearchEvidence | None = None) -> Plan:
    """Effects, readability, topic gaps, the editorial calendar and the rewrite triage; *today*
    defaults to the week after the data. *effects* and *readability* (per post, per sentence) are
    computed unless given; *search*: what patients search in Google (its gaps and wording feed
    the calendar)."""
    effects = effects_table(ds) if effects is None else effects
    table, sentences = readability_table(ds.posts, nlp) if readability is None else readability
    today = data_end(ds.weekly, ds.contacts) if today is None else pd.Timestamp(today)
    weekly = ds.model_weekly
    quiet_month = (int(weekly["total"].groupby(weekly.index.month).mean().idxmin())
                   if len(ds.weekly) >= MODEL_WEEKS else None)  # a quiet month needs a whole year
    gaps = topic_gaps(ds.posts, ds.contacts, ds.topics, today)
    words = patient_words(ds.contacts["text"].tolist(), topic_lists(ds.contacts["message_topics"]).tolist(), nlp)
    calendar = editorial_calendar(effects, gaps, weekly, ds.posts, table, today, ds.taxonomy.labels(),
                                  words.phrases, words.keywords, settings().posts_per_month,
                                  {t.id: t.months for t in ds.taxonomy.topics}, title_heads(ds.taxonomy),
                                  search_terms(search), search_leads(search))
    return Plan(today=today, quiet_month=quiet_month, effects=effects, readability=table, gaps=gaps,
                calendar=calendar, rewrites=rewrite_triage(ds.posts, table, effects, gaps, today, sentences))


def plan_for_drafts(corpus: Path, contacts: Path, weather: Path | None, nlp: Language
                    ) -> tuple[Plan | None, pd.DataFrame | None]:
    """(plan from today, posts) for the draft checker's advice, or (None, None) when the blog and the
    contacts cannot give one (the page then says so instead of stopping)."""
    try:
        ds = load_dataset(corpus, contacts, weather=weather)
        return make_plan(ds, nlp, today=pd.Timestamp.today().normalize()), ds.posts
    except (InputError, NotEnoughData):
        return None, None
