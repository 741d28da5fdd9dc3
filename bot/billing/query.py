"""The query layer: user questions answered from any `BillingStore` (never a concrete backend).

Each function issues a handful of `aggregate` calls (total, groups, previous period, series) and folds them into
the values the Slack commands and jobs render. Numbers stay floats as the store summed them; the store's own
load-time reconciliation is what guarantees they match the exports to the cent.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.billing.basis import require_basis
from bot.billing.charges import USAGE_ONLY
from bot.billing.currency import currency_note, currency_scope
from bot.billing.model import (
    GLOBAL_REGION,
    NO_VALUE,
    NOT_TAGGABLE,
    TAGGABLE,
    UNTAGGED,
    AggregateRequest,
    AggregateRow,
    Cause,
    CostBasis,
    CostQuery,
    CostResult,
    DailyAverage,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    GroupCost,
    PreviousStatus,
    Question,
    SeriesPoint,
    StepAverage,
    TagCoverage,
    TimeRange,
    UnusualSpan,
)
from bot.billing.movers import rank_changes
from bot.billing.pace import compute_pace, covers, cutoff_from, elapsed_span, previous_span, progress_of
from bot.billing.periods import add_months
from bot.billing.store import BillingStore
from bot.billing.unusual import little_history, unusual_days
from bot.errors import NotFound, UsageError

if TYPE_CHECKING:
    from bot.billing.anomaly_changes import Change

#: First key of the series point that sums the groups folded into "Other" (the other keys are "").
OTHER_LABEL = "Other"
#: What a "why" answer breaks the change down by, and how many values of each it names.
WHY_DIMENSIONS: tuple[str, ...] = ("service", "account", "region", "usage-type")
WHY_TOP = 3


def _sum(rows: Sequence[AggregateRow]) -> float:
    return float(sum(r.cost for r in rows))


def daily_costs(
    store: BillingStore,
    time_range: TimeRange,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
) -> list[tuple[date, float]]:
    """Cost of every UTC day of `time_range`, oldest first, 0.0 for days without line items (dense)."""
    rows = store.aggregate(
        AggregateRequest(time_range, filters=tuple(filters), basis=basis, granularity=Granularity.DAY)
    )
    by_day = {r.bucket.date(): r.cost for r in rows if r.bucket is not None}
    return [(d, by_day.get(d, 0.0)) for d in (time_range.start + timedelta(days=i) for i in range(time_range.days))]


def run_cost_query(store: BillingStore, query: CostQuery, *, today: date) -> CostResult:
    """Answer a cost question, in the currency of its line items (`bot.billing.currency`).

    Promises: `total` is the whole filtered total so far; `groups` the `query.top` most expensive groups (cost
    descending, ties by key); `other` the sum of the folded rest (None when nothing was folded), so sum(groups)
    + other == total; `series` (when a granularity is asked) holds every bucket of the kept groups plus an
    `OTHER_LABEL` point per bucket for the folded rest; `forecast` is the month-end forecast of the month of
    `today` (`bot.billing.pace`) when `today` lies inside the range.

    With `query.versus` the comparison is with that period instead of the previous one (the same stretch of it
    while the range is in progress). A `Question.WHY` question also gets `causes`: the values of
    `WHY_DIMENSIONS` that moved most in the direction of the change (`bot.billing.anomaly_rootcause`). An
    `AVERAGE` question, and any daily series, gets `average`: the cost per complete day against the compared
    period's; `ANOMALIES` gets `unusual` (`bot.billing.unusual`); `INCREASES`/`DECREASES` get as `groups` the
    groups ranked by their change like for like (`bot.billing.movers`) instead of the most costly ones.

    With `query.compare`, comparisons are like for like: the complete days of the range (all of it once it is
    over; `bot.billing.pace.complete_cutoff`) against the same stretch of the previous period, for the total and
    for each group. A previous span the store holds no data for is `PreviousStatus.NO_DATA`, never $0.00; a
    range with no complete day yet is not compared, nor is a previous span billed in another currency or
    without the asked net cost (`notes` says why). Raises UsageError for `top < 1`, `MixedCurrencies` for a
    question over several currencies that picked none, `BasisUnavailable` for net cost over periods without
    it, StoreError when the store fails. Every figure is read from one view of the store (`read_consistently`): a
    delivery published while the question is answered is in all of them or in none.
    """
    if query.top < 1:
        raise UsageError(f"top must be at least 1, not {query.top}", hint="e.g. `top 10`")
    return store.read_consistently(lambda: _cost_query(store, query, today=today))


def _cost_query(store: BillingStore, query: CostQuery, *, today: date) -> CostResult:
    """`run_cost_query` within one view of the store."""
    tr = query.time_range
    require_basis(store, query.basis, tr)
    scope = currency_scope(store, tr, query.filters)
    filters = scope.filters
    store_freshness = store.freshness()
    cutoff = cutoff_from(store_freshness, today)
    progress = progress_of(tr, store_freshness, cutoff)
    total = _sum(store.aggregate(AggregateRequest(tr, filters=filters, basis=query.basis)))

    elapsed = elapsed_span(tr, cutoff)  # the complete days of the period; None before its first
    compared = elapsed if query.compare else None
    previous_range: TimeRange | None = None
    previous_total: float | None = None
    compared_total: float | None = None
    compared_usage: float | None = None
    previous_usage: float | None = None
    status = PreviousStatus.NOT_COMPARED
    notes: list[str] = list(query.readings)
    if compared is not None:
        previous_range = compared_with(query, compared)
        # A previous span in another currency, or without net cost, is not compared with.
        note = currency_note(store, previous_range, scope.currency)
        try:
            require_basis(store, query.basis, previous_range)
        except UsageError as exc:
            note = note or f"No comparison: {exc.message}"
        if note is not None:
            notes.append(note)
            compared = previous_range = None
    if compared is not None and previous_range is not None:
        compared_total = (
            total
            if compared == tr
            else _sum(store.aggregate(AggregateRequest(compared, filters=filters, basis=query.basis)))
        )
        if covers(store_freshness, previous_range):
            previous_total = _sum(store.aggregate(AggregateRequest(previous_range, filters=filters, basis=query.basis)))
            status = PreviousStatus.COMPARED
            usage = (*filters, USAGE_ONLY)
            compared_usage = _sum(store.aggregate(AggregateRequest(compared, filters=usage, basis=query.basis)))
            previous_usage = _sum(store.aggregate(AggregateRequest(previous_range, filters=usage, basis=query.basis)))
        else:
            status = PreviousStatus.NO_DATA

    groups: tuple[GroupCost, ...] = ()
    other: float | None = None
    other_count = 0
    ranking = query.question in (Question.INCREASES, Question.DECREASES)
    if ranking and query.group_by:
        if compared is not None and previous_range is not None and previous_total is not None:
            groups = rank_changes(store, query, compared, previous_range, filters)
        else:
            notes.append("No ranking by change: there is nothing to compare this period with.")
    elif query.group_by:
        grouped = AggregateRequest(tr, group_by=query.group_by, filters=filters, basis=query.basis)
        # Only the top groups leave the store: a breakdown by resource can have 50k groups.
        kept = store.aggregate(replace(grouped, limit=query.top))
        folded = store.count_groups(grouped) - len(kept) if len(kept) == query.top else 0
        # Restrict other spans to the kept keys (a superset for several dimensions; matched below); with no group
        # kept there is nothing to look up (and a filter needs values)
        narrowing = tuple(
            Filter(ref, tuple(sorted({r.keys[i] for r in kept}))) for i, ref in enumerate(query.group_by) if kept
        )

        def by_keys(span: TimeRange) -> dict[tuple[str, ...], float]:
            request = AggregateRequest(span, group_by=query.group_by, filters=filters + narrowing, basis=query.basis)
            return {r.keys: r.cost for r in store.aggregate(request)}

        previous = by_keys(previous_range) if previous_total is not None and previous_range and kept else {}
        partly = by_keys(compared) if compared is not None and compared != tr and kept else None
        groups = tuple(
            GroupCost(
                r.keys,
                r.cost,
                previous.get(r.keys, 0.0) if previous_total is not None else None,
                None if partly is None else partly.get(r.keys, 0.0),
            )
            for r in kept
        )
        if folded > 0:
            other = total - _sum(kept)
            other_count = folded
        resource = DimensionRef(Dimension.RESOURCE)
        if (
            resource in query.group_by
            and kept
            and all(r.keys[query.group_by.index(resource)] == NO_VALUE for r in kept)
        ):
            notes.append(  # a CUR exported without resource IDs: one `(none)` line, said rather than left to guess
                "No line of this period carries a resource ID (the export may have been made without them: CUR's "
                "`Include resource IDs`); its cost shows as `(none)`."
            )

    series: tuple[SeriesPoint, ...] = ()
    if query.granularity is not Granularity.NONE:
        bucketed = AggregateRequest(tr, filters=filters, basis=query.basis, granularity=query.granularity)
        totals = store.aggregate(bucketed)
        if not query.group_by:
            series = tuple(SeriesPoint(r.bucket, (), r.cost) for r in totals if r.bucket is not None)
        else:
            top_rows = store.aggregate(
                AggregateRequest(
                    tr,
                    group_by=query.group_by,
                    filters=filters,
                    basis=query.basis,
                    granularity=query.granularity,
                    limit=query.top,
                )
            )
            points = [SeriesPoint(r.bucket, r.keys, r.cost) for r in top_rows if r.bucket is not None]
            other_key = (OTHER_LABEL,) + ("",) * (len(query.group_by) - 1)
            if other_count:
                kept_by_bucket: dict[object, float] = {}
                for p in points:
                    kept_by_bucket[p.bucket] = kept_by_bucket.get(p.bucket, 0.0) + p.cost
                for r in totals:
                    rest_cost = r.cost - kept_by_bucket.get(r.bucket, 0.0)
                    if r.bucket is not None and abs(rest_cost) > 1e-9:
                        points.append(SeriesPoint(r.bucket, other_key, rest_cost))
            points.sort(key=lambda p: (p.bucket, p.keys == other_key, -p.cost, p.keys))
            series = tuple(points)

    forecast = None
    if tr.start <= today < tr.end:
        forecast = compute_pace(store, today, filters, basis=query.basis).forecast
    if query.question is Question.FORECAST and forecast is None:
        notes.append("No month-end forecast yet: it needs complete days of this month or last month in the store.")
    causes: tuple[Cause, ...] = ()
    changes: tuple[Change, ...] = ()
    if query.question is Question.WHY:
        if compared is not None and previous_range is not None and previous_total is not None:
            now = total if compared_total is None else compared_total
            causes, changes = explain_change(
                store, compared, previous_range, filters, query, increase=now >= previous_total
            )
            if not causes:
                notes.append("Why: no service, account, region or usage type moved the cost; nothing to explain.")
        elif elapsed is None:
            notes.append(
                f"Why: no change to explain: {_no_day_yet(tr, cutoff)}; `why last 7 days` asks about the days before."
            )
        else:
            notes.append("Why: there is nothing to compare this period with, so no change to explain.")
    average: DailyAverage | None = None
    # Asked for (`daily average`), or beside a daily series (`spend per day last week`: each day, and per day).
    per_step = query.question is Question.AVERAGE and query.granularity in _STEPS
    per_day = (query.question is Question.AVERAGE and not per_step) or query.granularity is Granularity.DAY
    step_average: StepAverage | None = None
    if per_step:  # `average per week`: over the complete weeks (months) of the range, from the series
        step_average = average_per_step(series, tr, cutoff, query.granularity)
        if step_average is None:
            unit = _STEPS[query.granularity]
            notes.append(f"No average per {unit} yet: the period has no complete {unit} in the store.")
    if per_day:
        if compared is not None:
            now = total if compared_total is None else compared_total
            before = None if previous_total is None or previous_range is None else previous_total / previous_range.days
            average = DailyAverage(now / compared.days, compared.days, before)
            if compared != tr and query.question is Question.AVERAGE:
                notes.append("The average is over the complete days of the period.")
        elif query.question is Question.AVERAGE:
            notes.append("No average per day yet: the period has no complete day in the store.")
    unusual: tuple[UnusualSpan, ...] = ()
    if query.question is Question.ANOMALIES:
        if elapsed is None:  # no day to judge: never `nothing unusual`
            notes.append(
                f"Nothing to judge: {_no_day_yet(tr, cutoff)}; `unusual last 7 days` asks about the days before."
            )
        else:
            unusual = unusual_days(store, tr, filters, query.basis, cutoff=elapsed.end)
            if not unusual:
                notes.append(
                    little_history(store_freshness, tr)
                    or "Nothing unusual: no day of this period stands out from the weeks before it."
                )
    return CostResult(
        query=query,
        total=total,
        previous_range=previous_range,
        previous_total=previous_total,
        groups=groups,
        other=other,
        other_count=other_count,
        series=series,
        currency=scope.currency,
        freshness=store.freshness(tr),
        forecast=forecast,
        notes=tuple(notes),
        compared_range=compared,
        compared_total=compared_total,
        previous_status=status,
        progress=progress,
        compared_usage=compared_usage,
        previous_usage=previous_usage,
        causes=causes,
        changes=changes,
        average=average,
        unusual=unusual,
        step_average=step_average,
    )


def _no_day_yet(tr: TimeRange, cutoff: date | None) -> str:
    """Why a period has no day to explain or judge: the store holds none, or the period begins after its newest
    complete day (`this week`, asked on a Monday)."""
    if cutoff is None:
        return "the store holds no billing data yet"
    days = f"{tr.start} – {tr.end - timedelta(days=1)}"
    named = f"{tr.label} ({days})" if tr.label else days
    return f"{named} has no complete day in the store yet (the newest is {cutoff - timedelta(days=1)})"


#: Time steps an average may be per, besides the day.
_STEPS = {Granularity.WEEK: "week", Granularity.MONTH: "month", Granularity.QUARTER: "quarter"}
#: Months per step of a calendar step.
_MONTHS = {"month": 1, "quarter": 3}


def average_per_step(
    series: Sequence[SeriesPoint], tr: TimeRange, cutoff: date | None, granularity: Granularity
) -> StepAverage | None:
    """The average cost per week or month over the complete ones of `tr`: the buckets that start in it and end
    before both its end and `cutoff` (the first day without complete data). A bucket with no cost counts as
    zero. None when there is no complete one."""
    if cutoff is None:
        return None
    unit = _STEPS[granularity]
    by_bucket: dict[date, float] = {}
    for p in series:
        day = p.bucket.date()
        by_bucket[day] = by_bucket.get(day, 0.0) + p.cost
    end = min(tr.end, cutoff)
    if unit == "week":
        start = tr.start - timedelta(days=tr.start.weekday())
    else:
        start = tr.start.replace(month=tr.start.month - (tr.start.month - 1) % _MONTHS[unit], day=1)
    steps: list[tuple[date, float]] = []
    while True:
        after = start + timedelta(days=7) if unit == "week" else add_months(start, _MONTHS[unit])
        if after > end:
            break
        if start >= tr.start:
            steps.append((start, by_bucket.get(start, 0.0)))
        start = after
    if not steps:
        return None
    last = (
        steps[-1][0] + timedelta(days=6)
        if unit == "week"
        else add_months(steps[-1][0], _MONTHS[unit]) - timedelta(days=1)
    )
    return StepAverage(sum(c for _, c in steps) / len(steps), len(steps), unit, steps[0][0], last)


def compared_with(query: CostQuery, compared: TimeRange) -> TimeRange:
    """The span `compared` (the complete days of the range) is set against: the same stretch of `query.versus`
    when the question names one, else of the previous period (`bot.billing.pace.previous_span`)."""
    versus = query.versus
    if versus is None:
        return previous_span(query.time_range, compared)
    if compared.end == query.time_range.end:
        return versus
    end = min(versus.end, versus.start + timedelta(days=compared.days))
    return TimeRange(versus.start, end, f"same days of {versus.label}")


def explain_change(
    store: BillingStore,
    compared: TimeRange,
    previous: TimeRange,
    filters: Sequence[Filter],
    query: CostQuery,
    *,
    increase: bool,
) -> tuple[tuple[Cause, ...], tuple[Change, ...]]:
    """Where the change from `previous` to `compared` comes from: per dimension of `WHY_DIMENSIONS` (those the
    question does not already pin to one value), the `WHY_TOP` values that moved most in the direction of the
    total change; and what changed per resource (new, gone, resized, usage vs rate: the alerts' own
    `bot.billing.anomaly_changes`, every look-up inside `filters`, so inside the asker's scope). Spans are
    compared as they are (no scaling): the causes, and the changes, add up to the change shown."""
    # Imported here: the root-cause code pulls in numpy, which `trackit query` and the other answers never need.
    from bot.billing.anomaly_rootcause import explain_windows

    pinned = {f.dimension.label for f in filters if len(f.values) == 1 and not f.negate}
    dimensions = [d for d in WHY_DIMENSIONS if d not in pinned]
    cause = explain_windows(
        store,
        compared,
        previous,
        filters=filters,
        basis=query.basis,
        dimensions=dimensions,
        top=WHY_TOP,
        increase=increase,
        scale=False,
        changes=True,
        change_bounds=filters,
    )
    causes = tuple(
        Cause(c.dimension, c.key, c.actual, c.baseline, c.excess, c.share)
        for d in dimensions
        for c in cause.breakdowns.get(d, ())
    )
    return causes, cause.changes


# --------------------------------------------------------------------------------------------- tags


@dataclass(frozen=True)
class TagValueCost:
    """Cost of one value of a tag key (`UNTAGGED` for taggable line items without it); `share` of the total."""

    value: str
    cost: float
    share: float


@dataclass(frozen=True)
class TagReport:
    """Answer to `/tags`, in `currency`.

    Only usage-driven line items can be tagged (`TAGGABLE`): the rest (fees, tax, credits) without the tag is
    `not_taggable_cost`, never "untagged". With a key: `values` holds every value of the key, cost descending,
    with `UNTAGGED` the taggable cost without it, in `basis`; total == sum(values) + not_taggable_cost.
    Without a key: `keys` ranks every tag key by coverage of taggable unblended cost, then tagged cost.
    """

    time_range: TimeRange
    basis: CostBasis
    key: str | None
    total: float
    values: tuple[TagValueCost, ...] = ()
    untagged_cost: float = 0.0
    keys: tuple[TagCoverage, ...] = ()
    not_taggable_cost: float = 0.0
    currency: str = "USD"

    @property
    def taggable_cost(self) -> float:
        return self.total - self.not_taggable_cost

    @property
    def untagged_share(self) -> float:
        """Share of the taggable cost that carries no value of the key, 0..1."""
        return self.untagged_cost / self.taggable_cost if self.taggable_cost else 0.0


def resolve_tag_key(store: BillingStore, key: str) -> str:
    """The stored tag key the user meant: exact, else the only case-insensitive match, else `user:<key>`.

    Raises NotFound with close matches as suggestions.
    """
    known = store.tag_keys()
    if key in known:
        return key
    folded = [k for k in known if k.lower() == key.lower()]
    if len(folded) == 1:
        return folded[0]
    for candidate in (f"user:{key}", f"user:{key.lower()}"):
        if candidate in known:
            return candidate
    if not known:
        raise NotFound(
            f"No tag key `{key}`: the billing data has no tags yet.",
            hint="Activate cost allocation tags in the AWS Billing console, then wait for the next export.",
        )
    suggestions = difflib.get_close_matches(key, known, n=3, cutoff=0.5)
    raise NotFound(f"No tag key `{key}` in the billing data.", suggestions=suggestions)


def run_tag_report(
    store: BillingStore,
    key: str | None,
    time_range: TimeRange,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
) -> TagReport:
    """Cost by value of one tag key (with the untagged share of taggable cost and the not-taggable rest), or
    every key ranked by coverage of taggable cost when `key` is None.

    Raises NotFound (with suggestions) for an unknown key, `MixedCurrencies`, `BasisUnavailable`. Read from one
    view of the store (`read_consistently`).
    """
    return store.read_consistently(lambda: _tag_report(store, key, time_range, filters, basis))


def _tag_report(
    store: BillingStore, key: str | None, time_range: TimeRange, filters: Sequence[Filter], basis: CostBasis
) -> TagReport:
    """`run_tag_report` within one view of the store."""
    scope = currency_scope(store, time_range, filters)
    filters = scope.filters
    if key is None:  # coverage is of unblended cost, whatever the basis
        total = _sum(store.aggregate(AggregateRequest(time_range, filters=filters)))
        coverage = store.tag_coverage(time_range, (*filters, TAGGABLE))
        ranked = tuple(sorted(coverage, key=lambda c: (-c.coverage, -c.tagged_cost, c.key)))
        taggable = (
            ranked[0].total_cost
            if ranked
            else _sum(store.aggregate(AggregateRequest(time_range, filters=(*filters, TAGGABLE))))
        )
        return TagReport(
            time_range,
            CostBasis.UNBLENDED,
            None,
            total,
            keys=ranked,
            not_taggable_cost=total - taggable,
            currency=scope.currency,
        )
    require_basis(store, basis, time_range)
    resolved = resolve_tag_key(store, key)
    ref = DimensionRef.tag(resolved)
    rows = store.aggregate(AggregateRequest(time_range, group_by=(ref,), filters=filters, basis=basis))
    total = _sum(rows)
    # Line items without the tag that nobody could have tagged are not "untagged".
    untagged_elsewhere = AggregateRequest(
        time_range, filters=(*filters, NOT_TAGGABLE, Filter(ref, (UNTAGGED,))), basis=basis
    )
    not_taggable = _sum(store.aggregate(untagged_elsewhere))
    costs = {r.keys[0]: r.cost for r in rows}
    if UNTAGGED in costs:
        costs[UNTAGGED] -= not_taggable
        if abs(costs[UNTAGGED]) < 1e-9:
            del costs[UNTAGGED]
    ordered = sorted(costs.items(), key=lambda kv: (-kv[1], kv[0]))
    values = tuple(TagValueCost(v, c, c / total if total else 0.0) for v, c in ordered)
    return TagReport(
        time_range,
        basis,
        resolved,
        total,
        values=values,
        untagged_cost=costs.get(UNTAGGED, 0.0),
        not_taggable_cost=not_taggable,
        currency=scope.currency,
    )


# ---------------------------------------------------------------------------------------- resources


@dataclass(frozen=True)
class ResourceCost:
    """One resource's cost; service, account and region are those carrying most of its cost."""

    resource_id: str
    service: str
    account_id: str
    account_name: str
    region: str
    cost: float
    previous_cost: float | None = None  # the same stretch of the previous period; None: not compared or no data
    compared_cost: float | None = None  # the complete days compared, while the period is in progress

    @property
    def change(self) -> float | None:
        if self.previous_cost is None:
            return None
        return (self.cost if self.compared_cost is None else self.compared_cost) - self.previous_cost


def run_top_resources(
    store: BillingStore,
    n: int,
    time_range: TimeRange,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
    *,
    compare: bool = True,
) -> list[ResourceCost]:
    """The `n` most expensive resources (line items without a resource id are left out), cost descending,
    with, when `compare`, their cost over the same stretch of the previous period (like for like: the complete
    days of a period in progress; None when the store has no data then); amounts in the currency
    `currency_scope` gives for the same question (`filters` may carry its `currency=` filter). Raises UsageError
    for `n < 1`, `BasisUnavailable`. Read from one view of the store (`read_consistently`)."""
    if n < 1:
        raise UsageError(f"the number of resources must be at least 1, not {n}", hint="e.g. `/top-resources 20`")
    return store.read_consistently(lambda: _top_resources(store, n, time_range, filters, basis, compare=compare))


def _top_resources(
    store: BillingStore,
    n: int,
    time_range: TimeRange,
    filters: Sequence[Filter],
    basis: CostBasis,
    *,
    compare: bool,
) -> list[ResourceCost]:
    """`run_top_resources` within one view of the store."""
    require_basis(store, basis, time_range)
    resource = DimensionRef(Dimension.RESOURCE)
    with_id = (*filters, Filter(resource, (resource.empty_key,), negate=True))
    top = store.aggregate(AggregateRequest(time_range, group_by=(resource,), filters=with_id, basis=basis, limit=n))
    if not top:
        return []
    only = (*with_id, Filter(resource, tuple(r.keys[0] for r in top)))
    attrs: dict[str, tuple[str, str]] = {}
    for r in store.aggregate(
        AggregateRequest(
            time_range,
            group_by=(resource, DimensionRef(Dimension.SERVICE), DimensionRef(Dimension.ACCOUNT)),
            filters=only,
            basis=basis,
        )
    ):
        attrs.setdefault(r.keys[0], (r.keys[1], r.keys[2]))  # rows come cost descending: first is dominant
    regions: dict[str, str] = {}
    for r in store.aggregate(
        AggregateRequest(time_range, group_by=(resource, DimensionRef(Dimension.REGION)), filters=only, basis=basis)
    ):
        regions.setdefault(r.keys[0], r.keys[1])
    previous: dict[str, float] | None = None
    partly: dict[str, float] | None = None
    freshness = store.freshness()
    compared = elapsed_span(time_range, cutoff_from(freshness, date.max)) if compare else None
    if compared is not None:
        before = previous_span(time_range, compared)
        if covers(freshness, before):
            rows = store.aggregate(AggregateRequest(before, group_by=(resource,), filters=only, basis=basis))
            previous = {r.keys[0]: r.cost for r in rows}
            if compared != time_range:
                rows = store.aggregate(AggregateRequest(compared, group_by=(resource,), filters=only, basis=basis))
                partly = {r.keys[0]: r.cost for r in rows}
    names = store.accounts()
    out = []
    for r in top:
        rid = r.keys[0]
        service, account = attrs.get(rid, (NO_VALUE, NO_VALUE))
        out.append(
            ResourceCost(
                resource_id=rid,
                service=service,
                account_id=account,
                account_name=names.get(account, ""),
                region=regions.get(rid, GLOBAL_REGION),
                cost=r.cost,
                previous_cost=None if previous is None else previous.get(rid, 0.0),
                compared_cost=None if partly is None else partly.get(rid, 0.0),
            )
        )
    return out
