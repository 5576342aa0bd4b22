"""Reference knowledge saved as a labelled source: idempotent, cited, reconciled with articles, removable."""

from __future__ import annotations

import csv

import pytest

from diplograph.analysis.graph import Filters, load_events
from diplograph.analysis.reference import (
    is_reference_document,
    land_borders,
    load_reference,
    mechanism_extraction,
    mechanism_rows,
    reference_extractions,
)
from diplograph.extract.gazetteer import default_data_dir
from diplograph.models import Article, Event, Evidence, Extraction, Sentence


def _article_of_first_china_indonesia_2plus2() -> Extraction:
    text = (
        "Chinese and Indonesian foreign and defence ministers held their first 2+2 dialogue in Beijing "
        "on 21 April 2025."
    )
    sentence = Sentence(index=0, start=0, end=len(text), text=text)
    article = Article(
        id="news-chn-idn-2025", source="test", text=text, sentences=(sentence,), published="2025-04-22"
    )
    event = Event(
        id="e1",
        kind="2+2 dialogue",
        status="occurred",
        parties=("CHN", "IDN"),
        date="2025-04-21",
        confidence=0.8,
        sources=(Evidence(document=article.id, quote=text, start=0, end=len(text)),),
    )
    return Extraction(article=article, events=(event,))


def test_loading_twice_changes_nothing(memory_store):
    first = load_reference(memory_store)
    counts = memory_store.counts()
    again = load_reference(memory_store)

    assert first.count("created") == len(first.rows) > 60
    assert again.count("unchanged") == len(again.rows) == len(first.rows)
    assert memory_store.counts() == counts


def test_every_fact_cites_the_sentence_that_states_it():
    extractions, _ = reference_extractions()
    for extraction in extractions:
        text = extraction.article.text
        for fact in (*extraction.events, *extraction.mechanisms):
            for evidence in fact.sources:
                assert evidence.document == extraction.article.id
                assert evidence.quote == text[evidence.start : evidence.end]


def test_a_row_states_its_mechanism_first_session_and_secretariat():
    row = next(r for r in mechanism_rows() if r["id"] == "sco_summit")
    extraction = mechanism_extraction(row)

    assert extraction.article.id == "reference:mechanisms:sco_summit"
    assert extraction.article.source == "reference"
    assert extraction.mechanisms[0].status == "existing"
    session, secretariat = extraction.events
    assert (session.kind, session.status, session.date) == ("summit", "occurred", "2001-06-15")
    assert (secretariat.kind, secretariat.date) == ("institution established", "2004-01-15")
    assert "Source: eng.sectsco.org" in extraction.article.text


def test_rows_with_one_party_are_skipped_with_a_reason():
    _, skipped = reference_extractions()
    assert {row for row, _ in skipped} == {
        r["id"] for r in mechanism_rows() if len([p for p in r["parties"].split("|") if p]) < 2
    }
    assert all("one party" in reason for _, reason in skipped)


def test_a_reference_fact_joins_the_article_report_of_the_same_meeting(memory_store):
    saved = memory_store.save_extraction(_article_of_first_china_indonesia_2plus2())
    report = load_reference(memory_store)

    row = next(r for r in report.rows if r.document == "reference:mechanisms:china_indonesia_2plus2")
    assert row.events == saved.events and row.merged == 1
    event = memory_store.event(saved.events[0])
    assert {s.document for s in event.sources} == {"news-chn-idn-2025", row.document}


def test_analyses_can_leave_reference_facts_out(memory_store):
    saved = memory_store.save_extraction(_article_of_first_china_indonesia_2plus2())
    load_reference(memory_store)

    with_reference = {e.id for e in load_events(memory_store, Filters(kinds=("2+2 dialogue",)))}
    without = {
        e.id for e in load_events(memory_store, Filters(kinds=("2+2 dialogue",), include_reference=False))
    }

    assert without == set(saved.events)  # the article's meeting stays: an article reports it too
    assert len(with_reference) > 20
    assert all(
        all(is_reference_document(s.document) for s in memory_store.event(i).sources)
        for i in with_reference - without
    )


def test_is_reference_document():
    assert is_reference_document("reference:mechanisms:ausmin")
    assert not is_reference_document("ausmin-2023-brisbane.txt")


def test_borders_cover_every_state_once_per_pair():
    path = default_data_dir() / "borders.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    with (default_data_dir() / "states.csv").open(encoding="utf-8", newline="") as fh:
        codes = {r["code"] for r in csv.DictReader(fh)}
    pairs = [(r["a"], r["b"]) for r in rows]

    assert len(pairs) == len(set(pairs)) and all(a < b for a, b in pairs)
    assert {c for pair in pairs for c in pair} <= codes
    assert all(r["source"] for r in rows)
    borders = land_borders()
    assert {("CHN", "KAZ"), ("CAN", "USA"), ("ESP", "FRA"), ("KGZ", "TJK")} <= borders


@pytest.mark.parametrize("island", ["JPN", "AUS", "SGP", "ISL"])
def test_island_states_have_no_land_border(island):
    assert not any(island in pair for pair in land_borders())
