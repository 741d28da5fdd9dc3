"""Budget pace alerts: month to date past 50/75/90/100% of a budget, or a forecast above it.

Each alert goes out once per budget, threshold and month (key: budgets, channel, `<name>/<YYYY-MM>/<threshold>`).
When several thresholds are crossed at once (the first run of a month with late data), one message for the
highest is posted and the lower ones are recorded as covered by it, so a channel never gets three alerts in a
row. The forecast alert (`.../forecast`) goes out once a month, when the month-end forecast exceeds the budget
before the spend itself does.

Recipients: the budget's channel, plus channels subscribed to `budgets` with no filters or with the budget's
filters. Months are UTC calendar months (billing periods).

Delivery (`POLICY`): an alert that failed is retried with back-off for three days (`run_retries`, every minute,
re-evaluates the budgets only when a retry is due); there is nothing to catch up after downtime beyond that,
since each run compares the whole month to date. When an earlier attempt may have posted and the channel cannot
be read, it posts again (a missed budget alert costs more than a doubled one).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, timedelta
from decimal import Decimal

from bot.billing.basis import require_basis
from bot.billing.currency import in_currency
from bot.billing.model import CostBasis, Filter, Forecast, Freshness, TimeRange
from bot.billing.money import Money, format_pct, round_money
from bot.billing.pace import compute_pace
from bot.billing.periods import add_months, month_start
from bot.billing.store import BillingStore
from bot.delivery import DeliveryPolicy
from bot.errors import UserFacingError
from bot.scheduler import JobContext
from bot.slack.blocks import Message, context, header, message, section
from bot.slack.render import freshness_text
from bot.state.budgets import Budget, list_budgets
from bot.state.deliveries import DeliveryKey, due_retries
from bot.state.subscriptions import list_subscriptions

log = logging.getLogger(__name__)

JOB_ID = "budgets"
#: Every minute: reruns the budget check when a failed alert is due for another attempt.
RETRY_JOB_ID = "budgets_retry"
THRESHOLDS = (50, 75, 90, 100)
FORECAST = "forecast"
#: Retried for three days; a doubtful earlier attempt that cannot be checked is posted again.
POLICY = DeliveryPolicy(deadline=timedelta(days=3), when_unreadable="post")


@dataclass(frozen=True)
class BudgetPace:
    """Where one budget stands in `month`."""

    budget_name: str
    amount: Decimal
    currency: str
    filters_text: str
    month: date
    month_to_date: float
    forecast: Forecast | None
    freshness: Freshness

    @property
    def used_pct(self) -> float:
        return self.month_to_date / float(self.amount) * 100

    @property
    def crossed(self) -> tuple[int, ...]:
        """Thresholds the month to date has reached (compared to the cent, so exactly 50% counts)."""
        spent = round_money(self.month_to_date)
        return tuple(t for t in THRESHOLDS if spent * 100 >= self.amount * t)

    @property
    def forecast_over(self) -> bool:
        return self.forecast is not None and self.forecast.expected > float(self.amount)


def compute_budget_pace(
    store: BillingStore,
    budget: Budget,
    month: date,
    filters: Sequence[Filter] = (),
    *,
    basis: CostBasis = CostBasis.UNBLENDED,
    today: date,
) -> BudgetPace:
    """Month to date and month-end forecast of `budget` in `month` as of `today`: the numbers of
    `bot.billing.pace`, the same `/cost` and the daily summary show, counting only amounts in the budget's
    currency. Raises UsageError when the month is billed in another currency, and `BasisUnavailable` for net
    cost without it."""
    month = month_start(month)
    span = TimeRange(month, add_months(month, 1), f"{month:%Y-%m}")
    require_basis(store, basis, span)
    filters = in_currency(store, span, filters, budget.currency)
    pace = compute_pace(store, today, filters, basis=basis, month=month)
    freshness = store.freshness(span)
    return BudgetPace(
        budget.name, budget.amount, budget.currency, budget.filters, month, pace.month_to_date, pace.forecast, freshness
    )


def render_budget_alert(pace: BudgetPace, threshold: int | None) -> Message:
    """The alert for `threshold` (a percentage), or the forecast alert when `threshold` is None."""
    money = Money(pace.currency)
    budget = money(float(pace.amount))
    used = format_pct(pace.used_pct, signed=False)
    if threshold is None:
        title = f"Budget {pace.budget_name}: forecast above budget"
        lead = f"The month-end forecast exceeds the {budget} budget for {pace.month:%B %Y}."
        icon = ":crystal_ball:"
    else:
        title = f"Budget {pace.budget_name}: {threshold}% reached"
        verb = "exceeded" if threshold >= 100 else "passed"
        lead = f"Month-to-date spend {verb} {threshold}% of the {budget} budget for {pace.month:%B %Y}."
        icon = ":rotating_light:" if threshold >= 100 else ":warning:"
    lines = [f"{icon} {lead}", f"*Month to date*: {money(pace.month_to_date)} of {budget} ({used})"]
    if pace.forecast is not None:
        f = pace.forecast
        over = f.expected - float(pace.amount)
        remaining = f.days_in_month - f.days_elapsed
        lines.append(
            f"*Month-end forecast*: {money(f.expected)} ({money(f.low)} – {money(f.high)}), "
            + (f"{money(over)} over budget" if over > 0 else f"{money(-over)} under budget")
            + f", {remaining} day(s) left"
        )
    scope = pace.filters_text or "all accounts"
    blocks = [header(title), section("\n".join(lines)), context(f"{scope} · {freshness_text(pace.freshness)}")]
    text = f"{title}: {money(pace.month_to_date)} of {budget} ({used}) month to date"
    return message(text, blocks)


def delivery_key(channel_id: str, budget_name: str, month: date, threshold: int | str) -> DeliveryKey:
    return DeliveryKey(JOB_ID, channel_id, f"{budget_name}/{month:%Y-%m}/{threshold}")


def recipients(ctx: JobContext, budget: Budget) -> tuple[str, ...]:
    channels = {budget.channel_id}
    for sub in list_subscriptions(ctx.services.state, kind="budgets"):
        if sub.filters in ("", budget.filters):
            channels.add(sub.channel_id)
    return tuple(sorted(channels))


def alert_budget(ctx: JobContext, budget: Budget, pace: BudgetPace) -> None:
    """Post what `pace` calls for to every recipient of `budget`, each alert once per month."""
    for channel in recipients(ctx, budget):
        pending = [
            t for t in pace.crossed if not ctx.deliverer.was_sent(delivery_key(channel, budget.name, pace.month, t))
        ]
        if pending:
            top = pending[-1]
            outcome = ctx.deliverer.post_message(
                delivery_key(channel, budget.name, pace.month, top), render_budget_alert(pace, top), policy=POLICY
            )
            if outcome.outcome in ("sent", "recovered"):
                for t in pending[:-1]:
                    ctx.deliverer.cover(delivery_key(channel, budget.name, pace.month, t), outcome.message_ts)
                if pace.forecast_over:
                    ctx.deliverer.cover(delivery_key(channel, budget.name, pace.month, FORECAST), outcome.message_ts)
            continue
        if pace.forecast_over and 100 not in pace.crossed:
            ctx.deliverer.post_message(
                delivery_key(channel, budget.name, pace.month, FORECAST), render_budget_alert(pace, None), policy=POLICY
            )


def run(ctx: JobContext) -> None:
    """Check every budget for the current UTC month and deliver the alerts that are due."""
    services = ctx.services
    now = ctx.now()
    month = month_start(now.astimezone(UTC).date())
    for budget in list_budgets(services.state):
        try:
            query = services.parse_filters(budget.filters, today=now.date())
        except UserFacingError as exc:
            log.warning("budget %s: filters %r no longer parse: %s", budget.name, budget.filters, exc)
            continue
        try:
            pace = compute_budget_pace(
                services.store, budget, month, query.filters, basis=query.basis, today=now.astimezone(UTC).date()
            )
        except UserFacingError as exc:
            log.warning("budget %s: %s", budget.name, exc.user_text())
            continue
        alert_budget(ctx, budget, pace)


def run_retries(ctx: JobContext) -> None:
    """Run the budget check now if a failed budget alert's back-off has passed, or a stopped worker's claim has
    lapsed (one indexed count when neither)."""
    if due_retries(ctx.services.state, JOB_ID, now=ctx.now(), stale_after=ctx.deliverer.stale_after):
        run(ctx)
