"""Dutch readability: formulas, syllables, passives, word difficulty, B1 verdict, checker."""
from __future__ import annotations

import json
import re

import pytest

from analysis.cli import main
from analysis.core.lexicons import read_table
from analysis.sources.corpus import parse_blocks
from analysis.text.b1_calibration import calibration_texts
from analysis.text.draft_check import check_blocks
from analysis.text.nlp import tokens
from analysis.text.readability import analyze_blocks, count_syllables
from analysis.text.readability.formulas import brouwer, douma_band, flesch_douma
from analysis.text.readability.passive import find_passive
from analysis.text.wordfreq_nl import is_rare

from .conftest import ROOT

DATA = ROOT / "tests" / "data"

WORDS = [line.split("\t") for line in (ROOT / "tests/data/syllables_nl.tsv").read_text().splitlines()
         if line and not line.startswith("#")]


def test_formulas_on_hand_computed_values():
    assert flesch_douma(10, 1.5) == pytest.approx(206.835 - 9.3 - 115.5)
    assert brouwer(10, 1.5) == pytest.approx(195 - 20 - 100.005)
    assert flesch_douma(60, 2.5) == 0 and brouwer(2, 0.5) == 100  # clamped
    assert douma_band(65) == "normaal" and douma_band(25) == "zeer moeilijk"


def test_document_figures_match_a_hand_computed_text(nlp):
    # 7 words and 1+6+3+1+3+1+2 = 17 syllables per sentence, 15 sentences
    text = " ".join(["De fysiotherapeut behandelt een patiënt met rugpijn."] * 15)
    f = analyze_blocks(parse_blocks(text), nlp)
    assert (f["words"], f["sentence_count"], f["syllables"]) == (105, 15, 255)
    assert f["words_per_sentence"] == 7
    assert f["flesch_douma"] == pytest.approx(206.835 - 0.93 * 7 - 77 * 17 / 7, abs=0.05)
    assert f["brouwer"] == pytest.approx(195 - 2 * 7 - 66.67 * 17 / 7, abs=0.05)


def test_formulas_need_a_minimum_length(nlp):
    f = analyze_blocks(parse_blocks("Loop elke dag een half uur. Dat helpt."), nlp)
    assert f["flesch_douma"] is None and f["brouwer"] is None
    assert any("te kort" in r for r in f["reasons"])


def test_syllable_counter_on_hand_checked_words():
    """Measured on the test words that are not in the exception list, so the figure is not
    made by the list (the README reports this figure)."""
    exceptions = {row[0].lower() for row in read_table("syllable_exceptions.tsv")}
    held_out = [(w, int(n)) for w, n in WORDS if w.lower() not in exceptions]
    assert len(held_out) >= 150
    wrong = [(w, n, count_syllables(w)) for w, n in held_out if count_syllables(w) != n]
    assert 1 - len(wrong) / len(held_out) >= 0.97, wrong


@pytest.mark.parametrize("word,n", [("apotheker", 4), ("radio", 3), ("knieën", 2), ("reëel", 2),
                                    ("zorgwebsite", 3), ("e-mail", 2), ("2026", 1), ("", 0)])
def test_syllables_of_hard_cases(word, n):
    assert count_syllables(word) == n


def _passive(nlp, sentence):
    return find_passive([t.text.lower() for t in nlp(sentence)])


def _table(name: str) -> list[str]:
    return [line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


PASSIVE = [line.split("\t") for line in _table("passive_sentences.tsv")]
SEGMENTS = _table("segmentation.tsv")


def test_the_test_tables_are_big_enough():
    assert len(PASSIVE) >= 60 and len(SEGMENTS) >= 60
    kinds = {expected == "-" for expected, _ in PASSIVE}
    assert kinds == {True, False}


@pytest.mark.parametrize("expected,sentence", PASSIVE, ids=[s[:40] for _, s in PASSIVE])
def test_passive_voice_table(nlp, expected, sentence):
    [toks] = tokens(nlp, [sentence])
    found = find_passive([w.lower() for w in toks.words])
    assert (" ".join(found) if found else "-") == expected


@pytest.mark.parametrize("line", SEGMENTS, ids=[s[:40] for s in SEGMENTS])
def test_sentence_segmentation_of_web_text(nlp, line):
    expected = [part.strip() for part in re.split(r" ?\|\| ?", line)]
    [toks] = tokens(nlp, [line.replace(" || ", " ").replace("||", "")])
    found = [toks.text(a, b) for a, b in toks.sentences()]
    assert [f.replace(" ", "") for f in found] == [e.replace(" ", "") for e in expected]


def test_list_items_bullets_and_link_labels_are_fragments_not_sentences(nlp):
    blocks = parse_blocks(
        "Met deze tips blijft u fit tijdens de feestdagen en daarna ook.\n\n"
        "- Warm op\n- Rek uw spieren\n- Drink genoeg water\n\n"
        "✅ Loop elke dag ✅ Neem de trap ✅ Sta vaker op\n\n"
        "Bronnen: PubMed\n\nPMC\n\n"
        "- Maak na het eten een wandeling van een kwartier met de hele familie.")
    result = analyze_blocks(blocks, nlp)
    assert result["sentence_count"] == 2  # the opening sentence and the full-sentence list item
    assert result["fragments"] == 8
    assert result["words_per_sentence"] == pytest.approx((12 + 13) / 2)
    assert result["words"] == sum(s["words"] for s in result["sentences"])  # fragments keep their words


def test_common_compounds_are_not_rare_but_jargon_is():
    for word in ["liesblessure", "thuiswerkplek", "hardloopschoenen", "schaatsseizoen", "kniebeschermers"]:
        assert not is_rare(word), word
    assert is_rare("musculatuur")
    # compounds of known parts that are still jargon come from the jargon lexicon
    from analysis.text.readability.analyze import jargon_alternative

    assert jargon_alternative("inversietrauma") and jargon_alternative("immobilisatie")
    assert not is_rare("buig", "buigen")  # an imperative is as common as its verb


SIMPLE = """Heeft u uw enkel verzwikt? Dat gebeurt snel. U stapt mis en uw voet klapt naar binnen.
Uw enkel wordt dik en doet pijn. Koel de enkel kort met koud water. Leg uw been hoog.
Blijf wel rustig lopen, als de pijn dat toelaat. Zo herstelt uw enkel sneller.
Kunt u niet op uw been staan? Ga dan naar de huisarts. Misschien is er iets gebroken.
Na een paar dagen begint u met oefeningen. Draai rondjes met uw voet. Sta op één been.
Zo wordt uw enkel weer sterk. Het herstel duurt ongeveer zes weken. Draag bij het sporten
een tijd lang tape of een brace. Dan gaat u minder snel opnieuw door uw enkel. Twijfelt u?
Bel ons gerust. Wij helpen u graag om weer veilig te bewegen."""

JARGON = """Bij een inversietrauma van de enkel wordt door een plotselinge supinatie van de voet het
laterale bandapparaat overrekt of geruptureerd, hetgeen gepaard gaat met zwelling en pijn.
Op basis van de anamnese en het lichamelijk onderzoek wordt beoordeeld of aanvullende
diagnostiek geïndiceerd is ter uitsluiting van een fractuur. In de acute fase wordt
functionele behandeling geadviseerd in plaats van immobilisatie, aangezien vroege belasting
binnen de pijngrens tot een sneller herstel van de belastbaarheid leidt. Vervolgens wordt
een progressief oefenprogramma uitgevoerd, gericht op mobiliteit, kracht en proprioceptie,
waarbij het gebruik van een brace of tape gedurende zes tot twaalf maanden wordt aanbevolen,
omdat hiermee de kans op een recidief aantoonbaar wordt gereduceerd."""


def test_b1_verdict_on_the_same_message_simple_and_with_jargon(nlp):
    simple = analyze_blocks(parse_blocks(SIMPLE), nlp)
    hard = analyze_blocks(parse_blocks(JARGON), nlp)
    assert simple["b1"] and not hard["b1"]
    assert any("zinnen te lang" in r for r in hard["reasons"])
    assert any(r.startswith(f"{len(hard['jargon'])} vaktermen") for r in hard["reasons"])
    assert hard["passive_share"] > 0.5 and simple["passive_share"] <= 0.1
    jargon = dict(hard["jargon"])
    assert jargon["immobilisatie"].startswith("stilhouden")
    assert jargon["inversietrauma"] == "verzwikte enkel"


def test_sentence_flags_name_what_to_fix(nlp):
    f = analyze_blocks(parse_blocks(JARGON), nlp)
    first = f["sentences"][0]
    assert first["words"] > 20
    assert any(flag.startswith("lange zin") for flag in first["flags"])
    assert any("inversietrauma → verzwikte enkel" in flag for flag in first["flags"])

@pytest.mark.parametrize("pair", ["01", "02", "03", "07", "12"])
def test_every_failed_criterion_points_to_what_the_writer_can_change(nlp, pair):
    """The reasons of a hard text name sentences or words of the text, never only a figure."""
    _, _, title, body = next(p for p in PAIRS if p[:2] == (pair, "hard"))
    text = " ".join(body.split()).lower()
    result = check_blocks(title, parse_blocks(body), nlp)
    assert not result["b1"]
    for reason in result["reasons"]:
        if "zinnen langer dan 20" in reason and result["words_per_sentence"] > 15:
            continue  # the reason on the mean length names the longest sentences
        named = re.split(r"\)(?:: |; [a-z ]+: )", reason, maxsplit=1)[-1]
        items = [item.strip("‘’ …") for item in re.sub(r" \([^)]*\)", "", named).split(", ")]
        assert named != reason and all(item and item.lower() in text for item in items), reason
    sentences = next(r for r in result["reasons"] if r.startswith("zinnen te lang"))
    assert f"({max(s['words'] for s in result['sentences'])} woorden)" in sentences


def test_same_start_runs_and_reader_address(nlp):
    text = "U loopt. U fietst. U zwemt. Je rust daarna. Uw rug is blij."
    f = analyze_blocks(parse_blocks(text), nlp)
    assert f["same_start_runs"] == 1
    assert [s["same_start_run"] for s in f["sentences"]] == [True, True, True, False, False]
    assert f["address_formal_per_100"] == pytest.approx(100 * 4 / 13, abs=0.01)
    assert f["address_informal_per_100"] == pytest.approx(100 * 1 / 13, abs=0.01)


def test_headings_are_kept_out_of_sentence_statistics(nlp):
    blocks = parse_blocks("## Een heel lang kopje met veel woorden erin\n\nKorte zin.")
    f = analyze_blocks(blocks, nlp)
    assert f["sentence_count"] == 1 and f["words"] == 2


def test_checker_json_on_a_draft(tmp_path, capsys):
    draft = tmp_path / "concept.md"
    draft.write_text("# Enkel verzwikt\n\n" + SIMPLE)
    assert main(["readability", str(draft), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ["words", "sentences", "words_per_sentence", "syllables_per_word", "flesch_douma",
                "brouwer", "mean_zipf", "rare_word_share", "long_sentence_share", "passive_share",
                "transition_share", "b1", "reasons"]:
        assert key in out
    assert out["title"] == "Enkel verzwikt" and out["b1"] is True
    assert {"text", "words", "flags"} <= set(out["sentences"][0])


@pytest.mark.parametrize("content,message", [("", "leeg bestand"),
                                             ("# Titel\n\n## Tussenkop\n", "alleen kopjes")])
def test_checker_explains_files_it_cannot_judge(tmp_path, capsys, content, message):
    draft = tmp_path / "concept.txt"
    draft.write_text(content)
    assert main(["readability", str(draft)]) == 1
    assert message in capsys.readouterr().out


def test_checker_on_a_folder_prints_every_file(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(SIMPLE)
    (tmp_path / "b.md").write_text(JARGON)
    assert main(["readability", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Oordeel: B1 of eenvoudiger" in out and "Oordeel: moeilijker dan B1" in out


PAIRS = calibration_texts()


def test_the_calibration_pairs_are_complete():
    assert len(PAIRS) == 40
    assert {(p, k) for p, k, _, _ in PAIRS} == {(f"{i:02d}", k) for i in range(1, 21) for k in ("b1", "hard")}


@pytest.mark.parametrize("pair,kind,title,body", PAIRS, ids=[f"{p}-{k}" for p, k, _, _ in PAIRS])
def test_the_verdict_separates_plain_from_hard_versions_of_the_same_text(nlp, pair, kind, title, body):
    result = check_blocks(title, parse_blocks(body), nlp)
    assert 150 <= result["words"] <= 400
    assert result["b1"] == (kind == "b1"), result["reasons"]


def test_a_plain_sport_text_passes_and_its_sport_words_are_not_called_rare(nlp):
    _, _, title, body = next(p for p in PAIRS if p[:2] == ("01", "b1"))
    result = check_blocks(title, parse_blocks(body), nlp)
    assert result["b1"]
    assert not {"borstcrawl", "schoolslag"} & {w.lower() for w in result["rare_words"]}
    alone = analyze_blocks(parse_blocks(body), nlp)  # without its topics
    assert {"borstcrawl"} <= {w.lower() for w in alone["rare_words"]}


def test_a_formal_text_fails_with_the_formal_words_named(nlp):
    body = ("Indien u meer wilt bewegen, begin dan klein. Eveneens is een vast moment handig. "
            "U dient te worden begeleid als u pijn heeft. Dat doen wij middels een oefenplan. "
            "Tevens krijgt u uitleg. Wij helpen u teneinde fit te blijven. " * 3)
    result = check_blocks("Meer bewegen", parse_blocks(body), nlp)
    assert not result["b1"]
    [reason] = [r for r in result["reasons"] if r.startswith("te formeel")]
    for word, plain in [("indien", "als"), ("eveneens", "ook"), ("dient te worden", "moet"),
                        ("middels", "met, door"), ("tevens", "ook"), ("teneinde", "om")]:
        assert f"{word} (→ {plain})" in reason


def test_formal_words_are_found_in_every_form_of_their_lemma(nlp):
    body = ("De therapeut verricht eerst een onderzoek. Daarna neemt u maatregelen tegen de pijn. "
            "U krijgt specifieke oefeningen voor thuis.")
    result = analyze_blocks(parse_blocks(body), nlp)
    formal = [pair for s in result["sentences"] for pair in s["formal"]]
    assert formal == [["verricht", "doen"], ["maatregelen", "stap, wat u kunt doen"],
                      ["specifieke", "bepaald, precies"]]


def test_a_compound_that_ends_in_a_medical_term_is_that_term():
    from analysis.text.readability.analyze import jargon_alternative

    assert jargon_alternative("achillespeestendinopathie") == jargon_alternative("tendinopathie") == "peesklacht"
    assert jargon_alternative("schouderluxatie") == jargon_alternative("luxatie")
    assert jargon_alternative("knieschijf") is None and jargon_alternative("nekhernia") is None


def test_a_word_is_formal_or_medical_jargon_never_both():
    """One word, one mark and one alternative on the draft page (not 'adequaat' twice)."""
    from analysis.core.lexicons import read_table
    from analysis.text.readability.analyze import jargon_alternative

    assert [term for term, _ in read_table("register.tsv") if " " not in term and jargon_alternative(term)] == []


def test_the_insurers_own_terms_are_not_formal(nlp):
    result = analyze_blocks(parse_blocks("Heeft u een chronische aandoening? Kijk dan naar uw aanvullende "
                                         "verzekering."), nlp)
    assert not {t for t, _ in result["formal"]} & {"aandoening", "aanvullende"}


def test_abbreviations_and_names_in_other_scripts_are_not_hard_words(nlp):
    body = "Ольга en 李明 lazen het artikel van NHG en KNGF. Zij vonden de mediale knieband lastig."
    sentence = analyze_blocks(parse_blocks(body), nlp)["sentences"][0]
    assert sentence["rare_words"] == [] and sentence["hard_words"] == []


def test_a_plain_insurance_text_is_not_failed_on_douma_alone(nlp):
    _, _, title, body = next(p for p in PAIRS if p[:2] == ("03", "b1"))
    result = check_blocks(title, parse_blocks(body), nlp)
    assert result["flesch_douma"] < 60 <= result["flesch_douma_without_fixed"]
    assert result["b1"] and any("horen" in r for r in result["reasons"])


@pytest.mark.parametrize("word", ["pees", "stijfheid", "fitheid", "gladheid", "verzwikken", "spierpijn",
                                  "kuitspier", "knieschijf", "warming-up", "overbelasting"])
def test_everyday_patient_words_are_not_rare(word):
    assert not is_rare(word)


@pytest.mark.parametrize("word", ["adductoren", "proprioceptie", "ligament", "musculatuur", "tendinopathie",
                                  "epicondyl", "supinatie", "heupbuigers"])
def test_jargon_words_are_rare_or_in_the_jargon_lexicon(word):
    from analysis.text.readability.analyze import jargon_alternative

    assert is_rare(word) or jargon_alternative(word)


@pytest.mark.parametrize("text,transition", [
    ("Dan gaat het beter.", True), ("En daarna rust u.", True), ("Anders wordt het erger.", True),
    ("Na afloop drinkt u water.", True), ("Het is groter dan gedacht.", False),
    ("Uw rug en nek doen pijn.", False),
])
def test_transitions_at_the_start_of_a_sentence(nlp, text, transition):
    [sentence] = analyze_blocks(parse_blocks(text), nlp)["sentences"]
    assert sentence["transition"] == transition


def test_a_word_stressed_with_accents_is_the_word_itself_not_a_rare_one():
    for word in ("Oók", "óók", "wél", "dát", "níet"):
        assert not is_rare(word), word
    assert is_rare("proprioceptie")  # jargon stays jargon


@pytest.mark.parametrize("word,reason", [
    ("coördinatie", "leenwoord"), ("variëren", "leenwoord"), ("ergonomisch", "leenwoord"),
    ("conventionele", "leenwoord"), ("temporiseren", "leenwoord"), ("lenigheid", "abstract woord"),
    ("bewegingsbeperkingen", "lang woord"), ("voorlichtingsprogramma", "lang woord"),
])
def test_words_that_are_not_rare_but_hard_for_a_b1_reader(word, reason):
    from analysis.text.wordfreq_nl import hard_reason

    assert hard_reason(word, "", count_syllables(word)) == reason


@pytest.mark.parametrize("word", ["informatie", "situatie", "normaal", "activiteit", "proberen", "leveren",
                                  "spieren", "minderen", "stijfheid", "ochtendstijfheid", "sportfysiotherapeut",
                                  "volleybalspelers", "bovenrugspieren", "conditie", "adviseren"])
def test_everyday_loans_native_verbs_and_concrete_compounds_are_not_hard(word):
    from analysis.text.wordfreq_nl import hard_reason

    assert hard_reason(word, "", count_syllables(word)) is None


def test_hard_words_are_named_in_the_sentence_and_marked_on_the_draft_page(nlp):
    from analysis.reporting.draft_view import _sentence_html

    text = "De training verbetert de coördinatie en de lenigheid van uw benen."
    [sentence] = analyze_blocks(parse_blocks(text), nlp)["sentences"]
    assert sentence["hard_words"] == [["coördinatie", "leenwoord"], ["lenigheid", "abstract woord"]]
    assert "moeilijke woorden: coördinatie, lenigheid" in sentence["flags"]
    page = _sentence_html(sentence)
    assert "<mark class='hard' title='leenwoord" in page and "<mark class='hard' title='abstract woord" in page


def test_plain_alternatives_follow_the_texts_own_form_of_address(nlp):
    je = check_blocks("Rug", parse_blocks("Je belastbaarheid groeit als je elke dag een stukje loopt. "
                                          "Dien je eerst de huisarts te bellen? Nee, je kunt zo bij ons terecht."), nlp)
    u = check_blocks("Rug", parse_blocks("Uw belastbaarheid groeit als u elke dag een stukje loopt. "
                                         "Dient u eerst de huisarts te bellen? Nee, u kunt zo bij ons terecht."), nlp)
    assert ["belastbaarheid", "wat je aankunt"] in je["jargon"] and ["belastbaarheid", "wat u aankunt"] in u["jargon"]
    assert ["dien je", "moet je"] in je["formal"] and ["dient u", "moet u"] in u["formal"]
    assert je["sentences"][0]["jargon"] == [["belastbaarheid", "wat je aankunt"]]
