"""The editorial calendar: a posting rhythm over the next twelve months, each slot with the topic
worth most at that moment.

Slots follow the practice's cadence (``posts_per_month`` in practice.yaml, default two), spread
evenly over each month's Mondays, at most one a week. The value of a post on a topic published in
a slot's week is

    value = expected extra contacts (extra_contacts.py: shrunk lift × the topic's usual contacts
            in the effect window from that week)
          + the topic's usual contacts in that window × (ANSWER + GAP if it is a gap)
          + SEASON × the topic's usual contacts from that week through its peak, in its season

The second and third lines value a post for the questions it answers, not only for the patients it
brings: ANSWER for any topic, more for a topic gap (measured as the topics page measures it,
planner.topic_gaps), and for a seasonal topic the questions of the season it goes live for (peak
minus lead time, leadtime.py; where the data show no season, the months the topic list gives it).
A seasonal topic is planned in its season only. These weights are planning choices, not
estimates; the method page states them. The slots are filled from the most valuable (slot, topic)
pair down, so a seasonal topic gets its season and a proven topic its busiest weeks before the
rest of the rhythm is filled; a topic comes back only REPEAT_WEEKS after its last post or another
planned post, so the calendar spreads over topics instead of repeating the best one. Every item
says what it is expected to bring and how sure that is.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace

import pandas as pd

from ..core.dates import monday
from ..core.formatting import MONTH_NAMES, nl_date, nl_number
from ..timeseries.effects import SEASON_OVERLAP
from ..timeseries.extra_contacts import (
    ExtraContacts,
    demand_by_week,
    effect_window,
    expected_text,
    extra_contacts,
    shrunk_log_lifts,
    window_demand,
)
from .planner import evidence, last_post
from .search import SearchLead, SearchTerm
from .titles import AskedPhrase, TitleWriter

ANSWER, GAP, SEASON = 0.02, 0.25, 0.25
REPEAT_WEEKS = 26
SEASON_SLACK = 2  # weeks either side of a seasonal topic's publication week
WRITE_WEEKS = 2  # the writing deadline: this many weeks before the publication date
STATUSES = ["idee", "schrijven", "klaar", "gepubliceerd"]
CALL_TO_ACTION = "Vragen hierover? Maak een afspraak of stel uw vraag via het contactformulier."


@dataclass(frozen=True)
class PlanItem:
    """One planned post: when, about what, why, what it should bring, and the blog's last post on it."""
    publish_from: pd.Timestamp
    write_by: pd.Timestamp
    topic: str
    topic_label: str
    working_title: str
    angle: str
    keyword: str
    call_to_action: str
    priority: str  # high, medium or low
    reason: str
    evidence: str
    extra_contacts: float
    extra_low: float
    extra_high: float
    extra_estimated: bool  # False: the figures are the prior only (extra_contacts.py)
    questions: float  # the topic's usual contacts in the weeks the post serves (NaN: weeks not in the data)
    expected: str  # the expected extra contacts and the questions, in words
    effect: bool
    last_post: str
    last_post_date: dt.date | None
    last_post_b1: bool | None
    status: str = STATUSES[0]
    author: str = ""


CALENDAR_COLUMNS = ["publish_from", "write_by", "topic_label", "working_title", "angle", "keyword", "expected",
                    "priority", "reason", "evidence", "call_to_action", "last_post", "last_post_date",
                    "last_post_b1"]  # what the marketer sees of a plan item


def slots(today: pd.Timestamp, posts_per_month: int, months: int = 12) -> list[pd.Timestamp]:
    """Publication Mondays: *posts_per_month* spread evenly over each month's Mondays, from the
    week of *today* for *months* months, at most one a week."""
    start = monday(today) + pd.Timedelta(days=0 if today.weekday() == 0 else 7)  # never in the past
    out = []
    for k in range(months):
        first = (start.replace(day=1) + pd.DateOffset(months=k))
        mondays = [d for d in pd.date_range(first, first + pd.offsets.MonthEnd(0), freq="W-MON") if d >= start]
        n = min(posts_per_month, len(mondays))
        out += [mondays[round(i * len(mondays) / n)] for i in range(n)] if n else []
    return out


@dataclass(frozen=True)
class Season:
    """When a topic's questions come: the week a post should go live and the peak it serves."""
    publish_week: int
    peak_week: int

    def holds(self, week: int) -> bool:
        distance = abs(week - self.publish_week) % 52
        return min(distance, 52 - distance) <= SEASON_SLACK

    def weeks_served(self, week: int) -> list[int]:
        """From the publication week through two weeks after the peak."""
        span = (self.peak_week - week) % 52 + 3
        return [(week - 1 + i) % 52 + 1 for i in range(span)]


def season_of(e: pd.Series, months: tuple[int, ...]) -> Season | None:
    """The season the data show (lead times), else the one the topic list gives (its months:
    live four weeks before the first, the peak in the middle one)."""
    if e.get("seasonal") and pd.notna(e.get("publish_week")):
        return Season(int(e["publish_week"]), int(e["peak_week"]))
    if not months:
        return None
    first = pd.Timestamp(2026, months[0], 1).isocalendar().week
    peak = pd.Timestamp(2026, months[len(months) // 2], 15).isocalendar().week
    return Season(int((first - 5) % 52 + 1), int(peak))


def editorial_calendar(effects: pd.DataFrame, gaps: pd.DataFrame, weekly: pd.DataFrame, posts: pd.DataFrame,
                       readability: pd.DataFrame, today: pd.Timestamp, labels: dict[str, str],
                       asked: dict[str, AskedPhrase], keywords: dict[str, str], posts_per_month: int,
                       months: dict[str, tuple[int, ...]] | None = None,
                       heads: dict[str, str] | None = None, searched: dict[str, SearchTerm] | None = None,
                       search_gaps: dict[str, SearchLead] | None = None) -> pd.DataFrame:
    """One row per planned post (:class:`PlanItem`) over the next twelve months, in date order.
    *months*: the season a topic list gives each topic; *heads*: how a title names a topic where no
    patient phrase does (default its label); *searched*: per topic the query patients use most in
    Google (a title's wording where no patient phrase gives one); *search_gaps*: the topics whose
    searches the blog does not answer well (a gap, as a topic gap is)."""
    searched, search_gaps = searched or {}, search_gaps or {}
    topics = [t for t in effects.index if effects.loc[t, "contacts"] > 0]
    if not topics or not len(weekly):
        return pd.DataFrame(columns=list(PlanItem.__dataclass_fields__))
    shrunk = shrunk_log_lifts(effects)
    demand = demand_by_week(weekly, topics)
    latest = {t: (last["date"] if (last := last_post(posts, t)) is not None else None) for t in topics}
    seasons = {t: season_of(effects.loc[t], (months or {}).get(t, ())) for t in topics}
    seen = {min(int(w), 52) for w in weekly.index.isocalendar().week}  # weeks of the year the data cover
    candidates = []
    for slot in slots(today, posts_per_month):
        week = min(int(slot.isocalendar().week), 52)
        for topic in topics:
            season = seasons[topic]
            if season is not None and not season.holds(week):
                continue  # a seasonal topic is planned in its season only
            usual = window_demand(demand[topic], slot, effect_window(effects.loc[topic]))
            extra = extra_contacts(shrunk.loc[topic], usual)
            gap = bool(gaps.loc[topic, "gap"]) or topic in search_gaps
            served = float(demand[topic].loc[season.weeks_served(week)].sum()) if season else 0.0
            value = extra.expected + usual * (ANSWER + GAP * gap) + SEASON * served
            weeks = season.weeks_served(week) if season else [
                (week - 1 + i) % 52 + 1 for i in effect_window(effects.loc[topic])]
            questions = (served if season else usual) if seen & set(weeks) else float("nan")
            candidates.append((value, -topics.index(topic), slot, topic, extra, season is not None, gap, questions))
    # the most valuable (slot, topic) pairs first: a seasonal topic gets its season, a proven topic
    # its busiest weeks, before the rest of the rhythm is filled
    taken: dict[pd.Timestamp, tuple] = {}
    planned: dict[str, list[pd.Timestamp]] = {t: [latest[t]] if latest[t] is not None else [] for t in topics}
    apart = pd.Timedelta(weeks=REPEAT_WEEKS)
    for _, _, slot, topic, extra, seasonal, gap, questions in sorted(candidates, key=lambda c: c[:2],
                                                                        reverse=True):
        if slot in taken or any(abs(slot - other) < apart for other in planned[topic]):
            continue
        taken[slot] = (topic, extra, seasonal, gap, questions)
        planned[topic].append(slot)
    writer = TitleWriter()
    chosen = sorted(taken.items())
    rows = [_item(slot, topic, effects.loc[topic], extra, seasonal, gap, questions, gaps.loc[topic], posts,
                  readability, labels, asked.get(topic), keywords.get(topic, labels[topic].lower()), writer,
                  (heads or {}).get(topic, labels[topic]), searched.get(topic), search_gaps.get(topic))
            for slot, (topic, extra, seasonal, gap, questions) in chosen]
    if not any(extra.estimated for _, (_, extra, *_) in chosen):
        # no topic has an estimate of its own: the plan says so once (key points), not every row
        rows = [replace(r, expected=_questions_text(questions)) for r, (_, (*_, questions)) in zip(rows, chosen)]
    return pd.DataFrame([asdict(r) for r in rows], columns=list(PlanItem.__dataclass_fields__))


def _item(slot, topic, e, extra, season, gap, questions, gap_row, posts, readability, labels, phrase, keyword,
          writer: TitleWriter, head: str, searched: SearchTerm | None, lead: SearchLead | None) -> PlanItem:
    label = labels[topic]
    proven = bool(e["effect"])
    last = last_post(posts, topic)
    b1 = bool(readability.loc[last["id"], "b1"]) if last is not None and last["id"] in readability.index else None
    if proven:
        reason, kind = "berichten over dit onderwerp brengen aantoonbaar patiënten", "effect"
    elif season:
        reason, kind = _season_reason(e, slot), "season"
    elif gap and not gap_row["gap"] and lead is not None:
        reason, kind = lead.text(), "gap"
    elif gap:
        reason, kind = (f"patiënten vragen ernaar ({nl_number(100 * gap_row['contact_share'], 1)}% van de "
                        f"contacten), de blog heeft er weinig over"), "gap"
    else:
        reason, kind = (f"patiënten vragen ernaar ({nl_number(100 * gap_row['contact_share'], 1)}% van de contacten)",
                        "general")
    priority = "high" if proven else "medium" if season or gap or extra.expected >= 1 else "low"
    title = writer.title(kind, head, phrase, MONTH_NAMES[slot.month - 1], searched.query if searched else None)
    angle = _angle(phrase, e, season, last, b1, [found.text() for found in (lead, searched)
                                                 if found is not None and found.text() != reason])
    if e["season_overlap"] >= SEASON_OVERLAP:
        sure = "effect niet te scheiden van het seizoen"
    else:
        sure = evidence(e)
    return PlanItem(
        publish_from=slot, write_by=slot - pd.Timedelta(weeks=WRITE_WEEKS), topic=topic, topic_label=label,
        working_title=title, angle=angle, keyword=phrase.text if phrase else searched.query if searched else keyword,
        call_to_action=CALL_TO_ACTION,
        priority=priority, reason=reason, evidence=sure, **_figures(extra),
        expected=f"{expected_text(extra)}; {_questions_text(questions)}",
        questions=round(questions, 1),
        effect=proven, last_post=last["title"] if last is not None else "",
        last_post_date=last["date"].date() if last is not None else None, last_post_b1=b1)


def _questions_text(questions: float) -> str:
    """How many patients usually write about the topic in the weeks the post serves (NaN: the
    contacts do not cover those weeks of the year yet)."""
    if pd.isna(questions):
        return "nog geen contactgegevens over die weken van het jaar"
    if round(questions) == 0:
        return "in die weken schrijft gewoonlijk (bijna) geen patiënt over dit onderwerp"
    return (f"in die weken schrijven naar schatting {nl_number(questions, 0)} "
            f"{'patiënt' if round(questions) == 1 else 'patiënten'} over dit onderwerp")


def _figures(extra: ExtraContacts) -> dict:
    """The plan item's extra-contact figures: empty where only the prior gave them."""
    figures = (round(extra.expected, 2), round(extra.low, 2), round(extra.high, 2)) if extra.estimated else (
        float("nan"),) * 3
    return dict(zip(("extra_contacts", "extra_low", "extra_high"), figures)) | {"extra_estimated": extra.estimated}


def _season_reason(e: pd.Series, slot: pd.Timestamp) -> str:
    if e.get("seasonal") and pd.notna(e.get("peak_month")):
        return (f"seizoen: de vragen pieken in {MONTH_NAMES[int(e['peak_month']) - 1]}; dit bericht staat er "
                f"{int(e['lead_weeks'])} weken voor online")
    return f"seizoen volgens de onderwerpenlijst (de gegevens tonen geen piek); online in {MONTH_NAMES[slot.month - 1]}"


def _angle(phrase: AskedPhrase | None, e, season: bool, last, b1: bool | None, more: list[str] | None = None) -> str:
    parts = []
    if phrase is not None:
        parts.append(f"patiënten schrijven ons over '{phrase.text}' ({phrase.messages} berichten): beantwoord "
                     "die vraag")
    if season and pd.notna(e.get("peak_month")):
        parts.append(f"de vragen pieken in {MONTH_NAMES[int(e['peak_month']) - 1]}")
    if last is not None:
        parts.append(f"bouw voort op '{last['title']}' ({nl_date(last['date'])})"
                     + (", dat moeilijker is dan B1" if b1 is False else ""))
    else:
        parts.append("de blog heeft nog geen bericht over dit onderwerp")
    text = "; ".join(parts + (more or []))
    return text[0].upper() + text[1:] + "."
