"""The language an article is written in, told by counting its most common words.

Treaty news comes in every UN language; the extractors need to know which month names,
connectives and tenses to read. A stop-word count over the first few thousand characters
tells the languages the extractors know apart in well under a millisecond, with no
dependency and nothing to load: function words ("the", "los", "des", "dos"...) are the
most frequent words of any text and differ between these languages. Library detectors
(langdetect, fastText, lingua) weigh megabytes of models and take longer to load than
treatytui takes to start, to answer a question with ten possible answers.

``detect_language`` gives one of ``LANGUAGES``; ``contract_language`` maps it to what a
fact's ``lang`` says (``en``, ``es``, ``fr``, ``pt`` or ``other``).
"""

from __future__ import annotations

from itertools import repeat

LANGUAGES = ("en", "es", "fr", "pt", "it", "de", "id", "vi", "other")
"""What ``detect_language`` answers: ISO 639-1 codes, or ``other``."""
CONTRACT_LANGUAGES = frozenset({"en", "es", "fr", "pt"})
"""The languages a fact's ``lang`` names; any other is ``other``."""

# Frequent words of each language. A word common to several ("de", "la", "que", "en")
# counts for each of them: it tells those languages from the others, and a short text
# of a few words still has enough of them to be read.
_STOP_WORDS = {
    "en": "the of and to is that for with was were by from it are be has have will this "
    "which said its at an who their been would not they but had after",
    "es": "el los las del y con una por su sus al lo como más pero fue sobre este esta "
    "según también dijo ya muy hasta desde donde cuando sin han fueron ser tras sido "
    "años está están otros sólo solo la de en que se a un para entre",
    "fr": "le les des du et une est qui dans pour sur au aux avec pas par ce cette il elle "
    "sont été ont selon mais ses leur ou plus nous être fait même après très aussi "
    "entre deux la de en que se a un à",
    "pt": "o os do da dos das em no na nos nas e com uma um não ao pelo pela foi são seu "
    "sua também mais segundo disse ainda é à às já quando pelos pelas seus suas até "
    "após está estão entre de que se a para",
    "it": "il della che è per nel dei delle alla degli gli anche più sono sul dal dalla "
    "questo questa stato essere tra ha ai nella nelle di e con del ed come la a al si i da "
    "un una",
    "de": "der die das und ist nicht mit von den dem des ein eine auf für im sich auch "
    "wird zu am werden bei nach hat wurde sind einen einer zum zur über vom wie als "
    "oder aber noch nur sie statt",
    "id": "yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan oleh para "
    "juga telah kata bahwa sebagai mereka atau sudah saat negara",
    "vi": "của và các những được trong là cho với có không này người tại ngày năm tháng "
    "đã sẽ một đến về từ khi cũng",
}


def _languages_of_words() -> dict[str, tuple[str, ...]]:
    """Each stop word with the languages it belongs to."""
    found: dict[str, tuple[str, ...]] = {}
    for language, words in _STOP_WORDS.items():
        for word in words.split():
            found[word] = (*found.get(word, ()), language)
    return found


_LANGUAGES_OF = _languages_of_words()
# One letter for each language, and each stop word's letters.
_LETTER = {language: chr(ord("a") + i) for i, language in enumerate(_STOP_WORDS)}
_LETTERS_OF = {word: "".join(map(_LETTER.get, langs)) for word, langs in _LANGUAGES_OF.items()}
_PUNCTUATION = ".,;:!?()[]\"'«»“”‘’—–-"

SAMPLE_CHARS = 1500
"""How much of the text is read: the opening paragraphs are enough."""
MIN_HITS = 3
"""Fewer stop words than this in the sample: the language is ``other``."""
_ENGLISH_MARKS = (" the ", " of the ", " and ", " The ")
_ENGLISH_AT_ONCE = 6
"""So many of ``_ENGLISH_MARKS`` in the sample: English, without counting every word."""


def detect_language(text: str) -> str:
    """The language of ``text``: one of ``LANGUAGES`` (``other`` when unsure).

    Most of the collection is English: a few plain string counts settle it (a few
    microseconds) before any word is looked up (about a tenth of a millisecond).
    """
    marks = 0
    for mark in _ENGLISH_MARKS:  # " the " alone most often settles it
        marks += text.count(mark, 0, SAMPLE_CHARS)
        if marks >= _ENGLISH_AT_ONCE:
            return "en"
    # Every word stripped of its punctuation and turned into the letters of its languages
    # ("" for any other word), all in C loops: a language's score is how often its letter
    # occurs in the whole.
    words = text[:SAMPLE_CHARS].lower().split()
    bare = map(str.strip, words, repeat(_PUNCTUATION))
    letters = "".join(map(_LETTERS_OF.get, bare, repeat("")))
    scores = {language: letters.count(letter) for language, letter in _LETTER.items()}
    first, second = sorted(scores.values(), reverse=True)[:2]
    if first < MIN_HITS or first == second:
        return "other"
    return max(scores, key=scores.__getitem__)


def contract_language(language: str) -> str:
    """The ``lang`` a fact carries for a detected ``language``."""
    return language if language in CONTRACT_LANGUAGES else "other"
