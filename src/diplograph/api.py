"""The JSON web API over a store: read, extract, ingest and review, with the dashboard mounted beside it.

Input: a `Store`, the operator's token (or None) and whether reads are open. Output: a
FastAPI application (`create_app`) whose routes answer JSON under `/api/`, and the HTML
dashboard (`dashboard.py`) at `/`. Every dashboard page has a JSON twin here.

Why this shape:

- the routes call the same library functions as the CLI (`Store` queries, `graph`, `hubs`,
  `forecast`, `pipeline`) and contain no SQL, so both interfaces give the same answers;
- errors are the library's `DiplographError`s turned into `{"error", "message"}` with the
  class's HTTP `status`; FastAPI's validation errors become 400 InvalidQuery too, so a
  client sees one error shape, and the OpenAPI document lists exactly the codes a route
  can answer (a schema-driven fuzzer checks it);
- writes (ingest, review) need the operator's bearer token; reads are open unless the
  operator closes them. Without a token, writes are refused (403), never open;
- request bodies are read up to `max_body_bytes` (413 beyond) before anything parses them.

What it does not do: users and roles (one shared token), rate limiting, or HTTPS; put it
behind a reverse proxy to expose it beyond 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplograph import forecast, graph, hubs, registry
from diplograph.api_models import (
    ISO_DATE,
    ActorOut,
    DocumentOut,
    DocumentPage,
    DocumentSummary,
    ErrorOut,
    EventDetail,
    EventKindParam,
    EventOut,
    EventPage,
    EventStatusParam,
    ExtractOut,
    FailureOut,
    IngestIn,
    IngestOut,
    LogEntryOut,
    MechanismDetail,
    MechanismOut,
    MechanismStatusParam,
    ReviewFilterParam,
    ReviewIn,
    ReviewOut,
    ReviewStateParam,
    SavedOut,
    SortParam,
    SourceOut,
    StatsOut,
    TextIn,
    TopicParam,
)
from diplograph.errors import DiplographError, InputError
from diplograph.ingest import read_text
from diplograph.models import Event, InputFailure, Mechanism
from diplograph.pipeline import process_corpus, process_document
from diplograph.settings import Settings
from diplograph.store import Store

logger = logging.getLogger(__name__)

T = TypeVar("T")

MAX_BODY_BYTES = 1_000_000  # 1 MB: a long article is ~100 kB; JSONL batches beyond this go through the CLI
MAX_PAGE = 500  # rows per page of a list endpoint
CACHE_SECONDS = 300.0  # analyses are cached this long, and dropped on any write through the API

Code = Annotated[str, PathParam(pattern=r"^[A-Za-z]{3}$", description="ISO3 code of a state, e.g. CHN")]
PartyList = Annotated[
    list[Annotated[str, Field(pattern=r"^[A-Za-z]{3}$")]],
    Query(description="ISO3 code of a party; repeat for several (all must take part)."),
]
DateParam = Annotated[
    str | None, Query(max_length=10, pattern=ISO_DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")
]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


# ── conversions ─────────────────────────────────────────────────────────────


def event_out(event: Event, review: dict[str, Any] | None = None) -> EventOut:
    """Return the API form of an event (the CLI contract, plus its review)."""
    data = event.to_dict()
    data["conflicts"] = [dict(c) for c in event.conflicts]
    data["review"] = review
    return EventOut.model_validate(data)


def mechanism_out(mechanism: Mechanism) -> MechanismOut:
    """Return the API form of a mechanism."""
    return MechanismOut.model_validate(mechanism.to_dict())


# ── errors and limits ───────────────────────────────────────────────────────


class ApiError(Exception):
    """An HTTP error of the API itself (authentication), answered like a DiplographError."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def _error(status: int, error: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": error, "message": message}, status_code=status, headers=headers)


def _described(*codes: int) -> dict[int | str, dict[str, Any]]:
    "Return the `responses=` of a route that can answer these error codes."
    descriptions = {
        400: "Invalid query or body (InvalidQuery)",
        401: "Missing bearer token (Unauthorized)",
        403: "Wrong token, or writes not enabled (Forbidden)",
        404: "No such record (NotFound)",
        413: "Body over the size limit (InputTooLarge)",
        415: "Unsupported input format",
    }
    return {code: {"model": ErrorOut, "description": descriptions[code]} for code in codes}


class BodyLimit:
    """ASGI middleware: answer 413 before the app reads a body over `limit` bytes.

    Why read the body here: the declared Content-Length can be absent (chunked) or wrong,
    so the bytes are counted as they arrive and replayed to the app when under the limit.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._too_large(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = _error(
            413,
            "InputTooLarge",
            f"the request body is over {self.limit:,} bytes; send fewer documents per request "
            "or use `diplograph ingest` for large batches",
        )
        await response(scope, receive, send)


class _Cache:
    """Results of slow analyses, kept `CACHE_SECONDS` and dropped on every write through the API.

    One computation per key at a time: a page asks for its hub's report and network at once,
    and a reload while they are computed waits for them instead of starting them again
    (on 50,000 events each takes seconds and holds the interpreter, slowing every page).
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._items: dict[tuple[Any, ...], tuple[float, Any]] = {}
        self._computing: dict[tuple[Any, ...], threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """Return the cached value of `key`, computing it (once, however many ask) when absent or old."""
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and time.monotonic() - hit[0] < self.seconds:
                return hit[1]  # type: ignore[no-any-return]
            flight = self._computing.setdefault(key, threading.Lock())
        with flight:
            with self._lock:
                hit = self._items.get(key)
                if hit is not None and time.monotonic() - hit[0] < self.seconds:
                    return hit[1]  # type: ignore[no-any-return]
            started = time.monotonic()
            value = compute()
            with self._lock:
                self._items[key] = (started, value)
                self._computing.pop(key, None)
        return value

    def clear(self) -> None:
        """Forget every result (after a write)."""
        with self._lock:
            self._items.clear()


# ── the application ─────────────────────────────────────────────────────────


class ApiState:
    """What the routes share: the store, the settings, the token and the cache."""

    def __init__(self, store: Store, settings: Settings, token: str | None, open_reads: bool) -> None:
        self.store, self.settings, self.token, self.open_reads = store, settings, token, open_reads
        self.cache = _Cache(CACHE_SECONDS)

    def check_token(self, request: Request) -> None:
        """Raise 401 without a bearer token, 403 with a wrong one or when no token is configured."""
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise ApiError(401, "Unauthorized", "send the operator's token: Authorization: Bearer <token>")
        if self.token is None:
            raise ApiError(
                403, "Forbidden", "writes are disabled: start the server with --token or DIPLOGRAPH_TOKEN"
            )
        if not secrets.compare_digest(given.strip().encode("utf-8", "replace"), self.token.encode("utf-8")):
            raise ApiError(403, "Forbidden", "the token is not the operator's; check DIPLOGRAPH_TOKEN")

    def default_hub(self) -> str | None:
        """Return the most mentioned state of the store (the dashboard's default hub).

        Mentions are counted by one indexed query, where counting partners would read every
        event; on the sample both give China. A store without actor mentions (events saved
        directly) falls back to the first party of its first event.
        """

        def compute() -> str | None:
            states = [a for a in self.store.actors(type="state") if a.get("code") and a["mentions"]]
            if states:
                return str(max(states, key=lambda a: (a["mentions"], a["code"]))["code"])
            first = self.store.events(limit=1, review="all")
            return first[0].parties[0] if first and first[0].parties else None

        return self.cache.get(("default_hub",), compute)


def create_app(
    store: Store,
    *,
    token: str | None = None,
    open_reads: bool = True,
    settings: Settings | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    dashboard: bool = True,
    warm: bool = False,
) -> FastAPI:
    """Return the web application: the JSON API under `/api/` and the dashboard at `/`.

    Args:
        store: the store to serve (the caller closes it).
        token: the bearer token that writes (and closed reads) need; None disables writes.
        open_reads: False makes every read need the token too.
        settings: extraction settings for `/api/extract` and `/api/ingest` (defaults when None).
        max_body_bytes: larger request bodies are refused with 413.
        dashboard: also serve the HTML dashboard and its static files.
        warm: compute the default hub's report and network in a background thread now,
            so the first visitor's charts come from the cache (`diplograph serve` does).
    """
    state = ApiState(store, settings or Settings(), token or None, open_reads)
    if warm:
        threading.Thread(target=_warm, args=(state,), name="diplograph-warm", daemon=True).start()
    app = FastAPI(
        title="diplograph",
        summary="A sourced knowledge base of diplomatic events and standing mechanisms.",
        version=_version(),
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.diplograph = state

    def reader(request: Request) -> None:
        if not state.open_reads:
            state.check_token(request)

    def writer(request: Request) -> None:
        state.check_token(request)

    read_codes = () if open_reads else (401, 403)
    reads = [Depends(reader)]
    writes = [Depends(writer)]

    @app.exception_handler(DiplographError)
    async def on_library_error(_request: Request, exc: DiplographError) -> JSONResponse:
        return _error(exc.status, type(exc).__name__, str(exc))

    @app.exception_handler(ApiError)
    async def on_api_error(_request: Request, exc: ApiError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _error(exc.status, exc.error, exc.message, headers)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        names = {400: "InvalidQuery", 404: "NotFound", 405: "MethodNotAllowed"}
        name = names.get(exc.status_code, "HTTPError")
        return _error(exc.status_code, name, str(exc.detail), dict(exc.headers or {}) or None)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
            for e in exc.errors()[:5]
        )
        return _error(400, "InvalidQuery", problems or "the request is not valid")

    _add_read_routes(app, state, reads, read_codes)
    _add_analysis_routes(app, state, reads, read_codes)
    _add_write_routes(app, state, writes)
    if dashboard:
        from diplograph import dashboard as html

        html.add_routes(app, state, reads)
        app.mount(
            "/static", StaticFiles(directory=str(resources.files("diplograph") / "static")), name="static"
        )
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    app.add_middleware(GZipMiddleware, minimum_size=2_000)  # the hub page's map is 140 kB, 45 kB zipped
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    return app


def _warm(state: ApiState) -> None:
    "Fill the cache with what the dashboard's home page asks for first."
    try:
        hub = state.default_hub()
        if hub is not None:
            overview_data(state, hub)
            network_data(state, hub)
    except DiplographError as exc:  # a store the analyses cannot read yet: the pages will say so
        logger.info("cache not warmed: %s", exc)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplograph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0"


def _openapi(app: FastAPI) -> dict[str, Any]:
    "Return the OpenAPI document without FastAPI's 422 (validation errors answer 400 here)."
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
    for path in schema.get("paths", {}).values():
        for operation in path.values():
            operation.get("responses", {}).pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    app.openapi_schema = schema
    return schema


def _add_read_routes(app: FastAPI, state: ApiState, reads: list[Any], codes: Sequence[int]) -> None:
    "Documents, events, mechanisms, actors, reviews: the store's queries as JSON."
    store = state.store

    @app.get("/api/stats", response_model=StatsOut, dependencies=reads, responses=_described(*codes))
    def stats() -> StatsOut:
        """How many documents, events, mechanisms, actors and reviews the store holds, and the default hub."""
        return StatsOut(counts=store.counts(), reviews=len(store.reviews()), hub=state.default_hub())

    @app.get(
        "/api/documents", response_model=DocumentPage, dependencies=reads, responses=_described(400, *codes)
    )
    def documents(limit: Limit = 50, offset: Offset = 0) -> DocumentPage:
        """The stored documents (without text), ordered by id."""
        items = store.documents(limit=offset + limit)[offset:]
        total = store.counts()["documents"]
        return DocumentPage(
            total=total, limit=limit, offset=offset, items=[DocumentSummary.model_validate(d) for d in items]
        )

    @app.get(
        "/api/documents/{document_id:path}",
        response_model=DocumentOut,
        dependencies=reads,
        responses=_described(400, 404, *codes),
    )
    def document(document_id: str) -> DocumentOut:
        """One document with its text, and the ids of the events and mechanisms it fed."""
        return DocumentOut.model_validate(store.document(document_id))

    @app.get("/api/events", response_model=EventPage, dependencies=reads, responses=_described(400, *codes))
    def events(
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
        found = store.events(**filters, sort=sort, limit=limit, offset=offset)
        total = store.count_events(**filters)
        return EventPage(total=total, limit=limit, offset=offset, items=_with_reviews(store, found))

    @app.get(
        "/api/events/{event_id}",
        response_model=EventDetail,
        dependencies=reads,
        responses=_described(400, 404, *codes),
    )
    def event(event_id: Annotated[str, PathParam(max_length=64)]) -> EventDetail:
        """One event with its review, its sources (with their documents), its mechanism and its other sessions."""
        return event_detail(store, event_id)

    @app.get(
        "/api/mechanisms",
        response_model=list[MechanismOut],
        dependencies=reads,
        responses=_described(400, *codes),
    )
    def mechanisms(
        party: PartyList = [],  # noqa: B006
        kind: Annotated[list[EventKindParam], Query()] = [],  # noqa: B006
        status: Annotated[list[MechanismStatusParam], Query()] = [],  # noqa: B006
    ) -> list[MechanismOut]:
        """Standing mechanisms, filtered as `diplograph mechanisms`."""
        found = store.mechanisms(party=[p.upper() for p in party], kind=kind, status=status)
        return [mechanism_out(m) for m in found]

    @app.get(
        "/api/mechanisms/{mechanism_id}",
        response_model=MechanismDetail,
        dependencies=reads,
        responses=_described(400, 404, *codes),
    )
    def mechanism(mechanism_id: Annotated[str, PathParam(max_length=64)]) -> MechanismDetail:
        """One mechanism with its sessions (the events linked to it), in date order."""
        found = store.mechanism(mechanism_id)
        sessions = store.events(mechanism=mechanism_id, review="all")
        return MechanismDetail(mechanism=mechanism_out(found), sessions=_with_reviews(store, sessions))

    @app.get(
        "/api/actors", response_model=list[ActorOut], dependencies=reads, responses=_described(400, *codes)
    )
    def actors(
        type: Annotated[
            Literal["state", "grouping", "organisation", "person", "place", "mechanism"] | None, Query()
        ] = None,
    ) -> list[ActorOut]:
        """The distinct actors named in the documents, with how often each is mentioned."""
        return [ActorOut.model_validate(a) for a in store.actors(type=type)]

    @app.get(
        "/api/reviews", response_model=list[ReviewOut], dependencies=reads, responses=_described(400, *codes)
    )
    def reviews(state_: Annotated[ReviewStateParam | None, Query(alias="state")] = None) -> list[ReviewOut]:
        """The current reviews, newest first."""
        return [ReviewOut.model_validate(r) for r in store.reviews(state=state_)]

    @app.get(
        "/api/review-log",
        response_model=list[LogEntryOut],
        dependencies=reads,
        responses=_described(400, *codes),
    )
    def review_log(
        event: Annotated[str | None, Query(max_length=64)] = None, limit: Limit = 100, offset: Offset = 0
    ) -> list[LogEntryOut]:
        """The audit log of every review (who, when, before and after), newest first."""
        return [
            LogEntryOut.model_validate(r) for r in store.review_log(event=event, limit=limit, offset=offset)
        ]


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


def _add_analysis_routes(app: FastAPI, state: ApiState, reads: list[Any], codes: Sequence[int]) -> None:
    "Dyads, hubs, networks, comparisons and forecasts: the analyses of `graph`, `hubs` and `forecast`."
    store, cache = state.store, state.cache
    responses = _described(400, *codes)

    @app.get("/api/dyads/{a}/{b}", response_model=dict[str, Any], dependencies=reads, responses=responses)
    def dyad(a: Code, b: Code, query: Analysis) -> dict[str, Any]:
        """Two states' shared formats, ladder and history (`hubs.dyad_report`)."""
        return cache.get(
            ("dyad", a.upper(), b.upper(), query.key()),
            lambda: hubs.dyad_report(store, a.upper(), b.upper(), query.filters()).to_dict(),
        )

    @app.get("/api/hubs/{hub}", response_model=dict[str, Any], dependencies=reads, responses=responses)
    def hub(hub: Code, query: Analysis) -> dict[str, Any]:
        """A hub's partners with their ladder rung, its timeline and signals (`hubs.hub_report`)."""
        return hub_data(state, hub.upper(), query)

    @app.get(
        "/api/hubs/{hub}/network", response_model=dict[str, Any], dependencies=reads, responses=responses
    )
    def network(hub: Code, query: Analysis) -> dict[str, Any]:
        """The hub's ego network: nodes with layout coordinates, edges with weights and rungs, and its summary."""
        return network_data(state, hub.upper(), query)

    @app.get(
        "/api/hubs/{hub}/overview", response_model=dict[str, Any], dependencies=reads, responses=responses
    )
    def overview(hub: Code, query: Analysis) -> dict[str, Any]:
        """What the dashboard's map and timeline draw: each partner's rung, and events per year (held, signals)."""
        return overview_data(state, hub.upper(), query)

    @app.get("/api/network", response_model=dict[str, Any], dependencies=reads, responses=responses)
    def whole_network(query: Analysis) -> dict[str, Any]:
        """The summary of the whole partnership network: centralities, communities, growth."""
        return cache.get(
            ("network", query.key()),
            lambda: graph.network_summary(graph.partnership_graph(store, query.filters())).to_dict(),
        )

    @app.get("/api/compare/{a}/{b}", response_model=dict[str, Any], dependencies=reads, responses=responses)
    def compare(a: Code, b: Code, query: Analysis) -> dict[str, Any]:
        """Two hubs side by side: partners, regions, topics, growth and shared partners (`hubs.compare_hubs`)."""
        return cache.get(
            ("compare", a.upper(), b.upper(), query.key()),
            lambda: hubs.compare_hubs(store, a.upper(), b.upper(), query.filters()).to_dict(),
        )

    _add_forecast_route(app, state, reads, responses)


def _add_forecast_route(
    app: FastAPI, state: ApiState, reads: list[Any], responses: dict[int | str, Any]
) -> None:
    "The forecast of a hub's next partners, and the registry's history of a mechanism."

    @app.get("/api/forecast/{hub}", response_model=dict[str, Any], dependencies=reads, responses=responses)
    def forecast_route(
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

    @app.get(
        "/api/mechanisms/{mechanism_id}/history",
        response_model=dict[str, Any],
        dependencies=reads,
        responses=_described(400, 404, *(code for code in responses if code in (401, 403))),
    )
    def mechanism_history(mechanism_id: Annotated[str, PathParam(max_length=64)]) -> dict[str, Any]:
        """A mechanism's sessions numbered in date order, with cadence, venues and topics (`registry`)."""
        return state.cache.get(
            ("history", mechanism_id),
            lambda: registry.mechanism_history(state.store, mechanism_id).to_dict(),
        )


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


def _add_write_routes(app: FastAPI, state: ApiState, writes: list[Any]) -> None:
    "Extract (no storing), ingest and review."
    store = state.store

    @app.post(
        "/api/extract",
        response_model=ExtractOut,
        responses=_described(400, 413),
    )
    def extract(body: TextIn) -> ExtractOut:
        """Extract events and mechanisms from posted text without storing anything (open like the reads)."""
        extraction = process_document(
            read_text(body.text, title=body.title, published=body.published), state.settings
        )
        return ExtractOut(
            document=extraction.article.info(),
            events=[event_out(e) for e in extraction.events],
            mechanisms=[mechanism_out(m) for m in extraction.mechanisms],
        )

    @app.post(
        "/api/ingest",
        response_model=IngestOut,
        dependencies=writes,
        responses=_described(400, 401, 403, 413),
    )
    def ingest(body: IngestIn) -> IngestOut:
        """Extract and store documents (JSON objects, or JSON Lines records); each is saved on its own."""
        out = IngestOut(documents=0, events=0, mechanisms=0, unchanged=0, saved=[], failures=[])
        for item in body.documents:
            try:
                raw = read_text(
                    item.text, id=item.id, title=item.title, url=item.url, published=item.published
                )
                extraction = process_document(raw, state.settings)
            except InputError as exc:
                out.failures.append(FailureOut(source=item.id or "<text>", reason=exc.reason))
                continue
            result = store.save_extraction(extraction)
            out.documents += 1
            out.events += len(extraction.events)
            out.mechanisms += len(extraction.mechanisms)
            out.unchanged += result.unchanged
            out.saved.append(
                SavedOut(document=result.document, status=result.status, events=list(result.events))
            )
        if (body.jsonl or "").strip():
            _ingest_jsonl(state, body.jsonl or "", out)
        state.cache.clear()
        return out

    @app.post(
        "/api/events/{event_id}/review",
        response_model=EventDetail,
        dependencies=writes,
        responses=_described(400, 401, 403, 404, 413),
    )
    def review(event_id: Annotated[str, PathParam(max_length=64)], body: ReviewIn) -> EventDetail:
        """Confirm, reject or edit an event; the review outlives re-extraction and is logged."""
        store.review_event(
            event_id,
            action=body.action,
            fields=body.fields.overrides(),
            reviewer=body.reviewer,
        )
        state.cache.clear()
        return event_detail(store, event_id)


def _ingest_jsonl(state: ApiState, jsonl: str, out: IngestOut) -> None:
    "Ingest JSON Lines records through the pipeline's own reader (the same rules as `diplograph ingest`)."
    # Records without an id are named after the file (`api-<hash>.jsonl#3`): the same body, the same ids.
    digest = hashlib.sha1(jsonl.encode("utf-8", "replace")).hexdigest()[:12]
    with tempfile.TemporaryDirectory(prefix="diplograph-api-") as folder:
        path = Path(folder) / f"api-{digest}.jsonl"
        path.write_text(jsonl, encoding="utf-8", errors="replace")
        saved: list[Any] = []

        def note(item: Any) -> None:
            if not isinstance(item, InputFailure):
                saved.append(item)

        report = process_corpus([str(path)], state.store, state.settings, on_item=note)
    out.documents += report.documents
    out.events += report.events
    out.mechanisms += report.mechanisms
    out.unchanged += report.unchanged
    prefix = str(path)
    out.failures += [
        FailureOut(source=f.source.replace(prefix, "jsonl"), reason=f.reason) for f in report.failures
    ]
    for extraction in saved:
        ids = [e.id for e in state.store.events(document=extraction.article.id, review="all")]
        out.saved.append(SavedOut(document=extraction.article.id, status="saved", events=ids))


__all__ = ["ApiState", "create_app", "event_detail", "event_out", "hub_data", "network_data"]
