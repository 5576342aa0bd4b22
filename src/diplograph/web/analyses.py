"""The web API's analyses: dyads, hubs, networks, comparisons, forecasts and mechanism histories.

Input: the `Store` and cache of the serving app (through the `State` dependency) and the
analysis filters (`kind`, `topic`, `status`, `region`, `since`, `until`, as the CLI's
`network`/`partners`). Output: `analysis_router`, the routes that answer `graph`, `hubs`,
`forecast` and `registry` as JSON, and `hub_data`, `overview_data`, `network_data`, which
the dashboard's start-up warming (`api.create_app(warm=True)`) fills the cache with.

Why everything here goes through the cache: each analysis reads every matching event
(seconds on 50,000), a hub page asks for several at once, and their results only change
when something is written through the API, which clears the cache.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi import Path as PathParam
from pydantic import BaseModel, Field

from diplograph.analysis import forecast, graph, hubs, registry
from diplograph.web.payloads import (
    ISO_DATE,
    Code,
    DateParam,
    EventKindParam,
    EventStatusParam,
    MechanismStatusParam,
    PartyList,
    TopicParam,
    error_responses,
)
from diplograph.web.state import ApiState, State, authorize_read


def _filters(
    kind: Sequence[str],
    topic: Sequence[str],
    status: Sequence[str],
    region: str | None,
    since: str | None,
    until: str | None,
) -> graph.Filters:
    "Return the analysis filters of a request (occurred events unless statuses are given)."
    return graph.Filters(
        kinds=tuple(kind),
        topics=tuple(topic),
        region=region,
        since=since,
        until=until,
        statuses=tuple(status) or ("occurred",),
    )


class AnalysisQuery(BaseModel):
    """The filters every analysis endpoint takes (as `graph.Filters`)."""

    kind: list[EventKindParam] = []
    topic: list[TopicParam] = []
    status: list[EventStatusParam] = []
    region: str | None = Field(default=None, max_length=64)
    since: str | None = Field(default=None, max_length=10, pattern=ISO_DATE)
    until: str | None = Field(default=None, max_length=10, pattern=ISO_DATE)

    def filters(self) -> graph.Filters:
        return _filters(self.kind, self.topic, self.status, self.region, self.since, self.until)

    def key(self) -> tuple[Any, ...]:
        return (tuple(self.kind), tuple(self.topic), tuple(self.status), self.region, self.since, self.until)


def _analysis_query(
    kind: Annotated[list[EventKindParam], Query()] = [],  # noqa: B006
    topic: Annotated[list[TopicParam], Query()] = [],  # noqa: B006
    status: Annotated[list[EventStatusParam], Query()] = [],  # noqa: B006
    region: Annotated[
        str | None, Query(max_length=64, description="A region or subregion of states.csv")
    ] = None,
    since: DateParam = None,
    until: DateParam = None,
) -> AnalysisQuery:
    return AnalysisQuery(kind=kind, topic=topic, status=status, region=region, since=since, until=until)


Analysis = Annotated[AnalysisQuery, Depends(_analysis_query)]


def analysis_router(codes: Sequence[int]) -> APIRouter:
    """Return the analysis routes (each also answers `codes`: 401 and 403 when reads are closed)."""
    router = APIRouter(dependencies=[Depends(authorize_read)])
    responses = error_responses(400, *codes)

    @router.get("/api/dyads/{a}/{b}", response_model=dict[str, Any], responses=responses)
    def dyad(state: State, a: Code, b: Code, query: Analysis) -> dict[str, Any]:
        """Two states' shared formats, ladder and history (`hubs.dyad_report`)."""
        return state.cache.get(
            ("dyad", a.upper(), b.upper(), query.key()),
            lambda: hubs.dyad_report(state.store, a.upper(), b.upper(), query.filters()).to_dict(),
        )

    @router.get("/api/hubs/{hub}", response_model=dict[str, Any], responses=responses)
    def hub(state: State, hub: Code, query: Analysis) -> dict[str, Any]:
        """A hub's partners with their ladder rung, its timeline and signals (`hubs.hub_report`)."""
        return hub_data(state, hub.upper(), query)

    @router.get("/api/hubs/{hub}/network", response_model=dict[str, Any], responses=responses)
    def network(state: State, hub: Code, query: Analysis) -> dict[str, Any]:
        """The hub's ego network: nodes with layout coordinates, edges with weights and rungs, and its summary."""
        return network_data(state, hub.upper(), query)

    @router.get("/api/hubs/{hub}/overview", response_model=dict[str, Any], responses=responses)
    def overview(state: State, hub: Code, query: Analysis) -> dict[str, Any]:
        """What the dashboard's map and timeline draw: each partner's rung, and events per year (held, signals)."""
        return overview_data(state, hub.upper(), query)

    @router.get("/api/network", response_model=dict[str, Any], responses=responses)
    def whole_network(state: State, query: Analysis) -> dict[str, Any]:
        """The summary of the whole partnership network: centralities, communities, growth."""
        return state.cache.get(
            ("network", query.key()),
            lambda: graph.network_summary(graph.partnership_graph(state.store, query.filters())).to_dict(),
        )

    @router.get("/api/compare/{a}/{b}", response_model=dict[str, Any], responses=responses)
    def compare(state: State, a: Code, b: Code, query: Analysis) -> dict[str, Any]:
        """Two hubs side by side: partners, regions, topics, growth and shared partners (`hubs.compare_hubs`)."""
        return state.cache.get(
            ("compare", a.upper(), b.upper(), query.key()),
            lambda: hubs.compare_hubs(state.store, a.upper(), b.upper(), query.filters()).to_dict(),
        )

    _add_forecast_routes(router, responses)
    return router


def _add_forecast_routes(router: APIRouter, responses: dict[int | str, Any]) -> None:
    "The forecast of a hub's next partners, and the registry's history of a mechanism."

    @router.get("/api/forecast/{hub}", response_model=dict[str, Any], responses=responses)
    def forecast_route(
        state: State,
        hub: Code,
        kind: Annotated[EventKindParam, Query()] = "2+2 dialogue",
        cutoff: DateParam = None,
        top: Annotated[int, Query(ge=1, le=100)] = 10,
    ) -> dict[str, Any]:
        """Which partners the hub is likely to hold its first `kind` with next, and why (`forecast.forecast_partners`)."""
        return state.cache.get(
            ("forecast", hub.upper(), kind, cutoff, top),
            lambda: forecast.forecast_partners(
                state.store, hub.upper(), kind, cutoff=cutoff, top=top
            ).to_dict(),
        )

    @router.get(
        "/api/mechanisms/{mechanism_id}/history",
        response_model=dict[str, Any],
        responses=error_responses(400, 404, *(code for code in responses if code in (401, 403))),
    )
    def mechanism_history(
        state: State, mechanism_id: Annotated[str, PathParam(max_length=64)]
    ) -> dict[str, Any]:
        """A mechanism's sessions numbered in date order, with cadence, venues and topics (`registry`)."""
        return history_data(state, mechanism_id)

    @router.get("/api/registry", response_model=list[dict[str, Any]], responses=responses)
    def mechanism_registry(
        state: State,
        kind: Annotated[list[EventKindParam], Query()] = [],  # noqa: B006
        party: PartyList = [],  # noqa: B006
        status: Annotated[list[MechanismStatusParam], Query()] = [],  # noqa: B006
    ) -> list[dict[str, Any]]:
        """Every format with its sessions counted, first and last, cadence and secretariat (`diplograph registry`)."""
        return registry_data(state, kind=kind, party=party, status=status)


def history_data(state: ApiState, mechanism_id: str) -> dict[str, Any]:
    """Return a mechanism's history as JSON (cached): what `/mechanisms/{id}` shows and its JSON twin answers.

    Raises:
        NotFound: nothing matches `mechanism_id`.
    """
    return state.cache.get(
        ("history", mechanism_id),
        lambda: registry.mechanism_history(state.store, mechanism_id).to_dict(),
    )


def registry_data(
    state: ApiState,
    *,
    kind: Sequence[str] = (),
    party: Sequence[str] = (),
    status: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Return the registry's records (one per format) as JSON, filtered as `diplograph registry`.

    Kinds and statuses match any given; parties must all take part. The whole registry
    is computed once (it reads every event) and cached; the filters only cut it.
    """
    records: list[dict[str, Any]] = state.cache.get(
        ("registry",), lambda: [r.to_dict() for r in registry.mechanism_registry(state.store)]
    )
    wanted = {p.upper() for p in party}
    return [
        r
        for r in records
        if (not kind or r["kind"] in kind)
        and (not status or r["status"] in status)
        and wanted <= set(r["parties"])
    ]


def hub_data(state: ApiState, hub: str, query: AnalysisQuery | None = None) -> dict[str, Any]:
    """Return the hub report as JSON (cached)."""
    query = query or AnalysisQuery()
    return state.cache.get(
        ("hub", hub, query.key()), lambda: hubs.hub_report(state.store, hub, query.filters()).to_dict()
    )


def overview_data(state: ApiState, hub: str, query: AnalysisQuery | None = None) -> dict[str, Any]:
    """Return the hub report cut to what the map and timeline need (cached; kB instead of MB)."""
    query = query or AnalysisQuery()

    def compute() -> dict[str, Any]:
        report = hub_data(state, hub, query)
        years: dict[str, dict[str, int]] = {}
        for entries, column in ((report["timeline"], "held"), (report["signals"], "signals")):
            for entry in entries:
                if entry["date"]:
                    counts = years.setdefault(entry["date"][:4], {"held": 0, "signals": 0})
                    counts[column] += 1
        keep = ("code", "name", "region", "rung", "rung_label", "first", "last", "events")
        return {
            "hub": report["hub"],
            "name": report["name"],
            "partners": [{key: p[key] for key in keep} for p in report["partners"]],
            "years": [{"year": int(year), **years[year]} for year in sorted(years)],
        }

    return state.cache.get(("overview", hub, query.key()), compute)


def network_data(state: ApiState, hub: str, query: AnalysisQuery | None = None) -> dict[str, Any]:
    """Return a hub's ego network with layout coordinates in [0, 1] and its summary (cached)."""
    query = query or AnalysisQuery()

    def compute() -> dict[str, Any]:
        import networkx as nx

        g = graph.partnership_graph(state.store, query.filters(), hub=hub)
        # The hub pinned at the centre; k above networkx's default (1/sqrt(n)) spreads the dense
        # cluster of partners so their labels stay readable (checked on the sample: 30 states).
        positions = (
            nx.spring_layout(
                g,
                seed=7,
                weight=None,
                k=2.2 / len(g) ** 0.5,
                pos={hub: (0.0, 0.0)},
                fixed=[hub],
                iterations=200,
            )
            if len(g) > 1
            else {n: (0.0, 0.0) for n in g}
        )
        xs = [p[0] for p in positions.values()] or [0.0]
        ys = [p[1] for p in positions.values()] or [0.0]
        span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        nodes = [
            {
                "id": node,
                "name": str(data.get("name", node)),
                "region": str(data.get("region", "")),
                "x": round((float(positions[node][0]) - min(xs)) / span_x, 4),
                "y": round((float(positions[node][1]) - min(ys)) / span_y, 4),
                "degree": g.degree(node, weight="weight"),
            }
            for node, data in g.nodes(data=True)
        ]
        edges = [
            {
                "source": u,
                "target": v,
                "weight": int(data.get("weight", 0)),
                "rung": int(data.get("rung", 0)),
                "rung_label": str(data.get("rung_label", "")),
                "kinds": [k for k in str(data.get("kinds", "")).split("|") if k],
            }
            for u, v, data in g.edges(data=True)
        ]
        return {
            "hub": hub,
            "nodes": nodes,
            "edges": edges,
            "summary": graph.network_summary(g, hub=hub).to_dict(),
        }

    return state.cache.get(("hub-network", hub, query.key()), compute)


__all__ = [
    "AnalysisQuery",
    "analysis_router",
    "history_data",
    "hub_data",
    "network_data",
    "overview_data",
    "registry_data",
]
