"""The partnership network: who builds cooperation with whom, and how far.

Input: stored events and mechanisms (read once per analysis through
`load_events` and `Store.mechanisms`), the reference tables (state names and
regions), and `Filters`. Output: a networkx graph of states whose edges carry
how often and in which formats two states met and how far up the
institutionalisation ladder (`ladder.py`) they have climbed; and reports built
on it — a network summary (centralities, communities, growth), a dyad's shared
formats and history, a hub's partners, and a comparison of two hubs. Every
report is a frozen dataclass whose `to_dict()` is the JSON the CLI and the API
print.

Why one reader (`load_events`) and one graph: every analysis filters events the
same way (kinds, topics, region, dates, statuses, reference facts), so the
numbers of `network`, `partners`, `dyad` and `compare` agree with each other.
The graph is built in one pass over the events, with no query per event, so a
store of tens of thousands of events is summarised in seconds.

Why only states are nodes of the partnership network: organisations are never
parties to events (they are venues or frames). With `organisations=True` the
groupings that frame stored mechanisms (SCO, ASEAN...) are added as context
nodes (`type="organisation"`) linked to the mechanism's parties; the summary
ignores them, so centralities are about states.

What it does not do: weigh events by importance (a summit and a phone call
count one each in `weight`; the rung carries the quality), or infer ties that
no source reports.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from diplograph.errors import InvalidQuery
from diplograph.gazetteer import Gazetteer, load_gazetteer, token_key
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
from diplograph.models import Event, Evidence, Mechanism
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, TOPICS, EventKind, EventStatus, MechanismStatus

logger = logging.getLogger(__name__)

REFERENCE_PREFIX = "reference:"
SIGNAL_STATUSES: tuple[str, ...] = (EventStatus.PLANNED, EventStatus.PROPOSED, EventStatus.PREDICTED)
# Event ids kept on an edge (a GraphML attribute must stay a readable scalar).
EDGE_EVENT_CAP = 20
# Kinds whose repetition makes a standing format (rung 5), as in ladder.py.
STANDING_KINDS = frozenset(
    {EventKind.TWO_PLUS_TWO, EventKind.FOREIGN_MINISTERS, EventKind.DEFENCE_MINISTERS, EventKind.SUMMIT}
)
_SEED = 42  # community detection is randomised; a fixed seed makes reports reproducible


# ── filters and the one reader ───────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events an analysis reads.

    `kinds`, `topics` and `statuses` keep events with any of the values (empty =
    all); `region` is a region or subregion of `states.csv` and keeps the states
    of that region as partners (an event needs one party in it); `since`/`until`
    are partial ISO dates as in `Store.events`; `include_reference=False` drops
    events and mechanisms known only from `reference:` documents.
    """

    kinds: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    region: str | None = None
    since: str | None = None
    until: str | None = None
    statuses: tuple[str, ...] = (EventStatus.OCCURRED,)
    include_reference: bool = True

    def __post_init__(self) -> None:
        _check_values("kind", self.kinds, EVENT_KINDS)
        _check_values("topic", self.topics, TOPICS)
        _check_values("status", self.statuses, EVENT_STATUSES)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kinds": list(self.kinds),
            "topics": list(self.topics),
            "region": self.region,
            "since": self.since,
            "until": self.until,
            "statuses": list(self.statuses),
            "include_reference": self.include_reference,
        }

    def with_statuses(self, statuses: Iterable[str]) -> Filters:
        """Return the same filters reading these statuses too (reports add the signals)."""
        merged = tuple(dict.fromkeys((*self.statuses, *statuses)))
        return Filters(
            self.kinds, self.topics, self.region, self.since, self.until, merged, self.include_reference
        )


def _check_values(name: str, values: Sequence[str], allowed: Sequence[str]) -> None:
    "Reject a filter value outside its vocabulary, naming the allowed ones."
    if isinstance(values, str):
        raise InvalidQuery(f"{name}s must be a tuple of strings, not the string {values!r}")
    for value in values:
        if value not in allowed:
            raise InvalidQuery(f"unknown {name} {value!r}; use one of: {', '.join(allowed)}")


def is_reference_only(sources: Sequence[Evidence]) -> bool:
    """True when every source of a fact is a reference document (`reference:…`), and there is one."""
    return bool(sources) and all(s.document.startswith(REFERENCE_PREFIX) for s in sources)


def region_states(region: str, gazetteer: Gazetteer | None = None) -> frozenset[str]:
    """Return the ISO3 codes of the states in a region or subregion of `states.csv` (case-insensitive).

    Raises:
        InvalidQuery: no state has that region or subregion.
    """
    gaz = gazetteer or load_gazetteer()
    wanted = region.casefold()
    codes = frozenset(
        code for code, st in gaz.states.items() if wanted in (st.region.casefold(), st.subregion.casefold())
    )
    if not codes:
        known = sorted(
            {st.region for st in gaz.states.values()} | {st.subregion for st in gaz.states.values()}
        )
        raise InvalidQuery(f"unknown region {region!r}; use a region or subregion of states.csv: {known}")
    return codes


def load_events(
    store: Store, filters: Filters = Filters(), *, party: str | Sequence[str] | None = None
) -> list[Event]:
    """Return the events an analysis reads, in date order (undated last): the one place analyses read events.

    Args:
        store: the store to read.
        filters: kinds, topics, region, dates, statuses and reference facts to keep.
        party: an ISO3 code (or several, all required) the events must include.

    Raises:
        InvalidQuery: a date filter is not a partial ISO date, or the region is unknown.
    """
    found = store.events(
        party=party,
        kind=list(filters.kinds) or None,
        status=list(filters.statuses) or None,
        since=filters.since,
        until=filters.until,
    )
    region = region_states(filters.region) if filters.region else None
    topics = set(filters.topics)
    return [
        e
        for e in found
        if (not topics or topics.intersection(e.topics))
        and (region is None or region.intersection(e.parties))
        and (filters.include_reference or not is_reference_only(e.sources))
    ]


def load_mechanisms(
    store: Store, filters: Filters = Filters(), *, party: str | Sequence[str] | None = None
) -> list[Mechanism]:
    """Return the existing stored mechanisms that the filters' kinds and reference rule keep."""
    found = store.mechanisms(party=party, kind=list(filters.kinds) or None, status=MechanismStatus.EXISTING)
    return [m for m in found if filters.include_reference or not is_reference_only(m.sources)]


# ── the graph ────────────────────────────────────────────────────────────────


@dataclass(slots=True)
class _Edge:
    """What accumulates on one pair while the events stream by."""

    weight: int = 0
    kinds: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None
    events: list[str] = field(default_factory=list)
    mechanisms: set[str] = field(default_factory=set)

    def add(self, event: Event) -> None:
        self.weight += 1
        self.kinds.add(event.kind)
        if event.date:
            end = event.date_end or event.date
            self.first = event.date if self.first is None or event.date < self.first else self.first
            self.last = end if self.last is None or end > self.last else self.last
        if len(self.events) < EDGE_EVENT_CAP:
            self.events.append(event.id)
        if event.mechanism:
            self.mechanisms.add(event.mechanism)


def partnership_graph(
    store: Store, filters: Filters = Filters(), *, hub: str | None = None, organisations: bool = False
) -> nx.Graph:
    """Return the network of states that share events or standing mechanisms.

    Nodes are states (`name`, `type="state"`, `region`, `subregion`); an edge joins
    two states that took part in the same event or mechanism, with scalar
    attributes so GraphML and GEXF can write them: `weight` (events), `kinds`
    ("|"-joined), `first`/`last` (ISO dates, "" if undated), `rung`/`rung_label`
    (the ladder within the filters), `events` ("|"-joined ids, at most
    `EDGE_EVENT_CAP`), `mechanisms` ("|"-joined ids).

    Args:
        store: the store to read.
        filters: which events and mechanisms count.
        hub: keep only the hub's ego network (the hub, its partners and the ties among them;
            the hub alone when it has no tie under the filters).
        organisations: add the groupings that frame mechanisms as context nodes.

    Raises:
        InvalidQuery: a bad filter, or a hub that is not a state code.
    """
    gaz = load_gazetteer()
    events = load_events(store, filters)
    mechanisms = load_mechanisms(store, filters)
    region = region_states(filters.region, gaz) if filters.region else None
    # Mechanisms carry no dates: with a date window, a tie needs an event inside it.
    dated_window = filters.since is not None or filters.until is not None
    graph = _graph_of(events, mechanisms, gaz, region=region, keep=hub, mechanism_ties=not dated_window)
    logger.debug(
        "partnership graph: %d events, %d mechanisms -> %d states", len(events), len(mechanisms), len(graph)
    )
    if organisations:
        _add_organisations(graph, mechanisms, gaz)
    graph.graph["filters"] = repr(filters.to_dict())
    if hub is None:
        return graph
    hub = state_code(hub, gaz)
    if hub not in graph:  # a state with no tie under these filters: its ego network is itself
        graph.add_node(hub, **_node_attrs(hub, gaz))
    return nx.ego_graph(graph, hub, radius=1)


def state_code(code: str, gazetteer: Gazetteer | None = None) -> str:
    """Return `code` upper-cased when it is a state of `states.csv`.

    Raises:
        InvalidQuery: the code is not a known ISO 3166-1 alpha-3 state code.
    """
    gaz = gazetteer or load_gazetteer()
    upper = code.strip().upper()
    if upper not in gaz.states:
        raise InvalidQuery(
            f"unknown state code {code!r}; use an ISO 3166-1 alpha-3 code such as CHN, USA, KHM"
        )
    return upper


def _graph_of(
    events: Sequence[Event],
    mechanisms: Sequence[Mechanism],
    gaz: Gazetteer,
    *,
    region: frozenset[str] | None = None,
    keep: str | None = None,
    mechanism_ties: bool = True,
) -> nx.Graph:
    "Build the state graph in one pass over events and mechanisms (ties by mechanism alone if asked)."
    edges: dict[tuple[str, str], _Edge] = defaultdict(_Edge)
    for event in events:
        for a, b in combinations(sorted(set(event.parties)), 2):
            edges[(a, b)].add(event)
    for mechanism in mechanisms:
        for a, b in combinations(sorted(set(mechanism.parties)), 2):
            edges[(a, b)].mechanisms.add(mechanism.id)
    by_pair = ladders(events, mechanisms)
    graph = nx.Graph()
    for (a, b), edge in edges.items():
        if region is not None and not _in_region(a, b, region, keep):
            continue
        if edge.weight == 0 and not mechanism_ties:
            continue
        for code in (a, b):
            if code not in graph:
                graph.add_node(code, **_node_attrs(code, gaz))
        ladder = by_pair.get((a, b))
        rung = ladder.rung if ladder else Rung.NONE
        graph.add_edge(
            a,
            b,
            weight=edge.weight,
            kinds="|".join(sorted(edge.kinds)),
            first=edge.first or "",
            last=edge.last or "",
            rung=int(rung),
            rung_label=rung.label,
            events="|".join(edge.events),
            mechanisms="|".join(sorted(edge.mechanisms)),
        )
    return graph


def _in_region(a: str, b: str, region: frozenset[str], hub: str | None) -> bool:
    "A tie is in a region when both states are, or one is the hub and the other is."
    return (a in region or a == hub) and (b in region or b == hub)


def _node_attrs(code: str, gaz: Gazetteer) -> dict[str, str]:
    state = gaz.states.get(code)
    return {
        "name": state.name if state else code,
        "type": "state",
        "region": state.region if state else "",
        "subregion": state.subregion if state else "",
    }


def _add_organisations(graph: nx.Graph, mechanisms: Sequence[Mechanism], gaz: Gazetteer) -> None:
    "Add the groupings named by mechanisms (SCO, ASEAN...) as context nodes tied to the mechanisms' parties."
    for mechanism in mechanisms:
        for grouping in _groupings_named(mechanism.name or "", gaz):
            node = f"org:{grouping}"
            if node not in graph:
                graph.add_node(
                    node, name=gaz.groupings[grouping].name, type="organisation", region="", subregion=""
                )
            for party in mechanism.parties:
                if party in graph:
                    graph.add_edge(
                        node,
                        party,
                        weight=0,
                        kinds=mechanism.kind,
                        first="",
                        last="",
                        rung=int(Rung.NONE),
                        rung_label="framed by",
                        events="",
                        mechanisms=mechanism.id,
                    )


def _groupings_named(name: str, gaz: Gazetteer) -> set[str]:
    "Return the ids of the groupings whose name or alias occurs in `name` (token n-grams)."
    tokens = token_key(name)
    found: set[str] = set()
    for i in range(len(tokens)):
        for j in range(i + 1, min(len(tokens), i + 6) + 1):
            for entry in gaz.lookup(tokens[i:j]):
                if entry.type == "grouping" and entry.code in gaz.groupings:
                    found.add(entry.code)
    return found


def state_subgraph(graph: nx.Graph) -> nx.Graph:
    """Return the graph without organisation context nodes."""
    return graph.subgraph(n for n, t in graph.nodes(data="type") if t != "organisation")


# ── network summary ──────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class NodeStats:
    """One state's place in the network."""

    code: str
    name: str
    region: str
    degree: int
    weighted_degree: int
    degree_centrality: float
    betweenness: float
    eigenvector: float | None
    community: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "region": self.region,
            "degree": self.degree,
            "weighted_degree": self.weighted_degree,
            "degree_centrality": round(self.degree_centrality, 4),
            "betweenness": round(self.betweenness, 4),
            "eigenvector": None if self.eigenvector is None else round(self.eigenvector, 4),
            "community": self.community,
        }


@dataclass(frozen=True, slots=True)
class NetworkSummary:
    """The shape of a partnership network.

    `nodes_stats` is sorted by weighted degree (most active first);
    `communities` are lists of codes, largest first; `new_by_year` counts, per
    year, the partners of the hub first met that year (without a hub: the pairs
    first tied that year).
    """

    hub: str | None
    nodes: int
    edges: int
    density: float
    nodes_stats: tuple[NodeStats, ...]
    communities: tuple[tuple[str, ...], ...]
    new_by_year: tuple[tuple[str, int], ...]
    rungs: tuple[tuple[str, int], ...]
    eigenvector_converged: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "hub": self.hub,
            "nodes": self.nodes,
            "edges": self.edges,
            "density": round(self.density, 4),
            "states": [n.to_dict() for n in self.nodes_stats],
            "communities": [list(c) for c in self.communities],
            "new_by_year": dict(self.new_by_year),
            "rungs": dict(self.rungs),
            "eigenvector_converged": self.eigenvector_converged,
        }


def network_summary(graph: nx.Graph, hub: str | None = None) -> NetworkSummary:
    """Return counts, degrees, centralities, communities and growth of a partnership graph.

    Betweenness is unweighted (weights are strengths, not distances); eigenvector
    centrality is weighted and reported as None when the power iteration does not
    converge. Communities are Louvain's (weighted, seed 42).

    Args:
        graph: a graph from `partnership_graph` (organisation nodes are ignored).
        hub: count new partners per year for this state instead of new ties.
    """
    g = state_subgraph(graph)
    hub = hub.upper() if hub else None
    degree_c = nx.degree_centrality(g) if len(g) > 1 else {n: 0.0 for n in g}
    betweenness = nx.betweenness_centrality(g, k=min(len(g), 500) if len(g) > 1000 else None, seed=_SEED)
    eigen, converged = _eigenvector(g)
    communities = _communities(g)
    member = {code: i for i, group in enumerate(communities) for code in group}
    stats = [
        NodeStats(
            code=n,
            name=str(g.nodes[n].get("name", n)),
            region=str(g.nodes[n].get("region", "")),
            degree=int(g.degree(n)),
            weighted_degree=int(g.degree(n, weight="weight")),
            degree_centrality=degree_c.get(n, 0.0),
            betweenness=betweenness.get(n, 0.0),
            eigenvector=eigen.get(n) if converged else None,
            community=member.get(n, -1),
        )
        for n in g.nodes
    ]
    stats.sort(key=lambda s: (-s.weighted_degree, -s.degree, s.code))
    if hub is not None and hub in g:
        firsts = [d["first"] for _, _, d in g.edges(hub, data=True)]
    else:
        firsts = [d["first"] for _, _, d in g.edges(data=True)]
    new_by_year = Counter(f[:4] for f in firsts if f)
    rungs = Counter(str(d["rung_label"]) for _, _, d in g.edges(data=True))
    n = len(g)
    return NetworkSummary(
        hub=hub,
        nodes=n,
        edges=g.number_of_edges(),
        density=nx.density(g) if n > 1 else 0.0,
        nodes_stats=tuple(stats),
        communities=tuple(tuple(c) for c in communities),
        new_by_year=tuple(sorted(new_by_year.items())),
        rungs=tuple(sorted(rungs.items(), key=lambda kv: _RUNG_ORDER.get(kv[0], 0), reverse=True)),
        eigenvector_converged=converged,
    )


_RUNG_ORDER = {r.label: int(r) for r in Rung}


def _eigenvector(g: nx.Graph) -> tuple[dict[str, float], bool]:
    "Weighted eigenvector centrality, or ({}, False) when it does not converge."
    if g.number_of_edges() == 0:
        return {}, False
    try:
        return nx.eigenvector_centrality(g, max_iter=1000, tol=1e-6, weight="weight"), True
    except (nx.PowerIterationFailedConvergence, nx.NetworkXException):
        return {}, False


def _communities(g: nx.Graph) -> list[tuple[str, ...]]:
    """Louvain communities (weighted, fixed seed), each sorted, largest first.

    Ties that come only from mechanisms weigh 0; when every tie does (e.g. a topic no
    event has), modularity is undefined with weights, so the ties count unweighted.
    """
    if g.number_of_edges() == 0:
        return [(n,) for n in sorted(g.nodes)]
    weight = "weight" if g.size(weight="weight") > 0 else None
    groups = nx.community.louvain_communities(g, weight=weight, seed=_SEED)
    ordered = [tuple(sorted(c)) for c in groups]
    return sorted(ordered, key=lambda c: (-len(c), c))


# ── timelines ────────────────────────────────────────────────────────────────


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One event on a timeline, with its first evidence."""

    id: str
    date: str | None
    date_end: str | None
    kind: str
    status: str
    parties: tuple[str, ...]
    location: str | None
    ordinal: int | None
    people: tuple[str, ...]
    topics: tuple[str, ...]
    quote: str | None
    document: str | None

    @classmethod
    def of(cls, event: Event) -> TimelineEntry:
        """Return the timeline entry of an event."""
        first = best_evidence(event)
        return cls(
            id=event.id,
            date=event.date,
            date_end=event.date_end,
            kind=event.kind,
            status=event.status,
            parties=event.parties,
            location=_place(event),
            ordinal=event.ordinal,
            people=tuple(_person(p.name, p.country, p.role) for p in event.people),
            topics=event.topics,
            quote=first.quote if first else None,
            document=first.document if first else None,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date,
            "date_end": self.date_end,
            "kind": self.kind,
            "status": self.status,
            "parties": list(self.parties),
            "location": self.location,
            "ordinal": self.ordinal,
            "people": list(self.people),
            "topics": list(self.topics),
            "quote": self.quote,
            "document": self.document,
        }


def best_evidence(event: Event) -> Evidence | None:
    """Return the source quote that best states the event: the one naming its city and people, else the first.

    Sources come in the order articles arrived, and the first is often a
    background mention ("such formats, like the one held in Beijing..."); a quote
    that names the venue and the participants is the report of the meeting itself.
    """
    if not event.sources:
        return None
    city = event.location.city if event.location else None
    names = [p.name.split()[-1] for p in event.people if p.name]

    def score(evidence: Evidence) -> int:
        quote = evidence.quote
        return (2 if city and city in quote else 0) + sum(1 for n in names if n in quote)

    return max(event.sources, key=score)  # max keeps the first of equal scores


def _place(event: Event) -> str | None:
    if event.location is None:
        return None
    return ", ".join(p for p in (event.location.city, event.location.country) if p) or None


def _person(name: str, country: str | None, role: str | None) -> str:
    detail = ", ".join(p for p in (country, role) if p)
    return f"{name} ({detail})" if detail else name


def _date_key(event: Event) -> tuple[bool, str, str]:
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


def dyad_report(store: Store, a: str, b: str, filters: Filters = Filters()) -> DyadReport:
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


def hub_report(store: Store, hub: str, filters: Filters = Filters()) -> HubReport:
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


def compare_hubs(store: Store, hub_a: str, hub_b: str, filters: Filters = Filters()) -> Comparison:
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
