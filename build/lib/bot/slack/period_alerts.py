"""The Slack message of a period-charge alert (`bot.billing.anomaly_period`): what the charge is, last month's
amount against this month's, why it is an alert (new, missing, changed beyond the month's length or usage), and
its triage buttons (`bot.slack.period_triage`)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from bot.billing.anomaly_period import PeriodChange, PeriodChangeKind
from bot.billing.charges import ChargeClass
from bot.billing.dates import day_text
from bot.billing.money import format_change, format_money, format_pct
from bot.billing.support_plans import plan_name
from bot.billing.vocabulary import account_label
from bot.slack.blocks import Message, context, escape, header, message, section
from bot.slack.period_triage import period_buttons

_TITLE = {
    PeriodChangeKind.NEW: ":new: New recurring {what}",
    PeriodChangeKind.MISSING: ":grey_question: Recurring {what} missing",
    PeriodChangeKind.CHANGED: ":arrows_counterclockwise: Recurring {what} changed",
    PeriodChangeKind.PLAN_CHANGED: ":arrows_counterclockwise: AWS Support plan changed",
}
_FOOTER = (
    "Period charges are judged as charges, not as daily spend: a fee or credit that comes back as usual never alerts."
)


def _what(change: PeriodChange) -> str:
    return "credit" if change.identity.charge_class is ChargeClass.CREDIT else "charge"


def _month(d: date) -> str:
    return d.strftime("%B %Y")


def _day(d: date) -> str:
    return day_text(d, long=True)


def _old_and_new(change: PeriodChange) -> tuple[str, str]:
    """The names of the plans a Support plan switch left and moved to."""
    old = plan_name(change.replaced.service) if change.replaced else "another plan"
    return old, plan_name(change.identity.service)


def _plans(change: PeriodChange) -> str:
    """`from Business to Enterprise On-Ramp` (a plan switch)."""
    old, new = _old_and_new(change)
    return f"from {old} to {new}"


def _switch_amounts(change: PeriodChange, symbol: str) -> str:
    """`$1,029.00 → $5,500.00 a month`, or for a switch within the month `... in October 2026, both plans billed
    part of it`."""
    amounts = f"{format_money(change.previous, symbol)} → {format_money(change.current, symbol)}"
    if change.overlap:
        return f"{amounts} in {_month(change.month)}, both plans billed part of it"
    return f"{amounts} a month"


def charge_label(change: PeriodChange, accounts: Mapping[str, str]) -> str:
    """`Amazon Relational Database Service, HeavyUsage:db.r6g.xlarge (recurring fee), account prod (1234...)`,
    with the reservation or Savings Plan ARN when the charge has one."""
    i = change.identity
    kind = "credit" if i.charge_class is ChargeClass.CREDIT else "recurring fee"
    usage = f", {i.usage_type}" if i.usage_type else ""
    text = f"{i.service}{usage} ({kind}), account {account_label(i.account, accounts)}"
    return f"{text}, commitment {i.commitment}" if i.commitment else text


def summary(change: PeriodChange, symbol: str = "$") -> str:
    """One line: `AWS Support (Business) fee rose from $1,029.00 to $1,545.00 in March 2025 (usage explains
    $1,100.00)`; the text fallback of the message."""
    i = change.identity

    def money(v: float) -> str:
        return format_money(v, symbol)

    what = f"{i.service} {'credit' if i.charge_class is ChargeClass.CREDIT else 'fee'}"
    if change.kind is PeriodChangeKind.PLAN_CHANGED:
        return f"AWS Support plan changed {_plans(change)}: {_switch_amounts(change, symbol)}"
    if change.kind is PeriodChangeKind.NEW:
        return f"new recurring {_what(change)}: {what}, {money(change.current)} in {_month(change.month)}"
    if change.kind is PeriodChangeKind.MISSING:
        return f"{what} of {money(change.previous)} has not come back in {_month(change.month)}"
    verb = "rose" if abs(change.current) > abs(change.previous) else "fell"
    text = f"{what} {verb} from {money(change.previous)} to {money(change.current)} in {_month(change.month)}"
    if change.charges is not None and change.expected is not None:
        text += f" (usage explains {money(change.expected)})"
    return text


def why(change: PeriodChange, symbol: str = "$") -> str:
    """Why the charge is an alert, in one or two sentences."""

    def money(v: float) -> str:
        return format_money(v, symbol)

    if change.kind is PeriodChangeKind.PLAN_CHANGED:
        text = (
            f"The account moved {_plans(change)}: one alert for the switch, not the new plan as a new charge "
            "and the old one as missing."
        )
        if change.overlap:
            text += f" Both plans billed part of {_month(change.month)}: next month is the new plan's first whole one."
        return text
    if change.kind is PeriodChangeKind.NEW:
        text = "It is new: neither of the two months before held it, and it will recur."
        if change.one_time:
            text += f" It came with a one-time fee of {money(change.one_time)}."
        return text
    if change.kind is PeriodChangeKind.MISSING:
        due = _day(change.due) if change.due else "its usual day"
        return f"It is missing: it came last month and had not come back by {due} (its usual day plus two days)."
    expected = change.expected if change.expected is not None else change.previous
    beyond = change.current - expected
    pct = format_pct(beyond / abs(expected) * 100) if expected else "n/a"
    if change.charges is not None:
        then, now = change.charges
        plan = f"under the {change.basis_note}'s tiers" if change.basis_note else "as a share of them"
        return (
            f"It changed beyond usage: the account's charges went from {money(then)} to {money(now)}, which "
            f"{plan} explain a fee of {money(expected)}; {format_change(beyond, symbol)} ({pct}) is beyond that."
        )
    if change.basis_note:
        return (
            f"Its daily rate changed: {money(expected)} expected {change.basis_note} at last month's rate, "
            f"{format_change(beyond, symbol)} ({pct}) more."
        )
    return f"It changed by {format_change(beyond, symbol)} ({pct}), more than the month's length explains."


def period_alert_message(
    change: PeriodChange,
    alert_key: str,
    *,
    symbol: str = "$",
    accounts: Mapping[str, str] | None = None,
    scope: str = "",
) -> Message:
    """The alert: title, the charge, last month's amount vs this month's, why (see the module docstring), and
    the triage buttons carrying `alert_key` (`bot.slack.period_triage`)."""
    accounts = accounts or {}
    previous_month = date(change.month.year - (change.month.month == 1), (change.month.month - 2) % 12 + 1, 1)
    so_far = " so far" if change.kind is PeriodChangeKind.NEW and change.charges is None else ""
    amounts = (
        f"{_month(previous_month)}: {format_money(change.previous, symbol)} → "
        f"{_month(change.month)}: {format_money(change.current, symbol)}{so_far}"
    )
    notes = [_FOOTER, f"charge `{escape(change.key)}`"]
    if scope:
        notes.insert(0, f"scope: {escape(scope)}")
    title = _TITLE[change.kind].format(what=_what(change))
    if change.kind is PeriodChangeKind.PLAN_CHANGED:
        title += ": {} → {}".format(*_old_and_new(change))
    else:
        title += f": {change.identity.service}"
    blocks = [
        header(title),
        section(f"*{escape(charge_label(change, accounts))}*\n{amounts}\n{escape(why(change, symbol))}"),
        context(*notes),
        period_buttons(alert_key),
    ]
    return message(summary(change, symbol), blocks)
