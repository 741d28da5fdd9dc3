"""Commitments from line items: RI/SP utilisation and unused cost, hour coverage, expiries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.billing.commitments import analyse_commitments, family_of

RI = "arn:aws:ec2:us-east-1:111122223333:reserved-instances/r-1"
SP = "arn:aws:savingsplans::111122223333:savingsplan/sp-1"
NOV = date(2026, 11, 1)


def _row(line_type: str, **kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "billing_period": NOV,
        "line_item_type": line_type,
        "service_name": "Amazon Elastic Compute Cloud",
        "sub_account_id": "111122223333",
        "instance_type": "",
        "usage_amount": 0.0,
        "usage_unit": "Hrs",
        "effective_cost": 0.0,
        "reservation_arn": "",
        "reservation_effective_cost": None,
        "savings_plan_arn": "",
        "savings_plan_effective_cost": None,
    }
    return base | kw


def _rows() -> list[dict[str, object]]:
    rows = [
        _row("RIFee", reservation_arn=RI, instance_type="m5.large", effective_cost=12.5, usage_amount=720.0),
        _row("SavingsPlanRecurringFee", savings_plan_arn=SP, effective_cost=30.0, instance_type=""),
        _row("Tax", effective_cost=99.0),
    ]
    for _ in range(600):  # 600 covered RI hours at 0.0625 amortised
        rows.append(
            _row(
                "DiscountedUsage",
                reservation_arn=RI,
                instance_type="m5.large",
                usage_amount=1.0,
                reservation_effective_cost=0.0625,
            )
        )
    for _ in range(90):  # 90 SP-covered hours at 1.0 effective
        rows.append(
            _row(
                "SavingsPlanCoveredUsage",
                savings_plan_arn=SP,
                instance_type="m5.xlarge",
                usage_amount=1.0,
                savings_plan_effective_cost=1.0,
            )
        )
    rows.append(_row("Usage", instance_type="m5.2xlarge", usage_amount=310.0, effective_cost=119.0))
    rows.append(_row("Usage", instance_type="", usage_amount=5.0, usage_unit="GB-Mo", effective_cost=1.0))
    rows.append(
        _row(
            "DiscountedUsage",
            reservation_arn=RI,
            instance_type="m5.large",
            usage_amount=1.0,
            reservation_effective_cost=0.0625,
            billing_period=date(2026, 10, 1),
        )
    )
    return rows


def test_utilisation_unused_cost_and_rollups() -> None:
    report = analyse_commitments(_rows(), today=date(2026, 11, 27))
    nov = {(u.kind, u.arn): u for u in report.uses if u.month == NOV}
    ri, sp = nov[("RI", RI)], nov[("SP", SP)]
    assert ri.used_cost == pytest.approx(float(Decimal("0.0625") * 600))  # 37.5
    assert (ri.unused_cost, ri.family, ri.account) == (12.5, "m5", "111122223333")
    assert ri.utilisation == pytest.approx(37.5 / 50.0)
    assert (sp.used_cost, sp.unused_cost, sp.utilisation) == (90.0, 30.0, 0.75)
    assert report.unused_cost == pytest.approx(42.5)  # October's RI has usage but no fee row: 0 unused
    by_service = report.utilisation_by("service")
    assert by_service[(NOV, "RI", "Amazon Elastic Compute Cloud")] == pytest.approx(0.75)
    assert report.utilisation_by("family")[(NOV, "RI", "m5")] == pytest.approx(0.75)


def test_coverage_in_instance_hours_by_family() -> None:
    report = analyse_commitments(_rows(), today=date(2026, 11, 27))
    nov = [c for c in report.coverage if c.month == NOV]
    assert len(nov) == 1  # m5 family; the GB-Mo line is not instance usage
    c = nov[0]
    assert (c.family, c.ri_hours, c.sp_hours, c.on_demand_hours) == ("m5", 600.0, 90.0, 310.0)
    assert c.coverage == pytest.approx(690 / 1000)


def test_expiries_from_rows_or_describe_calls_within_the_horizon() -> None:
    rows = _rows()
    rows[0] = rows[0] | {"reservation_end": "2026-12-04T00:00:00Z"}
    other = "arn:aws:ec2:eu-west-1:111122223333:reserved-instances/r-2"
    later = "arn:aws:savingsplans::111122223333:savingsplan/sp-9"
    report = analyse_commitments(
        rows,
        today=date(2026, 11, 27),
        end_dates={other: date(2026, 12, 27), later: date(2027, 3, 1), SP: date(2026, 11, 30)},
    )
    assert [(e.kind, e.arn, e.days_left) for e in report.expiring] == [("SP", SP, 3), ("RI", RI, 7), ("RI", other, 30)]


def test_family_of() -> None:
    assert [family_of(t) for t in ("m5.large", "db.r5.xlarge", "cache.t3.micro", "")] == ["m5", "db.r5", "cache.t3", ""]
