"""Run one function over a stream in worker processes or on a Dask cluster, keeping the stream's order.

Input: a picklable function of one item, a (possibly endless) iterable of items, and
where to run: the calling process, N local worker processes, or the Dask scheduler at
an address. Output: an iterator of the function's results, in the order of the items,
exactly as `map(func, items)` would give them.

Why order is kept: the pipeline saves in document order, so which document is the
original of a near-duplicate, and which event a report joins first, are the same
whatever the number of workers; the results are then identical to a single process.
Why a bounded window of chunks in flight: a corpus of a million articles must not be
read ahead into memory; at most `window` chunks of `chunk` items are submitted and not
yet consumed, so memory stays flat and a slow consumer (the store) slows the readers.
Why chunks: a task costs a fraction of a millisecond to hand to a local process and a
millisecond or more to a Dask scheduler, comparable to extracting one short article.

Why Dask distributed is optional: most users run on one machine, where worker processes
suffice; Dask (`pip install 'diplograph[distributed]'`) is imported only when an address
is given. Every Dask worker needs diplograph installed in the same version.

What it does not do: retry a chunk whose worker died (the error is raised), or save
anything; saving stays in the calling process (see `pipeline.process_corpus`).
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol, TypeVar

from diplograph.errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)

# Items per task and tasks in flight per worker. Calibrated with bench/bench_parallel.py on
# the generated corpus (2 cores): chunks of 8 articles (~80 ms of work) hide the hand-over
# cost of both executors; 4 chunks per worker keep every worker busy while the caller saves.
DEFAULT_CHUNK = 8
WINDOW_PER_WORKER = 4


class _Waitable(Protocol[R_co]):
    """A pending result: a `concurrent.futures.Future` or a `distributed.Future`."""

    def result(self) -> R_co: ...


def ordered_map(
    func: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int = 1,
    dask_address: str | None = None,
    chunk: int = DEFAULT_CHUNK,
    window: int | None = None,
) -> Iterator[R]:
    """Return `func` applied to every item, in item order, computed by workers when asked.

    Args:
        func: a module-level function (workers import it by name); it should catch its
            own per-item errors, since an exception it raises is raised here and ends the run.
        items: consumed lazily, at most `window × chunk` items ahead of the results.
        workers: local worker processes; 1 (the default) runs everything in this process.
        dask_address: the address of a Dask scheduler (`tcp://host:8786`); wins over `workers`.
        chunk: items per task.
        window: tasks in flight; by default WINDOW_PER_WORKER per worker (Dask: per worker thread).

    Raises:
        ConfigError: `workers` or `chunk` is below 1, or Dask is not installed or not reachable.
    """
    if workers < 1 or chunk < 1:
        raise ConfigError(f"workers and chunk must be at least 1 (got workers={workers}, chunk={chunk})")
    if dask_address is not None:
        return _dask_map(func, items, dask_address, chunk, window)
    if workers == 1:
        return map(func, items)
    return _process_map(func, items, workers, chunk, window or WINDOW_PER_WORKER * workers)


def apply_chunk(func: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Return `func` applied to each item of a chunk (the task a worker runs)."""
    return [func(item) for item in chunk]


# How often a worker checks that the process that started it is still alive.
PARENT_CHECK_SECONDS = 0.5


def die_with_parent(parent: int) -> None:
    """Make this worker process exit soon after `parent` dies, however it dies.

    Why: a `diplograph ingest --workers 2` killed with SIGKILL (the OOM killer, `kill -9`,
    a CI timeout) runs no clean-up, and its workers, blocked on a queue nobody will write
    to again or busy with their last chunk, stayed alive for over a minute, holding memory
    and the GIL of nothing. A daemon thread notices that the parent is gone (this process
    is re-parented, so `getppid()` changes) and ends the process at once; nothing of a
    worker needs saving, since saving happens in the parent.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="die-with-parent", daemon=True).start()


def _process_map(
    func: Callable[[T], R], items: Iterable[T], workers: int, chunk: int, window: int
) -> Iterator[R]:
    "Yield the results of `func` computed by a pool of local processes, in order."
    # spawn, not fork: the caller may hold an open database connection and threads
    # (a progress display), which a forked child would inherit in an undefined state.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
    ) as pool:

        def submit(batch: list[T]) -> Future[list[R]]:
            return pool.submit(apply_chunk, func, batch)

        yield from _in_order(_chunks(items, chunk), submit, window)


def _dask_map(
    func: Callable[[T], R], items: Iterable[T], address: str, chunk: int, window: int | None
) -> Iterator[R]:
    "Yield the results of `func` computed by the workers of a Dask cluster, in order."
    client = dask_client(address)
    try:
        threads = sum(client.nthreads().values()) or 1
        yield from _in_order(
            _chunks(items, chunk),
            lambda batch: client.submit(apply_chunk, func, batch, pure=False),
            window or WINDOW_PER_WORKER * threads,
        )
    finally:
        client.close()


def dask_client(address: str) -> Any:
    """Return a `distributed.Client` connected to the scheduler at `address`.

    Raises:
        ConfigError: dask[distributed] is not installed, or no scheduler answers there.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError(
            "--dask needs Dask distributed, which is not installed: pip install 'diplograph[distributed]'"
        ) from exc
    try:
        return Client(address, timeout=30, set_as_default=False)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError, ValueError) as exc:
        raise ConfigError(
            f"cannot reach the Dask scheduler at {address!r} ({exc}); start one with `dask scheduler` "
            "and workers with `dask worker ADDRESS`, each with diplograph installed"
        ) from exc


def _in_order(
    batches: Iterator[list[T]], submit: Callable[[list[T]], _Waitable[list[R]]], window: int
) -> Iterator[R]:
    "Submit batches with at most `window` in flight; yield their results in submission order."
    pending: deque[_Waitable[list[R]]] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    "Yield lists of `size` consecutive items (the last one shorter)."
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
