"""Reports on named states: a hub's partners, what two states share, and two hubs compared.

Input: a `Store`, one or two states (ISO3) and `graph.Filters`; events and
mechanisms are read through `graph.load_events` and `graph.load_mechanisms`, so
the numbers agree with the network's, and standing mechanisms are the registry's
(`registry.format_records`), so a dyad counts a mechanism's sessions as `history`
does. Output: `hub_report` (a `HubReport`: the
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
from dataclasses import dataclass, replace
from itertools import combinations
from typing import Any

from diplograph.analysis import registry
from diplograph.analysis.formats import Format
from diplograph.analysis.graph import Filters, load_events, load_mechanisms, region_states, state_code
from diplograph.analysis.ladder import (
    MINILATERAL,
    DyadLadder,
    Rung,
    event_rung,
    hub_ladders,
    ladders,
    pair_of,
    same_session_date,
)
from diplograph.analysis.timeline import TimelineEntry
from diplograph.errors import InvalidQuery
from diplograph.extract.gazetteer import Gazetteer, load_gazetteer
from diplograph.models import Event
from diplograph.store import Store
from diplograph.vocab import EventKind, EventStatus, MechanismStatus

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
    """A format two states share: a standing mechanism both belong to or met in, or an event kind they held.

    For a standing mechanism (`formats.Format`), `mechanism` is its registry id (None for a
    known mechanism the store holds sessions of but no stored mechanism), `known` its id in
    mechanisms.csv, and `sessions`, `first` and `last` are the mechanism's, as `registry`
    and `history` count them; for an event kind outside any mechanism, the pair's events.
    """

    kind: str
    mechanism: str | None
    name: str | None
    known: str | None
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
            "known": self.known,
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
    formats = _shared_formats(store, held, pair, filters)
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
    store: Store, held: Sequence[Event], pair: tuple[str, str], filters: Filters
) -> list[SharedFormat]:
    """The pair's formats, most institutionalised first.

    The standing mechanisms both belong to (by the registry's formats) or held a session
    of, each once with its registry figures, and the pair's other events grouped by kind
    and parties.
    """
    catalogue = registry.catalogue_of(store, include_reference=filters.include_reference)
    ours: dict[str, list[Event]] = {}
    loose: dict[tuple[str, tuple[str, ...]], list[Event]] = defaultdict(list)
    for event in held:
        fmt = catalogue.format_of(event)
        if fmt is not None:
            ours.setdefault(fmt.key, []).append(event)
        else:
            loose[(event.kind, event.parties)].append(event)
    for fmt in catalogue.stored_formats():
        if (
            fmt.status == MechanismStatus.EXISTING
            and set(pair) <= set(fmt.parties)
            and _kept(fmt.kind, filters)
        ):
            ours.setdefault(fmt.key, [])
    shared = [catalogue.formats[key] for key in ours]
    records = {
        r.id: r
        for r in registry.format_records(catalogue, _format_events(store, held, shared, filters), shared)
    }
    formats = [_standing(fmt, records[registry.record_id(fmt)], ours[fmt.key]) for fmt in shared]
    formats += [_held(kind, parties, events) for (kind, parties), events in loose.items()]
    formats.sort(key=lambda f: (-int(f.rung), _neg(f.last), f.kind, f.mechanism or ""))
    return formats


def _kept(kind: str, filters: Filters) -> bool:
    return not filters.kinds or kind in filters.kinds


def _format_events(
    store: Store, held: Sequence[Event], shared: Sequence[Format], filters: Filters
) -> list[Event]:
    """The events the shared formats' sessions are among: the pair's, and the multilateral ones' meetings.

    A multilateral format's sessions need not include both states (a member missed by a
    report), and its figures must be the registry's; its sessions have three parties or more
    (`formats.fit`).
    """
    kinds = tuple(sorted({f.kind for f in shared if len(f.parties) > 2}))
    if not kinds:
        return list(held)
    wider = load_events(store, replace(filters, kinds=kinds), min_parties=3)
    return list({e.id: e for e in (*held, *wider)}.values())


def _standing(fmt: Format, record: registry.MechanismRecord, held: Sequence[Event]) -> SharedFormat:
    "A standing mechanism of the pair, with the registry's figures and the rung the pair reached in it."
    rung = max((event_rung(e) for e in held), default=Rung.NONE)
    if len(fmt.parties) == 2 and fmt.kind in STANDING_KINDS and _is_repeated(held):
        rung = max(rung, Rung.STANDING)
    if fmt.status == MechanismStatus.EXISTING and fmt.stored:
        rung = max(rung, _mechanism_rung(fmt.parties))
    return SharedFormat(
        kind=fmt.kind,
        mechanism=record.id if fmt.ids else None,
        name=fmt.name,
        known=record.known,
        parties=fmt.parties,
        sessions=record.sessions,
        first=record.first,
        last=record.last,
        rung=rung,
    )


def _held(kind: str, parties: tuple[str, ...], held: Sequence[Event]) -> SharedFormat:
    "An event kind the pair held outside any standing mechanism."
    rung = max(event_rung(e) for e in held)
    if len(parties) == 2 and kind in STANDING_KINDS and _is_repeated(held):
        rung = max(rung, Rung.STANDING)
    dates = sorted(e.date for e in held if e.date)
    ends = sorted((e.date_end or e.date) for e in held if e.date)
    return SharedFormat(
        kind=kind,
        mechanism=None,
        name=None,
        known=None,
        parties=parties,
        sessions=len(held),
        first=dates[0] if dates else None,
        last=ends[-1] if ends else None,
        rung=rung,
    )


def _is_repeated(held: Sequence[Event]) -> bool:
    "A format is repeated when it met on two dates, or a session is numbered 2 or more (as the ladder reads it)."
    dates = sorted({e.date for e in held if e.date})
    repeated = any(not same_session_date(a, b) for a, b in combinations(dates, 2))
    return repeated or any((e.ordinal or 0) >= 2 for e in held)


def _mechanism_rung(parties: Sequence[str]) -> Rung:
    "An existing mechanism is standing for its pairs when it is bilateral or minilateral, contact otherwise."
    return Rung.STANDING if len(parties) <= MINILATERAL else Rung.CONTACT


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
