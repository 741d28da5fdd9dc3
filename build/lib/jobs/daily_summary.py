"""Daily spend summary, posted to each `daily` subscription at its time (default 09:00 in its time zone).

For the day before the subscription's local date ("yesterday"): usage-driven spend vs its 7-day average and the
same weekday last week, the period charges booked that day on their own line (the Support, RI and Savings Plans
fees, tax and credits of the 1st are not a day's usage), month to date vs the same days last month, the
month-end forecast (`bot.billing.pace`, the same numbers `/cost` and budget alerts show), top movers by service
(usage-driven, vs their own 7-day average), the untagged share of taggable usage and what is not taggable, data
freshness and whether the period is final; amounts in the currency of the line items. A day the export has not
reached yet says so instead of $0.00. All filtered by the subscription's filters (the query grammar, e.g.
`account=prod tag:team=web`).

`compute_daily_summary()` and `render_daily_summary()` are pure functions of the store and their arguments;
`run()` finds the subscriptions that are due and delivers each one exactly once (key: daily, channel,
`<yesterday>/<subscription id>`).

Delivery (`POLICY`): a summary is still worth posting up to two days after it was due; from 15 minutes late on
it says so ("Posted late: due Mon Nov 23, 09:00 CET, 2 h 5 min ago ..."). After downtime every missed day within
those two days is posted, oldest first, each under its own key (one message per day, as on any other day).
When an earlier attempt may have posted and the channel cannot be read, it posts again: a rare duplicate
beats a missing report.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.billing.basis import require_basis
from bot.billing.charges import CHARGE_CLASS, PERIOD_CHARGES, USAGE_ONLY, ChargeClass, parse_charge_class
from bot.billing.currency import currency_scope
from bot.billing.dates import day_text
from bot.billing.model import (
    TAGGABLE,
    TAX_SERVICE,
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
from bot.billing.money import Money, format_pct, round_money
from bot.billing.pace import compute_pace, covers, data_until, day_status
from bot.billing.periods import add_months, month_start
from bot.billing.store import BillingStore
from bot.delivery import DeliveryPolicy, Due
from bot.errors import UserFacingError
from bot.scheduler import JobContext, latest_occurrence, local_date, occurrences
from bot.slack.blocks import Message, context, fields, header, message, section
from bot.slack.render import freshness_text
from bot.state.deliveries import DeliveryKey, get_deliveries
from bot.state.subscriptions import Subscription, list_subscriptions

log = logging.getLogger(__name__)

JOB_ID = "daily_summary"
#: Movers shown each way, and period charges named on their line.
TOP_MOVERS = 3
TOP_CHARGES = 4
#: Changes smaller than a cent are not movement.
MIN_MOVE = 0.005
#: Worth posting up to two days late (then the next summaries and the weekly digest carry the news); says so
#: from 15 minutes late; when a doubtful earlier attempt cannot be checked, posts (a duplicate beats a gap).
POLICY = DeliveryPolicy(deadline=timedelta(days=2), late_after=timedelta(minutes=15), when_unreadable="post")

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
    """The numbers of one daily summary (costs in `currency`, the line items' own, in `basis`).

    `usage` is the day's usage-driven spend, the one compared with `average_7d` (the mean of the previous seven
    days the store holds data for; None when it holds none) and `same_weekday` (None: no data that day);
    `period_charges` (sorted by size) sum to `period_total`; `spend == usage + period_total`. `status` is
    `complete`, `partial` or `no data` (the export has not reached the day). `untagged_share` is of the day's
    taggable (usage-driven) cost; `not_taggable` is the day's cost nobody can tag (fees, tax, credits).
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
    not_taggable: float = 0.0
    currency: str = "USD"

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
    """The summary of UTC day `day` for line items matching `filters` (a handful of store queries).

    Raises `MixedCurrencies` when they span several currencies, `BasisUnavailable` for net without net cost.
    """
    next_day = day + timedelta(days=1)
    the_day = TimeRange(day, next_day)
    require_basis(store, basis, the_day)
    # The currency of what the summary compares: the week before the day, this month and the month before.
    compared = TimeRange(min(add_months(month_start(day), -1), day - timedelta(days=7)), next_day)
    scope = currency_scope(store, compared, filters)
    filters = scope.filters
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
        for r in store.aggregate(AggregateRequest(the_day, (CHARGE_CLASS, _SERVICE), (*filters, PERIOD_CHARGES), basis))
        if abs(r.cost) >= MIN_MOVE
    ]
    charges.sort(key=lambda c: (-abs(c.cost), c.service, c.charge_class))
    period_total = sum(c.cost for c in charges)

    pace = compute_pace(store, next_day, filters, basis=basis, month=day, through=next_day)

    # The untagged share is of what could be tagged; fees, tax and credits are "not taggable".
    coverage = store.tag_coverage(the_day, (*filters, TAGGABLE))
    best = max(coverage, key=lambda c: (c.tagged_cost, c.key), default=None)
    untagged_key = best.key if best is not None and best.total_cost else None
    untagged_share = 1.0 - best.coverage if best is not None and best.total_cost else None
    taggable = sum(r.cost for r in store.aggregate(AggregateRequest(the_day, filters=(*filters, TAGGABLE))))
    everything = sum(r.cost for r in store.aggregate(AggregateRequest(the_day, filters=filters)))

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
        freshness=store.freshness(the_day),
        data_until=data_until(freshness),
        not_taggable=everything - taggable,
        currency=scope.currency,
    )


def _versus(money: Money, now: float, then: float | None) -> str:
    if then is None:
        return "no data"
    return f"{money.change(now - then)} ({format_pct(_pct(now, then))})"


def _tag_label(key: str) -> str:
    return key.removeprefix("user:")


def _charge_name(c: PeriodCharge) -> str:
    """`AWS Support (Business) recurring fees`; tax, being its own service line (`Tax`), reads `tax`."""
    return c.charge_class.label if c.service == TAX_SERVICE else f"{c.service} {c.charge_class.label}"


def _charges_line(s: DailySummary, money: Money) -> str:
    """`*Plus $3,432.00 of period charges* (fees, tax, credits) booked on the 1st: AWS Support (Business)
    recurring fees $1,029.00, tax $190.00, ...`: what the day's usage comparisons leave out, named."""
    when = "on the 1st" if s.day.day == 1 else "this day"
    named = [f"{_charge_name(c)} {money(c.cost)}" for c in s.period_charges[:TOP_CHARGES]]
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
    week_ago = day_text(s.day - timedelta(days=7), weekday=True)
    facts = [
        f"*Usage-driven spend*\n{money(s.usage)}" + (" so far" if partial else ""),
        f"*vs 7-day average* ({'no data' if s.average_7d is None else money(s.average_7d)})\n"
        + (later if partial else _versus(money, s.usage, s.average_7d)),
        f"*vs {week_ago}* ({'no data' if s.same_weekday is None else money(s.same_weekday)})"
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
        f"untagged ({_tag_label(s.untagged_key)}): {format_pct(s.untagged_share * 100, signed=False)} of taggable usage"
        if s.untagged_key is not None and s.untagged_share is not None
        else "no tags on this day's costs"
    )
    if round_money(s.not_taggable):
        untagged += f", {money(s.not_taggable)} not taggable"
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
    """compute + render: the message for UTC day `day` (pure: store in, message out), in the line items'
    currency unless `money` says otherwise."""
    summary = compute_daily_summary(store, day, filters, basis=basis, filters_text=filters_text)
    return render_daily_summary(summary, money or Money(summary.currency))


def error_message(subscription: Subscription, error: UserFacingError) -> Message:
    """What a channel sees when its subscription's filters no longer parse (a renamed account, a gone tag), or
    when the data cannot answer as asked (several currencies, net cost the export does not have)."""
    why = f"the filters `{subscription.filters}` no longer work. " if subscription.filters else ""
    text = f"Daily summary skipped: {why}{error.user_text()}"
    return message(text, [section(f":warning: {text}")])


def due_day(subscription: Subscription, now: datetime) -> date | None:
    """The day whose summary is due for `subscription` at `now` (None when nothing is due yet).

    The latest scheduled moment at or before `now` (its `at_time` in its zone) counts when it falls after the
    subscription was created; the summary reports the local day before it. (`due_moments` lists the earlier
    ones still worth catching up.)
    """
    moment = latest_occurrence(now, subscription.at_time, subscription.timezone)
    if moment < subscription.created_at:
        return None
    return local_date(moment, subscription.timezone) - timedelta(days=1)


def due_moments(subscription: Subscription, now: datetime) -> list[datetime]:
    """Every scheduled moment of `subscription` at or before `now` whose summary is still worth posting (within
    `POLICY.deadline`, and after the subscription was created), oldest first."""
    since = max(subscription.created_at - timedelta(microseconds=1), now - POLICY.deadline)
    return occurrences(now, since, subscription.at_time, subscription.timezone)


def report_day(subscription: Subscription, moment: datetime) -> date:
    """The day a summary posted at `moment` reports: the local day before it."""
    return local_date(moment, subscription.timezone) - timedelta(days=1)


def due_label(moment: datetime, timezone: str) -> str:
    """`Mon Nov 23, 09:00 CET`: when a summary was due, in the subscription's zone."""
    local = moment.astimezone(ZoneInfo(timezone))
    return f"{day_text(local, weekday=True)}, {local:%H:%M} {local.tzname()}"


def delivery_key(subscription: Subscription, day: date) -> DeliveryKey:
    return DeliveryKey(JOB_ID, subscription.channel_id, f"{day.isoformat()}/{subscription.id}")


def run(ctx: JobContext) -> None:
    """Deliver every due daily summary exactly once, catching up the missed ones still worth posting (one store
    computation per distinct filters and day, only for summaries that may be posted now)."""
    services = ctx.services
    now = ctx.now()
    cache: dict[tuple[str, date], Message] = {}
    for sub in list_subscriptions(services.state, kind="daily"):
        due = {delivery_key(sub, report_day(sub, m)): m for m in due_moments(sub, now)}
        records = get_deliveries(services.state, due)
        for key, moment in due.items():
            record = records.get(key)
            if record is not None and not record.claimable(now, ctx.deliverer.stale_after):
                continue  # sent, given up, backing off or being posted: no store query at all
            day = report_day(sub, moment)
            cached = cache.get((sub.filters, day))
            if cached is None:
                try:
                    query = services.parse_filters(sub.filters, today=day)
                    cached = build_daily_summary(
                        services.store, day, query.filters, basis=query.basis, filters_text=sub.filters
                    )
                except UserFacingError as exc:
                    cached = error_message(sub, exc)
                cache[(sub.filters, day)] = cached
            outcome = ctx.deliverer.post_message(
                key, cached, policy=POLICY, due=Due(moment, due_label(moment, sub.timezone))
            )
            if outcome.outcome in ("failed", "expired"):
                log.warning("daily summary to %s %s: %s", sub.channel_id, outcome.outcome, outcome.error)
