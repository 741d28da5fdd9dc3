"""The anomaly answer to a question (`any spikes last week`, `anything unusual in prod`): unusual days of its range.

The same engine as the anomaly alerts (`bot.billing.anomaly`), run on demand over the question's filters: the
usage-driven cost per day of the total and of each service, judged point by point from the weeks before the
range (period charges such as the fees of the 1st are never judged as a day's spend), and the episodes that
touch the range kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from bot.billing.model import CostBasis, Filter, Freshness, TimeRange, UnusualSpan
from bot.billing.store import BillingStore

#: Days of history before the range the engine learns the usual level and weekly rhythm from.
HISTORY_DAYS = 60
#: Services judged one by one (the most costly over the range and its history).
MAX_SERVICES = 50
#: Days of history a day needs before it for its usual level to be known: three weekly cycles, the engine's own
#: minimum of cycles of each day type (`anomaly_season.MIN_CYCLES`).
LEARNING_DAYS = 21


def little_history(freshness: Freshness, time_range: TimeRange) -> str | None:
    """When the store's data starts less than `LEARNING_DAYS` before `time_range` (a bill ingested last week), why
    finding nothing unusual says little: the days were judged on too few weeks before them. None otherwise."""
    first = freshness.first_period
    if first is None:
        return None
    history = (time_range.start - first).days
    if history >= LEARNING_DAYS:
        return None
    return (
        f"Nothing unusual found, on little history: the store's data starts {first}, {max(history, 0)} days before "
        f"this period, and a day is judged against the {LEARNING_DAYS // 7} weeks before it."
    )


def unusual_days(
    store: BillingStore,
    time_range: TimeRange,
    filters: Sequence[Filter],
    basis: CostBasis,
    *,
    cutoff: date,
) -> tuple[UnusualSpan, ...]:
    """Unusual spans of the total and of each service inside `time_range` before `cutoff` (the first day without
    complete data: a partial day looks like a drop), biggest impact first; () when the range has no complete
    day."""
    # Imported here: the engine pulls in numpy, which plain cost answers never need.
    from bot.billing.anomaly import detect_many, series_from_store

    end = min(time_range.end, cutoff)
    if end <= time_range.start:
        return ()
    window = TimeRange(time_range.start - timedelta(days=HISTORY_DAYS), end)
    series = series_from_store(store, window, ("service",), basis, filters=filters, max_per_dimension=MAX_SERVICES)
    found: list[UnusualSpan] = []
    for a in detect_many(series):
        first = a.start.date()
        last = (a.last_seen - timedelta(seconds=1)).date()
        if last < time_range.start or first >= end:
            continue
        found.append(UnusualSpan(a.dimension, a.value, first, last, a.actual, a.expected))
    return tuple(found)
