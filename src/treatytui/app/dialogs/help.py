"""The help screen: every key binding, generated from the live bindings and the keymap."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from treatytui.app.widgets.article_viewer import ArticleViewer
from treatytui.app.widgets.facts_panel import FactsPanel
from treatytui.app.widgets.footer import FittingFooter
from treatytui.app.widgets.results_list import ResultsList
from treatytui.app.widgets.search_pane import SearchPane

QUERY_HELP = (
    'Query language: words (all must match) · "exact phrase" ("a b"~3: near) · OR · '
    "NOT word or -word · sign* (prefix) · guterres~ (fuzzy) · "
    "title: source: venue: person: fields · "
    "published:2025-10 or published:[2025-10-01 to 2025-10-31]. "
    "Your reading state: is:unread · is:read · is:starred · has:note (negated with -word or "
    "NOT word): they narrow the whole query. "
    "An empty query lists every article, newest first."
)


class HelpScreen(ModalScreen[None]):
    """Key bindings by pane, as they are now (after the user's keymap)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,q,f1,question_mark",
            "dismiss",
            "Close",
            id="help.close",
            tooltip="Close the help screen",
        ),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down", tooltip="Scroll"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up", tooltip="Scroll"),
        Binding(
            "space,pagedown",
            "page(1)",
            "Page down",
            show=False,
            id="help.page-down",
            tooltip="Scroll a page",
        ),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="help.page-up", tooltip="Scroll"),
        Binding("g,home", "edge(0)", "Top", show=False, id="help.top", tooltip="Scroll"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="help.bottom", tooltip="Scroll"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Help — keys"
            body.border_subtitle = "escape closes"
            yield Static(self._table(), id="help-table")
            yield Static(Text(QUERY_HELP), id="help-query")
        yield FittingFooter()

    @property
    def body(self) -> VerticalScroll:
        return self.query_one("#help-body", VerticalScroll)

    def action_scroll(self, direction: int) -> None:
        """A line down (1) or up (-1)."""
        self.body.scroll_relative(y=direction, animate=False)

    def action_page(self, direction: int) -> None:
        """A page down (1) or up (-1)."""
        step = max(1, self.body.scrollable_content_region.height - 1)
        self.body.scroll_relative(y=direction * step, animate=False)

    def action_edge(self, end: int) -> None:
        """The top (0) or the bottom (1)."""
        if end:
            self.body.scroll_end(animate=False)
        else:
            self.body.scroll_home(animate=False)

    def _sections(self) -> Iterable[tuple[str, list[Binding]]]:
        from treatytui.app.screens.collection_view import CollectionViewScreen
        from treatytui.app.screens.main import MainScreen
        from treatytui.app.screens.timeline import TimelineScreen
        from treatytui.app.widgets.row_list import RowList

        app_bindings = [b for b in type(self.app).BINDINGS if isinstance(b, Binding)]
        palette = Binding(
            self.app.COMMAND_PALETTE_BINDING,
            "command_palette",
            "Commands",
            tooltip="Open the command palette: reindex, facts panel, theme, copy, sort",
        )
        tab = Binding("tab", "focus_next", "Next pane", tooltip="Move to the next pane")
        back_tab = Binding(
            "shift+tab", "focus_previous", "Previous pane", tooltip="Move to the previous pane"
        )
        yield "Everywhere", [*app_bindings, palette, tab, back_tab, *MainScreen.BINDINGS]
        yield "Search input", list(SearchPane.BINDINGS)
        yield "Results", list(ResultsList.BINDINGS)
        yield "Article", list(ArticleViewer.BINDINGS)
        yield "Facts", list(FactsPanel.BINDINGS)
        yield (
            "Timeline and figures",
            [
                *CollectionViewScreen.BINDINGS,
                *TimelineScreen.BINDINGS,
                *RowList.BINDINGS,
            ],
        )

    def _keys(self, binding: Binding) -> str:
        keymap: dict[str, str] = getattr(self.app, "keymap", {})
        keys = keymap.get(binding.id or "", binding.key)
        shown = [self.app.get_key_display(binding.with_key(k.strip())) for k in keys.split(",")]
        return " ".join(dict.fromkeys(shown))

    def rows(self) -> Iterable[tuple[str, str, Binding]]:
        """(section, keys as shown, binding) for every binding, in help order."""
        for title, bindings in self._sections():
            for binding in bindings:
                yield title, self._keys(binding), binding

    def _table(self) -> Table:
        table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
        table.add_column("keys", no_wrap=True, style="bold", ratio=1)
        table.add_column("what", ratio=4)
        section = None
        for title, keys, binding in self.rows():
            if title != section:
                if section is not None:
                    table.add_row("", "")
                table.add_row(Text(title, style="bold underline"), "")
                section = title
            what = Text(binding.description, style="bold")
            if binding.tooltip:
                what.append(f" — {binding.tooltip}")
            table.add_row(Text(keys), what)
        return table
