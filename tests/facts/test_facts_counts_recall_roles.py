"""Counts of role nouns beyond delegates and ministers (issue 11, recall on unseen
articles): judges, candidates, staff (employees, employés, empleados, funcionários),
vessels, dialogue partners, observer states, experts, negotiators, parliamentarians, in
en, es, fr and pt. A body's judges and staff need a meeting, an election or the body's
work in their sentence; its staff after "has", "compte", "tem" are a total. Sentences
are made up."""

from __future__ import annotations

import pytest
from tests.facts.counting import count_facts


def _counts(text: str) -> list[tuple[int, str, str]]:
    return [(f.get("value"), f.get("unit"), f.get("role")) for f in count_facts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The court has 18 judges, and six judges will be elected this year.",
            [(18, "judges", "total"), (6, "judges", "participants")],
        ),
        (
            "Nineteen candidates are competing for the six judicial seats.",
            [(19, "candidates", "participants")],
        ),
        ("The secretariat employs 40 staff members in Bonn.", [(40, "staff members", "total")]),
        (
            "Krill catches rose, with 11 vessels operating in a single bay.",
            [(11, "vessels", "total")],
        ),
        (
            "Ten observer states and 14 dialogue partners attended the summit in Bishkek.",
            [(10, "observer states", "participants"), (14, "dialogue partners", "participants")],
        ),
        (
            "Some 79 experts and 20 negotiators attended the workshop in Windhoek.",
            [(79, "experts", "participants"), (20, "negotiators", "participants")],
        ),
        (
            "Más de 300 parlamentarios de 40 países participaron en la asamblea de Lisboa.",
            [(300, "parlamentarios", "participants"), (40, "países", "participants")],
        ),
        (
            "La Corte eligió a seis jueces entre 12 candidatos en la sesión.",
            [(6, "jueces", "participants"), (12, "candidatos", "participants")],
        ),
        (
            "La unidad de apoyo de la convención cuenta con solo cinco empleados.",
            [(5, "empleados", "total")],
        ),
        (
            "L'Unité d'appui ne compte que quatre employés, selon le secrétariat.",
            [(4, "employés", "total")],
        ),
        (
            "Le sommet a réuni 300 parlementaires et 15 partenaires de dialogue.",
            [
                (300, "parlementaires", "participants"),
                (15, "partenaires de dialogue", "participants"),
            ],
        ),
        ("A corte tem 15 juízes, eleitos pela assembleia.", [(15, "juízes", "total")]),
        (
            "O secretariado da comissão conta com apenas 12 funcionários.",
            [(12, "funcionários", "total")],
        ),
        (
            "A reunião teve 15 parceiros de diálogo e quatro estados observadores.",
            [
                (15, "parceiros de diálogo", "participants"),
                (4, "estados observadores", "participants"),
            ],
        ),
    ],
)
def test_role_nouns_are_counted(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Twelve employees lost their jobs when the factory closed.",  # no body, no meeting
        "Five scientists were arrested in the capital last year.",
        '"El empleo informal afecta a uno de cada dos empleados", dijo la directora.',  # a ratio
        "Il a cité deux juges célèbres dans son livre.",
        "Three researchers wrote the paper in 2021.",
        "The 12th judge's term ends in March.",  # an ordinal
        "A firma paga 30 euros a cada dois empregados.",
    ],
)
def test_not_counts_of_people(text: str) -> None:
    assert _counts(text) == []
