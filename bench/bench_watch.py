"""How fast does `diplograph watch` take news in, and is its memory flat over a long run?

Input: a number of sites (hosts) on 127.0.0.1, articles per pass, passes, and where to
extract (`--workers`). Output, on stdout: the throughput of one large pass (items per
second end to end: poll the feeds, fetch every page, read its main text, extract, save,
raise alerts) and, for the long run, one line per pass (new items, items/s, current and
peak RSS, store size), then a summary of RSS at the start, middle and end.

How: a separate process (so that its CPU and memory are not the watcher's) serves H sites,
each an HTTP server on its own port of 127.0.0.1 with an RSS feed of its latest 100
articles and their HTML pages; the articles are `make_corpus.generate_articles` (the
samples recombined, so no two are the same), rendered as news pages. The watcher runs in
this process, on a SQLite file store, with the defaults except `host_interval = 0`: the
pace a news site asks for (1 s) would measure only the sleeping. The server publishes
more articles before each pass of the long run, as a live site would.

Usage:
    .venv/bin/python bench/bench_watch.py                              # 8 sites, 400 items, then 30 passes of 50
    .venv/bin/python bench/bench_watch.py --items 2000 --passes 100 --per-pass 100
    .venv/bin/python bench/bench_watch.py --workers 2                  # extraction in 2 processes
"""

from __future__ import annotations

import argparse
import dataclasses
import email.utils
import html
import multiprocessing
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_memory import current_rss_mb, peak_rss_mb
from make_corpus import generate_articles

from diplograph.settings import Settings, WatchSettings
from diplograph.store import Store
from diplograph.store.watchlog import WatchLog
from diplograph.watch import Watcher

FEED_SIZE = 100  # items a feed lists, newest first, as news sites do


# ── the sites (in their own process) ─────────────────────────────────────────


def serve_sites(
    hosts: int, total: int, seed: int, published: Synchronized[int], ports: Any, ready: Any
) -> None:
    """Serve `hosts` news sites on 127.0.0.1; article i is on site i % hosts once i < published.value."""
    articles = list(generate_articles(total, seed))
    pages = [_page(a.title, a.published, a.text) for a in articles]
    dates, titles = [a.published for a in articles], [a.title for a in articles]
    del articles
    servers = []
    for host in range(hosts):
        server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(host, hosts, pages, dates, titles, published))
        server.daemon_threads = True
        ports[host] = server.server_port
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    ready.set()
    threading.Event().wait()


def _handler(
    host: int,
    hosts: int,
    pages: list[bytes],
    dates: list[str],
    titles: list[str],
    published: Synchronized[int],
) -> type[BaseHTTPRequestHandler]:
    "Return the request handler of one site: /feed.xml and /a/N.html."

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            port = self.server.server_address[1]
            if self.path == "/feed.xml":
                mine = [i for i in range(host, published.value, hosts)][-FEED_SIZE:][::-1]
                items = "".join(
                    f"<item><title>{html.escape(titles[i])}</title><link>http://127.0.0.1:{port}/a/{i}.html</link>"
                    f"<guid>a{i}</guid><pubDate>{_rfc822(dates[i])}</pubDate></item>"
                    for i in mine
                )
                etag = f'"{host}-{published.value}"'
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", etag=etag)
                body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>site {host}</title>{items}</channel></rss>'
                return self._send(200, body.encode(), "application/rss+xml", etag)
            if self.path.startswith("/a/") and self.path.endswith(".html"):
                index = int(self.path[3:-5])
                if index < published.value and index % hosts == host:
                    return self._send(200, pages[index], "text/html; charset=utf-8")
            self._send(404, b"not found")

        def _send(self, status: int, body: bytes, kind: str = "text/plain", etag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _page(title: str, published: str, text: str) -> bytes:
    "Render an article as a news page (navigation and footer around it)."
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f'<meta property="article:published_time" content="{published}"></head><body>'
        f'<nav><a href="/">Home</a> | <a href="/world">World</a></nav><article><h1>{html.escape(title)}</h1>'
        f"{paragraphs}</article><footer>Copyright</footer></body></html>"
    ).encode()


def _rfc822(day: str) -> str:
    import datetime as dt

    return email.utils.format_datetime(dt.datetime.fromisoformat(day[:10] + "T08:00:00+00:00"))


# ── the measures ─────────────────────────────────────────────────────────────


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=8, help="sites (hosts) on 127.0.0.1 (default 8)")
    parser.add_argument("--items", type=int, default=400, help="items of the throughput pass (default 400)")
    parser.add_argument("--passes", type=int, default=30, help="passes of the long run (default 30)")
    parser.add_argument("--per-pass", type=int, default=50, help="new items before each pass (default 50)")
    parser.add_argument("--workers", type=int, default=1, help="extraction processes (default 1)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    total = args.items + args.passes * args.per_pass
    published: Synchronized[int] = multiprocessing.Value("i", 0)  # type: ignore[assignment]
    ports = multiprocessing.Array("i", args.hosts)
    ready = multiprocessing.Event()
    server = multiprocessing.Process(
        target=serve_sites, args=(args.hosts, total, args.seed, published, ports, ready), daemon=True
    )
    server.start()
    ready.wait(120)
    feeds = [f"http://127.0.0.1:{port}/feed.xml" for port in ports]
    settings = Settings(watch=dataclasses.replace(WatchSettings(), host_interval=0.0, max_items=FEED_SIZE))
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "watch.db"
        with (
            Store(f"sqlite:///{path}") as store,
            Watcher(store, settings, feeds=feeds, workers=args.workers) as watcher,
        ):
            print(
                f"# {args.hosts} sites on 127.0.0.1, extraction in {args.workers} process(es), seed {args.seed}"
            )
            # 1. one large pass: the feeds list up to FEED_SIZE each, so the first pass takes hosts × FEED_SIZE at most
            published.value = min(args.items, args.hosts * FEED_SIZE)
            started = time.perf_counter()
            report = watcher.run_pass()
            seconds = time.perf_counter() - started
            items = report.stored + report.unchanged_documents
            print(
                f"throughput: {items} items in {seconds:.1f}s = {items / seconds:.1f} items/s end to end "
                f"({report.new_items} new, {len(report.alerts)} alerts, {len(report.failures)} failures); "
                f"RSS {current_rss_mb():.0f} MB"
            )
            unchanged_started = time.perf_counter()
            idle = watcher.run_pass()
            print(
                f"idle pass: {idle.unchanged} feeds unchanged (304) in {time.perf_counter() - unchanged_started:.2f}s"
            )
            # 2. the long run: new items before each pass
            rss: list[float] = []
            print("pass  new  items/s  rss_mb  peak_mb  store_mb  alerts")
            for number in range(1, args.passes + 1):
                published.value += args.per_pass
                started = time.perf_counter()
                report = watcher.run_pass()
                seconds = time.perf_counter() - started
                rss.append(current_rss_mb())
                counts = WatchLog(store).counts()
                print(
                    f"{number:4d} {report.stored:4d} {report.stored / seconds:8.1f} {rss[-1]:7.0f} {peak_rss_mb():8.0f}"
                    f" {path.stat().st_size / 1e6:9.1f} {counts['alerts']:7d}"
                )
            if rss:
                middle = rss[len(rss) // 2]
                print(
                    f"memory over the long run: RSS {rss[0]:.0f} MB after pass 1, {middle:.0f} MB at pass "
                    f"{len(rss) // 2 + 1}, {rss[-1]:.0f} MB after pass {len(rss)}; peak {peak_rss_mb():.0f} MB; "
                    f"{store.counts()['documents']} documents stored"
                )
    server.terminate()


if __name__ == "__main__":
    main()
