"""Ingest throughput and peak memory, against DuckDB reading the same files raw.

    .venv/bin/python bench/ingest_bench.py --rows 1000000            # 1M line items, parquet and csv.gz
    .venv/bin/python bench/ingest_bench.py --rows 10000000 --runs 3  # 10M

For each format the sample generator (`bot.samples`) writes `--rows` line items over `--months` months once
(kept in `--dir` and reused while the size and seed match). Each run is a fresh child process:

- raw: DuckDB copies the files into a new database file with no processing
  (`CREATE TABLE raw AS SELECT * FROM read_parquet(...)` / `read_csv(...)`), same threads and memory limit;
- ingest: `bot.ingest.pipeline.ingest(dir, store)` into a fresh DuckDB billing store (normalise, reconcile
  totals in DECIMAL, swap periods atomically).

Timings are taken inside the child around the work; peak memory is the child's own peak RSS (ru_maxrss). The
table shows the median of `--runs` runs. Targets: ingest at least 50% of the raw rate, peak RSS under 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMATS = {"parquet": "cur2-parquet", "csv.gz": "cur1-csv"}

_CHILD_RAW = r"""
import json, resource, sys, time, duckdb
files, kind, db, threads = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
con = duckdb.connect(db)
con.execute(f"SET threads = {threads}"); con.execute("SET memory_limit = '1GB'")
con.execute("SET enable_progress_bar = false")
src = f"read_parquet({files!r})" if kind == "parquet" else f"read_csv({files!r}, header = true)"
t0 = time.perf_counter()
con.execute(f"CREATE TABLE raw AS SELECT * FROM {src}")
rows = con.execute("SELECT count(*) FROM raw").fetchone()[0]
seconds = time.perf_counter() - t0
con.close()
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "rows": rows, "peak_rss": use.ru_maxrss * 1024,
                  "cpu": use.ru_utime + use.ru_stime}))
"""

_CHILD_INGEST = r"""
import json, logging, resource, sys, time
from bot.ingest.pipeline import IngestPolicy, ingest
from bot.store.registry import open_store
data, store_dir, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
verify = len(sys.argv) > 4 and sys.argv[4] == "verify"
logging.basicConfig(level=logging.WARNING)
store = open_store(f"duckdb://{store_dir}?threads={threads}&memory_limit=1GB")
t0 = time.perf_counter()
report = ingest(data, store, progress=False, policy=IngestPolicy(verify_csv=verify))
seconds = time.perf_counter() - t0
store.close()
rows = sum(p.rows for p in report.periods)
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "rows": rows, "peak_rss": use.ru_maxrss * 1024,
                  "cpu": use.ru_utime + use.ru_stime}))
"""


@dataclass(frozen=True)
class Measure:
    seconds: float
    rows: int
    peak_rss: int
    cpu: float = 0.0  # user + system CPU seconds of the whole child (every thread); steadier than wall time


def _child(code: str, *args: str) -> Measure:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return Measure(out["seconds"], out["rows"], out["peak_rss"], out.get("cpu", 0.0))


def _dataset(base: Path, fmt: str, rows: int, months: int, seed: int) -> tuple[Path, list[Path], int]:
    """Generate (or reuse) `rows` line items in `fmt`; returns (root, data files, bytes of data files)."""
    from bot.samples import generate

    root = base / f"{fmt}-{rows}-{months}-{seed}"
    stamp = root / "summary.json"
    if stamp.exists():
        meta = json.loads(stamp.read_text())
        files = [Path(f) for f in meta["files"]]
        if all(f.exists() for f in files):
            return root / "data", files, sum(f.stat().st_size for f in files)
    shutil.rmtree(root, ignore_errors=True)
    per_month = rows // months
    print(f"generating {per_month * months:,} {fmt} line items ...", flush=True)
    s = generate(
        root / "data",
        fmt=fmt,
        start=date(2025, 1, 1),
        months=months,
        rows_per_month=per_month,  # type: ignore[arg-type]
        seed=seed,
    )
    print(f"  {s.rows:,} rows, {s.bytes_written / 1e6:,.0f} MB in {s.seconds:.1f} s", flush=True)
    stamp.write_text(json.dumps({"files": [str(f) for f in s.files], "rows": s.rows}))
    return root / "data", list(s.files), sum(f.stat().st_size for f in s.files)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=1_000_000, help="line items per format (e.g. 1000000, 10000000)")
    p.add_argument("--months", type=int, default=12)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--formats", nargs="+", choices=sorted(FORMATS), default=["parquet", "csv.gz"])
    p.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "trackit-ingest-bench")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--verify-csv", action="store_true", help="ingest with the independent CSV parse (IngestPolicy)")
    args = p.parse_args(argv)
    args.dir.mkdir(parents=True, exist_ok=True)

    results = []
    for label in args.formats:
        data, files, size = _dataset(args.dir, FORMATS[label], args.rows, args.months, args.seed)
        raw: list[Measure] = []
        ing: list[Measure] = []
        for run in range(args.runs):
            work = Path(tempfile.mkdtemp(prefix="run-", dir=args.dir))
            try:
                kind = "parquet" if label == "parquet" else "csv"
                raw.append(
                    _child(
                        _CHILD_RAW,
                        json.dumps([str(f) for f in files]),
                        kind,
                        str(work / "raw.duckdb"),
                        str(args.threads),
                    )
                )
                extra = ["verify"] if args.verify_csv else []
                ing.append(_child(_CHILD_INGEST, str(data), str(work / "store"), str(args.threads), *extra))
            finally:
                shutil.rmtree(work, ignore_errors=True)
            print(
                f"  {label} run {run + 1}: raw {raw[-1].seconds:.2f} s, ingest {ing[-1].seconds:.2f} s "
                f"({ing[-1].cpu:.1f} CPU s), ingest peak {ing[-1].peak_rss / 2**20:,.0f} MiB, "
                f"load average {os.getloadavg()[0]:.2f}",
                flush=True,
            )
        rows = ing[0].rows
        raw_s = statistics.median(m.seconds for m in raw)
        ing_s = statistics.median(m.seconds for m in ing)
        results.append(
            {
                "format": label,
                "rows": rows,
                "mb": size / 1e6,
                "raw_s": raw_s,
                "ingest_s": ing_s,
                "ingest_cpu": statistics.median(m.cpu for m in ing),
                "raw_rps": rows / raw_s,
                "ingest_rps": rows / ing_s,
                "ingest_mbps": size / 1e6 / ing_s,
                "ratio": raw_s / ing_s,
                "peak": max(m.peak_rss for m in ing),
                "raw_peak": max(m.peak_rss for m in raw),
            }
        )

    print()
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, DuckDB threads={args.threads}, median of {args.runs} runs, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    head = (
        f"{'format':<8} {'rows':>12} {'MB':>8} {'raw s':>7} {'raw rows/s':>12} {'ingest s':>9} "
        f"{'ingest rows/s':>14} {'MB/s':>7} {'vs raw':>7} {'CPU s':>6} {'peak RSS':>9} {'raw RSS':>8}  targets"
    )
    print(head)
    print("-" * len(head))
    ok = True
    for r in results:
        passed = r["ratio"] >= 0.5 and r["peak"] < 2 * 2**30
        ok &= passed
        print(
            f"{r['format']:<8} {r['rows']:>12,} {r['mb']:>8,.0f} {r['raw_s']:>7.2f} {r['raw_rps']:>12,.0f} "
            f"{r['ingest_s']:>9.2f} {r['ingest_rps']:>14,.0f} {r['ingest_mbps']:>7.1f} {r['ratio'] * 100:>6.0f}% "
            f"{r['ingest_cpu']:>6.1f} "
            f"{r['peak'] / 2**20:>6,.0f} MiB {r['raw_peak'] / 2**20:>5,.0f} MiB  "
            f"{'ok' if passed else 'MISSED'} (>=50% of raw, <2 GiB)"
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
