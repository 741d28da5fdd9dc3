"""The audit log: one row per slash command or action, with who, where, what and how it went."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select

from bot.state.db import StateStore, utcnow
from bot.state.models import AUDIT_OUTCOMES, AuditRow

Outcome = Literal["ok", "denied", "error"]

#: Longest command text kept; Slack caps slash-command text well below this, so only abuse is cut.
MAX_TEXT = 4000


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user_id: str
    channel_id: str
    command: str
    text: str
    outcome: Outcome
    duration_ms: int


def _to_entry(row: AuditRow) -> AuditEntry:
    outcome: Outcome = "ok" if row.outcome == "ok" else "denied" if row.outcome == "denied" else "error"
    return AuditEntry(row.id, row.at, row.user_id, row.channel_id, row.command, row.text, outcome, row.duration_ms)


def record_audit(
    store: StateStore,
    *,
    user_id: str,
    channel_id: str,
    command: str,
    text: str,
    outcome: str,
    duration_ms: int,
    at: datetime | None = None,
) -> AuditEntry:
    """Append one entry. Raises ValueError for an outcome other than ok/denied/error or a negative duration."""
    if outcome not in AUDIT_OUTCOMES:
        raise ValueError(f"audit outcome must be one of {', '.join(AUDIT_OUTCOMES)}, not {outcome!r}")
    if duration_ms < 0:
        raise ValueError(f"duration_ms must be >= 0, not {duration_ms}")
    if at is not None and at.tzinfo is None:
        raise ValueError(f"audit time {at!r} is naive: pass an aware UTC datetime")
    row = AuditRow(
        at=at or utcnow(),
        user_id=user_id,
        channel_id=channel_id,
        command=command,
        text=text[:MAX_TEXT],
        outcome=outcome,
        duration_ms=int(duration_ms),
    )
    with store.session() as session:
        session.add(row)
        session.flush()
        return _to_entry(row)


def recent_audit(
    store: StateStore, *, limit: int = 50, user_id: str | None = None, since: datetime | None = None
) -> tuple[AuditEntry, ...]:
    """The newest entries first (optionally one user's, or only those at or after `since`)."""
    query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
    if user_id is not None:
        query = query.where(AuditRow.user_id == user_id)
    if since is not None:
        query = query.where(AuditRow.at >= since)
    with store.session() as session:
        return tuple(_to_entry(r) for r in session.scalars(query))
