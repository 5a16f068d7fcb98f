"""The reader's own commands in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from treatytui.app.messages import ShowView
from treatytui.app.screens.main import MainScreen
from treatytui.app.widgets.search_pane import SORT_LABELS
from treatytui.search.results import SORT_ORDERS


class ReaderCommands(Provider):
    """Reindex, facts panel, views, where the index is, copy, sort and help."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app = self.app
        main = next(s for s in app.screen_stack if isinstance(s, MainScreen))
        yield "Reindex", "Bring the index up to date with the collection", main.reindex
        yield (
            "Fetch feeds now",
            "Fetch the followed feeds; new articles are indexed and shown",
            main.action_fetch,
        )
        yield "Toggle facts panel", "Show or hide the facts panel", main.action_toggle_facts
        yield (
            "Timeline",
            "Every dated fact of the collection (or of the results), in order",
            partial(main.post_message, ShowView("timeline")),
        )
        yield (
            "Figures compared",
            "Participant counts across articles and outlets, disagreements marked",
            partial(main.post_message, ShowView("figures")),
        )
        yield (
            "Where is the index",
            f"The index folder in use: {main.index_location}",
            partial(app.run_action, "where"),
        )
        yield (
            "Copy quote with citation",
            "The current sentence, with title, source, date and url",
            partial(main.copy, "quote"),
        )
        yield "Copy article url", "The open article's url", partial(main.copy, "url")
        yield (
            "Copy fact",
            "The selected fact with its sentence and a citation",
            partial(main.copy, "fact"),
        )
        for sort in SORT_ORDERS:
            yield (
                f"Sort {SORT_LABELS[sort]}",
                f"Order the results: {sort}",
                partial(main.set_sort, sort),
            )
        yield "Help", "Show every key binding", partial(app.run_action, "help")

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)
