"""The fast paths of date extraction give what the general paths give.

Each test runs a shortcut (scans of the whole text shared between steps, needs read from
those scans, opener heads filtered, month names found among their stems, clause breaks
as tries) and the plain way it replaces, on sentences with and without digits or month
words, accents, capitals, in the languages the dates are read in.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from treatytui.facts import datelanguages, datepatterns, tenses
from treatytui.facts.sentences import find_all

_LANGUAGES = ["en", "es", "fr", "pt", "it", "de", "id", "vi"]

_PIECES = st.sampled_from(
    ["2025", "3", "12", "31", " ", "-", "/", ".", " de ", " del ", "del", "de", " al ",
     " y ", " e ", " et ", " au ", "du ", "entre los días ", "desde el ", "entre os dias ",
     "March", "MARCH", "Mar.", "Sept.", "JANOV", "JUNOV", "Nov", "May", " to ", " and ",
     "marzo", "Marzo", "MARZO", "setiembre", "Setiembre", "março", "MARÇO", "marco",
     "février", "FÉVRIER", "fevrier", "décembre", "decembre", "août", "Dezember", "Jänner",
     "März", "4.", " bis ", "vom ", "ottobre", "dal ", "tanggal ", "Agustus", "tháng ",
     "ngày ", "cidade ", "desde", "x", "\n", "º", "er", "14/3", "03Nov2025", "2025-03-04",
     "ſeptiembre", "İ", "ıunio", "enero", "Enero", "ENE", "dic.", "jueves"]
)  # fmt: skip
_TEXTS = st.lists(_PIECES, max_size=16).map("".join)


def _plain_held_mask(text: str, run: tuple[int, int]) -> int:
    """The needs of a run, each looked for by a search of the run (the general path)."""
    mask = 0
    for need, bit in datepatterns._NEED_BITS.items():
        first = datepatterns._NEED_FIRST.get(need)
        if first is not None and not mask & datepatterns._NEED_BITS[first]:
            continue
        if datepatterns._holds(text, run, need):
            mask |= bit
    return mask


def _runs(text: str) -> list[tuple[int, int]]:
    from treatytui.corpus.article import Article
    from treatytui.facts.sentences import SentenceIndex

    sentences = SentenceIndex(Article(id="t", path="t", text=text))
    every = [(s.start, s.end) for s in sentences]
    return [(0, len(text)), *every, *sentences.runs_at(range(len(text)))]


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_needs_read_from_the_scan_are_those_a_search_of_each_run_finds(text: str) -> None:
    runs = _runs(text)
    # runs cut anywhere, too: a run that does not begin after white space is searched
    runs += [(i, len(text)) for i in range(0, len(text), 3)]
    masks = datepatterns._held_masks(text, runs, datepatterns._Scan(text))
    assert masks == [_plain_held_mask(text, run) for run in runs]


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.sampled_from(_LANGUAGES[1:]))
def test_words_found_among_their_stems_are_those_a_plain_search_finds(
    text: str, language: str
) -> None:
    spoken = datelanguages.patterns(language)
    assert spoken is not None
    words = datepatterns._month_words(spoken)
    scan = datepatterns._Scan(text)
    found = datepatterns._word_starts(scan, words)
    lowered = text.lower()
    assert found == {word: find_all(lowered, word) for word in words}
    assert datepatterns._word_starts(scan, words) is found  # once a text


def _plain_spoken_starts(text: str, spoken: datelanguages.LanguagePatterns) -> dict:
    """``_spoken_starts`` as it was: every opener head, every full name searched."""
    starts: dict[str, list[int]] = {}
    if spoken.opener_heads is not None:
        led = [
            i
            for i in datepatterns.positions(text, datepatterns._DIGITS)
            if i == 0 or not "0" <= text[i - 1] <= "9"
        ]
        for head in spoken.opener_heads:
            led += find_all(text, head)
        starts |= dict.fromkeys(datepatterns._RANGE_PATTERNS, sorted(led))
    if spoken.full_names is not None:
        lowered = text.lower()
        if len(lowered) == len(text) and not any(c in text for c in datepatterns._OTHER_CASES):
            names = sorted({i for name in spoken.full_names for i in find_all(lowered, name)})
            starts |= dict.fromkeys(datepatterns._NAME_PATTERNS, names)
    return starts


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.sampled_from(_LANGUAGES))
def test_spoken_dates_from_filtered_starts_are_those_from_every_start(
    text: str, language: str
) -> None:
    """Opener heads kept only where an opener and a day follow, and month names found
    among their stems: the same mentions as from every head and a search of each name."""
    fast = datepatterns.find_date_mentions(text, language=language)
    starts = datepatterns._spoken_starts
    try:
        datepatterns._spoken_starts = _plain_spoken_starts
        plain = datepatterns.find_date_mentions(text, language=language)
    finally:
        datepatterns._spoken_starts = starts
    assert fast == plain


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(_LANGUAGES))
def test_offsets_from_the_shared_scan_are_those_of_a_fresh_one(text: str, language: str) -> None:
    """The scan kept for the text last scanned gives the offsets a fresh scan gives, and
    a new text (even an equal one) is scanned afresh."""
    copy = "".join(list(text))
    first = datepatterns.date_offsets(text, language)
    datepatterns.date_offsets(copy + "x", language)  # another text fills the slot
    assert sorted(datepatterns.date_offsets(text, language)) == sorted(first)
    mentions = datepatterns.find_date_mentions(text, None, language)
    datepatterns._last_scan = None
    assert datepatterns.find_date_mentions(text, None, language) == mentions


_OLD_CLAUSE_BREAK = re.compile(
    r"\b(?:that|which|who|whose|where|when|que|qui|qu['’]|cual|cuales|quien|quienes|donde|"
    r"cuando|qual|quais|quem|onde|quando|où|lorsque|quand|che|cui|dove|yang)\b|;|"
    r",\s+(?:and|but|while|whereas|as|y|pero|mientras|e|mas|enquanto|et|mais|alors|ma)\b"
)
_CLAUSE_PIECES = st.sampled_from(
    [*tenses._CLAUSE_WORDS, *tenses._CLAUSE_JOINS, "x", "q", "qu", "'", "’", ",", " ", ";",
     ", ", "a", "ey", "1", "_", "é", "Que", "WHICH", "s"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_CLAUSE_PIECES, max_size=12).map("".join))
def test_clause_breaks_as_tries_are_those_of_the_word_list(text: str) -> None:
    new = re.compile(tenses._CLAUSE_BREAK)
    assert [m.span() for m in new.finditer(text)] == [
        m.span() for m in _OLD_CLAUSE_BREAK.finditer(text)
    ]
    folded = re.compile(tenses._CLAUSE_BREAK, re.IGNORECASE)
    old_folded = re.compile(_OLD_CLAUSE_BREAK.pattern, re.IGNORECASE)
    assert [m.span() for m in folded.finditer(text)] == [
        m.span() for m in old_folded.finditer(text)
    ]


_TENSE_SENTENCES = [
    "The ministers met on Thursday to prepare the summit on July 7-8.",
    "Los ministros se reunieron para preparar la cumbre del 15 de octubre.",
    "Les ministres se sont réunis avant la conférence du 3 mai.",
    "Os ministros reuniram-se antes da cúpula de 4 de junho, que vai até 6 de junho.",
    "The talks, which failed in February, and negotiators resume on September 8.",
    "İstanbul will host the meeting on 4 May, which was planned in March.",
]


def test_later_words_read_when_asked_are_those_read_at_once() -> None:
    for sentence in _TENSE_SENTENCES:
        for language in ("en", "es", "fr", "pt", "it", "de", "xx"):
            read = tenses.Tenses.of(sentence, language)
            lowered = sentence.lower()
            flags = 0 if len(lowered) == len(sentence) else re.IGNORECASE
            later = tenses._later_pattern(language, flags)
            target = lowered if flags == 0 else sentence
            expected = [m.start() for m in later.finditer(target)] if later else []
            assert read.later == expected
            for offset in range(len(sentence) + 1):
                assert read.at(offset) == tenses.Tenses.of(sentence, language).at(offset)


def _windows(text: str, cut: int) -> list[tuple[int, int]]:
    """The sentence runs of ``text``, or windows cut every ``cut`` characters."""
    if not cut:
        from treatytui.corpus.article import Article
        from treatytui.facts.sentences import SentenceIndex

        sentences = SentenceIndex(Article(id="t", path="t", text=text))
        return sentences.runs_at(datepatterns.date_offsets(text, "en"))
    return [(i, min(len(text), i + cut)) for i in range(0, len(text), cut)]


@settings(max_examples=500, deadline=None)
@given(_TEXTS, st.integers(0, 9), st.sampled_from(["en", "es", "pt"]))
def test_month_led_patterns_tried_at_month_stems_find_what_a_scan_finds(
    text: str, cut: int, language: str
) -> None:
    """The English patterns that begin with a month, tried only where a month stem
    begins (those that overlap, "JANOV", too), and the needs read from the scan: the
    same mentions as every pattern scanning every window."""
    windows = _windows(text, cut)
    fast = datepatterns.find_date_mentions(text, windows, language)
    led, masks = datepatterns._TRIED_AT_MONTHS, datepatterns._NEED_MASKS
    try:
        datepatterns._TRIED_AT_MONTHS = frozenset()
        datepatterns._NEED_MASKS = dict.fromkeys(masks, 0)
        plain = datepatterns.find_date_mentions(text, windows, language)
    finally:
        datepatterns._TRIED_AT_MONTHS, datepatterns._NEED_MASKS = led, masks
    assert fast == plain


def test_month_starts_hold_every_place_a_stem_begins() -> None:
    text = "JANOV 3, JUNOV, Mar.Apr JanJan DECEMBER dec Nov"
    scan = datepatterns._Scan(text)
    expected = [i for i in range(len(text)) if datepatterns._MONTH_TRIGGER.match(text, i)]
    assert datepatterns._all_month_starts(text, scan) == expected
    assert 2 in expected  # the "NOV" of "JANOV", which a scan of matches skips


def test_a_range_of_days_is_asked_for_only_with_a_month() -> None:
    """``day_range`` is looked for only in runs with a month: every pattern that needs it
    begins with a month or needs a need that needs one."""
    for name, needs in datepatterns._NEEDS.items():
        if "day_range" in needs:
            month_gated = any(
                datepatterns._NEED_FIRST.get(n) == "month" for n in needs if n != "day_range"
            )
            assert name in datepatterns._TRIED_AT_MONTHS or month_gated, name


@settings(max_examples=200, deadline=None)
@given(st.integers(1700, 2200), st.integers(0, 14), st.one_of(st.none(), st.integers(-1, 33)))
def test_cached_validity_and_intervals_are_those_computed(year: int, month: int, day) -> None:
    from datetime import date

    from treatytui.facts import dates

    try:
        date(year, month, day or 1)
        real = True
    except ValueError:
        real = False
    assert datepatterns.is_valid(year, month, day) is real
    if real and day != 0:  # (is_valid reads a day 0 as no day)
        import calendar

        last_day = day or calendar.monthrange(year, month)[1]
        assert dates._interval(year, month, day) == (
            date(year, month, day or 1),
            date(year, month, last_day),
        )


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_numeric_starts_are_every_place_the_trigger_matches(text: str) -> None:
    trigger = datepatterns._NUMERIC_TRIGGER
    expected = [i for i in range(len(text)) if trigger.match(text, i)]
    assert datepatterns._numeric_starts(text) == expected
    assert datepatterns._numeric_starts("1/2/3 4.5-6") == [0, 2, 6, 8]


def test_lowered_patterns_keep_their_escapes() -> None:
    lowered = datelanguages.lowered_pattern(r"\bAnfang\s+\S+[^\W\d_]Ende\b")
    assert lowered == r"\banfang\s+\S+[^\W\d_]ende\b"


def test_other_cases_cover_the_letters_of_the_case_blind_contexts() -> None:
    """Every character that a case-blind month context or "between" matches with one
    of its letters, other than what lower() makes of it, makes them read case-blind."""
    from re import _casefix  # type: ignore[attr-defined]

    letters = {
        c
        for spec in datelanguages.LANGUAGES.values()
        for c in (spec.month_context + spec.between).lower()
        if c.isalpha()
    }
    for letter in letters:
        for other in _casefix._EXTRA_CASES.get(ord(letter), ()):
            if chr(other).lower() != letter:
                assert chr(other) in datepatterns._OTHER_CASES, (letter, chr(other))


_CONTEXT_PIECES = st.sampled_from(
    ["en ", "En ", "EN ", "a finales de ", "A FINALES DE ", "mi-", "MI-", "em ", "No início de ",
     "Anfang ", "ANFANG ", "im ", "pada bulan ", "entre ", "ENTRE ", "Entre los días ", "tra ",
     "zwischen ", "antara tanggal ", "ſ", "ı", "İ", "K", "x", " ", "\n", "3", "marzo",
     "Marzo", "mars", "março", "März", "Maret", "ottobre", "12 ", " y ", " e ", " et ",
     " und ", " dan ", "14", "de ", "del "]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_CONTEXT_PIECES, max_size=10).map("".join), st.sampled_from(_LANGUAGES[1:]))
def test_contexts_read_on_the_lowered_text_are_those_read_case_blind(
    text: str, language: str
) -> None:
    """Month contexts ("a finales de") and "between" read in lower case on the lower-cased
    text: the same mentions as read case-blind on the text."""
    from dataclasses import replace

    fast = datepatterns.find_date_mentions(text, language=language)
    spoken = datelanguages.patterns(language)
    assert spoken is not None
    blind = replace(
        spoken, month_context_lowered=spoken.month_context, between_lowered=spoken.between
    )
    plain, scan_type = datelanguages.patterns, datepatterns._Scan
    try:
        datepatterns.datelanguages.patterns = lambda code: (
            blind if code == language else plain(code)
        )
        datepatterns._last_scan = None
        unfolded = datepatterns.find_date_mentions(text, language=language)
    finally:
        datepatterns.datelanguages.patterns = plain
        datepatterns._last_scan = None
    # with the case-blind patterns on the lower-cased text, the same too
    assert fast == unfolded
    for start in range(len(text) + 1):
        window = (max(0, start - 32), start)
        scan = scan_type(text)
        if scan.foldable:
            assert bool(spoken.month_context_lowered.search(scan.lowered, *window)) == bool(
                spoken.month_context.search(text, *window)
            )
            assert bool(spoken.between_lowered.search(scan.lowered, *window)) == bool(
                spoken.between.search(text, *window)
            )


_WEEKDAY_PIECES = st.sampled_from(
    ["Monday", "Tue.", "Tues", "Wednesday", "Thurs", "Fri", "Saturday's", "Sun", "(", ",",
     " ", "on", "MON", "monday", "Mo", "T", "x", "Nov. 4", "14", "\n", "é"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_WEEKDAY_PIECES, max_size=8).map("".join))
def test_a_weekday_gated_by_its_initials_is_the_one_the_pattern_finds(text: str) -> None:
    pattern = datepatterns._WEEKDAY_BEFORE
    for start in range(len(text) + 1):
        match = pattern.search(text, max(0, start - 16), start)
        expected = None
        if match is not None:
            prefix = match.group(1)[:3]
            expected = next(i for i, n in enumerate(datepatterns.WEEKDAYS) if n.startswith(prefix))
        assert datepatterns._weekday_before(text, start) == expected


def _plain_at(read: tenses.Tenses, offset: int) -> int:
    """``Tenses.at`` as it was: every marker before the date with its way, then the least."""
    kinds = ((1, 0, read.future), (-1, 1, read.past), (tenses.WEAK_PAST, 2, read.weak))
    clause = max((b for b in read.breaks if b < offset), default=-1)
    before = [
        (offset - end, rank, read._auxiliary(start) if way == tenses.WEAK_PAST else way)
        for way, rank, spans in kinds
        for start, end in spans
        if clause < start and end <= offset
    ]
    if before:
        distance, _rank, way = min(before)
        marker = next(
            start
            for _way, rank, spans in kinds
            for start, end in spans
            if (offset - end, rank) == (distance, _rank)
        )
        if way < 0 and any(s <= marker < e <= offset for s, e in read.intended):
            return tenses.INTENDED
        if way < 0 and any(offset - distance <= at < offset for at in read.later):
            return 0
        return way
    clause_end = min((b for b in read.breaks if b > offset), default=len(read._sentence))
    for kind in (kinds[:2], kinds[2:]):
        own = [
            (start - offset, rank, read._auxiliary(start) if way == tenses.WEAK_PAST else way)
            for way, rank, spans in kind
            for start, _ in spans
            if offset <= start < clause_end
        ]
        if own:
            return min(own)[2]
    after = [
        (start - offset, rank, way)
        for way, rank, spans in kinds[:2]
        for start, _ in spans
        if start >= offset
    ]
    if after:
        return min(after)[2]
    return tenses.WEAK_PAST if any(start > clause for start, _ in read.weak) else 0


_TENSE_PIECES = st.sampled_from(
    ["will", "was", "were", "was only", "approved", "be signed", "held", "ran", "met",
     "to prepare", "before", "which", ", and", ";", "se celebrará", "se celebró", "ha firmado",
     "fue", "para preparar", "que", "vai sediar", "aconteceu", "foi", "assinou", "se tiendra",
     "s'est tenue", "a signé", "avant", "sera", "prossimo", "è stato", "wird", "hat", "akan",
     "telah", "sẽ", "đã", "on", "the summit", "3 May", " ", "  ", "x", "İ", "agreed to hold",
     "acordaron celebrar", "ont décidé de tenir", "decidiram realizar", "voted"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_TENSE_PIECES, max_size=10).map(" ".join),
    st.sampled_from(["en", "es", "fr", "pt", "it", "de", "id", "vi", "xx"]),
)
def test_the_nearest_marker_found_once_is_the_least_of_all(sentence: str, language: str) -> None:
    read = tenses.Tenses.of(sentence, language)
    for offset in range(len(sentence) + 1):
        assert read.at(offset) == _plain_at(read, offset)
