"""Issue 11, class 1: the year of a date written without one is right, or said to be unknown.

The publication date (metadata, else the URL path, else the dateline) anchors yearless
dates and the tense picks the side; a dateline's own date is never after publication;
without an anchor, a year written in the same sentence or paragraph, else the article's
only year written before the date; else ``year_known: false`` with month and day kept.
"""

from __future__ import annotations

from datetime import date

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.datepatterns import find_date_mentions
from treatytui.facts.dates import extract_dates, is_dateline
from treatytui.facts.model import Fact
from treatytui.facts.sentences import SentenceIndex

JAN_2026 = date(2026, 1, 10)


def _facts(text: str, published: date | None = None, url: str | None = None) -> list[Fact]:
    article = Article(id="y.txt", path="/tmp/y.txt", text=text, published=published, url=url)
    facts = extract_dates(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return facts


def _from(text: str, published: date | None = None, url: str | None = None) -> list:
    return [f.get("date_from") for f in _facts(text, published, url)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The first round of talks was held on 3 May in Geneva.", "2025-05-03"),
        ("The delegations will meet on 3 May in Geneva.", "2026-05-03"),
        ("La primera ronda de las negociaciones se celebró el 3 de mayo en Ginebra.", "2025-05-03"),
        ("Las delegaciones de los países se reunirán el 3 de mayo en Ginebra.", "2026-05-03"),
        ("La première session des négociations s'est tenue le 3 mai à Genève.", "2025-05-03"),
        ("Les délégations des pays se retrouveront le 3 mai à Genève.", "2026-05-03"),
        ("A primeira ronda das negociações realizou-se a 3 de maio em Genebra.", "2025-05-03"),
        ("As delegações dos países vão reunir-se a 3 de maio em Genebra.", "2026-05-03"),
    ],
)
def test_tense_decides_the_side_of_the_publication_date(text: str, expected: str) -> None:
    assert _from(text, JAN_2026) == [expected]


class TestDatelines:
    def test_a_dateline_is_never_after_the_publication_date(self) -> None:
        text = "GENEVA, 30 December (UN Information Service) — The Council will meet soon."
        assert _from(text, date(2026, 1, 2)) == ["2025-12-30"]

    def test_a_spanish_dateline_with_an_abbreviated_month(self) -> None:
        text = "Ginebra, 30 dic (EFE).- Los ministros de los países se reunirán en marzo."
        assert _from(text, date(2026, 1, 2)) == ["2025-12-30", "2026-03-01"]

    def test_a_wire_dateline_with_its_own_year_dates_the_article(self) -> None:
        text = (
            "Kampala March 4/2019 (ENA) -- Ministers from the region gathered on Monday "
            "for talks that end on March 9 in the capital."
        )
        assert _from(text, None) == ["2019-03-04", "2019-03-09"]

    def test_what_is_and_is_not_a_dateline(self) -> None:
        for text, expected in (
            ("UNITED NATIONS, Sept. 19 -- Leaders arrive.", True),
            ("PARIS, 12 septembre (AFP) - Les ministres.", True),
            ("RIO DE JANEIRO, 6 de julho (Agência Brasil) — Os líderes.", True),
            ("Nov 4 (Reuters) - Ministers agreed.", True),
            ("Nov 4 - Ministers agreed.", False),
            ("The session, which opened on 15 September, heard ten states.", False),
            ("Talks resume on 3 May - if the envoys agree.", False),
        ):
            language = "pt" if "julho" in text else "fr" if "septembre" in text else "en"
            (mention,) = find_date_mentions(text, None, language)
            assert is_dateline(text, mention) is expected, text


def test_the_url_path_dates_an_article_without_metadata() -> None:
    text = "The convention was opened for signature on 25 October in Hanoi."
    url = "https://news.example.org/2025/10/27/hanoi-convention"
    assert _from(text, None, url) == ["2025-10-25"]


class TestWithoutPublicationDate:
    def test_a_year_in_the_same_sentence(self) -> None:
        text = "At the summit that closes the 2023 presidency, leaders meet on 14 December."
        assert _from(text) == ["2023-12-14"]

    def test_a_year_in_the_same_paragraph(self) -> None:
        text = "The 2024 round opened in Geneva. Talks resumed on 3 March after a pause."
        assert _from(text) == ["2024-03-03"]

    def test_the_articles_only_year_written_before_the_date(self) -> None:
        text = (
            "Ministers will gather in Valletta on 4 and 5 December 2025.\n"
            "Preparatory talks are scheduled for 18 November in Vienna."
        )
        assert _from(text) == ["2025-12-04", "2025-11-18"]

    def test_a_year_written_only_after_the_date_does_not_date_it(self) -> None:
        text = (
            "A delegation visited three detention centres on 8 Feb.\n"
            "Its previous visit took place from 14 to 22 October 2019."
        )
        first, second = _facts(text)
        assert (first.get("year_known"), first.get("month"), first.get("day")) == (False, 2, 8)
        assert (second.get("date_from"), second.get("date_to")) == ("2019-10-14", "2019-10-22")

    def test_a_later_day_of_the_story_is_in_the_next_year(self) -> None:
        text = "The treaty was adopted on 24 December 2024 and opens for signature on 25 October."
        assert _from(text) == ["2024-12-24", "2025-10-25"]

    def test_a_weekday_that_fits_one_year_only(self) -> None:
        text = (
            "The treaty was adopted on 24 December 2024.\n"
            "The conference is running until Friday (September 12)."
        )
        assert _from(text) == ["2024-12-24", "2025-09-12"]

    @pytest.mark.parametrize(
        "text",
        [
            "Vietnam, a member since 2017, hosts the ceremony on 25 October.",
            "Talks on the 2030 Agenda resume on 25 October in New York.",
            "Some 2000 delegates are expected on 25 October in New York.",
        ],
    )
    def test_numbers_that_are_not_the_events_year(self, text: str) -> None:
        (fact,) = _facts(text)
        assert (fact.get("year_known"), fact.get("month"), fact.get("day")) == (False, 10, 25)


@pytest.mark.parametrize(
    ("text", "month", "day"),
    [
        ("Experts met on 8 Feb to discuss the rules.", 2, 8),
        ("Los expertos de los países debatieron el 8 de febrero las reglas.", 2, 8),
        ("Les experts des pays ont débattu le 8 février des règles.", 2, 8),
        ("Os peritos dos países debateram no dia 8 de fevereiro as regras.", 2, 8),
        ("A próxima ronda está marcada para o fim de agosto, disse o negociador.", 8, None),
    ],
)
def test_when_nothing_establishes_the_year_it_is_not_stated(
    text: str, month: int, day: int | None
) -> None:
    (fact,) = _facts(text)
    assert fact.get("year_known") is False
    assert (fact.get("date_from"), fact.get("date_to")) == (None, None)
    assert (fact.get("month"), fact.get("day")) == (month, day)
    assert fact.to_dict()["year_known"] is False


def test_a_yearless_range_keeps_both_ends() -> None:
    (fact,) = _facts("Las delegaciones de los países trabajarán del 3 al 5 de marzo en la sede.")
    assert (fact.get("month"), fact.get("day"), fact.get("month_to"), fact.get("day_to")) == (
        3,
        3,
        3,
        5,
    )
    assert fact.get("precision") == "day"


def test_impossible_yearless_days_are_not_dates() -> None:
    assert _facts("The talks end on 30 February in the capital.") == []


def test_a_year_hint_after_a_date_is_not_a_date_of_its_own() -> None:
    facts = _facts("A summit was held on Sept. 18 and 19 last year.", date(2025, 9, 19))
    assert [(f.text, f.get("date_from"), f.get("date_to")) for f in facts] == [
        ("Sept. 18 and 19", "2024-09-18", "2024-09-19")
    ]


def test_next_year_after_a_date_is_the_year_after_publication() -> None:
    facts = _facts("The review is due in March next year.", date(2025, 9, 1))
    assert [f.get("date_from") for f in facts] == ["2026-03-01"]


class TestWhichVerbGovernsTheDate:
    def test_the_verb_before_the_date_wins_over_a_future_after_it(self) -> None:
        text = "The committee met again on December 16 and will meet next on February 10."
        assert _from(text, date(2026, 1, 5)) == ["2025-12-16", "2026-02-10"]

    def test_a_passive_after_will_be_is_not_a_past(self) -> None:
        text = "The convention will be signed on 25 October in Hanoi."
        assert _from(text, date(2025, 9, 9)) == ["2025-10-25"]

    def test_expected_after_a_past_auxiliary_looks_ahead(self) -> None:
        text = "A dozen ministers were expected for the final days, which run until 14 August."
        assert _from(text, date(2025, 8, 5)) == ["2025-08-14"]

    def test_a_french_future_participle_beats_the_same_words_read_as_a_past(self) -> None:
        text = "Plus de 40 chefs d'État sont attendus les 22 et 23 novembre à Kigali."
        assert _from(text, date(2025, 11, 2)) == ["2025-11-22"]

    def test_a_past_year_in_another_sentence_does_not_date_a_future_meeting(self) -> None:
        text = (
            "La conférence précédente, à Mexico en septembre 2022, avait adopté une "
            "déclaration. Un comité de rédaction des pays se réunira dès le 15 septembre."
        )
        facts = _facts(text)
        assert [f.get("date_from") for f in facts] == ["2022-09-01", None]
        assert (facts[1].get("month"), facts[1].get("day")) == (9, 15)


def test_a_yearless_date_gives_no_year_facet() -> None:
    from treatytui.facts import facets

    yearless = _facts("Experts met on 8 Feb in Geneva.")
    dated = _facts("Experts met again on 3 March 2025 in Geneva.")
    assert [f.get("year_known") for f in yearless + dated] == [False, None]
    assert facets(yearless + dated)["year"] == ["2025"]


class TestClauses:
    def test_a_verb_before_a_relative_clause_does_not_govern_its_date(self) -> None:
        text = (
            "O presidente abriu nesta terça-feira o debate geral da Assembleia das Nações "
            "Unidas, que segue até 29 de setembro, com discursos dos chefes de Estado."
        )
        assert _from(text, date(2025, 9, 23)) == ["2025-09-29"]

    def test_entry_into_force_in_the_present_looks_ahead(self) -> None:
        text = "Its last meeting adopted amendments that enter into force on December 23."
        assert _from(text, date(2026, 4, 7)) == ["2026-12-23"]

    def test_a_relative_clause_in_the_past_keeps_its_own_verb(self) -> None:
        text = "The committee, which met on 15 March, will report to the council."
        assert _from(text, date(2026, 1, 10)) == ["2025-03-15"]


class TestYearWordsOfASentence:
    def test_last_year_at_the_head_of_a_sentence_dates_its_yearless_date(self) -> None:
        facts = _facts("Last year the budget was only approved on December 24.", date(2025, 12, 20))
        assert [(f.text, f.get("date_from")) for f in facts] == [("December 24", "2024-12-24")]

    def test_a_comparison_with_last_year_does_not(self) -> None:
        facts = _facts("Unlike last year, the talks will open on 3 May.", date(2026, 1, 10))
        assert [(f.text, f.get("date_from")) for f in facts] == [
            ("last year", "2025-01-01"),
            ("3 May", "2026-05-03"),
        ]

    def test_the_only_year_moves_the_story_on_too(self) -> None:
        text = (
            "The General Assembly adopted the convention on 24 December 2024.\n"
            "It opened for signature in Hanoi on 25 October, when 65 states signed it."
        )
        assert _from(text) == ["2024-12-24", "2025-10-25"]


def test_a_clause_after_a_comma_and_has_its_own_tense() -> None:
    text = (
        "Ministers failed to close the talks in Abu Dhabi in February, and negotiators "
        "resume on September 8."
    )
    assert _from(text, date(2025, 8, 20)) == ["2025-02-01", "2025-09-08"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A próxima conferência realiza-se em novembro do próximo ano na Turquia.", "2026-11-01"),
        ("La próxima cumbre se celebrará en junio del año próximo en Madrid.", "2026-06-01"),
        ("Le prochain sommet aura lieu en juin de l'année prochaine à Paris.", "2026-06-01"),
        ("La conferencia anterior se celebró en marzo del año pasado en Lima.", "2024-03-01"),
    ],
)
def test_next_year_and_last_year_after_a_bare_month(text: str, expected: str) -> None:
    assert _from(text, date(2025, 11, 22)) == [expected]


class TestMoreTenseWords:
    def test_would_and_next_look_ahead(self) -> None:
        text = (
            "Mediators said that the next round would open in Doha on July 28, two weeks "
            "after the previous round broke up on July 11."
        )
        assert _from(text, date(2025, 7, 15)) == ["2025-07-28", "2025-07-11"]

    def test_a_weak_past_after_as_is_its_own_clause(self) -> None:
        text = (
            "Parties will hold a review conference from November 23 to 27, as the number of "
            "parties reached 74 with two ratifications in December."
        )
        assert _from(text, date(2026, 1, 22)) == ["2026-11-23", "2025-12-01"]

    def test_a_participle_takes_the_way_of_its_auxiliary(self) -> None:
        text = "The text was only formally approved on December 24."
        assert _from(text, date(2025, 12, 20)) == ["2024-12-24"]

    def test_plans_a_looks_ahead(self) -> None:
        text = "Campaigners plan a rally outside the conference on November 22."
        assert _from(text, date(2026, 1, 22)) == ["2026-11-22"]

    @pytest.mark.parametrize(
        "text",
        [
            "El Consejo convocó a los cancilleres de los países para el 10 de julio.",
            "O Conselho convocou os ministros dos países para o dia 10 de julho.",
            "Le Conseil a convoqué les ministres des pays pour le 10 juillet.",
        ],
    )
    def test_para_el_and_pour_le_look_ahead(self, text: str) -> None:
        assert _from(text, date(2024, 6, 27)) == ["2024-07-10"]


def test_a_name_never_swallows_a_dated_day() -> None:
    from treatytui.facts import extract

    text = "The envoy, who briefed the Security Council on June 30, said talks would resume."
    article = Article(id="n.txt", path="/tmp/n.txt", text=text, published=date(2025, 7, 15))
    facts = extract(article)
    assert [(f.text, f.get("date_from")) for f in facts if f.kind == "date"] == [
        ("June 30", "2025-06-30")
    ]
    assert not [f for f in facts if f.kind != "date" and "June" in f.text]


def test_since_looks_back_and_could_ahead() -> None:
    text = (
        "It is the first summit since the bloc expanded on Jan. 1, and a text could be "
        "ready by October."
    )
    assert _from(text, date(2024, 9, 20)) == ["2024-01-01", "2024-10-01"]


class TestMonthsAndPossessives:
    def test_a_month_ahead_that_has_half_gone_is_next_years(self) -> None:
        text = "The next assembly will be held in Hong Kong in November."
        assert _from(text, date(2025, 11, 28)) == ["2026-11-01"]
        assert _from(text, date(2025, 11, 2)) == ["2025-11-01"]

    def test_last_years_in_a_sentence_dates_its_yearless_days(self) -> None:
        text = "The reforms were proposed at last year's assembly, held from November 4 to 7."
        assert _from(text, date(2025, 11, 28)) == ["2024-11-04"]

    def test_starting_looks_ahead(self) -> None:
        text = "The Assembly elected 14 countries to terms on the Council starting January 1."
        assert _from(text, date(2025, 10, 15)) == ["2026-01-01"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of saying after the date says nothing of its side, in German as in English
        (
            "Das Treffen der Umweltminister findet am 4. und 5. Dezember in Genf statt, "
            "teilte das Auswärtige Amt mit. Die Minister wollen dort über den Schutz der "
            "Flüsse sprechen und die Staaten der Region beraten.",
            "2025-12-04",
        ),
        (
            "Die Konferenz der Vertragsstaaten beginnt am 2. Dezember in Wien, sagte die "
            "Sprecherin des Ministeriums. Die Delegationen der Staaten sind bereits auf dem Weg.",
            "2025-12-02",
        ),
        # a perfect still looks back
        (
            "Die Staaten haben das Abkommen am 14. Oktober in Wien unterzeichnet. Die "
            "Regierung hat den Text danach dem Parlament vorgelegt.",
            "2025-10-14",
        ),
    ],
)
def test_a_german_verb_of_saying_does_not_set_the_side(text: str, expected: str) -> None:
    article = Article(id="de.txt", path="/tmp/de.txt", text=text, published=date(2025, 11, 20))
    sentences = SentenceIndex(article)
    assert sentences.language == "de"
    assert [f.get("date_from") for f in extract_dates(article, sentences)] == [expected]


JUNE_2026 = date(2026, 6, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past verb, then a word that puts the date after the verb's moment: nearest year
        (
            "Ministers met on Thursday to finalise the text before the leaders' summit in "
            "Quito on July 7-8.",
            "2026-07-07",
        ),
        ("Envoys gathered in Rabat to prepare the ministerial meeting on 14 July.", "2026-07-14"),
        (
            "Los cancilleres se reunieron el lunes para preparar la cumbre del 15 de julio.",
            "2026-07-15",
        ),
        (
            "Les experts se sont réunis à Dakar en vue de la conférence du 9 juillet.",
            "2026-07-09",
        ),
        (
            "Os negociadores reuniram-se em Maputo antes da cúpula de 20 de julho.",
            "2026-07-20",
        ),
        # the word before a date that is itself past stays on the past side when nearer
        ("Talks collapsed on Monday before the deadline of 2 June.", "2026-06-02"),
        # without such a word the past verb still decides ("until" a date near the
        # publication date tells what goes on then: test_facts_dates_clauses)
        ("The round of talks was held on 3 July in Geneva.", "2025-07-03"),
        ("The talks were suspended until 3 July, the secretariat said.", "2026-07-03"),
        ("The talks were suspended until 3 September, the secretariat said.", "2025-09-03"),
        ("Delegates will meet before the summit on 3 May.", "2027-05-03"),
    ],
)
def test_a_date_after_a_past_moment_takes_the_nearest_year(text: str, expected: str) -> None:
    assert _from(text, JUNE_2026)[-1] == expected


def _pt_facts(text: str, published: date | None) -> list[Fact]:
    article = Article(id="b.txt", path="/tmp/b.txt", text=text, published=published)
    sentences = SentenceIndex(article)
    assert sentences.language == "pt"
    return extract_dates(article, sentences)


BRAZIL = (
    "Os ministros do bloco se reuniram nesta terça-feira (24) em Brasília e voltam a se "
    "reunir na quinta-feira (26), segundo o Itamaraty. A cúpula dos presidentes será no "
    "sábado (28)."
)


def test_a_brazilian_weekday_and_day_is_placed_by_the_publication_date() -> None:
    facts = _pt_facts(BRAZIL, date(2026, 2, 25))  # a Wednesday
    assert [(f.text, f.get("date_from")) for f in facts] == [
        ("terça-feira (24)", "2026-02-24"),
        ("quinta-feira (26)", "2026-02-26"),
        ("sábado (28)", "2026-02-28"),
    ]


def test_the_weekday_and_day_reach_into_the_next_or_last_month() -> None:
    text = "O encontro de chanceleres acontece na segunda-feira (2) em Montevidéu, no Uruguai."
    (fact,) = _pt_facts(text, date(2026, 2, 27))  # 2 March 2026 is a Monday
    assert fact.get("date_from") == "2026-03-02"
    text = "A reunião terminou no domingo (29) em Belém, informou o ministério."
    (fact,) = _pt_facts(text, date(2026, 4, 1))  # 29 March 2026 is a Sunday
    assert fact.get("date_from") == "2026-03-29"


def test_a_weekday_and_day_that_do_not_agree_near_publication_say_nothing() -> None:
    text = "Os negociadores se reuniram na sexta-feira (24) em Genebra, na Suíça."
    assert _pt_facts(text, date(2026, 2, 25)) == []  # 24 Feb 2026 is a Tuesday
    assert _pt_facts(BRAZIL, None) == []  # nothing places them
