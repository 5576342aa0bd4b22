"""Examples of what the store keeps, merges, keeps apart and refuses.

Every test runs against an in-memory SQLite store, a SQLite file and, when the
server is reachable, a fresh PostgreSQL schema that is dropped afterwards. The
server is `--store-url` when tests/conftest.py registers that option and it names
a PostgreSQL database, else `$DIPLOGRAPH_TEST_PG`, else
postgresql://postgres@127.0.0.1:5432/test; DIPLOGRAPH_TEST_PG=off skips those runs.
"""

from __future__ import annotations

import dataclasses
import gc
import itertools
import multiprocessing
import os
import secrets
import threading
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from diplograph.errors import DocumentConflict, NotFound, SchemaMismatch, StoreError
from diplograph.models import (
    ActorMention,
    Article,
    Event,
    Evidence,
    Extraction,
    Location,
    Mechanism,
    Person,
    Sentence,
)
from diplograph.store import Store, rows

PG_URL = os.environ.get("DIPLOGRAPH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")

# ── building extractions by hand ───────────────────────────────────────────


def event(
    kind: str = "2+2 dialogue",
    parties: Sequence[str] = ("CHN", "KHM"),
    status: str = "occurred",
    date: str | None = "2026-04-21",
    **fields: Any,
) -> Event:
    """An extracted event; its id and evidence are filled in by `make_extraction`."""
    return Event(id="", kind=kind, status=status, parties=tuple(sorted(parties)), date=date, **fields)


def mechanism(
    kind: str = "2+2 dialogue",
    parties: Sequence[str] = ("CHN", "KHM"),
    status: str = "existing",
    id: str = "m1",
    **fields: Any,
) -> Mechanism:
    """An extracted mechanism with an extraction-local id."""
    return Mechanism(id=id, kind=kind, status=status, parties=tuple(sorted(parties)), **fields)


def make_extraction(
    doc_id: str,
    events: Sequence[Event] = (),
    *,
    mechanisms: Sequence[Mechanism] = (),
    actors: Sequence[ActorMention] = (),
    published: str | None = "2026-04-22",
    preface: str = "",
) -> Extraction:
    """An article with one sentence per event and mechanism, and evidence pointing at it."""
    parts: list[str] = [f"Report {doc_id}. {preface}".strip()]
    sentences: list[Sentence] = []
    offset = 0

    def add_sentence(sentence_text: str) -> Evidence:
        nonlocal offset
        start = offset + 1
        parts.append(sentence_text)
        offset = start + len(sentence_text)
        sentences.append(Sentence(index=len(sentences), start=start, end=offset, text=sentence_text))
        return Evidence(document=doc_id, quote=sentence_text, start=start, end=offset)

    offset = len(parts[0])
    built_mechanisms = [
        dataclasses.replace(m, sources=(add_sentence(f"The {m.kind} of {'-'.join(m.parties)} exists."),))
        for m in mechanisms
    ]
    built_events = [
        dataclasses.replace(
            e,
            id=f"e{i}",
            sources=(add_sentence(f"{'-'.join(e.parties)} held a {e.kind} ({e.status}, {i})."),),
        )
        for i, e in enumerate(events)
    ]
    article = Article(
        id=doc_id,
        source=f"{doc_id}.txt",
        text=" ".join(parts),
        sentences=tuple(sentences),
        title=f"Title of {doc_id}",
        url=f"https://example.org/{doc_id}",
        published=published,
    )
    return Extraction(
        article=article, events=tuple(built_events), mechanisms=tuple(built_mechanisms), actors=tuple(actors)
    )


def state(code: str, start: int = 0) -> ActorMention:
    """A state mention."""
    return ActorMention(type="state", text=code, start=start, end=start + 3, sentence=0, name=code, code=code)


# ── backends ────────────────────────────────────────────────────────────────


def _postgres_url(config: pytest.Config) -> Iterator[str]:
    "Yield a URL whose search_path is a fresh schema, dropped afterwards; skip if no server."
    psycopg = pytest.importorskip("psycopg")
    option = config.getoption("--store-url", default=None)
    server = option if option and option.startswith("postgres") else PG_URL
    if server.lower() in ("", "0", "off", "no"):
        pytest.skip("PostgreSQL runs disabled by DIPLOGRAPH_TEST_PG")
    conninfo = server.replace("postgresql+psycopg://", "postgresql://")
    name = "t_" + secrets.token_hex(6)
    try:
        with psycopg.connect(conninfo, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f"CREATE SCHEMA {name}")
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL server not reachable at {server}: {exc}")
    try:
        yield f"{server}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute(f"DROP SCHEMA {name} CASCADE")


def _store_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    "Yield the URL of an empty store of the kind the test is parametrized with."
    if request.param == "sqlite-memory":
        yield "sqlite://"
    elif request.param == "sqlite-file":
        yield f"sqlite:///{tmp_path / 'store.db'}"
    else:
        yield from _postgres_url(request.config)


POSTGRES = pytest.param("postgresql", marks=pytest.mark.postgres)


@pytest.fixture(params=["sqlite-memory", "sqlite-file", POSTGRES])
def store(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[Store]:
    """An empty store on each backend."""
    for url in _store_url(request, tmp_path):
        with Store(url) as opened:
            yield opened


@pytest.fixture(params=["sqlite-file", POSTGRES])
def shared_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """The URL of an empty database that several Store objects can open."""
    yield from _store_url(request, tmp_path)


# ── saving and reading back ─────────────────────────────────────────────────


def test_store_returns_every_field_it_was_given(store: Store) -> None:
    people = (Person(name="Wang Yi", country="CHN", role="foreign minister"),)
    extraction = make_extraction(
        "a",
        [
            event(
                date="2026-04-21",
                date_end="2026-04-22",
                location=Location(city="Phnom Penh", country="KHM"),
                ordinal=1,
                people=people,
                topics=("security", "defence"),
                mechanism="m1",
                confidence=0.8,
            )
        ],
        mechanisms=[mechanism(name="China-Cambodia 2+2 Strategic Dialogue", confidence=0.7)],
        actors=[state("CHN", 0), state("KHM", 10), state("CHN", 20)],
    )

    result = store.save_extraction(extraction, versions={"extractor": "rules.v1"})

    assert result.status == "created"
    [stored] = store.events()
    assert result.events == (stored.id,)
    assert stored.id.startswith("ev_")
    assert (stored.kind, stored.status, stored.parties) == ("2+2 dialogue", "occurred", ("CHN", "KHM"))
    assert (stored.date, stored.date_end, stored.ordinal) == ("2026-04-21", "2026-04-22", 1)
    assert stored.location == Location(city="Phnom Penh", country="KHM")
    assert stored.people == people
    assert stored.topics == ("defence", "security")
    assert stored.confidence == pytest.approx(0.8)
    assert stored.sources == extraction.events[0].sources
    assert stored.conflicts == ()
    [stored_mechanism] = store.mechanisms()
    assert stored.mechanism == stored_mechanism.id == result.mechanisms[0]
    assert stored_mechanism.name == "China-Cambodia 2+2 Strategic Dialogue"
    assert stored_mechanism.sources == extraction.mechanisms[0].sources
    document = store.document("a")
    assert document["text"] == extraction.article.text
    assert document["versions"] == {"extractor": "rules.v1"}
    assert document["events"] == [stored.id]
    assert len(document["content_hash"]) == 64
    assert [a["id"] for a in store.actors(type="state")] == ["state:CHN", "state:KHM"]
    assert store.actors()[0]["mentions"] == 2
    assert store.counts() == {
        "documents": 1,
        "events": 1,
        "mechanisms": 1,
        "actors": 2,
        "mentions": 3,
        "event_reports": 1,
        "mechanism_reports": 1,
        "duplicate_documents": 0,
    }


def test_saving_the_same_extraction_again_changes_nothing(store: Store) -> None:
    extraction = make_extraction("a", [event(), event(kind="summit")], mechanisms=[mechanism()])
    first = store.save_extraction(extraction)
    before = (store.counts(), store.events(), store.mechanisms())

    again = store.save_extraction(extraction)

    assert again.unchanged
    assert (again.events, again.mechanisms) == (first.events, first.mechanisms)
    assert (store.counts(), store.events(), store.mechanisms()) == before


def test_get_finds_events_mechanisms_and_documents_by_id(store: Store) -> None:
    result = store.save_extraction(make_extraction("a", [event()], mechanisms=[mechanism()]))

    assert isinstance(store.get(result.events[0]), Event)
    assert isinstance(store.get(result.mechanisms[0]), Mechanism)
    assert store.get("a")["id"] == "a"  # type: ignore[index]
    assert [d["id"] for d in store.documents()] == ["a"]


@pytest.mark.parametrize("lookup", ["event", "mechanism", "document", "get"])
def test_unknown_ids_raise_not_found_naming_the_id(store: Store, lookup: str) -> None:
    with pytest.raises(NotFound, match="no-such-id"):
        getattr(store, lookup)("no-such-id")


# ── reconciliation ──────────────────────────────────────────────────────────

THREE_REPORTS = [
    ("a", event(date="2026-04", topics=("security",), confidence=0.5)),
    (
        "b",
        event(
            date="2026-04-21",
            location=Location(city="Phnom Penh", country="KHM"),
            people=(Person(name="Wang Yi", country="CHN", role=None),),
            confidence=0.5,
        ),
    ),
    (
        "c",
        event(
            date="2026",
            location=Location(city=None, country="KHM"),
            people=(Person(name="Wang Yi", country=None, role="foreign minister"),),
            topics=("defence",),
            confidence=0.5,
        ),
    ),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_the_same_event_from_three_documents_is_one_event_with_three_sources(
    store: Store, order: tuple[int, ...]
) -> None:
    for index in order:
        doc_id, reported = THREE_REPORTS[index]
        store.save_extraction(make_extraction(doc_id, [reported]))

    [stored] = store.events()
    assert sorted(s.document for s in stored.sources) == ["a", "b", "c"]
    assert stored.date == "2026-04-21"
    assert stored.location == Location(city="Phnom Penh", country="KHM")
    assert stored.people == (Person(name="Wang Yi", country="CHN", role="foreign minister"),)
    assert stored.topics == ("defence", "security")
    assert stored.confidence == pytest.approx(1 - 0.5**3)
    assert stored.conflicts == ()


def test_the_event_id_does_not_change_when_more_sources_arrive(store: Store) -> None:
    first = store.save_extraction(make_extraction("a", [event(date="2026-04")]))
    second = store.save_extraction(make_extraction("b", [event(date="2026-04-21")]))

    assert second.events == first.events
    assert second.merged == 1
    assert store.event(first.events[0]).date == "2026-04-21"


def test_confidence_is_capped_below_certainty(store: Store) -> None:
    for doc_id in "abcdef":
        store.save_extraction(make_extraction(doc_id, [event(confidence=0.9)]))

    assert store.events()[0].confidence == pytest.approx(0.99)


US_INDIA = ("IND", "USA")


@pytest.mark.parametrize(
    ("later", "published", "expected_events"),
    [
        (event(parties=US_INDIA, date="2021-10-27"), "2021-10-28", 2),
        (event(parties=US_INDIA, date="2018"), "2019-01-05", 1),  # a year joins the one event of that year
        (event(parties=US_INDIA, date=None), "2018-09-10", 1),  # undated, published the same year
        (event(parties=US_INDIA, date=None), "2019-03-01", 2),  # undated, published another year
        (event(parties=US_INDIA, date=None), None, 2),  # undated and no publication date
        (event(parties=US_INDIA, date="2018-09-06", ordinal=2), "2018-09-07", 1),  # conflict, kept visible
        (event(parties=US_INDIA, date="2018", ordinal=2), "2018-12-01", 2),  # coarse date + other ordinal
    ],
)
def test_us_india_2plus2_dialogues_merge_only_when_dates_agree(
    store: Store, later: Event, published: str | None, expected_events: int
) -> None:
    store.save_extraction(
        make_extraction(
            "first", [event(parties=US_INDIA, date="2018-09-06", ordinal=1)], published="2018-09-07"
        )
    )

    store.save_extraction(make_extraction("later", [later], published=published))

    assert len(store.events(party=["USA", "IND"])) == expected_events


def test_an_undated_report_with_two_possible_events_stays_separate(store: Store) -> None:
    store.save_extraction(
        make_extraction("a", [event(parties=US_INDIA, date="2021-02-01")], published="2021")
    )
    store.save_extraction(
        make_extraction("b", [event(parties=US_INDIA, date="2021-10-27")], published="2021")
    )

    store.save_extraction(make_extraction("c", [event(parties=US_INDIA, date=None)], published="2021-12-01"))

    assert [e.date for e in store.events()] == ["2021-02-01", "2021-10-27", None]


def test_a_planned_event_reported_as_occurred_becomes_occurred_with_a_conflict_note(store: Store) -> None:
    store.save_extraction(
        make_extraction("plan", [event(status="planned", date="2026-04")], published="2026-03")
    )
    store.save_extraction(make_extraction("held", [event(status="occurred", date="2026-04-21")]))

    [stored] = store.events()
    assert (stored.status, stored.date) == ("occurred", "2026-04-21")
    assert stored.conflicts == (
        {
            "field": "status",
            "values": [{"value": "planned", "document": "plan"}, {"value": "occurred", "document": "held"}],
        },
    )


@pytest.mark.parametrize(
    ("field", "first", "second"),
    [
        ("date", {"date": "2026-04-21"}, {"date": "2026-04-22"}),
        (
            "location",
            {"location": Location(city="Phnom Penh", country="KHM")},
            {"location": Location(city="Siem Reap", country="KHM")},
        ),
        ("ordinal", {"ordinal": 1}, {"ordinal": 2}),
        ("status", {"status": "proposed"}, {"status": "predicted"}),
    ],
)
def test_sources_that_disagree_are_merged_and_their_conflict_kept(
    store: Store, field: str, first: dict[str, Any], second: dict[str, Any]
) -> None:
    store.save_extraction(make_extraction("a", [event(**first)]))
    store.save_extraction(make_extraction("b", [event(**second)]))

    [stored] = store.events()
    [conflict] = stored.conflicts
    assert conflict["field"] == field
    assert [v["document"] for v in conflict["values"]] == ["a", "b"]
    assert getattr(stored, field) == next(iter(first.values()))  # the first source wins a tie


def test_one_article_mentioning_an_event_twice_stores_it_once_and_counts_its_confidence_once(
    store: Store,
) -> None:
    result = store.save_extraction(make_extraction("a", [event(date="2026-04"), event(date="2026-04-21")]))

    [stored] = store.events()
    assert result.events == (stored.id, stored.id) and result.merged == 1
    assert [s.document for s in stored.sources] == ["a", "a"]
    assert (stored.date, stored.confidence) == ("2026-04-21", pytest.approx(0.5))


def test_a_day_inside_a_reported_range_is_no_conflict(store: Store) -> None:
    store.save_extraction(make_extraction("a", [event(date="2026-04-21", date_end="2026-04-25")]))
    store.save_extraction(make_extraction("b", [event(date="2026-04-24")]))

    [stored] = store.events()
    assert (stored.date, stored.date_end, stored.conflicts) == ("2026-04-21", "2026-04-25", ())


def test_a_known_date_range_survives_reports_of_single_days_inside_it(store: Store) -> None:
    for doc_id in ("dateline-1", "dateline-2"):  # "PHNOM PENH, April 22": the day the story was filed
        store.save_extraction(make_extraction(doc_id, [event(date="2026-04-22")]))
    store.save_extraction(make_extraction("range", [event(date="2026-04-21", date_end="2026-04-22")]))
    store.save_extraction(make_extraction("reference:mechanisms:row", [event(date="2026-04-21", ordinal=1)]))

    [stored] = store.events()
    assert (stored.date, stored.date_end) == ("2026-04-21", "2026-04-22")
    assert [c["field"] for c in stored.conflicts] == []


PHNOM_PENH = Location(city="Phnom Penh", country="KHM")


@pytest.mark.parametrize(
    ("later", "published"),
    [
        (
            event(date=None, ordinal=1, location=PHNOM_PENH),
            "2027-03-01",
        ),  # "since their first 2+2 in Phnom Penh"
        (event(date=None, ordinal=1), None),
        (event(date="2026-04", ordinal=1, location=Location(city="Beijing", country="CHN")), "2026-05-01"),
        (event(date="2026", ordinal=1, status="planned"), "2025-12-01"),
    ],
    ids=["undated-a-year-later", "undated-unpublished", "another-city", "the-plan"],
)
def test_two_reports_of_the_first_session_are_one_meeting(
    store: Store, later: Event, published: str | None
) -> None:
    store.save_extraction(
        make_extraction(
            "first", [event(date="2026-04-21", date_end="2026-04-22", ordinal=1, location=PHNOM_PENH)]
        )
    )

    store.save_extraction(make_extraction("later", [later], published=published))

    [stored] = store.events()
    assert (stored.date, stored.date_end, stored.ordinal) == ("2026-04-21", "2026-04-22", 1)
    assert sorted(s.document for s in stored.sources) == ["first", "later"]
    assert "date" not in {c["field"] for c in stored.conflicts}


def test_session_n_of_a_multilateral_format_joins_a_report_that_missed_a_member(store: Store) -> None:
    c_c5 = ("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB")
    store.save_extraction(
        make_extraction("a", [event(kind="summit", parties=c_c5, date="2023-05-19", ordinal=1)])
    )
    store.save_extraction(
        make_extraction(
            "b", [event(kind="summit", parties=c_c5[:5], date=None, ordinal=1)], published="2025-06-18"
        )
    )

    assert len(store.events()) == 1


@pytest.mark.parametrize(
    ("kind", "first", "second"),
    [
        # the SCO's first foreign ministers' meeting and China–Central Asia's: 5 of 7 states shared
        (
            "foreign ministers meeting",
            (("CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"), "2001"),
            (("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"), "2020-07-16"),
        ),
        ("2+2 dialogue", (("CHN", "KHM"), "2026-04-21"), (("CHN", "LAO"), "2026")),
        # two exercise series of one pair, each with its first edition (Peace Mission, Joint Sea)
        ("joint exercise", (("CHN", "RUS"), "2005-08"), (("CHN", "RUS"), "2012-04")),
        # a first leaders' meeting by video link, and the first summit in person
        (
            "summit",
            (("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB"), "2022-01"),
            (("CHN", "KAZ", "KGZ", "TJK", "UZB"), "2023-05-19"),
        ),
    ],
)
def test_first_sessions_of_look_alike_formats_stay_apart(
    store: Store, kind: str, first: tuple[tuple[str, ...], str], second: tuple[tuple[str, ...], str]
) -> None:
    for doc_id, (parties, date) in (("a", first), ("b", second)):
        store.save_extraction(
            make_extraction(doc_id, [event(kind=kind, parties=parties, date=date, ordinal=1)])
        )

    assert len(store.events()) == 2


@pytest.mark.parametrize(
    "other",
    [
        event(kind="summit"),
        event(parties=("CHN", "LAO")),
        event(parties=("CHN", "KHM", "LAO")),  # a bilateral and a trilateral are different meetings
        event(status="proposed"),
        event(date="2026-04-25"),  # four days apart
        event(date="2026-05"),
    ],
    ids=["kind", "parties", "bilateral-vs-trilateral", "status-group", "days-apart", "month"],
)
def test_events_that_differ_stay_separate(store: Store, other: Event) -> None:
    store.save_extraction(make_extraction("a", [event(date="2026-04-21")]))
    store.save_extraction(make_extraction("b", [other]))

    assert len(store.events()) == 2


@pytest.mark.parametrize(
    ("first", "second", "expected_events"),
    [
        (("CHN", "KAZ", "KGZ", "TJK"), ("CHN", "KAZ", "KGZ", "TJK", "UZB"), 1),  # Jaccard 0.8
        (("CHN", "KAZ", "KGZ", "TJK", "TKM"), ("CHN", "KAZ", "KGZ", "TJK", "UZB"), 1),  # Jaccard 0.67
        (("CHN", "KAZ", "KGZ"), ("CHN", "KAZ", "TJK"), 2),  # Jaccard 0.5
    ],
)
def test_multilateral_meetings_merge_when_their_parties_mostly_overlap(
    store: Store, first: tuple[str, ...], second: tuple[str, ...], expected_events: int
) -> None:
    store.save_extraction(make_extraction("a", [event(kind="summit", parties=first)]))
    store.save_extraction(make_extraction("b", [event(kind="summit", parties=second)]))

    stored = store.events()
    assert len(stored) == expected_events
    if expected_events == 1:
        assert stored[0].conflicts[0]["field"] == "parties"
        assert len(store.events(party=first[0])) == 1


# ── queries ─────────────────────────────────────────────────────────────────


@pytest.fixture
def filled(store: Store) -> Store:
    """A store with five events of different parties, kinds, statuses and dates."""
    store.save_extraction(make_extraction("a", [event(date="2026-04-21"), event(kind="summit", date="2025")]))
    store.save_extraction(
        make_extraction("b", [event(parties=US_INDIA, date="2018-09-06")], published="2018")
    )
    store.save_extraction(
        make_extraction(
            "c", [event(parties=("CHN", "KAZ", "KGZ"), kind="summit", status="planned", date=None)]
        )
    )
    store.save_extraction(make_extraction("d", [event(parties=("CHN", "IDN"), date="2025-04-21")]))
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["USA", "CHN-KHM summit 2025", "CHN-IDN", "CHN-KHM", "undated"]),
        ({"party": "CHN"}, ["CHN-KHM summit 2025", "CHN-IDN", "CHN-KHM", "undated"]),
        ({"party": ["KHM", "CHN"]}, ["CHN-KHM summit 2025", "CHN-KHM"]),
        ({"party": ["KHM", "USA"]}, []),
        ({"kind": "summit"}, ["CHN-KHM summit 2025", "undated"]),
        ({"status": "planned"}, ["undated"]),
        ({"status": ["planned", "occurred"], "kind": "summit"}, ["CHN-KHM summit 2025", "undated"]),
        ({"since": "2025-06-01"}, ["CHN-KHM summit 2025", "CHN-KHM"]),
        ({"since": "2025-04-21", "until": "2025-04-21"}, ["CHN-KHM summit 2025", "CHN-IDN"]),
        ({"until": "2019"}, ["USA"]),
        ({"document": "a"}, ["CHN-KHM summit 2025", "CHN-KHM"]),
        ({"limit": 2}, ["USA", "CHN-KHM summit 2025"]),
        ({"limit": 2, "offset": 3}, ["CHN-KHM", "undated"]),
        ({"offset": 4}, ["undated"]),
    ],
)
def test_events_are_filtered_and_ordered_by_date_with_undated_last(
    filled: Store, filters: dict[str, Any], expected: list[str]
) -> None:
    labels = {
        ("CHN", "KHM", "2026-04-21"): "CHN-KHM",
        ("CHN", "KHM", "2025"): "CHN-KHM summit 2025",
        ("IND", "USA", "2018-09-06"): "USA",
        ("CHN", "KAZ", "KGZ", None): "undated",
        ("CHN", "IDN", "2025-04-21"): "CHN-IDN",
    }
    assert [labels[(*e.parties, e.date)] for e in filled.events(**filters)] == expected


@pytest.mark.parametrize("bad", ["April 2025", "2025-4", "yesterday"])
def test_a_date_filter_that_is_not_iso_is_refused(store: Store, bad: str) -> None:
    with pytest.raises(StoreError, match="YYYY-MM-DD"):
        store.events(since=bad)


# ── mechanisms ──────────────────────────────────────────────────────────────


def test_a_mechanism_reported_twice_is_one_row_with_the_longest_name(store: Store) -> None:
    store.save_extraction(make_extraction("a", mechanisms=[mechanism(name="2+2", confidence=0.5)]))
    store.save_extraction(make_extraction("b", mechanisms=[mechanism(name="2+2 Strategic Dialogue", id="x")]))

    [stored] = store.mechanisms()
    assert stored.name == "2+2 Strategic Dialogue"
    assert [s.document for s in stored.sources] == ["a", "b"]
    assert stored.confidence == pytest.approx(0.75)


def test_a_proposed_mechanism_stays_apart_from_an_existing_one(store: Store) -> None:
    store.save_extraction(make_extraction("a", mechanisms=[mechanism(status="existing")]))
    store.save_extraction(make_extraction("b", mechanisms=[mechanism(status="proposed")]))

    assert [m.status for m in store.mechanisms()] == ["existing", "proposed"]
    assert [m.status for m in store.mechanisms(status="proposed", party="KHM")] == ["proposed"]
    assert store.mechanisms(kind="summit") == []


def test_events_point_at_the_stored_mechanism_they_are_a_session_of(store: Store) -> None:
    store.save_extraction(make_extraction("a", [event(mechanism="m1")], mechanisms=[mechanism(id="m1")]))
    store.save_extraction(
        make_extraction(
            "b", [event(date="2026-05-30", mechanism="local-7")], mechanisms=[mechanism(id="local-7")]
        )
    )

    [stored_mechanism] = store.mechanisms()
    assert [e.mechanism for e in store.events()] == [stored_mechanism.id, stored_mechanism.id]


# ── changed documents, failures, concurrency, versions ─────────────────────


def test_a_document_whose_text_changed_replaces_its_old_contribution_when_asked(store: Store) -> None:
    store.save_extraction(
        make_extraction("a", [event(date="2026-04-22"), event(kind="summit")], actors=[state("LAO")])
    )
    store.save_extraction(make_extraction("b", [event(date="2026-04-21")]))
    shared = store.events(kind="2+2 dialogue")[0]
    assert shared.date == "2026-04-22" and shared.conflicts  # a's date came first

    result = store.save_extraction(
        make_extraction("a", [event(kind="joint exercise")], preface="Corrected.", actors=[state("KHM")]),
        replace=True,
    )

    assert result.status == "replaced"
    after = store.event(shared.id)
    assert [s.document for s in after.sources] == ["b"]
    assert (after.date, after.conflicts) == ("2026-04-21", ())
    assert sorted(e.kind for e in store.events()) == ["2+2 dialogue", "joint exercise"]
    assert "Corrected." in store.document("a")["text"]
    assert [a["id"] for a in store.actors()] == ["state:KHM"]


def test_an_event_without_a_saved_fold_is_folded_from_its_reports_when_next_joined(shared_url: str) -> None:
    # Stores upgraded to revision 0004 start with no fold states; the first report to join an
    # event rebuilds its state from all its reports, and the event ends as if it had always had one.
    cities = ["Phnom Penh", "Phnom Penh", "Siem Reap", "Phnom Penh"]
    extractions = [
        make_extraction(f"d{i}", [event(location=Location(city=city, country="KHM"), ordinal=1 + i % 2)])
        for i, city in enumerate(cities)
    ]
    with Store(shared_url) as upgraded:
        for extraction in extractions[:3]:
            upgraded.save_extraction(extraction)
        engine = create_engine(shared_url.replace("postgresql://", "postgresql+psycopg://"))
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM event_folds"))
        engine.dispose()
        upgraded.save_extraction(extractions[3])
        [after_upgrade] = upgraded.events()
    with Store.memory() as always:
        for extraction in extractions:
            always.save_extraction(extraction)
        [folded_throughout] = always.events()

    assert after_upgrade == folded_throughout
    assert (after_upgrade.location.city, len(after_upgrade.sources)) == ("Phnom Penh", 4)
    assert [c["field"] for c in after_upgrade.conflicts] == ["location", "ordinal"]


def test_an_event_reported_by_many_articles_keeps_every_source_and_a_short_conflict_list(
    store: Store,
) -> None:
    for i in range(30):
        city = "Siem Reap" if i == 29 else "Phnom Penh"
        store.save_extraction(
            make_extraction(f"d{i:02}", [event(location=Location(city=city, country="KHM"))])
        )

    [stored] = store.events()
    [location] = stored.conflicts

    assert len(stored.sources) == 30 and stored.location.city == "Phnom Penh"
    assert [v["document"] for v in location["values"]] == [f"d{i:02}" for i in range(10)] + ["d29"]
    assert location["omitted"] == 19
    store.save_extraction(
        make_extraction(
            "d29", [event(location=Location(city="Phnom Penh", country="KHM"))], preface="Corrected."
        ),
        replace=True,
    )
    assert store.events()[0].conflicts == ()  # a withdrawal folds the remaining reports again


def test_another_text_under_a_stored_id_is_a_conflict_and_changes_nothing(store: Store) -> None:
    store.save_extraction(make_extraction("a", [event()], mechanisms=[mechanism()], actors=[state("CHN")]))
    before = (store.counts(), store.events(), store.mechanisms(), store.document("a"))

    with pytest.raises(DocumentConflict, match="'a' is already stored with a different text"):
        store.save_extraction(make_extraction("a", [event(kind="summit")], preface="Another article."))

    assert (store.counts(), store.events(), store.mechanisms(), store.document("a")) == before


def test_an_edited_document_still_reporting_the_same_event_keeps_its_id(store: Store) -> None:
    first = store.save_extraction(make_extraction("a", [event()], mechanisms=[mechanism()]))

    again = store.save_extraction(make_extraction("a", [event()], preface="Updated at 10:00."), replace=True)

    assert again.status == "replaced"
    assert again.events == first.events
    assert store.mechanisms() == []  # the new version no longer states the mechanism
    assert store.counts()["event_reports"] == 1


def test_a_save_that_fails_half_way_leaves_no_partial_rows(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_extraction(make_extraction("a", [event()], mechanisms=[mechanism()], actors=[state("CHN")]))
    before = (store.counts(), store.events(), store.mechanisms(), store.document("a"))
    real_save_event = Store._save_event

    def fail_on_second_event(
        self: Store, conn: Any, report: Any, position: int, *rest: Any
    ) -> tuple[str, bool]:
        if position == 1:
            raise RuntimeError("disk on fire")
        return real_save_event(self, conn, report, position, *rest)

    monkeypatch.setattr(Store, "_save_event", fail_on_second_event)
    for doc_id in ("a", "new"):  # a replacement and a new document
        with pytest.raises(RuntimeError, match="disk on fire"):
            store.save_extraction(
                make_extraction(
                    doc_id,
                    [event(kind="summit"), event(kind="summit", parties=US_INDIA)],
                    mechanisms=[mechanism(status="proposed")],
                    actors=[state("USA")],
                    preface="v2",
                ),
                replace=True,
            )

    assert (store.counts(), store.events(), store.mechanisms(), store.document("a")) == before


def interleaved_report(doc_id: str) -> Extraction:
    """A report of the same two events as every other document it is interleaved with."""
    day = 6 + int(doc_id.rsplit("-", 1)[1]) % 2
    return make_extraction(
        doc_id, [event(date="2026-04-21"), event(parties=US_INDIA, date=f"2018-09-{day:02d}")]
    )


def ingest(url: str, doc_ids: Sequence[str]) -> None:
    """Save interleaved reports with a Store of its own (in a thread or another process)."""
    with Store(url) as opened:
        for doc_id in doc_ids:
            opened.save_extraction(interleaved_report(doc_id))


def test_two_stores_saving_interleaved_documents_create_no_duplicates(shared_url: str) -> None:
    doc_ids = [f"doc-{n}" for n in range(12)]
    workers = [threading.Thread(target=ingest, args=(shared_url, doc_ids[i::2])) for i in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    with Store(shared_url) as opened:
        assert sorted(len(e.sources) for e in opened.events()) == [12, 12]


def test_two_processes_ingesting_into_one_database_create_no_duplicates(shared_url: str) -> None:
    doc_ids = [f"doc-{n}" for n in range(120)]

    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.starmap(ingest, [(shared_url, doc_ids[0::2]), (shared_url, doc_ids[1::2])])

    with Store(shared_url) as opened:
        assert sorted(len(e.sources) for e in opened.events()) == [120, 120]
        assert opened.counts()["documents"] == 120


def test_an_in_memory_store_is_shared_by_its_threads() -> None:
    with Store.memory() as shared:
        worker = threading.Thread(target=lambda: shared.save_extraction(make_extraction("a", [event()])))
        worker.start()
        worker.join()
        assert len(shared.events()) == 1


def test_a_store_of_another_schema_version_is_refused_with_advice(shared_url: str) -> None:
    Store(shared_url).close()
    engine = create_engine(shared_url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        conn.execute(text("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    engine.dispose()

    with pytest.raises(SchemaMismatch, match=r"schema version 99.*Upgrade diplograph"):
        Store(shared_url)


def test_reopening_a_store_keeps_its_contents(shared_url: str) -> None:
    with Store(shared_url) as first:
        first.save_extraction(make_extraction("a", [event()]))

    with Store(shared_url) as again:
        assert again.counts()["events"] == 1
        assert again.save_extraction(make_extraction("a", [event()])).unchanged


@pytest.mark.parametrize("url", ["mysql://user@localhost/db", "sqlite:////no/such/dir/x.db"])
def test_an_unusable_url_raises_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        Store(url)


def test_a_plain_path_opens_a_sqlite_file(tmp_path: Any) -> None:
    with Store(str(tmp_path / "plain.db")) as opened:
        opened.save_extraction(make_extraction("a", [event()]))
    assert (tmp_path / "plain.db").exists()


# ── reading events and mechanisms with all their sources ───────────────────


def lede(doc_id: str) -> Evidence:
    """The evidence of the first sentence of a `make_extraction` article ("Report <id>.")."""
    quote = f"Report {doc_id}."
    return Evidence(document=doc_id, quote=quote, start=0, end=len(quote))


PAIRS = [("CHN", "KHM"), ("CHN", "VNM"), ("CHN", "LAO"), ("JPN", "VNM"), ("FRA", "IND"), ("KAZ", "UZB")]


def test_sources_come_back_in_the_order_saved_whether_read_in_one_pass_or_by_ids(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With ids looked up 2 at a time, all 6 events are read in one pass over the reports,
    # CHN's 3 events in two look-ups by id, and one event by its id.
    monkeypatch.setattr(rows, "CHUNK", 2)
    saved: dict[tuple[str, ...], list[Evidence]] = {}
    saved_mechanisms: dict[tuple[str, ...], list[Evidence]] = {}
    for n in range(4):
        order = PAIRS[n:] + PAIRS[:n]  # each document reports the pairs in another order
        extraction = make_extraction(
            f"d{n}",
            [event(parties=p) for p in order],
            mechanisms=[mechanism(parties=p, id=f"m{i}") for i, p in enumerate(order[:3])],
        )
        first = extraction.events[0]  # its report has two quotes, kept in their stored order
        events = (dataclasses.replace(first, sources=(*first.sources, lede(f"d{n}"))), *extraction.events[1:])
        store.save_extraction(dataclasses.replace(extraction, events=events))
        for e in events:
            saved.setdefault(e.parties, []).extend(e.sources)
        for m in extraction.mechanisms:
            saved_mechanisms.setdefault(m.parties, []).extend(m.sources)

    everything = store.events()
    chinese = store.events(party="CHN")

    assert {e.parties: list(e.sources) for e in everything} == saved
    assert len(chinese) == 3 and chinese == [e for e in everything if "CHN" in e.parties]
    assert all(store.event(e.id) == e for e in everything)
    mechanisms = store.mechanisms()
    assert {m.parties: list(m.sources) for m in mechanisms} == saved_mechanisms
    assert all(store.mechanism(m.id) == m for m in mechanisms)
    assert gc.isenabled()


def test_the_garbage_collector_paused_by_a_read_is_left_as_it_was(memory_store: Store) -> None:
    memory_store.save_extraction(make_extraction("a", [event()]))
    gc.disable()
    try:
        memory_store.events()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_evidence_read_back_is_the_evidence_the_model_builds() -> None:
    built = Evidence(document="a", quote="CHN-KHM held talks.", start=10, end=29)

    read = rows.stored_evidence("a", "CHN-KHM held talks.", 10, 29)

    assert read == built and hash(read) == hash(built) and repr(read) == repr(built)
    assert [f.name for f in dataclasses.fields(Evidence)] == ["document", "quote", "start", "end"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        read.start = 0  # type: ignore[misc]
