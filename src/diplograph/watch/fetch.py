"""Fetch feeds and pages politely: conditional GET, robots.txt, a per-host pace, bounded bodies.

Input: URLs (with the validators of the last fetch of a feed), and the `[watch]` settings.
Output: a `Page` (final URL, status, headers, body, or `not_modified` for a 304), or a
`FetchError` whose `reason` says in one line what went wrong: timed out, cannot connect,
HTTP 500, a redirect loop, a body over the limit, disallowed by robots.txt…

Why these rules:

- **a User-Agent that names diplograph** (`watch.user_agent`): a site can tell who reads
  it and ask us to stop; robots.txt rules for `diplograph` apply to us;
- **robots.txt honoured** (RFC 9309, with the standard library's parser): a site that
  answers 4xx for it has no rules; one that cannot be reached (5xx, timeout) is not
  fetched from until it answers, since the rules might forbid it; `Crawl-delay` slows us
  down, never speeds us up;
- **one request at a time to a host, `host_interval` seconds apart** (`HostPace`): many
  feeds of one site must not become a burst; different hosts are fetched in parallel;
- **conditional GET** (`If-None-Match`, `If-Modified-Since`): an unchanged feed costs the
  site a 304 and us no parsing;
- **bounded everything**: `timeout` covers the whole request, a body trickled slowly
  included; bodies over the limit are refused when announced (Content-Length) or cut off
  as soon as they pass it, decompressed size counted; at most `max_redirects` redirects,
  a loop detected at once;
- **an article link may not send us into the operator's network**: a page linked from a
  feed on another host is not fetched from a loopback, private or link-local address
  named in its URL (a feed on the intranet may link to the intranet). Host names are not
  resolved for this check, so a public name that resolves to a private address is not
  caught; run the watcher where such addresses hold nothing to protect.

What it does not do: run scripts, keep cookies between hosts, or retry; retries, with
back-off, are the watcher's (`diplograph.watch.run`).
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from diplograph.errors import InputError
from diplograph.settings import WatchSettings

logger = logging.getLogger(__name__)

# robots.txt is read again after this long (RFC 9309 asks crawlers not to cache it beyond 24 hours).
ROBOTS_SECONDS = 3600.0
# A robots.txt that could not be read (5xx, network error) is asked for again after this long.
ROBOTS_RETRY_SECONDS = 300.0
MAX_ROBOTS_BYTES = 500_000  # RFC 9309: at least 500 KiB must be parsed; the rest may be ignored
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 65_536


class FetchError(InputError):
    """A feed or page could not be fetched; `reason` says why in one line.

    `blocked` is true when robots.txt forbids the URL (retrying will not help until the
    site changes its rules); `status` of the HTTP answer when there was one.
    """

    def __init__(
        self, reason: str, *, url: str, blocked: bool = False, http_status: int | None = None
    ) -> None:
        super().__init__(reason, source=url)
        self.url = url
        self.blocked = blocked
        self.http_status = http_status


@dataclass(frozen=True, slots=True)
class Page:
    """What a GET brought back: the final URL (after redirects), status, headers and body."""

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional GET: the validators still hold."""
        return self.status == 304


class HostPace:
    """At most one request at a time to each host, `interval` seconds apart (robots' Crawl-delay may ask more).

    Thread-safe: every fetcher thread waits for its host's turn here, so feeds of one site
    polled by several threads still reach it one by one.
    """

    def __init__(
        self,
        interval: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._hosts: dict[str, tuple[threading.Lock, list[float]]] = {}

    def turn(self, host: str, delay: float | None = None) -> _Turn:
        """Return a context manager that waits for `host`'s turn and holds it during the request."""
        with self._lock:
            lock, next_at = self._hosts.setdefault(host, (threading.Lock(), [0.0]))
        return _Turn(self, lock, next_at, max(self.interval, delay or 0.0))


class _Turn:
    "One request's turn at a host: waits until the host's interval has passed, and books the next."

    def __init__(self, pace: HostPace, lock: threading.Lock, next_at: list[float], gap: float) -> None:
        self._pace, self._lock, self._next_at, self._gap = pace, lock, next_at, gap

    def __enter__(self) -> None:
        self._lock.acquire()
        wait = self._next_at[0] - self._pace._clock()
        if wait > 0:
            self._pace._sleep(wait)

    def __exit__(self, *exc_info: object) -> None:
        self._next_at[0] = self._pace._clock() + self._gap
        self._lock.release()


class Fetcher:
    """GET feeds and pages under the watch rules; share one between threads (httpx's client is thread-safe).

    Example::

        with Fetcher(settings.watch) as fetcher:
            page = fetcher.get("https://example.org/feed.xml", etag='"abc"')
            if page.not_modified: …
    """

    def __init__(
        self,
        settings: WatchSettings,
        *,
        transport: httpx.BaseTransport | None = None,
        pace: HostPace | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.pace = pace or HostPace(settings.host_interval, clock=clock)
        self._clock = clock
        self._client = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,  # followed here, to count them, see loops and check each hop
            transport=transport,
            trust_env=False,  # no proxy or netrc from the environment: what is fetched is what is configured
        )
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | str]] = {}
        self._robots_lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._client.close()

    def get(
        self,
        url: str,
        *,
        max_bytes: int,
        etag: str | None = None,
        last_modified: str | None = None,
        linked_from: str | None = None,
    ) -> Page:
        """Return the page at `url` after redirects (a 304 when the validators still hold).

        Args:
            url: an http(s) URL.
            max_bytes: a longer body (decompressed) is a failure.
            etag, last_modified: validators of the last fetch, sent as a conditional GET.
            linked_from: the feed that links to `url`: unless on the same host, `url` and
                its redirects may not name a loopback, private or link-local address.

        Raises:
            FetchError: whatever went wrong, with the URL and a one-line reason.
        """
        seen: list[str] = []
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        origin_host = urlsplit(linked_from).hostname if linked_from else None
        while True:
            _check_url(url, origin_host)
            if url in seen:
                raise FetchError(f"redirect loop ({' → '.join([*seen, url])})", url=seen[0])
            if len(seen) > self.settings.max_redirects:
                raise FetchError(f"more than {self.settings.max_redirects} redirects", url=seen[0])
            seen.append(url)
            delay = self._allowed(url)
            with self.pace.turn(host_of(url), delay):
                page = self._request(url, headers, max_bytes)
            if page.status in _REDIRECTS and "location" in page.headers:
                url = urljoin(url, page.headers["location"].strip())
                continue
            if page.status == 304 or 200 <= page.status < 300:
                return page
            raise FetchError(
                f"HTTP {page.status}{_reason_phrase(page.status)}", url=url, http_status=page.status
            )

    # ── one request ──────────────────────────────────────────────────────────

    def _request(self, url: str, headers: Mapping[str, str], max_bytes: int) -> Page:
        "Send one GET and read its body within the deadline and the size limit."
        deadline = self._clock() + self.settings.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if (
                    response.status_code in _REDIRECTS
                    or response.status_code == 304
                    or response.status_code >= 400
                ):
                    return Page(
                        url=str(response.url), status=response.status_code, headers=_headers(response)
                    )
                announced = response.headers.get("content-length", "")
                if announced.isdigit() and int(announced) > max_bytes:
                    raise FetchError(_too_large(f"{int(announced):,} bytes announced", max_bytes), url=url)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes(_CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(_too_large("the body goes on", max_bytes), url=url)
                    if self._clock() > deadline:
                        raise FetchError(
                            f"timed out after {self.settings.timeout:g}s (body too slow)", url=url
                        )
                    chunks.append(chunk)
                return Page(
                    url=str(response.url),
                    status=response.status_code,
                    headers=_headers(response),
                    body=b"".join(chunks),
                )
        except FetchError:
            raise
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.settings.timeout:g}s", url=url) from None
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect ({_first_line(exc)})", url=url) from None
        except httpx.DecodingError as exc:
            raise FetchError(f"the body cannot be decoded ({_first_line(exc)})", url=url) from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {_first_line(exc)}", url=url) from None

    # ── robots.txt ───────────────────────────────────────────────────────────

    def _allowed(self, url: str) -> float | None:
        """Return the site's Crawl-delay for us (None when it sets none), or raise when robots.txt forbids `url`."""
        if not self.settings.robots:
            return None
        rules = self._rules(url)
        if isinstance(rules, str):
            raise FetchError(rules, url=url)
        agent = self.settings.user_agent
        if not rules.can_fetch(agent, url):
            raise FetchError("disallowed by robots.txt", url=url, blocked=True)
        delay = rules.crawl_delay(agent)
        return float(delay) if delay is not None else None

    def _rules(self, url: str) -> urllib.robotparser.RobotFileParser | str:
        "Return the robots.txt rules of `url`'s site (cached), or the reason they could not be read."
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._robots_lock:
            cached = self._robots.get(origin)
        if cached is not None and cached[0] > self._clock():
            return cached[1]
        rules = self._read_robots(origin)
        ttl = ROBOTS_RETRY_SECONDS if isinstance(rules, str) else ROBOTS_SECONDS
        with self._robots_lock:
            self._robots[origin] = (self._clock() + ttl, rules)
        return rules

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        "Fetch and parse a site's robots.txt; a reason (str) when it cannot be reached."
        parser = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        url = f"{origin}/robots.txt"
        for _ in range(self.settings.max_redirects + 1):
            try:
                with self.pace.turn(host_of(url)):
                    page = self._request(url, {}, MAX_ROBOTS_BYTES)
            except FetchError as exc:
                if exc.reason.startswith("too large"):
                    parser.parse([])  # an oversized robots.txt: RFC 9309 lets us read its start; we read none
                    return parser
                return f"robots.txt cannot be read ({exc.reason}); the site is not fetched until it can"
            if page.status in _REDIRECTS and "location" in page.headers:
                url = urljoin(url, page.headers["location"])
                continue
            if 200 <= page.status < 300:
                parser.parse(page.body.decode("utf-8", "replace").splitlines())
            elif 400 <= page.status < 500:  # no rules: everything is allowed
                parser.parse([])
            else:
                return f"robots.txt answered HTTP {page.status}; the site is not fetched until it answers"
            return parser
        return "robots.txt redirects too often; the site is not fetched until it is fixed"


def _check_url(url: str, origin_host: str | None) -> None:
    "Refuse a URL that is not http(s), or that names a non-public address a linked page may not reach."
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL", url=url)
    if origin_host is None or parts.hostname == origin_host:
        return
    if _is_internal(parts.hostname):
        raise FetchError(
            f"links to an internal address ({parts.hostname}) from a feed on another host; not fetched",
            url=url,
        )


def _is_internal(hostname: str) -> bool:
    "True for localhost and loopback, private, link-local, reserved or unspecified IP literals."
    if hostname.lower() in ("localhost", "localhost.localdomain") or hostname.lower().endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(hostname.strip("[]"))
    except ValueError:
        return False
    return not address.is_global


def host_of(url: str) -> str:
    "Return the host (and port) a URL names: the unit of politeness."
    return urlsplit(url).netloc.lower()


def _headers(response: httpx.Response) -> dict[str, str]:
    "Return the response headers a watcher keeps, lower-cased."
    keep = ("etag", "last-modified", "location", "content-type", "content-location", "retry-after")
    return {name: response.headers[name] for name in keep if name in response.headers}


def _too_large(what: str, limit: int) -> str:
    return f"too large: {what}, over the limit of {limit:,} bytes"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _reason_phrase(status: int) -> str:
    "Return ` Not Found` and the like for an HTTP status, or nothing."
    try:
        from http import HTTPStatus

        return f" {HTTPStatus(status).phrase}"
    except ValueError:
        return ""
