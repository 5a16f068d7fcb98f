"""Fetching from the reader (R, the palette) against a real local HTTP server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from tests.app.conftest import SIZE, screen_text, settle
from tests.fetch.conftest import FAST
from tests.fetch.pages import rss_feed, serve_pages

from treatytui.app.messages import FetchStatus
from treatytui.fetch.subscriptions import FeedList


@pytest.fixture
def web() -> Iterator[HTTPServer]:
    server = HTTPServer(threaded=True)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        server.stop()


def follow(index: Path, *urls: str) -> None:
    feeds = FeedList.load(index)
    for url in urls:
        feeds.add(url)
    feeds.save()


async def fetched(pilot, key: str = "R") -> list[str]:
    """Press ``key`` away from the input, wait for the fetch; the statuses it posted."""
    app = pilot.app
    statuses: list[str] = []
    post = app.main.post_message

    def record(message) -> bool:
        if isinstance(message, FetchStatus):
            statuses.append(message.text)
        return post(message)

    app.main.post_message = record  # type: ignore[method-assign]
    app.main.search_pane.results.focus()  # away from the search input
    await pilot.pause()
    await pilot.press(key)
    for _ in range(200):
        await settle(pilot)
        if not app.main.fetcher.running:
            break
    await settle(pilot)
    return statuses


async def test_fetch_key_brings_new_articles_in_without_a_restart(
    make_app, seed_index: Path, web: HTTPServer
) -> None:
    base = web.url_for("").rstrip("/")
    web.expect_request("/rss.xml").respond_with_data(
        rss_feed(base), content_type="application/rss+xml"
    )
    serve_pages(web)
    follow(seed_index, web.url_for("/rss.xml"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.library.count()
        app.main.fetcher.settings = FAST
        statuses = await fetched(pilot)
        assert any(s.startswith("Fetching") for s in statuses)
        assert statuses[-1] == ""  # the count came back
        summaries = [n.message for n in app._notifications if n.title == "Fetch"]
        assert summaries and summaries[-1].startswith("2 new, 0 updated, 0 failed")
        assert app.library.count() == before + 2
        await pilot.press("slash", *"lagoon pact", "enter")
        await settle(pilot)
        assert "Lagoon states sign data-crime pact" in screen_text(app)
        assert "Fetching" not in screen_text(app)

        statuses = await fetched(pilot)  # nothing new the second time
        summaries = [n.message for n in app._notifications if n.title == "Fetch"]
        assert summaries[-1].startswith("0 new, 0 updated, 0 failed")


async def test_fetch_says_how_to_follow_a_feed_when_there_is_none(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await fetched(pilot)
        (notice,) = [n for n in app._notifications if n.title == "Fetch"]
        assert notice.severity == "warning"
        assert "treatytui feeds add URL" in notice.message


async def test_a_failing_feed_is_named_with_its_reason(
    make_app, seed_index: Path, web: HTTPServer
) -> None:
    web.expect_request("/gone.xml").respond_with_data("gone", status=404)
    follow(seed_index, web.url_for("/gone.xml"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.main.fetcher.settings = FAST
        await fetched(pilot)
        (notice,) = [n for n in app._notifications if n.title == "Fetch"]
        assert notice.severity == "warning"
        assert notice.message.startswith("0 new, 0 updated, 1 failed")
        assert "404" in notice.message


async def test_the_palette_fetches_too(make_app, seed_index: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"fetch feeds")
        await settle(pilot)
        await pilot.press("enter")
        for _ in range(50):
            await settle(pilot)
            if any(n.title == "Fetch" for n in app._notifications):
                break
        assert any("feeds add" in n.message for n in app._notifications if n.title == "Fetch")
