"""The watch ledger: what `diplograph watch` polled, saw, alerted and delivered, kept in the store.

Input: a `Store`, and the outcomes of the watcher's polls, fetches, saves and deliveries.
Output: rows of `watch_feeds`, `watch_items`, `alerts` and `alert_deliveries` (see
`schema.py`), and plain dicts read back from them.

Why in the store, and in this package: a restart, a crash (even SIGKILL) or a second
machine must find what was seen and what was delivered where the articles are, and the
store package is the one door to the database (only it and `schema` import SQLAlchemy).
Each method is one write transaction under the store's write lock, like a save, and the
steps are ordered so that no crash loses an article or repeats an alert:

- a poll records the feed's new validators *and* the items it found in one transaction:
  an ETag is never stored for a feed whose items are not stored with it;
- an item becomes `saving` (with the facts known before the save) before its document is
  saved, and `done` in the transaction that inserts its alerts; an item found `saving` on
  the next pass is settled from those facts if its document was saved, fetched again if not;
- an alert's id is deterministic and inserted with ON CONFLICT DO NOTHING, and its
  deliveries (one per webhook) are created only with a newly inserted alert.

What it does not do: decide anything. Which items are due, which alerts a save raises
and when to retry are the watcher's (`diplograph.watch`); this module stores its answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, and_, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from diplograph.errors import StoreError
from diplograph.store import schema as s
from diplograph.store.core import database_reason

if TYPE_CHECKING:
    from diplograph.store.core import Store

# Item states. `new` and `failed` (when due) are fetched; `saving` is settled on the next pass.
ITEM_STATES = ("new", "saving", "done", "failed", "given_up", "blocked")
_FETCHABLE = ("new", "failed")
_FINAL = ("done", "failed", "given_up", "blocked")
_ALERT_COLUMNS = [c for c in s.alerts.c]


class WatchLog:
    """The watch ledger of one store: feeds, items, alerts and deliveries.

    Example::

        log = WatchLog(store)
        log.record_poll(feed, now=now, next_check_at=later, outcome="changed", items=[…])
        for item in log.due_items(now): …
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    # ── feeds ────────────────────────────────────────────────────────────────

    def feed(self, url: str) -> dict[str, Any] | None:
        """Return the stored state of a feed (validators, back-off), or None for a feed never polled."""
        with self._reading() as conn:
            row = conn.execute(select(s.watch_feeds).where(s.watch_feeds.c.url == url)).first()
        return None if row is None else dict(row._mapping)

    def feeds(self) -> list[dict[str, Any]]:
        """Return every feed ever polled, by URL."""
        with self._reading() as conn:
            rows = conn.execute(select(s.watch_feeds).order_by(s.watch_feeds.c.url)).all()
        return [dict(r._mapping) for r in rows]

    def record_poll(
        self,
        url: str,
        *,
        now: str,
        next_check_at: str,
        outcome: str,
        etag: str | None = None,
        last_modified: str | None = None,
        content_hash: str | None = None,
        items: Sequence[Mapping[str, Any]] = (),
    ) -> list[str]:
        """Record a successful poll of a feed and the items it listed; return the URLs queued for fetching.

        Args:
            url: the feed.
            now: when it was polled.
            next_check_at: when a running watcher polls it next.
            outcome: `changed` (a body was read) or `unchanged` (304, or the same body).
            etag, last_modified, content_hash: the validators for the next conditional GET
                (kept as they were when None and the outcome is `unchanged`).
            items: `{url, fingerprint, title, published}` of each item listed. An item never
                seen is queued (`new`); one seen with another fingerprint (an updated entry)
                is queued again; the others are left as they are.

        Returns:
            The item URLs that became `new`, in the order given.
        """
        with self._writing() as conn:
            values: dict[str, Any] = {
                "checked_at": now,
                "next_check_at": next_check_at,
                "failures": 0,
                "last_outcome": outcome,
                "last_error": None,
            }
            if outcome == "changed":
                values.update(etag=etag, last_modified=last_modified, content_hash=content_hash)
            else:  # a 304 keeps the validators; the same body under new ones keeps them fresh
                values.update({k: v for k, v in (("etag", etag), ("last_modified", last_modified)) if v})
            self._upsert(conn, s.watch_feeds, {"url": url, **values}, ["url"], values)
            return [item["url"] for item in items if self._queue_item(conn, url, item, now)]

    def queue_items(self, feed: str, items: Sequence[Mapping[str, Any]], *, now: str) -> list[str]:
        """Queue the items of a feed read only in part (malformed), without touching its validators; return those queued."""
        with self._writing() as conn:
            return [item["url"] for item in items if self._queue_item(conn, feed, item, now)]

    def record_poll_failure(self, url: str, *, now: str, error: str, next_check: Callable[[int], str]) -> int:
        """Record a failed poll of a feed (its validators kept); return its consecutive failures.

        Args:
            next_check: the time of the next try given the number of consecutive failures.
        """
        with self._writing() as conn:
            failures = 1 + (
                conn.execute(select(s.watch_feeds.c.failures).where(s.watch_feeds.c.url == url)).scalar() or 0
            )
            values = {
                "checked_at": now,
                "next_check_at": next_check(failures),
                "failures": failures,
                "last_outcome": "failed",
                "last_error": error,
            }
            self._upsert(conn, s.watch_feeds, {"url": url, **values}, ["url"], values)
        return failures

    # ── items ────────────────────────────────────────────────────────────────

    def due_items(self, now: str, limit: int | None = None) -> list[dict[str, Any]]:
        """Return the items to fetch now: new ones, and failed ones whose retry time has come, oldest first."""
        items = s.watch_items.c
        due = or_(items.state == "new", and_(items.state == "failed", items.next_try_at <= now))
        query = select(s.watch_items).where(due).order_by(items.seen_at, items.url).limit(limit)
        with self._reading() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def items(self, *, state: str | None = None, feed: str | None = None) -> list[dict[str, Any]]:
        """Return the items seen (optionally in one state, or of one feed), oldest first."""
        query = select(s.watch_items)
        if state is not None:
            query = query.where(s.watch_items.c.state == state)
        if feed is not None:
            query = query.where(s.watch_items.c.feed_url == feed)
        with self._reading() as conn:
            rows = conn.execute(query.order_by(s.watch_items.c.seen_at, s.watch_items.c.url)).all()
        return [dict(r._mapping) for r in rows]

    def mark_saving(self, url: str, *, document_id: str, snapshot: Mapping[str, Any], now: str) -> None:
        """Record, before its document is saved, which document an item became and the facts known before."""
        with self._writing() as conn:
            conn.execute(
                update(s.watch_items)
                .where(s.watch_items.c.url == url)
                .values(state="saving", document_id=document_id, snapshot=dict(snapshot), updated_at=now)
            )

    def settle(
        self,
        url: str,
        *,
        document_id: str | None,
        alerts: Sequence[Mapping[str, Any]],
        targets: Sequence[str],
        now: str,
    ) -> list[str]:
        """Mark an item done and record its alerts, in one transaction; return the ids of alerts new to the store.

        Args:
            url: the item.
            document_id: the document it became.
            alerts: rows of `alerts` (with their deterministic `id`); one already stored is left as it is.
            targets: the webhooks each *new* alert is to be delivered to (pending).
            now: when.
        """
        with self._writing() as conn:
            created = [a["id"] for a in alerts if self._insert_alert(conn, a, now)]
            if created and targets:
                conn.execute(
                    s.alert_deliveries.insert(),
                    [
                        {"alert_id": a, "target": t, "state": "pending", "attempts": 0, "next_try_at": now}
                        for a in created
                        for t in dict.fromkeys(targets)
                    ],
                )
            conn.execute(
                update(s.watch_items)
                .where(s.watch_items.c.url == url)
                .values(state="done", document_id=document_id, snapshot=None, error=None, updated_at=now)
            )
        return created

    def mark_failed(
        self, url: str, *, error: str, now: str, next_try: Callable[[int], str], max_attempts: int
    ) -> dict[str, Any]:
        """Record a failed fetch or read of an item; return `{attempts, state}` (`failed`, or `given_up` at the limit)."""
        with self._writing() as conn:
            attempts = 1 + (
                conn.execute(select(s.watch_items.c.attempts).where(s.watch_items.c.url == url)).scalar() or 0
            )
            state = "given_up" if attempts >= max_attempts else "failed"
            conn.execute(
                update(s.watch_items)
                .where(s.watch_items.c.url == url)
                .values(
                    state=state,
                    attempts=attempts,
                    error=error,
                    next_try_at=None if state == "given_up" else next_try(attempts),
                    snapshot=None,
                    updated_at=now,
                )
            )
        return {"attempts": attempts, "state": state}

    def mark_blocked(self, url: str, *, reason: str, now: str) -> None:
        """Record an item that must not be fetched (robots.txt): never tried again unless its entry changes."""
        with self._writing() as conn:
            conn.execute(
                update(s.watch_items)
                .where(s.watch_items.c.url == url)
                .values(state="blocked", error=reason, snapshot=None, updated_at=now)
            )

    def requeue(self, url: str, *, now: str) -> None:
        """Put an item back in the queue (its document was never saved): fetched again, nothing lost."""
        with self._writing() as conn:
            conn.execute(
                update(s.watch_items)
                .where(s.watch_items.c.url == url)
                .values(state="new", snapshot=None, updated_at=now)
            )

    # ── alerts and deliveries ────────────────────────────────────────────────

    def alerts(
        self, *, since: str | None = None, rule: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Return the alerts, newest first, each with its `deliveries` (target, state, attempts, times, error).

        Args:
            since: only alerts created at or after this (an ISO date or time, UTC).
            rule: only alerts of this rule.
            limit: at most this many.
        """
        query = select(*_ALERT_COLUMNS)
        if since is not None:
            query = query.where(s.alerts.c.created_at >= since)
        if rule is not None:
            query = query.where(s.alerts.c.rule == rule)
        query = query.order_by(s.alerts.c.created_at.desc(), s.alerts.c.id).limit(limit)
        with self._reading() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
            deliveries = self._deliveries(conn, [r["id"] for r in rows])
        for row in rows:
            row["deliveries"] = deliveries.get(row["id"], [])
        return rows

    def pending_deliveries(self, targets: Sequence[str]) -> list[tuple[dict[str, Any], str, str | None]]:
        """Return (alert, target, next try) of every pending delivery to one of `targets`, oldest alert first."""
        if not targets:
            return []
        d = s.alert_deliveries.c
        query = (
            select(*_ALERT_COLUMNS, d.target, d.next_try_at)
            .join(s.alert_deliveries, d.alert_id == s.alerts.c.id)
            .where(d.state == "pending", d.target.in_(list(targets)))
            .order_by(s.alerts.c.created_at, s.alerts.c.id, d.target)
        )
        with self._reading() as conn:
            rows = conn.execute(query).all()
        skip = ("target", "next_try_at")
        return [
            ({k: v for k, v in r._mapping.items() if k not in skip}, r.target, r.next_try_at) for r in rows
        ]

    def mark_delivered(self, alert_id: str, target: str, *, now: str) -> None:
        """Record that a webhook accepted an alert: it is never sent there again."""
        d = s.alert_deliveries.c
        with self._writing() as conn:
            conn.execute(
                update(s.alert_deliveries)
                .where(d.alert_id == alert_id, d.target == target)
                .values(
                    state="delivered",
                    attempts=d.attempts + 1,
                    delivered_at=now,
                    next_try_at=None,
                    last_error=None,
                )
            )

    def mark_delivery_failed(
        self, alert_id: str, target: str, *, error: str, next_try: Callable[[int], str]
    ) -> int:
        """Record a failed delivery (it stays pending until its next try); return its attempts so far."""
        d = s.alert_deliveries.c
        where = (d.alert_id == alert_id, d.target == target)
        with self._writing() as conn:
            attempts = 1 + (conn.execute(select(d.attempts).where(*where)).scalar() or 0)
            conn.execute(
                update(s.alert_deliveries)
                .where(*where)
                .values(attempts=attempts, last_error=error, next_try_at=next_try(attempts))
            )
        return attempts

    def counts(self) -> dict[str, int]:
        """Return how many feeds, items in each state, alerts and pending deliveries the ledger holds."""
        with self._reading() as conn:
            out = {
                "feeds": conn.execute(select(func.count()).select_from(s.watch_feeds)).scalar_one(),
                "failing_feeds": conn.execute(
                    select(func.count()).select_from(s.watch_feeds).where(s.watch_feeds.c.failures > 0)
                ).scalar_one(),
                "alerts": conn.execute(select(func.count()).select_from(s.alerts)).scalar_one(),
                "pending_deliveries": conn.execute(
                    select(func.count())
                    .select_from(s.alert_deliveries)
                    .where(s.alert_deliveries.c.state == "pending")
                ).scalar_one(),
            }
            states = conn.execute(
                select(s.watch_items.c.state, func.count()).group_by(s.watch_items.c.state)
            ).all()
        out.update({f"items_{state}": 0 for state in ITEM_STATES})
        out.update({f"items_{state}": n for state, n in states})
        return out

    def forget_feed(self, url: str) -> None:
        """Forget a feed's validators and back-off (its items stay seen): the next poll reads it whole."""
        with self._writing() as conn:
            conn.execute(delete(s.watch_feeds).where(s.watch_feeds.c.url == url))

    # ── helpers ──────────────────────────────────────────────────────────────

    def _queue_item(self, conn: Connection, feed: str, item: Mapping[str, Any], now: str) -> bool:
        "Insert an item never seen, or queue again one whose entry changed; True when it is now `new`."
        c = s.watch_items.c
        stored = conn.execute(select(c.fingerprint, c.state).where(c.url == item["url"])).first()
        values = {
            "feed_url": feed,
            "fingerprint": item["fingerprint"],
            "title": item.get("title"),
            "published": item.get("published"),
            "state": "new",
            "attempts": 0,
            "next_try_at": None,
            "error": None,
            "updated_at": now,
        }
        if stored is None:
            conn.execute(s.watch_items.insert().values(url=item["url"], seen_at=now, **values))
            return True
        if stored.fingerprint == item["fingerprint"] or stored.state not in _FINAL:
            return False
        conn.execute(update(s.watch_items).where(c.url == item["url"]).values(**values))
        return True

    def _insert_alert(self, conn: Connection, alert: Mapping[str, Any], now: str) -> bool:
        "Insert an alert unless its id is stored; True when inserted."
        row = {c.name: alert.get(c.name) for c in _ALERT_COLUMNS}
        row["created_at"] = row["created_at"] or now
        row["detail"] = row["detail"] or {}
        statement = _insert(conn, s.alerts).values(**row).on_conflict_do_nothing(index_elements=["id"])
        return bool(conn.execute(statement.returning(s.alerts.c.id)).first())

    def _upsert(
        self,
        conn: Connection,
        table: Any,
        row: Mapping[str, Any],
        keys: list[str],
        changes: Mapping[str, Any],
    ) -> None:
        "Insert a row, or update `changes` of the row with the same `keys`."
        statement = _insert(conn, table).values(**row)
        conn.execute(statement.on_conflict_do_update(index_elements=keys, set_=dict(changes)))

    def _deliveries(self, conn: Connection, alert_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
        "Return the deliveries of these alerts, by alert id."
        out: dict[str, list[dict[str, Any]]] = {}
        d = s.alert_deliveries.c
        for start in range(0, len(alert_ids), 500):
            chunk = alert_ids[start : start + 500]
            rows = conn.execute(
                select(s.alert_deliveries).where(d.alert_id.in_(chunk)).order_by(d.alert_id, d.target)
            ).all()
            for row in rows:
                values = dict(row._mapping)
                out.setdefault(values.pop("alert_id"), []).append(values)
        return out

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        "A read transaction of the store (its connections, its lock for a store in memory)."
        try:
            with self._store._reading() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot read the watch ledger of {self._store.url}: {database_reason(exc)}"
            ) from exc

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        "A write transaction of the store, under its write lock, like a save."
        try:
            with self._store._writing() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot write the watch ledger of {self._store.url}: {database_reason(exc)}; nothing of this step was kept"
            ) from exc


def _insert(conn: Connection, table: Any) -> Any:
    "Return the dialect's INSERT, which can say ON CONFLICT (SQLite and PostgreSQL spell it alike)."
    build = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    return build(table)
