"""'In het kort' states each page's answer from its own data, and says what is missing."""
from __future__ import annotations

import pandas as pd

from analysis.reporting.key_points import corpus_points, effect_points, readability_points, topic_points


def _effects(rows):
    return pd.DataFrame(rows, columns=["label", "lift", "ci_low", "ci_high", "effect", "season_overlap"])


def test_effect_points_name_proven_topics_with_their_margin_and_count_the_rest():
    effects = _effects([["Rug", 1.8, 1.4, 2.3, True, 0.1], ["Knie", 1.2, 0.8, 1.7, False, 0.1],
                        ["Schaatsen", 1.5, 0.9, 2.4, False, 0.6], ["Lies", None, None, None, False, None]])
    points = effect_points(effects)
    assert points[0] == ("Een bericht brengt aantoonbaar meer contacten bij: "
                         "Rug ×1,8 (waarschijnlijk tussen ×1,4 en ×2,3).")
    assert points[1] == ("Bij 2 van de 3 geschatte onderwerpen is geen effect aangetoond; bij 1 daarvan is het "
                         "bericht niet te scheiden van het seizoen.")
    assert points[2] == "Voor 1 onderwerpen zijn te weinig berichten of contacten voor een schatting."
    assert effect_points(_effects([["Lies", None, None, None, False, None]]))[0].startswith("Bij geen enkel")


def test_corpus_points_count_undated_and_short_posts():
    posts = pd.DataFrame({"words": [80, 300, 450], "date": pd.to_datetime(["2025-03-01", None, "2026-01-05"])})
    points = corpus_points(posts)
    assert points[0] == "3 berichten van gemiddeld 277 woorden."
    assert points[1] == "Berichten per jaar: 2026: 1, 2025: 1; het nieuwste verscheen op 5 januari 2026."
    assert "1 bericht heeft geen datum" in points[2] and "1 bericht is korter dan 100" in points[3]
    assert corpus_points(posts.iloc[:0])[0].startswith("De blog heeft nog geen berichten")


def test_readability_and_topic_points_follow_the_data():
    table = pd.DataFrame({"b1": [True, False, True, True]})
    aims = pd.DataFrame({"streefwaarde": ["max. 15", "max. 8%"], "rood": [0, 2], "oranje": [1, 1]},
                        index=["gemiddelde zinslengte (woorden)", "aandeel zeldzame woorden"])
    points = readability_points(table, aims)
    assert points[0] == "3 van de 4 berichten (75%) zijn geschreven op taalniveau B1 of eenvoudiger."
    assert "aandeel zeldzame woorden (max. 8%), bij 3 berichten" in points[1]
    gaps = pd.DataFrame({"contact_share": [0.12, 0.0, 0.04], "gap": [False, False, True]}, index=["rug", "lies", "nek"])
    posts = pd.DataFrame({"main": ["rug", "rug", "lies"]})
    points = topic_points(posts, gaps, {"rug": "Rug", "lies": "Lies", "nek": "Nek"})
    assert points == ["Hoofdonderwerpen met de meeste berichten: Rug (2), Lies (1).",
                      "Waar patiënten het vaakst over schrijven: Rug (12% van de contacten); "
                      "Nek (4% van de contacten).",
                      "Onderwerpgaten (veel gevraagd, weinig geschreven): Nek."]


def test_b1_figures_of_short_posts_are_said_to_mean_little():
    from analysis.reporting.key_points import short_posts_note

    four_short = pd.DataFrame({"b1": [True] * 4, "words": [60, 70, 80, 90]})
    assert "alle berichten hebben minder dan 100 woorden" in short_posts_note(four_short)
    assert short_posts_note(four_short.assign(words=[60, 300, 400, 500])).startswith(" Let op: 1 bericht heeft")
    assert short_posts_note(four_short.assign(words=300)) == ""


def test_numbers_for_people_never_read_minus_zero():
    from analysis.core.formatting import nl_number, nl_percent

    assert nl_number(-0.0, 0) == "0" and nl_number(-0.04) == "0,0" and nl_percent(-0.00001, 0) == "0%"
    assert nl_number(-0.06) == "-0,1" and nl_number(1234.5) == "1.234,5"


def test_a_small_factor_never_reads_as_zero():
    """A weather topic with four posts had an interval 'tussen ×0,0 en ×45,3': read as 'no patient'."""
    from analysis.core.formatting import nl_factor

    assert nl_factor(1.44, 0.0535, 45.3) == "×1,4 (waarschijnlijk tussen ×0,05 en ×45,3)"
    assert nl_factor(0.5, 0.004, 1.7) == "×0,5 (waarschijnlijk tussen ×0,004 en ×1,7)"
    assert nl_factor(1.8, 1.3, 2.6) == "×1,8 (waarschijnlijk tussen ×1,3 en ×2,6)"
