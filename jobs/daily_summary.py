"""Daily spend summary, posted to each `daily` subscription at its time (default 09:00 in its time zone).

For the day before the subscription's local date ("yesterday"): usage-driven spend vs its 7-day average and the
same weekday last week, the period charges booked that day on their own line (the Support, RI and Savings Plans
fees, tax and credits of the 1st are not a day's usage), month to date vs the same days last month, the
month-end forecast (`bot.billing.pace`, the same numbers `/cost` and budget alerts show), top movers by service
(usage-driven, vs their own 7-day average), the untagged share, data freshness and whether the period is final.
A day the export has not reached yet says so instead of $0.00. All filtered by the subscription's filters (the
query grammar, e.g. `account=prod tag:team=web`).

`compute_daily_summary()` and `render_daily_summary()` are pure functions of the store and their arguments;
`run()` finds the subscriptions that are due and delivers each one exactly once (key: daily, channel,
`<yesterday>/<subscription id>`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.billing.charges import CHARGE_CLASS, PERIOD_CHARGES, USAGE_ONLY, ChargeClass, parse_charge_class
from bot.billing.grammar import parse_query
from bot.billing.model import (
    AggregateRequest,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    Forecast,
    Freshness,
    Granularity,
    TimeRange,
)
from bot.billing.money import format_pct
from bot.billing.pace import compute_pace, covers, data_until, day_status
from bot.errors import UserFacingError
from bot.scheduler import JobContext, latest_occurrence, local_date
from bot.slack.blocks import Message, context, fields, header, message, section
from bot.slack.render import Money, freshness_text
from bot.state.deliveries import DeliveryKey, get_delivery
from bot.state.subscriptions import Subscription, list_subscriptions
from bot.store.base import BillingStore

log = logging.getLogger(__name__)

JOB_ID = "daily_summary"
#: Movers shown each way, and period charges named on their line.
TOP_MOVERS = 3
TOP_CHARGES = 4
#: Changes smaller than a cent are not movement.
MIN_MOVE = 0.005

_SERVICE = DimensionRef(Dimension.SERVICE)


@dataclass(frozen=True)
class Mover:
    """A service whose usage-driven cost on the day moved against its own 7-day average."""

    service: str
    cost: float
    average: float

    @property
    def change(self) -> float:
        return self.cost - self.average


@dataclass(frozen=True)
class PeriodCharge:
    """Period charges of one kind and service booked on the day (a fee, tax, a credit)."""

    charge_class: ChargeClass
    service: str
    cost: float


@dataclass(frozen=True)
class DailySummary:
    """The numbers of one daily summary (costs in the store's currency, `basis`).

    `usage` is the day's usage-driven spend, the one compared with `average_7d` (the mean of the previous seven
    days the store holds data for; None when it holds none) and `same_weekday` (None: no data that day);
    `period_charges` (sorted by size) sum to `period_total`; `spend == usage + period_total`. `status` is
    `complete`, `partial` or `no data` (the export has not reached the day).
    """

    day: date
    filters_text: str
    basis: CostBasis
    status: str
    spend: float
    usage: float
    average_7d: float | None
    same_weekday: float | None
    period_total: float
    period_charges: tuple[PeriodCharge, ...]
    month_to_date: float
    previous_month_to_date: float | None
    forecast: Forecast | None
    movers_up: tuple[Mover, ...]
    movers_down: tuple[Mover, ...]
    untagged_key: str | None
    untagged_share: float | None
    freshness: Freshness
    data_until: datetime | None = None  # how far the store's data reaches (all periods)

    @property
    def complete(self) -> bool:
        """The store has usage up to the end of `day`."""
        return self.status == "complete"


def _pct(now: float, then: float) -> float | None:
    return None if not then else (now - then) / abs(then) * 100


def compute_daily_summary(
    store: BillingStore,
    day: date,
    filters: Sequence[Filter] = (),
    *,
    basis: CostBasis = CostBasis.UNBLENDED,
    filters_text: str = "",
) -> DailySummary:
    """The summary of UTC day `day` for line items matching `filters` (a handful of store queries)."""
    filters = tuple(filters)
    next_day = day + timedelta(days=1)
    week = TimeRange(day - timedelta(days=7), next_day)
    freshness = store.freshness()
    status = day_status(freshness, day)

    # Usage-driven spend per service and day over the week: the day, its average and the movers.
    per_service: dict[str, dict[date, float]] = defaultdict(lambda: defaultdict(float))
    for r in store.aggregate(
        AggregateRequest(week, (_SERVICE,), (*filters, USAGE_ONLY), basis, granularity=Granularity.DAY)
    ):
        if r.bucket is not None:
            per_service[r.keys[0]][r.bucket.date()] += r.cost
    usage_by_day: dict[date, float] = defaultdict(float)
    for days in per_service.values():
        for d, c in days.items():
            usage_by_day[d] += c
    # Only days the store holds data for count in the average: before the first export there is nothing, not $0.
    previous_days = (day - timedelta(days=i) for i in range(1, 8))
    known = [d for d in previous_days if covers(freshness, TimeRange(d, d + timedelta(days=1)))]
    usage = usage_by_day.get(day, 0.0)
    average = sum(usage_by_day.get(d, 0.0) for d in known) / len(known) if known else None
    before = day - timedelta(days=7)
    same_weekday = usage_by_day.get(before, 0.0) if before in known else None
    movers = [
        Mover(name, costs.get(day, 0.0), sum(costs.get(d, 0.0) for d in known) / len(known))
        for name, costs in per_service.items()
        if known
    ]
    # Rounded before ordering so float noise never decides between equal moves (ties go by name).
    up = sorted((m for m in movers if m.change >= MIN_MOVE), key=lambda m: (-round(m.change, 6), m.service))
    down = sorted((m for m in movers if m.change <= -MIN_MOVE), key=lambda m: (round(m.change, 6), m.service))

    charges = [
        PeriodCharge(parse_charge_class(r.keys[0]) or ChargeClass.RECURRING, r.keys[1], r.cost)
        for r in store.aggregate(
            AggregateRequest(TimeRange(day, next_day), (CHARGE_CLASS, _SERVICE), (*filters, PERIOD_CHARGES), basis)
        )
        if abs(r.cost) >= MIN_MOVE
    ]
    charges.sort(key=lambda c: (-abs(c.cost), c.service, c.charge_class))
    period_total = sum(c.cost for c in charges)

    pace = compute_pace(store, next_day, filters, basis=basis, month=day, through=next_day)

    coverage = store.tag_coverage(TimeRange(day, next_day), filters)
    best = max(coverage, key=lambda c: (c.tagged_cost, c.key), default=None)
    untagged_key = best.key if best is not None and best.total_cost else None
    untagged_share = 1.0 - best.coverage if best is not None and best.total_cost else None

    return DailySummary(
        day=day,
        filters_text=filters_text,
        basis=basis,
        status=status,
        spend=usage + period_total,
        usage=usage,
        average_7d=average,
        same_weekday=same_weekday,
        period_total=period_total,
        period_charges=tuple(charges),
        month_to_date=pace.month_to_date,
        previous_month_to_date=pace.previous_to_date,
        forecast=pace.forecast,
        movers_up=tuple(up[:TOP_MOVERS]),
        movers_down=tuple(down[:TOP_MOVERS]),
        untagged_key=untagged_key,
        untagged_share=untagged_share,
        freshness=store.freshness(TimeRange(day, next_day)),
        data_until=data_until(freshness),
    )


def _versus(money: Money, now: float, then: float | None) -> str:
    if then is None:
        return "no data"
    return f"{money.change(now - then)} ({format_pct(_pct(now, then))})"


def _tag_label(key: str) -> str:
    return key.removeprefix("user:")


def _charges_line(s: DailySummary, money: Money) -> str:
    """`*Plus $3,432.00 of period charges* (fees, tax, credits) booked on the 1st: AWS Support (Business)
    recurring fees $1,029.00, ...`: what the day's usage comparisons leave out, named."""
    when = "on the 1st" if s.day.day == 1 else "this day"
    named = [f"{c.service} {c.charge_class.label} {money(c.cost)}" for c in s.period_charges[:TOP_CHARGES]]
    rest = len(s.period_charges) - TOP_CHARGES
    if rest > 0:
        named.append(f"{rest} more {money(sum(c.cost for c in s.period_charges[TOP_CHARGES:]))}")
    return f"*Plus {money(s.period_total)} of period charges* (fees, tax, credits) booked {when}: " + ", ".join(named)


def render_daily_summary(summary: DailySummary, money: Money) -> Message:
    """The Block Kit message (and its text fallback) of a daily summary."""
    s = summary
    scope = s.filters_text or "all accounts"
    title = f"Daily spend {s.day:%a %Y-%m-%d} · {scope}"
    if s.status == "no data":
        reach = "it has no data at all" if s.data_until is None else f"it reaches {s.data_until:%Y-%m-%d %H:%M} UTC"
        text = f"No billing data for {s.day:%a %Y-%m-%d} yet: the export has not reached that day ({reach})."
        blocks = [header(title), section(text), context(f"{s.basis.value} cost · {freshness_text(s.freshness)}")]
        return message(f"{title}: no data yet", blocks)
    partial = s.status == "partial"
    later = "partial day: compared once complete"
    facts = [
        f"*Usage-driven spend*\n{money(s.usage)}" + (" so far" if partial else ""),
        f"*vs 7-day average* ({'no data' if s.average_7d is None else money(s.average_7d)})\n"
        + (later if partial else _versus(money, s.usage, s.average_7d)),
        f"*vs {s.day - timedelta(days=7):%a %m-%d}* ({'no data' if s.same_weekday is None else money(s.same_weekday)})"
        + "\n"
        + (later if partial else _versus(money, s.usage, s.same_weekday)),
        f"*Month to date*\n{money(s.month_to_date)}",
        f"*vs same point last month* "
        f"({'no data' if s.previous_month_to_date is None else money(s.previous_month_to_date)})\n"
        f"{_versus(money, s.month_to_date, s.previous_month_to_date)}",
    ]
    if s.forecast is not None:
        f = s.forecast
        facts.append(f"*Month-end forecast*\n{money(f.expected)} ({money(f.low)} – {money(f.high)})")
    blocks = [header(title), *fields(facts)]
    if s.period_charges:
        blocks.append(section(_charges_line(s, money)))

    def mover_line(m: Mover, arrow: str) -> str:
        return f"{arrow} {m.service}: {money(m.cost)} vs {money(m.average)} avg ({money.change(m.change)})"

    lines = [mover_line(m, ":arrow_up:") for m in s.movers_up] + [mover_line(m, ":arrow_down:") for m in s.movers_down]
    if lines and not partial:
        blocks.append(section("*Top movers* (usage-driven, vs their 7-day average)\n" + "\n".join(lines)))
    untagged = (
        f"untagged ({_tag_label(s.untagged_key)}): {format_pct(s.untagged_share * 100, signed=False)}"
        if s.untagged_key is not None and s.untagged_share is not None
        else "no tags on this day's costs"
    )
    state = "complete day" if s.complete else "partial day (data still arriving)"
    final = "final" if s.freshness.final else "estimated"
    blocks.append(context(f"{s.basis.value} cost · {untagged} · {state}, {final} · {freshness_text(s.freshness)}"))
    versus = later if partial else f"{_versus(money, s.usage, s.average_7d)} vs 7-day average"
    text = (
        f"{title}: {money(s.usage)} usage-driven ({versus})"
        + (f", plus {money(s.period_total)} of period charges" if s.period_charges else "")
        + f"; month to date {money(s.month_to_date)}"
        + (f", forecast {money(s.forecast.expected)}" if s.forecast is not None else "")
    )
    return message(text, blocks)


def build_daily_summary(
    store: BillingStore,
    day: date,
    filters: Sequence[Filter] = (),
    *,
    basis: CostBasis = CostBasis.UNBLENDED,
    filters_text: str = "",
    money: Money | None = None,
) -> Message:
    """compute + render: the message for UTC day `day` (pure: store in, message out)."""
    summary = compute_daily_summary(store, day, filters, basis=basis, filters_text=filters_text)
    return render_daily_summary(summary, money or Money())


def error_message(subscription: Subscription, error: UserFacingError) -> Message:
    """What a channel sees when its subscription's filters no longer parse (a renamed account, a gone tag)."""
    text = f"Daily summary skipped: the filters `{subscription.filters}` no longer work. {error.user_text()}"
    return message(text, [section(f":warning: {text}")])


def due_day(subscription: Subscription, now: datetime) -> date | None:
    """The day whose summary is due for `subscription` at `now` (None when nothing is due yet).

    The latest scheduled moment at or before `now` (its `at_time` in its zone) counts when it falls after the
    subscription was created; the summary reports the local day before it. Only the latest moment is ever due:
    after an outage, one catch-up, not one per missed day.
    """
    moment = latest_occurrence(now, subscription.at_time, subscription.timezone)
    if moment < subscription.created_at:
        return None
    return local_date(moment, subscription.timezone) - timedelta(days=1)


def delivery_key(subscription: Subscription, day: date) -> DeliveryKey:
    return DeliveryKey(JOB_ID, subscription.channel_id, f"{day.isoformat()}/{subscription.id}")


def run(ctx: JobContext) -> None:
    """Deliver every due daily summary exactly once (one store computation per distinct filters and day)."""
    services = ctx.services
    now = ctx.now()
    cache: dict[tuple[str, date], Message] = {}
    for sub in list_subscriptions(services.state, kind="daily"):
        day = due_day(sub, now)
        if day is None:
            continue
        key = delivery_key(sub, day)
        done = get_delivery(services.state, key)
        if done is not None and done.status == "sent":
            continue  # the common case on every due check after the post: no store query at all
        cached = cache.get((sub.filters, day))
        if cached is None:
            try:
                query = parse_query(
                    sub.filters,
                    today=day,
                    vocabulary=services.vocabulary.get(),
                    default_basis=services.settings.cost_basis,
                )
                cached = build_daily_summary(
                    services.store, day, query.filters, basis=query.basis, filters_text=sub.filters, money=Money()
                )
            except UserFacingError as exc:
                cached = error_message(sub, exc)
            cache[(sub.filters, day)] = cached
        outcome = ctx.deliverer.post_message(key, cached)
        if outcome.outcome == "failed":
            log.warning("daily summary to %s failed: %s", sub.channel_id, outcome.error)
