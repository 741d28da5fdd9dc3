"""Daily spend summary, posted to each `daily` subscription at its time (default 09:00 in its time zone).

For the day before the subscription's local date ("yesterday"): spend vs the 7-day average and the same weekday
last week, month to date vs the same point last month, the month-end forecast, top movers by service (yesterday
vs their 7-day average), the untagged share of taggable usage and what is not taggable, data freshness and whether
the period is final; amounts in the currency of the line items. All filtered by the
subscription's filters (the query grammar, e.g. `account=prod tag:team=web`).

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
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.billing.basis import require_basis
from bot.billing.currency import currency_scope
from bot.billing.forecast import forecast_month
from bot.billing.grammar import parse_query
from bot.billing.model import (
    TAGGABLE,
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
from bot.billing.periods import add_months, month_start
from bot.delivery import DeliveryPolicy, Due
from bot.errors import UserFacingError
from bot.scheduler import JobContext, latest_occurrence, local_date, occurrences
from bot.slack.blocks import Message, context, fields, header, message, section
from bot.slack.render import freshness_text
from bot.state.deliveries import DeliveryKey, get_deliveries
from bot.state.subscriptions import Subscription, list_subscriptions
from bot.store.base import BillingStore

log = logging.getLogger(__name__)

JOB_ID = "daily_summary"
#: Days of history before the month that the forecast uses for weekday factors (as bot.billing.query does).
FORECAST_HISTORY_DAYS = 56
#: Movers shown each way.
TOP_MOVERS = 3
#: Changes smaller than a cent are not movement.
MIN_MOVE = 0.005
#: Worth posting up to two days late (then the next summaries and the weekly digest carry the news); says so
#: from 15 minutes late; when a doubtful earlier attempt cannot be checked, posts (a duplicate beats a gap).
POLICY = DeliveryPolicy(deadline=timedelta(days=2), late_after=timedelta(minutes=15), when_unreadable="post")


@dataclass(frozen=True)
class Mover:
    """A service whose cost yesterday moved against its own 7-day average."""

    service: str
    cost: float
    average: float

    @property
    def change(self) -> float:
        return self.cost - self.average


@dataclass(frozen=True)
class DailySummary:
    """The numbers of one daily summary (costs in the store's currency, `basis`)."""

    day: date
    filters_text: str
    basis: CostBasis
    spend: float
    average_7d: float
    same_weekday: float
    month_to_date: float
    previous_month_to_date: float
    forecast: Forecast | None
    movers_up: tuple[Mover, ...]
    movers_down: tuple[Mover, ...]
    untagged_key: str | None
    untagged_share: float | None  # of the day's taggable (usage-driven) cost
    freshness: Freshness
    complete: bool  # the store has usage up to the end of `day`
    not_taggable: float = 0.0  # the day's cost nobody can tag (fees, tax, credits)
    currency: str = "USD"


def _pct(now: float, then: float) -> float | None:
    return None if not then else (now - then) / abs(then) * 100


def compute_daily_summary(
    store: BillingStore, day: date, filters: Sequence[Filter] = (), *, basis: CostBasis = CostBasis.UNBLENDED,
    filters_text: str = "",
) -> DailySummary:  # fmt: skip
    """The summary of UTC day `day` for line items matching `filters` (a handful of store queries).

    Raises `MixedCurrencies` when they span several currencies, `BasisUnavailable` for net without net cost.
    """
    month = month_start(day)
    next_day = day + timedelta(days=1)
    span = TimeRange(min(month - timedelta(days=FORECAST_HISTORY_DAYS), day - timedelta(days=7)), next_day)
    require_basis(store, basis, TimeRange(day, next_day))
    scope = currency_scope(store, span, filters)
    filters = scope.filters
    rows = store.aggregate(AggregateRequest(span, filters=filters, basis=basis, granularity=Granularity.DAY))
    by_day: dict[date, float] = defaultdict(float)
    for r in rows:
        if r.bucket is not None:
            by_day[r.bucket.date()] += r.cost

    def total(start: date, end: date) -> float:
        return sum(by_day.get(start + timedelta(days=i), 0.0) for i in range((end - start).days))

    spend = by_day.get(day, 0.0)
    average = total(day - timedelta(days=7), day) / 7
    same_weekday = by_day.get(day - timedelta(days=7), 0.0)
    mtd = total(month, next_day)
    previous_month = add_months(month, -1)
    previous_mtd = total(previous_month, min(previous_month + timedelta(days=day.day), month))

    freshness = store.freshness(TimeRange(day, next_day))
    until = freshness.data_until
    complete = until is not None and until.astimezone(UTC) >= datetime.combine(next_day, datetime.min.time(), UTC)
    month_freshness = store.freshness(TimeRange(month, add_months(month, 1)))
    data_day = month if month_freshness.data_until is None else month_freshness.data_until.astimezone(UTC).date()
    cutoff = min(max(data_day, month), next_day)
    daily = [(d, c) for d, c in by_day.items() if month <= d < cutoff]
    history = [(d, c) for d, c in by_day.items() if d < month]
    forecast = forecast_month(daily, month, cutoff, history=history) if rows else None

    service = DimensionRef(Dimension.SERVICE)
    week = TimeRange(day - timedelta(days=7), next_day)
    per_service: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for r in store.aggregate(
        AggregateRequest(week, group_by=(service,), filters=filters, basis=basis, granularity=Granularity.DAY)
    ):
        if r.bucket is None:
            continue
        per_service[r.keys[0]][0 if r.bucket.date() == day else 1] += r.cost
    movers = [Mover(name, costs[0], costs[1] / 7) for name, costs in per_service.items()]
    # Rounded before ordering so float noise never decides between equal moves (ties go by name).
    up = sorted((m for m in movers if m.change >= MIN_MOVE), key=lambda m: (-round(m.change, 6), m.service))
    down = sorted((m for m in movers if m.change <= -MIN_MOVE), key=lambda m: (round(m.change, 6), m.service))

    # The untagged share is of what could be tagged; fees, tax and credits are "not taggable".
    the_day = TimeRange(day, next_day)
    coverage = store.tag_coverage(the_day, (*filters, TAGGABLE))
    best = max(coverage, key=lambda c: (c.tagged_cost, c.key), default=None)
    untagged_key = best.key if best is not None and best.total_cost else None
    untagged_share = 1.0 - best.coverage if best is not None and best.total_cost else None
    taggable = sum(r.cost for r in store.aggregate(AggregateRequest(the_day, filters=(*filters, TAGGABLE))))
    everything = sum(r.cost for r in store.aggregate(AggregateRequest(the_day, filters=filters)))

    return DailySummary(
        day=day, filters_text=filters_text, basis=basis, spend=spend, average_7d=average, same_weekday=same_weekday,
        month_to_date=mtd, previous_month_to_date=previous_mtd, forecast=forecast,
        movers_up=tuple(up[:TOP_MOVERS]), movers_down=tuple(down[:TOP_MOVERS]), untagged_key=untagged_key,
        untagged_share=untagged_share, freshness=freshness, complete=complete, not_taggable=everything - taggable,
        currency=scope.currency,
    )  # fmt: skip


def _versus(money: Money, now: float, then: float) -> str:
    return f"{money.change(now - then)} ({format_pct(_pct(now, then))})"


def _tag_label(key: str) -> str:
    return key.removeprefix("user:")


def render_daily_summary(summary: DailySummary, money: Money) -> Message:
    """The Block Kit message (and its text fallback) of a daily summary."""
    s = summary
    scope = s.filters_text or "all accounts"
    title = f"Daily spend {s.day:%a %Y-%m-%d} · {scope}"
    facts = [
        f"*Spend*\n{money(s.spend)}",
        f"*vs 7-day average* ({money(s.average_7d)})\n{_versus(money, s.spend, s.average_7d)}",
        f"*vs {s.day - timedelta(days=7):%a %m-%d}* ({money(s.same_weekday)})\n"
        f"{_versus(money, s.spend, s.same_weekday)}",
        f"*Month to date*\n{money(s.month_to_date)}",
        f"*vs same point last month* ({money(s.previous_month_to_date)})\n"
        f"{_versus(money, s.month_to_date, s.previous_month_to_date)}",
    ]
    if s.forecast is not None:
        f = s.forecast
        facts.append(f"*Month-end forecast*\n{money(f.expected)} ({money(f.low)} – {money(f.high)})")
    blocks = [header(title), *fields(facts)]

    def mover_line(m: Mover, arrow: str) -> str:
        return f"{arrow} {m.service}: {money(m.cost)} vs {money(m.average)} avg ({money.change(m.change)})"

    lines = [mover_line(m, ":arrow_up:") for m in s.movers_up] + [mover_line(m, ":arrow_down:") for m in s.movers_down]
    if lines:
        blocks.append(section("*Top movers* (vs their 7-day average)\n" + "\n".join(lines)))
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
    text = (
        f"{title}: {money(s.spend)} ({_versus(money, s.spend, s.average_7d)} vs 7-day average); "
        f"month to date {money(s.month_to_date)}"
        + (f", forecast {money(s.forecast.expected)}" if s.forecast is not None else "")
    )
    return message(text, blocks)


def build_daily_summary(
    store: BillingStore, day: date, filters: Sequence[Filter] = (), *, basis: CostBasis = CostBasis.UNBLENDED,
    filters_text: str = "", money: Money | None = None,
) -> Message:  # fmt: skip
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
    return f"{local:%a %b %d, %H:%M} {local.tzname()}"


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
                    query = parse_query(
                        sub.filters,
                        today=day,
                        vocabulary=services.vocabulary.get(),
                        default_basis=services.settings.cost_basis,
                    )
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
