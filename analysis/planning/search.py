"""What patients search, and which posts bring them: Search Console and GA4 landing pages.

- **Search demand per topic**: every query tagged with the topic tagger (short-text mode, as a
  contact message), its impressions and clicks summed per topic, with the impression-weighted
  position and the topic's most shown queries.
- **Search gaps**: queries with at least MIN_IMPRESSIONS impressions about a topic the blog has no
  post on, or on which the site ranks beyond page 1 (position above 10).
- **Titles to rewrite**: pages with many impressions (at least the site's median and
  MIN_IMPRESSIONS) whose CTR is under half of what the site's own pages get at the same
  position (a page in the top three with 2% CTR: the title and description do not invite).
- **Posts losing clicks**: with an export of an earlier period as well, posts whose clicks fell by
  a third or more (at least LOSS_CLICKS clicks before), by more than chance.
- **Demand per month**: impressions per topic and calendar month, where the exports give months:
  a query table with a date per row, or an export of one calendar month (at least MONTH_DAYS days;
  a month given by two exports is counted once, from the latest).

The per-post table ("welke berichten brengen patiënten") is timeseries.audience's, which takes
these exports beside the contacts.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.stats import binom
from spacy.language import Language

from ..core.formatting import MONTH_NAMES
from ..sources.search_console import SearchExport
from ..text.topics import TopicTagger
from ..timeseries.audience import page_paths

MIN_IMPRESSIONS = 20  # impressions of a query or page before it is a gap or a title to rewrite
PAGE_ONE = 10  # positions on the first page of results
LOSS_CLICKS = 10
LOSS_SHARE = 1 / 3
POSITION_BANDS = [0, 3, 6, 10, 20, np.inf]
MONTH_DAYS = 27  # days of a one-month export before it stands for that month
MONTH_COLUMNS = ["query", "month", "clicks", "impressions", "position"]


@dataclass
class SearchEvidence:
    """The search figures of one practice (tables with English column names)."""

    demand: pd.DataFrame  # per topic: impressions, clicks, queries, position, top_queries
    gaps: pd.DataFrame  # query, topic, impressions, clicks, position, why
    rewrite_titles: pd.DataFrame  # path, title, impressions, clicks, ctr, usual_ctr, position
    losing: pd.DataFrame | None  # path, title, clicks_before, clicks_now (None without an earlier export)
    tagged: pd.DataFrame  # every query with its topics
    months: pd.DataFrame | None = None  # impressions per topic (rows) and calendar month (columns, periods)

    def peak_month(self, topic: str) -> pd.Period | None:
        """The month with the most impressions for *topic*, where the exports give months."""
        if self.months is None or topic not in self.months.index or not self.months.loc[topic].sum():
            return None
        return self.months.loc[topic].idxmax()

    def top_query(self, topic: str) -> str | None:
        """The query patients use most (by impressions) for *topic*, if any."""
        rows = self.tagged[self.tagged["topics"].map(lambda ts: topic in ts)]
        return None if rows.empty else str(rows.sort_values(["impressions", "query"], ascending=[False, True])
                                           .iloc[0]["query"])


@dataclass(frozen=True)
class SearchLead:
    """A search gap the planner acts on: the topic's most shown query it does not answer well."""

    query: str
    impressions: int
    why: str

    def text(self) -> str:
        return f"zoekgat: in Google zoeken patiënten op '{self.query}' ({self.impressions} vertoningen), {self.why}"


def search_leads(evidence: SearchEvidence | None) -> dict[str, SearchLead]:
    """Per topic with a search gap, its most shown gap query."""
    if evidence is None:
        return {}
    leads: dict[str, SearchLead] = {}
    for row in evidence.gaps.itertuples(index=False):  # most impressions first
        leads.setdefault(row.topic, SearchLead(row.query, int(row.impressions), row.why))
    return leads


@dataclass(frozen=True)
class SearchTerm:
    """How patients search for a topic in Google: its most shown query and the topic's impressions."""

    query: str
    impressions: int
    peak: pd.Period | None = None  # the month searched most, where the exports give months

    def text(self) -> str:
        when = f" (de meeste vertoningen in {MONTH_NAMES[self.peak.month - 1]})" if self.peak is not None else ""
        return (f"in Google {self.impressions} vertoningen over dit onderwerp{when}, het meest gezocht: "
                f"'{self.query}'")


def search_terms(evidence: SearchEvidence | None) -> dict[str, SearchTerm]:
    """Per topic, the query patients use most in Google (the wording for a working title)."""
    if evidence is None or evidence.demand.empty:
        return {}
    return {t: SearchTerm(row.top_queries[0], int(row.impressions), evidence.peak_month(t))
            for t, row in evidence.demand.iterrows() if row.top_queries}


def tagged_queries(export: SearchExport, nlp: Language, tagger: TopicTagger | None = None) -> pd.DataFrame:
    """The query table with each query's topics (a list, in the tagger's order)."""
    queries = export.queries.copy()
    tags = (tagger or TopicTagger()).tag_messages(queries["query"].tolist(), nlp)
    queries["topics"] = [t["topics"] for t in tags]
    return queries


def search_demand(queries: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Per topic with at least one query: impressions, clicks, number of queries, impression-weighted
    position and its three most shown queries."""
    rows = queries.explode("topics").dropna(subset=["topics"])
    if rows.empty:
        return pd.DataFrame(columns=["label", "impressions", "clicks", "queries", "position", "top_queries"])
    rows = rows.assign(weighted=rows["position"] * rows["impressions"])
    grouped = rows.groupby("topics")
    table = pd.DataFrame({"impressions": grouped["impressions"].sum(), "clicks": grouped["clicks"].sum(),
                          "queries": grouped.size()})
    table["position"] = grouped["weighted"].sum() / table["impressions"].where(table["impressions"] > 0)
    table["top_queries"] = [list(g.sort_values(["impressions", "query"], ascending=[False, True])["query"].head(3))
                            for _, g in grouped]
    table.insert(0, "label", [labels.get(t, t) for t in table.index])
    return table.sort_values(["impressions", "clicks"], ascending=False).rename_axis("topic")


def search_gaps(queries: pd.DataFrame, posts: pd.DataFrame, labels: dict[str, str]) -> pd.DataFrame:
    """Queries with at least MIN_IMPRESSIONS impressions on a topic without a post, or beyond page 1."""
    covered = {t for topics in posts["topics"] for t in topics}
    rows = []
    for q in queries.itertuples(index=False):
        if q.impressions < MIN_IMPRESSIONS or not q.topics:
            continue
        missing = [t for t in q.topics if t not in covered]
        if missing:
            why, topic = f"geen bericht over {labels.get(missing[0], missing[0]).lower()}", missing[0]
        elif q.position > PAGE_ONE:
            why, topic = f"gevonden op positie {round(q.position)}: voorbij de eerste pagina", q.topics[0]
        else:
            continue
        rows.append({"query": q.query, "topic": topic, "label": labels.get(topic, topic),
                     "impressions": q.impressions, "clicks": q.clicks, "position": q.position, "why": why})
    return pd.DataFrame(rows, columns=["query", "topic", "label", "impressions", "clicks", "position", "why"]
                        ).sort_values(["impressions", "query"], ascending=[False, True]).reset_index(drop=True)


def titles_to_rewrite(pages: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Pages shown often whose CTR is under half the site's usual CTR at their position."""
    columns = ["path", "title", "impressions", "clicks", "ctr", "usual_ctr", "position"]
    if len(pages) < 3:
        return pd.DataFrame(columns=columns)
    band = pd.cut(pages["position"], POSITION_BANDS)
    pages = pages.assign(usual_ctr=pages.groupby(band, observed=True)["ctr"].transform("median"),
                         title=pages["path"].map(lambda p: titles.get(p, "")))
    shown = pages["impressions"] >= max(MIN_IMPRESSIONS, float(pages["impressions"].median()))
    low = pages[shown & (pages["ctr"] < 0.5 * pages["usual_ctr"])]
    return low[columns].sort_values(["impressions", "path"], ascending=[False, True]).reset_index(drop=True)


def losing_posts(now: pd.DataFrame, before: pd.DataFrame, titles: dict[str, str]) -> pd.DataFrame:
    """Posts (paths with a title) whose clicks fell by LOSS_SHARE or more from the earlier export of
    the same length, by more than chance: of the clicks of both periods together, so few fall in the
    later one that an even split would give so few in under 5% of cases (one-sided binomial test)."""
    joined = before[["path", "clicks"]].merge(now[["path", "clicks"]], on="path", how="left",
                                              suffixes=("_before", "_now")).fillna({"clicks_now": 0.0})
    total = (joined["clicks_before"] + joined["clicks_now"]).astype(int)
    chance = binom.cdf(joined["clicks_now"].astype(int), total, 0.5)
    joined = joined[joined["path"].isin(titles) & (joined["clicks_before"] >= LOSS_CLICKS)
                    & (joined["clicks_now"] <= (1 - LOSS_SHARE) * joined["clicks_before"]) & (chance < 0.05)]
    joined.insert(1, "title", joined["path"].map(titles))
    return joined.sort_values(["clicks_before", "path"], ascending=[False, True]).reset_index(drop=True)


def query_months(exports: list[SearchExport]) -> pd.DataFrame:
    """Query rows per calendar month from *exports* (latest first): their dated rows, or a whole
    export that covers one calendar month; each month from the first export that gives it."""
    parts: list[pd.DataFrame] = []
    seen: set[pd.Period] = set()
    for export in exports:
        if export.query_months is not None:
            rows = export.query_months
        elif export.period and export.period[0].to_period("M") == export.period[1].to_period("M") \
                and (export.period[1] - export.period[0]).days + 1 >= MONTH_DAYS:
            rows = export.queries.assign(month=export.period[0].to_period("M"))
        else:
            continue
        rows = rows[~rows["month"].isin(seen)][MONTH_COLUMNS]
        seen |= set(rows["month"])
        parts.append(rows)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=MONTH_COLUMNS)


def monthly_demand(months: pd.DataFrame, nlp: Language, tagger: TopicTagger | None = None) -> pd.DataFrame | None:
    """Impressions per topic and month (None without months); every month between the first and the
    last is a column, a month without rows for a topic 0."""
    if months.empty:
        return None
    unique = sorted(set(months["query"]))
    topics = dict(zip(unique, (t["topics"] for t in (tagger or TopicTagger()).tag_messages(unique, nlp))))
    rows = months.assign(topics=months["query"].map(topics)).explode("topics").dropna(subset=["topics"])
    span = pd.period_range(months["month"].min(), months["month"].max(), freq="M")
    if rows.empty:
        return pd.DataFrame(columns=span)
    table = rows.pivot_table(index="topics", columns="month", values="impressions", aggfunc="sum", fill_value=0)
    table = table.reindex(columns=span, fill_value=0).rename_axis(index="topic", columns=None)
    return table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def post_paths(posts: pd.DataFrame) -> dict[str, str]:
    """Path -> title of every post with an address."""
    return {path: t for path, t in zip(page_paths(posts), posts["title"]) if path}


def search_evidence(exports: list[SearchExport], posts: pd.DataFrame, nlp: Language, labels: dict[str, str],
                    tagger: TopicTagger | None = None) -> SearchEvidence:
    """The evidence of the latest export (*exports*: latest first); the second gives the posts
    losing clicks; all of them the months."""
    export, earlier = exports[0], (exports[1] if len(exports) > 1 else None)
    tagger = tagger or TopicTagger()
    queries = tagged_queries(export, nlp, tagger)
    titles = post_paths(posts)
    return SearchEvidence(demand=search_demand(queries, labels), gaps=search_gaps(queries, posts, labels),
                          rewrite_titles=titles_to_rewrite(export.pages, titles),
                          losing=losing_posts(export.pages, earlier.pages, titles) if earlier else None,
                          tagged=queries, months=monthly_demand(query_months(exports), nlp, tagger))
