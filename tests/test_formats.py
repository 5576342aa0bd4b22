"""What makes a standing mechanism itself: its kind, its membership over time and its name.

Look-alike formats share most of their members: the SCO's founders, China with the five
Central Asian states, the C5+1 and Central Asia + Japan all count four or five of the same
capitals. Sharing five of seven members does not make two formats one, so a session goes to
the format whose membership (on its date) and name it matches, never to the nearest by overlap,
and `history`, `registry` and `dyad` read the same mechanism records.

The articles are our own short texts; the reference rows are loaded with `load_reference`.
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

import pytest

from diplograph.analysis import formats, hubs, registry
from diplograph.analysis.reference import load_reference
from diplograph.extract.clean import clean_document
from diplograph.extract.ingest import read_text
from diplograph.models import Event, Evidence, Extraction, Location, Mechanism

C_C5 = ("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB")
SCO_FOUNDERS = ("CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB")
SCO_2023 = (*SCO_FOUNDERS, "IND", "PAK")
SCO_2024 = (*SCO_2023, "IRN", "BLR")
C5_PLUS_1 = ("KAZ", "KGZ", "TJK", "TKM", "USA", "UZB")
QUAD = ("AUS", "IND", "JPN", "USA")
ASEAN = ("BRN", "IDN", "KHM", "LAO", "MMR", "MYS", "PHL", "SGP", "THA", "VNM")
ADMM_PLUS = (*ASEAN, "AUS", "CHN", "IND", "JPN", "KOR", "NZL", "RUS", "USA")

FM = "foreign ministers meeting"


def _save(store: Any, doc: str, events: list[dict[str, Any]], mechanisms: list[dict[str, Any]] = ()) -> None:  # type: ignore[assignment]
    """Save one hand-written article whose events and mechanisms all quote its whole text."""
    art = clean_document(read_text(f"Report {doc}: the ministers met.", id=doc, published="2026-01-01"))
    evidence = (Evidence(document=art.id, quote=art.text, start=0, end=len(art.text)),)
    built = tuple(
        Event(id=f"e{i}", confidence=0.9, sources=evidence, **{**e, "parties": tuple(sorted(e["parties"]))})
        for i, e in enumerate(events)
    )
    mechs = tuple(
        Mechanism(
            id=f"m{i}", confidence=0.9, sources=evidence, **{**m, "parties": tuple(sorted(m["parties"]))}
        )
        for i, m in enumerate(mechanisms)
    )
    store.save_extraction(Extraction(article=art, events=built, mechanisms=mechs))


def _met(
    kind: str, parties: tuple[str, ...], date: str | None, ordinal: int | None = None, **extra: Any
) -> dict[str, Any]:
    return dict(kind=kind, status="occurred", parties=parties, date=date, ordinal=ordinal, **extra)


@pytest.fixture
def central_asia(memory_store: Any) -> Any:
    """The reference rows, and our own reports of meetings of four look-alike formats."""
    load_reference(memory_store)
    _save(
        memory_store,
        "almaty-2025",
        [
            _met(FM, C_C5, "2025-04-26", 6, location=Location(city="Almaty", country="KAZ"), mechanism="m0"),
        ],
        [
            dict(
                kind=FM, status="existing", parties=C_C5, name="China-Central Asia Foreign Ministers' Meeting"
            )
        ],
    )
    _save(memory_store, "xian-2023", [_met("summit", C_C5, "2023-05-19", 1)])
    _save(memory_store, "astana-2025", [_met("summit", C_C5, "2025-06-17", 2)])
    _save(memory_store, "sco-goa-2023", [_met(FM, SCO_2023, "2023-05-05")])
    _save(memory_store, "sco-astana-2024", [_met("summit", SCO_2024, "2024-07-04")])
    _save(memory_store, "c5-plus-1-2023", [_met(FM, C5_PLUS_1, "2023-09-19")])
    return memory_store


def _sessions(history: registry.MechanismHistory) -> list[tuple[str | None, int | None]]:
    return [(s.event.date, s.ordinal) for s in history.sessions]


# ── the rule ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("parties", "members", "expected"),
    [
        (("AUS", "IND"), ("IND", "AUS"), (0, 0)),
        (("AUS", "IND", "JPN"), ("AUS", "IND"), None),  # a pair's format has the pair alone
        (C_C5[:5], C_C5, (1, 0)),  # a member missed by the report (or represented, and not named)
        (C_C5[:3], C_C5, None),  # half the members is another meeting
        (SCO_FOUNDERS, C_C5, None),  # Russia is no member: five of seven shared is not enough
        ((*ASEAN, "TLS"), ASEAN, (0, 1)),  # an observer at a meeting of ten
        (ASEAN, ADMM_PLUS, None),  # ADMM is not ADMM-Plus
    ],
)
def test_a_session_has_most_of_the_members_and_almost_nobody_else(
    parties: tuple[str, ...], members: tuple[str, ...], expected: tuple[int, int] | None
) -> None:
    assert formats.fit(parties, members) == expected


# ── look-alike formats keep their own sessions ───────────────────────────────


def test_the_china_central_asia_foreign_ministers_meeting_has_only_its_own_sessions(
    central_asia: Any,
) -> None:
    history = registry.mechanism_history(central_asia, "China–Central Asia foreign ministers' meeting")

    assert _sessions(history) == [("2020-07-16", 1), ("2025-04-26", 6)]
    assert history.first == "2020-07-16"
    assert history.conflicts == ()
    assert (history.secretariat.has, history.secretariat.date) == (True, "2024")  # Xi'an, not the SCO's 2004


def test_the_china_central_asia_summit_starts_in_xian_2023(central_asia: Any) -> None:
    history = registry.mechanism_history(central_asia, "China–Central Asia summit")

    assert [(s.event.date[:7], s.ordinal) for s in history.sessions if s.event.date] == [
        ("2023-05", 1),
        ("2025-06", 2),
    ]
    assert history.cadence == "every ~2 years"
    assert history.conflicts == ()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SCO Council of Foreign Ministers", ["2001", "2023-05-05"]),
        ("SCO summit", ["2001-06-15", "2024-07-04"]),
        ("C5+1", ["2015-11-01", "2023-09-19"]),
        ("Central Asia plus Japan", ["2004-08-28"]),
    ],
)
def test_the_sco_the_c5_plus_1_and_central_asia_plus_japan_keep_their_own_sessions(
    central_asia: Any, query: str, expected: list[str]
) -> None:
    history = registry.mechanism_history(central_asia, query)
    assert [s.event.date for s in history.sessions] == expected
    assert history.conflicts == ()


def test_a_session_named_for_one_format_but_held_by_another_goes_to_its_members(memory_store: Any) -> None:
    _save(
        memory_store,
        "mixed-up",
        [_met(FM, SCO_FOUNDERS, "2019-05-22", mechanism="m0")],  # Russia is no member of China–Central Asia
        [
            dict(
                kind=FM, status="existing", parties=C_C5, name="China-Central Asia Foreign Ministers' Meeting"
            )
        ],
    )

    assert (
        registry.mechanism_history(memory_store, "China–Central Asia foreign ministers' meeting").sessions
        == ()
    )
    assert _sessions(registry.mechanism_history(memory_store, "SCO foreign ministers' meeting")) == [
        ("2019-05-22", None)
    ]


def test_the_quad_and_malabar_are_two_formats(memory_store: Any) -> None:
    _save(
        memory_store,
        "quad-2020",
        [
            _met(FM, QUAD, "2020-10-06"),
            _met("joint exercise", QUAD, "2020-11-03"),
            _met("institution established", QUAD, "2021-03-12"),  # the leaders' working groups
        ],
        [dict(kind="joint exercise", status="existing", parties=QUAD, name="Exercise Malabar")],
    )

    quad = registry.mechanism_history(memory_store, "Quad foreign ministers' meeting")
    malabar = registry.mechanism_history(memory_store, "Malabar")
    assert _sessions(quad) == [("2020-10-06", None)]
    assert _sessions(malabar) == [("2020-11-03", None)]
    assert (quad.secretariat.source, malabar.secretariat.source) == ("event", "mechanisms.csv")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Joint Sea", ["2012-04"]),
        ("Peace Mission", ["2005-08"]),
        ("KAMANDAG", ["2017"]),
        ("Balikatan", ["1991"]),
    ],
)
def test_two_exercise_series_of_one_pair_keep_their_own_first_sessions(
    memory_store: Any, query: str, expected: list[str]
) -> None:
    load_reference(memory_store)  # each row states its series' first edition; the pair and kind are shared

    assert [s.event.date for s in registry.mechanism_history(memory_store, query).sessions] == expected


def test_admm_and_admm_plus_are_two_formats(memory_store: Any) -> None:
    dm = "defence ministers meeting"
    _save(memory_store, "admm-2024", [_met(dm, ASEAN, "2024-11-20"), _met(dm, ADMM_PLUS, "2024-11-21")])

    assert _sessions(registry.mechanism_history(memory_store, "ADMM")) == [("2024-11-20", None)]
    assert _sessions(registry.mechanism_history(memory_store, "ADMM-Plus")) == [("2024-11-21", None)]


# ── one record per format, read alike by every analysis ──────────────────────


def test_a_format_reported_with_two_memberships_is_one_record(memory_store: Any) -> None:
    dm = "defence ministers meeting"
    name = "ASEAN Defence Ministers' Meeting-Plus"
    _save(
        memory_store,
        "admm-plus-2010",
        [_met(dm, ADMM_PLUS, "2010-10-12", 1, mechanism="m0")],
        [dict(kind=dm, status="existing", parties=ADMM_PLUS, name=name)],
    )
    _save(
        memory_store,
        "admm-plus-2025",
        [_met(dm, (*ADMM_PLUS, "TLS"), "2025-11-01", mechanism="m0")],
        [dict(kind=dm, status="existing", parties=(*ADMM_PLUS, "TLS"), name=name)],
    )

    [record] = [r for r in registry.mechanism_registry(memory_store) if r.kind == dm]
    assert (record.known, record.sessions, len(record.ids)) == ("admm_plus", 2, 2)
    formats = [f for f in hubs.dyad_report(memory_store, "CHN", "IDN").formats if f.kind == dm]
    assert [(f.known, f.sessions) for f in formats] == [("admm_plus", 2)]


def test_the_sco_summit_stored_from_the_reference_and_from_news_is_one_record(central_asia: Any) -> None:
    _save(
        central_asia,
        "sco-summit-2024",
        [],
        [dict(kind="summit", status="existing", parties=SCO_2024, name="SCO summit")],
    )

    sco = [r for r in registry.mechanism_registry(central_asia) if r.known == "sco_summit"]
    assert len(sco) == 1 and len(sco[0].ids) == 2
    listed, records = registry.mechanisms_of(central_asia, party="CHN")  # what the HTML report lists
    assert [records[m.id].known for m in listed].count("sco_summit") == 1


def _agree(store: Any, record: registry.MechanismRecord) -> None:
    "History, registry and every dyad of the record's members tell the same story of the mechanism."
    history = registry.mechanism_history(store, record.id)
    assert (len(history.sessions), history.first, history.last, history.cadence) == (
        record.sessions,
        record.first,
        record.last,
        record.cadence,
    ), record.id
    assert history.secretariat == record.secretariat, record.id
    if record.status != "existing":
        return
    for a, b in list(combinations(record.parties, 2))[:3]:
        listed = [f for f in hubs.dyad_report(store, a, b).formats if f.mechanism in record.ids]
        assert [(f.sessions, f.first, f.last) for f in listed] == [
            (record.sessions, record.first, record.last)
        ]


def test_history_registry_and_dyad_agree_on_every_mechanism_of_the_sample(sample_store: Any) -> None:
    records = registry.mechanism_registry(sample_store)
    assert len({r.id for r in records}) == len(records)
    for record in records:
        _agree(sample_store, record)


def test_history_registry_and_dyad_agree_with_the_reference_loaded(central_asia: Any) -> None:
    for record in registry.mechanism_registry(central_asia):
        _agree(central_asia, record)
