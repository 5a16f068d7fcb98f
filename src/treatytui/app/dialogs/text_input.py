"""Asking for one short line of text: a note on an article, the name of a saved search."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from treatytui.app.dialogs.export import VIEWS_CSS

Check = Callable[[str], str | None]
"""Says what is wrong with a value (None: it will do)."""


class TextDialog(ModalScreen[str | None]):
    """One line of text; ``enter`` gives it (``check`` may refuse it, saying why),
    ``escape`` gives None. The text is data: never read as markup."""

    CSS_PATH = VIEWS_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="text.cancel", tooltip="Leave it as it was"),
    ]

    def __init__(
        self,
        title: str,
        prompt: str,
        value: str = "",
        *,
        max_length: int = 0,
        check: Check | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt
        self.value = value
        self.max_length = max_length
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="text-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = "enter keeps · escape cancels"
            yield Static(Text(self.prompt), id="text-prompt")
            yield Input(
                value=self.value,
                id="text-value",
                select_on_focus=False,
                max_length=self.max_length,
            )
            yield Static(id="text-problem", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _changed(self) -> None:
        self.query_one("#text-problem", Static).update("")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.check(event.value) if self.check else None
        if problem:
            self.query_one("#text-problem", Static).update(Text(problem))
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
