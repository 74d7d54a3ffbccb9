"""The committed synthetic sample: reproducible, private, and its planted truths recoverable."""
from __future__ import annotations

import json
import re

import nbformat
import pandas as pd
import pytest

from analysis.cli import main
from analysis.sample.search import write_search_sample
from analysis.sample.synthetic import PLANTED, contacts, labelled_posts, write_sample
from analysis.sources.corpus import load_corpus
from analysis.text.topics import TopicTagger
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
    posts = labelled_posts(load_corpus(ROOT / "corpus" / "posts"))
    write_sample(posts, tmp_path)
    write_search_sample(posts, tmp_path)
    search = [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.glob("search-console*/*.csv"))]
    assert len(search) == 8
    for name in ["contacts.csv", "pageviews_ga4.csv", "weather_knmi.txt", "ga4_bestemmingspagina.csv", *search]:
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


def test_the_scrubbed_dataset_contains_no_personal_contact_details(tmp_path):
    """Import the sample export as a user would and scan what the importer writes."""
    out = tmp_path / "contacts.csv"
    assert main(["contacts", str(SAMPLE / "contacts.csv"), "--out", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    assert written.count("\n") > 7000  # the rows are there
    assert _personal(written) == []


def test_the_tagger_meets_noisy_messages_and_mostly_finds_the_planted_topic(nlp):
    """The planted topic of each synthetic message against the real tagger: typos,
    implicit complaints and false friends make it miss some, never most."""
    export = contacts(labelled_posts(load_corpus(ROOT / "corpus" / "posts")))
    export = export[(export["_kind"] == "") & (export["Bericht"] != "")].sample(1500, random_state=1)
    tagged = TopicTagger().tag_messages(export["Bericht"].tolist(), nlp)
    truth = export["_topic"].tolist()
    found = [t in r["topics"] for t, r in zip(truth, tagged) if t]
    quiet = [not r["topics"] for t, r in zip(truth, tagged) if not t]
    assert 0.80 <= sum(found) / len(found) < 1.0  # noise costs some recall, as in real data
    assert sum(quiet) / len(quiet) >= 0.95  # topic-less messages, false friends included, stay untagged


@pytest.fixture(scope="module")
def effects():
    ds = load_dataset(ROOT / "corpus/posts", SAMPLE / "contacts.csv", weather=SAMPLE / "weather_knmi.txt")
    return effects_table(ds)


def test_planted_lifts_are_inside_their_intervals(effects):
    estimated = effects.dropna(subset=["lift"])
    covered = [(estimated.loc[t, "ci_low"] <= PLANTED.lift.get(t, 1.0) <= estimated.loc[t, "ci_high"])
               for t in estimated.index]
    assert sum(covered) / len(covered) >= 0.85
    # the strongest planted signal (most contacts, four posts) is found through the real
    # tagger on noisy messages; the others are inside their intervals (above), and
    # whether they reach significance after Holm over all topics varies with the draw
    assert effects.loc["rug", "effect"], effects.loc["rug"].to_dict()
    planted = [t for t in PLANTED.lift if pd.notna(effects.loc[t, "lift"])]
    assert sum(effects.loc[t, "lift"] > 1 for t in planted) >= len(planted) - 1


def test_no_effect_is_claimed_where_none_was_planted(effects):
    claimed = set(effects.index[effects["effect"]])
    assert claimed <= set(PLANTED.lift)
    for topic in ("zorgverzekering", "hardlopen"):  # seasonal null topics, always posted in season
        assert not effects.loc[topic, "effect"]
