"""The one-screen summary for the practice owner: every number computed from the data."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..core.formatting import MONTH_NAMES, nl_count, nl_date, nl_percent
from ..core.sufficiency import MODEL_WEEKS, period_text
from ..timeseries.extra_contacts import ExtraContacts, expected_text
from ..timeseries.monthly import Trend, months_against_last_year, year_to_date
from .key_points import factor_list, most_asked, proven_effects, short_posts_note


@dataclass
class Overview:
    """The owner's key figures for one year, and the Dutch sentences that state them."""
    year: int
    through: pd.Timestamp | None  # the last day with contacts
    contacts: int
    contacts_last_year: int | None
    change: float | None
    busiest_months: pd.Series  # month name -> contacts, whole months only
    proven: pd.DataFrame
    b1_share: float
    lines: list[str]
    links: list[str]  # per line the notebook with the details


STALE_DAYS = 31  # contacts that end longer before the plan starts than this are named as old


def overview(contacts: pd.DataFrame, weekly: pd.DataFrame, effects: pd.DataFrame, readability: pd.DataFrame,
             plan: pd.DataFrame, year: int | None = None, asked: pd.Series | None = None,
             trend: Trend | None = None, today: pd.Timestamp | None = None,
             outages: list | None = None) -> Overview:
    """Key figures and Dutch sentences for the summary notebook and the report, in dates and months.

    *asked*: share of contacts per topic label (the topics patients ask about most); *trend*: the
    yearly trend (None: too little data); *today*: the day the plan starts (an old export is named);
    *outages*: weeks without contacts (a broken form), named where they distort the year's comparison."""
    lines: list[str] = []
    links: list[str] = []

    def add(line: str, link: str) -> None:
        lines.append(line)
        links.append(link)

    totals = year_to_date(contacts, year) if len(contacts) else None
    busiest = pd.Series(dtype=int)
    change = None
    if totals is None:
        add("Er zijn nog geen contacten ingelezen.", "04_seasonality")
    else:
        change = ((totals.contacts - totals.last_year) / totals.last_year if totals.last_year else None)
        add(f"In {totals.year} kwamen er tot en met {nl_date(totals.through)} {totals.contacts} contacten binnen"
            + (f", {nl_percent(abs(change))} {'meer' if change >= 0 else 'minder'} dan in dezelfde periode van "
               f"{totals.year - 1} ({totals.last_year})." if change is not None else
               f"; de gegevens gaan niet terug tot {totals.year - 1}, dus een vergelijking met dat jaar kan nog "
               "niet."), "04_seasonality")
        if change is not None and (hit := outages_between(outages or [], pd.Timestamp(totals.year - 1, 1, 1),
                                                          totals.through)):
            lines[-1] += (" Let op: " + "; ".join(f"van {nl_date(o.first)} tot en met "
                                                   f"{nl_date(o.last_day)}" for o in hit)
                          + " kwamen er geen contacten binnen (werkte het formulier niet?), dus de vergelijking "
                          "tussen de jaren klopt niet helemaal.")
        months = months_against_last_year(contacts, totals.year)
        whole = months[~months["partial"]]["contacts"]
        busiest = whole.sort_values(ascending=False, kind="stable").head(3).rename(
            index=lambda m: MONTH_NAMES[m - 1])
        if len(busiest) >= 2:
            add(f"Drukste maanden in {totals.year}: "
                + ", ".join(f"{m} ({n})" for m, n in busiest.items()) + ".", "04_seasonality")
        if today is not None and (age := (pd.Timestamp(today) - totals.through).days) > STALE_DAYS:
            add(f"Let op: de contactgegevens lopen tot {nl_date(totals.through)}, {age} dagen geleden. "
                "Contacten van daarna zitten er niet in; exporteer het formulier opnieuw voor een actueel beeld.",
                "04_seasonality")
    if trend is not None:
        both = (trend.low > 1) == (trend.high > 1)  # the range on one side of 'gelijk': one word for both
        low, high = (_growth(trend.low, both), _growth(trend.high))
        add(f"Trend, los van seizoen en kalender: ongeveer {_growth(trend.factor)} per jaar (waarschijnlijk tussen "
            f"{low} en {high}).", "04_seasonality")
    else:
        add(f"Voor een trend door de jaren zijn minstens twee jaar contactgegevens nodig; er zijn er nu "
            f"{period_text(len(weekly))}.", "04_seasonality")
    if len(weekly) < MODEL_WEEKS:
        add(f"Nog niet te zeggen: of berichten patiënten brengen en wanneer een bericht online moet. Daarvoor is "
            f"minstens een jaar contactgegevens nodig; er zijn er nu {period_text(len(weekly))}.", "04_seasonality")
    year = totals.year if totals is not None else int(year or 0)
    if asked is not None and (most := most_asked(asked)):
        add(f"Waar patiënten het vaakst over schrijven: {most}.", "03_topics")
    proven = proven_effects(effects)
    if len(proven):
        add(f"Onderwerpen waarbij een blogbericht aantoonbaar meer contacten brengt: {factor_list(proven)}.",
            "04_seasonality")
    elif len(weekly) >= MODEL_WEEKS:  # with less, the line above says effects cannot be told yet
        add("Bij geen enkel onderwerp is een effect van blogberichten op contacten aangetoond.", "04_seasonality")
    b1_share = float(readability["b1"].mean()) if len(readability) else float("nan")
    if len(readability):
        hard = int((~readability["b1"].astype(bool)).sum())
        add(f"{nl_percent(b1_share, 0)} van de {len(readability)} blogberichten is geschreven op "
            f"taalniveau B1 of eenvoudiger; {nl_count(hard, 'bericht is', 'berichten zijn')} moeilijker."
            + short_posts_note(readability), "02_readability")
    else:
        add("Er zijn nog geen blogberichten om op leesbaarheid te beoordelen.", "02_readability")
    if len(plan):
        add("Volgende berichten: " + "; ".join(
            f"{r['topic_label']} vanaf {nl_date(r['publish_from'])}: "
            + (expected_text(ExtraContacts(r['extra_contacts'], r['extra_low'], r['extra_high']))
               if r["extra_estimated"] and r["extra_high"] >= 1 else r["reason"])
            for _, r in plan.head(2).iterrows()) + ".", "05_planner")
    return Overview(year=year, through=totals.through if totals else None,
                    contacts=totals.contacts if totals else 0,
                    contacts_last_year=totals.last_year if totals else None, change=change,
                    busiest_months=busiest, proven=proven, b1_share=b1_share, lines=lines, links=links)


def outages_between(outages: list, first: pd.Timestamp, last: pd.Timestamp) -> list:
    """The outages that overlap the days *first* to *last*."""
    return [o for o in outages if o.first <= last and o.last_day >= first]


def _growth(factor: float, bare: bool = False) -> str:
    """'4% groei', '2% krimp', 'gelijk'; *bare*: only '4%'."""
    change = factor - 1
    if abs(change) < 0.005:
        return "gelijk"
    return nl_percent(abs(change), 0) + ("" if bare else f" {'groei' if change > 0 else 'krimp'}")
