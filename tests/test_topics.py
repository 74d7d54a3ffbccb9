"""Topic taxonomy, tagger (compounds, false friends, messages) and topic discovery."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import main
from analysis.core.errors import TaxonomyError
from analysis.planning.planner import topic_gaps
from analysis.sources.corpus import load_corpus
from analysis.text.topics import TopicTagger, load_taxonomy
from analysis.text.topics.discovery import discover
from analysis.text.topics.evaluation import agreement, read_message_labels, read_post_labels

from .conftest import ROOT

LABELS = ROOT / "corpus" / "topic_labels.csv"
DATA = Path(__file__).parent / "data"


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


def test_post_topics_agree_with_the_hand_labels(corpus, tagged):
    labels = read_post_labels(LABELS)
    assert set(labels.index) == set(corpus["slug"])  # every post is labelled
    truth = [{labels.at[s, "main"], *labels.at[s, "secondary"]} for s in corpus["slug"]]
    table = agreement(truth, [set(tagged[s]["topics"]) for s in corpus["slug"]])
    total = table.loc["totaal"]
    assert total["precision"] >= 0.95 and total["recall"] >= 0.90, table.to_string()
    same_main = [tagged[s]["main"] == labels.at[s, "main"] for s in corpus["slug"]]
    assert sum(same_main) / len(same_main) >= 0.90


@pytest.mark.parametrize("table", ["messages_labelled.tsv", "messages_heldout.tsv"])
def test_message_topics_agree_with_the_hand_labels(table, nlp):
    rows = read_message_labels(DATA / table)
    assert len(rows) >= (150 if table == "messages_labelled.tsv" else 40)
    tagged = TopicTagger().tag_messages([m for _, m in rows], nlp)
    result = agreement([t for t, _ in rows], [set(r["topics"]) for r in tagged])
    total = result.loc["totaal"]
    assert total["precision"] >= 0.95 and total["recall"] >= 0.90, result.to_string()


def test_the_planner_sees_the_same_coverage_as_the_hand_labels(corpus, tagged):
    """A topic gap (patients ask, the blog covers it too little) must not rest on a tagging
    miss: the gaps from the tagger equal the gaps from the hand labels."""
    labels = read_post_labels(LABELS)
    today = pd.Timestamp("2026-11-23")
    by_labels = corpus.assign(topics=[[labels.at[s, "main"], *labels.at[s, "secondary"]] for s in corpus["slug"]])
    by_tagger = corpus.assign(topics=[tagged[s]["topics"] for s in corpus["slug"]])
    topics = load_taxonomy().ids
    contacts = pd.DataFrame({"text": "Een vraag.", "message_topics": topics, "page_topics": "",
                             "topics": topics})  # every topic asked about equally often (3,7% each)
    gaps = {name: topic_gaps(posts, contacts, topics, today)["gap"]
            for name, posts in [("labels", by_labels), ("tagger", by_tagger)]}
    assert (gaps["labels"] == gaps["tagger"]).all(), pd.DataFrame(gaps)
    assert 0 < gaps["labels"].sum() < len(topics)  # the comparison is not empty either way
    neck_post = by_tagger["slug"] == "nek-en-schouderklachten-bij-beeldschermwerk"
    assert by_tagger.loc[neck_post, "topics"].item()[0] == "nek"


@pytest.mark.parametrize("word,topic", [
    ("liesblessure", "lies"), ("schaatsseizoen", "schaatsen"), ("rugklachten", "rug"),
    ("hardloopschoenen", "hardlopen"), ("thuiswerkplek", "thuiswerken"), ("onderrug", "rug"),
    ("knieën", "knie"), ("moestuin", "tuinieren"), ("tennisarm", "elleboog"),
    ("kinderfysiotherapeut", "kinderen"), ("bekkenpijn", "zwangerschap"), ("enkels", "enkel"),
    ("heupartrose", "heup"), ("heupartrose", "artrose"), ("skivakantie", "wintersport"),
    ("spanningshoofdpijn", "hoofdpijn"), ("kuitspier", "onderbeen"), ("handrug", "hand"),
])
def test_compounds_and_inflections_hit_their_topic(word, topic):
    assert topic in TopicTagger().word_topics(word)


@pytest.mark.parametrize("word", ["terug", "brug", "rugzak", "enkele", "enkel", "nektar",
                                  "meevallen", "kniel", "verlies", "handrug", "spitten", "spits",
                                  "dierentuin", "speeltuin", "kinderlijk", "rugwind"])
def test_false_friends_hit_nothing(word):
    assert not {"rug", "lies", "tuinieren", "kinderen", "enkel", "nek", "knie", "valpreventie"} & set(
        TopicTagger().word_topics(word))


def test_enkel_as_body_part_only_in_context_and_names_are_no_evidence(nlp):
    tagger = TopicTagger()
    found = tagger.tag_messages(["Ik heb enkel een vraag over de rekening.",
                                 "Mijn enkel is dik na het voetballen.",
                                 "Ik sprak Lieselotte over een afspraak."], nlp)
    assert [f["topics"] for f in found] == [[], ["enkel", "sport"], []]


# Sentences in which a topic's word means something else: the topic must not be tagged.
FALSE_FRIENDS = [
    ("rug", "Ik kom volgende week terug voor de controle."),
    ("rug", "De brug bij het station is afgesloten."),
    ("rug", "Neem een rugzak mee met water en een trui."),
    ("rug", "De winter ligt gelukkig achter de rug."),
    ("rug", "Met rugwind fietst u zo naar huis."),
    ("rug", "In de spits is het druk op de weg."),
    ("rug", "Spitten in de moestuin gaat beter met een goede spade."),
    ("rug", "Ik heb een wondje op mijn handrug."),
    ("rug", "Na ruggespraak met mijn partner zeg ik de afspraak af."),
    ("rug", "Ze keerde de sport de rug toe."),
    ("lies", "Het verlies van kracht na een operatie is normaal."),
    ("lies", "Ik verlies snel mijn evenwicht niet, gelukkig."),
    ("nek", "Het was nek-aan-nek tot de laatste meter."),
    ("nek", "Ik wil mijn nek niet uitsteken voor een nieuwe methode."),
    ("schouder", "Mijn collega gaf me een schouderklopje."),
    ("schouder", "We staan schouder aan schouder met de huisartsen."),
    ("enkel", "Ik heb enkel een vraag over mijn factuur."),
    ("enkel", "Een enkele keer voel ik wat stijfheid."),
    ("enkel", "Enkele patiënten vroegen naar de openingstijden."),
    ("knie", "Kniel bij het planten op een zacht kussen."),
    ("knie", "Gebruik een knielbankje in de tuin."),
    ("tuinieren", "Met de kinderen naar de dierentuin is een goed idee."),
    ("tuinieren", "Plan een pauze bij een speeltuin langs de route."),
    ("tuinieren", "Hij droeg een tuinbroek op het feest."),
    ("kinderen", "De oefening is kinderlijk eenvoudig."),
    ("kinderen", "Dat is voor een ervaren loper een kinderspel."),
    ("zwangerschap", "Ik heb pijn in mijn bekken na een val van de fiets."),
    ("valpreventie", "Mijn voornemen is om af te vallen."),
    ("valpreventie", "Zorg voor een goed evenwicht tussen werk en rust."),
    ("valpreventie", "Valt fysiotherapie onder het eigen risico?"),
    ("valpreventie", "In de meeste gevallen herstelt een verstuiking vanzelf."),
    ("valpreventie", "Die behandelingen vallen onder de aanvullende verzekering."),
    ("valpreventie", "Laten we de balans opmaken na zes behandelingen."),
    ("feestdagen", "Is de praktijk open tussen kerst en oud en nieuw?"),
    ("feestdagen", "Wat zijn de openingstijden rond de feestdagen?"),
    ("vakantie", "Is de praktijk in de zomervakantie gewoon open?"),
    ("vakantie", "Krijg ik een reiskostenvergoeding van mijn werkgever?"),
    ("zorgverzekering", "De reiskostenvergoeding van mijn werk is verhoogd."),
    ("hand", "De vinger aan de pols houden is belangrijk bij het opbouwen."),
    ("hand", "Wat is er aan de hand met uw knie?"),
    ("hand", "Ik heb een vraag over de handtekening op het formulier."),
    ("hand", "We duimen voor een snel herstel."),
    ("sport", "Hij heeft last van een tennisarm."),
    ("ouderen", "De oudere term voor deze aandoening is epicondylitis."),
    ("hoofdpijn", "Het hoofd van de afdeling belt u terug."),
]


def test_false_friend_sentences_do_not_tag_their_topic(nlp):
    assert len(FALSE_FRIENDS) >= 40
    tagged = TopicTagger().tag_messages([text for _, text in FALSE_FRIENDS], nlp)
    wrong = [(topic, text) for (topic, text), t in zip(FALSE_FRIENDS, tagged) if topic in t["topics"]]
    assert wrong == []


# Elided compounds: the topics the written-out words would give.
ELIDED = [
    ("Nek- en schouderklachten bij beeldschermwerk", {"nek", "schouder", "thuiswerken"}),
    ("Knie- en enkelblessures bij voetballers", {"knie", "enkel", "sport"}),
    ("Rug- en nekpijn na een lange dag", {"rug", "nek"}),
    ("Heup- of knieartrose, wat nu?", {"heup", "knie", "artrose"}),
    ("Rug-, nek- en schouderpijn", {"rug", "nek", "schouder"}),
    ("Nek/schouderklachten door de laptop", {"nek", "schouder"}),
    ("Knie/heupklachten bij het traplopen", {"knie", "heup"}),
    ("Lies- en buikpijn na het schaatsen", {"lies", "schaatsen"}),
    ("Hand- en polsklachten door muiswerk", {"hand"}),
    ("Enkel- en voetklachten bij hardlopers", {"enkel", "hardlopen"}),
    ("Klachten van rugpijn en -stijfheid in de ochtend", {"rug"}),
    ("Nek- en schoudermusculatuur ontspannen", {"nek", "schouder"}),
    ("Schouder- en elleboogklachten bij tennissers", {"schouder", "elleboog", "sport"}),
    ("In- en uitladen van de auto", set()),
    ("Aan- en afkoppelen van de caravan", set()),
]


@pytest.mark.parametrize("text,topics", ELIDED)
def test_elided_compounds_count_as_written_out(text, topics, nlp):
    [tags] = TopicTagger().tag_messages([text], nlp)
    assert set(tags["topics"]) == topics


def test_a_ski_article_is_about_winter_sport_not_fall_prevention(nlp):
    from analysis.sources.corpus import parse_blocks

    body = parse_blocks(
        "Skiën is heerlijk, maar een val op de piste is snel gebeurd. Veel skiërs hebben na een "
        "valpartij last van hun knie of schouder. Bereid u daarom goed voor op uw wintersport.\n\n"
        "## Train vooraf\n\nBegin zes weken voor uw skivakantie met oefeningen voor uw benen en uw "
        "evenwicht. Sterke bovenbenen beschermen uw knieën bij het skiën.\n\n"
        "## Op de piste\n\nWarm elke ochtend op en stop als u moe wordt: de meeste ski-ongelukken "
        "gebeuren aan het eind van de dag. Een val hoort erbij, maar rust op tijd.")
    [tags] = TopicTagger().tag_posts([("Blessurevrij op wintersport", body)], nlp)
    assert tags["main"] == "wintersport"
    assert "valpreventie" not in tags["topics"]


def test_a_page_on_sports_injuries_is_about_sport_too_and_an_aside_is_not(nlp):
    """Running-injury pages name the sport's own words (hardloopblessures), not the general sport
    topic's: two injury words or more in a running text make it a sports-injury text; one is an aside."""
    from analysis.sources.corpus import parse_blocks

    injuries = parse_blocks(
        "Hardlopen is gezond, maar veel hardlopers krijgen blessures. De meeste hardloopblessures "
        "komen door te snel opbouwen.\n\n## Zo voorkomt u een blessure\n\nLoop rustig, bouw elke week "
        "een beetje op en neem rustdagen. Een goede looptraining begint met een warming-up.")
    [tags] = TopicTagger().tag_posts([("Hardlopen zonder pijn", injuries)], nlp)
    assert tags["main"] == "hardlopen" and "sport" in tags["secondary"]
    assert tags["scores"]["sport"]["terms"] == {"blessures": 1, "hardloopblessures": 1, "blessure": 1}
    assert tags["scores"]["sport"]["score"] == 0  # evidence without weight: never the main topic
    aside = parse_blocks(
        "Hardlopen is gezond. Begin met een rustig loopschema en loop twee keer per week een half uur."
        "\n\nEen blessure komt weinig voor als u rustig opbouwt. Neem elke week een rustdag.")
    [calm] = TopicTagger().tag_posts([("Beginnen met hardlopen", aside)], nlp)
    assert calm["topics"] == ["hardlopen"]


def test_a_practice_adds_its_own_topic(tmp_path, monkeypatch, nlp):
    from analysis.core import paths

    own = tmp_path / "topics.yaml"
    own.write_text("topics:\n  - id: bekkenbodem\n    label: Bekkenbodem\n    group: klacht\n"
                   "    terms: [bekkenbodem, incontinentie]\n  - id: nek\n    label: Nek en kaak\n"
                   "    group: lichaamsdeel\n    terms: [nek, kaak, kaakklachten]\n", encoding="utf-8")
    monkeypatch.setattr(paths, "LOCAL_TOPICS", own)
    load_taxonomy.cache_clear()
    try:
        taxonomy = load_taxonomy()
        assert taxonomy.ids.count("nek") == 1 and taxonomy["nek"].label == "Nek en kaak"
        assert "bekkenbodem" in taxonomy.ids and "rug" in taxonomy.ids
        [tags] = TopicTagger(taxonomy).tag_messages(["Last van mijn kaak en incontinentie."], nlp)
        assert set(tags["topics"]) == {"nek", "bekkenbodem"}
        own.write_text("topics: [{id: x}]\n", encoding="utf-8")
        load_taxonomy.cache_clear()
        with pytest.raises(TaxonomyError, match="mist"):
            load_taxonomy()
    finally:
        load_taxonomy.cache_clear()


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
    assert in_title["main"] == "nek"  # the title says what the post is about
    assert in_body["topics"] == []  # one word in the text is an aside


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
