"""How much data an analysis needs, and the plain-Dutch message when there is too little.

An analysis that lacks the data for a sound answer raises :class:`NotEnoughData`
with a message that says what is needed and what there is; notebooks show that
message instead of a chart of noise or an error.
"""
from __future__ import annotations

from .formatting import nl_count

WEEKS_PER_MONTH = 52 / 12
SEASON_WEEKS = 104  # a seasonal pattern: two full years
MODEL_WEEKS = 52  # a count model with a yearly season, or lead times: one full year
THEME_POSTS = 10  # unsupervised themes


class NotEnoughData(Exception):
    """Too little data for a sound answer; the message (Dutch) says what is needed."""


def period_text(weeks: int) -> str:
    """52 -> '1 jaar', 30 -> '7 maanden', 2 -> '2 weken'."""
    if weeks >= 104:
        return f"{weeks / 52:.1f} jaar".replace(".0 ", " ").replace(".", ",")
    if weeks >= 52:
        return "1 jaar" if weeks < 56 else f"{round(weeks / WEEKS_PER_MONTH)} maanden"
    if weeks >= 9:
        return f"{round(weeks / WEEKS_PER_MONTH)} maanden"
    return nl_count(weeks, "week", "weken")


def require_weeks(weeks: int, needed: int, what: str) -> None:
    """Raise NotEnoughData when *weeks* full weeks of contacts are fewer than *needed*."""
    if weeks < needed:
        have = period_text(weeks) if weeks else "nog geen volledige week"
        raise NotEnoughData(f"Voor {what} zijn minstens {period_text(needed)} contactgegevens nodig; "
                            f"u heeft er {have}.")


def require_posts(posts: int, needed: int, what: str) -> None:
    if posts < needed:
        raise NotEnoughData(f"Voor {what} zijn minstens {needed} blogberichten nodig; u heeft er {posts}.")
