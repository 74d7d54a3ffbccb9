"""Topic taxonomy, tagger (compounds, false friends, messages) and topic discovery."""
from __future__ import annotations

import json

import pytest

from analysis.cli import main
from analysis.sources.corpus import load_corpus
from analysis.text.topics import TopicTagger, load_taxonomy
from analysis.text.topics.discovery import discover

from .conftest import ROOT

# Hand-labelled: what each sample post is written about (its main topics).
EXPECTED = {
    "goede-voornemens-rustig-beginnen-met-bewegen": {"voornemens"},
    "schaatsen-op-natuurijs-zo-voorkomt-u-blessures": {"schaatsen"},
    "thuiswerken-zonder-nekpijn": {"thuiswerken", "nek"},
    "weer-beginnen-met-hardlopen-in-het-voorjaar": {"hardlopen"},
    "tuinieren-zonder-rugpijn": {"tuinieren", "rug"},
    "laterale-epicondylalgie-tenniselleboog": {"elleboog"},
    "actief-op-vakantie": {"vakantie"},
    "zwanger-en-last-van-uw-bekken": {"zwangerschap"},
    "vallen-voorkomen-bij-ouderen": {"valpreventie"},
    "zorgverzekering-2022-en-fysiotherapie": {"zorgverzekering"},
    "de-feestdagen-blijf-in-beweging": {"feestdagen"},
    "voornemens-voor-2022-kleine-stappen": {"voornemens"},
    "enkel-verzwikt-wat-nu": {"enkel"},
    "schouderpijn-bij-het-heffen-van-de-arm": {"schouder"},
    "de-juiste-hardloopschoenen-kiezen": {"hardlopen"},
    "knieklachten-bij-sportende-kinderen": {"kinderen", "knie"},
    "heuppijn-bij-het-wandelen": {"heup"},
    "weer-aan-het-werk-na-de-zomer": {"rug"},
    "chronische-nekklachten": {"nek"},
    "overstappen-van-zorgverzekering-let-op-fysiotherapie": {"zorgverzekering"},
    "kerst-bewegen-tussen-de-maaltijden": {"feestdagen"},
    "meer-bewegen-in-2023": {"voornemens"},
    "glad-buiten-zo-valt-u-minder-snel": {"valpreventie"},
    "uw-thuiswerkplek-goed-inrichten": {"thuiswerken"},
    "pijn-aan-uw-scheenbeen-door-hardlopen": {"hardlopen"},
    "het-tuinseizoen-spaar-uw-knieen": {"tuinieren", "knie"},
    "de-bekkenbodem-na-de-bevalling": {"zwangerschap"},
    "fietsvakantie-zonder-pijn": {"vakantie"},
    "zware-schooltas-pijn-in-de-rug": {"kinderen", "rug"},
    "frozen-shoulder-adhesieve-capsulitis": {"schouder"},
    "zorgverzekering-2024-wat-vergoedt-uw-polis": {"zorgverzekering"},
    "fit-de-feestdagen-door": {"feestdagen"},
    "voornemens-2024-bewegen-zonder-blessure": {"voornemens"},
    "schaatsen-warm-op-en-spaar-uw-lies": {"schaatsen", "lies"},
    "nekpijn-door-uw-telefoon": {"nek"},
    "hardlopen-en-uw-achillespees": {"hardlopen", "enkel"},
    "tuinieren-en-een-pijnlijke-elleboog": {"tuinieren", "elleboog"},
    "artrose-van-de-heup": {"heup", "artrose"},
    "lange-autorit-naar-uw-vakantie": {"vakantie", "rug"},
    "balans-trainen-op-latere-leeftijd": {"valpreventie"},
    "knieartrose-wat-helpt-echt": {"knie", "artrose"},
    "zorgverzekering-2025-kijk-verder-dan-de-premie": {"zorgverzekering"},
    "beweeg-mee-met-de-feestdagen": {"feestdagen"},
    "voornemens-2025-samen-sporten": {"voornemens"},
    "inversietrauma-van-de-enkel": {"enkel"},
    "thuiswerken-pauzes-die-werken": {"thuiswerken"},
    "van-de-bank-tot-vijf-kilometer": {"hardlopen"},
    "tuinieren-met-stijve-handen": {"tuinieren"},
    "sporten-tijdens-de-zwangerschap": {"zwangerschap"},
    "groeipijn-bij-kinderen": {"kinderen"},
    "zwemmen-en-schouderpijn": {"schouder"},
    "spit-wat-is-het-en-wat-kunt-u-eraan-doen": {"rug"},
    "zorgverzekering-2026-voor-fysiotherapie-tips-en-vergelijking": {"zorgverzekering"},
    "blijf-in-beweging-ook-tijdens-de-feestdagen": {"feestdagen"},
    "tips-voor-goede-voornemens-in-2026": {"voornemens"},
    "liesblessure-na-het-schaatsen-wat-kunt-u-doen": {"lies", "schaatsen"},
    "help-ik-ben-door-mijn-rug-gegaan": {"rug"},
    "een-veilig-huis-voor-ouderen": {"valpreventie"},
    "kuitblessure-bij-hardlopers": {"hardlopen"},
    "een-moestuin-beginnen-zonder-rugpijn": {"tuinieren", "rug"},
    "goed-voorbereid-op-wandelvakantie": {"vakantie"},
    "nek-en-schouderklachten-bij-beeldschermwerk": {"thuiswerken", "schouder"},
    "knieblessures-bij-jonge-voetballers": {"kinderen", "knie"},
    "zorgverzekering-2027-en-uw-fysiotherapie": {"zorgverzekering"},
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(ROOT / "corpus" / "posts")


@pytest.fixture(scope="module")
def tagged(corpus, nlp):
    return dict(zip(corpus["slug"], TopicTagger().tag_posts(list(zip(corpus.title, corpus.blocks)), nlp)))


def test_taxonomy_has_the_required_topics_and_seasons():
    taxonomy = load_taxonomy()
    required = {"rug", "nek", "schouder", "elleboog", "heup", "lies", "knie", "enkel", "schaatsen",
                "hardlopen", "tuinieren", "thuiswerken", "feestdagen", "voornemens",
                "zorgverzekering", "vakantie", "valpreventie", "zwangerschap", "kinderen"}
    assert required <= set(taxonomy.ids)
    assert taxonomy["zorgverzekering"].months == (11, 12)
    assert taxonomy["schaatsen"].seasonal and not taxonomy["rug"].seasonal


def test_every_sample_post_gets_the_topics_it_is_about(corpus, tagged):
    assert set(EXPECTED) == set(corpus["slug"])  # the list covers every post
    for slug, expected in EXPECTED.items():
        result = tagged[slug]
        assert expected <= set(result["topics"]), (slug, result["topics"])
        assert result["primary"] in expected, (slug, result["primary"])


@pytest.mark.parametrize("word,topic", [
    ("liesblessure", "lies"), ("schaatsseizoen", "schaatsen"), ("rugklachten", "rug"),
    ("hardloopschoenen", "hardlopen"), ("thuiswerkplek", "thuiswerken"), ("onderrug", "rug"),
    ("knieën", "knie"), ("moestuin", "tuinieren"), ("tennisarm", "elleboog"),
    ("kinderfysiotherapeut", "kinderen"), ("bekkenbodem", "zwangerschap"), ("enkels", "enkel"),
])
def test_compounds_and_inflections_hit_their_topic(word, topic):
    assert topic in TopicTagger().word_topics(word)


@pytest.mark.parametrize("word", ["terug", "brug", "rugzak", "enkele", "enkel", "nektar",
                                  "meevallen", "kniel"])
def test_false_friends_hit_nothing(word):
    assert TopicTagger().word_topics(word) == ()


def test_enkel_as_body_part_only_in_context_and_names_are_no_evidence(nlp):
    tagger = TopicTagger()
    found = tagger.tag_messages(["Ik heb enkel een vraag over de rekening.",
                                 "Mijn enkel is dik na het voetballen.",
                                 "Ik sprak Lieselotte over een afspraak."], nlp)
    assert [f["topics"] for f in found] == [[], ["enkel"], []]


def test_messages_are_tagged_like_posts(nlp):
    messages = ["Sinds het schaatsen heb ik een liesblessure.",
                "Vergoedt mijn zorgverzekeraar fysiotherapie volgend jaar?",
                "Mijn dochter heeft groeipijn in haar knieën.",
                "Kunt u mij terugbellen?"]
    tags = TopicTagger().tag_messages(messages, nlp)
    assert [sorted(t["topics"]) for t in tags] == [["lies", "schaatsen"], ["zorgverzekering"],
                                           ["kinderen", "knie"], []]
    assert tags[0]["scores"]["lies"]["terms"] == {"liesblessure": 1}


def test_title_weighs_more_than_body(nlp):
    from analysis.sources.corpus import parse_blocks

    tagger = TopicTagger()
    [in_title] = tagger.tag_posts([("Nekpijn", parse_blocks("Een tekst zonder meer."))], nlp)
    [in_body] = tagger.tag_posts([("Een titel", parse_blocks("Ik heb nekpijn."))], nlp)
    assert in_title["scores"]["nek"]["score"] == 3 and in_body["scores"]["nek"]["score"] == 1
    assert in_title["topics"] == [] and in_body["topics"] == []  # below the post threshold


def test_discovery_finds_stable_themes_and_seeded_results_repeat(corpus, nlp):
    texts = [t + "\n" + b for t, b in zip(corpus.title, corpus.body)]
    first = discover(texts, nlp, k=10, runs=3)
    again = discover(texts, nlp, k=10, runs=3)
    themes = first["themes"]
    assert themes["top_terms"].tolist() == again["themes"]["top_terms"].tolist()
    assert themes["stable"].sum() >= 6
    flat = {term for terms in themes["top_terms"] for term in terms[:3]}
    assert {"schaatsen", "polis"} & flat  # the seasonal blog themes come out
    assert len(first["keywords"]) == len(corpus) and all(first["keywords"])


def test_topics_command_on_messages_and_posts(tmp_path, capsys):
    messages = tmp_path / "berichten.txt"
    messages.write_text("Pijn in mijn onderrug.\nIk wil overstappen naar een andere polis.\n")
    assert main(["topics", str(messages), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(r["line"], r["topics"]) for r in out] == [(1, ["rug"]), (2, ["zorgverzekering"])]
    post = ROOT / "corpus/posts/2026-01-14-liesblessure-na-het-schaatsen-wat-kunt-u-doen.md"
    assert main(["topics", str(post)]) == 0
    assert "Lies [lies]: score" in capsys.readouterr().out
