"""What every request to the web server passes before a route, and what every answer carries.

Input: the raw ASGI request (its `Host` header, path, query string and body). Output: ASGI
middleware that refuses what no route should see, and adds the security headers to
every answer:

- `HostAllowList`: a `Host` the operator did not allow is refused with 400 (DNS
  rebinding: a page of `evil.example`, re-pointed at 127.0.0.1, must not read the API);
- `RequestCharacters`: a path or query with a NUL, another control character or a lone
  surrogate is refused with 400 (PostgreSQL cannot store a NUL, and such ids are never
  valid); JSON bodies are checked field by field in `payloads` (`Line`, `Text`);
- `BodyLimit`: a body over the limit is refused with 413 before anything parses it;
- `ErrorShield`: an unexpected exception answers a generic 500 naming a reference, and
  the details (statement, parameters, paths) go to the server's log under that
  reference, never to the client;
- `SecurityHeaders`: a Content-Security-Policy (scripts, styles and requests only from
  this server, no inline script, no framing), `nosniff`, `X-Frame-Options`, a
  `Referrer-Policy` and a same-origin resource policy on every answer.

Why plain ASGI middleware rather than FastAPI dependencies: these rules hold for every
path, the static files and unknown routes included, and must run before routing or body
parsing. What it does not do: rate limiting, TLS (put a reverse proxy in front).
"""

from __future__ import annotations

import json
import logging
import re
import secrets
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import parse_qsl

from starlette.datastructures import MutableHeaders
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

logger = logging.getLogger(__name__)

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")  # always allowed: what a browser on this machine sends

# Everything from this server only; no inline script or style (the dashboard has none), no plugin,
# no framing, forms post only here. `img-src data:` for the SVG-free fallbacks browsers use.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}

# C0 controls and DEL never belong in a path or query; lone surrogates cannot be stored (UTF-8).
_FORBIDDEN_IN_URL = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


def error_response(
    status: int, error: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    """Return the API's error shape, `{"error", "message"}`, with the security headers."""
    return JSONResponse(
        {"error": error, "message": message},
        status_code=status,
        headers={**SECURITY_HEADERS, **(headers or {})},
    )


def host_name(header: str) -> str:
    """Return the host of a `Host` header without its port, lower-cased (`[::1]:8000` → `[::1]`)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostAllowList:
    """ASGI middleware: answer 400 to a request whose `Host` is not an allowed name.

    Why: a browser trusts a page of `evil.example` to read `evil.example`, even once its DNS
    answer becomes 127.0.0.1; only the Host header tells that request from a local one.
    `"*"` in `allowed` turns the check off (a proxy in front checks Host itself).
    """

    def __init__(self, app: ASGIApp, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = {name.lower() for name in allowed}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "*" in self.allowed:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        host = host_name(headers.get(b"host", b"").decode("latin-1"))
        if host in self.allowed:
            await self.app(scope, receive, send)
            return
        response = error_response(
            400,
            "InvalidHost",
            "this server does not answer to that host name; the operator can allow it with "
            "`diplograph serve --allowed-host NAME`",
        )
        await response(scope, receive, send)


class RequestCharacters:
    """ASGI middleware: answer 400 to a path or query holding a control character or a lone surrogate."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and not _clean_url(scope):
            response = error_response(
                400,
                "InvalidQuery",
                "the path or query holds a NUL or another control character; remove it",
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _clean_url(scope: Scope) -> bool:
    "True when neither the (decoded) path nor any decoded query key or value holds a forbidden character."
    if _FORBIDDEN_IN_URL.search(scope.get("path", "")):
        return False
    query = scope.get("query_string", b"").decode("latin-1")
    pairs = parse_qsl(query, keep_blank_values=True, encoding="utf-8", errors="replace")
    return not any(_FORBIDDEN_IN_URL.search(key) or _FORBIDDEN_IN_URL.search(value) for key, value in pairs)


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
        response = error_response(
            413,
            "InputTooLarge",
            f"the request body is over {self.limit:,} bytes; send fewer documents per request "
            "or use `diplograph ingest` for large batches",
        )
        await response(scope, receive, send)


class ErrorShield:
    """ASGI middleware: answer an unexpected exception with a generic 500 and log it with a reference.

    Why: the exception's text may quote an SQL statement with its parameters (a whole
    article, an id with a NUL), a file-system path or the store's URL; the client gets
    only the reference, which the operator finds in the log.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            if started:  # too late for another answer: the connection is cut, the log has it
                logger.exception("failure after the answer started: %s %s", scope["method"], scope["path"])
                raise
            await internal_error(exc, f"{scope['method']} {scope['path']}")(scope, receive, send)


def internal_error(exc: BaseException, where: str) -> JSONResponse:
    """Log `exc` with a fresh reference and return the generic 500 that names only that reference."""
    reference = secrets.token_hex(4)
    logger.error("ref %s: %s failed", reference, where, exc_info=(type(exc), exc, exc.__traceback__))
    return error_response(
        500,
        "InternalError",
        f"the server could not answer this request (ref {reference}); the operator's log has the details",
    )


class SecurityHeaders:
    """ASGI middleware: add the security headers to every answer (a route may set its own CSP)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    if name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, with_headers)


def jsonl_problem(jsonl: str, check: Callable[[str, str], str | None]) -> str | None:
    """Return where a JSON Lines text holds a string that `check` refuses (`line 3: id: …`), else None.

    `check(field, value)` returns a reason or None. Lines that are not JSON objects are left to
    the reader, which reports them as failures as `diplograph ingest` does.
    """
    for number, line in enumerate(jsonl.splitlines(), start=1):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict):
            continue
        for field, value in _strings(record):
            reason = check(field, value)
            if reason:
                return f"jsonl line {number}: {field}: {reason}"
    return None


def _strings(value: object, field: str = "") -> Iterable[tuple[str, str]]:
    "Every string of a JSON value (keys included) with the name of the top-level field it is under."
    if isinstance(value, str):
        yield field, value
    elif isinstance(value, dict):
        for key, item in value.items():
            name = field or str(key)
            yield name, str(key)
            yield from _strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, field)


def allowed_hosts(extra: Sequence[str]) -> list[str]:
    """Return the loopback names followed by the operator's own (lower-cased, ports dropped)."""
    return [*LOOPBACK_HOSTS, *(host_name(name) for name in extra if name.strip())]


__all__ = [
    "CONTENT_SECURITY_POLICY",
    "LOOPBACK_HOSTS",
    "SECURITY_HEADERS",
    "BodyLimit",
    "ErrorShield",
    "HostAllowList",
    "RequestCharacters",
    "SecurityHeaders",
    "allowed_hosts",
    "error_response",
    "host_name",
    "internal_error",
    "jsonl_problem",
]
