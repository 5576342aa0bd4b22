"""Load-test the REST API on loopback: throughput and latency under concurrent clients.

Input: a store (`--db`, default: the sample corpus ingested into a temporary
file), a number of concurrent clients (`--clients`, default 50) and a duration
(`--seconds`, default 30).
Output: requests/s, latency p50/p90/p99/max per endpoint and overall, the number of
errors (any status ≥ 500, or a connection error), which must be 0, and of refusals
(4xx: a host or token the server does not take, which a correct run has none of).

`--closed-reads` serves with a token and closed reads, and the clients send the token.
`--extractors N` adds N clients posting `/api/extract` texts of `--extract-chars`
characters (default 100,000, the limit) in a loop, the costliest text tried (one endless
sentence naming states): the readers' latency shows what extraction costs them.
`--distinct-analyses N` then asks N analyses with N different filters and prints the
server's resident memory before and after: the analysis cache is bounded (issue 11), so
memory grows by a few MB, not without end.

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
    .venv/bin/python bench/bench_api_load.py --closed-reads --distinct-analyses 3000
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import re
import secrets
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


def _start_server(db: str, port: int, token: str | None) -> subprocess.Popen[bytes]:
    command = [str(BIN / "diplograph"), "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    env = dict(os.environ)
    if token:  # through the environment, as the README advises: a --token would show in `ps`
        command.append("--closed-reads")
        env["DIPLOGRAPH_TOKEN"] = token
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited: {server.stderr.read().decode() if server.stderr else ''}")
        try:
            answer = httpx.get(f"http://127.0.0.1:{port}/api/openapi.json", headers=_auth(token), timeout=2)
            if answer.status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not answer within 60 s")


def _auth(token: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"} if token else {}


def _targets(base: str, token: str | None) -> list[str]:
    """The GET endpoints of the API with their parameters filled: the mix every client loops over."""
    spec = httpx.get(f"{base}/api/openapi.json", headers=_auth(token), timeout=10).json()
    plain: list[str] = []
    detail: list[str] = []
    for path, operations in spec["paths"].items():
        if "get" not in operations or not path.startswith("/api/"):
            continue
        (detail if "{" in path else plain).append(path)
    targets = [p + q for p in plain for q in LIST_QUERIES.get(p, [""]) if not _needs_query(spec, p)]
    for path in detail:
        name = re.search(r"/api/(\w+?)s?/\{", path)
        ids = _ids(base, name.group(1) if name else "", token)
        targets += [re.sub(r"\{[^}]+\}", i, path) for i in ids]
    return targets


def _needs_query(spec: dict[str, Any], path: str) -> bool:
    "A GET with a required query parameter (e.g. a dyad's two states) is left out of the plain mix."
    parameters = spec["paths"][path]["get"].get("parameters", [])
    return any(p.get("required") and p.get("in") == "query" for p in parameters)


def _ids(base: str, name: str, token: str | None) -> list[str]:
    source = ID_SOURCES.get(name)
    if source is None:
        return []
    body = httpx.get(f"{base}{source}?limit=5", headers=_auth(token), timeout=10).json()
    items = body.get("items", body) if isinstance(body, dict) else body
    return [str(item["id"]) for item in items[:5] if isinstance(item, dict) and "id" in item]


async def _client(
    base: str,
    targets: list[str],
    until: float,
    offset: int,
    record: Timings,
    errors: dict[str, int],
    token: str | None,
) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30, headers=_auth(token)) as client:
        i = offset
        while time.perf_counter() < until:
            path = targets[i % len(targets)]
            i += 1
            start = time.perf_counter()
            try:
                response = await client.get(path)
                failed = response.status_code >= 500
                refused = 400 <= response.status_code < 500
            except httpx.HTTPError:
                failed, refused = True, False
            elapsed = time.perf_counter() - start
            key = path.split("?")[0]
            record[key].append(elapsed)
            if failed:
                errors[key] += 1
            if refused:
                errors["4xx"] += 1


async def _extractor(base: str, text: str, until: float, answers: dict[str, int], token: str | None) -> None:
    "Post `text` to /api/extract until the time is up; count the answers by status."
    async with httpx.AsyncClient(base_url=base, timeout=300, headers=_auth(token)) as client:
        while time.perf_counter() < until:
            try:
                answers[str((await client.post("/api/extract", json={"text": text})).status_code)] += 1
            except httpx.HTTPError:
                answers["error"] += 1


def _costly_text(chars: int) -> str:
    "The costliest text tried for extraction: one endless sentence naming states (issue 11)."
    unit = "China, Cambodia, Japan, India, Australia, Russia, Kazakhstan, Indonesia and the United States held talks, "
    return (unit * (chars // len(unit) + 1))[:chars]


async def _load(
    base: str,
    targets: list[str],
    clients: int,
    seconds: float,
    token: str | None,
    extractors: int,
    chars: int,
) -> tuple[Timings, dict[str, int], float, dict[str, int]]:
    record: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    answers: dict[str, int] = defaultdict(int)
    start = time.perf_counter()
    until = start + seconds
    text = _costly_text(chars)
    extracting = asyncio.gather(*(_extractor(base, text, until, answers, token) for _ in range(extractors)))
    await asyncio.gather(*(_client(base, targets, until, n, record, errors, token) for n in range(clients)))
    elapsed = time.perf_counter() - start  # the readers' time: the last extractions may still be queued
    await extracting
    return record, errors, elapsed, dict(answers)


def _resident_mb(pid: int) -> float | None:
    "The resident memory of a process in MB (Linux), else None."
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS"))
    except (OSError, StopIteration):
        return None


def _distinct_analyses(count: int) -> list[str]:
    """`count` analysis URLs, each with filters no other has (networks, hubs and dyads over year ranges)."""
    hubs = ["CHN", "USA", "JPN", "KHM", "IND", "AUS"]
    urls: list[str] = []
    for since, until in itertools.combinations_with_replacement(range(1900, 2030), 2):
        urls += [
            f"/api/network?since={since}&until={until}",
            f"/api/hubs/{hubs[(since + until) % 6]}?since={since}&until={until}",
            f"/api/dyads/CHN/{hubs[1 + (since + until) % 5]}?since={since}&until={until}",
        ]
        if len(urls) >= count:
            break
    return urls[:count]


def _memory_probe(
    server: subprocess.Popen[bytes], base: str, count: int, token: str | None
) -> dict[str, Any]:
    "Ask `count` distinct analyses one after the other; return the server's memory before and after."
    before = _resident_mb(server.pid)
    statuses: dict[int, int] = defaultdict(int)
    start = time.perf_counter()
    with httpx.Client(base_url=base, timeout=60, headers=_auth(token)) as client:
        for url in _distinct_analyses(count):
            statuses[client.get(url).status_code] += 1
    after = _resident_mb(server.pid)
    return {
        "requests": count,
        "seconds": round(time.perf_counter() - start, 1),
        "statuses": dict(statuses),
        "rss_before_mb": before,
        "rss_after_mb": after,
    }


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
    parser.add_argument(
        "--closed-reads", action="store_true", help="serve with a token and closed reads; clients send it"
    )
    parser.add_argument("--extractors", type=int, default=0, metavar="N", help="clients posting /api/extract")
    parser.add_argument("--extract-chars", type=int, default=100_000, help="characters of each extract text")
    parser.add_argument(
        "--distinct-analyses",
        type=int,
        default=0,
        metavar="N",
        help="afterwards, ask N analyses with distinct filters and print the server's memory before and after",
    )
    args = parser.parse_args()
    token = secrets.token_urlsafe(16) if args.closed_reads else None

    memory = None
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or _sample_store(Path(tmp))
        port = _free_port()
        server = _start_server(db, port, token)
        base = f"http://127.0.0.1:{port}"
        try:
            targets = _targets(base, token)
            record, errors, elapsed, extracts = asyncio.run(
                _load(base, targets, args.clients, args.seconds, token, args.extractors, args.extract_chars)
            )
            if args.distinct_analyses:
                memory = _memory_probe(server, base, args.distinct_analyses, token)
        finally:
            server.terminate()
            server.wait(timeout=30)
    refused = errors.pop("4xx", 0)
    total = sum(len(v) for v in record.values())
    overall = _quantiles([x for v in record.values() for x in v])
    figures = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "requests": total,
        "requests_per_s": round(total / elapsed, 1),
        "errors": sum(errors.values()),
        "refused_4xx": refused,
        "closed_reads": args.closed_reads,
        "endpoints": len(targets),
        "overall": overall,
        "by_endpoint": {k: {**_quantiles(v), "errors": errors.get(k, 0)} for k, v in sorted(record.items())},
        "cpus": os.cpu_count(),
        "distinct_analyses": memory,
        "extractors": args.extractors,
        "extract_chars": args.extract_chars,
        "extract_answers": extracts,
    }
    print(f"{args.clients} clients for {elapsed:.1f} s over {len(targets)} URLs on 127.0.0.1:")
    print(
        f"  {total} requests, {figures['requests_per_s']} req/s, errors: {figures['errors']}, refused (4xx): {refused}"
    )
    print(
        f"  latency p50 {overall['p50_ms']:.1f} ms  p90 {overall['p90_ms']:.1f} ms  p99 {overall['p99_ms']:.1f} ms"
    )
    width = max(len(k) for k in record)
    for key, q in figures["by_endpoint"].items():
        print(
            f"  {key:<{width}}  n={q['n']:>6}  p50 {q['p50_ms']:7.1f}  p99 {q['p99_ms']:7.1f} ms  errors {q['errors']}"
        )
    if args.extractors:
        print(
            f"  meanwhile {args.extractors} extractors of {args.extract_chars:,} characters: answers {extracts}"
        )
    if memory:
        print(
            f"  {memory['requests']} distinct analyses in {memory['seconds']} s {memory['statuses']}: server memory "
            f"{memory['rss_before_mb']:.0f} MB before, {memory['rss_after_mb']:.0f} MB after"
        )
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    if figures["errors"]:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
