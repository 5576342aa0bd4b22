"""Run work on many URLs concurrently across hosts and one at a time within a host.

Input: jobs keyed by host, a function that does one job (and returns its failure rather
than raising), and how many hosts to work on at once. Output: (job, result) pairs as they
complete, in the calling thread.

Why grouped by host rather than a plain thread pool: with a plain pool, threads that
all picked items of one busy host would sit waiting for its turn (`fetch.HostPace`)
while other hosts' items waited behind them; here a host occupies at most one thread,
so `concurrency` hosts progress at once, each at its own polite pace.
Why results come back to the calling thread through a bounded queue: the store is
written by one thread only, and a slow consumer (extraction, saving) must slow the
fetchers down rather than let fetched pages pile up in memory.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

J = TypeVar("J")
R = TypeVar("R")

_DONE = object()


def by_host(
    jobs: Iterable[tuple[str, J]],
    work: Callable[[J], R],
    *,
    concurrency: int,
    stop: threading.Event | None = None,
) -> Iterator[tuple[J, R]]:
    """Yield (job, work(job)) for every job, hosts in parallel, each host's jobs in order, one at a time.

    Args:
        jobs: (host, job) pairs.
        work: does one job; should return a failure as a value (an exception it raises
            ends the run and is raised here).
        concurrency: hosts worked on at once.
        stop: when set, no further job is started (those under way finish).
    """
    queues: dict[str, list[J]] = {}
    for host, job in jobs:
        queues.setdefault(host, []).append(job)
    if not queues:
        return
    stop = stop or threading.Event()
    results: queue.Queue[object] = queue.Queue(maxsize=2 * max(1, concurrency))
    halt = threading.Event()  # the consumer went away: producers stop at once

    def drain(host_jobs: list[J]) -> None:
        try:
            for job in host_jobs:
                if stop.is_set() or halt.is_set():
                    break
                outcome: object = (job, work(job))
                while not halt.is_set():
                    try:
                        results.put(outcome, timeout=0.2)
                        break
                    except queue.Full:
                        continue
        except BaseException as exc:  # handed to the consumer, which raises it
            _put(results, exc, halt)
        finally:
            _put(results, _DONE, halt)

    pool = ThreadPoolExecutor(
        max_workers=max(1, min(concurrency, len(queues))), thread_name_prefix="watch-fetch"
    )
    try:
        for host_jobs in queues.values():
            pool.submit(drain, host_jobs)
        running = len(queues)
        while running:
            item = results.get()
            if item is _DONE:
                running -= 1
            elif isinstance(item, BaseException):
                raise item
            else:
                yield item  # type: ignore[misc]
    finally:
        halt.set()
        pool.shutdown(wait=False, cancel_futures=True)


def _put(results: queue.Queue[object], item: object, halt: threading.Event) -> None:
    "Hand an item to the consumer unless it went away."
    while not halt.is_set():
        try:
            results.put(item, timeout=0.2)
            return
        except queue.Full:
            continue
