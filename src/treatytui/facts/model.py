"""The fact: one thing an article states, with where it states it.

The JSON form (``Fact.to_dict``) is a contract read by other tools and tests; see
DESIGN.md, section "Facts".
"""

from __future__ import annotations

from dataclasses import dataclass, field

TYPE_CHECKING = False  # the idiom type checkers understand, without importing typing
if TYPE_CHECKING:
    from typing import Any, Literal

    FactKind = Literal["date", "venue", "count", "person", "organization"]
    Qualifier = Literal["exact", "about", "more_than", "at_least", "nearly", "fewer_than", "up_to"]

FACT_KINDS: tuple[FactKind, ...] = ("date", "venue", "count", "person", "organization")

# How people name each kind, and each qualifier, wherever facts are shown.
KIND_TITLES: dict[str, str] = {
    "date": "Dates",
    "venue": "Venues",
    "count": "Counts",
    "person": "People",
    "organization": "Organisations",
}
# What a row of each group is, singular and plural, for the group headers.
ROW_NOUNS: dict[str, tuple[str, str]] = {
    "date": ("date", "dates"),
    "venue": ("venue", "venues"),
    "count": ("count", "counts"),
    "person": ("person", "people"),
    "organization": ("organisation", "organisations"),
}


def group_header(kind: str, title: str, rows: int, mentions: int) -> str:
    """``5 people, 13 mentions``: the rows listed, and the mentions when there are more."""
    singular, plural = ROW_NOUNS.get(kind, (title.lower(), title.lower()))
    header = f"{rows} {singular if rows == 1 else plural}"
    return header if mentions == rows else f"{header}, {mentions} mentions"


QUALIFIER_PHRASES: dict[str, str] = {
    "exact": "",
    "about": "about",
    "more_than": "more than",
    "at_least": "at least",
    "nearly": "nearly",
    "fewer_than": "fewer than",
    "up_to": "up to",
}


@dataclass(frozen=True, slots=True)
class Fact:
    """A fact found in an article's clean text.

    ``text == article.text[start:end]``; ``sentence`` is the sentence (or block) that
    states it; ``attrs`` holds the kind's own fields in contract order, e.g. for a date
    ``{"date_from": "2025-10-25", "date_to": "2025-10-26", "precision": "day"}``, for a
    count ``{"value": 110, "qualifier": "more_than", "unit": "countries"}``, for a venue
    ``{"name": "Hanoi"}``, for a person ``{"name": ..., "role": ...}``, for an
    organisation ``{"name": ..., "acronym": ...}``. Extra keys (e.g. ``"resolved"`` for a
    relative date, ``"credit"`` for a photographer) may follow the contract ones.
    """

    kind: FactKind
    text: str
    start: int
    end: int
    sentence: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False, compare=True)

    @property
    def span(self) -> tuple[int, int]:
        """The (start, end) character offsets into the article's clean text."""
        return (self.start, self.end)

    def get(self, key: str, default: Any = None) -> Any:
        """One of the kind's own fields."""
        return self.attrs.get(key, default)

    def to_dict(self) -> dict[str, Any]:
        """The contract JSON object of this fact."""
        return {
            "kind": self.kind,
            "text": self.text,
            "span": [self.start, self.end],
            "sentence": self.sentence,
            **self.attrs,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        """Rebuild a fact from its contract JSON object (as stored in the index)."""
        known = {"kind", "text", "span", "sentence"}
        start, end = data["span"]
        return cls(
            kind=data["kind"],
            text=data["text"],
            start=int(start),
            end=int(end),
            sentence=data.get("sentence", ""),
            attrs={k: v for k, v in data.items() if k not in known},
        )
