"""The Frog path: Frog's parse word for word beside our tokens, LiNT per post and per draft,
structure flags, names; and the default path without Frog saying so. Tests marked ``frog`` need the
program (``apt-get install frog frogdata``; CI installs it) and skip with that message elsewhere.
The texts are our own."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from analysis.reporting.draft_view import draft_html
from analysis.reporting.sections import lint_ranking
from analysis.sources.corpus import Block, parse_blocks
from analysis.text import frog
from analysis.text.draft_check import check_blocks, render
from analysis.text.frog import FrogWord, parse
from analysis.text.readability.lint import compound_head, level, lint_document, noun_class, score, sentence_features

from .conftest import ROOT

needs_frog = pytest.mark.skipif(shutil.which("frog") is None,
                                reason="Frog is niet geïnstalleerd (apt-get install frog frogdata)")

PLAIN = """Pijn in je rug na het tuinieren

Je hebt in de tuin gewerkt en nu doet je rug pijn. Dat is vervelend, maar het gaat meestal snel over.
Blijf rustig bewegen. Loop elke dag een stukje. Ga niet de hele dag op de bank liggen.
Til de eerste week niet te zwaar. Buig door je knieën als je iets optilt.
Na een paar dagen voel je vaak al verschil. Gaat de pijn niet weg? Bel dan de praktijk.
"""
DENSE = """Beleid bij aspecifieke lage rugklachten

De diagnostiek en behandeling van patiënten met aspecifieke lage rugklachten vinden, afhankelijk van de ernst
van de beperkingen in het dagelijks functioneren en de aanwezigheid van prognostische factoren, plaats in de
eerstelijns gezondheidszorg. Op basis van de bevindingen van de anamnese en het lichamelijk onderzoek wordt door
de therapeut in samenspraak met de patiënt een behandelplan met functionele doelstellingen opgesteld, waarbij de
belastbaarheid van de patiënt en de verwachte prognose richtinggevend zijn voor de intensiteit van de interventie.
"""


@pytest.fixture
def with_frog(monkeypatch):
    monkeypatch.setenv("ANALYSIS_FROG", "1")
    frog.frog_version.cache_clear()
    yield
    frog.frog_version.cache_clear()


def _w(word, pos, head, relation, lemma=None, morphemes=None, ner="O"):
    return FrogWord(word, lemma or word.lower(), tuple(morphemes or [word.lower()]), pos, ner, head, relation)


# ---- LiNT from a parse (no Frog needed) ----

def test_the_formula_and_levels_are_those_published():
    # Pander Maat et al. (2023): 100 - (3.204 + 15.845 f - 1.331 d - 3.829 c + 13.096 p)
    assert score(5.0, 3.0, 3.0, 0.5) == pytest.approx(100 - (3.204 + 79.225 - 3.993 - 11.487 + 6.548))
    assert [level(v) for v in (20, 34, 34.4, 35, 46, 47, 60, 61)] == [1, 1, 1, 2, 2, 3, 3, 4]
    assert score(7.5, 0, 0, 1.0) == 0.0  # clipped to 0-100


def test_sentence_features_count_what_lint_counts():
    # "De fysiotherapeut heeft mijn knie gisteren grondig onderzocht ."
    words = [_w("De", "LID(bep,stan,rest)", 1, "det"),
             _w("fysiotherapeut", "N(soort,ev,basis,zijd,stan)", 2, "su", morphemes=["fysio", "therapeut"]),
             _w("heeft", "WW(pv,tgw,met-t)", -1, "ROOT", lemma="hebben"),
             _w("mijn", "VNW(bez,det,stan,vol,1,ev,prenom,zonder,agr)", 4, "det"),
             _w("knie", "N(soort,ev,basis,zijd,stan)", 2, "obj1"),
             _w("gisteren", "BW()", 7, "mod"),
             _w("grondig", "ADJ(vrij,basis,zonder)", 7, "mod"),
             _w("onderzocht", "WW(vd,vrij,zonder)", 2, "vc", lemma="onderzoeken"),
             _w(".", "LET()", 7, "punct")]
    f = sentence_features(words)
    # content: fysiotherapeut, knie, grondig, onderzocht; 'heeft' has a verbal complement: an auxiliary
    assert (f.content_words, f.zipf_words, f.clauses) == (4, 4, 1)
    assert f.max_distance == 4  # heeft ... onderzocht: mijn knie gisteren grondig (the full stop does not count)
    assert (f.concrete, f.abstract) == (2, 0)  # fysiotherapeut (a person) and knie (the body)
    assert f.structure == ()  # four words apart is not yet far


def test_far_apart_pairs_and_many_clauses_are_flagged_in_plain_dutch():
    filler = [_w(f"woord{i}", "N(soort,ev,basis,zijd,stan)", 0, "mod") for i in range(9)]
    # "Ik heb ... gezien": the verbal bracket, from the tags (also where the parse has two roots)
    words = [_w("Ik", "VNW(pers,pron,nomin,vol,1,ev)", 1, "su"), _w("heb", "WW(pv,tgw,ev)", -1, "ROOT"), *filler,
             _w("gezien", "WW(vd,vrij,zonder)", -1, "ROOT")]
    assert sentence_features(words).structure == (
        "hulpwerkwoord en werkwoord ver uit elkaar: 'heb … gezien' (9 woorden ertussen); zet ze dichter bij elkaar",)
    words[6] = _w(",", "LET()", 1, "punct")  # a clause break between: no bracket
    assert sentence_features(words).structure == ()
    # a subject far from its finite verb, as parsed (a subordinate clause)
    words = [_w("omdat", "VG(onder)", 11, "cmp"), _w("Jan", "SPEC(deeleigen)", 11, "su"), *filler,
             _w("lag", "WW(pv,verl,ev)", -1, "ROOT")]
    flags = sentence_features(words).structure
    assert flags and "onderwerp en persoonsvorm ver uit elkaar: 'Jan … lag' (9 woorden ertussen)" in flags[0]
    finite = [_w(w, "WW(pv,tgw,ev)", -1, "ROOT") for w in ("zegt", "denkt", "weet")]
    assert any("veel deelzinnen (3 persoonsvormen)" in x for x in sentence_features(finite).structure)


def test_a_conjunct_is_measured_to_the_coordinations_head():
    # "zij rekt , buigt en strekt": Frog hangs 'strekt' under 'en'; it is measured to 'rekt'
    words = [_w("zij", "VNW(pers,pron,nomin,vol,3,ev,fem)", 1, "su"), _w("rekt", "WW(pv,tgw,met-t)", -1, "ROOT"),
             _w(",", "LET()", 1, "punct"), _w("buigt", "WW(pv,tgw,met-t)", 4, "cnj"),
             _w("en", "VG(neven)", 1, "crd"), _w("strekt", "WW(pv,tgw,met-t)", 4, "cnj")]
    assert sentence_features(words).max_distance == 2  # strekt to rekt: buigt, en


def test_nouns_are_classified_by_our_list_their_head_or_their_ending():
    assert noun_class("knie") == "concreet" and noun_class("diagnose") == "abstract"
    assert compound_head("knieblessure", ("knie", "blessure")) == "blessure"
    assert noun_class("knieblessure", ("knie", "blessure")) == "concreet"
    assert noun_class("duurzaamheid") == "abstract"  # by its ending
    assert noun_class("quasar") is None  # not classified: left out of the share
    assert lint_document([]) is None


# ---- without Frog ----

def test_without_frog_the_checker_says_lint_needs_frog(nlp, monkeypatch):
    monkeypatch.setenv("ANALYSIS_FROG", "0")
    frog.frog_version.cache_clear()
    title, *rest = PLAIN.split("\n\n")
    result = check_blocks(title, parse_blocks("\n\n".join(rest)), nlp)
    frog.frog_version.cache_clear()
    assert result["lint"] is None and result["deep_analysis"] == "zonder Frog"
    assert "LiNT: niet berekend (zonder Frog; installeer Frog: apt-get install frog frogdata)" in render(
        {"file": "x.md", "title": title} | result)
    assert all(not s["structure"] for s in result["sentences"])
    assert "niet berekend (zonder Frog" in draft_html(title, [], result)


def test_the_lint_section_says_what_is_missing_without_frog():
    import pandas as pd

    from analysis.core.sufficiency import NotEnoughData

    with pytest.raises(NotEnoughData, match="installeer Frog"):
        lint_ranking(pd.DataFrame({"title": ["a"], "lint_score": [None]}), "zonder Frog")


# ---- with Frog ----

@needs_frog
def test_frog_lines_up_with_our_tokens_and_splits_multi_word_names(with_frog):
    sentence = "Jan Jansen uit Hoorn belde de praktijk op omdat zijn lies_pijn bleef .".split()
    [words] = parse([sentence])
    assert [w.word for w in words] == [w.replace("_", "-") for w in sentence]
    assert words[0].ner.endswith("PER") and words[1].ner.endswith("PER")
    op = words[sentence.index("op")]
    assert op.relation == "svp" and words[op.head].word == "belde"  # the separable verb's particle
    assert parse([[], ["Rust", "."]])[0] == []


@needs_frog
def test_readability_json_gives_lint_per_draft_and_orders_plain_and_dense(with_frog, tmp_path):
    for name, text in (("plain", PLAIN), ("dense", DENSE)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "analysis", "readability", str(tmp_path), "--json"],
                         capture_output=True, text=True, cwd=ROOT, check=True,
                         env={**__import__("os").environ, "ANALYSIS_FROG": "1"})
    results = {r["file"]: r for r in json.loads(out.stdout)}
    plain, dense = results["plain.txt"]["lint"], results["dense.txt"]["lint"]
    assert results["plain.txt"]["deep_analysis"].startswith("Frog 0.")
    assert plain["level"] <= 2 < dense["level"] and plain["score"] < dense["score"]
    assert dense["content_words_per_clause"] > plain["content_words_per_clause"]
    # the long guideline sentence: its auxiliary and participle stand far apart
    flags = [f for s in results["dense.txt"]["sentences"] for f in s["structure"]]
    assert any("ver uit elkaar" in f for f in flags)
    assert not any(s["structure"] for s in results["plain.txt"]["sentences"])


@needs_frog
def test_names_frog_finds_are_never_hard_words(nlp, with_frog):
    blocks = [Block("paragraph", "Jetze Hoekstra behandelt al jaren sporters. Hij legt uit wat u zelf kunt doen.")]
    without = check_blocks("Sport", blocks, nlp, frog=False)
    result = check_blocks("Sport", blocks, nlp)
    assert "Jetze" in without["sentences"][0]["rare_words"]  # a capital at the start looks like any word
    assert "Jetze" not in result["sentences"][0]["rare_words"]
    assert result["lint"]["level"] in (1, 2, 3, 4)


@needs_frog
def test_posts_get_lint_in_the_readability_table_and_the_page(tmp_path, nlp, with_frog, monkeypatch):
    from analysis.sources.corpus import load_corpus
    from analysis.text.readability_table import readability_table

    from .smalldata import write_corpus

    monkeypatch.setenv("ANALYSIS_CACHE_DIR", str(tmp_path / "cache"))
    posts = load_corpus(write_corpus(tmp_path / "posts", 4))
    table, sentences = readability_table(posts, nlp)
    assert table["lint_score"].notna().all() and table["lint_level"].between(1, 4).all()
    shown = lint_ranking(table.assign(title=posts.set_index("id")["title"], date=posts.set_index("id")["date"]),
                         "Frog 0.20")
    assert list(shown.columns) == ["titel", "datum", "LiNT (0-100)", "LiNT-niveau", "Flesch-Douma"]
    assert shown["LiNT (0-100)"].is_monotonic_decreasing
    # a second run reads the cache, keyed by Frog's version too
    assert frog.with_frog("blank") == f"blank+{frog.frog_version()}"
    again, _ = readability_table(posts, nlp)
    assert again["lint_score"].tolist() == table["lint_score"].tolist()


@needs_frog
def test_the_resident_frog_gives_the_same_parse_and_stops(with_frog):
    sentences = [s.split() for s in ("De fysiotherapeut heeft mijn knie gisteren onderzocht .",
                                     "Jan Jansen belde de praktijk op .", "Rust !")]
    once = parse(sentences)
    process = frog.ResidentFrog()
    frog._RESIDENT, saved = process, frog._RESIDENT
    try:
        process.start()
        assert process.running
        assert parse(sentences) == once and parse(sentences[:1]) == once[:1]  # a second check: no start-up
    finally:
        process.stop()
        frog._RESIDENT = saved
    assert not process.running


@needs_frog
def test_the_possessive_zijn_is_no_passive_auxiliary_to_frog(nlp, with_frog):
    blocks = [Block("paragraph", "Mijn zoon is met zijn voet gisteren onderzocht.")]
    assert check_blocks("Knie", blocks, nlp, frog=False)["sentences"][0]["passive"] == "zijn onderzocht"
    assert check_blocks("Knie", blocks, nlp)["sentences"][0]["passive"] == "is onderzocht"
