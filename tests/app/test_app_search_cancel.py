"""A new keystroke cancels the search still running for the previous one (issue 13)."""

from __future__ import annotations

import threading
import time

from conftest import settle

SIZE = (120, 36)


async def test_a_new_query_cancels_a_running_search(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        searcher = app.searcher
        assert searcher is not None
        real_search = searcher.search
        stuck_started = threading.Event()
        waited: list[float] = []

        def search(text, **options):
            if text == "slow":
                # A search that would run for a long time: it ends only when told that
                # a newer one took its place.
                cancelled = options.get("cancelled", lambda: False)
                stuck_started.set()
                started = time.perf_counter()
                while not cancelled() and time.perf_counter() - started < 10:
                    time.sleep(0.01)
                waited.append(time.perf_counter() - started)
            return real_search(text, **options)

        searcher.search = search  # type: ignore[method-assign]
        app.main.search_pane.query_input.insert_text_at_cursor("slow")
        for _ in range(200):
            if stuck_started.is_set():
                break
            await pilot.pause(0.01)
        assert stuck_started.is_set()
        app.main.search_pane.query_input.value = "hanoi"
        await settle(pilot)
        assert waited and waited[0] < 2  # the slow search stopped when "hanoi" came
        result = app.main.last_result
        assert result is not None and result.query == "hanoi" and result.hits
