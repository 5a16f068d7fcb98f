"""The HTTP client against a real local server: schemes, redirects, limits, charsets."""

from __future__ import annotations

import contextlib
import gzip
import itertools
import threading
import time
import zlib

import pytest
from pytest_httpserver import HTTPServer
from tests.fetch.conftest import FAST
from werkzeug import Request, Response

from treatytui.fetch.http import FetchError, HttpClient, HttpSettings, retry_after_seconds
from treatytui.fetch.politeness import HostGate


@pytest.fixture
def client():
    with HttpClient(FAST, sleep=lambda seconds: None) as web:
        yield web


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/feed", "javascript:alert(1)", "gopher://x/", "/feed"],
)
def test_only_http_and_https_are_fetched(client: HttpClient, url: str) -> None:
    with pytest.raises(FetchError):
        client.get(url)


def test_a_redirect_to_another_scheme_is_refused(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request("/feed").respond_with_data(
        "", 302, headers={"Location": "file:///etc/passwd"}
    )
    with pytest.raises(FetchError, match="redirected to a URL not fetched: file"):
        client.get(server.url_for("/feed"))


def test_redirects_are_followed_up_to_the_limit(server: HTTPServer) -> None:
    for hop in range(8):
        server.expect_request(f"/r{hop}").respond_with_data(
            "", 301, headers={"Location": f"/r{hop + 1}"}
        )
    server.expect_request("/r8").respond_with_data("arrived", content_type="text/plain")
    with HttpClient(HttpSettings(max_redirects=8, host_delay=0)) as web:
        response = web.get(server.url_for("/r0"))
    assert response.body == b"arrived"
    assert response.url == server.url_for("/r8")
    assert len(response.redirects) == 8
    with (
        HttpClient(HttpSettings(max_redirects=5, host_delay=0)) as web,
        pytest.raises(FetchError, match="more than 5 redirects"),
    ):
        web.get(server.url_for("/r0"))


def test_a_silent_server_times_out(server: HTTPServer, client: HttpClient) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response("late")

    server.expect_request("/slow").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(FetchError, match="read timeout"):
        client.get(server.url_for("/slow"))
    assert time.monotonic() - started < 1.4


def test_a_server_that_never_accepts_times_out_connecting() -> None:
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)  # never accepted: once the queue is full, SYNs go unanswered
        port = listener.getsockname()[1]
        queued = []
        for _ in range(4):
            waiting = socket.socket()
            waiting.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                waiting.connect(("127.0.0.1", port))
            queued.append(waiting)
        time.sleep(0.1)
        started = time.monotonic()
        try:
            with (
                HttpClient(HttpSettings(connect_timeout=0.5, host_delay=0)) as web,
                pytest.raises(FetchError, match=r"timed out after 0\.5 s"),
            ):
                web.get(f"http://127.0.0.1:{port}/feed")
        finally:
            for waiting in queued:
                waiting.close()
        assert time.monotonic() - started < 3


def test_a_refused_connection_is_a_clear_failure(client: HttpClient) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="refused"):
        client.get(f"http://127.0.0.1:{port}/feed")


def test_an_endless_response_is_cut_off_at_the_size_cap(server: HTTPServer) -> None:
    sent = []

    def endless(request: Request) -> Response:
        def chunks():
            while len(sent) < 10_000:  # 640 MB if nobody stopped it
                sent.append(1)
                yield b"x" * 65536

        return Response(chunks(), content_type="text/html")

    server.expect_request("/endless").respond_with_handler(endless)
    with (
        HttpClient(HttpSettings(max_bytes=1024 * 1024, host_delay=0)) as web,
        pytest.raises(FetchError, match="larger than 1 MB: stopped reading"),
    ):
        web.get(server.url_for("/endless"))
    assert len(sent) < 200  # streamed and stopped, not read to the end


def test_a_declared_length_over_the_cap_is_refused_before_reading(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data(b"y" * 3000, content_type="text/html")
    with (
        HttpClient(HttpSettings(max_bytes=2000, host_delay=0)) as web,
        pytest.raises(FetchError, match="Content-Length 3000"),
    ):
        web.get(server.url_for("/big"))


def test_a_compression_bomb_is_cut_off_too(server: HTTPServer) -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))  # 20 kB that inflate to 20 MB
    server.expect_request("/bomb").respond_with_data(
        bomb, headers={"Content-Encoding": "gzip"}, content_type="text/html"
    )
    with (
        HttpClient(HttpSettings(max_bytes=1024 * 1024, host_delay=0)) as web,
        pytest.raises(FetchError, match="larger than 1 MB"),
    ):
        web.get(server.url_for("/bomb"))


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("deflate", zlib.compress)],
)
def test_gzip_and_deflate_are_asked_for_and_decoded(
    server: HTTPServer, client: HttpClient, encoding: str, compress
) -> None:
    text = "Délégués à Port Meridian ".encode() * 50
    server.expect_request("/z").respond_with_data(
        compress(text), headers={"Content-Encoding": encoding}, content_type="text/html"
    )
    assert client.get(server.url_for("/z")).body == text
    request, _ = server.log[-1]
    assert "gzip" in request.headers["Accept-Encoding"]
    assert "deflate" in request.headers["Accept-Encoding"]


def test_the_user_agent_says_who_is_asking(server: HTTPServer, client: HttpClient) -> None:
    server.expect_request("/ua").respond_with_data("ok")
    client.get(server.url_for("/ua"))
    request, _ = server.log[-1]
    assert request.headers["User-Agent"].startswith("treatytui/")


@pytest.mark.parametrize("status", [404, 500, 410])
def test_an_http_error_gives_its_status(
    server: HTTPServer, client: HttpClient, status: int
) -> None:
    server.expect_request("/gone").respond_with_data("no", status)
    with pytest.raises(FetchError, match=f"HTTP {status}"):
        client.get(server.url_for("/gone"))


def test_conditional_get_with_etag(server: HTTPServer, client: HttpClient) -> None:
    def tagged(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304)
        return Response("<rss/>", headers={"ETag": '"v1"'}, content_type="application/rss+xml")

    server.expect_request("/feed").respond_with_handler(tagged)
    first = client.get(server.url_for("/feed"))
    assert first.etag == '"v1"' and first.body == b"<rss/>" and not first.not_modified
    again = client.get(server.url_for("/feed"), etag=first.etag)
    assert again.not_modified and again.body == b""


def test_conditional_get_with_last_modified(server: HTTPServer, client: HttpClient) -> None:
    stamp = "Mon, 27 Oct 2025 08:30:00 GMT"

    def dated(request: Request) -> Response:
        if request.headers.get("If-Modified-Since") == stamp:
            return Response(status=304)
        return Response("<rss/>", headers={"Last-Modified": stamp})

    server.expect_request("/feed").respond_with_handler(dated)
    first = client.get(server.url_for("/feed"))
    assert first.last_modified == stamp
    assert client.get(server.url_for("/feed"), last_modified=stamp).not_modified


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured(server: HTTPServer, status: int) -> None:
    calls = []

    def busy_once(request: Request) -> Response:
        calls.append(time.monotonic())
        if len(calls) == 1:
            return Response("slow down", status=status, headers={"Retry-After": "1"})
        return Response("fine")

    server.expect_request("/busy").respond_with_handler(busy_once)
    waits: list[float] = []
    with HttpClient(FAST, sleep=waits.append) as web:
        assert web.get(server.url_for("/busy")).body == b"fine"
    assert waits == [1.0] and len(calls) == 2


def test_a_retry_after_too_long_fails_with_the_reason(
    server: HTTPServer, client: HttpClient
) -> None:
    server.expect_request("/busy").respond_with_data("", 429, headers={"Retry-After": "3600"})
    with pytest.raises(FetchError, match="come back in 3600 s"):
        client.get(server.url_for("/busy"))


def test_retry_after_as_an_http_date() -> None:
    from datetime import UTC, datetime

    now = datetime(2025, 10, 27, 8, 30, tzinfo=UTC)
    assert retry_after_seconds("Mon, 27 Oct 2025 08:30:30 GMT", now) == 30
    assert retry_after_seconds("soon", now) is None


def test_requests_to_one_host_are_spaced_by_the_delay(server: HTTPServer) -> None:
    seen: list[float] = []

    def stamp(request: Request) -> Response:
        seen.append(time.monotonic())
        return Response("ok")

    server.expect_request("/p").respond_with_handler(stamp)
    with HttpClient(HttpSettings(host_delay=0.25)) as web:
        for _ in range(3):
            web.get(server.url_for("/p"))
    gaps = [b - a for a, b in itertools.pairwise(seen)]
    assert all(gap >= 0.2 for gap in gaps), gaps


def test_at_most_per_host_requests_run_at_once() -> None:
    gate = HostGate(per_host=2, delay=0)
    running = peak = 0
    lock = threading.Lock()

    def work() -> None:
        nonlocal running, peak
        with gate.enter("example.org"):
            with lock:
                running += 1
                peak = max(peak, running)
            time.sleep(0.05)
            with lock:
                running -= 1

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert peak == 2
