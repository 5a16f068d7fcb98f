"""`treatytui feeds`, `fetch` and `add` from the command line, against a real local server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from tests.fetch.pages import article_page

from treatytui.cli import main


def test_follow_fetch_search_and_fetch_again(
    news: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = str(tmp_path / "ix")
    assert (
        main(["feeds", "add", news.url_for("/rss.xml"), "--index", index, "--tag", "pacific"]) == 0
    )
    assert main(["feeds", "add", news.url_for("/atom.xml"), "--index", index]) == 0
    assert main(["feeds", "add", news.url_for("/atom.xml"), "--index", index]) == 2  # known
    capsys.readouterr()
    assert main(["fetch", "--index", index]) == 0
    err = capsys.readouterr().err
    assert "4 new, 0 updated, 0 unchanged, 0 failed" in err
    assert "Harbour Ledger: Treaties: 2 new" in err

    assert main(["search", "--index", index, "--json", "lagoon", "pact"]) == 0
    hits = json.loads(capsys.readouterr().out)
    top = hits[0]
    assert top["title"] == "Lagoon states sign data-crime pact"
    assert top["source"] == "Harbour Ledger"
    assert top["published"] == "2025-10-27"
    assert top["url"].startswith(news.url_for("/news/2025/10/27/lagoon-signing"))

    assert main(["search", "--index", index, "--json", "published:2025-11", "review"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["title"].startswith("Ministers meet")

    assert main(["fetch", "--index", index]) == 0
    assert "0 new, 0 updated, 4 unchanged, 0 failed" in capsys.readouterr().err

    assert main(["feeds", "--index", index]) == 0
    listing = capsys.readouterr().out
    assert "Coral Bay Courier" in listing and "[pacific]" in listing and "last fetch" in listing


def test_facts_take_their_year_from_the_published_date(
    server: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = article_page(
        "Islands sign the pact",
        [
            "Ministers of nine island states signed the pact in Port Meridian on 25 October.",
            "The depositary will open the text for ratification on 3 November.",
        ],
        published="2025-10-26T10:00:00Z",
    )
    server.expect_request("/islands").respond_with_data(page, content_type="text/html")
    index = str(tmp_path / "ix")
    assert main(["add", server.url_for("/islands"), "--index", index]) == 0
    (stored,) = (tmp_path / "ix" / "articles").rglob("*.html")
    capsys.readouterr()
    assert main(["facts", "--json", str(stored)]) == 0
    facts = capsys.readouterr().out
    assert "2025-10-25" in facts and "2025-11-03" in facts


def test_exit_codes(news: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = str(tmp_path / "ix")
    assert main(["fetch", "--index", index]) == 1  # no feed followed
    news.expect_request("/gone.xml").respond_with_data("gone", 404)
    main(["feeds", "add", news.url_for("/gone.xml"), "--index", index])
    main(["feeds", "add", news.url_for("/atom.xml"), "--index", index])
    capsys.readouterr()
    assert main(["fetch", "--index", index, "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "failed — HTTP 404" in err and "new" not in err  # quiet: only the problem
    assert main(["fetch", news.url_for("/atom.xml"), "--index", index, "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["fetch", "no-such-feed", "--index", index]) == 2
    assert main(["add", "file:///etc/passwd", "--index", index]) == 2
    assert "file: URLs are not fetched" in capsys.readouterr().err


def test_fetch_waits_for_nobody(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from treatytui.fetch.lock import FetchLock

    index = tmp_path / "ix"
    main(["feeds", "add", "http://127.0.0.1:9/rss.xml", "--index", str(index)])
    with FetchLock(index):
        assert main(["fetch", "--index", str(index)]) == 75
    assert "another fetch is running" in capsys.readouterr().err


def test_feeds_remove_import_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    index = str(tmp_path / "ix")
    opml = tmp_path / "subs.opml"
    opml.write_text(
        """<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
        <outline text="Treaties"><outline type="rss" text="Harbour" xmlUrl="https://h.example/rss"/>
        <outline type="rss" text="Bad" xmlUrl="file:///etc/passwd"/></outline>
        <outline type="rss" title="Courier" xmlUrl="https://c.example/atom" category="news,un"/>
        </body></opml>"""
    )
    assert main(["feeds", "import", str(opml), "--index", index]) == 2  # one not taken
    assert "2 feeds added, 0 already followed, 1 not taken" in capsys.readouterr().err
    urls = tmp_path / "urls"
    urls.write_text(
        '# newsboat\nhttps://h.example/rss\nhttps://n.example/feed un "~Nations Daily"\n'
        '"query:unread:unread = \\"yes\\""\n'
    )
    assert main(["feeds", "import", str(urls), "--index", index]) == 0
    assert main(["feeds", "remove", "Courier", "--index", index]) == 0
    assert main(["feeds", "remove", "Courier", "--index", index]) == 2
    capsys.readouterr()
    assert main(["feeds", "export", "--index", index]) == 0
    exported = capsys.readouterr().out
    assert 'text="Harbour"' in exported and 'category="Treaties"' in exported
    assert 'text="Nations Daily"' in exported and 'xmlUrl="https://n.example/feed"' in exported
    assert "Courier" not in exported
    again = tmp_path / "again.opml"
    again.write_text(exported)
    other = str(tmp_path / "other")
    assert main(["feeds", "import", str(again), "--index", other]) == 0
    assert main(["feeds", "--index", other]) == 0
    assert "Nations Daily  https://n.example/feed  [un]" in capsys.readouterr().out


def test_pages_stored_but_not_indexed_are_indexed_by_the_next_fetch(
    news: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.fetch.conftest import FAST

    from treatytui.collection import Collection
    from treatytui.fetch.run import fetch_pages
    from treatytui.library.fetching import fetch_and_index

    index = tmp_path / "ix"
    url = news.url_for("/world/summit-closes")
    # What a fetch killed between storing and indexing leaves behind:
    fetch_pages(index, Collection.load(index).managed_dir(), [url], settings=FAST)
    outcome = fetch_and_index(index, urls=[url], settings=FAST)
    assert outcome.fetch.new == 0 and outcome.index is not None
    assert main(["search", "--index", str(index), "--json", "coral", "bay"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["title"].startswith("Summit closes")
    assert fetch_and_index(index, urls=[url], settings=FAST).index is None  # nothing to do
