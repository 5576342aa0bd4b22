"""What the web API's routes share: the store and settings, the operator's token and a cache.

Input: the `ApiState` that `api.create_app` builds and keeps on `app.state.diplograph`.
Output: the dependencies that hand it to a route (`State`) and that guard reads and
writes (`authorize_read`, `authorize_write`), `ApiError`, the API's own errors, and
`public_message`, what a client may read of a library error.

Who may read and write: a client sends the operator's token as `Authorization: Bearer`;
a browser signs in once (`/login`) and then carries an HttpOnly, SameSite=Strict session
cookie that no page script can read. The cookie is an HMAC of the token under a key made
at start-up, so it is not the token, and it dies when the server restarts or the token
changes. A write that relies on the cookie must also come from this server's own pages
(its `Origin` header), since another port of the same machine is the same "site".

Why dependencies that read `request.app.state` rather than closures over the state: the
routes then live in plain `APIRouter`s (`reads.py`, `analyses.py`,
`writes.py`) that any app can include, and each app still serves its own store.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

import anyio
from fastapi import Depends, Request

from diplograph.errors import DiplographError
from diplograph.settings import Settings
from diplograph.store import Store

T = TypeVar("T")

CACHE_SECONDS = 300.0  # analyses are cached this long, and dropped on any write through the API
# At most this many analyses, and this much of them (measured as their JSON), are kept; the least
# recently used go first. Measured on the sample corpus: China's hub report is 57 kB of JSON, a dyad
# 8 kB, and in memory they take 3–5 times their JSON, so the cache holds at most ~50–80 MB. 3,000
# requests with distinct filters grew the server by 26 MB on the sample (142 MB in the issue's
# probe) before the bound, by 5 MB with it (bench/README.md, "Web hardening").
CACHE_ENTRIES = 256
CACHE_BYTES = 16_000_000
SESSION_COOKIE = "diplograph_session"
_STORE_URL = re.compile(r"\b(?:sqlite|postgres(?:ql)?)(?:\+\w+)?://\S*")
# What a write is told when the server has no token (`diplograph serve` without one, as `make demo`
# runs it): that writes are off, and how to turn them on. The review form says the same.
WRITES_OFF = (
    "writes are disabled: this server runs without a token; restart it with DIPLOGRAPH_TOKEN=<token> "
    "(or --token) and sign in at /login to review"
)
_READS_WITHOUT_TOKEN = (
    "reads are closed and this server runs without a token, so nobody can read; restart it with "
    "DIPLOGRAPH_TOKEN=<token> (or --token), or with --open-reads"
)


class ApiError(Exception):
    """An HTTP error of the API itself (authentication), answered like a DiplographError."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


_MISS = object()


class _Cache:
    """Results of slow analyses: kept `seconds`, bounded, least recently used forgotten first.

    One computation per key at a time: a page asks for its hub's report and network at once,
    and a reload while they are computed waits for them instead of starting them again
    (on 50,000 events each takes seconds and holds the interpreter, slowing every page).

    Bounded by `max_entries` and `max_bytes` (a value's size is the length of its JSON, a
    cheap and stable proxy for its memory), because anyone who may read can ask for as many
    filter combinations as they like. A value bigger than `max_bytes` is returned but not
    kept. `clear()` (after a write) also drops what is being computed at that moment, so a
    result read before the write is never served after it.
    """

    def __init__(
        self, seconds: float, *, max_entries: int = CACHE_ENTRIES, max_bytes: int = CACHE_BYTES
    ) -> None:
        self.seconds, self.max_entries, self.max_bytes = seconds, max_entries, max_bytes
        self.bytes = 0
        self._items: OrderedDict[tuple[Any, ...], tuple[float, int, Any]] = OrderedDict()
        self._computing: dict[tuple[Any, ...], threading.Lock] = {}
        self._generation = 0  # bumped by clear(): results computed across a write are not kept
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """Return the cached value of `key`, computing it (once, however many ask) when absent or old."""
        with self._lock:
            hit = self._fresh(key)
            if hit is not _MISS:
                return hit  # type: ignore[no-any-return]
            flight = self._computing.setdefault(key, threading.Lock())
        with flight:
            with self._lock:
                hit = self._fresh(key)
                if hit is not _MISS:
                    return hit  # type: ignore[no-any-return]
                generation = self._generation
            started = time.monotonic()
            try:
                value = compute()
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            self._keep(key, value, started, generation)
        return value

    def clear(self) -> None:
        """Forget every result (after a write), and whatever is being computed now."""
        with self._lock:
            self._items.clear()
            self.bytes = 0
            self._generation += 1

    def _fresh(self, key: tuple[Any, ...]) -> Any:
        "Return the unexpired value of `key` (now the most recently used), else _MISS; hold the lock."
        hit = self._items.get(key)
        if hit is None:
            return _MISS
        if time.monotonic() - hit[0] >= self.seconds:
            self._drop(key)
            return _MISS
        self._items.move_to_end(key)
        return hit[2]

    def _keep(self, key: tuple[Any, ...], value: Any, started: float, generation: int) -> None:
        "Store a computed value unless a write came since or it is too big; then evict to the bounds."
        size = len(json.dumps(value, default=str, separators=(",", ":")))
        with self._lock:
            if generation != self._generation or size > self.max_bytes:
                return
            if key in self._items:
                self._drop(key)
            self._items[key] = (started, size, value)
            self.bytes += size
            while len(self._items) > self.max_entries or self.bytes > self.max_bytes:
                self._drop(next(iter(self._items)))

    def _drop(self, key: tuple[Any, ...]) -> None:
        "Forget one entry; hold the lock."
        _, size, _ = self._items.pop(key)
        self.bytes -= size


class ApiState:
    """What the routes share: the store, the settings, the token, the cache and the extraction limits."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        token: str | None,
        open_reads: bool,
        *,
        max_extract_chars: int = 100_000,
    ) -> None:
        self.store, self.settings, self.token, self.open_reads = store, settings, token, open_reads
        self.cache = _Cache(CACHE_SECONDS, max_entries=CACHE_ENTRIES, max_bytes=CACHE_BYTES)
        self.max_extract_chars = max_extract_chars
        # One extraction at a time: each is pure-Python work that holds the interpreter, so more at
        # once only slow every reader; the others wait on the event loop, not in worker threads.
        self.extracting = anyio.CapacityLimiter(1)
        self._session_key = secrets.token_bytes(32)

    def check_token(self, request: Request, *, write: bool = False) -> None:
        """Let the request through with the operator's bearer token, or a browser's session cookie.

        Without a configured token nothing can pass, so the refusal says so first, and how
        to turn writes on, whatever the request carries: a browser without a cookie would
        otherwise be told to "send the operator's token", which does not exist (issue 13).

        Raises:
            ApiError: 403 when no token is configured (`WRITES_OFF` for a write), with a wrong
                token, or for a write that carries the cookie but not this server's Origin;
                401 without credentials.
        """
        if self.token is None:
            raise ApiError(403, "Forbidden", WRITES_OFF if write else _READS_WITHOUT_TOKEN)
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() == "bearer" and given.strip():
            if not self.token_matches(given.strip()):
                raise ApiError(403, "Forbidden", "the token is not the operator's; check DIPLOGRAPH_TOKEN")
            return
        if self.signed_in(request):
            if write and not _same_origin(request):
                raise ApiError(
                    403, "Forbidden", "a write with the session cookie must come from this server's own pages"
                )
            return
        raise ApiError(
            401,
            "Unauthorized",
            "send the operator's token (Authorization: Bearer <token>), or sign in at /login",
        )

    def token_matches(self, given: str) -> bool:
        """True when `given` is the operator's token (compared in constant time)."""
        if self.token is None:
            return False
        return secrets.compare_digest(given.encode("utf-8", "replace"), self.token.encode("utf-8"))

    def session_value(self) -> str | None:
        """Return the session cookie's value (None without a token): an HMAC of the token, not the token."""
        if self.token is None:
            return None
        return hmac.new(self._session_key, self.token.encode("utf-8"), hashlib.sha256).hexdigest()

    def signed_in(self, request: Request) -> bool:
        """True when the request carries this server's session cookie."""
        expected, given = self.session_value(), request.cookies.get(SESSION_COOKIE, "")
        return expected is not None and secrets.compare_digest(
            given.encode("utf-8", "replace"), expected.encode()
        )

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


# ── dependencies ────────────────────────────────────────────────────────────


async def app_state(request: Request) -> ApiState:
    """Return the state of the app serving `request` (set by `create_app`)."""
    state: ApiState = request.app.state.diplograph
    return state


State = Annotated[ApiState, Depends(app_state)]


def authorize_read(request: Request) -> None:
    """Let a read through when reads are open, else only with the operator's token or session."""
    state: ApiState = request.app.state.diplograph
    if not state.open_reads:
        state.check_token(request)


def authorize_write(request: Request) -> None:
    """Let a write through only with the operator's token, or the session cookie from this server's pages."""
    state: ApiState = request.app.state.diplograph
    state.check_token(request, write=True)


def _same_origin(request: Request) -> bool:
    "True when the request's Origin is this server as the browser named it (the Host it sent)."
    origin = request.headers.get("origin", "")
    host = request.headers.get("host", "")
    return bool(origin and host) and urlsplit(origin).netloc.lower() == host.lower()


def public_message(exc: DiplographError, store_url: str) -> str:
    """Return what a client may read of a library error: never the store's URL or path.

    Errors of the server (status 500 and above) are not passed through at all: the caller
    answers with a generic message and logs the error (`edge.internal_error`).
    """
    message = str(exc).replace(store_url, "the store")
    return _STORE_URL.sub("the store", message)


__all__ = [
    "SESSION_COOKIE",
    "WRITES_OFF",
    "ApiError",
    "ApiState",
    "State",
    "app_state",
    "authorize_read",
    "authorize_write",
    "public_message",
]
