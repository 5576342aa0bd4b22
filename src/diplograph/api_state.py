"""What the web API's routes share: the store and settings, the operator's token and a cache.

Input: the `ApiState` that `api.create_app` builds and keeps on `app.state.diplograph`.
Output: the dependencies that hand it to a route (`State`) and that guard reads and
writes (`authorize_read`, `authorize_write`), and `ApiError`, the API's own errors.

Why dependencies that read `request.app.state` rather than closures over the state: the
routes then live in plain `APIRouter`s (`api_reads.py`, `api_analyses.py`,
`api_writes.py`) that any app can include, and each app still serves its own store.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request

from diplograph.settings import Settings
from diplograph.store import Store

T = TypeVar("T")

CACHE_SECONDS = 300.0  # analyses are cached this long, and dropped on any write through the API


class ApiError(Exception):
    """An HTTP error of the API itself (authentication), answered like a DiplographError."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


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


# ── dependencies ────────────────────────────────────────────────────────────


async def app_state(request: Request) -> ApiState:
    """Return the state of the app serving `request` (set by `create_app`)."""
    state: ApiState = request.app.state.diplograph
    return state


State = Annotated[ApiState, Depends(app_state)]


def authorize_read(request: Request) -> None:
    """Let a read through when reads are open, else only with the operator's token."""
    state: ApiState = request.app.state.diplograph
    if not state.open_reads:
        state.check_token(request)


def authorize_write(request: Request) -> None:
    """Let a write through only with the operator's token."""
    state: ApiState = request.app.state.diplograph
    state.check_token(request)


__all__ = ["ApiError", "ApiState", "State", "app_state", "authorize_read", "authorize_write"]
