"""Pace: where a month stands and where it is heading. The one owner of the complete-day cutoff, the month to
date split into usage-driven and period charges, the month-end forecast, and the spans a partial period is
compared over. `/cost`, the daily summary, budget alerts and digests all ask here, so they never disagree.

Complete days. Exports lag by hours to a day: the last day in the store is usually partial, and a partial day is
not a cheap day. `complete_cutoff()` is the first day without complete usage data, from the freshness the store
reports (the latest end of usage lines at most a day long: month-long fee lines do not count), or, where an
export carries FOCUS 1.3 recency metadata, from how far its provider declares the data complete. Days before it
are complete; everything from it on is forecast, and comparisons stop there.

Month-end forecast = period charges + usage forecast (`bot.billing.forecast` for the usage model and its range).
Period charges (`bot.billing.charges`: recurring fees, one-time fees, tax, credits, adjustments) are expected
per kind (class, service, usage type), from what is posted and the months before (`RECURRENCE_MONTHS`):

- tax and Support plans (priced as a share of the month's charges: class `tax`, usage type `Dollar`, or an
  `AWS Support` service) are proportional to usage: the share they were of usage-driven charges in the previous
  months, times this month's usage forecast, and never less than what is already posted (AWS posts them
  month-to-date). Without history: what is posted so far, scaled with usage from here to the month's end;
- charges that accrue day by day (booked on at least half the days of a month: hourly Savings Plans fees): what
  the complete days posted plus the daily rate for the days left;
- charges booked once a month: what is posted; not posted yet, the last month's amount when it came in every one
  of the previous months (a recurring fee or credit, whatever its sign; one-time fees and adjustments need two
  months in a row before they count as recurring); else nothing.

The range moves the usage forecast between its 80% bounds (the proportional charges move with it).

The same period charges, kept apart by billing identity (account, class, service, usage type, and the reservation
or Savings Plan ARN of commitment fees), are what the period-charge alerts judge (`period_ledger`,
`bot.billing.anomaly_period`): one reading of the store for the forecast and the alerts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from bot.billing.charges import (
    CHARGE_CLASS,
    PERIOD_CHARGES,
    PERIOD_CLASSES,
    USAGE_ONLY,
    ChargeClass,
    is_support_product,
    parse_charge_class,
)
from bot.billing.model import (
    AggregateRequest,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    Forecast,
    Freshness,
    Granularity,
    LineItemSumsRequest,
    Progress,
    TimeRange,
)
from bot.billing.periods import add_months, month_start
from bot.billing.store import BillingStore

if TYPE_CHECKING:
    from bot.billing.forecast import UsageForecast

#: Months of daily usage behind the usage model and its backtest.
HISTORY_MONTHS = 6
#: Previous months a period charge is compared with (recurrence, share of usage).
RECURRENCE_MONTHS = 3
#: Amounts smaller than this are nothing (float residue of sums).
EPSILON = 0.005

_SERVICE = DimensionRef(Dimension.SERVICE)
_ACCOUNT = DimensionRef(Dimension.ACCOUNT)
_USAGE_TYPE = DimensionRef(Dimension.USAGE_TYPE)


# ----------------------------------------------------------------------------------------- complete days


def data_until(freshness: Freshness) -> datetime | None:
    """How far the data is complete: as the providers declare it where their exports say (FOCUS 1.3 recency
    metadata, `Freshness.complete_until`), else the newest usage the store holds."""
    until = freshness.complete_until or freshness.data_until
    if until is None:
        return None
    return until.replace(tzinfo=UTC) if until.tzinfo is None else until.astimezone(UTC)


def cutoff_from(freshness: Freshness, today: date) -> date | None:
    """The first day without complete usage data (never after `today`); None when the store has no data."""
    until = data_until(freshness)
    if until is None:
        return None
    return min(until.date(), today)


def complete_cutoff(store: BillingStore, today: date) -> date | None:
    """The first day without complete usage data, store-wide: days before it are complete. None: no data."""
    return cutoff_from(store.freshness(), today)


def _reach(freshness: Freshness) -> datetime | None:
    """The newest usage the store holds, complete or not."""
    until = freshness.data_until
    return None if until is None else until.replace(tzinfo=UTC) if until.tzinfo is None else until.astimezone(UTC)


def day_status(freshness: Freshness, day: date) -> str:
    """`complete`, `partial` (some data, but the export has not reached the day's end or its provider does not
    declare the day complete) or `no data`."""
    reach, until = _reach(freshness), data_until(freshness)
    if reach is None or until is None or reach <= datetime.combine(day, datetime.min.time(), UTC):
        return "no data"
    if until >= datetime.combine(day + timedelta(days=1), datetime.min.time(), UTC):
        return "complete"
    return "partial"


# ------------------------------------------------------------------------------------- like-for-like spans


def progress_of(time_range: TimeRange, freshness: Freshness, cutoff: date | None) -> Progress:
    """How much of `time_range` the data covers: complete, in progress, a partial first day, or nothing yet."""
    reach = _reach(freshness)
    if reach is None or reach <= datetime.combine(time_range.start, datetime.min.time(), UTC):
        return Progress.NO_DATA_YET
    if cutoff is not None and cutoff >= time_range.end:
        return Progress.COMPLETE
    if cutoff is None or cutoff <= time_range.start:
        return Progress.PARTIAL_DAY
    return Progress.IN_PROGRESS


def elapsed_span(time_range: TimeRange, cutoff: date | None) -> TimeRange | None:
    """The complete days of `time_range`: `[start, min(end, cutoff))`, or None when it has none yet."""
    if cutoff is None or cutoff <= time_range.start:
        return None
    end = min(time_range.end, cutoff)
    label = time_range.label if end == time_range.end else "complete days"
    return TimeRange(time_range.start, end, label)


def previous_span(time_range: TimeRange, elapsed: TimeRange) -> TimeRange:
    """The same stretch of the period before `time_range`: its first `elapsed.days` days (a month to date
    against the same days of last month, this week's Monday to Wednesday against last week's)."""
    before = time_range.previous()
    if elapsed.end == time_range.end:
        return before
    end = min(before.end, before.start + timedelta(days=elapsed.days))
    return TimeRange(before.start, end, "same days of the previous period")


def covers(freshness: Freshness, span: TimeRange) -> bool:
    """Whether the store holds billing data for the whole of `span` (its first stored billing period starts at
    or before the span, and its data reaches the span's end). `freshness` is the store-wide freshness."""
    first = freshness.first_period
    if first is None:
        return False
    until = data_until(freshness)
    return first <= span.start and until is not None and until.date() >= span.end - timedelta(days=1)


# ---------------------------------------------------------------------------------------------- the pace


@dataclass(frozen=True)
class PeriodCharge:
    """One kind of period charge in the month: what is `posted` so far and what the month is `expected` to
    hold, and `how` that expectation was made (`posted`, `recurring`, `with usage`, `accrues daily`)."""

    charge_class: ChargeClass
    service: str
    usage_type: str
    posted: float
    expected: float
    how: str


@dataclass(frozen=True)
class Pace:
    """Where `month` stands on `today` for some filters and basis (see the module docstring)."""

    month: date
    today: date
    cutoff: date | None
    freshness: Freshness
    month_to_date: float
    usage_to_date: float
    period_to_date: float
    previous_span: TimeRange | None
    previous_to_date: float | None  # None: the store has no data for the previous span
    forecast: Forecast | None
    charges: tuple[PeriodCharge, ...]
    usage: UsageForecast | None

    @property
    def days_in_month(self) -> int:
        return (add_months(self.month, 1) - self.month).days

    @property
    def days_elapsed(self) -> int:
        if self.cutoff is None:
            return 0
        return max(0, min((self.cutoff - self.month).days, self.days_in_month))


@dataclass(frozen=True)
class _Key:
    charge_class: ChargeClass
    service: str
    usage_type: str


def _class_of(key: str) -> ChargeClass:
    # A class the store does not know (never written by ingestion) counts as a recurring charge.
    return parse_charge_class(key) or ChargeClass.RECURRING


def proportional(charge_class: ChargeClass, service: str, usage_type: str) -> bool:
    """Whether a period charge is priced as a share of the month's charges: tax, and Support plans (usage type
    `Dollar`, or an AWS Support product: `bot.billing.charges.is_support_product`)."""
    return charge_class is ChargeClass.TAX or usage_type == "Dollar" or is_support_product(service)


def _proportional(key: _Key) -> bool:
    return proportional(key.charge_class, key.service, key.usage_type)


def compute_pace(
    store: BillingStore,
    today: date,
    filters: Sequence[Filter] = (),
    *,
    basis: CostBasis = CostBasis.UNBLENDED,
    month: date | None = None,
    through: date | None = None,
) -> Pace:
    """The pace of the month of `today` (or `month`) for line items matching `filters`, in `basis`, counting the
    data of days before `through` only (default: up to and including `today`; a report about a past day passes
    the day after it).

    Two store aggregations (daily usage-driven charges over `HISTORY_MONTHS`, daily period charges by class,
    service and usage type over `RECURRENCE_MONTHS`) plus the store's freshness. `forecast` is None when the
    store has no data, or none since the start of the previous month, or the month is over.
    """
    month = month_start(month or today)
    end = add_months(month, 1)
    freshness = store.freshness()
    through = through or today + timedelta(days=1)
    cutoff = cutoff_from(freshness, min(max(today, month), through))
    flt = tuple(filters)

    window = TimeRange(add_months(month, -HISTORY_MONTHS), end)
    usage_rows = store.aggregate(
        AggregateRequest(window, filters=(*flt, USAGE_ONLY), basis=basis, granularity=Granularity.DAY)
    )
    usage_by_day: dict[date, float] = defaultdict(float)
    for r in usage_rows:
        if r.bucket is not None and r.bucket.date() < through:
            usage_by_day[r.bucket.date()] += r.cost

    back = TimeRange(add_months(month, -RECURRENCE_MONTHS), end)
    period_by_key: dict[_Key, dict[date, float]] = defaultdict(lambda: defaultdict(float))
    for (cls, _account, service, usage_type), by_day in _period_days(store, back, flt, basis, through).items():
        for d, c in by_day.items():
            period_by_key[_Key(cls, service, usage_type)][d] += c

    last = min(end, through)
    usage_month = sum(c for d, c in usage_by_day.items() if month <= d < last)
    period_month = sum(c for days in period_by_key.values() for d, c in days.items() if month <= d < last)
    elapsed = elapsed_span(TimeRange(month, end), cutoff)
    usage_to_date = sum(c for d, c in usage_by_day.items() if elapsed is not None and month <= d < elapsed.end)

    prev: TimeRange | None = None
    previous_to_date: float | None = None
    if elapsed is not None:
        prev = previous_span(TimeRange(month, end), elapsed)
        if covers(freshness, prev):
            previous_to_date = sum(c for d, c in usage_by_day.items() if prev.start <= d < prev.end) + sum(
                c for days in period_by_key.values() for d, c in days.items() if prev.start <= d < prev.end
            )

    forecast: Forecast | None = None
    charges: tuple[PeriodCharge, ...] = ()
    usage: UsageForecast | None = None
    # A forecast needs data from this month or the one before: older data says nothing about the month.
    if cutoff is not None and add_months(month, -1) < cutoff < end:
        first_period = freshness.first_period or window.start  # (the store holds data: `cutoff` says so)
        first_day = max(window.start, first_period)
        # Imported here: the usage model needs numpy, which a question without a forecast (most `trackit query`
        # runs) should not pay for at start-up.
        from bot.billing.forecast import forecast_usage

        complete = {d: c for d, c in usage_by_day.items() if d < cutoff}
        usage = forecast_usage(complete, first_day, cutoff, end)
        expect = _period_expectation(
            period_by_key,
            usage_by_day,
            month=month,
            cutoff=cutoff,
            first_month=month_start(first_period),
            usage_so_far=usage_month,
        )
        period_expected = expect(usage.expected)
        charges = tuple(expect.charges(usage.expected))
        bounds = sorted((usage.low + expect(usage.low), usage.high + expect(usage.high)))
        expected = usage.expected + period_expected
        forecast = Forecast(
            month=month,
            month_to_date=usage_month + period_month,
            expected=expected,
            low=min(bounds[0], expected),
            high=max(bounds[1], expected),
            days_elapsed=0 if elapsed is None else elapsed.days,
            days_in_month=(end - month).days,
            usage_to_date=usage_to_date,
            usage_expected=usage.expected,
            period_to_date=period_month,
            period_expected=period_expected,
            method=usage.method,
        )
    return Pace(
        month=month,
        today=today,
        cutoff=cutoff,
        freshness=freshness,
        month_to_date=usage_month + period_month,
        usage_to_date=usage_to_date,
        period_to_date=period_month,
        previous_span=prev,
        previous_to_date=previous_to_date,
        forecast=forecast,
        charges=charges,
        usage=usage,
    )


def _period_days(
    store: BillingStore,
    window: TimeRange,
    filters: Sequence[Filter],
    basis: CostBasis,
    through: date,
    *,
    by_account: bool = False,
) -> dict[tuple[ChargeClass, str, str, str], dict[date, float]]:
    """Period charges of `window` before `through`, by (class, account, service, usage type) and day (account ""
    unless `by_account`; usage type "" when the line has none). One store aggregation; by account, one per
    period class (a store groups by at most three dimensions)."""
    requests = (
        [
            ((_ACCOUNT, _SERVICE, _USAGE_TYPE), (*filters, Filter(CHARGE_CLASS, (cls.value,))), cls)
            for cls in PERIOD_CLASSES
        ]
        if by_account
        else [((CHARGE_CLASS, _SERVICE, _USAGE_TYPE), (*filters, PERIOD_CHARGES), None)]
    )
    out: dict[tuple[ChargeClass, str, str, str], dict[date, float]] = defaultdict(lambda: defaultdict(float))
    for group, flt, cls in requests:
        rows = store.aggregate(
            AggregateRequest(window, group_by=group, filters=flt, basis=basis, granularity=Granularity.DAY)
        )
        for r in rows:
            if r.bucket is None or r.bucket.date() >= through:
                continue
            charge_class = cls if cls is not None else _class_of(r.keys[0])
            account = r.keys[0] if cls is not None else ""
            usage_type = "" if r.keys[2] == _USAGE_TYPE.empty_key else r.keys[2]
            out[(charge_class, account, r.keys[1], usage_type)][r.bucket.date()] += r.cost
    return out


@dataclass(frozen=True)
class _Expectation:
    """Expected period charges of the month as a function of the month's usage-driven total."""

    rules: tuple[tuple[_Key, float, Callable[[float], float], str], ...]  # key, posted, expected(usage), how

    def __call__(self, usage_total: float) -> float:
        return sum(f(usage_total) for _, _, f, _ in self.rules)

    def charges(self, usage_total: float) -> list[PeriodCharge]:
        out = [
            PeriodCharge(k.charge_class, k.service, k.usage_type, posted, f(usage_total), how)
            for k, posted, f, how in self.rules
        ]
        return sorted(out, key=lambda c: (-abs(c.expected), c.service, c.usage_type))


def _period_expectation(
    period_by_key: dict[_Key, dict[date, float]],
    usage_by_day: dict[date, float],
    *,
    month: date,
    cutoff: date,
    first_month: date,
    usage_so_far: float,
) -> _Expectation:
    """How each kind of period charge is expected to end the month (see the module docstring)."""
    end = add_months(month, 1)
    history = [m for m in (add_months(month, -i) for i in range(1, RECURRENCE_MONTHS + 1)) if m >= first_month]
    usage_in = {m: sum(c for d, c in usage_by_day.items() if m <= d < add_months(m, 1)) for m in history}
    complete_days = max(0, (min(cutoff, end) - month).days)
    days_left = (end - max(cutoff, month)).days
    rules: list[tuple[_Key, float, Callable[[float], float], str]] = []
    for key, by_day in sorted(period_by_key.items(), key=lambda kv: (kv[0].charge_class, kv[0].service)):
        amounts = {m: sum(c for d, c in by_day.items() if m <= d < add_months(m, 1)) for m in history}
        posted = sum(c for d, c in by_day.items() if month <= d < end)
        posted_complete = sum(c for d, c in by_day.items() if month <= d < cutoff)
        booked_now = len({d for d, c in by_day.items() if month <= d < cutoff and abs(c) >= EPSILON})
        seen = [m for m in history if abs(amounts[m]) >= EPSILON]
        recurring = bool(history) and len(seen) == len(history)
        if key.charge_class in (ChargeClass.ONE_TIME, ChargeClass.ADJUSTMENT):
            recurring = recurring and len(history) >= 2
        last = seen[0] if seen else None
        if last is not None:
            booked = len({d for d, c in by_day.items() if last <= d < add_months(last, 1) and abs(c) >= EPSILON})
            accruing = booked * 2 >= (add_months(last, 1) - last).days
        else:
            accruing = booked_now >= 2 and booked_now * 2 >= complete_days
        f: Callable[[float], float]
        if _proportional(key) and seen and sum(usage_in[m] for m in seen) > EPSILON:
            share = sum(amounts[m] for m in seen) / sum(usage_in[m] for m in seen)
            f = _at_least_posted(share, posted)
            how = f"with usage ({share * 100:.1f}% of it in the previous months)"
        elif _proportional(key) and abs(posted) >= EPSILON and usage_so_far > EPSILON:
            f = _at_least_posted(posted / usage_so_far, posted)
            how = "posted so far, scaled with usage to the month's end"
        elif accruing and (last is not None or booked_now >= 2):
            if complete_days >= 7 or last is None:
                rate = posted_complete / max(complete_days, 1)
            else:
                rate = amounts[last] / (add_months(last, 1) - last).days
            f = _constant(posted_complete + rate * days_left)
            how = "accrues daily"
        elif abs(posted) >= EPSILON:
            f = _constant(posted)
            how = "posted"
        elif recurring and last is not None:
            f = _constant(amounts[last])
            how = "expected: it came every month"
        else:
            continue
        rules.append((key, posted, f, how))
    return _Expectation(tuple(rules))


def _constant(value: float) -> Callable[[float], float]:
    return lambda _usage: value


def _at_least_posted(share: float, posted: float) -> Callable[[float], float]:
    """`share` of the usage total, but never closer to zero than what is already posted."""

    def expected(usage_total: float) -> float:
        value = share * usage_total
        return max(value, posted) if posted >= 0 else min(value, posted)

    return expected


# ----------------------------------------------------------------------------- period charges by identity

#: Line item types of commitment fees: kept apart by the reservation or Savings Plan they pay for (its ARN).
COMMITMENT_FEE_TYPES = ("RIFee", "SavingsPlanRecurringFee", "Fee", "SavingsPlanUpfrontFee")


@dataclass(frozen=True, order=True)
class ChargeIdentity:
    """What makes this month's period charge the same charge as last month's: its billing identity, never its
    amount. `commitment` is the reservation or Savings Plan ARN of a commitment fee ("" for other charges, and
    for the rest of a kind whose lines name no ARN)."""

    charge_class: ChargeClass
    account: str
    service: str
    usage_type: str
    commitment: str = ""

    @property
    def proportional(self) -> bool:
        """Priced as a share of the month's charges (tax, Support plans): see `proportional`."""
        return proportional(self.charge_class, self.service, self.usage_type)


@dataclass(frozen=True)
class PeriodLedger:
    """Period charges by billing identity and day (commitment fees apart per ARN: one ARN's month spread over
    the days its kind posted in that month), and per (account, month) the charges a Support plan is priced on:
    usage, recurring and one-time fees, neither tax, credits, refunds nor Support itself (AWS Support pricing:
    a share of the month's AWS charges, each member account on its own)."""

    charges: dict[ChargeIdentity, dict[date, float]]
    support_base: dict[tuple[str, date], float]

    def month_total(self, identity: ChargeIdentity, month: date) -> float:
        end = add_months(month, 1)
        return sum(c for d, c in self.charges.get(identity, {}).items() if month <= d < end)

    def first_posting(self, identity: ChargeIdentity, month: date) -> date | None:
        """The first day of `month` the charge posted on (None: not in that month)."""
        end = add_months(month, 1)
        days = [d for d, c in self.charges.get(identity, {}).items() if month <= d < end and abs(c) >= EPSILON]
        return min(days) if days else None


def period_ledger(
    store: BillingStore, months: TimeRange, through: date, filters: Sequence[Filter] = ()
) -> PeriodLedger:
    """The period charges of the months of `months` posted before `through`, inside `filters`, by billing
    identity (`ChargeIdentity`), in unblended cost (what the invoice says); three store reads."""
    flt = tuple(filters)
    by_kind = _period_days(store, months, flt, CostBasis.UNBLENDED, through, by_account=True)
    usage = store.aggregate(
        AggregateRequest(
            months,
            group_by=(_ACCOUNT,),
            filters=(*flt, USAGE_ONLY),
            basis=CostBasis.UNBLENDED,
            granularity=Granularity.DAY,
        )
    )
    base: dict[tuple[str, date], float] = defaultdict(float)
    for row in usage:
        if row.bucket is not None and row.bucket.date() < through:
            base[(row.keys[0], month_start(row.bucket.date()))] += row.cost
    for (cls, account, service, _usage_type), by_day in by_kind.items():
        if cls in (ChargeClass.RECURRING, ChargeClass.ONE_TIME) and not is_support_product(service):
            for d, c in by_day.items():
                base[(account, month_start(d))] += c
    sums = (
        store.line_item_sums(
            LineItemSumsRequest(
                TimeRange(months.start, min(months.end, through)),
                keys=(
                    "billing_period",
                    "line_item_type",
                    "sub_account_id",
                    "service_name",
                    "usage_type",
                    "reservation_arn",
                    "savings_plan_arn",
                ),
                line_item_types=COMMITMENT_FEE_TYPES,
                filters=(*flt, PERIOD_CHARGES),
            )
        )
        if months.start < through
        else []
    )
    charges: dict[ChargeIdentity, dict[date, float]] = {
        ChargeIdentity(cls, account, service, usage_type): dict(by_day)
        for (cls, account, service, usage_type), by_day in by_kind.items()
    }
    for s in sums:
        period, kind, account, service, usage_type, ri_arn, sp_arn = s.keys
        arn = ri_arn or sp_arn
        if not arn or abs(s.billed_cost) < EPSILON:
            continue
        cls = ChargeClass.RECURRING if kind in ("RIFee", "SavingsPlanRecurringFee") else ChargeClass.ONE_TIME
        month = month_start(date.fromisoformat(period[:10]))
        _split_commitment(charges, ChargeIdentity(cls, account, service, usage_type), arn, month, s.billed_cost)
    return PeriodLedger(charges, dict(base))


def _split_commitment(
    charges: dict[ChargeIdentity, dict[date, float]], parent: ChargeIdentity, arn: str, month: date, amount: float
) -> None:
    """Move `amount` of a commitment's fee in `month` from its kind's identity to the commitment's own, spread
    over the days the kind posted in that month as they were (left alone when those posts cannot hold it)."""
    days = charges.get(parent)
    if not days:
        return
    end = add_months(month, 1)
    posted = sorted(d for d, c in days.items() if month <= d < end and abs(c) >= EPSILON)
    in_month = sum(days[d] for d in posted)
    if not posted or abs(in_month) + EPSILON < abs(amount) or (in_month > 0) != (amount > 0):
        return
    own = charges.setdefault(replace(parent, commitment=arn), {})
    for d in posted:
        part = days[d] * amount / in_month
        days[d] -= part
        own[d] = own.get(d, 0.0) + part
    if all(abs(c) < EPSILON for c in days.values()):
        del charges[parent]
