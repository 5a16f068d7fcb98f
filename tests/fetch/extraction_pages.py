# ruff: noqa: E501 - the markup is kept as sites write it, one element a line
"""Web pages for measuring main-text and metadata extraction: the text written for these
tests, the markup shaped like real news sites (semantic and div soup, WordPress, JSON-LD).

Each page lists sentences of the article (``kept``), sentences of page furniture
(``dropped``: navigation, cookie banners, related articles, footers, share and newsletter
boxes, comments) and the metadata a reader expects.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExtractionPage:
    name: str
    html: str
    kept: tuple[str, ...]
    dropped: tuple[str, ...]
    meta: dict[str, object] = field(default_factory=dict)


COOKIE = "We use cookies to give you the best experience on our website."
COOKIE_2 = "By continuing to browse you agree to our use of cookies."
RELATED = ("Ferry operators warn of winter delays", "Council approves the new harbour budget")
FOOTER = "Copyright 2025 Lagoon Media Group. All rights reserved."
NEWSLETTER = "Sign up for our morning briefing and get the headlines first."
SHARE = "Share this article on social media"
NAV = ("Home", "World", "Business", "Opinion", "Treaties")


def _nav() -> str:
    return (
        "<nav class='menu'><ul>"
        + "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in NAV)
        + "</ul></nav>"
    )


def _ld(data: dict[str, object]) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


P1 = (
    "Delegates from fourteen lagoon states signed a regional pact on data crime in Port Meridian "
    "on Monday, after two years of talks.",
    "The pact obliges each signatory to answer a request for electronic evidence within thirty "
    "days, a deadline that smaller states had resisted.",
    "Eight ratifications are needed before it enters into force, and officials expect the first "
    "of them before the summer recess.",
    "Rights groups welcomed the final text but said the annex on data retention still leaves "
    "too much to each government.",
)
PAGE_SEMANTIC = ExtractionPage(
    "semantic article, og: meta",
    f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lagoon states sign data-crime pact | Harbour Ledger</title>
<meta property="og:title" content="Lagoon states sign data-crime pact">
<meta property="og:site_name" content="Harbour Ledger">
<meta property="article:published_time" content="2025-10-27T08:30:00+00:00">
<meta name="author" content="Ines Okafor"></head><body>
<div id="cookie-banner" class="cookie-consent"><p>{COOKIE}</p><p>{COOKIE_2}</p><button>Accept</button></div>
<header class="site-header"><a class="logo" href="/">Harbour Ledger</a>{_nav()}</header>
<main><article><header><h1>Lagoon states sign data-crime pact</h1>
<p class="byline">By Ines Okafor</p><time datetime="2025-10-27">27 October 2025</time></header>
{"".join(f"<p>{p}</p>" for p in P1)}
<div class="share"><p>{SHARE}</p></div>
</article>
<aside class="related"><h2>Related articles</h2><ul>{"".join(f"<li><a href='/r'>{r}</a></li>" for r in RELATED)}</ul></aside>
</main><footer><p>{FOOTER}</p><p>Contact us · Privacy policy · Terms</p></footer></body></html>""",
    P1,
    (COOKIE, COOKIE_2, *RELATED, FOOTER, SHARE),
    {
        "title": "Lagoon states sign data-crime pact",
        "source": "Harbour Ledger",
        "authors": ("Ines Okafor",),
        "published": "2025-10-27",
    },
)

P2 = (
    "Justice ministers of the Coral Bay group met on Thursday to prepare the first review "
    "conference of the convention, expected in 2027.",
    "They agreed that the secretariat would circulate a draft agenda in the spring and invite "
    "comments from observer states.",
    "The chair said the review would look first at how requests for mutual legal assistance "
    "are handled in practice.",
)
PAGE_DIV_SOUP = ExtractionPage(
    "div soup, JSON-LD NewsArticle",
    f"""<html><head><title>Ministers prepare review conference - Coral Bay Courier</title>
{
        _ld(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": "Ministers prepare the first review conference",
                "datePublished": "2025-11-06T09:00:00Z",
                "author": [
                    {"@type": "Person", "name": "Tomas Reyes"},
                    {"@type": "Person", "name": "Ana Lima"},
                ],
                "publisher": {"@type": "Organization", "name": "Coral Bay Courier"},
            }
        )
    }
</head><body>
<div class="top-bar"><div class="menu">{
        " | ".join(f"<a href='/{n}'>{n}</a>" for n in NAV)
    }</div></div>
<div class="cookie-notice"><span>{COOKIE}</span> <a href="/cookies">{COOKIE_2}</a></div>
<div class="wrapper"><div class="col-main"><div class="story">
<div class="headline">Ministers prepare the first review conference</div>
<div class="meta">Tomas Reyes and Ana Lima | 6 November 2025</div>
<div class="story-body">{"".join(f"<div class='para'>{p}</div>" for p in P2)}</div>
<div class="newsletter">{NEWSLETTER}</div>
</div></div>
<div class="col-side"><div class="widget"><div class="widget-title">Most read</div>
{"".join(f"<div class='item'><a href='/r'>{r}</a></div>" for r in RELATED)}</div></div></div>
<div class="bottom"><div>{FOOTER}</div></div></body></html>""",
    P2,
    (COOKIE, COOKIE_2, *RELATED, FOOTER, NEWSLETTER),
    {
        "title": "Ministers prepare the first review conference",
        "source": "Coral Bay Courier",
        "authors": ("Tomas Reyes", "Ana Lima"),
        "published": "2025-11-06",
    },
)

P3 = (
    "The signing ceremony opened with a minute of silence for the victims of last year's "
    "ransomware attack on the island hospital.",
    "Forty delegations had registered by the morning, more than the organisers had planned "
    "for, and extra chairs were brought in.",
    "The host foreign minister called the pact a first step and promised a second round of "
    "talks on cross-border payments fraud.",
)
CAPTION = "Delegates stand for a minute of silence at the opening of the ceremony."
PAGE_FIGURE = ExtractionPage(
    "figure with caption, share buttons, newsletter",
    f"""<!doctype html><html><head><meta charset="utf-8">
<meta property="og:title" content="A minute of silence opens the signing">
<meta property="og:site_name" content="Island Herald">
<meta name="date" content="2025-10-26"><meta name="author" content="Priya Nandan"></head>
<body><header>{_nav()}</header>
<article><h1>A minute of silence opens the signing</h1>
<ul class="share-buttons"><li>Share on Facebook</li><li>Share on X</li><li>Email</li></ul>
<p>{P3[0]}</p>
<figure><img src="/ceremony.jpg" alt="delegates"><figcaption>{CAPTION}</figcaption></figure>
<p>{P3[1]}</p><p>{P3[2]}</p>
<section class="newsletter-signup"><h3>Newsletter</h3><p>{NEWSLETTER}</p><form><input></form></section>
</article>
<section class="related-articles"><h2>You may also like</h2>
{"".join(f"<article class='teaser'><h3><a href='/r'>{r}</a></h3></article>" for r in RELATED)}</section>
<footer>{FOOTER}</footer></body></html>""",
    (*P3, CAPTION),
    ("Share on Facebook", *RELATED, FOOTER, NEWSLETTER),
    {
        "title": "A minute of silence opens the signing",
        "source": "Island Herald",
        "authors": ("Priya Nandan",),
        "published": "2025-10-26",
    },
)

P4 = (
    "Parliament's foreign affairs committee voted eleven to three to recommend ratification "
    "of the convention on Tuesday evening.",
    "Opposition members said they would table amendments on the protection of journalists' "
    "sources when the bill reaches the floor.",
    "The government hopes to deposit its instrument of ratification before the end of the year.",
)
COMMENT = "Great article, thanks for covering this so quickly!"
PAGE_WORDPRESS = ExtractionPage(
    "WordPress: entry-content, sidebar, comments",
    f"""<!DOCTYPE html><html><head><meta charset="UTF-8">
<title>Committee backs ratification &#8211; Northern Monitor</title>
<meta property="og:site_name" content="Northern Monitor">
<meta property="og:title" content="Committee backs ratification">
<meta property="article:published_time" content="2025-12-02T18:45:00+01:00"></head>
<body class="single-post"><div id="page" class="site">
<header id="masthead"><div class="site-branding">Northern Monitor</div>{_nav()}</header>
<div id="content"><div id="primary"><main id="main">
<article class="post type-post"><header class="entry-header"><h1 class="entry-title">Committee backs ratification</h1>
<div class="entry-meta">Posted on <time>December 2, 2025</time> by <span class="author">Lars Holm</span></div></header>
<div class="entry-content">{"".join(f"<p>{p}</p>" for p in P4)}</div>
<footer class="entry-footer">Categories: Politics, Treaties. Tags: ratification</footer></article>
<div id="comments" class="comments-area"><h2>2 thoughts on this</h2><ol class="comment-list">
<li class="comment"><p>{COMMENT}</p></li></ol></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul>
{"".join(f"<li><a href='/r'>{r}</a></li>" for r in RELATED)}</ul></section></aside></div>
<footer id="colophon"><div class="site-info">{FOOTER}</div></footer></div></body></html>""",
    P4,
    (COMMENT, *RELATED, FOOTER),
    {
        "title": "Committee backs ratification",
        "source": "Northern Monitor",
        "authors": ("Lars Holm",),
        "published": "2025-12-02",
    },
)

P5 = (
    "The depositary confirmed on Friday that twenty-two states have now signed the convention "
    "and six have ratified it.",
    "Under the text, the convention enters into force ninety days after the fortieth "
    "instrument of ratification is deposited.",
    "A spokesperson said several capitals had asked for technical help with the domestic "
    "legislation that ratification requires.",
    "Read more: How the convention was negotiated",
)
PAGE_GRAPH = ExtractionPage(
    "JSON-LD @graph, inline 'read more' and related box inside the article",
    f"""<html><head><meta charset="utf-8"><title>Twenty-two signatures so far</title>
{
        _ld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "name": "Depositary Watch"},
                    {
                        "@type": "NewsArticle",
                        "headline": "Twenty-two signatures so far",
                        "datePublished": "2025-11-14",
                        "author": {"@type": "Person", "name": "Mei Chen"},
                        "publisher": {"@type": "NewsMediaOrganization", "name": "Depositary Watch"},
                    },
                ],
            }
        )
    }
</head><body>{_nav()}
<div class="gdpr-banner" role="dialog"><p>{COOKIE}</p></div>
<main><article><h1>Twenty-two signatures so far</h1><p class="author">Mei Chen</p>
{"".join(f"<p>{p}</p>" for p in P5[:3])}
<div class="related-content"><h4>Related</h4><ul>{
        "".join(f"<li><a href='/r'>{r}</a></li>" for r in RELATED)
    }</ul></div>
</article></main><footer><p>{FOOTER}</p></footer></body></html>""",
    P5[:3],
    (COOKIE, *RELATED, FOOTER),
    {
        "title": "Twenty-two signatures so far",
        "source": "Depositary Watch",
        "authors": ("Mei Chen",),
        "published": "2025-11-14",
    },
)

P6 = (
    "A working group of the regional police network will meet monthly to test the new "
    "channels for urgent requests.",
    "Its first exercise, in January, will simulate an attack on a port's cargo system that "
    "crosses three jurisdictions.",
    "Each agency will report how long it took to obtain and share the logs the scenario needs.",
)
QUOTE = "We will only know whether the pact works when the first real case comes in."
PAGE_QUOTE = ExtractionPage(
    "blockquote and list, no og: tags, <time> only",
    f"""<html><head><title>Police network plans monthly drills | Pacific Wire</title>
<meta name="description" content="The regional police network will test its channels."></head>
<body><div class="nav">{" ".join(f"<a href='/{n}'>{n}</a>" for n in NAV)}</div>
<div class="cookie"><p>{COOKIE}</p></div>
<div class="article"><h1>Police network plans monthly drills</h1>
<p>By <a rel="author" href="/staff/ko">Kenji Ota</a> · <time datetime="2025-12-01T07:00:00Z">1 December 2025</time></p>
<p>{P6[0]}</p><blockquote><p>{QUOTE}</p></blockquote><p>{P6[1]}</p><p>{P6[2]}</p>
</div><div class="footer"><p>{FOOTER}</p><p>{NEWSLETTER}</p></div></body></html>""",
    (*P6, QUOTE),
    (COOKIE, FOOTER, NEWSLETTER),
    {
        "title": "Police network plans monthly drills",
        "source": None,
        "authors": ("Kenji Ota",),
        "published": "2025-12-01",
    },
)

PAGES = (PAGE_SEMANTIC, PAGE_DIV_SOUP, PAGE_FIGURE, PAGE_WORDPRESS, PAGE_GRAPH, PAGE_QUOTE)
