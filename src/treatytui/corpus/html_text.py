"""HTML → segments and metadata, with trafilatura (main text) and lxml (captions, headline).

trafilatura finds the article's main text and drops the page furniture: navigation,
headers and footers, cookie banners, "related articles" and share boxes, comments. Its
paragraphs, sub-headings, list items, quotes and table rows become paragraphs; the page's
first ``<h1>`` is the title; the ``<figcaption>`` of each picture it keeps is a caption
in the picture's place. Metadata: title, site name, authors, publication date and
canonical URL from ``<meta>``, Open Graph, ``article:published_time`` and JSON-LD
(``NewsArticle``), dates only from markup, never guessed from the text. A page too short or
too odd for trafilatura falls back to its baseline extractor (every paragraph), and markup
lxml cannot read whole (nested thousands of levels deep) to its text without the tags.
``benchmarks/bench_html_extract.py`` compares it with the html.parser cleaner it replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from treatytui.corpus.article import BlockKind, Metadata
from treatytui.corpus.dates import parse_date
from treatytui.corpus.sanitize import strip_controls
from treatytui.corpus.segments import Segment

_SPACE = re.compile(r"[ \t\r\n\f\u00a0]{2,}|[\t\r\n\f\u00a0]")  # not a lone plain space
_FURNITURE = ("nav", "header", "footer", "aside")
_INLINE = frozenset({"lb", "hi", "ref", "del"})  # trafilatura's inline elements
_DATE_OPTIONS = {"extensive_search": False, "original_date": True}


def _tidy(text: str | None) -> str:
    """Text with control codes (which entities can produce) removed and spaces collapsed."""
    return _SPACE.sub(" ", strip_controls(text or "")).strip()


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The segments of an HTML page and the metadata its head and headline give."""

    segments: list[Segment]
    metadata: Metadata


def _lines(element: object) -> list[str]:
    """The text of a trafilatura element, split where it had line breaks (``<lb/>``)."""
    lines = [""]
    for node in element.iter():  # type: ignore[attr-defined]
        if node is not element and node.tag == "lb":
            lines.append("")
        elif node.text and node.tag != "graphic":
            lines[-1] += node.text
        if node is not element and node.tail:
            lines[-1] += node.tail
    return [line for line in (_tidy(line) for line in lines) if line]


def _body_segments(body: object, captions: dict[str, str]) -> list[Segment]:
    """Segments from trafilatura's XML tree of the main text. Paragraphs and list items are
    left unclassified (the cleaner tells bylines and metadata lines from paragraphs);
    sub-headings, quotes and code are paragraphs."""
    segments: list[Segment] = []

    def add(texts: list[str], kind: BlockKind | None = None) -> None:
        segments.extend(Segment(text, kind) for text in texts if text)

    def caption_of(node: object) -> None:
        for graphic in node.iter("graphic"):  # type: ignore[attr-defined]
            caption = captions.pop(graphic.get("src") or "", None)
            if caption:
                add([caption], "caption")

    def walk(parent: object, kind: BlockKind | None) -> None:
        for node in parent:  # type: ignore[attr-defined]
            tag = node.tag
            if tag in ("head", "code"):
                add(_lines(node), "paragraph")
            elif tag == "p":
                add(_lines(node), kind)
                caption_of(node)
            elif tag == "row":
                cells = [" ".join(_lines(cell)) for cell in node]
                add([_tidy(" ".join(c for c in cells if c))], kind)
            elif tag == "graphic":
                caption_of(node)
            elif len(node) and any(child.tag not in _INLINE for child in node):
                if node.text and node.text.strip():
                    add([_tidy(node.text)], kind)
                walk(node, "paragraph" if tag == "quote" else kind)
            else:
                add(_lines(node), "paragraph" if tag == "quote" else kind)
            if node.tail and node.tail.strip():
                add([_tidy(node.tail)], kind)

    walk(body, None)
    return segments


def _page_parts(tree: object) -> tuple[str | None, dict[str, str], list[str]]:
    """From the parsed page: the first headline outside the page furniture, the caption of
    each picture (by its ``src``), and the captions of figures without a picture."""
    headline = None
    for h1 in tree.iter("h1"):  # type: ignore[attr-defined]
        if not any(a.tag in ("nav", "footer", "aside") for a in h1.iterancestors()):
            headline = _tidy(h1.text_content()) or None
            if headline:
                break
    by_src: dict[str, str] = {}
    loose: list[str] = []
    for figure in tree.iter("figure"):  # type: ignore[attr-defined]
        if any(a.tag in _FURNITURE[2:] for a in figure.iterancestors()):
            continue
        caption = figure.find(".//figcaption")
        text = _tidy(caption.text_content()) if caption is not None else ""
        if not text:
            continue
        image = figure.find(".//img")
        src = image.get("src") if image is not None else None
        if src:
            by_src[src] = text
        else:
            loose.append(text)
    return headline, by_src, loose


_INVISIBLE_TAG = re.compile(r"<(/?)(script|style|template|noscript)\b[^<>]*>?", re.I)
_TAG = re.compile(r"<[^<>]*>?")  # stops at the next "<": linear on "<" that never close


def _bare_text(html: str) -> list[str]:
    """The lines of text in ``html`` with every tag dropped (the last resort); linear time
    whatever the markup (tags that never close, scripts that never end)."""
    import html as entities

    visible: list[str] = []
    start, hidden = 0, 0
    for tag in _INVISIBLE_TAG.finditer(html):
        if not hidden:
            visible.append(html[start : tag.start()])
        hidden = max(0, hidden - 1) if tag[1] else hidden + 1
        start = tag.end()
    if not hidden:
        visible.append(html[start:])
    text = entities.unescape(_TAG.sub("\n", " ".join(visible)))
    return [line for line in (_tidy(line) for line in text.split("\n")) if line]


def _meta(tree: object) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):  # type: ignore[attr-defined]
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        content = _tidy(meta.get("content"))
        if key and content:
            found.setdefault(key, content)
    return found


def _authors(value: str | None) -> tuple[str, ...]:
    names = [_tidy(name) for name in (value or "").split(";")]
    return tuple(dict.fromkeys(n for n in names if n and not n.startswith(("http:", "https:"))))


_CONFIG: list[object] = []


def _config() -> object:
    """trafilatura's settings with its minimum sizes lowered (a short article is an article:
    its default drops a main text under 250 characters) and no size cap of its own."""
    if not _CONFIG:
        from trafilatura.settings import use_config

        config = use_config()
        for key in ("min_extracted_size", "min_output_size", "min_file_size"):
            config["DEFAULT"][key] = "1"
        config["DEFAULT"]["extensive_date_search"] = "off"
        config["DEFAULT"]["max_file_size"] = str(1 << 40)  # the reader's own cap applies
        _CONFIG.append(config)
    return _CONFIG[0]


def html_segments(html: str) -> HtmlArticle:
    """Parse an HTML page into segments and metadata (see the module docstring)."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html) if html.strip() else None
    if tree is None:  # not something lxml reads as HTML
        return HtmlArticle([Segment(line, None) for line in _bare_text(html)], Metadata())
    headline, captions, loose = _page_parts(tree)
    meta = _meta(tree)
    title_tag = _tidy(tree.findtext(".//title")) or None
    found = trafilatura.bare_extraction(
        load_html(html),
        with_metadata=True,
        include_comments=False,
        include_images=True,
        include_tables=True,
        date_extraction_params=_DATE_OPTIONS,
        config=_config(),
    )
    segments: list[Segment] = []
    if found is not None and found.body is not None:
        segments = _body_segments(found.body, captions)
    if not segments:
        body, _text, _length = trafilatura.baseline(load_html(html))
        segments = _body_segments(body, captions)
    if not segments:  # markup lxml cannot read whole (nested thousands deep): keep the text
        segments = [Segment(line, None) for line in _bare_text(html)]
    segments += [Segment(text, "caption") for text in [*loose, *captions.values()]]
    if headline and (not segments or segments[0].text != headline):
        segments.insert(0, Segment(headline, "title"))
    elif headline:
        segments[0] = Segment(headline, "title")
    title = meta.get("og:title") or headline or _tidy(found.title if found else None) or title_tag
    published = parse_date(meta.get("article:published_time")) or parse_date(
        found.date if found else None
    )
    metadata = Metadata(
        title=_tidy(title) or None,
        source=meta.get("og:site_name") or (_tidy(found.sitename) if found else None) or None,
        url=(_tidy(found.url) if found else None) or meta.get("og:url"),
        published=published,
        authors=_authors(found.author if found else meta.get("author")),
    )
    return HtmlArticle(segments, metadata)
