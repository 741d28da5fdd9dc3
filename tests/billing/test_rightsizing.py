"""Rightsizing: next smaller size and newer generation, priced from observed hourly rates."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.inventory import Resource, ResourceKind, ResourceMetrics
from bot.billing.model import CostBasis, TimeRange
from bot.billing.resources import resource_costs
from bot.billing.rightsizing import newer_type, rates_from_store, smaller_type, split_type, suggest
from bot.store.duckdb import DuckDBStore
from tests.store.sources import item, make_source

DAYS = [date(2026, 11, 27) - timedelta(days=k) for k in range(14, 0, -1)]


def _m(r: Resource, **series: list[float | None]) -> ResourceMetrics:
    return ResourceMetrics(r, {k: tuple(zip(DAYS, v, strict=True)) for k, v in series.items()})


@pytest.mark.parametrize(
    ("given", "smaller", "newer"),
    [
        ("m5.xlarge", "m5.large", "m6i.xlarge"),
        ("m5.large", None, "m6i.large"),  # m5 starts at large
        ("t3.micro", "t3.nano", None),
        ("t2.small", "t2.micro", "t3.small"),
        ("c5.9xlarge", "c5.4xlarge", None),  # c6i has no 9xlarge
        ("db.r5.2xlarge", "db.r5.xlarge", "db.r6i.2xlarge"),
        ("m7i.large", None, None),
        ("x1e.xlarge", None, None),  # a family not in the table: no guess
        ("weird", None, None),
    ],
)
def test_static_table(given: str, smaller: str | None, newer: str | None) -> None:
    assert smaller_type(given) == smaller
    assert newer_type(given) == newer


def test_split_type() -> None:
    assert split_type("db.m5.large") == ("db.", "m5", "large")
    assert split_type("m5.huge") is None


def test_suggestions_are_priced_from_rates_and_respect_memory_and_missing_data() -> None:
    quiet = Resource("1", "us-east-1", ResourceKind.EC2, "i-quiet", "a", type="m5.2xlarge", state="running")
    memory_bound = Resource("1", "us-east-1", ResourceKind.EC2, "i-mem", "b", type="m5.xlarge", state="running")
    unknown = Resource("1", "us-east-1", ResourceKind.EC2, "i-unknown", "c", type="m5.xlarge", state="running")
    db = Resource("1", "us-east-1", ResourceKind.RDS, "orders", "d", type="db.r5.xlarge", state="available")
    metrics = {
        quiet.key: _m(quiet, cpu_max=[20.0] * 14, mem_used_pct=[None] * 14),
        memory_bound.key: _m(memory_bound, cpu_max=[20.0] * 14, mem_used_pct=[70.0] * 14),
        unknown.key: _m(unknown, cpu_max=[None] * 11 + [5.0] * 3),
        db.key: _m(db, cpu_max=[35.0] * 14),
    }
    rates = {"m5.2xlarge": 0.384, "m5.xlarge": 0.192, "m6i.2xlarge": 0.384, "db.r5.xlarge": 0.5, "db.r5.large": 0.25}

    out = suggest([quiet, memory_bound, unknown, db], metrics, rates)

    assert [(s.resource.resource_id, s.action, s.suggested_type, s.monthly_saving) for s in out] == [
        ("orders", "downsize", "db.r5.large", 182.5),  # (0.5 - 0.25) x 730
        ("i-quiet", "downsize", "m5.xlarge", 140.16),  # (0.384 - 0.192) x 730
        ("i-quiet", "newer-generation", "m6i.2xlarge", 0.0),
        ("i-mem", "newer-generation", "m6i.xlarge", None),
        ("i-unknown", "newer-generation", "m6i.xlarge", None),
        ("orders", "newer-generation", "db.r6i.xlarge", None),
    ]
    assert out[1].reason == "CPU peak 20.0% over 14 days"


def test_rates_and_costs_from_a_real_store(tmp_path: Path) -> None:
    rows = [
        item(
            "2026-11-02",
            "2.304",
            hours=24,
            usage_amount="24",
            instance_type="m5.xlarge",
            usage_type="USE1-BoxUsage:m5.xlarge",
            resource_id="i-1",
        ),
        item(
            "2026-11-03",
            "2.304",
            hours=24,
            usage_amount="12",
            instance_type="m5.xlarge",
            usage_type="USE1-BoxUsage:m5.xlarge",
            resource_id="i-1",
        ),
        # Windows is another price: left out of the rate, still the instance's cost
        item(
            "2026-11-03",
            "9.00",
            hours=24,
            usage_amount="24",
            instance_type="m5.xlarge",
            usage_type="USE1-BoxUsage:m5.xlarge",
            operation="RunInstances:0002",
            resource_id="i-2",
        ),
        item(
            "2026-11-03",
            "6.00",
            hours=24,
            usage_amount="24",
            instance_type="db.r5.large",
            usage_type="USE1-InstanceUsage:db.r5.large",
            service_name="RDS",
            resource_id="arn:db",
        ),
        item(
            "2026-11-03",
            "1.00",
            hours=24,
            usage_amount="10",
            instance_type="m5.large",
            usage_type="USE1-BoxUsage:m5.large",
            line_item_type="DiscountedUsage",
        ),
        item("2026-11-03", "0.50", hours=24, usage_type="TimedStorage", resource_id=""),
    ]
    store = DuckDBStore(tmp_path / "store", threads=1, memory_limit="256MB")
    store.replace_period(make_source(tmp_path, rows))
    nov = TimeRange(date(2026, 11, 1), date(2026, 12, 1))

    rates = rates_from_store(store, nov)
    assert rates == {"m5.xlarge": pytest.approx(float(Decimal("4.608") / 36)), "db.r5.large": pytest.approx(0.25)}
    costs = resource_costs(store, nov, (), CostBasis.UNBLENDED, monthly=True)
    assert costs == {"i-1": pytest.approx(4.608), "i-2": pytest.approx(9.0), "arn:db": pytest.approx(6.0)}
    store.close()
