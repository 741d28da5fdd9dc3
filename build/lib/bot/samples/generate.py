"""Generate a fictional organisation's AWS billing exports in the true S3 layout of each format.

Layouts (relative to `out_dir`; `upload_to_s3` puts them under a bucket prefix):

- ``cur1-csv``: legacy CUR, ``<report>/<yyyymmdd-yyyymmdd>/<assemblyId>/<report>-<n>.csv.gz`` with
  ``<report>-Manifest.json`` both at the period level (the latest assembly) and at the assembly level
  (https://docs.aws.amazon.com/cur/latest/userguide/understanding-report-versions.html).
- ``cur1-parquet``: legacy CUR with Athena integration, ``<report>/<report>/year=YYYY/month=M/<report>-<n>.snappy
  .parquet``, snake_case columns, plus ``cost_and_usage_data_status`` and the period manifest.
- ``cur2-parquet`` / ``cur2-csv``: CUR 2.0 Data Export, ``<export>/data/BILLING_PERIOD=YYYY-MM/<export>-0000<n>
  .snappy.parquet`` (or ``.csv.gz``) and ``<export>/metadata/BILLING_PERIOD=YYYY-MM/<export>-Manifest.json``
  (https://docs.aws.amazon.com/cur/latest/userguide/dataexports-export-delivery.html).
- ``focus`` / ``focus-1.2``: FOCUS 1.0 / 1.2 with AWS columns, in the same Data Exports layout, parquet.

The organisation (`bot.samples.catalog`) has stable resources with lifecycles (`bot.samples.inventory`), usage
with weekly seasonality and growth (`bot.samples.seasonality`), period charges booked as AWS books them
(`bot.samples.charges`) and the events of a plan (`bot.samples.events`). Usage is produced by DuckDB
(`bot.samples.canonical`) and streamed straight into the files: Python never holds usage line items, and memory
stays bounded whatever the size. Beside the data: ``ground_truth.json`` (the organisation and every event, see
`bot.samples.truth`) and ``inventory.parquet`` (every resource with its launch and deletion).

Deliveries follow AWS: every period but the last is final (invoice id); the last is an estimate. Generating
again into the same directory with a later `end` re-delivers: the open month gets a new assembly with more days,
and a closed month that a refund posted after its close revises gets a new final assembly.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import shutil
import time
from collections.abc import Sequence
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
from bot.samples import charges as ch
from bot.samples import columns as cols
from bot.samples import events as ev
from bot.samples import inventory as inv
from bot.samples import seasonality as season
from bot.samples import truth as tr

Format = Literal["cur1-csv", "cur1-parquet", "cur2-parquet", "cur2-csv", "focus", "focus-1.2"]
FORMATS: tuple[str, ...] = get_args(Format)
Granularity = Literal["auto", "hourly", "daily"]

DEFAULT_ROWS_PER_MONTH = 50_000
#: From this many line items a month, "auto" granularity writes hourly lines (below: daily lines, so that a small
#: data set still holds a whole organisation; at this size both hold about the same number of resources).
HOURLY_FROM = 1_000_000
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
INVENTORY = "inventory.parquet"


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
    anomalies: tuple[dict[str, object], ...] = field(default_factory=tuple)  # the events that should alert
    events: tuple[dict[str, object], ...] = field(default_factory=tuple)  # every event of the ground truth
    granularity: str = "daily"
    currency: str = "USD"
    inventory: Path | None = None

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


@dataclass(frozen=True)
class _Job:
    """Everything a period writer needs (shared, read-only)."""

    out_dir: Path
    fmt: str
    report: str
    seed: int
    first: date
    hourly: bool
    currency: cat.Currency
    events: tuple[ev.Event, ...]
    commits: tuple[inv.Commitment, ...]
    part_rows: int
    bucket: str
    expected_rows: float
    as_of: date


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
    events: Sequence[ev.Event] | Literal["default"] = "default",
    currency: str = "USD",
    granularity: Granularity = "auto",
    memory_limit: str = "1GB",
) -> GenerationSummary:
    """Write `months` billing periods from the month of `start` in format `fmt` under `out_dir`.

    The first full month holds about `rows_per_month` line items (default 50,000; later months grow with the
    organisation, a few % a month); a period cut short by `end` (exclusive end of usage, e.g. today for a month
    in progress) holds its days. `events` is the event plan: "default" for `events.default_plan`, `()` for none,
    or your own sequence. `currency` bills in "USD" or "EUR"; `granularity` "hourly" or "daily" lines ("auto":
    hourly from `HOURLY_FROM` rows a month). The data is a pure function of the arguments (same seed, same line
    items; gzip headers carry the write time). The last period is left open (no invoice id, not finalized), the
    others are final. Totals are summed in DECIMAL from the written files. `memory_limit` bounds DuckDB's memory
    (the organisation's tables grow with the size: 100M line items a month need about 3GB). Raises `UsageError`
    for an unknown format, currency or granularity, an event the organisation cannot hold, or a size too small
    for it.
    """
    t0 = time.perf_counter()
    if fmt not in FORMATS:
        raise UsageError(f"unknown sample format {fmt!r}", hint=f"Use one of: {', '.join(FORMATS)}.")
    if months < 1:
        raise UsageError(f"months must be at least 1, not {months}")
    if currency not in cat.CURRENCIES:
        raise UsageError(f"unknown billing currency {currency!r}", hint=f"Use one of: {', '.join(cat.CURRENCIES)}.")
    if granularity not in get_args(Granularity):
        raise UsageError(f"unknown granularity {granularity!r}", hint="Use auto, hourly or daily.")
    rows_per_month = DEFAULT_ROWS_PER_MONTH if rows_per_month is None else rows_per_month
    first = start.replace(day=1)
    last_end = _add_months(first, months)
    data_end = min(end, last_end) if end is not None else last_end
    if data_end <= first:
        raise UsageError(f"end {end} is not after the first month {first:%Y-%m}")
    hourly = granularity == "hourly" or (granularity == "auto" and rows_per_month >= HOURLY_FROM)
    # The story is placed over the whole months asked for, not over the data cut at `end`: generating again
    # with a later `end` continues the same history (re-deliveries), and events after `end` have not happened yet.
    plan = ev.default_plan(first, last_end) if events == "default" else tuple(events)
    try:
        ev.validate(plan)
    except ValueError as exc:
        raise UsageError(f"bad event plan: {exc}") from None
    fixed_rows = (730 if hourly else 31) * len(cat.SAVINGS_PLANS) + 120
    try:
        sizes = inv.plan_sizes(
            rows_per_month,
            hourly=hourly,
            months=months,
            negation=True,  # the same organisation in every format (FOCUS has a few fewer lines)
            launched={e.fleet for e in plan if isinstance(e, ev.Launch)},
            fixed_rows=fixed_rows,
        )
    except ValueError as exc:
        raise UsageError(
            f"{rows_per_month} line items a month cannot hold {first:%Y-%m}: the smallest organisation needs about "
            f"{exc} ({'hourly' if hourly else 'daily'} lines)",
            hint=f"Use a rows-per-month of at least {exc}.",
        ) from None
    commits = inv.commitments(sizes, first, plan)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = REPORT_NAMES[fmt]
    money = cat.CURRENCIES[currency]

    con = duckdb.connect()
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    con.execute(f"SET memory_limit = '{_memory_limit(memory_limit)}'")
    con.execute("SET enable_progress_bar = false")
    con.execute("SET preserve_insertion_order = false")
    inv.create_tables(con, seed=seed, first=first, sizes=sizes, commits=commits, events=plan, fx=money.per_usd)
    keys, amounts, hours = season.weight_table(hourly)
    con.execute(
        "CREATE OR REPLACE TABLE w AS SELECT unnest(?::INTEGER[]) AS wk, unnest(?::DOUBLE[]) AS wa, "
        "unnest(?::DOUBLE[]) AS wo",
        [keys, amounts, hours],
    )
    job = _Job(
        out_dir,
        fmt,
        report,
        seed,
        first,
        hourly,
        money,
        plan,
        commits,
        part_rows,
        bucket,
        sizes.expected_rows,
        data_end,
    )
    contexts = []
    month = first
    while month < data_end:
        nxt = _add_months(month, 1)
        contexts.append(ch.PeriodContext(month, nxt, min(nxt, data_end), data_end, hourly, money))
        month = nxt

    def write(item: tuple[int, ch.PeriodContext]) -> tuple[PeriodSummary, list[ch.Row]]:
        index, ctx = item
        cursor = con.cursor()  # one connection per thread; DuckDB runs them concurrently
        try:
            return _write_period(cursor, job, ctx, final=index < len(contexts) - 1)
        finally:
            cursor.close()

    # Periods are independent: writing them side by side keeps both cores busy (gzip is one thread per file).
    workers = max(1, min(len(contexts), threads or os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        written = list(pool.map(write, enumerate(contexts)))
    periods = tuple(p for p, _ in written)
    if fmt == "cur1-parquet":
        # Athena-integrated reports carry a status table that says whether the data is being refreshed.
        status_dir = out_dir / report / report / "cost_and_usage_data_status"
        status_dir.mkdir(parents=True, exist_ok=True)
        status = status_dir / "cost_and_usage_data_status.snappy.parquet"
        con.execute(f"COPY (SELECT 'READY' AS status) TO '{status}' (FORMAT parquet, COMPRESSION snappy)")
    inventory = out_dir / INVENTORY
    tr.write_inventory(con, inventory, seed=seed, first=first, data_end=data_end)
    truth_events = tr.ground_truth(
        con,
        seed=seed,
        first=first,
        data_end=data_end,
        hourly=hourly,
        events=plan,
        commits=commits,
        currency=money,
        charges_by_period={ctx.period: rows for ctx, (_, rows) in zip(contexts, written, strict=True)},
    )
    con.close()

    truth = {
        "organisation": cat.ORGANISATION,
        "seed": seed,
        "format": fmt,
        "first_period": first.isoformat(),
        "data_end": data_end.isoformat(),
        "granularity": "hourly" if hourly else "daily",
        "currency": currency,
        "accounts": [
            {
                "account_id": a.account_id,
                "account_name": a.name,
                "environment": a.env,
                "payer": a.account_id == cat.PAYER_ACCOUNT_ID,
            }
            for a in cat.ACCOUNTS
        ],
        "commitments": [tr.commitment_json(c, money) for c in commits if c.start.date() < data_end],
        "events": truth_events,
    }
    truth_path = out_dir / GROUND_TRUTH
    truth_path.write_text(json.dumps(truth, indent=2) + "\n")
    total_bytes = sum(f.stat().st_size for f in out_dir.rglob("*") if f.is_file())
    return GenerationSummary(
        fmt=fmt,
        root=out_dir,
        report_name=report,
        seed=seed,
        periods=periods,
        ground_truth=truth_path,
        seconds=time.perf_counter() - t0,
        bytes_written=total_bytes,
        anomalies=tuple(e for e in truth_events if e["should_alert"]),
        events=tuple(truth_events),
        granularity="hourly" if hourly else "daily",
        currency=currency,
        inventory=inventory,
    )


# ---------------------------------------------------------------------------------------------- periods


def _assembly_id(seed: int, fmt: str, period: date, version: str) -> str:
    h = f"{tr.hash_str(f'assembly:{seed}:{fmt}:{period}:{version}'):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"


def _invoice_id(seed: int, period: date) -> str:
    return str(tr.hash_str(f"invoice:{seed}:{period}") % 10**10).zfill(10)


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


def _columns(fmt: str) -> tuple[cols.Column, ...]:
    if fmt.startswith("cur1"):
        columns = cols.cur1_columns()
        if fmt == "cur1-parquet":
            columns = tuple((cols.athena_name(n), s, k) for n, s, k in columns)
        return columns
    if fmt.startswith("cur2"):
        return cols.cur2_columns()
    return cols.FOCUS_12_COLUMNS if fmt == "focus-1.2" else cols.FOCUS_COLUMNS


#: (account id, product code, billed cost) columns of each format, to read the written usage back.
_READBACK = {
    "cur1-csv": ("lineItem/UsageAccountId", "lineItem/ProductCode", "lineItem/UnblendedCost"),
    "cur1-parquet": ("line_item_usage_account_id", "line_item_product_code", "line_item_unblended_cost"),
    "cur2-parquet": ("line_item_usage_account_id", "line_item_product_code", "line_item_unblended_cost"),
    "cur2-csv": ("line_item_usage_account_id", "line_item_product_code", "line_item_unblended_cost"),
    "focus": ("SubAccountId", "x_ServiceCode", "BilledCost"),
    "focus-1.2": ("SubAccountId", "x_ServiceCode", "BilledCost"),
}


def _usage(job: _Job, clock: cn.Clock, lo: int, hi: int) -> str:
    return cn.usage_select(
        clock,
        lo=lo,
        hi=hi,
        seed=job.seed,
        origin_h=inv.hours_since_epoch(job.first),
        events=job.events,
        commits=job.commits,
        fx=job.currency.per_usd,
        negation=not job.fmt.startswith("focus"),
    )


def _covered_usage(
    con: duckdb.DuckDBPyConnection, job: _Job, clock: cn.Clock
) -> tuple[dict[str, float], dict[str, dict[int, float]]]:
    """Hours used by each reservation (ARN) and the Savings-Plan effective cost per step of each plan (ARN) in
    the period, from the covered resources' usage."""
    ri_hours: dict[str, float] = {}
    sp_steps: dict[str, dict[int, float]] = {}
    for lo, hi in inv.line_range(con, "cover = 2"):
        sql = f"SELECT reservation_arn, sum(usage_amount) FROM ({_usage(job, clock, lo, hi)}) "
        for arn, hours in con.execute(sql + "WHERE line_type = 'DiscountedUsage' GROUP BY 1").fetchall():
            ri_hours[arn] = ri_hours.get(arn, 0.0) + float(hours)
    for lo, hi in inv.line_range(con, "cover = 1 AND NOT neg"):
        sql = (
            f"SELECT sp_arn, floor((epoch(usage_start) - epoch(TIMESTAMP '{clock.period}')) / {clock.step_h * 3600}), "
            f"sum(sp_effective) FROM ({_usage(job, clock, lo, hi)}) "
            "WHERE line_type = 'SavingsPlanCoveredUsage' GROUP BY 1, 2"
        )
        for arn, step, used in con.execute(sql).fetchall():
            steps = sp_steps.setdefault(arn, {})
            steps[int(step)] = steps.get(int(step), 0.0) + float(used)
    return ri_hours, sp_steps


def _write_period(
    con: duckdb.DuckDBPyConnection, job: _Job, ctx: ch.PeriodContext, *, final: bool
) -> tuple[PeriodSummary, list[ch.Row]]:
    clock = cn.Clock.of(ctx.period, ctx.data_end, job.hourly)
    fmt, report = job.fmt, job.report
    revisions = sum(
        1
        for e in job.events
        if isinstance(e, ev.Refund)
        and e.period == ctx.period
        and e.posted.date() >= ctx.end
        and e.posted.date() < job.as_of
    )
    version = f"final:{revisions}" if final else f"open:{ctx.data_end}"
    assembly = _assembly_id(job.seed, fmt, ctx.period, version)
    consts = {
        "payer": cat.PAYER_ACCOUNT_ID,
        "bp_start": f"{ctx.period} 00:00:00",
        "bp_end": f"{ctx.end} 00:00:00",
        "invoice": _invoice_id(job.seed, ctx.period) if final else "",
        "currency": job.currency.code,
        "entity": job.currency.legal_entity,
    }
    period_range = f"{ctx.period:%Y%m%d}-{ctx.end:%Y%m%d}"
    text = fmt in ("cur1-csv", "cur2-csv")
    columns = _columns(fmt)
    select = _render(columns, consts, text=text)
    if fmt == "cur1-csv":
        data_dir = job.out_dir / report / period_range / assembly
    elif fmt == "cur1-parquet":
        data_dir = job.out_dir / report / report / f"year={ctx.period.year}" / f"month={ctx.period.month}"
    else:
        data_dir = job.out_dir / report / "data" / f"BILLING_PERIOD={ctx.period:%Y-%m}"
    # A re-delivery replaces the period's files (Data Exports overwrite; legacy CUR gets a new assembly folder
    # beside the old ones, and the period manifest points to it).
    if data_dir.exists():
        shutil.rmtree(data_dir)
    data_dir.mkdir(parents=True)

    def name(k: int) -> str:
        if fmt == "cur1-csv":
            return f"{report}-{k + 1}.csv.gz"
        return f"{report}-{k + 1:05d}.{'csv.gz' if text else 'snappy.parquet'}"

    (n_lines,) = con.execute("SELECT count(*) FROM ls").fetchone() or (0,)
    expected = job.expected_rows * clock.steps / (730 if job.hourly else 30.4)
    n_parts = max(1, math.ceil(expected / job.part_rows))
    bounds = [(k * n_lines // n_parts, (k + 1) * n_lines // n_parts) for k in range(n_parts)]
    files: list[Path] = []
    for k, (lo, hi) in enumerate(bounds):
        path = data_dir / name(k)
        _copy(con, f"SELECT {select}\nFROM ({_usage(job, clock, lo, hi)})", path, text=text)
        files.append(path)

    # Period charges need the month's usage: read the written usage back (account, product, billed cost).
    account_col, product_col, cost_col = _READBACK[fmt]
    rows, total, by_product = _read_back(con, files, text, account_col, product_col, cost_col)
    ri_hours, sp_steps = _covered_usage(con, job, clock)
    fixed: list[ch.Row] = []
    for c in job.commits:
        arn = cn.commitment_arn(c)
        if c.kind == "RI":
            fixed += ch.reservation_lines(ctx, c, ri_hours.get(arn, 0.0))
        else:
            fixed += ch.savings_plan_lines(ctx, c, sp_steps.get(arn, {}))
    credits = ch.credit_lines(ctx, job.events)
    short_by_id = {a.account_id: s for s, a in cat.ACCOUNT_BY_NAME.items()}
    service_by_code = {s.product_code: s.service_name for s in cat.SKUS}
    charged: dict[tuple[str, str, str], float] = {}
    for (account_id, code), billed in by_product.items():
        key = (short_by_id[account_id], code, service_by_code.get(code, code))
        charged[key] = charged.get(key, 0.0) + float(billed)
    for key, amount in ch.charges_of(fixed).items():
        charged[key] = charged.get(key, 0.0) + amount
    per_account: dict[str, float] = {}
    for (short, _code, _name), amount in charged.items():
        per_account[short] = per_account.get(short, 0.0) + amount
    support = ch.support_lines(ctx, per_account)
    for key, amount in ch.charges_of(support).items():
        charged[key] = charged.get(key, 0.0) + amount
    fixed += support + credits + ch.tax_lines(ctx, charged)

    path = data_dir / name(n_parts)
    table = f"fixed_{ctx.period:%Y%m}"
    _load_rows(con, table, fixed, seed=job.seed, period=ctx.period)
    _copy(con, f"SELECT {select}\nFROM {table}", path, text=text)
    con.execute(f"DROP TABLE {table}")
    files.append(path)
    fixed_rows, fixed_total, _ = _read_back(con, [path], text, account_col, product_col, cost_col)
    manifests = _write_manifests(job, ctx, assembly, files, columns, final, period_range, version)
    summary = PeriodSummary(
        ctx.period, rows + fixed_rows, str(total + fixed_total), tuple(files), tuple(manifests), assembly, final
    )
    return summary, fixed


def _memory_limit(text: str) -> str:
    """A DuckDB memory limit such as `1GB` or `512MB` (checked: it is pasted into a SET statement)."""
    if not re.fullmatch(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", text.strip()):
        raise UsageError(f"memory limit {text!r} is not a size", hint="Use e.g. 1GB or 512MB.")
    return text.strip()


def _copy(con: duckdb.DuckDBPyConnection, select: str, path: Path, *, text: bool) -> None:
    if text:
        # DuckDB's own gzip writer is several times slower than writing plain CSV and compressing it here
        # (zlib releases the GIL, so periods still compress in parallel).
        plain = path.with_suffix("")
        con.execute(f"COPY ({select}) TO '{plain}' (FORMAT csv, HEADER true)")
        _gzip(plain, path)
    else:
        con.execute(f"COPY ({select}) TO '{path}' (FORMAT parquet, COMPRESSION snappy)")


def _load_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[ch.Row], *, seed: int, period: date) -> None:
    defs = ", ".join(f"{n} {t}" for n, t in cn.CANONICAL_COLUMNS)
    con.execute(f"CREATE OR REPLACE TABLE {table} ({defs})")
    marks = "(" + ", ".join("?" for _ in cn.CANONICAL_COLUMNS) + ")"
    values = []
    for j, row in enumerate(rows):
        full = dict(row, line_id=f"{tr.hash_str(f'{seed}:{period}:fixed:{j}'):032x}")
        values.append([full[n] for n in cn.CANONICAL_NAMES])
    for i in range(0, len(values), 400):  # one statement per chunk: executemany costs a round trip per row
        chunk = values[i : i + 400]
        con.execute(f"INSERT INTO {table} VALUES {', '.join(marks for _ in chunk)}", [v for r in chunk for v in r])
    con.execute(f"UPDATE {table} SET " + ", ".join(f"{name} = {sql}" for name, sql in cols.MAP_COLUMNS.items()))


def _read_back(  # noqa: PLR0917 - private helper: the files and the three columns to read
    con: duckdb.DuckDBPyConnection, files: list[Path], text: bool, account: str, product: str, cost: str
) -> tuple[int, Decimal, dict[tuple[str, str], Decimal]]:
    """Rows, DECIMAL billed total and DECIMAL billed cost per (account id, product code) of written files,
    read independently of the generator."""
    paths = "[" + ", ".join(f"'{p}'" for p in files) + "]"
    src = f"read_csv({paths}, header = true, all_varchar = true)" if text else f"read_parquet({paths})"
    got = con.execute(
        f'SELECT "{account}", "{product}", count(*), sum(CAST("{cost}" AS DECIMAL(38, 10))) FROM {src} GROUP BY 1, 2'
    ).fetchall()
    rows = sum(int(r[2]) for r in got)
    by = {(str(a), str(p)): Decimal(s or 0) for a, p, _n, s in got}
    return rows, sum(by.values(), Decimal(0)), by


def _gzip(plain: Path, target: Path) -> None:
    """Compress `plain` into `target` (gzip level 1: a third of the time of level 6, a quarter larger) and
    remove it."""
    with plain.open("rb") as src, gzip.open(target, "wb", compresslevel=1) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
    plain.unlink()


# --------------------------------------------------------------------------------------------- manifests

_CUR1_TYPES = {"s": "OptionalString", "n": "OptionalBigDecimal", "t": "DateTime", "i": "OptionalBigDecimal"}
_CUR2_TYPES = {"s": "string", "n": "double", "t": "timestamp", "i": "bigint", "m": "map<string,string>"}


def _manifest_time(d: date) -> str:
    return f"{d:%Y%m%d}T000000.000Z"


def _write_manifests(  # noqa: PLR0917 - private helper, called once
    job: _Job,
    ctx: ch.PeriodContext,
    assembly: str,
    files: list[Path],
    columns: tuple[cols.Column, ...],
    final: bool,
    period_range: str,
    version: str,
) -> list[Path]:
    out_dir, fmt, report = job.out_dir, job.fmt, job.report
    keys = [f.relative_to(out_dir).as_posix() for f in files]
    report_id = f"{tr.hash_str('report:' + report):064x}"[:64]
    common = {
        "assemblyId": assembly,
        "account": cat.PAYER_ACCOUNT_ID,
        "charset": "UTF-8",
        "reportId": report_id,
        "reportName": report,
        "billingPeriod": {"start": _manifest_time(ctx.period), "end": _manifest_time(ctx.end)},
        "bucket": job.bucket,
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
        "dataFiles": [f"s3://{job.bucket}/{k}" for k in keys],
        "executionId": _assembly_id(0, fmt + "exec", ctx.period, version),
        "exportArn": f"arn:aws:bcm-data-exports:us-east-1:{cat.PAYER_ACCOUNT_ID}:export/{report}-"
        f"{report_id[:8]}-{report_id[8:12]}-{report_id[12:16]}-{report_id[16:20]}-{report_id[20:32]}",
        "exportName": report,
        "schema": {"focus": "FOCUS_1_0_AWS", "focus-1.2": "FOCUS_1_2_AWS"}.get(fmt, "2"),
        "timeFormat": "YYYY-MM-DDTHH:mm:ssZ",
        "finalized": final,
    }
    path = out_dir / report / "metadata" / f"BILLING_PERIOD={ctx.period:%Y-%m}" / f"{report}-Manifest.json"
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
    "Granularity",
    "PeriodSummary",
    "generate",
]
