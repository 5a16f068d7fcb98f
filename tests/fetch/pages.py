"""Fixture feeds and pages for the fetcher's tests: text written for them, realistic markup."""

from __future__ import annotations


def article_page(
    title: str,
    paragraphs: list[str],
    *,
    site: str = "Harbour Ledger",
    published: str | None = "2025-10-27T08:30:00+00:00",
    author: str | None = "Ines Okafor",
    charset: str | None = "utf-8",
) -> str:
    """A news page with navigation, a cookie banner, a related-articles box and a footer."""
    meta = [
        f'<meta property="og:title" content="{title}">',
        f'<meta property="og:site_name" content="{site}">',
    ]
    if charset:
        meta.insert(0, f'<meta charset="{charset}">')
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}">')
    if author:
        meta.append(f'<meta name="author" content="{author}">')
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head>{"".join(meta)}<title>{title} | {site}</title></head>
<body>
<div class="cookie-banner" id="cookie-consent"><p>We use cookies to improve your visit.
Accept all cookies or manage your preferences.</p></div>
<header><nav><a href="/">Home</a> <a href="/world">World</a>
<a href="/treaties">Treaties</a></nav></header>
<main><article>
<h1>{title}</h1>
<p class="byline">By {author or "Staff"}</p>
{body}
</article>
<aside class="related"><h2>Related articles</h2>
<ul><li><a href="/x">Ports brace for winter storms</a></li>
<li><a href="/y">Local council approves new ferry timetable</a></li></ul></aside>
</main>
<footer><p>Copyright 2025 Harbour Ledger. All rights reserved.</p>
<p>Contact us | Privacy</p></footer>
</body></html>
"""


PAGES = {
    "/news/2025/10/27/lagoon-signing": (
        "Lagoon states sign data-crime pact",
        [
            "Delegations from fourteen lagoon states signed a pact on cross-border data crime "
            "at a ceremony in Port Meridian on Monday.",
            "The text commits each signatory to answer requests for evidence within thirty days, "
            "a deadline negotiators argued over for two years.",
            "Ratification by eight parliaments is needed before the pact takes effect.",
        ],
    ),
    "/news/2025/10/28/observers-doubt": (
        "Observers doubt the pact's privacy safeguards",
        [
            "Civil liberties observers who followed the talks said the safeguards for personal "
            "data remain vague.",
            "They asked the secretariat to publish the annex on data retention before any vote.",
        ],
    ),
    "/world/summit-closes": (
        "Summit closes with a call for more signatures",
        [
            "The summit in Coral Bay closed on Friday with a call for more states to sign the "
            "convention before the end of next year.",
            "Organisers counted twenty-two signatures so far, with six more promised.",
        ],
    ),
    "/world/ministers-meet": (
        "Ministers meet to plan the first review conference",
        [
            "Justice ministers met in Coral Bay to plan the first review conference of the "
            "convention, expected in 2027.",
            "The secretariat will circulate a draft agenda in the spring.",
        ],
    ),
}


def rss_feed(base: str) -> str:
    """An RSS 2.0 feed of the two /news pages (one link with tracking parameters)."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Harbour Ledger: Treaties</title><link>{base}/</link>
<description>Treaty news</description>
<item><title>Lagoon states sign data-crime pact</title>
<link>{base}/news/2025/10/27/lagoon-signing?utm_source=rss&amp;utm_medium=feed</link>
<guid>{base}/news/2025/10/27/lagoon-signing</guid>
<pubDate>Mon, 27 Oct 2025 08:30:00 GMT</pubDate><dc:creator>Ines Okafor</dc:creator>
<category>treaty</category></item>
<item><title>Observers doubt the pact's privacy safeguards</title>
<link>{base}/news/2025/10/28/observers-doubt</link>
<pubDate>Tue, 28 Oct 2025 10:00:00 GMT</pubDate></item>
</channel></rss>
"""


def atom_feed(base: str) -> str:
    """An Atom feed of the two /world pages (one relative link)."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coral Bay Courier</title>
<link href="{base}/"/><id>urn:uuid:60a76c80-d399-11d9-b91C-0003939e0af6</id>
<updated>2025-11-07T12:00:00Z</updated>
<entry><title>Summit closes with a call for more signatures</title>
<link href="/world/summit-closes"/><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
<published>2025-11-07T09:00:00Z</published><updated>2025-11-07T09:00:00Z</updated>
<author><name>Tomas Reyes</name></author></entry>
<entry><title>Ministers meet to plan the first review conference</title>
<link href="{base}/world/ministers-meet"/><id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6b</id>
<published>2025-11-06T09:00:00Z</published><updated>2025-11-06T09:00:00Z</updated></entry>
</feed>
"""


def serve_pages(server, paths=None) -> None:
    """Serve the fixture pages at their paths."""
    for path, (title, paragraphs) in PAGES.items():
        if paths is None or path in paths:
            server.expect_request(path).respond_with_data(
                article_page(title, paragraphs), content_type="text/html; charset=utf-8"
            )
