"""Writing a delivery into DuckDB part files: one file per part, several parts at once, progress as rows.

A delivery arrives as one SELECT, or split by export file (`NormalizedSource.parts`). Each part is written by a
fresh connection into its own database file (line items in the source's order, then the rollups of
`duckdb_rollup`, then the accounts table), checkpointed and closed; the store then reconciles, renames and
publishes them together (`DuckDBStore.replace_period`). Several parts load at once, on separate connections
that share the store's `threads` and `memory_limit` between them (never more in total): with 2 threads, two parts
at a time with one thread each and half the memory. The first part to fail interrupts the others, and the load
fails with its error (`bot.parallel.run_until_first_failure`).
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from bot.billing.charges import DERIVED_SQL
from bot.billing.model import COST_CATEGORY_PREFIX, LINE_ITEM_COLUMN_NAMES, TAG_PREFIX
from bot.billing.store import Progress
from bot.errors import CorruptFile, StoreError
from bot.parallel import FirstFailure, run_until_first_failure
from bot.scratch import disk_full, is_disk_full
from bot.sqltext import quote_ident
from bot.store.duckdb_catalog import PartStats, utc
from bot.store.duckdb_rollup import ROLLUPS, Rollup, create_accounts_sql
from bot.store.duckdb_sql import column_type

#: Added after the first release: files written before it have no such column and derive it on read.
CHARGE_CLASS_COLUMN = "charge_class"
#: A period's billing currencies (sorted, empty codes left out) and whether any line item has a net cost.
CURRENCIES_AND_NET = (
    "COALESCE(list_sort(list(DISTINCT currency) FILTER (WHERE COALESCE(currency, '') <> '')), []), "
    "COALESCE(bool_or(net_cost IS NOT NULL), false)"
)
#: Seconds between two progress reports of a running load.
PROGRESS_EVERY = 1.0

Config = dict[str, str | bool | int | float | list[str]]


def wrap(exc: duckdb.Error, what: str) -> StoreError:
    return StoreError(f"DuckDB billing store failed while {what}: {exc}")


@dataclass(frozen=True)
class PartJob:
    """One part to write: its SELECT, the rows expected from it (an estimate, for progress), and where."""

    select_sql: str
    expected_rows: int
    target: Path  # the `.load-*` database file
    spill: Path  # its spill folder


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(|b|kb|mb|gb|tb|kib|mib|gib|tib)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12}
_UNITS |= {"kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40}


def memory_bytes(limit: str) -> int | None:
    """A DuckDB memory limit (`1GB`, `512MiB`, `1.5 GB`) in bytes, or None for a form this does not read
    (a percentage, say): parts then load one at a time with the whole limit."""
    m = _SIZE.match(limit)
    if m is None:
        return None
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def split_config(threads: int, memory_limit: str, parts: int) -> tuple[int, Config]:
    """How many parts load at once and each one's connection settings: the store's threads and memory shared
    between them, never more in total."""
    total = memory_bytes(memory_limit)
    workers = max(1, min(threads, parts)) if total is not None else 1
    if workers == 1:
        return 1, {"threads": threads, "memory_limit": memory_limit}
    assert total is not None
    each = total // workers
    return workers, {"threads": max(1, threads // workers), "memory_limit": f"{max(each // 2**20, 1)}MiB"}


class _Watch:
    """Progress of the parts running at once: every `PROGRESS_EVERY` seconds, the rows of the finished parts
    plus each running part's share done (DuckDB's `query_progress`) times its expected rows."""

    def __init__(self, progress: Progress | None, expected: int) -> None:
        self.progress = progress
        self.expected = expected
        self.lock = threading.Lock()
        self.running: dict[int, tuple[duckdb.DuckDBPyConnection, int]] = {}
        self.finished = 0
        self.stop = threading.Event()
        self.thread: threading.Thread | None = None
        if progress is not None and expected > 0:
            self.thread = threading.Thread(target=self._run, name="load-progress", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        assert self.progress is not None
        last = 0  # the caller reported 0 before the load began
        while not self.stop.wait(PROGRESS_EVERY):
            with self.lock:
                done = self.finished
                for con, expected in self.running.values():
                    try:
                        share = con.query_progress()
                    except duckdb.Error:
                        continue
                    done += int(expected * min(max(share, 0.0), 100.0) / 100)
            done = min(done, self.expected)
            if done > last:
                last = done
                self.progress(done, self.expected)

    @contextlib.contextmanager
    def loading(self, index: int, con: duckdb.DuckDBPyConnection, expected: int) -> Iterator[None]:
        """Part `index` loads on `con` while inside: its progress is polled. Leave before closing `con`."""
        with self.lock:
            self.running[index] = (con, expected)
        try:
            yield
        finally:
            with self.lock:
                self.running.pop(index, None)

    def ended(self, rows: int) -> None:
        with self.lock:
            self.finished += rows

    def close(self) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join()


def write_parts(
    jobs: Sequence[PartJob],
    *,
    threads: int,
    memory_limit: str,
    label: str,
    source_uri: str,
    root: Path,
    progress: Progress | None = None,
    columns: Sequence[str] = LINE_ITEM_COLUMN_NAMES,
    rollups: Sequence[Rollup] = ROLLUPS,
) -> list[PartStats]:
    """Write every part into its file, several at once (`split_config`); returns their stats in job order.
    `columns` are the line-item columns each file gets (before tags and cost categories), `rollups` its summary
    tables.

    Raises the first failing part's error (`CorruptFile` for unreadable input, `DiskFull`, else `StoreError`)
    after interrupting the others; the files written so far are the caller's to remove.
    """
    workers, config = split_config(threads, memory_limit, len(jobs))
    watch = _Watch(progress, sum(j.expected_rows for j in jobs))

    def run(index: int, first_failure: FirstFailure) -> PartStats:
        job = jobs[index]
        part_label = label if len(jobs) == 1 else f"{label}, part {index + 1} of {len(jobs)}"
        stats = _write_part(
            job,
            {**config, "temp_directory": str(job.spill)},
            part_label,
            source_uri=source_uri,
            root=root,
            watch=watch,
            index=index,
            first_failure=first_failure,
            schema=(tuple(columns), tuple(rollups)),
        )
        watch.ended(stats.rows)
        return stats

    try:
        # The part that fails first is the error, not one merely interrupted because of it.
        return run_until_first_failure([functools.partial(run, i) for i in range(len(jobs))], workers, name="load-part")
    finally:
        watch.close()


def _write_part(
    job: PartJob,
    config: Config,
    label: str,
    *,
    source_uri: str,
    root: Path,
    watch: _Watch,
    index: int,
    first_failure: FirstFailure,
    schema: tuple[tuple[str, ...], tuple[Rollup, ...]],
) -> PartStats:
    """Run one part's SELECT into a new database file with its rollups; returns what the catalog records."""
    try:
        con = duckdb.connect(str(job.target), config=config)
        # Progress is tracked (`_Watch` polls it) but never printed: DuckDB's own bar would draw on the bot's or
        # the CLI's stdout during long loads.
        con.execute("SET enable_progress_bar = true")
        con.execute("SET enable_progress_bar_print = false")
    except duckdb.Error as exc:
        if is_disk_full(exc):
            raise disk_full(root, f"loading {label}") from exc
        raise wrap(exc, f"creating the file for {label}") from exc
    try:
        try:
            described = con.execute(f"SELECT * FROM ({job.select_sql}) LIMIT 0").description
        except (duckdb.IOException, duckdb.InvalidInputException, duckdb.ConversionException) as exc:
            raise CorruptFile(f"{source_uri}: cannot read {label}: {exc}") from exc
        except duckdb.Error as exc:
            raise wrap(exc, f"planning the load of {label}") from exc
        line_columns, rollups = schema
        columns = [d[0] for d in described]
        # A source without a charge class (a producer older than the column) gets the derived one.
        missing = [c for c in line_columns if c not in columns and c != CHARGE_CLASS_COLUMN]
        extra = [c for c in columns if c not in line_columns and not c.startswith((TAG_PREFIX, COST_CATEGORY_PREFIX))]
        if missing or extra or len(set(columns)) != len(columns):
            raise StoreError(
                f"{label}: the normalised relation does not match the line-item schema "
                f"(missing: {', '.join(missing) or 'none'}; unexpected: {', '.join(extra) or 'none'}; "
                f"duplicates: {len(columns) - len(set(columns))})"
            )
        tag_cols = sorted(c for c in columns if c.startswith(TAG_PREFIX))
        cat_cols = sorted(c for c in columns if c.startswith(COST_CATEGORY_PREFIX))
        ordered = [*line_columns, *tag_cols, *cat_cols]
        proj = ", ".join(_load_projection(c, present=c in columns) for c in ordered)
        # Interruptible and polled only while loading; both end before the connection closes.
        with first_failure.interruptible(con), watch.loading(index, con, job.expected_rows):
            try:
                con.execute(f"CREATE TABLE line_items AS SELECT {proj} FROM ({job.select_sql}) AS src")
                for rollup in rollups:
                    con.execute(rollup.create_sql(tag_cols))
                con.execute(create_accounts_sql())
                row = con.execute(
                    "SELECT COUNT(*), COALESCE(fsum(billed_cost), 0), MIN(charge_period_start), "
                    # Freshness: month-long fee, tax and RI-fee lines end at the month's end from its first day.
                    "MAX(charge_period_end) FILTER (WHERE charge_period_end - charge_period_start <= INTERVAL 1 DAY), "
                    "MAX(charge_period_end), MAX(charge_period_start), "
                    "COALESCE(bool_or(COALESCE(invoice_id, '') <> ''), false), "
                    f"{CURRENCIES_AND_NET} FROM line_items"
                ).fetchone()
                con.execute("CHECKPOINT")
            except duckdb.Error as exc:
                if is_disk_full(exc):
                    raise disk_full(root, f"loading {label}") from exc
                if isinstance(exc, (duckdb.IOException, duckdb.InvalidInputException, duckdb.ConversionException)):
                    raise CorruptFile(f"{source_uri}: cannot read {label}: {exc}") from exc
                raise wrap(exc, f"loading {label}") from exc
    finally:
        con.close()
    assert row is not None
    rows, total, data_from, short_until, any_until, last_start, final, currencies, has_net = row
    return PartStats(
        rows=int(rows),
        billed_total=float(total),
        data_from=_utc_or_none(data_from),
        short_until=_utc_or_none(short_until),
        any_until=_utc_or_none(any_until),
        last_start=_utc_or_none(last_start),
        final=bool(final),
        tag_keys=tuple(c.removeprefix(TAG_PREFIX) for c in tag_cols),
        cost_categories=tuple(c.removeprefix(COST_CATEGORY_PREFIX) for c in cat_cols),
        currencies=tuple(currencies),
        has_net_cost=bool(has_net),
    )


def _utc_or_none(value: object) -> datetime | None:
    return utc(value) if isinstance(value, datetime) else None


def _load_projection(column: str, *, present: bool) -> str:
    """How a loaded column is computed from the source: a cast, and for the charge class the value the source
    gives or, where it gives none, the class derived from the row (`bot.billing.charges`)."""
    if column == CHARGE_CLASS_COLUMN:
        given = f"NULLIF(CAST(src.{quote_ident(column)} AS VARCHAR), '')" if present else "NULL"
        return f"COALESCE({given}, {DERIVED_SQL}) AS {quote_ident(column)}"
    return f"CAST(src.{quote_ident(column)} AS {column_type(column)}) AS {quote_ident(column)}"
