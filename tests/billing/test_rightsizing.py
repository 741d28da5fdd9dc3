"""Rightsizing: next smaller size and newer generation, priced from observed hourly rates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.aws.resources import Resource, ResourceKind, ResourceMetrics
from bot.billing.rightsizing import newer_type, smaller_type, split_type, suggest

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
