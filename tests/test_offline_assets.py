"""Nothing diplograph serves or writes loads a file from elsewhere: it works on a machine without internet.

Every dashboard page, the API documentation (Swagger UI is served from the
`swagger-ui-bundle` package, issue 13) and the HTML report are checked: no `src`, no
stylesheet or other `href` but a link to an article's own source URL, no `url(…)` in a
stylesheet and no Content-Security-Policy source points to an http(s) address.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from starlette.exceptions import StarletteDeprecationWarning

from diplograph.outputs import report
from diplograph.store import Store
from diplograph.web.app import as_openapi_30, create_app

with warnings.catch_warnings():  # starlette asks for the httpx2 package, which is not pinned here
    warnings.simplefilter("ignore", StarletteDeprecationWarning)
    from fastapi.testclient import TestClient

BASE = "http://127.0.0.1"
EXTERNAL = re.compile(r"^\s*(https?:)?//", re.IGNORECASE)


class _References(HTMLParser):
    "Collect (tag, attribute, value) of every attribute that makes a browser load or navigate."

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href", "srcset", "action", "poster", "data", "content") and value:
                self.found.append((tag, name, value))


def _references(html: str) -> list[tuple[str, str, str]]:
    parser = _References()
    parser.feed(html)
    return parser.found


def _external(html: str, source_urls: set[str]) -> list[tuple[str, str, str]]:
    """Return the references of `html` to another server.

    An `<a href>` to a stored article's own URL is a link the analyst may follow, never a load.
    """
    return [
        (tag, name, value)
        for tag, name, value in _references(html)
        if (EXTERNAL.match(value) or (name == "content" and "http" in value.lower()))
        and not (tag == "a" and name == "href" and value in source_urls)
    ]


def _policy_sources(policy: str) -> list[str]:
    return [token for token in policy.split() if EXTERNAL.match(token) or token.startswith(("http", "*"))]


@pytest.fixture(scope="module")
def client(sample_store: Any) -> Iterator[TestClient]:
    with TestClient(create_app(sample_store), base_url=BASE) as client:
        yield client


@pytest.fixture(scope="module")
def source_urls(sample_store: Any) -> set[str]:
    return {d["url"] for d in sample_store.documents() if d.get("url")}


def _pages(store: Any) -> list[str]:
    "Every kind of page the dashboard serves, with the sample store's ids."
    event = store.events(party=["CHN", "KHM"], kind="2+2 dialogue")[0]
    mechanism = store.mechanisms()[0]
    return [
        "/hub/CHN",
        "/hub/CHN?kind=2%2B2%20dialogue&status=occurred&since=2020",
        f"/events/{event.id}",
        "/events/ev_nothing",
        "/mechanisms",
        "/mechanisms?party=CHN&kind=summit",
        f"/mechanisms/{mechanism.id}",
        "/reviews",
        "/alerts",
        "/login",
        "/api/docs",
    ]


def test_no_page_loads_anything_from_another_server(
    client: TestClient, sample_store: Any, source_urls: set[str]
) -> None:
    for path in _pages(sample_store):
        response = client.get(path)
        assert response.headers["content-type"].startswith("text/html"), path
        assert _external(response.text, source_urls) == [], path
        assert _policy_sources(response.headers["content-security-policy"]) == [], path


def test_the_empty_store_page_loads_nothing_from_another_server() -> None:
    with TestClient(create_app(Store.memory()), base_url=BASE) as client:
        response = client.get("/")
    assert "The store is empty" in response.text
    assert _external(response.text, set()) == []


def test_the_api_docs_load_swagger_ui_from_this_server(client: TestClient) -> None:
    page = client.get("/api/docs")
    loaded = [value for tag, name, value in _references(page.text) if name in ("src", "href")]
    assert "/api/docs/assets/swagger-ui-bundle.js" in loaded
    assert "/api/docs/assets/swagger-ui.css" in loaded
    for url in loaded:
        if not url.startswith("data:"):
            assert client.get(url).status_code == 200, url
    policy = page.headers["content-security-policy"]
    assert "script-src 'self' 'sha256-" in policy and "style-src 'self';" in policy
    assert "jsdelivr" not in page.text + policy


@pytest.mark.parametrize(
    "name", ["index.html", "oauth2-redirect.html", "swagger-initializer.js", "swagger-ui.js", "x"]
)
def test_only_the_files_the_docs_page_uses_are_served(client: TestClient, name: str) -> None:
    assert client.get(f"/api/docs/assets/{name}").status_code == 404


def test_the_stylesheets_load_no_font_or_picture_from_elsewhere(client: TestClient) -> None:
    for path in ("/static/app.css", "/api/docs/assets/swagger-ui.css"):
        css = client.get(path).text
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css, re.IGNORECASE), path
        assert "@import" not in css, path


def test_the_docs_page_reads_the_document_as_openapi_30(client: TestClient) -> None:
    document = client.get("/api/docs/openapi.json").json()
    assert document["openapi"] == "3.0.3"
    assert '{"type": "null"}' not in str(document).replace("'", '"')
    assert client.get("/api/openapi.json").json()["openapi"].startswith("3.1")


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"anyOf": [{"type": "string"}, {"type": "null"}]}, {"type": "string", "nullable": True}),
        (
            {"anyOf": [{"$ref": "#/components/schemas/A"}, {"type": "null"}], "title": "A"},
            {"allOf": [{"$ref": "#/components/schemas/A"}], "nullable": True, "title": "A"},
        ),
        ({"type": "integer"}, {"type": "integer"}),
    ],
)
def test_as_openapi_30_writes_null_alternatives_as_nullable(
    schema: dict[str, Any], expected: dict[str, Any]
) -> None:
    converted = as_openapi_30({"openapi": "3.1.0", "components": {"schemas": {"X": schema}}})
    assert converted["openapi"] == "3.0.3"
    assert converted["components"]["schemas"]["X"] == expected


def test_the_html_report_loads_nothing_from_another_server(sample_store: Any, source_urls: set[str]) -> None:
    page = report.hub_report_html(sample_store, "CHN")
    assert _external(page, source_urls) == []
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None and _policy_sources(policy.group(1)) == []
