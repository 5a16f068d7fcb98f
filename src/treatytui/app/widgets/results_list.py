"""The results list: one entry per hit (title, source · date, snippet with matches)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from treatytui.search.results import Hit, SearchResult
    from treatytui.state import ArticleState


def state_marks(state: ArticleState | None) -> str:
    """The marks before a title, by shape (not colour): ``•`` unread, ``★`` starred, ``✎``
    a note (when not starred); spaces keep the titles aligned."""
    unread = state is None or not state.read
    kept = "★" if state is not None and state.starred else "✎" if state and state.note else " "
    return f"{'•' if unread else ' '}{kept} "


PRELOAD = 8
"""The next page is asked for when the cursor comes this close to the last hit listed."""


class ResultsList(OptionList):
    """The hits of the current query; ``enter`` opens the highlighted one."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "results-list--title",
        "results-list--meta",
        "results-list--match",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select",
            "Open",
            id="results.open",
            tooltip="Open the highlighted article in the viewer",
        ),
        Binding(
            "j,down", "cursor_down", "Down", show=False, id="results.down", tooltip="Next result"
        ),
        Binding("k,up", "cursor_up", "Up", show=False, id="results.up", tooltip="Previous result"),
        Binding("g,home", "first", "First", show=False, id="results.first", tooltip="First result"),
        Binding("G,end", "last", "Last", show=False, id="results.last", tooltip="Last result"),
    ]

    @dataclass
    class MoreWanted(Message):
        """The cursor is near the end of the hits listed and more match: list the next
        page (``to_end``: every hit, then go to the last)."""

        listed: int
        to_end: bool = False

    @dataclass
    class ArticleChosen(Message):
        """The user chose a hit to read."""

        hit: Hit

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hits: tuple[Hit, ...] = ()
        self.total = 0
        """How many articles match (the hits listed may be fewer: more load on the way)."""
        self._asked = -1  # how many were listed when the next page was last asked for
        self._to_end = False
        # The options of the last list by what they show: a hit shown again (the same
        # article with the same snippet, as happens while a word is typed) keeps its option
        # and the text layout the option list cached on it.
        self._shown: dict[tuple[object, ...], Option] = {}
        self.marks: dict[str, ArticleState] = {}
        """The reading state of the hits that were ever touched, by id."""

    def show_result(
        self,
        result: SearchResult,
        *,
        keep: bool = False,
        marks: dict[str, ArticleState] | None = None,
    ) -> None:
        """Replace the list with ``result``'s hits (``keep``: stay on the same article),
        marked with their reading state (``marks``: of those ever touched)."""
        previous = self.current_hit if keep else None
        self.hits = result.hits
        self.total = result.total
        self._asked = -1
        self._to_end = False
        self.marks = dict(marks or {})
        shown: dict[tuple[object, ...], Option] = {}
        options: list[Option | None] = []
        for hit in result.hits:
            mark = state_marks(self.marks.get(hit.id))
            key = (hit.id, hit.title, hit.source, hit.published, hit.snippet, mark)
            option = self._shown.get(key) or self._option(hit, mark)
            option._divider = False  # the list sets it again from the separators below
            shown[key] = option
            options.extend((option, None))
        self._shown = shown
        # One call (not clear + add): the list is measured and laid out once.
        self.set_options(options[:-1])
        if not result.hits:
            return
        ids = [hit.id for hit in result.hits]
        self.highlighted = ids.index(previous.id) if previous and previous.id in ids else 0

    def add_page(self, result: SearchResult, marks: dict[str, ArticleState]) -> None:
        """List the next page of hits (``result``'s, after those listed) below the others."""
        listed = {hit.id for hit in self.hits}
        page = [hit for hit in result.hits if hit.id not in listed]
        if not page:
            self.total = len(self.hits)  # the index changed under the query: no more
            return
        self.marks.update(marks)
        self.hits = (*self.hits, *page)
        options: list[Option | None] = []
        for hit in page:
            options.extend((None, self._option(hit, state_marks(self.marks.get(hit.id)))))
        self.add_options(options)
        if self._to_end and self.complete:
            self._to_end = False
            self.highlighted = len(self.hits) - 1
        elif self._to_end:  # G: the next big page, until every hit is listed
            self._asked = len(self.hits)
            self.post_message(self.MoreWanted(len(self.hits), to_end=True))
        else:
            self._want_more()

    @property
    def complete(self) -> bool:
        """Whether every matching hit is listed."""
        return len(self.hits) >= self.total

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self._want_more()

    def _want_more(self, *, to_end: bool = False) -> None:
        index = self.highlighted
        if self.complete or index is None or (not to_end and index < len(self.hits) - PRELOAD):
            return
        if to_end:
            self._to_end = True
        if self._asked != len(self.hits) or to_end:
            self._asked = len(self.hits)
            self.post_message(self.MoreWanted(len(self.hits), to_end=to_end))

    def action_cursor_down(self) -> None:
        """The next hit; at the last one listed, the next page (never back to the top
        while more are coming)."""
        if not self.complete and self.highlighted == len(self.hits) - 1:
            self._want_more()
            return
        super().action_cursor_down()

    def action_last(self) -> None:
        """``G``: the last hit, once every hit is listed."""
        if self.complete:
            super().action_last()
        else:
            self._want_more(to_end=True)

    def update_state(self, state: ArticleState) -> None:
        """One article's reading state changed: its marks follow (if it is listed)."""
        self.marks[state.id] = state
        for hit in self.hits:
            if hit.id == state.id:
                self.replace_option_prompt(hit.id, self._option(hit, state_marks(state)).prompt)
                return

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._shown = {}  # the options carry the old theme's styles

    @property
    def current_hit(self) -> Hit | None:
        """The highlighted hit, if any."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.hits):
            return None
        return self.hits[index]

    def _option(self, hit: Hit, mark: str = "") -> Option:
        title_style = self.get_component_rich_style("results-list--title", partial=True)
        meta_style = self.get_component_rich_style("results-list--meta", partial=True)
        match_style = self.get_component_rich_style("results-list--match", partial=True)
        prompt = Text(mark, style="bold")
        prompt.append(one_line(hit.title) or one_line(hit.id), style=title_style)
        meta = " · ".join(
            part
            for part in (
                one_line(hit.source or ""),
                hit.published.isoformat() if hit.published else "",
            )
            if part
        )
        if meta:
            prompt.append("\n")
            prompt.append(meta, style=meta_style)
        snippet = hit.snippet
        if snippet.text:
            # Replace control characters one for one so highlight offsets stay right.
            body = Text("".join(c if c.isprintable() else " " for c in snippet.text), no_wrap=False)
            for start, end in snippet.highlights:
                body.stylize(match_style, start, end)
            prompt.append("\n")
            prompt.append_text(body)
        return Option(prompt, id=hit.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.hits):
            self.post_message(self.ArticleChosen(self.hits[event.option_index]))
