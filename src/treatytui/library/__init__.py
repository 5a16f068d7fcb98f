"""The headless library under the CLI and the reader: see ``library.Library``.

Importing it is cheap (no Whoosh, no Textual): Whoosh loads when an index is opened.
"""

from treatytui.library.fetching import FetchOutcome
from treatytui.library.library import IndexChange, Library, LibraryUnavailable, RefreshOutcome
from treatytui.library.views import VIEWS, ViewData, ViewSpec

__all__ = [
    "VIEWS",
    "FetchOutcome",
    "IndexChange",
    "Library",
    "LibraryUnavailable",
    "RefreshOutcome",
    "ViewData",
    "ViewSpec",
]
