"""The web API's alerts: what `diplograph watch` raised, as JSON, as an Atom feed, and as a dashboard page.

Input: the store of the serving app (its watch ledger, `store.watchlog`). Output:
`alerts_router`, with `GET /api/alerts` (JSON, newest first) and `GET /api/alerts.atom`
(RFC 4287, for feed readers), and `alerts_page_router`, the dashboard's `/alerts` page,
the JSON route's twin.

Why reads: alerts are derived from stored articles, like events, so they follow the same
rule (open unless the operator closes reads; a feed reader then needs the token). The
webhooks an alert goes to are not shown, only how many deliveries are done and pending:
a webhook URL often carries a secret.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel

from diplograph.errors import InvalidQuery
from diplograph.store.watchlog import WatchLog
from diplograph.watch import alert_record, alerts_atom
from diplograph.watch.alerts import FIRST_MEETING, NEW_MECHANISM, NEW_PARTNER, SIGNAL
from diplograph.watch.timing import parse_since
from diplograph.web.dashboard import web_link
from diplograph.web.payloads import error_responses
from diplograph.web.state import ApiState, State, authorize_read

ATOM_TYPE = "application/atom+xml"
MAX_ALERTS = 500
RuleParam = Annotated[
    Literal["first meeting", "new mechanism", "new partner", "signal"] | None,
    Query(description="Only alerts of this rule."),
]
SinceParam = Annotated[
    str | None,
    Query(max_length=40, description="Only alerts raised at or after: YYYY[-MM[-DD]] or an ISO time (UTC)."),
]
AlertLimit = Annotated[int, Query(ge=1, le=MAX_ALERTS)]


class AlertOut(BaseModel):
    """One alert: the rule, what it is about, the article's quote and URL, and its delivery state."""

    id: str
    rule: str
    headline: str
    subject: str
    kind: str
    status: str | None
    parties: list[str]
    date: str | None
    quote: str | None
    url: str | None
    document: str | None
    title: str | None
    confidence: float | None
    hub: str | None
    partner: str | None
    rung: str | None
    created: str
    delivered: int
    pending: int


class AlertPage(BaseModel):
    items: list[AlertOut]


def alerts_router(codes: Sequence[int]) -> APIRouter:
    """Return the alert routes (each also answers `codes`: 401 and 403 when reads are closed)."""
    router = APIRouter(dependencies=[Depends(authorize_read)])

    @router.get("/api/alerts", response_model=AlertPage, responses=error_responses(400, *codes))
    def alerts(
        state: State, since: SinceParam = None, rule: RuleParam = None, limit: AlertLimit = 50
    ) -> AlertPage:
        """The alerts `diplograph watch` raised, newest first, with how many deliveries are done and pending."""
        return AlertPage(items=[_alert_out(a) for a in _alerts(state, since, rule, limit)])

    @router.get(
        "/api/alerts.atom",
        response_class=Response,
        responses={
            200: {"content": {ATOM_TYPE: {}}, "description": "An Atom feed"},
            **error_responses(400, *codes),
        },
    )
    def alerts_feed(
        request: Request, state: State, rule: RuleParam = None, limit: AlertLimit = 100
    ) -> Response:
        """The same alerts as an Atom feed, to follow in a feed reader."""
        found = _alerts(state, None, rule, limit)
        self_url = str(request.url)
        return Response(alerts_atom(found, self_url=self_url), media_type=ATOM_TYPE)

    return router


def alerts_page_router(reads: Sequence[Any]) -> APIRouter:
    """Return the dashboard's `/alerts` page (same read rule as the other pages)."""
    router = APIRouter(dependencies=list(reads))

    @router.get("/alerts", include_in_schema=False)
    def alerts_page(request: Request, rule: RuleParam = None) -> Response:
        state: ApiState = request.app.state.diplograph
        found = [alert_record(a) for a in _alerts(state, None, rule, 200)]
        context = {
            "title": "Alerts · diplograph",
            "alerts": found,
            "rule": rule,
            "rules": (FIRST_MEETING, NEW_MECHANISM, NEW_PARTNER, SIGNAL),
            "signed_in": state.signed_in(request),
            "can_sign_in": state.token is not None,
        }
        response: HTMLResponse = _templates().TemplateResponse(request, "alerts.html", context)
        return response

    return router


def _alerts(state: ApiState, since: str | None, rule: str | None, limit: int) -> list[dict[str, Any]]:
    "Return the stored alerts, newest first, or raise InvalidQuery for a `since` that is no date or time."
    try:
        bound = parse_since(since) if since else None
    except (ValueError, OverflowError):
        raise InvalidQuery(f"since {since!r}: give YYYY, YYYY-MM, YYYY-MM-DD or an ISO time") from None
    return WatchLog(state.store).alerts(since=bound, rule=rule, limit=limit)


def _alert_out(alert: dict[str, Any]) -> AlertOut:
    "Return the API form of an alert: its record, with delivery counts instead of webhook URLs."
    record = alert_record({k: v for k, v in alert.items() if k != "deliveries"})
    deliveries = alert.get("deliveries", [])
    delivered = sum(d["state"] == "delivered" for d in deliveries)
    return AlertOut(**record, delivered=delivered, pending=len(deliveries) - delivered)


@functools.cache
def _templates() -> Jinja2Templates:
    "Return the page templates (autoescaped), with the dashboard's `web_link` filter."
    templates = Jinja2Templates(directory=str(resources.files("diplograph.web") / "templates"))
    templates.env.filters["web_link"] = web_link
    return templates
