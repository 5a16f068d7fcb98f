"""The saved searches, each with how many of its articles are unread (like newsboat's query
feeds): ``enter`` runs one, ``d`` deletes one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from treatytui.app.dialogs.export import VIEWS_CSS
from treatytui.textsafety import one_line

if TYPE_CHECKING:
    from treatytui.library import Library
    from treatytui.state import SavedSearch


def unread_count(library: Library, query: str) -> int | None:
    """How many articles ``query`` finds that are unread (None: it cannot run now)."""
    from treatytui.search.results import QueryError
    from treatytui.state import split_state_filters

    state = library.state
    if state is None or library.searcher is None:
        return None
    rest, wanted = split_state_filters(query)
    try:
        restriction = wanted.plus(("read", False)).restriction(state)
        return library.search(rest, limit=1, ids=restriction).total
    except QueryError:
        return None


@dataclass
class UnreadCounts(Message):
    """The unread count of each saved search, by name (None: the query cannot run)."""

    counts: dict[str, int | None]


class SavedSearchesScreen(ModalScreen[str | None]):
    """The saved searches; dismissed with the query to run, or None."""

    CSS_PATH = VIEWS_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="saved.close", tooltip="Back to the reader"),
        Binding("enter", "run", "Run", id="saved.run", tooltip="Search with the highlighted query"),
        Binding(
            "d,delete", "delete", "Delete", id="saved.delete",
            tooltip="Forget the highlighted saved search",
        ),
    ]  # fmt: skip

    def __init__(self, library: Library, searches: list[SavedSearch]) -> None:
        super().__init__()
        self.library = library
        self.searches = list(searches)
        self.counts: dict[str, int | None] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="saved-box") as box:
            box.border_title = "Saved searches"
            box.border_subtitle = "enter runs · d deletes · escape closes"
            yield OptionList(id="saved-list")
            yield Static(
                Text("None yet: ctrl+s in the search input saves the query under a name."),
                id="saved-empty",
            )

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()
        self._count([(s.name, s.query) for s in self.searches])

    def _fill(self) -> None:
        listing = self.query_one(OptionList)
        listing.set_options([self._option(s) for s in self.searches])
        listing.display = bool(self.searches)
        self.query_one("#saved-empty").display = not self.searches
        if self.searches:
            listing.highlighted = 0

    def _option(self, search: SavedSearch) -> Option:
        count = self.counts.get(search.name, -1)
        shown = "…" if count == -1 else "?" if count is None else str(count)
        line = Text(f"{shown:>5} unread  ", style="bold" if count else "")
        line.append(one_line(search.name), style="bold")
        line.append("  ")
        line.append(one_line(search.query) or "(every article)", style="dim")
        return Option(line, id=search.name)

    @work(thread=True, exclusive=True, group="saved-counts", exit_on_error=False)
    def _count(self, searches: list[tuple[str, str]]) -> None:
        counts = {name: unread_count(self.library, query) for name, query in searches}
        self.post_message(UnreadCounts(counts))

    @on(UnreadCounts)
    def _counted(self, event: UnreadCounts) -> None:
        self.counts.update(event.counts)
        listing = self.query_one(OptionList)
        for search in self.searches:
            listing.replace_option_prompt(search.name, self._option(search).prompt)

    @property
    def current(self) -> SavedSearch | None:
        """The highlighted saved search."""
        index = self.query_one(OptionList).highlighted
        return self.searches[index] if index is not None and self.searches else None

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_run()

    def action_run(self) -> None:
        search = self.current
        if search is not None:
            self.dismiss(search.query)

    def action_delete(self) -> None:
        search, state = self.current, self.library.state
        if search is None or state is None:
            return
        state.delete_search(search.name)
        self.searches.remove(search)
        self._fill()
        self.notify(f"Forgot the saved search {one_line(search.name)}", title="Saved searches")

    def action_cancel(self) -> None:
        self.dismiss(None)
