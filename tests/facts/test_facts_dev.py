"""The dev set (tests/facts/dev/*.yaml) scored by benchmarks/eval_facts.py: floors per kind.

The floors sit just under the F1 measured when they were set, so a change that loses
facts on the dev set fails here instead of passing silently. Raise them when the
extractor improves; never lower them to make a change pass.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

HARNESS = Path(__file__).resolve().parents[2] / "benchmarks" / "eval_facts.py"

# F1 floors over the whole dev set, per kind (dates set by facts-dates, the others by
# facts-more; measured with 79 articles: dates 0.99, venues 0.95, counts 0.99, people 0.95).
FLOORS = {"date": 0.95, "venue": 0.90, "count": 0.95, "person": 0.90}


@cache
def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_facts", HARNESS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@cache
def dev_totals() -> dict:
    module = harness()
    return module.totals(module.evaluate(module.load_dev()))


def test_dev_files_are_well_formed() -> None:
    assert not harness().gold_problems()


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_dev_f1_stays_above_its_floor(kind: str) -> None:
    score = dev_totals()[kind]
    assert score.f1 >= FLOORS[kind], f"{kind}: F1 {score.f1:.3f} < {FLOORS[kind]}"


def test_seed_gold_scores_one() -> None:
    module = harness()
    for kind, score in module.totals(module.evaluate(module.load_seeds())).items():
        assert (score.precision, score.recall) == (1.0, 1.0), kind
