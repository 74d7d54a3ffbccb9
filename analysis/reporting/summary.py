"""The one-screen summary for the practice owner: every number computed from the data."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..core.formatting import nl_date, nl_percent
from ..timeseries.extra_contacts import ExtraContacts, expected_text
from ..timeseries.seasonality import yearly_totals
from .key_points import factor_list, most_asked, proven_effects


@dataclass
class Overview:
    """The owner's key figures for one year, and the Dutch sentences that state them."""
    year: int
    week: int
    contacts: int
    contacts_last_year: int | None
    change: float | None
    busiest_weeks: pd.Series
    proven: pd.DataFrame
    b1_share: float
    lines: list[str]
    links: list[str]  # per line the notebook with the details


FACTOR_MEANING = ("×2 betekent: twee keer zoveel contacten over het onderwerp in de weken na een bericht; "
                  "'waarschijnlijk tussen' is de marge van de schatting.")


def overview(weekly: pd.DataFrame, effects: pd.DataFrame, readability: pd.DataFrame,
             plan: pd.DataFrame, year: int | None = None, asked: pd.Series | None = None) -> Overview:
    """Key figures and Dutch sentences for the summary notebook and the report.

    *asked*: share of contacts per topic label (the topics patients ask about most)."""
    lines: list[str] = []
    links: list[str] = []

    def add(line: str, link: str) -> None:
        lines.append(line)
        links.append(link)

    this, last, change, week = 0, None, None, 0
    busiest = pd.Series(dtype=int)
    if len(weekly):
        totals = yearly_totals(weekly)
        year = int(year or totals.index.max())
        this = int(totals.loc[year, "to_date"]) if year in totals.index else 0
        last = int(totals.loc[year - 1, "to_date"]) if year - 1 in totals.index else None
        week = int(totals["week"].iloc[0])
        in_year = weekly[weekly.index.isocalendar().year == year]["total"]
        busiest = in_year.sort_values(ascending=False, kind="stable").head(3)
        change = (this - last) / last if last else None
        add(f"In {year} kwamen er tot en met week {week} in totaal {this} contacten binnen"
            + (f", {nl_percent(abs(change))} {'meer' if change >= 0 else 'minder'} dan in dezelfde "
               f"weken van {year - 1} ({last})." if change is not None else
               "; voor een vergelijking met het jaar ervoor zijn er geen gegevens van dat jaar."), "04_seasonality")
        if len(busiest):
            add(f"Drukste weken in {year}: " + ", ".join(
                f"week {w.isocalendar().week} ({n})" for w, n in busiest.items()) + ".", "04_seasonality")
    else:
        year = int(year or 0)
        add("Er is nog geen volledige week met contacten: voor cijfers per week zijn meer "
            "contactgegevens nodig.", "04_seasonality")
    if asked is not None and (most := most_asked(asked)):
        add(f"Waar patiënten het vaakst over schrijven: {most}.", "03_topics")
    proven = proven_effects(effects)
    if len(proven):
        add(f"Onderwerpen waarbij een blogbericht aantoonbaar meer contacten brengt: {factor_list(proven)}. "
            + FACTOR_MEANING, "04_seasonality")
    else:
        add("Bij geen enkel onderwerp is een effect van blogberichten op contacten aangetoond.", "04_seasonality")
    b1_share = float(readability["b1"].mean()) if len(readability) else float("nan")
    if len(readability):
        add(f"{nl_percent(b1_share, 0)} van de {len(readability)} blogberichten is geschreven op "
            f"taalniveau B1 of eenvoudiger; {int((~readability['b1'].astype(bool)).sum())} "
            "berichten zijn moeilijker.", "02_readability")
    else:
        add("Er zijn nog geen blogberichten om op leesbaarheid te beoordelen.", "02_readability")
    if len(plan):
        add("Volgende berichten: " + "; ".join(
            f"{r['topic_label']} vanaf {nl_date(r['publish_from'])}, "
            f"{expected_text(ExtraContacts(r['extra_contacts'], r['extra_low'], r['extra_high']))}"
            for _, r in plan.head(3).iterrows()) + ".", "05_planner")
    return Overview(year=year, week=week, contacts=this, contacts_last_year=last, change=change,
                    busiest_weeks=busiest, proven=proven, b1_share=b1_share, lines=lines, links=links)
