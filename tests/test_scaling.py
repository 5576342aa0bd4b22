"""Extraction work grows with the input, not faster (issue 11, item 4).

A crafted 990 kB body took 28–39 s and returned 8.5 MB: merging compared every event
mention with every event found before it, every comparison re-read all the mentions of
the event, and nothing bounded the events and quotes of one article. These tests pin the
behaviour that keeps the work linear — bounded comparisons, per-article caps that say when
they bind, caps that never bind on real articles — without timing anything: speed is
measured by `bench/bench_scaling.py`, not by unit tests.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import sys
from pathlib import Path
from unittest import mock

import pytest

from diplograph import extract_text
from diplograph.extract.clean import MAX_SENTENCE_CHARS
from diplograph.extract.events import common, merge
from diplograph.extract.ingest import read_documents
from diplograph.extract.pipeline import process_document
from diplograph.models import Extraction, RawDocument

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "diplograph" / "sample"
PUBLISHED = "2025-06-01"


def talks_on_consecutive_days(n: int, told: int = 1) -> str:
    "Return China–India talks on n days in a row, each day's told in `told` sentences: n events of one kind and pair."
    first = dt.date(1960, 1, 1)
    days = (first + dt.timedelta(days=i) for i in range(n))
    return " ".join(
        f"China and India held talks in Beijing on {d.day} {d:%B %Y}." for d in days for _ in range(told)
    )


def sample_article(name: str = "cambodia-china-2plus2-phnom-penh-2026.txt") -> RawDocument:
    (raw,) = read_documents([SAMPLE / name])
    assert isinstance(raw, RawDocument)
    return raw


def summary(x: Extraction) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    return [e.to_dict() for e in x.events], [m.to_dict() for m in x.mechanisms]


# ── per-article caps ─────────────────────────────────────────────────────────


def test_an_article_past_the_event_cap_returns_the_cap_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    text = talks_on_consecutive_days(merge.MAX_EVENTS_PER_ARTICLE + 100)
    with caplog.at_level(logging.WARNING, logger="diplograph.extract.events"):
        x = extract_text(text, published=PUBLISHED, id="run-on")
    assert len(x.events) == merge.MAX_EVENTS_PER_ARTICLE
    # The first events of the text are kept: the cap cuts the end, not at random.
    assert x.events[0].date == "1960-01-01"
    assert any(r.getMessage().startswith("run-on: extraction capped") for r in caplog.records)


def test_an_event_reported_in_every_sentence_keeps_at_most_the_cap_of_sources(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = talks_on_consecutive_days(1, told=merge.MAX_SOURCES + 10)
    with caplog.at_level(logging.WARNING, logger="diplograph.extract.events"):
        x = extract_text(text, published=PUBLISHED, id="echo")
    (event,) = x.events
    assert event.date == "1960-01-01"
    assert len(event.sources) == merge.MAX_SOURCES
    assert any("echo" in r.getMessage() for r in caplog.records)


def test_past_the_article_evidence_budget_each_event_keeps_only_its_first_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(merge, "MAX_EVIDENCE_PER_ARTICLE", 3)
    x = extract_text(talks_on_consecutive_days(5, told=2), published=PUBLISHED)
    assert [len(e.sources) for e in x.events] == [2, 2, 2, 1, 1]


def test_a_real_article_repeated_sixty_times_keeps_its_evidence_bounded() -> None:
    raw = sample_article()
    x = process_document(dataclasses.replace(raw, text="\n\n".join([raw.text] * 60)))
    assert x.events and x.mechanisms
    assert max(len(e.sources) for e in x.events) <= merge.MAX_SOURCES
    assert max(len(m.sources) for m in x.mechanisms) <= merge.MAX_SOURCES


# ── per-sentence work ────────────────────────────────────────────────────────


def test_a_huge_sentence_without_full_stops_still_yields_the_event_in_its_first_part() -> None:
    opening = "China and Cambodia held their first 2+2 dialogue in Phnom Penh on 21 April 2026"
    filler = ", and officials from both sides discussed cooperation in agriculture and tourism"
    x = extract_text(opening + filler * 2_500, published="2026-04-24")  # 200 kB, not one full stop
    assert max(len(s.text) for s in x.article.sentences) <= MAX_SENTENCE_CHARS
    assert [(e.kind, e.parties, e.date) for e in x.events] == [("2+2 dialogue", ("CHN", "KHM"), "2026-04-21")]


# ── work grows linearly ──────────────────────────────────────────────────────


def merge_comparisons(text: str) -> int:
    "Return how many times merging compared the parties of a mention with those of an event found before."
    with mock.patch.object(merge, "same_parties", wraps=merge.same_parties) as compared:
        extract_text(text, published=PUBLISHED)
    return compared.call_count


def test_merging_eight_times_the_mentions_costs_at_most_about_eight_times_the_comparisons() -> None:
    # Every sentence is a new event of the same kind and pair: the worst case of merging,
    # which compared each mention with every event before it (64× the work for 8× the text).
    once, eight_times = (merge_comparisons(talks_on_consecutive_days(n)) for n in (400, 3_200))
    assert once > 0
    assert eight_times <= 9 * once


# ── the caps never bind on real articles ─────────────────────────────────────


def test_the_caps_change_nothing_on_the_sample_corpus(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    raws = [r for r in read_documents([SAMPLE]) if isinstance(r, RawDocument)]
    with caplog.at_level(logging.WARNING, logger="diplograph.extract.events"):
        capped = [summary(process_document(r)) for r in raws]
    assert not caplog.records  # no cap was reached
    caps = ("MAX_EVENTS_PER_ARTICLE", "MAX_MECHANISMS_PER_ARTICLE", "MAX_SOURCES", "MAX_EVIDENCE_PER_ARTICLE")
    for name in (*caps, "MERGE_WINDOW"):
        monkeypatch.setattr(merge, name, sys.maxsize)
    monkeypatch.setattr(common, "CONTEXT_LOOKBACK", sys.maxsize)
    assert [summary(process_document(r)) for r in raws] == capped
