"""treatytui: a keyboard-driven terminal reader for a collection of news articles."""

__version__ = "0.1.0"
