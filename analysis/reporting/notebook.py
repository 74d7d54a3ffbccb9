"""What the notebooks use to show results: sections that explain missing data, safe text.

A notebook cell reads::

    with section():
        show_all(sections.posts_per_month(posts))

When the data are too thin for a sound answer the section shows the plain-Dutch
reason (:class:`NotEnoughData`) instead of a chart of noise or an error.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import pandas as pd
from matplotlib.figure import Figure

from ..core.sufficiency import NotEnoughData
from .charts import show
from .labels import present
from .safe import md


def say(text: str) -> None:
    """Show a sentence made from data (escaped) as Markdown."""
    from IPython.display import Markdown, display

    display(Markdown(md(text)))


def say_lines(lines: list[str]) -> None:
    """Show sentences made from data as a bulleted list."""
    from IPython.display import Markdown, display

    display(Markdown("\n".join(f"- {md(line)}" for line in lines)))


def say_linked(lines: list[str], links: list[str]) -> None:
    """Sentences made from data as a bulleted list, each with a link to the notebook
    (a name like '03_topics', not data) that holds the details."""
    from IPython.display import Markdown, display

    assert len(lines) == len(links)
    display(Markdown("\n".join(f"- {md(line)} [Details]({link}.ipynb)" for line, link in zip(lines, links))))


def say_flagged(text: str, flags: list[str], bold: bool = False) -> None:
    """A sentence with what to change in it, one point per line."""
    from IPython.display import Markdown, display

    mark = "**" if bold else "*"
    display(Markdown(f"{mark}{md(text)}{mark}  \n" + "  \n".join(f"→ {md(f)}" for f in flags)))


@contextmanager
def section() -> Iterator[None]:
    """Run a notebook section; too little data gives its Dutch explanation instead."""
    try:
        yield
    except NotEnoughData as gap:
        from IPython.display import Markdown, display

        display(Markdown(f"*{md(str(gap))}*"))


def show_all(*items) -> None:
    """Show figures, tables and sentences in order (None is skipped)."""
    from IPython.display import display

    for item in items:
        if item is None:
            continue
        if isinstance(item, Figure):
            show(item)
        elif isinstance(item, str):
            say(item)
        elif isinstance(item, (list, tuple)):
            say_lines(list(item))
        elif isinstance(item, pd.Series):
            display(present(item.to_frame()))
        elif isinstance(item, pd.DataFrame):
            display(present(item))
        else:
            display(item)
