"""The registry of standing mechanisms: which events are sessions, their numbers, cadence, venues."""

from __future__ import annotations

from typing import Any

import pytest

from diplograph.analysis import registry
from diplograph.errors import NotFound
from diplograph.extract.clean import clean_document
from diplograph.extract.ingest import read_text
from diplograph.models import Event, Evidence, Extraction, Location, Mechanism

C5_CHINA = ("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB")


def _save(store: Any, doc: str, events: list[dict[str, Any]], mechanisms: list[dict[str, Any]] = ()) -> None:  # type: ignore[assignment]
    """Save one hand-written article whose events and mechanisms all quote its whole text."""
    art = clean_document(read_text(f"Report {doc}: ministers met as agreed.", id=doc, published="2026-01-01"))
    evidence = (Evidence(document=art.id, quote=art.text, start=0, end=len(art.text)),)
    built = tuple(
        Event(
            id=f"{doc}#{i}", confidence=0.9, sources=evidence, **{**e, "parties": tuple(sorted(e["parties"]))}
        )
        for i, e in enumerate(events)
    )
    mechs = tuple(
        Mechanism(
            id=f"{doc}#m{i}",
            confidence=0.9,
            sources=evidence,
            **{**m, "parties": tuple(sorted(m["parties"]))},
        )
        for i, m in enumerate(mechanisms)
    )
    store.save_extraction(Extraction(article=art, events=built, mechanisms=mechs))


def _session(
    date: str, ordinal: int | None = None, parties: tuple[str, ...] = ("AUS", "IND"), **extra: Any
) -> dict[str, Any]:
    return dict(kind="2+2 dialogue", status="occurred", parties=parties, date=date, ordinal=ordinal, **extra)


def _event(date: str | None, ordinal: int | None, id: str = "e") -> Event:
    return Event(id=id, kind="summit", status="occurred", parties=("A", "B"), date=date, ordinal=ordinal)


# ── numbering and cadence ────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("ordinals", "first_meeting", "expected"),
    [
        ([1, None, None, 4], None, [(1, "stated"), (2, "inferred"), (3, "inferred"), (4, "stated")]),
        ([None, None, 5], None, [(3, "inferred"), (4, "inferred"), (5, "stated")]),
        ([12, None], None, [(12, "stated"), (13, "inferred")]),
        # AUSMIN: the store holds the 1st and the 33rd, and one in between; it cannot be counted
        ([1, None, 33], None, [(1, "stated"), (None, None), (33, "stated")]),
        ([None, None], None, [(None, None), (None, None)]),
        ([None, None], "2020-09", [(1, "reference"), (2, "inferred")]),
        ([None, 4], None, [(3, "inferred"), (4, "stated")]),
        ([None, 1], None, [(None, None), (1, "stated")]),  # never a session 0
    ],
)
def test_number_sessions_counts_from_stated_numbers(
    ordinals: list[int | None], first_meeting: str | None, expected: list[tuple[int | None, str | None]]
) -> None:
    sessions = [_event(f"{2020 + i}-09-11", n, f"e{i}") for i, n in enumerate(ordinals)]
    numbers, conflicts = registry.number_sessions(sessions, first_meeting)
    assert numbers == expected
    assert conflicts == []


def test_a_number_is_not_counted_on_across_years_without_sessions() -> None:
    # the store holds the SCO's founding summit (1st) and two of the twenty that followed
    sessions = [
        _event("2001-06-15", 1, "e0"),
        _event("2007-08-16", None, "e1"),
        _event("2008-08-28", None, "e2"),
    ]
    numbers, _ = registry.number_sessions(sessions)
    assert numbers == [(1, "stated"), (None, None), (None, None)]


@pytest.mark.parametrize(
    ("ordinals", "detail"),
    [
        ([3, 2], "session 2 dated 2021-09-11 comes after session 3"),
        ([2, 2], "two sessions numbered 2"),
    ],
)
def test_number_sessions_keeps_contradictions_as_conflicts(ordinals: list[int], detail: str) -> None:
    sessions = [_event(f"{2020 + i}-09-11", n, f"e{i}") for i, n in enumerate(ordinals)]
    _, conflicts = registry.number_sessions(sessions)
    assert [c["event"] for c in conflicts] == ["e1"]
    assert detail in conflicts[0]["detail"]


@pytest.mark.parametrize(
    ("dates", "numbered", "label"),
    [
        (["2021-09-11"], [], "one dated session"),
        ([], [], "unknown"),
        (["2021-09-11", "2022-09-01", "2023-09-20", "2024-10-01"], [], "annual"),
        (["2019", "2021", "2023"], [], "every ~2 years"),
        (["2020-01-01", "2020-07-01", "2021-01-05"], [], "twice a year"),
        (["2021-09", "2023-11-20"], [], "2 sessions ~2 years apart"),
        (["2007-08-16", "2024-07-02"], [], "2 sessions ~17 years apart"),
        (["2024-07-08", "2024-07-20"], [], "2 sessions 12 days apart"),
        (["2010-01-01", "2010-03-01", "2016-01-01", "2016-02-01"], [], "irregular"),
        # the 1st in 1985 and the 34th in 2024: annual, though the store holds only these two
        (["1985", "2024-08-06"], [(1, "1985"), (34, "2024-08-06")], "annual"),
    ],
)
def test_cadence_names_the_typical_interval(
    dates: list[str], numbered: list[tuple[int, str]], label: str
) -> None:
    assert registry.cadence(dates, numbered)[0] == label


# ── histories from hand-built stores ─────────────────────────────────────────


def test_history_links_unlabelled_sessions_by_kind_and_parties(memory_store: Any) -> None:
    _save(
        memory_store,
        "news-1",
        [
            _session("2021-09-11", 1, location=Location(city="New Delhi", country="IND")),
            _session("2023-11-20", location=Location(city="New Delhi", country="IND"), topics=("defence",)),
            _session("2025-10-01", topics=("maritime",)),
            _session("2025-12-01", parties=("AUS", "JPN")),  # another pair: not a session
            dict(kind="2+2 dialogue", status="planned", parties=("AUS", "IND"), date="2027"),
        ],
        [dict(kind="2+2 dialogue", status="existing", parties=("AUS", "IND"))],
    )
    history = registry.mechanism_history(memory_store, "India-Australia 2+2")
    assert history.known == "india_australia_2plus2"
    assert [(s.event.date, s.ordinal, s.ordinal_source) for s in history.sessions] == [
        ("2021-09-11", 1, "stated"),
        ("2023-11-20", 2, "inferred"),
        ("2025-10-01", 3, "inferred"),
    ]
    assert (history.first, history.last, history.cadence) == ("2021-09-11", "2025-10-01", "every ~2 years")
    assert dict(history.venues) == {"New Delhi, IND": 2}
    assert dict((y, dict(c)) for y, c in history.topics_by_year) == {
        "2021": {},
        "2023": {"defence": 1},
        "2025": {"maritime": 1},
    }
    assert [e.date for e in history.upcoming] == ["2027"]
    assert history.secretariat.to_dict() == {
        "has": False,
        "source": "mechanisms.csv",
        "event": None,
        "date": None,
    }


def test_history_of_a_multilateral_format_follows_its_membership_over_time(memory_store: Any) -> None:
    sco = ("CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB")
    _save(
        memory_store,
        "news-2",
        [
            dict(kind="summit", status="occurred", parties=C5_CHINA, date="2023-05-19", ordinal=1),
            dict(
                kind="summit", status="occurred", parties=C5_CHINA[:5], date="2025-06-17"
            ),  # one member missed
            dict(kind="summit", status="occurred", parties=sco, date="2024-07-04"),  # the SCO, not C+C5
            dict(
                kind="summit", status="occurred", parties=C5_CHINA, date="2019-06-01"
            ),  # before the format existed
        ],
    )
    history = registry.mechanism_history(memory_store, "China–Central Asia summit")
    assert [(s.event.date, s.ordinal) for s in history.sessions] == [("2023-05-19", 1), ("2025-06-17", 2)]
    assert history.secretariat.has is True


def test_history_reads_a_secretariat_from_an_institution_event(memory_store: Any) -> None:
    _save(
        memory_store,
        "news-3",
        [
            dict(
                kind="foreign ministers meeting", status="occurred", parties=("BRA", "ZAF"), date="2024-02-01"
            ),
            dict(
                kind="institution established", status="occurred", parties=("BRA", "ZAF"), date="2024-02-02"
            ),
        ],
    )
    history = registry.mechanism_history(memory_store, "BRA-ZAF foreign ministers meeting")
    assert history.known is None
    assert (history.secretariat.has, history.secretariat.source, history.secretariat.date) == (
        True,
        "event",
        "2024-02-02",
    )


def test_history_without_reference_facts(memory_store: Any) -> None:
    _save(memory_store, "reference:mechanisms.csv", [_session("2021-09-11", 1)])
    _save(memory_store, "news-4", [_session("2023-11-20", 2)])
    assert len(registry.mechanism_history(memory_store, "AUS-IND 2+2 dialogue").sessions) == 2
    only_news = registry.mechanism_history(memory_store, "AUS-IND 2+2 dialogue", include_reference=False)
    assert [s.event.date for s in only_news.sessions] == ["2023-11-20"]


@pytest.mark.parametrize("query", ["Atlantis summit", "XXX-YYY tea party", ""])
def test_history_of_an_unknown_mechanism_says_what_to_give(memory_store: Any, query: str) -> None:
    with pytest.raises(NotFound, match="diplograph registry"):
        registry.mechanism_history(memory_store, query)


def test_registry_counts_each_stored_mechanisms_sessions(memory_store: Any) -> None:
    _save(
        memory_store,
        "news-5",
        [_session("2021-09-11", 1), _session("2023-11-20", 2)],
        [
            dict(kind="2+2 dialogue", status="existing", parties=("AUS", "IND")),
            dict(kind="2+2 dialogue", status="proposed", parties=("IND", "PHL")),
        ],
    )
    records = {r.parties: r for r in registry.mechanism_registry(memory_store)}
    assert (records[("AUS", "IND")].sessions, records[("AUS", "IND")].known) == (2, "india_australia_2plus2")
    assert records[("AUS", "IND")].cadence == "every ~2 years"
    assert (records[("IND", "PHL")].sessions, records[("IND", "PHL")].secretariat.has) == (0, None)


# ── the sample corpus ────────────────────────────────────────────────────────


def test_sample_ausmin_history_is_numbered_and_annual(sample_store: Any) -> None:
    history = registry.mechanism_history(sample_store, "AUSMIN")
    numbered = {s.event.date: (s.ordinal, s.ordinal_source) for s in history.sessions}
    assert numbered["2023-07-29"] == (33, "stated")
    assert numbered["2024-08-06"] == (34, "stated")
    assert history.cadence == "annual"
    assert history.secretariat.has is False


@pytest.mark.parametrize(
    ("query", "known"),
    [
        ("China–Central Asia foreign ministers’ meeting", "china_central_asia_fm"),
        ("China-Central Asia Foreign Ministers Meeting", "china_central_asia_fm"),
        ('Japan-U.S. "2+2"', "us_japan_scc"),
        ("china_cambodia_2plus2", "china_cambodia_2plus2"),
        ("KHM-CHN 2+2 dialogue", "china_cambodia_2plus2"),
        ("chn/khm 2+2", "china_cambodia_2plus2"),
        ("AUS-USA: 2+2", "ausmin"),
    ],
)
def test_sample_histories_resolve_names_aliases_and_pairs(sample_store: Any, query: str, known: str) -> None:
    assert registry.mechanism_history(sample_store, query).known == known


def test_sample_history_by_stored_id_matches_by_name(sample_store: Any) -> None:
    record = next(
        r
        for r in registry.mechanism_registry(sample_store)
        if r.known == "china_cambodia_2plus2" and r.status == "existing"
    )
    by_id = registry.mechanism_history(sample_store, record.id)
    assert by_id.sessions == registry.mechanism_history(sample_store, "China-Cambodia 2+2").sessions
    assert by_id.sessions[0].event.date == "2026-04-21"
    assert [(e.date, e.ordinal) for e in by_id.upcoming] == [("2027", 2)]


def test_an_undated_numbered_session_is_placed_by_its_number_without_conflict(memory_store: Any) -> None:
    parties = ("JPN", "PHL")
    _save(
        memory_store,
        "news-6",
        [_session("2024-07-08", 2, parties=parties), dict(_session("", 1, parties=parties), date=None)],
    )
    history = registry.mechanism_history(memory_store, "Japan-Philippines 2+2")
    assert [(s.event.date, s.ordinal) for s in history.sessions] == [(None, 1), ("2024-07-08", 2)]
    assert history.conflicts == ()


def test_an_undated_report_of_the_first_session_is_not_a_second_session_numbered_1(memory_store: Any) -> None:
    adelaide = Location(city="Adelaide", country="AUS")
    _save(memory_store, "news-7", [_session("2024-02-01", 1, parties=("AUS", "NZL"), location=adelaide)])
    _save(
        memory_store, "news-8", [dict(_session("", 1, parties=("AUS", "NZL"), location=adelaide), date=None)]
    )

    history = registry.mechanism_history(memory_store, "ANZMIN")
    assert [(s.event.date, s.ordinal) for s in history.sessions] == [("2024-02-01", 1)]
    assert dict(history.venues) == {"Adelaide, AUS": 1}
