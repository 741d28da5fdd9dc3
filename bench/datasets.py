"""Benchmark data sets, generated once into the benchmarks' own folder and reused.

    .venv/bin/python bench/datasets.py cur2-parquet 100000000      # make (or find) one set, print its folder

`dataset(fmt, rows)` is one billing month (January 2025) of the sample organisation (`bot.samples.generate`,
hourly line items from 1M rows a month) with about `rows` line items, under `bench/out/data/` (ignored by git).
Generation runs in a child process at low priority (`nice`), so a 100M set (tens of CPU-minutes) does not starve
other work on a shared machine; an interrupted generation leaves no `.complete` stamp and is started again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
DATA = OUT / "data"
FIRST_MONTH = "2025-01-01"

_GENERATE = r"""
import sys
from datetime import date
from pathlib import Path
from bot.samples import generate
fmt, rows, months, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
target, memory, first = Path(sys.argv[5]), sys.argv[6], date.fromisoformat(sys.argv[7])
s = generate(target, fmt=fmt, start=first, months=months, rows_per_month=rows, seed=seed, threads=2,
             memory_limit=memory)
print(s.rows)
"""


def dataset_dir(fmt: str, rows: int, months: int = 1, seed: int = 7) -> Path:
    """Where the set lives (its exports are under `<dir>/data`)."""
    return DATA / f"{fmt}-{rows}-{months}m-{seed}"


def dataset(fmt: str, rows: int, *, months: int = 1, seed: int = 7, nice: int = 10) -> Path:
    """The exports folder of a generated set (generated now when missing or incomplete)."""
    target = dataset_dir(fmt, rows, months, seed)
    stamp = target / ".complete"
    if stamp.exists():
        return target / "data"
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    # The organisation's own tables grow with its size: 100M line items a month need about 3 GB in DuckDB.
    memory = "4GB" if rows >= 30_000_000 else "1GB"
    args = [str(a) for a in (fmt, rows, months, seed, target / "data", memory, FIRST_MONTH)]
    print(f"# generating {months} x {rows:,} {fmt} line items under {target} (nice {nice}) ...", flush=True)
    t0, cpu0 = time.perf_counter(), os.times()
    subprocess.run(
        ["nice", "-n", str(nice), sys.executable, "-c", _GENERATE, *args], check=True, cwd=ROOT, stdout=subprocess.PIPE
    )
    cpu = os.times()
    used = (cpu.children_user - cpu0.children_user) + (cpu.children_system - cpu0.children_system)
    print(f"# generated in {time.perf_counter() - t0:,.0f} s wall, {used:,.0f} CPU-s", flush=True)
    stamp.write_text("ok\n")
    return target / "data"


def data_files(exports: Path) -> list[Path]:
    """The line-item files of a generated set (not manifests, status tables or the ground truth)."""
    suffixes = (".parquet", ".csv.gz")
    skip = ("inventory.parquet", "cost_and_usage_data_status")
    return sorted(p for p in exports.rglob("*") if p.name.endswith(suffixes) and not any(s in str(p) for s in skip))


if __name__ == "__main__":
    print(dataset(sys.argv[1], int(sys.argv[2])))
