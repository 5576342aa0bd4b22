"""The institutionalisation ladder: how far two states have built their cooperation.

Input: stored events and mechanisms. Output: for each pair of states, the
highest rung they have reached, when they reached each rung, and the event
or mechanism that put them there.

The scale is ordinal, one rung per step analysts describe when a relationship
"institutionalises" (a contact becomes talks, talks become ministerial
meetings, ministerial meetings become a 2+2, a dialogue becomes a standing
mechanism, and a mechanism gets a permanent body):

    0 none         nothing recorded between the two
    1 contact      both took part in a multilateral meeting, exercise or agreement
    2 bilateral    a bilateral summit, talks, agreement or joint exercise
    3 ministerial  a bilateral foreign- or defence-ministers' meeting
    4 2+2          a 2+2 dialogue of foreign and defence ministers
    5 standing     a format that meets repeatedly: an existing bilateral or minilateral
                   mechanism of both, or a second session of a bilateral ministerial
                   (or higher) format
    6 secretariat  an institution established by both, bilaterally or in a minilateral
                   format (a permanent secretariat, a commission with a standing body)

Why only what happened counts: a planned, proposed or predicted 2+2 is not a
2+2. Those reports are kept apart as *signals* (they feed the forecast), so
the ladder never mistakes a forecast for a fact, the error the field's
machine-coded datasets make. Why multilateral meetings count only as contact:
sitting at the same table of twenty does not say the two built anything
together. A *minilateral* format of at most `MINILATERAL` states (the Quad,
China–Central Asia, the Squad) is different: it is built around a few
partners, so its standing mechanism (rung 5) and its secretariat (rung 6)
count for every pair of its members; a large organisation's (SCO, ADMM-Plus)
count as contact.
Why a summit sits at rung 2: leaders meet for many reasons; a summit is the
top of protocol, not of institution-building, which the scale measures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import IntEnum
from itertools import combinations

from diplograph.models import Event, Mechanism
from diplograph.vocab import EventKind, EventStatus, MechanismStatus


class Rung(IntEnum):
    """The rungs of the institutionalisation ladder, lowest first."""

    NONE = 0
    CONTACT = 1
    BILATERAL = 2
    MINISTERIAL = 3
    TWO_PLUS_TWO = 4
    STANDING = 5
    SECRETARIAT = 6

    @property
    def label(self) -> str:
        """The rung's name as the CLI, exports and dashboard show it."""
        return _LABELS[self]


_LABELS = {
    Rung.NONE: "none",
    Rung.CONTACT: "contact",
    Rung.BILATERAL: "bilateral",
    Rung.MINISTERIAL: "ministerial",
    Rung.TWO_PLUS_TWO: "2+2",
    Rung.STANDING: "standing mechanism",
    Rung.SECRETARIAT: "secretariat",
}

# The rung a bilateral event of each kind reaches on its own.
_BILATERAL_RUNG: dict[str, Rung] = {
    EventKind.TWO_PLUS_TWO: Rung.TWO_PLUS_TWO,
    EventKind.FOREIGN_MINISTERS: Rung.MINISTERIAL,
    EventKind.DEFENCE_MINISTERS: Rung.MINISTERIAL,
    EventKind.SUMMIT: Rung.BILATERAL,
    EventKind.BILATERAL_TALKS: Rung.BILATERAL,
    EventKind.AGREEMENT: Rung.BILATERAL,
    EventKind.EXERCISE: Rung.BILATERAL,
    EventKind.INSTITUTION: Rung.SECRETARIAT,
}
# Kinds whose repetition makes a standing format (rung 5).
_FORMAT_KINDS = frozenset(
    {EventKind.TWO_PLUS_TWO, EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS, EventKind.SUMMIT}
)

Pair = tuple[str, str]

# The largest format whose mechanism or common body counts for each pair of its members.
MINILATERAL = 6


@dataclass(frozen=True, slots=True)
class Step:
    """One rung reached: when (a partial ISO date, or None if undated) and by which event or mechanism."""

    rung: Rung
    date: str | None
    by: str
    kind: str


@dataclass(slots=True)
class DyadLadder:
    """The ladder of one pair of states: each rung's first step, and the signals of what may come."""

    pair: Pair
    steps: dict[Rung, Step] = field(default_factory=dict)
    signals: list[Event] = field(default_factory=list)

    @property
    def rung(self) -> Rung:
        """The highest rung reached (NONE when only signals are known)."""
        return max(self.steps, default=Rung.NONE)

    def rung_on(self, date: str) -> Rung:
        """The highest rung reached on or before `date` (undated steps count as reached)."""
        return max((r for r, s in self.steps.items() if s.date is None or s.date <= date), default=Rung.NONE)

    def history(self) -> list[Step]:
        """The steps in the order they were reached (dated steps first, by date; then undated)."""
        return sorted(self.steps.values(), key=lambda s: (s.date is None, s.date or "", s.rung))

    def to_dict(self) -> dict[str, object]:
        return {
            "pair": list(self.pair),
            "rung": int(self.rung),
            "label": self.rung.label,
            "history": [
                {"rung": int(s.rung), "label": s.rung.label, "date": s.date, "by": s.by, "kind": s.kind}
                for s in self.history()
            ],
            "signals": [e.id for e in self.signals],
        }


def pair_of(a: str, b: str) -> Pair:
    """Return the pair of two states in canonical (sorted) order."""
    return (a, b) if a <= b else (b, a)


def event_rung(event: Event) -> Rung:
    """Return the rung an occurred event gives each pair of its parties (NONE if not occurred)."""
    if event.status != EventStatus.OCCURRED or len(event.parties) < 2:
        return Rung.NONE
    if len(event.parties) == 2:
        return _BILATERAL_RUNG.get(event.kind, Rung.CONTACT)
    if event.kind == EventKind.INSTITUTION and len(event.parties) <= MINILATERAL:
        return Rung.SECRETARIAT
    return Rung.CONTACT


def ladders(events: Iterable[Event], mechanisms: Iterable[Mechanism] = ()) -> dict[Pair, DyadLadder]:
    """Return the ladder of every pair of states that appears in `events` or `mechanisms`.

    Each rung's step is the earliest event (or mechanism) that reached it, so the
    ladder can be read at any date (`DyadLadder.rung_on`). Events should come in
    date order for undated ties to resolve to the first seen; any order gives the
    same rungs.
    """
    out: dict[Pair, DyadLadder] = {}
    sessions: dict[tuple[Pair, str], list[Event]] = {}
    for event in events:
        pairs = _pairs(event.parties)
        if event.status != EventStatus.OCCURRED:
            for pair in pairs:
                _ladder(out, pair).signals.append(event)
            continue
        rung = event_rung(event)
        for pair in pairs:
            _reach(_ladder(out, pair), Step(rung, event.date, event.id, event.kind))
        if event.kind in _FORMAT_KINDS and len(event.parties) == 2:
            sessions.setdefault((pairs[0], event.kind), []).append(event)
    for (pair, kind), held in sessions.items():
        second = _second_session(held)
        if second is not None:
            _reach(_ladder(out, pair), Step(Rung.STANDING, second.date, second.id, kind))
    for mechanism in mechanisms:
        if mechanism.status != MechanismStatus.EXISTING:
            continue
        rung = Rung.STANDING if len(mechanism.parties) <= MINILATERAL else Rung.CONTACT
        for pair in _pairs(mechanism.parties):
            ladder = _ladder(out, pair)
            _reach(ladder, Step(rung, _first_session_date(ladder, mechanism), mechanism.id, mechanism.kind))
    return out


def hub_ladders(hub: str, ladders_by_pair: dict[Pair, DyadLadder]) -> dict[str, DyadLadder]:
    """Return the ladders of `hub` with each of its partners, keyed by the partner's code."""
    out: dict[str, DyadLadder] = {}
    for (a, b), ladder in ladders_by_pair.items():
        if hub in (a, b):
            out[b if a == hub else a] = ladder
    return out


def _pairs(parties: Iterable[str]) -> list[Pair]:
    return [(a, b) for a, b in combinations(sorted(set(parties)), 2)]


def _ladder(out: dict[Pair, DyadLadder], pair: Pair) -> DyadLadder:
    ladder = out.get(pair)
    if ladder is None:
        ladder = out[pair] = DyadLadder(pair)
    return ladder


def _reach(ladder: DyadLadder, step: Step) -> None:
    """Keep `step` if it is the first (earliest dated) step to reach its rung."""
    if step.rung == Rung.NONE:
        return
    known = ladder.steps.get(step.rung)
    if known is None or _earlier(step.date, known.date):
        ladder.steps[step.rung] = step


def _earlier(date: str | None, than: str | None) -> bool:
    "A dated step beats an undated one; of two dates, the earlier (a partial date sorts before its days)."
    if date is None:
        return False
    return than is None or date < than


def _second_session(held: list[Event]) -> Event | None:
    """The session that made a format standing: the second distinct dated session, or a numbered one ≥ 2."""
    dated: list[Event] = []
    for event in sorted((e for e in held if e.date), key=lambda e: (e.date or "", e.id)):
        # "2025-06" and "2025-06-17" may be one session reported at two precisions: not a repetition.
        if not any(same_session_date(event.date or "", d.date or "") for d in dated):
            dated.append(event)
    numbered = [e for e in held if e.ordinal is not None and e.ordinal >= 2]
    candidates = dated[1:2] + numbered
    if not candidates:
        return None
    return min(candidates, key=lambda e: (e.date is None, e.date or ""))


def same_session_date(a: str, b: str) -> bool:
    """True when two partial dates may name one session: one is a prefix of the other ("2025-06", "2025-06-17")."""
    return a.startswith(b) or b.startswith(a)


def _first_session_date(ladder: DyadLadder, mechanism: Mechanism) -> str | None:
    """A mechanism is standing from its first session of the same kind, when the ladder knows it."""
    steps = [s for s in ladder.steps.values() if s.kind == mechanism.kind and s.date]
    return min((s.date for s in steps if s.date), default=None)
