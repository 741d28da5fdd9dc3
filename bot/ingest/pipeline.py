"""The ingestion pipeline: discover deliveries, skip the ones already live, download, validate, normalise, load.

Every check that can fail on bad input (manifest, gzip stream, header, casts, totals) runs before the store is
touched, and the store swaps a period atomically, so a bad or interrupted ingest never loses the data already
live. Progress shows as tqdm bars on a terminal and as log lines (rows, bytes, rate) otherwise.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from bot.aws.session import AwsIdentity
from bot.billing.model import Delivery
from bot.errors import UnknownFormat
from bot.ingest.cost_explorer import cost_explorer_sources
from bot.ingest.layout import PlannedDelivery, plan_deliveries
from bot.ingest.readers import (
    build_source,
    detect_format,
    has_map_columns,
    inspect_files,
    periods_in,
    prepare_files,
    stage_csv,
)
from bot.ingest.sources import FileSource, open_file_source
from bot.store.base import BillingStore, NormalizedSource

log = logging.getLogger(__name__)

#: Memory limit of each reader's DuckDB connection, which run beside the store's own (DuckDB spills past it).
_MEMORY_LIMIT = "384MB"
#: Deliveries read (fetched, parsed, staged) ahead of the one being loaded. One: at 10M rows a second one
#: saved 5% of the wall time and added 200 MiB to the peak (1.2 GiB), too close to the 2 GiB budget.
_READ_AHEAD = 1


@dataclass(frozen=True)
class PeriodResult:
    """What happened to one billing period: `status` is "loaded", "replaced" or "skipped"."""

    billing_period: date
    delivery_id: str
    source_format: str
    status: str
    rows: int
    billed_total: str  # the export's own DECIMAL sum, as text
    replaced: str | None = None
    seconds: float = 0.0
    bytes_read: int = 0
    #: When the provider delivered it (manifest or file time), None when unknown.
    delivered_at: datetime | None = None


@dataclass(frozen=True)
class IngestReport:
    """The outcome of one `ingest()` run, periods oldest first."""

    source_uri: str
    periods: tuple[PeriodResult, ...]
    seconds: float

    @property
    def bytes_read(self) -> int:
        return sum(p.bytes_read for p in self.periods)


class _Progress:
    """tqdm bars on a TTY, otherwise one log line per finished step."""

    def __init__(self, enabled: bool | None) -> None:
        self.tty = sys.stderr.isatty() if enabled is None else enabled

    def bar(self, total: int, unit: str, desc: str) -> Any:
        if not self.tty:
            return None
        from tqdm import tqdm  # type: ignore[import-untyped]

        # tqdm's default line shows the count, the rate (rows/s, B/s) and the time left.
        return tqdm(total=total, unit=unit, unit_scale=True, desc=desc, leave=False, file=sys.stderr)

    def bytes_callback(self, bar: Any) -> Callable[[int], None] | None:
        return None if bar is None else bar.update

    def rows_log(self, label: str) -> Callable[[int, int], None]:
        """Without a terminal: a log line at every tenth of a load, with the rate and the time left."""
        started = time.monotonic()
        state = {"tenth": 0}

        def update(done: int, expected: int) -> None:
            tenth = done * 10 // max(expected, 1)
            if tenth <= state["tenth"] or done >= expected:
                return
            state["tenth"] = tenth
            rate = done / max(time.monotonic() - started, 1e-6)
            log.info(
                "%s: %d%% loaded (%s of %s rows, %s rows/s, about %.0f s left)",
                label,
                100 * done // max(expected, 1),
                f"{done:,}",
                f"{expected:,}",
                f"{rate:,.0f}",
                (expected - done) / max(rate, 1e-6),
            )

        return update

    def rows_callback(self, bar: Any) -> Callable[[int, int], None] | None:
        if bar is None:
            return None
        state = {"done": 0}

        def update(done: int, expected: int) -> None:
            bar.total = max(expected, done)
            bar.update(done - state["done"])
            state["done"] = done

        return update


def ingest(
    uri: str,
    store: BillingStore,
    *,
    identity: AwsIdentity | None = None,
    progress: bool | None = None,
) -> IngestReport:
    """Ingest every billing period found at `uri` (a directory, a file, `s3://bucket/prefix` or `ce://?months=N`).

    A period whose live delivery has the same id is skipped (no-op); a different delivery replaces it atomically
    through `store.replace_period`. Raises the `IngestError` subclasses of `bot.errors` (naming the file, the
    missing columns, the bucket and role ...) before touching the store for that period.
    """
    started = time.monotonic()
    bars = _Progress(progress)
    results: list[PeriodResult] = []
    with tempfile.TemporaryDirectory(prefix="trackit-ingest-") as tmp:
        workdir = Path(tmp)
        if uri.startswith("ce://"):
            for source in cost_explorer_sources(uri, workdir, identity):
                results.append(_load(source, store, bars))
        else:
            file_source = open_file_source(uri, identity)
            planned = plan_deliveries(file_source.list(), file_source.read_bytes)
            results.extend(_ingest_plans(planned, file_source, store, workdir, bars))
    report = IngestReport(source_uri=uri, periods=tuple(results), seconds=time.monotonic() - started)
    log.info(
        "ingest %s: %d period(s), %d loaded, %d skipped, %.1f MB read in %.1f s",
        uri,
        len(results),
        sum(r.status != "skipped" for r in results),
        sum(r.status == "skipped" for r in results),
        report.bytes_read / 1e6,
        report.seconds,
    )
    return report


def _skip(store: BillingStore, period: date, delivery_id: str) -> PeriodResult | None:
    live = store.period(period)
    if live is None or live.delivery_id != delivery_id:
        return None
    log.info("%s: delivery %s is already live, skipped", f"{period:%Y-%m}", delivery_id)
    return PeriodResult(
        billing_period=period,
        delivery_id=delivery_id,
        source_format=live.source_format,
        status="skipped",
        rows=live.rows,
        billed_total=f"{live.billed_total:.10f}",
        delivered_at=live.delivered_at,
    )


@dataclass(frozen=True)
class _Prepared:
    """A period read and checked, ready for the store (`source`), or already decided (`result`: skipped)."""

    source: NormalizedSource | None = None
    result: PeriodResult | None = None


def _prepare_planned(
    plan: PlannedDelivery, source: FileSource, store: BillingStore, workdir: Path, bars: _Progress
) -> list[_Prepared]:
    """Fetch a planned delivery and read it into one `NormalizedSource` per billing period (staged copies,
    spill files and downloads under `workdir`). Touches no stored data; raises on bad input."""
    if plan.billing_period is not None:
        skipped = _skip(store, plan.billing_period, plan.delivery_id)
        if skipped is not None:
            return [_Prepared(result=skipped)]
    label = f"{plan.billing_period:%Y-%m}" if plan.billing_period else plan.report
    t0 = time.monotonic()
    bar = bars.bar(plan.size, "B", f"download {label}")
    try:
        local = [source.fetch(k, workdir, bars.bytes_callback(bar)) for k in plan.keys]
    finally:
        if bar is not None:
            bar.close()
    seconds = max(time.monotonic() - t0, 1e-6)
    log.info(
        "%s: fetched %d file(s), %.1f MB in %.1f s (%.1f MB/s)",
        label,
        len(local),
        plan.size / 1e6,
        seconds,
        plan.size / 1e6 / seconds,
    )
    con = _connect(store, workdir)
    try:
        files = prepare_files(local, workdir)
        inspected = inspect_files(files, con)
        spec = detect_format(list(inspected.columns), plan.format_hint)
        fmt = _format_name(spec.name, list(inspected.columns))
        uri = source.uri + (f" ({plan.manifest_key})" if plan.manifest_key else "")
        if plan.billing_period is None or has_map_columns(spec, inspected):
            # More than one pass over the rows is coming (billing periods to find, map keys to list): parse
            # the CSV once into a columnar copy first.
            inspected = stage_csv(spec, inspected, con, workdir)
        if plan.billing_period is not None:
            periods = [(plan.billing_period, plan.delivery_id, False)]
        else:
            found = periods_in(spec, inspected, con)
            if not found:
                raise UnknownFormat(
                    f"{', '.join(p.name for p in local)}: no line items, so no billing period to load",
                    hint="A header-only file is only meaningful inside a manifest-described delivery.",
                )
            periods = [(p, f"{plan.delivery_id}-{p:%Y-%m}", True) for p in found]
        prepared = []
        for period, delivery_id, filtered in periods:
            if filtered:
                skipped = _skip(store, period, delivery_id)
                if skipped is not None:
                    prepared.append(_Prepared(result=skipped))
                    continue
            delivery = Delivery(period, delivery_id, plan.delivered_at, fmt, uri)
            # CSV is staged (parsed once, normalised rows in parquet); parquet is read directly, since
            # staging it would cost more than the one check pass it saves.
            normalized = build_source(
                spec,
                inspected,
                delivery,
                con,
                filter_period=filtered,
                label=label,
                bytes_read=plan.size,
                stage_dir=None if inspected.parquet else workdir,
            )
            prepared.append(_Prepared(source=normalized))
        return prepared
    finally:
        con.close()


def _ingest_plans(
    planned: list[PlannedDelivery], source: FileSource, store: BillingStore, workdir: Path, bars: _Progress
) -> list[PeriodResult]:
    """Load the planned deliveries in order, reading the next `_READ_AHEAD` while the store loads one.

    DuckDB decompresses a gzip file in one thread (the stream is sequential) while a load keeps the cores busy
    sorting and writing, so the read of the next delivery overlaps with the load. Results and errors
    come in plan order, as if run one after the other: a bad delivery raises after every earlier one is loaded.
    Each plan's files (downloads, staged copies, spill) live in a folder of their own, removed once the plan is
    loaded.
    """
    results: list[PeriodResult] = []

    def prepare(index: int, plan: PlannedDelivery) -> tuple[Path, list[_Prepared]]:
        folder = workdir / f"plan-{index}"
        folder.mkdir()
        try:
            return folder, _prepare_planned(plan, source, store, folder, bars)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    todo = iter(enumerate(planned))
    reading: deque[Future[tuple[Path, list[_Prepared]]]] = deque()
    with ThreadPoolExecutor(max_workers=_READ_AHEAD, thread_name_prefix="ingest-read") as reader:

        def read_ahead() -> None:
            while len(reading) < _READ_AHEAD and (nxt := next(todo, None)) is not None:
                reading.append(reader.submit(prepare, *nxt))

        try:
            read_ahead()
            while reading:
                folder, prepared = reading.popleft().result()
                read_ahead()
                try:
                    for item in prepared:
                        results.append(item.result or _load(_must(item.source), store, bars))
                finally:
                    shutil.rmtree(folder, ignore_errors=True)
        except BaseException:
            # Start no further reads after a failure; reads already running finish (their folders go with the
            # ingest's temporary directory).
            reader.shutdown(wait=True, cancel_futures=True)
            raise
    return results


def _must(source: NormalizedSource | None) -> NormalizedSource:
    assert source is not None  # a _Prepared holds a source or a result
    return source


def _connect(store: BillingStore, workdir: Path) -> duckdb.DuckDBPyConnection:
    """The reader's DuckDB: the store's thread count when it has one (a DuckDB store does), a memory limit of
    its own (it runs beside the store's load) and spilling to `workdir`, so a month of any size is read in
    bounded memory."""
    threads = getattr(store, "threads", None)
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": _MEMORY_LIMIT,
        "temp_directory": str(workdir / "spill"),
        # Order of rows is irrelevant to a load (the store sorts); keeping it costs memory on large COPYs.
        "preserve_insertion_order": False,
    }
    if isinstance(threads, int) and threads > 0:
        config["threads"] = threads
    con = duckdb.connect(config=config)
    # DuckDB draws its own progress bar on stdout for long queries; ours (or log lines) already say it.
    con.execute("SET enable_progress_bar = false")
    return con


#: FOCUS versions, newest first, each with columns that appear from that version on (the spec's changelogs).
FOCUS_VERSION_MARKERS: tuple[tuple[str, frozenset[str]], ...] = (
    # 1.3: contract commitments, split cost allocation, service/host provider names.
    ("1.3", frozenset({"contractapplied", "allocatedmethodid", "allocatedresourceid", "serviceprovidername"})),
    ("1.2", frozenset({"invoiceid", "billingaccounttype", "subaccounttype", "pricingcurrency"})),
    ("1.1", frozenset({"capacityreservationid", "servicesubcategory", "skumeter", "commitmentdiscountquantity"})),
)


def _format_name(spec_name: str, columns: list[str]) -> str:
    """`cur1`, `cur2`, `oci`, `azure`, or `focus-1.0` ... `focus-1.3` from the columns only later versions have."""
    if spec_name != "focus":
        return spec_name
    lower = {c.lower() for c in columns}
    version = next((v for v, markers in FOCUS_VERSION_MARKERS if lower & markers), "1.0")
    return f"focus-{version}"


def _load(source: NormalizedSource, store: BillingStore, bars: _Progress) -> PeriodResult:
    d = source.delivery
    label = f"{d.billing_period:%Y-%m}"
    skipped = _skip(store, d.billing_period, d.delivery_id)
    if skipped is not None:
        return skipped
    bar = bars.bar(source.expected_rows, "rows", f"load {label}")
    try:
        result = store.replace_period(source, progress=bars.rows_callback(bar) or bars.rows_log(label))
    finally:
        if bar is not None:
            bar.close()
    log.info(
        "%s: loaded %d rows (%s %s) from delivery %s in %.1f s (%.0f rows/s)%s",
        label,
        result.rows,
        source.expected_billed_total,
        "unblended",
        d.delivery_id,
        result.seconds,
        result.rows / max(result.seconds, 1e-6),
        f", replacing {result.replaced}" if result.replaced else "",
    )
    return PeriodResult(
        billing_period=d.billing_period,
        delivery_id=d.delivery_id,
        source_format=d.source_format,
        status="replaced" if result.replaced else "loaded",
        rows=result.rows,
        billed_total=source.expected_billed_total,
        replaced=result.replaced,
        seconds=result.seconds,
        bytes_read=source.bytes_read,
        delivered_at=d.delivered_at,
    )
