"""WordPress export (WXR): the XML export every WordPress site can produce."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ...core.errors import ImportFailure
from ..corpus import Post, blocks_to_markdown
from .htmlpage import html_to_blocks
from .wordpress_content import render_content

NS = {  # defaults; each export's own declarations win (WXR 1.0, 1.1 and 1.2, over http or https)
    "wp": "http://wordpress.org/export/1.1/",  # what WordPress's importer assumes when none is declared
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_DECLARED = re.compile(r'xmlns:(wp|content|dc)\s*=\s*["\']([^"\']+)["\']')
_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*(["']).*?\2""")


@dataclass
class WxrItem:
    """One ``<item>`` of the export: a post, or the reason it is skipped."""

    label: str
    post: Post | None = None
    skip_reason: str = ""
    words: dict | None = None  # source, body, captions, dropped (see render_content)


def namespaces(text: str) -> dict[str, str]:
    """The export's own namespaces for wp, content and dc (found in the document, not assumed)."""
    head = text[:20_000]
    return NS | {prefix: uri for prefix, uri in _DECLARED.findall(head)}


def _text(item: ET.Element, path: str, ns: dict[str, str]) -> str:
    return (item.findtext(path, default="", namespaces=ns) or "").strip()


def _meta(item: ET.Element, key: str, ns: dict[str, str]) -> str:
    """The value of post meta *key* of an item ("" when absent)."""
    for meta in item.findall("wp:postmeta", ns):
        if _text(meta, "wp:meta_key", ns) == key:
            return _text(meta, "wp:meta_value", ns)
    return ""


def _untitled(blocks, slug: str) -> tuple[str, str]:
    """(title, note) for a published post without a title: its first heading or sentence, else its slug."""
    first = next((b.text for b in blocks), "")
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0].strip()
    if blocks and blocks[0].kind == "heading":
        return first, "geen titel in de export: het eerste tussenkopje is de titel"
    if sentence and len(sentence.split()) <= 12:
        return sentence.rstrip("."), "geen titel in de export: de eerste zin is de titel"
    if slug:
        return slug.replace("-", " ").strip().capitalize(), "geen titel in de export: titel gemaakt van de adresnaam"
    words = first.split()
    return " ".join(words[:8]) + " ...", "geen titel in de export: de eerste woorden zijn de titel"


def wordpress_date(value: str) -> dt.date | None:
    """The day of a WordPress date ('2025-01-20 09:00:00', '2025-01-20T09:00:00'), or None."""
    if not value or value.startswith("0000"):
        return None  # WordPress writes 0000-00-00 for unscheduled drafts
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def wordpress_item(label: str, title: str, raw: str, date: dt.date | None, slug: str, meta: dict,
                   reusable: dict[int, str] | None = None, elementor: str = "") -> WxrItem:
    """A published WordPress post (from an export or the REST API) as WordPress would show it,
    with its words accounted for."""
    content = render_content(raw, reusable, elementor)
    blocks = html_to_blocks(content.html)
    title_words = 0
    if blocks and blocks[0].kind == "heading" and blocks[0].text == title:
        title_words = len(blocks[0].text.split())  # a page builder repeats the title as a heading
        blocks = blocks[1:]
        content.dropped.append("titel als eerste kop herhaald")
    if not any(b.kind != "heading" for b in blocks):
        return WxrItem(label, skip_reason="overgeslagen: geen tekst")
    if not title:
        title, note = _untitled(blocks, slug)
        content.dropped.append(note)
        if blocks[0].kind == "heading" and blocks[0].text == title:
            blocks = blocks[1:]
    if content.captions:  # in the front matter right after the source, as the corpus has always had it
        first = {k: meta[k] for k in ("source", "import_id") if k in meta}
        meta = first | {"captions": content.captions} | {k: v for k, v in meta.items() if k not in first}
    post = Post(title=title, body=blocks_to_markdown(blocks), date=date, slug=slug, meta=meta)
    source = content.source_words
    body = sum(len(b.text.split()) for b in blocks)
    caption_words = sum(len(c.split()) for c in content.captions)
    dropped = source - body - caption_words - title_words
    if dropped > 0 and not content.dropped:  # say why, at any share
        content.dropped.append("tekst buiten alinea's, lijsten, kopjes en tabellen (bijvoorbeeld in een "
                               "knop of een los HTML-blok)")
    return WxrItem(label, post=post, words={"source": source, "body": body, "captions": caption_words,
                                            "dropped": dropped, "notes": content.dropped})


def parse_wxr(text: str) -> list[WxrItem]:
    """Parse a WXR export; published posts become Posts, everything else is a skip."""
    ns = namespaces(text)
    try:  # the text is decoded already: a declared encoding must not decode it a second time
        root = ET.fromstring(_XML_ENCODING.sub(r"\1", text, count=1).encode("utf-8"))
    except ET.ParseError as exc:
        raise ImportFailure(f"ongeldige XML ({exc})") from None
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportFailure("geen WordPress-export (rss/channel ontbreekt)")
    reusable = {int(_text(i, "wp:post_id", ns) or 0): _text(i, "content:encoded", ns)
                for i in channel.findall("item") if _text(i, "wp:post_type", ns) == "wp_block"}
    items = []
    for n, item in enumerate(channel.findall("item"), start=1):
        title = _text(item, "title", ns)
        label = f"item {n} ({title or 'zonder titel'})"
        kind, status = _text(item, "wp:post_type", ns), _text(item, "wp:status", ns)
        if not kind and item.find("wp:post_type", ns) is None:
            items.append(WxrItem(label, skip_reason=(
                f"overgeslagen: geen WordPress-gegevens (wp:post_type) in de naamruimte {ns['wp']}; is dit "
                "een WordPress-export (Extra → Exporteren)?")))
            continue
        if kind != "post":
            items.append(WxrItem(label, skip_reason=f"overgeslagen: type '{kind or 'leeg'}', geen bericht"))
            continue
        if status != "publish":
            items.append(WxrItem(label, skip_reason=f"overgeslagen: status '{status or 'leeg'}', niet gepubliceerd"))
            continue
        meta: dict[str, object] = {"source": "wordpress-export",
                                   "import_id": f"wordpress:{_text(item, 'wp:post_id', ns) or label}"}
        if link := _text(item, "link", ns):
            meta["url"] = link
        if author := _text(item, "dc:creator", ns):
            meta["author"] = author
        categories = sorted({c.text.strip() for c in item.findall("category")
                             if c.get("domain") == "category" and c.text})
        if categories:
            meta["categories"] = categories
        raw, date = _text(item, "content:encoded", ns), wordpress_date(_text(item, "wp:post_date", ns))
        items.append(wordpress_item(label, title, raw, date, _text(item, "wp:post_name", ns), meta, reusable,
                                    _meta(item, "_elementor_data", ns)))
    return items
