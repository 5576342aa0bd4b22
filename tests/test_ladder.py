"""The institutionalisation ladder: which event lifts a pair to which rung, and when."""

from __future__ import annotations

import pytest

from diplograph.analysis.ladder import MINILATERAL, Rung, event_rung, hub_ladders, ladders, pair_of
from diplograph.models import Event, Mechanism

ADMM_PLUS = ("AUS", "BRN", "CHN", "IDN", "IND", "JPN", "KHM", "KOR", "LAO", "MMR", "MYS", "NZL", "PHL", "RUS")
C5_CHINA = ("CHN", "KAZ", "KGZ", "TJK", "TKM", "UZB")


def _event(
    id: str,
    kind: str,
    parties: tuple[str, ...],
    date: str | None = None,
    status: str = "occurred",
    ordinal: int | None = None,
) -> Event:
    return Event(id=id, kind=kind, status=status, parties=tuple(sorted(parties)), date=date, ordinal=ordinal)


@pytest.mark.parametrize(
    ("kind", "parties", "status", "rung"),
    [
        ("2+2 dialogue", ("CHN", "KHM"), "occurred", Rung.TWO_PLUS_TWO),
        ("foreign ministers meeting", ("CHN", "KAZ"), "occurred", Rung.MINISTERIAL),
        ("defence ministers meeting", ("CHN", "USA"), "occurred", Rung.MINISTERIAL),
        ("summit", ("IND", "RUS"), "occurred", Rung.BILATERAL),
        ("joint exercise", ("PHL", "USA"), "occurred", Rung.BILATERAL),
        ("institution established", ("CHN", "KAZ"), "occurred", Rung.SECRETARIAT),
        ("institution established", C5_CHINA, "occurred", Rung.SECRETARIAT),
        ("defence ministers meeting", ADMM_PLUS, "occurred", Rung.CONTACT),
        ("2+2 dialogue", ("CHN", "KGZ"), "predicted", Rung.NONE),
        ("2+2 dialogue", ("CHN", "KAZ"), "proposed", Rung.NONE),
        ("2+2 dialogue", ("CHN", "KHM"), "planned", Rung.NONE),
    ],
)
def test_event_rung_counts_only_what_happened(
    kind: str, parties: tuple[str, ...], status: str, rung: Rung
) -> None:
    assert event_rung(_event("e", kind, parties, "2025", status)) == rung


def test_a_predicted_2plus2_is_a_signal_and_does_not_raise_the_ladder() -> None:
    summit = _event("s", "summit", ("CHN", "KGZ"), "2024-07-03")
    forecast = _event("f", "2+2 dialogue", ("CHN", "KGZ"), None, status="predicted")
    ladder = ladders([summit, forecast])[("CHN", "KGZ")]
    assert ladder.rung == Rung.BILATERAL
    assert [e.id for e in ladder.signals] == ["f"]


def test_multilateral_meeting_gives_each_pair_contact_only() -> None:
    meeting = _event("m", "defence ministers meeting", ADMM_PLUS, "2010-10-12")
    by_pair = ladders([meeting])
    assert len(by_pair) == len(ADMM_PLUS) * (len(ADMM_PLUS) - 1) // 2
    assert {ladder.rung for ladder in by_pair.values()} == {Rung.CONTACT}


@pytest.mark.parametrize(
    ("sessions", "standing_from"),
    [
        ([("a", "2021-09-11", None), ("b", "2023-11-20", None)], "2023-11-20"),  # second dated session
        ([("a", "2023-11-20", 2)], "2023-11-20"),  # a session numbered 2 says there was a first
        ([("a", "2023-11-20", None)], None),  # one session is not yet a standing format
    ],
)
def test_repeated_ministerial_format_becomes_standing_at_its_second_session(
    sessions: list[tuple[str, str, int | None]], standing_from: str | None
) -> None:
    events = [_event(i, "2+2 dialogue", ("AUS", "IND"), d, ordinal=n) for i, d, n in sessions]
    ladder = ladders(events)[("AUS", "IND")]
    step = ladder.steps.get(Rung.STANDING)
    assert (step.date if step else None) == standing_from


def test_rung_on_reads_the_ladder_at_a_date() -> None:
    events = [
        _event("talks", "bilateral talks", ("CHN", "KHM"), "2025-04"),
        _event("2p2", "2+2 dialogue", ("CHN", "KHM"), "2026-04-21"),
    ]
    ladder = ladders(events)[("CHN", "KHM")]
    assert (ladder.rung_on("2025-12-31"), ladder.rung_on("2026-04-30")) == (Rung.BILATERAL, Rung.TWO_PLUS_TWO)
    assert [s.rung for s in ladder.history()] == [Rung.BILATERAL, Rung.TWO_PLUS_TWO]


@pytest.mark.parametrize(
    ("parties", "status", "rung"),
    [
        (("CHN", "KHM"), "existing", Rung.STANDING),
        (C5_CHINA, "existing", Rung.STANDING),  # minilateral: a format built around few partners
        (ADMM_PLUS, "existing", Rung.CONTACT),  # a large organisation's meeting
        (("CHN", "KAZ"), "proposed", Rung.NONE),
    ],
)
def test_mechanisms_lift_pairs_by_size_and_status(parties: tuple[str, ...], status: str, rung: Rung) -> None:
    assert len(C5_CHINA) <= MINILATERAL < len(ADMM_PLUS)
    mechanism = Mechanism(
        id="me", kind="foreign ministers meeting", status=status, parties=tuple(sorted(parties))
    )
    found = ladders([], [mechanism]).get(pair_of(parties[0], parties[1]))
    assert (found.rung if found else Rung.NONE) == rung


def test_a_mechanism_is_standing_from_its_first_session_of_that_kind() -> None:
    first = _event("first", "2+2 dialogue", ("CHN", "IDN"), "2025-04-21")
    mechanism = Mechanism(id="me", kind="2+2 dialogue", status="existing", parties=("CHN", "IDN"))
    step = ladders([first], [mechanism])[("CHN", "IDN")].steps[Rung.STANDING]
    assert (step.date, step.by) == ("2025-04-21", "me")


def test_hub_ladders_are_keyed_by_partner() -> None:
    events = [
        _event("a", "2+2 dialogue", ("CHN", "IDN"), "2025-04-21"),
        _event("b", "summit", ("KAZ", "UZB"), "2024"),
    ]
    assert sorted(hub_ladders("CHN", ladders(events))) == ["IDN"]


@pytest.mark.parametrize(
    ("dates", "standing"),
    [
        (["2025-06", "2025-06-17"], False),  # one session reported at two precisions
        (["2025", "2025-06-17"], False),
        (["2025-06-17", "2025-06-20"], True),
        (["2023-05-19", "2025-06"], True),
    ],
)
def test_a_session_reported_at_two_precisions_is_not_a_repetition(dates: list[str], standing: bool) -> None:
    events = [_event(f"s{i}", "summit", ("CHN", "KAZ"), d) for i, d in enumerate(dates)]
    assert (Rung.STANDING in ladders(events)[("CHN", "KAZ")].steps) is standing
