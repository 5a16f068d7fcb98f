"""Counts written in less common grammar (issue 11, recall on unseen articles): "whose 27
members", a passive agent ("backed by 24 members"), a word number and a name before the
noun ("a dozen OECD members"), a part whose noun is in the clause before ("Of the 120
countries invited, 98 came"), "1 000" with a space between thousands, a qualifier after
the noun ("40 countries or more"), a tally with its noun first ("the number of dialogue
partners to 15"), an adjective that says what is counted ("52 partes contratantes").
Sentences are made up."""

from __future__ import annotations

import pytest
from tests.facts.counting import count_facts

from treatytui.facts.numbers import parse_number


def _counts(text: str) -> list[tuple[int, str, str, str]]:
    return [
        (f.get("value"), f.get("unit"), f.get("qualifier"), f.get("role"))
        for f in count_facts(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The commission, whose 27 members decide by consensus, met in Hobart.",
            [(27, "members", "exact", "total")],
        ),
        (
            "La comisión, cuyos 21 miembros deciden por consenso, se reunió en Lima.",
            [(21, "miembros", "exact", "total")],
        ),
        (
            "This year the proposal was backed by 24 members but blocked by two.",
            [(24, "members", "exact", "participants")],
        ),
        (
            "A dozen OECD members again asked for decisions by consensus.",
            [(12, "members", "exact", "participants")],
        ),
        (
            "The council admitted 12 new members at its session in Rome.",
            [(12, "members", "exact", "participants")],
        ),
        (
            "Of the 120 countries invited, 98 came to the summit in Lima.",
            [(120, "countries", "exact", "total"), (98, "countries", "exact", "participants")],
        ),
        (
            "Of the 120 invited, nearly 100 came to the summit.",
            [(120, "invited", "exact", "total"), (100, "invited", "nearly", "participants")],
        ),
        (
            "De los 33 países de la región, 28 enviaron a sus cancilleres a la cumbre.",
            [(33, "países", "exact", "total"), (28, "países", "exact", "participants")],
        ),
        (
            "Sur les onze États membres de l'organisation, sept étaient représentés au sommet.",
            [(11, "états membres", "exact", "total"),
             (7, "états membres", "exact", "participants")],
        ),
        (
            "Dos 15 países convidados, 12 estiveram presentes na cimeira.",
            [(15, "países", "exact", "total"), (12, "países", "exact", "participants")],
        ),
        (
            "Over 1 000 scientists from about 140 countries are in Windhoek for the plenary.",
            [(1000, "scientists", "more_than", "participants"),
             (140, "countries", "about", "participants")],
        ),
        (
            "Delegates from 40 countries or more attended the meeting in Paris.",
            [(40, "countries", "at_least", "participants")],
        ),
        (
            "Delegados de 40 países o más asistieron a la reunión.",
            [(40, "países", "at_least", "participants")],
        ),
        (
            "Des délégués de 40 pays au moins ont participé à la réunion.",
            [(40, "pays", "at_least", "participants")],
        ),
        (
            "Delegados de 40 países ou mais participaram da reunião.",
            [(40, "países", "at_least", "participants")],
        ),
        (
            "Leaders admitted Laos, bringing the number of dialogue partners to 15.",
            [(15, "dialogue partners", "exact", "total")],
        ),
        (
            "A sessão reuniu delegações de 52 partes contratantes no Funchal.",
            [(52, "partes contratantes", "exact", "participants")],
        ),
        (
            "Os 21 países ribeirinhos do Mediterrâneo aprovaram o plano.",
            [(21, "países ribeirinhos", "exact", "participants")],
        ),
    ],
)  # fmt: skip
def test_less_common_grammar(text: str, expected: list[tuple[int, str, str, str]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He said 12 members had left.", 12),  # members of what is not said
        ("Of the 193 member states, 40 percent have ratified it.", 40),  # a percentage
        ("Of the 50 states present, 12 years ago only three had ratified.", 12),  # a time
        ("Of the 30 delegations, 2019 was the busiest year.", 2019),  # a year
        ("Of the 20 countries, 5 million people live on the coast.", 5),  # an amount
        ("The minister, of the 27 members, said the vote was close.", 27),  # no part
        ("Uno de cada dos países firmó, según el informe de la cumbre.", 2),  # a ratio
    ],
)
def test_not_parts(text: str, value: int) -> None:
    assert value not in [v for v, _, _, role in _counts(text) if role == "participants"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "About 4,500 delegates registered, down from 6,000 last year.",
            [(4500, "delegates", "about", "participants"),
             (6000, "delegates", "exact", "participants")],
        ),
        (
            "Quelque 4 500 délégués se sont inscrits, contre 6 000 l'an dernier.",
            [(4500, "délégués", "about", "participants"),
             (6000, "délégués", "exact", "participants")],
        ),
        (
            "Participaron 120 países, frente a los 95 de la edición anterior.",
            [(120, "países", "exact", "participants"), (95, "países", "exact", "participants")],
        ),
        (
            "A cimeira reuniu 40 chefes de Estado, contra 32 em 2023.",
            [(40, "chefes de estado", "exact", "participants"),
             (32, "chefes de estado", "exact", "participants")],
        ),
    ],
)  # fmt: skip
def test_a_count_compared_with_another_of_its_noun(
    text: str, expected: list[tuple[int, str, str, str]]
) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "About 4,500 delegates registered, up from 2024, when 30% came.",  # a year
        "Some 300 delegates attended, compared with 12 percent growth.",  # a percentage
        "The 50 countries spent $4 billion, down from 6 billion dollars.",  # money
    ],
)
def test_not_compared_counts(text: str) -> None:
    assert len(_counts(text)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The commission closed its meeting in Lima. Of the 88 member governments, 71 sent "
            "delegations, down from 79 two years ago.",
            [(88, "member governments", "exact", "total"),
             (71, "member governments", "exact", "participants"),
             (79, "member governments", "exact", "participants")],
        ),
        (
            "La cumbre terminó el miércoles. De los 33 países de la comunidad, 29 enviaron "
            "delegaciones y 11 estuvieron representados por sus jefes de Estado.",
            [(33, "países", "exact", "total"), (29, "países", "exact", "participants"),
             (11, "países", "exact", "participants")],
        ),
    ],
)  # fmt: skip
def test_parts_after_a_whole_inside_an_article(
    text: str, expected: list[tuple[int, str, str, str]]
) -> None:
    assert _counts(text) == expected


def test_a_whole_inside_a_clause_has_no_part() -> None:
    text = "Ministers of the 27 member states, 12 years after the summit, met again in Rome."
    assert _counts(text) == [(27, "member states", "exact", "total")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Delegates from 180 of the organisation's 194 member states negotiated all night.",
            [(180, "member states", "exact", "participants"),
             (194, "member states", "exact", "total")],
        ),
        (
            "Ten of the bloc's 11 members were represented by their leaders at the summit.",
            [(10, "members", "exact", "participants"), (11, "members", "exact", "total")],
        ),
        (
            "Dos cinco Estados-partes, quatro foram representados pelos chefes de Estado.",
            [(5, "estados-partes", "exact", "total"),
             (4, "estados-partes", "exact", "participants")],
        ),
        (
            "Les 55 États membres doivent élire six commissaires lors du sommet.",
            [(55, "états membres", "exact", "total"), (6, "commissaires", "exact", "participants")],
        ),
    ],
)  # fmt: skip
def test_parts_of_a_named_whole(text: str, expected: list[tuple[int, str, str, str]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("medio centenar de", 50),
        ("un demi-millier de", 500),
        ("meia centena de", 50),
        ("duas dezenas de", 20),
        ("trois centaines de", 300),
        ("dos decenas de", 20),
    ],
)
def test_halves_and_multiples_of_collectives(words: str, value: int) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Más de medio centenar de ONG se acreditaron para el diálogo en la cumbre.",
            [(50, "ONG", "more_than", "participants")],
        ),
        (
            "O encontro contou com duas dezenas de países convidados e dez países parceiros.",
            [(20, "países", "about", "participants"),
             (10, "países parceiros", "exact", "participants")],
        ),
        (
            "La réunion a rassemblé un demi-millier d'observateurs venus de Dakar.",
            [(500, "observateurs", "about", "participants")],
        ),
        (
            "O Novo Banco de Desenvolvimento, com 10 membros, financiou 120 projetos.",
            [(10, "membros", "exact", "total"), (120, "projetos", "exact", "total")],
        ),
    ],
)  # fmt: skip
def test_collectives_and_bodies(text: str, expected: list[tuple[int, str, str, str]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ils étaient des milliers de manifestants devant le siège.",  # no number
        "Asistieron varias decenas de delegados a la reunión.",
        "He met with 12 members.",  # members of what is not said
    ],
)
def test_no_collective_count(text: str) -> None:
    assert _counts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The deal was backed by 63 countries, while 16 voted against and 24 abstained.",
            [(63, "countries", "exact", "participants"), (16, "countries", "exact", "participants"),
             (24, "countries", "exact", "participants")],
        ),
        (
            "El texto fue firmado por 30 países y 12 se abstuvieron en la votación.",
            [(30, "países", "exact", "participants"), (12, "países", "exact", "participants")],
        ),
        (
            "Of the agency's 176 member states, 103 took part in the vote.",
            [(176, "member states", "exact", "total"),
             (103, "member states", "exact", "participants")],
        ),
        (
            "Twenty-three allies now spend at least 2 percent of GDP on defence, up from nine "
            "in 2021.",
            [(23, "allies", "exact", "participants"), (9, "allies", "exact", "participants")],
        ),
        (
            "A panel of 25 experts will review the rules every five years.",
            [(25, "experts", "exact", "participants")],
        ),
        (
            "O fundo recebeu promessas de 5 bilhões de dólares de 12 doadores.",
            [(12, "doadores", "exact", "participants")],
        ),
        (
            "Los legisladores aprobaron siete recomendaciones y rechazaron dos proyectos de ley.",
            [(7, "recomendaciones", "exact", "total"), (2, "proyectos de ley", "exact", "total")],
        ),
    ],
)  # fmt: skip
def test_more_of_a_noun_left_out(text: str, expected: list[tuple[int, str, str, str]]) -> None:
    assert _counts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Delegates from 60 countries attended, and 2019 was a record year.",  # a year
        "Some 60 countries signed; 5 were absent.",  # another clause
        "Delegates from 60 countries met, and 12 percent were women.",  # a percentage
        "Some 40 countries signed 12 protocols, up from 5 in 2020.",  # the nearer count's
    ],
)
def test_one_count_of_countries(text: str) -> None:
    assert [v for v, unit, *_ in _counts(text) if unit == "countries"] in ([60], [40])
