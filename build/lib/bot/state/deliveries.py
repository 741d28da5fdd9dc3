"""Idempotent deliveries: every scheduled post is claimed before posting and marked after, by one key.

The key is (job, channel, period), e.g. ("daily", "C123", "2026-11-26"): whatever happens (restart, retry, a
second replica), a period's message reaches a channel at most once, and a missed or failed one is retried.

    claim = claim_delivery(store, key, deadline=due + policy.deadline)
    if claim:                                      # None: sent, settled, backing off, or someone else posts
        if begin_post(store, claim):               # False: our claim was taken over; post nothing
            ts = post(...)                          # a lost answer: mark_failed(..., posted="maybe")
            mark_sent(store, claim, ts)

A claim is a lease carrying a random token. Every later write (`begin_post`, `mark_sent`, `mark_failed`,
`mark_expired`, `set_detail`) is a compare-and-set on that token: a worker that stalled past its lease, whose
claim another worker took over, can neither post (begin_post refuses) nor record anything.

- A worker that died after claiming leaves a `pending` row, claimable again after `stale_after`.
- A failed delivery is claimable again from `next_attempt_at` (back-off chosen by the caller) until its
  `deadline`; past the deadline a claim is still granted, flagged `overdue`, so the worker can settle it (find
  an earlier post, or record `expired`) but never posts.
- `unknown_since` is set by `begin_post`, before the Slack call, and cleared only by an answer that proves the
  call did nothing (`mark_failed(posted="no")`). A crash or a lost answer leaves it set: the next claimant
  looks for the message in the channel before posting again.

Both the first claim (INSERT .. ON CONFLICT DO NOTHING) and a re-claim (compare-and-set UPDATE) are single
atomic statements, so racing workers cannot both win on SQLite or PostgreSQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import and_, func, literal, or_, select, update
from sqlalchemy.orm import Session

from bot.state.db import StateStore, insert_if_absent, utcnow
from bot.state.models import DeliveryRow, UTCDateTime

DeliveryStatus = Literal["pending", "sent", "failed", "expired"]

#: A pending claim older than this belongs to a worker that died: it may be claimed again.
DEFAULT_STALE_AFTER = timedelta(minutes=10)
MAX_ERROR = 2000
#: Statuses after which a delivery is never attempted again.
SETTLED = ("sent", "expired")


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
    next_attempt_at: datetime | None = None
    deadline: datetime | None = None
    unknown_since: datetime | None = None
    detail: str = ""
    claimed_at: datetime | None = None

    @property
    def settled(self) -> bool:
        """Sent, or given up: no attempt will ever be made again."""
        return self.status in SETTLED

    def claimable(self, now: datetime, stale_after: timedelta = DEFAULT_STALE_AFTER) -> bool:
        """What `claim_delivery` would decide for this row at `now` (read-only: lets a job skip building a
        message nobody may post yet)."""
        if self.status == "failed":
            return self.next_attempt_at is None or self.next_attempt_at <= now
        if self.status == "pending":
            return self.claimed_at is None or self.claimed_at < now - stale_after
        return False


@dataclass(frozen=True)
class Claim:
    """The right to post `key`, held by whoever has `token`, as granted at `claimed_at`.

    `attempts` counts this one; `unknown_since` is set when an earlier attempt may have posted (search before
    posting); `overdue` means the deadline has passed (settle, never post); `last_error` is the previous
    attempt's error ("" for the first); `detail` what an earlier attempt recorded with `set_detail`.
    """

    key: DeliveryKey
    token: str
    claimed_at: datetime
    attempts: int
    deadline: datetime | None
    unknown_since: datetime | None
    last_error: str = ""
    detail: str = ""

    @property
    def overdue(self) -> bool:
        return self.deadline is not None and self.claimed_at >= self.deadline


@dataclass(frozen=True)
class ChannelFailures:
    """Deliveries to one channel whose last attempt failed or that were given up (for `/trackit status`)."""

    channel_id: str
    failed: int
    last_error: str
    last_failed_at: datetime


def _status(value: str) -> DeliveryStatus:
    for status in ("pending", "sent", "failed", "expired"):
        if value == status:
            return status
    raise ValueError(f"unknown delivery status {value!r}")


def _to_record(row: DeliveryRow) -> DeliveryRecord:
    return DeliveryRecord(
        DeliveryKey(row.job, row.channel_id, row.period),
        _status(row.status),
        row.message_ts,
        row.attempts,
        row.error,
        row.created_at,
        row.updated_at,
        row.next_attempt_at,
        row.deadline,
        row.unknown_since,
        row.detail or "",
        row.claimed_at,
    )


def claim_delivery(
    store: StateStore,
    key: DeliveryKey,
    *,
    deadline: datetime | None = None,
    stale_after: timedelta = DEFAULT_STALE_AFTER,
    now: datetime | None = None,
) -> Claim | None:
    """Claim the right to work on `key`; a Claim for exactly one caller, None for every other.

    Granted when the key was never claimed, its last attempt failed and its `next_attempt_at` has come, or its
    pending claim is older than `stale_after`. Refused when it was sent or expired, is backing off, or is being
    worked on by a live claim. `deadline` is stored with the first claim (and on rows that have none); past it
    the claim is `overdue`.
    """
    now = now or utcnow()
    token = uuid.uuid4().hex
    with store.session() as session:
        if insert_if_absent(
            session,
            DeliveryRow.__table__,  # type: ignore[arg-type]
            {
                "key": key.text,
                "job": key.job,
                "channel_id": key.channel_id,
                "period": key.period,
                "status": "pending",
                "claim_token": token,
                "claimed_at": now,
                "attempts": 1,
                "error": "",
                "created_at": now,
                "updated_at": now,
                "deadline": deadline,
                "detail": "",
            },
        ):
            return Claim(key, token, now, 1, deadline, None)
        result = session.execute(
            update(DeliveryRow)
            .where(
                DeliveryRow.key == key.text,
                or_(
                    and_(
                        DeliveryRow.status == "failed",
                        or_(DeliveryRow.next_attempt_at.is_(None), DeliveryRow.next_attempt_at <= now),
                    ),
                    and_(DeliveryRow.status == "pending", DeliveryRow.claimed_at < now - stale_after),
                ),
            )
            .values(
                status="pending",
                claim_token=token,
                claimed_at=now,
                attempts=DeliveryRow.attempts + 1,
                updated_at=now,
                deadline=func.coalesce(DeliveryRow.deadline, _typed(deadline)),
            )
            .returning(
                DeliveryRow.attempts,
                DeliveryRow.deadline,
                DeliveryRow.unknown_since,
                DeliveryRow.error,
                DeliveryRow.detail,
            )
            .execution_options(synchronize_session=False)
        )
        row = result.first()
        if row is None:
            return None
        attempts, stored_deadline, unknown_since, error, detail = row
        return Claim(
            key, token, now, int(attempts), _aware(stored_deadline), _aware(unknown_since), error or "", detail or ""
        )


def _typed(value: datetime | None) -> Any:
    """A datetime bound as the column type (naive UTC), also inside SQL functions such as COALESCE."""
    return literal(value, UTCDateTime())


def _aware(value: Any) -> datetime | None:
    """RETURNING bypasses the column type on some drivers: read naive UTC back as aware UTC."""
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _finish(
    store: StateStore,
    claim: Claim,
    now: datetime | None,
    values: dict[str, Any],
    also: Callable[[Session], None] | None = None,
) -> bool:
    """Compare-and-set on the claim's token (and a pending status); True when this claim still held the key."""
    values["updated_at"] = now or utcnow()
    with store.session() as session:
        result = session.execute(
            update(DeliveryRow)
            .where(
                DeliveryRow.key == claim.key.text,
                DeliveryRow.claim_token == claim.token,
                DeliveryRow.status == "pending",
            )
            .values(**values)
            .returning(DeliveryRow.id)
            .execution_options(synchronize_session=False)
        )
        if result.first() is None:
            return False
        if also is not None:
            also(session)
        return True


def begin_post(store: StateStore, claim: Claim, *, now: datetime | None = None) -> bool:
    """Record that a non-idempotent Slack call for `claim` is about to be made (its fate is unknown until marked).

    False when the claim was taken over: the caller must not post.
    """
    now = now or utcnow()
    return _finish(store, claim, now, {"unknown_since": func.coalesce(DeliveryRow.unknown_since, _typed(now))})


def set_detail(store: StateStore, claim: Claim, detail: str, *, now: datetime | None = None) -> bool:
    """Record what this attempt made before its Slack call (e.g. uploaded file ids); False if the claim was lost."""
    return _finish(store, claim, now, {"detail": detail})


def mark_sent(
    store: StateStore,
    claim: Claim,
    message_ts: str | None,
    *,
    now: datetime | None = None,
    also: Callable[[Session], None] | None = None,
) -> bool:
    """Record that `claim.key` was posted (as message `message_ts`); it will never be claimed again.

    `also(session)` runs in the same transaction (e.g. the anomaly alert's thread reference), only when the mark
    succeeds. False when the claim was taken over (nothing is written).
    """
    values: dict[str, Any] = {"status": "sent", "message_ts": message_ts, "error": "", "next_attempt_at": None}
    return _finish(store, claim, now, values, also)


def mark_failed(
    store: StateStore,
    claim: Claim,
    error: str,
    *,
    posted: Literal["no", "maybe"],
    next_attempt_at: datetime | None = None,
    now: datetime | None = None,
) -> bool:
    """Record that this attempt failed with `error`; it may be claimed again from `next_attempt_at`.

    `posted="no"`: Slack's answer proves nothing was posted by this attempt (an earlier attempt's doubt, if
    any, is kept). `posted="maybe"`: the answer was lost or ambiguous, the next attempt searches the channel
    first. False when the claim was taken over.
    """
    values: dict[str, Any] = {"status": "failed", "error": error[:MAX_ERROR], "next_attempt_at": next_attempt_at}
    if posted == "no":
        values["unknown_since"] = claim.unknown_since
    return _finish(store, claim, now, values)


def mark_expired(store: StateStore, claim: Claim, reason: str, *, now: datetime | None = None) -> bool:
    """Give up on `claim.key` (deadline passed, or nothing more can be done): it is never attempted again."""
    return _finish(store, claim, now, {"status": "expired", "error": reason[:MAX_ERROR], "next_attempt_at": None})


def get_delivery(store: StateStore, key: DeliveryKey) -> DeliveryRecord | None:
    with store.session() as session:
        row = session.scalars(select(DeliveryRow).where(DeliveryRow.key == key.text)).one_or_none()
        return None if row is None else _to_record(row)


def get_deliveries(store: StateStore, keys: Iterable[DeliveryKey]) -> dict[DeliveryKey, DeliveryRecord]:
    """The records of those `keys` that were ever claimed (one query)."""
    wanted = {k.text: k for k in keys}
    if not wanted:
        return {}
    with store.session() as session:
        rows = session.scalars(select(DeliveryRow).where(DeliveryRow.key.in_(list(wanted))))
        return {wanted[r.key]: _to_record(r) for r in rows}


def due_retries(
    store: StateStore, job: str, *, now: datetime | None = None, stale_after: timedelta = DEFAULT_STALE_AFTER
) -> int:
    """How many deliveries of `job` may be attempted again at `now`: failed ones whose back-off has passed, and
    pending ones whose worker stopped (claim older than `stale_after`)."""
    now = now or utcnow()
    with store.session() as session:
        return int(
            session.scalar(
                select(func.count()).where(
                    DeliveryRow.job == job,
                    or_(
                        and_(
                            DeliveryRow.status == "failed",
                            or_(DeliveryRow.next_attempt_at.is_(None), DeliveryRow.next_attempt_at <= now),
                        ),
                        and_(DeliveryRow.status == "pending", DeliveryRow.claimed_at < now - stale_after),
                    ),
                )
            )
            or 0
        )


def channel_failures(store: StateStore, *, since: datetime | None = None) -> tuple[ChannelFailures, ...]:
    """Per channel, deliveries whose last attempt failed or that were given up (updated at or after `since`),
    most failures first."""
    failing = DeliveryRow.status.in_(("failed", "expired"))
    query = (
        select(DeliveryRow.channel_id, func.count(), func.max(DeliveryRow.updated_at))
        .where(failing)
        .group_by(DeliveryRow.channel_id)
    )
    if since is not None:
        query = query.where(DeliveryRow.updated_at >= since)
    result: list[ChannelFailures] = []
    with store.session() as session:
        for channel_id, count, _ in session.execute(query).all():
            last = session.scalars(
                select(DeliveryRow)
                .where(DeliveryRow.channel_id == channel_id, failing)
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
