"""The marketer's planner and the owner's summary react to the data, not to typed numbers."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict

import numpy as np
import pandas as pd
import pytest

from analysis.planning.calendar import REPEAT_WEEKS, editorial_calendar, slots
from analysis.planning.planner import rewrite_triage, topic_gaps
from analysis.planning.titles import ENDINGS, MAX_USES, TitleWriter, patient_words
from analysis.reporting.summary import overview
from analysis.text.nlp import load_pipeline
from analysis.timeseries.leadtime import lead_time

TODAY = pd.Timestamp("2026-11-23")
WEEKS = pd.date_range("2021-01-04", "2026-11-16", freq="W-MON")
LABELS = {"schaatsen": "Schaatsen", "rug": "Rug en spit"}


def _seasonal(peak_week: int, seed: int = 0) -> pd.Series:
    rng = np.random.default_rng(seed)
    woy = WEEKS.isocalendar().week.to_numpy()
    mu = 1 + 6 * np.exp(-0.5 * ((woy - peak_week + 26) % 52 - 26) ** 2 / 9)
    return pd.Series(rng.poisson(mu), index=WEEKS)


def _flat(seed: int = 1) -> pd.Series:
    return pd.Series(np.random.default_rng(seed).poisson(3, len(WEEKS)), index=WEEKS)


def _effects(series: dict[str, pd.Series], proven: set[str] = frozenset()) -> pd.DataFrame:
    rows = {t: {"label": LABELS[t], "lift": 1.8 if t in proven else 1.1, "se": 0.1 if t in proven else 0.3,
                "ci_low": 1.3 if t in proven else 0.5, "ci_high": 2.5, "effect": t in proven, "window": 4,
                "season_overlap": 0.1, "note": "", "contacts": int(s.sum())} | asdict(lead_time(s))
            for t, s in series.items()}
    return pd.DataFrame.from_dict(rows, orient="index")


POSTS = pd.DataFrame({"id": ["oud"], "slug": ["oud"], "title": ["Oud bericht"], "date": [pd.Timestamp("2021-01-29")],
                      "topics": [["schaatsen"]], "main": ["schaatsen"], "body": ["Schaatsen op het ijs."],
                      "url": ["https://www.praktijk.example/blog/oud/"]})
READABILITY = pd.DataFrame({"b1": [False], "reasons": [["zinnen te lang"]]}, index=["oud"])


def _calendar(series: dict[str, pd.Series], proven=frozenset(), gaps=frozenset(), per_month: int = 2):
    weekly = pd.DataFrame(series)
    gap_table = pd.DataFrame({"gap": [t in gaps for t in series], "contact_share": 0.1}, index=list(series))
    return editorial_calendar(_effects(series, set(proven)), gap_table, weekly, POSTS, READABILITY, TODAY, LABELS,
                              {}, {}, per_month)


@pytest.mark.parametrize("peak_week", [6, 14, 30, 44])
def test_lead_time_follows_the_peak(peak_week):
    result = lead_time(_seasonal(peak_week))
    assert abs(result.peak_week - peak_week) <= 1
    assert result.seasonal and 2 <= result.lead_weeks <= 8


@pytest.mark.parametrize("per_month", [1, 2, 4])
def test_slots_follow_the_rhythm_at_most_one_a_week(per_month):
    days = slots(TODAY, per_month)
    assert all(d.weekday() == 0 and d >= TODAY for d in days)
    assert all(b - a >= pd.Timedelta(days=7) for a, b in zip(days, days[1:]))
    assert pd.Series(days).dt.to_period("M").nunique() == 12
    assert len(days) == pytest.approx(12 * per_month, abs=per_month)


def test_a_seasonal_topic_is_planned_before_its_peak_and_moves_with_it():
    early = _calendar({"schaatsen": _seasonal(6)})
    late = _calendar({"schaatsen": _seasonal(30)})
    first_early = early[early["reason"].str.startswith("seizoen")]["publish_from"].iloc[0]
    first_late = late[late["reason"].str.startswith("seizoen")]["publish_from"].iloc[0]
    assert first_early.month in (12, 1) and first_late.month in (6, 7)
    assert (late["priority"] == "medium").any()


def test_a_proven_topic_comes_first_states_its_extra_contacts_and_is_not_repeated_too_soon():
    calendar = _calendar({"schaatsen": _flat(2), "rug": _flat(3)}, proven={"rug"})
    rug = calendar[calendar["topic"] == "rug"]
    assert calendar["topic"].iloc[0] == "rug" and (rug["priority"] == "high").all()
    assert (rug["extra_low"] > 0).all() and rug["expected"].str.startswith("naar schatting").all()
    assert (rug["publish_from"].diff().dropna() >= pd.Timedelta(weeks=REPEAT_WEEKS)).all()
    assert calendar["publish_from"].is_monotonic_increasing and calendar["publish_from"].is_unique


def test_a_gap_is_measured_as_the_topics_page_shows_it():
    posts = pd.DataFrame({"topics": [["knie"]] * 4 + [["lies"]] * 16 + [[]] * 44,
                          "date": [pd.Timestamp("2026-01-01")] * 64})
    asked = ["knie"] * 64 + ["lies"] * 33 + ["hoofdpijn"] * 33 + [""] * 870
    contacts = pd.DataFrame({"text": "Een vraag.", "message_topics": asked, "page_topics": "lies",
                             "topics": [";".join(dict.fromkeys([a, "lies"] if a else ["lies"])) for a in asked]})
    gaps = topic_gaps(posts, contacts, ["knie", "lies", "hoofdpijn"], TODAY)  # the page a form was on is no demand
    assert not gaps.loc["knie", "gap"]  # 6,2% of the posts against 6,4% of the contacts
    assert not gaps.loc["lies", "gap"]  # 25% of the posts against 3,3% of the contacts
    assert gaps.loc["hoofdpijn", "gap"]  # asked about, never written about


def test_rewrite_triage_gives_each_post_one_action_with_its_page():
    posts = pd.DataFrame({
        "id": ["zv22", "zv25", "oud-knie", "nieuw-knie", "moeilijk", "kerst"],
        "slug": ["zv22", "zv25", "oud-knie", "nieuw-knie", "moeilijk", "kerst"],
        "title": ["Zorgverzekering 2022", "Zorgverzekering 2025", "Knieklachten bij het fietsen",
                  "Knieklachten bij het fietsen voorkomen", "Laterale epicondylalgie", "Kerst: blijf bewegen"],
        "date": pd.to_datetime(["2021-11-01", "2024-11-01", "2020-05-01", "2025-05-01", "2025-02-01", "2021-12-15"]),
        "topics": [["zorgverzekering"], ["zorgverzekering"], ["knie"], ["knie"], ["elleboog"], ["feestdagen"]],
        "main": ["zorgverzekering", "zorgverzekering", "knie", "knie", "elleboog", "feestdagen"],
        "body": ["Vergoeding.", "Vergoeding en polis.", "Fietsen met knieklachten: zadel en trappen.",
                 "Fietsen met knieklachten: zadel, trappen en oefeningen.", "Pijn aan de elleboog.", "Bewegen."],
        "url": [f"https://x.example/blog/{i}/" for i in range(6)]})
    readability = pd.DataFrame({"b1": [True, True, True, True, False, True],
                                "reasons": [[], [], [], [], ["zinnen te lang"], []]}, index=posts["id"])
    gaps = pd.DataFrame({"contact_share": [0.05, 0.06, 0.04, 0.0]},
                        index=["zorgverzekering", "knie", "elleboog", "feestdagen"])
    effects = pd.DataFrame({"effect": [False]}, index=["knie"])
    sentences = pd.DataFrame({"id": ["moeilijk"] * 2, "text": ["Een korte zin.", "Een zeer lange zin met jargon."],
                              "words": [3, 6], "flags": [[], ["lang"]]})
    triage = rewrite_triage(posts, readability, effects, gaps, TODAY, sentences).set_index("id")
    assert triage.loc["zv25", "action"] == "bijwerken" and "2027" in triage.loc["zv25", "why"]
    assert triage.loc["zv22", "action"] == "doorverwijzen" and "Zorgverzekering 2025" in triage.loc["zv22", "why"]
    assert triage.loc["oud-knie", "action"] == "samenvoegen"
    assert triage.loc["moeilijk", "action"] == "herschrijven"
    assert triage.loc["moeilijk", "sentences"] == "Een zeer lange zin met jargon."
    assert triage.loc["kerst", "action"] == "verwijderen of doorverwijzen"
    assert triage.loc["zv22", "page"] == "/blog/0/" and "nieuw-knie" not in triage.index


def test_titles_use_what_several_patients_write_never_one_patients_words():
    messages = ["Ik heb last van mijn knie bij het fietsen.", "Last van mijn knie, wat nu?",
                "Sinds een week last van mijn knie.", "Mijn schouder kraakt als Jan Smit zingt."]
    messages += ["Graag een afspraak voor mijn schouder."] * 3  # a request to the practice is no title
    words = patient_words(messages, [["knie"]] * 3 + [["schouder"]] * 4, load_pipeline())
    assert words.phrases["knie"].question == "Last van uw knie?"
    assert words.phrases["knie"].messages == 3 and "schouder" not in words.phrases


def test_no_title_ending_is_used_more_than_twice_in_a_year():
    writer = TitleWriter()
    titles = [writer.title(kind, "Knie", None, "januari") for kind in list(ENDINGS) * 6]
    endings = Counter(t.split(": ", 1)[1] for t in titles)
    assert max(endings.values()) <= MAX_USES and len(titles) == 24


def test_summary_numbers_are_computed_from_the_contacts_in_months():
    days = pd.date_range("2025-01-01", "2026-11-22", freq="D", tz="Europe/Amsterdam")
    per_day = np.where(days.month == 1, 6, 3)  # January busiest
    contacts = pd.DataFrame({"timestamp": np.repeat(days, per_day)})
    effects = pd.DataFrame({"label": ["Rug"], "lift": [1.8], "ci_low": [1.4], "ci_high": [2.2],
                            "effect": [True]}, index=["rug"])
    weekly = pd.DataFrame({"total": 1}, index=WEEKS[-100:])
    summary = overview(contacts, weekly, effects, READABILITY, pd.DataFrame(), today=pd.Timestamp("2026-12-01"))
    this_year = int((contacts["timestamp"].dt.year == 2026).sum())
    same_days = int(((contacts["timestamp"] < pd.Timestamp("2025-11-23", tz="Europe/Amsterdam"))).sum())
    assert summary.contacts == this_year and summary.contacts_last_year == same_days and summary.year == 2026
    assert summary.lines[0] == (f"In 2026 kwamen er tot en met 22 november 2026 {this_year} contacten binnen, "
                                f"0,0% meer dan in dezelfde periode van 2025 ({same_days}).")
    assert summary.lines[1].startswith("Drukste maanden in 2026: januari (186), ")  # whole months only
    assert "minstens twee jaar contactgegevens nodig" in summary.lines[2]
    assert "Rug ×1,8 (waarschijnlijk tussen ×1,4 en ×2,2)" in summary.lines[3]
    stale = overview(contacts, weekly, effects, READABILITY, pd.DataFrame(), today=pd.Timestamp("2027-03-01"))
    assert any(line.startswith("Let op: de contactgegevens lopen tot 22 november 2026, 99 dagen")
               for line in stale.lines)


def test_a_broken_form_in_the_compared_period_is_named_beside_the_yearly_comparison():
    from analysis.timeseries.outages import Outage

    days = pd.date_range("2025-01-01", "2026-11-22", freq="D", tz="Europe/Amsterdam")
    contacts = pd.DataFrame({"timestamp": np.repeat(days, 3)})
    effects = pd.DataFrame({"label": ["Rug"], "lift": [1.8], "ci_low": [1.4], "ci_high": [2.2],
                            "effect": [True]}, index=["rug"])
    weekly = pd.DataFrame({"total": 1}, index=WEEKS[-100:])
    broken = Outage(pd.Timestamp("2025-04-14"), pd.Timestamp("2025-05-05"), 21.0)
    summary = overview(contacts, weekly, effects, READABILITY, pd.DataFrame(), outages=[broken])
    assert summary.lines[0].endswith("Let op: van 14 april 2025 tot en met 11 mei 2025 kwamen er geen contacten "
                                     "binnen (werkte het formulier niet?), dus de vergelijking tussen de jaren "
                                     "klopt niet helemaal.")
    earlier = Outage(pd.Timestamp("2023-04-10"), pd.Timestamp("2023-05-01"), 21.0)  # before both years
    assert "Let op" not in overview(contacts, weekly, effects, READABILITY, pd.DataFrame(),
                                    outages=[earlier]).lines[0]
