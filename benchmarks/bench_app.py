"""Benchmarks of the reader app.

1. Cold start to an interactive main screen on the seeds, against a bare Textual app with
   the same kinds of widgets (three bordered, titled panes: an input, a status line, option
   lists, a scrolling text view; a footer with bindings), measured in the same run as
   separate processes, interleaved: medians and their ratio (target <= 1.2x). Each figure is
   the time from the parent's launch of ``python`` to the second screen refresh after the
   app's ``on_mount`` (the first frame is on screen and the app handles keys): interpreter
   start, imports, compose, CSS, layout and the first paint. ``treatytui`` counts its own
   settings object but not the index (it opens in a worker after the first frame);
   ``treatytui+results`` waits also for the first results (whoosh import, index open,
   search) to be listed and painted.
2. First results on a large index: the median time from launch to the first results
   listed and painted, with the reader's start-up refresh of the collection (``--index
   DIR``: an existing index, e.g. a copy of the shared 100,000-article one; target <= 1 s).
3. Key press -> results on screen, p95, on a generated 10,000-article index, minus the
   searcher's own latency (target <= 50 ms over it).
4. RSS of the app with that index open.

    python benchmarks/bench_app.py                 # everything (the 10k index is cached)
    python benchmarks/bench_app.py --only start    # just the start-up comparison
    python benchmarks/bench_app.py --only first --index /tmp/copy-of-ours-100000
    python benchmarks/bench_app.py --articles 2000 # a smaller generated index
    python benchmarks/bench_app.py --screenshot docs/screenshot.svg  # the README's picture

The generated collection and its index are cached in /tmp/treatytui-bench-<N>/.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# -- child processes: one start-up each -------------------------------------------------


def child_treaty(index: str, *, results: bool = False, refresh: bool = True) -> None:
    """Start the reader headless; report once the main screen is painted (or, with
    ``results``, once the first results are listed and painted)."""
    from treatytui.app.app import TreatyApp
    from treatytui.app.settings import Settings

    class Timed(TreatyApp):
        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            if results and self.main.last_result is None:
                self.set_timer(0.002, self._painted)
                return
            self.call_after_refresh(self._done)

        def _done(self) -> None:
            _ready()
            self.exit()

    Timed(Path(index), settings=Settings(), poll_seconds=0, refresh_index=refresh).run(
        headless=True, size=(120, 36)
    )


def child_bare() -> None:
    """A bare Textual app with the same kinds of widgets as the reader's first frame: three
    bordered panes with titles (an input, a status line and an option list of results; a
    scrolling text view; an option list of facts) and a footer showing a few bindings.
    It reports once it is painted, exactly as the reader's child does."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.widgets import Footer, Input, OptionList, Static

    class Bare(App[None]):
        CSS = """
        #left, #text, #facts { border: round $border; width: 1fr; }
        #left { max-width: 64; } #facts { width: 34; }
        Input { border: none; height: 1; } OptionList { border: none; height: 1fr; }
        """
        BINDINGS = [  # noqa: RUF012 (as Textual declares it)
            Binding("ctrl+q", "quit", "Quit"),
            Binding("f1", "help", "Help"),
            Binding("ctrl+o", "sort", "Sort"),
        ]

        def compose(self) -> ComposeResult:
            with Horizontal():
                with Vertical(id="left"):
                    yield Input(placeholder="Search…")
                    yield Static("2 articles · newest first")
                    yield OptionList(
                        *[f"Article {i}\nsource · date\nsnippet " * 3 for i in range(2)]
                    )
                with VerticalScroll(id="text"):
                    yield Static("No article open. " * 4)
                yield OptionList("Open an article to see its facts: dates, venues…", id="facts")
            yield Footer()

        def on_mount(self) -> None:
            for selector, title in (("#left", "Search"), ("#text", "Article"), ("#facts", "Facts")):
                self.query_one(selector).border_title = title
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            self.call_after_refresh(self._done)

        def _done(self) -> None:
            _ready()
            self.exit()

    Bare().run(headless=True, size=(120, 36))


def _ready() -> None:
    """Report (on stdout) the milliseconds from the parent's launch to now."""
    launched = float(sys.argv[sys.argv.index("--launched") + 1])
    # Straight to the file descriptor: Textual captures sys.stdout while it runs. The CPU
    # time so far (every thread) is the figure that holds on a shared machine.
    cpu = time.process_time() * 1000
    os.write(1, f"READY {(time.time() - launched) * 1000:.1f} {cpu:.1f}\n".encode())


def _time_child(args: list[str]) -> float:
    """Launch a child; the time from launch to its interactive screen (not to its exit)."""
    return _run_child(args)[0]


def _run_child(args: list[str]) -> tuple[float, float]:
    """Launch a child: (ms from launch to its interactive screen, CPU ms the child had used
    by then, in every thread: the figure that holds on a machine shared with other work)."""
    command = [sys.executable, __file__, "--launched", repr(time.time()), "--child", *args]
    # A child whose first search fails (e.g. "query too broad" on a loaded machine) never
    # reports: it is stopped instead of waiting for ever.
    output = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout
    ready = next(line for line in output.splitlines() if line.startswith("READY"))
    wall, cpu = ready.split()[1:3]
    return float(wall), float(cpu)


def bench_start(runs: int) -> None:
    from treatytui.config import seeds_dir
    from treatytui.search.indexer import refresh

    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "index"
        refresh(index, [seeds_dir()])
        kinds = {
            "bare": ["bare"],
            "treatytui": ["treaty", str(index)],
            "treatytui+results": ["treaty-results", str(index)],
        }
        for kind in kinds.values():  # warm the file cache and bytecode
            _time_child(kind)
        times: dict[str, list[float]] = {name: [] for name in kinds}
        for _ in range(runs):
            for name, kind in kinds.items():  # interleaved, so load affects all alike
                times[name].append(_time_child(kind))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"cold start, median of {runs} (process launch to interactive screen):")
    for name, value in medians.items():
        print(f"  {name:<18} {value:7.0f} ms   (all: {', '.join(f'{v:.0f}' for v in times[name])})")
    print(
        f"  ratio treatytui / bare: {medians['treatytui'] / medians['bare']:.2f}x (target <= 1.2x)"
    )
    print(
        f"  ratio with first results listed: {medians['treatytui+results'] / medians['bare']:.2f}x"
    )


def bench_first(index: Path, runs: int, *, refresh: bool) -> None:
    """Launch to the first results painted, on an existing (large) index."""
    kind = ["treaty-results" if refresh else "treaty-results-norefresh", str(index)]
    _run_child(kind)  # warm the file cache and bytecode
    runs_done = [_run_child(kind) for _ in range(runs)]
    times, cpus = [r[0] for r in runs_done], [r[1] for r in runs_done]
    with_refresh = "with" if refresh else "without"
    print(
        f"first results on {index} ({with_refresh} the start-up refresh), median of {runs}: "
        f"{statistics.median(times):.0f} ms (all: {', '.join(f'{v:.0f}' for v in times)}); "
        f"CPU used by then {statistics.median(cpus):.0f} ms"
    )


# -- a generated collection ---------------------------------------------------------------

TOPIC = """convention cybercrime signing ceremony hanoi treaty ratification delegation minister
united nations general assembly secretary-general unodc member states electronic evidence
cooperation human rights privacy surveillance critics industry civil society parliament
president government countries signatories adopted negotiations vienna new york committee
data protection safeguards extradition investigation ransomware fraud online abuse children
platforms security agencies experts digital future rule-based international law""".split()


def _article(rng: random.Random, number: int, words: list[str]) -> str:
    def sentence() -> str:
        chosen = [
            rng.choice(words if rng.random() < 0.7 else TOPIC) for _ in range(rng.randint(8, 22))
        ]
        return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."

    title = " ".join(rng.choice(TOPIC) for _ in range(rng.randint(5, 9))).capitalize()
    day = f"202{rng.randint(3, 5)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    source = rng.choice(["Wire A", "Daily B", "Gazette C", "Times D", "Post E"])
    paragraphs = [
        " ".join(sentence() for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(3, 8))
    ]
    front = f'---\ntitle: "{title} {number}"\nsource: {source}\npublished: {day}\n---\n'
    return front + title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def generated_index(count: int) -> Path:
    """A cached index of ``count`` synthetic articles (built with the real indexer)."""
    from treatytui.search.indexer import refresh

    base = Path(f"/tmp/treatytui-bench-{count}")
    articles, index = base / "articles", base / "index"
    if (base / "done").exists():
        return index
    shutil.rmtree(base, ignore_errors=True)
    articles.mkdir(parents=True)
    rng = random.Random(20251025)
    syllables = ["ka", "lo", "mi", "ra", "te", "su", "vin", "dor", "pel", "quan", "ber", "tis"]
    words = sorted(
        {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(6000)}
    )
    for number in range(count):
        folder = articles / f"{number // 1000:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"a{number:05d}.txt").write_text(_article(rng, number, words), encoding="utf-8")
    started = time.perf_counter()
    report = refresh(index, [articles])
    print(f"indexed {report.total} generated articles in {time.perf_counter() - started:.0f} s")
    (base / "done").touch()
    return index


# -- key press to results -----------------------------------------------------------------

QUERIES = ["convention signing", "hanoi delegation", "ransomware", "human rights safeguards"]


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _typing(index: Path) -> tuple[list[float], list[float], float, int]:
    """Type the queries a key at a time; time each key from the input's change to the
    first screen refresh after its results are listed (Pilot's own waits are not counted)."""
    from treatytui.app.app import TreatyApp
    from treatytui.app.screens.main import MainScreen
    from treatytui.app.settings import Settings

    typed_at: dict[int, float] = {}
    painted: dict[int, tuple[float, float]] = {}
    original_search_done = MainScreen._search_done

    def search_done(self: MainScreen, serial: int, result, *state: object) -> None:
        original_search_done(self, serial, result, *state)
        if serial in typed_at and serial not in painted:
            elapsed = result.elapsed_ms
            self.call_after_refresh(
                lambda: painted.setdefault(serial, (time.perf_counter(), elapsed))
            )

    app = TreatyApp(index, settings=Settings(), poll_seconds=0, refresh_index=False)
    async with app.run_test(size=(120, 36)) as pilot:
        while app.main.last_result is None:
            await asyncio.sleep(0.01)
        await pilot.pause()
        screen = app.main
        original_run_query = screen.run_query

        def run_query(*, as_you_type: bool = True) -> None:
            typed_at[screen._requested + 1] = time.perf_counter()
            original_run_query(as_you_type=as_you_type)

        screen.run_query = run_query  # type: ignore[method-assign]
        MainScreen._search_done = search_done  # type: ignore[method-assign]
        try:
            for query in QUERIES:
                for char in query:
                    await pilot.press("space" if char == " " else char)
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                await pilot.press("escape")  # clears the query
                await app.workers.wait_for_complete()
                await pilot.pause()
        finally:
            MainScreen._search_done = original_search_done  # type: ignore[method-assign]
        rss = _rss_mb()
        count = app.searcher.count() if app.searcher else 0
    totals = [(painted[k][0] - typed_at[k]) * 1000 for k in sorted(painted)]
    own = [painted[k][1] for k in sorted(painted)]
    return totals, own, rss, count


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def bench_typing(count: int) -> None:
    index = generated_index(count)
    totals, own, rss, articles = asyncio.run(_typing(index))
    overhead = [t - o for t, o in zip(totals, own, strict=True)]
    print(f"key press -> results on screen, {len(totals)} key presses, {articles} articles:")
    print(f"  total     p50 {statistics.median(totals):6.1f} ms   p95 {_p95(totals):6.1f} ms")
    print(f"  searcher  p50 {statistics.median(own):6.1f} ms   p95 {_p95(own):6.1f} ms")
    print(
        f"  app overhead p50 {statistics.median(overhead):6.1f} ms   "
        f"p95 {_p95(overhead):6.1f} ms (target <= 50 ms)"
    )
    print(f"RSS with the {articles}-article index open: {rss:.0f} MB")


def screenshot(path: str) -> None:
    """Save the README screenshot: the seeds, a query, an open article, a chosen fact."""
    from treatytui.app.app import TreatyApp
    from treatytui.app.settings import Settings
    from treatytui.config import seeds_dir
    from treatytui.search.indexer import refresh

    async def take(index: Path) -> None:
        app = TreatyApp(index, settings=Settings(), poll_seconds=0)
        async with app.run_test(size=(140, 40)) as pilot:

            async def settle() -> None:
                for _ in range(3):
                    await pilot.pause()
                    await app.workers.wait_for_complete()

            await settle()
            for keys in (list("hanoi"), ["enter"], ["down", "enter"], ["n"], ["f"]):
                await pilot.press(*keys)
                await settle()
            await pilot.press("down", "down", "down", "down", "enter")
            await settle()
            app.save_screenshot(filename=Path(path).name, path=str(Path(path).parent))

    with tempfile.TemporaryDirectory() as folder:
        index = Path(folder) / "index"
        refresh(index, [seeds_dir()])
        asyncio.run(take(index))
    print(f"saved {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--launched", help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=["start", "first", "typing"])
    parser.add_argument("--index", type=Path, help="an existing index for --only first")
    parser.add_argument(
        "--no-refresh", action="store_true", help="--only first without the start-up refresh"
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--screenshot", metavar="SVG", help="save the README screenshot")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
        return
    if args.child:
        kind, *rest = args.child
        if kind == "bare":
            child_bare()
        else:
            child_treaty(
                rest[0],
                results=kind.startswith("treaty-results"),
                refresh=not kind.endswith("norefresh"),
            )
        return
    if args.only in (None, "start"):
        bench_start(args.runs)
    if args.only == "first" or (args.only is None and args.index):
        if args.index is None:
            parser.error("--only first needs --index DIR")
        bench_first(args.index, args.runs, refresh=not args.no_refresh)
    if args.only in (None, "typing"):
        bench_typing(args.articles)


if __name__ == "__main__":
    main()
