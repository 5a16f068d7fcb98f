"""The facts panel's labels say what a count is and what a foreign place name means."""

from __future__ import annotations

from treatytui.app.factlabels import fact_label
from treatytui.facts.model import Fact


def _fact(kind: str, text: str, **attrs: object) -> Fact:
    return Fact(kind, text, 0, len(text), text, dict(attrs))  # type: ignore[arg-type]


def test_counts_that_are_not_attendance_say_so() -> None:
    came = _fact("count", "60 countries", value=60, qualifier="exact", unit="countries",
                 role="participants")  # fmt: skip
    members = _fact("count", "193 Member States", value=193, qualifier="exact",
                    unit="member states", role="total")  # fmt: skip
    needed = _fact("count", "40 states", value=40, qualifier="exact", unit="states",
                   role="threshold")  # fmt: skip
    assert fact_label(came) == "60 countries"
    assert fact_label(members) == "193 member states (in total)"
    assert fact_label(needed) == "40 states (needed to enter into force)"


def test_a_foreign_place_name_shows_its_english_name() -> None:
    assert fact_label(_fact("venue", "Ginebra", name="Ginebra", name_en="Geneva")) == (
        "Ginebra (Geneva)"
    )
    assert fact_label(_fact("venue", "Geneva", name="Geneva")) == "Geneva"
