"""Dates in the collection views: the days a date fact covers, labels, and range filters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from treatytui.search.viewrows import covered_days, month_end, parse_iso

__all__ = ["covered_days", "parse_iso"]  # (defined with what the index stores)

Precision = str  # "day", "month" or "year" (see DESIGN.md, "Facts")

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_RANGE_SEPARATOR = re.compile(r"\s*(?:\.\.|…|\bto\b)\s*")


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


YEAR_NOT_STATED = "(year not stated)"


def yearless_label(
    month: int, day: int | None, month_to: int | None = None, day_to: int | None = None
) -> str:
    """``8 Feb (year not stated)``, ``3–5 Mar (year not stated)``, ``Jun (year not stated)``:
    a date fact whose year the article does not establish (``year_known: false``)."""
    leap = 2000  # any leap year: only the month's name and the day are shown

    def one(m: int, d: int | None) -> str:
        named = date(leap, m, d or 1)
        return f"{d} {named:%b}" if d is not None else f"{named:%b}"

    if month_to is None or (month_to, day_to) == (month, day):
        shown = one(month, day)
    elif month_to == month and day is not None and day_to is not None:
        shown = f"{day}–{day_to} {date(leap, month, 1):%b}"
    else:
        shown = f"{one(month, day)} – {one(month_to, day_to)}"
    return f"{shown} {YEAR_NOT_STATED}"


def fact_date_label(attrs: dict[str, object], text: str) -> str:
    """How a date fact's fields read, dated or not; ``text`` when they say nothing."""
    start = parse_iso(attrs.get("date_from"))
    if start is not None:
        precision = str(attrs.get("precision") or "day")
        return date_label(start, parse_iso(attrs.get("date_to")), precision)
    month, day = attrs.get("month"), attrs.get("day")
    month_to, day_to = attrs.get("month_to"), attrs.get("day_to")
    if _is_month(month) and (day is None or _is_day(day)):
        to = month_to if _is_month(month_to) else None
        return yearless_label(
            month, day, to, day_to if to is not None and _is_day(day_to) else None
        )
    return text


def _is_month(value: object) -> bool:
    return isinstance(value, int) and 1 <= value <= 12


def _is_day(value: object) -> bool:
    return isinstance(value, int) and 1 <= value <= 31


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
            return first, month_end(first)
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
