"""Which data a page was made from, stated from the parameters and the data themselves.

Only when an input lies in the synthetic sample (``data/sample/``, ``corpus/posts/``)
does the text say "synthetisch"; on the practice's own data it names the files,
periods and counts.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..core.formatting import nl_date, nl_factor, nl_percent
from ..core.paths import CORPUS, is_sample
from ..privacy import file_label
from ..sources.weather import weather_text
from ..text.nlp import BLANK


def uses_sample(*paths: str | Path | None) -> bool:
    """Whether any of *paths* is the synthetic sample data or the sample corpus."""
    return any(p is not None and (is_sample(p) or _same(p, CORPUS)) for p in paths)


def _same(a: str | Path, b: Path) -> bool:
    try:
        return Path(a).resolve() == b.resolve()
    except OSError:
        return False


def _period(dates: pd.Series) -> str:
    dates = dates.dropna()
    if dates.empty:
        return "zonder datum"
    return f"{nl_date(dates.min())} tot en met {nl_date(dates.max())}"


def corpus_line(corpus: str | Path, posts: pd.DataFrame) -> str:
    label = ("het synthetische voorbeeldcorpus (voor dit project geschreven)" if uses_sample(corpus)
             else f"de map '{file_label(Path(corpus).name)}'")
    undated = int(posts["date"].isna().sum()) if len(posts) else 0
    problems = posts.attrs.get("problems", [])
    shown = "; ".join(f"{file_label(f)}: {reason}" for f, reason in problems[:5])
    return (f"Blog: {len(posts)} berichten uit {label}, {_period(posts['date']) if len(posts) else 'geen'}"
            + (f"; {undated} zonder datum" if undated else "")
            + (f". Let op, {len(problems)} bestand(en) niet of niet helemaal gelezen: {shown}"
               + (" ..." if len(problems) > 5 else "") if problems else "") + ".")


def contacts_line(contacts: str | Path, frame: pd.DataFrame, weeks: pd.DatetimeIndex | None = None) -> str:
    label = ("de synthetische contactformulier-export (gegenereerd, geen echte patiënten)"
             if uses_sample(contacts) else f"het bestand {file_label(Path(contacts).name)}")
    stamps = frame["timestamp"].dt.tz_localize(None) if len(frame) else pd.Series(dtype="datetime64[ns]")
    line = f"Contacten: {len(frame)} ingelezen uit {label}, {_period(stamps)}"
    if weeks is not None:
        line += (f"; geanalyseerd: {len(weeks)} volledige weken"
                 + (f" ({nl_date(weeks[0])} tot en met {nl_date(weeks[-1] + pd.Timedelta(days=6))})"
                    if len(weeks) else ""))
    return line + "."


def file_line(kind: str, path: str | Path | None, detail: str = "") -> str:
    if path is None:
        return f"{kind}: niet opgegeven."
    label = "synthetisch voorbeeld" if uses_sample(path) else file_label(Path(path).name)
    return f"{kind}: {label}" + (f" ({detail})" if detail else "") + "."


def dataset_lines(ds, config) -> list[str]:
    """The inputs of a report's dataset (*config*: its ReportConfig), one sentence each; the
    weather with the period it covers."""
    period = weather_text(ds.weather) if getattr(ds, "weather", None) is not None else ""
    coverage = ds.covariates.attrs.get("weather_coverage")
    if period and coverage is not None and not ds.has_weather:
        period += (f"; dekt maar {nl_percent(coverage, 0)} van de geanalyseerde weken, dus de effecten zijn "
                   "zonder weer geschat")
    return [corpus_line(config.corpus, ds.posts), contacts_line(config.contacts, ds.contacts, ds.weekly.index),
            *map(outage_line, getattr(ds, "outages", [])),
            *([level_shift_line(ds.level_shift)] if getattr(ds, "level_shift", None) else []),
            file_line("Paginaweergaven", config.pageviews), file_line("Weer", config.weather, period)]


def outage_line(outage) -> str:
    """'Van 3 maart tot en met 30 maart 2025 kwamen er geen contacten binnen ...'."""
    return (f"Van {nl_date(outage.first)} tot en met {nl_date(outage.last_day)} kwamen er geen "
            f"contacten binnen, terwijl het er rond die weken ongeveer {round(outage.usual)} per week zijn: "
            "waarschijnlijk werkte het contactformulier niet. Die weken tellen niet mee in de analyses.")


def level_shift_line(shift) -> str:
    """'Vanaf de week van 3 maart 2025 komen er blijvend ongeveer ×1,4 zoveel contacten ...'."""
    if shift.given:
        return (f"Vanaf de week van {nl_date(shift.week)} (opgegeven in practice.yaml) komen er "
                f"{nl_factor(shift.factor, shift.low, shift.high)} zoveel contacten binnen als daarvoor, los van "
                "seizoen en trend. De analyses meten elk onderwerp tegen het niveau van zijn eigen periode.")
    more = "meer" if shift.factor > 1 else "minder"
    return (f"Vanaf de week van {nl_date(shift.week)} komen er blijvend {more} contacten binnen: "
            f"{nl_factor(shift.factor, shift.low, shift.high)} zoveel als daarvoor, los van seizoen en trend. Was er "
            "toen een nieuwe website of een nieuw formulier, een tweede locatie of een verhuizing? De analyses "
            "meten elk onderwerp tegen het niveau van zijn eigen periode.")


def pipeline_line(pipeline: str, deep_analysis: str = "zonder Frog") -> str:
    """Which Dutch language analysis (the pipeline's name, ``nlp.pipeline_name()``, and Frog's
    path, ``frog.frog_path()``) the readability figures come from, in words."""
    trained = pipeline != BLANK
    frog = (f" Zinsbouw, namen en LiNT: {deep_analysis.replace('Frog', 'Frog (Radboud Universiteit)', 1)}."
            if deep_analysis.startswith("Frog") else
            " Zonder Frog: geen zinsontleding en geen LiNT-uitkomst (installeer Frog voor beide).")
    return ("Taalanalyse: " + ("een getraind Nederlands taalmodel van spaCy." if trained else
            "Nederlandse regels en woordenlijsten (er is geen getraind taalmodel geïnstalleerd).") + frog)
