"""The partnership network: who builds cooperation with whom, and how far.

Input: stored events and mechanisms (read once per analysis through
`load_events` and `load_mechanisms`), the reference tables (state names and
regions), and `Filters`. Output: a networkx graph of states whose edges carry
how often and in which formats two states met and how far up the
institutionalisation ladder (`ladder.py`) they have climbed
(`partnership_graph`), and its summary (`network_summary`: centralities,
communities, new partners per year), a frozen dataclass whose `to_dict()` is
the JSON the CLI and the API print. The reports on named states (a hub's
partners, what two states share, two hubs compared) are in `hubs.py`; they read
events through the same `load_events`.

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

from diplograph.analysis.ladder import Rung, ladders
from diplograph.errors import InvalidQuery
from diplograph.extract.gazetteer import Gazetteer, load_gazetteer, token_key
from diplograph.models import Event, Evidence, Mechanism
from diplograph.store import Store
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, TOPICS, EventStatus, MechanismStatus

logger = logging.getLogger(__name__)

REFERENCE_PREFIX = "reference:"
# Event ids kept on an edge (a GraphML attribute must stay a readable scalar).
EDGE_EVENT_CAP = 20
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
    store: Store,
    filters: Filters = Filters(),
    *,
    party: str | Sequence[str] | None = None,
    min_parties: int | None = None,
) -> list[Event]:
    """Return the events an analysis reads, in date order (undated last): the one place analyses read events.

    Args:
        store: the store to read.
        filters: kinds, topics, region, dates, statuses and reference facts to keep.
        party: an ISO3 code (or several, all required) the events must include.
        min_parties: only events of at least this many parties.

    Raises:
        InvalidQuery: a date filter is not a partial ISO date, or the region is unknown.
    """
    found = store.events(
        party=party,
        kind=list(filters.kinds) or None,
        status=list(filters.statuses) or None,
        since=filters.since,
        until=filters.until,
        min_parties=min_parties,
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
