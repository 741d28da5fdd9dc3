"""Daily inventory snapshots: the AWS resources, their CloudWatch series and commitment end dates, by UTC day.

One row per day (`inventory_snapshots`), holding `bot.aws.snapshot.dump` as JSON text plus the end dates of the
reservations and savings plans seen that day. A day's collection replaces that day's row (a re-run after a fix);
snapshots older than `keep_days` are removed when a new one is saved, so trends exist without the table
growing for ever. A collection that failed as a whole is recorded as a `failed` row carrying only its message:
it never replaces a good snapshot of the same day, and readers (`latest_snapshot`) skip it, so one bad night
never leaves the commands without data.

Parsing a snapshot of a few thousand resources takes tens of milliseconds, so the latest one is cached per
database and reloaded only when a newer row appears.
"""

from __future__ import annotations

import dataclasses
import json
import threading
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import delete, select

from bot.aws.collection import Collected
from bot.aws.metrics import MetricsResult
from bot.aws.snapshot import dump, load
from bot.billing.inventory import CollectionError, Inventory, ResourceKind, ResourceMetrics
from bot.state.db import StateStore, insert_if_absent, utcnow
from bot.state.models import InventorySnapshotRow

SnapshotStatus = Literal["ok", "partial", "failed"]

#: Days of snapshots kept by default (a month of trend plus a margin).
DEFAULT_KEEP_DAYS = 35
#: Longest message kept on a row (the first errors, never a whole log).
MAX_MESSAGE = 8000

MetricsByKey = dict[tuple[str, str, ResourceKind, str], ResourceMetrics]


@dataclass(frozen=True)
class SnapshotSummary:
    """What `/trackit status` shows of one day's collection: no resources, only counts and the errors."""

    day: date
    collected_at: datetime
    status: SnapshotStatus
    resources: int
    errors: int
    message: str  # one line per error (`account region service: code message`), or the failure

    @property
    def error_lines(self) -> tuple[str, ...]:
        return tuple(line for line in self.message.splitlines() if line)


@dataclass(frozen=True)
class InventorySnapshot:
    """One day's inventory with its metrics (by `Resource.key`) and commitment end dates (by ARN)."""

    summary: SnapshotSummary
    inventory: Inventory
    metrics: Mapping[tuple[str, str, ResourceKind, str], ResourceMetrics]
    commitment_ends: Mapping[str, date]

    @property
    def day(self) -> date:
        return self.summary.day


def error_line(e: CollectionError) -> str:
    return f"{e.account_id} {e.region} {e.service}: {e.code} {e.message}".strip()


def _status(value: str) -> SnapshotStatus:
    return "ok" if value == "ok" else "partial" if value == "partial" else "failed"


def _summary(row: InventorySnapshotRow) -> SnapshotSummary:
    return SnapshotSummary(row.day, row.collected_at, _status(row.status), row.resources, row.errors, row.message)


def save_snapshot(
    store: StateStore,
    day: date,
    inventory: Inventory,
    metrics: MetricsResult | None = None,
    *,
    commitment_ends: Mapping[str, date] | None = None,
    extra_errors: Sequence[CollectionError] = (),
    keep_days: int = DEFAULT_KEEP_DAYS,
    now: datetime | None = None,
) -> SnapshotSummary:
    """Store `day`'s snapshot (replacing that day's row) and drop snapshots older than `keep_days` before `day`.

    The errors of the inventory, the metrics and `extra_errors` (commitment look-ups) are stored together; any
    error makes the snapshot `partial`. Raises ValueError for `keep_days` < 1.
    """
    if keep_days < 1:
        raise ValueError(f"keep_days must be at least 1, not {keep_days}")
    errors = (*inventory.errors, *(metrics.errors if metrics else ()), *extra_errors)
    whole = dataclasses.replace(inventory, errors=tuple(errors))
    payload = json.dumps(
        {
            "snapshot": dump(whole, metrics),
            "commitment_ends": {arn: end.isoformat() for arn, end in sorted((commitment_ends or {}).items())},
        },
        separators=(",", ":"),
    )
    status: SnapshotStatus = "partial" if errors else "ok"
    message = "\n".join(error_line(e) for e in errors)[:MAX_MESSAGE]
    at = now or inventory.collected_at or utcnow()
    with store.session() as session:
        row = session.scalars(select(InventorySnapshotRow).where(InventorySnapshotRow.day == day)).one_or_none()
        if row is None:
            row = InventorySnapshotRow(day=day)
            session.add(row)
        row.collected_at = at
        row.status = status
        row.resources = len(inventory.resources)
        row.errors = len(errors)
        row.message = message
        row.payload = payload
        session.flush()
        summary = _summary(row)
        session.execute(delete(InventorySnapshotRow).where(InventorySnapshotRow.day <= day - timedelta(days=keep_days)))
    return summary


def save_collection(
    store: StateStore, day: date, collected: Collected, *, keep_days: int, now: datetime | None = None
) -> SnapshotSummary:
    """Store one whole collection (what the daily job and `trackit inventory collect` gather) as `day`'s snapshot."""
    return save_snapshot(
        store,
        day,
        collected.inventory,
        collected.metrics,
        commitment_ends=collected.commitment_ends,
        extra_errors=collected.commitment_errors,
        keep_days=keep_days,
        now=now,
    )


def record_failure(store: StateStore, day: date, message: str, *, now: datetime | None = None) -> SnapshotSummary:
    """Record that `day`'s collection failed as a whole. A good snapshot of `day` already stored is kept (and
    returned); an earlier failure of the same day is replaced."""
    at = now or utcnow()
    values: dict[str, Any] = {
        "day": day,
        "collected_at": at,
        "status": "failed",
        "resources": 0,
        "errors": 1,
        "message": message[:MAX_MESSAGE],
        "payload": "{}",
    }
    with store.session() as session:
        if not insert_if_absent(session, InventorySnapshotRow.__table__, values):  # type: ignore[arg-type]
            row = session.scalars(select(InventorySnapshotRow).where(InventorySnapshotRow.day == day)).one()
            if row.status == "failed":
                row.collected_at, row.message = at, message[:MAX_MESSAGE]
                session.flush()
            return _summary(row)
        row = session.scalars(select(InventorySnapshotRow).where(InventorySnapshotRow.day == day)).one()
        return _summary(row)


def snapshot_summaries(store: StateStore, *, limit: int = 7) -> tuple[SnapshotSummary, ...]:
    """The newest `limit` days' summaries (failed ones included), newest first."""
    query = select(InventorySnapshotRow).order_by(InventorySnapshotRow.day.desc()).limit(limit)
    with store.session() as session:
        return tuple(_summary(r) for r in session.scalars(query))


def _parse(row: InventorySnapshotRow) -> InventorySnapshot:
    data = json.loads(row.payload)
    inventory, metrics = load(data["snapshot"])
    ends = {arn: date.fromisoformat(day) for arn, day in data.get("commitment_ends", {}).items()}
    return InventorySnapshot(_summary(row), inventory, metrics, ends)


_cache_lock = threading.Lock()
# Keyed by the store object, not its URL: two in-memory SQLite stores share the URL `sqlite://`.
_cache: weakref.WeakKeyDictionary[StateStore, tuple[tuple[int, datetime], InventorySnapshot]] = (
    weakref.WeakKeyDictionary()
)


def latest_snapshot(store: StateStore) -> InventorySnapshot | None:
    """The newest snapshot that holds data (`ok` or `partial`), or None when there is none yet."""
    query = (
        select(InventorySnapshotRow.id, InventorySnapshotRow.collected_at)
        .where(InventorySnapshotRow.status != "failed")
        .order_by(InventorySnapshotRow.day.desc())
        .limit(1)
    )
    with store.session() as session:
        head = session.execute(query).first()
        if head is None:
            return None
        marker = (int(head[0]), head[1])
        with _cache_lock:
            cached = _cache.get(store)
        if cached is not None and cached[0] == marker:
            return cached[1]
        row = session.get(InventorySnapshotRow, marker[0])
        assert row is not None  # read in the same transaction
        snapshot = _parse(row)
    with _cache_lock:
        _cache[store] = (marker, snapshot)
    return snapshot


def snapshot_on(store: StateStore, day: date) -> InventorySnapshot | None:
    """`day`'s snapshot when it holds data (None when missing or failed)."""
    with store.session() as session:
        row = session.scalars(select(InventorySnapshotRow).where(InventorySnapshotRow.day == day)).one_or_none()
        if row is None or row.status == "failed":
            return None
        return _parse(row)


def metrics_by_key(snapshot: InventorySnapshot | None) -> MetricsByKey:
    """The snapshot's metrics as a plain dict (empty without a snapshot)."""
    return dict(snapshot.metrics) if snapshot is not None else {}
