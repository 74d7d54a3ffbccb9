"""The marketer's planner: what to write next, when it should go live, what to rewrite.

Rules (all figures come from the analysis, none are typed in):
- a *seasonal* topic (see leadtime.py) is scheduled in its publication week
  (peak minus lead time) within the next 12 months;
- a topic with a proven publication effect but no season is scheduled in the
  quietest month for contacts, when extra demand is most welcome;
- a *topic gap* (patients ask about it, the blog barely covers it) is scheduled
  right away;
- a post is due for a rewrite when it fails B1, is older than REWRITE_AGE_YEARS,
  or is the latest post of a topic with a proven effect and fails B1.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

import pandas as pd

from ..core.dates import next_monday_of_week
from ..core.formatting import MONTH_NAMES, nl_factor, nl_percent
from ..timeseries.effects import SEASON_OVERLAP
from ..timeseries.weekly import topic_lists

REWRITE_AGE_YEARS = 3
GAP_MIN_SHARE = 0.03  # topic in at least 3% of contacts
GAP_MAX_POSTS = 1  # ...and at most one post in the last two years
PRIORITY = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class PlanItem:
    """One recommended post: when, about what, why, and what the blog has on it now."""
    publish_from: pd.Timestamp
    topic: str
    topic_label: str
    working_title: str
    angle: str
    priority: str  # high, medium or low
    reason: str
    evidence: str
    lift: float
    ci_low: float
    ci_high: float
    effect: bool
    last_post: str
    last_post_date: dt.date | None
    last_post_b1: bool | None


CALENDAR_COLUMNS = ["publish_from", "topic_label", "working_title", "angle", "priority", "reason", "evidence",
                    "last_post", "last_post_date", "last_post_b1"]  # what the marketer sees of a plan item


def topic_gaps(posts: pd.DataFrame, contacts: pd.DataFrame, topics: list[str],
               today: pd.Timestamp) -> pd.DataFrame:
    """Per topic: share of contacts about it, posts about it (all, and last two years)."""
    contact_topics = topic_lists(contacts["topics"])
    recent = posts[posts["date"] >= today - pd.DateOffset(years=2)]
    rows = []
    for t in topics:
        share = float(contact_topics.map(lambda ts, t=t: t in ts).mean()) if len(contacts) else 0.0
        n_posts = int(posts["topics"].map(lambda ts, t=t: t in ts).sum())
        n_recent = int(recent["topics"].map(lambda ts, t=t: t in ts).sum())
        rows.append({"topic": t, "contact_share": share, "posts": n_posts, "posts_last_2y": n_recent,
                     "post_share": n_posts / max(len(posts), 1)})
    table = pd.DataFrame(rows).set_index("topic")
    table["gap"] = (table["contact_share"] >= GAP_MIN_SHARE) & (table["posts_last_2y"] <= GAP_MAX_POSTS)
    return table


def last_post(posts: pd.DataFrame, topic: str) -> pd.Series | None:
    """The newest dated post with *topic* as its main topic, else with it as any topic."""
    dated = posts.dropna(subset=["date"])
    about = dated[dated["main"] == topic]
    if about.empty:
        about = dated[dated["topics"].map(lambda ts: topic in ts).astype(bool)]
    return about.sort_values("date").iloc[-1] if len(about) else None


def evidence(e: pd.Series) -> str:
    """What the effects analysis says about a topic, in one Dutch phrase."""
    if pd.isna(e["lift"]):
        return e["note"] or "geen schatting"
    interval = nl_factor(e["lift"], e["ci_low"], e["ci_high"])
    if e.get("window"):
        interval += f" in de eerste {int(e['window'])} weken"
    if e["season_overlap"] >= SEASON_OVERLAP:
        return "effect niet te scheiden van het seizoen"
    return f"effect {interval}" if e["effect"] else f"geen effect aangetoond {interval}"


def content_calendar(effects: pd.DataFrame, gaps: pd.DataFrame, posts: pd.DataFrame,
                     readability: pd.DataFrame, quiet_month: int | None, today: pd.Timestamp,
                     labels: dict[str, str]) -> pd.DataFrame:
    """One row per recommended post in the next 12 months, sorted by publication date."""
    rows, spread = [], 0
    for topic, e in effects.iterrows():
        last = last_post(posts, topic)
        reason, when, priority, kind = None, None, "low", ""
        if gaps.loc[topic, "gap"]:
            reason = "onderwerp waar patiënten naar vragen, weinig op de blog"
            when, priority, kind = today, "high", "gap"
        elif e.get("seasonal") and e.get("publish_week"):
            when = next_monday_of_week(e["publish_week"], today)
            reason = f"seizoen: piek in week {e['peak_week']}, publiceren vanaf {e['lead_weeks']} weken vooraf"
            priority, kind = ("high" if e["effect"] else "medium"), "season"
        elif e["effect"] and quiet_month is not None:  # spread over the quiet month, two weeks apart
            week = pd.Timestamp(today.year, quiet_month, 1).isocalendar().week + 2 * spread
            when, spread = next_monday_of_week(min(week, 52), today), spread + 1
            reason, priority, kind = "bewezen effect op contacten; gepland in de rustigste maand", "high", "effect"
        if reason is None or when is None:
            continue
        b1 = bool(readability.loc[last["id"], "b1"]) if last is not None else None
        title, angle = working_title(kind, labels[topic], e, gaps.loc[topic], last, b1)
        rows.append(asdict(PlanItem(
            publish_from=when.normalize(), topic=topic, topic_label=labels[topic],
            working_title=title, angle=angle, priority=priority, reason=reason, evidence=evidence(e),
            lift=e["lift"], ci_low=e["ci_low"], ci_high=e["ci_high"], effect=bool(e["effect"]),
            last_post=last["title"] if last is not None else "",
            last_post_date=last["date"].date() if last is not None else None,
            last_post_b1=b1)))
    plan = pd.DataFrame(rows, columns=list(PlanItem.__dataclass_fields__))
    if plan.empty:
        return plan
    plan = plan[plan["publish_from"] < today + pd.DateOffset(months=12)]
    rank = plan["priority"].map(PRIORITY).rename("rank")
    return plan.assign(rank=rank).sort_values(["publish_from", "rank", "topic"]).drop(
        columns="rank").reset_index(drop=True)


def working_title(kind: str, label: str, e: pd.Series, gap: pd.Series, last, last_b1: bool | None
                  ) -> tuple[str, str]:
    """A working title and an angle for a planned post, from why it is planned (a topic gap,
    the season, a proven effect) and the blog's last post on the topic (Dutch)."""
    name = label.lower()
    if kind == "gap":
        title = f"Uw vragen over {name} beantwoord"
        share = gap.get("contact_share")
        asked = (f"{nl_percent(share, 0)} van de contacten gaat over {name}" if pd.notna(share)
                 else "patiënten vragen ernaar")
        angle = f"{asked}, de blog heeft er weinig over: beantwoord de vragen die patiënten stellen"
    elif kind == "season":
        month = MONTH_NAMES[int(e["peak_month"]) - 1] if pd.notna(e.get("peak_month")) else "het seizoen"
        title = f"{label}: goed voorbereid op {month}"
        angle = f"de vragen pieken in {month}; tips om klachten voor te zijn, op tijd online"
    else:
        title = f"{label}: wat u zelf kunt doen"
        angle = "berichten over dit onderwerp brengen aantoonbaar contacten; geef praktische oefeningen en tips"
    if last is not None:
        angle += f"; bouw voort op '{last['title']}'" + (" (dat moeilijker is dan B1)" if last_b1 is False else "")
    return title, angle


def rewrite_candidates(posts: pd.DataFrame, readability: pd.DataFrame, effects: pd.DataFrame,
                       today: pd.Timestamp) -> pd.DataFrame:
    """Posts due for a rewrite with their reasons; urgent ones (B1 or proven effect) first."""
    proven = set(effects.index[effects["effect"]])
    latest = {}
    for _, p in posts.dropna(subset=["date"]).sort_values("date").iterrows():
        for t in p["topics"]:
            latest[t] = p["id"]
    rows = []
    for _, p in posts.iterrows():
        r = readability.loc[p["id"]]
        old = pd.notna(p["date"]) and p["date"] < today - pd.DateOffset(years=REWRITE_AGE_YEARS)
        effect_topics = [t for t in p["topics"] if t in proven and latest.get(t) == p["id"]]
        reasons = []
        if not r["b1"]:
            reasons.append("moeilijker dan B1: " + "; ".join(r["reasons"][:2]))
        if old:
            reasons.append(f"ouder dan {REWRITE_AGE_YEARS} jaar")
        if effect_topics and (not r["b1"] or old):
            reasons.append("nieuwste bericht over een onderwerp met bewezen effect: "
                           + ", ".join(effect_topics))
        if reasons:
            rows.append({"id": p["id"], "title": p["title"], "date": p["date"],
                         "b1": bool(r["b1"]), "urgent": bool(effect_topics) or not r["b1"],
                         "reasons": "; ".join(reasons)})
    table = pd.DataFrame(rows, columns=["id", "title", "date", "b1", "urgent", "reasons"])
    if table.empty:
        return table
    return table.sort_values(["urgent", "date"], ascending=[False, True]).reset_index(drop=True)
