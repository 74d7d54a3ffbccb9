"""The draft checker's findability checks: the keyphrase in the places Google reads, the meta
description's length, links to the practice's own posts, and the suggested keyphrase."""
from __future__ import annotations

import pandas as pd

from analysis.planning.plan import Plan
from analysis.planning.topic_advice import related_posts, suggested_keyphrase
from analysis.sources.corpus import parse_blocks
from analysis.text.seo_check import has_phrase, internal_links, seo_checks

BODY = """Een liesblessure na het schaatsen komt vaak door te weinig opwarmen.

## Wat doet u bij een liesblessure na het schaatsen?

Rust een paar dagen en lees ook [ons bericht over opwarmen](/blog/schaatsen-warm-op-en-spaar-uw-lies/).
"""


def _checks(title: str, body: str = BODY, **options) -> dict:
    return {c.label: c for c in seo_checks(title, parse_blocks(body), "liesblessure schaatsen", **options)}


def test_a_keyphrase_counts_in_any_order_and_inside_a_dutch_compound():
    assert has_phrase("Schaatsen zonder liesblessure", "liesblessure schaatsen")
    assert has_phrase("Pijn na het schaatsen? Zo voorkomt u een liesblessure", "lies schaatsen")
    assert not has_phrase("Een schaatsblessure voorkomen", "liesblessure schaatsen")
    assert not has_phrase("Schaatsen", "")


def test_a_draft_with_the_keyphrase_everywhere_passes_and_one_without_says_where_it_is_missing():
    good = _checks("Liesblessure na het schaatsen: wat u zelf kunt doen")
    assert all(good[k].ok for k in ("Zoekwoord in de titel", "Zoekwoord in de eerste alinea",
                                    "Zoekwoord in een tussenkopje", "Zoekwoord in het webadres",
                                    "Links naar eigen berichten"))
    assert "/liesblessure-na-het-schaatsen-wat-u-zelf-kunt-doen/" in good["Zoekwoord in het webadres"].text
    bad = _checks("Goed beginnen aan de winter", "Warm op.\n\n## Daarna\n\nRek uw spieren.\n")
    assert not bad["Zoekwoord in de titel"].ok and "zet 'liesblessure schaatsen' in de titel" in (
        bad["Zoekwoord in de titel"].text)
    assert not bad["Zoekwoord in het webadres"].ok and not bad["Links naar eigen berichten"].ok


def test_the_meta_description_is_measured_when_given_and_advised_when_not():
    assert _checks("Liesblessure schaatsen")["Metabeschrijving"].ok is None
    short = _checks("Liesblessure schaatsen", description="Liesblessure na het schaatsen?")["Metabeschrijving"]
    assert short.ok is False and "goed is 120 tot 156" in short.text
    fits = "Liesblessure na het schaatsen? Lees wat u zelf kunt doen, wanneer u rust neemt en wanneer de " \
           "fysiotherapeut u helpt om weer veilig het ijs op te gaan."
    assert _checks("Liesblessure schaatsen", description=fits)["Metabeschrijving"].ok


def test_the_address_the_marketer_gives_is_checked_instead_of_the_one_the_title_makes():
    given = _checks("Goed beginnen aan de winter", address="https://praktijk.nl/blog/liesblessure-schaatsen/")
    assert given["Zoekwoord in het webadres"].ok
    assert given["Zoekwoord in het webadres"].text == "het webadres is /liesblessure-schaatsen/"
    assert not _checks("Goed beginnen aan de winter", address="  ")["Zoekwoord in het webadres"].ok


def test_an_uploaded_markdown_draft_gives_its_front_matter_to_the_page_fields_not_to_the_text():
    from analysis.sources.drafts import draft_from_upload, page_fields

    description = "Pijn in de lies na het schaatsen? Zo herkent u een liesblessure en dit kunt u er zelf aan doen."
    data = (f"---\ntitle: Liesblessure na het schaatsen\nslug: liesblessure-schaatsen\n"
            f"description: \"{description}\"\n---\n\n{BODY}").encode()
    title, blocks = draft_from_upload("concept.md", data)
    assert title == "Liesblessure na het schaatsen" and not any("slug" in b.text or "---" in b.text for b in blocks)
    assert page_fields("concept.md", data) == (description, "liesblessure-schaatsen")
    assert page_fields("concept.md", b"Titel\n\nGewoon tekst.") == ("", "")
    checks = {c.label: c for c in seo_checks(title, blocks, "liesblessure schaatsen", description=description)}
    measured = checks["Metabeschrijving"]
    assert not measured.ok and measured.text.startswith(f"{len(description)} tekens")  # too short for Google


def test_links_to_the_own_site_are_found_and_missing_ones_suggest_the_posts_on_the_topic():
    related = [("Liesblessure na het schaatsen", "/blog/liesblessure-na-het-schaatsen-wat-kunt-u-doen/")]
    links = internal_links(parse_blocks("Lees [dit](https://www.fysiopraktijkhoorn.example/blog/liesblessure-na-het-"
                                        "schaatsen-wat-kunt-u-doen/) en [dat](https://elders.example/x)."),
                           {p for _, p in related})
    assert links == ["https://www.fysiopraktijkhoorn.example/blog/liesblessure-na-het-schaatsen-wat-kunt-u-doen/"]
    none = _checks("Liesblessure schaatsen", "Warm op.\n", related=related)["Links naar eigen berichten"]
    assert not none.ok and "'Liesblessure na het schaatsen'" in none.text


def test_the_suggested_keyphrase_is_the_plans_keyword_for_the_topic_else_its_name():
    calendar = pd.DataFrame({"topic": ["lies"], "keyword": ["liesblessure schaatsen"]})
    empty = pd.DataFrame()
    plan = Plan(pd.Timestamp("2026-12-01"), None, empty, empty, empty, calendar, empty)
    assert suggested_keyphrase(plan, "lies", {"lies": "Lies"}) == "liesblessure schaatsen"
    assert suggested_keyphrase(plan, "knie", {"knie": "Knie"}) == "knie"
    assert suggested_keyphrase(None, None, {}) == ""
    posts = pd.DataFrame({"title": ["Oud", "Nieuw", "Ander"], "topics": [["lies"], ["lies"], ["knie"]],
                          "url": ["https://x.example/blog/oud/", "/blog/nieuw/", "/blog/ander/"],
                          "date": pd.to_datetime(["2024-01-01", "2026-01-01", "2025-01-01"])})
    assert related_posts(posts, "lies") == [("Nieuw", "/blog/nieuw/"), ("Oud", "/blog/oud/")]
