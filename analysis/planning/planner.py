"""What the planner knows about the blog: topic gaps, the last post per topic, the evidence in
words, and the posts due for attention (the calendar itself is calendar.py).

A *topic gap* is a topic patients ask about (at least GAP_MIN_SHARE of the contacts) that the
blog covers less than half as much as patients ask: its share of the posts is below GAP_COVERAGE
times its share of the contacts. The topics page and the planner use this one measure; how long
ago the last post was is the calendar's concern (calendar.REPEAT_WEEKS).
"""
from __future__ import annotations

import re

import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

from ..core.formatting import nl_factor
from ..sources.urls import normalise_path
from ..timeseries.effects import SEASON_OVERLAP
from ..timeseries.extra_contacts import effect_window, window_words
from ..timeseries.weekly import demand_topics

REWRITE_AGE_YEARS = 3
GAP_MIN_SHARE = 0.03  # topic in at least 3% of contacts
GAP_COVERAGE = 0.5  # ...and a share of the posts below half its share of the contacts


def topic_gaps(posts: pd.DataFrame, contacts: pd.DataFrame, topics: list[str],
               today: pd.Timestamp) -> pd.DataFrame:
    """Per topic: share of contacts asking about it (weekly.demand_topics: a page's topics are not
    demand), posts about it (all, and last two years)."""
    contact_topics = demand_topics(contacts)
    recent = posts[posts["date"] >= today - pd.DateOffset(years=2)]
    rows = []
    for t in topics:
        share = float(contact_topics.map(lambda ts, t=t: t in ts).mean()) if len(contacts) else 0.0
        n_posts = int(posts["topics"].map(lambda ts, t=t: t in ts).sum())
        n_recent = int(recent["topics"].map(lambda ts, t=t: t in ts).sum())
        rows.append({"topic": t, "contact_share": share, "posts": n_posts, "posts_last_2y": n_recent,
                     "post_share": n_posts / max(len(posts), 1)})
    table = pd.DataFrame(rows).set_index("topic")
    table["gap"] = (table["contact_share"] >= GAP_MIN_SHARE) & (
        table["post_share"] < GAP_COVERAGE * table["contact_share"])
    return table


def last_post(posts: pd.DataFrame, topic: str) -> pd.Series | None:
    """The newest dated post with *topic* as its main topic, else with it as any topic."""
    dated = posts.dropna(subset=["date"])
    about = dated[dated["main"] == topic]
    if about.empty:
        about = dated[dated["topics"].map(lambda ts: topic in ts).astype(bool)]
    return about.sort_values("date").iloc[-1] if len(about) else None


def evidence(e: pd.Series) -> str:
    """What the effects analysis says about a topic, in one Dutch phrase; the interval is the one
    the verdict rests on (corrected for the topics tested), so the two always agree."""
    if pd.isna(e["lift"]):
        return e["note"] or "geen schatting"
    if e["season_overlap"] >= SEASON_OVERLAP:
        return "effect niet te scheiden van het seizoen"
    interval = nl_factor(e["lift"], e["ci_low"], e["ci_high"])
    if e.get("window"):
        interval += " " + window_words(effect_window(e))
    if e["effect"]:
        return f"aangetoond: {interval}"
    if e["lift"] < 1:
        return f"niet aangetoond: {interval}; onder ×1 is toeval of het moment van de berichten"
    return f"niet aangetoond: {interval}"


YEAR = re.compile(r"\b(20\d\d)\b")
ASKED_SHARE = 0.005  # a topic still asked about: in at least 0,5% of the contacts
SENTENCES_SHOWN = 2
MERGE_SIMILARITY = 0.4  # two posts that share this much of their words say much the same
TRIAGE_COLUMNS = ["id", "title", "page", "date", "action", "why", "sentences", "urgent", "b1"]


def _page(post: pd.Series) -> str:
    url = post.get("url")
    return normalise_path(url) if isinstance(url, str) and url else f"/{post['slug']}/"


def _sentences_to_fix(sentences: pd.DataFrame | None, post_id: str) -> str:
    """The post's longest flagged sentences (what the draft checker would mark first)."""
    if sentences is None or sentences.empty:
        return ""
    own = sentences[(sentences["id"] == post_id) & (sentences["flags"].map(len) > 0)]
    longest = own.sort_values("words", ascending=False, kind="stable").head(SENTENCES_SHOWN)
    return " | ".join(t if len(t) <= 160 else t[:157].rstrip() + "..." for t in longest["text"])


def _newer_twins(posts: pd.DataFrame) -> dict[str, str]:
    """Per post, the newer post on the same main topic that is most like it, where it is alike
    enough to merge the two."""
    dated = posts.dropna(subset=["date"]).reset_index(drop=True)
    if len(dated) < 2:
        return {}
    similarity = cosine_similarity(TfidfVectorizer(sublinear_tf=True).fit_transform(
        dated["title"] + " " + dated["body"]))
    twins = {}
    for i, p in dated.iterrows():
        newer = [j for j in range(len(dated)) if dated.loc[j, "main"] == p["main"] and dated.loc[j, "date"] > p["date"]]
        if newer and similarity[i, (best := max(newer, key=lambda j: similarity[i, j]))] >= MERGE_SIMILARITY:
            twins[p["id"]] = dated.loc[best, "id"]
    return twins


def rewrite_triage(posts: pd.DataFrame, readability: pd.DataFrame, effects: pd.DataFrame, gaps: pd.DataFrame,
                   today: pd.Timestamp, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every post due for attention with one action and its page address:

    - *bijwerken* (update): a year in the title that has passed ("Zorgverzekering 2025"), on the
      newest such post of its topic; *doorverwijzen* (redirect) for the older ones;
    - *samenvoegen* (merge): older than REWRITE_AGE_YEARS while a newer post on the same main topic
      says much the same (TF-IDF cosine of title and text at least MERGE_SIMILARITY);
    - *verwijderen of doorverwijzen* (retire or redirect): older than REWRITE_AGE_YEARS on a topic
      patients no longer ask about;
    - *herschrijven* (rewrite): harder than B1 on a topic patients ask about, with the sentences to fix;
    - *opfrissen* (refresh): older than REWRITE_AGE_YEARS, still asked about, still B1.

    Urgent: the newest post on a topic with a proven effect, and every rewrite."""
    proven = set(effects.index[effects["effect"]])
    dated = posts.dropna(subset=["date"]).sort_values("date", kind="stable")
    newest_main = dated.groupby("main")["id"].last().to_dict() if len(dated) else {}
    titles = posts.set_index("id")["title"].to_dict()
    twins = _newer_twins(posts)
    yearly: dict[str, tuple[int, str]] = {}  # per main topic, the post with the latest year in its title
    for _, p in posts.iterrows():
        if (found := YEAR.findall(p["title"])) and max(map(int, found)) >= yearly.get(p["main"], (0, ""))[0]:
            yearly[p["main"]] = (max(map(int, found)), p["id"])
    next_year = today.year + (1 if today.month >= 10 else 0)  # insurance and resolutions are written ahead
    rows = []
    for _, p in posts.iterrows():
        if p["id"] not in readability.index:
            continue
        b1 = bool(readability.loc[p["id"], "b1"])
        old = pd.notna(p["date"]) and p["date"] < today - pd.DateOffset(years=REWRITE_AGE_YEARS)
        asked = any(t in gaps.index and gaps.loc[t, "contact_share"] >= ASKED_SHARE for t in p["topics"])
        newer = twins.get(p["id"])
        years = [int(y) for y in YEAR.findall(p["title"])]
        action, why = None, ""
        if years and max(years) < next_year and yearly[p["main"]][1] == p["id"]:
            action, why = "bijwerken", f"de titel noemt {max(years)}; werk het bij voor {next_year}"
        elif years and max(years) < next_year:
            action, why = "doorverwijzen", (f"de titel noemt {max(years)}; verwijs dit adres door naar het nieuwste "
                                            f"bericht erover, '{titles[yearly[p['main']][1]]}'")
        elif old and newer:
            action, why = "samenvoegen", f"nieuwer bericht over hetzelfde onderwerp: '{titles[newer]}'; voeg samen " \
                                         "en verwijs dit adres door"
        elif old and not asked:
            action, why = "verwijderen of doorverwijzen", "ouder dan 3 jaar en patiënten vragen er niet meer naar"
        elif not b1 and asked:
            action, why = "herschrijven", "moeilijker dan B1: " + "; ".join(readability.loc[p["id"], "reasons"][:2])
        elif old:
            action, why = "opfrissen", f"ouder dan {REWRITE_AGE_YEARS} jaar; controleer of het nog klopt"
        if action is None:
            continue
        leads = [t for t in p["topics"] if t in proven and newest_main.get(t) == p["id"]]
        rows.append({"id": p["id"], "title": p["title"], "page": _page(p), "date": p["date"], "action": action,
                     "why": why + (f"; nieuwste bericht over een onderwerp dat patiënten brengt ({', '.join(leads)})"
                                   if leads else ""),
                     "sentences": _sentences_to_fix(sentences, p["id"]) if action == "herschrijven" else "",
                     "urgent": bool(leads) or action == "herschrijven", "b1": b1})
    table = pd.DataFrame(rows, columns=TRIAGE_COLUMNS)
    if table.empty:
        return table
    return table.sort_values(["urgent", "date"], ascending=[False, True], kind="stable").reset_index(drop=True)
