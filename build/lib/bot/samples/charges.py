"""Period charges: the line items a month gets besides hourly usage, booked as AWS books them.

Each rule names the AWS document it follows:

- RIFee (https://docs.aws.amazon.com/cur/latest/userguide/cur-ri.html and the reservation column dictionary,
  .../reservation-columns.html): one month-long line per reservation, booked on the 1st with the whole month's
  recurring fee (reservation hours x hourly fee). Its `reservation/UnusedQuantity` is the reservation hours not
  used by DiscountedUsage so far, `UnusedRecurringFee` and `UnusedAmortizedUpfrontFeeForBillingPeriod` their fees,
  `AmortizedUpfrontFeeForBillingPeriod` the month's share of the upfront fee. So DiscountedUsage effective cost +
  the RIFee's unused fees = recurring fee + amortized upfront, and amortized - unblended = amortized upfront of
  the month - upfront paid in the month (never negative except in a month with a purchase).
- Upfront fee of a partial-upfront reservation: a one-time `Fee` line with the reservation ARN at the purchase
  time, `bill/BillType` "Purchase" (amortized cost 0: the fee is spread over the term instead).
- SavingsPlanRecurringFee (https://docs.aws.amazon.com/cur/latest/userguide/cur-sp.html): one line per hour
  (hourly data) or day (daily data) of the plan's term, unblended = the commitment of that step,
  `savingsPlan/TotalCommitmentToDate` = that commitment, `UsedCommitment` = the covered usage's effective cost in
  the step (never more than the commitment), `RecurringCommitmentForBillingPeriod` = the month's commitment.
- AWS Support, Business plan (https://aws.amazon.com/premiumsupport/pricing/, each member account on its own:
  https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/consolidatedbilling-support.html): the greater of
  USD 100 or 10% / 7% / 5% / 3% of the account's monthly AWS charges in tiers; one month-long `Fee` line per tier
  as genuine exports show ("10% of monthly AWS usage for the first $0-$10K", usage = the dollars in the tier), plus
  the top-up to the minimum. In an estimated month it is computed on the charges so far. Charges = usage, RI and
  SP fees, upfront purchases; not tax, credits, refunds or Support itself.
- Tax (as in genuine CUR exports: one month-long line per account and product code, `lineItem/TaxType` set, no
  usage type or region): the currency's rate of the product's charges in the account (usage and fees, Support
  included; before credits). In an estimated month it is computed on the charges so far.
- Credits and refunds: month-long negative lines (`Credit`, `Refund`); a refund posted after its period closed
  revises the closed period (see `bot.samples.events.Refund`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.samples import catalog as cat
from bot.samples import events as ev
from bot.samples import inventory as inv
from bot.samples.canonical import CANONICAL_NAMES, commitment_arn

Row = dict[str, object]


@dataclass(frozen=True)
class PeriodContext:
    period: date  # first day of the month
    end: date  # first day of the next month
    data_end: date  # exclusive end of the usage generated
    as_of: date  # what AWS has posted by then (refunds)
    hourly: bool
    currency: cat.Currency


def _dt(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def _row(account: str, **kw: object) -> Row:
    acct = cat.ACCOUNT_BY_NAME[account]
    row: Row = dict.fromkeys(CANONICAL_NAMES)
    row.update(
        account_id=acct.account_id,
        account_name=acct.name,
        bill_type="Anniversary",
        az="",
        region="",
        location="",
        resource_id="",
        unit="",
        usage_type="",
        operation="",
        product_family="",
        service_category="Other",
        pricing_term="",
        instance_type="",
        reservation_arn="",
        sp_arn="",
        tag_team="",
        tag_env="",
        tag_cost_center="",
        tag_created_by="",
        cc_environment={"prod": "Production", "shared": "Shared"}.get(acct.env, "Non-Production"),
        cc_business_unit=acct.business_unit,
        tax_type="",
    )
    row.update(kw)
    return row


def _usage_type(sku: cat.Sku, kind: str, region: str) -> str:
    prefix = cat.REGION_BY_CODE[region].prefix
    bare = sku.bare_in_use1 and region == "us-east-1"
    return f"{'' if bare else prefix + '-'}{kind}:{sku.instance_type}"


def _hours(a: datetime, b: datetime) -> float:
    return max(0.0, (b - a).total_seconds() / 3600)


def reservation_lines(ctx: PeriodContext, c: inv.Commitment, used_hours: float) -> list[Row]:
    """The month's RIFee line of reservation `c` and, in the month of purchase, its upfront fee."""
    fx = ctx.currency.per_usd
    start, end = max(_dt(ctx.period), c.start), min(_dt(ctx.end), c.end)
    hours = _hours(start, end) * c.count
    if hours <= 0:
        return []
    sku = cat.SKU_BY_KEY[c.sku]
    fleet = cat.FLEET_BY_KEY[c.fleet]
    term_h = _hours(c.start, c.end)
    upfront_h = c.upfront * fx / term_h
    hourly = c.hourly * fx
    unused = max(0.0, hours - used_hours)
    arn = commitment_arn(c)
    common: Row = dict(
        product_code=sku.product_code,
        service_name=sku.service_name,
        service_category=sku.service_category,
        product_family=sku.product_family,
        usage_type=_usage_type(sku, "HeavyUsage", fleet.region),
        operation=sku.operation,
        region=fleet.region,
        location=cat.REGION_BY_CODE[fleet.region].name,
        instance_type=sku.instance_type,
        pricing_term="Reserved",
        reservation_arn=arn,
        ri_start=c.start,
        ri_end=c.end,
        ri_count=c.count,
    )
    out = [
        _row(
            c.account,
            line_type="RIFee",
            usage_start=start.replace(minute=0, second=0),
            usage_end=end,
            usage_amount=hours,
            unit="Hrs",
            rate=round(hourly, 10),
            cost=round(hours * hourly, 8),
            description=f"{ctx.currency.code} {hourly:.4f} hourly fee per {sku.instance_type} reservation",
            ri_units=hours,
            ri_unused_qty=round(unused, 6),
            ri_unused_recurring=round(unused * hourly, 8),
            ri_amortized_upfront=round(hours * upfront_h, 8),
            ri_unused_upfront=round(unused * upfront_h, 8),
            **common,
        )
    ]
    bought = c.start.date()
    if c.upfront > 0 and ctx.period <= bought < ctx.data_end:
        out.append(
            _row(
                c.account,
                line_type="Fee",
                bill_type="Purchase",
                usage_start=c.start,
                usage_end=c.start,
                usage_amount=float(c.count),
                unit="",
                rate=round(c.upfront * fx, 8),
                cost=round(c.upfront * fx * c.count, 8),
                description=f"Sign up charge for subscription: {arn.rsplit('/', 1)[-1].rsplit(':', 1)[-1]}, "
                f"planned Start Date: {c.start:%Y-%m-%d %H:%M:%S}",
                **common,
            )
        )
    return out


def savings_plan_lines(ctx: PeriodContext, c: inv.Commitment, used_by_step: Mapping[int, float]) -> list[Row]:
    """One SavingsPlanRecurringFee line per hour (or day) of the plan in [period, data_end)."""
    fx = ctx.currency.per_usd
    step = timedelta(hours=1 if ctx.hourly else 24)
    commit_h = c.hourly * fx
    per_step = round(commit_h * step.total_seconds() / 3600, 8)
    month = round(commit_h * _hours(max(_dt(ctx.period), c.start), min(_dt(ctx.end), c.end)), 8)
    arn = commitment_arn(c)
    out = []
    t, n = _dt(ctx.period), 0
    while t < _dt(ctx.data_end):
        if c.start <= t < c.end:
            used = min(per_step, round(used_by_step.get(n, 0.0), 8))
            out.append(
                _row(
                    c.account,
                    line_type="SavingsPlanRecurringFee",
                    usage_start=t,
                    usage_end=t + step,
                    product_code="ComputeSavingsPlans",
                    service_name="Savings Plans for AWS Compute usage",
                    service_category="Compute",
                    product_family="Savings Plans",
                    usage_type="ComputeSP:3yrNoUpfront",
                    usage_amount=step.total_seconds() / 3600,
                    unit="Hrs",
                    rate=round(commit_h, 10),
                    cost=per_step,
                    description=f"3 year No Upfront Compute Savings Plan, {ctx.currency.code} {commit_h:.4f} "
                    "hourly commitment",
                    pricing_term="SavingsPlan",
                    resource_id=arn,
                    sp_arn=arn,
                    sp_commitment=per_step,
                    sp_used=used,
                    sp_recurring_period=month,
                )
            )
        t += step
        n += 1
    return out


def credit_lines(ctx: PeriodContext, events: Sequence[ev.Event]) -> list[Row]:
    """Recurring credits of the month and the refunds for this period posted before `as_of`."""
    fx = ctx.currency.per_usd
    out = []
    for e in events:
        if isinstance(e, ev.RecurringCredit):
            kind, amount, description = "Credit", e.amount_usd, e.description
        elif isinstance(e, ev.Refund) and e.period == ctx.period and e.posted.date() < ctx.as_of:
            kind, amount, description = "Refund", e.amount_usd, e.description
        else:
            continue
        sku = next((s for s in cat.SKUS if s.product_code == e.product_code), None)
        out.append(
            _row(
                e.account,
                line_type=kind,
                usage_start=_dt(ctx.period),
                usage_end=_dt(ctx.end),
                product_code=e.product_code,
                service_name=e.service_name,
                service_category=sku.service_category if sku else "Other",
                usage_amount=0.0,
                cost=-round(amount * fx, 2),
                description=description,
            )
        )
    return out


def support_fee_usd(charges_usd: float) -> float:
    """AWS Business Support for one account's monthly charges, USD: tiers with a USD 100 minimum."""
    tiers = sum(_tier_amount(charges_usd, lo, hi) * pct for lo, hi, pct in cat.SUPPORT_TIERS)
    return max(cat.SUPPORT_MINIMUM_USD, tiers)


def _tier_amount(charges: float, lo: float, hi: float | None) -> float:
    return max(0.0, min(charges, hi if hi is not None else charges) - lo)


def _tier_label(lo: float, hi: float | None, pct: float) -> str:
    def k(v: float) -> str:
        return f"${v / 1000:g}K"

    span = f"from {k(lo)}+" if hi is None else ("for the first $0-" + k(hi) if lo == 0 else f"from {k(lo)}-{k(hi)}")
    return f"{pct * 100:g}% of monthly AWS usage {span}"


def support_lines(ctx: PeriodContext, charges_by_account: Mapping[str, float]) -> list[Row]:
    """The Business Support lines of every account for the month (see the module docstring)."""
    fx = ctx.currency.per_usd
    out = []
    for short in cat.ACCOUNT_BY_NAME:
        usd = max(0.0, charges_by_account.get(short, 0.0) / fx)
        common: Row = dict(
            line_type="Fee",
            usage_start=_dt(ctx.period),
            usage_end=_dt(ctx.end),
            product_code="AWSSupportBusiness",
            service_name="AWS Support (Business)",
            service_category="Management and Governance",
            product_family="AWS Support",
            usage_type="Dollar",
            unit="Dollar",
        )
        tiers = 0.0
        for lo, hi, pct in cat.SUPPORT_TIERS:
            amount = _tier_amount(usd, lo, hi)
            if amount <= 0:
                continue
            tiers += amount * pct
            out.append(
                _row(
                    short,
                    usage_amount=round(amount * fx, 6),
                    rate=pct,
                    cost=round(amount * fx * pct, 8),
                    description=_tier_label(lo, hi, pct),
                    **common,
                )
            )
        if tiers < cat.SUPPORT_MINIMUM_USD:
            top_up = (cat.SUPPORT_MINIMUM_USD - tiers) * fx
            out.append(
                _row(
                    short,
                    usage_amount=1.0,
                    rate=round(top_up, 8),
                    cost=round(top_up, 8),
                    description=f"AWS Support (Business) minimum monthly charge of USD {cat.SUPPORT_MINIMUM_USD:g}",
                    **common,
                )
            )
    return out


def tax_lines(ctx: PeriodContext, charges: Mapping[tuple[str, str, str], float]) -> list[Row]:
    """One Tax line per (account, product code) with charges: `charges` maps (account short name, product code,
    service name) to the month's charges."""
    out = []
    for (short, code, name), amount in sorted(charges.items()):
        tax = round(max(0.0, amount) * ctx.currency.tax_rate, 2)
        if tax <= 0:
            continue
        out.append(
            _row(
                short,
                line_type="Tax",
                usage_start=_dt(ctx.period),
                usage_end=_dt(ctx.end),
                product_code=code,
                service_name=name,
                usage_amount=0.0,
                cost=tax,
                description=f"Tax for product code {code}",
                tax_type=ctx.currency.tax_type,
            )
        )
    return out


def charges_of(rows: Iterable[Row]) -> dict[tuple[str, str, str], float]:
    """Sum of the rows' costs per (account short name, product code, service name)."""
    short_by_id = {a.account_id: k for k, a in cat.ACCOUNT_BY_NAME.items()}
    out: dict[tuple[str, str, str], float] = {}
    for r in rows:
        key = (short_by_id[str(r["account_id"])], str(r["product_code"]), str(r["service_name"]))
        out[key] = out.get(key, 0.0) + float(r["cost"])  # type: ignore[arg-type]
    return out
