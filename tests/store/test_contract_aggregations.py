"""Store contract: the aggregations that used to run in Python (group counts, rightsizing rates, commitment inputs)
computed by every backend, checked against sums of hand-written line items in Decimal.

Hourly line items over several days, so DuckDB answers from its daily rollups and Elasticsearch from its
aggregations; the same questions with a resource filter (DuckDB: the resource-level rollup) and with filters
the slash commands add (accounts, tags, tax).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.commitments import COMMITMENT_KEYS, COMMITMENT_LINE_TYPES, analyse_commitments, rows_from_store
from bot.billing.model import (
    AggregateRequest,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    LineItemSumsRequest,
    TimeRange,
)
from bot.billing.rightsizing import observed_rates, rates_from_store
from bot.billing.store import BillingStore
from tests.store.sources import item, make_source

PROD, DEV = "111111111111", "022222222222"
EC2, RDS, S3 = "Amazon Elastic Compute Cloud", "Amazon Relational Database Service", "Amazon Simple Storage Service"
MAY = TimeRange(date(2024, 5, 1), date(2024, 6, 1))
RI = "arn:aws:ec2:us-east-1:111111111111:reserved-instances/ri-1"
SP = "arn:aws:savingsplans::111111111111:savingsplan/sp-1"
RESOURCE, REGION, SERVICE, ACCOUNT = (DimensionRef(Dimension(d)) for d in ("resource", "region", "service", "account"))
TEAM = DimensionRef(Dimension.TAG, "user:team")


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for day in ("2024-05-01", "2024-05-02", "2024-05-03"):
        for hour in range(0, 24, 6):  # four hourly lines a day per resource: the daily rollup sums them
            rows += [
                item(
                    day,
                    "0.096",
                    hour=hour,
                    sub_account_id=PROD,
                    resource_id="i-web1",
                    instance_type="m5.large",
                    usage_type="USE1-BoxUsage:m5.large",
                    operation="RunInstances",
                    tags={"user:team": "web"},
                ),
                item(
                    day,
                    "0.096",
                    hour=hour,
                    sub_account_id=DEV,
                    resource_id="i-dev1",
                    instance_type="m5.large",
                    usage_type="USE1-BoxUsage:m5.large",
                    operation="RunInstances",
                    region_id="us-east-1",
                ),
                # Windows: another price, not a Linux on-demand rate.
                item(
                    day,
                    "0.188",
                    hour=hour,
                    sub_account_id=PROD,
                    resource_id="i-win1",
                    instance_type="m5.large",
                    usage_type="USE1-BoxUsage:m5.large",
                    operation="RunInstances:0002",
                    tags={"user:team": "web"},
                ),
                item(
                    day,
                    "0.192",
                    hour=hour,
                    sub_account_id=PROD,
                    resource_id="i-big1",
                    instance_type="m5.xlarge",
                    usage_type="USE1-BoxUsage:m5.xlarge",
                    operation="RunInstances",
                    tags={"user:team": "data"},
                ),
                item(
                    day,
                    "0.171",
                    hour=hour,
                    sub_account_id=PROD,
                    resource_id="db-1",
                    instance_type="db.r5.large",
                    service_name=RDS,
                    usage_type="InstanceUsage:db.r5.large",
                    operation="CreateDBInstance",
                ),
                # RI-covered usage: unblended 0, its effective cost is the reservation's.
                item(
                    day,
                    "0",
                    hour=hour,
                    sub_account_id=PROD,
                    resource_id="i-ri1",
                    instance_type="c5.large",
                    usage_type="USE1-BoxUsage:c5.large",
                    line_item_type="DiscountedUsage",
                    pricing_term="Reserved",
                    reservation_arn=RI,
                    reservation_effective_cost="0.05",
                    effective_cost="0.05",
                ),
                # SP-covered usage and its negation.
                item(
                    day,
                    "0.085",
                    hour=hour,
                    sub_account_id=DEV,
                    resource_id="i-sp1",
                    instance_type="c5.large",
                    usage_type="USE1-BoxUsage:c5.large",
                    line_item_type="SavingsPlanCoveredUsage",
                    savings_plan_arn=SP,
                    savings_plan_effective_cost="0.06",
                    effective_cost="0.06",
                ),
                item(
                    day,
                    "-0.085",
                    hour=hour,
                    sub_account_id=DEV,
                    resource_id="i-sp1",
                    instance_type="c5.large",
                    usage_type="USE1-BoxUsage:c5.large",
                    line_item_type="SavingsPlanNegation",
                    savings_plan_arn=SP,
                    effective_cost="0",
                ),
                # Storage: usage in GB-months, no instance type (NULL here, '' elsewhere: the same).
                item(
                    day,
                    "0.50",
                    hour=hour,
                    sub_account_id=PROD,
                    service_name=S3,
                    usage_type="TimedStorage",
                    operation="PutObject",
                    resource_id=f"bucket-{hour}",
                    usage_unit="GB-Mo",
                    instance_type=None,
                    tags={"user:team": "data"},
                ),
            ]
        rows.append(  # the SP's hourly fee, booked per day here: commitment minus used commitment
            item(
                day,
                "0.10",
                sub_account_id=PROD,
                line_item_type="SavingsPlanRecurringFee",
                usage_type="",
                operation="",
                savings_plan_arn=SP,
                effective_cost="0.02",
                usage_unit="",
                region_id="",
            )
        )
    rows.append(  # the reservation's month-long fee, with its unused part as effective cost
        item(
            "2024-05-01",
            "30.00",
            hours=744,
            sub_account_id=PROD,
            line_item_type="RIFee",
            instance_type="c5.large",
            usage_type="USE1-HeavyUsage:c5.large",
            operation="RunInstances",
            reservation_arn=RI,
            effective_cost="12.40",
            usage_amount="744",
        )
    )
    rows.append(  # tax on EC2: excluded by a service filter that drops tax
        item(
            "2024-05-31",
            "4.00",
            hour=23,
            sub_account_id=PROD,
            charge_category="Tax",
            line_item_type="Tax",
            usage_type="",
            operation="",
            region_id="",
            usage_unit="",
        )
    )
    return rows  # fmt: skip


ROWS = _rows()


@pytest.fixture
def may(store: BillingStore, tmp_path: Path) -> BillingStore:
    store.replace_period(make_source(tmp_path, ROWS))
    return store


def _d(value: object) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else Decimal(0)


def _key(row: Mapping[str, object], col: str) -> str:
    value = row.get(col)
    return "" if value is None else str(value)


def expected_sums(
    rows: Sequence[Mapping[str, object]], keys: Sequence[str], types: Sequence[str], non_empty: Sequence[str] = ()
) -> dict[tuple[str, ...], tuple[Decimal, ...]]:
    """The contract written out: raw keys ('' for NULL), effective cost falling back to billed per line item."""
    out: dict[tuple[str, ...], list[Decimal]] = defaultdict(lambda: [Decimal(0)] * 5 + [Decimal(0)])
    for r in rows:
        if r["line_item_type"] not in types or any(_key(r, c) == "" for c in non_empty):
            continue
        acc = out[tuple(_key(r, c) for c in keys)]
        effective = r["effective_cost"] if r.get("effective_cost") is not None else r["billed_cost"]
        for i, v in enumerate(
            (r["billed_cost"], effective, r["usage_amount"], r.get("reservation_effective_cost"),
             r.get("savings_plan_effective_cost"))
        ):  # fmt: skip
            acc[i] += _d(v)
        acc[5] += 1
    return {k: tuple(v) for k, v in out.items()}


def got_sums(store: BillingStore, request: LineItemSumsRequest) -> dict[tuple[str, ...], tuple[Decimal, ...]]:
    rows = store.line_item_sums(request)
    assert len({r.keys for r in rows}) == len(rows), "one row per group"
    q = Decimal("0.000001")
    return {
        r.keys: (
            *(Decimal(repr(v)).quantize(q) for v in (r.billed_cost, r.effective_cost, r.usage_amount,
                                                     r.reservation_effective_cost, r.savings_plan_effective_cost)),
            Decimal(r.line_items),
        )
        for r in rows
    }  # fmt: skip


def quantized(sums: Mapping[tuple[str, ...], tuple[Decimal, ...]]) -> dict[tuple[str, ...], tuple[Decimal, ...]]:
    q = Decimal("0.000001")
    return {k: (*(v.quantize(q) for v in vals[:5]), vals[5]) for k, vals in sums.items()}


# ------------------------------------------------------------------------------------------ line-item sums


@pytest.mark.parametrize(
    ("keys", "types", "non_empty"),
    [
        (("instance_type", "usage_type", "operation"), ("Usage",), ("instance_type",)),
        (COMMITMENT_KEYS, COMMITMENT_LINE_TYPES, ()),
        (("billing_period", "usage_unit"), ("Usage", "Tax"), ()),
        ((), ("Usage",), ()),
    ],
)
def test_line_item_sums_are_the_sums_of_the_line_items(
    may: BillingStore, keys: tuple[str, ...], types: tuple[str, ...], non_empty: tuple[str, ...]
) -> None:
    request = LineItemSumsRequest(MAY, keys=keys, line_item_types=types, non_empty=non_empty)
    assert got_sums(may, request) == quantized(expected_sums(ROWS, keys, types, non_empty))


@pytest.mark.parametrize(
    ("filters", "keep"),
    [
        ((Filter(RESOURCE, ("i-web1", "i-dev1")),), lambda r: r["resource_id"] in ("i-web1", "i-dev1")),
        ((Filter(ACCOUNT, (DEV,), negate=True),), lambda r: r["sub_account_id"] != DEV),
        ((Filter(TEAM, ("web",)),), lambda r: r.get("tag:user:team") == "web"),
        ((Filter(TEAM, ("untagged",)),), lambda r: not r.get("tag:user:team")),
        ((Filter(SERVICE, (EC2,)),), lambda r: r["service_name"] == EC2 and r["charge_category"] != "Tax"),
        ((Filter(REGION, ("global",)),), lambda r: not r["region_id"]),
    ],
)
def test_line_item_sums_apply_the_filters_of_aggregate(may: BillingStore, filters: tuple[Filter, ...], keep) -> None:  # type: ignore[no-untyped-def]
    """The asker's scope and the command's filters restrict the sums exactly as they restrict `aggregate`."""
    keys, types = ("line_item_type", "sub_account_id", "instance_type"), ("Usage", "Tax", "SavingsPlanRecurringFee")
    request = LineItemSumsRequest(MAY, keys=keys, line_item_types=types, filters=filters)
    assert got_sums(may, request) == quantized(expected_sums([r for r in ROWS if keep(r)], keys, types))


def test_line_item_sums_keep_only_the_range_and_are_empty_elsewhere(may: BillingStore) -> None:
    first_day = TimeRange(date(2024, 5, 1), date(2024, 5, 2))
    request = LineItemSumsRequest(first_day, keys=("line_item_type",), line_item_types=("Usage", "RIFee"))
    day_rows = [r for r in ROWS if str(r["charge_period_start"]).startswith("2024-05-01")]
    assert got_sums(may, request) == quantized(expected_sums(day_rows, ("line_item_type",), ("Usage", "RIFee")))
    later = LineItemSumsRequest(TimeRange(date(2024, 7, 1), date(2024, 8, 1)), keys=(), line_item_types=("Usage",))
    assert may.line_item_sums(later) == []


def test_line_item_sums_refuse_columns_outside_the_contract() -> None:
    with pytest.raises(ValueError, match="not a line-item sum key: resource_id"):
        LineItemSumsRequest(MAY, keys=("resource_id",), line_item_types=("Usage",))


def test_rightsizing_rates_and_commitments_from_the_store_equal_those_from_the_line_items(
    may: BillingStore,
) -> None:
    """The reports read sums the store made: the same answers as the line items themselves give."""
    assert rates_from_store(may, MAY) == pytest.approx(observed_rates(ROWS))
    assert rates_from_store(may, MAY) == pytest.approx({"db.r5.large": 0.171, "m5.large": 0.096, "m5.xlarge": 0.192})
    today = date(2024, 6, 10)
    from_store = analyse_commitments(rows_from_store(may, MAY), today=today)
    from_items = analyse_commitments(ROWS, today=today)
    assert [(u.kind, u.arn, u.account, u.family) for u in from_store.uses] == [
        (u.kind, u.arn, u.account, u.family) for u in from_items.uses
    ]
    assert [round(u.used_cost, 6) for u in from_store.uses] == [round(u.used_cost, 6) for u in from_items.uses]
    assert [round(u.unused_cost, 6) for u in from_store.uses] == [round(u.unused_cost, 6) for u in from_items.uses]
    assert [
        (c.service, c.account, c.family, c.ri_hours, c.sp_hours, c.on_demand_hours) for c in from_store.coverage
    ] == [(c.service, c.account, c.family, c.ri_hours, c.sp_hours, c.on_demand_hours) for c in from_items.coverage]
    ri = next(u for u in from_store.uses if u.kind == "RI")
    assert (round(ri.used_cost, 6), round(ri.unused_cost, 6)) == (0.6, 12.4)  # 12 hours x 0.05; the RIFee
    # Restricted to one account: the dev account's savings plan usage only.
    dev = analyse_commitments(rows_from_store(may, MAY, [Filter(ACCOUNT, (DEV,))]), today=today)
    assert {(u.kind, round(u.used_cost, 6)) for u in dev.uses} == {("SP", 0.72)}


# ------------------------------------------------------------------------------------------ group counts


@pytest.mark.parametrize(
    ("group_by", "filters"),
    [
        ((RESOURCE,), ()),
        ((RESOURCE,), (Filter(ACCOUNT, (PROD,)),)),
        ((REGION,), ()),  # '' and NULL and `global` are one group
        ((SERVICE,), ()),  # tax is the service `Tax`
        ((SERVICE,), (Filter(SERVICE, ("Tax",)),)),  # a question keeping only tax: the service taxed
        ((TEAM,), ()),
        ((ACCOUNT, SERVICE), ()),
        ((RESOURCE, TEAM), (Filter(TEAM, ("web", "untagged")),)),
        ((), ()),
    ],
)
def test_count_groups_counts_the_groups_aggregate_returns(
    may: BillingStore, group_by: tuple[DimensionRef, ...], filters: tuple[Filter, ...]
) -> None:
    request = AggregateRequest(MAY, group_by=group_by, filters=filters)
    groups = {r.keys for r in may.aggregate(request)}
    assert may.count_groups(request) == len(groups)
    # Limits and buckets do not change the count.
    assert may.count_groups(AggregateRequest(MAY, group_by=group_by, filters=filters, limit=1)) == len(groups)
    daily = AggregateRequest(MAY, group_by=group_by, filters=filters, granularity=Granularity.DAY)
    assert may.count_groups(daily) == len(groups)


def test_count_groups_of_an_empty_range_is_zero(may: BillingStore) -> None:
    june = TimeRange(date(2024, 6, 1), date(2024, 7, 1))
    assert may.count_groups(AggregateRequest(june, group_by=(RESOURCE,))) == 0


# ------------------------------------------------------------------------------------- usage by pricing unit


@pytest.mark.parametrize("filters", [(), (Filter(SERVICE, (S3,)),), (Filter(RESOURCE, ("i-web1", "bucket-0")),)])
def test_usage_amounts_by_resource_usage_type_and_unit_are_the_sums_of_the_line_items(
    may: BillingStore, filters: tuple[Filter, ...]
) -> None:
    """What the anomaly root cause splits into quantity and rate: cost, usage amount and line items per resource,
    usage type and pricing unit (an empty unit reads `(none)`, as every empty key does), filtered like any
    aggregate."""
    unit = DimensionRef(Dimension.USAGE_UNIT)
    usage_type = DimensionRef(Dimension.USAGE_TYPE)
    request = AggregateRequest(MAY, group_by=(RESOURCE, usage_type, unit), filters=filters)
    got = {
        r.keys: (Decimal(repr(r.cost)).quantize(Decimal("0.000001")), Decimal(repr(r.usage_amount)), r.line_items)
        for r in may.aggregate(request)
    }
    expected: dict[tuple[str, ...], list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0), Decimal(0)])
    for r in ROWS:
        service = "Tax" if r["charge_category"] == "Tax" else r["service_name"]
        if any((f.dimension is SERVICE and service not in f.values) for f in filters):
            continue
        if any((f.dimension is RESOURCE and r["resource_id"] not in f.values) for f in filters):
            continue
        key = tuple(_key(r, c) or "(none)" for c in ("resource_id", "usage_type", "usage_unit"))
        acc = expected[key]
        acc[0] += _d(r["billed_cost"])
        acc[1] += _d(r["usage_amount"])
        acc[2] += 1
    assert got == {k: (v[0].quantize(Decimal("0.000001")), v[1], int(v[2])) for k, v in expected.items()}
    assert {k[2] for k in got} >= ({"GB-Mo"} if not filters or filters[0].dimension is SERVICE else {"Hrs"})
