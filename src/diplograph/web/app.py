"""The JSON web API over a store: read, extract, ingest and review, with the dashboard mounted beside it.

Input: a `Store`, the operator's token (or None) and whether reads are open. Output: a
FastAPI application (`create_app`) whose routes answer JSON under `/api/`, and the HTML
dashboard (`dashboard.py`) at `/`. Every dashboard page has a JSON twin here.

This module assembles the application: error handlers, the OpenAPI document and its
browsable page, and the middleware of `edge.py` (host allow-list, body-size limit,
forbidden characters, generic 500s, security headers). The routes are `APIRouter`s in
`reads.py` (the store's queries), `analyses.py` (graph, hubs, forecast),
`writes.py` (extract, ingest, review) and `alerts.py` (what `watch` raised, also as
Atom); what they share (store, token, cache) is `state.ApiState`, handed to them by
dependencies; their request and response models are in `payloads.py`.

Why this shape:

- the routes call the same library functions as the CLI (`Store` queries, `graph`, `hubs`,
  `forecast`, `pipeline`) and contain no SQL, so both interfaces give the same answers;
- errors are the library's `DiplographError`s turned into `{"error", "message"}` with the
  class's HTTP `status`; FastAPI's validation errors become 400 InvalidQuery too, so a
  client sees one error shape, and the OpenAPI document lists exactly the codes a route
  can answer (a schema-driven fuzzer checks it). A message never names the store's URL
  or path, and a server error (500) says only "see the log, ref …";
- writes (ingest, review) need the operator's bearer token (or a signed-in browser's
  session cookie, `state`); reads, extract included, are open unless the operator
  closes them, and closing them closes everything that holds data: the pages, the OpenAPI
  document and `/api/docs`; only `/static/` and `/api/docs/assets/` (CSS and
  scripts) and `/login` stay open. Without a token, writes are refused (403), never open;
- only the host names the operator allows are answered (loopback always), against DNS
  rebinding; request bodies are read up to `max_body_bytes` (413 beyond) before anything
  parses them.

What it does not do: users and roles (one shared token), rate limiting, or HTTPS; put it
behind a reverse proxy to expose it beyond 127.0.0.1.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import threading
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from swagger_ui_bundle import swagger_ui_path

from diplograph.errors import DiplographError
from diplograph.settings import Settings
from diplograph.store import Store
from diplograph.web.alerts import alerts_page_router, alerts_router
from diplograph.web.analyses import analysis_router, hub_data, network_data, overview_data
from diplograph.web.edge import (
    BodyLimit,
    ErrorShield,
    HostAllowList,
    RequestCharacters,
    SecurityHeaders,
    error_response,
    internal_error,
)
from diplograph.web.edge import allowed_hosts as host_allow_list
from diplograph.web.payloads import event_out
from diplograph.web.reads import event_detail, read_router
from diplograph.web.state import ApiError, ApiState, authorize_read, public_message
from diplograph.web.writes import extract_router
from diplograph.web.writes import router as write_router

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 1_000_000  # 1 MB: a long article is ~100 kB; JSONL batches beyond this go through the CLI
# /api/extract's text, in characters: one long article. Measured (issue 11): 100,000 characters of
# the costliest text tried cost about 2.6 s of the server's one interpreter; see writes.py.
MAX_EXTRACT_CHARS = 100_000
# Swagger UI's files (package `swagger-ui-bundle`), served by the docs page itself.
DOCS_ASSETS_URL = "/api/docs/assets"
DOCS_OPENAPI_URL = "/api/docs/openapi.json"  # the document as OpenAPI 3.0, which that Swagger UI reads
DOCS_ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui-bundle.js.map": "application/json",
    "swagger-ui.css": "text/css",
    "swagger-ui.css.map": "application/json",
}

# ── the application ─────────────────────────────────────────────────────────


def create_app(
    store: Store,
    *,
    token: str | None = None,
    open_reads: bool = True,
    settings: Settings | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    max_extract_chars: int = MAX_EXTRACT_CHARS,
    allowed_hosts: Sequence[str] = (),
    dashboard: bool = True,
    warm: bool = False,
) -> FastAPI:
    """Return the web application: the JSON API under `/api/` and the dashboard at `/`.

    Args:
        store: the store to serve (the caller closes it).
        token: the bearer token that writes (and closed reads) need; None disables writes.
        open_reads: False makes every read (extract, the OpenAPI document and the pages
            included) need the token too.
        settings: extraction settings for `/api/extract` and `/api/ingest` (defaults when None).
        max_body_bytes: larger request bodies are refused with 413.
        max_extract_chars: longer texts are refused by `/api/extract` with 413.
        allowed_hosts: host names answered besides localhost, 127.0.0.1 and [::1] (the
            `Host` header, port ignored); `"*"` answers any (a proxy in front checks it).
        dashboard: also serve the HTML dashboard, its sign-in page and its static files.
        warm: compute the default hub's report and network in a background thread now,
            so the first visitor's charts come from the cache (`diplograph serve` does).
    """
    state = ApiState(
        store, settings or Settings(), token or None, open_reads, max_extract_chars=max_extract_chars
    )
    if warm:
        threading.Thread(target=_warm, args=(state,), name="diplograph-warm", daemon=True).start()
    app = FastAPI(
        title="diplograph",
        summary="A sourced knowledge base of diplomatic events and standing mechanisms.",
        version=_version(),
        docs_url=None,  # served below, behind the read rule
        redoc_url=None,
        openapi_url=None,
    )
    app.state.diplograph = state  # what the routes' dependencies read (`state.State`)
    read_codes = () if open_reads else (401, 403)
    sign_in_page: Callable[[Request], Response] | None = None
    if dashboard:
        from diplograph.web import dashboard as html

        sign_in_page = html.sign_in_page
    _add_error_handlers(app, state, sign_in_page)
    _add_documentation(app)
    app.include_router(read_router(read_codes))
    app.include_router(analysis_router(read_codes))
    app.include_router(extract_router(read_codes))
    app.include_router(write_router)
    app.include_router(alerts_router(read_codes))
    if dashboard:
        html.add_routes(app, state, [Depends(authorize_read)])
        app.include_router(alerts_page_router([Depends(authorize_read)]))
        app.mount(
            "/static", StaticFiles(directory=str(resources.files("diplograph.web") / "static")), name="static"
        )
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    # Added innermost first: a request meets SecurityHeaders, HostAllowList, ErrorShield,
    # RequestCharacters, BodyLimit and GZip, in that order, before a route.
    app.add_middleware(GZipMiddleware, minimum_size=2_000)  # the hub page's map is 140 kB, 45 kB zipped
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(RequestCharacters)
    app.add_middleware(ErrorShield)
    app.add_middleware(HostAllowList, allowed=host_allow_list(allowed_hosts))
    app.add_middleware(SecurityHeaders)
    return app


def _add_error_handlers(
    app: FastAPI, state: ApiState, sign_in_page: Callable[[Request], Response] | None
) -> None:
    "Answer every error as `{error, message}` (a browser asked to sign in gets the sign-in page)."

    @app.exception_handler(DiplographError)
    async def on_library_error(request: Request, exc: DiplographError) -> Response:
        if exc.status >= 500:
            return internal_error(exc, f"{request.method} {request.url.path}")
        return error_response(exc.status, type(exc).__name__, public_message(exc, state.store.url))

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> Response:
        if (
            exc.status == 401
            and sign_in_page is not None
            and "text/html" in request.headers.get("accept", "")
        ):
            return sign_in_page(request)
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return error_response(exc.status, exc.error, exc.message, headers)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(_request: Request, exc: StarletteHTTPException) -> Response:
        names = {400: "InvalidQuery", 404: "NotFound", 405: "MethodNotAllowed"}
        name = names.get(exc.status_code, "HTTPError")
        return error_response(exc.status_code, name, str(exc.detail), dict(exc.headers or {}) or None)

    @app.exception_handler(RequestValidationError)
    async def on_invalid(_request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}"
            for e in exc.errors()[:5]
        )
        return error_response(400, "InvalidQuery", problems or "the request is not valid")


def _add_documentation(app: FastAPI) -> None:
    """Serve the OpenAPI document and its browsable page behind the read rule (closed reads close them).

    Swagger UI's script and stylesheet come from the `swagger-ui-bundle` package, served
    here under `/api/docs/assets/`, so the page works offline and its policy allows only
    this server. They are open like `/static/`: code, not data.
    """
    reads = [Depends(authorize_read)]

    @app.get("/api/openapi.json", include_in_schema=False, dependencies=reads)
    def openapi_document() -> JSONResponse:
        return JSONResponse(app.openapi())

    @app.get(DOCS_OPENAPI_URL, include_in_schema=False, dependencies=reads)
    def openapi_document_for_the_docs_page() -> JSONResponse:
        return JSONResponse(as_openapi_30(app.openapi()))

    @app.get("/api/docs", include_in_schema=False, dependencies=reads)
    def documentation() -> HTMLResponse:
        page, policy = _docs_page(app.title)
        return HTMLResponse(page, headers={"content-security-policy": policy})

    @app.get("/api/docs/assets/{name}", include_in_schema=False)
    def documentation_asset(name: str) -> Response:
        if name not in DOCS_ASSETS:  # only the files the page uses, never the bundle's demo pages
            raise StarletteHTTPException(404, "no such file of the API documentation")
        return FileResponse(Path(swagger_ui_path) / name, media_type=DOCS_ASSETS[name])


def _docs_page(title: str) -> tuple[str, str]:
    """Return FastAPI's Swagger UI page and the policy that lets only it run.

    The page loads Swagger UI from this server (`/api/docs/assets/`) and starts it with
    one inline script, allowed by its hash; nothing else runs, and nothing is fetched
    from elsewhere (`validatorUrl: null`: no badge from validator.swagger.io). The bundled
    Swagger UI (4.15) reads OpenAPI 3.0 only, so the page reads `as_openapi_30` of the document.
    """
    page = bytes(
        get_swagger_ui_html(
            openapi_url=DOCS_OPENAPI_URL,
            title=f"{title} API",
            swagger_js_url=f"{DOCS_ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{DOCS_ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url="data:,",
            swagger_ui_parameters={"validatorUrl": None},
        ).body
    ).decode("utf-8")
    inline = re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL)
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode('utf-8')).digest()).decode('ascii')}'"
        for s in inline
    )
    policy = (
        f"default-src 'none'; script-src 'self' {hashes}; style-src 'self'; "
        "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
    return page, policy


def as_openapi_30(document: dict[str, Any]) -> dict[str, Any]:
    """Return the OpenAPI 3.1 document as 3.0, for the bundled Swagger UI, which renders nothing else.

    FastAPI writes 3.1; the only 3.1 construct it uses here is a null alternative
    (`anyOf: [X, {"type": "null"}]`), which 3.0 writes `nullable: true`. The API's own
    document (`/api/openapi.json`) stays 3.1.
    """
    converted: dict[str, Any] = _nullable(document)
    return {**converted, "openapi": "3.0.3"}


def _nullable(node: Any) -> Any:
    "Rewrite `anyOf` alternatives of `{type: null}` as 3.0's `nullable`, everywhere below `node`."
    if isinstance(node, list):
        return [_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _nullable(value) for key, value in node.items()}
    options = out.get("anyOf")
    if isinstance(options, list) and {"type": "null"} in options:
        rest = [o for o in options if o != {"type": "null"}]
        del out["anyOf"]
        out["nullable"] = True
        if len(rest) == 1 and "$ref" not in rest[0]:
            out = {**rest[0], **out}
        elif len(rest) == 1:
            out["allOf"] = rest  # 3.0 allows no sibling of a $ref
        elif rest:
            out["anyOf"] = rest
    return out


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
# callers of earlier versions import them from `diplograph.web.app`.
__all__ = ["ApiState", "create_app", "event_detail", "event_out", "hub_data", "network_data"]
