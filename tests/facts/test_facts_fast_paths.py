"""The fast forms of patterns and scans find exactly what the plain forms find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from treatytui.facts import counts, datepatterns, gazetteer, people, people_names, words
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


@settings(max_examples=300, deadline=None)  # a first call compiles patterns: no deadline
@given(_TEXTS)
def test_tokens_are_those_of_the_plain_pattern(text: str) -> None:
    plain = [(m.start(), m.group()) for m in _PLAIN_TOKEN.finditer(text)]
    parser = people_names.NameParser(text)
    assert list(zip(parser.starts, parser.words, strict=True)) == plain
    assert all(
        text[s:e] == w for s, e, w in zip(parser.starts, parser.ends, parser.words, strict=True)
    )


@settings(max_examples=300, deadline=None)  # a first call compiles patterns: no deadline
@given(_TEXTS)
def test_days_are_those_of_the_plain_pattern(text: str) -> None:
    assert [m.span() for m in _FAST_DAY.finditer(text)] == [
        m.span() for m in _PLAIN_DAY.finditer(text)
    ]


@settings(max_examples=300, deadline=None)  # a first call compiles patterns: no deadline
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


_WORD_TEXTS = st.text(
    alphabet=st.sampled_from(list("aezAZ -_'’0é\u0130ÇßñéA\nxyq\u00a0\ud7ff\u2028")), max_size=60
)


@settings(max_examples=300, deadline=None)  # a first call compiles patterns: no deadline
@given(_WORD_TEXTS)
def test_ascii_runs_are_those_of_the_plain_pattern(text: str) -> None:
    lowered = text.lower()
    assert words.ascii_runs(text) == set(re.findall("[a-z]+", lowered))


def _plain_name_ending_at(
    parser: people_names.NameParser, start: int, end: int
) -> people_names.Mention | None:
    """``people._name_ending_at`` trying every word, capitalised or not."""
    i = parser.text.find(" ", start, end)
    while i >= 0:
        mention = parser.name_at(i + 1)
        if mention is not None and mention.end == end and len(mention.name.split()) >= 2:
            return mention
        i = parser.text.find(" ", i + 1, end)
    return None


_NAME_TEXTS = st.lists(
    st.sampled_from(
        ["the", "The", "Marshall", "Islands'", "Tina", "Stege", "de", "Silva", "Ana", "T.",
         "ZARIŅŠ", "said", "Minister", "Élodie", "Kofi", "Mensah", "in", "Geneva", "ürün"]
    ),
    min_size=1,
    max_size=8,
).map(" ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)  # a first call compiles patterns: no deadline
@given(_NAME_TEXTS, st.integers(0, 20))
def test_name_ending_at_skips_only_words_no_name_starts(text: str, cut: int) -> None:
    parser = people_names.NameParser(text)
    for end in [len(text), *[i for i, c in enumerate(text) if c == " "]]:
        start = min(cut, end)
        assert people._name_ending_at(parser, start, end) == _plain_name_ending_at(
            parser, start, end
        )


_DATE_TEXTS = st.lists(
    st.sampled_from(
        ["2025", "03", "4", "12", "31", "-", "/", ".", "–", " ", " to ", " and ", "March",
         "May", "Sept.", "DEC", "th", "of", "Nov", "2025-03-04", "04.03.2025", "14/3",
         "03Nov2025", "9", "\n"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)  # a first call compiles patterns: no deadline
@given(_DATE_TEXTS)
def test_date_needs_skip_only_runs_without_a_match(text: str) -> None:
    """A pattern's needs are cheap tests of what it cannot match without: skipping the
    runs that fail them changes nothing."""
    gated = datepatterns.find_date_mentions(text)
    masks = datepatterns._NEED_MASKS
    try:
        datepatterns._NEED_MASKS = dict.fromkeys(masks, 0)
        ungated = datepatterns.find_date_mentions(text)
    finally:
        datepatterns._NEED_MASKS = masks
    assert gated == ungated


def test_need_masks_are_the_needs() -> None:
    bits = datepatterns._NEED_BITS
    for name, needs in datepatterns._NEEDS.items():
        assert datepatterns._NEED_MASKS[name] == sum(bits[need] for need in needs)


_SPOKEN_TEXTS = st.lists(
    st.sampled_from(
        ["2025", "3", "12", "31", " ", "-", " de ", " del ", "del", "desde el ", " al ",
         " y ", " a ", "entre los días ", "marzo", "Marzo", "MARZO", "mayo", "dic.", "du ",
         " au ", "mars", "février", "FÉVRIER", "de", "março", "setembro", " e ", "dos",
         "ſeptiembre", "ıunio", "İ", "vom ", "4.", " bis ", "Oktober", "dal ", " ottobre",
         "tanggal ", "Juli", "x", "\n", "º", "er"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)  # a first call compiles patterns: no deadline
@given(_SPOKEN_TEXTS, st.sampled_from(["es", "fr", "pt", "it", "de", "id", "vi"]))
def test_spoken_dates_tried_at_their_starts_are_those_found_everywhere(
    text: str, language: str
) -> None:
    """The patterns of other languages tried only where their matches may begin (a
    digit, an opener's first word, a full month name) find what a scan of every
    character finds."""
    fast = datepatterns.find_date_mentions(text, language=language)
    starts = datepatterns._spoken_starts
    try:
        datepatterns._spoken_starts = lambda text, spoken: {}
        everywhere = datepatterns.find_date_mentions(text, language=language)
    finally:
        datepatterns._spoken_starts = starts
    assert fast == everywhere


def test_other_cases_cover_the_month_names_letters() -> None:
    """Every character that IGNORECASE matches with a letter of a month name, other
    than what lower() makes of it, makes the month names searched everywhere."""
    from re import _casefix  # type: ignore[attr-defined]

    from treatytui.facts import datelanguages

    letters = {c for spec in datelanguages.LANGUAGES.values() for m in spec.months
               for name in m for c in name.lower()}  # fmt: skip
    for letter in letters:
        for other in _casefix._EXTRA_CASES.get(ord(letter), ()):
            if chr(other).lower() != letter:
                assert chr(other) in datepatterns._OTHER_CASES, (letter, chr(other))


@settings(max_examples=400, deadline=None)
@given(_SPOKEN_TEXTS, st.sampled_from(["en", "es", "fr", "pt", "it", "de", "id", "vi"]))
def test_date_offsets_mark_the_sentences_the_triggers_mark(text: str, language: str) -> None:
    """The month stems found by plain searches of the lower-cased text mark the same
    sentences as a case-blind scan of the trigger pattern."""
    from treatytui.corpus.article import Article
    from treatytui.facts.sentences import SentenceIndex

    sentences = SentenceIndex(Article(id="t", path="t", text=text))
    expected = sentences.runs_containing(datepatterns.date_triggers(language))
    assert sentences.runs_at(datepatterns.date_offsets(text, language)) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        # a lone surrogate (as surrogateescape reads undecodable bytes) among the letters
        st.sampled_from(
            [*"países, (ONU) l'accord sub-regional g20 ²½ “x” _é\n«»—·°ºİſ", chr(0xDCFF)]
        ),
        max_size=40,
    ).map("".join)
)
def test_letter_runs_are_those_of_the_plain_pattern(text: str) -> None:
    lowered = text.lower()
    assert words.letter_runs(text) == set(re.findall(r"[^\W\d_]+", lowered))
    assert words.ascii_runs(text) == set(re.findall("[a-z]+", lowered))


def _plain_is_abbreviation(text: str, dot: int) -> bool:
    """``sentences._is_abbreviation`` reading the word before the stop letter by letter."""
    from treatytui.facts import sentences

    if dot and text[dot - 1].isdigit() and not text[max(0, dot - 3) : dot].isdigit():
        return sentences._GERMAN_MONTH_AFTER.match(text, dot + 1) is not None
    word_start = dot
    limit = max(0, dot - sentences._LONGEST_ABBREVIATION - 1)
    while word_start > limit and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if not word:
        return False
    return word in sentences._ABBREVIATIONS or (len(word) == 1 and text[word_start].isupper())


_STOP_TEXTS = st.lists(
    st.sampled_from(
        ["Mr", "approx", "approxi", "Sept", "U.S", "e.g", "a", "B", "4", "12", "2025", "Dr",
         "treaty", "thurs", "thursd", "é", "ǅ", "İ", " İ", "ß", ".", " ", "  ", "Dez", "Dezember",
         "\n", "(", "x-"]
    ),
    max_size=10,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_STOP_TEXTS)
def test_abbreviations_are_those_read_letter_by_letter(text: str) -> None:
    """A word longer than any abbreviation is told at once: the same answer as reading it."""
    from treatytui.facts import sentences

    for dot in [i for i, c in enumerate(text) if c == "."]:
        assert sentences._is_abbreviation(text, dot) == _plain_is_abbreviation(text, dot)


_SPLIT_TEXTS = st.lists(
    st.sampled_from(["Talks end.", " ", "  ", "\n", "Mr. Lee", "5 May", "x", "“Yes!”", "\t"]),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_SPLIT_TEXTS, st.data())
def test_sentence_text_of_a_span_in_one_sentence_is_the_sentence(text: str, data) -> None:
    """The one-sentence shortcut of ``sentence_text`` gives what the general form gives."""
    from treatytui.corpus.article import Article
    from treatytui.facts.sentences import SentenceIndex

    index = SentenceIndex(Article(id="t", path="t", text=text))
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    first = index.at(start)
    last = index.at(end - 1)
    begin = min(start, first.start) if first else start
    finish = max(end, last.end) if last else end
    assert index.sentence_text(start, end) == text[begin:finish]


_COUNT_TEXTS = st.lists(
    st.sampled_from(
        ["More than", " 26", " 101-45", " countries", " member states", " sent", ". ", ".\n",
         " Delegates", " twelve", " states", " of the", " vote", " 2024", " to", " 30", "\n",
         " delegations", " from", " Ministers", " around", " some", "-"]
    ),
    max_size=16,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_COUNT_TEXTS)
def test_counts_skip_only_candidates_whose_pattern_cannot_match(text: str) -> None:
    """A candidate whose first unit word lies past its sentence is skipped: trying the
    pattern there, held to the sentence, finds nothing either."""
    from treatytui.corpus.article import Article
    from treatytui.facts.sentences import SentenceIndex

    sentences = SentenceIndex(Article(id="t", path="t", text=text))
    fast = [(start, match.span()) for start, match in counts._matches(text, sentences, [0])]
    pattern = counts._count_regex(True)
    plain = []
    for i, _unit in counts._candidates(text, "en"):
        sentence = sentences.at(i)
        if sentence is not None:
            match = pattern.match(text, i, sentence.end)
            if match is not None:
                plain.append(match.span())
    assert [span for _, span in fast] == plain


_TITLE_WORDS = ["minister", "chair", "chairperson", "head", "envoy", "member", "vice",
                "the", "said", "xchair", "spokesperson", "Minister", "x-chair", ""]  # fmt: skip
_TITLE_TEXTS = st.lists(
    st.tuples(
        st.sampled_from(_TITLE_WORDS),
        st.sampled_from([" ", "\xa0", ", ", "  ", ",", ""]),
        st.sampled_from(["Ann", "Élodie", "ann", "X", ""]),
    ).map("".join),
    max_size=5,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_TITLE_TEXTS)
def test_lower_case_titles_are_found_where_the_plain_look_behinds_find_them(text: str) -> None:
    """The look-behinds grouped by the title's last letter mark the capitals that one
    look-behind per title marks."""
    from treatytui.facts import gazetteer

    heads = people_names.words("lowercase_heads")
    behind = "|".join(rf"(?<=\b{re.escape(w)}[ \xa0].)" for w in heads)
    behind_comma = "|".join(rf"(?<=\b{re.escape(w)}, .)" for w in heads)
    plain = re.compile(
        rf"[{gazetteer.UPPER}](?:(?<=[a-z][ \xa0].)(?:{behind})|(?<=[a-z], .)(?:{behind_comma}))"
    )
    _, lowercase = people_names.title_trigger()
    assert [m.span() for m in lowercase.finditer(text)] == [m.span() for m in plain.finditer(text)]


_HINTS_BEFORE = [
    "",
    "el pasado ",
    "el próximo ",
    "para el ",
    "pour le ",
    "o passado ",
    "no próximo ",
    "am kommenden ",
    "am letzten ",
    "per il ",
    "x ",
    "\n",
]
_HINT_DATES = [
    "12 de abril",
    "3 de maio",
    "5. Mai",
    "12 avril",
    "1 giugno",
    "4 Juli",
    "abril",
    "2025",
    "",
]
_HINTS_AFTER = [
    "",
    " próximo",
    " pasado",
    " prochain",
    " dernier",
    " de este año",
    ", del año pasado",
    " del próximo año",
    " do ano passado",
    " desse ano",
    " de l'année dernière",
    " dieses Jahres",
    " lalu",
    " depan",
    " scorso",
    ",",
]
_HINT_TEXTS = st.lists(
    st.tuples(
        st.sampled_from(_HINTS_BEFORE), st.sampled_from(_HINT_DATES), st.sampled_from(_HINTS_AFTER)
    ).map("".join),
    max_size=4,
).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(_HINT_TEXTS, st.sampled_from(["es", "fr", "pt", "it", "de", "id", "vi"]))
def test_hints_tried_after_one_search_of_them_all_are_those_tried_one_by_one(
    text: str, language: str
) -> None:
    """A language's hints before and after a date (and the year hints) are read one by one
    only when one search of them all finds something: the same mentions as without it."""
    from dataclasses import replace

    from treatytui.facts import datelanguages

    gated = datepatterns.find_date_mentions(text, language=language)
    spoken = datelanguages.patterns(language)
    always = re.compile("")  # matches everywhere: every hint is read one by one
    ungated = replace(spoken, any_before=always, any_after=always, any_year_after=always)
    plain = datepatterns.datelanguages.patterns
    try:
        datepatterns.datelanguages.patterns = lambda code: (
            ungated if code == language else plain(code)
        )
        assert datepatterns.find_date_mentions(text, language=language) == gated
    finally:
        datepatterns.datelanguages.patterns = plain


def _append(found: list, text: str, start: int, end: int) -> None:
    """Add ``text[start:end]`` without its surrounding white space, unless it is empty."""
    from treatytui.facts.sentences import Sentence

    span = text[start:end]
    stripped = span.strip()
    if stripped:
        start += span.index(stripped[0])
        found.append(Sentence(start, start + len(stripped), stripped))


def _plain_split(text: str, start: int, end: int) -> list:
    """``split_sentences`` trying the boundary pattern at the first mark of each run and
    reading every word before a stop."""
    from bisect import bisect_left

    from treatytui.facts import sentences

    found: list = []
    marks = [
        i
        for i in positions(text, sentences._MARKS, start, end)
        if i == start or text[i - 1] not in sentences._MARKS
    ]
    for line in sentences._LINE.finditer(text, start, end):
        line_start, line_end = line.span()
        cursor = line_start
        first, last = bisect_left(marks, line_start), bisect_left(marks, line_end)
        for match in matches_at(sentences._BOUNDARY, text, marks[first:last], line_end):
            if text[match.start()] == "." and _plain_is_abbreviation(text, match.start()):
                continue
            _append(found, text, cursor, match.end())
            cursor = match.end()
        _append(found, text, cursor, line_end)
    return found


_MARK_TEXTS = st.lists(
    st.sampled_from(["Talks", " end", ".", "!", "?", "…", " ", "\n", "”", ")", "Mr", "5",
                     "“A", "(B", " Él", "a", "U.S", "\t"]),
    max_size=20,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_MARK_TEXTS, st.data())
def test_sentences_are_those_split_at_the_marks_found_one_by_one(text: str, data) -> None:
    """Boundaries found by one scan from the first mark of each run are those tried at
    every such mark, for the whole text and for any part of it."""
    from treatytui.facts.sentences import split_sentences

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert split_sentences(text) == _plain_split(text, 0, len(text))
    assert split_sentences(text, start, end) == _plain_split(text, start, end)


def test_a_run_of_marks_cut_by_the_start_counts_from_the_start() -> None:
    from treatytui.facts.sentences import split_sentences

    text = "Wait.. Then!? Go"
    for start in range(len(text)):
        assert split_sentences(text, start) == _plain_split(text, start, len(text)), start
    assert [s.text for s in split_sentences(text, 5)] == [".", "Then!?", "Go"]
