"""What the owner and the marketer read contains no code: every rendered report page and
every CSV is scanned for code identifiers, English column names, True/False/NaN/None and
numbers with more than two decimals and dates written as 2026-03-14."""
from __future__ import annotations

import html
import re

import pandas as pd
import pytest

from analysis.planning.calendar import PlanItem
from analysis.reporting.exports import write_csv
from analysis.reporting.report import NOTEBOOK_DIR, NOTEBOOKS, render_site

SNAKE = re.compile(r"(?<![\w./-])[a-z]+_[a-z0-9_]+(?![\w./-])")  # file names and paths are fine
CODE_VALUES = re.compile(r"\b(True|False|NaN|None|nan)\b")
ISO_DATE = re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")  # the owner reads 14-03-2026; file names are fine
LONG_DECIMALS = re.compile(r"(?<![\d.,])\d+[.,]\d{3,}(?![\d.,])")
MACHINE = re.compile(r"(?i:\b(?:corpus|tagger|notebooks?|parameters?)\b(?![/\w.]))|\b(?:RAW|DRAFT|CORPUS|CONTACTS)\b"
                     r"|date: null")  # the machinery's words: the owner reads 'de blog', 'de herkenning', 'pagina'
ENGLISH = re.compile(r"(?<!')\b(lift|note|title|file|slug|topic|posts|label|contacts|views|window|score|stability|"
                     r"share|priority|reason|evidence)\b(?![./]\w)")


def problems(text: str) -> list[str]:
    found = []
    for kind, pattern in [("code", SNAKE), ("waarde", CODE_VALUES), ("decimalen", LONG_DECIMALS),
                          ("Engels", ENGLISH), ("datum", ISO_DATE), ("machine", MACHINE)]:
        found += [f"{kind}: {m}" for m in sorted(set(pattern.findall(text)))]
    return found


def visible(page: str) -> str:
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<img\b[^>]*>", " ", page)
    page = re.sub(r"<code>.*?</code>", " ", page, flags=re.S)  # file names in prose
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_scanner_catches_what_it_should():
    assert problems("posts_last_2y True 1,4651539") == ["code: posts_last_2y", "waarde: True",
                                                        "decimalen: 1,4651539"]
    assert problems("7 posts zijn moeilijker") == ["Engels: posts"]
    assert problems("laatste bericht 2026-03-14, bestand 2026-03-14-rugpijn") == ["datum: 2026-03-14"]
    assert problems("Dit notebook: de tagger vond (parameter RAW) date: null") == [
        "machine: RAW", "machine: date: null", "machine: notebook", "machine: parameter", "machine: tagger"]
    assert problems("Zie corpus/topic_labels.csv en contacts.csv: 1,47 ja, uit de map 'posts'") == []


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    render_site({name: NOTEBOOK_DIR / f"{name}.ipynb" for name in NOTEBOOKS}, out)
    return out


def test_rendered_pages_have_no_code_names_or_raw_values(site):
    found = {page.name: problems(visible(page.read_text(encoding="utf-8"))) for page in sorted(site.glob("*.html"))}
    assert {name: p for name, p in found.items() if p} == {}


def test_the_planner_csv_is_written_for_people(tmp_path):
    row = {field: None for field in PlanItem.__dataclass_fields__} | {
        "publish_from": pd.Timestamp("2026-12-07"), "topic": "lies", "topic_label": "Lies", "priority": "high",
        "working_title": "Lies: goed voorbereid op januari", "angle": "de vragen pieken in januari",
        "reason": "seizoen", "evidence": "effect ×1,9", "extra_contacts": 1.465153972417715, "extra_low": 1.1023,
        "extra_high": 2.0,
        "effect": True, "last_post": "Liesblessure", "last_post_date": pd.Timestamp("2026-01-14").date(),
        "last_post_b1": False}
    path = write_csv(pd.DataFrame([row]), tmp_path / "planner.csv")
    text = path.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0].split(";")
    assert "onderwerp-id" in header and "publiceren vanaf" in header and "werktitel" in header
    body = text.split("\n", 1)[1]
    assert problems(text) == []
    assert "1,47" in body and "07-12-2026" in body and ";ja;" in body and ";nee" in body
