"""Channel subscriptions to scheduled reports: daily/weekly/monthly summaries, anomalies, budgets, commitments."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from bot.errors import NotFound, UsageError
from bot.state.db import StateStore, utcnow
from bot.state.models import SUBSCRIPTION_KINDS, SubscriptionRow

SubscriptionKind = Literal["daily", "weekly", "monthly", "anomalies", "budgets", "commitments"]

_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_CHANNEL = re.compile(r"^[CGD][A-Z0-9]{2,}$")


@dataclass(frozen=True)
class Subscription:
    id: int
    channel_id: str
    kind: SubscriptionKind
    filters: str  # query grammar text, '' = everything
    at_time: str  # HH:MM in `timezone`
    timezone: str
    created_by: str
    created_at: datetime

    @property
    def hour(self) -> int:
        return int(self.at_time[:2])

    @property
    def minute(self) -> int:
        return int(self.at_time[3:])


def check_kind(kind: str) -> SubscriptionKind:
    """Raises UsageError unless `kind` is a subscription kind."""
    for k in SUBSCRIPTION_KINDS:
        if kind == k:
            return k  # type: ignore[return-value]  # k is one of the Literal's values
    raise UsageError(f"Unknown subscription {kind!r}.", hint="Subscribe to one of: " + ", ".join(SUBSCRIPTION_KINDS))


def check_channel(channel_id: str) -> str:
    if not _CHANNEL.match(channel_id):
        raise UsageError(f"{channel_id!r} is not a Slack channel id.", hint="Channel ids look like `C012ABCDEF`.")
    return channel_id


def _check_time(at_time: str, timezone: str) -> None:
    if not _HHMM.match(at_time):
        raise UsageError(
            f"{at_time!r} is not a time of day.", hint="Write times as HH:MM in 24-hour form, e.g. `09:00`."
        )
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise UsageError(
            f"{timezone!r} is not a time zone.", hint="Use an IANA name such as `Europe/Paris` or `UTC`."
        ) from exc


def _to_sub(row: SubscriptionRow) -> Subscription:
    return Subscription(
        row.id,
        row.channel_id,
        check_kind(row.kind),
        row.filters,
        row.at_time,
        row.timezone,
        row.created_by,
        row.created_at,
    )


def subscribe(
    store: StateStore,
    *,
    channel_id: str,
    kind: str,
    filters: str = "",
    at_time: str = "09:00",
    timezone: str = "UTC",
    created_by: str,
    now: datetime | None = None,
) -> tuple[Subscription, bool]:
    """Subscribe a channel; returns (subscription, created).

    The same channel, kind and filters again updates the time and zone of the existing one (created=False).
    Raises UsageError for an unknown kind, a bad channel id, time (HH:MM) or time zone.
    """
    check_channel(channel_id)
    kind = check_kind(kind)
    filters = " ".join(filters.split())  # one spelling per filter text, so the unique key means something
    _check_time(at_time, timezone)
    with store.session() as session:
        row = session.scalars(
            select(SubscriptionRow).where(
                SubscriptionRow.channel_id == channel_id,
                SubscriptionRow.kind == kind,
                SubscriptionRow.filters == filters,
            )
        ).one_or_none()
        created = row is None
        if row is None:
            row = SubscriptionRow(
                channel_id=channel_id, kind=kind, filters=filters, created_by=created_by, created_at=now or utcnow()
            )
            session.add(row)
        row.at_time = at_time
        row.timezone = timezone
        session.flush()
        return _to_sub(row), created


def unsubscribe(store: StateStore, *, channel_id: str, kind: str, filters: str | None = None) -> int:
    """Remove a channel's subscriptions of `kind` (only the one with `filters` when given); returns how many.

    Raises NotFound when there was none.
    """
    kind = check_kind(kind)
    with store.session() as session:
        query = select(SubscriptionRow).where(SubscriptionRow.channel_id == channel_id, SubscriptionRow.kind == kind)
        if filters is not None:
            query = query.where(SubscriptionRow.filters == " ".join(filters.split()))
        rows = session.scalars(query).all()
        if not rows:
            raise NotFound(f"<#{channel_id}> has no {kind} subscription" + (" with those filters." if filters else "."))
        for row in rows:
            session.delete(row)
        return len(rows)


def remove_subscription(store: StateStore, subscription_id: int) -> None:
    """Remove one subscription by id; raises NotFound for an unknown id."""
    with store.session() as session:
        row = session.get(SubscriptionRow, subscription_id)
        if row is None:
            raise NotFound(f"No subscription {subscription_id}.")
        session.delete(row)


def list_subscriptions(
    store: StateStore, *, channel_id: str | None = None, kind: str | None = None
) -> tuple[Subscription, ...]:
    """Subscriptions ordered by channel, kind and id (optionally of one channel and/or kind)."""
    query = select(SubscriptionRow).order_by(SubscriptionRow.channel_id, SubscriptionRow.kind, SubscriptionRow.id)
    if channel_id is not None:
        query = query.where(SubscriptionRow.channel_id == channel_id)
    if kind is not None:
        query = query.where(SubscriptionRow.kind == check_kind(kind))
    with store.session() as session:
        return tuple(_to_sub(r) for r in session.scalars(query))
