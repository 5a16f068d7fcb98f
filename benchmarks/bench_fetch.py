"""Fetch + extract + store + index throughput, from a local HTTP server.

    python benchmarks/bench_fetch.py                    # 200 pages in 4 feeds
    python benchmarks/bench_fetch.py --pages 1000 --feeds 10 --host-delay 0.5

A threaded stdlib HTTP server on 127.0.0.1 serves ``--feeds`` RSS feeds and ``--pages``
article pages (synthetic text from ``synthetic.py`` in news-site markup: navigation, cookie
banner, related links, footer, og: and JSON-LD metadata). One ``fetch_and_index`` call
fetches them all into a fresh collection. Printed: wall time and CPU time of the whole
job, the index refresh's share, pages per second, and the same for a second fetch (every
feed unchanged: conditional GET answers 304). ``--host-delay`` is the politeness pause
between two requests to one host (0 here: the server is ours; 0.5 s by default in real use,
which then bounds a host's pages to 2 a second whatever the machine).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import article_text  # noqa: E402


def page_html(n: int) -> str:
    lines = article_text(n, 500).splitlines()
    title, body = lines[0], [line for line in lines[1:] if line.strip()]
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": f"2025-10-{n % 28 + 1:02d}",
            "author": {"@type": "Person", "name": "Bench Writer"},
        }
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in body)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title} | Bench Wire</title>
<meta property="og:site_name" content="Bench Wire"><script type="application/ld+json">{ld}</script>
</head><body><div class="cookie-banner"><p>We use cookies on this site.</p></div>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><main><article><h1>{title}</h1>
{paragraphs}</article><aside class="related"><h2>Related</h2><ul><li><a href="/r">Other</a></li>
</ul></aside></main><footer><p>Copyright Bench Wire</p></footer></body></html>"""


def feed_xml(base: str, numbers: range) -> str:
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}/story/{n}</link></item>" for n in numbers
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench feed '
        f"{numbers.start}</title><link>{base}/</link>{items}</channel></rss>"
    )


def serve(pages: int, feeds: int) -> tuple[ThreadingHTTPServer, str]:
    bodies: dict[str, tuple[bytes, str]] = {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    per_feed = -(-pages // feeds)
    for f in range(feeds):
        numbers = range(f * per_feed, min(pages, (f + 1) * per_feed))
        bodies[f"/feed/{f}.xml"] = (feed_xml(base, numbers).encode(), "application/rss+xml")
    for n in range(pages):
        bodies[f"/story/{n}"] = (page_html(n).encode(), "text/html; charset=utf-8")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            found = bodies.get(self.path)
            if found is None:
                self.send_error(404)
                return
            if self.path.startswith("/feed/") and self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, kind = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", '"v1"')
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server.RequestHandlerClass = Handler
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--feeds", type=int, default=4)
    parser.add_argument("--host-delay", type=float, default=0.0)
    args = parser.parse_args()

    from treatytui.fetch.http import HttpSettings
    from treatytui.fetch.subscriptions import FeedList
    from treatytui.library.fetching import fetch_and_index

    server, base = serve(args.pages, args.feeds)
    settings = HttpSettings(host_delay=args.host_delay, per_host=args.feeds)
    with tempfile.TemporaryDirectory() as work:
        index = Path(work) / "index"
        feeds = FeedList.load(index)
        for f in range(args.feeds):
            feeds.add(f"{base}/feed/{f}.xml")
        feeds.save()
        for label in ("first fetch", "second fetch"):
            wall, cpu, children = time.perf_counter(), time.process_time(), _children_cpu()
            outcome = fetch_and_index(index, settings=settings)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            children = _children_cpu() - children
            report, indexed = outcome.fetch, outcome.index
            index_s = indexed.seconds if indexed else 0.0
            print(
                f"{label}: {report.new} new, {report.unchanged} unchanged, {report.failed} failed;"
                f" {wall:.1f} s wall (index {index_s:.1f} s), {cpu:.1f} s CPU"
                f" + {children:.1f} s in index workers;"
                f" {report.new / wall if report.new else 0:.0f} pages/s"
            )
    server.shutdown()


if __name__ == "__main__":
    main()
