"""Billing store and query-layer benchmark: ingest realistic CUR data, then time the slash-command query mix.

    .venv/bin/python bench/query_bench.py                       # 1M line items per month, 2 months
    .venv/bin/python bench/query_bench.py --rows 10000000       # 10M per month
    .venv/bin/python bench/query_bench.py --rows 10000000 --runs 3 --repeat 20   # medians over 3 runs

Data: `bot.samples.generate` writes legacy CUR parquet (Athena layout) for a fictional organisation: usage in
blocks of 24 hourly line items per resource per usage type per day, resources that change weekly (about 15k
distinct resources per 1M lines, ~80k per 10M), 8 linked accounts, 23 services, 5 regions, ~140 usage types,
tags `user:team`, `user:env`, `user:cost_center`, `aws:createdBy` with partial coverage, two cost categories,
Savings Plans and RI lines, monthly fees, tax, credits. `--rows` line items per month over `--months` months
(default 2: the month queried and the previous one that "+prev" compares with), so "10M" means the month
queried holds 10M line items and the store holds `months` times that. Generated files are cached under
`--data-dir` (generation is not what is measured) and generated in a child process so that peak RSS is the
store's.

Each run ingests the files through `bot.ingest.pipeline.ingest` into a fresh `DuckDBStore` (timed, compared
with DuckDB copying the same parquet files raw into a new database file, the yardstick of ingest_bench.py),
then runs every query of the mix `--repeat` times through `bot.billing.query` after one warm-up.
With `--runs N` it repeats the whole thing N times and prints per-run figures and the median of each figure.
Targets (2 cores): every query p95 < 150 ms at 10M; ingest >= 50% of the raw rate; RSS < 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import duckdb

from bot.billing.model import AggregateRequest, CostQuery, Dimension, DimensionRef, TimeRange
from bot.billing.periods import add_months
from bot.billing.query import daily_costs, run_cost_query, run_tag_report, run_top_resources
from bot.ingest.pipeline import ingest
from bot.store.duckdb import DuckDBStore

LAST_MONTH = date(2024, 12, 1)
FORMAT = "cur1-parquet"


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile of `samples` (q in 0..1)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ensure_data(data_dir: Path, rows: int, months: int) -> Path:
    """Generated CUR files for `months` months ending with LAST_MONTH, `rows` line items each (cached)."""
    target = data_dir / f"{FORMAT}-{rows}-{months}"
    done = target / ".complete"
    if done.exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    first = add_months(LAST_MONTH, -(months - 1))
    script = (
        "from datetime import date; from pathlib import Path; from bot.samples import generate; "
        f"generate(Path({str(target)!r}), fmt={FORMAT!r}, start=date.fromisoformat({first.isoformat()!r}), "
        f"months={months}, rows_per_month={rows}, threads=2)"
    )
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", script], check=True)
    done.write_text("ok\n")
    print(f"# generated {months} x {rows:,} line items in {time.perf_counter() - t0:.0f} s under {target}")
    return target


def raw_read_seconds(data: Path, threads: int, memory_limit: str) -> float:
    """Seconds DuckDB takes to copy every generated parquet file raw into a new database file (no processing).

    The same yardstick as bench/ingest_bench.py, so the two ratios can be compared.
    """
    files = sorted(str(p) for p in data.rglob("year=*/month=*/*.parquet"))  # line items, not the status file
    best = float("inf")
    for _ in range(2):  # the better of two: the second has a warm page cache, like the ingest that follows
        with tempfile.TemporaryDirectory(prefix="trackit-raw-") as tmp:
            con = duckdb.connect(str(Path(tmp) / "raw.duckdb"), config={"threads": threads})
            try:
                con.execute("SET enable_progress_bar = false")
                con.execute(f"SET memory_limit = '{memory_limit}'")
                t0 = time.perf_counter()
                con.execute(f"CREATE TABLE raw AS SELECT * FROM read_parquet({files!r}, union_by_name = true)")
                con.execute("CHECKPOINT")
                best = min(best, time.perf_counter() - t0)
            finally:
                con.close()
    return best


def query_mix(store: DuckDBStore) -> dict[str, Callable[[], object]]:
    month = TimeRange.month(LAST_MONTH)
    outside = date(2030, 1, 1)  # no forecast: measure the breakdown itself
    svc = DimensionRef(Dimension.SERVICE)
    three = (DimensionRef(Dimension.ACCOUNT), DimensionRef(Dimension.SERVICE), DimensionRef(Dimension.REGION))
    quarter = TimeRange(add_months(LAST_MONTH, -2), add_months(LAST_MONTH, 1))
    return {
        "daily totals (month)": lambda: daily_costs(store, month),
        "top 10 services (+prev)": lambda: run_cost_query(store, CostQuery(month, group_by=(svc,)), today=outside),
        "cost by tag (+untagged)": lambda: run_tag_report(store, "user:team", month),
        "tag coverage (all keys)": lambda: run_tag_report(store, None, month),
        "top 20 resources (+prev)": lambda: run_top_resources(store, 20, month),
        "3-level group-by": lambda: store.aggregate(AggregateRequest(month, group_by=three)),
        "month + forecast": lambda: run_cost_query(store, CostQuery(month), today=date(2024, 12, 16)),
        "quarter by service": lambda: run_cost_query(store, CostQuery(quarter, group_by=(svc,)), today=outside),
    }


def one_run(data: Path, raw_seconds: float, args: argparse.Namespace) -> dict[str, float]:
    """Ingest into a fresh store and time the mix; returns every figure of the run by name."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="trackit-bench-", dir=args.tmp) as tmp:
        store = DuckDBStore(Path(tmp) / "store", threads=args.threads, memory_limit=args.memory_limit)
        t0 = time.perf_counter()
        report = ingest(str(data), store, progress=False)
        load_seconds = time.perf_counter() - t0
        rows = sum(p.rows for p in report.periods)
        store_seconds = sum(p.seconds for p in report.periods)
        figures["load rows/s"] = rows / load_seconds
        figures["load/raw %"] = 100 * raw_seconds / load_seconds
        figures["store part %"] = 100 * store_seconds / load_seconds
        figures["RSS after load MiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"load: {rows:,} rows in {load_seconds:.1f} s = {rows / load_seconds:,.0f} rows/s "
            f"({figures['load/raw %']:.0f}% of the raw copy rate; replace_period {store_seconds:.1f} s of it)"
        )
        print(f"{'query':<28}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        for name, fn in query_mix(store).items():
            fn()  # warm-up: attaches files, fills caches (as the first query after start does)
            samples = []
            for _ in range(args.repeat):
                t1 = time.perf_counter()
                fn()
                samples.append((time.perf_counter() - t1) * 1000)
            figures[f"{name} p50"] = statistics.median(samples)
            figures[f"{name} p95"] = percentile(samples, 0.95)
            print(f"{name:<28}{figures[f'{name} p50']:>9.1f}{figures[f'{name} p95']:>9.1f}{max(samples):>9.1f}")
        figures["peak RSS MiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        figures["load avg 1m"] = os.getloadavg()[0]
        print(f"peak RSS: {figures['peak RSS MiB']:,.0f} MiB; load average {figures['load avg 1m']:.2f}")
        store.close()
    return figures


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000, help="line items per month (default 1M)")
    p.add_argument("--months", type=int, default=2, help="months ending 2024-12 (default 2)")
    p.add_argument("--repeat", type=int, default=20, help="timed runs per query (default 20)")
    p.add_argument("--runs", type=int, default=1, help="whole runs (fresh ingest each); medians printed")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--memory-limit", default="1GB")
    p.add_argument("--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "trackit-bench-data")
    p.add_argument("--tmp", default=None, help="where the stores are created (default: system temp)")
    p.add_argument("--json", type=Path, default=None, help="also write the per-run figures here")
    args = p.parse_args(argv)

    data = ensure_data(args.data_dir, args.rows, args.months)
    raw = raw_read_seconds(data, args.threads, args.memory_limit)
    total_rows = args.rows * args.months
    print(
        f"# {args.months} x {args.rows:,} line items ({FORMAT}), threads={args.threads}, "
        f"memory_limit={args.memory_limit}; raw parquet copy {raw:.2f} s = {total_rows / raw:,.0f} rows/s; "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    runs = []
    for i in range(args.runs):
        print(f"## run {i + 1}/{args.runs}")
        runs.append(one_run(data, raw, args))
    if args.runs > 1:
        print(f"## median of {args.runs} runs")
        for name in runs[0]:
            print(f"{name:<34}{statistics.median(r[name] for r in runs):>12,.1f}")
    worst = max(v for k, v in runs[-1].items() if k.endswith(" p95"))
    print(f"worst p95 (last run): {worst:.1f} ms")
    if args.json is not None:
        args.json.write_text(json.dumps({"rows": args.rows, "months": args.months, "runs": runs}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
