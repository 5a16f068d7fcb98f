"""The language detector: stop-word counts tell the languages of treaty news apart."""

from __future__ import annotations

from datetime import date

import pytest

from treatytui.corpus.article import Article
from treatytui.facts import extract
from treatytui.facts.language import contract_language, detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ministers of the member states met in Geneva on Tuesday and agreed that the "
            "talks would resume after the summer, a spokesperson said.",
            "en",
        ),
        (
            "Los ministros de los países miembros se reunieron el martes en Ginebra y "
            "acordaron que las negociaciones continuarán después del verano, según un portavoz.",
            "es",
        ),
        (
            "Les ministres des pays membres se sont réunis mardi à Genève et ont convenu que "
            "les négociations reprendraient après l'été, selon un porte-parole.",
            "fr",
        ),
        (
            "Os ministros dos países-membros reuniram-se na terça-feira em Genebra e "
            "acordaram que as negociações serão retomadas depois do verão, disse um porta-voz.",
            "pt",
        ),
        (
            "I ministri dei paesi membri si sono riuniti martedì a Ginevra e hanno deciso che "
            "i negoziati riprenderanno dopo l'estate, ha detto un portavoce.",
            "it",
        ),
        (
            "Die Minister der Mitgliedstaaten haben sich am Dienstag in Genf getroffen und "
            "sind sich einig, dass die Gespräche nach dem Sommer fortgesetzt werden.",
            "de",
        ),
        (
            "Para menteri dari negara anggota bertemu di Jenewa pada hari Selasa dan sepakat "
            "bahwa perundingan akan dilanjutkan setelah musim panas, kata juru bicara.",
            "id",
        ),
        (
            "Các bộ trưởng của những nước thành viên đã họp tại Geneva và nhất trí rằng "
            "đàm phán sẽ được nối lại sau mùa hè, người phát ngôn cho biết.",
            "vi",
        ),
    ],
)
def test_each_language_is_told_apart(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "12345 67", "GENEVA —", "Лавров прибыл в Женеву."])
def test_too_little_to_tell_is_other(text: str) -> None:
    assert detect_language(text) == "other"


def test_the_contract_names_four_languages_and_other() -> None:
    assert [contract_language(c) for c in ("en", "es", "fr", "pt", "de", "vi", "other")] == [
        "en",
        "es",
        "fr",
        "pt",
        "other",
        "other",
        "other",
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The ministers will meet in Geneva on 3 May, and the talks of the week are set.", "en"),
        (
            "Los ministros se reunirán en Ginebra el 3 de mayo, y las delegaciones de los países.",
            "es",
        ),
        (
            "Les ministres se réuniront à Genève le 3 mai, et les délégations des pays du monde.",
            "fr",
        ),
        (
            "Os ministros vão reunir-se em Genebra a 3 de maio, e as delegações dos países.",
            "pt",
        ),
        (
            "Die Minister treffen sich am 3. Mai in Genf, und die Delegationen der Länder sind da.",
            "other",
        ),
    ],
)
def test_every_fact_carries_the_articles_language(text: str, lang: str) -> None:
    article = Article(id="l.txt", path="/tmp/l.txt", text=text, published=date(2026, 1, 10))
    facts = extract(article)
    assert any(f.kind == "date" for f in facts)
    assert {f.get("lang") for f in facts} == {lang}
    assert all(f.to_dict()["lang"] == lang for f in facts)
