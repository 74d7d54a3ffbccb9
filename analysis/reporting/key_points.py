"""'In het kort': the answer of each detail page in a few Dutch sentences, shown first.

Every sentence is computed from the page's data; with too little data a sentence says
what is missing instead of showing a number.
"""
from __future__ import annotations

import pandas as pd

from ..core.formatting import nl_count, nl_date, nl_factor, nl_number, nl_percent
from ..text.readability.formulas import MIN_WORDS
from ..timeseries.effects import SEASON_OVERLAP
from ..timeseries.extra_contacts import expected_text, row_extra


def proven_effects(effects: pd.DataFrame) -> pd.DataFrame:
    """The topics where a post demonstrably brings contacts, strongest first."""
    return effects[effects["effect"].astype(bool)].sort_values("lift", ascending=False, kind="stable")


def factor_list(proven: pd.DataFrame) -> str:
    """'Nek ×2,1 (waarschijnlijk tussen ×1,2 en ×3,5): naar schatting 5 extra contacten per bericht
    (waarschijnlijk 2 tot 9); Rug …'."""
    def one(r: pd.Series) -> str:
        extra = row_extra(r)
        return (f"{r['label']} {nl_factor(r['lift'], r['ci_low'], r['ci_high'])}"
                + (f": {expected_text(extra).replace(' extra contacten', ' extra contacten per bericht')}"
                   if extra is not None else ""))
    return "; ".join(one(r) for _, r in proven.iterrows())


def most_asked(shares: pd.Series) -> str:
    """The three topics (index: labels) with the largest share of contacts: 'Rug (10% van de contacten); …'."""
    top = shares[shares > 0].sort_values(ascending=False, kind="stable").head(3)
    return "; ".join(f"{label} ({nl_percent(share, 0)} van de contacten)" for label, share in top.items())


def corpus_points(posts: pd.DataFrame) -> list[str]:
    if posts.empty:
        return ["De blog heeft nog geen berichten in het corpus: importeer eerst de berichten (zie de README)."]
    points = [f"{len(posts)} berichten van gemiddeld {round(posts['words'].mean())} woorden."]
    dated = posts.dropna(subset=["date"])
    if len(dated):
        per_year = dated["date"].dt.year.value_counts().sort_index(ascending=False).head(3)
        points.append("Berichten per jaar: " + ", ".join(f"{y}: {n}" for y, n in per_year.items())
                      + f"; het nieuwste verscheen op {nl_date(dated['date'].max())}.")
    undated = len(posts) - len(dated)
    if undated:
        points.append(f"{nl_count(undated, 'bericht heeft', 'berichten hebben')} geen datum; "
                      "vul die in, anders tellen ze niet mee in de seizoensanalyse.")
    short = int((posts["words"] < MIN_WORDS).sum())
    if short:
        points.append(f"{nl_count(short, 'bericht is', 'berichten zijn')} korter dan {MIN_WORDS} "
                      "woorden: te kort voor een betrouwbare leesbaarheidsscore.")
    return points


def short_posts_note(table: pd.DataFrame) -> str:
    """' Let op: 3 berichten hebben minder dan 100 woorden; ...' ('' when none is that short)."""
    short = int((table["words"] < MIN_WORDS).sum()) if "words" in table else 0
    if not short:
        return ""
    return (f" Let op: {'alle' if short == len(table) and short > 1 else short} "
            f"{'bericht heeft' if short == 1 else 'berichten hebben'} minder dan {MIN_WORDS} woorden; voor zulke "
            "korte teksten zegt het oordeel weinig.")


def readability_points(table: pd.DataFrame, aims: pd.DataFrame) -> list[str]:
    if table.empty:
        return ["Er zijn nog geen blogberichten om op leesbaarheid te beoordelen."]
    b1 = int(table["b1"].astype(bool).sum())
    points = [f"{b1} van de {len(table)} berichten ({nl_percent(b1 / len(table), 0)}) zijn geschreven op "
              "taalniveau B1 of eenvoudiger." + short_posts_note(table)]
    missed = (aims["rood"] + aims["oranje"]).sort_values(ascending=False, kind="stable")
    if len(missed) and missed.iloc[0] > 0:
        name = missed.index[0]
        points.append(f"Streefwaarde die het vaakst niet gehaald wordt: {name} ({aims.loc[name, 'streefwaarde']}), bij "
                      f"{int(missed.iloc[0])} berichten.")
    hard = table[~table["b1"].astype(bool)]
    if len(hard):
        points.append(f"{nl_count(len(hard), 'bericht is', 'berichten zijn')} moeilijker dan B1; "
                      "ze staan hieronder met de redenen, en in de planner om te herschrijven.")
    return points


def topic_points(posts: pd.DataFrame, gaps: pd.DataFrame, labels: dict[str, str]) -> list[str]:
    points = []
    if len(posts):
        written = posts["main"].dropna().value_counts().head(3)
        if len(written):
            points.append("Hoofdonderwerpen met de meeste berichten: " + ", ".join(
                f"{labels.get(t, t)} ({n})" for t, n in written.items()) + ".")
    asked = most_asked(gaps["contact_share"].rename(index=lambda t: labels.get(t, t)))
    if asked:
        points.append(f"Waar patiënten het vaakst over schrijven: {asked}.")
    else:
        points.append("In de contactberichten is nog geen onderwerp herkend.")
    found = [labels.get(t, t) for t in gaps.index[gaps["gap"]]]
    points.append("Onderwerpgaten (veel gevraagd, weinig geschreven): " + ", ".join(found) + "." if found
                  else "Er zijn geen onderwerpgaten: waar patiënten veel naar vragen, staat ook iets op de blog.")
    return points


def effect_points(effects: pd.DataFrame) -> list[str]:
    estimated = effects[effects["lift"].notna()]
    if estimated.empty:
        return ["Bij geen enkel onderwerp is een effect van berichten te schatten; hieronder staat per "
                "onderwerp wat er nog nodig is."]
    proven = proven_effects(estimated)
    points = []
    if len(proven):
        points.append(f"Een bericht brengt aantoonbaar meer contacten bij: {factor_list(proven)}.")
    else:
        points.append("Bij geen enkel onderwerp is een effect van berichten op contacten aangetoond.")
    confounded = int((estimated["season_overlap"] >= SEASON_OVERLAP).sum())
    rest = len(estimated) - len(proven)
    points.append(f"Bij {rest} van de {len(estimated)} geschatte onderwerpen is geen effect aangetoond"
                  + (f"; bij {confounded} daarvan is het bericht niet te scheiden van het seizoen." if confounded
                     else "."))
    missing = len(effects) - len(estimated)
    if missing:
        points.append(f"Voor {missing} onderwerpen zijn te weinig berichten of contacten voor een schatting.")
    return points


def plan_points(plan) -> list[str]:
    calendar, rewrites = plan.calendar, plan.rewrites
    if calendar.empty:
        points = ["De analyses geven nu geen nieuwe berichten aan."]
    else:
        first = calendar.iloc[0]
        months = calendar["publish_from"].dt.to_period("M").nunique()
        estimated = calendar[calendar["extra_estimated"].astype(bool)]
        together = ("hoeveel extra contacten ze brengen, is nog niet te schatten" if estimated.empty else
                    f"samen naar schatting {nl_number(estimated['extra_contacts'].sum(), 0)} extra contacten"
                    + ("" if len(estimated) == len(calendar) else
                       f" (van de {len(estimated)} berichten over onderwerpen met een schatting)"))
        points = [f"{len(calendar)} berichten gepland in {months} van de komende twaalf maanden, hoogstens één per "
                  f"week; {together}. "
                  f"Het eerste: '{first['working_title']}' ({first['topic_label']}), publiceren vanaf "
                  f"{nl_date(first['publish_from'])}, {first['expected']}."]
    if rewrites.empty:
        points.append("Geen berichten die aan herziening toe zijn.")
    else:
        urgent = int(rewrites["urgent"].astype(bool).sum())
        points.append(f"{nl_count(len(rewrites), 'bericht is', 'berichten zijn')} aan herziening "
                      f"toe, waarvan {urgent} dringend.")
    return points
