"""One pass of the watcher, and the loop that repeats it: feeds in, articles stored, alerts out.

Input: a `Store`, the settings (`[watch]`: feeds, politeness, webhooks, alert rules) and
the feeds given on the command line. Output: a `PassReport` per pass (feeds polled,
items found, documents stored, alerts raised and delivered, every failure with its URL
and reason); the store gains the documents, the ledger (`store.watchlog`) what was seen.

A pass, in order:
    1. settle    items a crash left `saving`: alerts from their recorded facts if their
                 document was saved, fetched again if not
    2. poll      feeds that are due, concurrently across hosts (conditional GET; a 304 or
                 the same body costs no parsing); each poll records the feed's validators
                 and its new items in one transaction
    3. fetch     the queued items' pages (new, or failed and due again), across hosts;
                 main text, title and date with trafilatura (`ingest.read_html`)
    4. extract   stages 2–5 of the pipeline, here or in `workers` processes or on Dask,
                 in the order the pages arrive (`pipeline.extract_documents`)
    5. save      each document in its own transaction, with the pipeline's skip test and
                 near-duplicates; its facts before the save recorded first, its alerts
                 and `done` in one transaction after (`alerts.py`)
    6. deliver   pending alerts to the webhooks and by email (`deliver.py`)

Why failures never stop a pass: a feed that is down, answers 500 or 404, sends broken XML,
loops redirects or sends a huge body, and a page with no article, are each recorded with
the URL and reason (and logged), and tried again later with back-off; the rest goes on.

What it does not do: share one ledger between two watchers polling the same feeds at the
same time (each would fetch the items; the store and the alerts would still be right).
"""

from __future__ import annotations

import calendar
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

import httpx

from diplograph.errors import DiplographError, InputError
from diplograph.extract.ingest import read_html
from diplograph.extract.pipeline import extract_documents, input_hash, run_versions
from diplograph.models import Extraction, InputFailure, RawDocument
from diplograph.settings import FeedSettings, Settings
from diplograph.store import SaveResult, Store
from diplograph.store.watchlog import WatchLog
from diplograph.watch.alerts import alert_headline, check_rules, facts_before, raised_alerts
from diplograph.watch.deliver import deliver_pending, is_email
from diplograph.watch.feeds import FeedItem, parse_feed
from diplograph.watch.fetch import Fetcher, FetchError, host_of
from diplograph.watch.pool import by_host
from diplograph.watch.timing import iso_time, retry_delay

logger = logging.getLogger(__name__)

# Content types of article pages read as HTML (a missing one too); others are refused.
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
# A running watcher looks at its feeds and pending deliveries at least this often.
MAX_SLEEP = 60.0

Event = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class Failure:
    """Something a pass could not do: what (`feed`, `page`, `webhook`), its URL and why."""

    what: str
    url: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"what": self.what, "url": self.url, "reason": self.reason}


@dataclass(slots=True)
class PassReport:
    """What one pass did: feeds polled (changed, unchanged, skipped), items, documents, alerts, deliveries."""

    polled: int = 0
    changed: int = 0
    unchanged: int = 0
    skipped: int = 0
    new_items: int = 0
    fetched: int = 0
    stored: int = 0
    unchanged_documents: int = 0
    recovered: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)
    delivered: int = 0
    pending_deliveries: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when everything went through, 1 when something failed (and will be retried)."""
        return 1 if self.failures else 0

    def summary(self) -> str:
        """One line for people: what was polled, fetched, stored and alerted."""
        return (
            f"{self.polled} feed(s) polled ({self.changed} changed, {self.unchanged} unchanged, "
            f"{self.skipped} backing off), {self.new_items} new item(s), {self.fetched} page(s) fetched, "
            f"{self.stored} document(s) stored ({self.unchanged_documents} already stored), "
            f"{len(self.alerts)} alert(s), {self.delivered} delivered, {self.pending_deliveries} pending, "
            f"{len(self.failures)} failure(s) in {self.seconds:.1f}s"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "polled": self.polled,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "new_items": self.new_items,
            "fetched": self.fetched,
            "stored": self.stored,
            "unchanged_documents": self.unchanged_documents,
            "recovered": self.recovered,
            "alerts": [a["id"] for a in self.alerts],
            "delivered": self.delivered,
            "pending_deliveries": self.pending_deliveries,
            "failures": [f.to_dict() for f in self.failures],
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True, slots=True)
class _Poll:
    "What polling one feed brought back (in a fetcher thread; recorded in the calling one)."

    feed: FeedSettings
    error: str | None = None
    unchanged: bool = False
    items: tuple[FeedItem, ...] = ()
    problem: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None


class Watcher:
    """Poll feeds into a store and raise alerts; `run_pass()` once (cron) or `run_forever()` (a service).

    Example::

        with Store("sqlite:///diplograph.db") as store:
            watcher = Watcher(store, settings, feeds=["http://127.0.0.1:8080/feed.xml"])
            report = watcher.run_pass()
            print(report.summary(), [a["rule"] for a in report.alerts])
    """

    def __init__(
        self,
        store: Store,
        settings: Settings | None = None,
        *,
        feeds: Sequence[str | FeedSettings] = (),
        webhooks: Sequence[str] = (),
        emails: Sequence[str] = (),
        workers: int = 1,
        dask_address: str | None = None,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.time,
        on_event: Event | None = None,
    ) -> None:
        """Prepare a watcher over `store`.

        Args:
            store: where documents, the ledger and alerts go.
            settings: extraction settings and `[watch]` (its feeds and webhooks are added to those given).
            feeds: feed URLs (or `FeedSettings`) besides those of the settings.
            webhooks: webhook URLs besides those of the settings.
            emails: addresses that get alerts by email, besides those of the settings.
            workers, dask_address: where extraction runs, as for `ingest`.
            transport: an httpx transport for every request (tests).
            clock: the time (tests move it forward to make retries due).
            on_event: called with (what, message) as the watcher works: `feed`, `item`,
                `alert`, `failure`, `delivery`; the CLI prints them.

        Raises:
            ConfigError: an alert rule names an unknown kind, rung or hub.
        """
        self.store = store
        self.settings = settings or Settings()
        self.watch = self.settings.watch
        check_rules(self.watch.alerts)
        given = [f if isinstance(f, FeedSettings) else FeedSettings(url=f) for f in feeds]
        # A feed both given and in the config keeps the config's own settings (every, max_items…).
        self.feeds = list({f.url: f for f in [*given, *self.watch.feeds]}.values())
        self.webhooks = list(dict.fromkeys([*self.watch.webhooks, *webhooks]))
        self.emails = list(dict.fromkeys([*self.watch.emails, *emails]))
        # Where each new alert goes: the webhooks, and `mailto:` targets for the emails.
        self.targets = [*self.webhooks, *(f"mailto:{address}" for address in self.emails)]
        self.workers = workers
        self.dask_address = dask_address
        self.log = WatchLog(store)
        self._clock = clock
        self._transport = transport
        self._on_event = on_event or (lambda what, message: None)
        self._fetcher = Fetcher(self.watch, transport=transport)
        self._versions = run_versions(self.settings)
        self.stop = threading.Event()

    def close(self) -> None:
        """Close the watcher's connections (not the store)."""
        self._fetcher.close()

    def __enter__(self) -> Watcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ── the pass ─────────────────────────────────────────────────────────────

    def run_pass(self, *, only_due: bool = False) -> PassReport:
        """Run one pass (settle, poll, fetch, extract, save, deliver); return what it did.

        Args:
            only_due: poll only the feeds whose time has come (`every` after their last
                poll); False (`--once`) polls every feed, except those backing off after
                failures, whose retry time has not come.

        Raises:
            StoreError: the store refused a write (the pass stops; what was done is kept).
        """
        started = time.perf_counter()
        report = PassReport()
        # 1. settle what a crash left half-done
        self._settle_interrupted(report)
        # 2. poll the feeds that are due
        self._poll_feeds(report, only_due=only_due)
        # 3–5. fetch, extract and save the queued items, and raise their alerts
        if not self.stop.is_set():
            self._process_items(report)
        # 6. deliver pending alerts
        self._deliver(report)
        report.seconds = time.perf_counter() - started
        return report

    def run_forever(self, *, on_pass: Callable[[PassReport], None] | None = None) -> None:
        """Run passes until `stop` is set (each feed at its own `every`), sleeping in between.

        A pass under way when `stop` is set finishes the item it is saving and returns;
        what it had not reached is done by the next run.
        """
        while not self.stop.is_set():
            report = self.run_pass(only_due=True)
            if on_pass is not None:
                on_pass(report)
            self.stop.wait(self.seconds_to_next_pass())

    def seconds_to_next_pass(self) -> float:
        """Return how long a running watcher may sleep: until a feed is due, at least 1 s, at most MAX_SLEEP."""
        now = iso_time(self._clock())
        states = {f["url"]: f for f in self.log.feeds()}
        soonest = MAX_SLEEP
        for feed in self.feeds:
            due = (states.get(feed.url) or {}).get("next_check_at")
            if due is None or due <= now:
                return 1.0
            soonest = min(soonest, _seconds_between(now, due))
        return max(1.0, soonest)

    # 1. settle ─────────────────────────────────────────────────────────────────

    def _settle_interrupted(self, report: PassReport) -> None:
        "Finish the items a crash left `saving`: alerts if their document is stored, else fetch them again."
        for item in self.log.items(state="saving"):
            document = self._stored_document(item["document_id"])
            if document is None:
                self.log.requeue(item["url"], now=self._now())
                self._on_event("item", f"{item['url']}: its save did not complete; fetched again")
                continue
            alerts = raised_alerts(
                self.store,
                item["snapshot"] or {},
                events=document["events"],
                mechanisms=document["mechanisms"],
                document=document,
                rules=self.watch.alerts,
            )
            self._record_alerts(item["url"], document["id"], alerts, report)
            report.recovered += 1

    # 2. poll ───────────────────────────────────────────────────────────────────

    def _poll_feeds(self, report: PassReport, *, only_due: bool) -> None:
        "Poll the feeds that are due, across hosts at once; record each poll as it completes."
        now = self._now()
        states = {f["url"]: f for f in self.log.feeds()}
        due: list[tuple[FeedSettings, dict[str, Any]]] = []
        for feed in self.feeds:
            state = states.get(feed.url) or {}
            waiting = state.get("next_check_at") is not None and state["next_check_at"] > now
            if waiting and (only_due or state.get("failures")):
                report.skipped += bool(state.get("failures"))
                continue
            due.append((feed, state))
        jobs = ((host_of(feed.url), (feed, state)) for feed, state in due)
        for (feed, _), poll in by_host(
            jobs, self._poll_one, concurrency=self.watch.concurrency, stop=self.stop
        ):
            self._record_poll(feed, poll, report)

    def _poll_one(self, job: tuple[FeedSettings, Mapping[str, Any]]) -> _Poll:
        "Fetch and parse one feed (in a fetcher thread)."
        feed, state = job
        try:
            page = self._fetcher.get(
                feed.url,
                max_bytes=self.watch.max_feed_bytes,
                etag=state.get("etag"),
                last_modified=state.get("last_modified"),
            )
            if page.not_modified:
                return _Poll(feed, unchanged=True)
            digest = hashlib.sha256(page.body).hexdigest()
            etag, last_modified = page.headers.get("etag"), page.headers.get("last-modified")
            if digest == state.get("content_hash"):
                return _Poll(
                    feed, unchanged=True, etag=etag, last_modified=last_modified, content_hash=digest
                )
            limit = feed.max_items or self.watch.max_items
            parsed = parse_feed(
                page.body,
                url=page.url,
                kind=feed.kind,
                content_type=page.headers.get("content-type"),
                max_items=limit,
            )
            items = list(parsed.items)
            problems = [parsed.problem] if parsed.problem else []
            for child in parsed.sitemaps:  # a sitemap index: its newest sitemaps, read whole
                try:
                    body = self._fetcher.get(child, max_bytes=self.watch.max_feed_bytes).body
                    items.extend(parse_feed(body, url=child, kind="sitemap", max_items=limit).items)
                except InputError as exc:
                    problems.append(f"sitemap {child}: {exc.reason}")
            index = bool(parsed.sitemaps)  # its sitemaps change under an index that may not: always read
            return _Poll(
                feed,
                items=tuple(items),
                problem="; ".join(problems) or None,
                content_hash=None if problems or index else digest,
                etag=None if index else etag,
                last_modified=None if index else last_modified,
            )
        except InputError as exc:
            return _Poll(feed, error=exc.reason)

    def _record_poll(self, feed: FeedSettings, poll: _Poll, report: PassReport) -> None:
        "Record one feed's poll: validators and new items together, or the failure and its back-off."
        now = self._now()
        every = feed.every or self.watch.every
        next_check = iso_time(self._clock() + every)
        report.polled += 1
        if poll.error is not None or poll.problem is not None:
            reason = poll.error or str(poll.problem)
            failures = self.log.record_poll_failure(
                feed.url, now=now, error=reason, next_check=self._retry_at
            )
            report.failures.append(Failure("feed", feed.url, reason))
            logger.warning("feed %s: %s (failure %d; retried with back-off)", feed.url, reason, failures)
            self._on_event("failure", f"feed {feed.url}: {reason}")
            if poll.items:  # malformed but partly read: what could be read is not lost
                queued = self.log.queue_items(feed.url, [i.to_dict() for i in poll.items], now=now)
                report.new_items += len(queued)
            return
        if poll.unchanged:
            report.unchanged += 1
            self.log.record_poll(
                feed.url,
                now=now,
                next_check_at=next_check,
                outcome="unchanged",
                etag=poll.etag,
                last_modified=poll.last_modified,
            )
            self._on_event("feed", f"{_name(feed)}: unchanged")
            return
        report.changed += 1
        queued = self.log.record_poll(
            feed.url,
            now=now,
            next_check_at=next_check,
            outcome="changed",
            etag=poll.etag,
            last_modified=poll.last_modified,
            content_hash=poll.content_hash,
            items=[i.to_dict() for i in poll.items],
        )
        report.new_items += len(queued)
        self._on_event("feed", f"{_name(feed)}: {len(poll.items)} item(s), {len(queued)} new")

    # 3–5. fetch, extract, save ─────────────────────────────────────────────────

    def _process_items(self, report: PassReport) -> None:
        "Fetch the queued items' pages, extract them (workers or Dask if asked) and save each with its alerts."
        items = {item["url"]: item for item in self.log.due_items(self._now())}
        if not items:
            return
        pending: dict[str, dict[str, str]] = {}  # item URL → the versions its document is saved with
        documents = self._read_items(list(items.values()), report, pending)
        extracted = extract_documents(
            documents, self.settings, workers=self.workers, dask_address=self.dask_address
        )
        for extraction in extracted:
            if isinstance(extraction, InputFailure):
                pending.pop(extraction.source, None)
                self._item_failed(items[extraction.source], extraction.reason, report)
            else:
                source = extraction.article.source
                self._save(items[source], extraction, pending.pop(source), report)
            if self.stop.is_set():
                break

    def _read_items(
        self, items: list[dict[str, Any]], report: PassReport, pending: dict[str, dict[str, str]]
    ) -> Iterator[RawDocument]:
        "Yield the documents of fetched pages to extract; settle failures and documents already stored."
        jobs = ((host_of(item["url"]), item) for item in items)
        for item, outcome in by_host(
            jobs, self._read_one, concurrency=self.watch.concurrency, stop=self.stop
        ):
            if isinstance(outcome, InputError):
                if isinstance(outcome, FetchError) and outcome.blocked:
                    self.log.mark_blocked(item["url"], reason=outcome.reason, now=self._now())
                    report.failures.append(Failure("page", item["url"], outcome.reason))
                    self._on_event("failure", f"page {item['url']}: {outcome.reason}")
                else:
                    self._item_failed(item, outcome.reason, report)
                continue
            report.fetched += 1
            versions = {**self._versions, "input": input_hash(outcome)}
            stored = self.store.current_result(outcome.id, versions)
            if stored is not None:  # the same document from the same input: nothing changes, nothing alerts
                report.unchanged_documents += 1
                self._record_alerts(item["url"], outcome.id, [], report)
                continue
            pending[item["url"]] = versions
            yield outcome

    def _read_one(self, item: Mapping[str, Any]) -> RawDocument | InputError:
        "Fetch one item's page and read its main text (in a fetcher thread)."
        try:
            page = self._fetcher.get(
                item["url"], max_bytes=self.settings.max_document_bytes, linked_from=item["feed_url"]
            )
            content_type = page.headers.get("content-type", "")
            media = content_type.split(";", 1)[0].strip().lower()
            if media and media not in _HTML_TYPES:
                raise FetchError(f"not an article page ({media})", url=item["url"])
            return read_html(
                _page_text(page.body, content_type),
                url=item["url"],
                label=item["url"],
                title=item.get("title"),
                published=item.get("published"),
            )
        except InputError as exc:
            return exc
        except Exception as exc:  # a parser bug must not end the pass: the item is retried and reported
            logger.exception("reading %s failed", item["url"])
            return InputError(f"reading the page failed ({type(exc).__name__}: {exc})", source=item["url"])

    def _save(
        self, item: Mapping[str, Any], extraction: Extraction, versions: dict[str, str], report: PassReport
    ) -> None:
        "Save one document: facts before, the save, then its alerts and `done`, each step committed."
        before = facts_before(self.store, extraction, self.watch.alerts)
        self.log.mark_saving(item["url"], document_id=extraction.article.id, snapshot=before, now=self._now())
        try:
            result: SaveResult = self.store.save_extraction(extraction, versions=versions)
        except DiplographError as exc:  # nothing of it was stored: retried like a page that failed
            self._item_failed(item, str(exc), report)
            return
        if result.unchanged:
            report.unchanged_documents += 1
        else:
            report.stored += 1
            self._on_event("item", f"stored {item['url']} ({len(result.events)} event(s))")
        article = extraction.article
        document = {"id": article.id, "url": article.url, "title": article.title}
        alerts = raised_alerts(
            self.store,
            before,
            events=result.events,
            mechanisms=result.mechanisms,
            document=document,
            rules=self.watch.alerts,
        )
        self._record_alerts(item["url"], article.id, alerts, report)

    def _record_alerts(
        self, url: str, document_id: str, alerts: list[dict[str, Any]], report: PassReport
    ) -> None:
        "Record an item's alerts (those new to the store get a pending delivery per webhook) and mark it done."
        created = set(
            self.log.settle(
                url, document_id=document_id, alerts=alerts, targets=self.targets, now=self._now()
            )
        )
        for alert in alerts:
            if alert["id"] in created:
                report.alerts.append(alert)
                self._on_event(
                    "alert", f"{alert['rule'].upper()}: {alert_headline(alert)} — {alert.get('url')}"
                )

    def _item_failed(self, item: Mapping[str, Any], reason: str, report: PassReport) -> None:
        "Record a page that could not be fetched or read; it is retried with back-off, then given up."
        outcome = self.log.mark_failed(
            item["url"],
            error=reason,
            now=self._now(),
            next_try=self._retry_at,
            max_attempts=self.watch.max_attempts,
        )
        report.failures.append(Failure("page", item["url"], reason))
        retry = (
            "given up"
            if outcome["state"] == "given_up"
            else f"attempt {outcome['attempts']}, retried with back-off"
        )
        logger.warning("page %s: %s (%s)", item["url"], reason, retry)
        self._on_event("failure", f"page {item['url']}: {reason} ({retry})")

    # 6. deliver ────────────────────────────────────────────────────────────────

    def _deliver(self, report: PassReport) -> None:
        "Deliver pending alerts to the webhooks and by email; record what is still pending."
        if self.targets:

            def told(alert_id: str, target: str, error: str | None) -> None:
                message = f"{alert_id} → {target}: " + ("delivered" if error is None else f"{error}; pending")
                self._on_event("delivery", message)

            delivered = deliver_pending(
                self.log,
                self.targets,
                self.watch,
                transport=self._transport,
                clock=self._clock,
                on_delivery=told,
            )
            report.delivered = delivered.delivered
            report.failures.extend(
                Failure("email" if is_email(target) else "webhook", target, error)
                for target, error in delivered.errors.items()
            )
        report.pending_deliveries = self.log.counts()["pending_deliveries"]

    # ── helpers ──────────────────────────────────────────────────────────────

    def _stored_document(self, document_id: str | None) -> dict[str, Any] | None:
        "Return a stored document (with the events and mechanisms it fed), None when it is not stored."
        if not document_id:
            return None
        try:
            return self.store.document(document_id)
        except DiplographError:
            return None

    def _now(self) -> str:
        return iso_time(self._clock())

    def _retry_at(self, failures: int) -> str:
        "Return when to try again after `failures` consecutive failures."
        return iso_time(self._clock() + retry_delay(failures, self.watch.retry_base, self.watch.retry_cap))


def _name(feed: FeedSettings) -> str:
    "Return how a feed is shown: its label and URL, or its URL."
    return f"{feed.label} ({feed.url})" if feed.label else feed.url


def _page_text(body: bytes, content_type: str) -> str | bytes:
    "Return a page decoded with the charset its Content-Type names, or its bytes for `read_html` to decode."
    if "charset" not in content_type.lower():
        return body
    message = Message()
    message["content-type"] = content_type
    charset = message.get_content_charset()
    try:
        return body.decode(charset) if charset else body
    except (LookupError, UnicodeDecodeError):
        return body


def _seconds_between(earlier: str, later: str) -> float:
    "Return the seconds between two ISO stamps of `iso_time`."
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    return float(
        calendar.timegm(time.strptime(later, stamp)) - calendar.timegm(time.strptime(earlier, stamp))
    )
