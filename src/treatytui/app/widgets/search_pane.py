"""The search pane: the query input, a status line and the results list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, ProgressBar, Static

from treatytui.app.widgets.results_list import ResultsList
from treatytui.search.results import SearchResult
from treatytui.textsafety import one_line

SORT_LABELS = {"relevance": "by relevance", "newest": "newest first", "oldest": "oldest first"}


class SearchPane(Vertical):
    """Query input (search as you type), status (count, error, suggestion), results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+y",
            "accept_suggestion",
            "Use suggestion",
            id="search.accept-suggestion",
            tooltip="Replace the query with the suggested spelling",
        ),
    ]

    @dataclass
    class QueryChanged(Message):
        """The query text changed (``submitted``: the user pressed enter)."""

        query: str
        submitted: bool = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.suggestion: str | None = None
        self.total: int | None = None
        self.sort = "relevance"

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="Search…",
            id="query",
            select_on_focus=False,
        )
        yield Static(id="search-status", markup=False)
        yield ProgressBar(id="index-progress", show_eta=False)
        yield ResultsList(id="results")

    @property
    def query_input(self) -> Input:
        return self.query_one("#query", Input)

    @property
    def results(self) -> ResultsList:
        return self.query_one(ResultsList)

    # -- messages from the input --------------------------------------------------------
    @on(Input.Changed, "#query")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value))

    @on(Input.Submitted, "#query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.QueryChanged(event.value, submitted=True))

    # -- what the screen tells the pane -------------------------------------------------
    def show_result(self, result: SearchResult, *, keep: bool = False) -> None:
        """New results: list them and show the count (and a suggestion, if any)."""
        self.results.show_result(result, keep=keep)
        self.total = result.total
        self.suggestion = result.suggestion
        self.sort = result.sort
        self._status(self._count_text(result))
        self.refresh_bindings()

    def show_error(self, message: str) -> None:
        """A query that cannot run: say why, keep the last good results."""
        status = Text("⚠ ", style="bold")
        status.append(one_line(message))
        self._status(status, error=True)

    def show_message(self, message: str) -> None:
        """A plain status line (e.g. while the index is being prepared)."""
        self._status(Text(one_line(message)))

    def show_progress(self, done: int, total: int) -> None:
        """Indexing progress (``total`` 0 hides the bar)."""
        bar = self.query_one(ProgressBar)
        bar.display = total > 0
        if total:
            bar.update(total=total, progress=done)
            self.show_message(f"Indexing {done} of {total} files…")

    def _count_text(self, result: SearchResult) -> Text:
        shown, total = len(result.hits), result.total
        noun = "article" if total == 1 else "articles"
        text = Text(f"{total} {noun}" if shown >= total else f"{shown} of {total} {noun}")
        order = (
            "newest first"
            if not result.query.strip() and result.sort == "relevance"
            else (SORT_LABELS.get(result.sort, result.sort))
        )
        text.append(f" · {order}", style="dim")
        if result.suggestion:
            text.append("\nDid you mean ")
            text.append(one_line(result.suggestion), style="bold underline")
            text.append("? ctrl+y", style="dim")
        return text

    def _status(self, text: Text, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.set_class(error, "-error")
        status.update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept_suggestion":
            return bool(self.suggestion)
        return True

    def action_accept_suggestion(self) -> None:
        if self.suggestion:
            self.query_input.value = self.suggestion
            self.query_input.cursor_position = len(self.suggestion)
            self.suggestion = None
            self.refresh_bindings()
