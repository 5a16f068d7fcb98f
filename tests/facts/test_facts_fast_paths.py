"""The fast forms of patterns and scans find exactly what the plain forms find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from treatytui.facts import datepatterns, gazetteer, people, people_names
from treatytui.facts.sentences import matches_at, positions

# Texts made of the characters these patterns care about, so that edge cases come up often.
_ALPHABET = st.sampled_from(list("MrsHEDP.Gen ofN3120/-–x_’'A\nsaid Bo,(Ann Lee)"))
_TEXTS = st.lists(_ALPHABET, max_size=40).map("".join)

_PLAIN_TOKEN = re.compile(
    r"\b(?:Mrs?|Ms|Dr|Prof|Lt|Gen|Col|Maj|Capt|Brig|Mme|Hon|H\.E)\.|\b(?:[A-Z]\.){2,}"
    r"|\b[A-Z]\.(?=[ \xa0][A-ZÀ-Þ])|[^\W\d_][\w’'\-]*|\d+|[^\w\s]"
)
_PLAIN_DAY = re.compile(r"(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])")
_FAST_DAY = re.compile(rf"{datepatterns._DAY}(?![0-9])")


@settings(max_examples=300)
@given(_TEXTS)
def test_tokens_are_those_of_the_plain_pattern(text: str) -> None:
    plain = [(m.start(), m.group()) for m in _PLAIN_TOKEN.finditer(text)]
    parser = people_names.NameParser(text)
    assert list(zip(parser.starts, parser.words, strict=True)) == plain
    assert all(
        text[s:e] == w for s, e, w in zip(parser.starts, parser.ends, parser.words, strict=True)
    )


@settings(max_examples=300)
@given(_TEXTS)
def test_days_are_those_of_the_plain_pattern(text: str) -> None:
    assert [m.span() for m in _FAST_DAY.finditer(text)] == [
        m.span() for m in _PLAIN_DAY.finditer(text)
    ]


@settings(max_examples=300)
@given(_TEXTS)
def test_names_before_verbs_are_those_of_the_plain_pattern(text: str) -> None:
    plain = re.compile(rf"(?<![\w’'\-])(?P<name>{people._NAME})(?:,)? (?:{people._SAY})\b")
    found = [(s, e) for s, e, credit in people._pattern_matches(text) if not credit]
    expected = [m.span("name") for m in plain.finditer(text)]
    says = re.compile(rf"\b(?:{people._SAY}|according to) (?P<name>{people._NAME})(?=[,.;)]|\s*\n)")
    expected += [m.span("name") for m in says.finditer(text)]
    assert found == expected


def test_at_word_start_is_a_word_boundary_alternation() -> None:
    fast = re.compile(gazetteer.at_word_start(["in", "inside", "at", "I"]))
    plain = re.compile(r"\b(?:in|inside|at|I)")
    text = "in inside within at bat I It Iin"
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_matches_at_is_finditer_at_the_given_starts() -> None:
    pattern = re.compile(r"\.+ ")
    text = "a.. b. c... d.e. "
    starts = positions(text, ".")
    assert [m.span() for m in matches_at(pattern, text, starts)] == [
        m.span() for m in pattern.finditer(text)
    ]


def test_positions_of_several_characters_are_in_order() -> None:
    assert positions("a.b!c?d.", ".!?") == [1, 3, 5, 7]
    assert positions("a.b!c?d.", ".!?", 2, 7) == [3, 5]
