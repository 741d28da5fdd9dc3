"""Period-charge alerts: a recurring charge that is new, missing, or changed beyond what usage explains.

Period charges (`bot.billing.charges`: recurring fees, credits, tax ...) are not spend that accrues day by day:
the spend alerts leave them out, and this module judges them as what they are, one billing identity at a time
(`bot.billing.pace.ChargeIdentity`: account, class, service, usage type, and the reservation or Savings Plan
ARN of a commitment fee; never the amount). A charge or credit that comes back as usual never alerts, whatever
its sign. Three things do, each once per charge and month:

- NEW: a recurring fee or credit posts this month that neither of the two months before held (a new
  reservation's monthly fee, a new Savings Plan commitment, a new Support plan). Its one-time fees of the same
  commitment (an RI's upfront fee) are named with it.
- MISSING: last month's recurring fee (or a credit that came two months running) has not come back by the day
  of the month it posted on last month plus `GRACE_DAYS` (a delivery that is not complete yet is no absence).
- CHANGED: a fixed fee (one posting a month) differs from last month's by more than the days of the month
  explain (hourly-priced fees follow the month's length); a fee that accrues day by day (hourly Savings Plans
  fees) changed its daily rate; a Support plan's fee for a closed month differs from what the account's charges
  explain under the plan's published tiers (`bot.billing.support_plans`: a fee that rose with usage is
  expected). Support is judged once the month is closed plus `GRACE_DAYS` (it is priced on the whole month).
- PLAN_CHANGED: an account's AWS Support plan was replaced by another (Business -> Enterprise On-Ramp): one
  alert for the switch, never the new plan "new" and the old one "missing" (`_plan_switches`).

Material: the monthly amount at stake (a new or missing charge's month, a change's difference) reaches the
minimum given (`DetectorConfig.min_monthly_impact`), and a change is at least `CHANGE_SHARE` of the amount.
Not judged: tax (it follows each product's charges, which the spend alerts judge), one-time fees and
refunds (one-offs by nature), and the first month of data (nothing is "new" on the day data starts: a month is
judged only when the store holds the whole month before it).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from bot.billing.charges import ChargeClass, is_support_product
from bot.billing.model import Filter, TimeRange
from bot.billing.pace import EPSILON, ChargeIdentity, PeriodLedger, period_ledger
from bot.billing.periods import add_months, month_start
from bot.billing.store import BillingStore
from bot.billing.support_plans import expected_fee, plan_of

#: Days after a charge's usual posting day (or a closed month's end, for Support) before its absence counts.
GRACE_DAYS = 2
#: A change must be at least this share of the charge (a fee's amount is known to the cent, but Support is
#: judged against charges the store may count slightly differently than AWS, e.g. Marketplace).
CHANGE_SHARE = 0.1
#: A fee posted on at least this many days of a month accrues day by day (hourly or daily lines).
ACCRUING_DAYS = 3


class PeriodChangeKind(StrEnum):
    NEW = "new"
    MISSING = "missing"
    CHANGED = "changed"
    PLAN_CHANGED = "plan-changed"  # an account's AWS Support plan replaced by another: one alert, not two


@dataclass(frozen=True)
class _Month:
    """What every judgement of one run shares: the ledger, the month judged, the cutoff, the store's first day
    and the minimum money a month at stake."""

    ledger: PeriodLedger
    month: date
    cutoff: date
    first_day: date
    minimum: float


@dataclass(frozen=True)
class PeriodChange:
    """One period charge worth telling: `month` is the month judged, `previous` the month before's amount,
    `current` this one's (so far, for a fee that accrues), `expected` what the month was expected to hold
    (last month's fee scaled to the month's length or to usage; None for a new charge), `due` the day a missing
    charge was due by, `one_time` the one-time fees of the same commitment this month (an RI's upfront fee)."""

    kind: PeriodChangeKind
    identity: ChargeIdentity
    month: date
    previous: float
    current: float
    expected: float | None = None
    due: date | None = None
    one_time: float = 0.0
    basis_note: str = ""
    #: Support: the account's charges the fee is priced on, the month before and the month judged.
    charges: tuple[float, float] | None = None
    #: A Support plan switch: the plan the account left (`identity` is the one it moved to).
    replaced: ChargeIdentity | None = None
    #: A Support plan switch within the month judged: the old plan billed part of it too (in `current`).
    overlap: bool = False

    @property
    def charge_key(self) -> str:
        """The charge alone, whatever the month or kind: `period:<class>|<account>|<service>|<usage type>|<ARN>`
        (what triage mutes: a snoozed or expected charge is silenced across months)."""
        i = self.identity
        return f"period:{i.charge_class.value}|{i.account}|{i.service}|{i.usage_type}|{i.commitment}"

    @property
    def key(self) -> str:
        """Stable identity of the alert: the charge, the month and the kind (one alert each); `parse_key` reads
        it back."""
        return f"{self.charge_key}@{self.month:%Y-%m}:{self.kind.value}"

    @property
    def amount(self) -> float:
        """The month's amount the alert is about: the charge that is missing, else the one that posted."""
        return self.previous if self.kind is PeriodChangeKind.MISSING else self.current

    def is_at(self, amount: float) -> bool:
        """True when this alert's amount is `amount` give or take less than a change that alerts
        (`CHANGE_SHARE`): the same charge at the same amount, as a person marked it expected."""
        return abs(self.amount - amount) < CHANGE_SHARE * max(abs(amount), EPSILON)

    @property
    def impact(self) -> float:
        """Money this month compared with what was expected (positive: more to pay)."""
        if self.kind is PeriodChangeKind.NEW:
            return self.current
        if self.kind is PeriodChangeKind.MISSING:
            return -self.previous
        if self.kind is PeriodChangeKind.PLAN_CHANGED:
            return self.current - self.previous
        return self.current - (self.expected if self.expected is not None else self.previous)


@dataclass(frozen=True)
class AlertKey:
    """A period alert's key read back (`PeriodChange.key`): the charge, its account and the kind of alert."""

    charge_key: str
    account: str
    kind: PeriodChangeKind


def parse_key(key: str) -> AlertKey | None:
    """`PeriodChange.key` read back; None when `key` is not one (the class and account never hold `|`, the month
    and kind never `@`, so a service or ARN that holds either still reads right)."""
    charge, at, rest = key.rpartition("@")
    _, colon, kind = rest.rpartition(":")
    parts = charge.removeprefix("period:").split("|", 2)
    if not at or not colon or not charge.startswith("period:") or len(parts) < 3:
        return None
    try:
        return AlertKey(charge, parts[1], PeriodChangeKind(kind))
    except ValueError:
        return None


#: Months of period charges read before the month judged (Support compares two closed months, and a new charge
#: must be absent from the two months before it).
LEDGER_MONTHS = 4


def period_changes(
    store: BillingStore, cutoff: date, filters: Sequence[Filter] = (), *, minimum: float
) -> list[PeriodChange]:
    """The period-charge alerts of `store` (inside `filters`) on the morning data is complete up to `cutoff`
    (exclusive): `judge_period_charges` over the ledger of the last `LEDGER_MONTHS` months (`pace.period_ledger`)."""
    periods = store.periods()
    if not periods:
        return []
    month = month_start(cutoff - timedelta(days=1))
    window = TimeRange(add_months(month, -LEDGER_MONTHS), add_months(month, 1))
    ledger = period_ledger(store, window, cutoff, filters)
    first_day = min(p.billing_period for p in periods)
    return judge_period_charges(ledger, cutoff=cutoff, first_day=first_day, minimum=minimum)


def judge_period_charges(ledger: PeriodLedger, *, cutoff: date, first_day: date, minimum: float) -> list[PeriodChange]:
    """What the period charges of `ledger` are worth an alert on the morning data is complete up to `cutoff`
    (exclusive), for a store whose data starts on `first_day`; biggest money first (see the module docstring)."""
    month = month_start(cutoff - timedelta(days=1))
    prev = add_months(month, -1)
    before = add_months(month, -2)
    if first_day > prev:
        return []  # the month before is not (wholly) in the store: no charge can be told new or missing
    m = _Month(ledger, month, cutoff, first_day, minimum)
    out: list[PeriodChange] = []
    switched = _plan_switches(m)
    out.extend(c for c in switched.values() if c is not None)
    for identity in sorted(ledger.charges):
        if identity.charge_class not in (ChargeClass.RECURRING, ChargeClass.CREDIT):
            continue
        if is_support_product(identity.service) and identity.account in switched:
            continue  # told as the account's plan switch (or its tail)
        now = ledger.month_total(identity, month)
        last = ledger.month_total(identity, prev)
        older = ledger.month_total(identity, before) if first_day <= before else None
        found: PeriodChange | None
        if is_support_product(identity.service):
            found = _support(m, identity)
        elif abs(now) >= EPSILON and abs(last) < EPSILON:
            found = _new(m, identity, now=now, older=older)
        elif abs(last) >= EPSILON and abs(now) < EPSILON:
            found = _missing(m, identity, last=last, older=older)
        elif abs(last) >= EPSILON and abs(now) >= EPSILON and older is not None and abs(older) >= EPSILON:
            # Judged from the charge's second whole month: its first month may be prorated from a start day.
            found = _changed(m, identity, now=now, last=last)
        else:
            found = None
        if found is not None:
            out.append(found)
    out.sort(key=lambda c: (-abs(c.impact), c.key))
    return out


def _days_in(month: date) -> int:
    return (add_months(month, 1) - month).days


def _posted_days(ledger: PeriodLedger, identity: ChargeIdentity, month: date, until: date) -> int:
    end = min(add_months(month, 1), until)
    return len({d for d, c in ledger.charges.get(identity, {}).items() if month <= d < end and abs(c) >= EPSILON})


def _new(m: _Month, identity: ChargeIdentity, *, now: float, older: float | None) -> PeriodChange | None:
    if older is None or abs(older) >= EPSILON:
        return None  # the month before last is unknown, or held it: a charge that skipped a month is not new
    first = m.ledger.first_posting(identity, m.month)
    if first is None:
        return None
    dim = _days_in(m.month)
    if _posted_days(m.ledger, identity, m.month, m.cutoff) >= 2:  # accrues: its daily rate, for the month
        monthly = now / max(1, (min(m.cutoff, add_months(m.month, 1)) - first).days) * dim
    else:  # one posting from its first day to the month's end (a purchase mid-month is prorated)
        monthly = now * dim / (dim - first.day + 1)
    if abs(monthly) < m.minimum:
        return None
    one_time = 0.0
    if identity.commitment:
        upfront = ChargeIdentity(
            ChargeClass.ONE_TIME, identity.account, identity.service, identity.usage_type, identity.commitment
        )
        one_time = m.ledger.month_total(upfront, m.month)
    return PeriodChange(PeriodChangeKind.NEW, identity, m.month, 0.0, now, one_time=one_time)


def _missing(m: _Month, identity: ChargeIdentity, *, last: float, older: float | None) -> PeriodChange | None:
    if abs(last) < m.minimum:
        return None
    if identity.charge_class is ChargeClass.CREDIT and (older is None or abs(older) < EPSILON):
        return None  # a credit seen once may have been granted once: recurring after two months running
    posted = m.ledger.first_posting(identity, add_months(m.month, -1))
    if posted is None:
        return None
    due = m.month + timedelta(days=posted.day - 1 + GRACE_DAYS)
    if m.cutoff <= due:
        return None  # not due yet: the delivery may not be complete
    return PeriodChange(PeriodChangeKind.MISSING, identity, m.month, last, 0.0, expected=last, due=due)


def _changed(m: _Month, identity: ChargeIdentity, *, now: float, last: float) -> PeriodChange | None:
    prev = add_months(m.month, -1)
    days_then = _posted_days(m.ledger, identity, prev, m.cutoff)
    if days_then >= ACCRUING_DAYS:
        days_now = _posted_days(m.ledger, identity, m.month, m.cutoff)
        if days_now < ACCRUING_DAYS:
            return None  # too few days yet to tell a rate
        expected = last / days_then * days_now
        stake = abs(now - expected) / days_now * _days_in(m.month)
        note = f"over {days_now} days so far"
    else:
        # An hourly-priced fee follows the month's length: either explanation will do.
        by_length = last * _days_in(m.month) / _days_in(prev)
        expected = min((last, by_length), key=lambda e: abs(now - e))
        stake = abs(now - expected)
        note = ""
    if stake < m.minimum or abs(now - expected) < CHANGE_SHARE * abs(expected):
        return None
    return PeriodChange(PeriodChangeKind.CHANGED, identity, m.month, last, now, expected=expected, basis_note=note)


def _support_months(m: _Month) -> tuple[date, date] | None:
    """The month a Support fee is judged for (the last closed one whose grace passed) and the month before it;
    None when the store does not hold the month before."""
    closed = add_months(m.month, -1)
    if m.cutoff < m.month + timedelta(days=GRACE_DAYS):
        closed = add_months(closed, -1)  # the last month has not settled yet: judge the one before
    before = add_months(closed, -1)
    return None if m.first_day > before else (closed, before)


def _plan_switches(m: _Month) -> dict[str, PeriodChange | None]:
    """Per account whose AWS Support plan changed: one PLAN_CHANGED alert, in the month a plan the account did not
    have the month before posts while another had (that one stopped, or billed part of the month too); None for
    the month after a switch within a month (the old plan's last part gone, the new one's first whole month: told
    already). Accounts without a switch are not listed: their plans are judged one by one (`_support`).
    The month at stake is the larger of the plans' months: it must reach the minimum."""
    months = _support_months(m)
    if months is None:
        return {}
    closed, before = months
    plans: dict[str, list[ChargeIdentity]] = {}
    for identity in m.ledger.charges:
        if identity.charge_class is ChargeClass.RECURRING and is_support_product(identity.service):
            plans.setdefault(identity.account, []).append(identity)
    out: dict[str, PeriodChange | None] = {}
    for account, identities in sorted(plans.items()):
        now = {i: m.ledger.month_total(i, closed) for i in identities}
        then = {i: m.ledger.month_total(i, before) for i in identities}
        in_now = {i for i, v in now.items() if abs(v) >= EPSILON}
        in_then = {i for i, v in then.items() if abs(v) >= EPSILON}
        added, dropped = in_now - in_then, in_then - in_now
        if added and in_then:
            new = max(added, key=lambda i: (abs(now[i]), i))
            old = max(in_then, key=lambda i: (abs(then[i]), i))
            current, previous = sum(now[i] for i in in_now), sum(then[i] for i in in_then)
            material = max(abs(current), abs(previous)) >= m.minimum
            out[account] = (
                PeriodChange(
                    PeriodChangeKind.PLAN_CHANGED,
                    new,
                    closed,
                    previous,
                    current,
                    replaced=old,
                    overlap=bool(in_now - added),
                )
                if material
                else None
            )
        elif dropped and not added and len(in_then) > 1 and in_now:
            out[account] = None
    return out


def _support(m: _Month, identity: ChargeIdentity) -> PeriodChange | None:
    """A Support fee is judged for the month that closed (once the grace passed), against the account's charges:
    new or ended plans, and a fee beyond what the plan's tiers make of the change in charges."""
    months = _support_months(m)
    if months is None:
        return None
    closed, before = months
    fee = m.ledger.month_total(identity, closed)
    last = m.ledger.month_total(identity, before)
    if abs(last) < EPSILON and abs(fee) >= max(m.minimum, EPSILON):
        older = add_months(before, -1)
        if m.first_day <= older and abs(m.ledger.month_total(identity, older)) < EPSILON:
            return PeriodChange(PeriodChangeKind.NEW, identity, closed, 0.0, fee)
        return None
    if abs(fee) < EPSILON:
        if abs(last) < max(m.minimum, EPSILON):
            return None
        due = add_months(closed, 1) + timedelta(days=GRACE_DAYS)
        return PeriodChange(PeriodChangeKind.MISSING, identity, closed, last, 0.0, expected=last, due=due)
    plan = plan_of(identity.service)
    base_then = m.ledger.support_base.get((identity.account, before), 0.0)
    base_now = m.ledger.support_base.get((identity.account, closed), 0.0)
    expected = expected_fee(plan, last, base_then, base_now)
    if expected is None or not math.isfinite(expected):
        return None
    if abs(fee - expected) < max(m.minimum, CHANGE_SHARE * abs(expected)):
        return None
    return PeriodChange(
        PeriodChangeKind.CHANGED,
        identity,
        closed,
        last,
        fee,
        expected=expected,
        basis_note=f"{plan.name} plan" if plan else "",
        charges=(base_then, base_now),
    )
