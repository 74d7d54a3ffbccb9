"""HTML: saved article pages (via trafilatura) and HTML fragments (WordPress content)."""
from __future__ import annotations

import datetime as dt
import json
import re

import lxml.html
import trafilatura

from ...core.errors import ImportFailure
from ..corpus import Block, Post, blocks_to_markdown, slugify

BLOCK_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "tr", "dt", "dd", "address",
              "figcaption"}
ITEM_TAGS = {"li", "tr", "dd"}  # list-like units: fragments, not sentences, for the readability checks
NOT_TEXT = ("script", "style", "noscript", "template", "svg", "iframe", "object")  # code and embeds, not prose
# libxml2 stops at 256 nested elements unless told otherwise; page builders nest that deep
PARSER = lxml.html.HTMLParser(huge_tree=True, remove_comments=True)


def _without_code(root):
    for element in root.xpath("|".join(f"//{tag}" for tag in NOT_TEXT)):
        element.drop_tree()
    return root


def html_to_blocks(html: str) -> list[Block]:
    """Headings, paragraphs and list items of an HTML fragment, in document order."""
    if not html.strip():
        return []
    root = _without_code(lxml.html.fragment_fromstring(html, create_parent="div", parser=PARSER))
    for br in root.iter("br"):  # a line break separates words ("weken?<br>Maak")
        br.tail = "\n" + (br.tail or "")
    blocks: list[Block] = []
    for el in root.iter(*BLOCK_TAGS):
        if any(a.tag in BLOCK_TAGS for a in el.iterancestors()):
            continue  # nested block: its text belongs to the outer block
        text = _cells(el) if el.tag == "tr" else " ".join(el.text_content().replace("\u00a0", " ").split())
        if not text:
            continue
        if el.tag[0] == "h" and el.tag[1:].isdigit():
            blocks.append(Block("heading", text, max(2, int(el.tag[1]))))
        else:
            blocks.append(Block("item" if el.tag in ITEM_TAGS else "paragraph", text))
    if not blocks:  # plain text content without block tags (older WordPress posts)
        text = root.text_content()
        blocks = [Block("paragraph", " ".join(p.split()))
                  for p in re.split(r"\n\s*\n", text) if p.strip()]
    return blocks


def _cells(row) -> str:
    """A table row as one text unit: its cells joined by '; ' (no extra words to count)."""
    cells = (" ".join(c.text_content().replace("\u00a0", " ").split()) for c in row if c.tag in ("td", "th"))
    return "; ".join(c for c in cells if c)


def _published_date(tree) -> dt.date | None:
    """The publication date only where the page states it; never guessed."""
    candidates = tree.xpath(
        "//meta[@property='article:published_time']/@content"
        " | //meta[@itemprop='datePublished']/@content"
        " | //article//time/@datetime")
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]):
            if isinstance(item, dict) and item.get("datePublished"):
                candidates.append(item["datePublished"])
    for value in candidates:
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            continue
    return None


def parse_html_page(html: str) -> Post:
    """Extract the main article of a saved page (WordPress or similar)."""
    try:
        tree = lxml.html.document_fromstring(html, parser=PARSER)
        page = _without_code(lxml.html.document_fromstring(html, parser=PARSER))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ImportFailure(f"geen leesbare HTML ({exc})") from None
    content = trafilatura.extract(page, output_format="html", include_formatting=True,
                                  favor_recall=True, with_metadata=False)
    blocks = html_to_blocks(content or "")
    if not any(b.kind != "heading" for b in blocks):
        raise ImportFailure("geen artikeltekst gevonden in de HTML")
    if not any(len(b.text.split()) >= 8 and b.text.endswith((".", "!", "?")) for b in blocks):
        raise ImportFailure("alleen navigatie of korte regels, geen artikel (overgeslagen)")
    h1 = tree.xpath("//h1")
    title = " ".join(h1[0].text_content().split()) if h1 else ""
    if not title:
        og = tree.xpath("//meta[@property='og:title']/@content")
        title = str(og[0]).strip() if og else " ".join((tree.findtext(".//title") or "").split())
    if blocks[0].kind == "heading" and blocks[0].text == title:
        blocks = blocks[1:]
    if not title:
        raise ImportFailure("geen titel gevonden in de HTML")
    meta = {"source": "html"}
    canonical = [str(href) for href in tree.xpath("//link[@rel='canonical']/@href")]
    if canonical:
        meta["url"] = canonical[0]
    slug = slugify(canonical[0].rstrip("/").rsplit("/", 1)[-1]) if canonical else ""
    return Post(title=title, body=blocks_to_markdown(blocks), date=_published_date(tree),
                slug=slug, meta=meta)
