"""The plain-text and JSON renderings of a CostResult, and money formatting, tested as data."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from bot.billing.model import (
    CostBasis,
    CostQuery,
    CostResult,
    Dimension,
    DimensionRef,
    Filter,
    Forecast,
    Freshness,
    Granularity,
    GroupCost,
    PeriodStatus,
    PreviousStatus,
    Progress,
    SeriesPoint,
    TimeRange,
)
from bot.billing.money import currency_symbol, format_change, format_money, format_pct
from bot.billing.vocabulary import Vocabulary
from bot.reports.text import JSON_SCHEMA, comparison_text, freshness_text, period_text, render_text, result_to_json

NOV = TimeRange(date(2026, 11, 1), date(2026, 12, 1), "this month")
SERVICE = DimensionRef(Dimension.SERVICE)
ACCOUNT = DimensionRef(Dimension.ACCOUNT)
FRESH = Freshness(
    data_until=datetime(2026, 11, 26, 18, 0),
    periods=(
        PeriodStatus(
            billing_period=date(2026, 11, 1),
            delivery_id="asm-42",
            delivered_at=datetime(2026, 11, 26, 20, 5, tzinfo=UTC),
            loaded_at=datetime(2026, 11, 26, 20, 7, tzinfo=UTC),
            source_format="cur2",
            source_uri="s3://bucket/prefix",
            rows=1234,
            final=False,
            data_until=datetime(2026, 11, 26, 18, 0),
        ),
    ),
)


def grouped_result() -> CostResult:
    query = CostQuery(
        time_range=NOV,
        group_by=(SERVICE, ACCOUNT),
        filters=(Filter(DimensionRef.tag("user:team"), ("web",)),),
        basis=CostBasis.AMORTIZED,
        top=2,
    )
    # November in progress: its complete days (1-25) against the same days of October.
    return CostResult(
        query=query,
        total=1500.0,
        previous_range=TimeRange(date(2026, 10, 1), date(2026, 10, 26), "same days of the previous period"),
        previous_total=1200.0,
        groups=(
            GroupCost(("Amazon Elastic Compute Cloud", "123456789012"), 1000.0, 800.0, 950.0),
            GroupCost(("Amazon Simple Storage Service", "210987654321"), 300.0, 0.0, 280.0),
        ),
        other=200.0,
        other_count=3,
        series=(),
        currency="USD",
        freshness=FRESH,
        forecast=Forecast(
            month=date(2026, 11, 1),
            month_to_date=1500.0,
            expected=1750.5,
            low=1700.0,
            high=1800.0,
            days_elapsed=25,
            days_in_month=30,
            usage_to_date=1000.0,
            usage_expected=1250.5,
            period_to_date=400.0,
            period_expected=500.0,
            method="backtests",
        ),
        compared_range=TimeRange(date(2026, 11, 1), date(2026, 11, 26), "complete days"),
        compared_total=1400.0,
        previous_status=PreviousStatus.COMPARED,
        progress=Progress.IN_PROGRESS,
        compared_usage=1150.0,
        previous_usage=1000.0,
    )


def test_render_text_of_a_grouped_result() -> None:
    vocab = Vocabulary(accounts={"123456789012": "production", "210987654321": ""}, tag_keys=("user:team",))
    text = render_text(grouped_result(), text="mtd by service, account tag:team=web amortized top 2", vocabulary=vocab)
    assert text.splitlines() == [
        "Query: mtd by service, account tag:team=web amortized top 2",
        "Cost this month (2026-11-01 – 2026-11-30), amortized, USD",
        "Total: $1,500.00 so far",
        "Change: complete days 2026-11-01 – 2026-11-25: $1,400.00, +$200.00 (+16.7%) vs the same days of the "
        "previous period (2026-10-01 – 2026-10-25): $1,200.00; usage alone +$150.00 (+15.0%), period charges "
        "(fees, tax, credits) aside",
        "Forecast for 2026-11: $1,750.50 (likely $1,700.00 – $1,800.00): usage $1,250.50 ($1,000.00 in 25 complete "
        "days of 30) + period charges $500.00 ($400.00 posted).",
        "",
        "service                        account                         cost  previous             change",
        "-----------------------------  -------------------------  ---------  --------  -----------------",
        "Amazon Elastic Compute Cloud   production (123456789012)  $1,000.00   $800.00  +$150.00 (+18.8%)",
        "Amazon Simple Storage Service  210987654321                 $300.00     $0.00     +$280.00 (new)",
        "Other (3 more)                                              $200.00",
        "Total                                                     $1,500.00",
        "(changes compare the complete days with the same days of the previous period)",
        "",
        "Data up to 2026-11-26 18:00 UTC; 2026-11 estimated.",
    ]


def test_a_period_named_to_compare_with_and_holding_no_data_is_said_without_a_stray_vs() -> None:
    result = grouped_result()
    october = TimeRange(date(2026, 10, 1), date(2026, 10, 28), "2026-10-01..2026-10-27")
    named = dataclasses.replace(
        result,
        query=dataclasses.replace(result.query, versus=october),
        previous_range=TimeRange(october.start, date(2026, 10, 26), f"same days of {october.label}"),
        previous_total=None,
        previous_status=PreviousStatus.NO_DATA,
    )
    assert comparison_text(named, format_money, format_change) == (
        "complete days 2026-11-01 – 2026-11-25: $1,400.00; same days of 2026-10-01..2026-10-27 "
        "(2026-10-01 – 2026-10-25): no data"
    )
    unnamed = dataclasses.replace(named, query=result.query, previous_range=result.previous_range)
    assert comparison_text(unnamed, format_money, format_change) == (
        "complete days 2026-11-01 – 2026-11-25: $1,400.00; the same days of the previous period (2026-10-01 – "
        "2026-10-25): no data"
    )


def test_render_text_without_groups_shows_the_daily_series_and_canonical_query() -> None:
    span = TimeRange(date(2026, 11, 24), date(2026, 11, 26), "2026-11-24..2026-11-25")
    q = CostQuery(time_range=span, granularity=Granularity.DAY, compare=False)
    result = CostResult(
        query=q,
        total=30.5,
        previous_range=None,
        previous_total=None,
        groups=(),
        other=None,
        other_count=0,
        series=(
            SeriesPoint(datetime(2026, 11, 24), (), 10.25),
            SeriesPoint(datetime(2026, 11, 25), (), 20.25),
        ),
        currency="EUR",
        freshness=Freshness(data_until=None),
    )
    assert render_text(result).splitlines() == [
        "Query: 2026-11-24..2026-11-25 unblended daily",
        "Cost 2026-11-24 – 2026-11-25, unblended, EUR",
        "Total: €30.50",
        "",
        "Daily totals",
        "period        cost",
        "----------  ------",
        "2026-11-24  €10.25",
        "2026-11-25  €20.25",
        "",
        "No billing data for this period.",
    ]


def test_json_document_has_every_documented_key() -> None:
    doc = result_to_json(grouped_result(), text="mtd by service, account")
    assert json.loads(json.dumps(doc)) == doc  # plain JSON types only
    assert doc == {
        "schema": JSON_SCHEMA,
        "query": "mtd by service, account",
        "canonical_query": "this month by service, account tag:user:team=web amortized top 2",
        "basis": "amortized",
        "currency": "USD",
        "period": {
            "start": "2026-11-01",
            "end": "2026-12-01",
            "last_day": "2026-11-30",
            "days": 30,
            "label": "this month",
        },
        "previous_period": {
            "start": "2026-10-01",
            "end": "2026-10-26",
            "last_day": "2026-10-25",
            "days": 25,
            "label": "same days of the previous period",
        },
        "previous_status": "compared",
        "progress": "in progress",
        "compared_period": {
            "start": "2026-11-01",
            "end": "2026-11-26",
            "last_day": "2026-11-25",
            "days": 25,
            "label": "complete days",
        },
        "compared_total": 1400.0,
        "group_by": ["service", "account"],
        "filters": [{"dimension": "tag:user:team", "values": ["web"], "negate": False}],
        "granularity": "none",
        "top": 2,
        "total": 1500.0,
        "previous_total": 1200.0,
        "change": 200.0,
        "change_pct": 16.6667,
        "groups": [
            {
                "keys": {"service": "Amazon Elastic Compute Cloud", "account": "123456789012"},
                "cost": 1000.0,
                "previous_cost": 800.0,
                "compared_cost": 950.0,
                "change": 150.0,
                "change_pct": 18.75,
            },
            {
                "keys": {"service": "Amazon Simple Storage Service", "account": "210987654321"},
                "cost": 300.0,
                "previous_cost": 0.0,
                "compared_cost": 280.0,
                "change": 280.0,
                "change_pct": None,
            },
        ],
        "other": {"cost": 200.0, "groups": 3},
        "series": [],
        "freshness": {
            "data_until": "2026-11-26T18:00:00Z",
            "final": False,
            "periods": [
                {
                    "billing_period": "2026-11-01",
                    "final": False,
                    "data_until": "2026-11-26T18:00:00Z",
                    "delivery_id": "asm-42",
                    "delivered_at": "2026-11-26T20:05:00Z",
                    "loaded_at": "2026-11-26T20:07:00Z",
                    "source_format": "cur2",
                    "rows": 1234,
                    "currencies": [],
                    "has_net_cost": False,
                }
            ],
        },
        "forecast": {
            "month": "2026-11-01",
            "month_to_date": 1500.0,
            "expected": 1750.5,
            "low": 1700.0,
            "high": 1800.0,
            "days_elapsed": 25,
            "days_in_month": 30,
            "usage_to_date": 1000.0,
            "usage_expected": 1250.5,
            "period_to_date": 400.0,
            "period_expected": 500.0,
            "method": "backtests",
        },
        "notes": [],
        "question": "cost",
        "causes": [],
        "average": None,
        "average_per_step": None,
        "unusual": [],
    }


def test_json_series_keys_follow_the_group_by() -> None:
    r = grouped_result()
    point = SeriesPoint(datetime(2026, 11, 2), ("Amazon Elastic Compute Cloud", "123456789012"), 0.1 + 0.2)
    r = CostResult(**{**r.__dict__, "series": (point,)})
    assert result_to_json(r)["series"] == [
        {
            "bucket": "2026-11-02T00:00:00Z",
            "keys": {"service": "Amazon Elastic Compute Cloud", "account": "123456789012"},
            "cost": 0.3,
        }
    ]


def test_period_and_freshness_text() -> None:
    assert period_text(TimeRange(date(2026, 10, 5), date(2026, 10, 6), "2026-10-05")) == "2026-10-05"
    assert period_text(TimeRange(date(2026, 10, 5), date(2026, 10, 6), "yesterday")) == "yesterday (2026-10-05)"
    assert freshness_text(Freshness(None)) == "No billing data for this period."


# ------------------------------------------------------------------------------------------ money


@pytest.mark.parametrize(
    ("amount", "plain", "compact"),
    [
        (0, "$0.00", "$0.00"),
        (-0.001, "$0.00", "$0.00"),
        (0.005, "$0.01", "$0.01"),
        (0.125, "$0.13", "$0.13"),
        (1234.5, "$1,234.50", "$1.2K"),
        (-12, "-$12.00", "-$12.00"),
        (999.99, "$999.99", "$999.99"),
        (999_960, "$999,960.00", "$1.0M"),
        (1_234_567.891, "$1,234,567.89", "$1.2M"),
        (5e9, "$5,000,000,000.00", "$5.0B"),
        (Decimal("1234.565"), "$1,234.57", "$1.2K"),
        (float("nan"), "n/a", "n/a"),
    ],
)
def test_format_money(amount: float, plain: str, compact: str) -> None:
    assert format_money(amount) == plain
    assert format_money(amount, compact=True) == compact


def test_other_money_helpers() -> None:
    assert format_money(10, "€") == "€10.00"
    assert currency_symbol("usd") == "$"
    assert currency_symbol("CHF") == "CHF "
    assert currency_symbol("") == "$"
    assert format_pct(12.345) == "+12.3%"
    assert format_pct(-4.25) == "-4.3%"
    assert format_pct(-0.01) == "-0.0%"  # a decrease never reads +0.0%
    assert format_pct(0.01) == "+0.0%"
    assert format_pct(0.0) == "0.0%"
    assert format_pct(None) == "n/a"
    assert format_change(5) == "+$5.00"
    assert format_change(-5) == "-$5.00"
    assert format_change(0.001) == "$0.00"
    assert format_change(None) == "n/a"


def test_empty_values_read_global_for_regions_untagged_for_tags_and_none_otherwise() -> None:
    from bot.billing.model import Dimension, DimensionRef

    assert DimensionRef(Dimension.REGION).empty_key == "global"
    assert DimensionRef.tag("user:team").empty_key == "untagged"
    for kind in (Dimension.USAGE_TYPE, Dimension.RESOURCE, Dimension.OPERATION, Dimension.SERVICE):
        assert DimensionRef(kind).empty_key == "(none)"


def test_text_table_aligns_numbers_rules_the_header_and_accepts_short_rows() -> None:
    from bot.reports.table import text_table

    rows = [["Service", "Cost"], ["EC2", "12.50"], ["S3 storage", "3.00"], ["Other"]]
    assert text_table(rows, right={1}, rule=True) == [
        "Service      Cost",
        "----------  -----",
        "EC2         12.50",
        "S3 storage   3.00",
        "Other",
    ]
