"""Extraction in worker processes and on a Dask cluster gives exactly what one process gives.

The corpus is the shipped sample, 40 generated articles (bench/make_corpus.py) and a
few broken files; each mode extracts it and ingests it into its own SQLite file, and
the JSON output, the failures and the whole content of the stores must be equal.
"""

from __future__ import annotations

import json
import operator
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.errors import ConfigError
from diplograph.extract.parallel import dask_client, ordered_map
from diplograph.extract.pipeline import extract_corpus, process_corpus
from diplograph.models import Extraction, InputFailure
from diplograph.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = str(resources.files("diplograph") / "sample")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The sample corpus, 40 generated articles and a directory of broken files."""
    base = tmp_path_factory.mktemp("parallel")
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(base / "generated"), "--n", "40"],
        check=True,
        capture_output=True,
    )
    broken = base / "broken"
    broken.mkdir()
    (broken / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (broken / "records.jsonl").write_text(
        '{"id": "ok-1", "text": "China and Cambodia held talks in Phnom Penh on Tuesday.", "published": "2026-04-22"}\n'
        '{"id": "cut", "text": "The foreign ministers of\n',
        encoding="utf-8",
    )
    (broken / "slides.pdf").write_bytes(b"%PDF-1.7\n")
    return [SAMPLE, str(base / "generated"), str(broken)]


@pytest.fixture(scope="module")
def dask_address() -> Iterator[str]:
    """A Dask LocalCluster of two single-threaded worker processes."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def _as_json(items: Iterator[Extraction | InputFailure]) -> list[Any]:
    "The items as the JSON contract writes them, failures included, in order."
    return [
        item.to_dict()
        if isinstance(item, InputFailure)
        else {
            "document": item.article.info(),
            "events": [e.to_dict() for e in item.events],
            "mechanisms": [m.to_dict() for m in item.mechanisms],
        }
        for item in items
    ]


def _store_content(store: Store) -> dict[str, Any]:
    "Everything a user can read from a store."
    documents = store.documents()
    return {
        "counts": store.counts(),
        "documents": documents,
        "details": [store.document(d["id"]) for d in documents],
        "events": [e.to_dict() for e in store.events(review="all")],
        "mechanisms": [m.to_dict() for m in store.mechanisms()],
        "actors": store.actors(),
    }


@pytest.fixture(scope="module")
def serial_json(corpus: list[str]) -> list[Any]:
    return _as_json(extract_corpus(corpus))


@pytest.fixture(scope="module")
def serial_store(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    with Store(f"sqlite:///{tmp_path_factory.mktemp('serial') / 'store.db'}") as store:
        report = process_corpus(corpus, store)
        return {"report": report.to_dict() | {"seconds": None}, **_store_content(store)}


def test_the_corpus_has_documents_events_and_failures(serial_json: list[Any]) -> None:
    failures = [item for item in serial_json if "reason" in item]
    assert len(serial_json) - len(failures) >= 80
    assert {Path(f["source"]).name for f in failures} >= {"binary.txt", "slides.pdf", "records.jsonl:2"}
    assert sum(len(item.get("events", [])) for item in serial_json) > 100


@pytest.mark.parametrize("mode", ["workers", "dask"])
def test_extraction_in_parallel_is_identical_to_one_process(
    mode: str, corpus: list[str], serial_json: list[Any], request: pytest.FixtureRequest
) -> None:
    where = {"workers": 2} if mode == "workers" else {"dask_address": request.getfixturevalue("dask_address")}
    assert _as_json(extract_corpus(corpus, **where)) == serial_json


@pytest.mark.parametrize("mode", ["workers", "dask"])
def test_ingest_in_parallel_leaves_the_same_store_as_one_process(
    mode: str,
    corpus: list[str],
    serial_store: dict[str, Any],
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    where = {"workers": 2} if mode == "workers" else {"dask_address": request.getfixturevalue("dask_address")}
    with Store(f"sqlite:///{tmp_path / 'store.db'}") as store:
        report = process_corpus(corpus, store, **where)
        assert {"report": report.to_dict() | {"seconds": None}, **_store_content(store)} == serial_store


def test_cli_extract_with_workers_prints_the_same_json(corpus: list[str]) -> None:
    runner = CliRunner()
    serial = runner.invoke(cli, ["extract", *corpus, "--json"])
    parallel = runner.invoke(cli, ["extract", *corpus, "--json", "--workers", "2"])
    assert serial.exit_code == parallel.exit_code == 1  # some documents skipped
    assert json.loads(parallel.stdout) == json.loads(serial.stdout)
    assert parallel.stderr == serial.stderr  # the same failures, reported the same way


def test_cli_ingest_on_dask_reports_the_same_as_one_process(
    corpus: list[str], dask_address: str, serial_store: dict[str, Any], tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    result = CliRunner().invoke(cli, ["ingest", *corpus, "--db", db, "--dask", dask_address])
    assert result.exit_code == 1
    assert "skipped" in result.stderr and "binary.txt" in result.stderr
    with Store(db) as store:
        assert store.counts() == serial_store["counts"]


def test_ordered_map_keeps_the_order_of_the_items() -> None:
    assert list(ordered_map(operator.neg, range(50), workers=2, chunk=3)) == [-i for i in range(50)]


def test_ordered_map_reads_only_a_bounded_window_ahead() -> None:
    consumed: list[int] = []

    def items() -> Iterator[int]:
        for i in range(10_000):
            consumed.append(i)
            yield i

    results = ordered_map(operator.neg, items(), workers=2, chunk=4, window=3)
    assert next(results) == 0
    assert len(consumed) <= 3 * 4 + 1  # three chunks in flight, plus the one item islice looked at
    results.close()


def test_a_bad_worker_setting_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        list(ordered_map(operator.neg, [1], workers=0))


def test_dask_missing_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` now raises ImportError
    with pytest.raises(ConfigError, match=r"diplograph\[distributed\]"):
        dask_client("tcp://127.0.0.1:8786")


def _descendants(pid: int) -> set[int]:
    "Return the ids of every live process below `pid` (Linux /proc)."
    found: set[int] = set()
    todo = [pid]
    while todo:
        for task in Path(f"/proc/{todo.pop()}/task").glob("*"):
            try:
                children = {int(c) for c in (task / "children").read_text().split()}
            except OSError:
                continue
            todo.extend(children - found)
            found |= children
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads the process tree from /proc")
def test_workers_of_an_ingest_killed_with_sigkill_end_within_seconds(tmp_path: Path) -> None:
    """`kill -9` of `ingest --workers 2` runs no clean-up; its workers must not outlive it."""
    import signal
    import time

    folder = tmp_path / "many"
    folder.mkdir()
    sample = resources.files("diplograph") / "sample" / "cambodia-china-2plus2-phnom-penh-2026.txt"
    text = sample.read_text(encoding="utf-8")
    for i in range(3000):  # far more than the test lets it finish
        (folder / f"a{i:04}.txt").write_text(f"{text}\nItem {i}.\n", encoding="utf-8")
    command = [sys.executable, "-m", "diplograph", "ingest", str(folder), "--workers", "2"]
    parent = subprocess.Popen(
        [*command, "--db", f"sqlite:///{tmp_path / 'store.db'}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while len(workers := _alive(_descendants(parent.pid))) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(workers) >= 2, "the workers never started"
        time.sleep(1.0)  # let them take work
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(workers), "worker processes outlived the killed ingest"
    finally:
        for pid in _alive(_descendants(parent.pid)) | (_alive(workers) if "workers" in locals() else set()):
            os.kill(pid, signal.SIGKILL)
