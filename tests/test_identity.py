"""Document identity: an article is one document however it is reached, and never silently replaced.

Issue 11's first two findings, as a user meets them from the command line: two different
articles that share a file name were one document (the second replaced the first, exit 0);
ingesting a folder again from inside it (`.`) redid every document and broke the store.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.extract.ingest import read_text
from diplograph.extract.pipeline import process_document
from diplograph.store import Store
from diplograph.store import core as store_core

MONDAY = """url: https://news.example.org/2026/04/22/phnom-penh
published: 2026-04-22
---
PHNOM PENH, April 22 — China and Cambodia held their first 2+2 dialogue of foreign and defence
ministers in Phnom Penh on Tuesday, with Wang Yi and Dong Jun meeting Prak Sokhonn and Tea Seiha.
"""

TUESDAY = """url: https://news.example.org/2025/04/22/beijing
published: 2025-04-22
---
BEIJING, April 22 — The foreign and defence ministers of China and Indonesia met in Beijing on
Monday for the first round of their 2+2 ministerial dialogue.
"""

MANILA = """published: 2024-07-09
---
MANILA, July 9 — Japan and the Philippines signed a Reciprocal Access Agreement in Manila on
Monday after a 2+2 meeting of their foreign and defence ministers.
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def ingest(runner: CliRunner, db: str, *args: str) -> Any:
    return runner.invoke(cli, ["ingest", *args, "--db", db])


def contents(db: str) -> dict[str, Any]:
    """What a user can see of a store: its documents, events with their sources, mechanisms and counts."""
    with Store(db) as store:
        return {
            "documents": sorted((d["id"], d["label"], d["content_hash"]) for d in store.documents()),
            "events": sorted(
                (e.id, e.kind, e.status, e.parties, e.date, tuple(sorted(s.document for s in e.sources)))
                for e in store.events(review="all")
            ),
            "mechanisms": sorted((m.id, m.kind, m.parties, m.status) for m in store.mechanisms()),
            "counts": store.counts(),
        }


def test_two_different_articles_with_the_same_file_name_in_two_folders_are_two_documents(
    runner: CliRunner, tmp_path: Path
) -> None:
    write(tmp_path / "monday" / "article.txt", MONDAY)
    write(tmp_path / "tuesday" / "article.txt", TUESDAY)
    db = f"sqlite:///{tmp_path / 'store.db'}"

    result = ingest(runner, db, str(tmp_path / "monday"), str(tmp_path / "tuesday"))

    assert result.exit_code == 0, result.output
    stored = contents(db)
    assert [label for _, label, _ in stored["documents"]] == ["article.txt", "article.txt"]
    pairs = {(kind, parties) for _, kind, _, parties, _, _ in stored["events"]}
    assert {("2+2 dialogue", ("CHN", "KHM")), ("2+2 dialogue", ("CHN", "IDN"))} <= pairs


def test_ingesting_a_folder_again_by_other_paths_changes_nothing_and_exits_0(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "cambodia.txt", MONDAY)
    write(corpus / "sub" / "indonesia.txt", TUESDAY)
    write(corpus / "sub" / "philippines.txt", MANILA)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert ingest(runner, db, str(corpus)).exit_code == 0
    first = contents(db)

    monkeypatch.chdir(corpus)
    for path in (".", "./sub", "../corpus", str(corpus / "sub" / "philippines.txt")):
        again = ingest(runner, db, path)
        assert again.exit_code == 0, again.output
        assert "0 document(s)" not in again.stderr and "(0 unchanged)" not in again.stderr, again.stderr
        assert contents(db) == first, path


def test_a_copy_of_an_article_elsewhere_is_the_same_document(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path / "inbox" / "cambodia.txt", MONDAY)
    write(tmp_path / "archive" / "2026" / "renamed.txt", MONDAY.replace("\n", "\r\n"))
    db = f"sqlite:///{tmp_path / 'store.db'}"

    result = ingest(runner, db, str(tmp_path / "inbox"), str(tmp_path / "archive"))

    assert result.exit_code == 0, result.output
    assert contents(db)["counts"]["documents"] == 1


def test_a_record_id_already_stored_with_another_text_is_reported_and_nothing_is_replaced(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'store.db'}"
    first = write(tmp_path / "first.jsonl", json.dumps({"id": "brief-17", "text": MONDAY.split("---\n")[1]}))
    second = write(
        tmp_path / "second.jsonl", json.dumps({"id": "brief-17", "text": MANILA.split("---\n")[1]})
    )
    assert ingest(runner, db, str(first)).exit_code == 0
    before = contents(db)

    refused = ingest(runner, db, str(second))

    assert refused.exit_code == 3  # nothing could be stored
    assert "'brief-17' is already stored with a different text" in refused.stderr
    assert "--replace" in refused.stderr
    assert contents(db) == before

    replaced = ingest(runner, db, str(second), "--replace")
    assert replaced.exit_code == 0, replaced.output
    with Store(db) as store:
        assert "Reciprocal Access Agreement" in store.document("brief-17")["text"]
        assert {e.parties for e in store.events()} == {("JPN", "PHL")}


def test_a_jsonl_file_repeating_an_id_with_another_text_keeps_the_first_and_says_so(
    runner: CliRunner, tmp_path: Path
) -> None:
    records = [
        {"id": "r1", "text": MONDAY.split("---\n")[1]},
        {"id": "r1", "text": MANILA.split("---\n")[1]},
        {"id": "r2", "text": TUESDAY.split("---\n")[1]},
    ]
    batch = write(tmp_path / "batch.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    db = f"sqlite:///{tmp_path / 'store.db'}"

    result = ingest(runner, db, str(batch))

    assert result.exit_code == 1  # some stored, one skipped
    assert f"{batch}:2" in result.stderr and "already read from" in result.stderr
    with Store(db) as store:
        assert sorted(d["id"] for d in store.documents()) == ["r1", "r2"]
        assert "Phnom Penh" in store.document("r1")["text"]


def test_an_event_that_its_first_document_no_longer_finds_keeps_its_id_and_the_save_succeeds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The `UNIQUE constraint failed: events.id` of a re-extraction: the new event needs an id of its own."""
    store = Store.memory()
    first = process_document(read_text(MONDAY, id="first"))
    second = process_document(read_text(MONDAY.replace("Tuesday", "Tuesday, officials said"), id="second"))
    [shared] = {event_id for event_id in store.save_extraction(first).events}
    assert shared in store.save_extraction(second).events  # the second article joins the first's event
    # As when the event's date or parties moved with later reports: not a candidate, no match.
    monkeypatch.setattr(store_core, "candidates", lambda *args, **kwargs: {})
    monkeypatch.setattr(store_core, "matching_event", lambda *args, **kwargs: None)

    again = store.save_extraction(first, versions={"code": "upgraded"})  # re-extracted after an upgrade

    assert again.status == "replaced"
    assert shared not in again.events
    assert {s.document for s in store.event(shared).sources} == {"second"}


# ── through the web API ─────────────────────────────────────────────────────


@pytest.fixture
def api(tmp_path: Path) -> Any:
    from starlette.exceptions import StarletteDeprecationWarning

    from diplograph.web.app import create_app

    with warnings.catch_warnings():  # starlette asks for the httpx2 package, which is not pinned here
        warnings.simplefilter("ignore", StarletteDeprecationWarning)
        from fastapi.testclient import TestClient
    store = Store(f"sqlite:///{tmp_path / 'api.db'}")
    with TestClient(create_app(store, token="t0ken"), base_url="http://127.0.0.1") as client:
        client.headers["Authorization"] = "Bearer t0ken"
        yield client, store
    store.close()


def test_jsonl_posted_again_is_unchanged_and_names_no_temporary_file(api: Any) -> None:
    client, store = api
    jsonl = "\n".join(
        json.dumps({"text": t.split("---\n")[1], "url": f"https://x.example/{i}"})
        for i, t in enumerate((MONDAY, TUESDAY))
    )

    first = client.post("/api/ingest", json={"jsonl": jsonl}).json()
    again = client.post("/api/ingest", json={"jsonl": jsonl}).json()

    assert (first["documents"], first["unchanged"]) == (2, 0)
    assert (again["documents"], again["unchanged"]) == (2, 2)
    assert [s["status"] for s in again["saved"]] == ["unchanged", "unchanged"]
    sources = {store.document(s["document"])["source"] for s in first["saved"]}
    assert sources == {"jsonl:1", "jsonl:2"}


def test_the_api_reports_another_text_under_a_stored_id_and_replaces_only_when_asked(api: Any) -> None:
    client, store = api
    monday, manila = MONDAY.split("---\n")[1], MANILA.split("---\n")[1]
    assert (
        client.post("/api/ingest", json={"documents": [{"id": "brief-17", "text": monday}]}).status_code
        == 200
    )

    refused = client.post("/api/ingest", json={"documents": [{"id": "brief-17", "text": manila}]}).json()
    assert refused["documents"] == 0
    assert "already stored with a different text" in refused["failures"][0]["reason"]
    assert "Phnom Penh" in store.document("brief-17")["text"]

    replaced = client.post(
        "/api/ingest", json={"documents": [{"id": "brief-17", "text": manila}], "replace": True}
    ).json()
    assert replaced["saved"][0]["status"] == "replaced"
    assert "Reciprocal Access Agreement" in store.document("brief-17")["text"]
