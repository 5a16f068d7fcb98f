"""Making text safe to show: no terminal control codes, ever.

Every string that reaches a terminal or a script's output passes through here:

- article text (titles, snippets, sentences): :func:`printable` or :func:`one_line` remove
  escape sequences and control characters (:func:`one_line_spans` keeps highlights);
- names, ids, paths, reasons and errors: :func:`visible` writes each control character as
  an escape (``\\x1b``), so the name stays recognisable and nothing reaches the terminal;
- JSON and YAML: :func:`json_text` and :func:`yaml_text` escape every C0 and C1 control
  (and U+2028/U+2029) instead of writing it raw.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

import yaml

# ANSI/ECMA-48 escape sequences (CSI, OSC, DCS, ...), then any remaining C0/C1 controls
# other than newline and tab.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC/DCS/SOS/PM/APC ... terminator
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x9c]*(?:\x07|\x9c)?"  # 8-bit OSC/DCS/...
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# One pass of what printable() and one_line() do: removed runs, white space, the rest.
_PIECES = re.compile(rf"(?P<removed>{_ESCAPES.pattern}|{_CONTROLS.pattern})|(?P<space>\s+)|[^\s]")

# Characters a terminal may act on, or that break a line where a reader does not expect it.
_UNSAFE = [*range(0x00, 0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]
_VISIBLE = {code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" for code in _UNSAFE}
# What json.dumps leaves raw (it escapes C0 itself); raw, these are only ever inside strings.
_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in _UNSAFE if code >= 0x7F}
JSON_ESCAPES = _JSON_ESCAPES  # (for ``str.translate`` of JSON written in other ways)
_YAML_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` without escape sequences and control characters (newline and tab kept)."""
    if not text:
        return text
    return _CONTROLS.sub("", _ESCAPES.sub("", text))


def one_line(text: str) -> str:
    """``printable(text)`` on one line (newlines and tabs become spaces)."""
    return " ".join(printable(text).split())


def one_line_spans(
    text: str, spans: Iterable[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """``one_line(text)``, and ``spans`` (offsets into ``text``) moved to offsets into it.

    A span keeps what is left of its text; one left empty is dropped.
    """
    out: list[str] = []
    # where[i]: the length of the output when character i of ``text`` is reached
    where = [0] * (len(text) + 1)
    length = 0
    position = 0
    for piece in _PIECES.finditer(text):
        start, end = piece.span()
        where[start:end] = [length] * (end - start)
        if piece.lastgroup == "space":
            if out and out[-1] != " ":
                out.append(" ")
                length += 1
        elif piece.lastgroup is None:
            out.append(piece.group())
            length += 1
        position = end
    where[position:] = [length] * (len(text) + 1 - position)
    if out and out[-1] == " ":
        out.pop()
        length -= 1
    line = "".join(out)
    moved = []
    for start, end in spans:
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        new_start, new_end = where[start], min(where[end], length)
        if new_start < new_end and line[new_start] == " ":
            new_start += 1
        if new_end > new_start and line[new_end - 1] == " ":
            new_end -= 1
        if new_start < new_end:
            moved.append((new_start, new_end))
    return line, moved


def visible(text: str) -> str:
    """``text`` on one line with each control character written as an escape (``\\x1b``).

    For names, ids, paths, reasons and errors: nothing in them reaches the terminal as a
    control, and a name stays recognisable.
    """
    return str(text).translate(_VISIBLE)


def json_text(value: Any, *, indent: int | None = 2, ascii_only: bool = False) -> str:
    """``value`` as JSON in which every C0 and C1 control and U+2028/9 is a ``\\u`` escape."""
    return json.dumps(value, ensure_ascii=ascii_only, indent=indent).translate(_JSON_ESCAPES)


class _SafeYamlDumper(yaml.SafeDumper):
    """A safe dumper that double-quotes (and so escapes) strings holding controls."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _YAML_UNSAFE.search(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_SafeYamlDumper.add_representer(str, _represent_str)


def yaml_text(value: Any, *, width: int | None = None, ascii_only: bool = False) -> str:
    """``value`` as YAML (``yaml.safe_dump``) with every control character escaped."""
    return yaml.dump(
        value,
        Dumper=_SafeYamlDumper,
        allow_unicode=not ascii_only,
        sort_keys=False,
        width=width,
    )
