"""From the billing store to series, and from an anomaly back to the line items that caused it.

Both go through the `BillingStore` contract only (`store.aggregate`), never a concrete backend.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from bot.billing.anomaly_changes import Change, what_changed
from bot.billing.anomaly_episodes import Anomaly
from bot.billing.anomaly_model import DAY, Series
from bot.billing.charges import USAGE_ONLY
from bot.billing.model import (
    UNTAGGED,
    AggregateRequest,
    AggregateRow,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    TimeRange,
)
from bot.billing.store import BillingStore

TOTAL = "total"
#: Dimensions `explain` breaks the excess down by, in the order shown.
DEFAULT_CAUSE_DIMENSIONS: tuple[str, ...] = ("account", "service", "region", "usage-type", "resource")


def dimension_ref(label: str) -> DimensionRef:
    """`"service"` -> DimensionRef(SERVICE); `"tag:team"` -> DimensionRef.tag("team"). ValueError otherwise."""
    if label.startswith("tag:") and len(label) > 4:
        return DimensionRef.tag(label[4:])
    try:
        kind = Dimension(label)
    except ValueError:
        known = ", ".join(d.value for d in Dimension if d is not Dimension.TAG)
        raise ValueError(f"unknown dimension {label!r}: use one of {known} or tag:<key>") from None
    if kind is Dimension.TAG:
        raise ValueError("a tag dimension needs its key: tag:<key>")
    return DimensionRef(kind)


def _as_utc(d: date | datetime) -> datetime:
    if isinstance(d, datetime):
        return d if d.tzinfo else d.replace(tzinfo=UTC)
    return datetime.combine(d, time.min, tzinfo=UTC)


_STEPS: dict[Granularity, timedelta] = {Granularity.DAY: DAY, Granularity.HOUR: timedelta(hours=1)}


def series_from_store(
    store: BillingStore,
    time_range: TimeRange,
    dimensions: Sequence[str] = ("account", "service", "region", "usage-type"),
    basis: CostBasis = CostBasis.UNBLENDED,
    *,
    filters: Sequence[Filter] = (),
    max_per_dimension: int | None = 200,
    granularity: Granularity = Granularity.DAY,
    usage_only: bool = True,
    limits: Mapping[str, int] | None = None,
    recent_days: int = 0,
) -> dict[tuple[str, str], Series]:
    """Cost series over `time_range`: `("total", "")` plus one per value of each dimension.

    With `usage_only` (the default) the series hold usage-driven charges only (`bot.billing.charges`): period
    charges (recurring fees, one-time fees, tax, credits, refunds) are booked for a month or once, whatever was
    used that day, so as a day's spend they would read as spikes and drops. They are judged as what they are
    elsewhere, never as a usage series.

    `granularity` is `Granularity.DAY` (one point per UTC day) or `Granularity.HOUR` (one per UTC hour); any other
    raises ValueError. One `store.aggregate` call per dimension; buckets without line items are 0, except the
    buckets before the store's first data (inside `filters` or not), which are unknown (NaN): a bill that
    starts inside the range is not "new spending" on its first day. With `max_per_dimension`, only the most
    costly values of each dimension over the range get a series (`limits`: another number for some
    dimensions, e.g. `{"resource": 50}`). With `recent_days`, a dimension whose limit binds also gets up to
    the same number of values whose cost a day moved most (in money) between the range's last `recent_days`
    days and the days before (`_moved_lately`): a resource that doubled last week is judged even when its cost
    over the whole range ranks it lower, so a change is looked for where it happened, not only where the
    spend is largest. The caller should end `time_range`
    at the last complete day (a partial day looks like a drop).
    """
    if granularity not in _STEPS:
        raise ValueError(f"anomaly series are daily or hourly, not {granularity.value!r}")
    step = _STEPS[granularity]
    if usage_only:
        filters = (*filters, USAGE_ONLY)
    n = time_range.days * (DAY // step)
    start = _as_utc(time_range.start)
    out: dict[tuple[str, str], Series] = {}

    def index(bucket: datetime | None) -> int:
        if bucket is None:
            raise ValueError("a bucketed aggregate returned a row without a bucket")
        return (_as_utc(bucket) - start) // step

    total = [0.0] * n
    first = n
    for row in store.aggregate(
        AggregateRequest(time_range=time_range, filters=tuple(filters), basis=basis, granularity=granularity)
    ):
        i = index(row.bucket)
        first = min(first, i)
        if 0 <= i < n:
            total[i] += row.cost
    # The store's first data in the range: what comes before it is unknown, not zero.
    if filters:
        any_rows = store.aggregate(AggregateRequest(time_range=time_range, basis=basis, granularity=granularity))
        first = min((index(r.bucket) for r in any_rows), default=n)
    first = max(0, min(first, n))

    def known(costs: list[float]) -> tuple[float, ...]:
        return (math.nan,) * first + tuple(costs[first:])

    out[(TOTAL, "")] = Series(start, step, known(total), TOTAL, "")

    for label in dimensions:
        if label == TOTAL:
            continue
        ref = dimension_ref(label)
        limit = (limits or {}).get(label, max_per_dimension)
        request = AggregateRequest(
            time_range=time_range, group_by=(ref,), filters=tuple(filters), basis=basis, granularity=granularity
        )
        rows = store.aggregate(replace(request, limit=limit))
        if limit is not None and recent_days > 0 and len({r.keys[0] for r in rows}) >= limit:
            rows = [*rows, *_moved_lately(store, request, limit, rows, recent_days)]
        values: dict[str, list[float]] = {}
        for row in rows:
            i = index(row.bucket)
            if 0 <= i < n:
                values.setdefault(row.keys[0], [0.0] * n)[i] += row.cost
        for value, costs in values.items():
            if label == "resource" and value in ("", UNTAGGED):
                continue  # line items without a resource id are no resource: their services hold them
            out[(label, value)] = Series(start, step, known(costs), label, value)
    return out


def _moved_lately(
    store: BillingStore, request: AggregateRequest, limit: int, rows: Sequence[AggregateRow], recent_days: int
) -> list[AggregateRow]:
    """Bucketed rows of `request` (one dimension over the whole range) for the values that `rows` (the `limit`
    most costly over the range) left out and whose cost a day moved most between the range's last
    `recent_days` days and the days before (the `limit` biggest moves, up or down, in money). Only values with
    cost in the range's first `recent_days` days and on both sides count, ones that lived through the range: a
    value that is new lately, or came and went (an instance of an autoscaling group), is its usage type's and
    service's news (and the root cause's "new"), not a series with a history of its own. Four store calls:
    the cost of every value at the range's start, before and lately, and the series of the values added."""
    time_range, ref = request.time_range, request.group_by[0]
    cut = time_range.end - timedelta(days=recent_days)
    if cut - timedelta(days=recent_days) < time_range.start:
        return []
    head = TimeRange(time_range.start, time_range.start + timedelta(days=recent_days))

    def per_day(tr: TimeRange) -> dict[str, float]:
        plain = replace(request, time_range=tr, granularity=Granularity.NONE)
        return {r.keys[0]: r.cost / tr.days for r in store.aggregate(plain) if r.cost}

    lived = per_day(head).keys() - {r.keys[0] for r in rows} - {"", UNTAGGED}
    old = per_day(TimeRange(time_range.start, cut))
    new = per_day(TimeRange(cut, time_range.end))
    moves = sorted(((abs(new[k] - old[k]), k) for k in lived & old.keys() & new.keys()), reverse=True)
    added = tuple(k for move, k in moves[:limit] if move > 0)
    if not added:
        return []
    return store.aggregate(replace(request, filters=(*request.filters, Filter(ref, added))))


@dataclass(frozen=True)
class Contributor:
    """One value of a breakdown dimension: its cost in the anomaly window vs the baseline scaled to the same
    length, the difference (`excess`) and its share of the anomaly's total excess."""

    dimension: str
    key: str
    actual: float
    baseline: float
    excess: float
    share: float


@dataclass(frozen=True)
class RootCause:
    """Where the excess of an anomaly comes from, per dimension, biggest contributors first. Each breakdown
    holds every value that moved (those that moved against the anomaly last): its excesses add up to
    `excess`. `changes` says what changed per resource (new, gone, quantity vs rate, `bot.billing.anomaly_changes`)
    when asked for; they add up to `excess` too."""

    anomaly_window: TimeRange
    baseline_window: TimeRange
    actual: float
    baseline: float
    breakdowns: dict[str, tuple[Contributor, ...]]
    changes: tuple[Change, ...] = ()

    @property
    def excess(self) -> float:
        return self.actual - self.baseline

    def top(self, dimension: str, n: int = 3) -> tuple[Contributor, ...]:
        return self.breakdowns.get(dimension, ())[:n]


def anomaly_filters(anomaly: Anomaly) -> tuple[Filter, ...]:
    """The filter selecting the anomaly's slice of the bill (none for the total)."""
    if anomaly.dimension == TOTAL:
        return ()
    return (Filter(dimension_ref(anomaly.dimension), (anomaly.value,)),)


def windows(anomaly: Anomaly, baseline_days: int | None = None) -> tuple[TimeRange, TimeRange]:
    """The anomaly window (whole UTC days it covers) and the baseline window before it.

    The baseline is `baseline_days` long (default: the anomaly's length rounded up to whole weeks, at least one
    week, so weekdays balance) and ends where the anomaly starts.
    """
    first = anomaly.start.date()
    end_dt = anomaly.window_end
    last = end_dt.date() if end_dt.time() == time.min else end_dt.date() + timedelta(days=1)
    last = max(last, first + timedelta(days=1))
    window = TimeRange(first, last, "anomaly")
    days = baseline_days or max(7, 7 * math.ceil(window.days / 7))
    return window, TimeRange(first - timedelta(days=days), first, "baseline")


def expectation(anomaly: Anomaly, window: TimeRange) -> float | None:
    """What the model expected over `window` (whole days): the anomaly's expected sum over its anomalous
    points, per day, times the window's days (exact when the window is those points). None when the anomaly
    has no points or expected nothing."""
    days = anomaly.points * (anomaly.step / DAY)
    if days <= 0 or not math.isfinite(anomaly.expected) or anomaly.expected <= 0:
        return None
    return anomaly.expected * window.days / days


def explain(
    store: BillingStore,
    anomaly: Anomaly,
    *,
    basis: CostBasis = CostBasis.UNBLENDED,
    dimensions: Sequence[str] = DEFAULT_CAUSE_DIMENSIONS,
    baseline_days: int | None = None,
    filters: Sequence[Filter] = (),
    usage_only: bool = True,
) -> RootCause:
    """Break the anomaly's excess down by each of `dimensions`, ranked by contribution.

    Compares the anomaly window with what the model expected over it (`expectation`), shared out between the
    values of each dimension as they shared the baseline window just before it (`windows`), within the
    anomaly's slice (and `filters`): each breakdown's excesses add up to actual - expected, the alert's
    headline. Without a baseline (a new series), the baseline window scaled to the same number of days. For an
    increase the biggest positive excesses come first; for a drop the biggest decreases; values that moved the
    other way come last (each breakdown is complete, so it adds up). Two `store.aggregate` calls per dimension.
    """
    window, base = windows(anomaly, baseline_days)
    return explain_windows(
        store,
        window,
        base,
        filters=anomaly_filters(anomaly) + tuple(filters) + ((USAGE_ONLY,) if usage_only else ()),
        basis=basis,
        dimensions=dimensions,
        increase=anomaly.impact >= 0,
        expected=expectation(anomaly, window),
        changes=True,
        by_resource=anomaly.dimension != "resource",
    )


def explain_windows(
    store: BillingStore,
    window: TimeRange,
    base: TimeRange,
    *,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
    dimensions: Sequence[str] = DEFAULT_CAUSE_DIMENSIONS,
    top: int | None = None,
    increase: bool = True,
    scale: bool = True,
    expected: float | None = None,
    changes: bool = False,
    by_resource: bool = True,
    change_bounds: Sequence[Filter] | None = None,
) -> RootCause:
    """Break the change from `base` to `window` down by each of `dimensions`, ranked by contribution.

    With `scale` the baseline is scaled to the window's number of days (an anomaly against a longer baseline);
    without it the two spans are compared as they are (a question's period against the one it is compared
    with). With `expected` (what a model expected over `window`) each value's share of the baseline is applied
    to that expectation, so the contributions add up to actual - expected. For an increase the biggest positive
    changes come first; for a drop the biggest decreases. Without `top` each breakdown is complete (values that
    moved the other way last, so it adds up); with it, the `top` values that moved in the change's direction.
    Two `store.aggregate` calls per dimension. With `changes`, also what changed per resource (or per usage type,
    without `by_resource`), scaled the same way (`what_changed`: two more calls, five small ones, those beyond
    the slice inside `change_bounds`).
    """
    factor = window.days / base.days if scale else 1.0
    slice_filters = tuple(filters)
    sign = 1.0 if increase else -1.0

    def total(tr: TimeRange) -> float:
        return sum(r.cost for r in store.aggregate(AggregateRequest(tr, filters=slice_filters, basis=basis)))

    actual_total = total(window)
    baseline_total = total(base) * factor
    if expected is not None and baseline_total > 0:
        factor *= expected / baseline_total
        baseline_total = expected
    excess_total = actual_total - baseline_total
    breakdowns: dict[str, tuple[Contributor, ...]] = {}
    for label in dimensions:
        ref = dimension_ref(label)
        now = {r.keys[0]: r.cost for r in store.aggregate(AggregateRequest(window, (ref,), slice_filters, basis))}
        before = {
            r.keys[0]: r.cost * factor for r in store.aggregate(AggregateRequest(base, (ref,), slice_filters, basis))
        }
        rows = [
            Contributor(
                dimension=label,
                key=key,
                actual=now.get(key, 0.0),
                baseline=before.get(key, 0.0),
                excess=now.get(key, 0.0) - before.get(key, 0.0),
                share=(now.get(key, 0.0) - before.get(key, 0.0)) / excess_total if excess_total else 0.0,
            )
            for key in set(now) | set(before)
        ]
        rows.sort(key=lambda c: (-sign * c.excess, c.key))
        if top is None:
            breakdowns[label] = tuple(c for c in rows if c.excess != 0)
        else:
            breakdowns[label] = tuple(c for c in rows if sign * c.excess > 0)[:top]
    found: tuple[Change, ...] = ()
    if changes:
        found = what_changed(
            store,
            window,
            base,
            factor=factor,
            filters=slice_filters,
            basis=basis,
            excess_total=excess_total,
            increase=increase,
            by_resource=by_resource,
            bounds=change_bounds,
        )
    return RootCause(window, base, actual_total, baseline_total, breakdowns, found)
