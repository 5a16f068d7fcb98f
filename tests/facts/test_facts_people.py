"""People: titled names, appositions, short references, credits; not bylines or bodies."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from treatytui.corpus.article import Article, Block
from treatytui.facts.people import extract_people
from treatytui.facts.sentences import SentenceIndex

GOLD_DIR = Path(__file__).parent / "gold"


def _facts(text: str, blocks: tuple[Block, ...] = ()):
    article = Article(id="test.txt", path="/tmp/test.txt", text=text, blocks=blocks)
    facts = extract_people(article, SentenceIndex(article))
    for fact in facts:
        assert text[fact.start : fact.end] == fact.text
    return facts


def _people(text: str) -> dict[str, str | None]:
    return {fact.get("name"): fact.get("role") for fact in _facts(text)}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Kenyan President William Ruto opened the meeting.", "William Ruto", "Kenyan President"),
        (
            "UN Secretary-General António Guterres spoke first.",
            "António Guterres",
            "UN Secretary-General",
        ),
        (
            "It was signed by Foreign Minister Maria Santos (left) on Friday.",
            "Maria Santos",
            "Foreign Minister",
        ),
        (
            "The bill was tabled by the Speaker of Ghana's Parliament, Kwame Mensah.",
            "Kwame Mensah",
            "Speaker of Ghana's Parliament",
        ),
        (
            "Minister of Information and Communications, General Somsak Phommachanh, signed.",
            "Somsak Phommachanh",
            "Minister of Information and Communications",
        ),
        (
            "The visit was led by Chairman of the National Assembly Tran Thanh Man.",
            "Tran Thanh Man",
            "Chairman of the National Assembly",
        ),
        (
            "Ghada Waly, Executive Director of UNODC, welcomed the vote.",
            "Ghada Waly",
            "Executive Director of UNODC",
        ),
        (
            "Ursula Berg, the OSCE Special Representative, urged restraint.",
            "Ursula Berg",
            "OSCE Special Representative",
        ),
        (
            "The session was chaired by former Prime Minister Ana Lopes.",
            "Ana Lopes",
            "former Prime Minister",
        ),
        (
            "Deputy Minister Nguyễn Minh Vũ said the treaty matters.",
            "Nguyễn Minh Vũ",
            "Deputy Minister",
        ),
        ("Lieutenant-General Pham Van Hoa attended.", "Pham Van Hoa", "Lieutenant-General"),
        ("Mr. Jonas Meier said the text was balanced.", "Jonas Meier", None),
        ("Crown Prince Mohammed bin Salman met the envoy.", "Mohammed bin Salman", "Crown Prince"),
    ],
)
def test_titled_names(text: str, name: str, role: str | None) -> None:
    assert _people(text) == {name: role}


def test_title_forms_from_wires_and_state_media() -> None:
    text = (
        "U.N. Secretary-General Rosa Lind spoke. Minister of Defence General Tran Van Son "
        "met Secretary-General of the Pacific Legal Forum (PLF) Mele Tupou. Minister Son agreed."
    )
    assert _people(text) == {
        "Rosa Lind": "U.N. Secretary-General",
        "Tran Van Son": "Minister of Defence",
        "Mele Tupou": "Secretary-General of the Pacific Legal Forum (PLF)",
    }


def test_abbreviated_title_adds_no_role() -> None:
    text = "Prime Minister Dao Van Binh arrived. PM Binh thanked the hosts."
    assert _people(text) == {"Dao Van Binh": "Prime Minister"}


def test_a_known_organisation_is_not_a_person() -> None:
    assert _people("Access Now urged states to wait.") == {}


def test_name_before_a_verb_of_saying_without_title() -> None:
    assert _people("Farida Osei said the rules were too broad.") == {"Farida Osei": None}


def test_short_references_resolve_to_the_full_name() -> None:
    text = (
        "Vietnamese President Luong Cuong welcomed the guests. "
        "Later, President Cuong thanked them. Cuong said the event was a success."
    )
    facts = _facts(text)
    assert [f.text for f in facts] == ["Luong Cuong", "Cuong", "Cuong"]
    assert {f.get("name") for f in facts} == {"Luong Cuong"}


def test_lao_short_reference_uses_the_given_name() -> None:
    text = "General Bounkham Vorachit arrived. In his speech, General Bounkham praised the hosts."
    assert [f.get("name") for f in _facts(text)] == ["Bounkham Vorachit"] * 2


def test_two_part_vietnamese_name() -> None:
    text = "He met General Secretary of the Communist Party of Vietnam, To Lam, on Sunday."
    assert _people(text) == {"To Lam": "General Secretary of the Communist Party of Vietnam"}


def test_roles_of_one_person_are_combined() -> None:
    text = (
        "President Bounnhang Keo met the delegates. President Bounnhang, who is also "
        "Chairman of the National Defence Council, thanked them."
    )
    assert _people(text) == {"Bounnhang Keo": "President; Chairman of the National Defence Council"}


def test_a_rank_gives_way_to_an_office() -> None:
    text = "Minister of Public Security, General Kham Douangsy, signed. General Kham spoke after."
    assert _people(text) == {"Kham Douangsy": "Minister of Public Security"}


def test_unresolved_single_names_need_a_title() -> None:
    assert _people("President Tinubu arrived.") == {"Tinubu": "President"}
    assert _people("Okafor said the talks went well.") == {}


def test_photo_credit_is_marked() -> None:
    facts = _facts("Delegates pose after the vote. Photo: Lena Kraus\nThe vote was close.")
    assert [(f.get("name"), f.get("credit")) for f in facts] == [("Lena Kraus", True)]


@pytest.mark.parametrize(
    "text",
    [
        "By Times Reporters",
        "The Road to Geneva session ended early.",
        "Signatory governments must report yearly.",
        "The plan supports the Sustainable Development Goals.",
        "The Lao People's Revolutionary Party met on Monday.",
        "The General Assembly adopted the convention.",
        "Human Rights Watch said the treaty was flawed.",
        "The Secretary-General said the vote was historic.",
        "Kenya said it would sign the treaty.",
        "President Kenya was not a phrase anyone used.",
    ],
)
def test_not_people(text: str) -> None:
    assert _people(text) == {}


def test_byline_block_is_skipped() -> None:
    text = "Talks ended.\nBy Jane Mwangi said nothing"
    blocks = (Block("paragraph", 0, 12), Block("byline", 13, len(text)))
    assert _facts(text, blocks) == []


def test_title_case_headline_names_need_confirmation() -> None:
    text = "Delegates Praise Treaty Signing Ceremony In Hanoi\nThe talks ended."
    assert _people(text) == {}


@pytest.mark.parametrize("seed", sorted(p.stem for p in GOLD_DIR.glob("*.yaml")))
def test_seed_people_and_roles_match_gold(seed: str) -> None:
    from treatytui.config import seeds_dir

    text = (seeds_dir() / f"{seed}.txt").read_text(encoding="utf-8")
    gold = yaml.safe_load((GOLD_DIR / f"{seed}.yaml").read_text(encoding="utf-8"))
    expected = {item["name"]: item["role"] for item in gold.get("people") or []}
    assert _people(text) == expected
