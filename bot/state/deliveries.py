"""Idempotent deliveries: every scheduled post is claimed before posting and marked after, by one key.

The key is (job, channel, period), e.g. ("daily", "C123", "2026-11-26"): whatever happens (restart, retry, a
second replica), a period's message reaches a channel at most once, and a missed or failed one is retried.

    if claim_delivery(store, key):          # False: already sent, or another worker is posting it now
        try:
            ts = post(...)
        except SlackApiError as exc:
            mark_failed(store, key, str(exc))  # a later claim retries it
            raise
        mark_sent(store, key, ts)

A claim is a lease: a worker that died after claiming (never marked) leaves a `pending` row that becomes
claimable again after `stale_after`. Both the first claim (INSERT .. ON CONFLICT DO NOTHING) and a re-claim
(compare-and-set UPDATE) are single atomic statements, so racing workers cannot both win on SQLite or
PostgreSQL.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import and_, func, or_, select, update

from bot.errors import NotFound
from bot.state.db import StateStore, insert_if_absent, utcnow
from bot.state.models import DeliveryRow

DeliveryStatus = Literal["pending", "sent", "failed"]

#: A pending claim older than this belongs to a worker that died: it may be claimed again.
DEFAULT_STALE_AFTER = timedelta(minutes=10)
#: Failed deliveries are retried until they have been attempted this many times.
DEFAULT_MAX_ATTEMPTS = 5
MAX_ERROR = 2000


@dataclass(frozen=True, order=True)
class DeliveryKey:
    """What makes a delivery unique: the job, the channel and the period it reports (any stable text)."""

    job: str
    channel_id: str
    period: str

    def __post_init__(self) -> None:
        for name in ("job", "channel_id", "period"):
            value = getattr(self, name)
            if not value or "|" in value:
                raise ValueError(f"delivery key {name} must be non-empty text without '|', not {value!r}")

    @property
    def text(self) -> str:
        return f"{self.job}|{self.channel_id}|{self.period}"


@dataclass(frozen=True)
class DeliveryRecord:
    key: DeliveryKey
    status: DeliveryStatus
    message_ts: str | None
    attempts: int
    error: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class ChannelFailures:
    """Deliveries to one channel whose last attempt failed (for `/trackit status`)."""

    channel_id: str
    failed: int
    last_error: str
    last_failed_at: datetime


def _status(value: str) -> DeliveryStatus:
    return "sent" if value == "sent" else "failed" if value == "failed" else "pending"


def _to_record(row: DeliveryRow) -> DeliveryRecord:
    return DeliveryRecord(
        DeliveryKey(row.job, row.channel_id, row.period), _status(row.status), row.message_ts, row.attempts,
        row.error, row.created_at, row.updated_at,
    )  # fmt: skip


def claim_delivery(
    store: StateStore,
    key: DeliveryKey,
    *,
    stale_after: timedelta = DEFAULT_STALE_AFTER,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    now: datetime | None = None,
) -> bool:
    """Claim the right to post `key`; True for exactly one caller.

    True when the key was never claimed, its last attempt failed (fewer than `max_attempts` attempts so far),
    or its pending claim is older than `stale_after`. False when it was sent, is being posted by a live claim,
    or failed `max_attempts` times.
    """
    now = now or utcnow()
    token = uuid.uuid4().hex
    with store.session() as session:
        if insert_if_absent(
            session,
            DeliveryRow.__table__,  # type: ignore[arg-type]
            {
                "key": key.text, "job": key.job, "channel_id": key.channel_id, "period": key.period,
                "status": "pending", "claim_token": token, "claimed_at": now, "attempts": 1, "error": "",
                "created_at": now, "updated_at": now,
            },
        ):  # fmt: skip
            return True
        result = session.execute(
            update(DeliveryRow)
            .where(
                DeliveryRow.key == key.text,
                or_(
                    and_(DeliveryRow.status == "failed", DeliveryRow.attempts < max_attempts),
                    and_(DeliveryRow.status == "pending", DeliveryRow.claimed_at < now - stale_after),
                ),
            )
            .values(
                status="pending", claim_token=token, claimed_at=now, attempts=DeliveryRow.attempts + 1, updated_at=now
            )
            .returning(DeliveryRow.id)
            .execution_options(synchronize_session=False)
        )
        return result.first() is not None


def _finish(store: StateStore, key: DeliveryKey, now: datetime | None, **values: object) -> DeliveryRecord:
    with store.session() as session:
        row = session.scalars(select(DeliveryRow).where(DeliveryRow.key == key.text)).one_or_none()
        if row is None:
            raise NotFound(f"No delivery {key.text!r} was claimed.")
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at = now or utcnow()
        session.flush()
        return _to_record(row)


def mark_sent(
    store: StateStore, key: DeliveryKey, message_ts: str | None, *, now: datetime | None = None
) -> DeliveryRecord:
    """Record that `key` was posted (as message `message_ts`); it will never be claimed again."""
    return _finish(store, key, now, status="sent", message_ts=message_ts, error="")


def mark_failed(store: StateStore, key: DeliveryKey, error: str, *, now: datetime | None = None) -> DeliveryRecord:
    """Record that posting `key` failed with `error`; a later claim may retry it."""
    return _finish(store, key, now, status="failed", error=error[:MAX_ERROR])


def get_delivery(store: StateStore, key: DeliveryKey) -> DeliveryRecord | None:
    with store.session() as session:
        row = session.scalars(select(DeliveryRow).where(DeliveryRow.key == key.text)).one_or_none()
        return None if row is None else _to_record(row)


def channel_failures(store: StateStore, *, since: datetime | None = None) -> tuple[ChannelFailures, ...]:
    """Per channel, deliveries whose last attempt failed (updated at or after `since`), most failures first."""
    query = (
        select(DeliveryRow.channel_id, func.count(), func.max(DeliveryRow.updated_at))
        .where(DeliveryRow.status == "failed")
        .group_by(DeliveryRow.channel_id)
    )
    if since is not None:
        query = query.where(DeliveryRow.updated_at >= since)
    result: list[ChannelFailures] = []
    with store.session() as session:
        for channel_id, count, _ in session.execute(query).all():
            last = session.scalars(
                select(DeliveryRow)
                .where(DeliveryRow.channel_id == channel_id, DeliveryRow.status == "failed")
                .order_by(DeliveryRow.updated_at.desc(), DeliveryRow.id.desc())
                .limit(1)
            ).one()
            result.append(ChannelFailures(channel_id, int(count), last.error, last.updated_at))
    return tuple(sorted(result, key=lambda f: (-f.failed, f.channel_id)))


def sent_periods(store: StateStore, job: str, channel_id: str, prefix: str) -> tuple[str, ...]:
    """The periods of `job`'s deliveries to `channel_id` that were sent and start with `prefix`, oldest first."""
    query = (
        select(DeliveryRow.period)
        .where(
            DeliveryRow.job == job,
            DeliveryRow.channel_id == channel_id,
            DeliveryRow.status == "sent",
            DeliveryRow.period.startswith(prefix, autoescape=True),
        )
        .order_by(DeliveryRow.created_at, DeliveryRow.id)
    )
    with store.session() as session:
        return tuple(session.scalars(query))
