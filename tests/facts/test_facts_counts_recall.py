"""Counts of what a meeting produces or handles (issue 11, recall on unseen articles):
documents, decisions, draft resolutions, commitments, pledges, cases, projects, species,
sites, agenda items, in en, es, fr and pt. They are tallies of the meeting's work (role
``total``), never compared with attendance. Sentences are made up."""

from __future__ import annotations

import pytest
from tests.facts.counting import count_facts


def _counts(text: str) -> list[tuple[int, str, str]]:
    return [(f.get("value"), f.get("unit"), f.get("role")) for f in count_facts(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By the closing plenary the ministers had adopted 12 decisions and two declarations.",
            [(12, "decisions", "total"), (2, "declarations", "total")],
        ),
        ("The summit ended with 35 pledges from governments.", [(35, "pledges", "total")]),
        (
            "The tribunal is now handling 14 cases, its registrar told the assembly.",
            [(14, "cases", "total")],
        ),
        (
            "Negotiators worked through 18 agenda items before the session closed.",
            [(18, "agenda items", "total")],
        ),
        (
            "The assembly will consider fifteen draft resolutions before it closes.",
            [(15, "draft resolutions", "total")],
        ),
        (
            "Los ministros firmaron siete acuerdos y tres memorandos de entendimiento.",
            [(7, "acuerdos", "total"), (3, "memorandos de entendimiento", "total")],
        ),
        (
            "La comisión examinó 45 proyectos de resolución durante la sesión.",
            [(45, "proyectos de resolución", "total")],
        ),
        (
            "El plan de acción recoge 37 compromisos sobre migración.",
            [(37, "compromisos", "total")],
        ),
        (
            "La Cour est saisie de 12 affaires, a indiqué son président devant l'Assemblée.",
            [(12, "affaires", "total")],
        ),
        (
            "La conférence a adopté 17 décisions et une trentaine de recommandations.",
            [(17, "décisions", "total"), (30, "recommandations", "total")],
        ),
        (
            "A reunião aprovou 30 resoluções e incluiu 14 espécies nos anexos.",
            [(30, "resoluções", "total"), (14, "espécies", "total")],
        ),
        ("O fundo já financiou 45 projetos em países do Sul.", [(45, "projetos", "total")]),
        (
            "Inspectors carried out more than 3,000 verification missions last year.",
            [(3000, "verification missions", "total")],
        ),
        ("La agencia realizó 250 inspecciones en 2025.", [(250, "inspecciones", "total")]),
        (
            "Le comité a inscrit neuf nouveaux sites sur la liste du patrimoine.",
            [(9, "nouveaux sites", "total")],
        ),
    ],
)
def test_what_meetings_produce_is_counted(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Resolution 2334 was adopted by the Council in 2016.",  # an identifier
        "The Assembly adopted decision 12 and resolution 76/300 on the final day.",
        "La decisión 15/4 fue aprobada en Montreal.",
        "Half of the 2030 targets are off track, the report says.",  # a year
        "One in every two cases goes unreported, the agency said.",  # a ratio
        "Un caso de cada dos no se denuncia, según el informe.",
        "He has worked on these cases for 12 years.",
        "Some 40% of species are threatened, the report says.",  # a percentage
        "Page 12 of the documents was missing.",
        "Le projet coûte 40 millions d'euros, selon les documents.",  # money
        "The 29th session opened in Geneva.",  # an ordinal
    ],
)
def test_not_counts_of_documents(text: str) -> None:
    assert _counts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ministers said 2 of the 5 agreements would take effect in 2027.",
            [(2, "agreements", "total"), (5, "agreements", "total")],
        ),
        (
            "Of the 27 cases heard since 2015, only 3 ended with a conviction.",
            [(27, "cases", "total"), (3, "cases", "total")],
        ),
    ],
)
def test_a_part_of_the_work_is_a_tally_too(text: str, expected: list[tuple[int, str, str]]) -> None:
    assert _counts(text) == expected
