"""A list of one-line rows that renders only the rows on screen (any number of rows).

``OptionList`` and ``DataTable`` measure every row when rows are added (about 0.1 ms a row:
2–3 s for 20,000); this widget keeps the rows as they are and renders a row when it
scrolls into view, so showing 100,000 rows costs what showing 20 does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

RenderRow = Callable[[Any, int], Text]
IsHeading = Callable[[Any], bool]


class RowList(ScrollView, can_focus=True):
    """Rows drawn by ``render_row(row, width)``, a cursor, and ``enter`` to choose one.

    Rows for which ``heading(row)`` is true are headings: the cursor passes over them."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False, id="rows.down", tooltip="Next row"),
        Binding("up,k", "move(-1)", "Up", show=False, id="rows.up", tooltip="Previous row"),
        Binding(
            "pagedown,space", "page(1)", "Page down", show=False, id="rows.page-down",
            tooltip="One screen down",
        ),
        Binding(
            "pageup", "page(-1)", "Page up", show=False, id="rows.page-up",
            tooltip="One screen up",
        ),
        Binding("home,g", "first", "Top", show=False, id="rows.first", tooltip="First row"),
        Binding("end,G", "last", "Bottom", show=False, id="rows.last", tooltip="Last row"),
        Binding(
            "enter", "choose", "Open", id="rows.open",
            tooltip="Open the article at this sentence",
        ),
    ]  # fmt: skip

    cursor: reactive[int] = reactive(0, always_update=True, repaint=True)
    """The index of the highlighted row."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved to ``index``."""

        row_list: RowList
        index: int

    @dataclass
    class Chosen(Message):
        """``enter`` on the row at ``index``."""

        row_list: RowList
        index: int

    def __init__(
        self,
        render_row: RenderRow,
        *,
        heading: IsHeading | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.render_row = render_row
        self.heading = heading
        self.rows: Sequence[Any] = ()
        self._cache: dict[tuple[int, int, bool], Strip] = {}

    # -- content ---------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any], cursor: int = 0) -> None:
        """Show ``rows`` (kept as given, rendered when visible) with the cursor at ``cursor``."""
        self.rows = rows
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        self.cursor = self._landing(cursor, 1)
        self.scroll_to_cursor(center=True)
        self.refresh()

    @property
    def current(self) -> Any | None:
        """The highlighted row (None when there are no rows)."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def watch_cursor(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        self.post_message(self.Highlighted(self, new))

    def scroll_to_cursor(self, *, center: bool = False) -> None:
        """Scroll so that the cursor row is visible."""
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = int(self.scroll_y)
        if center:
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.rows))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()

    # -- rendering -------------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if index >= len(self.rows) or width <= 0:
            return Strip.blank(width, self.rich_style)
        selected = index == self.cursor
        key = (index, width, selected)
        strip = self._cache.get(key)
        if strip is None:
            if len(self._cache) > 2000:
                self._cache.clear()
            text = self.render_row(self.rows[index], width)
            text.truncate(width, overflow="ellipsis", pad=True)
            base: Style = self.rich_style
            if selected:
                base += self.get_component_rich_style("row-list--cursor")
            segments = list(text.render(self.app.console))
            strip = Strip(Segment.apply_style(segments, base), width).crop(0, width)
            self._cache[key] = strip
        return strip

    # -- actions ---------------------------------------------------------------------
    def _landing(self, index: int, direction: int) -> int:
        """The row the cursor stops on for ``index``: the nearest row that is not a
        heading, looking in ``direction`` (1 down, -1 up) first, then the other way."""
        last = len(self.rows) - 1
        index = max(0, min(index, last))
        heading = self.heading
        if heading is None or last < 0 or not heading(self.rows[index]):
            return max(index, 0)
        for step in (direction, -direction):
            probe = index + step
            while 0 <= probe <= last:
                if not heading(self.rows[probe]):
                    return probe
                probe += step
        return index

    def action_move(self, step: int) -> None:
        if self.rows:
            self.cursor = self._landing(self.cursor + step, 1 if step >= 0 else -1)

    def action_page(self, step: int) -> None:
        self.action_move(step * max(1, self.scrollable_content_region.height - 1))

    def action_first(self) -> None:
        self.action_move(-len(self.rows))

    def action_last(self) -> None:
        self.action_move(len(self.rows))

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self, self.cursor))

    def on_click(self, event: Any) -> None:
        index = int(self.scroll_y) + event.y
        if 0 <= index < len(self.rows):
            self.cursor = self._landing(index, 1)
