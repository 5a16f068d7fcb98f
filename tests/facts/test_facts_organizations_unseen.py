"""Organisations whose headed name ran on into the place they are in ("the Food and
Agriculture Organization in Rome.") or took the sentence's full stop."""

from __future__ import annotations

import pytest

from treatytui.corpus.article import Article
from treatytui.facts.organizations import extract_organizations
from treatytui.facts.sentences import SentenceIndex


def _names(text: str) -> set[str]:
    article = Article(id="t.txt", path="/tmp/t.txt", text=text)
    return {f.get("name") for f in extract_organizations(article, SentenceIndex(article))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Tonga deposited its instrument with the Food and Agriculture Organization in Rome.",
            "Food and Agriculture Organization",
        ),
        (
            "The ministers thanked the Pacific Islands Forum Secretariat in Suva for its work.",
            "Pacific Islands Forum Secretariat",
        ),
        (
            "Observers came from the Organization for Security and Co-operation in Europe.",
            "Organization for Security and Co-operation in Europe",
        ),
    ],
)
def test_a_body_ends_before_its_city(text: str, name: str) -> None:
    assert name in _names(text)
