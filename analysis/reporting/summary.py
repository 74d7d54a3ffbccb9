"""The one-screen summary for the practice owner: every number computed from the data."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..core.formatting import nl_date, nl_number, nl_percent
from ..timeseries.seasonality import yearly_totals


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


def overview(weekly: pd.DataFrame, effects: pd.DataFrame, readability: pd.DataFrame,
             plan: pd.DataFrame, year: int | None = None) -> Overview:
    """Key figures and Dutch sentences for the summary notebook and the report."""
    totals = yearly_totals(weekly)
    year = int(year or totals.index.max())
    this = int(totals.loc[year, "to_date"])
    last = int(totals.loc[year - 1, "to_date"]) if year - 1 in totals.index else None
    week = int(totals["week"].iloc[0])
    in_year = weekly[weekly.index.isocalendar().year == year]["total"]
    busiest = in_year.sort_values(ascending=False, kind="stable").head(3)
    proven = effects[effects["effect"]].sort_values("lift", ascending=False)
    b1_share = float(readability["b1"].mean())
    change = (this - last) / last if last else None
    lines = [
        f"In {year} kwamen er tot en met week {week} in totaal {this} contacten binnen"
        + (f", {nl_percent(abs(change))} {'meer' if change >= 0 else 'minder'} dan in dezelfde "
           f"weken van {year - 1} ({last})." if change is not None else "."),
        "Drukste weken in " + str(year) + ": " + ", ".join(
            f"week {w.isocalendar().week} ({n})" for w, n in busiest.items()) + ".",
    ]
    if len(proven):
        lines.append("Onderwerpen waarbij een blogpost aantoonbaar meer contacten brengt: " + "; ".join(
            f"{row['label']} (×{nl_number(row['lift'], 1)}, 95%-BI {nl_number(row['ci_low'], 1)}–"
            f"{nl_number(row['ci_high'], 1)})" for _, row in proven.iterrows()) + ".")
    else:
        lines.append("Bij geen enkel onderwerp is een effect van blogposts op contacten aangetoond.")
    lines.append(f"{nl_percent(b1_share, 0)} van de {len(readability)} blogposts is geschreven op "
                 f"taalniveau B1 of eenvoudiger; {int((~readability['b1']).sum())} posts zijn moeilijker.")
    if len(plan):
        nxt = plan.head(3)
        lines.append("Volgende stappen: " + "; ".join(
            f"{r['topic_label']} publiceren vanaf {nl_date(r['publish_from'])}"
            for _, r in nxt.iterrows()) + ".")
    return Overview(year=year, week=week, contacts=this, contacts_last_year=last, change=change,
                    busiest_weeks=busiest, proven=proven, b1_share=b1_share, lines=lines)
