"""Dates in Spanish, French, Portuguese, Italian, German, Indonesian and Vietnamese.

Every sentence here is written for these tests, in the ways outlets of each language
write dates: "10 de junio de 2025", "du 3 au 5 mars", "entre os dias 3 e 5 de maio",
"am 4. und 5. Dezember", "ngày 26 tháng 10"; datelines of the wire agencies; "el pasado",
"prochain" beside a date; bare months after "en", "mi-", "im".
"""

from __future__ import annotations

from datetime import date

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.datepatterns import find_date_mentions
from treatytui.facts.dates import extract_dates
from treatytui.facts.sentences import SentenceIndex


def _values(text: str, published: date | None) -> list[tuple[str | None, str | None]]:
    article = Article(id="t.txt", path="/tmp/t.txt", text=text, published=published)
    facts = extract_dates(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence
    return [(f.get("date_from"), f.get("date_to")) for f in facts]


CASES = [
    # --- Spanish
    ("es", "La cumbre se celebró el 10 de junio de 2025 en la sede de la organización.",
     None, [("2025-06-10", None)]),
    ("es", "Los ministros se reunirán del 23 al 26 de marzo en Yaundé, con los delegados "
     "de los países.", date(2025, 12, 16), [("2026-03-23", "2026-03-26")]),
    ("es", "La conferencia tuvo lugar del 26 de febrero al 2 de marzo de 2024 en Abu Dabi y "
     "terminó sin acuerdo.", None, [("2024-02-26", "2024-03-02")]),
    ("es", "Los técnicos trabajarán entre el 4 y el 6 de diciembre en el Palacio, según la "
     "cancillería.", date(2025, 11, 20), [("2025-12-04", "2025-12-06")]),
    ("es", "Los presidentes se reunirán los días 14 y 15 de diciembre en Montevideo, según la "
     "agenda del bloque.", date(2023, 11, 1), [("2023-12-14", "2023-12-15")]),
    ("es", "La sesión se celebró el pasado 12 de abril y el consejo volverá a reunirse el "
     "próximo 3 de julio.", date(2025, 5, 20), [("2025-04-12", None), ("2025-07-03", None)]),
    ("es", "Ginebra, 15 dic (EFE).- La organización anunció este lunes que los ministros de "
     "los países.", date(2025, 12, 16), [("2025-12-15", None)]),
    ("es", "Las consultas de los países continuarán en enero, dijo la directora de la "
     "organización.", date(2025, 12, 16), [("2026-01-01", None)]),
    ("es", "El 1.º de enero de 2026 entrará en vigor el tratado para los países que lo "
     "ratificaron.", None, [("2026-01-01", None)]),
    ("es", "Las votaciones serán el 5 y el 12 de mayo de 2026 en la sede de la organización.",
     None, [("2026-05-05", None), ("2026-05-12", None)]),
    # --- French
    ("fr", "PARIS, 12 septembre (AFP) - Les ministres se retrouveront du 3 au 5 novembre au "
     "siège de l'organisation.", date(2025, 9, 12),
     [("2025-09-12", None), ("2025-11-03", "2025-11-05")]),
    ("fr", "Le texte a été ouvert à la signature le 5 septembre 2024 à Vilnius et compte des "
     "signataires.", None, [("2024-09-05", None)]),
    ("fr", "Les chefs d'État sont attendus les 22 et 23 novembre à Kigali pour le sommet de "
     "l'organisation.", date(2025, 11, 2), [("2025-11-22", "2025-11-23")]),
    ("fr", "La réunion du 3 mai prochain sera la dernière, et celle du 12 avril dernier a "
     "déçu les délégations.", date(2025, 5, 20), [("2026-05-03", None), ("2025-04-12", None)]),
    ("fr", "Le texte sera soumis aux chefs de gouvernement le 1er décembre, a indiqué le "
     "secrétaire.", date(2025, 9, 12), [("2025-12-01", None)]),
    ("fr", "Les négociations reprendront à la mi-mars et le groupe se réunira en octobre.",
     date(2025, 12, 1), [("2026-03-01", None), ("2026-10-01", None)]),
    ("fr", "La session s'est tenue du 26 février au 2 mars 2024 dans la capitale du pays.",
     None, [("2024-02-26", "2024-03-02")]),
    # --- Portuguese
    ("pt", "A cimeira decorre de 3 a 5 de março em Lisboa, anunciou hoje o Governo.",
     date(2025, 2, 20), [("2025-03-03", "2025-03-05")]),
    ("pt", "Uma reunião técnica decorrerá entre os dias 3 e 5 de maio na Praia, em Cabo Verde.",
     date(2025, 2, 20), [("2025-05-03", "2025-05-05")]),
    ("pt", "O Brasil assumiu a presidência do grupo em 1º de janeiro e vai sediar a cúpula nos "
     "dias 6 e 7 de julho.", date(2025, 2, 15),
     [("2025-01-01", None), ("2025-07-06", "2025-07-07")]),
    ("pt", "LISBOA, 20 fev (Lusa) — Os ministros do Mar dos países reúnem-se em março.",
     date(2025, 2, 20), [("2025-02-20", None), ("2025-03-01", None)]),
    ("pt", "A conferência anterior realizou-se a 14 de novembro em Díli, recordou a "
     "secretária.", date(2025, 2, 20), [("2024-11-14", None)]),
    ("pt", "O prazo termina em 31 de dezembro de 2026, e a próxima ronda está marcada para o "
     "fim de agosto.", date(2026, 2, 14), [("2026-12-31", None), ("2026-08-01", None)]),
    # --- Italian
    ("it", "La conferenza si è aperta il 28 giugno a Roma e proseguirà fino al 4 luglio con "
     "i ministri.", date(2025, 6, 30), [("2025-06-28", None), ("2025-07-04", None)]),
    ("it", "La prossima sessione si terrà dal 12 al 16 ottobre 2026 nella sede della FAO.",
     None, [("2026-10-12", "2026-10-16")]),
    # --- German
    ("de", "Die Außenminister kommen am 4. und 5. Dezember in Wien zusammen. Das letzte "
     "Treffen fand am 5. Dezember 2024 in Malta statt.", date(2025, 11, 28),
     [("2025-12-04", "2025-12-05"), ("2024-12-05", None)]),
    ("de", "Die Konferenz findet vom 3. bis 5. März in Berlin statt, wie das Ministerium "
     "mitteilte.", date(2026, 1, 15), [("2026-03-03", "2026-03-05")]),
    # --- Indonesian
    ("id", "Para pemimpin akan berkumpul pada 26-28 Oktober 2025 di Kuala Lumpur dan "
     "pertemuan para menteri telah berlangsung pada 8 Juli.", date(2025, 10, 20),
     [("2025-10-26", "2025-10-28"), ("2025-07-08", None)]),
    # --- Vietnamese
    ("vi", "Lễ mở ký diễn ra tại Hà Nội ngày 25/10/2025 và hội nghị kéo dài đến ngày 26 "
     "tháng 10. Các nước sẽ gặp lại vào tháng 12.", date(2025, 10, 27),
     [("2025-10-25", None), ("2025-10-26", None), ("2025-12-01", None)]),
    ("vi", "Công ước được thông qua ngày 24 tháng 12 năm 2024 tại trụ sở của Liên Hợp Quốc.",
     None, [("2024-12-24", None)]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text", "published", "expected"),
    CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)],
)
def test_dates_of_each_language(
    language: str, text: str, published: date | None, expected: list
) -> None:
    article = Article(id="t.txt", path="/tmp/t.txt", text=text, published=published)
    assert SentenceIndex(article).language == language
    assert _values(text, published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Julio Pérez, the envoy, met reporters near the Mars exhibition on Mayo Road.",
        "The mission to Mars lifted off after the delegates from Mai and Juli arrived.",
    ],
)
def test_other_languages_month_names_are_not_read_in_english(text: str) -> None:
    assert _values(text, date(2025, 6, 1)) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Julio Pérez, ministro del Mar, habló con los 15 miembros del consejo."),
        ("pt", "Os ministros do Mar e os 3 mares do país, segundo o mar de 2025."),
        ("fr", "Le rover Mars et les 12 pays du groupe ont été salués par les délégations."),
        ("vi", "Sau 3 tháng đàm phán, các nước đã đồng ý với văn bản."),
    ],
)
def test_words_that_look_like_months_but_are_not_dates(language: str, text: str) -> None:
    assert find_date_mentions(text, None, language) == []


def test_a_range_in_another_language_is_one_date_with_its_opening_word() -> None:
    text = "La conferencia se celebrará del 23 al 26 de marzo de 2026 en la capital."
    (mention,) = find_date_mentions(text, None, "es")
    assert text[mention.start : mention.end] == "del 23 al 26 de marzo de 2026"
    assert (mention.day, mention.day_to, mention.month, mention.year) == (23, 26, 3, 2026)
