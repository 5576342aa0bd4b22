"""Load-test the REST API on loopback: throughput and latency under concurrent clients.

Input: a store (`--db`, default: the sample corpus ingested into a temporary
file), a number of concurrent clients (`--clients`, default 50) and a duration
(`--seconds`, default 30).
Output: requests/s, latency p50/p90/p99/max per endpoint and overall, and the
number of errors (any status ≥ 500, or a connection error), which must be 0.

How: `diplograph serve` is started as its own process on a free port of
127.0.0.1, so the server and the load generator do not share an interpreter
(one GIL each, as in production). The read endpoints to hit are discovered
from the server's own OpenAPI document: every GET under `/api/` without path
parameters, plus the detail endpoints (`{id}`-style) filled with ids sampled
from the event, mechanism and document lists. Each client loops over that mix
until the time is up, so slow endpoints are weighted as clients meet them.

Why a bounded test and not a "max throughput" one: the issue asks that a fixed,
realistic load (50 analysts' browsers refreshing) is served without errors and
with known latencies; the figures are for the closing note, not for a gate.

Usage (from the repository root):
    .venv/bin/python bench/bench_api_load.py                         # sample store, 50 clients, 30 s
    .venv/bin/python bench/bench_api_load.py --db big.db --clients 20 --seconds 10 --json out.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
# Detail endpoints get their ids from these list endpoints (first match wins).
ID_SOURCES = {"event": "/api/events", "mechanism": "/api/mechanisms", "document": "/api/documents"}
# Seconds of each request, by endpoint path.
Timings = dict[str, list[float]]
# Query strings appended to list endpoints so that filters are exercised too.
LIST_QUERIES = {
    "/api/events": ["", "?limit=50", "?party=CHN", "?kind=2%2B2%20dialogue", "?since=2020&until=2026"]
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _sample_store(directory: Path) -> str:
    db = directory / "sample.db"
    sample = ROOT / "src" / "diplograph" / "sample"
    subprocess.run(
        [str(BIN / "diplograph"), "ingest", str(sample), "--db", str(db)], check=True, capture_output=True
    )
    return str(db)


def _start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    command = [str(BIN / "diplograph"), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/openapi.json", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer within 60 s")


def _targets(base: str) -> list[str]:
    """The GET endpoints of the API with their parameters filled: the mix every client loops over."""
    spec = httpx.get(f"{base}/api/openapi.json", timeout=10).json()
    plain: list[str] = []
    detail: list[str] = []
    for path, operations in spec["paths"].items():
        if "get" not in operations or not path.startswith("/api/"):
            continue
        (detail if "{" in path else plain).append(path)
    targets = [p + q for p in plain for q in LIST_QUERIES.get(p, [""]) if not _needs_query(spec, p)]
    for path in detail:
        name = re.search(r"/api/(\w+?)s?/\{", path)
        ids = _ids(base, name.group(1) if name else "")
        targets += [re.sub(r"\{[^}]+\}", i, path) for i in ids]
    return targets


def _needs_query(spec: dict[str, Any], path: str) -> bool:
    "A GET with a required query parameter (e.g. a dyad's two states) is left out of the plain mix."
    parameters = spec["paths"][path]["get"].get("parameters", [])
    return any(p.get("required") and p.get("in") == "query" for p in parameters)


def _ids(base: str, name: str) -> list[str]:
    source = ID_SOURCES.get(name)
    if source is None:
        return []
    body = httpx.get(f"{base}{source}?limit=5", timeout=10).json()
    items = body.get("items", body) if isinstance(body, dict) else body
    return [str(item["id"]) for item in items[:5] if isinstance(item, dict) and "id" in item]


async def _client(
    base: str, targets: list[str], until: float, offset: int, record: Timings, errors: dict[str, int]
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        i = offset
        while time.perf_counter() < until:
            path = targets[i % len(targets)]
            i += 1
            start = time.perf_counter()
            try:
                response = await client.get(path)
                failed = response.status_code >= 500
            except httpx.HTTPError:
                failed = True
            elapsed = time.perf_counter() - start
            key = path.split("?")[0]
            record[key].append(elapsed)
            if failed:
                errors[key] += 1


async def _load(
    base: str, targets: list[str], clients: int, seconds: float
) -> tuple[Timings, dict[str, int], float]:
    record: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    start = time.perf_counter()
    until = start + seconds
    await asyncio.gather(*(_client(base, targets, until, n, record, errors) for n in range(clients)))
    return record, errors, time.perf_counter() - start


def _quantiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return {
        "n": len(ordered),
        "p50_ms": at(0.50),
        "p90_ms": at(0.90),
        "p99_ms": at(0.99),
        "max_ms": ordered[-1] * 1000,
        "mean_ms": statistics.fmean(ordered) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="store to serve (default: the sample corpus in a temporary file)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--json", dest="json_path", help="also write the figures as JSON to this file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _sample_store(Path(tmp))
        port = _free_port()
        server = _start_server(db, port)
        base = f"http://127.0.0.1:{port}"
        try:
            targets = _targets(base)
            record, errors, elapsed = asyncio.run(_load(base, targets, args.clients, args.seconds))
        finally:
            server.terminate()
            server.wait(timeout=30)
    total = sum(len(v) for v in record.values())
    overall = _quantiles([x for v in record.values() for x in v])
    figures = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "requests": total,
        "requests_per_s": round(total / elapsed, 1),
        "errors": sum(errors.values()),
        "endpoints": len(targets),
        "overall": overall,
        "by_endpoint": {k: {**_quantiles(v), "errors": errors.get(k, 0)} for k, v in sorted(record.items())},
        "cpus": os.cpu_count(),
    }
    print(f"{args.clients} clients for {elapsed:.1f} s over {len(targets)} URLs on 127.0.0.1:")
    print(f"  {total} requests, {figures['requests_per_s']} req/s, errors: {figures['errors']}")
    print(
        f"  latency p50 {overall['p50_ms']:.1f} ms  p90 {overall['p90_ms']:.1f} ms  p99 {overall['p99_ms']:.1f} ms"
    )
    width = max(len(k) for k in record)
    for key, q in figures["by_endpoint"].items():
        print(
            f"  {key:<{width}}  n={q['n']:>6}  p50 {q['p50_ms']:7.1f}  p99 {q['p99_ms']:7.1f} ms  errors {q['errors']}"
        )
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if figures["errors"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
