"""Every slash-command question on the embedded store, at 1M / 10M / 30M / 100M line items in one month.

    .venv/bin/python bench/query_bench.py --sizes 1000000 10000000            # quick
    .venv/bin/python bench/query_bench.py --sizes 1000000 10000000 30000000 100000000 --repeat 20

Data: one month (January 2025) of the sample organisation per size, CUR 2.0 parquet, generated once under
`bench/out/data/` (`bench/datasets.py`) and ingested once into `bench/out/stores/` (reused while the store's
file layout is unchanged; ingest itself is measured by `ingest_bench.py`). Each size runs in a fresh process
(its peak RSS is its own, `VmHWM`), which opens the store, asks every question once to warm up (attaching
files, as the first question after a start does) and then `--repeat` times, timed. Reported: p50 and p95 in
milliseconds, the process's CPU seconds and peak RSS, the load average.

The mix (`slash_mix.py`, shared with `cluster_query_bench.py`) is what the slash commands ask the store, through
the same query layer (`bot.billing.query`,
`bot.billing.rightsizing`, `bot.billing.commitments`): `/cost` by service, account, resource (top 10 and the
count of the others), daily by service, three dimensions, month to date with a forecast; `/tags` for one key and
the coverage of every key; `/top-resources 20`; `/trackit rightsizing` (on-demand rates by instance type) and
`/trackit commitments` (utilisation and coverage over its default three months). Questions that compare with the
previous period find it empty (one month of data): that comparison costs one more small query.
Target: every question p95 < 1 s in process at 100M line items.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datasets import OUT, dataset

ROOT = Path(__file__).resolve().parents[1]
FORMAT = "cur2-parquet"
TARGET_MS = 1000.0

_CHILD = r"""
import json, os, resource, statistics, sys, time
from datetime import date
from bot.billing.model import AggregateRequest, Dimension, DimensionRef, TimeRange
from bot.store.duckdb import DuckDBStore
from bench.slash_mix import slash_command_mix

store_dir, repeat, threads, memory = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
store = DuckDBStore(store_dir, threads=threads, memory_limit=memory)
month = TimeRange.month(date(2025, 1, 1))
res = DimensionRef(Dimension.RESOURCE)
mix = slash_command_mix(store, month.start)
figures = {}
for name, fn in mix.items():
    fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]  # nearest rank
    figures[name] = {"p50": statistics.median(samples), "p95": p95}
rows = sum(p.rows for p in store.periods())
resources = store.count_groups(AggregateRequest(month, group_by=(res,)))
store.close()
use = resource.getrusage(resource.RUSAGE_SELF)
hwm = next(int(l.split()[1]) * 1024 for l in open("/proc/self/status") if l.startswith("VmHWM:"))
print(json.dumps({"rows": rows, "resources": resources, "queries": figures, "peak_rss": hwm,
                  "cpu": use.ru_utime + use.ru_stime, "load": os.getloadavg()[0]}))
"""

_INGEST = r"""
import json, os, resource, sys, time
from bot.ingest.pipeline import ingest
from bot.store.duckdb import DuckDBStore
store = DuckDBStore(sys.argv[2], threads=int(sys.argv[3]), memory_limit=sys.argv[4])
t0 = time.perf_counter()
report = ingest(sys.argv[1], store, progress=False)
store.close()
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"rows": sum(p.rows for p in report.periods), "seconds": time.perf_counter() - t0,
                  "cpu": use.ru_utime + use.ru_stime}))
"""


def _layout_stamp() -> str:
    """Changes when the store's file layout may change (a cached store is then built again)."""
    h = hashlib.sha256()
    for name in ("duckdb.py", "duckdb_catalog.py", "duckdb_load.py", "duckdb_rollup.py", "duckdb_sql.py"):
        h.update((ROOT / "bot" / "store" / name).read_bytes())
    return h.hexdigest()[:10]


def store_for(rows: int, threads: int, memory: str) -> Path:
    """A DuckDB store holding the `rows` set, ingested once per store layout."""
    data = dataset(FORMAT, rows)
    target = OUT / "stores" / f"{FORMAT}-{rows}-{_layout_stamp()}"
    if (target / ".complete").exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    for stale in (OUT / "stores").glob(f"{FORMAT}-{rows}-*"):
        shutil.rmtree(stale, ignore_errors=True)  # an older layout's copy
    target.mkdir(parents=True)
    print(f"# ingesting {rows:,} line items into {target} ...", flush=True)
    out = _run(_INGEST, str(data), str(target), str(threads), memory)
    print(f"# ingested {out['rows']:,} rows in {out['seconds']:.0f} s ({out['cpu']:.0f} CPU-s)", flush=True)
    (target / ".complete").write_text("ok\n")
    return target


def _run(code: str, *args: str) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{proc.stderr[-3000:]}")
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000], help="line items in the month")
    p.add_argument("--repeat", type=int, default=20, help="timed runs per question (default 20)")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--memory-limit", default="1GB")
    p.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = p.parse_args(argv)

    results: dict[int, dict[str, object]] = {}
    for rows in args.sizes:
        store = store_for(rows, args.threads, args.memory_limit)
        t0 = time.perf_counter()
        results[rows] = _run(_CHILD, str(store), str(args.repeat), str(args.threads), args.memory_limit)
        print(f"# {rows:,}: measured in {time.perf_counter() - t0:.0f} s, load {results[rows]['load']:.1f}", flush=True)

    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, DuckDB "
        f"threads={args.threads} memory_limit={args.memory_limit}; {args.repeat} timings per question after a "
        "warm-up; p50 / p95 ms"
    )
    sizes = list(results)
    head = f"{'question':<26}" + "".join(f"{f'{r / 1e6:g}M':>18}" for r in sizes)
    print(head)
    print("-" * len(head))
    names = list(results[sizes[0]]["queries"])  # type: ignore[call-overload]
    worst = 0.0
    for name in names:
        cells = []
        for r in sizes:
            q = results[r]["queries"][name]  # type: ignore[index]
            cells.append(f"{q['p50']:>8.1f} / {q['p95']:>7.1f}")
            worst = max(worst, q["p95"])
        print(f"{name:<26}" + "".join(f"{c:>18}" for c in cells))
    for label, key, fmt in (
        ("line items", "rows", "{:,}"),
        ("resources", "resources", "{:,}"),
        ("peak RSS MiB", "peak_rss", "{:,.0f}"),
        ("process CPU-s", "cpu", "{:,.1f}"),
        ("load average", "load", "{:.1f}"),
    ):
        values = [results[r][key] for r in sizes]
        if key == "peak_rss":
            values = [v / 2**20 for v in values]  # type: ignore[operator]
        print(f"{label:<26}" + "".join(f"{fmt.format(v):>18}" for v in values))
    print(f"worst p95: {worst:.0f} ms (target < {TARGET_MS:.0f} ms)")
    if args.json is not None:
        args.json.write_text(json.dumps({str(k): v for k, v in results.items()}, indent=1))
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
