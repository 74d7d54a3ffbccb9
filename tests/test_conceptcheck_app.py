"""The draft checker page (notebook 06) served by Voilà and used in headless Chromium.

Skipped with a message where Chromium, Playwright or Voilà is missing; CI installs
them. The page runs without the planner's data here (CONCEPTCHECK_CONTACTS empty), so
it starts in seconds; the planner's advice is tested in tests/test_draft_check.py.
Screenshots go to reports/browser-check/.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys

import pytest

from analysis.reporting.app_server import voila_command, voila_environment

from .conftest import ROOT
from .servers import free_port, wait_until_listening
from .test_report_browser import ARGS, CHROMIUM

FIXTURE = ROOT / "tests" / "fixtures" / "drafts" / "concept-schaatsen.docx"
DRAFT = """Schaatsen zonder blessure

Indien u gaat schaatsen, dient te worden opgewarmd. De adductoren worden bij het schaatsen zwaar belast, omdat \
u diep door uw knieën zit en bij elke slag uw been zijwaarts wegduwt, wat voor de liesspieren een ongewone \
beweging is als u lang niet op het ijs heeft gestaan.

## Begin rustig

Schaats de eerste keer niet langer dan een uur. <script>alert('x')</script> Neem pauze."""


def _serve(folder, extra: dict[str, str]):
    """Serve the page on a free port of 127.0.0.1 (skipped without Chromium, Playwright or Voilà)."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium); browser check skipped")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if shutil.which("voila", path=os.path.dirname(sys.executable)) is None:
        pytest.skip("Voilà is not installed (pip install voila); app check skipped")
    port = free_port()
    dismissed = folder / "niet-markeren.txt"  # never the project's own list
    env = voila_environment({**os.environ, "CONCEPTCHECK_CONTACTS": "", "ANALYSIS_DISMISSED": str(dismissed),
                             **extra})
    proc = subprocess.Popen(voila_command(port), cwd=ROOT / "notebooks", env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wait_until_listening(proc, port, "Voilà")
    yield f"http://127.0.0.1:{port}/"
    proc.terminate()
    proc.wait(timeout=20)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    yield from _serve(tmp_path_factory.mktemp("praktijk"), {})


SHOTS = ROOT / "reports" / "browser-check"


@contextlib.contextmanager
def opened(url: str, width: int, height: int):
    """(page, text box) of the checker in headless Chromium at the given window size."""
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url, timeout=120_000)
        yield page, page.wait_for_selector("textarea", timeout=120_000)
        browser.close()


def test_pasted_draft_gets_highlights_and_a_verdict(app_url):
    with opened(app_url, 1280, 1600) as (page, box):
        box.fill(DRAFT)
        page.wait_for_selector(".concept .oordeel", timeout=30_000)
        verdict = page.inner_text(".concept .oordeel")
        assert "moeilijker dan B1" in verdict
        assert page.inner_text(".concept").count("te formeel") == 1
        jargon = page.query_selector("mark.jargon")
        assert jargon is not None and "liesspieren" in jargon.get_attribute("title")
        assert page.query_selector("mark.formal[title*='als']") is not None
        assert page.query_selector(".tekst span.long") is not None
        assert page.query_selector(".tekst span.passive") is not None
        assert "alert('x')</script>" in page.inner_text(".concept .tekst")  # shown as text ...
        assert page.query_selector(".concept script") is None  # ... never as an element that runs
        page.screenshot(path=str(SHOTS / "conceptcheck-geplakt.png"), full_page=True)

        with page.expect_file_chooser() as chooser:
            page.click(".widget-upload")
        chooser.value.set_files(str(FIXTURE))
        page.wait_for_function("() => document.querySelector('.concept') && "
                               "document.querySelector('.concept').innerText.includes('Goed voorbereid')",
                               timeout=30_000)
        text = page.inner_text(".concept")
        assert "Oordeel: B1 of eenvoudiger" in text and "Schaatsen" in text
        page.screenshot(path=str(SHOTS / "conceptcheck-docx.png"), full_page=True)


def test_page_sends_a_policy_fetches_nothing_from_outside_and_runs_no_file_name(app_url, tmp_path):
    """The page is served with a Content Security Policy, loads nothing from another host, and an
    uploaded file whose name is markup is shown as text (the error handlers once wrote it raw)."""
    import urllib.request

    from playwright.sync_api import sync_playwright

    with urllib.request.urlopen(app_url, timeout=120) as response:
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    hostile = tmp_path / "<img src=x onerror=alert(1)>.pdf"
    hostile.write_bytes(b"%PDF-1.4 geen concept")
    headings_only = tmp_path / "<img src=y onerror=alert(2)>.md"
    headings_only.write_text("# Alleen een titel\n\n## En een kopje\n", encoding="utf-8")
    requests, dialogs = [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(app_url, timeout=120_000)
        page.wait_for_selector("textarea", timeout=120_000)
        for upload, shown in ((hostile, "kies een .docx"), (headings_only, "alleen kopjes")):
            with page.expect_file_chooser() as chooser:
                page.click(".widget-upload")
            chooser.value.set_files(str(upload))
            page.wait_for_function(f"() => document.body.innerText.includes({shown!r})", timeout=30_000)
            assert upload.name in page.inner_text("body")  # the name as text ...
        assert page.query_selector("img[src='x'], img[src='y']") is None  # ... never as an element
        page.wait_for_timeout(500)
        browser.close()
    assert dialogs == []
    outside = [u for u in requests if not u.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))]
    assert outside == []


# an article as copied from a web page: headings without "##", a bullet list, numbered headings
WEB_ARTICLE = (ROOT / "tests" / "fixtures" / "drafts" / "webtekst-tuinieren.txt").read_text(encoding="utf-8")


def test_pasted_web_article_keeps_its_structure_and_fits_the_window(app_url):
    """Text copied from a web page: headings without '##', a bullet list and numbered headings are
    recognised; the list stays inside the frame and the text box inside the window."""
    with opened(app_url, 1024, 1400) as (page, box):
        right, frame = page.evaluate("() => { const t = document.querySelector('textarea'); return ["
                                     "t.getBoundingClientRect().right, "
                                     "t.closest('.jp-OutputArea').getBoundingClientRect().right]; }")
        assert right <= frame  # the output area clips what runs past it
        box.fill(WEB_ARTICLE)
        page.wait_for_selector(".concept .oordeel", timeout=30_000)
        headings = [h.inner_text() for h in page.query_selector_all(".concept .tekst h4")]
        assert headings == ["Waarom doet uw rug pijn?", "Wat kunt u zelf doen?", "1. Begin met een warming-up",
                            "2. Gebruik goed gereedschap"]
        assert len(page.query_selector_all(".concept .tekst ul > li")) == 3
        assert "4 tussenkopjes" in page.inner_text(".concept")
        assert page.query_selector("span.long.passive") is not None  # both marks on one sentence
        page.screenshot(path=str(SHOTS / "conceptcheck-webtekst.png"), full_page=True)
        page.query_selector(".concept .tekst").screenshot(path=str(SHOTS / "conceptcheck-webtekst-tekst.png"))


STIFF = ("Schaatsen op de sloot\n\nNa het schaatsen op de ijsbaan voelt u soms stramheid in de benen. Dat is de "
         "verzuring van de spieren na de sprint. Neem een warme douche en rek de kuiten.")


def test_a_wrongly_marked_word_is_dismissed_and_stays_dismissed(app_url):
    """The marketer types a marked word and clicks: the mark goes, the page says how often a
    dismissed word was left unmarked, and a later draft with that word is not marked either."""
    with opened(app_url, 1280, 1400) as (page, box):
        box.fill(STIFF)
        page.wait_for_selector("mark.rare", timeout=30_000)
        assert page.inner_text("mark.rare") == "stramheid"
        page.fill("input[placeholder='een gemarkeerd woord']", "stramheid")
        page.click("button:has-text('Niet meer markeren')")
        page.wait_for_selector(".concept .genegeerd", timeout=30_000)
        assert page.query_selector("mark.rare") is None
        assert "1 keer een woord niet gemarkeerd" in page.inner_text(".concept .genegeerd")
        assert "bewaard in niet-markeren.txt" in page.inner_text("body")
        page.screenshot(path=str(SHOTS / "conceptcheck-niet-markeren.png"), full_page=True)
        box.fill(STIFF.replace("de benen", "de benen, en die stramheid blijft"))
        page.wait_for_function("() => document.querySelector('.concept .genegeerd') && "
                               "document.querySelector('.concept .genegeerd').innerText.startsWith('2 keer')",
                               timeout=30_000)
        assert page.query_selector("mark.rare") is None


PASSIVE = ("Uw knie na het schaatsen\n\nUw knie wordt eerst goed onderzocht door de fysiotherapeut. Daarna "
           "oefent u thuis. Elke week doet u een beetje meer.")


def test_a_wrongly_marked_sentence_is_chosen_from_the_list_and_dismissed(app_url):
    """The marked sentences are listed; the marketer picks one and clicks: its passive mark goes,
    and the page says one sentence was left unmarked and is not in the passive share."""
    with opened(app_url, 1280, 1400) as (page, box):
        box.fill(PASSIVE)
        page.wait_for_selector(".tekst span.passive", timeout=30_000)
        page.wait_for_function("() => document.querySelector('select') && "
                               "document.querySelector('select').options.length === 2", timeout=30_000)
        option = page.inner_text("select option:nth-child(2)").replace("\xa0", " ")  # ipywidgets: no-break spaces
        assert option.startswith("Uw knie wordt eerst goed onderzocht") and "lijdende vorm" in option
        page.select_option("select", index=1)
        page.click("button:has-text('Zin niet meer markeren')")
        page.wait_for_selector(".concept .genegeerd", timeout=30_000)
        assert page.query_selector(".tekst span.passive") is None  # the legend has one too
        assert "1 zin zonder markering voor lijdende vorm" in page.inner_text(".concept .genegeerd")
        page.screenshot(path=str(SHOTS / "conceptcheck-zin-niet-markeren.png"), full_page=True)


def test_the_findability_checks_follow_the_keyphrase_the_marketer_types(app_url):
    """Without plan data the keyphrase is the topic's name; the marketer's own keyphrase is checked
    against the title, the first paragraph, a heading and the page address; the address and meta
    description the marketer types are checked too."""
    with opened(app_url, 1280, 1600) as (page, box):
        box.fill(DRAFT)
        page.wait_for_selector(".concept .seo", timeout=30_000)
        assert "Zoekwoord: schaatsen (voorgesteld bij het onderwerp" in page.inner_text(".concept")
        assert page.query_selector(".seo li.goed:has-text('Zoekwoord in de titel')") is not None
        page.fill("input[placeholder='leeg: voorgesteld bij het onderwerp']", "liesblessure schaatsen")
        page.wait_for_function("() => document.querySelector('.concept') && "
                               "document.querySelector('.concept').innerText.includes('Zoekwoord: liesblessure')",
                               timeout=30_000)
        assert page.query_selector(".seo li.beter:has-text('Zoekwoord in de titel')") is not None
        assert page.query_selector(".seo li.beter:has-text('Zoekwoord in het webadres')") is not None
        assert "/schaatsen-zonder-blessure/" in page.inner_text(".seo")
        page.fill("input[placeholder='leeg: gemaakt van de titel']", "/blog/liesblessure-na-het-schaatsen/")
        description = ("Liesblessure na het schaatsen? Lees hoe u de pijn in uw lies herkent, wat u zelf kunt doen "
                       "en wanneer de fysiotherapeut helpt.")
        page.fill("textarea[placeholder^='de tekst onder de titel in Google']", description)
        page.wait_for_selector(".seo li.goed:has-text('Metabeschrijving')", timeout=30_000)
        assert f"{len(description)} tekens" in page.inner_text(".seo li:has-text('Metabeschrijving')")
        assert page.query_selector(".seo li.goed:has-text('Zoekwoord in het webadres')") is not None
        assert "het webadres is /liesblessure-na-het-schaatsen/" in page.inner_text(".seo")
        page.screenshot(path=str(SHOTS / "conceptcheck-zoekwoord.png"), full_page=True)


@pytest.fixture(scope="module")
def frog_app_url(tmp_path_factory):
    """The page with Frog switched on (it starts Frog with the page)."""
    if shutil.which("frog") is None:
        pytest.skip("Frog is niet geïnstalleerd (apt-get install frog frogdata); Frog-check van de pagina overgeslagen")
    yield from _serve(tmp_path_factory.mktemp("praktijk-frog"), {"ANALYSIS_FROG": "1"})


FAR_APART = """Na een lange wandeling

De fysiotherapeut heeft gisteren na een lange wandeling door het bos met twee honden mijn knie onderzocht. \
Loop elke dag een stukje. Koel de knie kort."""


def test_with_frog_the_page_shows_quick_checks_first_then_structure_and_lint(frog_app_url):
    with opened(frog_app_url, 1280, 1600) as (page, box):
        box.fill(FAR_APART)
        page.wait_for_selector(".concept .oordeel", timeout=30_000)  # the quick checks, before Frog's
        page.wait_for_function("document.body.innerText.includes('ook de zinsbouw (Frog)')", timeout=120_000)
        marked = page.query_selector(".concept .tekst .structure")
        assert marked is not None and "ver uit elkaar: 'heeft … onderzocht'" in marked.get_attribute("title")
        assert "mijn knie onderzocht" in marked.inner_text() and "Loop elke dag" not in marked.inner_text()
        assert "van 100 (niveau" in page.inner_text(".concept")
        page.screenshot(path=str(SHOTS / "conceptcheck-frog.png"), full_page=True)
        box.fill(FAR_APART + " Bel ons als het niet beter gaat.")  # a second check: Frog is already up
        page.wait_for_function("document.body.innerText.includes('Bel ons') && "
                               "document.body.innerText.includes('ook de zinsbouw (Frog)')", timeout=30_000)
