"""Equivalence check of the facts extractor: the same facts before and after a change.

A speed change must not change a single fact. Dump the facts (contract JSON) of a large,
deterministic check set with the code before the change, then compare after it::

    python benchmarks/facts_equivalence.py dump /tmp/facts-before.jsonl
    python benchmarks/facts_equivalence.py check /tmp/facts-before.jsonl

``--against REV`` dumps with the ``src/`` of a git revision instead of the checkout's, in
a fresh interpreter, and compares with the checkout: ``check --against main`` needs no
dump file. The check set (``--list`` shows its parts and sizes):

- the seeds (``seeds/*.txt``) and the dev set (``tests/facts/dev/*.yaml``);
- the synthetic articles of ``bench_facts.py`` in English, Spanish, French, Portuguese,
  and of ``synthetic.py`` (the shared benchmark collection's prose);
- every string of 20 characters or more in the facts tests (``tests/facts/*.py``): the
  sentences written for each rule, in every language the extractor reads;
- texts built at random (fixed seed) from date, count, venue and name fragments in eight
  languages, with and without a publication date: edge cases no article has.

Each article's facts are compared as JSON: the first difference is printed with its
article, and the exit status is 1 when any differs.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
if "--src" in sys.argv:  # the source tree to dump with (set by --against): before imports
    sys.path.insert(0, sys.argv[sys.argv.index("--src") + 1])
else:
    sys.path.insert(0, str(ROOT / "src"))

from treatytui.corpus.article import Article  # noqa: E402
from treatytui.corpus.loading import load_article  # noqa: E402

SYNTHETIC_PER_LANGUAGE = 150
SHARED_SYNTHETIC = 150
RANDOM_TEXTS = 1500

_FRAGMENTS = [
    "October 25-26", "14 and 15 May 2025", "3 March-14 April 2023", "Tuesday, Nov. 4",
    "14/3", "24/7", "03Nov2025", "2025-02-30", "2025-10-27", "on 9 March", "on March 9",
    "was held on 3 May", "will meet on 3 May", "last week", "next month", "in 2019",
    "more than 110 countries", "some 20 to 25 countries", "forty-two states", "a dozen ministers",
    "four rounds", "the 37th state to ratify", "ratifications now stand at 23",
    "31 ratifications are needed", "the UN's 193 Member States", "from 60 countries",
    "a 101-45 vote", "with 20 abstentions", "resolution 78/123", "in Hanoi, Vietnam",
    "📍 Kampala", "NAIROBI —", "GENEVA, 17 June (UN Information Service) —",
    "Kigali March 4/2019 (ENA) --", "at the Palais des Nations", "in Cartagena, Colombia",
    "Rio de Janeiro", "Bandar Seri Begawan", "the Sheraton Conference Centre in Kololo",
    "President Luong Cuong", "Maria T. Okonkwo said", "Pēteris ZARIŅŠ", "said Kofi Mensah",
    "Germany's Minister for Economic Cooperation Lena Hartmann", "Ana Paula dos Santos Ferreira",
    "Dr. Jane Doe, Executive Director", "Photo: John Smith", "Telegram", "Participants",
    "United Nations Office on Drugs and Crime (UNODC)", "the World Trade Organization",
    "this October", "yesterday", "last year", "Sept. 18 and 19 last year",
    "Friday (September 12)", "since 2017", "the 2030 Agenda", "Mr. Lee", "U.S.", "a.m.",
    "los países y las delegaciones del ", "les pays et des délégations du ",
    "os países e das delegações dos ", "die Länder und der Delegationen ",
    "i paesi e delle delegazioni della ", "negara dan para delegasi yang ",
    "các nước và những đại biểu của ", "del 23 al 26 de marzo de 2026", "el pasado 12 de abril",
    "Ginebra, 15 dic (EFE).-", "más de 60 países", "en Ginebra, Suiza", "le 1er décembre",
    "du 26 février au 2 mars 2024", "mi-mars", "plus de 60 pays", "à Nairobi",
    "entre os dias 3 e 5 de maio", "1º de janeiro", "mais de 40 chefes de Estado", "em Brasília",
    "am 4. und 5. Dezember", "dal 12 al 16 ottobre", "26-28 Oktober 2025", "tanggal 5 Juli 2025",
    "ngày 26 tháng 10 năm 2025", "ngày 25/10/2025", "tháng 12", "30 de febrero",
    "said", "the", "of the", "and", " ", " ", "\n", "\n\n", ". ", ", ", "(", ")",
]  # fmt: skip
_LANGUAGE_SEEDS = ["en", "es", "fr", "pt"]


def _bench_facts_articles() -> Iterator[tuple[str, Article]]:
    import bench_facts

    for language in _LANGUAGE_SEEDS:
        for article in bench_facts.synthetic_articles(SYNTHETIC_PER_LANGUAGE, 11, language):
            yield f"bench-{language}/{article.id}", article


def _shared_synthetic() -> Iterator[tuple[str, Article]]:
    import synthetic

    for n in range(SHARED_SYNTHETIC):
        text = synthetic.article_text(n)
        yield f"synthetic/{n}", Article(id=f"{n}.txt", path=f"/{n}.txt", text=text)


def _seeds() -> Iterator[tuple[str, Article]]:
    seeds = ROOT / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        yield f"seed/{path.name}", load_article(path, seeds)


def _dev() -> Iterator[tuple[str, Article]]:
    import eval_facts

    for name, _lang, article, _gold in eval_facts.load_dev():
        yield f"dev/{name}", article


def _test_strings() -> Iterator[tuple[str, Article]]:
    for path in sorted((ROOT / "tests" / "facts").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = sorted(
            {
                node.value
                for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str)
                if len(node.value) >= 20
            }
        )
        for text in strings:
            key = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]  # stable as tests grow
            for published in (None, date(2026, 1, 10)):
                yield (
                    f"tests/{path.stem}/{key}/{published}",
                    Article(id="t.txt", path="/t.txt", text=text, published=published),
                )


def _random_texts() -> Iterator[tuple[str, Article]]:
    rng = random.Random(2026)
    for i in range(RANDOM_TEXTS):
        pieces = rng.choices(_FRAGMENTS, k=rng.randint(1, 40))
        text = "".join(p + rng.choice((" ", " ", "", ".\n", ", ")) for p in pieces)
        published = rng.choice((None, date(2025, 9, 9), date(2026, 1, 10)))
        url = rng.choice((None, "https://x.org/2025/10/27/a"))
        yield (
            f"random/{i}",
            Article(id="r.txt", path="/r.txt", text=text, published=published, url=url),
        )


PARTS = {
    "seeds": _seeds,
    "dev": _dev,
    "bench": _bench_facts_articles,
    "synthetic": _shared_synthetic,
    "tests": _test_strings,
    "random": _random_texts,
}


def check_set() -> Iterator[tuple[str, Article]]:
    """(name, article) of every article of the check set, in a fixed order."""
    for part in PARTS.values():
        yield from part()


def dump_lines() -> Iterator[str]:
    """One JSON line per article: its name and its facts' contract JSON."""
    from treatytui.facts import extract

    for name, article in check_set():
        facts = [fact.to_dict() for fact in extract(article)]
        yield json.dumps({"name": name, "facts": facts}, ensure_ascii=False, sort_keys=True)


def dump(path: Path) -> int:
    with path.open("w", encoding="utf-8") as out:
        count = 0
        for line in dump_lines():
            out.write(line + "\n")
            count += 1
    return count


def compare(before: Path) -> int:
    """How many articles' facts differ from the dump at ``before`` (printing the first few)."""
    expected = _by_name(before.read_text(encoding="utf-8").splitlines())
    actual = _by_name(dump_lines())
    common = [name for name in actual if name in expected]
    differing = 0
    for name in common:
        if expected[name] != actual[name]:
            differing += 1
            if differing <= 3:
                _show_difference(json.loads(expected[name]), json.loads(actual[name]))
    print(f"{len(common)} articles compared, {differing} with different facts")
    if len(common) != len(expected) or len(common) != len(actual):
        # a test string added or removed since the dump: nothing to compare it with
        gone, new = len(expected) - len(common), len(actual) - len(common)
        print(f"({gone} only in the dump, {new} only now)")
    return differing


def _by_name(lines: Iterable[str]) -> dict[str, str]:
    return {json.loads(line)["name"]: line for line in lines}


def _show_difference(old: dict, new: dict) -> None:
    print(f"--- {old['name']} (before) / {new['name']} (now)")
    olds = {json.dumps(f, sort_keys=True, ensure_ascii=False) for f in old["facts"]}
    news = {json.dumps(f, sort_keys=True, ensure_ascii=False) for f in new["facts"]}
    for fact in sorted(olds - news)[:5]:
        print(f"  - {fact[:300]}")
    for fact in sorted(news - olds)[:5]:
        print(f"  + {fact[:300]}")
    if olds == news:
        print("  (same facts, in another order)")


def _dump_at_revision(revision: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", revision, "src"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        subprocess.run(
            [sys.executable, __file__, "dump", str(out), "--src", str(Path(tmp) / "src")],
            check=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("dump", "check", "list"))
    parser.add_argument("file", nargs="?", type=Path, help="the dump to write or compare with")
    parser.add_argument("--against", help="dump with this git revision's src/ (check only)")
    parser.add_argument("--src", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.action == "list":
        for name, part in PARTS.items():
            print(f"{name:<10}{sum(1 for _ in part()):6} articles")
        return
    if args.action == "dump":
        if args.file is None:
            parser.error("dump needs a file")
        print(f"{dump(args.file)} articles dumped to {args.file}")
        return
    if args.against:
        with tempfile.TemporaryDirectory() as tmp:
            before = Path(tmp) / "before.jsonl"
            _dump_at_revision(args.against, before)
            sys.exit(1 if compare(before) else 0)
    if args.file is None:
        parser.error("check needs a file or --against REV")
    sys.exit(1 if compare(args.file) else 0)


if __name__ == "__main__":
    main()
