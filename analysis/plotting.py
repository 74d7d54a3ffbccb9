"""Matplotlib set-up for notebooks: Agg backend, fixed style, Dutch-friendly defaults."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

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
    pd.set_option("display.max_colwidth", 120)
    warnings.filterwarnings("ignore")


def show(fig) -> None:
    """Display a figure as a PNG and close it (no backend magic, no object reprs)."""
    import io

    from IPython.display import Image, display

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
    display(Image(data=buffer.getvalue()))
