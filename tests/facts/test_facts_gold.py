"""The seed articles against their gold facts (tests/facts/gold/, copied from shared/).

Every gold item not marked ``ambiguous`` must be found with the right value, and no fact
of a checked kind may be wrong: a fact is wrong when it matches no gold item, ambiguous
ones included. Each seed is checked as the loader reads it and again without its
publication date, where years come from the text alone.
"""

from __future__ import annotations

import dataclasses
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest
import yaml

from treatytui.config import seeds_dir
from treatytui.corpus.article import Article
from treatytui.corpus.loading import load_article
from treatytui.facts import Fact, extract

GOLD_DIR = Path(__file__).parent / "gold"
SEEDS = sorted(p.stem for p in GOLD_DIR.glob("*.yaml"))

# gold section → (fact kind, the fields that must be equal, whether text must overlap)
KINDS: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "dates": ("date", ("date_from", "date_to", "precision"), True),
    "counts": ("count", ("value", "qualifier", "unit"), True),
    "venues": ("venue", ("name",), False),
    "people": ("person", ("name",), False),
}
# The kinds written by the other half of the facts package, and the module each needs.
_MODULE_OF = {"venues": "treatytui.facts.venues", "people": "treatytui.facts.people"}


def _gold(seed: str) -> dict[str, Any]:
    return yaml.safe_load((GOLD_DIR / f"{seed}.yaml").read_text(encoding="utf-8"))


@cache
def _article(seed: str, with_published: bool) -> Article:
    article = load_article(seeds_dir() / f"{seed}.txt", seeds_dir())
    return article if with_published else dataclasses.replace(article, published=None)


@cache
def _facts(seed: str, with_published: bool) -> tuple[Fact, ...]:
    return tuple(extract(_article(seed, with_published)))


def _matches(fact: Fact, item: dict[str, Any], fields: tuple[str, ...], overlap: bool) -> bool:
    if any(fact.get(name) != item.get(name) for name in fields):
        return False
    if overlap and "text" in item:
        return item["text"] in fact.text or fact.text in item["text"]
    return True


def _skip_unless_written(section: str) -> None:
    module = _MODULE_OF.get(section)
    if module is not None and find_spec(module) is None:
        pytest.skip(f"{module} is not written yet (facts-B); {section} not checked")


CASES = [
    pytest.param(seed, section, with_published, id=f"{seed[:3]}-{section}-{label}")
    for seed in SEEDS
    for section in KINDS
    for with_published, label in ((True, "loaded"), (False, "unpublished"))
]


@pytest.mark.parametrize(("seed", "section", "with_published"), CASES)
def test_every_gold_fact_is_found(seed: str, section: str, with_published: bool) -> None:
    _skip_unless_written(section)
    kind, fields, overlap = KINDS[section]
    facts = [f for f in _facts(seed, with_published) if f.kind == kind]
    missing = [
        item
        for item in _gold(seed).get(section) or []
        if not item.get("ambiguous") and not any(_matches(f, item, fields, overlap) for f in facts)
    ]
    assert not missing, f"not found: {missing}\nfound: {[f.to_dict() for f in facts]}"


@pytest.mark.parametrize(("seed", "section", "with_published"), CASES)
def test_no_fact_is_wrong(seed: str, section: str, with_published: bool) -> None:
    _skip_unless_written(section)
    kind, fields, overlap = KINDS[section]
    gold = _gold(seed).get(section) or []
    wrong = [
        f.to_dict()
        for f in _facts(seed, with_published)
        if f.kind == kind and not any(_matches(f, item, fields, overlap) for item in gold)
    ]
    assert not wrong, f"wrong {kind} facts: {wrong}"


@pytest.mark.parametrize("seed", SEEDS)
def test_spans_are_slices_of_the_clean_text(seed: str) -> None:
    article = _article(seed, True)
    for fact in _facts(seed, True):
        assert article.text[fact.start : fact.end] == fact.text
        assert fact.text in fact.sentence
