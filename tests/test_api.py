"""The JSON API: every endpoint, bad input, authentication and the size limit."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from diplograph.web.app import create_app

with warnings.catch_warnings():  # starlette asks for the httpx2 package, which is not pinned here
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

BASE = "http://127.0.0.1"  # TestClient's own "testserver" is not a host the app answers

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = (
    "Foreign and defence ministers of China and Cambodia held their first 2+2 dialogue "
    "in Phnom Penh on Tuesday, officials said."
)


@pytest.fixture(scope="module")
def reader(sample_store: Any) -> Iterator[TestClient]:
    """A client of the API over the sample corpus (reads only)."""
    with TestClient(create_app(sample_store, token=TOKEN), base_url=BASE) as client:
        yield client


@pytest.fixture
def writer(memory_store: Any) -> Iterator[TestClient]:
    """A client of the API over an empty store, with writes enabled."""
    with TestClient(create_app(memory_store, token=TOKEN, max_body_bytes=20_000), base_url=BASE) as client:
        yield client


def _ingest(client: TestClient, text: str = ARTICLE, id: str = "phnom-penh") -> dict[str, Any]:
    response = client.post(
        "/api/ingest", json={"documents": [{"text": text, "id": id, "published": "2026-04-22"}]}, headers=AUTH
    )
    assert response.status_code == 200, response.text
    return dict(response.json())


def test_stats_names_the_most_connected_state_as_default_hub(reader: TestClient) -> None:
    body = reader.get("/api/stats").json()
    assert body["counts"]["events"] > 50
    assert body["hub"] == "CHN"


def test_events_filters_and_pages_with_a_total(reader: TestClient) -> None:
    first = reader.get("/api/events", params={"party": ["CHN", "KHM"], "limit": 2}).json()
    second = reader.get("/api/events", params={"party": ["CHN", "KHM"], "limit": 2, "offset": 2}).json()

    assert first["total"] == second["total"] > 2
    assert len(first["items"]) == 2
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert all({"CHN", "KHM"} <= set(e["parties"]) for e in first["items"] + second["items"])


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"kind": "2+2 dialogue"}, lambda e: e["kind"] == "2+2 dialogue"),
        ({"status": "planned"}, lambda e: e["status"] == "planned"),
        ({"since": "2025", "until": "2025-12"}, lambda e: e["date"] and e["date"][:4] <= "2025"),
    ],
)
def test_events_filters_like_the_cli(reader: TestClient, params: dict[str, str], check: Any) -> None:
    items = reader.get("/api/events", params={**params, "limit": 500}).json()["items"]
    assert items
    assert all(check(e) for e in items)


def test_events_sort_newest_first(reader: TestClient) -> None:
    items = reader.get("/api/events", params={"sort": "-date", "limit": 20}).json()["items"]
    # A partial date sorts by the first day it can mean: "2025-11" beside "2025-11-01" is a tie.
    starts = [(e["date"] + "-01-01")[:10] for e in items if e["date"]]
    assert len(starts) > 5
    assert starts == sorted(starts, reverse=True)


@pytest.mark.parametrize(
    "params",
    [
        {"since": "yesterday"},
        {"until": "2025-1"},
        {"kind": "tea party"},
        {"limit": "ten"},
        {"limit": 0},
        {"limit": 100_000},
        {"offset": -1},
        {"sort": "colour"},
        {"review": "maybe"},
        {"party": "CHINA"},
    ],
)
def test_events_bad_query_is_400_with_a_json_error(reader: TestClient, params: dict[str, Any]) -> None:
    response = reader.get("/api/events", params=params)
    assert response.status_code == 400
    assert response.json()["error"] == "InvalidQuery"


def test_event_detail_has_sources_with_offsets_into_the_document(reader: TestClient) -> None:
    event = reader.get("/api/events", params={"party": ["CHN", "KHM"], "kind": "2+2 dialogue"}).json()[
        "items"
    ][0]
    detail = reader.get(f"/api/events/{event['id']}").json()
    source = detail["sources"][0]
    text = reader.get(f"/api/documents/{source['document']}").json()["text"]
    assert text[source["start"] : source["end"]] == source["quote"]
    assert detail["event"]["id"] == event["id"]


@pytest.mark.parametrize(
    "url", ["/api/events/ev_0000000000000000", "/api/documents/nope.txt", "/api/mechanisms/me_0"]
)
def test_unknown_ids_are_404(reader: TestClient, url: str) -> None:
    response = reader.get(url)
    assert response.status_code == 404
    assert response.json()["error"] == "NotFound"


def test_mechanism_history_numbers_its_sessions(reader: TestClient) -> None:
    mechanism = reader.get(
        "/api/mechanisms", params={"party": ["CHN", "KHM"], "kind": "2+2 dialogue"}
    ).json()[0]
    history = reader.get(f"/api/mechanisms/{mechanism['id']}/history")
    assert history.status_code == 200, history.text
    assert reader.get("/api/mechanisms/me_nothing/history").status_code == 404


def test_documents_page_and_mechanism_sessions(reader: TestClient) -> None:
    page = reader.get("/api/documents", params={"limit": 5}).json()
    assert page["total"] >= 30 and len(page["items"]) == 5 and "text" not in page["items"][0]
    mechanisms = reader.get("/api/mechanisms", params={"party": ["CHN", "KHM"]}).json()
    detail = reader.get(f"/api/mechanisms/{mechanisms[0]['id']}").json()
    assert all(s["mechanism"] == mechanisms[0]["id"] for s in detail["sessions"])


def test_actors_by_type(reader: TestClient) -> None:
    actors = reader.get("/api/actors", params={"type": "state"}).json()
    assert actors and all(a["type"] == "state" for a in actors)
    assert reader.get("/api/actors", params={"type": "planet"}).status_code == 400


@pytest.mark.parametrize(
    ("url", "key"),
    [
        ("/api/hubs/CHN", "partners"),
        ("/api/hubs/CHN/network", "nodes"),
        ("/api/hubs/CHN/overview", "years"),
        ("/api/network", "states"),
        ("/api/dyads/CHN/KHM", "pair"),
        ("/api/compare/CHN/USA", "a"),
        ("/api/forecast/CHN?kind=2%2B2+dialogue&top=3", "candidates"),
    ],
)
def test_analyses_answer_json(reader: TestClient, url: str, key: str) -> None:
    response = reader.get(url)
    assert response.status_code == 200, response.text
    assert key in response.json()


def test_hub_network_nodes_have_layout_coordinates(reader: TestClient) -> None:
    network = reader.get("/api/hubs/CHN/network").json()
    assert "CHN" in {n["id"] for n in network["nodes"]}
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in network["nodes"])


@pytest.mark.parametrize("url", ["/api/hubs/CHINA", "/api/dyads/CHN/K", "/api/hubs/CHN?kind=tea"])
def test_analyses_refuse_bad_codes_and_filters(reader: TestClient, url: str) -> None:
    assert reader.get(url).status_code == 400


def test_extract_returns_events_without_storing(writer: TestClient) -> None:
    response = writer.post("/api/extract", json={"text": ARTICLE, "published": "2026-04-22"})
    assert response.status_code == 200
    assert [(e["kind"], e["parties"]) for e in response.json()["events"]] == [
        ("2+2 dialogue", ["CHN", "KHM"])
    ]
    assert writer.get("/api/events").json()["total"] == 0


@pytest.mark.parametrize(
    "body",
    [{}, {"text": ""}, {"text": 42}, {"text": ARTICLE, "published": "someday"}, {"text": ARTICLE, "x": 1}],
)
def test_extract_bad_body_is_400(writer: TestClient, body: dict[str, Any]) -> None:
    response = writer.post("/api/extract", json=body)
    assert response.status_code == 400
    assert set(response.json()) == {"error", "message"}


def test_ingest_stores_documents_and_jsonl_records(writer: TestClient) -> None:
    saved = _ingest(writer)
    record = '{"id": "statement", "published": "2026-04-22", "text": "China and Cambodia held a 2+2 dialogue in Phnom Penh on April 21."}'
    jsonl = writer.post("/api/ingest", json={"jsonl": record + "\n{broken\n"}, headers=AUTH).json()

    assert saved["documents"] == 1 and saved["saved"][0]["status"] == "created"
    assert jsonl["documents"] == 1 and len(jsonl["failures"]) == 1
    events = writer.get("/api/events").json()["items"]
    assert len(events) == 1 and {s["document"] for s in events[0]["sources"]} == {"phnom-penh", "statement"}


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": "Basic " + TOKEN}, 401)],
)
def test_writes_need_the_operators_token(writer: TestClient, headers: dict[str, str], status: int) -> None:
    response = writer.post("/api/ingest", json={"documents": [{"text": ARTICLE}]}, headers=headers)
    assert response.status_code == status
    assert writer.get("/api/events").json()["total"] == 0


def test_without_a_configured_token_writes_are_refused(memory_store: Any) -> None:
    with TestClient(create_app(memory_store), base_url=BASE) as client:
        response = client.post("/api/ingest", json={"documents": [{"text": ARTICLE}]}, headers=AUTH)
    assert response.status_code == 403


def test_closed_reads_need_the_token(memory_store: Any) -> None:
    with TestClient(create_app(memory_store, token=TOKEN, open_reads=False), base_url=BASE) as client:
        assert client.get("/api/events").status_code == 401
        assert client.get("/api/events", headers={"Authorization": "Bearer nope"}).status_code == 403
        assert client.get("/api/events", headers=AUTH).status_code == 200
        assert client.get("/hub/CHN").status_code == 401
        assert client.get("/api/openapi.json").status_code == 401
        assert client.get("/api/docs").status_code == 401
        assert client.post("/api/extract", json={"text": ARTICLE}).status_code == 401


def test_too_large_body_is_413_with_a_json_error(writer: TestClient) -> None:
    response = writer.post("/api/extract", json={"text": "word " * 10_000})
    assert response.status_code == 413
    assert response.json()["error"] == "InputTooLarge"


def test_review_edit_confirm_reject_and_log(writer: TestClient) -> None:
    event_id = _ingest(writer)["saved"][0]["events"][0]
    url = f"/api/events/{event_id}/review"

    edited = writer.post(
        url,
        json={"action": "edit", "reviewer": "ana", "fields": {"date": "2026-04-20", "ordinal": 1}},
        headers=AUTH,
    )
    writer.post(url, json={"action": "confirm", "reviewer": "ben"}, headers=AUTH)
    rejected = writer.post(url, json={"action": "reject", "reviewer": "cy"}, headers=AUTH)

    assert edited.status_code == 200 and edited.json()["event"]["date"] == "2026-04-20"
    assert rejected.json()["event"]["review"]["state"] == "rejected"
    assert writer.get("/api/events").json()["total"] == 0
    assert writer.get("/api/events", params={"review": "rejected"}).json()["total"] == 1
    log = writer.get("/api/review-log", params={"event": event_id}).json()
    assert [(e["action"], e["reviewer"]) for e in log] == [
        ("reject", "cy"),
        ("confirm", "ben"),
        ("edit", "ana"),
    ]
    assert writer.get("/api/reviews", params={"state": "rejected"}).json()[0]["event_id"] == event_id


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"action": "edit", "reviewer": "ana", "fields": {"kind": "tea party"}}, 400),
        ({"action": "edit", "reviewer": "ana", "fields": {"date": "2026-02-30"}}, 400),
        ({"action": "edit", "reviewer": "ana", "fields": {"parties": "CHN"}}, 400),
        ({"action": "approve", "reviewer": "ana"}, 400),
        ({"action": "confirm"}, 400),
        ({"action": "edit", "reviewer": "ana", "fields": {}}, 400),
    ],
)
def test_review_bad_input(writer: TestClient, body: dict[str, Any], status: int) -> None:
    event_id = _ingest(writer)["saved"][0]["events"][0]
    response = writer.post(f"/api/events/{event_id}/review", json=body, headers=AUTH)
    assert response.status_code == status
    assert writer.get("/api/review-log").json() == []


def test_review_of_unknown_event_is_404_and_needs_token(writer: TestClient) -> None:
    body = {"action": "confirm", "reviewer": "ana"}
    assert writer.post("/api/events/ev_0/review", json=body, headers=AUTH).status_code == 404
    assert writer.post("/api/events/ev_0/review", json=body).status_code == 401


def test_openapi_documents_400_not_422(reader: TestClient) -> None:
    schema = reader.get("/api/openapi.json").json()
    responses = [op["responses"] for path in schema["paths"].values() for op in path.values()]
    assert all("422" not in r for r in responses)
    assert "400" in schema["paths"]["/api/events"]["get"]["responses"]


def test_serve_binds_loopback_by_default_and_reads_the_token_from_the_environment() -> None:
    from click.testing import CliRunner

    from diplograph.cli import cli

    serve = cli.commands["serve"]
    options = {p.name: p for p in serve.params}
    assert options["host"].default == "127.0.0.1"
    assert options["token"].envvar == "DIPLOGRAPH_TOKEN"
    assert "Example:" in CliRunner().invoke(cli, ["serve", "--help"]).output
