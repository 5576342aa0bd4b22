"""Examples of what the watcher does with bad input and faults: log the URL and reason, retry later, go on.

Each fault is served by a site on 127.0.0.1 beside a good feed (a port where nothing listens
stands for a feed that is down). In every case the good feed's article is stored in the
same pass, the failure is recorded with its URL and reason (and logged), the faulty feed
is not asked again before its back-off has passed, and it is asked again after.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import pytest
from test_watch import (
    KAZ_FIRST_2PLUS2,
    KHM_SECOND_ROUND,
    Clock,
    Reply,
    Site,
    closed_port,
    html_page,
    publish,
    rss,
    running_site,
    watch_settings,
)

from diplograph.store import Store
from diplograph.store.watchlog import WatchLog
from diplograph.watch import Watcher


@pytest.fixture
def site() -> Iterator[Site]:
    """A site on loopback for feeds and articles."""
    yield from running_site()


def _truncated(site: Site) -> Reply:
    body = rss([("A", site.url("/news/0.html"), "2026-05-12")])
    return Reply(200, body[: body.index(b"<item>") + 20], {"Content-Type": "application/rss+xml"})


FEED_FAULTS: list[tuple[str, Callable[[Site], Reply | None], str]] = [
    ("down", lambda site: None, "cannot connect"),
    # The deadline is generous so that the good feed's page never misses it on a loaded
    # machine (CI once saw it take over 0.5 s); the bad feed answers well after it.
    ("times out", lambda site: Reply(200, b"<rss/>", delay=5.0), "timed out after 2s"),
    ("answers 500", lambda site: Reply(500, b"oops"), "HTTP 500 Internal Server Error"),
    ("answers 404", lambda site: Reply(404, b"gone"), "HTTP 404 Not Found"),
    ("sends malformed XML", _truncated, "malformed XML"),
    (
        "sends an HTML page",
        lambda site: Reply(200, b"<html><body><p>Hello</p></body></html>"),
        "not an RSS or Atom feed",
    ),
    ("loops redirects", lambda site: Reply(302, headers={"Location": "/bad.xml"}), "redirect loop"),
    (
        "announces a huge body",
        lambda site: Reply(200, b"x" * 200_001, {"Content-Type": "application/rss+xml"}),
        "too large",
    ),
    ("sends an endless body", lambda site: Reply(200, endless=True), "too large"),
]


@pytest.mark.parametrize(("fault", "reply", "reason"), FEED_FAULTS, ids=[f[0] for f in FEED_FAULTS])
def test_a_feed_that_fails_is_logged_retried_with_back_off_and_the_pass_goes_on(
    site: Site,
    memory_store: Store,
    caplog: pytest.LogCaptureFixture,
    fault: str,
    reply: Callable[[Site], Reply | None],
    reason: str,
) -> None:
    good = publish(site, [KAZ_FIRST_2PLUS2], feed="/good.xml")
    answer = reply(site)
    bad = f"http://127.0.0.1:{closed_port()}/bad.xml" if answer is None else site.url("/bad.xml")
    if answer is not None:
        site.routes["/bad.xml"] = answer
    clock = Clock()
    settings = watch_settings(timeout=2.0, max_feed_bytes=200_000, retry_base=60.0)
    with Watcher(memory_store, settings, feeds=[bad, good], clock=clock) as watcher:
        with caplog.at_level(logging.WARNING, logger="diplograph.watch"):
            first = watcher.run_pass()
        asked = len(site.hits("/bad.xml"))
        backing_off = watcher.run_pass()
        asked_while_backing_off = len(site.hits("/bad.xml"))
        clock.advance(61)
        retried = watcher.run_pass()
    assert first.stored == 1 and first.alerts  # the good feed went through
    assert [(f.what, f.url) for f in first.failures] == [("feed", bad)]
    assert reason in first.failures[0].reason and first.exit_code == 1
    assert any(bad in r.getMessage() and reason in r.getMessage() for r in caplog.records)
    assert backing_off.skipped == 1 and asked_while_backing_off == asked
    assert retried.failures and (answer is None or len(site.hits("/bad.xml")) > asked)
    state = WatchLog(memory_store).feed(bad)
    assert state is not None and state["failures"] == 2 and reason in state["last_error"]


def test_a_malformed_feed_still_gives_the_items_it_could_read(site: Site, memory_store: Store) -> None:
    publish(site, [KAZ_FIRST_2PLUS2, KHM_SECOND_ROUND])
    whole = site.routes["/feed.xml"]
    assert isinstance(whole, Reply)
    cut = whole.body.index(b"<item>", whole.body.index(b"<item>") + 1) + 30  # the second item is cut short
    site.routes["/feed.xml"] = Reply(200, whole.body[:cut], {"Content-Type": "application/rss+xml"})
    with Watcher(memory_store, watch_settings(), feeds=[site.url("/feed.xml")]) as watcher:
        report = watcher.run_pass()
    assert report.stored == 1 and "malformed XML" in report.failures[0].reason


def test_a_page_with_no_article_is_retried_with_back_off_then_given_up(
    site: Site, memory_store: Store
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2, KHM_SECOND_ROUND])
    site.routes["/news/1.html"] = Reply(200, b"<html><body><script>app()</script></body></html>")
    clock = Clock()
    with Watcher(memory_store, watch_settings(max_attempts=3), feeds=[feed], clock=clock) as watcher:
        first = watcher.run_pass()
        watcher.run_pass()  # not due yet
        for _ in range(3):
            clock.advance(3600)
            watcher.run_pass()
    assert first.stored == 1
    assert [(f.url, f.reason) for f in first.failures] == [(site.url("/news/1.html"), "the page has no text")]
    assert len(site.hits("/news/1.html")) == 3  # first pass, then two retries after their back-off
    (item,) = WatchLog(memory_store).items(state="given_up")
    assert (item["url"], item["attempts"], item["error"]) == (
        site.url("/news/1.html"),
        3,
        "the page has no text",
    )


def test_an_article_that_failed_is_stored_when_it_comes_back(site: Site, memory_store: Store) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    page = site.routes["/news/0.html"]
    site.routes["/news/0.html"] = Reply(503, b"busy")
    clock = Clock()
    with Watcher(memory_store, watch_settings(), feeds=[feed], clock=clock) as watcher:
        failed = watcher.run_pass()
        site.routes["/news/0.html"] = page
        clock.advance(61)
        back = watcher.run_pass()  # the feed is unchanged (304): the ledger remembers the item
    assert failed.failures[0].reason == "HTTP 503 Service Unavailable" and failed.stored == 0
    assert back.unchanged == 1 and back.stored == 1 and any(a["rule"] == "first meeting" for a in back.alerts)


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (
            Reply(200, b"%PDF-1.7 ...", {"Content-Type": "application/pdf"}),
            "not an article page (application/pdf)",
        ),
        (Reply(301, headers={"Location": "http://10.1.2.3/secret"}), "internal address"),
        (Reply(200, b"x" * 6_000_000, {"Content-Type": "text/html"}), "too large"),
    ],
    ids=["a pdf", "a redirect into a private network", "a huge page"],
)
def test_an_article_page_that_cannot_be_read_is_reported_with_its_reason(
    site: Site, memory_store: Store, reply: Reply, reason: str
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    site.routes["/news/0.html"] = reply
    with Watcher(memory_store, watch_settings(), feeds=[feed]) as watcher:
        report = watcher.run_pass()
    assert report.stored == 0 and reason in report.failures[0].reason


def test_a_page_in_another_charset_is_decoded_by_its_content_type(site: Site, memory_store: Store) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    page = (
        html_page(KAZ_FIRST_2PLUS2)
        .decode()
        .replace('<meta charset="utf-8">', "")
        .replace("Kazakhstan", "Kazakhstán")
    )
    site.routes["/news/0.html"] = Reply(
        200, page.encode("cp1252"), {"Content-Type": "text/html; charset=windows-1252"}
    )
    with Watcher(memory_store, watch_settings(), feeds=[feed]) as watcher:
        report = watcher.run_pass()
    (document,) = memory_store.documents()
    assert report.stored == 1 and document["title"] == "China, Kazakhstán hold first 2+2 dialogue"
