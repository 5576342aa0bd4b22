"""Is memory flat at 100,000 articles? Ingest a generated corpus in chunks and record RSS as it grows.

Input: a work directory, a number of articles N (default 100,000), a chunk size and a
seed. Output: one line per chunk on stdout (articles stored, articles/s of the chunk,
current RSS, peak RSS, store counts and file size), the same as JSON Lines in
`WORKDIR/progress.jsonl`, and a summary of RSS at the checkpoints (10k, 50k, 100k).

Why chunks of JSON Lines files written just before they are ingested: 100,000 articles
take hours on one core, so the run must survive an interruption. Chunk `k` holds articles
`k·size … (k+1)·size − 1` of `make_corpus.generate_articles` (article `i` depends only
on the seed and `i`), a chunk is marked done in the progress log only after its last
article is committed, and a re-run skips the chunks marked done; a chunk cut short is
ingested again, which the store makes a no-op for the articles it already holds. The peak
RSS is the process's own high-water mark, so after a resume it restarts from the resume.

Why short articles: what is measured is whether memory grows per document (caches, the
store, the progress bookkeeping), not extraction speed. Each article is the lede and the
next paragraphs of a generated article, cut at a paragraph end before `--max-chars`
(default 1,200 characters; about 180 words).

Usage:
    nohup .venv/bin/python bench/bench_memory.py /tmp/diplograph-mem --n 100000 > mem.log 2>&1 &
    .venv/bin/python bench/bench_memory.py /tmp/diplograph-mem --n 2000 --chunk 500   # quick look
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import Article, generate_articles, load_states, load_templates

CHECKPOINTS = (10_000, 50_000, 100_000)


def current_rss_mb() -> float:
    """Return this process's resident set size now, in MB (Linux /proc)."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    """Return this process's resident set high-water mark, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def short_text(text: str, max_chars: int) -> str:
    """Return the first paragraphs of `text` that fit in `max_chars` (at least the first one)."""
    out: list[str] = []
    size = 0
    for paragraph in text.split("\n\n"):
        if out and size + len(paragraph) > max_chars:
            break
        out.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(out)


def write_chunk(path: Path, articles: Iterator[Article], count: int, max_chars: int) -> int:
    """Write the next `count` articles to the JSON Lines file `path`; return its size in bytes."""
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        for article in itertools.islice(articles, count):
            record = {**article.record(), "text": short_text(article.text, max_chars)}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path.stat().st_size


def done_chunks(log: Path) -> set[int]:
    """Return the chunks the progress log marks as committed."""
    if not log.exists():
        return set()
    return {json.loads(line)["chunk"] for line in log.read_text(encoding="utf-8").splitlines() if line}


def chunks(n: int, size: int) -> Iterator[tuple[int, int, int]]:
    """Yield (chunk number, first article, end) covering articles 0…n − 1."""
    for number, start in enumerate(range(0, n, size)):
        yield number, start, min(n, start + size)


def run(workdir: Path, n: int, size: int, seed: int, max_chars: int) -> list[dict[str, Any]]:
    """Ingest the chunks not yet done; return the progress records of this run."""
    from diplograph.extract.pipeline import process_corpus
    from diplograph.store import Store

    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "progress.jsonl"
    done = done_chunks(log)
    database = workdir / "store.db"
    states = load_states()
    templates = [t for t in load_templates(states=states) if t.format == "txt"]
    articles = generate_articles(n, seed, templates=templates, states=states)
    records: list[dict[str, Any]] = []
    print(
        f"# resuming: {len(done)} chunk(s) already done; RSS at start {current_rss_mb():.0f} MB", flush=True
    )
    with Store(f"sqlite:///{database}") as store:
        for number, start, stop in chunks(n, size):
            if number in done:
                for _ in itertools.islice(articles, stop - start):  # article i depends only on (seed, i)
                    pass
                continue
            path = workdir / f"chunk-{number:04d}.jsonl"
            chunk_bytes = write_chunk(path, articles, stop - start, max_chars)
            started = time.perf_counter()
            report = process_corpus([path], store)
            seconds = time.perf_counter() - started
            counts = store.counts()
            path.unlink()
            record = {
                "chunk": number,
                "articles": stop,
                "chunk_kb_per_article": round(chunk_bytes / (stop - start) / 1e3, 2),
                "articles_per_s": round((stop - start) / seconds, 1),
                "failures": len(report.failures),
                "rss_mb": round(current_rss_mb(), 1),
                "peak_rss_mb": round(peak_rss_mb(), 1),
                "documents": counts["documents"],
                "events": counts["events"],
                "db_mb": round(sum(p.stat().st_size for p in workdir.glob("store.db*")) / 1e6, 1),
                "at": time.strftime("%H:%M:%S"),
            }
            with open(log, "a", encoding="utf-8") as handle:
                handle.write(json.dumps(record) + "\n")
            records.append(record)
            print(json.dumps(record), flush=True)
    return records


def summary(log: Path, checkpoints: Sequence[int]) -> str:
    """Return the RSS at each checkpoint the progress log has reached."""
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines() if line]
    lines = ["articles  art/s  RSS MB  peak RSS MB  events  store MB"]
    for point in checkpoints:
        reached = [r for r in records if r["articles"] >= point]
        if reached:
            r = min(reached, key=lambda r: r["articles"])
            lines.append(
                f"{r['articles']:>8,}  {r['articles_per_s']:>5}  {r['rss_mb']:>6}  {r['peak_rss_mb']:>11}"
                f"  {r['events']:>6,}  {r['db_mb']:>8}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run (or resume) the memory benchmark and print the checkpoints."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("workdir", type=Path, help="where the store, the chunks and progress.jsonl go")
    parser.add_argument("--n", type=int, default=100_000, help="articles in all (default 100,000)")
    parser.add_argument("--chunk", type=int, default=5_000, help="articles per chunk (default 5,000)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--max-chars", type=int, default=1_200, help="article length cap (default 1,200)")
    args = parser.parse_args(argv)
    if args.n < 1 or args.chunk < 1:
        parser.error("--n and --chunk must be at least 1")
    run(args.workdir, args.n, args.chunk, args.seed, args.max_chars)
    checkpoints = [c for c in CHECKPOINTS if c <= args.n] or [args.n]
    print(summary(args.workdir / "progress.jsonl", checkpoints))
    return 0


if __name__ == "__main__":
    sys.exit(main())
