"""HTML → segments and metadata, with the standard library's ``html.parser``.

Page furniture (scripts, styles, navigation, asides, page headers and footers) is dropped;
``<h1>`` is the title, ``<figcaption>`` a caption, and paragraphs, headings, list items and
quotes are paragraphs. ``og:`` and ``article:`` meta tags and the canonical link give the
metadata. Entities are unescaped by the parser.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from treatytui.corpus.article import BlockKind, Metadata
from treatytui.corpus.dates import parse_date
from treatytui.corpus.sanitize import strip_controls
from treatytui.corpus.segments import Segment

_SKIPPED = frozenset(
    {"script", "style", "nav", "aside", "noscript", "template", "svg", "iframe", "form", "footer"}
)
# A page's <header> holds its masthead; an article's own <header> holds its headline.
_PAGE_HEADER = "header"
_CONTENT = frozenset({"article", "main"})
_BLOCKS: dict[str, BlockKind | None] = {
    "p": None,
    "div": None,
    "section": None,
    "article": None,
    "main": None,
    "li": None,
    "dt": None,
    "dd": None,
    "td": None,
    "th": None,
    "blockquote": "paragraph",
    "pre": "paragraph",
    "h1": "title",
    "h2": "paragraph",
    "h3": "paragraph",
    "h4": "paragraph",
    "h5": "paragraph",
    "h6": "paragraph",
    "figcaption": "caption",
    "figure": None,
    "ul": None,
    "ol": None,
    "table": None,
    "tr": None,
}
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "base"})
_SPACE = re.compile(r"[ \t\r\n\f\u00a0]{2,}|[\t\r\n\f\u00a0]")  # not a lone plain space


def _tidy(text: str) -> str:
    """Text with control codes (which entities can produce) removed and spaces collapsed."""
    return _SPACE.sub(" ", strip_controls(text)).strip()


@dataclass(slots=True)
class _Collected:
    title_tag: str | None = None
    first_h1: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    segments: list[Segment] = field(default_factory=list)


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = _Collected()
        self._open: list[str] = []
        self._open_counts: Counter[str] = Counter()  # tag -> how many are open (deep pages)
        self._skip_depth = 0
        self._kinds: list[BlockKind | None] = [None]
        self._lines: list[str] = []  # the current block's lines before the one being read
        self._buffer: list[str] = []
        self._in_title = False

    def _break_line(self) -> None:
        self._lines.append("".join(self._buffer))
        self._buffer.clear()

    def _flush(self) -> None:
        self._break_line()
        lines = self._lines
        self._lines = []
        kind = self._kinds[-1]
        for line in lines:
            line = _tidy(line)
            if not line:
                continue
            if kind == "title":
                if self.found.first_h1 is not None:
                    kind = "paragraph"
                else:
                    self.found.first_h1 = line
            self.found.segments.append(Segment(line, kind))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link"):
            self._read_head_tag(tag, dict(attrs))
        if tag in _VOID:
            if tag in ("br", "hr") and not self._skip_depth:
                self._break_line()
            return
        self._open.append(tag)
        self._open_counts[tag] += 1
        if self._skip_depth or tag in _SKIPPED or (tag == _PAGE_HEADER and not self._in_content()):
            self._skip_depth += 1
            return
        if tag == "title":
            self._in_title = True
        elif tag in _BLOCKS:
            self._flush()
            self._kinds.append(_BLOCKS[tag] or self._kinds[-1])

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or not self._open_counts[tag]:
            return
        while self._open:  # close any elements left open inside this one
            opened = self._open.pop()
            self._open_counts[opened] -= 1
            self._close(opened)
            if opened == tag:
                break

    def _close(self, tag: str) -> None:
        if self._skip_depth:
            self._skip_depth -= 1
            return
        if tag == "title":
            self._in_title = False
        elif tag in _BLOCKS:
            self._flush()
            if len(self._kinds) > 1:
                self._kinds.pop()

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._in_title:
            title = _tidy(data)
            self.found.title_tag = " ".join(filter(None, (self.found.title_tag, title)))
        else:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _in_content(self) -> bool:
        return any(self._open_counts[tag] for tag in _CONTENT)

    def _read_head_tag(self, tag: str, attrs: dict[str, str | None]) -> None:
        if tag == "link":
            if "canonical" in (attrs.get("rel") or "").lower().split() and attrs.get("href"):
                self.found.meta.setdefault("canonical", _tidy(attrs["href"] or ""))
            return
        key = (attrs.get("property") or attrs.get("name") or "").strip().lower()
        content = attrs.get("content")
        if key and content and content.strip():
            self.found.meta.setdefault(key, _tidy(content))


@dataclass(frozen=True, slots=True)
class HtmlArticle:
    """The segments of an HTML page and the metadata its head and headline give."""

    segments: list[Segment]
    metadata: Metadata


# A "<" that starts no markup; html.parser hands each one over as data on its own.
_LONE_LT = re.compile(r"<(?![A-Za-z/!?])")
# Markup openers and what closes them. html.parser reads from an opener to the end of the
# page looking for its close, once per opener: a page of "<a " or "<!--" that never
# close is quadratic (Python before 3.13.4). An opener after the last close can never be
# closed and would be read as text anyway, so it is written as text (&lt;) up front.
_UNCLOSABLE = (("<!--", "-->"), ("<![", "]>"))


def _defused(html: str) -> str:
    """``html`` with every "<" that cannot open closed markup written as ``&lt;``."""
    html = _LONE_LT.sub("&lt;", html)
    last_close = html.rfind(">")
    html = html[: last_close + 1] + html[last_close + 1 :].replace("<", "&lt;")
    for opener, closer in _UNCLOSABLE:
        after = html.rfind(closer) + len(closer) if closer in html else 0
        if html.find(opener, after) >= 0:
            html = html[:after] + html[after:].replace(opener, "&lt;" + opener[1:])
    return html


def html_segments(html: str) -> HtmlArticle:
    """Parse an HTML page into segments and metadata (see the module docstring)."""
    parser = _ArticleParser()
    parser.feed(_defused(html))
    parser.close()
    found = parser.found
    meta = found.meta
    authors = meta.get("author") or meta.get("article:author")
    metadata = Metadata(
        title=meta.get("og:title") or found.first_h1 or found.title_tag,
        source=meta.get("og:site_name"),
        url=meta.get("canonical") or meta.get("og:url"),
        published=parse_date(meta.get("article:published_time") or meta.get("date")),
        authors=(authors,) if authors and not authors.startswith(("http:", "https:")) else (),
    )
    return HtmlArticle(found.segments, metadata)
