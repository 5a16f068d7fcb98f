"""What the terminal the reader starts in can do: a screen at all, colour, Unicode.

Decided once, before Textual loads (this module does not import it), from the standard
signals: whether stdin, stdout and stderr are terminals, ``TERM`` and its terminfo entry,
``NO_COLOR`` (https://no-color.org), the locale (``LC_ALL`` > ``LC_CTYPE`` > ``LANG``)
and the encoding of the stream Textual writes to.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass

# Used when the terminfo database cannot be read: terminals known to have no colour.
MONOCHROME_TERMS = frozenset(
    {"vt52", "vt100", "vt102", "vt220", "vt320", "vt420", "vt100-am", "xterm-mono", "linux-m"}
)
CLI_HINT = "the commands work without it: treatytui search QUERY, facts, timeline, figures"


@dataclass(frozen=True, slots=True)
class TerminalProfile:
    """How the reader may draw on this terminal."""

    problem: str | None = None
    """Why the reader cannot start here (one line), or None."""
    colour: bool = True
    """False: no colour codes at all; meaning is carried by bold, underline, reverse."""
    unicode: bool = True
    """False: ASCII boxes and punctuation (the terminal cannot show the rest)."""
    mouse: bool = True
    """False on legacy terminals, which would print mouse reports as text."""


def _is_utf8(name: str) -> bool:
    """``en_US.UTF-8``, ``C.utf8``, ``utf-8``, ``UTF8``: yes; ``C``, ``latin-1``: no."""
    return "utf8" in name.lower().replace("-", "").replace("_", "")


def locale_is_utf8(environ: Mapping[str, str]) -> bool | None:
    """Whether the effective locale is UTF-8 (None when no locale variable is set)."""
    for name in ("LC_ALL", "LC_CTYPE", "LANG"):
        value = environ.get(name)
        if value:
            return _is_utf8(value)
    return None


def terminfo_colours(term: str) -> int | None:
    """How many colours ``term`` has in the terminfo database (None: not known)."""
    try:
        import curses

        curses.setupterm(term, sys.__stdout__.fileno() if sys.__stdout__ else -1)
        colours = curses.tigetnum("colors")
    except Exception:  # ImportError, curses.error (unknown TERM), OSError: not known
        return None
    return max(colours, 0)


def terminal_profile(
    environ: Mapping[str, str],
    *,
    ttys: tuple[bool, bool, bool],
    encoding: str,
    colours: int | None,
) -> TerminalProfile:
    """The profile for these signals: ``ttys`` says whether stdin, stdout and stderr are
    terminals, ``encoding`` is the output stream's, ``colours`` TERM's terminfo count."""
    streams = ("stdin", "stdout", "stderr")
    not_tty = [name for name, tty in zip(streams, ttys, strict=True) if not tty]
    if not_tty:
        names = ", ".join(not_tty[:-1]) + (" and " if len(not_tty) > 1 else "") + not_tty[-1]
        verb = "is not a terminal" if len(not_tty) == 1 else "are not terminals"
        return TerminalProfile(problem=f"the reader needs a terminal ({names} {verb}); {CLI_HINT}")
    term = environ.get("TERM", "")
    if term in ("dumb", "unknown"):
        return TerminalProfile(problem=f"TERM={term} cannot show the reader; {CLI_HINT}")
    legacy = (colours is not None and colours < 8) or (colours is None and term in MONOCHROME_TERMS)
    no_color = "NO_COLOR" in environ
    utf8 = locale_is_utf8(environ) is not False and _is_utf8(encoding)
    return TerminalProfile(colour=not (legacy or no_color), unicode=utf8, mouse=not legacy)


def detect_terminal() -> TerminalProfile:
    """The profile of the terminal this process runs in."""
    streams = (sys.stdin, sys.stdout, sys.stderr)
    stdin, stdout, stderr = (bool(s is not None and s.isatty()) for s in streams)
    term = os.environ.get("TERM", "")
    colours = terminfo_colours(term) if term and stdout else None
    encoding = getattr(sys.__stderr__, "encoding", None) or "ascii"  # Textual writes there
    return terminal_profile(
        os.environ, ttys=(stdin, stdout, stderr), encoding=encoding, colours=colours
    )
