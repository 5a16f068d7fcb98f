"""Finding a query's words in a text: the same words the index matched, at their places."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from treatytui.search.analysis import WORD_PATTERN, fold, index_term, match_terms


def _every_word(text: str, terms: frozenset[str], prefixes: tuple[str, ...]) -> list:
    """The plain way: look at every word of the text."""
    return [
        m.span()
        for m in WORD_PATTERN.finditer(text)
        if index_term(m.group()) in terms or (prefixes and fold(m.group()).startswith(prefixes))
    ]


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("Signed, signing and signs.", {"sign"}, ["Signed", "signing", "signs"]),
        ("The U.N. convention; unconventional", {"convent"}, ["convention"]),
        ("U.N delegates at the UN", {"un"}, ["UN"]),
        ("António Guterres", {"antonio"}, ["António"]),
        ("rights_groups and rights", {"right"}, ["rights"]),
        ("human-rights groups", {"human", "right"}, ["human", "rights"]),
    ],
)
def test_words_are_found_where_the_index_found_them(
    text: str, terms: set[str], expected: list[str]
) -> None:
    spans = list(match_terms(text, frozenset(terms)))
    assert [text[s:e] for s, e in spans] == expected


_ALPHABET = st.sampled_from([*"ab .,_-'\nÅå1", "ab", "a.b", "sign", "signed", "Sign"])


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_the_same_spans_as_looking_at_every_word(text: str) -> None:
    for terms, prefixes in (
        (frozenset({"sign", "ab"}), ()),
        (frozenset({"a.b"}), ("si",)),
        (frozenset({"aa", "1"}), ("å",)),
    ):
        assert list(match_terms(text, terms, prefixes)) == _every_word(text, terms, prefixes)
