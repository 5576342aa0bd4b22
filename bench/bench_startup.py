"""How long does a command take before it does anything? Time the CLI's start-up, command by command.

Input: a number of runs per command (default 5) and optionally another source tree to
measure instead of the installed one (`--src DIR`, put first on PYTHONPATH: a checkout
of an older version, to compare before and after). Output: one line per command with the
median wall time and the median peak RSS of its process, over the runs.

The commands are those an analyst types most: `--help` (the package's import alone), a
command's `--help`, the store's queries (`events`, `mechanisms`, `show`) and one analysis
(`partners`, which does need networkx). They run against a sample store this script
builds first in a temporary directory (`diplograph ingest` of the shipped sample corpus),
so the figures do not depend on a store lying around. Peak RSS is the child's own
high-water mark (`wait4`'s `ru_maxrss`), as /usr/bin/time reports it.

Why medians over a few runs: the first run also pays for a cold disk cache, and this
machine is shared, so single runs are noisy.

Usage:
    .venv/bin/python bench/bench_startup.py
    .venv/bin/python bench/bench_startup.py --runs 9 --src /tmp/diplograph-before/src
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "diplograph" / "sample"


def run_once(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Run `argv` once; return its wall time (s), its peak RSS (MB) and its exit code."""
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024, process.returncode


def measure(argv: Sequence[str], env: dict[str, str], runs: int) -> tuple[float, float, int]:
    """Return the median wall time, median peak RSS and last exit code of `runs` runs of `argv`."""
    results = [run_once(argv, env) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
        results[-1][2],
    )


def build_sample_store(diplograph: list[str], env: dict[str, str], folder: Path) -> str:
    """Ingest the shipped sample corpus into a new store in `folder`; return its URL."""
    url = f"sqlite:///{folder / 'sample.db'}"
    subprocess.run(
        [*diplograph, "ingest", str(SAMPLE), "--db", url], env=env, check=True, capture_output=True
    )
    return url


def first_event_id(diplograph: list[str], env: dict[str, str], url: str) -> str:
    """Return the id of one stored event (for `show`)."""
    listed = subprocess.run(
        [*diplograph, "events", "--db", url, "--limit", "1", "--json"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return str(json.loads(listed.stdout)[0]["id"])


def commands(diplograph: list[str], url: str, event_id: str) -> list[tuple[str, list[str]]]:
    """The commands timed: a label and the whole command line."""
    return [
        ("python -c 'import diplograph.cli'", [sys.executable, "-c", "import diplograph.cli"]),
        ("diplograph --help", [*diplograph, "--help"]),
        ("diplograph events --help", [*diplograph, "events", "--help"]),
        ("diplograph events --limit 5", [*diplograph, "events", "--db", url, "--limit", "5"]),
        (
            "diplograph events --party China --limit 5",
            [*diplograph, "events", "--db", url, "--party", "China", "--limit", "5"],
        ),
        ("diplograph mechanisms", [*diplograph, "mechanisms", "--db", url]),
        ("diplograph show ID", [*diplograph, "show", event_id, "--db", url]),
        ("diplograph partners CHN", [*diplograph, "partners", "CHN", "--db", url]),
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median reported)")
    parser.add_argument("--src", type=Path, help="measure this source tree (first on PYTHONPATH) instead")
    args = parser.parse_args(argv)
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(args.src.resolve()), env.get("PYTHONPATH")]))
    # `python -m diplograph` is what the `diplograph` script runs, and it follows --src.
    diplograph = [sys.executable, "-m", "diplograph"]
    with tempfile.TemporaryDirectory(prefix="diplograph-startup-") as tmp:
        url = build_sample_store(diplograph, env, Path(tmp))
        event_id = first_event_id(diplograph, env, url)
        print(f"{'command':<44} {'median s':>9} {'peak MB':>8}  (median of {args.runs} runs)")
        for label, command in commands(diplograph, url, event_id):
            seconds, peak, code = measure(command, env, args.runs)
            flag = "" if code == 0 else f"  exit {code}"
            print(f"{label:<44} {seconds:>9.2f} {peak:>8.0f}{flag}")


if __name__ == "__main__":
    main()
