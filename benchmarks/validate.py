"""The large simulation studies of the effects model (``make validate``): coverage of the lift's
interval and how often an effect is called, over many redraws of synthetic practices built the way
real ones behave (analysis/sample/synthetic.py, analysis/sample/weather_practice.py).

The test suite runs small versions of each study (tests/test_effects.py); this runs them at a size
where a coverage of 90% and of 95% can be told apart, and writes benchmarks/results/validation.json
and the table in docs/validation.md. Seeds differ from the tests' seeds, so the figures are not the
ones the tests' thresholds were set on. Takes about ten minutes on two cores.
"""
from __future__ import annotations

import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.sample.synthetic import simulate_topic  # noqa: E402
from analysis.sample.weather_practice import simulate_weather_topic  # noqa: E402
from analysis.timeseries.covariates import weekly_covariates  # noqa: E402
from analysis.timeseries.effects import topic_effect  # noqa: E402
from analysis.timeseries.level_shifts import find_level_shift, with_level_shift  # noqa: E402

REDRAWS = 200
SEED = 100_000  # the tests use seeds below 10,000

STUDIES = {  # name -> (Dutch description, planted lift)
    "immediate": ("×2 in week 1-3 na een bericht", 2.0),
    "delayed": ("×1,8 in week 3-6 na een bericht", 1.8),
    "null": ("geen effect, seizoensonderwerp", 1.0),
    "skating_weather": ("schaatsen: vraag bij vorst, berichten als het gaat vriezen, ×2 in week 1-3; met weer", 2.0),
    "skating_null": ("schaatsen zonder effect, berichten als het gaat vriezen; met weer", 1.0),
    "relaunch_null": ("nieuwe website: alle contacten ×1,4 vanaf week 150; onderwerp zonder effect", 1.0),
}


def _weekly(sim: dict) -> pd.DataFrame:
    return pd.DataFrame({"topic": sim["topic"], "total": sim["topic"] + sim["other"]}, index=sim["weeks"])


def run(study: str, seed: int) -> dict:
    if study.startswith("skating"):
        sim = simulate_weather_topic(seed, lift=STUDIES[study][1])
        weekly = _weekly(sim)
        calendar = weekly_covariates(weekly.index[0], weekly.index[-1], sim["weather"])
        r = topic_effect(weekly, "topic", sim["post_weeks"], calendar, weather_driven=True)
        return dict(r)
    options = {"immediate": {"window": 3}, "delayed": {"window": 4, "first_week": 3},
               "null": {"season_amplitude": 1.0}, "relaunch_null": {"shift": (150, 1.4)}}[study]
    sim = simulate_topic(seed, lift=STUDIES[study][1], rate=2.0, posts_per_year=3,
                         **{"season_amplitude": 0.6, **options})
    weekly = _weekly(sim)
    calendar = weekly_covariates(weekly.index[0], weekly.index[-1])
    if study == "relaunch_null":
        shift = find_level_shift(weekly["total"], calendar)
        calendar = with_level_shift(calendar, shift)
        r = dict(topic_effect(weekly, "topic", sim["post_weeks"], calendar))
        r["shift_found"] = shift is not None
        return r
    return dict(topic_effect(weekly, "topic", sim["post_weeks"], calendar))


def summary(study: str, runs: list[dict]) -> dict:
    lift = STUDIES[study][1]
    estimated = [r for r in runs if np.isfinite(r["lift"])]
    result = {"beschrijving": STUDIES[study][0], "redraws": len(runs), "estimated": len(estimated),
              "coverage": round(float(np.mean([r["ci_low"] <= lift <= r["ci_high"] for r in estimated])), 3),
              "called": round(float(np.mean([r["ci_low"] > 1 for r in estimated])), 3),
              "geometric_mean_lift": round(float(np.exp(np.mean([np.log(r["lift"]) for r in estimated]))), 2),
              "median_window": [int(np.median([r["first_week"] for r in estimated])),
                                int(np.median([r["first_week"] + r["window"] - 1 for r in estimated]))]}
    if study == "relaunch_null":
        result["shift_found"] = round(float(np.mean([r["shift_found"] for r in runs])), 3)
    return result


def main() -> None:
    results = {}
    with ProcessPoolExecutor(max_workers=2) as pool:
        for study in STUDIES:
            seeds = range(SEED, SEED + REDRAWS)
            results[study] = summary(study, list(pool.map(run, [study] * REDRAWS, seeds)))
            print(study, results[study], flush=True)
    out = ROOT / "benchmarks" / "results" / "validation.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written: {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
