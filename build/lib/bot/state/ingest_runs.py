"""Ingest runs: when each source was read, how it went and what it loaded (for `/trackit status`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select, update

from bot.errors import NotFound
from bot.state.db import StateStore, utcnow
from bot.state.models import IngestRunRow

IngestStatus = Literal["running", "ok", "failed"]

#: Longest error message kept (a traceback summary, never a whole log).
MAX_MESSAGE = 8000


@dataclass(frozen=True)
class IngestRun:
    id: int
    source_uri: str
    started_at: datetime
    finished_at: datetime | None
    status: IngestStatus
    message: str
    periods_loaded: int
    periods_skipped: int

    @property
    def duration_s(self) -> float | None:
        return None if self.finished_at is None else (self.finished_at - self.started_at).total_seconds()


def _to_run(row: IngestRunRow) -> IngestRun:
    status: IngestStatus = "ok" if row.status == "ok" else "failed" if row.status == "failed" else "running"
    return IngestRun(
        row.id,
        row.source_uri,
        row.started_at,
        row.finished_at,
        status,
        row.message,
        row.periods_loaded,
        row.periods_skipped,
    )


def start_ingest_run(store: StateStore, source_uri: str, *, now: datetime | None = None) -> IngestRun:
    """Record that an ingest of `source_uri` started; finish it with `finish_ingest_run(store, run.id, ...)`."""
    row = IngestRunRow(
        source_uri=source_uri,
        started_at=now or utcnow(),
        status="running",
        message="",
        periods_loaded=0,
        periods_skipped=0,
    )
    with store.session() as session:
        session.add(row)
        session.flush()
        return _to_run(row)


def finish_ingest_run(
    store: StateStore,
    run_id: int,
    *,
    status: str,
    message: str = "",
    periods_loaded: int = 0,
    periods_skipped: int = 0,
    now: datetime | None = None,
) -> IngestRun:
    """Close a run as `ok` or `failed` (with the error text in `message`).

    Raises ValueError for another status or negative counts, NotFound for an unknown id.
    """
    if status not in ("ok", "failed"):
        raise ValueError(f"an ingest run finishes as 'ok' or 'failed', not {status!r}")
    if periods_loaded < 0 or periods_skipped < 0:
        raise ValueError("period counts must be >= 0")
    with store.session() as session:
        row = session.get(IngestRunRow, run_id)
        if row is None:
            raise NotFound(f"No ingest run {run_id}.")
        row.status = status
        row.message = message[:MAX_MESSAGE]
        row.periods_loaded = periods_loaded
        row.periods_skipped = periods_skipped
        row.finished_at = now or utcnow()
        session.flush()
        return _to_run(row)


def last_ingest_runs(store: StateStore, *, limit: int = 20, source_uri: str | None = None) -> tuple[IngestRun, ...]:
    """The newest runs first (optionally of one source)."""
    query = select(IngestRunRow).order_by(IngestRunRow.started_at.desc(), IngestRunRow.id.desc()).limit(limit)
    if source_uri is not None:
        query = query.where(IngestRunRow.source_uri == source_uri)
    with store.session() as session:
        return tuple(_to_run(r) for r in session.scalars(query))


def last_successful_run(store: StateStore, source_uri: str | None = None) -> IngestRun | None:
    """The newest run that finished ok (of one source, or of any)."""
    query = select(IngestRunRow).where(IngestRunRow.status == "ok")
    if source_uri is not None:
        query = query.where(IngestRunRow.source_uri == source_uri)
    query = query.order_by(IngestRunRow.finished_at.desc(), IngestRunRow.id.desc()).limit(1)
    with store.session() as session:
        row = session.scalars(query).first()
        return None if row is None else _to_run(row)


def fail_unfinished_runs(
    store: StateStore, *, message: str = "interrupted: the bot stopped during this run", now: datetime | None = None
) -> int:
    """Close every run still marked running as failed (call at start-up, before any ingest starts, so a run the
    last process never finished does not show as running forever). Returns how many were closed."""
    with store.session() as session:
        closed = session.execute(
            update(IngestRunRow)
            .where(IngestRunRow.status == "running")
            .values(status="failed", message=message, finished_at=now or utcnow())
            .returning(IngestRunRow.id)
            .execution_options(synchronize_session=False)
        ).all()
        return len(closed)
