"""Counts of nouns outside the count tables (``facts/count_nouns.py``): "14 working
groups", "some 2,000 demonstrators", "45 000 demandes", "1.800 balsas", and what is never
one (time, measures, money, votes, months, things already named). Each text is a short
made-up news paragraph, long enough for its language to be detected."""

from __future__ import annotations

import pytest
from tests.facts.counting import count_facts


def _counts(text: str) -> set[tuple[int, str]]:
    return {(f.get("value"), f.get("unit")) for f in count_facts(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The delegates of the conference split into 14 working groups on the second day, "
            "and the chair said that the groups would report to the plenary on Friday.",
            (14, "working groups"),
        ),
        (
            "Police said that some 2,000 demonstrators had gathered outside the venue while the "
            "ministers were meeting, and that the protest was peaceful.",
            (2000, "demonstrators"),
        ),
        (
            "The agency said that it had issued more than 14,000 alerts since January and that "
            "the number was still growing in the region.",
            (14000, "alerts"),
        ),
        (
            "The secretariat, which employs about 2,300 staff in the field, said it would freeze "
            "hiring until the end of the year.",
            (2300, "staff"),
        ),
        (
            "The committee reviewed 1,250 alleged infringements by the fleets of its members and "
            "referred most of them to the flag states.",
            (1250, "alleged infringements"),
        ),
        (
            "Le fonds a reçu plus de 45 000 demandes depuis son ouverture, a indiqué la "
            "présidente du comité devant les délégués.",
            (45000, "demandes"),
        ),
        (
            "Selon la FAO, la pêche emploie plus de 60 000 pêcheurs dans la région et fait vivre "
            "les communautés de la côte.",
            (60000, "pêcheurs"),
        ),
        (
            "Según la policía, las autoridades incautaron 38 embarcaciones y más de 1.200 "
            "balsas durante la operación en la frontera.",
            (1200, "balsas"),
        ),
        (
            "En una primera fase se adquirirán 2,4 millones de dosis de la vacuna para los "
            "países de la región, según el comunicado.",
            (2400000, "dosis"),
        ),
        (
            "A missão contou com 46 integrantes e distribuiu cerca de 1,2 mil itens às famílias "
            "das comunidades atingidas pelas cheias.",
            (46, "integrantes"),
        ),
    ],
)
def test_a_plural_noun_outside_the_tables_is_counted(text: str, expected: tuple[int, str]) -> None:
    assert expected in _counts(text)


@pytest.mark.parametrize(
    "text",
    [
        "The ministers agreed to cut catches by 15,000 tonnes over the next years and to "
        "review the quota in 12 months, the chair said at the end of the meeting.",
        "The resolution was adopted by 140 votes to 11, with 20 abstentions, after a debate "
        "that lasted for more than six hours in the hall.",
        "The fund will spend 300 dollars per family and the pipeline runs 1,200 kilometres "
        "across the region, the ministers said on Monday.",
        "Le sommet s'est ouvert le 28 mars à Dakar, et les chefs d'État ont parlé pendant "
        "trois jours de la sécurité dans la région.",
        "Le secrétaire exécutif des trois conventions a appelé les délégations à un esprit de "
        "compromis avant la fin de la réunion.",
        "O ministro falou de um momento histórico para milhões de trabalhadores do país e "
        "agradeceu aos parceiros da organização.",
        "The COP 29 negotiators met again in the evening, and the chair said that the talks "
        "would go on until a deal was reached on the text.",
    ],
)
def test_measures_votes_months_and_named_things_are_no_counts(text: str) -> None:
    assert count_facts(text) == []


def test_a_noun_of_people_at_a_meeting_counts_those_who_took_part() -> None:
    text = (
        "Outside the congress centre, about 200 demonstrators gathered on the square as the "
        "ministers met inside for the summit."
    )
    (fact,) = [f for f in count_facts(text) if f.get("unit") == "demonstrators"]
    assert (fact.get("value"), fact.get("qualifier"), fact.get("role")) == (
        200,
        "about",
        "participants",
    )


def test_a_tally_of_things_is_a_total() -> None:
    text = (
        "The nuclear-weapon states hold an estimated 12,200 warheads between them, the report "
        "said, and the number has barely changed in the past year."
    )
    (fact,) = count_facts(text)
    assert (fact.get("value"), fact.get("unit"), fact.get("role")) == (12200, "warheads", "total")
