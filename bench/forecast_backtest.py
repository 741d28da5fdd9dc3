"""Month-end forecast backtest: the forecast the bot would have given on days 3, 7, 14 and 21 of every month,
against the month's actual total and two naive baselines.

    .venv/bin/python bench/forecast_backtest.py                          # the sample organisation, 12 months
    .venv/bin/python bench/forecast_backtest.py --export /path/to/cur    # any export directory (repeatable)
    .venv/bin/python bench/forecast_backtest.py --export a --export b --no-sample --json out.json

Each export (a generated sample, or a genuine CUR / CUR 2.0 / FOCUS delivery tree) is ingested through the real
pipeline into a fresh DuckDB store. Then, for every month that has a whole previous month before it and whose
data reaches its end, and for every checkpoint day D, the store is seen as it stood at the start of day D: no
line item starting on or after D, data fresh up to D 00:00 (`AsOfStore`). Month-long lines booked on the 1st
(fees, tax, credits) are visible from the 1st, as in a real export. On that view:

- ours: `bot.billing.pace.compute_pace(store, today=D)`, exactly what `/cost`, the daily summary and budget
  alerts show that day;
- baseline "last month": the previous month's total;
- baseline "run rate + fees": usage-driven charges so far / complete days x days in the month, plus the previous
  month's period charges (fees, tax, credits).

Reported per checkpoint and overall: MAPE (mean of |forecast - actual| / |actual|) for each, and the share of
months whose actual total fell inside our 80% range. Targets: better than both baselines at every checkpoint,
MAPE <= 5% over all checkpoints on the sample organisation, range hit rate 70-90%.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bot.billing.charges import PERIOD_CHARGES, USAGE_ONLY
from bot.billing.model import (
    AggregateRequest,
    AggregateRow,
    DimensionRef,
    Filter,
    Freshness,
    PeriodStatus,
    TagCoverage,
    TimeRange,
    combined_until,
)
from bot.billing.pace import compute_pace
from bot.billing.periods import add_months
from bot.billing.store import BillingStore, LoadResult, NormalizedSource, Progress
from bot.ingest.pipeline import ingest
from bot.store.duckdb import DuckDBStore

CHECKPOINTS = (3, 7, 14, 21)


class AsOfStore(BillingStore):
    """A read-only view of `inner` as it stood at the start of `as_of` (UTC): nothing that starts later, data
    fresh up to that instant at most, and the period holding it not final."""

    scheme = "as-of"

    def __init__(self, inner: BillingStore, as_of: date) -> None:
        self.inner = inner
        self.as_of = as_of
        self.instant = datetime.combine(as_of, datetime.min.time(), UTC)

    def _clip(self, time_range: TimeRange) -> TimeRange | None:
        if time_range.start >= self.as_of:
            return None
        return replace(time_range, end=min(time_range.end, self.as_of))

    def replace_period(self, source: NormalizedSource, progress: Progress | None = None) -> LoadResult:
        raise NotImplementedError("a backtest view is read-only")

    def delete_period(self, billing_period: date, source: str | None = None) -> bool:
        raise NotImplementedError("a backtest view is read-only")

    def periods(self) -> list[PeriodStatus]:
        out = []
        for p in self.inner.periods():
            if p.billing_period >= self.as_of:
                continue
            until = None if p.data_until is None else min(p.data_until, self.instant)
            current = add_months(p.billing_period, 1) > self.as_of
            out.append(replace(p, data_until=until, final=p.final and not current))
        return out

    def aggregate(self, request: AggregateRequest) -> list[AggregateRow]:
        clipped = self._clip(request.time_range)
        return [] if clipped is None else self.inner.aggregate(replace(request, time_range=clipped))

    def count_groups(self, request: AggregateRequest) -> int:
        clipped = self._clip(request.time_range)
        return 0 if clipped is None else self.inner.count_groups(replace(request, time_range=clipped))

    def tag_coverage(self, time_range: TimeRange, filters: Sequence[Filter] = ()) -> list[TagCoverage]:
        clipped = self._clip(time_range)
        return [] if clipped is None else self.inner.tag_coverage(clipped, filters)

    def distinct_values(self, dimension: DimensionRef, limit: int = 10_000) -> list[str]:
        return self.inner.distinct_values(dimension, limit)

    def tag_keys(self) -> list[str]:
        return self.inner.tag_keys()

    def accounts(self) -> dict[str, str]:
        return self.inner.accounts()

    def freshness(self, time_range: TimeRange | None = None) -> Freshness:
        periods = self.periods()
        if time_range is not None:
            wanted = set(time_range.months())
            periods = [p for p in periods if p.billing_period in wanted]
        return Freshness(combined_until(periods), tuple(periods))

    def iter_line_items(
        self, time_range: TimeRange, filters: Sequence[Filter] = (), columns: Sequence[str] = ()
    ) -> Iterator[dict[str, object]]:
        clipped = self._clip(time_range)
        if clipped is not None:
            yield from self.inner.iter_line_items(clipped, filters, columns)


@dataclass(frozen=True)
class Case:
    """One forecast: the month, the checkpoint day, the actual total and the three forecasts."""

    export: str
    month: date
    day: int
    actual: float
    ours: float
    low: float
    high: float
    last_month: float
    run_rate: float
    seconds: float

    def error(self, value: float) -> float:
        return abs(value - self.actual) / abs(self.actual)

    @property
    def hit(self) -> bool:
        return self.low <= self.actual <= self.high


def total(store: BillingStore, time_range: TimeRange, *filters: Filter) -> float:
    return float(sum(r.cost for r in store.aggregate(AggregateRequest(time_range, filters=filters))))


def backtest(store: BillingStore, name: str) -> list[Case]:
    """Every checkpoint of every month of `store` that has a whole previous month and whose data reaches its end."""
    periods = sorted(p.billing_period for p in store.periods())
    until = store.freshness().data_until
    cases = []
    for month in periods[1:]:
        end = add_months(month, 1)
        previous = add_months(month, -1)
        if previous not in periods or until is None or until < datetime.combine(end, datetime.min.time(), UTC):
            continue
        actual = total(store, TimeRange(month, end))
        last_month = total(store, TimeRange(previous, month))
        last_fees = total(store, TimeRange(previous, month), PERIOD_CHARGES)
        if abs(actual) < 0.01:
            continue
        for day in CHECKPOINTS:
            today = month + timedelta(days=day - 1)
            view = AsOfStore(store, today)
            t0 = time.perf_counter()
            pace = compute_pace(view, today)
            seconds = time.perf_counter() - t0
            assert pace.forecast is not None
            f = pace.forecast
            usage = total(view, TimeRange(month, today), USAGE_ONLY)
            run_rate = usage / (day - 1) * (end - month).days + last_fees
            cases.append(Case(name, month, day, actual, f.expected, f.low, f.high, last_month, run_rate, seconds))
    return cases


def mape(values: Sequence[float]) -> float:
    return statistics.fmean(values) * 100 if values else float("nan")


def report(cases: Sequence[Case], title: str) -> list[str]:
    lines = [
        f"{title}: {len({(c.export, c.month) for c in cases})} months, {len(cases)} forecasts",
        "| checkpoint | ours MAPE | last month | run rate + fees | 80% range holds actual |",
        "|---|---|---|---|---|",
    ]
    for label, subset in [*((f"day {d}", [c for c in cases if c.day == d]) for d in CHECKPOINTS), ("all", cases)]:
        if not subset:
            continue
        ours = mape([c.error(c.ours) for c in subset])
        last = mape([c.error(c.last_month) for c in subset])
        rate = mape([c.error(c.run_rate) for c in subset])
        hits = sum(c.hit for c in subset)
        lines.append(
            f"| {label} | **{ours:.1f}%** | {last:.1f}% | {rate:.1f}% | {hits}/{len(subset)} "
            f"({hits / len(subset) * 100:.0f}%) |"
        )
    return lines


def generate_sample(target: Path, months: int, seed: int, rows: int) -> Path:
    from bot.samples.generate import generate

    start = add_months(date(2026, 1, 1), 0)
    generate(target, fmt="cur2-parquet", start=start, months=months, rows_per_month=rows, seed=seed)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--export", action="append", type=Path, default=[], help="an export directory or file")
    parser.add_argument("--store", action="append", type=Path, default=[], help="an already ingested DuckDB store")
    parser.add_argument("--no-sample", action="store_true", help="only the --export directories")
    parser.add_argument("--months", type=int, default=12, help="months of the sample organisation")
    parser.add_argument("--rows", type=int, default=50_000, help="line items a month in the sample")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write every forecast as JSON here")
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    args = parser.parse_args(argv)

    work = args.keep or Path(tempfile.mkdtemp(prefix="trackit-forecast-"))
    work.mkdir(parents=True, exist_ok=True)
    sources: list[tuple[str, Path]] = [(str(p), p) for p in args.export]
    if not args.no_sample:
        sample = work / "sample"
        if not sample.exists():
            print(f"generating {args.months} months of the sample organisation ...", file=sys.stderr, flush=True)
            generate_sample(sample, args.months, args.seed, args.rows)
        sources.insert(0, (f"sample organisation (seed {args.seed})", sample))
    every: list[Case] = []
    try:
        for path in args.store:
            store = DuckDBStore(path)
            try:
                cases = backtest(store, str(path))
            finally:
                store.close()
            every += cases
            print("\n".join(report(cases, str(path))) + "\n")
        for i, (name, path) in enumerate(sources):
            store_dir = work / f"store-{i}"
            shutil.rmtree(store_dir, ignore_errors=True)
            store = DuckDBStore(store_dir)
            try:
                ingest(str(path), store, progress=False)
                cases = backtest(store, name)
            finally:
                store.close()
            every += cases
            print("\n".join(report(cases, name)) + "\n")
        if len(sources) + len(args.store) > 1:
            print("\n".join(report(every, "all exports")) + "\n")
        timings = sorted(c.seconds for c in every)
        load = os.getloadavg()
        print(
            f"forecast compute: median {statistics.median(timings) * 1000:.0f} ms per forecast "
            f"(DuckDB store, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f})"
            if timings
            else "no month had a whole previous month and complete data: nothing to backtest"
        )
        if args.json:
            args.json.write_text(
                json.dumps([{**c.__dict__, "month": c.month.isoformat()} for c in every], indent=1) + "\n"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
