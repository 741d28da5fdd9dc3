"""Commitment expiry alerts: 30 and 7 days before a Reserved Instance or Savings Plan ends.

End dates come from the latest inventory snapshot (`DescribeReservedInstances`, `DescribeReservedDBInstances`,
`DescribeSavingsPlans`, collected by the inventory job), since the normalised line items carry none. Each channel
subscribed with kind `commitments` gets, for every commitment of its filters (`account=...` only: a commitment
belongs to an account), one alert when 30 days or fewer are left and one when 7 days or fewer are left, at the
subscription's time of day in its zone. Exactly once per commitment and threshold (delivery key: commitments,
channel, `<ARN digest>/<end date>/<threshold>`); a commitment first seen with 5 days left gets only the 7-day
alert, the 30-day one being recorded as covered by it. A renewed commitment has a new ARN or end date, so it
alerts again.

The alert says what the commitment was worth last month (utilisation and unused cost from the line items) when
the billing store has its fees.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from apscheduler.triggers.cron import CronTrigger

from bot.billing.commitments import (
    CommitmentUse,
    Expiry,
    accounts_in,
    analyse_commitments,
    commitment_account,
    rows_from_store,
)
from bot.billing.currency import period_currency
from bot.billing.model import TimeRange
from bot.billing.money import Money, format_pct
from bot.billing.periods import add_months, month_start
from bot.billing.store import BillingStore
from bot.billing.vocabulary import Vocabulary
from bot.errors import UserFacingError
from bot.scheduler import JobContext, JobScheduler, latest_occurrence, local_date
from bot.services import Services
from bot.slack.blocks import Message, context, header, message, section
from bot.state.deliveries import DeliveryKey
from bot.state.inventory import latest_snapshot
from bot.state.subscriptions import Subscription, list_subscriptions

log = logging.getLogger(__name__)

JOB_ID = "commitments"
#: Days before the end at which an alert goes out, most distant first.
THRESHOLDS = (30, 7)
CHECK = CronTrigger(minute="*", timezone="UTC")

_KIND_NAMES = {"RI": "Reserved Instance", "SP": "Savings Plan"}


def commitment_id(arn: str) -> str:
    """The short id at the end of an ARN (`r-1`, `sp-1`)."""
    return arn.rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def expiring(end_dates: Mapping[str, date], today: date) -> tuple[Expiry, ...]:
    """Commitments ending within the largest threshold of `today` (0 days left included), soonest first."""
    return analyse_commitments([], today=today, end_dates=end_dates, horizon_days=max(THRESHOLDS)).expiring


def pending_thresholds(days_left: int) -> tuple[int, ...]:
    """The thresholds reached with `days_left` days left, most distant first (5 days -> (30, 7))."""
    return tuple(t for t in THRESHOLDS if 0 <= days_left <= t)


def delivery_key(channel_id: str, expiry: Expiry, threshold: int) -> DeliveryKey:
    digest = hashlib.sha256(expiry.arn.encode()).hexdigest()[:16]
    return DeliveryKey(JOB_ID, channel_id, f"{digest}/{expiry.end.isoformat()}/{threshold}")


def last_month_use(store: BillingStore, today: date) -> dict[str, CommitmentUse]:
    """Each commitment's use in the last complete month, by ARN (empty when the store has no such lines)."""
    last = add_months(month_start(today), -1)
    rows = rows_from_store(store, TimeRange(last, month_start(today)))
    report = analyse_commitments(rows, today=today)
    return {u.arn: u for u in report.uses if u.month == last}


def render_expiry_alert(
    expiry: Expiry,
    threshold: int,
    *,
    vocabulary: Vocabulary | None = None,
    use: CommitmentUse | None = None,
    money: Money | None = None,
) -> Message:
    """The alert for one commitment at one threshold (pure)."""
    money = money or Money()
    kind = _KIND_NAMES.get(expiry.kind, expiry.kind)
    account = commitment_account(expiry.arn)
    label = vocabulary.account_label(account) if vocabulary is not None and account else account or "unknown account"
    days = "today" if expiry.days_left == 0 else f"in {expiry.days_left} day{'s' if expiry.days_left != 1 else ''}"
    title = f"{kind} {commitment_id(expiry.arn)} expires {days}"
    icon = ":rotating_light:" if threshold <= 7 else ":hourglass_flowing_sand:"
    lines = [
        f"{icon} *{kind}* `{commitment_id(expiry.arn)}` of {label} ends on *{expiry.end:%Y-%m-%d}* "
        f"({expiry.days_left} day{'s' if expiry.days_left != 1 else ''} left).",
        f"*ARN*: `{expiry.arn}`",
    ]
    if use is not None and use.utilisation is not None:
        lines.append(
            f"*{use.month:%B %Y}*: {format_pct(use.utilisation * 100, signed=False)} used, "
            f"{money(use.unused_cost)} unused" + (f" · {use.family}" if use.family else "")
        )
    lines.append("Renew or replace it before then, or its usage is billed at on-demand rates.")
    blocks = [
        header(title),
        section("\n".join(lines)),
        context(f"{threshold}-day notice · `/trackit commitments` shows utilisation, coverage and every expiry"),
    ]
    text = f"{title} ({expiry.end:%Y-%m-%d}): {kind} of {label}"
    return message(text, blocks)


@dataclass(frozen=True)
class _Due:
    subscription: Subscription
    today: date
    accounts: frozenset[str] | None  # None: every account


def _due(ctx: JobContext, sub: Subscription) -> _Due | None:
    moment = latest_occurrence(ctx.now(), sub.at_time, sub.timezone)
    if moment < sub.created_at:
        return None
    today = local_date(moment, sub.timezone)
    accounts: frozenset[str] | None = None
    if sub.filters:
        services = ctx.services
        try:
            query = services.parse_filters(sub.filters, today=today)
        except UserFacingError as exc:
            log.warning("commitments subscription %s: filters %r no longer parse: %s", sub.id, sub.filters, exc)
            return None
        accounts = accounts_in(query.filters)
    return _Due(sub, today, accounts)


def alert_channel(
    ctx: JobContext, due: _Due, expiries: Sequence[Expiry], uses: Callable[[], dict[str, CommitmentUse]]
) -> list[str]:
    """Post the alerts due to one subscription's channel; returns the keys posted (sent or recovered).

    `uses()` gives last month's use per ARN; it is called only when something is to be posted.
    """
    posted: list[str] = []
    channel = due.subscription.channel_id
    for expiry in expiries:
        if due.accounts is not None and commitment_account(expiry.arn) not in due.accounts:
            continue
        pending = [
            t
            for t in pending_thresholds(expiry.days_left)
            if not ctx.deliverer.was_sent(delivery_key(channel, expiry, t))
        ]
        if not pending:
            continue
        urgent = pending[-1]
        last_month = TimeRange(add_months(month_start(due.today), -1), month_start(due.today))
        money = Money(period_currency(ctx.services.store, last_month))
        msg = render_expiry_alert(
            expiry, urgent, vocabulary=ctx.services.vocabulary.get(), use=uses().get(expiry.arn), money=money
        )
        key = delivery_key(channel, expiry, urgent)
        outcome = ctx.deliverer.post_message(key, msg)
        if outcome.outcome in ("sent", "recovered"):
            posted.append(key.text)
            for t in pending[:-1]:
                ctx.deliverer.cover(delivery_key(channel, expiry, t), outcome.message_ts)
        elif outcome.outcome == "failed":
            log.warning("commitment alert to %s failed: %s", channel, outcome.error)
    return posted


def run(ctx: JobContext) -> list[str]:
    """Deliver every commitment alert that is due; returns the delivery keys posted in this run."""
    subscriptions = list_subscriptions(ctx.services.state, kind="commitments")
    if not subscriptions:
        return []
    snapshot = latest_snapshot(ctx.services.state)
    if snapshot is None or not snapshot.commitment_ends:
        return []
    memo: dict[date, dict[str, CommitmentUse]] = {}
    posted: list[str] = []
    for sub in subscriptions:
        due = _due(ctx, sub)
        if due is None:
            continue
        # The days left count from the subscription's local day (the snapshot's end dates are UTC days).
        items = expiring(snapshot.commitment_ends, due.today)
        if not items:
            continue

        def uses(today: date = due.today) -> dict[str, CommitmentUse]:
            if today not in memo:
                memo[today] = last_month_use(ctx.services.store, today)
            return memo[today]

        posted.extend(alert_channel(ctx, due, items, uses))
    return posted


def schedule(scheduler: JobScheduler, services: Services) -> None:
    scheduler.add_job(JOB_ID, run, CHECK)
