"""Finding article files, reading them safely, their metadata, and cleaning scraped text.

Pure Python: this package never imports Whoosh or Textual. Importing it is cheap: each
public name's module (and what it needs, such as ftfy for cleaning) loads on first use, so
``from treatytui.corpus.article import Article`` does not pay for the cleaners.
"""

from __future__ import annotations

from treatytui.lazy import lazy_exports

TYPE_CHECKING = False  # the idiom type checkers understand, without importing typing
if TYPE_CHECKING:
    from treatytui.corpus.article import Article, Block, Metadata
    from treatytui.corpus.cleaning import CleanText, clean
    from treatytui.corpus.discovery import (
        SUPPORTED_SUFFIXES,
        Found,
        Skipped,
        discover,
        sidecar_path,
    )
    from treatytui.corpus.loading import load_article
    from treatytui.corpus.reading import MAX_FILE_BYTES, SkipFile

__all__ = [
    "MAX_FILE_BYTES",
    "SUPPORTED_SUFFIXES",
    "Article",
    "Block",
    "CleanText",
    "Found",
    "Metadata",
    "SkipFile",
    "Skipped",
    "clean",
    "discover",
    "load_article",
    "sidecar_path",
]

_HOMES = {
    "Article": "treatytui.corpus.article",
    "Block": "treatytui.corpus.article",
    "Metadata": "treatytui.corpus.article",
    "CleanText": "treatytui.corpus.cleaning",
    "clean": "treatytui.corpus.cleaning",
    "SUPPORTED_SUFFIXES": "treatytui.corpus.discovery",
    "Found": "treatytui.corpus.discovery",
    "Skipped": "treatytui.corpus.discovery",
    "discover": "treatytui.corpus.discovery",
    "sidecar_path": "treatytui.corpus.discovery",
    "load_article": "treatytui.corpus.loading",
    "MAX_FILE_BYTES": "treatytui.corpus.reading",
    "SkipFile": "treatytui.corpus.reading",
}


__getattr__, __dir__ = lazy_exports(__name__, _HOMES, globals())
