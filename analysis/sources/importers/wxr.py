"""WordPress export (WXR): the XML export every WordPress site can produce."""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ...core.errors import ImportFailure
from ..corpus import Post, blocks_to_markdown
from .htmlpage import html_to_blocks
from .wordpress_content import render_content

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
}


@dataclass
class WxrItem:
    """One ``<item>`` of the export: a post, or the reason it is skipped."""

    label: str
    post: Post | None = None
    skip_reason: str = ""
    words: dict | None = None  # source, body, captions, dropped (see render_content)


def _text(item: ET.Element, path: str) -> str:
    return (item.findtext(path, default="", namespaces=NS) or "").strip()


def _meta(item: ET.Element, key: str) -> str:
    """The value of post meta *key* of an item ("" when absent)."""
    for meta in item.findall("wp:postmeta", NS):
        if _text(meta, "wp:meta_key") == key:
            return _text(meta, "wp:meta_value")
    return ""


def _date(value: str) -> dt.date | None:
    if not value or value.startswith("0000"):
        return None  # WordPress writes 0000-00-00 for unscheduled drafts
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_wxr(text: str) -> list[WxrItem]:
    """Parse a WXR export; published posts become Posts, everything else is a skip."""
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as exc:
        raise ImportFailure(f"ongeldige XML ({exc})") from None
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise ImportFailure("geen WordPress-export (rss/channel ontbreekt)")
    reusable = {int(_text(i, "wp:post_id") or 0): _text(i, "content:encoded")
                for i in channel.findall("item") if _text(i, "wp:post_type") == "wp_block"}
    items = []
    for n, item in enumerate(channel.findall("item"), start=1):
        title = _text(item, "title")
        label = f"item {n} ({title or 'zonder titel'})"
        kind, status = _text(item, "wp:post_type"), _text(item, "wp:status")
        if kind != "post":
            items.append(WxrItem(label, skip_reason=f"overgeslagen: type '{kind or 'onbekend'}'"))
            continue
        if status != "publish":
            items.append(WxrItem(label, skip_reason=f"overgeslagen: status '{status or 'onbekend'}'"))
            continue
        content = render_content(_text(item, "content:encoded"), reusable, _meta(item, "_elementor_data"))
        blocks = html_to_blocks(content.html)
        title_words = 0
        if blocks and blocks[0].kind == "heading" and blocks[0].text == title:
            title_words = len(blocks[0].text.split())  # a page builder repeats the title as a heading
            blocks = blocks[1:]
            content.dropped.append("titel als eerste kop herhaald")
        if not title or not any(b.kind != "heading" for b in blocks):
            items.append(WxrItem(label, skip_reason="overgeslagen: geen titel of geen tekst"))
            continue
        meta: dict[str, object] = {"source": "wordpress-export",
                                   "import_id": f"wordpress:{_text(item, 'wp:post_id') or label}"}
        if content.captions:
            meta["captions"] = content.captions
        if link := _text(item, "link"):
            meta["url"] = link
        if author := _text(item, "dc:creator"):
            meta["author"] = author
        categories = sorted({c.text.strip() for c in item.findall("category")
                             if c.get("domain") == "category" and c.text})
        if categories:
            meta["categories"] = categories
        date = _date(_text(item, "wp:post_date"))
        post = Post(title=title, body=blocks_to_markdown(blocks), date=date,
                    slug=_text(item, "wp:post_name"), meta=meta)
        source = content.source_words
        body = sum(len(b.text.split()) for b in blocks)
        caption_words = sum(len(c.split()) for c in content.captions)
        items.append(WxrItem(label, post=post, words={
            "source": source, "body": body, "captions": caption_words,
            "dropped": source - body - caption_words - title_words, "notes": content.dropped}))
    return items
