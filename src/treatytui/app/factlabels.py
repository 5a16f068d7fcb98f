"""How facts read in the facts panel: normalised, grouped by kind, dates in order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from treatytui.facts.model import KIND_TITLES, QUALIFIER_PHRASES, Fact
from treatytui.textsafety import one_line
from treatytui.views.dates import fact_date_label

GROUP_TITLES = KIND_TITLES
QUALIFIERS = QUALIFIER_PHRASES
# A count that is not attendance says what it is ("193 member states (in total)").
ROLE_PHRASES = {"total": "in total", "threshold": "needed to enter into force"}


def date_label(fact: Fact) -> str:
    """``25–26 Oct 2025``, ``Oct 2025``, ``30 Sep – 2 Oct 2025``, ``2025``, and for a date
    whose year the article does not state, ``8 Feb (year not stated)``."""
    return one_line(fact_date_label(fact.attrs, fact.text))


def count_label(fact: Fact) -> str:
    """``more than 110 countries``; in another language, the article's own words
    (``más de 900 delegados``, not an English qualifier before a Spanish noun)."""
    value = fact.get("value")
    if value is None:
        return one_line(fact.text)
    if fact.get("lang") not in (None, "en"):
        label = fact.text
    else:
        qualifier = QUALIFIERS.get(str(fact.get("qualifier", "exact")), "")
        number = f"{value:,}" if isinstance(value, int) else str(value)
        unit = fact.get("unit") or ""
        label = " ".join(part for part in (qualifier, number, str(unit)) if part)
    role = ROLE_PHRASES.get(str(fact.get("role") or ""), "")
    return one_line(f"{label} ({role})" if role else label)


def fact_label(fact: Fact) -> str:
    """The normalised value of a fact, on one line."""
    if fact.kind == "date":
        return date_label(fact)
    if fact.kind == "count":
        return count_label(fact)
    name = one_line(str(fact.get("name") or fact.text))
    if fact.kind == "venue" and fact.get("name_en") and fact.get("name_en") != fact.get("name"):
        return f"{name} ({one_line(str(fact.get('name_en')))})"
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
    """Dated entries in calendar order, then those whose year is not stated, in text order."""
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
