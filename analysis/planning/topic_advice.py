"""What the planner says about the topics of a draft: when to publish, the blog's last
post on the topic and its readability, and whether the topic brings contacts."""
from __future__ import annotations

import pandas as pd

from ..core.dates import next_monday_of_week
from ..core.formatting import MONTH_NAMES, nl_date
from ..sources.urls import normalise_path
from ..timeseries.extra_contacts import expected_text, row_extra
from .plan import Plan
from .planner import evidence, last_post

NO_PLAN = "geen plannergegevens (blog en contacten niet ingelezen)"
PENDING = "de planner leest de blog en de contacten nog in; het advies verschijnt vanzelf"


def topic_advice(plan: Plan | None, posts: pd.DataFrame | None, labels: dict[str, str],
                 topics: list[str], pending: bool = False) -> list[dict]:
    """Per topic of the draft (in order): label, publication advice, last post, effect (Dutch).
    *pending*: the plan is still being made."""
    out = []
    for topic in topics:
        if plan is None or posts is None:
            out.append({"topic": topic, "label": labels.get(topic, topic), "when": PENDING if pending else NO_PLAN,
                        "last_post": "", "contacts": ""})
            continue
        e = plan.effects.loc[topic] if topic in plan.effects.index else None
        out.append({"topic": topic, "label": labels.get(topic, topic),
                    "when": _when(plan, topic, e), "last_post": _last_post(plan, posts, topic),
                    "contacts": _contacts(e)})
    return out


def _contacts(e: pd.Series | None) -> str:
    if e is None:
        return "geen contactgegevens over dit onderwerp"
    extra = row_extra(e)
    return evidence(e) + (f"; een bericht levert {expected_text(extra)} op" if extra is not None else "")


def _when(plan: Plan, topic: str, e: pd.Series | None) -> str:
    planned = plan.calendar[plan.calendar["topic"] == topic] if len(plan.calendar) else plan.calendar
    if len(planned):
        row = planned.iloc[0]
        return f"publiceren vanaf {nl_date(row['publish_from'])} ({row['reason']}); {row['expected']}"
    if e is not None and bool(e.get("seasonal")) and pd.notna(e.get("publish_week")):
        start = next_monday_of_week(int(e["publish_week"]), plan.today)
        return (f"publiceren vanaf {nl_date(start)}: de vragen pieken in {MONTH_NAMES[int(e['peak_month']) - 1]}, "
                f"{int(e['lead_weeks'])} weken later")
    return "geen seizoen: elk moment is goed"


def _last_post(plan: Plan, posts: pd.DataFrame, topic: str) -> str:
    last = last_post(posts, topic)
    if last is None:
        return "de blog heeft nog geen bericht over dit onderwerp"
    b1 = plan.readability["b1"].get(last["id"]) if "b1" in plan.readability else None
    level = "" if b1 is None else (", op B1" if b1 else ", moeilijker dan B1")
    return f"laatste bericht: '{last['title']}' ({nl_date(last['date'])}{level})"


def suggested_keyphrase(plan: Plan | None, topic: str | None, labels: dict[str, str]) -> str:
    """The focus keyphrase to suggest for a draft on *topic*: the plan's keyword for it (the words
    patients search in Google, else write in their messages), else the topic's name."""
    if topic is None:
        return ""
    if plan is not None and len(plan.calendar):
        planned = plan.calendar[plan.calendar["topic"] == topic]
        if len(planned) and str(planned.iloc[0]["keyword"]).strip():
            return str(planned.iloc[0]["keyword"])
    return labels.get(topic, topic).lower()


def related_posts(posts: pd.DataFrame | None, topic: str | None) -> list[tuple[str, str]]:
    """(title, path) of the blog's posts on *topic*, newest first: the internal links to suggest."""
    if posts is None or topic is None or posts.empty:
        return []
    on_topic = posts[posts["topics"].map(lambda ts: topic in ts) & posts["url"].notna()]
    on_topic = on_topic.sort_values("date", ascending=False, na_position="last")
    return [(t, normalise_path(u)) for t, u in zip(on_topic["title"], on_topic["url"])]
