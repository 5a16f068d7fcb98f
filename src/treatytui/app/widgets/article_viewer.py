"""The article viewer: the clean text of one article, with hits, n/N and a highlighted sentence.

It is a line-API widget: the article is wrapped once per width into lines that remember
their offsets in the clean text, so a hit or a fact (offsets into that text) maps to a line
to scroll to, and only visible lines are rendered.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from treatytui.app.text import visible, wrap_offsets
from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from treatytui.facts.model import Fact
    from treatytui.search.documents import IndexedArticle

Span = tuple[int, int]

# Block kind -> component class for its style.
_BLOCK_STYLES = {
    "title": "article-viewer--title",
    "caption": "article-viewer--caption",
    "meta": "article-viewer--meta",
    "byline": "article-viewer--byline",
}


@dataclass(frozen=True, slots=True)
class _Line:
    """One wrapped line: a slice of the clean text, or a line of its own (header, blank)."""

    start: int = -1
    end: int = -1
    style: str = ""
    prefix: str = ""
    text: Text | None = None


@dataclass
class _Marks:
    """The spans to highlight, sorted."""

    hits: list[Span] = field(default_factory=list)
    """Sorted by offset (for painting), whatever the display order."""
    current: Span | None = None
    sentence: Span | None = None


class ArticleViewer(ScrollView, can_focus=True):
    """Shows an article's header and clean text; highlights hits, the current one, a sentence."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-viewer--title",
        "article-viewer--caption",
        "article-viewer--meta",
        "article-viewer--byline",
        "article-viewer--header",
        "article-viewer--url",
        "article-viewer--hit",
        "article-viewer--current-hit",
        "article-viewer--sentence",
        "article-viewer--placeholder",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "next_hit",
            "Next hit",
            id="viewer.next-hit",
            tooltip="Scroll to the next hit of the query (or of find-in-article)",
        ),
        Binding(
            "N",
            "previous_hit",
            "Prev hit",
            id="viewer.previous-hit",
            tooltip="Scroll to the previous hit",
        ),
        Binding(
            "y",
            "copy_quote",
            "Cite",
            id="viewer.copy-quote",
            tooltip="Copy the current sentence with a citation (title, source, date, url)",
        ),
        Binding(
            "u",
            "copy_url",
            "Copy URL",
            id="viewer.copy-url",
            tooltip="Copy the article's url (links cannot be opened over SSH)",
        ),
        Binding(
            "j,down",
            "scroll_down",
            "Down",
            show=False,
            id="viewer.down",
            tooltip="Scroll down a line",
        ),
        Binding("k,up", "scroll_up", "Up", show=False, id="viewer.up", tooltip="Scroll up a line"),
        Binding(
            "g,home",
            "scroll_home",
            "Top",
            show=False,
            id="viewer.top",
            tooltip="Go to the top of the article",
        ),
        Binding(
            "G,end",
            "scroll_end",
            "Bottom",
            show=False,
            id="viewer.bottom",
            tooltip="Go to the end of the article",
        ),
        Binding(
            "space,pagedown",
            "page_down",
            "Page down",
            show=False,
            id="viewer.page-down",
            tooltip="Scroll down a page",
        ),
        Binding(
            "b,pageup",
            "page_up",
            "Page up",
            show=False,
            id="viewer.page-up",
            tooltip="Scroll up a page",
        ),
        Binding(
            "ctrl+d",
            "half_page(1)",
            "Half page down",
            show=False,
            id="viewer.half-page-down",
            tooltip="Scroll down half a page (as in less and vim)",
        ),
        Binding(
            "ctrl+u",
            "half_page(-1)",
            "Half page up",
            show=False,
            id="viewer.half-page-up",
            tooltip="Scroll up half a page",
        ),
    ]

    @dataclass
    class CopyRequested(Message):
        """The user asked to copy something from the article (handled by the app)."""

        what: str
        text: str

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.indexed: IndexedArticle | None = None
        self.query_hits: list[Span] = []
        self.find_hits: list[Span] = []
        self.finding = False
        self.current_hit: int | None = None
        self._sentence: Span | None = None
        self._lines: list[_Line] = []
        self._line_starts: list[int] = []
        self._line_index: list[int] = []
        self._width = 0
        self._strips: dict[int, Strip] = {}
        self._mark_cache: _Marks | None = None

    # -- what to show -------------------------------------------------------------------
    @property
    def hits(self) -> list[Span]:
        """The spans n/N move through: find-in-article matches while finding, else hits."""
        return self.find_hits if self.finding else self.query_hits

    @property
    def hit_status(self) -> str:
        """``hit 3 of 7`` (or ``7 hits``, ``no matches``) for the pane's subtitle."""
        if self.indexed is None:
            return ""
        total = len(self.hits)
        noun, plural = ("match", "matches") if self.finding else ("hit", "hits")
        if not total:
            return f"no {plural}" if self.finding else ""
        if self.current_hit is None:
            return f"{total} {noun if total == 1 else plural}"
        return f"{noun} {self.current_hit + 1} of {total}"

    def show(self, indexed: IndexedArticle | None, hits: list[Span] | None = None) -> None:
        """Show an article (None: the placeholder) with the query's hits highlighted."""
        self.indexed = indexed
        self.find_hits = []
        self.finding = False
        self.current_hit = None
        self._sentence = None
        self._width = 0
        self._relayout()
        self.query_hits = self._in_display_order(hits or [])
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._changed()

    def set_query_hits(self, hits: list[Span]) -> None:
        """New hits for the same article (the query changed)."""
        self.query_hits = self._in_display_order(hits)
        if not self.finding:
            self.current_hit = None
        self._changed()

    def set_find(self, hits: list[Span] | None) -> None:
        """Find-in-article matches (None: finding is over, n/N go back to the query hits)."""
        self.finding = hits is not None
        self.find_hits = self._in_display_order(hits or [])
        self.current_hit = None
        if self.find_hits:
            self.current_hit = 0
            self.scroll_to_offset(self.find_hits[0][0])
        self._changed()

    def show_fact(self, fact: Fact) -> None:
        """Highlight the sentence that states ``fact`` and scroll it into view."""
        if self.indexed is None:
            return
        self._sentence = self._sentence_of(fact)
        self.scroll_to_offset(self._sentence[0], fact.start)
        self._changed()

    @property
    def sentence(self) -> Span | None:
        """The highlighted sentence (of the selected fact), if any."""
        return self._sentence

    # -- navigation ---------------------------------------------------------------------
    def action_next_hit(self) -> None:
        self._move_hit(+1)

    def action_previous_hit(self) -> None:
        self._move_hit(-1)

    def _move_hit(self, step: int) -> None:
        hits = self.hits
        if not hits:
            self.app.bell()
            return
        if self.current_hit is None:
            # Start from what is on screen: the first hit below the top, or the last above.
            top = int(self.scroll_offset.y)
            lines = [self.line_of(start) for start, _ in hits]
            if step > 0:
                self.current_hit = next((i for i, line in enumerate(lines) if line >= top), 0)
            else:
                above = [i for i, line in enumerate(lines) if line < top]
                self.current_hit = above[-1] if above else len(hits) - 1
        else:
            self.current_hit = (self.current_hit + step) % len(hits)
        self.scroll_to_offset(hits[self.current_hit][0])
        self._changed()

    def _in_display_order(self, spans: list[Span]) -> list[Span]:
        """``spans`` in the order the viewer shows them (the title block comes first)."""
        return sorted(spans, key=lambda span: (self.line_of(span[0]), span))

    def scroll_to_offset(self, offset: int, keep_visible: int | None = None) -> None:
        """Scroll so the line holding ``offset`` sits near the top third of the view."""
        line = self.line_of(offset)
        height = max(1, self.scrollable_content_region.height)
        target = max(0, line - height // 3)
        if keep_visible is not None:
            other = self.line_of(keep_visible)
            if other - target >= height:
                target = other - height // 3
        self.scroll_to(y=target, animate=False, immediate=True)

    def line_of(self, offset: int) -> int:
        """The index of the wrapped line that holds the text offset ``offset``."""
        if not self._line_starts:
            return 0
        position = max(0, bisect_right(self._line_starts, offset) - 1)
        return self._line_index[position]

    def _top_offset(self) -> int:
        top = int(self.scroll_offset.y)
        for line in self._lines[top:]:
            if line.start >= 0:
                return line.start
        return 0

    # -- sentences and copying ----------------------------------------------------------
    def _sentence_of(self, fact: Fact) -> Span:
        assert self.indexed is not None
        text = self.indexed.article.text
        sentence = fact.sentence
        if sentence:
            begin = max(0, fact.end - len(sentence))
            found = text.find(sentence, begin)
            if found != -1 and found <= fact.start < found + len(sentence) + 1:
                return (found, found + len(sentence))
        return self.sentence_at(fact.start) or (fact.start, fact.end)

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence of the clean text around ``offset``."""
        if self.indexed is None:
            return None
        article = self.indexed.article
        block = next((b for b in article.blocks if b.start <= offset < b.end), None)
        start, end = (block.start, block.end) if block else (0, len(article.text))
        from treatytui.facts.sentences import split_sentences  # not before the first frame

        for sentence in split_sentences(article.text, start, end):
            if sentence.start <= offset < max(sentence.end, sentence.start + 1):
                return (sentence.start, sentence.end)
        return (start, end)

    def current_quote(self) -> str:
        """The sentence to quote: the selected fact's, the current hit's, or the top one."""
        if self.indexed is None:
            return ""
        span = self._sentence
        if span is None and self.current_hit is not None and self.hits:
            span = self.sentence_at(self.hits[self.current_hit][0])
        if span is None:
            top = self._top_offset()
            span = self.sentence_at(top)
            for block in self.indexed.article.blocks:
                if block.end > top and block.kind == "paragraph":
                    span = self.sentence_at(max(top, block.start))
                    break
        if span is None:
            return ""
        return one_line(self.indexed.article.text[span[0] : span[1]])

    def action_copy_quote(self) -> None:
        if self.indexed is not None:
            self.post_message(self.CopyRequested("quote", self.current_quote()))

    def action_copy_url(self) -> None:
        if self.indexed is not None:
            self.post_message(self.CopyRequested("url", self.indexed.article.url or ""))

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_half_page(self, direction: int) -> None:
        """Scroll half the visible height down (``direction`` 1) or up (-1)."""
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_relative(y=direction * step, animate=False)

    # -- layout and rendering -----------------------------------------------------------
    def _changed(self) -> None:
        self._mark_cache = None
        self._strips.clear()
        self.refresh()
        self.parent_pane_status()

    def parent_pane_status(self) -> None:
        """Show ``hit 3 of 7`` under the pane that holds the viewer."""
        container = self.parent
        if container is not None:
            container.border_subtitle = self.hit_status

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _relayout(self) -> None:
        width = max(10, self.scrollable_content_region.width)
        self._width = width
        self._lines = self._layout(width)
        # Blocks may be shown out of text order (the title first), so sort by offset.
        pairs = sorted((line.start, i) for i, line in enumerate(self._lines) if line.start >= 0)
        self._line_starts = [start for start, _ in pairs]
        self._line_index = [i for _, i in pairs]
        self._strips.clear()
        self.virtual_size = Size(width, len(self._lines))
        self.refresh()

    def _layout(self, width: int) -> list[_Line]:
        if self.indexed is None:
            message = "No article open. Pick a result and press enter."
            return self._wrap_text(Text(message), width, "placeholder")
        article = self.indexed.article
        blocks = list(article.blocks)
        if not blocks and article.text:
            from treatytui.corpus.article import Block

            blocks = [Block("paragraph", 0, len(article.text))]
        # The header: the title, then source · date · byline, then the url.
        title_block = next((b for b in blocks if b.kind == "title"), None)
        lines: list[_Line] = []
        if title_block is not None and (
            not article.title
            or one_line(article.block_text(title_block)) == one_line(article.title)
        ):
            self._wrap_block(
                lines, article.text, title_block.start, title_block.end, "title", width
            )
            blocks.remove(title_block)
        else:
            lines.extend(
                self._wrap_text(Text(one_line(article.title or article.id)), width, "title")
            )
        lines.extend(self._header(width))
        for block in blocks:
            if lines and lines[-1].style != "blank":
                lines.append(_Line(style="blank", text=Text("")))
            self._wrap_block(lines, article.text, block.start, block.end, block.kind, width)
        return lines

    def _header(self, width: int) -> list[_Line]:
        assert self.indexed is not None
        article = self.indexed.article
        parts = [
            one_line(article.source or ""),
            f"{article.published.day} {article.published:%b %Y}" if article.published else "",
            "By " + ", ".join(one_line(a) for a in article.authors) if article.authors else "",
        ]
        lines: list[_Line] = []
        meta = " · ".join(p for p in parts if p)
        if meta:
            lines.extend(self._wrap_text(Text(meta), width, "header"))
        if article.url:
            lines.extend(self._wrap_text(Text(one_line(article.url)), width, "url"))
        return lines

    def _wrap_text(self, text: Text, width: int, style: str) -> list[_Line]:
        plain = text.plain
        starts = wrap_offsets(plain, width)
        ends = [*starts[1:], len(plain)]
        lines = []
        for a, b in zip(starts, ends, strict=True):
            piece = text[a:b]
            piece.rstrip()
            lines.append(_Line(text=piece, style=style))
        return lines

    def _wrap_block(
        self, lines: list[_Line], text: str, start: int, end: int, kind: str, width: int
    ) -> None:
        style = _BLOCK_STYLES.get(kind, "")
        prefix = "▌ " if kind == "caption" else ""
        offset = start
        for raw_line in text[start:end].split("\n"):
            line_start, line_end = offset, offset + len(raw_line)
            offset = line_end + 1
            if not raw_line.strip():
                continue
            starts = wrap_offsets(raw_line, width - len(prefix))
            for a, b in zip(starts, [*starts[1:], len(raw_line)], strict=True):
                lines.append(_Line(line_start + a, line_start + b, style, prefix))

    def _marks(self) -> _Marks:
        if self._mark_cache is not None:
            return self._mark_cache
        hits = self.hits
        current = hits[self.current_hit] if self.current_hit is not None and hits else None
        self._mark_cache = _Marks(hits=sorted(hits), current=current, sentence=self._sentence)
        return self._mark_cache

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _render_text(self, line: _Line) -> Text:
        if line.text is not None:
            component = {
                "title": "article-viewer--title",
                "header": "article-viewer--header",
                "url": "article-viewer--url",
                "placeholder": "article-viewer--placeholder",
            }.get(line.style)
            text = line.text.copy()
            if component:
                text.stylize(self._style(component))
            return text
        assert self.indexed is not None
        source = self.indexed.article.text
        text = Text(visible(source[line.start : line.end].rstrip()))
        if line.style:
            text.stylize(self._style(line.style))
        marks = self._marks()

        def paint(span: Span | None, component: str) -> None:
            if span is None:
                return
            a, b = max(span[0], line.start), min(span[1], line.start + len(text))
            if a < b:
                text.stylize(self._style(component), a - line.start, b - line.start)

        paint(marks.sentence, "article-viewer--sentence")
        first = bisect_left(marks.hits, (line.start - 200, 0))
        for span in marks.hits[first:]:
            if span[0] >= line.end:
                break
            paint(span, "article-viewer--hit")
        paint(marks.current, "article-viewer--current-hit")
        if line.prefix:
            text = Text(line.prefix, style=self._style("article-viewer--caption")) + text
        return text

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            text = self._render_text(self._lines[index])
            segments = list(text.render(self.app.console))
            strip = Strip(segments).apply_style(base)
            strip = strip.extend_cell_length(width, base).crop(0, width)
            self._strips[index] = strip
        return strip
