"""Chart hygiene on every chart the owner sees, on the sample and on a small practice:
one colour per series, percentages on share axes, whole numbers on count axes, factor
axes labelled ×0,5 ×1 ×2 (no powers of ten), no overlapping tick labels, a title."""
from __future__ import annotations

import datetime as dt
import itertools
import re

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from analysis.core.paths import CORPUS, SAMPLE
from analysis.core.sufficiency import NotEnoughData
from analysis.planning.plan import make_plan
from analysis.reporting import charts, sections
from analysis.timeseries.dataset import load_dataset
from analysis.timeseries.topic_effects import effects_table

from .smalldata import write_contacts, write_corpus

COUNT_WORDS = ("aantal", "per week", "per maand")  # an axis label with these counts whole things


def _colour(handle) -> str | None:
    for getter in ("get_color", "get_facecolor"):
        if hasattr(handle, getter):
            value = getattr(handle, getter)()
            value = value[0] if isinstance(value, np.ndarray) and value.ndim == 2 and len(value) else value
            try:
                return to_hex(value)
            except (ValueError, TypeError):
                continue
    if hasattr(handle, "patches") and handle.patches:  # a bar container
        return to_hex(handle.patches[0].get_facecolor())
    return None


def _overlap(labels) -> bool:
    boxes = sorted((t.get_window_extent() for t in labels if t.get_visible() and t.get_text()),
                   key=lambda b: (b.x0, b.y0))
    return any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))


def chart_problems(fig: Figure) -> list[str]:
    """What is wrong with *fig* by the rules of the module docstring."""
    fig.canvas.draw()
    found = []
    for ax in fig.axes:
        if ax.get_label() == "<colorbar>":
            continue
        name = ax.get_title() or fig.get_suptitle()
        if not name:
            found.append("chart without a title")
        handles, labels = ax.get_legend_handles_labels()
        colours = {}
        for handle, label in zip(handles, labels):
            colours.setdefault(_colour(handle), set()).add(label)
        found += [f"{name}: series {sorted(ls)} share one colour" for ls in colours.values() if len(ls) > 1]
        if len(ax.containers) > 1 and not handles:
            found.append(f"{name}: {len(ax.containers)} bar series without a legend")
        for axis, label in [(ax.xaxis, ax.get_xlabel()), (ax.yaxis, ax.get_ylabel())]:
            ticks = [t.get_text() for t in axis.get_ticklabels() if t.get_text()]
            low, high = sorted(axis.get_view_interval())
            locs = [v for v in axis.get_majorticklocs() if low <= v <= high]
            text = label.lower()
            if "aandeel" in text and not all(t.endswith("%") for t in ticks):
                found.append(f"{name}: share axis '{label}' without percentages: {ticks}")
            if any(w in text for w in COUNT_WORDS) and axis.get_scale() == "linear" \
                    and any(abs(v - round(v)) > 1e-9 for v in locs):
                found.append(f"{name}: count axis '{label}' has ticks between whole numbers: {locs}")
            if "(×)" in label and not all(t.startswith("×") for t in ticks):
                found.append(f"{name}: factor axis '{label}' not labelled as ×: {ticks}")
            if any(re.match(r"\d{4}-\d{2}", t) for t in ticks):
                found.append(f"{name}: axis '{label}' shows dates as ISO numbers, not Dutch months: {ticks}")
            if any("10^" in t or "$" in t for t in ticks) or axis.get_offset_text().get_text():
                found.append(f"{name}: axis '{label}' in scientific notation: {ticks}")
            if _overlap(axis.get_ticklabels()):
                found.append(f"{name}: tick labels of axis '{label}' overlap")
    plt.close(fig)
    return found


def owner_charts(ds, nlp) -> list[Figure]:
    """Every chart a notebook of the report draws, from the package functions behind it."""
    plan = make_plan(ds, nlp)
    effects = effects_table(ds)
    table = plan.readability.join(ds.posts.set_index("id")[["title", "date"]])
    year = int(ds.weekly.index.isocalendar().year.max()) if len(ds.weekly) else 2026
    calls = [
        lambda: sections.posts_per_month(ds.posts), lambda: sections.length_histogram(ds.posts),
        lambda: sections.readability_by_year(table), lambda: sections.topic_coverage(ds.posts, ds.taxonomy),
        lambda: sections.topics_by_month(ds.posts, ds.taxonomy),
        lambda: sections.topic_demand(plan.gaps, ds.contacts, ds.taxonomy),
        lambda: sections.month_on_month(ds.contacts, year), lambda: sections.contacts_over_time(ds.weekly),
        lambda: sections.season_and_calendar(ds.weekly, ds.covariates),
        lambda: sections.effects_chart(effects), lambda: sections.effect_profiles(ds, effects),
        lambda: sections.ccf(ds, effects),
        lambda: charts.planner_timeline(plan.calendar, "Wanneer publiceren") if len(plan.calendar) else None,
    ]
    figures = []
    for call in calls:
        try:
            result = call()
        except NotEnoughData:
            continue
        figures += [r for r in (result if isinstance(result, tuple) else [result]) if isinstance(r, Figure)]
    return figures


@pytest.fixture(scope="module")
def sample(nlp):
    ds = load_dataset(CORPUS, SAMPLE / "contacts.csv", weather=SAMPLE / "weather_knmi.txt")
    return owner_charts(ds, nlp)


def test_every_sample_chart_is_clean(sample):
    assert len(sample) >= 11  # the proven effects of the sample add the profile chart
    assert [p for fig in sample for p in chart_problems(fig)] == []


def test_every_small_practice_chart_is_clean(tmp_path, nlp):
    """Few posts and contacts give the small counts where 0,25-ticks and crowded axes appear."""
    corpus = write_corpus(tmp_path / "posts", 4, [3, 4], 1)
    contacts = write_contacts(tmp_path / "contacten.csv", 150, dt.date(2024, 2, 5), 500)
    figures = owner_charts(load_dataset(corpus, contacts), nlp)
    assert len(figures) >= 6
    assert [p for fig in figures for p in chart_problems(fig)] == []


def test_the_hygiene_check_finds_what_the_owner_complained_about():
    """The check itself fails on the charts of the issue: two series in one colour, a share
    axis running 0,00-0,12, a count axis with quarter ticks, a lift axis in powers of ten."""
    fig, ax = plt.subplots()
    ax.barh([0, 1], [0.12, 0.05], color="#1b6ca8", label="aandeel contacten")
    ax.barh([0.4, 1.4], [0.10, 0.02], color="#1b6ca8", label="aandeel berichten")
    ax.set_xlabel("aandeel")
    ax.legend()
    ax.set_title("Contacten en berichten per onderwerp")
    shares = chart_problems(fig)
    assert any("share one colour" in p for p in shares) and any("without percentages" in p for p in shares)

    fig, ax = plt.subplots()
    ax.bar(range(3), [0, 1, 1])
    ax.set_ylabel("aantal berichten")
    ax.set_title("Blogberichten per maand")
    assert any("between whole numbers" in p for p in chart_problems(fig))

    fig, ax = plt.subplots()
    ax.scatter([0.1, 50], [0, 1])
    ax.set_xscale("log")
    ax.set_xlabel("effect (×)")
    ax.set_title("Effect")
    assert any("not labelled as ×" in p for p in chart_problems(fig))

    fig, ax = plt.subplots()
    ax.scatter(pd.to_datetime(["2026-12-01", "2027-03-01"]), [0, 1])
    ax.set_title("Wanneer publiceren")
    assert any("ISO" in p for p in chart_problems(fig))

    fig, ax = plt.subplots(figsize=(3, 2))
    ax.bar([f"maand {i} van het jaar" for i in range(12)], range(12))
    ax.set_title("Volle as")
    assert any("overlap" in p for p in chart_problems(fig))
    assert chart_problems(charts.share_bars(pd.DataFrame({"aandeel contacten": [0.1, 0.05],
                                                          "aandeel berichten": [0.2, 0.0]}, index=["Rug", "Nek"]),
                                            "Contacten en berichten per onderwerp")) == []


@pytest.mark.parametrize("start,months,labels", [
    ("2025-11", 4, ["nov 2025", "dec", "jan 2026", "feb"]),  # a young blog: every month, its year where it starts
    ("2024-05", 20, ["mei 2024", "jul", "okt", "jan 2025", "apr", "jul", "okt"]),
    ("2019-03", 60, ["2020", "2021", "2022", "2023", "2024"]),
])
def test_a_month_chart_names_its_months_whatever_the_span(start, months, labels):
    counts = pd.Series(1, index=pd.period_range(start, periods=months, freq="M"))
    fig = charts.monthly_counts(counts, "Blogberichten per maand", "aantal berichten")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == labels
    assert chart_problems(fig) == []
    plt.close(fig)
