"""What the "what changed" part of an anomaly alert's root cause costs, per alert, over a billing store.

Run: `.venv/bin/python bench/anomaly_rootcause.py [--months 4] [--rows-per-month 200000] [--repeat 5]
[--store URL]` (default: a DuckDB store in a temporary folder; `--store elasticsearch://...` or
`opensearch://...` measures a search cluster, loaded once under the bench's own index prefix).

The sample organisation (`bot.samples.generate`, its default event plan, daily line items) is generated and
ingested once. The daily job's detection (`detect_recent`) runs on the last complete day of each of the last
weeks, and for each alert it found the root cause is computed twice, exactly as the job does (`explain_windows`
with the alert's windows, slice and expectation): the breakdowns alone (what the alert cost before), and with
`changes=True` (what changed per resource: new, gone, usage vs rate). Reported per alert: the median of `--repeat`
runs of each after a warm-up, the extra milliseconds and store calls, with the load average (the machine is
shared). CloudTrail look-ups are not timed here: they are network calls to AWS, bounded to 8 one-page
LookupEvents calls per alert (`bot.aws.cloudtrail.MAX_CALLS`) and made only once, after a new alert is posted.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.anomaly_replay import AsOf
from bot.billing.anomaly import Anomaly, DetectorConfig
from bot.billing.anomaly_rootcause import (
    DEFAULT_CAUSE_DIMENSIONS,
    RootCause,
    anomaly_filters,
    expectation,
    explain_windows,
    windows,
)
from bot.billing.charges import USAGE_ONLY
from bot.billing.model import AggregateRequest, AggregateRow
from bot.billing.store import BillingStore
from bot.samples import generate
from bot.store.registry import open_store
from jobs.anomaly_alerts import detect_recent, last_complete_day


class Counting:
    """Counts `aggregate` calls made through a store (the rest of the contract passes through)."""

    def __init__(self, store: BillingStore) -> None:
        self.store = store
        self.calls = 0

    def aggregate(self, request: AggregateRequest) -> list[AggregateRow]:
        self.calls += 1
        return self.store.aggregate(request)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


def paired_ms(a: Callable[[], object], b: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median ms of `a` and of `b`, run in turns after one warm-up each (so load changes hit both alike)."""
    a()
    b()
    runs: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((a, runs[0]), (b, runs[1])):
            t0 = time.perf_counter()
            fn()
            out.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs[0]), statistics.median(runs[1])


def measure(view: BillingStore, a: Anomaly, repeat: int) -> tuple[float, float, int, int, RootCause]:
    """The alert's root cause without and with what changed, as the job computes it: median ms of each, store
    calls of each, and the cause with its changes."""
    window, base_window = windows(a)
    counted = Counting(view)

    def run(changes: bool) -> RootCause:
        return explain_windows(
            counted,  # type: ignore[arg-type]
            window,
            base_window,
            filters=(*anomaly_filters(a), USAGE_ONLY),
            dimensions=DEFAULT_CAUSE_DIMENSIONS,
            increase=a.impact >= 0,
            expected=expectation(a, window),
            changes=changes,
            by_resource=a.dimension != "resource",
        )

    ms0, ms1 = paired_ms(lambda: run(False), lambda: run(True), repeat)
    counted.calls = 0
    run(False)
    n0 = counted.calls
    counted.calls = 0
    cause = run(True)
    return ms0, ms1, n0, counted.calls, cause


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", type=int, default=4)
    parser.add_argument("--rows-per-month", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--weeks", type=int, default=10, help="detection days: the last day of each of N weeks")
    parser.add_argument("--store", default="", help="billing store URL (default: DuckDB in a temporary folder)")
    parser.add_argument("--dir", type=Path, default=None, help="keep the data here (reused when present)")
    args = parser.parse_args(argv)
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}")
    base = args.dir or Path(tempfile.mkdtemp(prefix="trackit-rootcause-"))
    exports = base / "exports"
    if not any(exports.rglob("ground_truth.json")):
        generate(
            exports,
            fmt="cur2-parquet",
            start=date(2025, 1, 1),
            months=args.months,
            rows_per_month=args.rows_per_month,
            seed=7,
            granularity="daily",
        )
    store = open_store(args.store or f"duckdb://{base / 'store'}")
    try:
        if not store.periods():
            from bot.ingest.pipeline import ingest

            ingest(str(exports), store, progress=False)
        last = last_complete_day(store)
        assert last is not None
        where = args.store or f"duckdb in {base}"
        print(f"store: {where}, {sum(p.rows for p in store.periods()):,} line items")
        config = DetectorConfig()
        before: list[float] = []
        after: list[float] = []
        calls_before: list[int] = []
        calls_after: list[int] = []
        shown = 0
        for week in range(args.weeks):
            view = AsOf(store, last + timedelta(days=1) - timedelta(days=7 * week))  # the morning after
            for detection in detect_recent(view, config=config):
                a = detection.anomaly
                ms0, ms1, n0, n1, cause = measure(view, a, args.repeat)
                before.append(ms0)
                after.append(ms1)
                calls_before.append(n0)
                calls_after.append(n1)
                if shown < 3 and cause.changes:
                    shown += 1
                    top = ", ".join(f"{c.kind.value} {c.key} {c.excess:+,.2f}" for c in cause.changes[:3])
                    print(f"  {a.dimension}={a.value} {a.start.date()} {a.impact:+,.2f}: {top}")
        if not before:
            print("no alerts found: nothing to measure")
            return 0
        extra = [b - a for a, b in zip(before, after, strict=True)]
        print(
            f"{len(before)} alerts; root cause per alert, median: {statistics.median(before):.1f} ms without "
            f"what changed, {statistics.median(after):.1f} ms with it: +{statistics.median(extra):.1f} ms "
            f"(max +{max(extra):.1f} ms); store calls {statistics.median(calls_before):.0f} -> "
            f"{statistics.median(calls_after):.0f}  (load {os.getloadavg()[0]:.2f})"
        )
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
