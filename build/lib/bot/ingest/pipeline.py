"""The ingestion pipeline: discover deliveries, skip the ones already live, download, validate, normalise, load.

Every check that can fail on bad input (manifest, gzip stream, header, row shape, casts, billing period,
duplicates, totals) runs before the store is touched, and the store swaps a period atomically, so a bad or
interrupted ingest never loses the data already live. Progress shows as tqdm bars on a terminal and as log
lines (rows, bytes, rate) otherwise.

Sources: every delivery is stored under the source it came from (`Delivery.source`: the source's canonical URI,
`s3://bucket/prefix` or the resolved local path; `ce://...` as given), and the store keeps one live delivery per
billing period per source. A delivery replaces its own source's delivery of the period only; another source's
(an Azure export beside an AWS CUR) stays live and is summed with it.

Re-delivery guards (`IngestPolicy`): a delivery that would replace its source's live period is refused, unless
forced, when it holds no rows, fewer than `min_share` of the live rows, or was delivered before the live one. A
refusal is a result (`status="refused"` with its reason and numbers), not an error: the other periods still load.

Staging (downloads, extracted zips, staged copies, DuckDB spill files) lives in a folder under the store's
own staging directory (`staging_dir` of a DuckDB store, else the one given), never in TMPDIR. The folder is
owned through a file lock (`bot.scratch`): every ingest first removes the folders whose owner is gone (a
SIGKILLed ingest, in whichever container it ran), and never one that is still in use.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import duckdb

from bot.aws.session import AwsIdentity
from bot.billing.model import Delivery, PeriodStatus
from bot.billing.store import BillingStore, NormalizedSource
from bot.errors import CorruptFile, DiskFull, IngestError, UnknownFormat
from bot.ingest import gcp, integrity, recency
from bot.ingest.cost_explorer import cost_explorer_sources
from bot.ingest.csvfiles import DataFile, RawTotals, independent_totals
from bot.ingest.layout import PlannedDelivery, plan_deliveries
from bot.ingest.mapping import GCP_BILLING, athena_name
from bot.ingest.readers import (
    build_source,
    detect_format,
    files_label,
    has_map_columns,
    inspect_files,
    periods_in,
    prepare_files,
    stage_csv,
)
from bot.ingest.sources import FileSource, open_file_source
from bot.scratch import claimed, collect, disk_full, is_disk_full

log = logging.getLogger(__name__)

#: Memory limit of a reader's DuckDB connection beside a store without a DuckDB memory setting (DuckDB spills
#: past it). Beside a DuckDB store the reader takes the store's own `memory_limit`: the check pass over a month
#: (its exact duplicate count keeps one hash per line item) ran out of 384 MB at 100M line items.
_MEMORY_LIMIT = "384MB"
#: Deliveries read (fetched, parsed, staged) ahead of the one being loaded. One: at 10M rows a second one
#: saved 5% of the wall time and added 200 MiB to the peak (1.2 GiB), too close to the 2 GiB budget.
_READ_AHEAD = 1
#: Name prefix of an ingest's staging folder (and its lock file) in the staging directory.
STAGING_PREFIX = "ingest-"
#: Staging folders without a lock file (none are made so any more) are removed once untouched for this long.
_UNLOCKED_GRACE_SECONDS = 3600.0
#: Default share of the live rows below which a re-delivery is refused (setting `redelivery_min_share`).
DEFAULT_MIN_SHARE = 0.5


@dataclass(frozen=True)
class IngestPolicy:
    """What an ingest accepts. A delivery may replace the live one when `force`, or else when it has rows, at
    least `min_share` of the live rows and a delivery time no older than the live one's. With `verify_csv`,
    CSV files are also parsed by Python's csv module and the row count and total must match DuckDB's
    (`csvfiles.independent_totals`; about 60% more CPU on csv.gz, so off by default)."""

    min_share: float = DEFAULT_MIN_SHARE
    force: bool = False
    verify_csv: bool = False

    def __post_init__(self) -> None:
        if not 0.0 <= self.min_share <= 1.0:
            raise ValueError(f"min_share must be between 0 and 1, not {self.min_share}")


@runtime_checkable
class HasStagingDir(Protocol):
    """A store with a folder of its own for ingest staging (the DuckDB store: `<dir>/staging`)."""

    @property
    def staging_dir(self) -> Path: ...


@dataclass(frozen=True)
class PeriodResult:
    """What happened to one billing period: `status` is "loaded", "replaced", "skipped" or "refused" (a guard
    kept the live delivery; `reason` says why, with the numbers)."""

    billing_period: date
    delivery_id: str
    source_format: str
    status: str
    rows: int
    billed_total: str  # the export's own DECIMAL sum, as text
    replaced: str | None = None
    seconds: float = 0.0
    bytes_read: int = 0
    reason: str = ""
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

    @property
    def refused(self) -> tuple[PeriodResult, ...]:
        return tuple(p for p in self.periods if p.status == "refused")


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

    def rows_callback(self, bar: Any, label: str = "") -> Callable[[int, int], None] | None:
        """Progress of a load: the bar (rows/s and ETA, tqdm's own) on a TTY, else a log line with the rate and
        the time left at most every `LOG_EVERY` seconds."""
        if bar is None:
            return _RateLog(label) if label else None
        state = {"done": 0}

        def update(done: int, expected: int) -> None:
            bar.total = max(expected, done)
            bar.update(done - state["done"])
            state["done"] = done

        return update


class _RateLog:
    """Log lines for a load's progress without a TTY: rows, rows/s and the time left, every `LOG_EVERY` s."""

    LOG_EVERY = 10.0

    def __init__(self, label: str) -> None:
        self.label = label
        self.started = time.monotonic()
        self.logged = self.started

    def __call__(self, done: int, expected: int) -> None:
        now = time.monotonic()
        if now - self.logged < self.LOG_EVERY or done <= 0 or done >= expected:
            return
        self.logged = now
        rate = done / max(now - self.started, 1e-6)
        log.info(
            "%s: %s of %s rows, %s rows/s, about %s left",
            self.label,
            f"{done:,}",
            f"{expected:,}",
            f"{rate:,.0f}",
            _duration((expected - done) / rate),
        )


def _duration(seconds: float) -> str:
    """`45 s`, `3 min 12 s`, `1 h 05 min`."""
    s = int(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {s % 3600 // 60:02d} min"


def staging_root(store: BillingStore, fallback: Path | None = None) -> Path:
    """Where `store`'s deliveries are staged: the store's own folder when it has one (same disk as the data),
    else `fallback` (the bot passes `<data_dir>/staging`), else `trackit-staging` in the system temp directory."""
    if isinstance(store, HasStagingDir):
        return store.staging_dir
    if fallback is not None:
        return fallback
    return Path(tempfile.gettempdir()) / "trackit-staging"


def collect_staging(root: Path) -> list[str]:
    """Remove the staging folders under `root` whose ingest is gone (lock free); returns their names."""
    removed = collect(root, STAGING_PREFIX, grace_seconds=_UNLOCKED_GRACE_SECONDS)
    if removed:
        log.info("removed %d leftover(s) of interrupted ingests from %s: %s", len(removed), root, ", ".join(removed))
    return removed


def ingest(
    uri: str,
    store: BillingStore,
    *,
    identity: AwsIdentity | None = None,
    progress: bool | None = None,
    policy: IngestPolicy | None = None,
    staging: Path | None = None,
) -> IngestReport:
    """Ingest every billing period found at `uri` (a directory, a file, `s3://bucket/prefix` or `ce://?months=N`).

    A period whose live delivery has the same id is skipped (no-op); a different delivery replaces it atomically
    through `store.replace_period`, unless `policy` refuses it (see the module docstring). Raises the
    `IngestError` subclasses of `bot.errors` (naming the file, the line, the missing columns, the bucket and
    role ...; `DiskFull` naming the directory) before touching the store for that period.
    """
    started = time.monotonic()
    root = staging_root(store, staging)
    run = _Run(store, _Progress(progress), policy or IngestPolicy(), root)
    results: list[PeriodResult] = []
    try:
        collect_staging(root)
        with claimed(root, STAGING_PREFIX) as owner:
            workdir = owner.path()
            workdir.mkdir()
            if uri.startswith("ce://"):
                for source in cost_explorer_sources(uri, workdir, identity):
                    results.append(_load(source, run))
            else:
                # The store's own folder (staging included) is never part of a source that happens to hold it.
                own = (root, store.staging_dir.parent) if isinstance(store, HasStagingDir) else (root,)
                file_source = open_file_source(uri, identity, exclude=own)
                listing = file_source.list()
                planned = plan_deliveries(listing, file_source.read_bytes)
                sectors = recency.sectors_in(listing, file_source.read_bytes)
                results.extend(_ingest_plans(planned, file_source, replace(run, sectors=sectors), workdir))
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full(root, f"staging {uri}") from exc
        raise
    report = IngestReport(source_uri=uri, periods=tuple(results), seconds=time.monotonic() - started)
    log.info(
        "ingest %s: %d period(s), %d loaded, %d skipped, %d refused, %.1f MB read in %.1f s",
        uri,
        len(results),
        sum(r.status in ("loaded", "replaced") for r in results),
        sum(r.status == "skipped" for r in results),
        len(report.refused),
        report.bytes_read / 1e6,
        report.seconds,
    )
    return report


def _skip(store: BillingStore, period: date, delivery_id: str, source: str) -> PeriodResult | None:
    live = store.period(period, source)
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


def _aware(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _when(at: datetime) -> str:
    return f"{_aware(at):%Y-%m-%d %H:%M:%S} UTC"


def refusal(
    live: PeriodStatus | None,
    delivery: Delivery,
    rows: int | None,
    total: str,
    policy: IngestPolicy,
) -> str:
    """Why `delivery` (with `rows` line items totalling `total`; rows None when not read yet) may not replace the
    live delivery of its period from its own source (`live`), or "" when it may. The sentence names both
    deliveries and their numbers."""
    if live is None or policy.force:
        return ""
    period = f"{delivery.billing_period:%Y-%m}"
    new = f"delivery {delivery.delivery_id} (delivered {_when(delivery.delivered_at)}"
    new += ")" if rows is None else f", {rows:,} rows, total {total})"
    old = (
        f"the live delivery {live.delivery_id} (delivered {_when(live.delivered_at)}, {live.rows:,} rows, "
        f"total {live.billed_total:.2f})"
    )
    tail = "; the live data is kept. Run `trackit ingest --force` to load it anyway."
    if _aware(delivery.delivered_at) < _aware(live.delivered_at):
        return f"{period}: refused {new}: it is older than {old}" + tail
    if rows is None:
        return ""
    if rows == 0 and live.rows > 0:
        return f"{period}: refused {new}: it holds no line items and would empty {old}" + tail
    if rows < policy.min_share * live.rows:
        share = rows / live.rows
        return (
            f"{period}: refused {new}: it holds {share:.0%} of the rows of {old}, below the "
            f"{policy.min_share:.0%} a re-delivery must keep (setting redelivery_min_share)" + tail
        )
    return ""


def _refused(delivery: Delivery, reason: str, rows: int, total: str, bytes_read: int = 0) -> PeriodResult:
    log.warning("%s", reason)
    return PeriodResult(
        billing_period=delivery.billing_period,
        delivery_id=delivery.delivery_id,
        source_format=delivery.source_format,
        status="refused",
        rows=rows,
        billed_total=total,
        bytes_read=bytes_read,
        reason=reason,
    )


@dataclass(frozen=True)
class _Run:
    """What every step of one ingest shares: the store, progress output and the re-delivery policy."""

    store: BillingStore
    bars: _Progress
    policy: IngestPolicy
    staging: Path  # the staging directory (each ingest works in a folder of its own under it)
    #: The source's FOCUS 1.3 recency time sectors (`bot.ingest.recency`), empty when it carries none.
    sectors: tuple[recency.TimeSector, ...] = ()


@dataclass(frozen=True)
class _Prepared:
    """A period read and checked, ready for the store (`source`), or already decided (`result`: skipped)."""

    source: NormalizedSource | None = None
    result: PeriodResult | None = None


def _prepare_planned(plan: PlannedDelivery, source: FileSource, run: _Run, workdir: Path) -> list[_Prepared]:
    """Fetch a planned delivery and read it into one `NormalizedSource` per billing period (staged copies,
    spill files and downloads under `workdir`). Touches no stored data; raises on bad input, the message
    naming the file and, for a delivery the layout files under a period, that period and its manifest."""
    context = ""
    if plan.billing_period is not None:
        context = f"billing period {plan.billing_period:%Y-%m}"
        context += f", manifest {plan.manifest_key}" if plan.manifest_key else f", delivery {plan.delivery_id}"
    try:
        try:
            return _read_planned(plan, source, run, workdir)
        except DiskFull as exc:  # name the staging directory, not this ingest's scratch folder inside it
            if not exc.directory.startswith(str(workdir)):
                raise
            raise disk_full(run.staging, exc.doing) from exc
        except OSError as exc:
            if is_disk_full(exc):
                raise disk_full(run.staging, f"staging {plan.report}") from exc
            raise
    except IngestError as exc:
        if context and context not in exc.message:
            exc.message = f"{exc.message} ({context})"
            exc.args = (exc.message, *exc.args[1:])
        raise


def _read_planned(plan: PlannedDelivery, source: FileSource, run: _Run, workdir: Path) -> list[_Prepared]:
    store, bars = run.store, run.bars
    if plan.billing_period is not None:
        skipped = _skip(store, plan.billing_period, plan.delivery_id, source.uri)
        if skipped is not None:
            return [_Prepared(result=skipped)]
        # An older delivery is refused before anything is downloaded.
        announced = Delivery(
            plan.billing_period, plan.delivery_id, plan.delivered_at, plan.format_hint, source.uri, source.uri
        )
        reason = refusal(store.period(plan.billing_period, source.uri), announced, None, "", run.policy)
        if reason:
            return [_Prepared(result=_refused(announced, reason, 0, ""))]
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
        integrity.identical_files(files)
        inspected = inspect_files(files, con)
        spec = detect_format(list(inspected.columns), plan.format_hint)
        fmt = _format_name(spec.name, list(inspected.columns))
        if spec is GCP_BILLING:  # nested rows: one flat row per cost and per credit, staged once
            inspected = gcp.flatten(inspected, con, workdir)
        uri = source.uri + (f" ({plan.manifest_key})" if plan.manifest_key else "")
        # The independent parse runs beside DuckDB's (which releases the GIL), on the export files themselves.
        checker = None
        if run.policy.verify_csv and not inspected.parquet:
            names = (spec.billed_cost, athena_name(spec.billed_cost))
            checker = _VERIFIER.submit(independent_totals, inspected.files, names, spec.null_strings)
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
                skipped = _skip(store, period, delivery_id, source.uri)
                if skipped is not None:
                    prepared.append(_Prepared(result=skipped))
                    continue
            declared = recency.complete_until(run.sectors, period)
            delivery = Delivery(period, delivery_id, plan.delivered_at, fmt, uri, source.uri, declared)
            # CSV is staged (parsed once, normalised rows in zstd parquet, a file per part); parquet is read
            # directly, since staging it would cost more than the one check pass it saves.
            normalized = build_source(
                spec,
                inspected,
                delivery,
                con,
                filter_period=filtered,
                bytes_read=plan.size,
                stage_dir=None if inspected.parquet else workdir,
            )
            prepared.append(_Prepared(source=normalized))
        # Compared over whole files: when a period of loose files was skipped (already live), its rows were not
        # summed here, and the check does not apply.
        if checker is not None and all(p.source is not None for p in prepared):
            _compare(checker.result(), [p.source for p in prepared if p.source is not None], inspected.named)
        return prepared
    finally:
        con.close()


#: Runs independent CSV parses (`IngestPolicy.verify_csv`) beside DuckDB's; one at a time is enough.
_VERIFIER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest-verify")


def _compare(raw: RawTotals, sources: list[NormalizedSource], files: Sequence[DataFile]) -> None:
    """Refuse a delivery whose rows and total, as DuckDB read them, differ from the independent parse's."""
    rows = sum(s.expected_rows for s in sources)
    total = sum((Decimal(s.expected_billed_total) for s in sources), Decimal(0))
    if rows != raw.rows or abs(total - raw.total) >= Decimal("0.005"):
        raise CorruptFile(
            f"{files_label(files)}: two parses disagree: DuckDB read {rows:,} rows totalling {total:.4f}, "
            f"Python's csv module {raw.rows:,} rows totalling {raw.total:.4f}; nothing was stored",
            hint="The file is malformed in a way one parser tolerates (a space before a quote, say); "
            "download the export again.",
        )


def _ingest_plans(planned: list[PlannedDelivery], source: FileSource, run: _Run, workdir: Path) -> list[PeriodResult]:
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
            return folder, _prepare_planned(plan, source, run, folder)
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
                        results.append(item.result or _load(_must(item.source), run))
                finally:
                    shutil.rmtree(folder, ignore_errors=True)
        except BaseException:
            # Start no further reads after a failure; reads already running finish (their folders go with the
            # ingest's staging folder).
            reader.shutdown(wait=True, cancel_futures=True)
            raise
    return results


def _must(source: NormalizedSource | None) -> NormalizedSource:
    assert source is not None  # a _Prepared holds a source or a result
    return source


def _connect(store: BillingStore, workdir: Path) -> duckdb.DuckDBPyConnection:
    """The reader's DuckDB: the store's thread count when it has one (a DuckDB store does), a memory limit of
    the store's own `memory_limit` when it has one (a DuckDB store: the operator's setting), else one of its
    own, and spilling to `workdir`, so a month of any size is read in bounded memory."""
    threads = getattr(store, "threads", None)
    memory = getattr(store, "memory_limit", None)
    config: dict[str, str | bool | int | float | list[str]] = {
        "memory_limit": memory if isinstance(memory, str) and memory else _MEMORY_LIMIT,
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


def _load(source: NormalizedSource, run: _Run) -> PeriodResult:
    store, bars = run.store, run.bars
    d = source.delivery
    label = f"{d.billing_period:%Y-%m}"
    skipped = _skip(store, d.billing_period, d.delivery_id, d.source)
    if skipped is not None:
        return skipped
    live = store.period(d.billing_period, d.source)
    reason = refusal(live, d, source.expected_rows, source.expected_billed_total, run.policy)
    if reason:
        return _refused(d, reason, source.expected_rows, source.expected_billed_total, source.bytes_read)
    bar = bars.bar(source.expected_rows, "rows", f"load {label}")
    try:
        result = store.replace_period(source, progress=bars.rows_callback(bar, f"load {label}"))
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
