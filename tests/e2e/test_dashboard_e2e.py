"""The dashboard in a real browser: Playwright driving Debian's chromium against uvicorn on 127.0.0.1.

An analyst loads the dashboard, filters the event table, opens an event, signs in, edits and
confirms it, reloads, and finds the change kept and in the audit log, with the token nowhere
a page script could read it. The pages run under the server's Content-Security-Policy
without a single violation, a `javascript:` URL stored with an article is never a link, and
with closed reads a browser signs in once and sees everything. Screenshots of each step are
saved in tests/e2e/artifacts/ (the path is printed); one of each page, the README's pictures,
in docs/screenshots/ (`test_the_readme_screenshots_show_every_page_without_a_console_error`).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN = "e2e-token"
ARTIFACTS = Path(__file__).parent / "artifacts"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason=f"{CHROMIUM} is missing: `make test` installs Debian's chromium"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serving(tmp_path_factory: pytest.TempPathFactory, **options: Any) -> Iterator[str]:
    """The app over a fresh store of the sample corpus, served by uvicorn in a thread; yields its URL."""
    import uvicorn

    from diplograph.extract.pipeline import process_corpus
    from diplograph.store import Store
    from diplograph.web.app import create_app

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.db'}")
    process_corpus([str(resources.files("diplograph") / "sample")], store)
    port = _free_port()
    app = create_app(store, token=TOKEN, **options)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard with writes enabled and reads open."""
    with _serving(tmp_path_factory) as url:
        yield url


@pytest.fixture(scope="module")
def closed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard with --closed-reads."""
    with _serving(tmp_path_factory, open_reads=False) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's chromium, with offline flags."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    print(f"\nscreenshots: {ARTIFACTS}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def page(browser: Any) -> Iterator[Any]:
    """A chromium page that remembers every Content-Security-Policy violation in `page.violations`."""
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.violations = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and page.violations.append(message.text),
    )
    try:
        yield page
    finally:
        context.close()


def _sign_in(page: Any, token: str) -> None:
    "Fill and send the sign-in form the page shows."
    page.fill("#sign-in input[name=token]", token)
    page.click("#sign-in button[type=submit]")


def test_analyst_filters_opens_reviews_and_the_change_persists(server: str, page: Any) -> None:
    # The home page: the most connected hub, its partners on the map, the network, the table.
    page.goto(server + "/")
    assert page.url.endswith("/hub/CHN")
    page.wait_for_selector("#map .country.hub")
    page.wait_for_selector("#map .country.rung-5")
    page.wait_for_selector("#network .node.hub")
    page.screenshot(path=str(ARTIFACTS / "1-home.png"), full_page=True)

    # Filter the table: 2+2 dialogues with Cambodia.
    page.fill("#filters input[name=party]", "KHM")
    page.select_option("#filters select[name=kind]", "2+2 dialogue")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**kind=2%2B2+dialogue**")
    kinds = page.locator("#event-table tbody td:nth-child(2) a").all_inner_texts()
    parties = page.locator("#event-table tbody td:nth-child(4)").all_inner_texts()
    assert kinds and all(k == "2+2 dialogue" for k in kinds)
    assert all("KHM" in p and "CHN" in p for p in parties)
    page.screenshot(path=str(ARTIFACTS / "2-filtered.png"), full_page=True)

    # Open the first event: its evidence is highlighted in the article text.
    page.locator("#event-table tbody td:nth-child(2) a").first.click()
    page.wait_for_selector("#review-form")
    assert page.locator("blockquote.article-text mark").count() >= 1
    event_url = page.url

    # Sign in from the review form, and come back to the event.
    assert page.locator("#review-form button[value=edit]").is_disabled()
    page.click("#sign-in-first a")
    _sign_in(page, TOKEN)
    page.wait_for_url(event_url)

    # Edit the date and the ordinal, then confirm.
    page.fill("#review-form input[name=date]", "2026-04-19")
    page.fill("#review-form input[name=ordinal]", "1")
    page.fill("#review-form input[name=reviewer]", "E2E Analyst")
    page.click("#review-form button[value=edit]")
    page.locator("#review-state", has_text="edited").wait_for()  # no wait_for_function: the CSP forbids eval
    page.click("#review-form button[value=confirm]")
    page.locator("#review-state", has_text="confirmed").wait_for()

    # Reload: the reviewed values stand, and both changes are in the audit log.
    page.goto(event_url)
    assert page.inner_text("#attributes dd[data-field=date]").startswith("2026-04-19")
    assert page.inner_text("#attributes dd[data-field=ordinal]") == "1"
    assert "confirmed by E2E Analyst" in page.inner_text("#review-state")
    log = page.locator("#event-log tbody tr").all_inner_texts()
    assert len(log) == 2 and "confirm" in log[0] and "edit" in log[1]
    page.screenshot(path=str(ARTIFACTS / "3-event-reviewed.png"), full_page=True)

    page.goto(server + "/reviews")
    assert "E2E Analyst" in page.inner_text("#review-log")
    page.screenshot(path=str(ARTIFACTS / "4-review-log.png"), full_page=True)

    # No page script can read the token: not kept in storage, and the session cookie is HttpOnly.
    stored = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert TOKEN not in stored and "E2E Analyst" in stored
    assert page.evaluate("document.cookie") == ""
    assert page.violations == []


def test_a_wrong_token_is_refused_and_shown(server: str, page: Any) -> None:
    page.goto(server + "/hub/CHN")
    if page.locator("form.sign-out").count():
        page.click("form.sign-out button")
    page.goto(server + "/login")
    _sign_in(page, "not-the-token")
    assert "That is not the token." in page.inner_text("main")
    page.goto(server + "/hub/CHN")
    page.locator("#event-table tbody td:nth-child(2) a").first.click()
    page.wait_for_selector("#review-form")
    assert page.locator("#review-form button[value=reject]").is_disabled()
    assert "not reviewed" in page.inner_text("#review-state")


def test_the_hub_picker_works_without_inline_script(server: str, page: Any) -> None:
    page.goto(server + "/hub/CHN")
    page.select_option("#hub-select", "KHM")
    page.click(".hub-picker button[type=submit]")
    page.wait_for_url("**/hub/KHM")
    page.wait_for_selector("#map .country.hub")
    assert page.violations == []


def test_a_javascript_url_stored_with_an_article_is_never_a_link(server: str, page: Any) -> None:
    import httpx

    document = {
        "id": "hostile-url",
        "url": "javascript:document.title='pwned'",
        "published": "2026-04-22",
        "text": "China and Cambodia held their first 2+2 dialogue in Phnom Penh on Tuesday, officials said.",
    }
    saved = httpx.post(
        server + "/api/ingest",
        json={"documents": [document]},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=60,
    )
    assert saved.status_code == 200, saved.text
    page.goto(server + f"/events/{saved.json()['saved'][0]['events'][0]}")
    page.wait_for_selector("#review-form")
    assert page.locator("a[href^='javascript' i]").count() == 0
    assert "javascript:document.title" in " ".join(page.locator(".source").all_inner_texts())
    assert page.title() != "pwned" and page.violations == []


def test_with_closed_reads_a_browser_signs_in_once_and_sees_everything(
    closed_server: str, browser: Any
) -> None:
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        response = page.goto(closed_server + "/hub/CHN")
        assert response.status == 401 and page.locator("#sign-in").count() == 1
        _sign_in(page, TOKEN)
        page.wait_for_url("**/hub/CHN")
        page.wait_for_selector("#map .country.rung-5")  # the charts' JSON came with the cookie
        page.wait_for_selector("#network .node.hub")
        page.screenshot(path=str(ARTIFACTS / "5-closed-reads-signed-in.png"), full_page=True)
        assert page.goto(closed_server + "/api/docs").status == 200
        page.goto(closed_server + "/hub/CHN")
        page.click("form.sign-out button")
        assert page.goto(closed_server + "/api/stats").status == 401
    finally:
        context.close()


# ── issue 13: the analyst's experience ─────────────────────────────────────


def _boxes(page: Any, selector: str, halo: float = 0.0) -> list[dict[str, float]]:
    """The rendered boxes (x, y, width, height in page pixels) of the elements matching `selector`.

    `halo`: pixels taken off each side, for the white outline a label is drawn with.
    """
    boxes = [box for box in (e.bounding_box() for e in page.locator(selector).all()) if box]
    return [
        {
            "x": b["x"] + halo,
            "y": b["y"] + halo,
            "width": b["width"] - 2 * halo,
            "height": b["height"] - 2 * halo,
        }
        for b in boxes
    ]


def _overlapping(boxes: list[dict[str, float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(boxes)
        for j, b in enumerate(boxes[i + 1 :], start=i + 1)
        if a["x"] < b["x"] + b["width"] - 0.5
        and b["x"] < a["x"] + a["width"] - 0.5
        and a["y"] < b["y"] + b["height"] - 0.5
        and b["y"] < a["y"] + a["height"] - 0.5
    ]


def test_the_api_docs_work_without_the_internet(server: str, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    elsewhere: list[str] = []

    def only_this_server(route: Any) -> None:
        if route.request.url.startswith(server) or route.request.url.startswith("data:"):
            route.continue_()
        else:  # what an offline machine would do
            elsewhere.append(route.request.url)
            route.abort()

    violations: list[str] = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.route("**/*", only_this_server)
    try:
        assert page.goto(server + "/api/docs").status == 200
        page.wait_for_selector(".swagger-ui .info .title")
        page.locator(".opblock-summary-path", has_text="/api/mechanisms/{mechanism_id}/history").wait_for()
        page.screenshot(path=str(ARTIFACTS / "6-api-docs-offline.png"))
        assert elsewhere == [] and violations == []
    finally:
        context.close()


def test_a_filtered_hub_shows_the_filter_on_every_panel(server: str, page: Any) -> None:
    page.goto(server + "/hub/CHN?kind=2%2B2%20dialogue")
    page.wait_for_selector("#network .node.hub")
    page.wait_for_selector("#timeline .bar")
    partners = int(page.inner_text("#partner-count"))
    shaded = page.locator("#map .country[class*='rung-']").count()
    assert 0 < partners == shaded < 10  # the 2+2 partners only, not all of China's
    assert page.locator("#network .node").count() < 10
    assert "2+2 dialogue" in page.inner_text("#filter-note")
    page.screenshot(path=str(ARTIFACTS / "7-hub-filtered-everywhere.png"), full_page=True)
    # The same address in another tab gives the same picture: the filter lives in the URL.
    page.reload()
    page.wait_for_selector("#network .node.hub")
    assert int(page.inner_text("#partner-count")) == partners


def test_the_network_labels_never_overlap_and_the_timeline_labels_fit(server: str, page: Any) -> None:
    page.goto(server + "/hub/CHN")
    page.wait_for_selector("#network .node-label")
    page.wait_for_selector("#timeline text")
    assert _overlapping(_boxes(page, "#network .node-label", halo=2)) == []
    years = page.locator("#timeline text").all_text_contents()
    labels = [y for y in years if y.isdigit() and len(y) == 4]
    assert labels, years
    timeline = page.locator("#timeline").bounding_box()
    for box in _boxes(page, "#timeline text"):
        assert timeline["x"] <= box["x"] and box["x"] + box["width"] <= timeline["x"] + timeline["width"]
    assert _overlapping(_boxes(page, "#timeline text")) == []
    assert page.locator("#timeline-legend .swatch").count() == 2
    assert page.violations == []


def test_a_crowded_network_and_a_long_timeline_stay_readable(server: str, browser: Any) -> None:
    # 60 states around the hub and a thousand years: the data are made up, the drawing is the page's.
    import math

    nodes = [{"id": "CHN", "name": "China", "region": "", "x": 0.5, "y": 0.5, "degree": 120}]
    for i in range(60):
        angle, radius = i * 2.4, 0.15 + 0.35 * ((i * 7) % 10) / 10
        nodes.append(
            {
                "id": f"S{i:02d}",
                "name": f"State {i}",
                "region": "",
                "x": 0.5 + radius * math.cos(angle),
                "y": 0.5 + radius * math.sin(angle),
                "degree": 60 - i,
            }
        )
    edges = [
        {
            "source": "CHN",
            "target": n["id"],
            "weight": 1 + i % 5,
            "rung": i % 7,
            "rung_label": "",
            "kinds": [],
        }
        for i, n in enumerate(nodes[1:])
    ]
    network = {
        "hub": "CHN",
        "nodes": nodes,
        "edges": edges,
        "summary": {"nodes": 61, "edges": 60, "density": 0.03},
    }
    years = [{"year": year, "held": 1 + year % 3, "signals": year % 2} for year in range(960, 2027, 7)]
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.route("**/api/hubs/CHN/network*", lambda route: route.fulfill(json=network))
    page.route(
        "**/api/hubs/CHN/overview*",
        lambda route: route.fulfill(json={"hub": "CHN", "name": "China", "partners": [], "years": years}),
    )
    try:
        page.goto(server + "/hub/CHN")
        page.wait_for_selector("#network .node-label")
        page.wait_for_selector("#timeline text")
        labels = _boxes(page, "#network .node-label", halo=2)
        assert 8 <= len(labels) < 61 and _overlapping(labels) == []
        assert page.locator("#network .node-label", has_text="CHN").count() == 1  # the hub always
        assert "unlabelled" in page.inner_text("#network-summary")
        texts = page.locator("#timeline text").all_text_contents()
        assert {"1000", "1500", "2000"} <= set(texts), texts  # round years, as many as fit
        timeline = page.locator("#timeline").bounding_box()
        year_boxes = _boxes(page, "#timeline text")
        assert _overlapping(year_boxes) == []
        for box in year_boxes:
            assert timeline["x"] <= box["x"] and box["x"] + box["width"] <= timeline["x"] + timeline["width"]
        page.screenshot(path=str(ARTIFACTS / "8-crowded-network-long-timeline.png"), full_page=True)
    finally:
        context.close()


def test_an_analyst_reads_a_mechanisms_history(server: str, page: Any) -> None:
    page.goto(server + "/hub/CHN")
    page.click("#hub-mechanisms")
    page.wait_for_url("**/mechanisms?party=CHN")
    rows = page.locator("#mechanism-table tbody tr")
    assert rows.count() > 3
    page.select_option("#mechanism-filters select[name=kind]", "2+2 dialogue")
    page.click("#mechanism-filters button[type=submit]")
    page.wait_for_url("**kind=2%2B2+dialogue**")
    kinds = page.locator("#mechanism-table tbody td:nth-child(2)").all_inner_texts()
    assert kinds and all(k.strip() == "2+2 dialogue" for k in kinds)
    page.screenshot(path=str(ARTIFACTS / "9-mechanisms.png"), full_page=True)
    page.goto(server + "/mechanisms/AUSMIN")
    sessions = page.locator("#sessions tbody tr").all_inner_texts()
    assert any("33" in s and "Brisbane" in s for s in sessions)
    assert "annual" in page.inner_text("#mechanism-summary")
    page.screenshot(path=str(ARTIFACTS / "10-mechanism-history.png"), full_page=True)
    page.locator("#sessions tbody tr a").first.click()
    page.wait_for_selector("#review-form")
    page.click("#mechanism-link")
    page.wait_for_selector("#sessions")
    assert page.violations == []


# ── the README's pictures: one screenshot of each page, in docs/screenshots/ ─────

# (file name, path, what shows that the page is drawn). `{event}` is the Cambodia–China 2+2 of 2026.
README_PAGES = [
    ("home", "/", "#network .node-label"),
    ("hub-filtered", "/hub/CHN?kind=2%2B2%20dialogue", "#network .node-label"),
    ("event", "/events/{event}", "blockquote.article-text mark"),
    ("mechanism", "/mechanisms/AUSMIN", "#sessions"),
    ("api-docs", "/api/docs", ".opblock-summary-path"),
    ("reviews", "/reviews", "#review-log"),
]


@pytest.fixture(scope="module")
def reviewed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The dashboard over the sample, with two reviews in its log (its own store: the pictures never vary with test order)."""
    import httpx

    with _serving(tmp_path_factory) as url:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        xian = _events(url, kind="summit", party="CHN", since="2023-05-01", until="2023-05-31")
        best, partial = xian[0], xian[-1]  # the Xi'an summit, and a partial report of it
        for event_id, body in [
            (
                best,
                {
                    "action": "edit",
                    "reviewer": "A. Analyst",
                    "fields": {"date": "2023-05-18", "date_end": "2023-05-19"},
                },
            ),
            (partial, {"action": "reject", "reviewer": "A. Analyst"}),
        ]:
            response = httpx.post(f"{url}/api/events/{event_id}/review", json=body, headers=auth, timeout=60)
            assert response.status_code == 200, response.text
        yield url


def _events(server: str, **filters: str) -> list[str]:
    "The ids of the events matching `filters` through the API, best-sourced first."
    import httpx

    items = httpx.get(f"{server}/api/events", params=filters, timeout=60).json()["items"]
    return [e["id"] for e in sorted(items, key=lambda e: -len(e["sources"]))]


def test_the_readme_screenshots_show_every_page_without_a_console_error(
    reviewed_server: str, browser: Any
) -> None:
    "Issue 13: the README shows what a user will see; a page that logs an error is not shown."
    event = _events(reviewed_server, kind="2+2 dialogue", party="KHM", status="occurred")[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # The README's copies are rewritten only on request (`make screenshots`): the review log's
    # timestamps change on every run, and a test run should not leave the tree modified.
    target = (
        SCREENSHOTS if os.environ.get("DIPLOGRAPH_WRITE_SCREENSHOTS") == "1" else ARTIFACTS / "screenshots"
    )
    target.mkdir(parents=True, exist_ok=True)
    try:
        page.goto(reviewed_server + "/login")
        _sign_in(page, TOKEN)  # the review form as an analyst sees it: signed in, buttons on
        page.wait_for_url(reviewed_server + "/**")
        for name, path, drawn in README_PAGES:
            response = page.goto(reviewed_server + path.format(event=event))
            assert response.status == 200, path
            page.locator(drawn).first.wait_for()
            page.wait_for_load_state("networkidle")  # the charts' data are in
            _save_if_changed(page.screenshot(), target / f"{name}.png")
            assert errors == [], (path, errors)
    finally:
        context.close()
    expected = sorted(f"{n}.png" for n, _, _ in README_PAGES)
    assert sorted(p.name for p in target.glob("*.png")) == expected
    assert sorted(p.name for p in SCREENSHOTS.glob("*.png")) == expected  # the README's links resolve


def _save_if_changed(png: bytes, path: Path) -> None:
    "Write a screenshot unless the file already holds the same picture (no change to commit)."
    if not path.exists() or path.read_bytes() != png:
        path.write_bytes(png)


def test_the_html_report_fits_the_page_width_and_names_parties_on_few_lines(
    tmp_path: Path, browser: Any
) -> None:
    "Issue 13: the parties column wrapped one code per line, and the tables ran off the page."
    from diplograph.extract.pipeline import process_corpus
    from diplograph.outputs.report import hub_report_html
    from diplograph.store import Store

    with Store(f"sqlite:///{tmp_path / 'report.db'}") as store:
        process_corpus([str(resources.files("diplograph") / "sample")], store)
        (tmp_path / "china.html").write_text(hub_report_html(store, "CHN"), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    try:
        page.goto((tmp_path / "china.html").as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 1000
        # Each parties cell of each table: its text, and the lines the browser broke it into.
        cells = page.evaluate(
            """[...document.querySelectorAll('table')].flatMap(table => {
                 const at = [...table.querySelectorAll('th')].findIndex(th => th.textContent === 'parties');
                 if (at < 0) return [];
                 return [...table.querySelectorAll('tbody tr:not(.under)')].map(row => {
                   const range = document.createRange();
                   range.selectNodeContents(row.children[at]);
                   return [row.children[at].textContent, range.getClientRects().length];
                 });
               })"""
        )
        assert len(cells) > 20
        for text, lines in cells:
            assert lines <= max(1, -(-len(text.split(", ")) // 3)), (text, lines)  # three codes a line
        page.screenshot(path=str(ARTIFACTS / "11-report.png"), full_page=True)
    finally:
        context.close()
