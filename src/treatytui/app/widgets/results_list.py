"""The results list: every hit of the query, a few lines each, drawn only where on screen.

A line-API list (``ScrollView`` + ``render_line``): its height is the number of matches
times :data:`ROW_HEIGHT`, known from the first page, so the scroll bar and ``G`` are right
at once. Hits arrive a page at a time (:class:`ResultsList.PageWanted`, answered by the
screen from a worker); a row whose page has not arrived yet is a quiet placeholder, and
no key ever waits for one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from treatytui.search.results import Hit, SearchResult
    from treatytui.state import ArticleState

ROW_HEIGHT = 5
"""Lines per hit: the title (one or two lines), date · source, the snippet in the lines
left, a rule."""
PAGE = 50
"""Hits asked for at a time, from an offset that is a multiple of this."""
LOOKAHEAD_ROWS = 10
"""Pages are asked for this many hits before they scroll into view."""
MARK_WIDTH = 3
"""The marks before a title, ``•★ ``."""
CACHE_ROWS = 200
"""Rows kept drawn (a few screens' worth), the least recently shown dropped first."""


def state_marks(state: ArticleState | None) -> str:
    """The marks before a title, by shape (not colour): ``•`` unread, ``★`` starred, ``✎``
    a note (when not starred); spaces keep the titles aligned."""
    unread = state is None or not state.read
    kept = "★" if state is not None and state.starred else "✎" if state and state.note else " "
    return f"{'•' if unread else ' '}{kept} "


class ResultsList(ScrollView, can_focus=True):
    """The hits of the current query; ``enter`` (or a click) opens the highlighted one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "results-list--title",
        "results-list--meta",
        "results-list--match",
        "results-list--cursor",
        "results-list--placeholder",
        "results-list--rule",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter", "select", "Open", id="results.open",
            tooltip="Open the highlighted article in the viewer",
        ),
        Binding(
            "j,down", "move(1)", "Down", show=False, id="results.down", tooltip="Next result"
        ),
        Binding("k,up", "move(-1)", "Up", show=False, id="results.up", tooltip="Previous result"),
        Binding(
            "pagedown", "page(1)", "Page down", show=False, id="results.page-down",
            tooltip="One screen of results down",
        ),
        Binding(
            "pageup", "page(-1)", "Page up", show=False, id="results.page-up",
            tooltip="One screen of results up",
        ),
        Binding("g,home", "first", "First", show=False, id="results.first", tooltip="First result"),
        Binding(
            "G,end", "last", "Last", show=False, id="results.last",
            tooltip="Last result (only its page is fetched)",
        ),
    ]  # fmt: skip

    @dataclass
    class PageWanted(Message):
        """The hits from ``offset`` (``limit`` of them) are on screen or nearly: fetch them."""

        offset: int
        limit: int

    @dataclass
    class ArticleChosen(Message):
        """The user chose a hit to read."""

        hit: Hit

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.total = 0
        """How many articles match (rows not fetched yet show as placeholders)."""
        self._rows: list[Hit | None] = []
        self._where: dict[str, int] = {}  # id -> row, of the rows fetched
        self._asked: set[int] = set()  # offsets of the pages asked for
        self._failed: dict[int, str] = {}  # offset -> why its page could not be fetched
        self._cursor = 0
        self._follow: str | None = None  # the id the cursor was on, until its page is in
        self._cache: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(CACHE_ROWS)
        self._heading = 1  # the way the cursor last moved: 1 down, -1 up
        self._warming = False
        self.marks: dict[str, ArticleState] = {}
        """The reading state of the hits that were ever touched, by id."""

    # -- what the screen tells the list ------------------------------------------------
    def show_result(
        self,
        result: SearchResult,
        *,
        keep: bool = False,
        marks: dict[str, ArticleState] | None = None,
    ) -> None:
        """Replace the list with ``result`` (its first page; the rest comes by
        :class:`PageWanted`), marked with their reading state (``marks``: of those ever
        touched). ``keep``: stay on the same article, where it was on screen."""
        previous = self.current_hit.id if keep and self.current_hit else None
        old_cursor, old_top = self._cursor, self.scroll_offset.y
        self.total = result.total
        self._rows = [None] * result.total
        self._where = {}
        self._asked = set()
        self._failed = {}
        self._cache.clear()
        self.marks = dict(marks or {})
        self._fill(0, result.hits)
        self._follow = None
        cursor = 0
        if keep and previous is not None:
            cursor = self._where.get(previous, -1)
            if cursor < 0:  # not in the first page: stay on its row until its page comes
                cursor = min(old_cursor, max(0, self.total - 1))
                self._follow = previous
        self._resize_virtual()
        self._set_cursor(cursor)
        if keep and old_top == 0:
            # At the top, the list stays at the top (new hits above show), the highlighted
            # article in view.
            self.scroll_to(y=0, animate=False, immediate=True)
            self._scroll_to_cursor()
        elif keep:
            # The highlighted article stays where it was on screen (if it was on screen),
            # and in view whatever came above it.
            self._keep_on_screen(old_cursor * ROW_HEIGHT - old_top)
        else:
            self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()
        self._want_visible()

    def add_page(self, offset: int, result: SearchResult, marks: dict[str, ArticleState]) -> None:
        """The hits from ``offset`` arrived: their rows show them."""
        self._failed.pop(offset, None)
        self.marks.update(marks)
        self._fill(offset, result.hits)
        follow = self._follow
        if follow is not None and follow in self._where:
            self._follow = None
            on_screen = self._cursor * ROW_HEIGHT - self.scroll_offset.y
            self._set_cursor(self._where[follow])
            self._keep_on_screen(on_screen)
        top = self.scroll_offset.y // ROW_HEIGHT
        bottom = (self.scroll_offset.y + self.scrollable_content_region.height) // ROW_HEIGHT
        if offset <= bottom and offset + len(result.hits) > top:  # some of it is on screen
            self.refresh()

    def page_failed(self, offset: int, why: str) -> None:
        """The page from ``offset`` cannot be fetched: its rows say so (no retry until the
        next search)."""
        self._failed[offset] = why
        self.refresh()

    def ask_again(self) -> None:
        """Pages asked for but never answered (their search gave way to one that failed)
        are asked for again when on screen."""
        self._asked = {offset for offset in self._asked if offset in self._failed}
        self._want_visible()

    def update_state(self, state: ArticleState) -> None:
        """One article's reading state changed: its marks follow (if it is listed)."""
        self.marks[state.id] = state
        row = self._where.get(state.id)
        if row is not None:
            self._refresh_row(row)

    def listed(self, article_id: str) -> bool:
        """Whether ``article_id`` is one of the hits fetched so far."""
        return article_id in self._where

    def _fill(self, offset: int, hits: tuple[Hit, ...]) -> None:
        rows = self._rows
        for row, hit in enumerate(hits, start=offset):
            if row >= len(rows):
                break
            old = rows[row]
            if old is not None and self._where.get(old.id) == row:
                del self._where[old.id]
            rows[row] = hit
            self._where[hit.id] = row

    # -- what the screen asks of the list ----------------------------------------------
    @property
    def hits(self) -> tuple[Hit, ...]:
        """The hits fetched so far, in order (the rows between them may be missing)."""
        return tuple(hit for hit in self._rows if hit is not None)

    @property
    def complete(self) -> bool:
        """Whether every matching hit is fetched."""
        return len(self._where) >= self.total

    @property
    def highlighted(self) -> int | None:
        """The row of the cursor (None when there are no hits)."""
        return self._cursor if self.total else None

    @highlighted.setter
    def highlighted(self, row: int | None) -> None:
        if row is not None and self.total:
            self._set_cursor(row)
            self._scroll_to_cursor()

    @property
    def current_hit(self) -> Hit | None:
        """The highlighted hit, if it is fetched."""
        if not 0 <= self._cursor < len(self._rows):
            return None
        return self._rows[self._cursor]

    # -- the cursor ---------------------------------------------------------------------
    def _set_cursor(self, row: int) -> None:
        row = max(0, min(row, self.total - 1)) if self.total else 0
        old, self._cursor = self._cursor, row
        if old != row:
            self._refresh_row(old)
            self._refresh_row(row)

    def _scroll_to_cursor(self) -> None:
        """Scroll (as little as it takes) so that the cursor's row is on screen."""
        height = self.scrollable_content_region.height
        top = self._cursor * ROW_HEIGHT
        y = self.scroll_offset.y
        if top < y or height <= 0:
            y = top
        elif top + ROW_HEIGHT > y + height:
            # The first row that shows the cursor's whole: rows start at the top line (a
            # row cut short is at the bottom, never at the top).
            y = -(-(top + ROW_HEIGHT - height) // ROW_HEIGHT) * ROW_HEIGHT
        else:
            return
        self.scroll_to(y=y, animate=False, immediate=True)

    def _keep_on_screen(self, offset: int) -> None:
        """Put the cursor's row ``offset`` lines below the top if that shows it whole,
        else just bring it into view."""
        height = self.scrollable_content_region.height
        if 0 <= offset <= height - ROW_HEIGHT:
            self.scroll_to(y=max(0, self._cursor * ROW_HEIGHT - offset), animate=False,
                           immediate=True)  # fmt: skip
        self._scroll_to_cursor()

    def _move_to(self, row: int) -> None:
        if self.total:
            self._follow = None
            self._heading = 1 if row >= self._cursor else -1
            self._set_cursor(row)
            self._scroll_to_cursor()

    def action_move(self, step: int) -> None:
        """``j``/``k``: the next (1) or previous (-1) hit."""
        self._move_to(self._cursor + step)

    def action_page(self, step: int) -> None:
        """A screen of hits down (1) or up (-1)."""
        per_screen = max(1, self.scrollable_content_region.height // ROW_HEIGHT)
        self._move_to(self._cursor + step * per_screen)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        """``G``: the last hit (its page alone is fetched, if it is not in yet)."""
        self._move_to(self.total - 1)

    def action_select(self) -> None:
        hit = self.current_hit
        if hit is not None:
            self.post_message(self.ArticleChosen(hit))

    def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (self.scroll_offset.y + offset.y) // ROW_HEIGHT
        if 0 <= row < self.total:
            self._move_to(row)
            self.action_select()

    # -- pages --------------------------------------------------------------------------
    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._want_visible()
        if not self._warming:
            self._warming = True
            self.call_after_refresh(self._warm)

    def _want_visible(self) -> None:
        """Ask for the pages of the rows on screen (and a few beyond) not fetched yet."""
        if not self.total:
            return
        height = max(self.scrollable_content_region.height, ROW_HEIGHT)
        top = self.scroll_offset.y // ROW_HEIGHT
        bottom = (self.scroll_offset.y + height) // ROW_HEIGHT
        first = max(0, min(top, self._cursor) - LOOKAHEAD_ROWS)
        last = min(self.total - 1, max(bottom, self._cursor) + LOOKAHEAD_ROWS)
        rows = self._rows
        for offset in range(first - first % PAGE, last + 1, PAGE):
            if offset in self._asked:
                continue
            end = min(offset + PAGE, self.total)
            if any(rows[row] is None for row in range(max(offset, first), min(end, last + 1))):
                self._asked.add(offset)
                self.post_message(self.PageWanted(offset, PAGE))

    # -- drawing ------------------------------------------------------------------------
    def _resize_virtual(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.total * ROW_HEIGHT)

    def on_resize(self) -> None:
        self._cache.clear()
        self._resize_virtual()
        self._scroll_to_cursor()
        self._want_visible()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()  # the rows carry the old theme's styles

    def _refresh_row(self, row: int) -> None:
        self.refresh_lines(row * ROW_HEIGHT, ROW_HEIGHT)

    def _rule(self, row: int, width: int, selected: bool) -> Text:
        """The line under a hit: its number (and the count, under the cursor's)."""
        style = self.get_component_rich_style("results-list--rule", partial=True)
        label = f" {row + 1} of {self.total} " if selected else f" {row + 1} "
        if len(label) + 2 > width:
            return Text("─" * width, style=style)
        rule = Text("─" * (width - len(label) - 1), style=style)
        rule.append(label, style=style if not selected else "bold")
        rule.append("─", style=style)
        return rule

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        row, part = divmod(line, ROW_HEIGHT)
        if row >= self.total or width <= 0:
            return Strip.blank(width, self.rich_style)
        return self._row_strips(row, width)[part]

    def _row_strips(self, row: int, width: int) -> list[Strip]:
        """The lines of hit ``row`` as drawn now (cached by what they show)."""
        hit = self._rows[row]
        selected = row == self._cursor
        mark = state_marks(self.marks.get(hit.id)) if hit is not None else ""
        failed = self._failed.get(row - row % PAGE) if hit is None else None
        key = (row, width, self.total, selected and self.has_focus, selected, hit, mark, failed)
        strips = self._cache.get(key)
        if strips is None:
            strips = self._render_row(hit, mark, width, selected, failed)
            strips.append(self._render_rule(row, width, selected))
            self._cache[key] = strips
        return strips

    def _warm(self) -> None:
        """After a frame: draw the screen of rows the cursor is heading for, so that the
        next key finds them ready."""
        self._warming = False
        width = self.scrollable_content_region.width
        height = self.scrollable_content_region.height
        if width <= 0 or height <= 0 or not self.total:
            return
        per_screen = height // ROW_HEIGHT + 2
        top = self.scroll_offset.y // ROW_HEIGHT
        rows = (
            range(top + per_screen - 1, top + 2 * per_screen)
            if self._heading > 0
            else range(top - per_screen, top + 1)
        )
        for row in rows:
            if 0 <= row < self.total and self._rows[row] is not None:
                self._row_strips(row, width)

    def _render_row(
        self, hit: Hit | None, mark: str, width: int, selected: bool, failed: str | None
    ) -> list[Strip]:
        lines = (
            self._placeholder_lines(width, failed)
            if hit is None
            else self._hit_lines(hit, mark, width)
        )
        base = self._base_style(selected)
        gutter = Text("▌" if selected else " ", style="bold")
        return [self._strip(gutter + text, width, base) for text in lines]

    def _render_rule(self, row: int, width: int, selected: bool) -> Strip:
        return self._strip(self._rule(row, width, selected), width, self._base_style(selected))

    def _base_style(self, selected: bool) -> Style:
        base: Style = self.rich_style
        if selected:
            base += self.get_component_rich_style("results-list--cursor")
        return base

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        return Strip(Segment.apply_style(segments, base), width).crop(0, width)

    def _placeholder_lines(self, width: int, failed: str | None) -> list[Text]:
        """A row whose page is not in: ``…`` (or why it could not be fetched)."""
        style = self.get_component_rich_style("results-list--placeholder", partial=True)
        content = ROW_HEIGHT - 1
        if not failed:
            return [Text(" " * MARK_WIDTH + "…", style=style)] + [Text("")] * (content - 1)
        why = Text(f"not fetched: {one_line(failed)}", style=style)
        lines = list(why.wrap(self.app.console, max(1, width - 1 - MARK_WIDTH)))[:content]
        lines = [Text(" " * MARK_WIDTH) + line for line in lines]
        return lines + [Text("") for _ in range(content - len(lines))]

    def _hit_lines(self, hit: Hit, mark: str, width: int) -> list[Text]:
        """The content lines of a hit (one less than the row: the rule follows)."""
        inner = max(1, width - 1 - MARK_WIDTH)  # after the cursor gutter and the marks
        content = ROW_HEIGHT - 1
        title_style = self.get_component_rich_style("results-list--title", partial=True)
        meta_style = self.get_component_rich_style("results-list--meta", partial=True)
        title = Text(one_line(hit.title) or one_line(hit.id), style=title_style)
        title_lines = list(title.wrap(self.app.console, inner))
        for line in title_lines:
            line.rstrip()
        if len(title_lines) > 2:  # two lines at most: the second ends with an ellipsis
            rest = Text(" ").join(title_lines[1:])
            rest.truncate(inner, overflow="ellipsis")
            title_lines = [title_lines[0], rest]
        lines = [Text(mark, style="bold") + title_lines[0]]
        lines += [Text(" " * MARK_WIDTH) + line for line in title_lines[1:]]
        meta = " · ".join(
            part
            for part in (
                hit.published.isoformat() if hit.published else "",
                one_line(hit.source or ""),
            )
            if part
        )
        if meta:
            lines.append(Text(" " * MARK_WIDTH) + Text(meta, style=meta_style))
        room = content - len(lines)
        snippet = self._snippet(hit, inner, room)
        lines += [Text(" " * MARK_WIDTH) + line for line in snippet]
        lines += [Text("") for _ in range(content - len(lines))]
        return lines[:content]

    def _snippet(self, hit: Hit, width: int, lines: int) -> list[Text]:
        """``lines`` lines of the hit's snippet, its first match among them."""
        snippet = hit.snippet
        if lines <= 0 or not snippet.text:
            return []
        match_style = self.get_component_rich_style("results-list--match", partial=True)
        # Control characters are replaced one for one so that the match offsets stay right.
        raw = "".join(c if c.isprintable() else " " for c in snippet.text)
        body = Text(raw)
        for start, end in snippet.highlights:
            body.stylize(match_style, start, end)
        if snippet.highlights:
            first = min(start for start, _ in snippet.highlights)
            room = width * lines
            if first > room // 2:  # start shortly before the first match, at a word
                cut = raw.rfind(" ", 0, max(0, first - room // 4))
                if cut > 0:
                    body = Text("…") + body[cut + 1 :]
        wrapped = list(body.wrap(self.app.console, width))
        if len(wrapped) > lines:
            last = wrapped[lines - 1]
            last.rstrip()
            last.append(" …")
            last.truncate(width, overflow="ellipsis")
            wrapped = wrapped[:lines]
        for line in wrapped:
            line.rstrip()
        return wrapped
