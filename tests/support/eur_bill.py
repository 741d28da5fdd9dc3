"""A small bill in euros, as a legacy CUR export would give it (normalised rows for `tests.store.sources`).

October 2026 (invoiced) and November 2026 (estimated, usage up to 2026-11-26), one payer billed in EUR:

- EC2 in prod (eu-west-1, `i-web`, tag team=web): 1,000.00 a day, 999.62 on 2026-11-05;
- S3 in staging (eu-west-1, `bucket-data`, team=data): 20.00 a day;
- Route 53 (legacy CUR's region `global`, `zone-1`, untagged): 1.50 a day;
- CloudWatch (`alarm-1`, untagged): one line of 0.125 on 2026-10-10 (half a cent: 0.13 everywhere);
- on the 1st of each month, as AWS posts them: EC2 tax 190.00 and S3 tax 3.80 (no region, no usage type, charged
  on their service), AWS Support 100.00 (a fee, no region); in October an EC2 credit of -50.00 (no region,
  no usage type);
- no net cost columns.

Tests compute every expected number from `ROWS` with Decimal, independently of the bot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal

from tests.store.sources import item

PROD, STAGING = "111111111111", "222222222222"
ACCOUNTS = {PROD: "prod", STAGING: "staging"}
EC2 = "Amazon Elastic Compute Cloud"
S3 = "Amazon Simple Storage Service"
R53 = "Amazon Route 53"
CLOUDWATCH = "AmazonCloudWatch"
SUPPORT = "AWS Support (Business)"
FIRST, LAST = date(2026, 10, 1), date(2026, 11, 26)


def _month_hours(first: date) -> int:
    following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
    return (following - first).days * 24


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    invoice = {10: "INV-EU-2026-10", 11: ""}

    def add(day: date, cost: str, **fields: object) -> None:
        fields.setdefault("sub_account_id", PROD)
        fields.setdefault("sub_account_name", ACCOUNTS[str(fields["sub_account_id"])])
        rows.append(item(day, cost, currency="EUR", invoice_id=invoice[day.month], **fields))

    for first in (date(2026, 10, 1), date(2026, 11, 1)):
        month = {"hours": _month_hours(first), "region_id": "", "operation": "", "resource_id": ""}
        add(
            first,
            "190.00",
            service_code="AmazonEC2",
            service_name=EC2,
            usage_type="",
            line_item_type="Tax",
            charge_category="Tax",
            **month,
        )
        add(
            first,
            "3.80",
            sub_account_id=STAGING,
            service_code="AmazonS3",
            service_name=S3,
            usage_type="",
            line_item_type="Tax",
            charge_category="Tax",
            **month,
        )
        add(
            first,
            "100.00",
            service_code="AWSSupportBusiness",
            service_name=SUPPORT,
            usage_type="Dollar",
            line_item_type="Fee",
            charge_category="Purchase",
            **month,
        )
        if first.month == 10:
            add(
                first,
                "-50.00",
                service_code="AmazonEC2",
                service_name=EC2,
                usage_type="",
                line_item_type="Credit",
                charge_category="Credit",
                **month,
            )
    day = FIRST
    while day <= LAST:
        hour = 17 if day == LAST else 0
        ec2 = "999.62" if day == date(2026, 11, 5) else "1000.00"
        add(
            day,
            ec2,
            hour=hour,
            hours=6,
            service_code="AmazonEC2",
            service_name=EC2,
            region_id="eu-west-1",
            usage_type="EUW1-BoxUsage:m5.large",
            resource_id="i-web",
            tags={"user:team": "web"},
        )
        add(
            day,
            "20.00",
            hour=hour,
            sub_account_id=STAGING,
            service_code="AmazonS3",
            service_name=S3,
            region_id="eu-west-1",
            usage_type="EUW1-TimedStorage-ByteHrs",
            operation="PutObject",
            resource_id="bucket-data",
            tags={"user:team": "data"},
        )
        add(
            day,
            "1.50",
            hour=hour,
            service_code="AmazonRoute53",
            service_name=R53,
            region_id="global",
            usage_type="HostedZone",
            operation="",
            resource_id="zone-1",
        )
        if day == date(2026, 10, 10):
            add(
                day,
                "0.125",
                service_code="AmazonCloudWatch",
                service_name=CLOUDWATCH,
                region_id="eu-west-1",
                usage_type="EUW1-AlarmMonitorUsage",
                operation="",
                resource_id="alarm-1",
            )
        day += timedelta(days=1)
    return rows


ROWS = _rows()


def eur(amount: Decimal) -> str:
    """How an amount reads: rounded half-up to the cent, `€` first, the sign before it."""
    from decimal import ROUND_HALF_UP

    cents = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return f"-€{-cents:,}" if cents < 0 else f"€{cents:,}"


def total(
    rows: Sequence[Mapping[str, object]] = ROWS, keep: Callable[[Mapping[str, object]], bool] = lambda r: True
) -> Decimal:
    """Decimal sum of the rows `keep` accepts."""
    return sum((Decimal(str(r["billed_cost"])) for r in rows if keep(r)), Decimal(0))


def days(start: str, end: str) -> Callable[[Mapping[str, object]], bool]:
    """Rows whose usage starts on a day in [start, end) (ISO dates)."""
    return lambda r: start <= str(r["charge_period_start"])[:10] < end


def both(*tests: Callable[[Mapping[str, object]], bool]) -> Callable[[Mapping[str, object]], bool]:
    return lambda r: all(t(r) for t in tests)
