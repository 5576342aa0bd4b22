"""Analysts' reviews: overrides that survive re-extraction, rejection, the audit log, reviewed gold."""

from __future__ import annotations

import os
import secrets
import warnings
from collections.abc import Callable, Iterator
from html import unescape
from typing import Any

import pytest

import diplograph
from diplograph.errors import InvalidQuery, NotFound
from diplograph.evaluation.review import reviewed_gold, score_reviewed
from diplograph.store import Store
from diplograph.web.app import create_app

with warnings.catch_warnings():  # starlette asks for the httpx2 package, which is not pinned here
    from starlette.exceptions import StarletteDeprecationWarning

    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

FIRST = (
    "Foreign and defence ministers of China and Cambodia held their first 2+2 dialogue "
    "in Phnom Penh on Tuesday, officials said."
)
CHANGED = FIRST + " The two sides agreed to meet again next year in Beijing, a spokesman added later."
OTHER = "China and Cambodia held a 2+2 dialogue in Phnom Penh on April 21, the ministry said in a statement."


BASE = "http://127.0.0.1"  # TestClient's own "testserver" is not a host the app answers

PG_URL = os.environ.get("DIPLOGRAPH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store in SQLite memory, and in a fresh PostgreSQL schema (skipped without a server)."""
    if request.param == "sqlite":
        with Store.memory() as store:
            yield store
        return
    psycopg = pytest.importorskip("psycopg")
    if PG_URL.lower() in ("", "0", "off", "no"):
        pytest.skip("PostgreSQL runs disabled by DIPLOGRAPH_TEST_PG")
    name = "review_" + secrets.token_hex(6)
    try:
        with psycopg.connect(PG_URL, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f"CREATE SCHEMA {name}")
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL server not reachable at {PG_URL}: {exc}")
    try:
        with Store(f"{PG_URL}?options=-csearch_path%3D{name}") as store:
            yield store
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {name} CASCADE")


@pytest.fixture
def save(store: Store) -> Callable[..., Any]:
    """Return a function that extracts a text as document `doc_id` and saves it to the store."""

    def make(text: str, doc_id: str = "phnom-penh", published: str = "2026-04-22") -> Any:
        return store.save_extraction(
            diplograph.extract_text(text, published=published, id=doc_id), replace=True
        )

    return make


def _two_plus_two(store: Any, **filters: Any) -> Any:
    found = [e for e in store.events(**filters) if e.kind == "2+2 dialogue"]
    assert len(found) == 1, found
    return found[0]


def test_review_edit_survives_reingesting_the_changed_article(store: Any, save: Any) -> None:
    save(FIRST)
    event = _two_plus_two(store)
    assert event.date == "2026-04-21"

    store.review_event(
        event.id,
        action="edit",
        fields={"date": "2026-04-20", "ordinal": 1, "location": {"city": "Siem Reap", "country": "KHM"}},
        reviewer="ana",
    )
    result = save(CHANGED)

    assert result.status == "replaced"
    again = store.event(event.id)
    assert (again.date, again.ordinal, again.location.city) == ("2026-04-20", 1, "Siem Reap")
    assert store.reviews(event=event.id)[0]["state"] == "edited"


def test_review_survives_another_document_joining_the_event(store: Any, save: Any) -> None:
    save(FIRST)
    event = _two_plus_two(store)
    store.review_event(event.id, action="edit", fields={"topics": ["defence"]}, reviewer="ana")

    save(OTHER, doc_id="statement")

    joined = store.event(event.id)
    assert {s.document for s in joined.sources} == {"phnom-penh", "statement"}
    assert joined.topics == ("defence",)


def test_rejected_event_is_hidden_by_default_and_stays_rejected(store: Any, save: Any) -> None:
    save(FIRST)
    event = _two_plus_two(store)

    store.review_event(event.id, action="reject", reviewer="ana")
    save(CHANGED)

    assert event.id not in {e.id for e in store.events()}
    assert event.id in {e.id for e in store.events(review="rejected")}
    assert store.count_events(review="rejected") == 1
    assert store.count_events() == store.count_events(review="all") - 1


def test_review_log_keeps_who_when_before_and_after(store: Any, save: Any) -> None:
    save(FIRST)
    event = _two_plus_two(store)

    store.review_event(event.id, action="edit", fields={"parties": ["KHM", "CHN", "LAO"]}, reviewer="ana")
    store.review_event(event.id, action="confirm", reviewer="ben")

    confirm, edit = store.review_log(event=event.id)
    assert (edit["action"], edit["reviewer"]) == ("edit", "ana")
    assert edit["before"]["parties"] == ["CHN", "KHM"]
    assert edit["after"]["parties"] == ["CHN", "KHM", "LAO"]
    assert (confirm["before"]["state"], confirm["after"]["state"]) == ("edited", "confirmed")
    assert confirm["at"] >= edit["at"]
    assert store.event(event.id).parties == ("CHN", "KHM", "LAO")
    assert event.id in {e.id for e in store.events(party="LAO")}


@pytest.mark.parametrize(
    ("fields", "action", "reviewer", "message"),
    [
        ({"kind": "tea party"}, "edit", "ana", "kind='tea party'"),
        ({"date": "2026-02-30"}, "edit", "ana", "not a date"),
        ({"date": "2026-05-01", "date_end": "2026-04-01"}, "edit", "ana", "before date"),
        ({"parties": ["china"]}, "edit", "ana", "ISO3"),
        ({"parties": []}, "edit", "ana", "ISO3"),
        ({"ordinal": "first"}, "edit", "ana", "whole number"),
        ({"topics": ["gossip"]}, "edit", "ana", "topics"),
        ({"confidence": 1.0}, "edit", "ana", "cannot be reviewed"),
        ({}, "edit", "ana", "at least one field"),
        ({}, "approve", "ana", "not a review action"),
        ({}, "confirm", "  ", "reviewer"),
    ],
)
def test_review_refuses_bad_input_and_changes_nothing(
    store: Any, save: Any, fields: dict[str, Any], action: str, reviewer: str, message: str
) -> None:
    save(FIRST)
    event = _two_plus_two(store)

    with pytest.raises(InvalidQuery, match=message):
        store.review_event(event.id, action=action, fields=fields, reviewer=reviewer)

    assert store.reviews() == []
    assert store.review_log() == []


def test_review_of_an_unknown_event_is_not_found(store: Any) -> None:
    with pytest.raises(NotFound):
        store.review_event("ev_0000000000000000", action="confirm", reviewer="ana")


def test_reviewed_events_are_gold_for_the_current_extraction(store: Any, save: Any) -> None:
    save(FIRST)
    event = _two_plus_two(store)
    store.review_event(event.id, action="confirm", reviewer="ana")

    gold = reviewed_gold(store)
    assert [(e.kind, e.parties, e.optional) for e in gold["phnom-penh"].events] == [
        ("2+2 dialogue", ("CHN", "KHM"), False)
    ]
    assert score_reviewed(store).events.f1 == 1.0

    store.review_event(event.id, action="edit", fields={"date": "2025-04-21"}, reviewer="ana")
    scores = score_reviewed(store)
    assert scores.attributes["date"].value < 1.0


# ── reviewing through the web: write mode and the audit log (issue 13) ─────────


@pytest.mark.parametrize(
    "headers",
    [
        {},  # a browser without a session cookie, as `make demo` serves it
        {"Origin": BASE},
        {"Authorization": "Bearer guessed"},
    ],
    ids=["nothing", "browser", "bearer"],
)
def test_a_review_on_a_server_without_token_says_writes_are_off_and_how_to_turn_them_on(
    store: Any, save: Any, headers: dict[str, str]
) -> None:
    save(FIRST)
    event = _two_plus_two(store)
    with TestClient(create_app(store), base_url=BASE) as client:
        response = client.post(
            f"/api/events/{event.id}/review", json={"action": "confirm", "reviewer": "ana"}, headers=headers
        )

    assert response.status_code == 403
    message = response.json()["message"]
    assert message.startswith("writes are disabled: this server runs without a token")
    assert "DIPLOGRAPH_TOKEN=<token>" in message and "--token" in message and "/login" in message
    assert store.review_log() == []


@pytest.mark.parametrize("city", ["Xi'an", "Ürümqi", "Đà Nẵng"])
@pytest.mark.parametrize("page", ["/reviews", "/events/{id}"])
def test_the_review_log_shows_values_as_text_not_json_escapes(
    store: Any, save: Any, city: str, page: str
) -> None:
    save(FIRST)
    event = _two_plus_two(store)
    store.review_event(event.id, action="edit", fields={"location": {"city": city}}, reviewer="ana")

    with TestClient(create_app(store), base_url=BASE) as client:
        html = client.get(page.format(id=event.id)).text

    log = unescape(html[html.index("<tbody>") if page == "/reviews" else html.index('id="event-log"') :])
    assert city in log
    assert "\\u00" not in log and "\\u0027" not in log
