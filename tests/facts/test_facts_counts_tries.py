"""The fast forms behind counts, sentences and language find what the plain forms find:
word lists as tries, patterns compiled on first use, the stop-word score."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from treatytui.facts import language
from treatytui.facts.alternation import LazyPattern, alternation
from treatytui.facts.count_roles import all_units
from treatytui.facts.counts import _QUALIFIERS

_WORDS = ["heads", "heads of state", "heads of state and government", "member", "members",
          "member states", "states", "ONG", "ONGs", "chefs d'état", "chefs d’état", "cent",
          "cents", "cien", "ciento", "mil", "mille", "near", "nearly", "a", "ab",
          "abc"]  # fmt: skip
_PIECES = [*_WORDS, " ", "  ", "\n", "x", "s", "-", "of", "and", "government", "ly"]


def _flat(words: list[str]) -> str:
    """The alternation the tries replace: every word, longest first."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return "(?:" + "|".join(sorted(escaped, key=len, reverse=True)) + ")"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join))
def test_a_trie_matches_what_the_flat_alternation_matches(text: str) -> None:
    for tail in ("", r"(?![\w'’-])", r"\b\s*x"):
        trie = re.compile(f"(?i:{alternation(_WORDS)}){tail}")
        flat = re.compile(f"(?i:{_flat(_WORDS)}){tail}")
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]
        for start in range(len(text)):
            fast, plain = trie.match(text, start), flat.match(text, start)
            assert (fast and fast.span()) == (plain and plain.span())


def test_the_count_nouns_and_qualifiers_as_tries_match_as_the_flat_lists() -> None:
    units, qualifiers = all_units(), list(_QUALIFIERS)
    text = "Some 40 heads of state and government, more than  12 member states, près d'une"
    for words in (units, qualifiers):
        trie = re.compile(f"(?i:{alternation(words)})")
        flat = re.compile(f"(?i:{_flat(words)})")
        for start in range(len(text)):
            fast, plain = trie.match(text, start), flat.match(text, start)
            assert (fast and fast.span()) == (plain and plain.span())


def test_no_words_make_a_pattern_that_never_matches() -> None:
    assert re.compile(alternation([])).search("anything") is None


def test_a_lazy_pattern_compiles_on_first_use_and_acts_as_the_pattern() -> None:
    lazy = LazyPattern(r"(?i:\bdelegat\w*)")
    assert lazy._compiled is None  # what "lazy" means
    text = "Three Delegations and two delegates"
    assert lazy.search(text).group() == "Delegations"
    assert lazy.match(text, 6).group() == "Delegations"
    assert [m.group() for m in lazy.finditer(text, 10)] == ["delegates"]


def _plain_detect(text: str) -> str:
    """``detect_language`` counting every stripped word with a Counter."""
    marks = sum(text.count(mark, 0, language.SAMPLE_CHARS) for mark in language._ENGLISH_MARKS)
    if marks >= language._ENGLISH_AT_ONCE:
        return "en"
    scores = dict.fromkeys(language._STOP_WORDS, 0)
    for word, times in Counter(text[: language.SAMPLE_CHARS].lower().split()).items():
        for lang in language._LANGUAGES_OF.get(word.strip(language._PUNCTUATION), ()):
            scores[lang] += times
    first, second = sorted(scores.values(), reverse=True)[:2]
    if first < language.MIN_HITS or first == second:
        return "other"
    return max(scores, key=scores.__getitem__)


_LANGUAGE_PIECES = ["de", "la", "«de»", "(la", "des,", "dos", "the", "of", "and", "que", "em",
                    "qu'il", "d'un", "—", "Les", "DOS", "é", "à", "x", "il", "della",
                    "und"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LANGUAGE_PIECES), max_size=30).map(" ".join))
def test_the_stop_word_score_is_that_of_a_count_of_every_word(text: str) -> None:
    assert language.detect_language(text) == _plain_detect(text)
