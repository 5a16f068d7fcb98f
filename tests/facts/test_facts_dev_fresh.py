"""The fresh held-out sets (tests/facts/dev2 to dev6: made-up articles on other
meetings, gold written by hand before the extractor ever ran on them) scored by
benchmarks/eval_facts.py: floors per kind, so that a change losing facts on text the
rules were not fitted to fails here.

The floors sit under the F1 measured when they were last raised (dev2 to dev6 together,
68 articles: dates 0.97, venues 0.98, counts 0.92 with precision 0.96, people 1.00; at
first, before the fixes that followed each set: dates 0.93, counts 0.77). Raise them when the
extractor improves; never lower them to make a change pass, and never special-case a name
of these files: write a new fresh set instead.

dev7 (24 articles, 10 en / 5 es / 5 fr / 4 pt, written blind after all the fixes above) has floors
of its own, a little under its first score (after two gold fixes: F1 dates 0.90, venues 0.88,
counts 0.84, people 0.94; precision 0.98, 0.96, 0.97, 0.98), so that it is not averaged away by
the fitted sets.

dev8 (20 articles, 8 en / 4 es / 4 fr / 4 pt, on twenty other bodies, written blind after dev7's
fixes) scored at first: F1 dates 0.89, venues 0.75, counts 0.75, people 0.79 (precision 0.92,
0.85, 0.97, 0.89); its misses, by class, are in tests/facts/dev8/MISSES.md. Its classes (never
its sentences) were then fixed with test sentences of their own, which moved dates to 0.95,
venues 0.89 and people 0.98: those are no longer a blind estimate. Counts were fixed from
dev7's classes only: their 0.80 is still a blind figure. dev7's floors were raised after its
classes were fixed too (F1 0.99, 0.91, 0.99, 0.97). The next honest estimate needs a new
blind set.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from tests.facts.test_facts_dev import harness

ROOT = Path(__file__).resolve().parents[2]
FRESH = [ROOT / "tests" / "facts" / name for name in ("dev2", "dev3", "dev4", "dev5", "dev6")]
FLOORS = {"date": 0.94, "venue": 0.94, "count": 0.88, "person": 0.96}
PRECISION_FLOORS = {"date": 0.95, "venue": 0.95, "count": 0.93, "person": 0.95}
BLIND_SETS = {
    # set: (F1 floors, precision floors)
    "dev7": (
        {"date": 0.97, "venue": 0.89, "count": 0.97, "person": 0.95},
        {"date": 0.98, "venue": 0.97, "count": 0.97, "person": 0.97},
    ),
    "dev8": (
        {"date": 0.93, "venue": 0.87, "count": 0.78, "person": 0.96},
        {"date": 0.94, "venue": 0.91, "count": 0.94, "person": 0.97},
    ),
}


@cache
def fresh_totals() -> dict:
    module = harness()
    cases = [case for folder in FRESH for case in module.load_dev(folder)]
    return module.totals(module.evaluate(cases))


@cache
def blind_totals(name: str) -> dict:
    module = harness()
    return module.totals(module.evaluate(module.load_dev(ROOT / "tests" / "facts" / name)))


BLIND = [ROOT / "tests" / "facts" / name for name in BLIND_SETS]


@pytest.mark.parametrize("folder", [*FRESH, *BLIND], ids=lambda p: p.name)
def test_fresh_files_are_well_formed(folder: Path) -> None:
    assert len(list(folder.glob("*.yaml"))) >= 8
    assert not harness().gold_problems(folder)


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_fresh_f1_and_precision_stay_above_their_floors(kind: str) -> None:
    score = fresh_totals()[kind]
    assert score.f1 >= FLOORS[kind], f"{kind}: F1 {score.f1:.3f} < {FLOORS[kind]}"
    assert score.precision >= PRECISION_FLOORS[kind], f"{kind}: P {score.precision:.3f}"


@pytest.mark.parametrize(
    ("name", "kind"), [(name, kind) for name in BLIND_SETS for kind in BLIND_SETS[name][0]]
)
def test_blind_set_f1_and_precision_stay_above_their_floors(name: str, kind: str) -> None:
    f1_floors, precision_floors = BLIND_SETS[name]
    score = blind_totals(name)[kind]
    assert score.f1 >= f1_floors[kind], f"{name} {kind}: F1 {score.f1:.3f} < {f1_floors[kind]}"
    assert score.precision >= precision_floors[kind], f"{name} {kind}: P {score.precision:.3f}"
