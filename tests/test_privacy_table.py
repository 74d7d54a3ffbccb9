"""Recall per kind and over-scrubbing on our table of realistic messages (tests/privacy_table.py)."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from analysis.privacy import scrub

from . import privacy_table
from .privacy_table import HELD_OUT, HELD_OUT_3, HELD_OUT_4, HELD_OUT_5, HELD_OUT_6, HELD_OUT_7, HELD_OUT_15, TABLE

STRUCTURED = ["telefoon", "email", "url", "bsn", "iban", "postcode", "geboortedatum", "nummer"]


def _pieces(span: str) -> list[str]:
    """What must not survive of a span: its words of two or more letters, or its digit runs."""
    particles = {"de", "van", "der", "den", "het", "el", "ter", "ten", "at", "dot", "punt"}
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", span) if len(w) >= 2 and w.lower() not in particles]
    digits = re.findall(r"\d{3,}", span)
    if digits and not any(c.isalpha() for c in re.sub(r"[\W\d_]+", "", span).replace("at", "").replace("dot", "")):
        return digits
    return words + digits if span[0].isdigit() or not words else words


def _count(piece: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w]){re.escape(piece.lower())}(?![\w])", text.lower()))


def _removed(span: str, scrubbed: str, text: str) -> bool:
    """None of the span's pieces is left, beyond where the message has it outside the span too
    ('Mijn Instagram is instagram.com/…': the first 'Instagram' is no part of the address)."""
    rest = text.replace(span, " ")
    return all(_count(p, scrubbed) <= _count(p, rest) for p in _pieces(span))


def measure(rows: list[dict] | None = None) -> tuple[Counter, Counter, list, list]:
    """(found, total per kind, missed spans, lost must-keep words) on *rows* (default: TABLE)."""
    found, total, missed, lost = Counter(), Counter(), [], []
    for row in TABLE if rows is None else rows:
        out = scrub(row["text"])
        for kind, spans in row["go"].items():
            for span in spans:
                total[kind] += 1
                if _removed(span, out, row["text"]):
                    found[kind] += 1
                else:
                    missed.append((kind, span, out))
        for word in row["keep"]:
            if word.lower() not in out.lower():
                lost.append((word, out))
    return found, total, missed, lost


def test_the_table_is_large_and_covers_every_kind():
    assert len(TABLE) >= 100
    kinds = Counter(k for row in TABLE for k, spans in row["go"].items() for _ in spans)
    assert set(kinds) == {"naam", "adres", *STRUCTURED}
    assert sum(1 for row in TABLE if row["go"]) >= 65


def test_structured_identifiers_are_all_removed():
    found, total, missed, _ = measure()
    for kind in STRUCTURED:
        assert found[kind] == total[kind], [m for m in missed if m[0] == kind]


def test_names_and_addresses_at_least_95_percent():
    found, total, missed, _ = measure()
    for kind in ("naam", "adres"):
        assert found[kind] / total[kind] >= 0.95, (kind, found[kind], total[kind], [m for m in missed if m[0] == kind])


def test_at_most_a_handful_of_words_that_must_stay_are_lost():
    *_, lost = measure()
    kept = sum(len(row["keep"]) for row in TABLE)
    assert kept >= 100 and len(lost) <= 3, lost


def test_held_out_messages_the_rules_were_not_tuned_on():
    """Figures for unseen messages (the README quotes them): not tuned, so a looser bar."""
    found, total, missed, lost = measure(HELD_OUT)
    assert len(HELD_OUT) >= 30
    assert sum(found.values()) / sum(total.values()) >= 0.9, missed
    assert found["naam"] / total["naam"] >= 0.9 and len(lost) <= 2, (missed, lost)


def test_round3_messages_other_alphabets_and_shapes():
    """HELD_OUT_3: written before round 3's rules; its misses were then looked at and general rules
    followed, so it is a seen table now and holds them to what they do on it."""
    found, total, missed, lost = measure(HELD_OUT_3)
    assert sum(len(row["keep"]) for row in HELD_OUT_3) >= 200
    assert found == total and len(lost) <= 1, (missed, lost)


def test_round3_seen_held_out_messages():
    """HELD_OUT_4: held out until its misses (an IBAN in groups, five place words) were looked at
    and general rules followed; seen since, it keeps what they gave."""
    found, total, missed, lost = measure(HELD_OUT_4)
    assert found == total and not lost, (missed, lost)


def test_round3_seen_held_out_messages_five():
    """HELD_OUT_5: held out until its two lost words ('aan de Gouw', 'op de Roode Steen', read as
    surnames) were looked at and a rule followed (a street deduce knows after a preposition of
    place); seen since."""
    found, total, missed, lost = measure(HELD_OUT_5)
    assert sum(len(row["keep"]) for row in HELD_OUT_5) >= 200 and sum(total.values()) >= 40
    assert found == total and not lost, (missed, lost)


def test_round3_seen_held_out_messages_six():
    """HELD_OUT_6: on its one measurement 39 of 41 identifiers removed, 1 of 225 must-keep words
    lost. Missed: a street with an adjective in front and a house-number suffix ('Kleine Oost
    3-hs': 'Kleine' and 'hs' stayed) and an IBAN written with wrong check digits (the table's
    error: no IBAN; corrected); lost: 'Albert Heijn' (a shop read as a name). A rule followed
    (a street deduce knows keeps its first word; '-hs', '-II', 'a' after the number belong to
    the address), so it is a seen table now."""
    found, total, missed, lost = measure(HELD_OUT_6)
    assert sum(len(row["keep"]) for row in HELD_OUT_6) >= 200 and sum(total.values()) >= 40
    assert found == total and len(lost) <= 1, (missed, lost)


def test_round3_seen_held_out_messages_seven():
    """HELD_OUT_7: on its one measurement 38 of 43 identifiers removed (names 13/16, addresses
    5/5, structured 20/22) and 1 of 216 must-keep words lost. Missed: names after Hungarian and
    Romanian sign-offs, a child's name in 'de ouders van Sep', 'marieke(at)hotmail.com' and a
    policy number after 'Polisnr.'; lost: 'Dansschool Hoorn'. Rules followed (sign-offs from a
    lexicon in more languages, 'ouders van' + a name, '(at)' before a plain domain, abbreviated
    number names, a name starting with a school or club word is none), so it is seen now."""
    found, total, missed, lost = measure(HELD_OUT_7)
    assert sum(len(row["keep"]) for row in HELD_OUT_7) >= 200 and sum(total.values()) >= 40
    assert found == total and not lost, (missed, lost)


@pytest.mark.parametrize("table", [f"HELD_OUT_{n}" for n in range(8, 15)])
def test_round3_seen_held_out_tables(table):
    """HELD_OUT_8 to HELD_OUT_14: each written after the rules for the one before, measured once
    (docs/privacy-security.md lists every first measurement and what it missed), then its misses
    were looked at and general rules followed, so they are seen tables that hold those rules."""
    rows = getattr(privacy_table, table)
    found, total, missed, lost = measure(rows)
    assert sum(total.values()) >= 45 and found == total, missed
    assert len(lost) <= 1, lost  # HELD_OUT_10: the practice's own address, 'Gouw 9' (see docs)


def test_the_last_held_out_table_meets_the_aims():
    """HELD_OUT_15, written after every rule above and never used to change one (the README and
    docs quote its one measurement, 2026-12-02: 56 of 57 identifiers, names and addresses 38 of
    39, every structured identifier, 1 of 209 must-keep words lost). The aims: every structured
    identifier removed, names and addresses at least 97%, at most one must-keep word lost in 200."""
    found, total, missed, lost = measure(HELD_OUT_15)
    assert total["naam"] + total["adres"] >= 35 and sum(len(r["keep"]) for r in HELD_OUT_15) >= 200
    for kind in STRUCTURED:
        assert found[kind] == total[kind], [m for m in missed if m[0] == kind]
    assert (found["naam"] + found["adres"]) / (total["naam"] + total["adres"]) >= 0.97, missed
    assert len(lost) / sum(len(r["keep"]) for r in HELD_OUT_15) <= 1 / 200, lost


def test_topics_of_the_messages_are_unchanged_by_scrubbing(nlp):
    from analysis.text.topics import TopicTagger

    texts = [row["text"] for row in TABLE]
    before = TopicTagger().tag_messages(texts, nlp)
    after = TopicTagger().tag_messages([scrub(t) for t in texts], nlp)
    changed = [(t, b["topics"], a["topics"]) for t, b, a in zip(texts, before, after) if b["topics"] != a["topics"]]
    assert changed == []


def test_the_forms_own_columns_are_scrubbed_from_the_message(tmp_path):
    from analysis.sources.contacts import import_contacts

    export = tmp_path / "flamingo.csv"
    export.write_text(
        "Date,From,Subject,Message,Telefoon\n"
        '2026-03-02 10:00,"Wendelien Kroos <w.kroos@example.nl>",Vraag,"Hoi, wendelien hier. Bel 0612 345 678.",'
        "06-12345678\n", encoding="utf-8")
    frame, report = import_contacts([export])
    text = frame["text"].iloc[0]
    assert "wendelien" not in text.lower() and "345" not in text and "[NAAM]" in text
    assert "From" in report.files[0].columns["personal"]
