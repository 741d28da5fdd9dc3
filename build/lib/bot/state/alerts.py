"""Anomaly alerts: one row per detected anomaly (by key), its Slack message and how people triaged it.

The anomaly job calls `record_anomaly` for each detection: a new key means "post a new alert", an existing one
means "update the thread" unless the alert is muted (`AnomalyAlert.is_muted`). Triage buttons call
`triage_anomaly`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotFound, UsageError
from bot.state.db import StateStore, insert_if_absent, utcnow
from bot.state.models import ALERT_STATUSES, AnomalyAlertRow

AlertStatus = Literal["open", "acknowledged", "snoozed", "expected", "not_anomaly"]


@dataclass(frozen=True)
class AnomalyAlert:
    key: str
    dimension: str
    value: str
    start: date
    end: date | None
    channel_id: str
    message_ts: str | None
    thread_ts: str | None
    status: AlertStatus
    snoozed_until: datetime | None
    triaged_by: str | None
    triaged_at: datetime | None
    last_impact: float
    sensitivity: float
    created_at: datetime
    updated_at: datetime

    def is_muted(self, now: datetime) -> bool:
        """True when people said not to alert again: expected, not an anomaly, or snoozed until after `now`."""
        if self.status in ("expected", "not_anomaly"):
            return True
        return self.status == "snoozed" and self.snoozed_until is not None and self.snoozed_until > now


def check_status(status: str) -> AlertStatus:
    for s in ALERT_STATUSES:
        if status == s:
            return s  # type: ignore[return-value]  # s is one of the Literal's values
    raise UsageError(f"Unknown alert status {status!r}.", hint="Use one of: " + ", ".join(ALERT_STATUSES))


def _to_alert(row: AnomalyAlertRow) -> AnomalyAlert:
    return AnomalyAlert(
        key=row.anomaly_key,
        dimension=row.dimension,
        value=row.value,
        start=row.start,
        end=row.end,
        channel_id=row.channel_id,
        message_ts=row.message_ts,
        thread_ts=row.thread_ts,
        status=check_status(row.status),
        snoozed_until=row.snoozed_until,
        triaged_by=row.triaged_by,
        triaged_at=row.triaged_at,
        last_impact=row.last_impact,
        sensitivity=row.sensitivity,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _get(session: Session, key: str) -> AnomalyAlertRow | None:
    return session.scalars(select(AnomalyAlertRow).where(AnomalyAlertRow.anomaly_key == key)).one_or_none()


def record_anomaly(
    store: StateStore,
    *,
    key: str,
    dimension: str,
    value: str,
    start: date,
    end: date | None,
    channel_id: str,
    impact: float,
    sensitivity: float = 1.0,
    now: datetime | None = None,
    update_existing: bool = True,
) -> tuple[AnomalyAlert, bool]:
    """Record a detection; returns (alert, created). Atomic: of two replicas detecting the same key, exactly
    one gets created=True. For an existing key only `end`, `last_impact` and `updated_at` change (status,
    channel and message stay), unless `update_existing` is False: the caller records them with
    `record_alert_progress` once the channel has been told (a follow-up posted)."""
    if not key:
        raise ValueError("an anomaly needs a non-empty key")
    if end is not None and end < start:
        raise ValueError(f"anomaly end {end} is before its start {start}")
    now = now or utcnow()
    with store.session() as session:
        created = insert_if_absent(
            session,
            AnomalyAlertRow.__table__,  # type: ignore[arg-type]
            {
                "anomaly_key": key,
                "dimension": dimension,
                "value": value,
                "start": start,
                "end": end,
                "channel_id": channel_id,
                "status": "open",
                "last_impact": float(impact),
                "sensitivity": float(sensitivity),
                "created_at": now,
                "updated_at": now,
            },
        )
        row = _get(session, key)
        assert row is not None
        if not created and update_existing:
            _progress(row, end, impact, now)
            session.flush()
        return _to_alert(row), created


def _progress(row: AnomalyAlertRow, end: date | None, impact: float, now: datetime) -> None:
    row.end = end
    row.last_impact = float(impact)
    row.updated_at = now


def record_alert_progress(
    session: Session, key: str, *, end: date | None, impact: float, now: datetime | None = None
) -> None:
    """Record where an episode stands (its end, its impact) inside the caller's transaction: the delivery of
    the follow-up that tells the channel passes it, so a follow-up that never reached Slack is planned again.
    NotFound if unknown."""
    row = _get(session, key)
    if row is None:
        raise NotFound(f"No anomaly alert {key!r}.")
    _progress(row, end, impact, now or utcnow())
    session.flush()


def set_alert_progress(store: StateStore, key: str, *, end: date | None, impact: float, now: datetime) -> None:
    """`record_alert_progress` in a transaction of its own (nothing to tell the channel this time)."""
    with store.session() as session:
        record_alert_progress(session, key, end=end, impact=impact, now=now)


def set_alert_message(
    store: StateStore, key: str, *, channel_id: str, message_ts: str, thread_ts: str | None = None
) -> AnomalyAlert:
    """Remember where the alert was posted (thread_ts defaults to the message itself). NotFound if unknown."""
    with store.session() as session:
        return record_alert_message(session, key, channel_id=channel_id, message_ts=message_ts, thread_ts=thread_ts)


def record_alert_message(
    session: Session, key: str, *, channel_id: str, message_ts: str, thread_ts: str | None = None
) -> AnomalyAlert:
    """`set_alert_message` inside the caller's transaction: the delivery that records the post passes it, so the
    post and the alert's thread reference are recorded together or not at all. NotFound if unknown."""
    row = _get(session, key)
    if row is None:
        raise NotFound(f"No anomaly alert {key!r}.")
    row.channel_id = channel_id
    row.message_ts = message_ts
    row.thread_ts = thread_ts or message_ts
    row.updated_at = utcnow()
    session.flush()
    return _to_alert(row)


def triage_anomaly(
    store: StateStore,
    key: str,
    *,
    status: str,
    by: str,
    snoozed_until: datetime | None = None,
    sensitivity: float | None = None,
    now: datetime | None = None,
) -> AnomalyAlert:
    """Set the triage status (acknowledged, snoozed until a later time, expected, not_anomaly, or open again).

    `sensitivity` (optional) replaces the alert's sensitivity factor, e.g. raised after "not an anomaly".
    Raises UsageError for an unknown status, a snooze without a future `snoozed_until`, or a non-positive
    sensitivity; NotFound for an unknown key.
    """
    new_status = check_status(status)
    now = now or utcnow()
    if new_status == "snoozed" and (snoozed_until is None or snoozed_until <= now):
        raise UsageError("A snooze needs an end in the future.", hint="e.g. snooze for 1 day or 1 week.")
    if sensitivity is not None and sensitivity <= 0:
        raise UsageError(f"Sensitivity must be positive, not {sensitivity}.")
    with store.session() as session:
        row = _get(session, key)
        if row is None:
            raise NotFound(f"No anomaly alert {key!r}.")
        row.status = new_status
        row.snoozed_until = snoozed_until if new_status == "snoozed" else None
        row.triaged_by = by
        row.triaged_at = now
        row.updated_at = now
        if sensitivity is not None:
            row.sensitivity = float(sensitivity)
        session.flush()
        return _to_alert(row)


def get_anomaly_alert(store: StateStore, key: str) -> AnomalyAlert | None:
    with store.session() as session:
        row = _get(session, key)
        return None if row is None else _to_alert(row)


def list_anomaly_alerts(
    store: StateStore, *, status: str | None = None, channel_id: str | None = None, limit: int = 100
) -> tuple[AnomalyAlert, ...]:
    """Newest first (by start, then creation), optionally filtered by status and channel."""
    query = select(AnomalyAlertRow).order_by(AnomalyAlertRow.start.desc(), AnomalyAlertRow.id.desc()).limit(limit)
    if status is not None:
        query = query.where(AnomalyAlertRow.status == check_status(status))
    if channel_id is not None:
        query = query.where(AnomalyAlertRow.channel_id == channel_id)
    with store.session() as session:
        return tuple(_to_alert(r) for r in session.scalars(query))
