"""Syndicated copies of one wire story are linked to the original, and their events counted once.

The articles below are written for these tests (not taken from any corpus): a wire story
about a 2+2 dialogue, the same story as republished by another site, another reporter's
story of the same meeting, and two unrelated stories. `test_precision_and_recall_*`
measures the linking on copies made by random edits of them.
"""

from __future__ import annotations

import os
import random
import re
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from diplograph.cli import cli
from diplograph.extract import dedupe
from diplograph.extract.ingest import read_text
from diplograph.extract.pipeline import process_document
from diplograph.store import Store

SYNDICATION = Path(__file__).parent / "resources" / "syndication"


def _story(name: str) -> str:
    return (SYNDICATION / f"{name}.txt").read_text(encoding="utf-8").strip()


# A wire story; the same copy as republished elsewhere (a dateline with the agency's name,
# a sentence cut, an extra closing paragraph and site boilerplate; its new headline is not
# part of the text); the same meeting in another reporter's words; two other stories.
WIRE_2PLUS2 = _story("wire-2plus2")
WIRE_2PLUS2_REPUBLISHED = _story("wire-2plus2-republished")
OWN_REPORT_2PLUS2 = _story("own-report-2plus2")
SUMMIT_CENTRAL_ASIA = _story("summit-central-asia")
EXERCISE_JAPAN_VIETNAM = _story("exercise-japan-vietnam")

OTHER_STORIES = {
    "own-report": OWN_REPORT_2PLUS2,
    "summit": SUMMIT_CENTRAL_ASIA,
    "exercise": EXERCISE_JAPAN_VIETNAM,
}


PG_URL = os.environ.get("DIPLOGRAPH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store in SQLite memory, and in a fresh PostgreSQL schema (skipped when unreachable)."""
    if request.param == "sqlite":
        with Store.memory() as store:
            yield store
        return
    sqlalchemy = pytest.importorskip("sqlalchemy")
    if PG_URL == "off":
        pytest.skip("DIPLOGRAPH_TEST_PG=off")
    schema = f"dedupe_{secrets.token_hex(4)}"
    engine = sqlalchemy.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.begin() as conn:
            conn.execute(sqlalchemy.text(f"CREATE SCHEMA {schema}"))
    except Exception as exc:
        engine.dispose()
        pytest.skip(f"PostgreSQL is not reachable at {PG_URL}: {exc}")
    try:
        with Store(f"{PG_URL}?options=-csearch_path%3D{schema}") as store:
            yield store
    finally:
        with engine.begin() as conn:
            conn.execute(sqlalchemy.text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


def _save(store: Store, doc_id: str, text: str, published: str) -> None:
    store.save_extraction(process_document(read_text(text, id=doc_id, published=published)), replace=True)


def _similarity(a: str, b: str) -> float:
    fa, fb = dedupe.fingerprint(a), dedupe.fingerprint(b)
    assert fa is not None and fb is not None
    return dedupe.similarity(fa.signature, fb.signature)


def test_a_republished_copy_with_an_extra_paragraph_is_similar() -> None:
    assert _similarity(WIRE_2PLUS2, WIRE_2PLUS2_REPUBLISHED) >= dedupe.LINK_THRESHOLD


@pytest.mark.parametrize("other", sorted(OTHER_STORIES))
def test_another_story_even_of_the_same_meeting_is_not_similar(other: str) -> None:
    assert _similarity(WIRE_2PLUS2, OTHER_STORIES[other]) < 0.2


def test_the_same_template_filled_in_for_other_states_is_not_a_copy() -> None:
    """Most words are shared, but the changed names are spread over every paragraph."""
    names = {
        "Indonesian": "Vietnamese", "Indonesia": "Vietnam", "Sugiono": "Bui Thanh Son",
        "Sjafrie Sjamsoeddin": "Phan Van Giang", "Australian": "Japanese", "Australia": "Japan",
        "Penny Wong": "Iwaya Takeshi", "Richard Marles": "Nakatani Gen", "Wong": "Iwaya",
        "Canberra": "Tokyo", "CANBERRA": "TOKYO", "Jakarta": "Hanoi", "Parliament House": "the Iikura House",
    }  # fmt: skip
    variant = WIRE_2PLUS2
    for name, other in names.items():
        variant = variant.replace(name, other)
    assert _similarity(WIRE_2PLUS2, variant) >= dedupe.CANDIDATE_THRESHOLD  # a candidate by its signature
    assert dedupe.copy_similarity(variant, WIRE_2PLUS2) is None  # but not a copy


def test_a_text_too_short_to_tell_has_no_fingerprint() -> None:
    assert dedupe.fingerprint("China and Cambodia held talks in Phnom Penh on Tuesday.") is None


def test_the_copy_is_linked_to_the_original_and_counted(backend_store: Store) -> None:
    memory_store = backend_store
    _save(memory_store, "wire", WIRE_2PLUS2, "2026-03-11")
    _save(memory_store, "copy", WIRE_2PLUS2_REPUBLISHED, "2026-03-11")
    _save(memory_store, "own", OWN_REPORT_2PLUS2, "2026-03-11")
    [link] = memory_store.duplicates("wire")
    assert link["document"] == "copy" and link["duplicate_of"] == "wire"
    assert link["similarity"] >= dedupe.LINK_THRESHOLD
    assert memory_store.duplicates("copy") == [link]
    assert memory_store.duplicates("own") == []
    assert memory_store.document("copy")["duplicate_of"] == "wire"
    assert memory_store.document("wire")["duplicates"] == ["copy"]
    assert memory_store.document("own")["duplicate_of"] is None
    counts = memory_store.counts()
    assert (counts["documents"], counts["duplicate_documents"]) == (3, 1)


def test_a_copy_of_a_copy_is_linked_to_the_first_original(memory_store: Store) -> None:
    _save(memory_store, "a-wire", WIRE_2PLUS2, "2026-03-11")
    _save(memory_store, "b-copy", WIRE_2PLUS2_REPUBLISHED, "2026-03-11")
    _save(memory_store, "c-copy", WIRE_2PLUS2_REPUBLISHED + "\n\nFollow us for more news.", "2026-03-12")
    assert [(d["document"], d["duplicate_of"]) for d in memory_store.duplicates("c-copy")] == [
        ("b-copy", "a-wire"),
        ("c-copy", "a-wire"),
    ]


def test_the_same_text_published_a_year_later_is_not_a_copy(memory_store: Store) -> None:
    """A recycled text (an anniversary piece, a template) is a new report, not a syndicated copy."""
    _save(memory_store, "wire", WIRE_2PLUS2, "2026-03-11")
    _save(memory_store, "next-year", WIRE_2PLUS2_REPUBLISHED, "2027-03-11")
    assert memory_store.duplicates("wire") == []


def test_a_resaved_copy_keeps_one_link(memory_store: Store) -> None:
    _save(memory_store, "wire", WIRE_2PLUS2, "2026-03-11")
    _save(memory_store, "copy", WIRE_2PLUS2_REPUBLISHED, "2026-03-11")
    _save(memory_store, "copy", WIRE_2PLUS2_REPUBLISHED + "\n\nUpdated with a correction.", "2026-03-11")
    assert [d["document"] for d in memory_store.duplicates("wire")] == ["copy"]
    assert memory_store.counts()["duplicate_documents"] == 1


def test_copy_events_join_the_originals_with_all_sources_kept(memory_store: Store) -> None:
    _save(memory_store, "wire", WIRE_2PLUS2, "2026-03-11")
    alone = {e.id for e in memory_store.events()}
    # (the copy cut the wire's last sentence: what only that sentence reports stays the wire's alone)
    in_the_copy = {
        (e.kind, e.status, e.parties)
        for e in process_document(
            read_text(WIRE_2PLUS2_REPUBLISHED, id="copy", published="2026-03-11")
        ).events
    }
    _save(memory_store, "copy", WIRE_2PLUS2_REPUBLISHED, "2026-03-11")
    events = memory_store.events()
    assert {e.id for e in events} == alone
    assert len(in_the_copy) >= 3
    for e in events:
        both = (e.kind, e.status, e.parties) in in_the_copy
        assert {s.document for s in e.sources} == ({"wire", "copy"} if both else {"wire"})


def test_copy_events_join_even_when_the_copy_resolves_a_date_a_week_apart(
    backend_store: Store, extract: Callable[..., object]
) -> None:
    """A copy published a week later reads "on Tuesday" as another Tuesday; it is still the same meeting."""
    memory_store = backend_store
    original = WIRE_2PLUS2.replace("CANBERRA, March 11 —", "CANBERRA —")
    copy = original + "\n\nThis story was first published by our partner agency. All rights reserved."
    dates = [
        {e.date for e in extract(text, published=day).events if e.date}  # type: ignore[attr-defined]
        for text, day in ((original, "2026-03-11"), (copy, "2026-03-18"))
    ]
    assert dates == [{"2026-03-10"}, {"2026-03-17"}]  # the extractions differ
    _save(memory_store, "wire", original, "2026-03-11")
    _save(memory_store, "copy", copy, "2026-03-18")
    held = [e for e in memory_store.events() if e.kind == "2+2 dialogue" and e.status == "occurred"]
    assert len(held) == 1
    assert {s.document for s in held[0].sources} == {"wire", "copy"}
    assert held[0].date == "2026-03-10"


def test_without_the_link_the_week_apart_copy_would_be_a_second_meeting(
    memory_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The counter-example of the test above: with near-duplicate detection off, two events."""
    monkeypatch.setattr(dedupe, "fingerprint", lambda text: None)
    original = WIRE_2PLUS2.replace("CANBERRA, March 11 —", "CANBERRA —")
    _save(memory_store, "wire", original, "2026-03-11")
    _save(memory_store, "copy", original + "\n\nAll rights reserved.", "2026-03-18")
    held = [e for e in memory_store.events() if e.kind == "2+2 dialogue" and e.status == "occurred"]
    assert len(held) == 2


def test_show_prints_what_a_document_duplicates(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'dup.db'}"
    with Store(db) as store:
        _save(store, "wire", WIRE_2PLUS2, "2026-03-11")
        _save(store, "copy", WIRE_2PLUS2_REPUBLISHED, "2026-03-11")
    result = CliRunner().invoke(cli, ["show", "copy", "--db", db])
    assert result.exit_code == 0, result.output
    assert "duplicate_of: wire" in result.stdout


# ── precision and recall on generated copies ────────────────────────────────

BOILERPLATE = (
    "This story was first published by our partner agency. All rights reserved.",
    "Sign up for our morning newsletter to get the day's top stories in your inbox.",
    "Reporting by our correspondents; editing by the world desk.",
    "Read more: the region's week in politics, in five charts.",
)
EXTRA_SENTENCES = (
    "The talks took place amid heavy security, and journalists were kept outside the building.",
    "Neither side took questions at the end of the day.",
    "A spokesperson declined to comment on the timing of the announcement.",
    "The meeting had been postponed twice last year because of scheduling problems.",
)


def _edited_copy(text: str, rng: random.Random) -> str:
    "A syndicated copy: one to three light edits of the kind a republishing site makes."
    paragraphs = text.split("\n\n")
    for _ in range(rng.randint(1, 3)):
        edit = rng.choice(["drop sentence", "add sentence", "boilerplate", "dateline", "quotes", "drop last"])
        if edit == "drop sentence":
            i = rng.randrange(len(paragraphs))
            sentences = re.split(r"(?<=[.!?]) ", paragraphs[i])
            if len(sentences) > 1:
                del sentences[rng.randrange(len(sentences))]
                paragraphs[i] = " ".join(sentences)
        elif edit == "add sentence":
            i = rng.randrange(len(paragraphs))
            paragraphs[i] += " " + rng.choice(EXTRA_SENTENCES)
        elif edit == "boilerplate":
            paragraphs.append(rng.choice(BOILERPLATE))
        elif edit == "dateline":
            paragraphs[0] = re.sub(r"^([A-Z]+)[^—]*—", r"\1 (wire) —", paragraphs[0])
        elif edit == "quotes":
            paragraphs = [p.replace('"', "\u201c", 1).replace('"', "\u201d", 1) for p in paragraphs]
        elif len(paragraphs) > 3:
            paragraphs.pop()
    return "\n\n".join(paragraphs)


STORIES = {
    "wire": WIRE_2PLUS2,
    "republished": WIRE_2PLUS2_REPUBLISHED,
    "own-report": OWN_REPORT_2PLUS2,
    "summit": SUMMIT_CENTRAL_ASIA,
    "exercise": EXERCISE_JAPAN_VIETNAM,
}


def precision_recall(copies_per_story: int = 20, seed: int = 0) -> tuple[float, float, int, int]:
    """Return (precision, recall, positive pairs, negative pairs) of linking at LINK_THRESHOLD.

    Positives: each story against its own edited copies. Negatives: each copy against
    every other story ("wire" and "republished" are one story, so they are not paired).
    """
    rng = random.Random(seed)
    originals = {name: dedupe.fingerprint(text) for name, text in STORIES.items()}
    same = {("wire", "republished"), ("republished", "wire")}
    tp = fp = fn = negatives = 0
    for name, text in STORIES.items():
        for _ in range(copies_per_story):
            copy_text = _edited_copy(text, rng)
            copy = dedupe.fingerprint(copy_text)
            assert copy is not None
            for other, fingerprint in originals.items():
                assert fingerprint is not None
                estimate = dedupe.similarity(copy.signature, fingerprint.signature)
                linked = (
                    estimate >= dedupe.CANDIDATE_THRESHOLD
                    and dedupe.copy_similarity(copy_text, STORIES[other]) is not None
                )
                if other == name:
                    tp, fn = tp + linked, fn + (not linked)
                elif (name, other) not in same:
                    negatives += 1
                    fp += linked
    return tp / max(tp + fp, 1), tp / (tp + fn), tp + fn, negatives


def test_precision_and_recall_of_linking_on_generated_copies() -> None:
    precision, recall, positives, negatives = precision_recall()
    assert (positives, negatives) == (100, 360)
    assert precision == 1.0
    assert recall >= 0.95
