"""The NLP pipeline: a trained Dutch pipeline where installed, else blank + lookups + rules."""
from __future__ import annotations

import pytest
import spacy

import analysis.text.nlp as nlp_module
from analysis.sources.corpus import load_corpus
from analysis.text.nlp import BLANK, TRAINED, load_pipeline, tokens, trained_pipeline_name
from analysis.text.readability import analyze_blocks
from analysis.text.segment import sentence_starts

from .conftest import ROOT


def test_a_trained_pipeline_is_preferred_when_installed(monkeypatch):
    monkeypatch.delenv("ANALYSIS_PIPELINE", raising=False)
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == "nl_core_news_md")
    assert trained_pipeline_name() == "nl_core_news_md"
    monkeypatch.setenv("ANALYSIS_PIPELINE", "blank")
    assert trained_pipeline_name() is None
    monkeypatch.setattr(spacy.util, "is_package", lambda name: False)
    monkeypatch.delenv("ANALYSIS_PIPELINE")
    assert trained_pipeline_name() is None


def test_blank_pipeline_lemmatizes_and_splits_sentences(nlp):
    if nlp.meta["analysis_pipeline"] != BLANK:
        pytest.skip("a trained pipeline is installed; see the comparison test")
    [t] = tokens(nlp, ["Hij liep naar de fysiotherapeuten. Daarna ging het beter!"])
    assert t.lemmas[1] == "lopen" and t.lemmas[4] == "fysiotherapeut"
    assert [t.words[a] for a, _ in t.sentences()] == ["Hij", "Daarna"]


def test_fast_token_path_equals_running_the_full_pipeline():
    """The blank path skips the lemmatizer component and looks lemmas up directly;
    running the component (the path a trained pipeline takes) must give the same
    tokens and lemmas, and both paths use the same sentence rules."""
    fast = load_pipeline(None)
    full = spacy.blank("nl")
    full.add_pipe("lemmatizer", config={"mode": "lookup"})
    full.add_pipe("sentencizer", config={"punct_chars": nlp_module.PUNCT_CHARS})
    full.initialize()
    full.meta["analysis_pipeline"] = "full-components"
    posts = load_corpus(ROOT / "corpus" / "posts")
    texts = [b.text for blocks in posts["blocks"] for b in blocks]
    for a, b in zip(tokens(fast, texts), tokens(full, texts), strict=True):
        assert (a.words, a.lemmas, a.starts, a.spaces) == (b.words, b.lemmas, b.starts, b.spaces)
        assert a.starts == sentence_starts(a.words)


@pytest.mark.skipif(not any(spacy.util.is_package(n) for n in TRAINED),
                    reason="no trained Dutch pipeline (nl_core_news_*) installed on this machine")
def test_trained_pipeline_gives_comparable_figures():
    posts = load_corpus(ROOT / "corpus" / "posts").head(10)
    blank, trained = load_pipeline(None), load_pipeline()
    for blocks in posts["blocks"]:
        a, b = analyze_blocks(blocks, blank), analyze_blocks(blocks, trained)
        assert a["words"] == b["words"]
        assert abs(a["words_per_sentence"] - b["words_per_sentence"]) <= 2
        assert abs(a["mean_zipf"] - b["mean_zipf"]) <= 0.15
        assert a["b1"] == b["b1"]
