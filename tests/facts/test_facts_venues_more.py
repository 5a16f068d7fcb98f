"""Venues in forms issue 11 lists: centres with their city, multi-word cities, host
countries, headquarters, online meetings, and Spanish, French and Portuguese venues with
their English names."""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.sentences import SentenceIndex
from treatytui.facts.venues import extract_venues


def _venues(text: str) -> dict[str, str | None]:
    """name → name_en of every venue of ``text``."""
    article = Article(id="test.txt", path="/tmp/test.txt", text=text)
    facts = extract_venues(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return {f.get("name"): f.get("name_en") for f in facts}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Ministers met at the Sheraton Conference Centre in Kololo on Tuesday.",
            {"Sheraton Conference Centre", "Kololo"},
        ),
        (
            "The forum opened at the Bangkok International Trade and Exhibition Centre (BITEC).",
            {"Bangkok International Trade and Exhibition Centre"},
        ),
        ("Leaders gathered in Bandar Seri Begawan for the summit.", {"Bandar Seri Begawan"}),
        ("The ministerial meeting was held in Rio de Janeiro.", {"Rio de Janeiro"}),
        ("The workshop took place in Hạ Long last spring.", {"Hạ Long"}),
        ("The next session will be held in Cartagena, Colombia.", {"Cartagena", "Colombia"}),
        ("Talks resumed at the Palais des Nations on Monday.", {"Palais des Nations"}),
        (
            "Officials convened at the OECD Conference Centre in Paris.",
            {"OECD Conference Centre", "Paris"},
        ),
        ("The summit took place in Bürgenstock, Switzerland.", {"Bürgenstock", "Switzerland"}),
        ("The committee met online because of the storm.", {"online"}),
        ("It was the first hybrid meeting of the commission.", {"online"}),
    ],
)
def test_english_venues(text: str, names: set[str]) -> None:
    assert set(_venues(text)) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La conferencia se celebró en Ginebra, Suiza, con 90 delegaciones.",
            {"Ginebra": "Geneva", "Suiza": "Switzerland"},
        ),
        (
            "Los ministros se reunieron en el Palacio de Congresos de Valencia.",
            {"Palacio de Congresos de Valencia": None},
        ),
        ("La cumbre tendrá lugar en Nueva York en septiembre.", {"Nueva York": "New York"}),
        (
            "Le sommet se tient à Nairobi, au Kenya, jusqu'à vendredi.",
            {"Nairobi": None, "Kenya": None},
        ),
        ("La réunion a eu lieu à Genève, au siège de l'organisation.", {"Genève": "Geneva"}),
        (
            "Les négociations reprendront à Bruxelles en octobre.",
            {"Bruxelles": "Brussels"},
        ),
        ("A cúpula foi realizada em Brasília na semana passada.", {"Brasília": None}),
        (
            "O encontro decorreu no Centro de Congressos de Lisboa, em Portugal.",
            {"Centro de Congressos de Lisboa": None, "Portugal": None},
        ),
        ("Os chanceleres reuniram-se em Lisboa para a cimeira.", {"Lisboa": "Lisbon"}),
    ],
)
def test_other_languages(text: str, expected: dict[str, str | None]) -> None:
    assert _venues(text) == expected


def test_dateline_in_capitals_with_accents() -> None:
    text = "GENÈVE, 3 mars (AFP) - Les délégués de 120 pays se sont réunis pour la session."
    assert _venues(text) == {"Genève": "Geneva"}


def test_spanish_agency_dateline() -> None:
    text = "Ginebra, 18 sep (EFE).- La conferencia reunió a 60 delegaciones."
    assert _venues(text) == {"Ginebra": "Geneva"}


@pytest.mark.parametrize(
    "text",
    [
        "The group, based in Geneva, said the talks had failed.",
        "El embajador de Francia en Madrid dijo que no asistiría.",
        "The footage was streamed online by the broadcaster.",
        "Our interview was published in Le Monde on Monday.",
    ],
)
def test_not_venues(text: str) -> None:
    assert _venues(text) == {}


def test_a_secretariat_seat_is_no_venue_but_a_meeting_at_headquarters_is() -> None:
    assert _venues("The Secretariat's headquarters in Lyon, France, ran the event.") == {}
    held = _venues("The treaty was signed at UN Headquarters in New York on Monday.")
    assert set(held) == {"United Nations Headquarters", "New York"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The forum last met in Nuku'alofa in August.", "Nuku'alofa"),
        ("Foreign ministers met in Nizhny Novgorod on June 10.", "Nizhny Novgorod"),
        ("The summit was held in Punta del Este last year.", "Punta del Este"),
    ],
)
def test_small_towns_that_host_meetings(text: str, name: str) -> None:
    assert name in _venues(text)


def test_a_town_named_in_portuguese_gets_its_english_name() -> None:
    text = "A reunião intercalar está marcada para junho em Bona, disse a ministra."
    assert _venues(text + " Os delegados dos países e das organizações não vieram.") == {
        "Bona": "Bonn"
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a town the gazetteer does not know, after a bare "en", "à", "em" that an event
        # or "will be" comes just before, or after a meeting ahead ("se réuniront à")
        (
            "La próxima cumbre de ministros de la región será en Villa Gesell el 3 de junio, "
            "según el comunicado de los gobiernos.",
            {"Villa Gesell"},
        ),
        (
            "Le sommet à Saint-Malo s'ouvrira le 3 juin, selon le communiqué du gouvernement "
            "et des autorités de la région.",
            {"Saint-Malo"},
        ),
        (
            "Les ministres de la région se réuniront à Saint-Malo le 3 juin, selon le "
            "communiqué du gouvernement et des autorités.",
            {"Saint-Malo"},
        ),
        (
            "Os ministros da região se reunirão em Ponta Grossa no dia 3 de junho, segundo o "
            "comunicado do governo e das autoridades.",
            {"Ponta Grossa"},
        ),
        # not after any other word: a topic, not a town
        (
            "La cumbre se centró en Inteligencia Artificial y en la cooperación de los países "
            "de la región, según los gobiernos.",
            set(),
        ),
        (
            "Le sommet des ministres portait sur Intelligence Artificielle et la coopération "
            "des pays de la région, selon les gouvernements.",
            set(),
        ),
    ],
)
def test_a_town_after_a_bare_romance_preposition(text: str, names: set[str]) -> None:
    assert set(_venues(text)) == names


def test_italian_places_after_a_and_in() -> None:
    """ "si terrà a Roma", "a Napoli": Italian writes "a" before a town."""
    text = (
        "Il vertice sul clima si terrà a Roma dal 12 al 16 ottobre, ha annunciato il governo. "
        "L'ultimo incontro dei ministri si era svolto a Napoli il 3 marzo, secondo la Farnesina."
    )
    article = Article(id="it.txt", path="/tmp/it.txt", text=text)
    sentences = SentenceIndex(article)
    assert sentences.language == "it"
    venues = {f.get("name"): f.get("name_en") for f in extract_venues(article, sentences)}
    assert venues == {"Roma": "Rome", "Napoli": "Naples"}
