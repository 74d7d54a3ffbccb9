"""``content:encoded`` of a WordPress export made into the HTML WordPress would show.

WordPress stores posts of the classic editor without ``<p>`` tags and adds them
when a page is shown (``wpautop``); page builders wrap the article in shortcodes;
the block editor leaves comments and references reusable blocks; Elementor keeps
its text in the ``_elementor_data`` post meta. Each step here mirrors what
WordPress does before rendering, so that no sentence of the source is lost:

- reusable blocks (``<!-- wp:block {"ref":12} /-->``) are replaced by the
  ``wp_block`` item they refer to; other block comments are removed;
- ``[caption]`` shortcodes and the block editor's ``<figcaption>`` become captions (kept
  apart from the body prose);
- page-builder shortcodes (Divi ``et_pb_``, WPBakery ``vc_``, Avada ``fusion_``,
  ...) are unwrapped, keeping their text; other shortcodes are technical (a form,
  a gallery) and are dropped with a note;
- ``wpautop``: text outside block elements is split into paragraphs at blank lines.
"""
from __future__ import annotations

import html as html_lib
import json
import re
from dataclasses import dataclass, field

BUILDER_PREFIXES = ("et_pb_", "vc_", "fusion_", "av_", "cs_", "x_", "themify_", "tatsu_", "mk_")
BLOCK_ELEMENTS = ("address|article|aside|blockquote|details|div|dl|dd|dt|fieldset|figcaption|figure|"
                  "footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|thead|tbody|tfoot|"
                  "tr|td|th|ul")
LEAF_ELEMENTS = "h[1-6]|p|li|pre|figcaption|td|th|dt|dd|address"  # blocks that hold text
_LEAF_UNIT = re.compile(rf"<({LEAF_ELEMENTS})\b[^>]*>.*?</\1\s*>", re.S | re.I)
_BLOCK_TAG = re.compile(rf"(</?(?:{BLOCK_ELEMENTS})\b[^>]*>)", re.I)
_STARTS_BLOCK = re.compile(rf"^</?(?:{BLOCK_ELEMENTS})\b", re.I)
_REUSABLE = re.compile(r"<!--\s*wp:block\s+(\{.*?\})\s*/-->", re.S)
_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.S)
_CAPTION = re.compile(r"\[caption\b[^\]]*\](.*?)\[/caption\]", re.S | re.I)
_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption\s*>", re.S | re.I)  # block editor captions
_SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)\b[^\]]*?(/?)\]")
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class Content:
    """The renderable HTML of a post, its captions and what was dropped (with why)."""
    html: str
    source_words: int = 0
    captions: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def plain_words(markup: str) -> list[str]:
    """The words of *markup* once tags, block comments and shortcode tags are removed."""
    text = _SHORTCODE.sub(" ", _BLOCK_COMMENT.sub(" ", markup))
    return html_lib.unescape(_TAGS.sub(" ", text)).split()


def _resolve_reusable(raw: str, reusable: dict[int, str], notes: list[str]) -> str:
    def replace(m: re.Match) -> str:
        try:
            ref = int(json.loads(m.group(1)).get("ref"))
        except (ValueError, TypeError, AttributeError):
            notes.append("herbruikbaar blok zonder geldige verwijzing")
            return ""
        if ref not in reusable:
            notes.append(f"herbruikbaar blok {ref} staat niet in de export")
            return ""
        return reusable[ref]
    for _ in range(3):  # reusable blocks may nest
        raw = _REUSABLE.sub(replace, raw)
    return raw


def _shortcodes(raw: str, captions: list[str], notes: list[str]) -> str:
    def caption(m: re.Match) -> str:
        text = " ".join(html_lib.unescape(_TAGS.sub(" ", m.group(1))).split())
        if text:
            captions.append(text)
        return "\n\n"

    raw = _FIGCAPTION.sub(caption, _CAPTION.sub(caption, raw))

    def tag(m: re.Match) -> str:
        name = m.group(2).lower()
        if name.startswith(BUILDER_PREFIXES):
            return "\n\n"  # a wrapper: keep what is inside, as its own block
        notes.append(f"shortcode [{name}] weggelaten")
        return ""

    return _SHORTCODE.sub(tag, raw)


def wpautop(text: str) -> str:
    """Paragraphs for text outside block elements, as WordPress's ``wpautop`` makes them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    units: list[str] = []  # text-holding blocks are kept whole, so their text is never split

    def keep(m: re.Match) -> str:
        units.append(m.group(0))
        return f"\n\n\x00{len(units) - 1}\x00\n\n"

    text = _BLOCK_TAG.sub(r"\n\n\1\n\n", _LEAF_UNIT.sub(keep, text))
    out = []
    for chunk in re.split(r"\n\s*\n", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        out.append(chunk if chunk.startswith("\x00") or _STARTS_BLOCK.match(chunk) else f"<p>{chunk}</p>")
    return re.sub(r"\x00(\d+)\x00", lambda m: units[int(m.group(1))], "\n".join(out))


def _elementor_html(data: str) -> str:
    """Headings and text widgets of Elementor's page data, in order."""
    try:
        elements = json.loads(data)
    except (ValueError, TypeError):
        return ""
    parts: list[str] = []

    def walk(nodes) -> None:
        for node in nodes if isinstance(nodes, list) else []:
            if not isinstance(node, dict):
                continue
            settings = node.get("settings") or {}
            widget = node.get("widgetType")
            if widget == "heading" and settings.get("title"):
                level = str(settings.get("header_size") or "h2")
                level = level if re.fullmatch(r"h[1-6]", level) else "h2"
                parts.append(f"<{level}>{html_lib.escape(str(settings['title']))}</{level}>")
            elif widget in ("text-editor", "theme-post-content") and settings.get("editor"):
                parts.append(str(settings["editor"]))
            walk(node.get("elements"))

    walk(elements)
    return "\n\n".join(parts)


def render_content(raw: str, reusable: dict[int, str] | None = None, elementor: str = "") -> Content:
    """The HTML WordPress would show for a post's ``content:encoded`` (or its Elementor
    data when the content is empty or a short stub)."""
    notes: list[str] = []
    captions: list[str] = []
    from_elementor = _elementor_html(elementor) if elementor else ""
    if from_elementor and len(plain_words(from_elementor)) > len(plain_words(raw)):
        raw = from_elementor
        notes.append("tekst uit Elementor gelezen")
    raw = _resolve_reusable(raw, reusable or {}, notes)
    source_words = len(plain_words(raw))
    raw = _BLOCK_COMMENT.sub("\n\n", raw)
    raw = _shortcodes(raw, captions, notes)
    return Content(html=wpautop(raw), source_words=source_words, captions=captions, dropped=notes)
