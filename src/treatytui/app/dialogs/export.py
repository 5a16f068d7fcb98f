"""Asking where to export a view: a file name (in the current folder by default)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from treatytui.views.export import EXTENSIONS, format_for

# Absolute, so that subclasses defined in other folders find it too.
VIEWS_CSS = Path(__file__).resolve().parent.parent / "views.tcss"


class ExportDialog(ModalScreen[Path | None]):
    """A file name; the extension picks the format (.csv, .yaml, .json). ``None``: cancelled.

    A relative name is in ``folder`` (the current folder by default). Naming a file that
    exists asks for ``enter`` once more before it is replaced.
    """

    CSS_PATH = VIEWS_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Do not export"),
    ]

    def __init__(self, default_name: str, *, folder: Path | None = None) -> None:
        super().__init__()
        self.default_name = default_name
        self.folder = folder or Path.cwd()
        self._confirm: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = "Export"
            box.border_subtitle = "enter saves · escape cancels"
            yield Static(
                Text(f"File name ({', '.join(EXTENSIONS)}), in {self.folder}:"),
                id="export-where",
            )
            yield Input(value=self.default_name, id="export-name", select_on_focus=False)
            yield Static(id="export-problem", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def target(self, name: str) -> Path:
        """Where ``name`` points (``~`` expanded, relative to the folder)."""
        return self.folder / Path(name.strip()).expanduser()

    @on(Input.Changed)
    def _changed(self) -> None:
        self._confirm = None
        self.query_one("#export-problem", Static).update("")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.query_one("#export-problem", Static)
        if not event.value.strip():
            problem.update(Text("Type a file name."))
            return
        path = self.target(event.value)
        try:
            format_for(path)
        except ValueError as error:
            problem.update(Text(str(error)))
            return
        if not path.parent.is_dir():
            problem.update(Text(f"No folder {path.parent}"))
            return
        if path.exists() and self._confirm != path:
            self._confirm = path
            problem.update(Text(f"{path.name} exists: enter again to replace it."))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
