"""The names the fast paths import from Whoosh 2.7's on-disk format (``whoosh.codec.whoosh3``).

An import that fails does not stop the search layer from loading: the fast paths that
need the name fall back (and count it), and ``UNAVAILABLE`` says what was missing, which
the engine's tests assert is nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# What could not be imported, with the error.
UNAVAILABLE: dict[str, str] = {}

W3LeafMatcher: type | None
LENGTHS_COLUMN: Any
lenfield: Callable[[str], str] | None

try:
    from whoosh.codec.whoosh3 import W3LeafMatcher
except ImportError as error:  # pragma: no cover - only with another Whoosh
    W3LeafMatcher = None
    UNAVAILABLE["whoosh.codec.whoosh3.W3LeafMatcher"] = str(error)

try:
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN
    from whoosh.codec.whoosh3 import _lenfield as lenfield
except ImportError as error:  # pragma: no cover - only with another Whoosh
    LENGTHS_COLUMN, lenfield = None, None
    UNAVAILABLE["whoosh.codec.whoosh3._lenfield/LENGTHS_COLUMN"] = str(error)
