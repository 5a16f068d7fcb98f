"""The offline gazetteer: press forms of countries, demonyms, cities, venues."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from treatytui.facts import gazetteer

DATA = Path(gazetteer.__file__).parent / "data"


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("Viet Nam", "Vietnam"),
        ("Vietnam", "Vietnam"),
        ("Lao PDR", "Laos"),
        ("Lao People's Democratic Republic", "Laos"),
        ("Russian Federation", "Russia"),
        ("the US", "United States"),
        ("U.S.", "United States"),
        ("USA", "United States"),
        ("the UK", "United Kingdom"),
        ("Republic of Korea", "South Korea"),
        ("Turkey", "Türkiye"),
        ("Cote d'Ivoire", "Côte d'Ivoire"),
        ("Côte d’Ivoire", "Côte d'Ivoire"),
        ("Uganda", "Uganda"),
    ],
)
def test_country_press_forms(form: str, canonical: str) -> None:
    place = gazetteer.country(form)
    assert place is not None and place.name == canonical and place.kind == "country"


@pytest.mark.parametrize(
    ("word", "code"), [("Vietnamese", "VN"), ("Lao", "LA"), ("Ugandan", "UG"), ("Thai", "TH")]
)
def test_demonyms(word: str, code: str) -> None:
    assert gazetteer.demonym_country(word) == code


@pytest.mark.parametrize(
    ("form", "canonical", "country"),
    [
        ("Hanoi", "Hanoi", "VN"),
        ("Ha Noi", "Hanoi", "VN"),
        ("HANOI", "Hanoi", "VN"),
        ("Kiev", "Kyiv", "UA"),
        ("Saigon", "Ho Chi Minh City", "VN"),
        ("Kampala", "Kampala", "UG"),
        ("Geneva", "Geneva", "CH"),
        ("Vientiane", "Vientiane", "LA"),
    ],
)
def test_cities(form: str, canonical: str, country: str) -> None:
    place = gazetteer.city(form)
    assert place is not None and (place.name, place.country) == (canonical, country)


def test_venues_and_their_cities() -> None:
    assert gazetteer.venue("the Palais des Nations").name == "Palais des Nations"
    assert gazetteer.venue_city("Vienna International Centre") == "Vienna"


@pytest.mark.parametrize("name", ["Asia", "Africa", "Among", "Thongloun", "Convention"])
def test_not_places(name: str) -> None:
    assert gazetteer.place(name) is None


def test_form_index_finds_whole_words_longest_first() -> None:
    index = gazetteer.FormIndex(["UN", "UN Office at Nairobi", "EU"])
    text = "The UN Office at Nairobi, the UNODC and the EU-led team met the UN."
    assert [form for _, _, form in index.finditer(text)] == ["UN Office at Nairobi", "UN"]


def test_city_table_is_compact_and_well_formed() -> None:
    path = DATA / "cities.tsv"
    assert path.stat().st_size < 1_000_000
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    assert len(rows) > 5000
    assert all(len(row) == 6 and row[3].isdigit() and len(row[2]) == 2 for row in rows)


def test_import_loads_no_table() -> None:
    code = (
        "import sys, treatytui.facts.gazetteer as g, treatytui.facts.venues, "
        "treatytui.facts.people, treatytui.facts.organizations\n"
        "assert 'pycountry' not in sys.modules\n"
        "assert g._city_table.cache_info().currsize == 0"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
