"""The draft checker's page: drafts from pasted text and Word files, highlights, and the
planner's advice on the draft's topics (the browser test is test_conceptcheck_app.py)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.core.errors import DraftError
from analysis.planning.plan import Plan
from analysis.planning.topic_advice import topic_advice
from analysis.reporting.draft_view import draft_html
from analysis.sources.drafts import draft_from_text, draft_from_upload, load_draft
from analysis.text.draft_check import check_blocks, render

from .conftest import ROOT

DOCX = ROOT / "tests" / "fixtures" / "drafts" / "concept-schaatsen.docx"


def test_a_word_draft_keeps_its_title_headings_and_lists():
    title, blocks = load_draft(DOCX)
    assert title == "Goed voorbereid het ijs op"
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph", "item", "item", "heading",
                                        "paragraph"]
    with pytest.raises(DraftError, match="geen leesbaar Word-bestand"):
        draft_from_upload("kapot.docx", b"geen zip")
    with pytest.raises(DraftError, match="kies een .docx"):
        draft_from_upload("concept.pdf", b"%PDF")


def test_pasted_text_takes_its_first_line_as_title():
    title, blocks = draft_from_text("Rugpijn na het tillen\n\nHeeft u iets zwaars getild? Dat komt vaak voor.")
    assert title == "Rugpijn na het tillen" and blocks[0].text.startswith("Heeft u")
    title, _ = draft_from_text("Heeft u iets zwaars getild en doet uw rug nu pijn, wat veel mensen kennen.\n\nMeer.")
    assert title == "(zonder titel)"
    with pytest.raises(DraftError):
        draft_from_text("   ")


def test_the_page_marks_problems_with_plain_alternatives_and_escapes_markup(nlp):
    title, blocks = draft_from_text(
        "Lies <b>pijn</b>\n\nIndien de adductoren overbelast zijn, wordt rust geadviseerd. "
        "<img src=x onerror=alert(1)>")
    result = check_blocks(title, blocks, nlp)
    page = draft_html(title, blocks, result)
    assert "<img" not in page and "&lt;" in page and "alert(1)&gt;" in page  # shown as text
    assert "<b>pijn</b>" not in page and "Lies &lt;b&gt;pijn&lt;/b&gt;" in page
    assert "<mark class='jargon' title='vakterm; eenvoudiger: liesspieren'>adductoren</mark>" in page
    assert "<mark class='formal' title='formeel; eenvoudiger: als'>Indien</mark>" in page
    assert "class='passive' title='lijdende vorm: wordt geadviseerd'" in page


def _plan() -> Plan:
    effects = pd.DataFrame({"lift": [1.9], "ci_low": [1.5], "ci_high": [2.3], "effect": [True], "window": [4],
                            "season_overlap": [0.05], "note": [""], "seasonal": [True], "publish_week": [50],
                            "peak_month": [1], "lead_weeks": [6]}, index=["lies"])
    readability = pd.DataFrame({"b1": [True, False]}, index=["a", "b"])
    return Plan(today=pd.Timestamp("2026-11-25"), quiet_month=7, effects=effects, readability=readability,
                gaps=pd.DataFrame(), calendar=pd.DataFrame(columns=["topic"]), rewrites=pd.DataFrame())


def test_the_planner_advice_on_the_draft_topics():
    posts = pd.DataFrame({"id": ["a", "b"], "title": ["Liesblessure na het schaatsen", "Schaatsen"],
                          "date": pd.to_datetime(["2026-01-14", "2024-01-17"]), "main": ["lies", "schaatsen"],
                          "topics": [["lies", "schaatsen"], ["schaatsen", "lies"]]})
    [lies, rug] = topic_advice(_plan(), posts, {"lies": "Lies", "rug": "Rug"}, ["lies", "rug"])
    assert lies["when"].startswith("publiceren vanaf 7 december 2026") and "januari" in lies["when"]
    assert lies["last_post"] == "laatste bericht: 'Liesblessure na het schaatsen' (14 januari 2026, op B1)"
    assert lies["contacts"].startswith("aangetoond: ×1,9") and "eerste 4 weken" in lies["contacts"]
    assert rug["last_post"] == "de blog heeft nog geen bericht over dit onderwerp"
    assert rug["contacts"] == "geen contactgegevens over dit onderwerp"


def test_the_page_is_usable_before_the_planner_is_ready(nlp):
    """The checker works at once; the planner's advice follows when it is made (in the background)."""
    import threading
    import time

    from analysis.planning.topic_advice import NO_PLAN, PENDING
    from analysis.reporting.draft_app import draft_checker

    ready = threading.Event()

    def slow_plan(pipeline):
        assert pipeline is nlp
        ready.wait(10)
        return None, None

    page = draft_checker(lambda: nlp, {"knie": "Knie"}, slow_plan)
    text, result = page.children[1], page.children[-1]
    text.value = "Knie bij het fietsen\n\nMijn knie doet pijn bij het fietsen. Wat kan ik doen?"

    def shown(words: str) -> bool:
        deadline = time.time() + 10
        while time.time() < deadline and words not in result.value:
            time.sleep(0.05)
        return words in result.value

    assert shown("Oordeel") and shown(PENDING)
    ready.set()
    assert shown(NO_PLAN)  # checked again with what the planner gave (here: nothing)


def test_a_draft_pasted_before_the_pipeline_is_loaded_is_checked_when_it_is(nlp):
    """The page is drawn before the language pipeline loads; a draft pasted meanwhile waits, says
    so, and gets its verdict once the pipeline is there."""
    import threading
    import time

    from analysis.reporting.draft_app import draft_checker

    ready = threading.Event()

    def slow_pipeline():
        ready.wait(10)
        return nlp

    page = draft_checker(slow_pipeline, {"knie": "Knie"})
    text, status, result = page.children[1], page.children[-2], page.children[-1]
    text.value = "Knie bij het fietsen\n\nMijn knie doet pijn bij het fietsen. Wat kan ik doen?"
    deadline = time.time() + 10
    while time.time() < deadline and "geladen" not in status.value:
        time.sleep(0.05)
    assert "taalmodellen worden geladen" in status.value and "Oordeel" not in result.value
    ready.set()
    while time.time() < deadline + 10 and "Oordeel" not in result.value:
        time.sleep(0.05)
    assert "Oordeel" in result.value and "Gecontroleerd" in status.value


def test_pasted_web_text_is_read_by_its_shape_and_markdown_as_markdown():
    text = (Path(__file__).parent / "fixtures" / "drafts" / "webtekst-tuinieren.txt").read_text(encoding="utf-8")
    title, blocks = draft_from_text(text)
    assert title == "Rugpijn na het tuinieren"
    assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph", "heading", "item", "item", "item",
                                        "heading", "paragraph", "heading", "paragraph"]
    _, markdown = draft_from_text("Titel\n\n## Kopje\n\nEen zin\ndie doorloopt.\n\n- een\n- twee")
    assert [(b.kind, b.text) for b in markdown] == [("heading", "Kopje"), ("paragraph", "Een zin die doorloopt."),
                                                    ("item", "een"), ("item", "twee")]


def test_a_numbered_heading_on_its_own_line_above_its_paragraph_is_a_heading():
    text = ("Veilig op het ijs\n\n1. Goede schaatsen\n\nZorg dat de ijzers geslepen zijn en dat de schoen goed "
            "om je enkel sluit.\n\nNeem mee:\n\n1. Een telefoon\n2. Een fluitje\n\n3. Droge sokken\n\n"
            "Schaats nooit alleen op natuurijs en vertel thuis altijd waar je gaat schaatsen.")
    assert [b.kind for b in draft_from_text(text)[1]] == ["heading", "paragraph", "paragraph", "item", "item",
                                                          "item", "paragraph"]


def test_pasted_web_text_without_blank_lines_keeps_headings_between_prose_and_bullets():
    text = ("Terug in beweging na een knieoperatie\nNa een operatie aan uw knie wilt u snel weer lopen. Wij "
            "bespreken samen welke oefeningen daarbij helpen.\nWat u zelf kunt doen\n• Doe elke dag uw oefeningen\n"
            "• Koel de knie als hij dik wordt\nWanneer bellen?\nWordt de pijn erger of krijgt u koorts? Neem dan "
            "contact met ons op.\n")
    title, blocks = draft_from_text(text)
    assert title == "Terug in beweging na een knieoperatie"
    assert [(b.kind, b.text) for b in blocks if b.kind != "paragraph"] == [
        ("heading", "Wat u zelf kunt doen"), ("item", "Doe elke dag uw oefeningen"),
        ("item", "Koel de knie als hij dik wordt"), ("heading", "Wanneer bellen?")]


WRAPPED = ("Rugpijn na het tuinieren\n\nWie een dag in de tuin heeft gewerkt, voelt de volgende ochtend\n"
           "vaak zijn rug. Dat is meestal onschuldig en gaat binnen een paar dagen\nvanzelf over.\n\n"
           "Wat helpt\n\nBlijf in beweging en wissel zwaar werk af met licht\nwerk. Til met gebogen knieën.\n")


def test_a_txt_file_saved_from_a_web_page_keeps_its_headings_and_a_wrapped_one_its_paragraphs(tmp_path):
    web = tmp_path / "van-de-site.txt"
    web.write_text("Rugpijn na het tuinieren\nWat helpt\nBlijf in beweging en wissel zwaar werk af met licht werk, "
                   "dan herstelt uw rug het snelst.\n• Til met gebogen knieën\n• Neem elk uur pauze\n",
                   encoding="utf-8")
    title, blocks = load_draft(web)
    assert title == "Rugpijn na het tuinieren"
    assert [b.kind for b in blocks] == ["heading", "paragraph", "item", "item"]
    wrapped = tmp_path / "concept.txt"
    wrapped.write_text(WRAPPED, encoding="utf-8")
    for title, blocks in (load_draft(wrapped), draft_from_upload("concept.txt", WRAPPED.encode()),
                          draft_from_text(WRAPPED)):  # a file, an upload and pasted text alike
        assert title == "Rugpijn na het tuinieren"
        assert [b.kind for b in blocks] == ["paragraph", "heading", "paragraph"], blocks
        assert blocks[0].text.endswith("voelt de volgende ochtend vaak zijn rug. Dat is meestal onschuldig en gaat "
                                       "binnen een paar dagen vanzelf over.")
        assert blocks[2].text == "Blijf in beweging en wissel zwaar werk af met licht werk. Til met gebogen knieën."


STIFF = ("Schaatsen op de sloot\n\nNa het schaatsen op de ijsbaan voelt u soms stramheid in de benen. Dat is de "
         "verzuring van de spieren na de sprint. Neem een warme douche en rek de kuiten.")


def test_a_dismissed_word_is_no_longer_marked_and_the_page_says_how_often(nlp, tmp_path, monkeypatch):
    from analysis.core import dismissed

    monkeypatch.setenv("ANALYSIS_DISMISSED", str(tmp_path / "niet-markeren.txt"))
    title, blocks = draft_from_text(STIFF)
    before = check_blocks(title, blocks, nlp, dismissed=dismissed.read_dismissed())
    assert ["stramheid"] in [s["rare_words"] for s in before["sentences"]] and before["rare_word_share"] > 0
    assert dismissed.dismiss(" Stramheid, ") == "stramheid" and dismissed.dismiss("twee woorden") is None
    assert dismissed.dismiss("=SOM(A1)") is None and dismissed.dismiss("<b>x</b>") is None
    assert dismissed.dismiss("Łódź") == "łódź" and dismissed.dismiss("covid-19") == "covid-19"
    dismissed.dismiss("stramheid")  # once in the file, however often it is dismissed
    text = (tmp_path / "niet-markeren.txt").read_text(encoding="utf-8")
    assert text.startswith("# ") and text.count("stramheid") == 1
    after = check_blocks(title, blocks, nlp, dismissed=dismissed.read_dismissed())
    assert not any(s["rare_words"] for s in after["sentences"]) and after["rare_word_share"] == 0
    page = draft_html(title, blocks, after)
    assert "1 keer een woord niet gemarkeerd dat u eerder wegklikte" in page and "niet-markeren.txt" in page
    assert str(tmp_path) not in page  # the file's name, never a machine path
    headed = draft_from_text(STIFF.replace("\n\nNa het", "\n\n## Stramheid\n\nNa het"))
    assert check_blocks(*headed, nlp, dismissed=dismissed.read_dismissed())["dismissed_marks"] == 1  # not headings
    (tmp_path / "niet-markeren.txt").write_text("# leeg gemaakt door de praktijk\n", encoding="utf-8")
    assert dismissed.read_dismissed() == dismissed.Dismissed()  # edits to the file count at once


PASSIVE = ("Uw knie na het schaatsen\n\nUw knie wordt eerst goed onderzocht door de fysiotherapeut. Daarna "
           "oefent u thuis. Elke week doet u een beetje meer.")


def test_a_dismissed_sentence_loses_its_passive_mark_and_the_share_says_so(nlp, tmp_path, monkeypatch):
    from analysis.core import dismissed

    monkeypatch.setenv("ANALYSIS_DISMISSED", str(tmp_path / "niet-markeren.txt"))
    title, blocks = draft_from_text(PASSIVE)
    before = check_blocks(title, blocks, nlp, dismissed=dismissed.read_dismissed())
    assert before["sentences"][0]["passive"] and before["passive_share"] > 0
    assert dismissed.dismiss_sentence("ja hoor") is None  # too short to be a marked sentence
    # spacing, case and punctuation do not matter; a '#' or line break cannot change the file's lines
    assert dismissed.dismiss_sentence("  uw knie WORDT eerst goed onderzocht\n door de fysiotherapeut #") \
        == "uw knie wordt eerst goed onderzocht door de fysiotherapeut"
    dismissed.dismiss_sentence(before["sentences"][0]["text"])  # once in the file
    lines = (tmp_path / "niet-markeren.txt").read_text(encoding="utf-8").splitlines()
    assert lines[-1] == "zin: uw knie wordt eerst goed onderzocht door de fysiotherapeut" and len(lines) == 3
    stored = dismissed.read_dismissed()
    assert stored.words == frozenset() and len(stored.sentences) == 1  # a sentence is no dismissed word
    after = check_blocks(title, blocks, nlp, dismissed=stored)
    assert not after["sentences"][0]["passive"] and after["sentences"][0]["dismissed"]
    assert after["passive_share"] == 0 and after["dismissed_sentences"] == 1
    page = draft_html(title, blocks, after)
    assert "1 zin zonder markering voor lijdende vorm of zinsbouw, omdat u die eerder wegklikte" in page
    assert "1 zin zonder markering" in render({"file": "concept.txt", "title": title} | after)
    other = draft_from_text(PASSIVE.replace("eerst goed", "na een week"))  # another sentence is still marked
    assert check_blocks(*other, nlp, dismissed=stored)["sentences"][0]["passive"]
