"""The web API's reads of the store: documents, events, mechanisms, actors and reviews as JSON.

Input: the `Store` of the serving app (through the `State` dependency) and the query
parameters of the CLI's filters. Output: `read_router`, the routes under `/api/` that
answer the store's queries, and `event_detail`, the event page's data (also used by the
review route and the dashboard).

Why a router built per app (`read_router(codes)`) rather than one at import: whether reads
need the token is the operator's choice, and the OpenAPI document lists 401 and 403 on a
read only when they do, so the routes' `responses=` depend on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi import Path as PathParam

from diplograph.models import Event
from diplograph.store import Store
from diplograph.web.payloads import (
    ActorOut,
    DateParam,
    DocumentOut,
    DocumentPage,
    DocumentSummary,
    EventDetail,
    EventKindParam,
    EventOut,
    EventPage,
    EventStatusParam,
    Limit,
    LogEntryOut,
    MechanismDetail,
    MechanismOut,
    MechanismStatusParam,
    Offset,
    PartyList,
    ReviewFilterParam,
    ReviewOut,
    ReviewStateParam,
    SortParam,
    SourceOut,
    StatsOut,
    error_responses,
    event_out,
    mechanism_out,
)
from diplograph.web.state import State, authorize_read


def read_router(codes: Sequence[int]) -> APIRouter:
    """Return the routes that read the store (each also answers `codes`: 401 and 403 when reads are closed)."""
    router = APIRouter(dependencies=[Depends(authorize_read)])

    @router.get("/api/stats", response_model=StatsOut, responses=error_responses(*codes))
    def stats(state: State) -> StatsOut:
        """How many documents, events, mechanisms, actors and reviews the store holds, and the default hub."""
        store = state.store
        return StatsOut(counts=store.counts(), reviews=len(store.reviews()), hub=state.default_hub())

    @router.get("/api/documents", response_model=DocumentPage, responses=error_responses(400, *codes))
    def documents(state: State, limit: Limit = 50, offset: Offset = 0) -> DocumentPage:
        """The stored documents (without text), ordered by id."""
        items = state.store.documents(limit=offset + limit)[offset:]
        total = state.store.counts()["documents"]
        return DocumentPage(
            total=total, limit=limit, offset=offset, items=[DocumentSummary.model_validate(d) for d in items]
        )

    @router.get(
        "/api/documents/{document_id:path}",
        response_model=DocumentOut,
        responses=error_responses(400, 404, *codes),
    )
    def document(state: State, document_id: str) -> DocumentOut:
        """One document with its text, and the ids of the events and mechanisms it fed."""
        return DocumentOut.model_validate(state.store.document(document_id))

    @router.get("/api/events", response_model=EventPage, responses=error_responses(400, *codes))
    def events(
        state: State,
        party: PartyList = [],  # noqa: B006 (FastAPI reads the default, never mutates it)
        kind: Annotated[list[EventKindParam], Query()] = [],  # noqa: B006
        status: Annotated[list[EventStatusParam], Query()] = [],  # noqa: B006
        since: DateParam = None,
        until: DateParam = None,
        document: Annotated[str | None, Query(max_length=300)] = None,
        mechanism: Annotated[str | None, Query(max_length=64)] = None,
        review: Annotated[
            ReviewFilterParam | None, Query(description="Default: hide rejected events.")
        ] = None,
        sort: SortParam = "date",
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> EventPage:
        """Stored events with the CLI's filters, one page at a time, with the total that match."""
        filters: dict[str, Any] = {
            "party": [p.upper() for p in party],
            "kind": kind,
            "status": status,
            "since": since,
            "until": until,
            "document": document,
            "review": review,
            "mechanism": mechanism,
        }
        found = state.store.events(**filters, sort=sort, limit=limit, offset=offset)
        total = state.store.count_events(**filters)
        return EventPage(total=total, limit=limit, offset=offset, items=_with_reviews(state.store, found))

    @router.get(
        "/api/events/{event_id}",
        response_model=EventDetail,
        responses=error_responses(400, 404, *codes),
    )
    def event(state: State, event_id: Annotated[str, PathParam(max_length=64)]) -> EventDetail:
        """One event with its review, its sources (with their documents), its mechanism and its other sessions."""
        return event_detail(state.store, event_id)

    @router.get(
        "/api/mechanisms",
        response_model=list[MechanismOut],
        responses=error_responses(400, *codes),
    )
    def mechanisms(
        state: State,
        party: PartyList = [],  # noqa: B006
        kind: Annotated[list[EventKindParam], Query()] = [],  # noqa: B006
        status: Annotated[list[MechanismStatusParam], Query()] = [],  # noqa: B006
    ) -> list[MechanismOut]:
        """Standing mechanisms, filtered as `diplograph mechanisms`."""
        found = state.store.mechanisms(party=[p.upper() for p in party], kind=kind, status=status)
        return [mechanism_out(m) for m in found]

    @router.get(
        "/api/mechanisms/{mechanism_id}",
        response_model=MechanismDetail,
        responses=error_responses(400, 404, *codes),
    )
    def mechanism(state: State, mechanism_id: Annotated[str, PathParam(max_length=64)]) -> MechanismDetail:
        """One mechanism with its sessions (the events linked to it), in date order."""
        found = state.store.mechanism(mechanism_id)
        sessions = state.store.events(mechanism=mechanism_id, review="all")
        return MechanismDetail(mechanism=mechanism_out(found), sessions=_with_reviews(state.store, sessions))

    @router.get("/api/actors", response_model=list[ActorOut], responses=error_responses(400, *codes))
    def actors(
        state: State,
        type: Annotated[
            Literal["state", "grouping", "organisation", "person", "place", "mechanism"] | None, Query()
        ] = None,
    ) -> list[ActorOut]:
        """The distinct actors named in the documents, with how often each is mentioned."""
        return [ActorOut.model_validate(a) for a in state.store.actors(type=type)]

    @router.get("/api/reviews", response_model=list[ReviewOut], responses=error_responses(400, *codes))
    def reviews(
        state: State, review_state: Annotated[ReviewStateParam | None, Query(alias="state")] = None
    ) -> list[ReviewOut]:
        """The current reviews, newest first."""
        return [ReviewOut.model_validate(r) for r in state.store.reviews(state=review_state)]

    @router.get(
        "/api/review-log",
        response_model=list[LogEntryOut],
        responses=error_responses(400, *codes),
    )
    def review_log(
        state: State,
        event: Annotated[str | None, Query(max_length=64)] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> list[LogEntryOut]:
        """The audit log of every review (who, when, before and after), newest first."""
        log = state.store.review_log(event=event, limit=limit, offset=offset)
        return [LogEntryOut.model_validate(r) for r in log]

    return router


def event_detail(store: Store, event_id: str) -> EventDetail:
    """Return an event with its review, sources, mechanism, other sessions and review log.

    Raises:
        NotFound: no event has that id.
    """
    found = store.event(event_id)
    review = next(iter(store.reviews(event=event_id)), None)
    titles: dict[str, dict[str, Any]] = {}
    sources = []
    for source in found.sources:
        if source.document not in titles:
            titles[source.document] = store.document(source.document)
        doc = titles[source.document]
        sources.append(
            SourceOut(
                document=source.document,
                title=doc["title"],
                url=doc["url"],
                published=doc["published"],
                quote=source.quote,
                start=source.start,
                end=source.end,
            )
        )
    mechanism = store.mechanism(found.mechanism) if found.mechanism else None
    sessions = store.events(mechanism=found.mechanism, review="all") if found.mechanism else []
    return EventDetail(
        event=event_out(found, review),
        sources=sources,
        mechanism=mechanism_out(mechanism) if mechanism else None,
        sessions=_with_reviews(store, [e for e in sessions if e.id != event_id]),
        log=[LogEntryOut.model_validate(r) for r in store.review_log(event=event_id)],
    )


def _with_reviews(store: Store, events: Sequence[Event]) -> list[EventOut]:
    "Return the events in API form, each with its review (one query for the page)."
    if not events:
        return []
    reviewed = {r["event_id"]: r for r in store.reviews(event=[e.id for e in events])}
    return [event_out(e, reviewed.get(e.id)) for e in events]


__all__ = ["event_detail", "read_router"]
