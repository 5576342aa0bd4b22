"""Examples of `diplograph watch` and `diplograph alerts` as real processes, and of the alerts on the web.

The feed, its articles and the webhook are sites on 127.0.0.1 started by the test
(`test_watch.Site`). `diplograph watch … --once` runs as a subprocess, as cron would run it;
one is killed with SIGKILL in the middle of a pass and started again.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from starlette.exceptions import StarletteDeprecationWarning
from test_watch import (
    KAZ_FIRST_2PLUS2,
    KHM_SECOND_ROUND,
    Reply,
    Site,
    pair_article,
    publish,
    running_site,
    watch_settings,
)

from diplograph.store import Store
from diplograph.watch import Watcher
from diplograph.web.app import create_app

with warnings.catch_warnings():  # starlette asks for the httpx2 package, which is not pinned here
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

ARTICLES = 12


@pytest.fixture
def site() -> Iterator[Site]:
    yield from running_site()


@pytest.fixture
def hook() -> Iterator[Site]:
    yield from running_site({"POST /hook": Reply(200, b"ok")})


def diplograph(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m diplograph ARGS` in `cwd` (no diplograph.toml there), as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "diplograph", *args], capture_output=True, text=True, timeout=300, cwd=cwd
    )


def watch_command(feed: str, url: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "diplograph", "watch", feed, "--once", "--db", url, *extra]


def test_watch_once_stores_the_article_alerts_once_and_a_second_run_does_nothing(
    site: Site, hook: Site, tmp_path: Path
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    db = f"sqlite:///{tmp_path / 'watch.db'}"
    first = diplograph("watch", feed, "--once", "--db", db, "--webhook", hook.url("/hook"), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "1 new item(s)" in first.stderr and "1 document(s) stored" in first.stderr
    listed = json.loads(diplograph("alerts", "--json", "--db", db, cwd=tmp_path).stdout)
    first_meetings = [a for a in listed if a["rule"] == "first meeting"]
    assert len(first_meetings) == 1
    alert = first_meetings[0]
    assert (alert["kind"], alert["parties"], alert["date"], alert["url"]) == (
        "2+2 dialogue",
        ["CHN", "KAZ"],
        "2026-05-11",
        site.url("/news/0.html"),
    )
    assert alert["quote"].startswith("ASTANA, May 12") and alert["deliveries"][0]["state"] == "delivered"
    posted = [json.loads(p.body) for p in hook.hits("/hook", "POST")]
    assert [p["id"] for p in posted if p["rule"] == "first meeting"] == [alert["id"]]

    second = diplograph("watch", feed, "--once", "--db", db, "--webhook", hook.url("/hook"), cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert (
        "1 unchanged" in second.stderr and "0 new item(s)" in second.stderr and "0 alert(s)" in second.stderr
    )
    assert len(site.hits("/news/0.html")) == 1 and len(hook.hits("/hook", "POST")) == len(posted)
    assert site.hits("/feed.xml")[-1].headers.get("If-None-Match")


def test_watch_once_exits_1_when_a_feed_fails_and_says_why(site: Site, tmp_path: Path) -> None:
    site.routes["/feed.xml"] = Reply(500, b"oops")
    done = diplograph(
        "watch", site.url("/feed.xml"), "--once", "--db", f"sqlite:///{tmp_path / 'w.db'}", cwd=tmp_path
    )
    assert done.returncode == 1
    assert f"feed {site.url('/feed.xml')}: HTTP 500 Internal Server Error" in done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ftp://example/feed"], "is not an http:// or https:// URL"),
        (["http://127.0.0.1:1/feed.xml", "--webhook", "mailto:a@b"], "is not an http:// or https:// URL"),
        (["http://127.0.0.1:1/feed.xml", "--every", "soon"], "90s, 15m, 1h"),
        ([], "give a feed URL"),
    ],
)
def test_watch_refuses_bad_options_before_touching_anything(
    tmp_path: Path, args: list[str], message: str
) -> None:
    done = diplograph("watch", *args, "--once", "--db", f"sqlite:///{tmp_path / 'w.db'}", cwd=tmp_path)
    assert done.returncode == 2 and message in done.stderr
    assert not (tmp_path / "w.db").exists()


def test_sigkill_during_a_pass_then_a_new_pass_loses_no_article_and_alerts_nothing_twice(
    site: Site, hook: Site, tmp_path: Path
) -> None:
    feed = publish(site, [pair_article(i) for i in range(ARTICLES)])
    for n in range(ARTICLES):  # slow pages, so that the kill lands in the middle of the pass
        reply = site.routes[f"/news/{n}.html"]
        assert isinstance(reply, Reply)
        reply.delay = 0.25
    killed_db, whole_db = tmp_path / "killed.db", tmp_path / "whole.db"
    process = subprocess.Popen(
        watch_command(feed, f"sqlite:///{killed_db}", "--webhook", hook.url("/hook")),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    try:
        stored = _wait_for_documents(killed_db, 3)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert 3 <= stored < ARTICLES, "the pass ended before it could be killed half-way"
    assert not hook.hits("/hook", "POST")  # deliveries come at the end of a pass

    again = subprocess.run(
        watch_command(feed, f"sqlite:///{killed_db}", "--webhook", hook.url("/hook")),
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert again.returncode == 0, again.stderr
    whole = subprocess.run(
        watch_command(feed, f"sqlite:///{whole_db}"), capture_output=True, text=True, timeout=300
    )
    assert whole.returncode == 0, whole.stderr

    killed, uninterrupted = _contents(killed_db), _contents(whole_db)
    assert killed["documents"] == uninterrupted["documents"] and len(killed["documents"]) == ARTICLES
    assert killed["alerts"] == uninterrupted["alerts"]  # the same alerts, each once
    assert sorted(killed["alerts"]).count(killed["alerts"][0]) == 1
    assert [r for r, _ in killed["alerts"]].count("first meeting") == ARTICLES
    posted = [json.loads(p.body)["id"] for p in hook.hits("/hook", "POST")]
    assert sorted(posted) == sorted(killed["alert_ids"])  # each alert POSTed once


def _wait_for_documents(path: Path, at_least: int, timeout: float = 120.0) -> int:
    "Wait until the store at `path` holds at least `at_least` documents; return how many it holds."
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1) as conn:
                count = int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
            if count >= at_least:
                return count
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    return 0


def _contents(path: Path) -> dict[str, Any]:
    "Return the documents (id), alerts (rule, subject's kind and parties) and alert ids of a store."
    with sqlite3.connect(path) as conn:
        documents = sorted(r[0] for r in conn.execute("SELECT id FROM documents"))
        rows = conn.execute("SELECT id, rule, kind, parties FROM alerts ORDER BY id").fetchall()
    return {
        "documents": documents,
        "alerts": sorted((rule, f"{kind} {parties}") for _, rule, kind, parties in rows),
        "alert_ids": [r[0] for r in rows],
    }


def test_alerts_lists_them_with_their_delivery_state_and_filters_by_date_and_rule(
    site: Site, tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'w.db'}"
    with (
        Store(db) as store,
        Watcher(store, watch_settings(), feeds=[publish(site, [KAZ_FIRST_2PLUS2])]) as watcher,
    ):
        watcher.run_pass()
    table = diplograph("alerts", "--db", db, cwd=tmp_path)
    assert table.returncode == 0 and "first 2+2 dialogue: CHN–KAZ (2026-05-11)" in table.stdout
    assert "2 alert(s)" in table.stderr
    later = json.loads(diplograph("alerts", "--since", "2999", "--json", "--db", db, cwd=tmp_path).stdout)
    ruled = json.loads(
        diplograph("alerts", "--rule", "new mechanism", "--json", "--db", db, cwd=tmp_path).stdout
    )
    assert later == [] and [a["rule"] for a in ruled] == ["new mechanism"]
    assert diplograph("alerts", "--since", "yesterday", "--db", db, cwd=tmp_path).returncode == 2


# ── on the web ─────────────────────────────────────────────────────────────


@pytest.fixture
def watched(site: Site, memory_store: Store) -> Store:
    """A store into which a pass stored a first 2+2 and a planned second round."""
    with Watcher(
        memory_store, watch_settings(), feeds=[publish(site, [KAZ_FIRST_2PLUS2, KHM_SECOND_ROUND])]
    ) as w:
        w.run_pass()
    return memory_store


def test_the_api_lists_the_alerts_as_json_without_webhook_urls(watched: Store) -> None:
    with TestClient(create_app(watched), base_url="http://127.0.0.1") as client:
        page = client.get("/api/alerts").json()
        signals = client.get("/api/alerts", params={"rule": "signal"}).json()
        bad = client.get("/api/alerts", params={"since": "soon"})
    rules = sorted(a["rule"] for a in page["items"])
    assert rules.count("first meeting") == 1 and rules.count("signal") == 1
    assert [(a["parties"], a["status"]) for a in signals["items"]] == [(["CHN", "KHM"], "planned")]
    assert "deliveries" not in page["items"][0] and {"delivered", "pending"} <= set(page["items"][0])
    assert bad.status_code == 400 and bad.json()["error"] == "InvalidQuery"


def test_the_atom_feed_of_alerts_is_valid_and_reads_back_with_feedparser(watched: Store) -> None:
    with TestClient(create_app(watched), base_url="http://127.0.0.1") as client:
        answer = client.get("/api/alerts.atom")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/atom+xml")
    parsed = feedparser.parse(answer.content)
    assert not parsed.bozo and parsed.version == "atom10"
    titles = [entry.title for entry in parsed.entries]
    assert "first 2+2 dialogue: CHN–KAZ (2026-05-11)" in titles
    first = next(e for e in parsed.entries if e.title.startswith("first"))
    assert first.link.endswith("/news/0.html") and "ASTANA, May 12" in first.summary
    assert parsed.feed.links[0].href == "http://127.0.0.1/api/alerts.atom"


def test_closed_reads_close_the_alerts_too(watched: Store) -> None:
    with TestClient(
        create_app(watched, token="s3cret", open_reads=False), base_url="http://127.0.0.1"
    ) as client:
        assert client.get("/api/alerts.atom").status_code == 401
        assert client.get("/api/alerts", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_the_dashboard_shows_the_alerts_escaped(watched: Store) -> None:
    with TestClient(create_app(watched), base_url="http://127.0.0.1") as client:
        page = client.get("/alerts")
    assert page.status_code == 200 and "first 2+2 dialogue: CHN–KAZ (2026-05-11)" in page.text
    assert 'href="/alerts"' in page.text and "/api/alerts.atom" in page.text


def test_watch_without_once_keeps_polling_shows_what_it_does_and_stops_on_sigterm(
    site: Site, tmp_path: Path
) -> None:
    feed = publish(site, [KAZ_FIRST_2PLUS2])
    db = tmp_path / "live.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "diplograph", "watch", feed, "--every", "1s", "--db", f"sqlite:///{db}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        assert _wait_for_documents(db, 1) == 1
        publish(site, [KAZ_FIRST_2PLUS2, KHM_SECOND_ROUND])  # a new item while it runs
        assert _wait_for_documents(db, 2) == 2
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0
    assert (
        "watching 1 feed(s), each every 1s" in stderr
        and "FIRST MEETING: first 2+2 dialogue: CHN–KAZ" in stderr
    )
    assert "SIGTERM: stopping" in stderr and stderr.rstrip().endswith("stopped")
