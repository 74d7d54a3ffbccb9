"""A synthetic chain of practices: many practice folders with planted, differing post effects.

For the chain command (``python -m analysis chain``), its tests and ``make bench``; no real
practice is in it. Each practice is the sample generator (synthetic.py) run with its own size,
its own seed and its own lifts:

- *size*: log-normal around :attr:`ChainPlanted.mean_size` (spread ``size_spread``), clipped to
  [``min_size``, ``max_size``]: all contact rates are the sample's times the size, so a practice
  of size 0.2 gets about 1,200 contacts in six years and one of size 8 about 50,000;
- *posts*: ``posts_per_size`` × size^0.6 posts (at least ``min_posts``), drawn from the sample's
  posts with replacement, each moved a whole number of years and then up to ``date_jitter`` days
  either way (so insurance posts stay in the autumn, but practices do not all publish an article
  on the same day of the year), and given an opening line of its own (so no two posts share a text);
- *lifts*: per topic in :attr:`ChainPlanted.mean_lift`, the practice's log-lift is
  log(mean) + spread × z, z standard normal: the chain's mean lift and the spread between
  practices (the heterogeneity τ on the log scale) are the planted truths the pooled analysis is
  tested on (tests/test_chain.py). Topics not listed have no lift anywhere.

Everything follows from ``seed`` and the number of practices; :func:`planted_lifts` gives each
practice's own truth, which is also written, for the tests, into ``planted.json`` beside the
practice folders (the chain command never reads it).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import math
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.paths import CORPUS
from ..sources.corpus import Post, load_corpus
from .synthetic import END, PLANTED, SITE, START, labelled_posts, write_sample

CHAIN_SEED = 20261201
PLACES = ["Hoorn", "Enkhuizen", "Purmerend", "Alkmaar", "Heerhugowaard", "Schagen", "Medemblik", "Edam",
          "Volendam", "Zaandam", "Den Helder", "Heemskerk", "Castricum", "Bergen", "Wormerveer", "Obdam"]


@dataclass(frozen=True)
class ChainPlanted:
    """The truths a synthetic chain is generated from."""

    mean_lift: dict = field(default_factory=lambda: {  # the chain's mean rate ratio after a post
        "rug": 1.6, "knie": 1.5, "nek": 1.4, "schouder": 1.3, "kinderen": 1.5})
    spread: dict = field(default_factory=lambda: {  # τ: standard deviation of the log-lift between practices
        "rug": 0.15, "knie": 0.25, "nek": 0.0, "schouder": 0.2, "kinderen": 0.3})
    mean_size: float = 1.1  # median practice size, in sample practices
    size_spread: float = 0.8  # standard deviation of log(size)
    min_size: float = 0.15
    max_size: float = 8.0
    posts_per_size: float = 85.0
    min_posts: int = 8
    date_jitter: int = 28  # days a post may move from its sample post's day of the year, either way


CHAIN = ChainPlanted()


def generator_version() -> str:
    """A hash of this generator's code and the sample generator's: a chain written by other code is stale."""
    from . import synthetic

    code = Path(__file__).read_bytes() + Path(synthetic.__file__).read_bytes()
    return hashlib.sha256(code).hexdigest()[:16]


def practice_id(index: int) -> str:
    return f"praktijk-{index + 1:03d}"


def practice_sizes(n: int, planted: ChainPlanted = CHAIN, seed: int = CHAIN_SEED) -> np.ndarray:
    rng = np.random.default_rng(seed)
    sizes = planted.mean_size * np.exp(planted.size_spread * rng.standard_normal(n))
    return np.clip(sizes, planted.min_size, planted.max_size)


def planted_lifts(n: int, planted: ChainPlanted = CHAIN, seed: int = CHAIN_SEED) -> pd.DataFrame:
    """Per practice (rows) and topic (columns): the lift planted in its contacts."""
    rng = np.random.default_rng(seed + 1)
    topics = sorted(planted.mean_lift)
    z = rng.standard_normal((n, len(topics)))
    logs = np.array([math.log(planted.mean_lift[t]) for t in topics]) + z * np.array(
        [planted.spread[t] for t in topics])
    return pd.DataFrame(np.exp(logs), index=[practice_id(i) for i in range(n)], columns=topics)


def _moved(day: pd.Timestamp, years: int) -> dt.date:
    date = day.date()
    return date.replace(year=date.year + years, day=min(date.day, 28))


def practice_posts(sample: pd.DataFrame, n_posts: int, rng: np.random.Generator, place: str,
                   jitter: int = CHAIN.date_jitter) -> pd.DataFrame:
    """*n_posts* of the sample's dated posts, moved by whole years into the sample period and by up
    to *jitter* days, each with an opening line of its own; columns as
    :func:`.synthetic.labelled_posts` gives them."""
    dated = sample.dropna(subset=["date"]).reset_index(drop=True)
    rows = []
    for k, i in enumerate(rng.integers(0, len(dated), n_posts)):
        post = dated.iloc[int(i)]
        years = [y for y in range(-5, 6) if START <= _moved(post["date"], y) <= END - dt.timedelta(days=60)]
        shift = dt.timedelta(days=int(rng.integers(-jitter, jitter + 1)))
        date = min(max(_moved(post["date"], int(rng.choice(years))) + shift, START), END - dt.timedelta(days=60))
        opening = f"Bij onze praktijk in {place} krijgen we hier vaak vragen over (artikel {k + 1})."
        slug = f"{post['slug']}-{k + 1}"
        rows.append({"title": post["title"], "body": f"{opening}\n\n{post['body']}", "date": pd.Timestamp(date),
                     "slug": slug, "url": f"{SITE}/blog/{slug}/", "topics": post["topics"]})
    return pd.DataFrame(rows).sort_values("date", kind="stable").reset_index(drop=True)


def write_practice(folder: Path, posts: pd.DataFrame, size: float, lifts: dict[str, float], seed: int,
                   place: str) -> dict:
    """One practice folder: practice.yaml, posts/, contacts.csv, pageviews_ga4.csv, weather_knmi.txt."""
    (folder / "posts").mkdir(parents=True, exist_ok=True)
    for post in posts.itertuples(index=False):
        text = Post(title=post.title, body=post.body, date=post.date.date(), slug=post.slug,
                    meta={"url": post.url, "source": "synthetisch (analysis/sample/chain.py)"})
        (folder / "posts" / text.filename).write_text(text.to_markdown(), encoding="utf-8")
    (folder / "practice.yaml").write_text(
        f"name: Fysiotherapie {place} (synthetisch)\nplace: {place}\nknmi_station: 249\n", encoding="utf-8")
    planted = dataclasses.replace(
        PLANTED, baseline_per_week=PLANTED.baseline_per_week * size,
        topic_rate={t: r * size for t, r in PLANTED.topic_rate.items()}, lift=dict(lifts),
        bad_rows={"no_date": 1, "bad_date": 1, "duplicate": 1, "empty": 1})
    return write_sample(posts, folder, planted, seed)


def write_chain(n: int, out: Path, planted: ChainPlanted = CHAIN, seed: int = CHAIN_SEED,
                scale: float = 1.0) -> dict:
    """*n* practice folders under *out* and planted.json; *scale* multiplies every practice's size
    (0.2 for quick tests). Returns the totals written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if (out / "planted.json").is_file():  # an earlier synthetic chain here: its practices make way
        for old in json.loads((out / "planted.json").read_text(encoding="utf-8"))["sizes"]:
            shutil.rmtree(out / old, ignore_errors=True)
    sample = labelled_posts(load_corpus(CORPUS))
    sizes = practice_sizes(n, planted, seed) * scale
    lifts = planted_lifts(n, planted, seed)
    totals = {"practices": n, "posts": 0, "contacts": 0, "rows": 0}
    for i in range(n):
        rng = np.random.default_rng(seed + 100 + i)
        place = PLACES[i % len(PLACES)] + ("" if i < len(PLACES) else f" {i // len(PLACES) + 1}")
        n_posts = max(planted.min_posts, round(planted.posts_per_size * (sizes[i] / scale) ** 0.6 * scale ** 0.5))
        posts = practice_posts(sample, n_posts, rng, place, planted.date_jitter)
        written = write_practice(out / practice_id(i), posts, float(sizes[i]), lifts.iloc[i].to_dict(),
                                 seed + 100 + i, place)
        totals["posts"] += len(posts)
        totals["contacts"] += written["contacts"]
        totals["rows"] += written["rows"]
    truth = {"generator": "analysis/sample/chain.py", "generator_version": generator_version(), "seed": seed,
             "scale": scale, "date_jitter": planted.date_jitter,
             "mean_lift": planted.mean_lift, "spread": planted.spread,
             "sizes": {practice_id(i): round(float(s), 3) for i, s in enumerate(sizes)},
             "lifts": {p: {t: round(v, 4) for t, v in row.items()} for p, row in lifts.to_dict("index").items()}}
    (out / "planted.json").write_text(json.dumps(truth, indent=2, ensure_ascii=False), encoding="utf-8")
    return totals
