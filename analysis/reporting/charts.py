"""Charts for the notebooks and the report: set-up, figures, display (Dutch titles and labels).

Agg backend and a fixed style, so that figures are identical on every machine.
"""
from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.ticker import (  # noqa: E402
    FixedLocator,
    FuncFormatter,
    MaxNLocator,
    NullLocator,
    PercentFormatter,
)

from ..core.formatting import MONTH_ABBREVIATIONS  # noqa: E402
from ..timeseries.extra_contacts import window_words  # noqa: E402
from .labels import PRIORITIES  # noqa: E402

MONTHS = MONTH_ABBREVIATIONS  # axis labels of month charts
FACTOR_TICKS = [0.125, 0.25, 0.5, 1, 2, 4, 8]  # the widest factor axis: ×1/8 to ×8; wider margins get an arrow
COLOURS = ["#1b6ca8", "#e07a1f", "#3a9d5d", "#c0392b", "#7d5ba6", "#8c6d31", "#d35fb7", "#5f6b6d"]


def setup() -> None:
    """Deterministic, legible figures and tables; silence library chatter in outputs."""
    plt.rcdefaults()
    plt.rcParams.update({
        "figure.figsize": (9, 4), "figure.dpi": 100, "savefig.dpi": 100,
        "font.family": "DejaVu Sans", "font.size": 10, "axes.titlesize": 12,
        "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True,
        "grid.alpha": 0.3, "axes.prop_cycle": plt.cycler(color=COLOURS),
        "svg.hashsalt": "praktijkblog", "figure.max_open_warning": 0,
    })
    pd.set_option("display.max_rows", 80)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.width", 160)
    pd.set_option("display.precision", 2)
    pd.set_option("display.max_colwidth", None)  # reasons and titles in full, never cut off
    warnings.filterwarnings("ignore")


def show(fig) -> None:
    """Display a figure as a PNG and close it (no backend magic, no object reprs)."""
    from IPython.display import Image, display

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    display(Image(data=buffer.getvalue()))


def bar(series: pd.Series, title: str, xlabel: str = "", ylabel: str = "", horizontal: bool = False):
    fig, ax = plt.subplots(figsize=(9, max(3, 0.3 * len(series))) if horizontal else (9, 4))
    (series.plot.barh if horizontal else series.plot.bar)(ax=ax, color="#1b6ca8")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if horizontal:
        ax.invert_yaxis()
    return fig


def counts_bar(series: pd.Series, title: str, xlabel: str, ylabel: str):
    """Counts per category: whole-number ticks."""
    fig, ax = plt.subplots(figsize=(9, 4))
    ax.bar([str(i) for i in series.index], series.to_numpy(), color=COLOURS[0])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def counts_barh(series: pd.Series, title: str, xlabel: str):
    """Counts per category, horizontal, largest first: whole-number ticks."""
    fig, ax = plt.subplots(figsize=(9, max(3, 0.3 * len(series))))
    ax.barh([str(i) for i in series.index], series.to_numpy(), color=COLOURS[0])
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return fig


def share_bars(shares: pd.DataFrame, title: str):
    """Shares (0..1) per category for two or more series: one colour each, a percentage axis."""
    fig, ax = plt.subplots(figsize=(9, max(3, 0.35 * len(shares))))
    y = np.arange(len(shares))
    height = 0.8 / shares.shape[1]
    for k, column in enumerate(shares.columns):
        ax.barh(y + k * height, shares[column].to_numpy(), height=height, color=COLOURS[k], label=column)
    ax.set_yticks(y + height * (shares.shape[1] - 1) / 2, [str(i) for i in shares.index])
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    ax.set_xlabel("aandeel")
    ax.set_title(title)
    ax.legend(loc="lower right")
    return fig


def month_pairs(this: pd.Series, last: pd.Series, year: int, title: str):
    """Contacts per month (index 1..12) of *year* beside the same days of the year before."""
    fig, ax = plt.subplots(figsize=(10, 4))
    x = np.arange(len(this))
    if last.notna().any():
        ax.bar(x - 0.2, last.fillna(0).to_numpy(), width=0.4, color="#bbb", label=str(year - 1))
    ax.bar(x + (0.2 if last.notna().any() else 0), this.to_numpy(), width=0.4, color=COLOURS[0], label=str(year))
    ax.set_xticks(x, [MONTHS[m - 1] for m in this.index])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.set_ylabel("contacten per maand")
    ax.legend()
    return fig


def monthly_counts(counts: pd.Series, title: str, ylabel: str):
    """Counts per month (PeriodIndex): whole-number ticks; every month labelled over a year or less,
    every quarter over three years or less, else every January (a year label on the first and on
    each January)."""
    fig, ax = plt.subplots(figsize=(10, 4))
    x = np.arange(len(counts))
    ax.bar(x, counts.to_numpy(), color=COLOURS[0], width=0.8)
    step = 1 if len(counts) <= 13 else 3 if len(counts) <= 37 else 12
    ticks = [i for i, p in enumerate(counts.index) if (p.month - 1) % step == 0 or (i == 0 and step < 12)] or [0]
    ax.set_xticks(ticks, [_month_label(counts.index[i], first=i == ticks[0], every_month=step < 12)
                          for i in ticks])
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    return fig


def _month_label(period: pd.Period, first: bool, every_month: bool) -> str:
    """'jan 2025' on the first tick and on Januaries, 'apr' between them; the year alone for a
    January on a chart of many years."""
    if not every_month and period.month == 1:
        return str(period.year)
    month = MONTHS[period.month - 1]
    return f"{month} {period.year}" if first or period.month == 1 else month


def weekly_line(weekly: pd.Series, trend: pd.Series | None, title: str):
    fig, ax = plt.subplots(figsize=(10, 4))
    ax.plot(weekly.index, weekly.to_numpy(), lw=0.8, alpha=0.6, label="contacten per week")
    if trend is not None:
        ax.plot(trend.index, trend.to_numpy(), lw=2.2, color="#e07a1f", label="trend")
    date_axis(ax)
    ax.set_title(title)
    ax.set_ylabel("contacten per week")
    ax.legend(loc="upper left")
    return fig


def heatmap(table: pd.DataFrame, title: str, xlabel: str, ylabel: str, fmt: str = "{:.0f}"):
    fig, ax = plt.subplots(figsize=(10, max(3, 0.35 * len(table))))
    im = ax.imshow(table.to_numpy(dtype=float), aspect="auto", cmap="Blues")
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns])
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    for (r, c), value in np.ndenumerate(table.to_numpy(dtype=float)):
        if value:
            ax.text(c, r, fmt.format(value), ha="center", va="center", fontsize=8,
                    color="white" if value > table.to_numpy(dtype=float).max() / 2 else "#222")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(False)
    fig.colorbar(im, ax=ax, shrink=0.8)
    return fig


def forest(table: pd.DataFrame, title: str, truth: dict | None = None):
    """Lifts with 95% intervals per topic (log scale); optional planted truths as diamonds."""
    from ..timeseries.effects import SEASON_OVERLAP

    rows = table.dropna(subset=["lift"]).sort_values("lift")
    fig, ax = plt.subplots(figsize=(9, max(3, 0.4 * len(rows))))
    y = np.arange(len(rows))
    confounded = rows["season_overlap"] >= SEASON_OVERLAP
    colours = np.where(rows["effect"], "#c0392b", np.where(confounded, "#aaaaaa", "#1b6ca8"))
    low, high = FACTOR_TICKS[0], FACTOR_TICKS[-1]
    ax.hlines(y, rows["ci_low"].clip(low, high), rows["ci_high"].clip(low, high), color=colours, lw=2)
    ax.scatter(rows["lift"].clip(low, high), y, color=colours, zorder=3)
    for edge, marker, beyond in [(low, "<", rows["ci_low"] < low), (high, ">", rows["ci_high"] > high)]:
        ax.scatter(np.full(int(beyond.sum()), edge), y[beyond.to_numpy()], marker=marker,
                   color=colours[beyond.to_numpy()], zorder=3)
    for colour, label in [("#c0392b", "effect aangetoond"), ("#1b6ca8", "niet aangetoond"),
                          ("#aaaaaa", "niet te scheiden van het seizoen")]:
        ax.scatter([], [], color=colour, label=label)
    if truth is not None:
        ax.scatter([truth.get(t, 1.0) for t in rows.index], y, marker="D", facecolors="none",
                   edgecolors="#222", zorder=4, label="geplante waarheid (synthetisch)")
    ax.axvline(1, color="#555", lw=1, ls="--")
    factor_axis(ax, "x", rows[["ci_low", "ci_high"]].to_numpy())
    ax.set_yticks(y, rows["label"])
    ax.set_xlabel("effect (×): contacten in de weken na een bericht t.o.v. vergelijkbare weken "
                  "(pijl: de marge loopt verder)")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def factor_axis(ax, which: str, values) -> None:
    """A ratio axis (*which*: 'x' or 'y') on a log scale labelled ×0,5, ×1, ×2 … (no powers of
    ten), spanning *values* and ×1, at most ×1/8 to ×8."""
    finite = np.asarray(values, dtype=float).ravel()
    finite = finite[np.isfinite(finite) & (finite > 0)]
    low = max(min(finite.min(initial=1.0), 1.0), FACTOR_TICKS[0]) / 1.15
    high = min(max(finite.max(initial=1.0), 1.0), FACTOR_TICKS[-1]) * 1.15
    axis = ax.xaxis if which == "x" else ax.yaxis
    (ax.set_xscale if which == "x" else ax.set_yscale)("log")
    axis.set_major_locator(FixedLocator([t for t in FACTOR_TICKS if low <= t <= high]))
    axis.set_major_formatter(FuncFormatter(lambda v, _: f"×{v:g}".replace(".", ",")))
    axis.set_minor_locator(NullLocator())
    (ax.set_xlim if which == "x" else ax.set_ylim)(low, high)


def profiles(profiles: dict[str, pd.DataFrame], windows: dict[str, range], title: str):
    """Per topic the lift per two-week bin after publication with 95% intervals, and the
    window the data chose (shaded; its weeks counted from the publication week as 0)."""
    fig, axes = plt.subplots(1, len(profiles), figsize=(4.2 * len(profiles), 3.6), sharey=True, squeeze=False)
    for ax, (label, profile) in zip(axes[0], profiles.items()):
        x = np.arange(len(profile))
        weeks = windows[label]
        ax.axvspan(weeks.start / 2 - 0.5, weeks.stop / 2 - 0.5, color="#f3d9d5",
                   label="gekozen: " + window_words(weeks).removeprefix("in "))
        errors = [profile["lift"] - profile["ci_low"], profile["ci_high"] - profile["lift"]]
        ax.errorbar(x, profile["lift"], yerr=errors, fmt="o", color="#c0392b", capsize=4)
        ax.axhline(1, color="#555", lw=1, ls="--")
        ax.set_xticks(x, profile["weeks"])
        ax.set_xlabel("weken na publicatie")
        ax.set_title(label)
        ax.legend(loc="upper right", fontsize=8)
    factor_axis(axes[0][0], "y", np.concatenate([p[["ci_low", "ci_high"]].to_numpy().ravel()
                                                  for p in profiles.values()]))
    axes[0][0].set_ylabel("effect (×)")
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def ccf_bars(ccf: pd.DataFrame, title: str):
    fig, ax = plt.subplots(figsize=(8, 3.5))
    ax.bar(ccf["lag"], ccf["ccf"], color="#1b6ca8")
    ax.plot(ccf["lag"], ccf["bound"], "--", color="#c0392b", lw=1, label="grens (95%)")
    ax.plot(ccf["lag"], -ccf["bound"], "--", color="#c0392b", lw=1)
    ax.set_xlabel("weken na publicatie")
    ax.set_ylabel("kruiscorrelatie")
    ax.set_title(title)
    ax.legend()
    return fig


def scatter(x: pd.Series, y: pd.Series, title: str, xlabel: str, ylabel: str, diagonal: bool = False):
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.scatter(x, y, alpha=0.7)
    if pd.api.types.is_datetime64_any_dtype(x):
        date_axis(ax)
    if diagonal:
        lo, hi = min(x.min(), y.min()), max(x.max(), y.max())
        ax.plot([lo, hi], [lo, hi], "--", color="#555", lw=1, label="gelijk")
        ax.legend()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def planner_timeline(plan: pd.DataFrame, title: str):
    """Recommended publication dates per topic over the next months."""
    fig, ax = plt.subplots(figsize=(10, max(3, 0.4 * plan["topic_label"].nunique())))
    topics = list(dict.fromkeys(plan["topic_label"]))
    colours = {"high": "#c0392b", "medium": "#e07a1f", "low": "#1b6ca8"}
    for _, r in plan.iterrows():
        ax.scatter(r["publish_from"], topics.index(r["topic_label"]), s=120,
                   color=colours[r["priority"]], zorder=3)
    for priority, colour in colours.items():
        ax.scatter([], [], color=colour, label=f"prioriteit {PRIORITIES[priority]}")
    ax.set_yticks(range(len(topics)), topics)
    ax.invert_yaxis()
    first = plan["publish_from"].min()
    ax.set_xlim(first - pd.Timedelta(days=10), first + pd.DateOffset(months=12))
    date_axis(ax)
    ax.set_title(title)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    return fig


def date_axis(ax) -> None:
    """Dutch month labels ('jan 2027') on a date x axis, at most eight of them."""
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
    ax.xaxis.set_major_formatter(FuncFormatter(
        lambda v, _: f"{MONTHS[mdates.num2date(v).month - 1]} {mdates.num2date(v).year}"))
