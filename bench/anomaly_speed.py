"""Anomaly engine speed: one year of 5-minute data through `trackit anomalies detect`'s path, and `detect_many`
over 2,000 daily series as the daily job calls it.

Run: `.venv/bin/python bench/anomaly_speed.py [--repeat 3]`. Each figure is the median of the repeats, measured in
this process after one warm-up call; the load average is printed with it (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.billing.anomaly import DetectorConfig, Series, detect, detect_many

START = datetime(2025, 1, 1, tzinfo=UTC)


def five_minute_year(seed: int = 5) -> Series:
    """105,120 points: a daily and weekly rhythm, multiplicative noise, a few spikes."""
    rng = np.random.default_rng(seed)
    n = 365 * 288
    t = np.arange(n)
    hour = (t % 288) / 12
    weekday = (START.weekday() + t // 288) % 7
    x = 40 * (1 + 0.6 * np.sin((hour - 8) / 24 * 2 * np.pi).clip(0)) * np.where(weekday >= 5, 0.6, 1.0)
    x = x * np.exp(rng.normal(0, 0.1, n))
    for at in rng.integers(0, n - 36, 12):
        x[at : at + 36] *= 8
    return Series(START, timedelta(minutes=5), tuple(float(v) for v in x), "metric", "cpu")


def daily_bill(count: int = 2000, days: int = 70, seed: int = 9) -> dict[tuple[str, str], Series]:
    """`count` daily cost series of 70 days (the job's window) in four dimensions: half with quieter weekends,
    one in 25 with a step in its last ten days."""
    rng = np.random.default_rng(seed)
    out: dict[tuple[str, str], Series] = {}
    dims = ("service", "account", "region", "usage-type")
    for i in range(count):
        level = float(np.exp(rng.uniform(np.log(5), np.log(5000))))
        weekend = rng.uniform(0.4, 0.9) if i % 2 else 1.0  # half the series spend less at weekends
        x = level * np.where((START.weekday() + np.arange(days)) % 7 >= 5, weekend, 1.0)
        x = x * np.exp(rng.normal(0, 0.05, days))
        if i % 25 == 0:
            x[days - 10 :] *= 2
        key = (dims[i % 4], f"v{i}")
        out[key] = Series(START, timedelta(days=1), tuple(float(v) for v in x), *key)
    return out


def timed(fn: Callable[[], object], repeat: int) -> float:
    fn()
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"machine: {platform.machine()} {os.cpu_count()} cpus, Python {platform.python_version()}")
    year = five_minute_year()
    metric = DetectorConfig.for_unit("percent")
    secs = timed(lambda: detect(year, metric), args.repeat)
    print(f"detect, 5-minute year ({len(year):,} points): {secs:.2f} s  (load {os.getloadavg()[0]:.2f})")
    bill = daily_bill()
    secs = timed(lambda: detect_many(bill, DetectorConfig()), args.repeat)
    print(f"detect_many, {len(bill):,} daily series x 70 days: {secs:.2f} s  (load {os.getloadavg()[0]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
