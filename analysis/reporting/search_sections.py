"""The search sections of the notebooks: what patients search in Google, and what it asks of the blog.

Each returns what to show or raises NotEnoughData; without a Search Console export the sections
say what it would add and how to download it.
"""
from __future__ import annotations

import pandas as pd

from ..core.formatting import MONTH_ABBREVIATIONS, MONTH_NAMES, nl_number, nl_percent
from ..core.sufficiency import NotEnoughData
from ..planning.search import MIN_IMPRESSIONS, SearchEvidence
from ..sources.search_console import SearchExport
from ..text.topics import load_taxonomy
from .labels import dutch_columns

NO_SEARCH = ("Er is geen Search Console-export meegegeven. Die laat zien waarop patiënten in Google zoeken, welke "
             "zoekvragen de blog nog niet beantwoordt en welke titels weinig klikken krijgen. Downloaden: Search "
             "Console → Prestaties → Exporteren → CSV downloaden; geef het zip-bestand mee met --search-console (met "
             "een export van een jaar eerder erbij ziet u ook welke berichten klikken verliezen).")
NO_LANDING = ("Met de GA4-export Bestemmingspagina (Rapporten → Betrokkenheid → Bestemmingspagina, met de kolom "
              "Belangrijke gebeurtenissen, zoals het versturen van het contactformulier) ziet u hier ook per bericht "
              "hoeveel bezoeken erop begonnen en in een contact eindigden; geef hem mee met --landing-pages.")


def _require(search: SearchEvidence | None) -> SearchEvidence:
    if search is None:
        raise NotEnoughData(NO_SEARCH)
    return search


def _percent(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    return frame.assign(**{c: frame[c].map(lambda v: nl_percent(v, 1)) for c in columns})


def _readable(frame: pd.DataFrame) -> pd.DataFrame:
    """Counts as whole numbers, positions with one decimal (as Search Console shows them)."""
    counts = {c: frame[c].astype(int) for c in ("impressions", "clicks", "clicks_before", "clicks_now") if c in frame}
    shown = frame.assign(**counts)
    return shown.assign(position=shown["position"].map(lambda v: nl_number(v, 1))) if "position" in shown else shown


def export_line(exports: list[SearchExport]) -> str:
    """Which Search Console exports the section rests on (Dutch)."""
    return "Zoekgegevens: " + " — ".join(e.describe() for e in exports) + "."


def demand_table(search: SearchEvidence | None) -> pd.DataFrame:
    """Per topic: impressions and clicks in Google, CTR, position and the queries shown most."""
    demand = _require(search).demand
    if demand.empty:
        raise NotEnoughData("Geen van de zoekopdrachten in de export gaat over een onderwerp uit de lijst.")
    table = demand.assign(ctr=demand["clicks"] / demand["impressions"].where(demand["impressions"] > 0))
    table = _readable(_percent(table, "ctr"))[["label", "impressions", "clicks", "ctr", "position", "top_queries"]]
    return dutch_columns(table.head(15).set_index("label").rename_axis(None))


NO_MONTHS = ("Zoekvraag per maand: deze export geeft geen maanden (Search Console zet in één export alle "
             "maanden bij elkaar). Exporteer per maand (Prestaties → Datum → Aangepast: één maand, dan Exporteren) "
             "en geef elke export mee met --search-console, of geef een tabel met een datum per zoekopdracht "
             "(Search Console-API, bulkexport of Looker Studio).")
SHOWN_MONTHS = 12


def month_table(search: SearchEvidence | None) -> pd.DataFrame:
    """Impressions per topic in the last SHOWN_MONTHS months the exports give, with each topic's peak month."""
    months = _require(search).months
    if months is None or months.empty:
        raise NotEnoughData(NO_MONTHS)
    labels = load_taxonomy().labels()
    shown = months.iloc[:15, -SHOWN_MONTHS:].astype(int)
    peak = shown.idxmax(axis=1).where(shown.sum(axis=1) > 0)
    table = shown.set_axis([f"{MONTH_ABBREVIATIONS[m.month - 1]} {m.year}" for m in shown.columns], axis=1)
    table.insert(len(table.columns), "meeste vertoningen in",
                 [MONTH_NAMES[p.month - 1] if isinstance(p, pd.Period) else "–" for p in peak])
    return table.set_axis([labels.get(t, t) for t in table.index], axis=0)


def gap_table(search: SearchEvidence | None) -> pd.DataFrame | str:
    gaps = _require(search).gaps
    if gaps.empty:
        return (f"Geen zoekgaten: elke zoekopdracht met minstens {MIN_IMPRESSIONS} vertoningen over een onderwerp "
                "heeft een bericht en staat op de eerste pagina van Google.")
    table = _readable(gaps.head(15))[["query", "label", "impressions", "position", "why"]]
    return dutch_columns(table.set_index("query").rename_axis("zoekopdracht"))


def rewrite_title_table(search: SearchEvidence | None) -> pd.DataFrame | str:
    pages = _require(search).rewrite_titles
    if pages.empty:
        return "Geen pagina's met veel vertoningen en opvallend weinig klikken: de titels en beschrijvingen werken."
    table = _readable(_percent(pages, "ctr", "usual_ctr"))
    table = table.assign(title=table["title"].where(table["title"] != "", table["path"]))
    columns = ["title", "impressions", "clicks", "ctr", "usual_ctr", "position"]
    return dutch_columns(table[columns].set_index("title").rename_axis("pagina"))


def losing_table(search: SearchEvidence | None) -> pd.DataFrame | str:
    losing = _require(search).losing
    if losing is None:
        return ("Welke berichten klikken verliezen, ziet u met een tweede Search Console-export van een eerdere "
                "periode (bijvoorbeeld dezelfde maanden vorig jaar).")
    if losing.empty:
        return "Geen bericht verloor een derde of meer van zijn klikken uit Google."
    table = _readable(losing)[["title", "clicks_before", "clicks_now"]]
    return dutch_columns(table.set_index("title").rename_axis("bericht"))
