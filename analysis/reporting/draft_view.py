"""The draft checker's page: the verdict, the figures against their aims, the draft itself
with its problems highlighted (as a Hemingway-style editor does), its topics with what
the planner says, and a check of the title and headings.

Everything from the draft is escaped before it is marked up, so markup in a draft is
shown as text and never runs.
"""
from __future__ import annotations

import html
import re

from ..core.formatting import nl_number
from ..text.draft_check import FROG_PENDING, dismissed_lines, figure_rows
from ..text.readability.verdict import B1_TEXT
from ..text.seo_check import SeoCheck

TITLE_CHARACTERS = (30, 60)  # a title that search results show whole and that says enough
HEADING_WORDS = 8
SECTION_WORDS = 300
LEGEND = [("long", "lange zin (meer dan 20 woorden)"), ("passive", "lijdende vorm (golflijn)"),
          ("jargon", "vakterm"), ("formal", "formeel woord"), ("rare", "weinig gebruikt woord"),
          ("hard", "moeilijk woord (leenwoord, abstract of lang)"),
          ("structure", "zinsbouw: woorden die bij elkaar horen ver uit elkaar, of veel deelzinnen (met Frog)")]
HARD_HINTS = {"leenwoord": "leenwoord: zegt een gewoon Nederlands woord hetzelfde?",
              "abstract woord": "abstract woord: kunt u zeggen wat u bedoelt?",
              "lang woord": "lang samengesteld woord: splits het of zeg het in een paar woorden"}
STYLE = """
<style>
.concept{font-family:system-ui,sans-serif;line-height:1.7;max-width:60rem;overflow-wrap:anywhere}
.concept .oordeel{font-size:1.25rem;font-weight:600;padding:.4rem .8rem;border-radius:.3rem;display:inline-block}
.concept .ja{background:#d8f0dc}.concept .nee{background:#f8d7d3}
.concept table{border-collapse:collapse;margin:.5rem 0}.concept td,.concept th{padding:.2rem .6rem;text-align:left;
border-bottom:1px solid #ddd}
.concept .tekst{border:1px solid #ccc;border-radius:.3rem;padding:.5rem 1rem;background:#fff}
.concept .long{background:#fff1b8}
.concept .passive{text-decoration:underline wavy #2f6fb3;text-decoration-thickness:1.5px;text-underline-offset:3px}
.concept mark{padding:0 .1rem;border-radius:.2rem}.concept .jargon{background:#f4c7c3}
.concept .formal{background:#e3d4f5}.concept .rare{background:#ffd9a8}.concept .hard{background:#c9ece4}
.concept .structure{border-bottom:2px dotted #b35c00}
.concept .legenda span{margin-right:.8rem;padding:0 .3rem;border-radius:.2rem}
.concept .seo{list-style:none;padding-left:0}.concept .seo .goed{color:#1d6b2f}.concept .seo .beter{color:#a4262c}
</style>
"""


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _figures(result: dict) -> str:
    rows = "".join(f"<tr><td>{_e(label)}</td><td>{_e(value)}</td><td>{_e(aim)}</td>"
                   f"<td class='licht'>{_e(light or 'n.v.t.')}</td></tr>"
                   for label, value, aim, light in figure_rows(result))
    return "<table><tr><th>maat</th><th>concept</th><th>streefwaarde</th><th>beoordeling</th></tr>" + rows + "</table>"


def _marks(sentence: dict) -> dict[str, tuple[str, str]]:
    """Words and phrases to mark in a sentence: lower-case text -> (class, hover text)."""
    marks: dict[str, tuple[str, str]] = {}
    for word in sentence.get("rare_words", []):
        marks[word.lower()] = ("rare", "weinig gebruikt woord: kan het eenvoudiger?")
    for word, reason in sentence.get("hard_words", []):
        marks[word.lower()] = ("hard", HARD_HINTS[reason])
    for term, alternative in sentence.get("formal", []):
        marks[term.lower()] = ("formal", f"formeel; eenvoudiger: {alternative}")
    for term, alternative in sentence.get("jargon", []):
        marks[term.lower()] = ("jargon", f"vakterm; eenvoudiger: {alternative}")
    return marks


def _sentence_html(sentence: dict) -> str:
    text = _e(sentence["text"])
    marks = _marks(sentence)
    if marks:
        pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(_e(m)) for m in sorted(marks, key=len, reverse=True))
                             + r")(?!\w)", re.I)

        def mark(m: re.Match) -> str:
            kind, hover = marks[html.unescape(m.group(1)).lower()]
            return f"<mark class='{kind}' title='{_e(hover)}'>{m.group(1)}</mark>"

        text = pattern.sub(mark, text)
    classes, hovers = [], []
    if sentence["words"] > 20 and not sentence.get("fragment"):
        classes.append("long")
        hovers.append(f"lange zin: {sentence['words']} woorden")
    if sentence.get("passive"):
        classes.append("passive")
        hovers.append(f"lijdende vorm: {sentence['passive']}")
    if sentence.get("structure"):
        classes.append("structure")
        hovers.extend(sentence["structure"])
    if classes:
        return f"<span class='{' '.join(classes)}' title='{_e('; '.join(hovers))}'>{text}</span>"
    return text


def _draft(blocks: list, sentences: list[dict]) -> str:
    by_paragraph: dict[int, list[dict]] = {}
    for s in sentences:
        by_paragraph.setdefault(s["paragraph"], []).append(s)
    parts, paragraph = [], -1
    for i, block in enumerate(blocks):
        if block.kind == "heading":
            parts.append(f"<h4>{_e(block.text)}</h4>")
            continue
        paragraph += 1
        body = " ".join(_sentence_html(s) for s in by_paragraph.get(paragraph, []))
        if block.kind != "item":
            parts.append(f"<p>{body}</p>")
            continue
        opens = i == 0 or blocks[i - 1].kind != "item"  # a list is one <ul>, inside the frame
        closes = i + 1 == len(blocks) or blocks[i + 1].kind != "item"
        parts.append(("<ul>" if opens else "") + f"<li>{body}</li>" + ("</ul>" if closes else ""))
    return "<div class='tekst'>" + "".join(parts) + "</div>"


def _lint(result: dict) -> str:
    """The LiNT line: score and level (Frog path), else why there is none."""
    lint, path = result.get("lint"), result.get("deep_analysis", "zonder Frog")
    if lint:
        return (f"<p>LiNT {_e(nl_number(lint['score']))} van 100 ({_e(lint['level_text'])}); zinsbouw ontleed door "
                f"{_e(path)}.</p>")
    if path == FROG_PENDING:
        return "<p>LiNT en zinsbouw: Frog ontleedt het concept, even geduld ...</p>"
    return f"<p>LiNT en zinsbouw: niet berekend ({_e(path)}; installeer Frog: apt-get install frog frogdata).</p>"


def _title_and_headings(title: str, blocks: list, result: dict) -> list[str]:
    lines = []
    low, high = TITLE_CHARACTERS
    n = len(title)
    verdict = "goed" if low <= n <= high else ("kort" if n < low else "lang: zoekmachines korten hem af")
    lines.append(f"Titel: {n} tekens ({verdict}; streef naar {low} tot {high}).")
    headings = [b.text for b in blocks if b.kind == "heading"]
    lines.append(f"{len(headings)} tussenkopjes; de langste tekst zonder tussenkopje telt "
                 f"{result.get('longest_section', 0)} woorden (max. {SECTION_WORDS}).")
    lines.extend(f"Tussenkopje '{h}' is lang ({len(h.split())} woorden); maak het korter."
                 for h in headings if len(h.split()) > HEADING_WORDS)
    return lines


def _dismissed(result: dict) -> str:
    """What the marketer's dismissed words and sentences changed (not marked, not counted)."""
    return "".join(f"<p class='genegeerd'>{_e(line)}.</p>" for line in dismissed_lines(result))


def _seo(checks: list[SeoCheck], keyphrase: str, suggested: bool) -> list[str]:
    """The findability checks: the keyphrase (the marketer's or the suggested one) and each check."""
    if not checks:
        return []
    mark = {True: ("goed", "✓"), False: ("beter", "✗"), None: ("advies", "•")}
    origin = " (voorgesteld bij het onderwerp; vul hierboven uw eigen zoekwoord in)" if suggested else ""
    rows = "".join(f"<li class='{mark[c.ok][0]}'>{mark[c.ok][1]} <b>{_e(c.label)}</b>: {_e(c.text)}</li>"
                   for c in checks)
    return ["<h3>Vindbaarheid in Google</h3>", f"<p>Zoekwoord: <b>{_e(keyphrase)}</b>{_e(origin)}</p>",
            f"<ul class='seo'>{rows}</ul>"]


def draft_html(title: str, blocks: list, result: dict, advice: list[dict] | None = None,
               seo: list[SeoCheck] | None = None, keyphrase: str = "", suggested: bool = True) -> str:
    """The whole checker page for one draft (result: check_blocks(); seo: its findability checks)."""
    b1 = bool(result["b1"])
    parts = [STYLE, "<div class='concept'>", f"<h2>{_e(title)}</h2>",
             f"<p class='oordeel {'ja' if b1 else 'nee'}'>Oordeel: {_e(B1_TEXT[b1])}</p>",
             "<ul>" + "".join(f"<li>{_e(r)}</li>" for r in result["reasons"]) + "</ul>",
             f"<p>{result['words']} woorden, {result['sentence_count']} zinnen"
             + (f", {result['fragments']} losse regels (lijstjes, knoppen)" if result.get("fragments") else "")
             + "</p>", _figures(result), _lint(result),
             "<h3>Het concept, met wat beter kan</h3>",
             "<p class='legenda'>" + "".join(f"<span class='{k}'>{_e(v)}</span>" for k, v in LEGEND)
             + " Ga met de muis over een markering voor uitleg of een eenvoudiger woord.</p>",
             _dismissed(result),
             _draft(blocks, result["sentences"]), "<h3>Titel en tussenkopjes</h3>",
             "<ul>" + "".join(f"<li>{_e(x)}</li>" for x in _title_and_headings(title, blocks, result)) + "</ul>",
             "<h3>Onderwerpen</h3>"]
    topics = result.get("topics", {})
    if not topics.get("topics"):
        parts.append("<p>Geen onderwerp uit de taxonomie herkend.</p>")
    for item in advice or []:
        terms = ", ".join(topics["scores"][item["topic"]]["terms"])
        role = "hoofdonderwerp" if item["topic"] == topics.get("main") else "nevenonderwerp"
        lines = [item["when"], item["last_post"], f"contacten: {item['contacts']}" if item["contacts"] else ""]
        parts.append(f"<p><b>{_e(item['label'])}</b> ({role}; herkend aan: {_e(terms)})<br>"
                     + "<br>".join(_e(x) for x in lines if x) + "</p>")
    parts += _seo(seo or [], keyphrase, suggested)
    parts.append("</div>")
    return "".join(parts)
