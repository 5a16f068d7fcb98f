"""Benchmark of the facts package: date quality against dateparser, speed, import time.

Run from the checkout: ``python benchmarks/bench_facts.py``. Needs the ``bench`` extra
(``dateparser``) for the comparison; the other measures run without it.

(a) precision / recall / F1 of date facts on the seed gold, value-exact (``date_from`` and
    ``date_to`` both right; a range is one item), for ``treatytui.facts`` and for
    ``dateparser.search.search_dates``; gold items marked ambiguous count neither way;
(b) articles per second of ``extract`` on synthetic 600-word articles, one core (English,
    then Spanish, French and Portuguese);
(c) the import time of ``treatytui.facts`` and of ``from treatytui.facts import extract``.

``--against REV`` measures (b) only, for the checkout and for the ``src/`` of a git
revision, both loaded in one interpreter and run batch by batch in turns: on a shared
machine the steady figure is CPU time, each batch's fastest of ``--passes`` rounds, the two
trees meeting the same load. ``--profile`` breaks (b) down: CPU time an article of sentence
splitting, language detection, each kind's extractor and the tense reading inside the
dates (``--src DIR`` profiles another source tree).
"""

from __future__ import annotations

import argparse
import importlib
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
if "--src" in sys.argv:  # another source tree to measure (--profile of main's): before imports
    sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1])
else:
    sys.path.insert(0, str(ROOT / "src"))

from treatytui.corpus.article import Article  # noqa: E402
from treatytui.corpus.loading import load_article  # noqa: E402
from treatytui.facts import extract  # noqa: E402

GOLD_DIR = ROOT / "tests" / "facts" / "gold"
SEEDS_DIR = ROOT / "seeds"
WORDS_PER_ARTICLE = 600


@dataclass(frozen=True)
class Predicted:
    """A date found by a system: its text and its value."""

    text: str
    date_from: str
    date_to: str | None


@dataclass
class Score:
    """Counts of true and false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _same(pred: Predicted, item: dict[str, Any]) -> bool:
    overlap = item["text"] in pred.text or pred.text in item["text"]
    return overlap and (pred.date_from, pred.date_to) == (item["date_from"], item["date_to"])


def score(predicted: Iterable[Predicted], gold: list[dict[str, Any]]) -> Score:
    """Value-exact score of one article's dates; ambiguous gold items are neutral."""
    result = Score()
    found: set[int] = set()
    for pred in predicted:
        hits = [i for i, item in enumerate(gold) if _same(pred, item)]
        if not hits:
            result.fp += 1
        elif not all(gold[i].get("ambiguous") for i in hits):
            result.tp += 1
        found.update(hits)
    result.fn = sum(
        1 for i, item in enumerate(gold) if not item.get("ambiguous") and i not in found
    )
    return result


def ours(article: Article) -> list[Predicted]:
    """Our date facts."""
    return [
        Predicted(f.text, f.get("date_from"), f.get("date_to"))
        for f in extract(article)
        if f.kind == "date"
    ]


def dateparser_dates(article: Article) -> list[Predicted]:
    """dateparser's dates, given the same reference date our extractor gets."""
    from dateparser.search import search_dates

    base = article.published or date.today()
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": "DMY",
    }
    found = search_dates(article.text, languages=["en"], settings=settings) or []
    return [Predicted(text, moment.date().isoformat(), None) for text, moment in found]


def _seeds() -> list[tuple[Article, list[dict[str, Any]]]]:
    pairs = []
    for gold_path in sorted(GOLD_DIR.glob("*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        article = load_article(SEEDS_DIR / f"{gold_path.stem}.txt", SEEDS_DIR)
        pairs.append((article, gold.get("dates") or []))
    return pairs


def bench_quality() -> list[tuple[str, Score]]:
    """(a) date precision / recall / F1 of each system on the seed gold."""
    systems = {"treatytui.facts": ours}
    try:
        import dateparser.search  # noqa: F401
    except ImportError:
        print("dateparser is not installed (pip install -e '.[bench]'): skipped")
    else:
        systems["dateparser.search_dates"] = dateparser_dates
    rows = []
    for name, system in systems.items():
        total = Score()
        for article, gold in _seeds():
            total.add(score(system(article), gold))
        rows.append((name, total))
    return rows


_PLACES = ["Hanoi", "Kampala", "Geneva", "Nairobi", "Vienna", "New York", "Bangkok"]
_PEOPLE = ["President Luong Cuong", "Secretary-General Ana Pereira", "Minister Kofi Mensah"]
_PHRASES = [
    "The ceremony will take place on October 25-26 in {place}.",
    "More than {n} countries sent delegations to {place}.",
    "{person} said the talks in {place} were constructive.",
    "Nearly {n} member states signed on 24 December 2024.",
    "The committee met in March and again on 14 and 15 May 2025.",
    "Experts from around {n} nations joined the session, which opened on Tuesday, Nov. 4.",
    "The text passed in a 101-45 vote with 20 abstentions under resolution 78/123.",
    "The United Nations Office on Drugs and Crime (UNODC) will support implementation.",
]
# Most sentences of a news article state no fact: about two in three here.
_PROSE = [
    "Civil society groups warned that safeguards remain weak and oversight is limited.",
    "Officials described the agreement as a milestone for international cooperation.",
    "Critics say the text gives governments broad powers to collect electronic evidence.",
    "Supporters argue that cross-border crime needs a common legal framework.",
    "The convention covers offences such as fraud, hacking and the abuse of children online.",
    "Several delegations stressed the importance of technical assistance for poorer states.",
    "Industry representatives asked for clearer rules on data requests and their limits.",
    "Observers expect a long debate in national parliaments before ratification.",
    "The negotiations were at times tense, and several drafts were rejected along the way.",
    "Human rights lawyers said they would monitor how the treaty is applied in practice.",
    "The secretariat will publish guidance on mutual legal assistance in the coming months.",
    "Analysts noted that enforcement will depend on the capacity of each national agency.",
    "Many speakers called for an open and inclusive process in the years ahead.",
    "The text was translated into the six official languages of the organisation.",
    "Journalists' unions raised concerns about the protection of sources.",
    "A working group will review the first reports submitted under the new mechanism.",
    "Some experts fear that vague definitions could be used against dissidents.",
    "Others point to the benefits of faster cooperation between police forces.",
    "The debate reflected deep differences over the role of the state online.",
    "Negotiators described the final compromise as fragile but workable.",
]


# Spanish, French and Portuguese articles: the detector and the other languages' patterns.
_PHRASES_BY_LANGUAGE = {
    "es": [
        "La ceremonia se celebrará del 25 al 26 de octubre en {place}.",
        "Más de {n} países enviaron delegaciones a {place}.",
        "La conferencia tuvo lugar el pasado 12 de abril y volverá a reunirse en enero.",
        "Los ministros de los países del grupo firmaron el 24 de diciembre de 2024.",
    ],
    "fr": [
        "La cérémonie se tiendra du 25 au 26 octobre à {place}.",
        "Plus de {n} pays ont envoyé des délégations à {place}.",
        "La conférence s'est tenue le 12 avril dernier et se réunira de nouveau en janvier.",
        "Les ministres des pays du groupe ont signé le 24 décembre 2024.",
    ],
    "pt": [
        "A cerimônia será realizada nos dias 25 e 26 de outubro em {place}.",
        "Mais de {n} países enviaram delegações a {place}.",
        "A conferência aconteceu em 12 de abril e voltará a reunir-se em janeiro.",
        "Os ministros dos países do grupo assinaram em 24 de dezembro de 2024.",
    ],
}
_PROSE_BY_LANGUAGE = {
    "es": [
        "Las organizaciones de la sociedad civil advirtieron que las garantías son débiles.",
        "Los funcionarios describieron el acuerdo como un hito para la cooperación.",
        "Los críticos dicen que el texto da a los gobiernos amplios poderes.",
    ],
    "fr": [
        "Les organisations de la société civile ont averti que les garanties restent faibles.",
        "Les responsables ont décrit l'accord comme une étape pour la coopération.",
        "Les critiques estiment que le texte donne aux gouvernements de larges pouvoirs.",
    ],
    "pt": [
        "As organizações da sociedade civil alertaram que as garantias continuam fracas.",
        "Os funcionários descreveram o acordo como um marco para a cooperação.",
        "Os críticos dizem que o texto dá aos governos amplos poderes.",
    ],
}


def synthetic_articles(count: int, seed: int = 7, language: str = "en") -> list[Article]:
    """``count`` articles of about 600 words: one sentence in three states a fact."""
    rng = random.Random(seed)
    phrases = _PHRASES_BY_LANGUAGE.get(language, _PHRASES)
    prose = _PROSE_BY_LANGUAGE.get(language, _PROSE)
    articles = []
    for i in range(count):
        sentences: list[str] = []
        words = 0
        while words < WORDS_PER_ARTICLE:
            pool = phrases if rng.random() < 1 / 3 else prose
            sentence = rng.choice(pool).format(
                place=rng.choice(_PLACES), person=rng.choice(_PEOPLE), n=rng.randint(12, 140)
            )
            sentences.append(sentence)
            words += len(sentence.split())
        paragraphs = [" ".join(sentences[j : j + 4]) for j in range(0, len(sentences), 4)]
        text = "Treaty talks continue\n" + "\n".join(paragraphs) + "\n"
        articles.append(
            Article(id=f"s{i}.txt", path=f"/s{i}.txt", text=text, published=date(2025, 9, 9))
        )
    return articles


def bench_speed(count: int = 400, language: str = "en") -> float:
    """(b) articles per second of ``extract`` on one core."""
    return bench_speed_and_cpu(count, language)[0]


def bench_speed_and_cpu(count: int = 400, language: str = "en") -> tuple[float, float]:
    """(b) articles per second of ``extract`` on one core, and its CPU microseconds per
    article (the steadier figure on a shared machine)."""
    articles = synthetic_articles(count, language=language)
    extract(articles[0])  # first call compiles the patterns and loads the gazetteer
    start, cpu = time.perf_counter(), time.process_time()
    for article in articles:
        extract(article)
    cpu = time.process_time() - cpu
    return count / (time.perf_counter() - start), cpu / count * 1e6


def _import_ms(statement: str, runs: int = 7) -> float:
    code = (
        "import time; t = time.perf_counter(); "
        f"{statement}; print((time.perf_counter() - t) * 1000)"
    )
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONPATH": str(ROOT / "src")},
        )
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def bench_import() -> list[tuple[str, float]]:
    """(c) median import times in fresh interpreters, in milliseconds."""
    return [
        ("import treatytui.facts", _import_ms("import treatytui.facts")),
        ("from treatytui.facts import extract", _import_ms("from treatytui.facts import extract")),
    ]


SPEED_LANGUAGES = ("en", *_PHRASES_BY_LANGUAGE)
_BATCH = 10


def _export_src(revision: str, folder: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "src"], capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder / "src"


class _Trees:
    """The ``treatytui`` packages of several source trees loaded in one interpreter, each
    put in place (its modules in ``sys.modules``) before its code runs."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.modules: dict[str, dict[str, Any]] = {}
        self.extract: dict[str, Any] = {}
        for name, src in sources.items():
            self._clear()
            sys.path.insert(0, str(src))
            try:
                module = importlib.import_module("treatytui.facts")
                self.extract[name] = module.extract
                self.modules[name] = self._own()
            finally:
                sys.path.remove(str(src))
        self.current: str | None = None

    @staticmethod
    def _own() -> dict[str, Any]:
        return {k: m for k, m in sys.modules.items() if k.partition(".")[0] == "treatytui"}

    def _clear(self) -> None:
        for key in [k for k in sys.modules if k.partition(".")[0] == "treatytui"]:
            del sys.modules[key]

    def use(self, name: str) -> Any:
        """Put tree ``name`` in place (keeping what the last one loaded lazily); its extract."""
        if self.current is not None:
            self.modules[self.current] = self._own()
        self._clear()
        sys.modules.update(self.modules[name])
        self.current = name
        return self.extract[name]


def compare_against(revision: str, passes: int, count: int = 100) -> None:
    """(b) for ``revision`` and for the checkout in one interpreter, batch by batch in
    turns (so that both meet the same load of a shared machine): each batch's fastest CPU
    time over ``passes``."""
    with tempfile.TemporaryDirectory() as tmp:
        trees = _Trees({revision: _export_src(revision, Path(tmp)), "checkout": ROOT / "src"})
        results: dict[str, dict[str, float]] = {name: {} for name in trees.extract}
        for lang in SPEED_LANGUAGES:
            articles = synthetic_articles(count, language=lang)
            for name in trees.extract:
                trees.use(name)(articles[0])  # compile, load the gazetteer
            batches = [articles[i : i + _BATCH] for i in range(0, count, _BATCH)]
            fastest = {name: [float("inf")] * len(batches) for name in trees.extract}
            for _ in range(passes):
                for i, batch in enumerate(batches):
                    for name in trees.extract:
                        extract_with = trees.use(name)
                        cpu = time.process_time()
                        for article in batch:
                            extract_with(article)
                        fastest[name][i] = min(fastest[name][i], time.process_time() - cpu)
            for name, times in fastest.items():
                results[name][lang] = sum(times) / count * 1e6
        trees.use("checkout")
    before, after = results[revision], results["checkout"]
    print(f"(b) extract, batches of {_BATCH} in turns, CPU time (fastest of {passes} passes)")
    print(f"    {'lang':<6}{revision + ' /s':>14}{'us':>8}{'checkout /s':>14}{'us':>8}{'x':>7}")
    for lang in SPEED_LANGUAGES:
        b, a = before[lang], after[lang]
        print(f"    {lang:<6}{1e6 / b:14,.0f}{b:8,.0f}{1e6 / a:14,.0f}{a:8,.0f}{b / a:7.2f}")


def profile_breakdown(count: int = 200) -> None:
    """(b) broken down by step, CPU microseconds an article (fastest of three passes)."""
    from treatytui.facts.extractor import extractors
    from treatytui.facts.sentences import SentenceIndex
    from treatytui.facts.tenses import Tenses

    spent: dict[str, float] = {}
    plain_of, plain_at = Tenses.of, Tenses.at

    def timed_of(cls: type[Tenses], sentence: str, language: str = "en") -> Tenses:
        cpu = time.process_time()
        try:
            return plain_of(sentence, language)
        finally:
            spent["tenses (in dates)"] = spent.get("tenses (in dates)", 0.0) + (
                time.process_time() - cpu
            )

    def timed_at(self: Tenses, offset: int) -> int:
        # reading a sentence's markers (Tenses.of) and its direction at a date (Tenses.at,
        # which reads the "later" words when it needs them)
        cpu = time.process_time()
        try:
            return plain_at(self, offset)
        finally:
            spent["tenses (in dates)"] = spent.get("tenses (in dates)", 0.0) + (
                time.process_time() - cpu
            )

    for lang in SPEED_LANGUAGES:
        articles = synthetic_articles(count, language=lang)
        extract(articles[0])
        best: dict[str, float] = {}
        Tenses.of = classmethod(timed_of)  # type: ignore[method-assign, assignment]
        Tenses.at = timed_at  # type: ignore[method-assign]
        try:
            for _ in range(3):
                spent.clear()
                for article in articles:
                    cpu = time.process_time()
                    sentences = SentenceIndex(article)
                    spent["sentences"] = spent.get("sentences", 0.0) + time.process_time() - cpu
                    cpu = time.process_time()
                    _ = sentences.language
                    spent["language"] = spent.get("language", 0.0) + time.process_time() - cpu
                    for extractor in extractors():
                        cpu = time.process_time()
                        extractor(article, sentences)
                        step = extractor.__name__.removeprefix("extract_")
                        spent[step] = spent.get(step, 0.0) + time.process_time() - cpu
                for step, seconds in spent.items():
                    best[step] = min(best.get(step, float("inf")), seconds)
        finally:
            Tenses.of, Tenses.at = plain_of, plain_at  # type: ignore[method-assign]
        steps = ", ".join(f"{step} {seconds / count * 1e6:,.0f}" for step, seconds in best.items())
        print(f"    {lang}: {steps} (CPU us an article)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", metavar="REV", help="compare (b) with a git revision")
    parser.add_argument("--passes", type=int, default=4, help="rounds of --against")
    parser.add_argument("--profile", action="store_true", help="break (b) down by step")
    parser.add_argument("--src", help="the source tree to --profile (default: the checkout's)")
    args = parser.parse_args()
    if args.against:
        compare_against(args.against, args.passes)
        return
    if args.profile:
        print("(b) by step")
        profile_breakdown()
        return
    print("(a) dates on the seed gold, value-exact (ranges included)")
    print(f"    {'system':<26}{'P':>6}{'R':>6}{'F1':>6}{'tp':>5}{'fp':>5}{'fn':>5}")
    for name, s in bench_quality():
        print(f"    {name:<26}{s.precision:6.2f}{s.recall:6.2f}{s.f1:6.2f}{s.tp:5}{s.fp:5}{s.fn:5}")
    rate, cpu = bench_speed_and_cpu()
    print(
        f"(b) extract: {rate:,.0f} articles/s, {cpu:,.0f} CPU us an article "
        f"({WORDS_PER_ARTICLE}-word articles, one core)"
    )
    others = []
    for lang in _PHRASES_BY_LANGUAGE:
        rate, cpu = bench_speed_and_cpu(200, lang)
        others.append(f"{lang} {rate:,.0f} ({cpu:,.0f} us)")
    print(f"    in other languages, articles/s (CPU us an article): {', '.join(others)}")
    print("(c) import time (median of 7 fresh interpreters)")
    for label, ms in bench_import():
        print(f"    {label:<40}{ms:7.1f} ms")


if __name__ == "__main__":
    main()
