"""The web server under attack: stored URLs, big extractions, the cache, secrets, bad characters, hosts, closed reads.

Issue 11 ("Data identity and hardening"), items 3–9, each as what an attacker tried and what
the server now does. Every server here runs on 127.0.0.1 and is started by the test itself:
FastAPI's TestClient in process, and `diplograph serve` as a subprocess for the end-to-end
check on PostgreSQL (skipped without the server on 127.0.0.1:5432).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import secrets
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.exceptions import StarletteDeprecationWarning

from diplograph.errors import StoreError
from diplograph.outputs import report
from diplograph.store import Store
from diplograph.web import state as web_state
from diplograph.web import writes as web_writes
from diplograph.web.app import MAX_EXTRACT_CHARS, create_app
from diplograph.web.state import SESSION_COOKIE, _Cache

with warnings.catch_warnings():  # starlette asks for the httpx2 package, which is not pinned here
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BASE = "http://127.0.0.1"  # TestClient's own "testserver" is not an allowed host
ARTICLE = (
    "Foreign and defence ministers of China and Cambodia held their first 2+2 dialogue "
    "in Phnom Penh on Tuesday, officials said."
)
PG_URL = os.environ.get("DIPLOGRAPH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
PASSWORD = "hunter2-" + secrets.token_hex(4)


def client_of(store: Store, **options: Any) -> TestClient:
    """A TestClient of the app over `store`, speaking to it as http://127.0.0.1."""
    return TestClient(create_app(store, **options), base_url=BASE, raise_server_exceptions=False)


def ingest(client: TestClient, **document: Any) -> dict[str, Any]:
    """Post one document with the operator's token; return the answer."""
    body = {"documents": [{"text": ARTICLE, "published": "2026-04-22", **document}]}
    response = client.post("/api/ingest", json=body, headers=AUTH)
    assert response.status_code == 200, response.text
    return dict(response.json())


@pytest.fixture
def writer(memory_store: Store) -> Iterator[TestClient]:
    """A client of the API over an empty store, with writes enabled and reads open."""
    with client_of(memory_store, token=TOKEN) as client:
        yield client


@pytest.fixture
def closed(memory_store: Store) -> Iterator[TestClient]:
    """A client of a server with the token and --closed-reads."""
    with client_of(memory_store, token=TOKEN, open_reads=False) as client:
        yield client


def _postgres_schema() -> Iterator[str]:
    "Yield the URL (with a password: the server trusts 127.0.0.1) of a fresh schema, dropped afterwards."
    psycopg = pytest.importorskip("psycopg")
    if PG_URL.lower() in ("", "0", "off", "no"):
        pytest.skip("PostgreSQL runs disabled by DIPLOGRAPH_TEST_PG")
    from sqlalchemy.engine import make_url

    name = "web_" + secrets.token_hex(6)
    try:
        with psycopg.connect(PG_URL, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f"CREATE SCHEMA {name}")
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL server not reachable at {PG_URL}: {exc}")
    with_password = make_url(PG_URL).set(password=PASSWORD).render_as_string(hide_password=False)
    try:
        yield f"{with_password}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL with a password, on a fresh schema."""
    yield from _postgres_schema()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store in SQLite memory, and in a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        with Store.memory() as store:
            yield store
        return
    for url in _postgres_schema():
        with Store(url) as store:
            yield store


# ── 3. script from a stored URL ─────────────────────────────────────────────

HOSTILE_URLS = [
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "https:alert(1)",
]


def save_with_url(store: Store, url: str) -> str:
    """Store the article as `diplograph ingest` would from a file whose header gives `url`; return an event id."""
    from diplograph.extract.ingest import read_text
    from diplograph.extract.pipeline import process_document
    from diplograph.settings import Settings

    raw = read_text(ARTICLE, id="hostile", url=url, published="2026-04-22")
    return store.save_extraction(process_document(raw, Settings())).events[0]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_stored_url_that_is_not_http_is_shown_as_text_never_as_a_link(
    writer: TestClient, memory_store: Store, url: str
) -> None:
    event_id = save_with_url(memory_store, url)

    html = writer.get(f"/events/{event_id}").text
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert not [h for h in hrefs if "script" in h.lower() or h.startswith(("data:", "//", "https:a"))]
    assert ">original<" not in html


def test_an_http_url_stays_a_link_that_sends_no_referrer(writer: TestClient) -> None:
    event_id = ingest(writer, id="wire", url="https://news.example.org/2026/04/22/2plus2")["saved"][0][
        "events"
    ][0]

    html = writer.get(f"/events/{event_id}").text
    assert (
        '<a href="https://news.example.org/2026/04/22/2plus2" rel="noreferrer noopener">original</a>' in html
    )


@pytest.mark.parametrize(
    "path", ["/hub/CHN", "/reviews", "/api/events", "/static/app.css", "/nowhere", "/login"]
)
def test_every_answer_carries_a_content_security_policy_and_its_companions(
    writer: TestClient, path: str
) -> None:
    ingest(writer)
    headers = writer.get(path).headers

    policy = headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"


def test_dashboard_pages_have_no_inline_script_or_event_handler(writer: TestClient) -> None:
    event_id = ingest(writer)["saved"][0]["events"][0]
    for path in ("/hub/CHN", f"/events/{event_id}", "/reviews", "/login"):
        html = writer.get(path).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path  # the CSP would block it
        assert not re.search(r"\son[a-z]+\s*=", html), path


def test_the_review_script_keeps_no_token_in_browser_storage() -> None:
    from importlib import resources

    script = (resources.files("diplograph.web") / "static" / "event.js").read_text(encoding="utf-8")
    storage = re.findall(r"(?:localStorage|sessionStorage)\.\w+\(([^)]*)\)", script)
    assert not [call for call in storage if "token" in call.lower()]
    assert "Authorization" not in script  # the browser sends the HttpOnly session cookie instead


def test_signing_in_sets_an_httponly_strict_cookie_that_is_not_the_token(writer: TestClient) -> None:
    response = writer.post(
        "/login", data={"token": TOKEN, "next": "/reviews"}, follow_redirects=False, headers={"Origin": BASE}
    )

    assert response.status_code == 303 and response.headers["location"] == "/reviews"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=") and TOKEN not in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie


@pytest.mark.parametrize(
    "next_page", ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"]
)
def test_signing_in_only_sends_the_browser_back_to_a_page_of_this_server(
    writer: TestClient, next_page: str
) -> None:
    response = writer.post("/login", data={"token": TOKEN, "next": next_page}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/"


def test_a_wrong_token_at_sign_in_sets_no_cookie(writer: TestClient) -> None:
    response = writer.post("/login", data={"token": "guess"}, follow_redirects=False)
    assert response.status_code == 403 and "set-cookie" not in response.headers
    assert 'name="token"' in response.text


def test_the_session_cookie_reviews_from_this_origin_only(writer: TestClient) -> None:
    event_id = ingest(writer)["saved"][0]["events"][0]
    writer.post("/login", data={"token": TOKEN}, follow_redirects=False)
    url, body = f"/api/events/{event_id}/review", {"action": "confirm", "reviewer": "ana"}

    assert writer.post(url, json=body, headers={"Origin": "http://evil.example"}).status_code == 403
    assert writer.post(url, json=body, headers={"Origin": "http://127.0.0.1:9999"}).status_code == 403
    assert writer.post(url, json=body).status_code == 403  # a cookie alone, without an Origin, is not enough
    assert writer.post(url, json=body, headers={"Origin": BASE}).status_code == 200


def test_signing_out_forgets_the_cookie(closed: TestClient) -> None:
    closed.post("/login", data={"token": TOKEN}, follow_redirects=False)
    assert closed.get("/api/stats").status_code == 200

    closed.post("/logout", follow_redirects=False, headers={"Origin": BASE})
    assert closed.get("/api/stats").status_code == 401


def test_the_html_report_forbids_scripts_and_shows_a_javascript_url_as_text(memory_store: Store) -> None:
    save_with_url(memory_store, "javascript:alert(1)")
    page = report.hub_report_html(memory_store, "CHN")

    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in page
    assert "href=" not in page and "javascript:alert(1)" in page


# ── 4. /api/extract: bounded, and a read like the others ────────────────────


def test_extract_refuses_text_over_the_limit_with_413(writer: TestClient) -> None:
    text = ("China and Cambodia held talks. " * (MAX_EXTRACT_CHARS // 31 + 2))[: MAX_EXTRACT_CHARS + 1]
    response = writer.post("/api/extract", json={"text": text})

    assert response.status_code == 413
    assert response.json()["error"] == "InputTooLarge"
    assert f"{MAX_EXTRACT_CHARS:,}" in response.json()["message"]


def test_extract_takes_text_up_to_the_limit(memory_store: Store) -> None:
    with client_of(memory_store, max_extract_chars=len(ARTICLE)) as client:
        assert client.post("/api/extract", json={"text": ARTICLE}).status_code == 200
        assert client.post("/api/extract", json={"text": ARTICLE + "!"}).status_code == 413


def test_extract_with_closed_reads_needs_the_token(closed: TestClient) -> None:
    assert closed.post("/api/extract", json={"text": ARTICLE}).status_code == 401
    assert closed.post("/api/extract", json={"text": ARTICLE}, headers=AUTH).status_code == 200


def test_extract_is_documented_as_a_read(closed: TestClient) -> None:
    responses = closed.get("/api/openapi.json", headers=AUTH).json()["paths"]["/api/extract"]["post"][
        "responses"
    ]
    assert {"400", "401", "403", "413"} <= set(responses)


def test_extractions_run_one_at_a_time_so_readers_keep_their_share(
    memory_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    running, most = 0, 0
    lock = threading.Lock()
    real = web_writes.process_document

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        try:
            time.sleep(0.05)
            return real(*args, **kwargs)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(web_writes, "process_document", counted)
    app = create_app(memory_store)

    async def four_at_once() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as client:
            answers = await asyncio.gather(
                *(client.post("/api/extract", json={"text": ARTICLE}) for _ in range(4))
            )
        return [a.status_code for a in answers]

    assert asyncio.run(four_at_once()) == [200] * 4
    assert most == 1


# ── 5. a bounded analysis cache ─────────────────────────────────────────────


def test_cache_forgets_the_least_recently_used_entry_beyond_its_entry_bound() -> None:
    cache = _Cache(300, max_entries=3, max_bytes=1_000_000)
    for key in "abc":
        cache.get((key,), lambda key=key: key * 10)
    cache.get(("a",), lambda: "recomputed")  # a is now the most recently used
    cache.get(("d",), lambda: "d" * 10)

    assert len(cache) == 3
    assert cache.get(("a",), lambda: "recomputed") == "a" * 10
    assert cache.get(("b",), lambda: "recomputed") == "recomputed"


def test_cache_keeps_under_its_byte_bound_and_skips_values_too_big_to_keep() -> None:
    cache = _Cache(300, max_entries=100, max_bytes=1_000)
    for n in range(10):
        cache.get((n,), lambda: "x" * 300)
    assert cache.bytes <= 1_000 and len(cache) == 3

    assert cache.get(("huge",), lambda: "y" * 5_000) == "y" * 5_000
    assert len(cache) == 3 and cache.bytes <= 1_000


def test_cache_drops_a_result_computed_before_a_write() -> None:
    cache = _Cache(300, max_entries=10, max_bytes=10_000)

    def compute_while_a_write_lands() -> str:
        cache.clear()
        return "stale"

    assert cache.get(("hub",), compute_while_a_write_lands) == "stale"
    assert cache.get(("hub",), lambda: "fresh") == "fresh"


def test_cache_survives_a_failing_computation() -> None:
    cache = _Cache(300, max_entries=10, max_bytes=10_000)
    with pytest.raises(ZeroDivisionError):
        cache.get(("bad",), lambda: 1 / 0)
    assert cache.get(("bad",), lambda: "ok") == "ok"


def test_many_different_analysis_requests_keep_the_cache_bounded(
    sample_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_state, "CACHE_ENTRIES", 8)
    app = create_app(sample_store)
    with TestClient(app, base_url=BASE) as client:
        for year in range(1990, 2020):
            assert client.get("/api/dyads/CHN/KHM", params={"since": str(year)}).status_code == 200
    assert len(app.state.diplograph.cache) <= 8


def test_a_write_through_the_api_empties_the_cache(writer: TestClient) -> None:
    ingest(writer)
    assert writer.get("/api/hubs/CHN").json()["partners"]
    cache = writer.app.state.diplograph.cache  # type: ignore[attr-defined]
    assert len(cache) > 0

    ingest(writer, id="second", text=ARTICLE.replace("Tuesday", "Monday"))
    assert len(cache) == 0


# ── 6. secrets never printed ────────────────────────────────────────────────


def test_serve_never_prints_the_password_of_a_store_url_it_refuses() -> None:
    from click.testing import CliRunner

    from diplograph.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", f"mysql://analyst:{PASSWORD}@127.0.0.1/news"])
    assert result.exit_code == 1
    assert PASSWORD not in result.output and "***" in result.output


def test_serve_logs_never_show_the_password_or_the_token(caplog: pytest.LogCaptureFixture) -> None:
    from diplograph.cli.web import Redact

    redact = Redact([f"postgresql://analyst:{PASSWORD}@db.example/news", TOKEN])
    record = logging.LogRecord(
        "uvicorn.error", logging.ERROR, __file__, 1, "cannot reach %s with %s", None, None
    )
    record.args = (f"postgresql://analyst:{PASSWORD}@db.example/news", TOKEN)
    try:
        raise RuntimeError(f"password {PASSWORD} refused")
    except RuntimeError:
        record.exc_info = sys.exc_info()
    assert redact.filter(record)

    shown = logging.Formatter().format(record)
    assert PASSWORD not in shown and TOKEN not in shown
    assert "postgresql://analyst:***@db.example/news" in shown


# ── 7. NUL and other invalid characters ─────────────────────────────────────

NUL_READS = [
    "/api/documents/a%00b",
    "/api/events/ev_%00",
    "/api/mechanisms/me_%00",
    "/api/mechanisms/me_%00/history",
    "/api/events?document=a%00b",
    "/api/events?mechanism=me_%00",
    "/api/review-log?event=ev_%00",
    "/api/hubs/CHN?region=Asia%00",
    "/api/network?region=%00",
    "/events/ev_%00",
    "/hub/CHN?kind=%00",
    "/api/events?document=a%01b",
    "/api/events?document=a%0Ab",
]


@pytest.mark.parametrize("url", NUL_READS)
def test_a_nul_or_control_character_in_a_path_or_query_is_400(any_store: Store, url: str) -> None:
    with client_of(any_store, token=TOKEN) as client:
        response = client.get(url)
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "InvalidQuery"


@pytest.mark.parametrize(
    "document",
    [
        {"id": "a\x00b"},
        {"url": "https://example.org/\x00"},
        {"title": "a\x00b"},
        {"text": ARTICLE + "\x00"},
        {"text": ARTICLE + "\x1b[31m"},
        {"text": ARTICLE + "\ud800"},
        {"published": "2026-04-22\x00"},
    ],
)
def test_ingest_refuses_nul_controls_and_lone_surrogates_and_stores_nothing(
    any_store: Store, document: dict[str, str]
) -> None:
    with client_of(any_store, token=TOKEN) as client:
        body = json.dumps(
            {"documents": [{"text": ARTICLE, **document}]}
        )  # ASCII: a lone surrogate as \\ud800
        response = client.post(
            "/api/ingest", content=body, headers={**AUTH, "Content-Type": "application/json"}
        )
        assert response.status_code == 400, response.text
        assert response.json()["error"] == "InvalidQuery"
        assert "INSERT" not in response.text and "SELECT" not in response.text
        assert client.get("/api/documents").json()["total"] == 0


def test_ingest_refuses_a_jsonl_record_with_a_nul(any_store: Store) -> None:
    record = '{"id": "a\\u0000b", "text": "China and Cambodia held a 2+2 dialogue in Phnom Penh."}'
    with client_of(any_store, token=TOKEN) as client:
        response = client.post("/api/ingest", json={"jsonl": record}, headers=AUTH)
        assert response.status_code == 400, response.text
        assert "line 1" in response.json()["message"]
        assert client.get("/api/documents").json()["total"] == 0


def test_text_keeps_its_tabs_and_newlines(writer: TestClient) -> None:
    text = ARTICLE.replace(" in Phnom", "\tin Phnom") + "\r\n\nThe talks lasted two days."
    assert writer.post("/api/extract", json={"text": text}).status_code == 200
    assert ingest(writer, text=text)["documents"] == 1


def test_extract_and_review_refuse_control_characters(writer: TestClient) -> None:
    event_id = ingest(writer)["saved"][0]["events"][0]
    assert writer.post("/api/extract", json={"text": "a\x00b"}).status_code == 400
    review = {"action": "edit", "reviewer": "ana\x00", "fields": {"ordinal": 2}}
    assert writer.post(f"/api/events/{event_id}/review", json=review, headers=AUTH).status_code == 400
    city = {"action": "edit", "reviewer": "ana", "fields": {"location": {"city": "Phnom\x07Penh"}}}
    assert writer.post(f"/api/events/{event_id}/review", json=city, headers=AUTH).status_code == 400


def test_an_unexpected_failure_answers_a_generic_500_and_logs_the_details(
    writer: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store = writer.app.state.diplograph.store  # type: ignore[attr-defined]

    def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("INSERT INTO documents (id) VALUES ('x') at /var/lib/diplograph/store.db")

    monkeypatch.setattr(store, "events", broken)
    with caplog.at_level(logging.ERROR, logger="diplograph"):
        response = writer.get("/api/events")

    assert response.status_code == 500
    body = response.json()
    assert body["error"] == "InternalError"
    assert "INSERT" not in response.text and "/var/lib" not in response.text
    assert "x-content-type-options" in response.headers
    reference = re.search(r"ref ([0-9a-f]+)", body["message"])
    assert reference and reference.group(1) in caplog.text and "INSERT INTO documents" in caplog.text


def test_a_store_error_answers_a_generic_500(writer: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    store = writer.app.state.diplograph.store  # type: ignore[attr-defined]

    def refused(*_: Any, **__: Any) -> Any:
        raise StoreError("could not read: SELECT * FROM events WHERE id = 'ev_1' [parameters: secret]")

    monkeypatch.setattr(store, "events", refused)
    response = writer.get("/api/events")
    assert response.status_code == 500
    assert "SELECT" not in response.text and "secret" not in response.text


# ── 8. DNS rebinding: a Host allow-list ─────────────────────────────────────


@pytest.mark.parametrize("path", ["/api/events", "/hub/CHN", "/static/app.css", "/api/openapi.json"])
@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "testserver"]
)
def test_a_foreign_host_header_is_refused(writer: TestClient, path: str, host: str) -> None:
    response = writer.get(path, headers={"Host": host})
    assert response.status_code == 400
    assert response.json()["error"] == "InvalidHost"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"])
def test_loopback_names_are_always_allowed(writer: TestClient, host: str) -> None:
    assert writer.get("/api/stats", headers={"Host": host}).status_code == 200


def test_the_operator_adds_host_names(memory_store: Store) -> None:
    with client_of(memory_store, allowed_hosts=["diplograph.example.org"]) as client:
        assert client.get("/api/stats", headers={"Host": "diplograph.example.org:8443"}).status_code == 200
        assert client.get("/api/stats", headers={"Host": "example.org"}).status_code == 400


def test_serve_allows_the_bound_address_and_the_names_given() -> None:
    from diplograph.cli import cli
    from diplograph.cli.web import allowed_hosts

    option = {p.name: p for p in cli.commands["serve"].params}["allowed_host"]
    assert option.multiple and option.envvar == "DIPLOGRAPH_ALLOWED_HOSTS"
    assert allowed_hosts("192.168.1.20", ("analyst.lan",)) == ["192.168.1.20", "analyst.lan"]
    assert allowed_hosts("0.0.0.0", ()) == []
    assert allowed_hosts("::1", ()) == ["[::1]"]


# ── 9. closed reads close everything that holds data ───────────────────────


@pytest.mark.parametrize(
    "path", ["/api/docs", "/api/openapi.json", "/", "/hub/CHN", "/reviews", "/api/stats"]
)
def test_closed_reads_close_the_docs_the_schema_and_every_page(closed: TestClient, path: str) -> None:
    assert closed.get(path, follow_redirects=False).status_code == 401
    assert closed.get(path, headers=AUTH, follow_redirects=False).status_code in (200, 307)


def test_closed_reads_leave_the_stylesheet_and_scripts_open(closed: TestClient) -> None:
    assert closed.get("/static/app.css").status_code == 200
    assert closed.get("/static/event.js").status_code == 200
    assert closed.get("/api/docs/assets/swagger-ui-bundle.js").status_code == 200


@pytest.mark.parametrize(
    "path", ["/mechanisms", "/mechanisms/AUSMIN", "/api/registry", "/api/docs/openapi.json"]
)
def test_closed_reads_close_the_mechanism_pages_and_the_docs_document(closed: TestClient, path: str) -> None:
    assert closed.get(path).status_code == 401
    assert closed.get(path, headers=AUTH).status_code == 200


def test_a_browser_without_the_token_gets_the_sign_in_form(closed: TestClient) -> None:
    response = closed.get("/hub/CHN?kind=summit", headers={"Accept": "text/html"})
    assert response.status_code == 401
    assert '<form method="post" action="/login"' in response.text
    assert 'value="/hub/CHN?kind=summit"' in response.text


def test_a_signed_in_browser_reads_the_closed_pages_and_the_docs(closed: TestClient) -> None:
    signed_in = closed.post("/login", data={"token": TOKEN, "next": "/api/docs"})
    assert signed_in.status_code == 200 and "swagger-ui" in signed_in.text
    assert closed.get("/api/openapi.json").status_code == 200
    assert closed.get("/hub/CHN").status_code == 200


def test_the_docs_page_has_its_own_narrow_policy(writer: TestClient) -> None:
    policy = writer.get("/api/docs").headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "'sha256-" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/ev_0000000000000000",
        "/api/documents/nope.txt",
        "/api/mechanisms/me_0",
        "/api/mechanisms/me_0/history",
        "/events/ev_0000000000000000",
    ],
)
def test_not_found_never_names_the_store(tmp_path: Path, url: str) -> None:
    path = tmp_path / "secret-folder" / "store.db"
    path.parent.mkdir()
    with Store(f"sqlite:///{path}") as store, client_of(store) as client:
        response = client.get(url)
    assert response.status_code == 404
    assert "secret-folder" not in response.text and "sqlite" not in response.text


# ── all together: `diplograph serve --token --closed-reads` on PostgreSQL ──


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.postgres
def test_serve_with_token_and_closed_reads_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(Path(sys.executable).parent / "diplograph"), "serve", "--db", pg_url, "--port", str(port)]
    env = {**os.environ, "DIPLOGRAPH_TOKEN": TOKEN}
    stdout, stderr = tmp_path / "stdout", tmp_path / "stderr"
    with stdout.open("wb") as out, stderr.open("wb") as err:
        server = subprocess.Popen([*command, "--closed-reads"], stdout=out, stderr=err, env=env)
        try:
            _wait_until_up(server, base)
            with httpx.Client(base_url=base, timeout=30) as client:
                _check_the_served_app(client)
        finally:
            server.terminate()
            server.wait(timeout=30)
    printed = stdout.read_text() + stderr.read_text()
    assert "Dashboard: http://127.0.0.1" in printed and "postgres:***@127.0.0.1:5432/test" in printed
    assert PASSWORD not in printed and TOKEN not in printed


def _wait_until_up(server: subprocess.Popen[bytes], base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited"
        try:
            httpx.get(f"{base}/static/app.css", timeout=2)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("the server did not answer within 60 s")


def _check_the_served_app(client: httpx.Client) -> None:
    "The issue's checks against a real server: links, hosts, docs, NUL; the caller checks what it printed."
    body = {
        "documents": [
            {"text": ARTICLE, "id": "hostile", "url": "javascript:alert(1)", "published": "2026-04-22"}
        ]
    }
    saved = client.post("/api/ingest", json=body, headers=AUTH)
    assert saved.status_code == 200, saved.text
    event_id = saved.json()["saved"][0]["events"][0]

    page = client.get(f"/events/{event_id}", headers=AUTH)
    assert page.status_code == 200 and 'href="javascript' not in page.text.lower()
    assert client.get("/api/stats", headers={**AUTH, "Host": "evil.example"}).status_code == 400
    assert client.get("/api/docs").status_code == 401
    assert client.get("/api/docs", headers=AUTH).status_code == 200
    assert client.get("/api/events/ev_%00", headers=AUTH).status_code == 400
    nul = {"documents": [{"text": ARTICLE, "id": "a\x00b"}]}
    refused = client.post("/api/ingest", json=nul, headers=AUTH)
    assert refused.status_code == 400 and "INSERT" not in refused.text
    missing = client.get("/api/documents/nope", headers=AUTH)
    assert missing.status_code == 404 and "postgresql" not in missing.text
