"""WordPress exports as real sites have them: classic editor, captions, page builders,
reusable blocks and Elementor. Every fixture (written by us) imports whole."""
from __future__ import annotations

import re

import pytest

from analysis.sources.importers import import_paths
from analysis.sources.importers.wordpress_content import plain_words, render_content, wpautop

from .conftest import FIXTURES

WXR = FIXTURES / "wxr"
SHAPES = ["klassiek", "onderschrift", "divi", "wpbakery", "avada", "gutenberg", "elementor"]
# sentences that must survive, one per editor shape at least (after the first block, list or shortcode)
MUST_KEEP = {
    "klassiek": ["Houd het kort en pijnvrij.", "Wij kijken graag met u mee.",
                 "- Laat de arm los hangen en zwaai zacht."],
    "onderschrift": ["Zet het scherm op ooghoogte."],
    "divi": ["Begin met vijf minuten wandelen."],
    "wpbakery": ["Verplaats uw voeten in plaats van te draaien.", "### Draai niet met de rug"],
    "avada": ["Probeer het elke dag een minuut langer."],
    "gutenberg": ["Heeft u vragen? Bel de praktijk gerust.", "Uw been is bijna gestrekt"],
    "elementor": ["Trek daarna de schouders op en laat ze zakken.", "## Oefening voor onderweg"],
}


@pytest.mark.parametrize("shape", SHAPES)
def test_each_editor_shape_imports_to_its_canonical_post(shape, tmp_path):
    report = import_paths([WXR / f"{shape}.xml"], tmp_path)
    [written] = sorted(tmp_path.glob("*.md"))
    text = written.read_text(encoding="utf-8")
    assert text == (WXR / "expected" / f"{shape}.md").read_text(encoding="utf-8")
    for sentence in MUST_KEEP[shape]:
        assert sentence in text
    assert not re.search(r"\[/?[a-z][\w-]*[^\]]*\]", text), "a shortcode was left in the text"
    assert "<!--" not in text and "<" not in text.split("---", 2)[2]
    [entry] = [e for e in report.entries if e.status == "imported"]
    words = entry.words
    repeated = 5 if "titel als eerste kop herhaald" in words["notes"] else 0
    assert words["source"] == words["body"] + words["captions"] + words["dropped"] + repeated
    assert words["dropped"] == 0


def test_all_shapes_in_one_export_give_the_same_posts(tmp_path):
    report = import_paths([WXR / "alles-samen.xml"], tmp_path)
    assert report.counts()["imported"] == len(SHAPES)
    skipped = [e.reason for e in report.entries if e.status == "skipped"]
    assert skipped == ["overgeslagen: type 'wp_block', geen bericht"]
    expected = sorted((WXR / "expected" / f"{s}.md").read_text(encoding="utf-8") for s in SHAPES)
    assert sorted(p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md")) == expected
    assert "woorden: 27 in de bron, 20 in de tekst, 7 in onderschriften, 0 weggelaten" in report.render()


def test_captions_are_kept_apart_from_the_body():
    content = render_content('Tekst.\n\n[caption id="1"]<img src="a.jpg"> Een onderschrift.[/caption]\n\nMeer.')
    assert content.captions == ["Een onderschrift."]
    assert "onderschrift" not in content.html and "Meer." in content.html


def test_technical_shortcodes_are_dropped_with_a_note():
    content = render_content('Tekst.\n\n[gallery ids="1,2"]\n\n[contact-form-7 id="3"]')
    assert content.dropped == ["shortcode [gallery] weggelaten", "shortcode [contact-form-7] weggelaten"]
    assert "[" not in content.html


def test_a_missing_reusable_block_is_reported():
    content = render_content('<!-- wp:block {"ref":5} /-->\n<p>Tekst.</p>', reusable={})
    assert content.dropped == ["herbruikbaar blok 5 staat niet in de export"]


@pytest.mark.parametrize("raw, paragraphs", [
    ("Een.\n\nTwee.", ["Een.", "Twee."]),
    ("Een\nregel.\n\n<h2>Kop</h2>\nNa de kop.", ["Een\nregel.", "Na de kop."]),
    ("<ul>\n<li>a</li>\n</ul>\nNa de lijst.\n\nLaatste.", ["Na de lijst.", "Laatste."]),
    ("<p>Al een alinea.</p>\nLosse tekst.", ["Al een alinea.", "Losse tekst."]),
])
def test_wpautop_makes_paragraphs_of_loose_text(raw, paragraphs):
    assert re.findall(r"<p>(.*?)</p>", wpautop(raw), re.S) == paragraphs


def test_word_count_ignores_markup_and_shortcode_tags():
    assert plain_words('<!-- wp:paragraph --><p>Twee <b>woorden</b></p>[vc_row]én[/vc_row]') == \
        ["Twee", "woorden", "én"]
