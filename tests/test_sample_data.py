"""The committed synthetic sample: reproducible, private, and its planted truths recoverable."""
from __future__ import annotations

import json
import re

import nbformat
import pytest

from analysis.sample.synthetic import PLANTED, write_sample
from analysis.text.posts import tagged_posts
from analysis.timeseries.dataset import load_dataset
from analysis.timeseries.topic_effects import effects_table

from .conftest import ROOT

SAMPLE = ROOT / "data" / "sample"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?:\+31|\b0031|\b0)[\s-]?(?:\(0\))?\d(?:[\s-]?\d){8}\b")
PRACTICE = ("@fysiopraktijkhoorn.example", "0229 700 100")  # published by the practice itself


def _personal(text: str) -> list[str]:
    found = EMAIL.findall(text) + PHONE.findall(text)
    return [f for f in found if not any(p in f or f in p for p in PRACTICE)]


def test_committed_sample_is_what_the_generator_writes(tmp_path):
    write_sample(tagged_posts(ROOT / "corpus" / "posts"), tmp_path)
    for name in ["contacts.csv", "pageviews_ga4.csv", "weather.csv"]:
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), (
            f"data/sample/{name} is out of date: run `make sample` and commit it")


def test_sample_export_has_personal_data_for_the_scrubber_to_remove():
    raw = (SAMPLE / "contacts.csv").read_text(encoding="utf-8-sig")
    assert len(_personal(raw)) > 1000
    assert all(e.endswith("@example.nl") for e in EMAIL.findall(raw))


def test_no_notebook_output_contains_personal_contact_details():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                text = json.dumps({k: v for k, v in output.items() if k != "data"}) + json.dumps(
                    {k: v for k, v in output.get("data", {}).items() if not k.startswith("image/")})
                assert _personal(text) == [], (path.name, _personal(text)[:3])


def test_no_scrubbed_dataset_contains_personal_contact_details():
    processed = sorted((ROOT / "data" / "processed").glob("*.csv"))
    for path in processed:
        assert _personal(path.read_text()) == [], path.name


@pytest.fixture(scope="module")
def effects():
    ds = load_dataset(ROOT / "corpus/posts", SAMPLE / "contacts.csv", weather=SAMPLE / "weather.csv")
    return effects_table(ds)


def test_planted_lifts_are_inside_their_intervals(effects):
    estimated = effects.dropna(subset=["lift"])
    covered = [(estimated.loc[t, "ci_low"] <= PLANTED.lift.get(t, 1.0) <= estimated.loc[t, "ci_high"])
               for t in estimated.index]
    assert sum(covered) / len(covered) >= 0.85
    for topic in ("rug", "knie", "kinderen"):  # the planted effects with enough contacts
        assert effects.loc[topic, "effect"], effects.loc[topic].to_dict()


def test_no_effect_is_claimed_where_none_was_planted(effects):
    claimed = set(effects.index[effects["effect"]])
    assert claimed <= set(PLANTED.lift)
    for topic in ("zorgverzekering", "hardlopen"):  # seasonal null topics, always posted in season
        assert not effects.loc[topic, "effect"]
