"""The faster searches of the name extractors find what the patterns they stand for find.

Each shortcut (WordStarts, WordStartPattern, FormIndex without its pattern, the cheap tests
before the searches back from a verb or a comma) is compared with the plain pattern scan
on sentences written for the purpose, and on texts made at random from fragments.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatytui.facts import gazetteer, organizations, people, people_names, people_titles, venues
from treatytui.facts.sentences import matches_at

SENTENCES = [
    "The summit was held in Geneva on Tuesday.",
    "(In Nairobi, the talks went on.)\nIn Kampala they ended.",
    "“At the Palais des Nations, delegates met,” she said.",
    "Talks—in Hanoi—were long; at\u00a0Vienna they were short.",
    "in Lusaka the ministers signed. At last,at Bonn.",
    "La cumbre se celebró en Ciudad de México y en l'Élysée.",
    "Le sommet s'est tenu à Genève, au Centre international de conférences de Genève.",
    "A reunião foi realizada em Brasília, no Palácio do Itamaraty.",
    "Ana Ruiz, ministra de Relaciones Exteriores de Colombia, dijo que llegó el presidente Díaz.",
    "La ministre française Claire Dubois et le vice-président Jean Martin ont parlé.",
    "O primeiro-ministro António Costa e a secretária-geral Maria Silva falaram.",
    "Un diplomático dijo que la ONU y un delegado de la UNESCO hablaron.",
    "The United Nations Office on Drugs and Crime (UNODC) and the U.N. met; UNODC said so.",
    "Asian-African Legal Consultative Organization (AALCO) and AALCO’s chief spoke.",
    "Ghada Waly said the talks were useful, according to Ana Pereira of the Netherlands.",
    "Jonas de Vries of the Bank of Spain said, and analyst Jonah Pike told reporters.",
    "The co-chairs of the contact group, Harald Aas and Nabeel Qureshi, agreed.",
    "South Africa's Cyril Ramaphosa and the presidents of Chile, Gabriel Boric, spoke.",
    "Officials emphasised and emphasized it; lawyers said no. Minister Kofi Mensah noted it.",
    "the committee's chairperson, Ann Lee, and spokesperson Tom Ode, said",
    "",
    "x",
    "In",
]

# Pieces of the kinds of text the shortcuts meet, joined at random.
FRAGMENTS = [
    "in", "In", "at", "At", "à", "À", "en", "En", "em", "no", "na", "a", "o", "au", " ", " ",
    "\n", "\t", "\u00a0", "“", "”", "(", ")", "—", "-", "'", "’", ",", ".", "l'", "the", "The",
    "Geneva", "Genève", "Élysée", "U.S.", "U.N.", "UN", "UNODC", "(UNODC)", "United Nations",
    "Palais des Nations", "the Palais des Nations", "Centro", "ministro", "Ministra", "presidente",
    "primer ministro", "vice-président", "said", "noted", "according to", "Ana Ruiz", "of",
    "from", "the Netherlands", "analyst", "co-chair", "chairs", "co-chairs", "and", "y",
    "et", "e", "x", "é", "5", "_", "city of", "travelled to", "set for", "On the shores of",
]  # fmt: skip
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)


def _spans(matches):
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("index", range(3))
def test_word_start_pattern_finds_what_its_pattern_finds(index: int) -> None:
    plain = (venues._LOCATIVE, venues._LOCATIVE_ROMANCE, venues._LOCATIVE_ITALIAN)[index]
    scan = venues._locative_scans()[index]
    for text in SENTENCES:
        assert _spans(scan.finditer(text)) == _spans(plain.finditer(text)), text


def test_locatives_after_signs_and_at_the_start_are_found() -> None:
    text = "In Geneva.\n(at Vienna) “In Bonn” —at Rome, in\u00a0Paris"
    found = [m["run"] for m in venues._locative_scans()[0].finditer(text)]
    assert found == ["Geneva", "Vienna", "Bonn", "Rome", "Paris"]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_shortcuts_agree_with_their_patterns_on_random_texts(text: str) -> None:
    for plain, scan in zip(
        (venues._LOCATIVE, venues._LOCATIVE_ROMANCE), venues._locative_scans(), strict=False
    ):
        assert _spans(scan.finditer(text)) == _spans(plain.finditer(text))
    assert _spans(venues._known_venue_matches(text)) == _spans(
        venues._known_venues().finditer(text)
    )
    heads = people_titles._head_pattern()
    assert _spans(matches_at(heads, text, people_titles._head_starts().starts(text))) == (
        _spans(heads.finditer(text))
    )
    before_verbs, after_verbs = people._saying(text)
    assert _spans(matches_at(people._SAY_AFTER_NAME, text, before_verbs)) == _spans(
        people._SAY_AFTER_NAME.finditer(text)
    )
    assert _spans(matches_at(people._SAYS_NAME, text, after_verbs)) == _spans(
        people._SAYS_NAME.finditer(text)
    )
    lowercase = people_names.title_trigger()[1]
    assert [i for i in people_names._after_lowercase_heads(text) if lowercase.match(text, i)] == [
        m.start() for m in lowercase.finditer(text)
    ]


def test_word_starts_look_for_words_as_written() -> None:
    index = gazetteer.WordStarts(["UN Headquarters", "ministro"])
    assert index.starts("un acuerdo de la ONU") == []  # Spanish "un" is no "UN"
    assert index.starts("the UN Headquarters and UNODC") == [4, 24]  # a superset
    assert index.starts("los ministros") == []  # "ministro" is no run of this text
    with pytest.raises(ValueError):
        gazetteer.WordStarts(["(UN)"])


def test_form_index_without_its_pattern_finds_what_the_pattern_finds() -> None:
    forms = organizations._known()[0]
    with_pattern = gazetteer.FormIndex(forms)
    with_pattern._starts.searches = lambda text: 99  # type: ignore[method-assign]
    without = gazetteer.FormIndex(forms)
    without._starts.searches = lambda text: 0  # type: ignore[method-assign]
    for text in SENTENCES:
        assert list(without.finditer(text)) == list(with_pattern.finditer(text)), text
    acronyms = organizations._acronym_index(("UNODC", "AALCO"))
    found = [form for _, _, form in acronyms.finditer(SENTENCES[12] + " " + SENTENCES[13])]
    assert found == ["UNODC", "UNODC", "AALCO"]  # ("AALCO’s" goes on: no whole word)


def test_run_before_an_acronym_is_the_leftmost_run() -> None:
    for text in SENTENCES:
        for match in organizations._ACRONYM.finditer(text):
            low = max(0, match.start() - 150)
            plain = organizations._RUN_BEFORE.search(text, low, match.start())
            fast = organizations._run_before(text, low, match.start())
            assert (fast and fast.span()) == (plain and plain.span())


def test_defined_names_spell_their_acronyms() -> None:
    name = organizations._defined_name
    assert name("The United Nations Office on Drugs and Crime", "UNODC") == (
        "United Nations Office on Drugs and Crime"
    )
    assert name("Asian-African Legal Consultative Organization", "AALCO") == (
        "Asian-African Legal Consultative Organization"
    )
    assert name("the talks", "UN") is None


def test_cheap_tests_before_searches_back() -> None:
    text = "lawyers said; Ghada Waly said; T. said; (Analysts noted"
    verbs = [m.start() for m in re.finditer(r" (?:said|noted)", text)]
    assert [people._capitalised_before(text, v) for v in verbs] == [False, True, True, True]
    assert people._capitalised_run_before("de México, y", 9)
    assert not people._capitalised_run_before("de la casa, y", 10)
    tail = people._REPRESENTED_TAIL
    assert tail.fullmatch("the Bank of Spain")
    assert not tail.fullmatch("technical assistance for poorer states. Minister Kofi Mensah")


def test_names_after_plural_titles_only_within_reach_of_a_title() -> None:
    found = people._names_after_plural_titles(SENTENCES[16])
    text = SENTENCES[16]
    assert [text[s:e] for s, e, _ in found] == ["Harald Aas", "Nabeel Qureshi"]
    far = (
        "The co-chairs met. "
        + "Long prose here. " * 12
        + "Then Harald Aas and Nabeel Qureshi spoke."
    )
    assert people._names_after_plural_titles(far) == []
