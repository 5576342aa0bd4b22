"""Three ingest processes writing overlapping sets of articles into one store at the same time.

Each article is given to two of the three processes. They must all succeed, store every
article once and every event once, and end with the store that one process ingesting
the articles in turn makes. What depends on which process saved an article first (an
event's id hashes its first source's document; `conflicts` lists values in arrival
order) is compared without that order: events are named by their sorted source documents.
On a SQLite file and, when reachable, a PostgreSQL schema.

The articles give every event a date as precise in each report (a day, a month or a
year), so that which stored event a report joins does not depend on what arrived before.
Undated reports, or a month against a day, join only when exactly one stored event fits
(store/reconciling.py), so with those even one process can end differently in another order.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_crash_safety import TEMPLATES, canonical_dump, ingest_command, run_ingest, write_corpus
from test_store import POSTGRES, _postgres_url


@pytest.fixture(params=["sqlite-file", POSTGRES])
def two_urls(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """Two empty stores of one backend: one for the sequential run, one for the concurrent runs."""
    if request.param == "sqlite-file":
        yield f"sqlite:///{tmp_path / 'sequential.db'}", f"sqlite:///{tmp_path / 'concurrent.db'}"
        return
    for sequential in _postgres_url(request.config):
        for concurrent in _postgres_url(request.config):
            yield sequential, concurrent


def ingest_at_once(url: str, batches: list[list[Path]]) -> list[subprocess.CompletedProcess[str]]:
    """Start one ingest process per batch, all at once; wait for all of them."""
    processes = [
        subprocess.Popen(
            ingest_command(url, *batch), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for batch in batches
    ]
    done = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=900)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))
    return done


@pytest.mark.slow
def test_three_overlapping_concurrent_ingests_end_like_one_sequential_ingest(
    two_urls: tuple[str, str], tmp_path: Path
) -> None:
    sequential, concurrent = two_urls
    parts = [tmp_path / name for name in ("a", "b", "c")]
    for number, part in enumerate(parts):
        write_corpus(part, 40, first=40 * number, templates=TEMPLATES[:2])  # the third has an undated event
    run_ingest(sequential, *parts)

    runs = ingest_at_once(concurrent, [[parts[0], parts[1]], [parts[1], parts[2]], [parts[2], parts[0]]])

    assert [run.returncode for run in runs] == [0, 0, 0], [run.stderr for run in runs]
    assert all("Traceback" not in run.stderr for run in runs)
    expected = canonical_dump(sequential, order_free=True)
    found = canonical_dump(concurrent, order_free=True)
    assert len(found["documents"]) == 120
    events = [json.loads(row) for row in found["events"]]
    assert len({(e["kind"], e["parties_key"], e["date"]) for e in events}) == len(events)  # none twice
    assert found == expected
