"""Examples of the pipeline: one document, a directory with broken files in it, and a store run twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import diplograph
from diplograph import (
    ConfigError,
    Extraction,
    InputFailure,
    RawDocument,
    Settings,
    extract_corpus,
    process_corpus,
    process_document,
)
from diplograph.extract.ingest import read_text

REPORT = (
    "PHNOM PENH, April 21 (Xinhua) -- China and Cambodia held their first 2+2 strategic dialogue in "
    "Phnom Penh on Tuesday, bringing together the foreign and defence ministers of both countries.\n\n"
    "The two sides agreed to meet regularly, the Cambodian foreign ministry said."
)
GOOD_TXT = f"""\
url: https://example.org/news/china-cambodia-2plus2
title: China, Cambodia hold first 2+2 dialogue
published: 2026-04-22
---
{REPORT}
"""
GOOD_RECORD = {
    "id": "tokyo-raa",
    "text": "Australia and Japan signed a reciprocal access agreement in Tokyo on Thursday.",
    "published": "2022-01-08",
}


@pytest.fixture
def corpus(tmp_path):
    """A directory with one good article, one empty file and a JSON Lines file with one broken line."""
    (tmp_path / "china-cambodia.txt").write_text(GOOD_TXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "records.jsonl").write_text(
        json.dumps(GOOD_RECORD) + "\n" + '{"id": "cut-short", "text": "Japan and India held\n',
        encoding="utf-8",
    )
    return tmp_path


def _failed_files(failures: list[InputFailure]) -> list[str]:
    "The names of the files that failed (a JSON Lines source may add ':LINE')."
    return sorted(Path(f.source).name.split(":")[0] for f in failures)


def _events(x: Extraction) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(e.kind, e.status, e.parties) for e in x.events]


# ── one document ─────────────────────────────────────────────────────────────


def test_pipeline_process_document_runs_every_stage_on_a_raw_document():
    raw = RawDocument(id="cc-2plus2", source="memory", text=REPORT, format="txt", published="2026-04-22")
    x = process_document(raw)
    assert x.article.id == "cc-2plus2"
    assert x.actors
    assert ("2+2 dialogue", "occurred", ("CHN", "KHM")) in _events(x)
    [event] = [e for e in x.events if e.kind == "2+2 dialogue"]
    assert event.date == "2026-04-21"


def test_pipeline_extract_text_gives_what_process_document_gives():
    raw = read_text(REPORT, published="2026-04-22")
    assert diplograph.extract_text(REPORT, published="2026-04-22") == process_document(raw)


@pytest.mark.parametrize("component", ["recognizer", "extractor"])
def test_pipeline_refuses_an_unknown_component_name(component):
    raw = RawDocument(id="cc-2plus2", source="memory", text=REPORT, format="txt", published="2026-04-22")
    with pytest.raises(ConfigError, match=r"nope\.v9"):
        process_document(raw, Settings(**{component: "nope.v9"}))


# ── a directory ──────────────────────────────────────────────────────────────


def test_pipeline_extract_corpus_extracts_the_good_documents_and_reports_the_bad_ones(corpus):
    items = list(extract_corpus([corpus]))
    extractions = [i for i in items if isinstance(i, Extraction)]
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert len(items) == 4
    assert sorted(x.article.label for x in extractions) == ["china-cambodia.txt", "tokyo-raa"]
    assert _failed_files(failures) == ["empty.txt", "records.jsonl"]
    assert all(f.reason for f in failures)
    by_id = {x.article.label: x for x in extractions}
    assert ("2+2 dialogue", "occurred", ("CHN", "KHM")) in _events(by_id["china-cambodia.txt"])
    assert ("agreement signed", "occurred", ("AUS", "JPN")) in _events(by_id["tokyo-raa"])


def test_pipeline_extract_corpus_raises_a_config_error_instead_of_failing_every_document(corpus):
    with pytest.raises(ConfigError):
        list(extract_corpus([corpus], Settings(recognizer="nope.v9")))


# ── into a store ─────────────────────────────────────────────────────────────


def test_pipeline_process_corpus_counts_documents_events_and_failures(corpus, memory_store):
    expected_events = sum(len(i.events) for i in extract_corpus([corpus]) if isinstance(i, Extraction))
    report = process_corpus([corpus], memory_store)
    assert report.documents == 2
    assert report.events == expected_events
    assert _failed_files(report.failures) == ["empty.txt", "records.jsonl"]
    assert report.exit_code == 1
    assert memory_store.counts()["documents"] == 2


def test_pipeline_process_corpus_run_twice_changes_nothing(corpus, memory_store):
    first = process_corpus([corpus], memory_store)
    counts = memory_store.counts()
    second = process_corpus([corpus], memory_store)
    assert memory_store.counts() == counts
    assert (second.documents, second.events, len(second.failures)) == (
        first.documents,
        first.events,
        len(first.failures),
    )
    assert second.unchanged == second.documents


def test_pipeline_process_corpus_gives_exit_code_3_when_nothing_could_be_processed(tmp_path, memory_store):
    (tmp_path / "empty.txt").write_bytes(b"")
    report = process_corpus([tmp_path], memory_store)
    assert (report.documents, len(report.failures), report.exit_code) == (0, 1, 3)
