"""Generate a fictional organisation's AWS billing exports in the true S3 layout of each format.

Layouts (relative to `out_dir`; `upload_to_s3` puts them under a bucket prefix):

- ``cur1-csv``: legacy CUR, ``<report>/<yyyymmdd-yyyymmdd>/<assemblyId>/<report>-<n>.csv.gz`` with
  ``<report>-Manifest.json`` both at the period level and at the assembly level
  (https://docs.aws.amazon.com/cur/latest/userguide/understanding-report-versions.html).
- ``cur1-parquet``: legacy CUR with Athena integration, ``<report>/<report>/year=YYYY/month=M/<report>-<n>.snappy
  .parquet``, snake_case columns, plus ``cost_and_usage_data_status`` and the period manifest.
- ``cur2-parquet`` / ``cur2-csv``: CUR 2.0 Data Export, ``<export>/data/BILLING_PERIOD=YYYY-MM/<export>-0000<n>
  .snappy.parquet`` (or ``.csv.gz``) and ``<export>/metadata/BILLING_PERIOD=YYYY-MM/<export>-Manifest.json``
  (https://docs.aws.amazon.com/cur/latest/userguide/dataexports-export-delivery.html).
- ``focus``: FOCUS 1.0 with AWS columns, in the same Data Exports layout, parquet.

Data is produced by DuckDB from `range()` and hashes (see `bot.samples.canonical`) and streamed straight into
the files: Python never holds line items. `ground_truth.json` beside the data lists the injected anomalies.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Literal, get_args

import duckdb

from bot.errors import UsageError
from bot.samples import canonical as cn
from bot.samples import catalog as cat
from bot.samples import columns as cols

Format = Literal["cur1-csv", "cur1-parquet", "cur2-parquet", "cur2-csv", "focus", "focus-1.2"]
FORMATS: tuple[str, ...] = get_args(Format)

DEFAULT_ROWS_PER_MONTH = 50_000
#: Lines per file before a period is split into several parts (AWS splits large deliveries too).
DEFAULT_PART_ROWS = 2_500_000
REPORT_NAMES = {
    "cur1-csv": "acme-cur",
    "cur1-parquet": "acme-cur",
    "cur2-parquet": "acme-cur2",
    "cur2-csv": "acme-cur2",
    "focus": "acme-focus",
    "focus-1.2": "acme-focus12",
}
GROUND_TRUTH = "ground_truth.json"


@dataclass(frozen=True)
class PeriodSummary:
    """One written billing period: rows and the export's own unblended (billed) total, summed in DECIMAL from
    the written files."""

    billing_period: date
    rows: int
    unblended_total: str  # Decimal as text
    files: tuple[Path, ...]
    manifests: tuple[Path, ...]
    assembly_id: str
    final: bool


@dataclass(frozen=True)
class GenerationSummary:
    fmt: str
    root: Path  # out_dir: the layout starts here (report / export folder)
    report_name: str
    seed: int
    periods: tuple[PeriodSummary, ...]
    ground_truth: Path
    seconds: float
    bytes_written: int
    anomalies: tuple[dict[str, object], ...] = field(default_factory=tuple)

    @property
    def rows(self) -> int:
        return sum(p.rows for p in self.periods)

    @property
    def unblended_total(self) -> Decimal:
        return sum((Decimal(p.unblended_total) for p in self.periods), Decimal(0))

    @property
    def files(self) -> tuple[Path, ...]:
        return tuple(f for p in self.periods for f in p.files)


def _add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def generate(
    out_dir: Path,
    *,
    fmt: Format,
    start: date,
    months: int,
    rows_per_month: int | None = None,
    seed: int = 7,
    end: date | None = None,
    part_rows: int = DEFAULT_PART_ROWS,
    bucket: str = "acme-billing",
    threads: int | None = None,
) -> GenerationSummary:
    """Write `months` billing periods from the month of `start` in format `fmt` under `out_dir`.

    Every period holds exactly `rows_per_month` line items (default 50,000), except a period cut short by `end`
    (exclusive end of usage, e.g. today for a month in progress), which holds its share of days. The data is a
    pure function of the arguments (same seed, same line items; gzip headers carry the write time). The last
    period is left open (no invoice id, not finalized), the others are final. Totals in the summary are summed in
    DECIMAL from the written files. Raises `UsageError` for an unknown format or sizes that cannot hold a month's
    fixed lines.
    """
    t0 = time.perf_counter()
    if fmt not in FORMATS:
        raise UsageError(f"unknown sample format {fmt!r}", hint=f"Use one of: {', '.join(FORMATS)}.")
    if months < 1:
        raise UsageError(f"months must be at least 1, not {months}")
    rows_per_month = DEFAULT_ROWS_PER_MONTH if rows_per_month is None else rows_per_month
    first = start.replace(day=1)
    last_end = _add_months(first, months)
    data_end = min(end, last_end) if end is not None else last_end
    if data_end <= first:
        raise UsageError(f"end {end} is not after the first month {first:%Y-%m}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = REPORT_NAMES[fmt]
    anomalies = cn.plan_anomalies(first, data_end)

    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    con.execute("SET memory_limit = '1GB'")
    con.execute("SET enable_progress_bar = false")
    cn.create_dimensions(con)
    plans: list[tuple[int, cn.PeriodPlan]] = []
    month = first
    index = 0
    while month < data_end:
        nxt = _add_months(month, 1)
        p_end = min(nxt, data_end)
        full_days = (nxt - month).days
        rows = rows_per_month if p_end == nxt else max(1, rows_per_month * (p_end - month).days // full_days)
        fixed = cn.fixed_lines(
            month, nxt, p_end, origin=first, month_index=index, seed=seed, scale=rows_per_month / DEFAULT_ROWS_PER_MONTH
        )
        available = rows - len(fixed)
        if available < cn.BLOCK * 2:
            raise UsageError(
                f"{rows} line items cannot hold {month:%Y-%m}: it has {len(fixed)} fixed lines",
                hint=f"Use a rows-per-month of at least {len(fixed) + cn.BLOCK * 2 + 1}.",
            )
        u, s = cn.split_rows(available, with_negation=not fmt.startswith("focus"))
        plans.append((index, cn.PeriodPlan(month, nxt, p_end, rows, u, s, tuple(fixed))))
        month = nxt
        index += 1

    def write(item: tuple[int, cn.PeriodPlan]) -> PeriodSummary:
        index, plan = item
        cursor = con.cursor()  # one connection per thread; DuckDB runs them concurrently
        try:
            return _write_period(
                cursor,
                out_dir,
                fmt,
                report,
                plan,
                seed=seed,
                origin=first,
                anomalies=anomalies,
                part_rows=part_rows,
                bucket=bucket,
                final=index < len(plans) - 1,
            )
        finally:
            cursor.close()

    # Periods are independent: writing them side by side keeps both cores busy (gzip is one thread per file).
    workers = max(1, min(len(plans), threads or os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        periods = list(pool.map(write, plans))
    if fmt == "cur1-parquet":
        # Athena-integrated reports carry a status table that says whether the data is being refreshed.
        status_dir = out_dir / report / report / "cost_and_usage_data_status"
        status_dir.mkdir(parents=True, exist_ok=True)
        status = status_dir / "cost_and_usage_data_status.snappy.parquet"
        con.execute(f"COPY (SELECT 'READY' AS status) TO '{status}' (FORMAT parquet, COMPRESSION snappy)")
    con.close()

    truth = {
        "organisation": cat.ORGANISATION,
        "seed": seed,
        "format": fmt,
        "first_period": first.isoformat(),
        "data_end": data_end.isoformat(),
        "anomalies": [a.to_json() for a in anomalies],
    }
    truth_path = out_dir / GROUND_TRUTH
    truth_path.write_text(json.dumps(truth, indent=2) + "\n")
    written = sum(f.stat().st_size for f in out_dir.rglob("*") if f.is_file())
    return GenerationSummary(
        fmt=fmt,
        root=out_dir,
        report_name=report,
        seed=seed,
        periods=tuple(periods),
        ground_truth=truth_path,
        seconds=time.perf_counter() - t0,
        bytes_written=written,
        anomalies=tuple(a.to_json() for a in anomalies),
    )


# ---------------------------------------------------------------------------------------------- periods


def _canonical_sql(
    con: duckdb.DuckDBPyConnection,
    plan: cn.PeriodPlan,
    *,
    seed: int,
    origin: date,
    anomalies: tuple[cn.Anomaly, ...],
    lo: int,
    hi: int,
) -> str:
    parts = []
    usage = cn.usage_select(plan, seed=seed, origin=origin, anomalies=anomalies, lo=lo, hi=hi)
    if usage:
        parts.append(f"SELECT * FROM ({usage})")
    if hi > plan.fixed_start:
        parts.append(f"SELECT * FROM {_fixed_table(plan)} WHERE seq >= {lo} AND seq < {hi}")
    return " UNION ALL ".join(parts)


def _fixed_table(plan: cn.PeriodPlan) -> str:
    return f"fixed_{plan.start:%Y%m}"


def _load_fixed(con: duckdb.DuckDBPyConnection, plan: cn.PeriodPlan, seed: int) -> None:
    defs = ", ".join(f"{n} {t}" for n, t in cn.CANONICAL_COLUMNS)
    con.execute(f"CREATE OR REPLACE TABLE {_fixed_table(plan)} ({defs})")
    base = plan.fixed_start
    rows = []
    for j, values in enumerate(plan.fixed):
        seq = base + j
        line_id = f"{cn.hash_str(f'{seed}:{plan.start}:{seq}'):032x}"
        rows.append([seq, line_id, *values])
    # One statement for all rows: executemany costs a round trip per row.
    row_marks = "(" + ", ".join("?" for _ in cn.CANONICAL_COLUMNS) + ")"
    con.execute(
        f"INSERT INTO {_fixed_table(plan)} VALUES {', '.join(row_marks for _ in rows)}",
        [v for row in rows for v in row],
    )


def _assembly_id(seed: int, fmt: str, period: date) -> str:
    h = f"{cn.hash_str(f'assembly:{seed}:{fmt}:{period}'):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def _invoice_id(seed: int, period: date) -> str:
    return str(cn.hash_str(f"invoice:{seed}:{period}") % 10**10).zfill(10)


_PARQUET_TYPES = {"n": "DOUBLE", "t": "TIMESTAMP", "i": "BIGINT", "s": "VARCHAR"}


def _render(columns: tuple[cols.Column, ...], consts: dict[str, str], *, text: bool) -> str:
    out = []
    for name, sql, kind in columns:
        expr = sql.format(**consts) if "{" in sql and "map_from_entries" not in sql and "MAP {}" not in sql else sql
        if text:
            if kind == "n":
                expr = f"CAST(CAST({expr} AS DECIMAL(38, 10)) AS VARCHAR)"
            elif kind == "t":
                expr = f"strftime({expr}, '%Y-%m-%dT%H:%M:%SZ')"
            elif kind == "m":
                expr = f"CAST(to_json({expr}) AS VARCHAR)"
            elif kind == "i":
                expr = f"CAST({expr} AS VARCHAR)"
            else:
                # CUR writes an empty field for an empty value; DuckDB would quote an empty string as "".
                expr = f"NULLIF(CAST({expr} AS VARCHAR), '')"
        elif kind in _PARQUET_TYPES:
            expr = f"CAST({expr} AS {_PARQUET_TYPES[kind]})"
        out.append(f'{expr} AS "{name}"')
    return ",\n    ".join(out)


def _write_period(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    fmt: str,
    report: str,
    plan: cn.PeriodPlan,
    *,
    seed: int,
    origin: date,
    anomalies: tuple[cn.Anomaly, ...],
    part_rows: int,
    bucket: str,
    final: bool,
) -> PeriodSummary:
    _load_fixed(con, plan, seed)
    assembly = _assembly_id(seed, fmt, plan.start)
    consts = {
        "payer": cat.PAYER_ACCOUNT_ID,
        "bp_start": f"{plan.start} 00:00:00",
        "bp_end": f"{plan.end} 00:00:00",
        "invoice": _invoice_id(seed, plan.start) if final else "",
    }
    period_range = f"{plan.start:%Y%m%d}-{plan.end:%Y%m%d}"
    n_parts = max(1, -(-plan.rows // part_rows))
    bounds = [(k * plan.rows // n_parts, (k + 1) * plan.rows // n_parts) for k in range(n_parts)]
    text = fmt in ("cur1-csv", "cur2-csv")
    if fmt.startswith("cur1"):
        columns = cols.cur1_columns()
        if fmt == "cur1-parquet":
            columns = tuple((cols.athena_name(n), s, k) for n, s, k in columns)
    elif fmt.startswith("cur2"):
        columns = cols.cur2_columns()
    elif fmt == "focus-1.2":
        columns = cols.FOCUS_12_COLUMNS
    else:
        columns = cols.FOCUS_COLUMNS
    select = _render(columns, consts, text=text)

    if fmt == "cur1-csv":
        data_dir = out_dir / report / period_range / assembly
        names = [f"{report}-{k + 1}.csv.gz" for k in range(n_parts)]
    elif fmt == "cur1-parquet":
        data_dir = out_dir / report / report / f"year={plan.start.year}" / f"month={plan.start.month}"
        names = [f"{report}-{k + 1:05d}.snappy.parquet" for k in range(n_parts)]
    else:
        data_dir = out_dir / report / "data" / f"BILLING_PERIOD={plan.start:%Y-%m}"
        ext = "csv.gz" if text else "snappy.parquet"
        names = [f"{report}-{k + 1:05d}.{ext}" for k in range(n_parts)]
    # A re-delivery replaces the period's files (Data Exports overwrite; legacy CUR gets a new assembly).
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)
    files: list[Path] = []
    for (lo, hi), name in zip(bounds, names, strict=True):
        path = data_dir / name
        source = _canonical_sql(con, plan, seed=seed, origin=origin, anomalies=anomalies, lo=lo, hi=hi)
        if text:
            # DuckDB's own gzip writer is several times slower than writing plain CSV and compressing it here
            # (zlib releases the GIL, so periods still compress in parallel).
            plain = path.with_suffix("")
            con.execute(f"COPY (SELECT {select}\nFROM ({source})) TO '{plain}' (FORMAT csv, HEADER true)")
            _gzip(plain, path)
        else:
            con.execute(f"COPY (SELECT {select}\nFROM ({source})) TO '{path}' (FORMAT parquet, COMPRESSION snappy)")
        files.append(path)

    con.execute(f"DROP TABLE {_fixed_table(plan)}")
    rows, total = _measure(con, fmt, files)
    manifests = _write_manifests(out_dir, fmt, report, plan, assembly, files, columns, bucket, final, period_range)
    return PeriodSummary(plan.start, rows, total, tuple(files), tuple(manifests), assembly, final)


def _gzip(plain: Path, target: Path) -> None:
    """Compress `plain` into `target` (gzip level 1: a third of the time of level 6, a quarter larger) and
    remove it."""
    with plain.open("rb") as src, gzip.open(target, "wb", compresslevel=1) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    plain.unlink()


def _measure(con: duckdb.DuckDBPyConnection, fmt: str, files: list[Path]) -> tuple[int, str]:
    """Count rows and sum the billed cost of the written files in DECIMAL, independently of the generator."""
    paths = "[" + ", ".join(f"'{p}'" for p in files) + "]"
    col = {
        "cur1-csv": "lineItem/UnblendedCost",
        "cur1-parquet": "line_item_unblended_cost",
        "cur2-parquet": "line_item_unblended_cost",
        "cur2-csv": "line_item_unblended_cost",
        "focus": "BilledCost",
        "focus-1.2": "BilledCost",
    }[fmt]
    csv = f"read_csv({paths}, header = true, all_varchar = true)"
    src = csv if fmt.endswith("csv") else f"read_parquet({paths})"
    row = con.execute(f'SELECT count(*), sum(CAST("{col}" AS DECIMAL(38, 10))) FROM {src}').fetchone()
    assert row is not None
    return int(row[0]), str(Decimal(row[1] or 0))


# --------------------------------------------------------------------------------------------- manifests

_CUR1_TYPES = {"s": "OptionalString", "n": "OptionalBigDecimal", "t": "DateTime", "i": "OptionalBigDecimal"}
_CUR2_TYPES = {"s": "string", "n": "double", "t": "timestamp", "i": "bigint", "m": "map<string,string>"}


def _manifest_time(d: date) -> str:
    return f"{d:%Y%m%d}T000000.000Z"


def _write_manifests(  # noqa: PLR0917 - private helper, called once
    out_dir: Path,
    fmt: str,
    report: str,
    plan: cn.PeriodPlan,
    assembly: str,
    files: list[Path],
    columns: tuple[cols.Column, ...],
    bucket: str,
    final: bool,
    period_range: str,
) -> list[Path]:
    keys = [f.relative_to(out_dir).as_posix() for f in files]
    report_id = f"{cn.hash_str('report:' + report):064x}"[:64]
    common = {
        "assemblyId": assembly,
        "account": cat.PAYER_ACCOUNT_ID,
        "charset": "UTF-8",
        "reportId": report_id,
        "reportName": report,
        "billingPeriod": {"start": _manifest_time(plan.start), "end": _manifest_time(plan.end)},
        "bucket": bucket,
        "reportKeys": keys,
        "additionalArtifactKeys": [],
    }
    written: list[Path] = []
    manifest: dict[str, object]
    if fmt.startswith("cur1"):
        manifest = {
            "assemblyId": assembly,
            "account": cat.PAYER_ACCOUNT_ID,
            "columns": [
                {"category": n.split("/")[0], "name": n.split("/", 1)[1], "type": _CUR1_TYPES[k]}
                for n, _, k in cols.cur1_columns()
            ],
            **{k: v for k, v in common.items() if k not in ("assemblyId", "account")},
            "compression": "GZIP" if fmt == "cur1-csv" else "Parquet",
            "contentType": "text/csv" if fmt == "cur1-csv" else "Parquet",
        }
        body = json.dumps(manifest, indent=2) + "\n"
        period_manifest = out_dir / report / period_range / f"{report}-Manifest.json"
        period_manifest.parent.mkdir(parents=True, exist_ok=True)
        period_manifest.write_text(body)
        written.append(period_manifest)
        if fmt == "cur1-csv":
            assembly_manifest = out_dir / report / period_range / assembly / f"{report}-Manifest.json"
            assembly_manifest.write_text(body)
            written.append(assembly_manifest)
        return written
    text = fmt.endswith("csv")
    manifest = {
        **common,
        "columns": [{"name": n, "type": _CUR2_TYPES[k]} for n, _, k in columns],
        "compression": "GZIP" if text else "Parquet",
        "contentType": "text/csv" if text else "Parquet",
        "dataFiles": [f"s3://{bucket}/{k}" for k in keys],
        "executionId": _assembly_id(0, fmt + "exec", plan.start),
        "exportArn": f"arn:aws:bcm-data-exports:us-east-1:{cat.PAYER_ACCOUNT_ID}:export/{report}-"
        f"{report_id[:8]}-{report_id[8:12]}-{report_id[12:16]}-{report_id[16:20]}-{report_id[20:32]}",
        "exportName": report,
        "schema": {"focus": "FOCUS_1_0_AWS", "focus-1.2": "FOCUS_1_2_AWS"}.get(fmt, "2"),
        "timeFormat": "YYYY-MM-DDTHH:mm:ssZ",
        "finalized": final,
    }
    path = out_dir / report / "metadata" / f"BILLING_PERIOD={plan.start:%Y-%m}" / f"{report}-Manifest.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest, indent=2) + "\n")
    return [path]


def latest_delivery_time(summary: GenerationSummary) -> datetime:
    """When the newest file was written (the delivery time a source would see)."""
    return datetime.fromtimestamp(max(f.stat().st_mtime for f in summary.files))


__all__ = [
    "DEFAULT_ROWS_PER_MONTH",
    "FORMATS",
    "Format",
    "GenerationSummary",
    "PeriodSummary",
    "generate",
]
