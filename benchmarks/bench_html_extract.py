"""Main text and metadata from HTML: treatytui's extractor against trafilatura.

    python benchmarks/bench_html_extract.py            # the fixture pages of tests/fetch
    python benchmarks/bench_html_extract.py --repeats 50

For each page of ``tests/fetch/extraction_pages.py`` (text written for the tests, markup
shaped like news sites): the share of the article's sentences kept, the share of page
furniture (navigation, cookie banners, related articles, footers, share and newsletter
boxes, comments) dropped, the metadata fields right (title, source, authors, date), and
the time per page (CPU). ``--extractors`` picks which to run: ``ours`` is
``treatytui.corpus.cleaning.clean(html, "html")`` (the indexer's path: trafilatura, plus
the headline and captions), ``trafilatura`` is ``trafilatura.bare_extraction`` alone.

Before trafilatura, ``ours`` was an html.parser cleaner (commit c2bfcc3); on these pages
it kept 21/21 sentences, dropped 8/28 of the furniture and got 14/24 metadata fields, at
1.2 ms a page; trafilatura alone kept 20/21 (no captions), 28/28, 24/24, at 4.6 ms.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.fetch.extraction_pages import PAGES, ExtractionPage  # noqa: E402

Extracted = tuple[str, dict[str, object]]


def _ours(html: str) -> Extracted:
    from treatytui.corpus.cleaning import clean

    document = clean(html, "html")
    meta = document.metadata
    return document.text, {
        "title": meta.title,
        "source": meta.source,
        "authors": tuple(meta.authors),
        "published": meta.published.isoformat() if meta.published else None,
    }


def _trafilatura(html: str) -> Extracted:
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if found is None:
        return "", {}
    authors = tuple(a.strip() for a in (found.author or "").split(";") if a.strip())
    return found.text or "", {
        "title": found.title,
        "source": found.sitename,
        "authors": authors,
        "published": found.date,
    }


EXTRACTORS: dict[str, Callable[[str], Extracted]] = {"ours": _ours, "trafilatura": _trafilatura}


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def score(page: ExtractionPage, extracted: Extracted) -> tuple[int, int, int, int]:
    """(kept found, furniture dropped, metadata fields right, metadata fields)."""
    text, meta = extracted
    body = _normal(text)
    kept = sum(_normal(s) in body for s in page.kept)
    dropped = sum(_normal(s) not in body for s in page.dropped)
    right = sum(meta.get(k) == v for k, v in page.meta.items())
    return kept, dropped, right, len(page.meta)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--extractors", nargs="*", default=list(EXTRACTORS))
    parser.add_argument("--verbose", "-v", action="store_true", help="what each page missed")
    args = parser.parse_args()
    print(f"{len(PAGES)} pages, {args.repeats} repeats; CPU time per page")
    header = ("extractor", "text kept", "furniture dropped", "metadata", "ms/page")
    print(f"{header[0]:12} {header[1]:>12} {header[2]:>18} {header[3]:>10} {header[4]:>8}")
    for name in args.extractors:
        extract = EXTRACTORS[name]
        for page in PAGES:  # warm up: imports, caches
            extract(page.html)
        totals = [0, 0, 0, 0]
        kept_total = sum(len(p.kept) for p in PAGES)
        dropped_total = sum(len(p.dropped) for p in PAGES)
        for page in PAGES:
            result = extract(page.html)
            for i, value in enumerate(score(page, result)):
                totals[i] += value
            if args.verbose:
                text, meta = result
                missed = [s[:50] for s in page.kept if _normal(s) not in _normal(text)]
                leaked = [s[:50] for s in page.dropped if _normal(s) in _normal(text)]
                wrong = {k: meta.get(k) for k, v in page.meta.items() if meta.get(k) != v}
                print(f"  {name} / {page.name}: missed {missed} leaked {leaked} wrong {wrong}")
        started = time.process_time()
        for _ in range(args.repeats):
            for page in PAGES:
                extract(page.html)
        per_page = (time.process_time() - started) / (args.repeats * len(PAGES)) * 1000
        print(
            f"{name:12} {totals[0]:>5}/{kept_total:<3} {totals[0] / kept_total:4.0%}"
            f" {totals[1]:>8}/{dropped_total:<3} {totals[1] / dropped_total:4.0%}"
            f" {totals[2]:>4}/{totals[3]:<3} {per_page:8.2f}"
        )


if __name__ == "__main__":
    main()
