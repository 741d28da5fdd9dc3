"""The embedded DuckDB billing store (the default backend): `duckdb:///abs/dir`.

How the pieces cooperate
------------------------
DuckDB lets one process hold a database file read-write, and while it does no other process can open that file
at all. A bot that answers queries all day and a `trackit ingest` run from a shell must not block each other, so
this store never keeps a writable database open:

* Each delivery of a billing period is written once, by a fresh connection, into its own file under
  `<dir>/periods/` (first as `.load-<token>.duckdb`, owned through a flock on `.load-<token>.lock`), line items
  in the source's order (sorting them by time cost 40% of the load; the day-sorted summary tables below serve
  every question but hourly series, which scan the period's timestamps). Its unblended total is reconciled
  with the export's own sum; then it is checkpointed, closed, fsynced and renamed. From then on the file is
  immutable.
* `<dir>/catalog.json` names the live file of every period from every source (an AWS export and an Azure export of
  the same month are two live files, summed by every read; a delivery replaces only its own source's). A loader
  publishes by rewriting it atomically (tmp + fsync + rename + fsync dir) under an exclusive `fcntl` lock, so two
  loader processes never clobber each other. The superseded file is deleted by garbage collection only after a grace
  period (10 minutes by default) so a reader in another process that attached it just before the swap finishes its
  query. A load that crashes (even SIGKILL) leaves only its `.load-*` files behind, which the next GC removes as
  soon as their lock is free (never while the load lives, in whichever container it runs); the catalog still names
  the previous delivery, so readers never see half a month or a month twice. Ingest staging lives in
  `<dir>/staging/` (`staging_dir`): same disk, collected the same way.
* Readers use an in-memory DuckDB connection that ATTACHes every live period file READ_ONLY (any number of
  processes may do that at once) and defines a `line_items` view as `UNION ALL BY NAME` over them. Before each
  read the store stats catalog.json (inode, mtime, size: a few microseconds); when another process published a
  delivery it builds a fresh connection for the new catalog and swaps it in. Queries already running keep the
  previous connection (their cursors keep it alive) and finish on the files they started with.
* Queries do not scan the whole view: they read only the periods in which some line item starts inside the
  range, each branch projecting just the columns the query needs (a tag column a period lacks reads as NULL,
  i.e. untagged). Every user value is a bound parameter; identifiers are quoted by `quote_ident`.
* Each period file also holds summary tables built at load time (`duckdb_rollup`): daily sums by every
  dimension and tag (10-24x fewer rows than hourly CUR line items), the same without resources, and
  whole-period sums. Every question except an hourly series is answered from the smallest of them that holds
  the columns it reads (whole-period ones only when the range holds the whole period), exactly as the line
  items would answer it; the line items serve hourly series and `iter_line_items`. Files written before the
  summaries existed are read raw.

Threads: each thread gets its own cursor on the shared reader connection. `threads` and `memory_limit` are set
on every connection (settings `duckdb_threads`, `duckdb_memory_limit`) instead of DuckDB's defaults (all cores,
80% of RAM), which would starve the bot's other work.

All returned instants (`data_until`, `loaded_at`, buckets) are timezone-aware UTC.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, unquote, urlsplit

import duckdb

from bot.billing.charges import DERIVED_SQL
from bot.billing.model import (
    COST_CATEGORY_PREFIX,
    LINE_ITEM_COLUMN_NAMES,
    TAG_PREFIX,
    TAX_CHARGE,
    TAX_SERVICE,
    AggregateRequest,
    AggregateRow,
    Dimension,
    DimensionRef,
    Filter,
    Freshness,
    Granularity,
    LineItemSums,
    LineItemSumsRequest,
    PeriodStatus,
    TagCoverage,
    TimeRange,
    combined_until,
)
from bot.billing.store import BillingStore, LoadResult, NormalizedSource, Progress
from bot.errors import ConfigError, ReconciliationError, StoreError
from bot.scratch import claim, disk_full, is_disk_full
from bot.sqltext import quote_ident, quote_literal
from bot.store.duckdb_catalog import (
    LOAD_PREFIX,
    PERIODS_DIR,
    STAGING_DIR,
    Catalog,
    CatalogEntry,
    EntryKey,
    PartStats,
    StoredPart,
    catalog_lock,
    catalog_signature,
    collect_garbage,
    fsync_dir,
    fsync_file,
    read_catalog,
    utc,
    write_catalog,
)
from bot.store.duckdb_load import CHARGE_CLASS_COLUMN, CURRENCIES_AND_NET, PartJob, wrap, write_parts
from bot.store.duckdb_rollup import (
    ACCOUNTS_TABLE,
    ROLLUPS,
    request_columns,
    rollup_serves,
)
from bot.store.duckdb_sql import (
    Branch,
    Relation,
    Where,
    aggregate_sql,
    day_start,
    key_expr,
    line_sums_columns,
    line_sums_sql,
)
from bot.store.registry import register

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Loaded totals may differ from the export's own sum by less than half a cent (float summation noise).
RECONCILE_TOLERANCE = Decimal("0.005")
DEFAULT_GRACE_SECONDS = 600.0
_ITER_BATCH = 10_000
#: Added with multi-cloud ingestion: files written before it hold AWS billing, the only provider read then.
PROVIDER_COLUMN = "provider"
LEGACY_PROVIDER_SQL = "'aws'"


@dataclass
class _Generation:
    """A reader connection bound to one catalog snapshot; replaced (never mutated) when the catalog changes."""

    con: duckdb.DuckDBPyConnection
    catalog: Catalog
    signature: tuple[int, int, int] | None
    branches: dict[EntryKey, tuple[Branch, ...]]  # per entry: its line items, one branch per part file
    rollups: dict[str, list[Branch]] = field(default_factory=dict)  # per part file (alias): rollups, smallest first
    accounts: tuple[str, ...] = ()  # aliases of the files that have an accounts table
    memo: dict[str, Any] = field(default_factory=dict)

    def relation(
        self, time_range: TimeRange | None, needed: set[str] | None = None, *, bucketed: bool = True
    ) -> Relation:
        """The periods whose usage can fall in `time_range` (all periods when None).

        With `needed` (the columns a question over whole days reads), each period is read from the smallest of
        its file's rollups that holds those columns, else from its line items. Whole-period rollups qualify
        only for an unbucketed question whose range holds every line item of the period.
        """
        chosen = []
        for key, entry in sorted(self.catalog.entries.items()):
            if not _may_hold(time_range, entry):
                continue  # no line item of the period starts in the range (or the delivery is empty)
            whole = not bucketed and _holds_period(time_range, entry)
            for raw in self.branches[key]:
                if needed is None:
                    chosen.append(raw)
                    continue
                wanted = needed & raw.columns  # a column the part lacks reads as NULL from any table
                usable = (
                    r for r in self.rollups.get(raw.alias, ()) if wanted <= r.columns and (whole or not r.whole_period)
                )
                chosen.append(next(usable, raw))
        return Relation(tuple(chosen))


def _may_hold(time_range: TimeRange | None, entry: CatalogEntry) -> bool:
    """Whether some line item of the period's delivery may start inside `time_range` (None: all time), wherever
    its billing period: late usage billed in a later period, a month-long fee line. Queries read exactly these
    periods, and freshness reports exactly these, so the two always agree."""
    if time_range is None:
        return True
    return entry.starts_before(utc(day_start(time_range.end))) and entry.starts_at_or_after(
        utc(day_start(time_range.start))
    )


def _holds_period(time_range: TimeRange | None, entry: CatalogEntry) -> bool:
    """Whether every line item of the period has its start inside `time_range` (None: all time)."""
    if time_range is None:
        return True
    return not entry.starts_before(utc(day_start(time_range.start))) and not entry.starts_at_or_after(
        utc(day_start(time_range.end))
    )


_wrap = wrap


@dataclass(frozen=True)
class _Part:
    """A part of a delivery to store: its SELECT, rows expected (estimated), and its export file's identity."""

    select_sql: str
    expected_rows: int
    name: str = ""
    size: int = 0
    digest: str = ""
    fingerprint: str = ""


def _plan_parts(source: NormalizedSource, live: CatalogEntry | None) -> list[tuple[_Part, StoredPart | None]]:
    """The delivery's parts, each with the live part it re-uses (same export file size and checksum, same
    transformation: the same rows) or None when it is to be loaded. A delivery that does not come in parts is
    one part, always loaded."""
    if not source.parts:
        return [(_Part(source.select_sql, source.expected_rows), None)]
    reusable: dict[tuple[int, str, str], list[StoredPart]] = defaultdict(list)
    for stored in () if live is None else live.parts:
        if stored.identity is not None:
            reusable[stored.identity].append(stored)
    plan: list[tuple[_Part, StoredPart | None]] = []
    for p in source.parts:
        part = _Part(p.select_sql, round(source.expected_rows * p.share), p.name, p.size, p.digest, p.fingerprint)
        same = reusable.get((p.size, p.digest, p.fingerprint))
        plan.append((part, same.pop(0) if same else None))
    return plan


def _must_stats(part: StoredPart) -> PartStats:
    assert part.stats is not None  # loaded now, or re-used (only parts with stats are)
    return part.stats


def _check_kept(current: Catalog, entry: CatalogEntry, planned_from: CatalogEntry | None, label: str) -> None:
    """Refuse to publish parts kept from a live delivery that another load replaced meanwhile (their files may
    be on their way to deletion)."""
    kept = {p.file for p in entry.parts} & ({p.file for p in planned_from.parts} if planned_from else set())
    now_live = current.entries.get(entry.key)
    if kept and (now_live is None or not kept <= set(now_live.files)):
        raise StoreError(
            f"{label}: another load replaced the period while this one ran; the previous data is kept (ingest again)"
        )


@register("duckdb")
class DuckDBStore(BillingStore):
    """Billing data in immutable per-delivery DuckDB files under `directory` (see the module docstring)."""

    def __init__(
        self,
        directory: str | Path,
        *,
        threads: int = 2,
        memory_limit: str = "1GB",
        grace_seconds: float = DEFAULT_GRACE_SECONDS,
    ) -> None:
        self.root = Path(directory).expanduser().resolve()
        if threads < 1:
            raise ConfigError(f"duckdb_threads must be at least 1, not {threads}")
        self.threads = threads
        self.memory_limit = memory_limit
        self.grace_seconds = grace_seconds
        try:
            (self.root / PERIODS_DIR).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create billing store directory {self.root}: {exc}") from exc
        self._lock = threading.Lock()
        self._local = threading.local()  # per thread: its cursor, and the generation a question pinned
        self._gen: _Generation | None = None
        self._closed = False
        # The next start collects what a killed load or ingest left behind (files whose flock is free).
        try:
            removed = self.collect_garbage()
        except (OSError, StoreError) as exc:  # a read-only mount, say: reading still works
            log.warning("could not collect leftovers in the billing store %s: %s", self.root, exc)
        else:
            if removed:
                log.info("removed leftovers of interrupted loads from %s: %s", self.root, ", ".join(removed))

    @classmethod
    def from_url(cls, url: str) -> DuckDBStore:
        """`duckdb:///abs/dir[?threads=2&memory_limit=1GB&grace_seconds=600]`. Raises ConfigError."""
        parts = urlsplit(url)
        if parts.scheme != "duckdb":
            raise ConfigError(f"not a DuckDB store URL: {url!r}")
        if parts.netloc not in ("", "localhost"):
            raise ConfigError(f"DuckDB store URL {url!r} must be duckdb:///absolute/path (three slashes)")
        path = unquote(parts.path)
        if not path.startswith("/"):
            raise ConfigError(f"DuckDB store URL {url!r} must name an absolute directory: duckdb:///var/lib/trackit")
        params = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        unknown = set(params) - {"threads", "memory_limit", "grace_seconds"}
        if unknown:
            raise ConfigError(f"DuckDB store URL {url!r}: unknown option(s) {', '.join(sorted(unknown))}")
        try:
            return cls(
                path,
                threads=int(params.get("threads", 2)),
                memory_limit=params.get("memory_limit", "1GB"),
                grace_seconds=float(params.get("grace_seconds", DEFAULT_GRACE_SECONDS)),
            )
        except ValueError as exc:
            raise ConfigError(f"DuckDB store URL {url!r}: {exc}") from exc

    def __repr__(self) -> str:
        return f"DuckDBStore({str(self.root)!r})"

    @property
    def staging_dir(self) -> Path:
        """Where an ingest stages this store's deliveries: inside the store's folder, on the same disk."""
        return self.root / STAGING_DIR

    # ------------------------------------------------------------------ connections

    def _config(self) -> dict[str, str | bool | int | float | list[str]]:
        return {"threads": self.threads, "memory_limit": self.memory_limit}

    def read_consistently(self, question: Callable[[], T]) -> T:
        """Answer `question` from the generation current when it starts: every read of this thread until it
        ends uses that catalog snapshot, so a delivery published meanwhile is seen by none of its reads. The
        snapshot's files outlive a replacement by `grace_seconds`, much longer than a question."""
        local = self._local
        if getattr(local, "pinned", None) is not None:
            return question()  # a question inside a question reads the outer one's snapshot
        local.pinned = self._generation()
        try:
            return question()
        finally:
            local.pinned = None

    def _generation(self) -> _Generation:
        """The reader connection for the current catalog (or the one this thread's question pinned), rebuilt
        when another process published."""
        if self._closed:
            raise StoreError("the billing store is closed")
        pinned: _Generation | None = getattr(self._local, "pinned", None)
        if pinned is not None:
            return pinned
        sig = catalog_signature(self.root)
        gen = self._gen
        if gen is not None and gen.signature == sig:
            return gen
        with self._lock:
            gen = self._gen
            sig = catalog_signature(self.root)
            if gen is not None and gen.signature == sig:
                return gen
            for attempt in range(3):
                try:
                    gen = self._build_generation(read_catalog(self.root), sig)
                    break
                except duckdb.IOException:
                    # A file vanished between reading the catalog and attaching it (a newer publication and
                    # its GC ran in between): read the catalog again.
                    if attempt == 2:
                        raise
                    sig = catalog_signature(self.root)
            assert gen is not None
            self._gen = gen
            return gen

    def _build_generation(self, catalog: Catalog, sig: tuple[int, int, int] | None) -> _Generation:
        try:
            con = duckdb.connect(":memory:", config=self._config())
        except duckdb.Error as exc:
            raise _wrap(exc, "opening a reader connection") from exc
        branches: dict[EntryKey, tuple[Branch, ...]] = {}
        rollups: dict[str, list[Branch]] = {}
        with_accounts: list[str] = []
        try:
            for i, entry in enumerate(catalog.sorted_entries()):
                tags = [c for c in entry.columns if c.startswith(TAG_PREFIX)]
                parts = []
                for j, file in enumerate(entry.files):
                    alias = f"p{i}_{entry.billing_period:%Y%m}" + (f"_{j}" if j else "")
                    branch, part_rollups, has_accounts = self._attach(con, alias, self.root / PERIODS_DIR / file, tags)
                    parts.append(branch)
                    rollups[alias] = part_rollups
                    if has_accounts:
                        with_accounts.append(alias)
                branches[entry.key] = tuple(parts)
            if branches:
                union = " UNION ALL BY NAME ".join(
                    f"SELECT * FROM {quote_ident(b.alias)}.line_items" for parts in branches.values() for b in parts
                )
            else:
                union = Relation(()).from_sql(LINE_ITEM_COLUMN_NAMES).removesuffix(" AS li")
                union = f"SELECT * FROM {union}"
            con.execute(f"CREATE OR REPLACE VIEW line_items AS {union}")
        except duckdb.IOException:
            con.close()
            raise
        except duckdb.Error as exc:
            con.close()
            raise _wrap(exc, "attaching period files") from exc
        return _Generation(con, catalog, sig, branches, rollups, tuple(with_accounts))

    @staticmethod
    def _attach(
        con: duckdb.DuckDBPyConnection, alias: str, path: Path, tags: Sequence[str]
    ) -> tuple[Branch, list[Branch], bool]:
        """ATTACH one part file READ_ONLY: its line items, its rollups (smallest first) and whether it has an
        accounts table."""
        con.execute(f"ATTACH {quote_literal(str(path))} AS {quote_ident(alias)} (READ_ONLY)")
        # Files written before the rollup existed have only line_items: they are read raw.
        tables = {
            str(name): int(size or 0)
            for name, size in con.execute(
                "SELECT table_name, estimated_size FROM duckdb_tables() WHERE database_name = ?", [alias]
            ).fetchall()
        }
        # The columns each table really has: files written before a column was added lack it.
        held: dict[str, set[str]] = defaultdict(set)
        for table, column in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = ?", [alias]
        ).fetchall():
            held[str(table)].add(str(column))
        raw_columns = frozenset(held["line_items"])
        derived: tuple[tuple[str, str], ...] = ()
        if CHARGE_CLASS_COLUMN not in raw_columns:
            derived += ((CHARGE_CLASS_COLUMN, DERIVED_SQL),)
            raw_columns |= {CHARGE_CLASS_COLUMN}
        if PROVIDER_COLUMN not in raw_columns:
            derived += ((PROVIDER_COLUMN, LEGACY_PROVIDER_SQL),)
            raw_columns |= {PROVIDER_COLUMN}
        present = sorted((r for r in ROLLUPS if r.table in tables), key=lambda r: tables[r.table])
        # A file's rollups hold only the columns of the version that wrote it: a question reading a newer
        # dimension (currency, charge class) is then answered from the line items.
        rollups = [
            Branch(
                alias,
                r.columns(tags) & frozenset(held[r.table]),
                r.table,
                rollup=True,
                whole_period=r.whole_period,
                unique_by=r.unique_by(tags) & frozenset(held[r.table]),
            )
            for r in present
        ]
        return Branch(alias, raw_columns, derived=derived), rollups, ACCOUNTS_TABLE in tables

    def _cursor(self) -> tuple[duckdb.DuckDBPyConnection, _Generation]:
        """This thread's cursor on the current generation (one cursor per thread, as DuckDB requires)."""
        gen = self._generation()
        local = self._local
        if getattr(local, "gen", None) is not gen:
            local.cur = gen.con.cursor()
            local.gen = gen
        return local.cur, gen

    def _fetch(self, sql: str, params: Sequence[object], what: str) -> list[tuple[Any, ...]]:
        cur, _ = self._cursor()
        try:
            return cur.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise _wrap(exc, what) from exc

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._gen is not None:
                self._gen.con.close()
                self._gen = None

    # ------------------------------------------------------------------ loading

    def replace_period(self, source: NormalizedSource, progress: Progress | None = None) -> LoadResult:
        """Load the delivery, part by part when it comes split by export file (several parts at once, sharing the
        store's threads and memory; a part whose export file the live delivery of the period already holds, same
        size, checksum and transformation, is kept instead of loaded again), reconcile the whole against the
        export's own total, and publish every part in one catalog swap."""
        t0 = time.monotonic()
        delivery = source.delivery
        period = delivery.billing_period
        label = f"billing period {period:%Y-%m} (delivery {delivery.delivery_id})"
        try:
            expected = Decimal(source.expected_billed_total)
        except InvalidOperation as exc:
            raise StoreError(f"{label}: expected total {source.expected_billed_total!r} is not a decimal") from exc
        self.collect_garbage()
        periods_dir = self.root / PERIODS_DIR
        live = read_catalog(self.root).entries.get((period, delivery.source))
        plan = _plan_parts(source, live)
        # The load's files are owned through a flock (bot.scratch), not a pid: a load running in another
        # container that shares this folder is never collected, and a dead one always is.
        try:
            owner = claim(periods_dir, LOAD_PREFIX)
        except OSError as exc:
            raise self._disk_error(exc, label) from exc
        token = owner.name.removeprefix(LOAD_PREFIX)[:12]
        loading = [i for i, (_, kept) in enumerate(plan) if kept is None]
        jobs = [
            PartJob(
                plan[i][0].select_sql, plan[i][0].expected_rows, owner.path(f".{i}.duckdb"), owner.path(f".{i}.spill")
            )
            for i in loading
        ]
        if len(plan) > 1:
            log.info(
                "%s: %d part(s), %d to load, %d kept from the live delivery",
                label,
                len(plan),
                len(jobs),
                len(plan) - len(jobs),
            )
        if progress is not None:
            progress(0, sum(j.expected_rows for j in jobs))
        try:
            written = write_parts(
                jobs,
                threads=self.threads,
                memory_limit=self.memory_limit,
                label=label,
                source_uri=delivery.source_uri,
                root=self.root,
                progress=progress,
                columns=LINE_ITEM_COLUMN_NAMES,
                rollups=ROLLUPS,
            )
            single = len(plan) == 1
            stored: list[StoredPart] = []
            new_files: list[tuple[Path, str]] = []
            made = dict(zip(loading, written, strict=True))
            for i, (part, kept) in enumerate(plan):
                if kept is not None:
                    stored.append(kept)
                    continue
                name = f"{period:%Y-%m}--{token}.duckdb" if single else f"{period:%Y-%m}--{token}-{i + 1}.duckdb"
                new_files.append((owner.path(f".{i}.duckdb"), name))
                stored.append(StoredPart(name, part.name, part.size, part.digest, part.fingerprint, made[i]))
            stats = [_must_stats(p) for p in stored]
            loaded = sum(st.billed_total for st in stats)
            if abs(Decimal(repr(loaded)) - expected) >= RECONCILE_TOLERANCE:
                raise ReconciliationError(
                    f"{label}: loaded unblended total {loaded:.4f} differs from the export's own sum "
                    f"{expected} by {Decimal(repr(loaded)) - expected:.4f}; the previous data is kept",
                    hint="The export may be incomplete or still being written; ingest again later.",
                )
            for path, _ in new_files:
                fsync_file(path)
            rows = sum(st.rows for st in stats)
            if progress is not None:
                progress(sum(made[i].rows for i in loading), sum(j.expected_rows for j in jobs))
            now = datetime.now(UTC)
            entry = CatalogEntry.combined(
                billing_period=period,
                parts=tuple(stored),
                delivery_id=delivery.delivery_id,
                delivered_at=utc(delivery.delivered_at),
                loaded_at=now,
                source_format=delivery.source_format,
                source_uri=delivery.source_uri,
                source=delivery.source,
                complete_until=None if delivery.complete_until is None else utc(delivery.complete_until),
            )
            with catalog_lock(self.root):
                current = read_catalog(self.root)
                _check_kept(current, entry, live, label)
                for path, name in new_files:
                    os.replace(path, periods_dir / name)
                fsync_dir(periods_dir)
                catalog, old = current.with_entry(entry, now)
                catalog, _ = collect_garbage(self.root, catalog, self.grace_seconds, now)
                write_catalog(self.root, catalog)
        except OSError as exc:
            raise self._disk_error(exc, label) from exc
        except StoreError as exc:
            if is_disk_full(exc):
                raise disk_full(self.root, f"loading {label}") from exc
            raise
        finally:
            owner.release()  # the load's leftovers (a failed load's files, their WALs, the spill folders) go with it
        return LoadResult(
            delivery=delivery,
            rows=rows,
            billed_total=loaded,
            replaced=None if old is None else old.delivery_id,
            seconds=time.monotonic() - t0,
        )

    def _disk_error(self, exc: OSError, label: str) -> Exception:
        """A full disk named as such (the stored data is intact); any other OS error as a StoreError."""
        if is_disk_full(exc):
            return disk_full(self.root, f"loading {label}")
        return StoreError(f"DuckDB billing store {self.root}: cannot load {label}: {exc}")

    def collect_garbage(self) -> list[str]:
        """Delete superseded files past the grace period and leftovers of crashed loads; returns their names."""
        with catalog_lock(self.root):
            catalog = read_catalog(self.root)
            pruned, removed = collect_garbage(self.root, catalog, self.grace_seconds, datetime.now(UTC))
            if pruned.retired != catalog.retired:
                write_catalog(self.root, pruned)
        return removed

    def periods(self) -> list[PeriodStatus]:
        gen = self._generation()
        return [self._status(gen, e) for e in gen.catalog.sorted_entries()]

    def _status(self, gen: _Generation, entry: CatalogEntry) -> PeriodStatus:
        """An entry's status; currencies and net availability are read from the file (once per generation) for
        entries loaded before the catalog recorded them."""
        if entry.currencies is not None and entry.has_net_cost is not None:
            return entry.status()
        memo_key = f"legacy:{entry.files[0]}"
        if memo_key not in gen.memo:
            alias = gen.branches[entry.key][0].alias  # written before parts: one file
            sql = f"SELECT {CURRENCIES_AND_NET} FROM {quote_ident(alias)}.line_items"
            currencies, has_net = self._fetch(sql, [], "reading a period's currencies")[0]
            gen.memo[memo_key] = (tuple(currencies), bool(has_net))
        currencies, has_net = gen.memo[memo_key]
        return entry.status(currencies, has_net)

    def delete_period(self, billing_period: date, source: str | None = None) -> bool:
        with catalog_lock(self.root):
            now = datetime.now(UTC)
            catalog, gone = read_catalog(self.root).without(billing_period, source, now)
            if not gone:
                return False
            catalog, _ = collect_garbage(self.root, catalog, self.grace_seconds, now)
            write_catalog(self.root, catalog)
        return True

    # ------------------------------------------------------------------ reading

    def aggregate(self, request: AggregateRequest) -> list[AggregateRow]:
        _, gen = self._cursor()
        needed = request_columns(request) if rollup_serves(request) else None
        bucketed = request.granularity is not Granularity.NONE
        sql, params, nkeys = aggregate_sql(request, gen.relation(request.time_range, needed, bucketed=bucketed))
        rows = self._fetch(sql, params, "aggregating costs")
        return [
            AggregateRow(
                keys=tuple(r[:nkeys]),
                cost=float(r[nkeys + 1] or 0.0),
                bucket=None if r[nkeys] is None else utc(r[nkeys]),
                usage_amount=float(r[nkeys + 2]),
                line_items=int(r[nkeys + 3]),
            )
            for r in rows
        ]

    def count_groups(self, request: AggregateRequest) -> int:
        """One SQL count over the smallest table that holds the request's columns (the period's resource list
        for a whole month by resource): milliseconds for 200k resources, where fetching them took 0.7 s."""
        _, gen = self._cursor()
        needed = request_columns(request) if rollup_serves(request) else None
        sql, params, _ = aggregate_sql(
            request, gen.relation(request.time_range, needed, bucketed=False), count_groups=True
        )
        return int(self._fetch(sql, params, "counting groups")[0][0])

    def line_item_sums(self, request: LineItemSumsRequest) -> list[LineItemSums]:
        _, gen = self._cursor()
        needed = line_sums_columns(request) | {f.dimension.column for f in request.filters}
        if any(f.dimension.kind is Dimension.SERVICE for f in request.filters):
            needed.add("charge_category")  # a service filter keeps or drops tax by its charge category
        sql, params = line_sums_sql(request, gen.relation(request.time_range, needed))
        n = len(request.keys)
        return [
            LineItemSums(
                keys=tuple(str(k) for k in r[:n]),
                billed_cost=float(r[n]),
                effective_cost=float(r[n + 1]),
                usage_amount=float(r[n + 2]),
                reservation_effective_cost=float(r[n + 3]),
                savings_plan_effective_cost=float(r[n + 4]),
                line_items=int(r[n + 5]),
            )
            for r in self._fetch(sql, params, "summing line items")
        ]

    def tag_coverage(self, time_range: TimeRange, filters: Sequence[Filter] = ()) -> list[TagCoverage]:
        _, gen = self._cursor()
        every = gen.relation(time_range).columns
        wanted = {
            "charge_period_start",
            "billed_cost",
            *(c for c in every if c.startswith(TAG_PREFIX)),
            *(f.dimension.column for f in filters),
        }
        relation = gen.relation(time_range, wanted, bucketed=False)
        available = relation.columns
        keys = sorted(c for c in available if c.startswith(TAG_PREFIX))
        where = Where.build(time_range, filters, available)
        needed = where.needed | {"billed_cost", *keys}
        parts = ["COALESCE(SUM(billed_cost), 0)"]
        for c in keys:
            q = quote_ident(c)
            parts.append(f"COALESCE(SUM(billed_cost) FILTER (WHERE {q} <> ''), 0)")
            parts.append(f"COUNT(DISTINCT NULLIF({q}, ''))")
        sql = f"SELECT {', '.join(parts)} FROM {relation.from_sql(needed)} {where.sql()}"
        row = self._fetch(sql, where.params, "measuring tag coverage")[0]
        total = float(row[0])
        out = [
            TagCoverage(c.removeprefix(TAG_PREFIX), float(row[1 + 2 * i]), total, int(row[2 + 2 * i]))
            for i, c in enumerate(keys)
        ]
        return sorted((t for t in out if t.distinct_values > 0), key=lambda t: (-t.tagged_cost, t.key))

    def distinct_values(self, dimension: DimensionRef, limit: int = 10_000) -> list[str]:
        _, gen = self._cursor()
        memo_key = f"distinct:{dimension.label}:{limit}"
        if memo_key not in gen.memo:
            relation = gen.relation(None, {dimension.column, "charge_category", "billed_cost"}, bucketed=False)
            if dimension.column not in relation.columns:
                gen.memo[memo_key] = []
            else:
                # The services line items were charged on (not folded), then `Tax` when there is tax.
                expr, cols = key_expr(dimension, relation.columns, fold_tax=False)
                values = f"SELECT {expr} AS v, billed_cost FROM {relation.from_sql({*cols, 'billed_cost'})}"
                if dimension.kind is Dimension.SERVICE:
                    values += (
                        f" UNION ALL SELECT {quote_literal(TAX_SERVICE)} AS v, billed_cost FROM "
                        f"{relation.from_sql({'charge_category', 'billed_cost'})} WHERE charge_category = ?"
                    )
                sql = (
                    f"SELECT v FROM ({values}) AS d GROUP BY v HAVING v <> ? ORDER BY SUM(billed_cost) DESC, v LIMIT ?"
                )
                params: list[object] = [TAX_CHARGE] if dimension.kind is Dimension.SERVICE else []
                rows = self._fetch(sql, [*params, dimension.empty_key, limit], "listing dimension values")
                gen.memo[memo_key] = [str(r[0]) for r in rows]
        return list(gen.memo[memo_key])

    def tag_keys(self) -> list[str]:
        _, gen = self._cursor()
        return sorted({k for e in gen.catalog.entries.values() for k in e.tag_keys})

    def accounts(self) -> dict[str, str]:
        _, gen = self._cursor()
        if "accounts" not in gen.memo:
            relation = gen.relation(None)
            # Each file's accounts table holds its latest name per account (built at load); older files are
            # read raw. Same answer either way: the name of the latest line item that has one.
            parts = [
                f"SELECT sub_account_id, sub_account_name, named_at FROM {quote_ident(alias)}.{ACCOUNTS_TABLE}"
                for alias in gen.accounts
            ]
            parts += [
                "SELECT sub_account_id, sub_account_name, charge_period_start AS named_at FROM "
                + Relation((b,)).from_sql({"sub_account_id", "sub_account_name", "charge_period_start"})
                for b in relation.branches
                if b.alias not in gen.accounts
            ]
            union = " UNION ALL ".join(parts) or (
                "SELECT CAST(NULL AS VARCHAR) AS sub_account_id, CAST(NULL AS VARCHAR) AS sub_account_name, "
                "CAST(NULL AS TIMESTAMP) AS named_at WHERE false"
            )
            sql = (
                "SELECT sub_account_id, COALESCE(arg_max(sub_account_name, named_at) "
                "FILTER (WHERE COALESCE(sub_account_name, '') <> ''), '') "
                f"FROM ({union}) AS a "
                "WHERE COALESCE(sub_account_id, '') <> '' GROUP BY sub_account_id ORDER BY sub_account_id"
            )
            gen.memo["accounts"] = {str(a): str(n) for a, n in self._fetch(sql, [], "listing accounts")}
        return dict(gen.memo["accounts"])

    def freshness(self, time_range: TimeRange | None = None) -> Freshness:
        """Newest usage and the status of every period whose data the range's answers read (`_may_hold`): a
        usage-date question whose rows sit in another billing period's delivery reports that period too."""
        _, gen = self._cursor()
        entries = [e for e in gen.catalog.sorted_entries() if _may_hold(time_range, e)]
        statuses = tuple(self._status(gen, e) for e in entries)
        return Freshness(combined_until(statuses), statuses)

    def iter_line_items(
        self, time_range: TimeRange, filters: Sequence[Filter] = (), columns: Sequence[str] = ()
    ) -> Iterator[dict[str, object]]:
        gen = self._generation()
        relation = gen.relation(time_range)
        available = relation.columns
        wanted = list(columns) or [
            *LINE_ITEM_COLUMN_NAMES,
            *sorted(c for c in available if c not in LINE_ITEM_COLUMN_NAMES),
        ]
        unknown = [
            c
            for c in wanted
            if c not in LINE_ITEM_COLUMN_NAMES and not c.startswith((TAG_PREFIX, COST_CATEGORY_PREFIX))
        ]
        if unknown:
            raise ValueError(f"unknown line-item column(s): {', '.join(unknown)}")
        where = Where.build(time_range, filters, available)
        select = ", ".join(quote_ident(c) for c in wanted)
        sql = (
            f"SELECT {select} FROM {relation.from_sql({*wanted, *where.needed})} {where.sql()} "
            "ORDER BY charge_period_start"
        )
        # A dedicated cursor: the caller may run other queries on this thread while it consumes the stream.
        cur = gen.con.cursor()
        try:
            cur.execute(sql, where.params)
            while batch := cur.fetchmany(_ITER_BATCH):
                for r in batch:
                    yield {c: (utc(v) if isinstance(v, datetime) else v) for c, v in zip(wanted, r, strict=True)}
        except duckdb.Error as exc:
            raise _wrap(exc, "reading line items") from exc
        finally:
            cur.close()
