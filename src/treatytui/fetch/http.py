"""HTTP GET for feeds and pages, with the network rules of treatytui.

- only http and https, for the first URL and for every redirect hop, at most
  ``max_redirects`` of them;
- connect and read timeouts, and a deadline for the whole response (a server that
  trickles forever is cut off);
- a size cap checked while the body streams in (after gzip/deflate decoding, so a
  compressed bomb is cut off too), never read first and checked after;
- a User-Agent that says who is asking; conditional GET (ETag, Last-Modified);
- HTTP 429/503 with ``Retry-After`` waited for and retried, up to ``max_retry_wait``;
- a few requests per host at a time, started a little apart (:mod:`.politeness`).

urllib3 rather than httpx: trafilatura already depends on it (one HTTP stack, not two),
it imports about as fast, and its streamed, decoded reads and per-phase timeouts are
all these rules need.
"""

from __future__ import annotations

import email.utils
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import urllib3
from urllib3 import exceptions as u3

from treatytui import __version__
from treatytui.fetch.politeness import HostGate
from treatytui.fetch.urls import BadUrl, checked_url, host_of

USER_AGENT = (
    f"treatytui/{__version__} (terminal news reader; feed and page fetcher; "
    "+https://pypi.org/project/treatytui/)"
)
MB = 1024 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


class FetchError(Exception):
    """A feed or page that could not be fetched; ``reason`` says why in a few words.

    ``offline`` is set when the cause looks like no network at all (no name resolution,
    network unreachable) rather than one server's fault.
    """

    def __init__(self, reason: str, *, offline: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.offline = offline


@dataclass(frozen=True)
class HttpSettings:
    """The limits every request keeps to."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_bytes: int = 10 * MB
    max_redirects: int = 5
    retries: int = 2
    """How many times a 429/503 with ``Retry-After`` is retried."""
    max_retry_wait: float = 120.0
    """The longest ``Retry-After`` waited for; a longer one fails the request."""
    per_host: int = 2
    host_delay: float = 0.5
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Response:
    """A fetched response: the final URL (after redirects), status, headers that matter."""

    url: str
    status: int
    body: bytes = b""
    content_type: str = ""
    """The media type in lower case, without parameters ("application/rss+xml")."""
    charset: str | None = None
    """The charset the Content-Type header declares, if any."""
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = field(default=())

    @property
    def not_modified(self) -> bool:
        """A 304 answer to a conditional GET: nothing changed since last time."""
        return self.status == 304


class _RetryLater(Exception):
    def __init__(self, status: int, seconds: float | None) -> None:
        super().__init__(status)
        self.status = status
        self.seconds = seconds


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """The wait a ``Retry-After`` header asks for (seconds or an HTTP date), if readable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _size(limit: int) -> str:
    return f"{limit / MB:g} MB" if limit >= MB else f"{limit} bytes"


def _split_content_type(value: str) -> tuple[str, str | None]:
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, raw = param.partition("=")
        if name.strip().lower() == "charset" and raw.strip():
            charset = raw.strip().strip("\"'").lower()
    return media.strip().lower(), charset


def _network_error(error: Exception, url: str, settings: HttpSettings) -> FetchError:
    """A :class:`FetchError` saying in a few words what went wrong with the connection."""
    host = host_of(url)
    if isinstance(error, u3.ReadTimeoutError):
        return FetchError(f"{host} sent nothing for {settings.read_timeout:g} s (read timeout)")
    if isinstance(error, u3.NameResolutionError):
        return FetchError(f"no network, or no such host: cannot resolve {host}", offline=True)
    if isinstance(error, u3.SSLError):
        return FetchError(f"TLS error with {host}: {error}")
    if isinstance(error, u3.NewConnectionError):
        text = str(error).lower()
        offline = "unreachable" in text or "no route" in text
        if "refused" in text:
            return FetchError(f"{host} refused the connection")
        what = "no network" if offline else "cannot connect"
        return FetchError(f"{what}: cannot connect to {host}", offline=offline)
    if isinstance(error, u3.ConnectTimeoutError):  # after NewConnectionError, a subclass
        return FetchError(f"connecting to {host} timed out after {settings.connect_timeout:g} s")
    if isinstance(error, u3.DecodeError):
        return FetchError("the compressed response is corrupt")
    if isinstance(error, u3.ProtocolError):
        return FetchError(f"the connection to {host} broke off")
    return FetchError(f"HTTP error with {host}: {type(error).__name__}")


class HttpClient:
    """GET with the rules in the module docstring; safe to share between threads."""

    def __init__(
        self,
        settings: HttpSettings | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings or HttpSettings()
        self._sleep = sleep
        self.gate = HostGate(self.settings.per_host, self.settings.host_delay)
        self._pool = urllib3.PoolManager(
            num_pools=32,
            maxsize=self.settings.per_host,
            block=False,
            retries=False,
            timeout=urllib3.Timeout(
                connect=self.settings.connect_timeout, read=self.settings.read_timeout
            ),
        )
        # Headers given to a request replace the pool's own: every request sends these.
        self._headers = {"User-Agent": self.settings.user_agent, "Accept-Encoding": "gzip, deflate"}

    def close(self) -> None:
        """Close the pooled connections."""
        self._pool.clear()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        accept: str = "*/*",
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Response:
        """Fetch ``url``; :class:`FetchError` with the reason when it cannot be had.

        With ``etag`` or ``last_modified`` (from an earlier response) the request is
        conditional, and an unchanged resource comes back as ``Response.not_modified``.
        """
        try:
            url = checked_url(url)
        except BadUrl as error:
            raise FetchError(str(error)) from None
        headers = {**self._headers, "Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._follow(url, headers)
            except _RetryLater as later:
                seconds = later.seconds
                if seconds is None:
                    raise FetchError(f"HTTP {later.status}: the server is busy") from None
                if seconds > self.settings.max_retry_wait:
                    raise FetchError(
                        f"HTTP {later.status}: the server asks to come back in {seconds:.0f} s"
                    ) from None
                if attempt >= self.settings.retries:
                    raise FetchError(
                        f"HTTP {later.status}: still busy after {attempt + 1} tries"
                    ) from None
                attempt += 1
                self._sleep(seconds)

    def _follow(self, url: str, headers: dict[str, str]) -> Response:
        hops: list[str] = []
        deadline = time.monotonic() + self.settings.total_timeout
        while True:
            with self.gate.enter(host_of(url)):  # the whole exchange, body included
                result = self._exchange(url, headers, deadline, tuple(hops))
            if isinstance(result, Response):
                return result
            if len(hops) >= self.settings.max_redirects:
                raise FetchError(f"more than {self.settings.max_redirects} redirects")
            hops.append(url)
            url = result

    def _exchange(
        self, url: str, headers: dict[str, str], deadline: float, hops: tuple[str, ...]
    ) -> Response | str:
        """One request: its response, or the URL it redirects to (checked)."""
        try:
            response = self._pool.request(
                "GET", url, headers=headers, redirect=False, preload_content=False
            )
        except (u3.LocationValueError, u3.LocationParseError) as error:
            raise FetchError(f"malformed URL ({error})") from None
        except u3.HTTPError as error:
            raise _network_error(error, url, self.settings) from None
        finished = False
        try:
            if response.status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {response.status} redirect without a Location")
                try:
                    return checked_url(location, base=url)
                except BadUrl as error:
                    raise FetchError(f"redirected to a URL not fetched: {error}") from None
            result = self._finish(url, response, deadline, hops)
            finished = True
            return result
        finally:
            if not finished:  # a body left unread: the connection cannot be reused
                response.close()
            response.release_conn()

    def _finish(
        self,
        url: str,
        response: urllib3.BaseHTTPResponse,
        deadline: float,
        hops: tuple[str, ...],
    ) -> Response:
        status = response.status
        media, charset = _split_content_type(response.headers.get("Content-Type", ""))
        meta = {
            "url": url,
            "status": status,
            "content_type": media,
            "charset": charset,
            "etag": response.headers.get("ETag"),
            "last_modified": response.headers.get("Last-Modified"),
            "redirects": hops,
        }
        if status == 304:
            return Response(**meta)
        if status in (429, 503):
            raise _RetryLater(status, retry_after_seconds(response.headers.get("Retry-After")))
        if not 200 <= status < 300:
            reason = (response.reason or "").strip()
            raise FetchError(f"HTTP {status}{' ' + reason if reason else ''}")
        return Response(body=self._read_body(url, response, deadline), **meta)

    def _read_body(self, url: str, response: urllib3.BaseHTTPResponse, deadline: float) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.strip().isdigit() and int(declared) > limit:
            response.close()
            raise FetchError(f"larger than {_size(limit)} (Content-Length {int(declared)})")
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.stream(_CHUNK, decode_content=True):
                size += len(chunk)
                if size > limit:
                    response.close()
                    raise FetchError(f"larger than {_size(limit)}: stopped reading")
                if time.monotonic() > deadline:
                    response.close()
                    raise FetchError(
                        f"took longer than {self.settings.total_timeout:g} s: stopped reading"
                    )
                chunks.append(chunk)
        except u3.HTTPError as error:
            response.close()
            raise _network_error(error, url, self.settings) from None
        return b"".join(chunks)
