"""A timeline or a figures view as CSV, YAML or JSON text, for spreadsheets and reports.

JSON and YAML nest the mentions of a timeline row (one record per row); CSV has one line
per mention (the row's columns repeated) so that it sorts and filters in a spreadsheet.
All text is on one line, without control characters; in CSV, a text cell that a
spreadsheet would run as a formula (starting with ``= + - @``) gets a leading ``'``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Literal

from treatytui.textsafety import JSON_ESCAPES, json_text, one_line, visible, yaml_text
from treatytui.views.figures import FigureGroup
from treatytui.views.mentions import Mention
from treatytui.views.timeline import TimelineRow

Format = Literal["csv", "yaml", "json"]
FORMATS: tuple[Format, ...] = ("csv", "yaml", "json")
EXTENSIONS: dict[str, Format] = {".csv": "csv", ".yaml": "yaml", ".yml": "yaml", ".json": "json"}

TIMELINE_COLUMNS = (
    "date_from", "date_to", "precision", "date", "event", "articles",
    "article_id", "title", "source", "published", "url", "start", "end", "text", "sentence",
)  # fmt: skip
FIGURE_COLUMNS = (
    "unit", "verb", "label", "value", "value_to", "qualifier", "written_unit",
    "date_from", "date_to", "precision", "dated_by", "disagrees",
    "article_id", "title", "source", "published", "url", "start", "end", "text", "sentence",
)  # fmt: skip
_FORMULA_START = ("=", "+", "-", "@")


def format_for(path: Path) -> Format:
    """The export format a file name asks for; ``ValueError`` for an unknown extension."""
    try:
        return EXTENSIONS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(EXTENSIONS)
        raise ValueError(f"unknown file type {path.suffix or '(none)'!r}: use {known}") from None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _mention_record(m: Mention) -> dict[str, Any]:
    return {
        "article_id": m.article_id,
        "title": one_line(m.title),
        "source": one_line(m.source) if m.source else None,
        "published": _iso(m.published),
        "url": one_line(m.url) if m.url else None,
        "start": m.start,
        "end": m.end,
        "text": one_line(m.text),
        "sentence": one_line(m.sentence),
    }


def timeline_records(rows: Iterable[TimelineRow]) -> list[dict[str, Any]]:
    """One record per timeline row, its mentions nested."""
    return list(iter_timeline_records(rows))


def iter_timeline_records(
    rows: Iterable[TimelineRow], *, lazy: bool = False
) -> Iterator[dict[str, Any]]:
    """``timeline_records`` one at a time (``lazy``: each row's mentions an iterator)."""
    for row in rows:
        mentions = (_mention_record(m) for m in row.mentions)
        yield {
            "date_from": _iso(row.date_from),
            "date_to": _iso(row.date_to),
            "precision": row.precision,
            "date": row.date_label,
            "event": one_line(row.label),
            "articles": row.article_count,
            "mentions": mentions if lazy else list(mentions),
        }


def _value(number: float | None) -> int | float | None:
    if number is None:
        return None
    return int(number) if float(number).is_integer() else number


def figure_records(groups: Iterable[FigureGroup]) -> list[dict[str, Any]]:
    """One record per group (unit and verb), its figures nested."""
    return list(iter_figure_records(groups))


def iter_figure_records(
    groups: Iterable[FigureGroup], *, lazy: bool = False
) -> Iterator[dict[str, Any]]:
    """``figure_records`` one at a time (``lazy``: each group's figures an iterator)."""
    for group in groups:
        figures = _figure_list(group)
        yield {
            "unit": group.unit,
            "verb": group.verb,
            "role": group.role,
            "disagreements": group.disagreements,
            "figures": figures if lazy else list(figures),
        }


def _figure_list(group: FigureGroup) -> Iterator[dict[str, Any]]:
    return (
        {
            "label": figure.label,
            "value": _value(figure.value),
            "value_to": _value(figure.value_to),
            "qualifier": figure.qualifier,
            "written_unit": figure.written_unit,
            "date_from": _iso(figure.date_from),
            "date_to": _iso(figure.date_to),
            "precision": figure.precision,
            "dated_by": figure.dated_by or None,
            "disagrees": figure.disagrees,
            **_mention_record(figure.mention),
        }
        for figure in group.figures
    )


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = visible(value)  # an article id is a file name: it may hold anything
        return "'" + value if value.startswith(_FORMULA_START) else value
    return "" if value is None else value


def _csv(columns: Sequence[str], lines: Iterable[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    yield buffer.getvalue()  # the header, before the first row is read
    buffer.seek(0)
    buffer.truncate()
    for line in lines:
        writer.writerow({key: _cell(line.get(key)) for key in columns})
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def json_array(items: Iterable[Any], *, ascii_only: bool = False) -> Iterator[str]:
    """``items`` as the text of one JSON array, a piece at a time: the same text as
    ``json_text(list(items))`` (and a newline), without holding the list. A value that is
    an iterator (a row's mentions, a group's figures) is written as a list as it is read."""
    yield from _json_pieces(_Streamed(items), 0, ascii_only)
    yield "\n"


class _Streamed:
    """A list to be written an item at a time (``_json_pieces``)."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def _json_pieces(value: Any, level: int, ascii_only: bool) -> Iterator[str]:
    if isinstance(value, Iterator):
        value = _Streamed(value)
    if isinstance(value, _Streamed):
        inner = "\n" + "  " * (level + 1)
        count = 0
        for item in value.items:
            yield ("[" if count == 0 else ",") + inner
            yield from _json_pieces(item, level + 1, ascii_only)
            count += 1
        yield "\n" + "  " * level + "]" if count else "[]"
    elif isinstance(value, dict) and any(isinstance(v, Iterator) for v in value.values()):
        inner = "\n" + "  " * (level + 1)
        for count, (key, item) in enumerate(value.items()):
            yield ("{" if count == 0 else ",") + inner + json_text(key, ascii_only=ascii_only)
            yield ": "
            yield from _json_pieces(item, level + 1, ascii_only)
        yield "\n" + "  " * level + "}"
    elif isinstance(value, dict) and value and all(type(v) in _SCALARS for v in value.values()):
        yield _flat_json(value, level, ascii_only).translate(JSON_ESCAPES)
    else:
        text = json_text(value, ascii_only=ascii_only)
        yield text.replace("\n", "\n" + "  " * level) if level else text


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _flat_json(value: dict[str, Any], level: int, ascii_only: bool) -> str:
    """``json_text(value)`` indented at ``level`` for a dict of strings and numbers: the
    same text, written by the C encoder (``json.dumps`` with an indent is written in
    Python: it was most of the time of a large export). Its values hold no raw newline,
    so the item separator can be the newline and the indent."""
    pad = "  " * (level + 1)
    text = json.dumps(value, ensure_ascii=ascii_only, separators=(",\n" + pad, ": "))
    return "{\n" + pad + text[1:-1] + "\n" + "  " * level + "}"


def yaml_list(items: Iterable[Any], *, width: int | None = 100) -> Iterator[str]:
    """``items`` as the text of one YAML list, an item at a time."""
    count = 0
    for item in items:
        yield yaml_text([item], width=width)
        count += 1
    if not count:
        yield yaml_text([], width=width)


def _render(
    records: Iterable[dict[str, Any]], fmt: Format, nested: str, columns: Sequence[str]
) -> Iterator[str]:
    if fmt == "json":
        return json_array(records)
    if fmt == "yaml":
        return yaml_list(records)
    if fmt == "csv":
        flat = (
            {**{k: v for k, v in record.items() if k != nested}, **child}
            for record in records
            for child in record[nested]
        )
        return _csv(columns, flat)
    raise ValueError(f"unknown format {fmt!r}: use {', '.join(FORMATS)}")


def export_timeline(rows: Iterable[TimelineRow], fmt: Format) -> str:
    """``rows`` as CSV (one line per mention), YAML or JSON text."""
    return "".join(stream_timeline(rows, fmt))


def stream_timeline(rows: Iterable[TimelineRow], fmt: Format) -> Iterator[str]:
    """``export_timeline``'s text in pieces, a row at a time (for a pipe: nothing is held)."""
    return _render(
        iter_timeline_records(rows, lazy=fmt != "yaml"), fmt, "mentions", TIMELINE_COLUMNS
    )


def export_figures(groups: Iterable[FigureGroup], fmt: Format) -> str:
    """``groups`` as CSV (one line per figure), YAML or JSON text."""
    return "".join(stream_figures(groups, fmt))


def stream_figures(groups: Iterable[FigureGroup], fmt: Format) -> Iterator[str]:
    """``export_figures``'s text in pieces, a group at a time."""
    return _render(iter_figure_records(groups, lazy=fmt != "yaml"), fmt, "figures", FIGURE_COLUMNS)
