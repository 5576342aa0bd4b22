"""Time the dashboard's first paint and the events API over a store of 50,000 events.

Builds (or reuses) a SQLite store of synthetic extractions: random parties drawn from 60
states with CHN in a third of them, the eight event kinds, dates over 30 years, one
evidence sentence each, five events per article. The extractions are made directly (no
NLP), so building is bounded by saving, not extraction. Then, through the ASGI app in
process (no network), it times:

- `GET /hub/CHN`: the home page's HTML, server-rendered with the first page of the table
  and the map; this is the first paint (the charts' JSON follows asynchronously);
- `GET /api/events` unfiltered, filtered by party, by kind + dates, and a deep page;
- `GET /api/hubs/CHN/overview` and `/api/hubs/CHN/network` (the charts' data) and the full
  `/api/hubs/CHN` report, cold then cached;
- in chromium (when installed): first contentful paint of the hub page, and when the charts are drawn.

Figures are medians of `--repeat` runs, in milliseconds. On a shared 2-core VM they are
noisy: re-run with `python bench/bench_dashboard.py` (add `--db PATH` to keep the store).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
import warnings
from pathlib import Path

from diplograph.models import Article, Event, Evidence, Extraction, Location, Sentence
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES
from diplograph.web.app import create_app

STATES = [
    *[
        "CHN",
        "USA",
        "RUS",
        "IND",
        "JPN",
        "KOR",
        "AUS",
        "IDN",
        "KHM",
        "LAO",
        "VNM",
        "THA",
        "MYS",
        "SGP",
        "PHL",
        "MMR",
        "BRN",
        "KAZ",
        "KGZ",
        "TJK",
        "TKM",
        "UZB",
        "PAK",
    ],
    *[
        "AFG",
        "IRN",
        "TUR",
        "SAU",
        "ARE",
        "EGY",
        "ZAF",
        "NGA",
        "KEN",
        "ETH",
        "BRA",
        "ARG",
        "MEX",
        "CAN",
        "GBR",
        "FRA",
        "DEU",
        "ITA",
        "ESP",
        "POL",
        "UKR",
        "BLR",
    ],
    *["NZL", "PNG", "FJI", "MNG", "NPL", "LKA", "BGD", "BTN", "MDV", "QAT", "OMN", "KWT", "ISR", "JOR"],
]
EVENTS_PER_ARTICLE = 5


def build(store: Store, events: int, seed: int = 7) -> None:
    """Save synthetic extractions until the store holds about `events` events."""
    rng = random.Random(seed)
    n_articles = events // EVENTS_PER_ARTICLE
    started = time.perf_counter()
    for number in range(n_articles):
        doc = f"synthetic-{number:06d}"
        sentences, found = [], []
        text = ""
        for i in range(EVENTS_PER_ARTICLE):
            size = rng.choice((2, 2, 2, 3, 5))
            parties = tuple(sorted(set(rng.sample(STATES, size) + (["CHN"] if rng.random() < 0.33 else []))))
            kind = rng.choice(EVENT_KINDS)
            year = rng.randint(1996, 2026)
            date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            sentence = f"Officials of {', '.join(parties)} held a {kind} on {date} ({doc}, item {i})."
            start = len(text)
            text += sentence + " "
            sentences.append(Sentence(index=i, start=start, end=start + len(sentence), text=sentence))
            found.append(
                Event(
                    id=f"{doc}#e{i}",
                    kind=kind,
                    status=rng.choice(EVENT_STATUSES),
                    parties=parties,
                    date=date,
                    location=Location(city=None, country=parties[0]),
                    confidence=0.8,
                    sources=(Evidence(document=doc, quote=sentence, start=start, end=start + len(sentence)),),
                )
            )
        article = Article(
            id=doc, source=doc, text=text.strip(), sentences=tuple(sentences), published=found[0].date
        )
        store.save_extraction(Extraction(article=article, events=tuple(found)))
        if number and number % 2000 == 0:
            print(f"  {number * EVENTS_PER_ARTICLE:,} events saved ({time.perf_counter() - started:.0f} s)")


def timed(get: object, url: str, repeat: int) -> tuple[float, float, int]:
    """Return (first, median of the rest) in ms and the status of GET url."""
    times = []
    status = 0
    for _ in range(repeat):
        started = time.perf_counter()
        response = get(url)  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
        status = response.status_code
    rest = times[1:] or times
    return times[0], statistics.median(rest), status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="bench/dashboard-50k.db", help="store file (built when absent)")
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = Path(args.db)
    fresh = not path.exists()
    store = Store(f"sqlite:///{path}")
    if fresh:
        print(f"building {path} with {args.events:,} events …")
        build(store, args.events)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    counts = store.counts()
    print(f"store {path}: {counts['events']:,} events, {counts['documents']:,} documents")
    with TestClient(create_app(store), base_url="http://127.0.0.1") as client:  # an allowed Host
        urls = [
            "/hub/CHN",
            "/api/events",
            "/api/events?party=CHN&party=KHM",
            "/api/events?kind=summit&since=2010&until=2015-06",
            "/api/events?party=CHN&sort=-date&offset=5000",
            "/events/" + store.events(party="CHN", limit=1)[0].id,
            "/api/hubs/CHN/overview",
            "/api/hubs/CHN",
            "/api/hubs/CHN/network",
        ]
        print(f"{'GET':<55} {'first ms':>9} {'median ms':>10} status")
        for url in urls:
            first, median, status = timed(client.get, url, args.repeat)
            print(f"{url:<55} {first:9.0f} {median:10.0f} {status}")
    paint = browser_paint(store)
    if paint:
        print(
            f"chromium, /hub/CHN?page=2 (warm cache): first contentful paint {paint['fcp']:.0f} ms, "
            f"DOM ready {paint['dom']:.0f} ms, charts drawn {paint['charts']:.0f} ms; "
            f"charts of the first visit (cold cache) {paint['cold_charts']:.0f} ms"
        )
    store.close()


def browser_paint(store: Store) -> dict[str, float] | None:
    """Serve the app with uvicorn on 127.0.0.1 and return chromium's paint timings of /hub/CHN, in ms.

    None when /usr/bin/chromium is absent.
    """
    import os
    import socket
    import threading

    import uvicorn
    from playwright.sync_api import sync_playwright

    if not os.access("/usr/bin/chromium", os.X_OK):
        print("chromium absent: no browser timing (apt-get install chromium)")
        return None
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            page = browser.new_page(viewport={"width": 1360, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/hub/CHN")
            page.wait_for_selector("#network .node.hub", timeout=60_000)
            cold_charts = page.evaluate("performance.now()")
            page.goto(f"http://127.0.0.1:{port}/hub/CHN?page=2")  # as a visitor after the start-up warm-up
            page.wait_for_selector("#network .node.hub", timeout=60_000)
            timings = page.evaluate(
                """() => {
                    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
                    const nav = performance.getEntriesByType("navigation")[0];
                    return {fcp: fcp ? fcp.startTime : -1, dom: nav.domContentLoadedEventEnd, charts: performance.now()};
                }"""
            )
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return {**{key: float(value) for key, value in timings.items()}, "cold_charts": float(cold_charts)}


if __name__ == "__main__":
    main()
