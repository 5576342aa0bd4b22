"""The dashboard in a real browser: Playwright driving Debian's chromium against uvicorn on 127.0.0.1.

An analyst loads the dashboard, filters the event table, opens an event, edits and confirms
it, reloads, and finds the change kept and in the audit log. Screenshots of each step are
saved in tests/e2e/artifacts/ (the path is printed).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
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

pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK), reason=f"{CHROMIUM} is missing: `make test` installs Debian's chromium"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over a fresh store of the sample corpus, served by uvicorn in a thread; yields its URL."""
    import uvicorn

    from diplograph.api import create_app
    from diplograph.pipeline import process_corpus
    from diplograph.store import Store

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.db'}")
    process_corpus([str(resources.files("diplograph") / "sample")], store)
    port = _free_port()
    config = uvicorn.Config(create_app(store, token=TOKEN), host="127.0.0.1", port=port, log_level="warning")
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
def page(server: str) -> Iterator[Any]:
    """A chromium page (Debian's binary, offline flags)."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    print(f"\nscreenshots: {ARTIFACTS}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1360, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(20_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()


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

    # Edit the date and the ordinal, then confirm.
    page.fill("#review-form input[name=date]", "2026-04-19")
    page.fill("#review-form input[name=ordinal]", "1")
    page.fill("#review-form input[name=reviewer]", "E2E Analyst")
    page.fill("#review-form input[name=token]", TOKEN)
    page.click("#review-form button[value=edit]")
    page.wait_for_function("document.getElementById('review-state').textContent.includes('edited')")
    page.click("#review-form button[value=confirm]")
    page.wait_for_function("document.getElementById('review-state').textContent.includes('confirmed')")

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


def test_a_wrong_token_is_refused_and_shown(server: str, page: Any) -> None:
    page.goto(server + "/hub/CHN")
    page.locator("#event-table tbody td:nth-child(2) a").first.click()
    page.wait_for_selector("#review-form")
    page.fill("#review-form input[name=reviewer]", "Mallory")
    page.fill("#review-form input[name=token]", "not-the-token")
    page.click("#review-form button[value=reject]")
    page.wait_for_function("document.getElementById('review-message').textContent.includes('403')")
    assert "not reviewed" in page.inner_text("#review-state")
