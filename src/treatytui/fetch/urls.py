"""Which URLs treatytui fetches, and one canonical form per article.

Only ``http`` and ``https`` URLs are fetched, whether the user typed them or a feed
listed them: never ``file:``, ``ftp:``, ``javascript:`` or anything else. The canonical
form (lower-case scheme and host, no default port, no fragment, no tracking parameters)
tells two links to the same article apart from two articles.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

ALLOWED_SCHEMES = frozenset({"http", "https"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Query parameters that say who sent the reader, not which page they read.
_TRACKING_PREFIXES = ("utm_", "mtm_", "pk_")
_TRACKING_NAMES = frozenset(
    "fbclid gclid dclid gbraid wbraid msclkid mc_cid mc_eid igshid yclid _ga _gl "
    "ocid cmpid ito at_medium at_campaign at_source wt_mc wt.mc_id".split()
)


class BadUrl(ValueError):
    """A URL treatytui will not fetch; the message says why."""


def checked_url(url: str, base: str | None = None) -> str:
    """``url`` (resolved against ``base`` when relative) if it is an http(s) URL with a
    host; :class:`BadUrl` otherwise."""
    text = url.strip()
    if not text:
        raise BadUrl("empty URL")
    if any(ord(char) < 32 or char == "\x7f" for char in text):
        raise BadUrl("URL with control characters")
    if base is not None:
        text = urljoin(base, text)
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError as error:
        raise BadUrl(f"malformed URL ({error})") from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise BadUrl("not a URL (no http:// or https://)")
    if scheme not in ALLOWED_SCHEMES:
        raise BadUrl(f"{scheme}: URLs are not fetched (only http and https)")
    if not parts.hostname:
        raise BadUrl("URL without a host")
    return text


def is_tracking(name: str) -> bool:
    """Whether a query parameter only tracks where the reader came from."""
    lowered = name.lower()
    return lowered.startswith(_TRACKING_PREFIXES) or lowered in _TRACKING_NAMES


def canonical_url(url: str) -> str:
    """One spelling of ``url`` for de-duplication (see the module docstring)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k)
    ]
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))


def host_of(url: str) -> str:
    """The host name of ``url`` in lower case ("" when it has none)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
