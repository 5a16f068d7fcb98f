"""The facts panel: the open article's facts grouped by kind, normalised."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from treatytui.facts.model import group_header

if TYPE_CHECKING:  # loaded with the first article, not before the first frame
    from treatytui.app.factlabels import FactEntry
    from treatytui.facts.model import Fact

PLACEHOLDER = (
    "Open an article to see its facts: dates, venues, counts, people and "
    "organisations. The timeline and figures views show them for the whole collection."
)


class FactsPanel(OptionList):
    """Dates, venues, counts, people and organisations of one article.

    ``enter`` on a fact scrolls the viewer to its sentence; pressing it again goes to the
    next place the article states the same fact.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"facts-panel--group", "facts-panel--surface"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "select",
            "Go to fact",
            id="facts.jump",
            tooltip="Scroll the article to the sentence that states this fact",
        ),
        Binding(
            "y",
            "copy_fact",
            "Copy fact",
            id="facts.copy",
            tooltip="Copy the fact with its sentence and a citation",
        ),
        Binding("j,down", "cursor_down", "Down", show=False, id="facts.down", tooltip="Next fact"),
        Binding("k,up", "cursor_up", "Up", show=False, id="facts.up", tooltip="Previous fact"),
        Binding("g,home", "first", "First", show=False, id="facts.first", tooltip="First fact"),
        Binding("G,end", "last", "Last", show=False, id="facts.last", tooltip="Last fact"),
    ]

    @dataclass
    class FactChosen(Message):
        """The user chose a fact: show where the article states it."""

        fact: Fact

    @dataclass
    class CopyRequested(Message):
        """The user asked to copy a fact."""

        fact: Fact

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: dict[str, FactEntry] = {}
        self._occurrence: dict[str, int] = {}

    def on_mount(self) -> None:
        if not self.option_count:
            self.show_facts(None)

    def show_facts(self, facts: tuple[Fact, ...] | None) -> None:
        """List ``facts`` (None: no article open: say what the panel will show)."""
        self.entries = {}
        self._occurrence = {}
        self.clear_options()
        if facts is None:
            hint = Text(PLACEHOLDER, style="italic")
            self.add_option(Option(hint, disabled=True))
            return
        from treatytui.app.factlabels import group_facts

        group_style = self.get_component_rich_style("facts-panel--group", partial=True)
        surface_style = self.get_component_rich_style("facts-panel--surface", partial=True)
        options: list[Option] = []
        for title, entries in group_facts(facts):
            mentions = sum(len(e.facts) for e in entries)
            header = group_header(entries[0].kind, title, len(entries), mentions)
            options.append(Option(Text(header, style=group_style), disabled=True))
            for entry in entries:
                option_id = f"fact-{len(self.entries)}"
                self.entries[option_id] = entry
                prompt = Text(entry.label)
                if entry.surface and (
                    entry.kind == "date" or entry.surface.casefold() not in entry.label.casefold()
                ):
                    prompt.append(f"  “{entry.surface}”", style=surface_style)
                if len(entry.facts) > 1:
                    prompt.append(f"  ×{len(entry.facts)}", style=surface_style)
                options.append(Option(prompt, id=option_id))
        if not options:
            options.append(Option(Text("No facts found in this article."), disabled=True))
        self.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        self.highlighted = first

    @property
    def current_entry(self) -> FactEntry | None:
        """The highlighted fact entry, if any."""
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.entries.get(option.id or "")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        entry = self.entries.get(option_id)
        if entry is None:
            return
        occurrence = self._occurrence.get(option_id, -1) + 1
        self._occurrence[option_id] = occurrence % len(entry.facts)
        self.post_message(self.FactChosen(entry.facts[occurrence % len(entry.facts)]))

    def action_copy_fact(self) -> None:
        entry = self.current_entry
        if entry is not None:
            option_id = next(k for k, v in self.entries.items() if v is entry)
            occurrence = max(0, self._occurrence.get(option_id, 0))
            self.post_message(self.CopyRequested(entry.facts[occurrence]))
