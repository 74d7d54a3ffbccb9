"""The chain report: one page across the practices, and one page per practice (Dutch, no scripts)."""
from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ..core.formatting import nl_factor, nl_number, nl_percent
from ..reporting.report import STYLE
from ..reporting.safe import CSP
from .pooling import MIN_PRACTICES, MIN_PREDICT, PooledEffect

if TYPE_CHECKING:
    from .run import ChainRun


def _html(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)} – praktijkblog-analyse</title><style>{STYLE}</style></head>"
            f"<body><main>{body}</main><footer>Gemaakt met praktijkblog-analyse (keten); alle cijfers zijn "
            "berekend uit de mappen van de praktijken die deze pagina noemt.</footer></body></html>\n")


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def factor(value: float, low: float, high: float) -> str:
    """nl_factor with two decimals where one would round a bound to ×1,0 (and hide the verdict)."""
    digits = 2 if round(low, 1) == 1.0 or round(high, 1) == 1.0 else 1
    return nl_factor(value, low, high, digits)


def predicted_text(pooled: PooledEffect) -> str:
    if not pooled.predicts:
        return f"nog niet te zeggen (vanaf {MIN_PREDICT} praktijken)"
    return f"tussen ×{nl_number(pooled.predict_low)} en ×{nl_number(pooled.predict_high)}"


def spread_text(pooled: PooledEffect) -> str:
    """How much the practices differ, in words (I²: the share of the spread that is not chance)."""
    size = "klein" if pooled.i2 < 0.25 else "matig" if pooled.i2 < 0.75 else "groot"
    return f"{size} (I² {nl_percent(pooled.i2, 0)}, τ {nl_number(pooled.tau, 2)})"


def verdict_text(pooled: PooledEffect) -> str:
    if pooled.effect:
        return "berichten brengen patiënten"
    if pooled.high < 1:
        return "minder contacten na een bericht: waarschijnlijk toeval of berichten buiten het seizoen"
    return "geen effect aangetoond"


def _pooled_rows(run: ChainRun) -> list[list[str]]:
    rows = []
    for topic, p in sorted(run.pooled.items(), key=lambda kv: (-kv[1].low, kv[0])):
        label = run.effects.loc[run.effects["topic"] == topic, "label"].iloc[0]
        rows.append([html.escape(str(label)), str(p.practices), factor(p.lift, p.low, p.high), spread_text(p),
                     predicted_text(p), verdict_text(p)])
    return rows


def _too_few(run: ChainRun) -> list[str]:
    usable = run.effects[run.effects["usable"] & ~run.effects["topic"].isin(list(run.pooled))]
    counts = usable.groupby("label")["practice"].nunique()
    return [f"{html.escape(str(label))} ({n})" for label, n in counts.items()]


def _status(summary) -> str:
    if not summary.ok:
        return "niet geanalyseerd: " + html.escape(summary.error)
    return "ongewijzigd, uit de vorige analyse" if summary.reused else "geanalyseerd"


def _practice_rows(run: ChainRun) -> list[list[str]]:
    rows = []
    for s in run.practices:
        name = html.escape(s.name)
        link = f'<a href="praktijken/{html.escape(s.id)}.html">{name}</a>' if s.ok else name
        b1 = "–" if s.b1_share is None else nl_percent(s.b1_share, 0)
        rows.append([link, html.escape(s.place), str(s.posts), b1, nl_number(s.contacts, 0), str(s.weeks),
                     f"{s.contacts_skipped} / {s.contacts_duplicate}", _status(s)])
    return rows


def chain_page(run: ChainRun) -> str:
    ok = [p for p in run.practices if p.ok]
    parts = [f"<h1>Keten: wat werkt, over {len(ok)} praktijken</h1>",
             f"<p>{len(run.practices)} praktijkmappen gelezen: {run.analysed} nu geanalyseerd, {run.reused} "
             f"ongewijzigd sinds de vorige keer (uit de vorige analyse), {len(run.failed)} niet te analyseren."
             + (f" {len(run.skipped)} mappen zijn geen praktijkmap (zie onderaan)." if run.skipped else "")
             + f" Samen {nl_number(sum(p.contacts for p in ok), 0)} contacten en "
               f"{nl_number(sum(p.posts for p in ok), 0)} berichten.</p>",
             "<h2>Wat berichten opleveren, over de hele keten</h2>",
             "<p>Per onderwerp: hoeveel meer contacten over dat onderwerp er in de weken na een bericht komen, "
             "gemiddeld over de praktijken (elke praktijk weegt mee naar hoe zeker haar eigen schatting is). "
             "‘Voor een praktijk’ is waar het effect bij één praktijk waarschijnlijk ligt: praktijken "
             "verschillen.</p>"]
    if run.pooled:
        parts.append(_table(["Onderwerp", "Praktijken met een schatting", "In de keten", "Verschil tussen praktijken",
                             "Voor een praktijk", "Oordeel"], _pooled_rows(run)))
    else:
        parts.append(f"<p>Nog geen onderwerp met een schatting bij minstens {MIN_PRACTICES} praktijken.</p>")
    few = _too_few(run)
    if few:
        parts.append(f"<p>Nog te weinig praktijken met een eigen schatting (minstens {MIN_PRACTICES} nodig): "
                     + ", ".join(few) + ".</p>")
    parts.append("<h2>Per praktijk</h2>")
    parts.append(_table(["Praktijk", "Plaats", "Berichten", "Op B1-niveau", "Contacten", "Weken",
                         "Rijen overgeslagen / dubbel", "Status"], _practice_rows(run)))
    if run.skipped:
        parts.append("<h2>Overgeslagen mappen</h2><ul>" + "".join(
            f"<li>{html.escape(name)}: {html.escape(why)}</li>" for name, why in run.skipped) + "</ul>")
    parts.append("<details><summary>Hoe is dit berekend?</summary><p>Per praktijk hetzelfde model als in haar "
                 "eigen rapport (contacten per week over een onderwerp, met seizoen, feestdagen en weer). De "
                 "schattingen van de praktijken zijn per onderwerp gecombineerd met een random-effects "
                 "meta-analyse (Paule–Mandel, interval volgens Knapp–Hartung); ‘verschil tussen praktijken’ is "
                 "I²: het deel van de spreiding tussen de praktijken dat geen toeval is.</p></details>")
    return _html("Keten", "".join(parts))


def _own(row) -> str:
    if row is None:
        return "geen berichten over dit onderwerp"
    if row.usable:
        return factor(row.lift, row.ci95_low, row.ci95_high)
    return "nog niet te zeggen" + (f" ({html.escape(row.note)})" if row.note else "")


def practice_page(run: ChainRun, practice: str) -> str:
    summary = next(p for p in run.practices if p.id == practice)
    own = run.effects[run.effects["practice"] == practice].set_index("topic")
    rows = []
    for topic, pooled in sorted(run.pooled.items(), key=lambda kv: (-kv[1].low, kv[0])):
        row = next(own.loc[[topic]].itertuples(), None) if topic in own.index else None
        label = row.label if row is not None else topic
        weighed = (factor(row.shrunk, row.shrunk_low, row.shrunk_high) if row is not None and pd.notna(row.shrunk)
                   else "zoals bij een praktijk in de keten: " + predicted_text(pooled))
        rows.append([html.escape(str(label)), _own(row), factor(pooled.lift, pooled.low, pooled.high), weighed])
    b1 = "" if summary.b1_share is None else f", {nl_percent(summary.b1_share, 0)} op B1-niveau"
    body = (f'<p><a href="../index.html">← de keten</a></p><h1>{html.escape(summary.name)}</h1>'
            f"<p>{summary.posts} berichten{b1}; {nl_number(summary.contacts, 0)} contacten in {summary.weeks} weken "
            f"({summary.contacts_skipped} rijen overgeslagen, {summary.contacts_duplicate} dubbel).</p>"
            "<h2>Uw effecten naast die van de keten</h2><p>‘Bij u’ is uw eigen schatting (95%-interval). ‘Met de "
            "keten meegewogen’ trekt die schatting naar het ketengemiddelde, des te meer naarmate uw eigen gegevens "
            "minder zeggen: bij weinig contacten is dat de beste schatting voor uw praktijk.</p>"
            + (_table(["Onderwerp", "Bij u", "In de keten", "Voor u, met de keten meegewogen"], rows) if rows else
               "<p>De keten heeft nog geen onderwerp met genoeg praktijken.</p>"))
    return _html(summary.name, body)


def write_pages(run: ChainRun, out: Path) -> None:
    (out / "index.html").write_text(chain_page(run), encoding="utf-8")
    folder = out / "praktijken"
    folder.mkdir(exist_ok=True)
    current = {p.id for p in run.practices if p.ok}
    for old in folder.glob("*.html"):
        if old.stem not in current:
            old.unlink()
    for practice in sorted(current):
        (folder / f"{practice}.html").write_text(practice_page(run, practice), encoding="utf-8")
