"""Examples of watching news feeds (issue 15): new items found and stored, alerts raised once, politeness.

Every server here is started by the test on 127.0.0.1 (`Site`: a threading HTTP server
answering the replies it is given and recording every request), with article texts we
wrote; nothing reaches any other address. The feed and its articles are ordinary RSS and
HTML, so the watcher takes the same road as with a news site: feedparser, trafilatura,
the pipeline, the store. Faults are in `test_watch_faults.py`, the command line, SIGKILL
and the Atom feed in `test_watch_cli.py`; both use the helpers below.
"""

from __future__ import annotations

import dataclasses
import email
import email.policy
import email.utils
import itertools
import json
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from test_store import POSTGRES, _store_url

from diplograph.settings import AlertRules, Settings, WatchSettings, load_settings
from diplograph.store import Store
from diplograph.store.watchlog import WatchLog
from diplograph.watch import Watcher
from diplograph.watch.alerts import FIRST_MEETING, NEW_MECHANISM, NEW_PARTNER, SIGNAL

# ── a site on loopback ──────────────────────────────────────────────────────


@dataclass
class Reply:
    """What the site answers on a path: status, body, headers; `etag` answers 304 to If-None-Match."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    delay: float = 0.0
    endless: bool = False  # a body that never ends (sent until the client hangs up)


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


class Site:
    """An HTTP server on 127.0.0.1 at a free port: `routes[path]` is a Reply or a function of the request."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply | Callable[[Seen], Reply]] = {}
        self.requests: list[Seen] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                self._answer(b"")

            def do_POST(self) -> None:
                self._answer(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

            def _answer(self, body: bytes) -> None:
                seen = Seen(self.command, self.path, dict(self.headers), body, time.monotonic())
                site.requests.append(seen)
                route = site.routes.get(self.path) or site.routes.get(f"{self.command} {self.path}")
                reply = route(seen) if callable(route) else route or Reply(404, b"not found")
                time.sleep(reply.delay)
                try:
                    if reply.etag and self.headers.get("If-None-Match") == reply.etag:
                        self.send_response(304)
                        self.send_header("ETag", reply.etag)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    self.send_response(reply.status)
                    for name, value in {
                        **reply.headers,
                        **({"ETag": reply.etag} if reply.etag else {}),
                    }.items():
                        self.send_header(name, value)
                    if reply.endless:
                        self.send_header("Content-Type", "application/rss+xml")
                        self.end_headers()
                        self.wfile.write(b"<rss><channel>")
                        while True:
                            self.wfile.write(b"<item><title>x</title></item>" * 1000)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str, method: str = "GET") -> list[Seen]:
        return [r for r in self.requests if r.path == path and r.method == method]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def running_site(routes: dict[str, Reply] | None = None) -> Iterator[Site]:
    """Start a site on loopback, yield it, stop it (the body of the `site` and `hook` fixtures)."""
    server = Site()
    server.routes.update(routes or {})
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def site() -> Iterator[Site]:
    """A site on loopback for feeds and articles."""
    yield from running_site()


@pytest.fixture
def hook() -> Iterator[Site]:
    """A second site on loopback that receives webhooks (200 unless told otherwise)."""
    yield from running_site({"POST /hook": Reply(200, b"ok")})


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (taken from the system, then closed)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ── feeds and articles we wrote ─────────────────────────────────────────────

KAZ_FIRST_2PLUS2 = (
    "China, Kazakhstan hold first 2+2 dialogue",
    "2026-05-12",
    [
        "ASTANA, May 12 (Diplograph Wire) -- China and Kazakhstan held their first Foreign and Defence "
        'Ministers\' "2+2" Dialogue in Astana on Monday, May 11, 2026.',
        "Chinese Foreign Minister Wang Yi and Defence Minister Dong Jun met their Kazakh counterparts to "
        "discuss regional security, counter-terrorism and transport links.",
        "The two sides agreed that the dialogue would meet regularly.",
    ],
)
KHM_SECOND_ROUND = (
    "Cambodia, China to hold second 2+2 round in 2027",
    "2026-05-20",
    [
        "PHNOM PENH, May 20 (Diplograph Wire) -- China and Cambodia will hold the second round of their 2+2 "
        "strategic dialogue in Beijing in 2027, the Cambodian foreign ministry said on Wednesday.",
    ],
)
KGZ_PLANNED = (
    "China, Kyrgyzstan plan first 2+2",
    "2026-03-01",
    [
        "BEIJING, March 1 (Diplograph Wire) -- China and Kyrgyzstan will hold their first foreign and defence "
        "ministers' 2+2 dialogue in Bishkek in June 2026, the Chinese foreign ministry said on Sunday.",
    ],
)
KGZ_HELD = (
    "China, Kyrgyzstan hold first 2+2",
    "2026-06-11",
    [
        "BISHKEK, June 11 (Diplograph Wire) -- China and Kyrgyzstan held their first foreign and defence "
        "ministers' 2+2 dialogue in Bishkek on June 10, 2026, the two governments said.",
    ],
)
# (state, state, capital of the first): one first-ever 2+2 an article, for tests of many items.
PAIRS = (
    ("Laos", "Thailand", "Vientiane"),
    ("Kenya", "Ethiopia", "Nairobi"),
    ("Vietnam", "Japan", "Hanoi"),
    ("Chile", "Peru", "Santiago"),
    ("Poland", "Germany", "Warsaw"),
    ("Egypt", "Jordan", "Cairo"),
    ("Brazil", "Argentina", "Brasilia"),
    ("Morocco", "Spain", "Rabat"),
    ("Norway", "Sweden", "Oslo"),
    ("Ghana", "Nigeria", "Accra"),
    ("Mongolia", "South Korea", "Ulaanbaatar"),
    ("Turkey", "Greece", "Ankara"),
)


def pair_article(i: int) -> tuple[str, str, list[str]]:
    """The i-th article of PAIRS: the pair's first 2+2, on May i+1, 2026."""
    a, b, city = PAIRS[i % len(PAIRS)]
    day = i % 27 + 1
    return (
        f"{a} and {b} hold first 2+2",
        f"2026-05-{day + 1:02d}",
        [
            f"{city.upper()}, May {day + 1} (Diplograph Wire) -- {a} and {b} held their first 2+2 dialogue of "
            f"foreign and defence ministers in {city} on May {day}, 2026, officials said.",
            "The ministers discussed maritime security and trade.",
        ],
    )


def html_page(article: tuple[str, str, list[str]]) -> bytes:
    """A news page: navigation and footer around the article, its date in the metadata."""
    title, published, paragraphs = article
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f'<meta property="article:published_time" content="{published}T08:00:00Z"></head>'
        f'<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>'
        f"<article><h1>{escape(title)}</h1>{body}</article><footer>Copyright Diplograph Wire</footer></body></html>"
    ).encode()


def rss(items: list[tuple[str, str, str]], title: str = "Diplograph Wire: world") -> bytes:
    """An RSS 2.0 feed of (title, link, published YYYY-MM-DD) items."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link><guid>{escape(link)}</guid>"
        f"<pubDate>{email.utils.format_datetime(_utc(published))}</pubDate></item>"
        for t, link, published in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>http://127.0.0.1/</link><description>test feed</description>{entries}</channel></rss>"
    ).encode()


def _utc(day: str) -> Any:
    import datetime as dt

    return dt.datetime.fromisoformat(day + "T08:00:00+00:00")


def publish(site: Site, articles: list[tuple[str, str, list[str]]], feed: str = "/feed.xml") -> str:
    """Serve `articles` as pages /news/N.html and an RSS feed of them (with an ETag); return the feed's URL."""
    items = []
    for n, article in enumerate(articles):
        path = f"/news/{n}.html"
        site.routes[path] = Reply(200, html_page(article), {"Content-Type": "text/html; charset=utf-8"})
        items.append((article[0], site.url(path), article[1]))
    body = rss(items)
    site.routes[feed] = Reply(
        200, body, {"Content-Type": "application/rss+xml"}, etag=f'"{hash(body) & 0xFFFFFF:x}"'
    )
    return site.url(feed)


def watch_settings(**watch: Any) -> Settings:
    """Settings for tests: no pause between requests to a host unless asked, short timeouts."""
    alerts = watch.pop("alerts", AlertRules())
    base = WatchSettings(host_interval=0.0, timeout=3.0, alerts=alerts)
    return Settings(watch=dataclasses.replace(base, **watch))


class Clock:
    """A clock the test moves forward (back-off and schedules read it)."""

    def __init__(self, start: float = 1_780_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


# ── examples ────────────────────────────────────────────────────────────────


def test_a_pass_stores_a_first_2plus2_and_raises_exactly_one_first_meeting_alert(
    site: Site, memory_store: Store
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    with Watcher(memory_store, watch_settings(), feeds=[feed]) as watcher:
        report = watcher.run_pass()
    assert report.new_items == 1 and report.stored == 1 and not report.failures
    first = [a for a in report.alerts if a["rule"] == FIRST_MEETING]
    assert len(first) == 1
    alert = first[0]
    assert (alert["kind"], alert["parties"], alert["date"]) == ("2+2 dialogue", ["CHN", "KAZ"], "2026-05-11")
    assert "first Foreign and Defence Ministers'" in alert["quote"]
    assert alert["url"] == site.url("/news/0.html")
    assert memory_store.event(alert["subject"]).status == "occurred"
    assert [d["title"] for d in memory_store.documents()] == ["China, Kazakhstan hold first 2+2 dialogue"]


def test_a_second_pass_costs_one_304_fetches_nothing_and_alerts_nothing(
    site: Site, memory_store: Store
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    with Watcher(memory_store, watch_settings(), feeds=[feed]) as watcher:
        watcher.run_pass()
        again = watcher.run_pass()
    assert (again.unchanged, again.new_items, again.fetched, again.alerts) == (1, 0, 0, [])
    second_poll = site.hits("/feed.xml")[-1]
    assert second_poll.headers.get("If-None-Match") and len(site.hits("/news/0.html")) == 1
    assert WatchLog(memory_store).counts()["alerts"] == len(WatchLog(memory_store).alerts())


def test_a_feed_that_gains_an_item_fetches_only_the_new_one(site: Site, memory_store: Store) -> None:
    with Watcher(memory_store, watch_settings(), feeds=[publish(site, [KAZ_FIRST_2PLUS2])]) as watcher:
        watcher.run_pass()
        publish(site, [KAZ_FIRST_2PLUS2, KHM_SECOND_ROUND])
        report = watcher.run_pass()
    assert (report.changed, report.new_items, report.fetched) == (1, 1, 1)
    assert len(site.hits("/news/0.html")) == 1 and len(site.hits("/news/1.html")) == 1


def test_a_planned_second_round_is_a_signal(site: Site, memory_store: Store) -> None:
    with Watcher(memory_store, watch_settings(), feeds=[publish(site, [KHM_SECOND_ROUND])]) as watcher:
        report = watcher.run_pass()
    signals = [a for a in report.alerts if a["rule"] == SIGNAL]
    assert [(a["status"], a["parties"], a["date"]) for a in signals] == [("planned", ["CHN", "KHM"], "2027")]


def test_a_plan_that_comes_true_raises_the_first_meeting_though_it_joins_the_planned_event(
    site: Site, memory_store: Store
) -> None:
    with Watcher(memory_store, watch_settings(), feeds=[publish(site, [KGZ_PLANNED])]) as watcher:
        planned = watcher.run_pass()
        publish(site, [KGZ_PLANNED, KGZ_HELD])
        held = watcher.run_pass()
    assert [a["rule"] for a in planned.alerts if a["rule"] != NEW_MECHANISM] == [SIGNAL]
    first = [a for a in held.alerts if a["rule"] == FIRST_MEETING]
    assert len(first) == 1 and first[0]["subject"] == planned.alerts[0]["subject"]  # one event, now occurred
    assert first[0]["date"] == "2026-06-10"


def test_a_meeting_already_in_the_store_raises_nothing_when_another_article_reports_it(
    site: Site, memory_store: Store
) -> None:
    from diplograph.extract.ingest import read_text
    from diplograph.extract.pipeline import ingest_document

    _title, published, paragraphs = KAZ_FIRST_2PLUS2
    ingest_document(
        read_text("\n\n".join(paragraphs), published=published, url="https://elsewhere/kaz"), memory_store
    )
    with Watcher(memory_store, watch_settings(), feeds=[publish(site, [KAZ_FIRST_2PLUS2])]) as watcher:
        report = watcher.run_pass()
    assert report.stored == 1 and report.alerts == []


def test_new_mechanism_and_new_partner_alerts_for_a_watched_hub(site: Site, memory_store: Store) -> None:
    rules = AlertRules(hubs=("CHN",))
    with Watcher(
        memory_store, watch_settings(alerts=rules), feeds=[publish(site, [KAZ_FIRST_2PLUS2])]
    ) as watcher:
        report = watcher.run_pass()
    by_rule = {rule: [a for a in report.alerts if a["rule"] == rule] for rule in (NEW_MECHANISM, NEW_PARTNER)}
    assert [(a["kind"], a["parties"], a["status"]) for a in by_rule[NEW_MECHANISM]] == [
        ("2+2 dialogue", ["CHN", "KAZ"], "existing")
    ]
    assert sorted(a["detail"]["rung"] for a in by_rule[NEW_PARTNER]) == ["2+2", "standing mechanism"]
    assert {(a["detail"]["hub"], a["detail"]["partner"]) for a in by_rule[NEW_PARTNER]} == {("CHN", "KAZ")}


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (AlertRules(first_meeting_kinds=()), [NEW_MECHANISM]),
        (AlertRules(min_confidence=0.99), []),
        (AlertRules(), [FIRST_MEETING, NEW_MECHANISM]),
    ],
)
def test_alert_rules_choose_kinds_and_a_least_confidence(
    site: Site, memory_store: Store, rules: AlertRules, expected: list[str]
) -> None:
    with Watcher(
        memory_store, watch_settings(alerts=rules), feeds=[publish(site, [KAZ_FIRST_2PLUS2])]
    ) as watcher:
        report = watcher.run_pass()
    assert sorted(a["rule"] for a in report.alerts) == expected


@pytest.fixture(params=["sqlite-file", POSTGRES])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty store that several Store objects can open, on SQLite and PostgreSQL."""
    yield from _store_url(request, tmp_path)


def test_a_restart_with_a_new_store_object_fetches_nothing_and_alerts_nothing(
    site: Site, store_url: str
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2, KHM_SECOND_ROUND])
    with Store(store_url) as store, Watcher(store, watch_settings(), feeds=[feed]) as watcher:
        first = watcher.run_pass()
    with Store(store_url) as store, Watcher(store, watch_settings(), feeds=[feed]) as watcher:
        second = watcher.run_pass()
        alerts = WatchLog(store).alerts()
    assert first.alerts and second.alerts == [] and second.fetched == 0
    assert len(alerts) == len({a["id"] for a in alerts}) == len(first.alerts)


def test_a_crash_between_the_save_and_its_alerts_alerts_once_on_the_next_pass(
    site: Site, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    settle = WatchLog.settle

    def crash(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt  # what SIGKILL would do at this very point, minus the process

    monkeypatch.setattr(WatchLog, "settle", crash)
    with (
        Store(store_url) as store,
        Watcher(store, watch_settings(), feeds=[feed]) as watcher,
        pytest.raises(KeyboardInterrupt),
    ):
        watcher.run_pass()
    monkeypatch.setattr(WatchLog, "settle", settle)
    with Store(store_url) as store:  # a new process, as after SIGKILL
        assert [i["state"] for i in WatchLog(store).items()] == ["saving"]
        assert store.counts()["documents"] == 1  # the save committed; its alerts did not
        with Watcher(store, watch_settings(), feeds=[feed]) as watcher:
            recovered = watcher.run_pass()
            again = watcher.run_pass()
    assert recovered.recovered == 1
    assert [a["rule"] for a in recovered.alerts].count(FIRST_MEETING) == 1 and again.alerts == []
    assert len(site.hits("/news/0.html")) == 1  # nothing fetched twice


def test_a_crash_before_the_save_commits_fetches_the_article_again(
    site: Site, memory_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])

    def crash(*args: Any, **kwargs: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "save_extraction", crash)
    with Watcher(memory_store, watch_settings(), feeds=[feed]) as watcher, pytest.raises(KeyboardInterrupt):
        watcher.run_pass()
    monkeypatch.undo()
    with Watcher(memory_store, watch_settings(), feeds=[feed]) as watcher:
        report = watcher.run_pass()
    assert report.stored == 1 and [a["rule"] for a in report.alerts].count(FIRST_MEETING) == 1
    assert len(site.hits("/news/0.html")) == 2  # lost nothing: fetched again


def test_webhooks_get_each_new_alert_once_as_json(site: Site, hook: Site, memory_store: Store) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    with Watcher(memory_store, watch_settings(), feeds=[feed], webhooks=[hook.url("/hook")]) as watcher:
        report = watcher.run_pass()
        watcher.run_pass()
    posts = hook.hits("/hook", "POST")
    assert len(posts) == len(report.alerts) == report.delivered
    bodies = [json.loads(p.body) for p in posts]
    assert {b["id"] for b in bodies} == {p.headers["X-Diplograph-Alert"] for p in posts}
    first = next(b for b in bodies if b["rule"] == FIRST_MEETING)
    assert (first["parties"], first["url"]) == (["CHN", "KAZ"], site.url("/news/0.html"))
    assert "diplograph" in posts[0].headers["User-Agent"]


def test_a_webhook_that_is_down_keeps_its_alerts_pending_until_it_answers(
    site: Site, hook: Site, memory_store: Store
) -> None:
    answers = iter([500] * 3 + [200] * 20)
    hook.routes["POST /hook"] = lambda seen: Reply(next(answers), b"")
    clock = Clock()
    settings = watch_settings(retry_base=60.0)
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    with Watcher(memory_store, settings, feeds=[feed], webhooks=[hook.url("/hook")], clock=clock) as watcher:
        down = watcher.run_pass()
        early = watcher.run_pass()  # its retry time has not come: not tried
        clock.advance(61)
        back = watcher.run_pass()
    assert down.delivered == 0 and down.pending_deliveries == len(down.alerts) and down.exit_code == 1
    assert early.delivered == 0 and len(hook.hits("/hook", "POST")) == 3 + len(down.alerts)
    assert back.delivered == len(down.alerts) and back.pending_deliveries == 0
    delivered = [d for a in WatchLog(memory_store).alerts() for d in a["deliveries"]]
    assert {d["state"] for d in delivered} == {"delivered"}


def test_robots_txt_is_honoured_and_the_user_agent_names_diplograph(site: Site, memory_store: Store) -> None:
    site.routes["/robots.txt"] = Reply(200, b"User-agent: *\nDisallow: /news/1.html\n")
    feed = publish(site, [KAZ_FIRST_2PLUS2, KHM_SECOND_ROUND])
    with Watcher(memory_store, watch_settings(), feeds=[feed]) as watcher:
        report = watcher.run_pass()
    assert site.hits("/news/1.html") == [] and report.stored == 1
    assert [(i["url"], i["state"]) for i in WatchLog(memory_store).items(state="blocked")] == [
        (site.url("/news/1.html"), "blocked")
    ]
    assert all(r.headers["User-Agent"].startswith("diplograph/") for r in site.requests)


def test_requests_to_one_host_are_spaced_by_the_host_interval(site: Site, memory_store: Store) -> None:
    feed = publish(site, [pair_article(i) for i in range(4)])
    with Watcher(memory_store, watch_settings(host_interval=0.3), feeds=[feed]) as watcher:
        watcher.run_pass()
    times = [r.at for r in site.requests]
    assert len(times) == 6  # robots.txt, the feed, 4 pages
    assert min(b - a for a, b in itertools.pairwise(times)) >= 0.28


def test_feeds_and_their_settings_come_from_the_config_file(
    tmp_path: Path, site: Site, memory_store: Store
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    config = tmp_path / "diplograph.toml"
    config.write_text(
        f'[watch]\nhost_interval = 0\nevery = "1h"\n[[watch.feeds]]\nurl = "{feed}"\nmax_items = 5\nlabel = "wire"\n'
        '[watch.alerts]\nhubs = ["CHN"]\n',
        encoding="utf-8",
    )
    settings = load_settings(config)
    assert settings.watch.every == 3600 and settings.watch.timeout == 20  # the rest from the defaults
    assert [(f.url, f.max_items) for f in settings.watch.feeds] == [(feed, 5)]
    with Watcher(memory_store, settings) as watcher:
        report = watcher.run_pass()
    assert report.stored == 1 and any(a["rule"] == NEW_PARTNER for a in report.alerts)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"feeds": [{"url": "ftp://x/feed"}]}, "http:// or https://"),
        ({"feeds": [{"url": "http://x/feed", "kind": "podcast"}]}, "kind 'podcast'"),
        ({"every": "soon"}, "90s, 15m, 1h"),
        ({"colour": "red"}, "unknown key"),
        ({"alerts": {"hubs": "CHN", "kinds": []}}, "unknown key"),
    ],
)
def test_a_bad_watch_table_is_refused_with_what_to_fix(table: dict[str, Any], message: str) -> None:
    from diplograph.errors import ConfigError
    from diplograph.settings import watch_settings as parse

    with pytest.raises(ConfigError, match=message):
        parse(table)


def test_unknown_kinds_or_rungs_in_the_rules_are_refused(memory_store: Store) -> None:
    from diplograph.errors import ConfigError

    with pytest.raises(ConfigError, match="partner_rungs"):
        Watcher(memory_store, watch_settings(alerts=AlertRules(partner_rungs=("best friends",))))


def test_a_sitemap_with_news_extensions_is_read_like_a_feed(site: Site, memory_store: Store) -> None:
    publish(site, [KAZ_FIRST_2PLUS2])
    site.routes["/sitemap.xml"] = Reply(
        200,
        (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"<url><loc>{site.url('/news/0.html')}</loc><news:news><news:publication_date>2026-05-12"
            "</news:publication_date><news:title>China, Kazakhstan hold first 2+2</news:title></news:news></url>"
            "</urlset>"
        ).encode(),
        {"Content-Type": "application/xml"},
    )
    with Watcher(memory_store, watch_settings(), feeds=[site.url("/sitemap.xml")]) as watcher:
        report = watcher.run_pass()
    assert report.stored == 1 and any(a["rule"] == FIRST_MEETING for a in report.alerts)


def test_extraction_in_worker_processes_stores_the_same_as_in_one(site: Site, tmp_path: Path) -> None:
    feed = publish(site, [pair_article(i) for i in range(6)])
    results = []
    for workers in (1, 2):
        with Store(f"sqlite:///{tmp_path / f'w{workers}.db'}") as store:
            with Watcher(store, watch_settings(), feeds=[feed], workers=workers) as watcher:
                report = watcher.run_pass()
            results.append(
                (
                    report.stored,
                    sorted(a["id"] for a in WatchLog(store).alerts()),
                    sorted(e.id for e in store.events()),
                )
            )
    assert results[0] == results[1] and results[0][0] == 6


class Mailbox:
    """A minimal SMTP server on 127.0.0.1 that keeps the messages it is sent (for the email extra)."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []
        box = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                self.wfile.write(b"220 localhost ESMTP test\r\n")
                while line := self.rfile.readline():
                    command = line.strip().upper()
                    if command == b"DATA":
                        self.wfile.write(b"354 end with .\r\n")
                        data = []
                        while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                            data.append(chunk)
                        box.messages.append(b"".join(data))
                        self.wfile.write(b"250 queued\r\n")
                    elif command == b"QUIT":
                        self.wfile.write(b"221 bye\r\n")
                        return
                    else:  # EHLO, MAIL FROM, RCPT TO, RSET, NOOP
                        self.wfile.write(b"250 ok\r\n")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_alerts_are_emailed_through_the_smtp_relay_and_wait_while_it_is_down(
    site: Site, memory_store: Store
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    down = watch_settings(smtp_host="127.0.0.1", smtp_port=closed_port(), emails=("analyst@example.org",))
    with Watcher(memory_store, down, feeds=[feed]) as watcher:
        waiting = watcher.run_pass()
    box = Mailbox()
    try:
        clock = Clock(time.time() + 3600)  # past the back-off
        with Watcher(
            memory_store,
            dataclasses.replace(down, watch=dataclasses.replace(down.watch, smtp_port=box.port)),
            clock=clock,
        ) as watcher:
            sent = watcher.run_pass()
    finally:
        box.close()
    assert waiting.pending_deliveries == len(waiting.alerts) and waiting.failures[0].what == "email"
    assert sent.delivered == len(waiting.alerts) and sent.pending_deliveries == 0
    messages = [email.message_from_bytes(m, policy=email.policy.default) for m in box.messages]
    first = next(m for m in messages if "first meeting" in m["Subject"])
    assert first["Subject"] == "[diplograph] first meeting: first 2+2 dialogue: CHN–KAZ (2026-05-11)"
    assert first["To"] == "analyst@example.org" and site.url("/news/0.html") in first.get_content()


def test_every_watch_key_has_help_a_packaged_default_and_a_line_in_the_docs() -> None:
    from diplograph.settings import ALERT_KEYS, WATCH_HELP

    doc = (Path(__file__).resolve().parents[1] / "docs" / "watch.md").read_text(encoding="utf-8")
    keys = [f.name for f in dataclasses.fields(WatchSettings) if f.name != "alerts"]
    assert set(WATCH_HELP) == {*keys, "alerts"}
    assert [k for k in keys if f"`{k}`" not in doc] == []
    assert [k for k in sorted(ALERT_KEYS) if f"`alerts.{k}`" not in doc] == []
    assert load_settings().watch == WatchSettings()  # defaults.toml and the dataclass agree
