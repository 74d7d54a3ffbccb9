"""Importing page text scrapes, HTML pages and WordPress exports into the corpus."""
from __future__ import annotations

import json
import shutil

import pytest

from analysis.cli import main
from analysis.sources.corpus import read_post
from analysis.sources.importers import import_paths
from analysis.sources.importers.pagetext import parse_page_text
from analysis.sources.textfile import read_text

from .conftest import FIXTURES, ROOT, SEEDS

IMPORT = FIXTURES / "import"
CHROME = ("Naar het overzicht", "Vorige Volgende", "Terug naar boven", "©", "Lees meer",
          "Klik op de kaart")


def _assert_no_chrome(body: str):
    for text in CHROME:
        assert text not in body


@pytest.mark.skipif(not SEEDS.is_dir(), reason="client's seed folder ../shared/seeds not present")
def test_seed_page_is_imported_with_structure_and_related_articles(tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    post = parse_page_text(read_text(seed))
    assert post.title == "Help! Ik ben door mijn rug gegaan"
    headings = [b.text for b in post.blocks if b.kind == "heading"]
    assert headings[:3] == ["Wanneer ontstaat acute rugpijn",
                            "Wat gebeurt er in uw lichaam als u door uw rug gaat?",
                            "Wat kunt u zelf doen wanneer u door de rug gaat?"]
    assert "Neem een warme douche" in headings
    assert [h for h in headings if h.startswith("Tip ")] == [
        "Tip 1: Let op uw houding bij het tillen",
        "Tip 2: Controleer uw techniek tijdens het sporten",
        "Tip 3: Sta regelmatig op en beweeg",
        "Tip 4: Pas uw houding aan bij het wandelen of staan"]
    assert headings[-1] == "Professionele hulp bij rugklachten"
    paragraphs = [b.text for b in post.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 13
    assert paragraphs[0].startswith("Bijna iedereen") and paragraphs[-1].startswith("Heeft u last")
    assert post.meta["related"] == [
        "Liesblessure na het schaatsen, wat kunt u doen?",
        "Blijf in beweging, ook tijdens de feestdagen",
        "Tips voor goede voornemens in 2026",
        "Spit: wat is het en wat kunt u eraan doen?",
        "Zorgverzekering 2026 voor fysiotherapie: tips en vergelijking"]
    assert all(t.endswith("...") for t in post.meta["teasers"].values())
    _assert_no_chrome(post.body)
    assert "Stel ons uw vraag" not in post.body and "Wat u moet weten" not in post.body


def test_own_page_in_site_layout():
    post = parse_page_text(read_text(IMPORT / "schouder-schilderen.txt"))
    assert post.title == "Schouderpijn na het schilderen, hoe komt dat?"
    assert [b.text for b in post.blocks if b.kind == "heading"] == [
        "Waarom juist de schouder?", "Wat kunt u doen?", "Tip 1: Gebruik een trapje",
        "Tip 2: Neem op tijd pauze", "Hulp nodig?"]
    assert post.meta["related"] == ["Tennisarm zonder tennis", "Zitten, staan en bewegen op kantoor"]
    assert post.body.rstrip().endswith("We kijken samen wat er aan de hand is.")
    _assert_no_chrome(post.body)
    assert "Meer lezen?" not in post.body and "Heeft u een vraag?" not in post.body


def test_cp1252_crlf_page_without_teasers():
    post = parse_page_text(read_text(IMPORT / "knie-tuinieren-cp1252.txt"))
    assert post.title == "Knieën sparen tijdens het tuinieren"
    assert [b.text for b in post.blocks if b.kind == "heading"] == [
        "Op uw knieën of gehurkt?", "Tilt u ook zware zakken?"]
    assert "related" not in post.meta
    assert post.body.rstrip().endswith("Of gebruik een kruiwagen, dat is nog beter.")
    _assert_no_chrome(post.body)
    assert "Stel ons uw vraag" not in post.body


def test_malformed_inputs_are_reported_not_raised(tmp_path):
    bad = ["leeg.txt", "binair.txt", "kapot.xml", "onbekend.txt", "kapot.html"]
    report = import_paths([IMPORT / b for b in bad] + [IMPORT / "niet-er.txt"], tmp_path)
    reasons = {e.input: e.reason for e in report.entries}
    assert {e.status for e in report.entries} == {"skipped"}
    assert reasons["leeg.txt"] == "leeg bestand"
    assert "binair" in reasons["binair.txt"]
    assert "ongeldige XML" in reasons["kapot.xml"]
    assert "tekencodering" in reasons["onbekend.txt"]
    assert "geen artikeltekst" in reasons["kapot.html"]
    assert "kan bestand niet lezen" in reasons["niet-er.txt"]
    assert not report.ok and list(tmp_path.iterdir()) == []


def test_cli_exit_codes_and_json(tmp_path, capsys):
    assert main(["import", str(IMPORT / "leeg.txt"), "--out", str(tmp_path), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["counts"]["skipped"] == 1
    code = main(["import", str(IMPORT), "--out", str(tmp_path), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["counts"]["imported"] == 2 and out["counts"]["skipped"] == 5
    assert sum(out["counts"].values()) == len(out["entries"]) == 7


def test_reimport_changes_nothing_and_keeps_a_filled_in_date(tmp_path):
    page = IMPORT / "schouder-schilderen.txt"
    first = import_paths([page], tmp_path)
    assert [e.status for e in first.entries] == ["imported"]
    assert "geen publicatiedatum gevonden: geef die op met --date" in first.entries[0].reason
    written = tmp_path / first.entries[0].file
    before = written.read_text()
    second = import_paths([page], tmp_path)
    assert [e.status for e in second.entries] == ["duplicate"]
    assert written.read_text() == before

    import datetime as dt
    dated = import_paths([page], tmp_path, date=dt.date(2024, 5, 2))
    assert [e.status for e in dated.entries] == ["updated"]
    assert [p.name for p in tmp_path.iterdir()] == ["2024-05-02-schouderpijn-na-het-schilderen-hoe-komt-dat.md"]
    again = import_paths([page], tmp_path)  # no date on the page: the known date stays
    assert [e.status for e in again.entries] == ["duplicate"]
    assert read_post(tmp_path / again.entries[0].file).date == dt.date(2024, 5, 2)


def test_same_text_under_another_name_is_a_duplicate(tmp_path):
    page = IMPORT / "schouder-schilderen.txt"
    copy = tmp_path / "in" / "kopie.txt"
    copy.parent.mkdir()
    shutil.copy(page, copy)
    report = import_paths([page, copy], tmp_path / "out")
    assert [e.status for e in report.entries] == ["imported", "duplicate"]


def test_raw_examples_reproduce_the_canonical_posts(tmp_path):
    """corpus/raw holds each import format; importing it gives the committed posts."""
    report = import_paths([ROOT / "corpus" / "raw"], tmp_path)
    assert report.counts() == {"imported": 5, "updated": 0, "duplicate": 0, "skipped": 3}
    canonical = {p.slug: p for p in map(read_post, (ROOT / "corpus" / "posts").glob("*.md"))}
    for entry in report.entries:
        if entry.status != "imported":
            continue
        ours = read_post(tmp_path / entry.file)
        theirs = canonical[ours.slug]
        assert ours.title == theirs.title and ours.blocks == theirs.blocks
        assert ours.date == (None if ours.meta["source"] == "page-text" else theirs.date)
    page = next(read_post(tmp_path / e.file) for e in report.entries if e.input.endswith(".txt"))
    assert page.meta["related"][0] == "Help! Ik ben door mijn rug gegaan"
