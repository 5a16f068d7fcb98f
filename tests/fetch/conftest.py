"""A real local HTTP server (threaded, so a slow handler does not hold up the others)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from tests.fetch.pages import atom_feed, rss_feed, serve_pages

from treatytui.fetch.http import HttpSettings

# Short limits, so the tests of timeouts and pauses run in well under a second each.
FAST = HttpSettings(
    connect_timeout=2.0, read_timeout=0.5, total_timeout=5.0, host_delay=0.0, max_retry_wait=2.0
)


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    web = HTTPServer(threaded=True)
    web.start()
    try:
        yield web
    finally:
        web.clear()
        web.stop()


@pytest.fixture
def news(server: HTTPServer) -> HTTPServer:
    """The server with an RSS and an Atom feed (``/rss.xml``, ``/atom.xml``) and their pages."""
    base = server.url_for("").rstrip("/")
    server.expect_request("/rss.xml").respond_with_data(
        rss_feed(base), content_type="application/rss+xml"
    )
    server.expect_request("/atom.xml").respond_with_data(
        atom_feed(base), content_type="application/atom+xml"
    )
    serve_pages(server)
    return server
