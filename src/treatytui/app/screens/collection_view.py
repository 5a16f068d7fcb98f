"""What the timeline and figures screens share: loading the collection's facts in a worker,
the whole collection / search results toggle, the text and date filters, the row list with
a detail pane, opening an article at a sentence, and export to a file."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from treatytui.app.dialogs.export import VIEWS_CSS, ExportDialog
from treatytui.app.widgets.footer import FittingFooter
from treatytui.app.widgets.row_list import RowList
from treatytui.library import VIEWS, ViewData
from treatytui.library.views import Counted
from treatytui.search.documents import ArticleFacts
from treatytui.textsafety import one_line
from treatytui.views.dates import DateRange, parse_date_range
from treatytui.views.export import format_for
from treatytui.views.mentions import Mention


class FactsSource(Protocol):
    """Where a view's facts come from: ``Searcher.iter_facts`` or any function like it."""

    def __call__(
        self, query_text: str | None = None, kinds: Collection[str] | None = None
    ) -> Iterable[ArticleFacts]: ...


SharedData = Callable[[str], ViewData]
"""The whole collection's data for a view by name, built once and shared (see
``Library.view_data``): ``(data, number of articles)``."""


class CollectionViewScreen(Screen[None]):
    """A collection-wide view: subclasses say how to build, filter, draw and export it."""

    CSS_PATH = VIEWS_CSS
    AUTO_FOCUS = "#view-rows"
    VIEW_NAME: ClassVar[str] = "view"
    KINDS: ClassVar[frozenset[str]] = frozenset()

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", show=False, id="view.back",
                tooltip="Leave the filter input, or close this view"),
        Binding("slash", "focus_filter", "Filter", id="view.filter",
                tooltip="Filter the rows by text (sentences, titles, sources)"),
        Binding("d", "focus_dates", "Dates", id="view.dates",
                tooltip="Keep only dates in a range: 2025, 2025-10, 2025-09..2025-10"),
        Binding("a", "toggle_scope", "All/results", id="view.scope",
                tooltip="Switch between the whole collection and the current search results"),
        Binding("right,l", "mention(1)", "Next source", show=False, id="view.next-source",
                tooltip="Select the next article that reports this row"),
        Binding("left,h", "mention(-1)", "Previous source", show=False, id="view.prev-source",
                tooltip="Select the previous article that reports this row"),
        Binding("e", "export", "Export", id="view.export",
                tooltip="Save the rows shown to a file (.csv, .yaml or .json)"),
    ]  # fmt: skip

    @dataclass
    class OpenArticle(Message):
        """Open ``article_id`` with the sentence of the fact at ``span`` in view."""

        article_id: str
        span: tuple[int, int]

    @dataclass
    class Loaded(Message):
        """A loading worker built ``scope``'s data (for the screen's ``generation``)."""

        scope: str
        data: ViewData
        generation: int

    @dataclass
    class Filtered(Message):
        """A filtering worker chose ``entries`` of ``scope`` (filter number ``serial``)."""

        scope: str
        entries: Sequence[Any]
        serial: int

    def __init__(
        self, load: FactsSource, *, query: str | None = None, shared: SharedData | None = None
    ) -> None:
        super().__init__()
        self.load = load
        self.shared = shared
        self.query_text = (query or "").strip()
        self.scope = "results" if self.query_text else "all"
        self.data: dict[str, Any] = {}
        self.entries: Sequence[Any] = ()
        self.mention_index = 0
        self._filter_serial = 0
        # Goes up when the data being loaded would be stale (a reload, a new query).
        self._generation = 0

    # -- subclass hooks --------------------------------------------------------------
    @classmethod
    def build(cls, articles: Iterable[ArticleFacts]) -> Any:
        """The view's data for ``articles`` (runs in a worker thread), as the library
        builds it for the whole collection."""
        return VIEWS[cls.VIEW_NAME].build(articles)

    def filtered(self, data: Any, dates: DateRange, text: str) -> Sequence[Any]:
        """The entries (list rows) of ``data`` that pass the filters (in a worker thread)."""
        raise NotImplementedError

    def render_entry(self, entry: Any, width: int) -> Text:
        """One entry as one line of the list."""
        raise NotImplementedError

    def mentions_of(self, entry: Any) -> Sequence[Mention]:
        """The mentions an entry opens (empty for a heading)."""
        raise NotImplementedError

    def describe(self, entry: Any, selected: int) -> Text:
        """The detail pane of an entry, mention ``selected`` marked."""
        raise NotImplementedError

    def export_text(self, fmt: str) -> str:
        """The entries shown as ``fmt`` text."""
        raise NotImplementedError

    def summary(self, shown: int, total: int) -> str:
        """``12 of 30 events`` and the like."""
        raise NotImplementedError

    def is_heading(self, entry: Any) -> bool:
        """Whether an entry only heads the ones below it (the cursor passes over it)."""
        return False

    # -- layout ----------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="view-status", markup=False)
        with Horizontal(id="view-filters"):
            yield Input(placeholder="/ filter text", id="view-filter")
            yield Input(placeholder="d dates: 2025-10 or 2025-09..2025-10", id="view-dates")
        yield RowList(self.render_entry, heading=self.is_heading, id="view-rows")
        yield Static(id="view-detail", markup=False)
        yield FittingFooter()

    @property
    def rows(self) -> RowList:
        return self.query_one(RowList)

    def on_mount(self) -> None:
        self.rows.border_title = self.VIEW_NAME.capitalize()
        self._start_loading()

    def reload(self) -> None:
        """Build the view again from the index (e.g. after the index changed)."""
        self.data.clear()
        self._generation += 1
        if self.is_mounted:  # otherwise it is built when first shown
            self._start_loading()

    def _start_loading(self) -> None:
        self._show_status("Loading…")
        self.rows.loading = True
        # Paint first: building holds the GIL for a while on a large collection.
        self.call_after_refresh(self._start_load, self.scope)

    def set_query(self, query: str | None) -> None:
        """The current search changed: "search results" now means ``query``'s results."""
        query = (query or "").strip()
        if query == self.query_text:
            return
        self.query_text = query
        self.data.pop("results", None)
        self._generation += 1
        if self.scope == "results" or query:
            self.scope = "results" if query else "all"
            if self.is_mounted:
                self.rows.loading = True
                self._start_load(self.scope)

    # -- loading and filtering (workers) -------------------------------------------------
    @work(thread=True, exclusive=True, group="view-load", exit_on_error=False)
    def _load(self, scope: str, generation: int, query: str) -> None:
        data = self.data.get(scope)
        if data is None:
            if scope == "all" and self.shared is not None:
                # Often built already, in the background, before the view was opened.
                data = self.shared(self.VIEW_NAME)
            else:
                articles = Counted(self.load(query if scope == "results" else None, self.KINDS))
                data = (self.build(articles), articles.count)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(scope, data, generation))

    def _start_load(self, scope: str) -> None:
        self._load(scope, self._generation, self.query_text)

    @on(Loaded)
    def _loaded(self, event: Loaded) -> None:
        event.stop()
        if event.generation != self._generation:
            return  # built before a reload or a new query
        self.data[event.scope] = event.data
        if event.scope != self.scope:
            return
        self.rows.loading = False
        self._refilter()

    def _refilter(self) -> None:
        try:
            dates = parse_date_range(self.query_one("#view-dates", Input).value)
        except ValueError as error:
            self._show_status(f"Dates: {error}", error=True)
            return
        self._filter_serial += 1
        text = self.query_one("#view-filter", Input).value
        self._filter(self.scope, dates, text, self._filter_serial)

    @work(thread=True, exclusive=True, group="view-filter", exit_on_error=False)
    def _filter(self, scope: str, dates: DateRange, text: str, serial: int) -> None:
        data = self.data.get(scope)
        if data is None:
            return
        entries = self.filtered(data[0], dates, text)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Filtered(scope, entries, serial))

    @on(Filtered)
    def _filtered(self, event: Filtered) -> None:
        event.stop()
        scope, entries = event.scope, event.entries
        if scope != self.scope or event.serial != self._filter_serial:
            return  # an older filter finished late
        current = self.rows.current
        self.entries = entries
        cursor = self._index_of(current, entries)
        self.rows.set_rows(entries, cursor)
        self._show_status()

    def _index_of(self, entry: Any, entries: Sequence[Any]) -> int:
        if entry is None:
            return 0
        try:
            return entries.index(entry) if len(entries) < 50_000 else 0
        except ValueError:
            return 0

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        event.input.set_class(False, "-invalid")
        if self.scope in self.data:
            self._refilter()

    @on(Input.Submitted)
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.rows.focus()

    # -- status and detail -----------------------------------------------------------
    def _show_status(self, message: str | None = None, *, error: bool = False) -> None:
        status = self.query_one("#view-status", Static)
        status.set_class(error, "-error")
        if message is None:
            data = self.data.get(self.scope)
            total = self.total_entries(data[0]) if data else 0
            where = (
                f"search results for “{one_line(self.query_text)}”"
                if self.scope == "results"
                else "whole collection"
            )
            articles = data[1] if data else 0
            noun = "article" if articles == 1 else "articles"
            message = f"{self.summary(len(self.entries), total)} · {where} ({articles} {noun})"
        status.update(Text(message))

    def total_entries(self, data: Any) -> int:
        """How many rows ``data`` holds before filtering."""
        return len(data)

    @on(RowList.Highlighted)
    def _highlighted(self, event: RowList.Highlighted) -> None:
        self.mention_index = 0
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#view-detail", Static)
        entry = self.rows.current
        detail.update(Text("") if entry is None else self.describe(entry, self.mention_index))

    # -- actions ---------------------------------------------------------------------
    @on(RowList.Chosen)
    def _chosen(self, event: RowList.Chosen) -> None:
        mentions = self.mentions_of(self.rows.current)
        if mentions:
            chosen = mentions[min(self.mention_index, len(mentions) - 1)]
            self.post_message(self.OpenArticle(chosen.article_id, chosen.span))

    def action_mention(self, step: int) -> None:
        mentions = self.mentions_of(self.rows.current) if self.rows.current else ()
        if mentions:
            self.mention_index = (self.mention_index + step) % len(mentions)
            self._show_detail()

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.rows.focus()
        else:
            self.dismiss()

    def action_focus_filter(self) -> None:
        self.query_one("#view-filter", Input).focus()

    def action_focus_dates(self) -> None:
        self.query_one("#view-dates", Input).focus()

    def action_toggle_scope(self) -> None:
        if not self.query_text:
            self.notify("No search yet: the view shows the whole collection.")
            return
        self.scope = "all" if self.scope == "results" else "results"
        if self.scope in self.data:
            self._refilter()
        else:
            self.rows.loading = True
            self._show_status("Loading…")
            self._start_load(self.scope)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that type into a filter input are not shortcuts there."""
        typing_keys = ("toggle_scope", "focus_dates", "export", "mention", "focus_filter")
        return not (isinstance(self.focused, Input) and action in typing_keys)

    def action_export(self) -> None:
        self.app.push_screen(ExportDialog(f"{self.VIEW_NAME}.csv"), self._export_to)

    def _export_to(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            text = self.export_text(format_for(path))
            path.write_text(text, encoding="utf-8")
        except (OSError, ValueError) as error:
            self.notify(one_line(str(error)), title="Not exported", severity="error")
            return
        self.notify(one_line(str(path)), title=f"Exported {len(self.entries)} rows")
