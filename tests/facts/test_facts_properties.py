"""Properties of ``extract`` on any text: it never raises and every span is honest."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from treatytui.corpus.article import Article
from treatytui.facts import FACT_KINDS, extract

# Fragments that steer generated text towards the patterns, mixed with any Unicode.
_FRAGMENTS = st.sampled_from(
    [
        "October 25-26",
        "14 and 15 May 2025",
        "3 March-14 April 2023",
        "Tuesday, Nov. 4",
        "14/3",
        "24/7",
        "03Nov2025",
        "2025-02-30",
        "more than 110 countries",
        "some 20 to 25 countries",
        "forty-two states",
        "a 101-45 vote",
        "in Hanoi, Vietnam",
        "📍 Kampala",
        "NAIROBI —",
        "President Luong Cuong",
        "United Nations Office on Drugs and Crime (UNODC)",
        "this October",
        "yesterday",
        "last year",
        "Sept. 18 and 19 last year",
        "GENEVA, 17 June (UN Information Service) —",
        "Kigali March 4/2019 (ENA) --",
        "Friday (September 12)",
        "since 2017",
        "the 2030 Agenda",
        # other languages, and words that make the detector choose them
        "los países y las delegaciones del ",
        "les pays et des délégations du ",
        "os países e das delegações dos ",
        "die Länder und der Delegationen ",
        "del 23 al 26 de marzo de 2026",
        "el pasado 12 de abril",
        "Ginebra, 15 dic (EFE).-",
        "le 1er décembre",
        "du 26 février au 2 mars 2024",
        "mi-mars",
        "entre os dias 3 e 5 de maio",
        "1º de janeiro",
        "am 4. und 5. Dezember",
        "dal 12 al 16 ottobre",
        "26-28 Oktober 2025",
        "ngày 26 tháng 10 năm 2025",
        "tháng 12",
        "30 de febrero",
        " ",
        "\n",
        ". ",
    ]
)
_TEXTS = st.lists(st.one_of(st.text(max_size=30), _FRAGMENTS), max_size=25).map("".join)
_PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)))
_URLS = st.one_of(st.none(), st.sampled_from(["https://x.org/2025/10/27/a", "https://x.org/a"]))

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(text=_TEXTS, published=_PUBLISHED, url=_URLS)
def test_extract_never_raises_and_spans_are_slices(
    text: str, published: date | None, url: str | None
) -> None:
    article = Article(id="p.txt", path="/tmp/p.txt", text=text, published=published, url=url)
    facts = extract(article)
    for fact in facts:
        assert fact.kind in FACT_KINDS
        assert fact.get("lang") in ("en", "es", "fr", "pt", "other")
        if fact.kind == "date" and fact.get("year_known") is False:
            assert fact.get("date_from") is None and fact.get("date_to") is None
            assert 1 <= fact.get("month") <= 12
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence
    assert [(f.start, f.end) for f in facts] == sorted((f.start, f.end) for f in facts)


@_SETTINGS
@given(text=st.text(max_size=400))
def test_extract_on_any_unicode(text: str) -> None:
    article = Article(id="u.txt", path="/tmp/u.txt", text=text, published=date(2025, 10, 27))
    for fact in extract(article):
        assert text[fact.start : fact.end] == fact.text
