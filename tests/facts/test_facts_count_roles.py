"""Counts beyond "N countries signed": roles, ratifications, totals, rounds, es/fr/pt."""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.counts import extract_counts
from treatytui.facts.numbers import parse_number
from treatytui.facts.sentences import SentenceIndex


def _counts(text: str) -> list[tuple[int, str, str, str]]:
    """(value, qualifier, unit, role) of each count of ``text``."""
    article = Article(id="test.txt", path="/tmp/test.txt", text=text)
    facts = extract_counts(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence
    return [(f.get("value"), f.get("qualifier"), f.get("unit"), f.get("role")) for f in facts]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On Monday Fiji became the 41st state to ratify the ocean treaty.",
            (41, "exact", "states", "total"),
        ),
        (
            "The pact takes effect 90 days after the thirty-first ratification.",
            (31, "exact", "ratifications", "threshold"),
        ),
        (
            "It will only bind its parties once 55 countries have ratified it.",
            (55, "exact", "countries", "threshold"),
        ),
        (
            "A total of 25 ratifications are needed before it can take effect.",
            (25, "exact", "ratifications", "threshold"),
        ),
        (
            "Entry into force requires ratification by at least 30 states.",
            (30, "at_least", "states", "threshold"),
        ),
        (
            "So far, eight countries have ratified the amendment.",
            (8, "exact", "countries", "total"),
        ),
        (
            "Ratifications now stand at 23, officials said.",
            (23, "exact", "ratifications", "total"),
        ),
        (
            "The vote brought the number of states parties to 48.",
            (48, "exact", "states parties", "total"),
        ),
        (
            "The resolution was backed by the Assembly's 193 Member States.",
            (193, "exact", "member states", "total"),
        ),
        ("The 38-member body met in closed session.", (38, "exact", "members", "total")),
        (
            "The alliance has 32 members, and all of them sent envoys.",
            (32, "exact", "members", "total"),
        ),
        (
            "Negotiators have held five rounds of talks since 2022.",
            (5, "exact", "rounds", "total"),
        ),
        (
            "Delegations from some 70 countries attended the opening.",
            (70, "about", "countries", "participants"),
        ),
        (
            "A dozen ministers are expected at the closing session.",
            (12, "exact", "ministers", "participants"),
        ),
        (
            "More than 30 heads of state arrived for the summit.",
            (30, "more_than", "heads of state", "participants"),
        ),
    ],
)
def test_english_roles(text: str, expected: tuple[int, str, str, str]) -> None:
    assert _counts(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Más de 60 países firmaron el acuerdo en la ceremonia.",
            (60, "more_than", "países", "participants"),
        ),
        (
            "Unos cuatrocientos delegados asistieron a la sesión de clausura.",
            (400, "about", "delegados", "participants"),
        ),
        (
            "Treinta y cinco Estados miembros apoyaron la propuesta en la asamblea.",
            (35, "exact", "estados miembros", "participants"),
        ),
        (
            "Una docena de ministros participó en la cumbre.",
            (12, "exact", "ministros", "participants"),
        ),
        (
            "El tratado entrará en vigor cuando lo hayan ratificado 20 Estados.",
            (20, "exact", "estados", "threshold"),
        ),
        (
            "Hasta ahora, solo siete países lo han ratificado.",
            (7, "exact", "países", "total"),
        ),
        (
            "La negociación duró tres rondas.",
            (3, "exact", "rondas", "total"),
        ),
    ],
)
def test_spanish(text: str, expected: tuple[int, str, str, str]) -> None:
    assert _counts(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plus de 60 pays ont participé à la conférence.",
            (60, "more_than", "pays", "participants"),
        ),
        (
            "Près d'une cinquantaine de dirigeants étaient réunis au sommet.",
            (50, "nearly", "dirigeants", "participants"),
        ),
        (
            "Une vingtaine de chefs d'État sont attendus à la réunion.",
            (20, "about", "chefs d'état", "participants"),
        ),
        (
            "Quelque 4 000 participants se sont inscrits à la session.",
            (4000, "about", "participants", "participants"),
        ),
        (
            "Le texte entrera en vigueur après la cinquième ratification.",
            (5, "exact", "ratifications", "threshold"),
        ),
        (
            "Les 27 États membres ont adopté la position commune.",
            (27, "exact", "états membres", "total"),
        ),
        (
            "Au total, 50 chefs d'Etat ont confirmé leur participation.",
            (50, "exact", "chefs d'etat", "participants"),
        ),
        (
            "Seuls six présidents avaient fait le déplacement.",
            (6, "exact", "présidents", "participants"),
        ),
    ],
)
def test_french(text: str, expected: tuple[int, str, str, str]) -> None:
    assert _counts(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mais de 40 chefes de Estado participaram da cúpula.",
            (40, "more_than", "chefes de estado", "participants"),
        ),
        (
            "Cerca de 1.500 delegados estiveram presentes na sessão de abertura.",
            (1500, "about", "delegados", "participants"),
        ),
        (
            "O evento reuniu cinquenta mil participantes credenciados.",
            (50000, "exact", "participantes", "participants"),
        ),
        (
            "O acordo entra em vigor após a terceira ratificação.",
            (3, "exact", "ratificações", "threshold"),
        ),
        (
            "O bloco é formado por 11 países e tem sede rotativa.",
            (11, "exact", "países", "total"),
        ),
        (
            "O encontro contou com a presença de dez chefes de Estado.",
            (10, "exact", "chefes de estado", "participants"),
        ),
    ],
)
def test_portuguese(text: str, expected: tuple[int, str, str, str]) -> None:
    assert _counts(text) == [expected]


def test_part_of_a_whole() -> None:
    text = "Ministros de diecinueve de los veintidós países se reunieron en la capital."
    assert _counts(text) == [
        (19, "exact", "países", "participants"),
        (22, "exact", "países", "total"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders discussed ways to deepen ties.",
        "Los dos presidentes conversaron durante una hora.",
        "Les deux dirigeants ont évoqué la crise.",
        "A Comunidade dos Países de Língua Portuguesa reuniu-se.",
        "Once countries agree, the text goes to the plenary.",
        "Six ministers of the former government were charged.",
        "Il a dit qu'une dizaine de fois la question fut posée.",
    ],
)
def test_not_counts(text: str) -> None:
    assert _counts(text) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("veintidós", 22),
        ("treinta y cinco", 35),
        ("quatre-vingt-dix", 90),
        ("soixante-dix", 70),
        ("deux cents", 200),
        ("vingt et un", 21),
        ("cinquenta mil", 50000),
        ("trinta e dois", 32),
        ("1.500", 1500),
        ("4 000", 4000),
        ("une vingtaine de", 20),
        ("mil quinientos", 1500),
    ],
)
def test_parse_number_in_other_languages(words: str, value: int) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Delegates voted to admit Tuvalu as the organisation's 197th member country.",
            (197, "exact", "member countries", "total"),
        ),
        (
            "The near 200 countries at the talks agreed a text.",
            (200, "nearly", "countries", "participants"),
        ),
        (
            "The meeting drew nearly 500 police chiefs to the capital.",
            (500, "nearly", "police chiefs", "participants"),
        ),
    ],
)
def test_more_english_forms(text: str, expected: tuple[int, str, str, str]) -> None:
    assert _counts(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "O Brasil defendeu a solução de dois Estados na conferência.",
        "España apoya la solución de dos Estados en la asamblea.",
    ],
)
def test_the_two_state_solution_is_no_count(text: str) -> None:
    assert _counts(text) == []
