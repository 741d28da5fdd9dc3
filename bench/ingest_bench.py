"""Ingest cost against the strongest fair yardstick: DuckDB reading exactly the columns the store needs.

    .venv/bin/python bench/ingest_bench.py --rows 1000000                     # 1M line items, parquet and csv.gz
    .venv/bin/python bench/ingest_bench.py --rows 100000000 --formats parquet --runs 1

Data: one month of the sample organisation (`bench/datasets.py`: generated once under `bench/out/data/`, reused),
CUR 2.0 parquet and legacy CUR csv.gz. Each run starts two fresh processes, one after the other:

- ingest: `bot.ingest.pipeline.ingest(dir, store)` into a new DuckDB billing store (strict reading, DECIMAL
  reconciliation, the period file with its rollups, atomic publication). The child records which export
  columns the reader looked up (every one it reads: the mapped columns, tags, cost categories, the line-item key
  of the duplicate check);
- yardstick: DuckDB reads exactly those columns from the same files into a table in a new database file
  (`CREATE TABLE t AS SELECT <those columns> FROM read_parquet(...) / read_csv(...)`), same threads and memory
  limit: no transformation, no rollups, no checks. Map columns the store does not read (`product` where flat
  columns exist ...) are left out. Measured two ways (`--yardstick`), each in a fresh process: one statement
  over every file on all the threads, and file by file on one-thread connections, as many at once as there are
  threads, each with its share of the memory limit (the way the store loads a delivery of several files; DuckDB
  spends about half the CPU per row on one thread that it spends on two). The ratio is against the cheaper.

Figures per process: CPU seconds (user + system of every thread: the steady figure on a shared machine), wall
seconds, peak RSS as the kernel's high-water mark of the process's own memory (`VmHWM`, read by the child at its
end: `ru_maxrss` is not used because a child inherits its parent's high-water mark through fork and exec), and
the load average. The table gives the median of `--runs`, the ratio ingest CPU / yardstick CPU and the bytes of
CSV staged (the staged copies of a period, measured before the store loads them). `--csv-staging` replaces the
reader's CSV staging (a parquet compression, or `none`: the CSV parsed twice, for the checks and for the load).
Targets: ingest CPU <= 2x the yardstick from parquet and <= 3x from csv.gz; peak RSS < 2 GiB.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from datasets import OUT, data_files, dataset

ROOT = Path(__file__).resolve().parents[1]
FORMATS = {"parquet": "cur2-parquet", "csv.gz": "cur1-csv"}
TARGETS = {"parquet": 2.0, "csv.gz": 3.0}

_MEASURE = r"""
def _measure(rows, seconds, extra=None):
    import json, resource, os
    use = resource.getrusage(resource.RUSAGE_SELF)
    hwm = 0
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) * 1024
    print(json.dumps({"seconds": seconds, "rows": rows, "peak_rss": hwm, "cpu": use.ru_utime + use.ru_stime,
                      "load": os.getloadavg()[0], **(extra or {})}))
"""

_CHILD_RAW = (
    _MEASURE
    + r"""
import json, sys, time, duckdb
files, kind, db, threads, memory, columns = (json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]),
                                             sys.argv[5], json.loads(sys.argv[6]))
con = duckdb.connect(db, config={"threads": threads, "memory_limit": memory})
con.execute("SET enable_progress_bar = false")
cols = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
src = f"read_parquet({files!r}, union_by_name = true)" if kind == "parquet" else f"read_csv({files!r}, header = true)"
t0 = time.perf_counter()
con.execute(f"CREATE TABLE t AS SELECT {cols} FROM {src}")
con.execute("CHECKPOINT")
rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
seconds = time.perf_counter() - t0
con.close()
_measure(rows, seconds)
"""
)

_CHILD_RAW_FILES = (
    _MEASURE
    + r"""
import json, sys, time, duckdb
from concurrent.futures import ThreadPoolExecutor
from bot.store.duckdb_load import split_config
files, kind, db, threads, memory, columns = (json.loads(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]),
                                             sys.argv[5], json.loads(sys.argv[6]))
cols = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
workers, config = split_config(threads, memory, len(files))  # the store's own split of threads and memory

def one(i):
    con = duckdb.connect(f"{db}.{i}", config=config)
    con.execute("SET enable_progress_bar = false")
    src = f"read_parquet({files[i]!r})" if kind == "parquet" else f"read_csv({files[i]!r}, header = true)"
    con.execute(f"CREATE TABLE t AS SELECT {cols} FROM {src}")
    con.execute("CHECKPOINT")
    n = con.execute("SELECT count(*) FROM t").fetchall()[0][0]
    con.close()
    return n

t0 = time.perf_counter()
with ThreadPoolExecutor(workers) as pool:
    rows = sum(pool.map(one, range(len(files))))
_measure(rows, time.perf_counter() - t0)
"""
)

_CHILD_INGEST = (
    _MEASURE
    + r"""
import logging, sys, time
from bot.ingest import pipeline, readers
from bot.ingest.pipeline import ingest
from bot.store.registry import open_store
data, store_dir, threads, memory, staging = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
if staging not in ("", "none"):
    readers.STAGE_OPTIONS = f"FORMAT parquet, COMPRESSION {staging}"
staged = [0]
build = pipeline.build_source
def measuring(*args, **kw):
    if staging == "none":
        kw["stage_dir"] = None
    out = build(*args, **kw)
    if kw.get("stage_dir") is not None:  # the staged copies live until the period is loaded
        staged[0] += sum(p.stat().st_size for p in kw["stage_dir"].glob("staged-*"))
    return out
pipeline.build_source = measuring
looked_up = set()
find = readers._Resolver.find
def recording(self, name):
    hit = find(self, name)
    if hit is not None:
        looked_up.add(hit)
    return hit
readers._Resolver.find = recording
logging.basicConfig(level=logging.WARNING)
store = open_store(f"duckdb://{store_dir}?threads={threads}&memory_limit={memory}")
t0 = time.perf_counter()
report = ingest(data, store, progress=False)
seconds = time.perf_counter() - t0
store.close()
_measure(sum(p.rows for p in report.periods), seconds, {"columns": sorted(looked_up), "staged": staged[0]})
"""
)

#: Export columns holding tags and cost categories (the reader finds them by prefix, not by name).
_TAG_PREFIXES = ("resourcetags/", "resource_tags", "costcategory/", "cost_category", "tags", "x_costcategories")


@dataclass(frozen=True)
class Measure:
    seconds: float
    rows: int
    peak_rss: int
    cpu: float
    load: float


def _child(code: str, *args: str) -> tuple[Measure, dict[str, object]]:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{proc.stderr[-3000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return Measure(out["seconds"], out["rows"], out["peak_rss"], out["cpu"], out["load"]), out


def _file_columns(files: list[Path], kind: str) -> list[str]:
    import duckdb

    src = f"read_parquet({[str(f) for f in files]!r}, union_by_name = true)"
    if kind == "csv":
        src = f"read_csv({[str(f) for f in files]!r}, header = true)"
    return [str(d[0]) for d in duckdb.sql(f"SELECT * FROM {src} LIMIT 0").description]


def _needed(looked_up: list[str], every: list[str]) -> list[str]:
    tags = [c for c in every if c.lower().startswith(_TAG_PREFIXES)]
    return sorted(set(looked_up) | set(tags))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--rows", type=int, default=1_000_000, help="line items in the month (e.g. 1000000, 100000000)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--memory-limit", default="1GB")
    p.add_argument("--formats", nargs="+", choices=sorted(FORMATS), default=["parquet", "csv.gz"])
    p.add_argument("--work", type=Path, default=OUT / "ingest", help="where stores are written (removed after)")
    p.add_argument("--json", type=Path, default=None, help="also write every run's figures here")
    p.add_argument(
        "--yardstick",
        choices=("both", "statement", "per-file"),
        default="both",
        help="how DuckDB reads the columns: one statement, file by file on one-thread connections, or both "
        "(the ratio is against the cheaper)",
    )
    p.add_argument(
        "--csv-staging",
        default="",
        help="CSV staging to measure instead of the reader's own: a parquet compression (uncompressed, snappy, "
        "zstd, lz4) or none (the CSV read twice: checks, then the load)",
    )
    args = p.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)

    results = []
    for label in args.formats:
        kind = "parquet" if label == "parquet" else "csv"
        data = dataset(FORMATS[label], args.rows)
        files = data_files(data)
        size = sum(f.stat().st_size for f in files)
        every = _file_columns(files, kind)
        raw: list[Measure] = []
        ing: list[Measure] = []
        needed: list[str] = []
        staged: list[int] = []
        for run in range(args.runs):
            work = Path(tempfile.mkdtemp(prefix="run-", dir=args.work))
            try:
                m, out = _child(
                    _CHILD_INGEST,
                    str(data),
                    str(work / "store"),
                    str(args.threads),
                    args.memory_limit,
                    args.csv_staging,
                )
                staged.append(int(str(out.get("staged", 0))))
                ing.append(m)
                looked_up = out["columns"]
                assert isinstance(looked_up, list)
                needed = _needed([str(c) for c in looked_up], every)
                ways = {"statement": [_CHILD_RAW], "per-file": [_CHILD_RAW_FILES]}.get(
                    args.yardstick, [_CHILD_RAW, _CHILD_RAW_FILES]
                )
                measured = []
                for code in ways:
                    m_raw, _ = _child(
                        code,
                        json.dumps([str(f) for f in files]),
                        kind,
                        str(work / "raw.duckdb"),
                        str(args.threads),
                        args.memory_limit,
                        json.dumps(needed),
                    )
                    measured.append(m_raw)
                    for stale in work.glob("raw.duckdb*"):
                        stale.unlink()
                    print(
                        f"  {label} yardstick {'per file' if code is _CHILD_RAW_FILES else 'one statement'}: "
                        f"{m_raw.cpu:.1f} CPU-s ({m_raw.seconds:.1f} s, {m_raw.peak_rss / 2**20:,.0f} MiB, "
                        f"load {m_raw.load:.1f})",
                        flush=True,
                    )
                raw.append(min(measured, key=lambda m: m.cpu))
            finally:
                shutil.rmtree(work, ignore_errors=True)
            print(
                f"  {label} run {run + 1}: ingest {ing[-1].cpu:.1f} CPU-s ({ing[-1].seconds:.1f} s wall, peak "
                f"{ing[-1].peak_rss / 2**20:,.0f} MiB, staged {staged[-1] / 1e6:,.0f} MB, load {ing[-1].load:.1f}); "
                f"yardstick {raw[-1].cpu:.1f} CPU-s ({raw[-1].seconds:.1f} s, {raw[-1].peak_rss / 2**20:,.0f} MiB, "
                f"load {raw[-1].load:.1f}); "
                f"ratio {ing[-1].cpu / raw[-1].cpu:.2f}",
                flush=True,
            )
        rows = ing[0].rows
        results.append(
            {
                "format": label,
                "rows": rows,
                "mb": size / 1e6,
                "columns": f"{len(needed)} of {len(every)}",
                "needed": needed,
                "ingest_cpu": statistics.median(m.cpu for m in ing),
                "raw_cpu": statistics.median(m.cpu for m in raw),
                "ingest_s": statistics.median(m.seconds for m in ing),
                "raw_s": statistics.median(m.seconds for m in raw),
                "ratio": statistics.median(i.cpu / r.cpu for i, r in zip(ing, raw, strict=True)),
                "peak": max(m.peak_rss for m in ing),
                "staged_mb": max(staged) / 1e6,
                "raw_peak": max(m.peak_rss for m in raw),
                "load": statistics.median(m.load for m in ing + raw),
                "runs": [[i.__dict__, r.__dict__] for i, r in zip(ing, raw, strict=True)],
            }
        )

    print()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, DuckDB "
        f"threads={args.threads} memory_limit={args.memory_limit}; median of {args.runs} run(s); load average "
        "as measured at the end of each process"
    )
    head = (
        f"{'format':<8} {'rows':>12} {'MB':>7} {'columns':>9} {'yard CPU-s':>10} {'ingest CPU-s':>12} "
        f"{'us/row':>7} {'ratio':>6} {'wall s':>7} {'peak RSS':>9} {'yard RSS':>9} {'staged MB':>9} {'load':>5}  target"
    )
    print(head)
    print("-" * len(head))
    ok = True
    for r in results:
        passed = r["ratio"] <= TARGETS[r["format"]] and r["peak"] < 2 * 2**30
        ok &= passed
        print(
            f"{r['format']:<8} {r['rows']:>12,} {r['mb']:>7,.0f} {r['columns']:>9} {r['raw_cpu']:>10.1f} "
            f"{r['ingest_cpu']:>12.1f} {r['ingest_cpu'] / r['rows'] * 1e6:>7.2f} {r['ratio']:>6.2f} "
            f"{r['ingest_s']:>7.1f} {r['peak'] / 2**20:>5,.0f} MiB {r['raw_peak'] / 2**20:>5,.0f} MiB "
            f"{r['staged_mb']:>9,.0f} "
            f"{r['load']:>5.1f}  {'ok' if passed else 'MISSED'} (<= {TARGETS[r['format']]:.0f}x, < 2 GiB)"
        )
    for r in results:
        print(f"{r['format']} yardstick columns: {', '.join(r['needed'])}")
    if args.json is not None:
        args.json.write_text(json.dumps(results, indent=1))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
