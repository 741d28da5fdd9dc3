"""Source deliveries: the billing deliveries each source has shown, first seen by the ingest job.

The ingest job records every delivery it meets (loaded, replaced or already live) once, keyed by source and
delivery id, with the provider's own delivery time. `bot.ingest.rhythm` learns a source's rhythm from these
times; the missing-delivery alert and `trackit doctor` judge a source's silence against it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from bot.state.db import StateStore, insert_if_absent, utcnow
from bot.state.models import SourceDeliveryRow

#: Deliveries read back per source (about two months of a CUR delivered three times a day).
HISTORY = 200


@dataclass(frozen=True)
class SeenDelivery:
    """One delivery of a source: its billing period, id and the provider's delivery time."""

    billing_period: date
    delivery_id: str
    delivered_at: datetime


def record_deliveries(
    store: StateStore, source_uri: str, deliveries: Iterable[SeenDelivery], *, now: datetime | None = None
) -> int:
    """Record each delivery not seen before for `source_uri`; returns how many were new. Idempotent."""
    seen_at = now or utcnow()
    new = 0
    with store.session() as session:
        for d in deliveries:
            new += insert_if_absent(
                session,
                SourceDeliveryRow.__table__,  # type: ignore[arg-type]
                {
                    "source_uri": source_uri,
                    "billing_period": d.billing_period,
                    "delivery_id": d.delivery_id[:200],
                    "delivered_at": d.delivered_at,
                    "first_seen_at": seen_at,
                },
            )
    return new


def delivery_times(store: StateStore, source_uri: str, *, limit: int = HISTORY) -> tuple[datetime, ...]:
    """The delivery times of `source_uri`, oldest first (the newest `limit`)."""
    query = (
        select(SourceDeliveryRow.delivered_at)
        .where(SourceDeliveryRow.source_uri == source_uri)
        .order_by(SourceDeliveryRow.delivered_at.desc())
        .limit(limit)
    )
    with store.session() as session:
        return tuple(sorted(session.scalars(query)))
