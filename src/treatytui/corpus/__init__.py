"""Finding article files, reading them safely, their metadata, and cleaning scraped text.

Pure Python: this package never imports Whoosh or Textual.
"""

from treatytui.corpus.article import Article, Block, Metadata
from treatytui.corpus.cleaning import CleanText, clean
from treatytui.corpus.discovery import SUPPORTED_SUFFIXES, Found, Skipped, discover, sidecar_path
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
