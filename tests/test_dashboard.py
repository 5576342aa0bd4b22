"""The dashboard's HTML pages: the hub page, the event page, escaping, and the evidence highlight."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from html import unescape
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

import diplograph
from diplograph.web.app import create_app
from diplograph.web.dashboard import highlight, shown, world_paths

with warnings.catch_warnings():  # starlette asks for the httpx2 package, which is not pinned here
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

BASE = "http://127.0.0.1"  # TestClient's own "testserver" is not a host the app answers


@pytest.fixture(scope="module")
def client(sample_store: Any) -> Iterator[TestClient]:
    with TestClient(create_app(sample_store), base_url=BASE) as client:
        yield client


def test_home_redirects_to_the_most_connected_hub(client: TestClient) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "/hub/CHN"


def test_hub_page_has_map_legend_network_timeline_and_a_page_of_events(client: TestClient) -> None:
    html = client.get("/hub/CHN").text
    assert html.count('class="country"') == len(world_paths()) > 150
    assert "standing mechanism" in html and 'id="legend"' in html
    assert 'id="network"' in html and 'id="timeline"' in html
    assert html.count("/events/ev_") == 25
    assert "page 1 of" in html


def test_hub_picker_goes_to_the_chosen_hub_without_any_script(client: TestClient) -> None:
    assert 'class="hub-picker" method="get" action="/">' in client.get("/hub/CHN").text
    response = client.get("/?hub=khm", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/hub/KHM"


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("kind=2%2B2+dialogue&party=KHM", "2+2 dialogue</a>", "joint exercise</a>"),
        ("status=planned", ">planned</span>", ">occurred</span>"),
    ],
)
def test_hub_page_filters_the_table(client: TestClient, query: str, expected: str, absent: str) -> None:
    html = client.get(f"/hub/CHN?{query}").text
    table = html[html.index('id="event-table"') :]
    assert expected in table and absent not in table


def test_hub_page_shows_a_bad_date_as_an_error_not_a_crash(client: TestClient) -> None:
    response = client.get("/hub/CHN?since=last+week")
    assert response.status_code == 400
    assert "is not a date" in response.text


def test_event_page_highlights_the_evidence_in_the_article(client: TestClient, sample_store: Any) -> None:
    event = sample_store.events(party=["CHN", "KHM"], kind="2+2 dialogue")[0]
    html = client.get(f"/events/{event.id}").text
    assert html.count("<mark>") == len(event.sources)
    assert 'id="review-form"' in html


def test_unknown_event_page_is_404(client: TestClient) -> None:
    assert client.get("/events/ev_nothing").status_code == 404


def test_article_text_is_escaped(memory_store: Any) -> None:
    text = (
        "China and Cambodia held their first 2+2 dialogue in Phnom Penh on Tuesday. "
        "<script>alert('x')</script> <b>bold</b>"
    )
    memory_store.save_extraction(diplograph.extract_text(text, published="2026-04-22", id="xss"))
    event = memory_store.events()[0]
    with TestClient(create_app(memory_store), base_url=BASE) as client:
        html = client.get(f"/events/{event.id}").text
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<b>bold</b>" not in html


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("They met. <i>Then</i> left.", 10, 21, "They met. <mark>&lt;i&gt;Then&lt;/i&gt;</mark> left."),
        ("abc", 0, 3, "<mark>abc</mark>"),
        ("abc", 5, 9, "abc<mark></mark>"),
    ],
)
def test_highlight_marks_the_span_and_escapes_the_rest(
    text: str, start: int, end: int, expected: str
) -> None:
    assert str(highlight(text, start, end)) == expected


def test_highlight_cuts_long_articles_around_the_span() -> None:
    text = "word " * 1000 + "EVIDENCE" + " word" * 1000
    start = text.index("EVIDENCE")
    out = str(highlight(text, start, start + 8, context=50))
    assert out.startswith("…") and out.endswith("…") and "<mark>EVIDENCE</mark>" in out and len(out) < 200


# ── issue 13: the hub's filters reach every panel, carried in the URL ───────


@pytest.mark.parametrize(
    ("query", "charts"),
    [
        ("kind=2%2B2%20dialogue", "kind=2%2B2+dialogue"),
        (
            "kind=summit&status=planned&since=2020&until=2026-06",
            "kind=summit&status=planned&since=2020&until=2026-06",
        ),
        ("party=KHM&review=all&sort=-date", ""),  # partner, review and sort are the table's alone
        ("kind=tea+party&since=last+week", ""),  # what the analyses would refuse is left out
    ],
)
def test_hub_page_hands_its_filters_to_the_map_network_and_timeline(
    client: TestClient, query: str, charts: str
) -> None:
    page = unescape(client.get(f"/hub/CHN?{query}").text)
    assert f'data-query="{charts}"' in page
    suffix = f"?{charts}" if charts else ""
    assert (
        f'href="/api/hubs/CHN/overview{suffix}"' in page and f'href="/api/hubs/CHN/network{suffix}"' in page
    )
    assert ('id="filter-note"' in page) == bool(charts)


def test_a_filtered_hub_page_draws_only_the_filtered_partners(client: TestClient) -> None:
    everything = client.get("/api/hubs/CHN/overview").json()
    two_plus_two = client.get("/api/hubs/CHN/overview?kind=2%2B2+dialogue").json()
    assert {p["code"] for p in two_plus_two["partners"]} < {p["code"] for p in everything["partners"]}
    network = client.get("/api/hubs/CHN/network?kind=2%2B2+dialogue").json()
    assert {p["code"] for p in two_plus_two["partners"]} <= {n["id"] for n in network["nodes"]}
    assert len(network["nodes"]) < len(client.get("/api/hubs/CHN/network").json()["nodes"])


def test_the_hub_picker_keeps_the_filters(client: TestClient) -> None:
    page = client.get("/hub/CHN?kind=summit").text
    picker = page[page.index('class="hub-picker"') : page.index("</form>", page.index('class="hub-picker"'))]
    assert '<input type="hidden" name="kind" value="summit">' in picker
    response = client.get("/?hub=khm&kind=summit&status=", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/hub/KHM?kind=summit"


# ── issue 13: one palette, defined once ─────────────────────────────────────


def test_every_event_kind_and_rung_has_its_colour_in_the_one_stylesheet(client: TestClient) -> None:
    from diplograph.analysis.ladder import Rung
    from diplograph.vocab import EVENT_KINDS
    from diplograph.web.dashboard import kind_class

    css = client.get("/static/app.css").text
    for kind in EVENT_KINDS:
        assert f"--kind-{kind_class(kind)}:" in css and f".kind-{kind_class(kind)} {{" in css
    for rung in Rung:
        assert f"--r{int(rung)}:" in css
        if int(rung):
            assert f"#network .node.rung-{int(rung)} circle" in css and f"#map .rung-{int(rung)}" in css


def test_the_timeline_has_a_legend(client: TestClient) -> None:
    page = client.get("/hub/CHN").text
    legend = page[page.index('id="timeline-legend"') :]
    assert 'class="swatch held"' in legend and 'class="swatch signal"' in legend


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "—"),
        ("Xi'an", "Xi'an"),
        ("Ürümqi", "Ürümqi"),
        (["CHN", "KHM"], '["CHN", "KHM"]'),
        ({"city": "Xi'an", "country": "CHN"}, '{"city": "Xi\'an", "country": "CHN"}'),
        (3, "3"),
    ],
)
def test_shown_gives_a_stored_value_as_an_analyst_reads_it(value: Any, text: str) -> None:
    assert shown(value) == text


def test_the_review_form_says_writes_are_off_and_how_to_turn_them_on(
    client: TestClient, sample_store: Any
) -> None:
    "Issue 13: `make demo` serves without a token; the form used to fail with a bare 401."
    event = sample_store.events(limit=1)[0]
    page = unescape(client.get(f"/events/{event.id}").text)
    notice = page[page.index('id="writes-off"') :].split("</p>")[0]

    assert "Writes are off" in notice and "DIPLOGRAPH_TOKEN=<token> diplograph serve" in notice
    assert "--token" in notice and "/login" in notice
    assert 'id="sign-in-first"' not in page


def test_with_a_token_the_review_form_asks_to_sign_in_and_says_nothing_of_writes_off(
    sample_store: Any,
) -> None:
    event = sample_store.events(limit=1)[0]
    with TestClient(create_app(sample_store, token="s3cret"), base_url=BASE) as client:
        page = client.get(f"/events/{event.id}").text

    assert 'id="sign-in-first"' in page and 'id="writes-off"' not in page
