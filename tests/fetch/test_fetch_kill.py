"""A fetch killed with SIGKILL leaves the collection and the index consistent, and the next
fetch completes the job (indexes what the killed one stored, fetches the rest)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from tests.fetch.pages import PAGES, article_page, rss_feed
from werkzeug import Request, Response

pytestmark = pytest.mark.slow


def treatytui(index: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "treatytui", "--index", str(index), *args]


def test_a_killed_fetch_is_completed_by_the_next(server: HTTPServer, tmp_path: Path) -> None:
    base = server.url_for("").rstrip("/")
    feed = rss_feed(base).replace(
        "</channel>",
        f"<item><title>Summit closes</title><link>{base}/world/summit-closes</link></item>"
        "</channel>",
    )
    server.expect_request("/rss.xml").respond_with_data(feed, content_type="application/rss+xml")
    release, arrived = threading.Event(), threading.Event()
    for path, (title, paragraphs) in PAGES.items():
        page = article_page(title, paragraphs)

        def respond(request: Request, page: str = page, path: str = path) -> Response:
            if path == "/world/summit-closes":
                arrived.set()
                release.wait(30)  # the fetch is killed while it waits for this one
            return Response(page, content_type="text/html")

        server.expect_request(path).respond_with_handler(respond)
    index = tmp_path / "ix"
    subprocess.run(treatytui(index, "feeds", "add", server.url_for("/rss.xml")), check=True)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "xdg")}
    fetch = subprocess.Popen(treatytui(index, "fetch"), env=env, stderr=subprocess.DEVNULL)
    store = index / "articles"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if arrived.is_set() and len(list(store.rglob("*.html"))) == 2:
            break
        time.sleep(0.05)
    else:
        pytest.fail("the fetch never got to the third page")
    fetch.send_signal(signal.SIGKILL)
    fetch.wait(10)
    release.set()

    pages = sorted(store.rglob("*.html"))
    assert len(pages) == 2
    assert all(page.with_suffix(".yaml").is_file() for page in pages)  # whole entries only
    assert (store / ".unindexed").exists()  # stored, not indexed yet

    again = subprocess.run(
        treatytui(index, "fetch"), env=env, capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 0, again.stderr
    assert "1 new, 0 updated, 2 unchanged, 0 failed" in again.stderr
    assert not (store / ".unindexed").exists()
    found = subprocess.run(
        treatytui(index, "search", "--json", "--limit", "20", "--sort", "newest"),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    titles = {hit["title"] for hit in json.loads(found.stdout)}
    assert {
        "Lagoon states sign data-crime pact",
        "Observers doubt the pact's privacy safeguards",
        "Summit closes",
    } <= titles
