"""Dev evaluation of the facts extractor: per-kind precision / recall / F1, value-exact.

Run from the checkout: ``python benchmarks/eval_facts.py`` (``--json`` for a machine
form, ``--misses`` to list what each article missed or got wrong, ``--seeds`` to score
the seeds' gold instead, ``--dev DIR`` for another folder of dev files).

A dev file (``tests/facts/dev/*.yaml``) is a made-up article with the facts a careful
reader would list::

    title: ...
    published: 2026-01-10        # or null
    url: https://example.org/2025/10/27/x   # optional
    lang: es
    text: |
      ... the article ...
    facts:
      - {kind: date, text: "10 de junio de 2025", date_from: 2025-06-10, date_to: null}
      - {kind: date, text: "8 Feb", year_known: false, month: 2, day: 8}
      - {kind: venue, name: Geneva}
      - {kind: count, value: 60, unit: countries}
      - {kind: person, name: Lena Hartmann}

Scoring is over distinct facts per article (a fact stated twice counts once): dates on
(``date_from``, ``date_to``), or (``month``, ``day``) when ``year_known`` is false (a gold
``date_from`` of ``2025-03`` or ``2026`` is a month or a year, and the precision must
agree; so must a ``precision`` the gold item gives); venues
on the case- and accent-folded ``name_en`` or ``name``; counts on ``value`` (and ``unit``
when the gold item gives one); people on the folded ``name``. Precision is the share of
distinct predicted facts that match a gold item, recall the share of gold items matched.
Gold items marked ``ambiguous: true`` count neither way. Only the kinds listed in
``KINDS`` are scored; ``organization`` facts are not.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from treatytui.corpus.article import Article  # noqa: E402
from treatytui.corpus.cleaning import clean  # noqa: E402
from treatytui.corpus.loading import load_article  # noqa: E402
from treatytui.facts import Fact, extract  # noqa: E402

DEV_DIR = ROOT / "tests" / "facts" / "dev"
SEED_GOLD_DIRS = (ROOT / "tests" / "facts" / "gold", Path("/work/shared/seeds/gold"))
SEEDS_DIR = ROOT / "seeds"
KINDS = ("date", "venue", "count", "person")
Case = tuple[str, str, Article, list[dict[str, Any]]]
"""A scored article: its name, its language, the article and its gold items."""
_SEED_SECTIONS = {"dates": "date", "venues": "venue", "counts": "count", "people": "person"}


def fold(text: object) -> str:
    """Case- and accent-folded text with runs of white space made one space."""
    decomposed = unicodedata.normalize("NFKD", str(text or ""))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L")
    return " ".join(bare.casefold().split())


def _iso(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


_PRECISION_OF_LENGTH = {4: "year", 7: "month"}


def _gold_day(value: object) -> tuple[str | None, str | None]:
    """A gold date as the contract writes it, and the precision a partial one states:
    ``2025-03`` is March 2025 (``2025-03-01``, month), ``2026`` the year (year)."""
    text = _iso(value)
    if text is None or len(text) not in _PRECISION_OF_LENGTH:
        return text, None
    return (text + "-01-01")[:10] if len(text) == 4 else f"{text}-01", _PRECISION_OF_LENGTH[
        len(text)
    ]


# --- what is compared --------------------------------------------------------------------


def gold_key(item: dict[str, Any]) -> tuple[Any, ...]:
    """The value of a gold item that a predicted fact must equal (see ``matches``)."""
    kind = item["kind"]
    if kind == "date":
        if item.get("year_known") is False:
            return ("no-year", item.get("month"), item.get("day"))
        start, precision = _gold_day(item.get("date_from"))
        end, _ = _gold_day(item.get("date_to"))
        precision = item.get("precision") or precision
        return ("dated", start, end) if precision is None else ("dated", start, end, precision)
    if kind == "venue":
        return tuple(sorted({fold(item.get(k)) for k in ("name", "name_en") if item.get(k)}))
    if kind == "count":
        unit = item.get("unit")
        return (int(item["value"]), fold(unit) if unit else None)
    return (fold(item.get("name")),)


def predicted_key(fact: Fact) -> tuple[Any, ...]:
    """The value of a predicted fact, for telling distinct facts apart."""
    if fact.kind == "date":
        if fact.get("year_known") is False:
            return ("no-year", fact.get("month"), fact.get("day"))
        return ("dated", fact.get("date_from"), fact.get("date_to"), fact.get("precision"))
    if fact.kind == "venue":
        return (fold(fact.get("name_en") or fact.get("name")), fold(fact.get("name")))
    if fact.kind == "count":
        return (fact.get("value"), fold(fact.get("unit")) or None)
    return (fold(fact.get("name")),)


def matches(kind: str, pred: tuple[Any, ...], gold: tuple[Any, ...]) -> bool:
    """Whether a predicted value (``predicted_key``) equals a gold one (``gold_key``)."""
    if kind == "venue":
        return bool(set(pred) & set(gold))
    if kind == "count":
        return pred[0] == gold[0] and (gold[1] is None or pred[1] == gold[1])
    if kind == "date" and gold[0] == "dated":
        # a precision is compared only where the gold item states one
        return pred[:3] == gold[:3] and (len(gold) == 3 or pred[3] == gold[3])
    return pred == gold


# --- scores ------------------------------------------------------------------------------


@dataclass
class Score:
    """Matched and unmatched facts, predicted and gold."""

    pred_ok: int = 0
    pred_wrong: int = 0
    gold_found: int = 0
    gold_missed: int = 0

    def add(self, other: Score) -> None:
        self.pred_ok += other.pred_ok
        self.pred_wrong += other.pred_wrong
        self.gold_found += other.gold_found
        self.gold_missed += other.gold_missed

    @property
    def precision(self) -> float:
        total = self.pred_ok + self.pred_wrong
        return self.pred_ok / total if total else 1.0

    @property
    def recall(self) -> float:
        total = self.gold_found + self.gold_missed
        return self.gold_found / total if total else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "predicted_right": self.pred_ok,
            "predicted_wrong": self.pred_wrong,
            "gold_found": self.gold_found,
            "gold_missed": self.gold_missed,
        }


@dataclass
class ArticleResult:
    """One article's scores by kind, with what went wrong."""

    name: str
    lang: str
    scores: dict[str, Score] = field(default_factory=dict)
    wrong: list[tuple[str, Any]] = field(default_factory=list)
    missed: list[tuple[str, Any]] = field(default_factory=list)
    langs_found: set[str] = field(default_factory=set)


def score_article(
    name: str, lang: str, facts: Iterable[Fact], gold: list[dict[str, Any]]
) -> ArticleResult:
    """Score one article's facts against its gold items, kind by kind."""
    facts = list(facts)
    result = ArticleResult(name, lang, langs_found={f.get("lang") for f in facts} - {None})
    for kind in KINDS:
        items = [item for item in gold if item.get("kind") == kind]
        sure = {gold_key(i) for i in items if not i.get("ambiguous")}
        unsure = {gold_key(i) for i in items if i.get("ambiguous")} - sure
        preds: dict[tuple[Any, ...], Fact] = {}
        for fact in facts:
            if fact.kind == kind:
                preds.setdefault(predicted_key(fact), fact)
        score = Score()
        for key, fact in preds.items():
            if any(matches(kind, key, g) for g in sure):
                score.pred_ok += 1
            elif not any(matches(kind, key, g) for g in unsure):
                score.pred_wrong += 1
                result.wrong.append((kind, _shown(fact)))
        for g in sure:
            if any(matches(kind, key, g) for key in preds):
                score.gold_found += 1
            else:
                score.gold_missed += 1
                result.missed.append((kind, g))
        result.scores[kind] = score
    return result


def _shown(fact: Fact) -> dict[str, Any]:
    keep = ("date_from", "date_to", "year_known", "month", "day", "name", "name_en")
    shown = {k: fact.get(k) for k in keep if fact.get(k) is not None}
    if fact.kind == "count":
        shown |= {"value": fact.get("value"), "unit": fact.get("unit")}
    return {"text": fact.text, **shown}


def totals(
    results: Iterable[ArticleResult], select: Callable[[ArticleResult], bool] = lambda r: True
) -> dict[str, Score]:
    """The summed score of each kind over the selected articles."""
    summed = {kind: Score() for kind in KINDS}
    for result in results:
        if select(result):
            for kind, score in result.scores.items():
                summed[kind].add(score)
    return summed


# --- loading -----------------------------------------------------------------------------


def dev_article(data: dict[str, Any], name: str) -> Article:
    """The article a dev file describes, cleaned as a plain-text file would be."""
    title = str(data.get("title") or "")
    body = str(data.get("text") or "")
    source = f"{title}\n\n{body}" if title else body
    document = clean(source, "text", title_hint=title or None)
    published = data.get("published")
    if isinstance(published, str):
        published = date.fromisoformat(published)
    return Article(
        id=name,
        path=name,
        text=document.text,
        blocks=document.blocks,
        title=title or name,
        url=data.get("url"),
        published=published,
    )


def load_dev(folder: Path = DEV_DIR) -> list[Case]:
    """(name, language, article, gold items) of every dev file in ``folder``."""
    cases = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        lang = str(data.get("lang") or "other")
        cases.append((path.stem, lang, dev_article(data, path.name), list(data.get("facts") or [])))
    return cases


def gold_problems(folder: Path = DEV_DIR) -> list[str]:
    """What is malformed in the dev files: unknown kinds, a gold ``text`` the article lacks."""
    problems = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        article_text = f"{data.get('title') or ''}\n{data.get('text') or ''}"
        for item in data.get("facts") or []:
            if item.get("kind") not in (*KINDS, "organization"):
                problems.append(f"{path.name}: unknown kind in {item}")
            elif item.get("text") and str(item["text"]) not in article_text:
                problems.append(f"{path.name}: {item['text']!r} is not in the article")
            elif item.get("year_known") is False and item.get("month") is None:
                problems.append(f"{path.name}: a year-less date needs a month: {item}")
    return problems


def load_seeds(
    gold_dirs: Iterable[Path] = SEED_GOLD_DIRS, seeds_dir: Path = SEEDS_DIR
) -> list[Case]:
    """(name, language, article, gold items) of every seed with gold (sections form)."""
    cases = []
    seen: set[str] = set()  # the shared gold is a copy of the tests' one: score each once
    for folder in gold_dirs:
        for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
            if path.stem in seen:
                continue
            seen.add(path.stem)
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            items = [
                {"kind": kind, **item}
                for section, kind in _SEED_SECTIONS.items()
                for item in data.get(section) or []
            ]
            article = load_article(seeds_dir / f"{path.stem}.txt", seeds_dir)
            cases.append((path.stem, "en", article, items))
    return cases


def evaluate(cases: Iterable[Case]) -> list[ArticleResult]:
    """Extract and score every case."""
    return [
        score_article(name, lang, extract(article), gold) for name, lang, article, gold in cases
    ]


# --- report ------------------------------------------------------------------------------


def report(results: list[ArticleResult]) -> dict[str, Any]:
    """The scores by kind, overall and by language, as plain data."""
    langs = sorted({r.lang for r in results})
    detected = [r for r in results if r.langs_found]
    return {
        "articles": len(results),
        "overall": {k: s.as_dict() for k, s in totals(results).items()},
        "by_language": {
            lang: {
                "articles": sum(1 for r in results if r.lang == lang),
                **{
                    k: s.as_dict()
                    for k, s in totals(results, lambda r, g=lang: r.lang == g).items()
                },
            }
            for lang in langs
        },
        "language_detected_right": sum(1 for r in detected if r.langs_found == {r.lang}),
        "language_detected_on": len(detected),
    }


def print_table(results: list[ArticleResult], misses: bool) -> None:
    data = report(results)
    print(f"{data['articles']} articles")
    print(f"{'':<10}{'kind':<8}{'P':>6}{'R':>6}{'F1':>6}{'pred ok':>9}{'wrong':>7}"
          f"{'gold':>6}{'missed':>8}")  # fmt: skip
    rows = [("all", data["overall"])] + [
        (f"{lang} ({d['articles']})", d) for lang, d in data["by_language"].items()
    ]
    for label, by_kind in rows:
        for kind in KINDS:
            s = by_kind[kind]
            gold = s["gold_found"] + s["gold_missed"]
            print(
                f"{label:<10}{kind:<8}{s['precision']:6.2f}{s['recall']:6.2f}{s['f1']:6.2f}"
                f"{s['predicted_right']:9}{s['predicted_wrong']:7}{gold:6}{s['gold_missed']:8}"
            )
            label = ""
    if data["language_detected_on"]:
        print(
            f"language: right on {data['language_detected_right']} of "
            f"{data['language_detected_on']} articles whose facts carry one"
        )
    if misses:
        for r in results:
            if r.wrong or r.missed or (r.langs_found and r.langs_found != {r.lang}):
                print(f"\n{r.name} [{r.lang}; facts say {sorted(r.langs_found) or '-'}]")
                for kind, item in r.wrong:
                    print(f"  wrong  {kind:<7}{item}")
                for kind, key in r.missed:
                    print(f"  missed {kind:<7}{key}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV_DIR, help="folder of dev YAML files")
    parser.add_argument("--seeds", action="store_true", help="score the seeds' gold instead")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--misses", action="store_true", help="list what went wrong")
    args = parser.parse_args(argv)
    results = evaluate(load_seeds() if args.seeds else load_dev(args.dev))
    if args.json:
        print(json.dumps(report(results), indent=2))
    else:
        print_table(results, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
