"""Pooled topic effects across practices: a random-effects meta-analysis per topic.

Each practice's publication effect of a topic (its log-lift and standard error, from the same
model as its own report) is one study. Per topic, statsmodels' ``combine_effects`` estimates the
chain's mean log-lift and the spread between practices τ² (Paule–Mandel, ``method_re="iterated"``).
The interval for the mean uses the Knapp–Hartung–Sidik–Jonkman standard error with a t quantile
on k − 1 degrees of freedom, never narrower than the usual random-effects one (the "modified"
Knapp–Hartung of Röver, Knapp & Friede, BMC Med Res Methodol 2015): with few practices the
plain normal interval is too narrow. The prediction interval says where a new practice's own
effect probably lies (Higgins, Thompson & Spiegelhalter, JRSS A 2009): t on k − 2 degrees of
freedom, sqrt(τ² + SE²); it is shown from MIN_PREDICT practices on (with 3, t on 1 degree of
freedom makes it useless).

Each practice's own estimate is shrunk toward the chain (the empirical-Bayes estimate: weight
τ² / (τ² + its variance) on its own figure), so a small practice with a wild estimate is read
mostly as the chain's, and a large one mostly as its own.

The verdict, as in a single practice's report: an *effect* in the chain when the mean's interval
lies above ×1. Tested on recovering planted means, spreads and shrinkage (tests/test_chain.py).
"""
from __future__ import annotations

import math
import warnings
from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd
from scipy.stats import t as student_t
from statsmodels.stats.meta_analysis import combine_effects

MIN_PRACTICES = 3  # practices with an estimate of a topic before the chain's figure is given
MIN_PREDICT = 5  # practices before a prediction interval is given (on k − 2 degrees of freedom)


@dataclass(frozen=True)
class PooledEffect:
    """The chain's evidence on one topic (lifts as rate ratios; τ on the log scale)."""

    topic: str
    practices: int
    lift: float
    low: float
    high: float
    tau: float
    i2: float  # share of the spread between practices' estimates that is not chance (0 to 1)
    heterogeneity_p: float  # Cochran's Q test of equal effects
    predict_low: float
    predict_high: float
    log_lift: float
    se: float
    crit: float  # the t quantile of the interval of the mean

    @property
    def effect(self) -> bool:
        return self.low > 1

    @property
    def predicts(self) -> bool:
        return self.practices >= MIN_PREDICT

    def to_dict(self) -> dict:
        return asdict(self) | {"effect": self.effect}


def pool_topic(topic: str, log_lifts, ses) -> PooledEffect | None:
    """The pooled effect of *topic* from the practices' log-lifts and standard errors, or None with
    fewer than MIN_PRACTICES estimates."""
    y, se = np.asarray(log_lifts, dtype=float), np.asarray(ses, dtype=float)
    keep = np.isfinite(y) & np.isfinite(se) & (se > 0)
    y, se = y[keep], se[keep]
    k = len(y)
    if k < MIN_PRACTICES:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = combine_effects(y, se ** 2, method_re="iterated", use_t=False)
    mean, tau2 = float(result.mean_effect_re), max(float(result.tau2), 0.0)
    sd = max(float(result.sd_eff_w_re), float(result.sd_eff_w_re_hksj))
    crit = float(student_t.ppf(0.975, k - 1))
    q = float(result.q)
    predict = float(student_t.ppf(0.975, max(k - 2, 1))) * math.sqrt(tau2 + sd ** 2)
    return PooledEffect(topic=topic, practices=k, lift=math.exp(mean), low=math.exp(mean - crit * sd),
                        high=math.exp(mean + crit * sd), tau=math.sqrt(tau2),
                        i2=max(0.0, (q - (k - 1)) / q) if q > 0 else 0.0,
                        heterogeneity_p=float(result.test_homogeneity().pvalue),
                        predict_low=math.exp(mean - predict), predict_high=math.exp(mean + predict),
                        log_lift=mean, se=sd, crit=crit)


def shrunk(log_lift: float, se: float, pooled: PooledEffect) -> tuple[float, float, float]:
    """A practice's own estimate shrunk toward the chain: (lift, low, high) with a 95% interval (on the
    chain interval's t quantile: the chain's figure is as uncertain here as there)."""
    own = se ** 2
    weight = pooled.tau ** 2 / (pooled.tau ** 2 + own)
    mean = pooled.log_lift + weight * (log_lift - pooled.log_lift)
    sd = math.sqrt(weight * own + (1 - weight) ** 2 * pooled.se ** 2)
    return math.exp(mean), math.exp(mean - pooled.crit * sd), math.exp(mean + pooled.crit * sd)


def pooled_effects(effects: pd.DataFrame) -> dict[str, PooledEffect]:
    """Per topic with at least MIN_PRACTICES usable estimates; *effects*: the practices' effect
    tables stacked (columns practice, topic, log_lift, se, usable)."""
    usable = effects[effects["usable"]]
    found = {}
    for topic, rows in usable.groupby("topic", sort=True):
        pooled = pool_topic(str(topic), rows["log_lift"], rows["se"])
        if pooled is not None:
            found[str(topic)] = pooled
    return found


def with_shrinkage(effects: pd.DataFrame, pooled: dict[str, PooledEffect]) -> pd.DataFrame:
    """*effects* with each usable estimate shrunk toward its topic's chain figure (NaN elsewhere)."""
    out = effects.copy()
    values = [shrunk(r.log_lift, r.se, pooled[r.topic]) if r.usable and r.topic in pooled else (np.nan,) * 3
              for r in effects.itertuples(index=False)]
    out["shrunk"], out["shrunk_low"], out["shrunk_high"] = (list(v) for v in zip(*values)) if values else ([], [], [])
    return out
