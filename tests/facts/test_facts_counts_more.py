"""Counts beyond "N countries signed" (issue 11, class 2 and counts in es/fr/pt): nouns of
meetings and treaties (acceptances, candidatures, allies, partners, territories,
lawmakers...), modifiers that say what is counted ("nine partner countries", "70 países
observadores"), members of something named, parts of a total written with a name ("190 of
WHO's 194 Member States"), tallies after "the number of", and headlines that shorten a
count of the body. Sentences are made up."""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.counts import extract_counts
from treatytui.facts.sentences import SentenceIndex


def _counts(text: str, title: str = "") -> set[tuple[int, str]]:
    article = Article(id="t.txt", path="/tmp/t.txt", text=text, title=title)
    facts = extract_counts(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return {(f.get("value"), f.get("unit")) for f in facts}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # nouns of treaties: acceptances, accessions and their kin
        (
            "The fisheries agreement took effect after 111 acceptances were deposited.",
            (111, "acceptances"),
        ),
        (
            "El acuerdo entrará en vigor tras reunir 98 aceptaciones de los miembros.",
            (98, "aceptaciones"),
        ),
        ("La convention compte désormais 52 adhésions, selon le dépositaire.", (52, "adhésions")),
        ("O protocolo soma 44 adesões desde que foi aberto em Genebra.", (44, "adesões")),
        # candidatures, applications (at a meeting)
        (
            "Quelque 25 nouvelles candidatures seront examinées par le comité réuni à Paris.",
            (25, "nouvelles candidatures"),
        ),
        (
            "The committee meeting in Nairobi will review 18 applications for accreditation.",
            (18, "applications"),
        ),
        (
            "La sesión del comité estudiará 12 candidaturas a la lista del patrimonio.",
            (12, "candidaturas"),
        ),
        # allies, partners, territories, lawmakers
        ("The summit heard that 23 allies now meet the spending goal.", (23, "allies")),
        (
            "Ministers were joined at the meeting by envoys of nine partner countries.",
            (9, "partner countries"),
        ),
        (
            "The 26 members and seven participating territories failed to agree on quotas.",
            (7, "participating territories"),
        ),
        (
            "La cumbre reunió a cuatro socios del bloque y a dos países invitados.",
            (4, "socios"),
        ),
        (
            "O tratado foi aprovado pelos 198 deputados presentes na sessão.",
            (198, "deputados"),
        ),
        # a modifier that says what is counted is part of the unit
        (
            "Only 14 finance ministers attended the meeting in person.",
            (14, "finance ministers"),
        ),
        (
            "The 56 titular members of the governing body will meet in June.",
            (56, "titular members"),
        ),
        (
            "Unas 500 personas, entre ellas representantes de 70 países observadores, asistieron.",
            (70, "países observadores"),
        ),
        (
            "Representantes de 60 países e de 12 organizações internacionais reúnem-se hoje.",
            (12, "organizações internacionais"),
        ),
        (
            "Faltan cinco países signatarios por ratificar el acuerdo regional.",
            (5, "países signatarios"),
        ),
        (
            "Le bloc compte quatre membres titulaires et deux observateurs.",
            (4, "membres titulaires"),
        ),
        (
            "Unos 400 defensores ambientales participan en los foros de la conferencia.",
            (400, "defensores ambientales"),
        ),
        # members of something said
        ("Les États devront élire 36 membres du Conseil lors de la session.", (36, "membres")),
        (
            "Unos 40 miembros más están tramitando la aceptación del acuerdo.",
            (40, "miembros"),
        ),
        (
            "The session opened with 700 participants from 130 Members registered.",
            (130, "members"),
        ),
        # a collective elided before its noun
        (
            "Plus de 90 pays et une quarantaine d'organisations participent à la réunion.",
            (40, "organisations"),
        ),
        ("Quelque 30 nouvelles candidatures seront examinées.", (30, "nouvelles candidatures")),
        # a hyphenated modifier, a number word after a second noun, registration verbs
        (
            "Delegations came from 22 of the 35 least-developed countries.",
            (35, "least-developed countries"),
        ),
        (
            "Envoys of 21 dialogue partners and observers from seven associate members attended.",
            (21, "dialogue partners"),
        ),
        ("Plus de 40 ministres sont inscrits.", (40, "ministres")),
        ("Más de 30 ministros están registrados para la sesión final.", (30, "ministros")),
        ("Mais de 25 ministros estão inscritos.", (25, "ministros")),
        # part of a total written with a name or a possessive
        (
            "Representantes de 31 de sus 34 Estados miembros participaron en la sesión.",
            (31, "estados miembros"),
        ),
        (
            "Des délégués de 40 de ses 54 États membres assistaient à la réunion.",
            (40, "états membres"),
        ),
        (
            "The assembly was attended by delegations from 190 of WHO's 194 Member States.",
            (194, "member states"),
        ),
        (
            "The assembly was attended by delegations from 190 of WHO's 194 Member States.",
            (190, "member states"),
        ),
        # a tally after "the number of"
        (
            "Its ratification brings the number of ratifying states to 180, the body said.",
            (180, "ratifying states"),
        ),
    ],
)
def test_counts_of_meetings_and_treaties(text: str, expected: tuple[int, str]) -> None:
    assert expected in _counts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names and demonyms say which countries, not what is counted: the unit keeps
        # the noun, so counts of countries group together
        ("Police chiefs from 48 African countries met in Kigali.", (48, "countries")),
        ("The 11 ASEAN member states signed the declaration.", (11, "member states")),
        ("Plus de 54 pays africains participent à la conférence.", (54, "pays")),
        ("Negotiators from Iran and three European countries met in Vienna.", (3, "countries")),
        ("Observers from 13 non-Arctic states attended the meeting.", (13, "states")),
        # "more" says how many more
        ("Two more states have ratified the treaty, its depositary said.", (2, "states")),
        # a second noun with a number of its own is not one unit with the first
        (
            "Delegations from 81 parties and observers from some 40 other states attended.",
            (81, "parties"),
        ),
        (
            "Delegations from 81 parties and observers from some 40 other states attended.",
            (40, "other states"),
        ),
    ],
)
def test_the_unit_is_what_is_counted(text: str, expected: tuple[int, str]) -> None:
    assert expected in _counts(text)


def test_a_headline_count_repeated_by_the_body_is_kept_once() -> None:
    title = "Eleven states sign convention on environmental crime"
    text = f"{title}\n\nEleven member states signed the convention at a ceremony on Wednesday."
    assert _counts(text, title=title) == {(11, "member states")}


def test_a_headline_count_of_another_unit_stays() -> None:
    title = "Assembly gathers 180 delegations in Marrakech"
    text = f"{title}\n\nSome 1,500 delegates from 180 countries met in the congress hall."
    assert {(180, "delegations"), (180, "countries")} <= _counts(text, title=title)


def test_a_headline_count_of_its_own_stays() -> None:
    title = "Forty countries join the pact"
    text = f"{title}\n\nThe signing ceremony was held in Geneva on Monday."
    assert _counts(text, title=title) == {(40, "countries")}


@pytest.mark.parametrize(
    "text",
    [
        "The company has 40 partners in its London branch.",  # no meeting, a business
        "He downloaded 12 applications on his phone.",  # no meeting: not candidatures
        "He said 12 members had left.",  # members of what is not said
        "Ratification requires approval by two thirds, or 128 votes in favour.",  # a vote
        "Il a attendu 30 minutes devant la salle des journalistes.",  # a time
    ],
)
def test_not_counts(text: str) -> None:
    assert not _counts(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Plus de 300 délégués participent à la session, dont une cinquantaine en ligne.",
            (50, "délégués"),
        ),
        ("More than 700 participants attended, including 200 online.", (200, "participants")),
        ("Ten states have ratified the treaty; nine of them are in Europe.", (9, "states")),
        (
            "Mais de 100 delegados participaram, dos quais 30 por videoconferência.",
            (30, "delegados"),
        ),
        ("Asistieron 80 delegados, entre ellos 15 observadores.", (15, "observadores")),
    ],
)
def test_a_part_with_its_noun_left_out(text: str, expected: tuple[int, str]) -> None:
    assert expected in _counts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Some 60 countries attended, including 2024 hosts Peru.",  # a year
        "About 500 delegates came, including 40% women.",  # a share
        "About 500 delegates came, including 40 per cent women.",
        "Some 30 countries signed, including 600 more later.",  # not a part: more than all
    ],
)
def test_not_parts(text: str) -> None:
    assert len(_counts(text)) == 1
