"""Reports on named states: a hub's partners, what two states share, and two hubs compared.

Input: a `Store`, one or two states (ISO3) and `graph.Filters`; events and
mechanisms are read through `graph.load_events` and `graph.load_mechanisms`, so
the numbers agree with the network's. Output: `hub_report` (a `HubReport`: the
hub's partners, each with its rung, first and last meeting, formats and first
session; its timeline, signals and topics), `dyad_report` (a `DyadReport`: the
formats two states share, most institutionalised first, their ladder, timeline
and signals) and `compare_hubs` (a `Comparison`: two hubs' partners, regions,
topics and growth side by side, and the partners they share). Every report is a
frozen dataclass whose `to_dict()` is the JSON the CLI and the API print.

Why apart from `graph.py`: these reports answer questions about named states
("which countries have held a 2+2 with China, and when was each first") from
their own events and the ladder, without building the network; `graph.py`
answers questions about the whole network (who is central, which communities).

Why planned, proposed and predicted events are always read: they are the
signals of what may come, reported beside the history whatever statuses the
filters count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from diplograph.errors import InvalidQuery
from diplograph.gazetteer import Gazetteer, load_gazetteer
from diplograph.graph import Filters, load_events, load_mechanisms, region_states, state_code
from diplograph.ladder import (
    MINILATERAL,
    DyadLadder,
    Rung,
    event_rung,
    hub_ladders,
    ladders,
    pair_of,
    same_session_date,
)
from diplograph.models import Event, Mechanism
from diplograph.store import Store
from diplograph.timeline import TimelineEntry
from diplograph.vocab import EventKind, EventStatus

SIGNAL_STATUSES: tuple[str, ...] = (EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.PREDICTED)
# Kinds whose repetition makes a standing format (rung 5), as in ladder.py.
STANDING_KINDS = frozenset(
    {EventKind.TWO_PLUS_TWO, EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS, EventKind.SUMMIT}
)


def _date_key(event: Event) -> tuple[bool, str, str]:
    "Timeline order: by date, undated last, then by id (so equal dates keep one order)."
    return (event.date is None, event.date or "", event.id)


# ── dyads ────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class SharedFormat:
    """A format two states share: an event kind they held, or a mechanism both belong to."""

    kind: str
    mechanism: str | None
    name: str | None
    parties: tuple[str, ...]
    sessions: int
    first: str | None
    last: str | None
    rung: Rung

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "mechanism": self.mechanism,
            "name": self.name,
            "parties": list(self.parties),
            "sessions": self.sessions,
            "first": self.first,
            "last": self.last,
            "rung": int(self.rung),
            "rung_label": self.rung.label,
        }


@dataclass(frozen=True, slots=True)
class DyadReport:
    """Everything two states share: formats (most institutionalised first), ladder, timeline, signals."""

    pair: tuple[str, str]
    names: tuple[str, str]
    rung: Rung
    formats: tuple[SharedFormat, ...]
    ladder: tuple[dict[str, Any], ...]
    timeline: tuple[TimelineEntry, ...]
    signals: tuple[TimelineEntry, ...]
    filters: Filters

    def to_dict(self) -> dict[str, Any]:
        return {
            "pair": list(self.pair),
            "names": list(self.names),
            "rung": int(self.rung),
            "rung_label": self.rung.label,
            "formats": [f.to_dict() for f in self.formats],
            "ladder": [dict(step) for step in self.ladder],
            "timeline": [t.to_dict() for t in self.timeline],
            "signals": [t.to_dict() for t in self.signals],
            "filters": self.filters.to_dict(),
        }


def dyad_report(
    store: Store,
    a: str,
    b: str,
    filters: Filters = Filters(),  # noqa: B008  (frozen dataclass, never mutated)
) -> DyadReport:
    """Return what states `a` and `b` share, ordered by how institutionalised, with their history.

    Args:
        store: the store to read.
        a, b: ISO3 codes of the two states.
        filters: which events count; planned, proposed and predicted events are
            always read as signals.

    Raises:
        InvalidQuery: the two codes are the same, or a filter is malformed.
    """
    gaz = load_gazetteer()
    a, b = state_code(a, gaz), state_code(b, gaz)
    if a == b:
        raise InvalidQuery(f"a dyad needs two different states, got {a} twice")
    pair = pair_of(a, b)
    events = load_events(store, filters.with_statuses(SIGNAL_STATUSES), party=list(pair))
    held = [e for e in events if e.status in filters.statuses and e.status == EventStatus.OCCURRED]
    kept = [e for e in events if e.status in filters.statuses]
    signals = [e for e in events if e.status != EventStatus.OCCURRED]
    mechanisms = load_mechanisms(store, filters, party=list(pair))
    ladder = ladders(events, mechanisms).get(pair) or DyadLadder(pair)
    formats = _shared_formats(held, mechanisms, pair)
    return DyadReport(
        pair=pair,
        names=(gaz.state_name(pair[0]), gaz.state_name(pair[1])),
        rung=ladder.rung,
        formats=tuple(formats),
        ladder=tuple(ladder.to_dict()["history"]),  # type: ignore[arg-type]
        timeline=tuple(TimelineEntry.of(e) for e in sorted(kept, key=_date_key)),
        signals=tuple(TimelineEntry.of(e) for e in sorted(signals, key=_date_key)),
        filters=filters,
    )


def _shared_formats(
    events: Sequence[Event], mechanisms: Sequence[Mechanism], pair: tuple[str, str]
) -> list[SharedFormat]:
    "Group the pair's occurred events into formats and add their mechanisms; most institutionalised first."
    groups: dict[tuple[str, str | None, tuple[str, ...]], list[Event]] = defaultdict(list)
    for event in events:
        parties = () if event.mechanism else event.parties
        groups[(event.kind, event.mechanism, parties)].append(event)
    by_id = {m.id: m for m in mechanisms}
    formats: list[SharedFormat] = []
    for (kind, mechanism_id, parties), held in groups.items():
        mechanism = by_id.pop(mechanism_id, None) if mechanism_id else None
        parties = mechanism.parties if mechanism else (parties or held[0].parties)
        rung = max(event_rung(e) for e in held)
        if len(parties) == 2 and kind in STANDING_KINDS and _is_repeated(held):
            rung = max(rung, Rung.STANDING)
        if mechanism is not None:
            rung = max(rung, _mechanism_rung(mechanism))
        dates = sorted(e.date for e in held if e.date)
        ends = sorted((e.date_end or e.date) for e in held if e.date)
        formats.append(
            SharedFormat(
                kind=kind,
                mechanism=mechanism_id,
                name=mechanism.name if mechanism else None,
                parties=parties,
                sessions=len(held),
                first=dates[0] if dates else None,
                last=ends[-1] if ends else None,
                rung=rung,
            )
        )
    for mechanism in by_id.values():
        formats.append(
            SharedFormat(
                kind=mechanism.kind,
                mechanism=mechanism.id,
                name=mechanism.name,
                parties=mechanism.parties,
                sessions=0,
                first=None,
                last=None,
                rung=_mechanism_rung(mechanism),
            )
        )
    formats.sort(key=lambda f: (-int(f.rung), _neg(f.last), f.kind, f.mechanism or ""))
    return formats


def _is_repeated(held: Sequence[Event]) -> bool:
    "A format is repeated when it met on two dates, or a session is numbered 2 or more (as the ladder reads it)."
    dates = sorted({e.date for e in held if e.date})
    repeated = any(not same_session_date(a, b) for a, b in combinations(dates, 2))
    return repeated or any((e.ordinal or 0) >= 2 for e in held)


def _mechanism_rung(mechanism: Mechanism) -> Rung:
    "An existing mechanism is standing for its pairs when it is bilateral or minilateral, contact otherwise."
    return Rung.STANDING if len(mechanism.parties) <= MINILATERAL else Rung.CONTACT


def _neg(date: str | None) -> tuple[int, ...]:
    "A sort key that puts later dates first and undated last."
    if not date:
        return (1,)
    return (0, *(-ord(c) for c in date))


# ── hubs ─────────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Partner:
    """One partner of a hub: how far, since when, in which formats, and the first session."""

    code: str
    name: str
    region: str
    rung: Rung
    first: str | None
    last: str | None
    kinds: tuple[str, ...]
    events: int
    bilateral: int
    first_event: TimelineEntry | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "region": self.region,
            "rung": int(self.rung),
            "rung_label": self.rung.label,
            "first": self.first,
            "last": self.last,
            "kinds": list(self.kinds),
            "events": self.events,
            "bilateral": self.bilateral,
            "first_event": self.first_event.to_dict() if self.first_event else None,
        }


@dataclass(frozen=True, slots=True)
class HubReport:
    """A hub's partners (earliest first), its timeline and the signals of what may come."""

    hub: str
    name: str
    partners: tuple[Partner, ...]
    timeline: tuple[TimelineEntry, ...]
    signals: tuple[TimelineEntry, ...]
    topics: tuple[tuple[str, int], ...]
    filters: Filters

    def to_dict(self) -> dict[str, Any]:
        return {
            "hub": self.hub,
            "name": self.name,
            "partners": [p.to_dict() for p in self.partners],
            "timeline": [t.to_dict() for t in self.timeline],
            "signals": [t.to_dict() for t in self.signals],
            "topics": dict(self.topics),
            "filters": self.filters.to_dict(),
        }


def hub_report(
    store: Store,
    hub: str,
    filters: Filters = Filters(),  # noqa: B008  (frozen dataclass, never mutated)
) -> HubReport:
    """Return a hub's partners with their rung, first and last dates, formats and first session.

    Filtered by kind it answers "which countries have held a 2+2 with China,
    when was each first, who attended": each partner's `first_event` is the
    earliest dated session with its people and first source quote.

    Args:
        store: the store to read.
        hub: ISO3 code of the hub state.
        filters: which events count (the rung is the ladder within them);
            planned, proposed and predicted events are read as signals.
    """
    gaz = load_gazetteer()
    hub = state_code(hub, gaz)
    region = region_states(filters.region, gaz) if filters.region else None
    events = load_events(store, filters.with_statuses(SIGNAL_STATUSES), party=hub)
    kept = [e for e in events if e.status in filters.statuses]
    signals = [e for e in events if e.status != EventStatus.OCCURRED]
    mechanisms = load_mechanisms(store, filters, party=hub)
    by_partner = hub_ladders(hub, ladders(events, mechanisms))
    held: dict[str, list[Event]] = defaultdict(list)
    for event in kept:
        for code in event.parties:
            if code != hub and (region is None or code in region):
                held[code].append(event)
    partners = [_partner(code, held[code], by_partner.get(code), gaz) for code in held]
    partners.sort(key=lambda p: (p.first is None, p.first or "", p.code))
    topics = Counter(t for e in kept for t in e.topics)
    return HubReport(
        hub=hub,
        name=gaz.state_name(hub),
        partners=tuple(partners),
        timeline=tuple(TimelineEntry.of(e) for e in sorted(kept, key=_date_key)),
        signals=tuple(TimelineEntry.of(e) for e in sorted(signals, key=_date_key)),
        topics=tuple(topics.most_common()),
        filters=filters,
    )


def _partner(code: str, events: list[Event], ladder: DyadLadder | None, gaz: Gazetteer) -> Partner:
    events = sorted(events, key=_date_key)
    dated = [e for e in events if e.date]
    first = min(dated, key=lambda e: (e.date or "", e.id)) if dated else (events[0] if events else None)
    state = gaz.states.get(code)
    return Partner(
        code=code,
        name=state.name if state else code,
        region=state.region if state else "",
        rung=ladder.rung if ladder else Rung.NONE,
        first=first.date if first and first.date else None,
        last=max(((e.date_end or e.date or "") for e in dated), default=None) or None,
        kinds=tuple(sorted({e.kind for e in events})),
        events=len(events),
        bilateral=sum(1 for e in events if len(e.parties) == 2),
        first_event=TimelineEntry.of(first) if first else None,
    )


# ── comparing two hubs ───────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class HubProfile:
    """One side of a comparison."""

    hub: str
    name: str
    partners: tuple[tuple[str, str | None], ...]
    regions: tuple[tuple[str, int], ...]
    topics: tuple[tuple[str, int], ...]
    growth: tuple[tuple[str, int, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "hub": self.hub,
            "name": self.name,
            "partners": [{"code": c, "first": f} for c, f in self.partners],
            "regions": dict(self.regions),
            "topics": dict(self.topics),
            "growth": [{"year": y, "new": n, "cumulative": c} for y, n, c in self.growth],
        }


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two hubs side by side, and the partners they share (with each hub's first date)."""

    a: HubProfile
    b: HubProfile
    shared: tuple[tuple[str, str | None, str | None], ...]
    filters: Filters

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
            "shared": [{"code": c, "first_a": fa, "first_b": fb} for c, fa, fb in self.shared],
            "filters": self.filters.to_dict(),
        }


def compare_hubs(
    store: Store,
    hub_a: str,
    hub_b: str,
    filters: Filters = Filters(),  # noqa: B008  (frozen dataclass, never mutated)
) -> Comparison:
    """Return two hubs' partners, regions, topics and growth side by side, and their shared partners.

    Raises:
        InvalidQuery: the two hubs are the same, or a filter is malformed.
    """
    if hub_a.upper() == hub_b.upper():
        raise InvalidQuery(f"compare needs two different hubs, got {hub_a.upper()} twice")
    reports = [hub_report(store, hub, filters) for hub in (hub_a, hub_b)]
    profiles = [_profile(r) for r in reports]
    firsts = [{p.code: p.first for p in r.partners} for r in reports]
    shared = sorted(set(firsts[0]) & set(firsts[1]) - {reports[0].hub, reports[1].hub})
    return Comparison(
        a=profiles[0],
        b=profiles[1],
        shared=tuple((c, firsts[0][c], firsts[1][c]) for c in shared),
        filters=filters,
    )


def _profile(report: HubReport) -> HubProfile:
    partners = [p for p in report.partners]
    regions = Counter(p.region or "unknown" for p in partners)
    years = Counter(p.first[:4] for p in partners if p.first)
    growth: list[tuple[str, int, int]] = []
    total = 0
    for year in sorted(years):
        total += years[year]
        growth.append((year, years[year], total))
    return HubProfile(
        hub=report.hub,
        name=report.name,
        partners=tuple((p.code, p.first) for p in partners),
        regions=tuple(regions.most_common()),
        topics=report.topics,
        growth=tuple(growth),
    )
