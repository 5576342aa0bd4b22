"""The analyst dashboard: HTML pages over the same queries as the JSON API.

Input: the `ApiState` of `api.create_app` (store, token, cache). Output: server-rendered
pages (jinja2, autoescaped) at `/` (a hub: map of partners shaded by ladder rung,
network, timeline, filterable event table; its kind, status and period filters, carried in
the URL, apply to every panel), `/events/{id}` (attributes, every source with its evidence
sentence highlighted in the article, other sessions, review form and log), `/mechanisms`
(the registry, filterable) and `/mechanisms/{id}` (a mechanism's history, as `diplograph
history` prints it), and `/reviews` (the audit log). Each page names its JSON twin under `/api/`.

Why server-rendered tables and a map drawn from the shipped outlines: the first paint
needs only one indexed page of events and a cached SVG of the world, so it stays fast
with tens of thousands of events; the slower analyses (partners' rungs, the network, the
timeline) are fetched by a small bundled script once the page is on screen. Nothing is
loaded from the network. Data reaches the page only through autoescaped templates or the
DOM's `textContent`, never as markup; a stored URL becomes a link only when it is an
http(s) address (`web_link`), and the pages hold no inline script, so the server's
Content-Security-Policy can forbid any.

The operator's token never reaches a page script: `/login` takes it once (a password
field posted to the server) and answers with an HttpOnly, SameSite=Strict session cookie
(`state`), which the browser then sends with every page, chart request and review;
`/logout` forgets it. With `--closed-reads`, a page asked for without it is answered 401
with the sign-in form.
"""

from __future__ import annotations

import csv
import functools
import json
import re
from collections.abc import Sequence
from importlib import resources
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode, urlsplit

from fastapi import FastAPI, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from diplograph.analysis.ladder import Rung
from diplograph.errors import DiplographError
from diplograph.store import EVENT_SORTS, REVIEW_FILTERS
from diplograph.vocab import EVENT_KINDS, EVENT_STATUSES, MECHANISM_STATUSES, TOPICS
from diplograph.web.analyses import history_data, registry_data
from diplograph.web.payloads import ISO_DATE
from diplograph.web.reads import event_detail
from diplograph.web.state import SESSION_COOKIE, ApiState, public_message

PAGE_SIZE = 25
_MAP_WIDTH, _MAP_TOP, _MAP_BOTTOM = 1000.0, 84.0, -58.0  # equirectangular, Antarctica cut
# Browsers drop tabs and line breaks inside a URL ("java\tscript:" runs as javascript:): a URL with
# any control character or space is never a link.
_NOT_IN_A_LINK = re.compile(r"[\x00-\x20\x7f]")
_ISO_DATE = re.compile(ISO_DATE)


@functools.cache
def _templates() -> Jinja2Templates:
    "Return the page templates (autoescape on for .html, as Jinja2Templates sets it)."
    templates = Jinja2Templates(directory=str(resources.files("diplograph.web") / "templates"))
    templates.env.globals.update(
        kinds=EVENT_KINDS,
        statuses=EVENT_STATUSES,
        topics=TOPICS,
        reviews=REVIEW_FILTERS,
        sorts=EVENT_SORTS,
        rungs=[(int(r), r.label) for r in Rung],
    )
    templates.env.filters["highlight"] = highlight
    templates.env.filters["web_link"] = web_link
    templates.env.filters["kind_class"] = kind_class
    templates.env.filters["shown"] = shown
    return templates


def shown(value: Any) -> str:
    """Return a stored value as an analyst reads it: text as itself, None as "—", the rest as JSON.

    Why not `tojson`: it is for values that feed a script, so it escapes quotes and non-ASCII
    letters (`"Xi\\u0027an"`), which the review log showed as such (issue 13). Autoescaping
    still applies to what this returns.
    """
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def kind_class(kind: str) -> str:
    """Return the CSS class suffix of an event kind ("2+2 dialogue" → "2-2-dialogue").

    The colour of each kind is defined once, in app.css (`--kind-…`), and every panel
    that shows kinds uses these classes.
    """
    return re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-")


def web_link(url: str | None) -> str | None:
    """Return `url` when it is an http(s) address a link may point to, else None (show it as text).

    Why so strict: a stored document's URL is whatever the article or API client gave, and
    `javascript:`, `data:` or a scheme hidden behind a tab would run script in the dashboard.
    """
    if not url or _NOT_IN_A_LINK.search(url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def highlight(text: str, start: int, end: int, context: int = 600) -> Markup:
    """Return an escaped excerpt of `text` around `start:end` with that span in a <mark>.

    Offsets come from the store (evidence `start`/`end` into `document.text`); the excerpt
    keeps `context` characters on each side, cut at whitespace.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo, hi = max(0, start - context), min(len(text), end + context)
    if lo > 0:
        lo = text.find(" ", lo, start) + 1 or lo
    if hi < len(text):
        cut = text.rfind(" ", end, hi)
        hi = cut if cut > 0 else hi
    before, quote, after = text[lo:start], text[start:end], text[end:hi]
    return (
        Markup("…" if lo > 0 else "")
        + Markup("{}<mark>{}</mark>{}").format(before, quote, after)
        + Markup("…" if hi < len(text) else "")
    )


@functools.cache
def world_paths() -> tuple[tuple[str, str, str], ...]:
    """Return (ISO3 code, name, SVG path) of every country outline in `data/world.geojson`.

    Equirectangular projection into a 1000-unit-wide box: no library, and a state's
    shape is recognisable at dashboard size.
    """
    raw = (resources.files("diplograph") / "data" / "world.geojson").read_text(encoding="utf-8")
    out = []
    for feature in json.loads(raw)["features"]:
        geometry = feature["geometry"]
        polygons = (
            geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        )
        parts = []
        for polygon in polygons:
            for ring in polygon:
                points = " ".join(f"{_x(lon):.1f},{_y(lat):.1f}" for lon, lat in ring)
                parts.append(f"M{points}Z")
        code = str(feature.get("id") or feature["properties"].get("code"))
        out.append((code, str(feature["properties"].get("name", code)), "".join(parts)))
    return tuple(out)


@functools.cache
def capitals() -> dict[str, tuple[float, float]]:
    """Return the map position (x, y) of each state's capital, for the hub's marker."""
    path = resources.files("diplograph") / "data" / "capitals.csv"
    with path.open(encoding="utf-8") as handle:
        return {
            row["code"]: (round(_x(float(row["lon"])), 1), round(_y(float(row["lat"])), 1))
            for row in csv.DictReader(handle)
        }


def _x(lon: float) -> float:
    return (lon + 180.0) / 360.0 * _MAP_WIDTH


def _y(lat: float) -> float:
    return (_MAP_TOP - max(_MAP_BOTTOM, min(_MAP_TOP, lat))) / 360.0 * _MAP_WIDTH


def map_height() -> float:
    """The height of the map's viewBox."""
    return round((_MAP_TOP - _MAP_BOTTOM) / 360.0 * _MAP_WIDTH, 1)


def add_routes(app: FastAPI, state: ApiState, reads: list[Any]) -> None:
    """Add the dashboard's pages to `app` (reads closed → pages need the token too)."""
    store = state.store

    _add_sign_in_routes(app, state)

    @app.get("/favicon.ico", include_in_schema=False)
    def no_icon() -> Response:
        """Answer a browser's request for an icon with "none" (204), rather than a 404 in its console."""
        return Response(status_code=204)

    @app.get("/", include_in_schema=False, dependencies=reads)
    def home(request: Request, hub: Annotated[str, Query(pattern=r"^[A-Za-z]{3}$")] = "") -> Response:
        if hub:  # the hub picker's form, which works without script, keeping the page's filters
            rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "hub" and v])
            return RedirectResponse(f"/hub/{hub.upper()}" + (f"?{rest}" if rest else ""), status_code=303)
        default = state.default_hub()
        if default is None:
            return _page(request, "empty.html", {"title": "diplograph"})
        query = request.url.query
        return RedirectResponse(f"/hub/{default}?{query}" if query else f"/hub/{default}")

    @app.get("/hub/{hub}", include_in_schema=False, dependencies=reads)
    def hub_page(
        request: Request,
        hub: str,
        party: Annotated[str, Query(max_length=64)] = "",
        kind: Annotated[str, Query(max_length=64)] = "",
        status: Annotated[str, Query(max_length=32)] = "",
        since: Annotated[str, Query(max_length=10)] = "",
        until: Annotated[str, Query(max_length=10)] = "",
        review: Annotated[str, Query(max_length=16)] = "",
        sort: Annotated[str, Query(max_length=16)] = "date",
        page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    ) -> Response:
        hub = hub.upper()
        form = {
            "party": party.upper().strip(),
            "kind": kind,
            "status": status,
            "since": since.strip(),
            "until": until.strip(),
            "review": review,
            "sort": sort,
        }
        filters: dict[str, Any] = {
            "party": [hub, *([form["party"]] if form["party"] and form["party"] != hub else [])],
            "kind": kind or None,
            "status": status or None,
            "since": form["since"] or None,
            "until": form["until"] or None,
            "review": review or None,
        }
        error = None
        try:
            total = store.count_events(**filters)
            pages = max(1, -(-total // PAGE_SIZE))
            page = min(page, pages)
            rows = store.events(
                **filters, sort=sort or "date", limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
            )
        except DiplographError as exc:
            if exc.status >= 500:
                raise
            error, total, pages, rows = public_message(exc, store.url), 0, 1, []
        reviewed = {r["event_id"]: r["state"] for r in store.reviews(event=[e.id for e in rows])}
        query = {k: v for k, v in form.items() if v and not (k == "sort" and v == "date")}
        api_query = urlencode({k: v for k, v in filters.items() if v}, doseq=True)
        charts = chart_query(form)
        context = {
            "title": f"{hub} · diplograph",
            "hub": hub,
            "form": form,
            "events": rows,
            "reviewed": reviewed,
            "total": total,
            "page": page,
            "pages": pages,
            "error": error,
            "page_url": lambda n: f"/hub/{hub}?" + urlencode({**query, "page": n}),
            "api_url": f"/api/events?{api_query}",
            "charts": charts,
            "chart_suffix": f"?{charts}" if charts else "",
            "world": world_paths(),
            "map_height": map_height(),
            "capital": capitals().get(hub),
            "states": _states(state),
        }
        return _page(request, "home.html", context, status=400 if error else 200)

    @app.get("/events/{event_id}", include_in_schema=False, dependencies=reads)
    def event_page(request: Request, event_id: str) -> Response:
        try:
            detail = event_detail(store, event_id)
        except DiplographError as exc:
            if exc.status >= 500:
                raise
            message = public_message(exc, store.url)
            return _page(request, "error.html", {"title": "Not found", "message": message}, status=exc.status)
        texts = {s.document: store.document(s.document)["text"] for s in detail.sources}
        context = {
            "title": f"{detail.event.kind} · {' – '.join(detail.event.parties)}",
            "detail": detail,
            "event": detail.event,
            "texts": texts,
            "hub": detail.event.parties[0] if detail.event.parties else None,
        }
        return _page(request, "event.html", context)

    _add_mechanism_routes(app, state, reads)

    @app.get("/reviews", include_in_schema=False, dependencies=reads)
    def reviews_page(request: Request, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> Response:
        log = store.review_log(limit=100, offset=(page - 1) * 100)
        return _page(request, "reviews.html", {"title": "Review log · diplograph", "log": log, "page": page})


def chart_query(form: dict[str, str]) -> str:
    """Return the query string that gives the hub's map, network and timeline the table's filters.

    Only kind, status and period apply to the analyses (`graph.Filters`); a value the
    analyses would refuse is left out (the table shows the error), so the charts still draw.
    """
    pairs = [
        ("kind", form["kind"] if form["kind"] in EVENT_KINDS else ""),
        ("status", form["status"] if form["status"] in EVENT_STATUSES else ""),
        ("since", form["since"] if _ISO_DATE.match(form["since"]) else ""),
        ("until", form["until"] if _ISO_DATE.match(form["until"]) else ""),
    ]
    return urlencode([(k, v) for k, v in pairs if v])


def _add_mechanism_routes(app: FastAPI, state: ApiState, reads: list[Any]) -> None:
    """The mechanisms list (the registry, filterable) and one mechanism's history, twins of the CLI's commands."""

    @app.get("/mechanisms", include_in_schema=False, dependencies=reads)
    def mechanisms_page(
        request: Request,
        kind: Annotated[str, Query(max_length=64)] = "",
        party: Annotated[str, Query(max_length=64)] = "",
        status: Annotated[str, Query(max_length=32)] = "",
    ) -> Response:
        parties = [p for p in re.split(r"[\s,;-]+", party.upper()) if p]
        form = {"kind": kind, "party": " ".join(parties), "status": status}
        records = registry_data(
            state,
            kind=[kind] if kind else [],
            party=parties,
            status=[status] if status else [],
        )
        pairs = [("kind", kind), *(("party", p) for p in parties), ("status", status)]
        query = urlencode([(k, v) for k, v in pairs if v])
        context = {
            "title": "Mechanisms · diplograph",
            "records": records,
            "form": form,
            "mechanism_statuses": MECHANISM_STATUSES,
            "api_url": "/api/registry" + (f"?{query}" if query else ""),
            "hub": parties[0] if len(parties) == 1 else None,
        }
        return _page(request, "mechanisms.html", context)

    @app.get("/mechanisms/{mechanism_id}", include_in_schema=False, dependencies=reads)
    def mechanism_page(request: Request, mechanism_id: Annotated[str, Path(max_length=200)]) -> Response:
        try:
            history = history_data(state, mechanism_id)
        except DiplographError as exc:
            if exc.status >= 500:
                raise
            message = public_message(exc, state.store.url)
            return _page(request, "error.html", {"title": "Not found", "message": message}, status=exc.status)
        context = {
            "title": f"{history['name'] or history['kind']} · diplograph",
            "history": history,
            "mechanism_id": mechanism_id,
            "hub": history["parties"][0] if history["parties"] else None,
        }
        return _page(request, "mechanism.html", context)


def _add_sign_in_routes(app: FastAPI, state: ApiState) -> None:
    "The sign-in form, which trades the token for the session cookie, and signing out."

    @app.get("/login", include_in_schema=False)
    def sign_in_form(
        request: Request, next_page: Annotated[str, Query(alias="next", max_length=2000)] = "/"
    ) -> Response:
        return _page(request, "login.html", {"title": "Sign in · diplograph", "next": _local(next_page)})

    @app.post("/login", include_in_schema=False)
    async def sign_in(request: Request) -> Response:
        form = parse_qs((await request.body()).decode("utf-8", "replace"))
        given, next_page = form.get("token", [""])[0], _local(form.get("next", ["/"])[0])
        value = state.session_value()
        if value is None or not state.token_matches(given):
            context = {"title": "Sign in · diplograph", "next": next_page, "error": "That is not the token."}
            return _page(request, "login.html", context, status=403)
        response = RedirectResponse(next_page, status_code=303)
        response.set_cookie(
            SESSION_COOKIE,
            value,
            path="/",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response

    @app.post("/logout", include_in_schema=False)
    def sign_out() -> Response:
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict")
        return response


def sign_in_page(request: Request) -> Response:
    """Return the sign-in form (401) for a browser that asked for a closed page without the token."""
    query = f"?{request.url.query}" if request.url.query else ""
    context = {"title": "Sign in · diplograph", "next": _local(request.url.path + query)}
    return _page(request, "login.html", context, status=401)


def _local(path: str) -> str:
    "Return `path` when it is a page of this server, else `/` (never send a browser elsewhere after sign-in)."
    if not path.startswith("/") or path.startswith(("//", "/\\")) or _NOT_IN_A_LINK.search(path):
        return "/"
    return path


def _states(state: ApiState) -> list[tuple[str, str]]:
    "Return (code, name) of the states in the store, for the hub picker."

    def compute() -> list[tuple[str, str]]:
        return sorted(
            (a["code"], a["name"])
            for a in state.store.actors(type="state")
            if a.get("code") and a["mentions"]
        )

    return state.cache.get(("states",), compute)


def _page(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    "Render a template with the shared context (whether the browser is signed in, and can be)."
    state: ApiState = request.app.state.diplograph
    shared = {"signed_in": state.signed_in(request), "can_sign_in": state.token is not None}
    response: HTMLResponse = _templates().TemplateResponse(
        request, name, {**shared, **context}, status_code=status
    )
    return response


__all__: Sequence[str] = [
    "add_routes",
    "chart_query",
    "highlight",
    "kind_class",
    "shown",
    "sign_in_page",
    "web_link",
    "world_paths",
]
