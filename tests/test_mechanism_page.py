"""The mechanism pages (issue 13): the registry at `/mechanisms` and a format's history at `/mechanisms/{id}`.

They show what `diplograph registry` and `diplograph history` print, from the same
records (`analysis/registry.py`), with every session linked to its event page and quote;
their JSON twins are `/api/registry` and `/api/mechanisms/{id}/history`.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from diplograph.analysis import registry
from diplograph.web.app import create_app

with warnings.catch_warnings():  # starlette asks for the httpx2 package, which is not pinned here
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(sample_store: Any) -> Iterator[TestClient]:
    with TestClient(create_app(sample_store), base_url=BASE) as client:
        yield client


@pytest.fixture(scope="module")
def ausmin(sample_store: Any) -> registry.MechanismHistory:
    return registry.mechanism_history(sample_store, "AUSMIN")


def _table(page: str, table_id: str) -> str:
    start = page.index(f'id="{table_id}"')
    return page[start : page.index("</table>", start)]


def test_mechanisms_page_lists_every_format_of_the_registry(client: TestClient, sample_store: Any) -> None:
    records = registry.mechanism_registry(sample_store)
    page = client.get("/mechanisms").text
    table = _table(page, "mechanism-table")
    assert table.count("<tr>") == len(records) + 1  # the header row
    for record in records:
        assert f'href="/mechanisms/{record.id}"' in table


@pytest.mark.parametrize(
    ("query", "kinds", "party"),
    [
        ("kind=2%2B2+dialogue", {"2+2 dialogue"}, None),
        ("party=chn", None, "CHN"),
        ("party=CHN&kind=summit", {"summit"}, "CHN"),
    ],
)
def test_mechanisms_page_filters_by_kind_and_party_like_its_json_twin(
    client: TestClient, sample_store: Any, query: str, kinds: set[str] | None, party: str | None
) -> None:
    expected = [
        r
        for r in registry.mechanism_registry(sample_store)
        if (kinds is None or r.kind in kinds) and (party is None or party in r.parties)
    ]
    assert expected, "the sample corpus should have such mechanisms"
    table = _table(client.get(f"/mechanisms?{query}").text, "mechanism-table")
    assert table.count("/mechanisms/me_") == len(expected)
    twin = client.get(f"/api/registry?{query.replace('chn', 'CHN')}").json()
    assert [r["id"] for r in twin] == [r.id for r in expected]


def test_mechanism_page_shows_the_history_the_cli_prints(
    client: TestClient, ausmin: registry.MechanismHistory
) -> None:
    mechanism_id = ausmin.mechanisms[0]
    page = html.unescape(client.get(f"/mechanisms/{mechanism_id}").text)
    assert ausmin.name and ausmin.name in page
    assert ausmin.cadence in page and f"median {ausmin.median_interval_days} days" in page
    assert f"{ausmin.first} · {ausmin.last}" in page
    sessions = _table(page, "sessions")
    for session in ausmin.sessions:
        event = session.event
        assert f'href="/events/{event.id}"' in sessions
        assert event.quote and f"“{event.quote}”" in sessions
        for person in event.people:
            assert person in sessions
        if event.location:
            assert event.location in sessions
    assert 'class="num nowrap">33' in sessions  # the 33rd AUSMIN, as its source numbers it
    for venue, _count in ausmin.venues:
        assert venue in page
    topics = _table(page, "topics-by-year")
    for year, counts in ausmin.topics_by_year:
        assert f"<td>{year}</td>" in topics
        for topic, count in counts:
            assert f"{topic} {count}" in topics
    assert "Secretariat" in page and "(from mechanisms.csv)" in page


def test_mechanism_page_names_its_json_twin_which_holds_the_same_sessions(
    client: TestClient, ausmin: registry.MechanismHistory
) -> None:
    mechanism_id = ausmin.mechanisms[0]
    page = client.get(f"/mechanisms/{mechanism_id}").text
    assert f'href="/api/mechanisms/{mechanism_id}/history"' in page
    twin = client.get(f"/api/mechanisms/{mechanism_id}/history").json()
    assert [s["id"] for s in twin["sessions"]] == [s.event.id for s in ausmin.sessions]


def test_a_mechanism_is_also_found_by_its_known_name(client: TestClient) -> None:
    assert "Australia-United States Ministerial Consultations" in client.get("/mechanisms/AUSMIN").text


def test_an_unknown_mechanism_is_a_404_page(client: TestClient) -> None:
    response = client.get("/mechanisms/me_nothing")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")


def test_event_hub_and_every_page_link_to_the_mechanisms(client: TestClient, sample_store: Any) -> None:
    event = sample_store.events(party=["CHN", "KHM"], kind="2+2 dialogue", status="occurred")[0]
    assert event.mechanism
    event_page = client.get(f"/events/{event.id}").text
    assert f'href="/mechanisms/{event.mechanism}"' in event_page
    hub_page = client.get("/hub/CHN").text
    assert 'href="/mechanisms?party=CHN"' in hub_page
    assert 'href="/mechanisms">Mechanisms</a>' in hub_page  # the navigation bar
    # and the mechanism page links back to its parties' hubs
    assert 'href="/hub/CHN"' in client.get(f"/mechanisms/{event.mechanism}").text


def test_registry_api_refuses_an_unknown_kind(client: TestClient) -> None:
    response = client.get("/api/registry?kind=tea+party")
    assert response.status_code == 400 and response.json()["error"] == "InvalidQuery"
