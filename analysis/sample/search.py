"""Synthetic search data for the sample: Search Console exports and GA4 landing pages.

Written by ``python -m analysis synth`` beside the sample's contacts: ``search-console/`` (the
files of a Search Console performance export for the last three months of the sample, Dutch
interface), ``search-console-2025/`` (the same months a year earlier, English interface, for the
posts losing clicks) and ``ga4_bestemmingspagina.csv``. The planted truths, all in
:data:`SEARCH_PLANTED`:

- queries per topic (:data:`QUERIES`), shown in proportion to the topic's planted contact rate and
  season; topics without a post in the sample (hoofdpijn, duizeligheid) rank beyond page 1;
- one post whose title does not invite clicks (``low_ctr_post``: a fifth of the usual CTR);
- one post that lost most of its clicks since the year before (``losing_post``: it dropped in the
  results and is shown 30% as often);
- key events on a post's landing page in proportion to its sessions, more on posts whose topic has
  a planted lift.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from .synthetic import END, PLANTED, SEED, SITE

QUERIES = {
    "rug": ["rugpijn wat te doen", "door rug gegaan", "spit behandeling"],
    "nek": ["stijve nek", "nekpijn oefeningen"],
    "thuiswerken": ["nekpijn thuiswerken", "thuiswerkplek inrichten"],
    "schouder": ["schouderpijn arm optillen", "frozen shoulder"],
    "knie": ["knie pijn traplopen", "knieartrose oefeningen"],
    "lies": ["liesblessure schaatsen"],
    "schaatsen": ["schaatsen blessure voorkomen"],
    "hardlopen": ["hardlopen scheenbeen pijn", "beginnen met hardlopen"],
    "tuinieren": ["rugpijn na tuinieren"],
    "zorgverzekering": ["fysiotherapie vergoeding 2027", "zorgverzekering fysiotherapie"],
    "enkel": ["enkel verzwikt wat nu"],
    "hoofdpijn": ["spanningshoofdpijn fysiotherapie", "hoofdpijn door nek"],
    "duizeligheid": ["duizelig bij omdraaien in bed"],
    "valpreventie": ["vallen voorkomen ouderen"],
}
NAVIGATIONAL = ["fysiotherapie hoorn", "fysio hoorn"]  # the practice's own name: the home page


@dataclass(frozen=True)
class SearchPlanted:
    impressions_per_rate: float = 900.0  # impressions in three months per planted weekly contact
    low_ctr_post: str = "help-ik-ben-door-mijn-rug-gegaan"
    low_ctr_factor: float = 0.2
    losing_post: str = "thuiswerken-zonder-nekpijn"
    losing_factor: float = 0.3
    key_events_per_session: float = 0.012


SEARCH_PLANTED = SearchPlanted()


def _ctr(position: float) -> float:
    return 0.32 / position ** 0.9


def _write(path: Path, header: list[str], rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _positions(posts: pd.DataFrame, seed: int) -> dict[str, float]:
    """Each query's position in Google, the same in both years: on page 1 where the blog has a post on
    the topic, beyond it where not."""
    rng = np.random.default_rng(seed + 4)
    covered = {t for ts in posts["topics"] for t in ts}
    return {phrase: float(rng.uniform(2, 9) if topic in covered else rng.uniform(11, 28))
            for topic, phrases in QUERIES.items() for phrase in phrases}


def _export(posts: pd.DataFrame, end: dt.date, rng: np.random.Generator, planted: SearchPlanted,
            earlier: bool, positions: dict[str, float]) -> tuple[list[list], list[list], list[list]]:
    """(query rows, page rows, date rows) of one three-month export ending on *end*."""
    months = [(end.month - k - 1) % 12 + 1 for k in range(3)]
    season = {t: np.mean([PLANTED.topic_season.get(t, {}).get(m, 1.0) for m in months]) for t in QUERIES}
    queries: list[list] = []
    page_shown: dict[str, list[tuple[int, float]]] = {}
    by_topic = {t: posts[posts["topics"].map(lambda ts, t=t: ts[0] == t)] for t in QUERIES}
    for topic, phrases in QUERIES.items():
        for k, phrase in enumerate(phrases):
            shown = int(rng.poisson(planted.impressions_per_rate * PLANTED.topic_rate[topic] * season[topic]))
            position = positions[phrase]
            clicks = int(rng.binomial(shown, _ctr(position)))
            queries.append([phrase, clicks, shown, position])
            slugs = sorted(by_topic[topic]["slug"])
            if slugs:  # the planted posts get their topic's searches; each other query the same post every year
                planted_slug = next((s for s in (planted.low_ctr_post, planted.losing_post) if s in slugs), None)
                slug = planted_slug or str(slugs[k % len(slugs)])
                page_shown.setdefault(slug, []).append((shown, position))
    for phrase in NAVIGATIONAL:
        shown = int(rng.poisson(1500))
        queries.append([phrase, int(rng.binomial(shown, 0.3)), shown, float(rng.uniform(1, 1.6))])
    pages = []
    for slug, hits in sorted(page_shown.items()):
        shown = sum(h for h, _ in hits)
        position = sum(h * p for h, p in hits) / shown if shown else 10.0
        if slug == planted.losing_post and not earlier:
            shown = int(shown * planted.losing_factor)
        rate = _ctr(position) * (planted.low_ctr_factor if slug == planted.low_ctr_post else 1.0)
        pages.append([f"{SITE}/blog/{slug}/", int(rng.binomial(shown, min(rate, 1.0))), shown, position])
    home = sum(int(q[2]) for q in queries[-len(NAVIGATIONAL):])
    pages.append([f"{SITE}/", int(rng.binomial(home, 0.3)), home, 1.3])
    total = sum(int(q[1]) for q in queries) / 0.85  # Search Console withholds rare queries: about 15% of the clicks
    days = pd.date_range(end - dt.timedelta(days=90), end, freq="D")
    daily = rng.multinomial(int(total), np.ones(len(days)) / len(days))
    dates = [[d.date().isoformat(), int(c), int(c / 0.07), 6.5] for d, c in zip(days, daily)]
    return queries, pages, dates


def _rows(rows: list[list], dutch: bool) -> list[list]:
    """Rows as the interface writes them: CTR in percent, decimals with a comma in Dutch."""
    def number(value: float, digits: int) -> str:
        text = f"{value:.{digits}f}"
        return text.replace(".", ",") if dutch else text

    return [[key, clicks, shown, number(100 * clicks / shown if shown else 0.0, 2) + "%", number(position, 1)]
            for key, clicks, shown, position in rows]


def write_search_sample(posts: pd.DataFrame, out: Path, planted: SearchPlanted = SEARCH_PLANTED,
                        seed: int = SEED) -> dict:
    """Write the sample's Search Console exports and GA4 landing pages into *out* (posts: labelled_posts())."""
    out = Path(out)
    rng = np.random.default_rng(seed + 3)
    dated = posts.dropna(subset=["date"])
    positions = _positions(dated, seed)
    for folder, end, dutch in (("search-console", END, True), ("search-console-2025", END.replace(year=END.year - 1),
                                                                False)):
        queries, pages, dates = _export(dated, end, rng, planted, not dutch, positions)
        names = (("Query's.csv", "Populairste zoekopdrachten", "Klikken", "Vertoningen", "CTR", "Positie"),
                 ("Pagina's.csv", "Populairste pagina's"), ("Datums.csv", "Datum")) if dutch else (
                 ("Queries.csv", "Top queries", "Clicks", "Impressions", "CTR", "Position"),
                 ("Pages.csv", "Top pages"), ("Dates.csv", "Date"))
        measures = list(names[0][2:])
        _write(out / folder / names[0][0], [names[0][1], *measures], _rows(queries, dutch))
        _write(out / folder / names[1][0], [names[1][1], *measures], _rows(pages, dutch))
        _write(out / folder / names[2][0], [names[2][1], *measures], _rows(dates, dutch))
        _write(out / folder / "Filters.csv", ["Filter", "Waarde" if dutch else "Value"],
               [["Zoektype" if dutch else "Search type", "Web"],
                ["Datum" if dutch else "Date", "Afgelopen 3 maanden" if dutch else "Last 3 months"]])
    lines = ["# ----------------------------------------",
             "# Bestemmingspagina (synthetisch: analysis/sample/search.py)",
             f"# Startdatum: {END - dt.timedelta(days=90):%Y%m%d}", f"# Einddatum: {END:%Y%m%d}",
             "# ----------------------------------------",
             "Bestemmingspagina,Sessies,Actieve gebruikers,Belangrijke gebeurtenissen"]
    for post in dated.sort_values("slug").itertuples(index=False):
        sessions = int(rng.poisson(40 + 60 * rng.random()))
        lift = PLANTED.lift.get(post.topics[0], 1.0)
        events = int(rng.poisson(sessions * planted.key_events_per_session * lift))
        lines.append(f"/blog/{post.slug}/,{sessions},{int(sessions * 0.9)},{events}")
    lines.append(f"/,{int(rng.poisson(2500))},{int(rng.poisson(2000))},{int(rng.poisson(60))}")
    (out / "ga4_bestemmingspagina.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"queries": sum(len(p) for p in QUERIES.values()) + len(NAVIGATIONAL)}
