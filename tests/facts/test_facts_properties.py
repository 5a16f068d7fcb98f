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
        " ",
        "\n",
        ". ",
    ]
)
_TEXTS = st.lists(st.one_of(st.text(max_size=30), _FRAGMENTS), max_size=25).map("".join)
_PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)))

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(text=_TEXTS, published=_PUBLISHED)
def test_extract_never_raises_and_spans_are_slices(text: str, published: date | None) -> None:
    article = Article(id="p.txt", path="/tmp/p.txt", text=text, published=published)
    facts = extract(article)
    for fact in facts:
        assert fact.kind in FACT_KINDS
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
