"""Fetching feeds and pages into the managed folder, against a real local server."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer
from tests.fetch.conftest import FAST
from tests.fetch.pages import PAGES, article_page, rss_feed, serve_pages
from werkzeug import Request, Response

from treatytui.fetch.lock import FetchBusy, FetchLock
from treatytui.fetch.run import fetch_feeds, fetch_pages
from treatytui.fetch.store import LEDGER
from treatytui.fetch.subscriptions import FeedList


def follow(index: Path, *urls: str, tags: list[str] | None = None) -> None:
    feeds = FeedList.load(index)
    for url in urls:
        feeds.add(url, tags=tags)
    feeds.save()


def stored(store: Path) -> dict[str, dict]:
    return {
        p.relative_to(store).as_posix(): yaml.safe_load(p.with_suffix(".yaml").read_text())
        for p in sorted(store.rglob("*.html"))
    }


def test_rss_and_atom_entries_are_stored_with_their_metadata(
    news: HTTPServer, tmp_path: Path
) -> None:
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, news.url_for("/rss.xml"), tags=["pacific"])
    follow(index, news.url_for("/atom.xml"))
    report = fetch_feeds(index, store, settings=FAST)
    assert (report.new, report.failed) == (4, 0), report
    pages = stored(store)
    assert len(pages) == 4
    signing = next(v for k, v in pages.items() if "lagoon-signing" in k)
    assert signing["title"] == "Lagoon states sign data-crime pact"
    assert signing["source"] == "Harbour Ledger"  # the page's og:site_name
    assert signing["url"] == news.url_for(
        "/news/2025/10/27/lagoon-signing?utm_source=rss&utm_medium=feed"
    )
    assert signing["published"] == "2025-10-27"
    assert signing["authors"] == ["Ines Okafor"]
    assert signing["tags"] == ["pacific", "treaty"]
    assert signing["feed"] == news.url_for("/rss.xml")
    assert "fetched_at" in signing
    summit = next(v for k, v in pages.items() if "summit-closes" in k)
    assert summit["published"] == "2025-11-07" and summit["authors"] == ["Tomas Reyes"]
    names = [f.name for f in FeedList.load(index).feeds]
    assert names == ["Harbour Ledger: Treaties", "Coral Bay Courier"]  # named after their titles


def test_a_second_fetch_with_nothing_new_writes_nothing(news: HTTPServer, tmp_path: Path) -> None:
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, news.url_for("/rss.xml"), news.url_for("/atom.xml"))
    fetch_feeds(index, store, settings=FAST)
    before = {p: p.stat().st_mtime_ns for p in store.rglob("*")}
    requests = len(news.log)
    again = fetch_feeds(index, store, settings=FAST)
    assert (again.new, again.updated, again.unchanged, again.failed) == (0, 0, 4, 0)
    assert {p: p.stat().st_mtime_ns for p in store.rglob("*")} == before
    assert len(news.log) - requests == 2  # the two feeds, no page


def test_conditional_get_is_used_for_feeds(server: HTTPServer, tmp_path: Path) -> None:
    base = server.url_for("").rstrip("/")
    conditional = []

    def feed(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"f1"':
            conditional.append(True)
            return Response(status=304)
        return Response(
            rss_feed(base), headers={"ETag": '"f1"'}, content_type="application/rss+xml"
        )

    server.expect_request("/rss.xml").respond_with_handler(feed)
    serve_pages(server)
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, server.url_for("/rss.xml"))
    assert fetch_feeds(index, store, settings=FAST).new == 2
    again = fetch_feeds(index, store, settings=FAST)
    assert conditional == [True] and again.feeds[0].not_modified and again.new == 0


def test_one_failing_feed_never_stops_the_others(news: HTTPServer, tmp_path: Path) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.2)
        return Response("late")

    def endless(request: Request) -> Response:
        return Response((b"<rss>" + b"x" * 65536 for _ in range(100_000)), content_type="text/xml")

    news.expect_request("/404.xml").respond_with_data("missing", 404)
    news.expect_request("/500.xml").respond_with_data("oops", 500)
    news.expect_request("/broken.xml").respond_with_data(
        "<rss><channel><title>x</title><item><title>a</item></chan", content_type="text/xml"
    )
    news.expect_request("/page.html").respond_with_data(
        article_page("A page", ["Not a feed at all, but a web page."]), content_type="text/html"
    )
    news.expect_request("/slow.xml").respond_with_handler(slow)
    news.expect_request("/endless.xml").respond_with_handler(endless)
    index, store = tmp_path / "index", tmp_path / "articles"
    bad = ["/404.xml", "/500.xml", "/broken.xml", "/page.html", "/slow.xml", "/endless.xml"]
    follow(index, *(news.url_for(p) for p in bad), news.url_for("/rss.xml"))
    from dataclasses import replace

    report = fetch_feeds(index, store, settings=replace(FAST, max_bytes=1024 * 1024))
    errors = {r.url.rsplit("/", 1)[1]: r.error for r in report.feeds}
    assert errors["rss.xml"] is None and report.new == 2
    assert "HTTP 404" in errors["404.xml"]
    assert "HTTP 500" in errors["500.xml"]
    assert "malformed XML" in errors["broken.xml"]
    assert errors["page.html"] == "an HTML page, not a feed"
    assert "read timeout" in errors["slow.xml"]
    assert "larger than 1 MB" in errors["endless.xml"]
    remembered = {f.url.rsplit("/", 1)[1]: f.last_error for f in FeedList.load(index).feeds}
    assert "HTTP 404" in remembered["404.xml"] and remembered["rss.xml"] is None


def test_links_that_are_not_http_are_never_followed(server: HTTPServer, tmp_path: Path) -> None:
    secret = tmp_path / "secret.html"
    secret.write_text("<p>private</p>")
    feed = f"""<rss version="2.0"><channel><title>T</title>
    <item><title>local</title><link>file://{secret}</link></item>
    <item><title>script</title><link>javascript:alert(1)</link></item>
    </channel></rss>"""
    server.expect_request("/rss.xml").respond_with_data(feed, content_type="application/rss+xml")
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, server.url_for("/rss.xml"))
    report = fetch_feeds(index, store, settings=FAST)
    assert report.new == 0 and not list(store.rglob("*.html"))
    reasons = [s.reason for s in report.feeds[0].skipped]
    assert any("file: URLs are not fetched" in r for r in reasons)
    assert any("javascript:" in r for r in reasons)


def test_entries_are_deduplicated_by_canonical_url_and_by_content(
    server: HTTPServer, tmp_path: Path
) -> None:
    base = server.url_for("").rstrip("/")
    title, paragraphs = PAGES["/world/summit-closes"]
    page = article_page(title, paragraphs)
    for path in ("/a", "/mirror/a"):
        server.expect_request(path).respond_with_data(page, content_type="text/html")
    items = "".join(
        f"<item><title>{title}</title><link>{base}{link}</link></item>"
        for link in ("/a?utm_source=x", "/a?fbclid=1", "/a#comments", "/mirror/a")
    )
    server.expect_request("/rss.xml").respond_with_data(
        f"<rss version='2.0'><channel><title>T</title>{items}</channel></rss>",
        content_type="application/rss+xml",
    )
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, server.url_for("/rss.xml"))
    report = fetch_feeds(index, store, settings=FAST)
    assert (report.new, report.unchanged) == (1, 3)
    assert len(list(store.rglob("*.html"))) == 1


def test_json_feed(server: HTTPServer, tmp_path: Path) -> None:
    serve_pages(server, ["/world/ministers-meet"])
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Coral Bay Courier (JSON)",
        "items": [
            {
                "id": "1",
                "url": server.url_for("/world/ministers-meet"),
                "title": "Ministers meet",
                "date_published": "2025-11-06T09:00:00Z",
                "authors": [{"name": "Tomas Reyes"}],
                "tags": ["review"],
            },
            {"id": "2", "url": "file:///etc/passwd"},
        ],
    }
    server.expect_request("/feed.json").respond_with_data(
        json.dumps(feed), content_type="application/feed+json"
    )
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, server.url_for("/feed.json"))
    report = fetch_feeds(index, store, settings=FAST)
    assert report.new == 1 and len(report.feeds[0].skipped) == 1
    (sidecar,) = stored(store).values()
    assert sidecar["published"] == "2025-11-06" and sidecar["tags"] == ["review"]
    assert sidecar["authors"] == ["Tomas Reyes"]


def test_a_failed_entry_keeps_the_feed_unconditional(server: HTTPServer, tmp_path: Path) -> None:
    base = server.url_for("").rstrip("/")
    server.expect_request("/rss.xml").respond_with_data(
        rss_feed(base), content_type="application/rss+xml", headers={"ETag": '"e"'}
    )
    serve_pages(server, ["/news/2025/10/27/lagoon-signing"])  # the other page is missing
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, server.url_for("/rss.xml"))
    report = fetch_feeds(index, store, settings=FAST)
    assert (report.new, report.failed) == (1, 1)
    assert FeedList.load(index).feeds[0].etag is None  # asked again in full next time
    serve_pages(server, ["/news/2025/10/28/observers-doubt"])
    assert fetch_feeds(index, store, settings=FAST).new == 1
    assert FeedList.load(index).feeds[0].etag == '"e"'


def test_two_fetches_never_overlap(tmp_path: Path) -> None:
    index = tmp_path / "index"
    follow(index, "http://127.0.0.1:9/rss.xml")
    with FetchLock(index), pytest.raises(FetchBusy, match="another fetch is running"):
        fetch_feeds(index, tmp_path / "articles", settings=FAST)


def test_no_network_is_said_per_feed(tmp_path: Path) -> None:
    index = tmp_path / "index"
    follow(index, "http://feeds.treatytui.invalid/rss.xml")
    report = fetch_feeds(index, tmp_path / "articles", settings=FAST)
    assert report.offline and report.failed == 1
    assert "cannot resolve feeds.treatytui.invalid" in (report.feeds[0].error or "")


def test_single_pages(news: HTTPServer, tmp_path: Path) -> None:
    index, store = tmp_path / "index", tmp_path / "articles"
    urls = [news.url_for("/world/summit-closes"), "file:///etc/passwd", news.url_for("/nope")]
    report = fetch_pages(index, store, urls, settings=FAST)
    (pages,) = report.feeds
    assert pages.new == 1 and len(pages.failed) == 2
    (sidecar,) = stored(store).values()
    assert sidecar["source"] == "Harbour Ledger" and sidecar["published"] == "2025-10-27"
    assert fetch_pages(index, store, urls[:1], settings=FAST).unchanged == 1


def test_a_torn_ledger_line_is_ignored(news: HTTPServer, tmp_path: Path) -> None:
    index, store = tmp_path / "index", tmp_path / "articles"
    fetch_pages(index, store, [news.url_for("/world/summit-closes")], settings=FAST)
    with open(store / LEDGER, "a") as ledger:
        ledger.write('{"url": "http://x/", "fi')
    again = fetch_pages(index, store, [news.url_for("/world/summit-closes")], settings=FAST)
    assert again.unchanged == 1


def test_feed_names_and_tags_are_data(tmp_path: Path) -> None:
    from treatytui.fetch.opml import read_opml, write_opml

    feeds = FeedList.load(tmp_path / "index")
    feed = feeds.add("https://example.org/rss", name="Evil\x1b]0;x\x07 Wire", tags=["a\x07b"])
    assert feed.name.isprintable() and feed.tags == ["ab"]
    feeds.rename_from_title(feeds.add("https://example.net/rss"), "Bad\x1b[31m Title")
    assert all(f.name.isprintable() for f in feeds.feeds)
    assert [f.name for f in read_opml(write_opml(feeds.feeds))] == [f.name for f in feeds.feeds]


def test_an_html_page_that_names_its_feed_says_which(server: HTTPServer, tmp_path: Path) -> None:
    page = (
        "<!doctype html><html><head><link rel='stylesheet' href='/s.css'>"
        '<link rel="alternate" type="application/rss+xml" title="News" href="/rss.xml">'
        "<link rel=alternate type=application/atom+xml href=file:///etc/passwd>"
        "</head><body><p>Home page</p></body></html>"
    )
    server.expect_request("/").respond_with_data(page, content_type="text/html")
    index = tmp_path / "index"
    follow(index, server.url_for("/"))
    (report,) = fetch_feeds(index, tmp_path / "articles", settings=FAST).feeds
    assert (
        report.error
        == f"an HTML page, not a feed (it names its feed: {server.url_for('/rss.xml')})"
    )


def test_a_stopped_fetch_ends_after_the_page_under_way(news: HTTPServer, tmp_path: Path) -> None:
    import threading

    from treatytui.fetch.run import STOPPED

    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, news.url_for("/rss.xml"))
    stop = threading.Event()

    def progress(event) -> None:
        if event.done == 1 and event.total == 2:  # the first page is stored
            stop.set()

    report = fetch_feeds(index, store, settings=FAST, progress=progress, stop=stop)
    assert report.new == 1 and report.feeds[0].error == STOPPED
    assert FeedList.load(index).feeds[0].etag is None
    stop.clear()
    assert fetch_feeds(index, store, settings=FAST).new == 1


def test_an_entry_updated_in_its_feed_is_fetched_again(server: HTTPServer, tmp_path: Path) -> None:
    base = server.url_for("").rstrip("/")
    state = {"stamp": "2025-11-07T09:00:00Z", "text": "The summit closed on Friday."}

    def feed(request: Request) -> Response:
        return Response(
            f"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>
            <entry><title>Summit closes</title><link href="{base}/summit"/><id>urn:x:1</id>
            <updated>{state["stamp"]}</updated></entry></feed>""",
            content_type="application/atom+xml",
        )

    def page(request: Request) -> Response:
        return Response(article_page("Summit closes", [state["text"]]), content_type="text/html")

    server.expect_request("/atom.xml").respond_with_handler(feed)
    server.expect_request("/summit").respond_with_handler(page)
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, server.url_for("/atom.xml"))
    assert fetch_feeds(index, store, settings=FAST).new == 1
    state["stamp"] = "2025-11-07T15:00:00Z"  # same text: nothing to write
    assert fetch_feeds(index, store, settings=FAST).unchanged == 1
    requests = len(server.log)
    assert fetch_feeds(index, store, settings=FAST).unchanged == 1
    assert len(server.log) - requests == 1  # the feed only: the new stamp was remembered
    state.update(stamp="2025-11-08T08:00:00Z", text="The summit closed on Friday with a call.")
    report = fetch_feeds(index, store, settings=FAST)
    assert (report.new, report.updated) == (0, 1)
    (html,) = store.rglob("*.html")
    assert "with a call" in html.read_text()
