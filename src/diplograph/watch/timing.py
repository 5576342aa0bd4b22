"""Times and back-off of the watcher: ISO 8601 UTC stamps, and how long to wait after the n-th failure.

Why strings: the ledger stores times as `2026-05-12T10:00:00Z`, which sort as they read on
SQLite and PostgreSQL alike and show as they are in `alerts --json`.
Why exponential back-off with a cap: a feed or webhook that is down for a minute is tried
again within a minute or two, one that is down for a day is not hammered every pass
(`retry_base` · 2^(n−1), at most `retry_cap`).
"""

from __future__ import annotations

import datetime as dt
import re

_STAMP = "%Y-%m-%dT%H:%M:%SZ"
_PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def iso_time(seconds: float) -> str:
    """Return a POSIX time as an ISO 8601 UTC stamp to the second: `2026-05-12T10:00:00Z`."""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).strftime(_STAMP)


def parse_since(value: str) -> str:
    """Return the lower bound of a `--since` value as a stamp comparable with `iso_time`'s.

    Accepts `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (from the first second of that period, UTC) or
    an ISO 8601 time (`2026-05-12T10:00`, with or without `Z` or an offset).

    Raises:
        ValueError: none of these forms.
    """
    text = value.strip()
    if _PARTIAL_DATE.fullmatch(text):
        year, month, day = [*text.split("-"), "01", "01"][:3]
        return iso_time(dt.datetime(int(year), int(month), int(day), tzinfo=dt.UTC).timestamp())
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return iso_time(moment.timestamp())


def retry_delay(failures: int, base: float, cap: float) -> float:
    """Return the seconds to wait after `failures` consecutive failures: base, 2·base, 4·base… at most cap."""
    return float(min(cap, base * 2 ** max(0, min(failures, 40) - 1)))
