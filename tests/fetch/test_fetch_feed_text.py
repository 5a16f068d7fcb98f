"""A page that cannot be fetched is stored from the feed's own text, when the feed has it."""

from __future__ import annotations

from pathlib import Path

import yaml
from pytest_httpserver import HTTPServer
from tests.fetch.conftest import FAST
from tests.fetch.pages import article_page
from werkzeug import Request, Response

from treatytui.commands.fetching import summary_lines
from treatytui.corpus.loading import load_article
from treatytui.fetch.run import fetch_feeds
from treatytui.fetch.subscriptions import FeedList

BODY = (
    "Negotiators from forty-one coastal states closed the third round of talks on a shared "
    "register of fishing vessels late on Thursday, agreeing to meet again in the spring. "
    "The draft text, circulated to delegations, sets out how ports would share inspection "
    "reports and which flag states would carry the cost of satellite tracking."
)


def follow(index: Path, url: str) -> None:
    feeds = FeedList.load(index)
    feeds.add(url)
    feeds.save()


def rss(base: str, description: str, content: str | None = None) -> str:
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Reef Herald</title><link>{base}/</link>
<item><title>Fishing register talks close</title><link>{base}/news/register</link>
<guid>{base}/news/register</guid><pubDate>Thu, 06 Nov 2025 18:00:00 GMT</pubDate>
<description>{description}</description>{encoded}</item>
</channel></rss>"""


def test_the_feeds_full_text_stands_in_for_a_page_that_fails(
    server: HTTPServer, tmp_path: Path
) -> None:
    base = server.url_for("").rstrip("/")
    server.expect_request("/rss.xml").respond_with_data(
        rss(base, "Talks close.", f"<p>{BODY}</p><p>Observers called it progress.</p>"),
        content_type="application/rss+xml",
    )
    server.expect_request("/news/register").respond_with_data("gone", status=410)
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, server.url_for("/rss.xml"))
    report = fetch_feeds(index, store, settings=FAST)
    assert (report.new, report.failed, report.from_feed) == (1, 0, 1), report
    (page,) = store.rglob("*.html")
    sidecar = yaml.safe_load(page.with_suffix(".yaml").read_text(encoding="utf-8"))
    assert sidecar["text_from"] == "feed"
    assert sidecar["title"] == "Fishing register talks close"
    assert sidecar["published"] == "2025-11-06"
    article = load_article(page)
    assert "satellite tracking" in article.text and "Observers called it" in article.text
    assert article.url == f"{base}/news/register"
    assert article.title == "Fishing register talks close"
    lines = summary_lines(report)
    assert "1 new, 0 updated (1 from the feed's own text)" in lines[0]
    assert any("the feed's own text stored — the page: HTTP 410" in line for line in lines)


def test_the_page_replaces_the_feeds_text_once_it_can_be_read(
    server: HTTPServer, tmp_path: Path
) -> None:
    base = server.url_for("").rstrip("/")
    live = {"up": False}

    def page(request: Request) -> Response:
        if not live["up"]:
            return Response("unavailable", status=503)
        text = article_page("Fishing register talks close", [BODY, "A page-only paragraph."])
        return Response(text, content_type="text/html")

    server.expect_request("/rss.xml").respond_with_data(
        rss(base, BODY), content_type="application/rss+xml"
    )
    server.expect_request("/news/register").respond_with_handler(page)
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, server.url_for("/rss.xml"))
    first = fetch_feeds(index, store, settings=FAST)
    assert (first.new, first.from_feed) == (1, 1)  # a long <description> is the text
    again = fetch_feeds(index, store, settings=FAST)
    assert (again.new, again.updated, again.unchanged, again.failed) == (0, 0, 1, 0)
    live["up"] = True
    third = fetch_feeds(index, store, settings=FAST)
    assert (third.new, third.updated, third.from_feed) == (0, 1, 0)
    (stored,) = store.rglob("*.html")
    assert "page-only paragraph" in load_article(stored).text
    assert "text_from" not in yaml.safe_load(stored.with_suffix(".yaml").read_text())
    fourth = fetch_feeds(index, store, settings=FAST)  # the page is kept: not asked again
    assert (fourth.updated, fourth.unchanged) == (0, 1)


def test_a_teaser_is_not_the_article(server: HTTPServer, tmp_path: Path) -> None:
    base = server.url_for("").rstrip("/")
    server.expect_request("/rss.xml").respond_with_data(
        rss(base, "Negotiators closed the third round of talks on Thursday."),
        content_type="application/rss+xml",
    )
    server.expect_request("/news/register").respond_with_data("gone", status=404)
    index, store = tmp_path / "index", tmp_path / "articles"
    follow(index, server.url_for("/rss.xml"))
    report = fetch_feeds(index, store, settings=FAST)
    assert (report.new, report.failed, report.from_feed) == (0, 1, 0)
    assert not list(store.rglob("*.html"))
