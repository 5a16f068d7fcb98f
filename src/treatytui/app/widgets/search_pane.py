"""The search pane: the query input, a status line and the results list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, ProgressBar, Static

from treatytui.app.widgets.results_list import ResultsList
from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from treatytui.search.results import SearchResult
    from treatytui.state import ArticleState

SORT_LABELS = {"relevance": "by relevance", "newest": "newest first", "oldest": "oldest first"}
ACCEPT_SUGGESTION = "search.accept-suggestion"


class QueryInput(Input):
    """The query input, with the history of queries (newest first) that ``up``/``down``
    walk (the pane's bindings, so that the help screen lists them with the pane's)."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self.history: list[str] = []
        """The queries remembered, newest first (the screen fills it from the state)."""
        self._place = -1  # -1: the query being typed, not one from the history
        self._typed = ""

    def walk_history(self, step: int) -> None:
        """``step`` 1: the older query; -1: the newer one (past the newest: what was typed)."""
        if not self.history:
            return
        if self._place == -1:
            self._typed = self.value
        place = max(-1, min(len(self.history) - 1, self._place + step))
        if place == self._place:
            return
        self._place = place
        self.value = self._typed if place == -1 else self.history[place]
        self.cursor_position = len(self.value)

    def remembered(self, history: list[str]) -> None:
        """A new history (after a query was kept): the walk starts again from the top."""
        self.history = history
        self._place = -1


class SearchPane(Vertical):
    """Query input (search as you type), status (count, error, suggestion), results."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+y",
            "accept_suggestion",
            "Use suggestion",
            # Not in the footer: the status line shows the key beside the suggestion, so a
            # suggestion coming and going never recomposes the footer while typing.
            show=False,
            id=ACCEPT_SUGGESTION,
            tooltip="Replace the query with the suggested spelling",
        ),
        Binding(
            "up", "history(1)", "Older query", show=False, id="search.history-older",
            tooltip="The query before this one in the history",
        ),
        Binding(
            "down", "history(-1)", "Newer query", show=False, id="search.history-newer",
            tooltip="The query after this one in the history (past the newest: what you typed)",
        ),
    ]  # fmt: skip

    @dataclass
    class QueryChanged(Message):
        """The query text changed (``submitted``: the user pressed enter)."""

        query: str
        submitted: bool = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.suggestion: str | None = None
        self.total: int | None = None
        self.unread: int | None = None
        self._result: SearchResult | None = None
        self.sort = "relevance"
        # What the status line last showed: its logical lines and whether it was an error.
        # The layout is refreshed only when that shape changes (a count alone does not).
        self._status_shape: tuple[int, bool] | None = None
        self._progress_bar: ProgressBar | None = None

    def compose(self) -> ComposeResult:
        yield QueryInput(
            placeholder="Search…",
            id="query",
            select_on_focus=False,
        )
        yield Static(id="search-status", markup=False)
        # The indexing progress bar is mounted when there is progress to show.
        yield ResultsList(id="results")

    @property
    def query_input(self) -> QueryInput:
        return self.query_one("#query", QueryInput)

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
    def show_result(
        self,
        result: SearchResult,
        *,
        keep: bool = False,
        marks: dict[str, ArticleState] | None = None,
        unread: int | None = None,
    ) -> None:
        """New results: list them and show the count (and a suggestion, if any); ``unread``
        of them, when known, is said when some are read."""
        self.results.show_result(result, keep=keep, marks=marks)
        self.total = result.total
        self.unread = unread
        self.suggestion = result.suggestion
        self.sort = result.sort
        self._result = result
        self._status(self._count_text(result))

    def change_unread(self, step: int) -> None:
        """One listed article was marked read (-1) or unread (+1): the count follows."""
        if self.unread is not None and self.total is not None:
            self.unread = max(0, min(self.total, self.unread + step))
            if self._result is not None:
                self._status(self._count_text(self._result))

    def show_status_of(self, result: SearchResult) -> None:
        """The count of ``result`` in the status line again (the list stays as it is)."""
        self._status(self._count_text(result))

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
        bar = self._progress_bar
        if bar is None:
            if not total:
                return
            bar = self._progress_bar = ProgressBar(id="index-progress", show_eta=False)
            self.mount(bar, before=self.results)
        bar.display = total > 0
        if total:
            bar.update(total=total, progress=done)
            self.show_message(f"Indexing {done} of {total} files…")

    def _count_text(self, result: SearchResult) -> Text:
        total = result.total  # every one of them is in the list, a page at a time
        noun = "article" if total == 1 else "articles"
        count = f"{total} {noun}"
        if self.unread is not None and self.unread < total:
            count += f" · {self.unread} unread"
        # The separator goes with the count: a styled run that starts with a space loses
        # it in some renderers ("2 articles· by relevance").
        text = Text(f"{count} · ")
        order = (
            "newest first"
            if not result.query.strip() and result.sort == "relevance"
            else (SORT_LABELS.get(result.sort, result.sort))
        )
        text.append(order, style="dim")
        if result.suggestion:
            text.append("\nDid you mean ")
            text.append(one_line(result.suggestion), style="bold underline")
            text.append(f"? {self.suggestion_key()}", style="dim")
        return text

    def suggestion_key(self) -> str:
        """The key that accepts a suggestion, as the footer shows it (from the live keymap)."""
        keymap: dict[str, str] = getattr(self.app, "keymap", None) or {}
        keys = keymap.get(ACCEPT_SUGGESTION) or self._accept_keys()
        return self.app.get_key_display(Binding(keys.split(",")[0].strip(), ""))

    @classmethod
    def _accept_keys(cls) -> str:
        return next(
            b.key for b in cls.BINDINGS if isinstance(b, Binding) and b.id == ACCEPT_SUGGESTION
        )

    def _status(self, text: Text, *, error: bool = False) -> None:
        status = self.query_one("#search-status", Static)
        status.set_class(error, "-error")
        # A new count on as many lines needs a repaint, not a new layout of the screen.
        width = status.content_region.width
        lines = len(text.wrap(self.app.console, width)) if width > 0 else -1
        shape = (lines, error)
        status.update(text, layout=lines < 0 or shape != self._status_shape)
        self._status_shape = shape

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "accept_suggestion":
            return bool(self.suggestion)
        if action == "history":
            return self.query_input.has_focus
        return True

    def action_history(self, step: int) -> None:
        self.query_input.walk_history(step)

    def action_accept_suggestion(self) -> None:
        if self.suggestion:
            self.query_input.value = self.suggestion
            self.query_input.cursor_position = len(self.suggestion)
            self.suggestion = None
