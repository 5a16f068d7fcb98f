"""The app's own commands in the command palette (ctrl+p)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

if TYPE_CHECKING:
    from treatytui.app.app import TreatyApp


class ReaderCommands(Provider):
    """Reindex, facts panel, theme, copy and sort."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app: TreatyApp = self.app  # type: ignore[assignment]
        main = app.main
        yield "Reindex", "Bring the index up to date with the collection", app.action_reindex
        yield "Toggle facts panel", "Show or hide the facts panel", main.action_toggle_facts
        yield (
            "Timeline",
            "Every dated fact of the collection (or of the results), in order",
            partial(app.show_view, "timeline"),
        )
        yield (
            "Figures compared",
            "Participant counts across articles and outlets, disagreements marked",
            partial(app.show_view, "figures"),
        )
        yield (
            "Where is the index",
            f"The index folder in use: {app.index_location}",
            app.action_where,
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
        for sort, label in (
            ("relevance", "Sort by relevance"),
            ("newest", "Sort newest first"),
            ("oldest", "Sort oldest first"),
        ):
            yield label, f"Order the results: {sort}", partial(main.set_sort, sort)
        yield "Help", "Show every key binding", app.action_help

    async def discover(self) -> Hits:
        for name, help_text, command in self._commands():
            yield DiscoveryHit(name, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command, text=name, help=help_text)
