"""Dates in the collection views: the days a date fact covers, labels, and range filters."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

Precision = str  # "day", "month" or "year" (see DESIGN.md, "Facts")

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_RANGE_SEPARATOR = re.compile(r"\s*(?:\.\.|…|\bto\b)\s*")


def parse_iso(value: object) -> date | None:
    """``2025-10-25`` (or a longer ISO timestamp) as a date; None when it is not one."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def covered_days(date_from: date, date_to: date | None, precision: Precision) -> tuple[date, date]:
    """The first and last day a date fact covers ("October 2025" → 1 Oct, 31 Oct)."""
    last = date_to or date_from
    if precision == "month":
        last = _month_end(last)
    elif precision == "year":
        last = date(last.year, 12, 31)
    return date_from, max(last, date_from)


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def date_label(date_from: date, date_to: date | None, precision: Precision) -> str:
    """``25–26 Oct 2025``, ``Oct 2025``, ``30 Sep – 2 Oct 2025``, ``2025`` (as the facts panel)."""
    start, end = date_from, date_to
    if end is None or end == start:
        if precision == "year":
            return str(start.year)
        return f"{start:%b %Y}" if precision == "month" else _day(start)
    if precision == "year":
        return f"{start.year}–{end.year}"
    if precision == "month":
        if start.year == end.year:
            return f"{start:%b}–{end:%b %Y}"
        return f"{start:%b %Y} – {end:%b %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%b %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%b} – {_day(end)}"
    return f"{_day(start)} – {_day(end)}"


@dataclass(frozen=True, slots=True)
class DateRange:
    """The days a filter keeps (both ends inclusive; None: open on that side)."""

    start: date | None = None
    end: date | None = None

    @property
    def is_everything(self) -> bool:
        """True when the range keeps every date."""
        return self.start is None and self.end is None

    def overlaps(self, first: date, last: date) -> bool:
        """Whether the days ``first``..``last`` meet this range."""
        if self.start is not None and last < self.start:
            return False
        return self.end is None or first <= self.end

    def __str__(self) -> str:
        if self.is_everything:
            return ""
        start = self.start.isoformat() if self.start else ""
        end = self.end.isoformat() if self.end else ""
        return start if start == end else f"{start}..{end}"


def _partial_days(text: str) -> tuple[date, date]:
    """``2025`` / ``2025-10`` / ``2025-10-25`` as its first and last day."""
    match = _PARTIAL.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a date: write 2025, 2025-10 or 2025-10-25")
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            first = date(year, month, 1)
            return first, _month_end(first)
        single = date(year, month, day)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a date: {error}") from None
    return single, single


def parse_date_range(text: str) -> DateRange:
    """A filter from ``2025``, ``2025-10``, ``2025-09-01..2025-10-31``, ``2025-10..``, ``..2024``.

    Raises ``ValueError`` with a short message for the user when the text is not a range.
    """
    text = text.strip()
    if not text:
        return DateRange()
    parts = _RANGE_SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 1:
        first, last = _partial_days(text)
        return DateRange(first, last)
    start = _partial_days(parts[0])[0] if parts[0] else None
    end = _partial_days(parts[1])[1] if parts[1] else None
    if start is not None and end is not None and end < start:
        raise ValueError("the range ends before it starts")
    return DateRange(start, end)
