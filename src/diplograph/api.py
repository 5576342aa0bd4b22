"""The JSON web API over a store: read, extract, ingest and review, with the dashboard mounted beside it.

Input: a `Store`, the operator's token (or None) and whether reads are open. Output: a
FastAPI application (`create_app`) whose routes answer JSON under `/api/`, and the HTML
dashboard (`dashboard.py`) at `/`. Every dashboard page has a JSON twin here.

This module assembles the application: error handlers, the body-size limit, gzip and the
OpenAPI document. The routes are `APIRouter`s in `api_reads.py` (the store's queries),
`api_analyses.py` (graph, hubs, forecast) and `api_writes.py` (extract, ingest, review);
what they share (store, token, cache) is `api_state.ApiState`, handed to them by
dependencies; their request and response models are in `api_models.py`.

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

import logging
import threading
from importlib import resources
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from diplograph.api_analyses import analysis_router, hub_data, network_data, overview_data
from diplograph.api_models import event_out
from diplograph.api_reads import event_detail, read_router
from diplograph.api_state import ApiError, ApiState, authorize_read
from diplograph.api_writes import router as write_router
from diplograph.errors import DiplographError
from diplograph.settings import Settings
from diplograph.store import Store

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000  # 1 MB: a long article is ~100 kB; JSONL batches beyond this go through the CLI


# ── errors and limits ───────────────────────────────────────────────────────


def _error(status: int, error: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": error, "message": message}, status_code=status, headers=headers)


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


# ── the application ─────────────────────────────────────────────────────────


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
    app.state.diplograph = state  # what the routes' dependencies read (`api_state.State`)
    read_codes = () if open_reads else (401, 403)

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

    app.include_router(read_router(read_codes))
    app.include_router(analysis_router(read_codes))
    app.include_router(write_router)
    if dashboard:
        from diplograph import dashboard as html

        html.add_routes(app, state, [Depends(authorize_read)])
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


# ApiState, event_detail, event_out, hub_data and network_data are re-exported: the dashboard and
# callers of earlier versions import them from `diplograph.api`.
__all__ = ["ApiState", "create_app", "event_detail", "event_out", "hub_data", "network_data"]
