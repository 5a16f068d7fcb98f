"""The footer: the keys of the focused pane, only as many as fit whole.

Textual's footer cuts the last key that does not fit ("^q Qui" at 80 columns) and hides
those after it. This one leaves out whole keys instead, from the right, so that every
key shown can be read; quit and help go last.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.events import Resize
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # Textual has no public name for it

KEPT_LONGEST = ("quit", "help")
"""Actions whose keys are left out only when nothing else is left to leave out."""


class FittingFooter(Footer):
    """A compact ``Footer`` that shows only the keys that fit whole."""

    def __init__(self) -> None:
        super().__init__(compact=True)

    def compose(self) -> ComposeResult:
        yield from super().compose()
        self.call_after_refresh(self.fit)

    def on_resize(self, event: Resize) -> None:
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Show the keys from the left while they fit whole beside the palette key."""
        keys = [key for key in self.query(FooterKey) if not key.has_class("-command-palette")]
        palette = [key for key in self.query(FooterKey) if key.has_class("-command-palette")]
        room = self.size.width - sum(_width(key) + 1 for key in palette)  # + its border
        widths = {key: _width(key) + 1 for key in keys}  # + the margin after it
        shown = list(keys)
        for key in [
            *(k for k in reversed(keys) if k.action not in KEPT_LONGEST),
            *(k for k in reversed(keys) if k.action in KEPT_LONGEST),
        ]:
            if sum(widths[k] for k in shown) <= room:
                break
            shown.remove(key)
        for key in keys:
            key.display = key in shown


def _width(key: FooterKey) -> int:
    return key.render().cell_len
