"""How facts read in the facts panel: normalised, grouped by kind, dates in order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from treatytui.facts.model import Fact
from treatytui.textsafety import one_line

GROUP_TITLES: dict[str, str] = {
    "date": "Dates",
    "venue": "Venues",
    "count": "Participant counts",
    "person": "People",
    "organization": "Organisations",
}

QUALIFIERS: dict[str, str] = {
    "exact": "",
    "about": "about",
    "more_than": "more than",
    "at_least": "at least",
    "nearly": "nearly",
    "fewer_than": "fewer than",
    "up_to": "up to",
}


def _parse(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _day(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


def date_label(fact: Fact) -> str:
    """``25–26 Oct 2025``, ``Oct 2025``, ``30 Sep – 2 Oct 2025``, ``2025``…"""
    start, end = _parse(fact.get("date_from")), _parse(fact.get("date_to"))
    precision = fact.get("precision", "day")
    if start is None:
        return one_line(fact.text)
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


def count_label(fact: Fact) -> str:
    """``more than 110 countries``."""
    value = fact.get("value")
    if value is None:
        return one_line(fact.text)
    qualifier = QUALIFIERS.get(str(fact.get("qualifier", "exact")), "")
    number = f"{value:,}" if isinstance(value, int) else str(value)
    unit = fact.get("unit") or ""
    return one_line(" ".join(part for part in (qualifier, number, str(unit)) if part))


def fact_label(fact: Fact) -> str:
    """The normalised value of a fact, on one line."""
    if fact.kind == "date":
        return date_label(fact)
    if fact.kind == "count":
        return count_label(fact)
    name = one_line(str(fact.get("name") or fact.text))
    if fact.kind == "person" and fact.get("role"):
        return f"{name} — {one_line(str(fact.get('role')))}"
    if fact.kind == "organization" and fact.get("acronym"):
        acronym = one_line(str(fact.get("acronym")))
        return name if acronym == name else f"{name} ({acronym})"
    return name


@dataclass(frozen=True, slots=True)
class FactEntry:
    """One line of the panel: a normalised value and every place the article states it."""

    kind: str
    label: str
    surface: str
    facts: tuple[Fact, ...]

    @property
    def first(self) -> Fact:
        return self.facts[0]


def _date_key(entry: FactEntry) -> tuple[str, str, int]:
    fact = entry.first
    return (str(fact.get("date_from") or "9999"), str(fact.get("date_to") or ""), fact.start)


def group_facts(facts: Iterable[Fact]) -> list[tuple[str, list[FactEntry]]]:
    """Facts grouped by kind (panel order), equal values merged, dates chronological."""
    grouped: dict[str, dict[str, list[Fact]]] = {kind: {} for kind in GROUP_TITLES}
    for fact in sorted(facts, key=lambda f: f.start):
        if fact.kind not in grouped:
            continue
        grouped[fact.kind].setdefault(fact_label(fact), []).append(fact)
    groups: list[tuple[str, list[FactEntry]]] = []
    for kind, by_label in grouped.items():
        if not by_label:
            continue
        entries = [
            FactEntry(kind, label, one_line(found[0].text), tuple(found))
            for label, found in by_label.items()
        ]
        if kind == "date":
            entries.sort(key=_date_key)
        groups.append((GROUP_TITLES[kind], entries))
    return groups
