"""Store contract: resource questions (`/cost ... by resource`, `/top-resources`, the count of the "others") and the
amortized basis, checked against sums of hand-written line items in Decimal on every backend.

Two months of line items over several days, so each backend answers from what it would use in production: over
whole months DuckDB from its period rollups and the search clusters from their resource summary; over part of a
month both from their line items (or DuckDB's daily rollup); a range holding one month whole and part of the next
mixes the two. Resources carry several services, accounts, regions and usage types; some line items have no
resource, no effective cost (the amortized basis then counts their unblended cost, line by line) or no net cost.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.model import (
    AggregateRequest,
    AggregateRow,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    TimeRange,
)
from bot.billing.query import run_top_resources
from bot.billing.store import BillingStore
from tests.store.sources import item, make_source

PROD, DEV = "111111111111", "022222222222"
EC2, EBS, S3 = "Amazon Elastic Compute Cloud", "Amazon Elastic Block Store", "Amazon Simple Storage Service"
MAY = TimeRange(date(2024, 5, 1), date(2024, 6, 1))
JUNE = TimeRange(date(2024, 6, 1), date(2024, 7, 1))
BOTH = TimeRange(date(2024, 5, 1), date(2024, 7, 1))
MAY_PART = TimeRange(date(2024, 5, 2), date(2024, 5, 4))  # two of May's three days
MAY_AND_PART = TimeRange(date(2024, 5, 1), date(2024, 6, 2))  # May whole, June's first day
RESOURCE, SERVICE, ACCOUNT, REGION = (DimensionRef(Dimension(d)) for d in ("resource", "service", "account", "region"))
TEAM = DimensionRef.tag("user:team")
HALF_CENT = Decimal("0.005")
Row = dict[str, object]


def _month(first: date, scale: int) -> list[Row]:
    """Three days of hourly-ish line items: ten instances in two accounts (each with its EBS volume cost on the
    same resource id, so a resource spans two services), buckets, RI-covered usage, lines without a resource, a
    credit, tax, and lines without an effective or net cost."""
    rows: list[Row] = []
    for d in range(3):
        day = first.replace(day=1 + d)
        for hour in (0, 7, 13, 20):
            for n in range(10):
                account = PROD if n % 3 else DEV
                team = ("web", "data", None)[n % 3]
                tags = {"user:team": team} if team else {}
                cost = Decimal(n + 1) * Decimal("0.0731") * scale
                compute = item(
                    day,
                    str(cost),
                    hour=hour,
                    resource_id=f"i-{n:02d}",
                    sub_account_id=account,
                    region_id=("us-east-1", "eu-west-1")[n % 2],
                    usage_type=f"BoxUsage:m5.{n % 4}xlarge",
                    tags=tags,
                    net_cost=str(cost * Decimal("0.9")) if n % 2 else None,
                )
                if n in (3, 7):  # no effective cost in the export: amortized counts the unblended cost
                    compute["effective_cost"] = None
                rows.append(compute)
                rows.append(
                    item(
                        day,
                        str(Decimal("0.0123") * (n % 4 + 1)),
                        hour=hour,
                        resource_id=f"i-{n:02d}",
                        service_name=EBS,
                        sub_account_id=account,
                        usage_type="EBS:VolumeUsage.gp3",
                        usage_unit="GB-Mo",
                        tags=tags,
                    )
                )
            rows.append(  # RI-covered: unblended 0, its effective cost is the reservation's
                item(
                    day,
                    "0",
                    hour=hour,
                    resource_id="i-ri",
                    sub_account_id=PROD,
                    line_item_type="DiscountedUsage",
                    effective_cost="0.05",
                    reservation_effective_cost="0.05",
                )
            )
        for b in range(4):
            bucket = item(
                day,
                str(Decimal("0.41") * (b + 1) * scale),
                resource_id=f"bucket-{b}" if b < 3 else "",  # the last has no resource id
                service_name=S3,
                region_id="" if b == 2 else "us-east-1",
                usage_type="TimedStorage",
                tags={"user:team": "data"} if b % 2 else {},
            )
            if b == 1:
                bucket["effective_cost"] = None
            rows.append(bucket)
    rows.append(item(first, "-1.25", resource_id="i-04", line_item_type="Credit", charge_category="Credit"))
    rows.append(
        item(
            first.replace(day=3),
            "2.10",
            hour=23,
            line_item_type="Tax",
            charge_category="Tax",
            region_id="",
            usage_type="",
            effective_cost=None,  # tax without an effective cost: its unblended cost counts as amortized
        )
    )
    return rows


ROWS = _month(date(2024, 5, 1), 1) + _month(date(2024, 6, 1), 2)


@pytest.fixture
def loaded(store: BillingStore, tmp_path: Path) -> BillingStore:
    for month in (date(2024, 5, 1), date(2024, 6, 1)):
        store.replace_period(make_source(tmp_path, [r for r in ROWS if str(r["billing_period"]) == month.isoformat()]))
    return store


# ------------------------------------------------------------------------------------------ the contract written out


def _d(value: object) -> Decimal:
    return Decimal(str(value)) if value not in (None, "") else Decimal(0)


def _cost(row: Mapping[str, object], basis: CostBasis) -> Decimal:
    billed = _d(row["billed_cost"])
    if basis is CostBasis.AMORTIZED:
        return billed if row.get("effective_cost") is None else _d(row["effective_cost"])
    if basis is CostBasis.NET:
        return billed if row.get("net_cost") is None else _d(row["net_cost"])
    return billed


def _value(row: Mapping[str, object], ref: DimensionRef) -> str:
    """The group key of `row` under `ref`: tax reads as the `Tax` service, '' and NULL as the empty key."""
    if ref.kind is Dimension.SERVICE and row.get("charge_category") == "Tax":
        return "Tax"
    value = row.get(f"tag:{ref.tag_key}") if ref.kind is Dimension.TAG else row.get(ref.column)
    return str(value) if value not in (None, "") else ref.empty_key


def _in_range(row: Mapping[str, object], time_range: TimeRange) -> bool:
    return time_range.start.isoformat() <= str(row["charge_period_start"])[:10] < time_range.end.isoformat()


def _keeps(row: Mapping[str, object], filters: Sequence[Filter]) -> bool:
    return all((_value(row, f.dimension) in f.values) != f.negate for f in filters)


def expected(
    time_range: TimeRange, group_by: Sequence[DimensionRef], filters: Sequence[Filter], basis: CostBasis
) -> dict[tuple[str, ...], tuple[Decimal, int]]:
    """Group keys -> (cost, line items) of the line items in range that the filters keep."""
    out: dict[tuple[str, ...], list[Decimal]] = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for row in ROWS:
        if _in_range(row, time_range) and _keeps(row, filters):
            acc = out[tuple(_value(row, ref) for ref in group_by)]
            acc[0] += _cost(row, basis)
            acc[1] += 1
    return {k: (v[0], int(v[1])) for k, v in out.items()}


def _top(groups: Mapping[tuple[str, ...], tuple[Decimal, int]], limit: int) -> list[tuple[tuple[str, ...], Decimal]]:
    """The `limit` costliest groups in the contract's order (cost descending, then keys)."""
    ranked = sorted(groups.items(), key=lambda kv: (-kv[1][0], kv[0]))
    return [(k, v[0]) for k, v in ranked[:limit]]


def _same(rows: Sequence[AggregateRow], wanted: Sequence[tuple[tuple[str, ...], Decimal]]) -> bool:
    """The same groups in the same order, each cost within half a cent (to the cent as shown)."""
    assert [r.keys for r in rows] == [k for k, _ in wanted]
    assert [abs(Decimal(repr(r.cost)) - cost) < HALF_CENT for r, (_, cost) in zip(rows, wanted, strict=True)] == [
        True
    ] * len(rows), [(r.keys, r.cost, float(cost)) for r, (_, cost) in zip(rows, wanted, strict=True)]
    return True


# ------------------------------------------------------------------------------------------ resource questions

RANGES = {"may": MAY, "both months": BOTH, "part of may": MAY_PART, "may and a day of june": MAY_AND_PART}
FILTERS: dict[str, tuple[Filter, ...]] = {
    "none": (),
    "with a resource id": (Filter(RESOURCE, (RESOURCE.empty_key,), negate=True),),  # `/top-resources`
    "one account": (Filter(ACCOUNT, (PROD,)),),
    "a tag": (Filter(TEAM, ("web", "untagged")),),
    "a service (tax dropped)": (Filter(SERVICE, (EC2,)),),
    "tax kept": (Filter(SERVICE, ("Tax", S3)),),
    "a region": (Filter(REGION, ("global",), negate=True),),
    "some resources": (Filter(RESOURCE, ("i-03", "i-07", "bucket-1")),),
}


@pytest.mark.parametrize("time_range", list(RANGES.values()), ids=list(RANGES))
def test_the_costliest_resources_and_the_count_of_the_others_are_exact(
    loaded: BillingStore, time_range: TimeRange
) -> None:
    """`/cost ... by resource` shows the top groups and "and N others": the top five to the cent, in the
    contract's order, and N from an exact count of every group; under every filter, on every cost basis."""
    for name, filters in FILTERS.items():
        for basis in CostBasis:
            case = f"{name}, {basis}"
            groups = expected(time_range, (RESOURCE,), filters, basis)
            request = AggregateRequest(time_range, group_by=(RESOURCE,), filters=filters, basis=basis)
            assert _same(loaded.aggregate(replace(request, limit=5)), _top(groups, 5)), case
            assert loaded.count_groups(request) == len(groups), case
            every = loaded.aggregate(request)
            assert _same(every, _top(groups, len(groups))), case
            assert [r.line_items for r in every] == [groups[r.keys][1] for r in every], case


@pytest.mark.parametrize("time_range", [MAY, BOTH, MAY_PART], ids=["may", "both months", "part of may"])
def test_resources_by_service_and_account_as_top_resources_reads_them(
    loaded: BillingStore, time_range: TimeRange
) -> None:
    """The attribution `/top-resources` shows beside each resource: its cost per service and account."""
    group_by = (RESOURCE, SERVICE, ACCOUNT)
    only = (Filter(RESOURCE, ("i-01", "i-09", "bucket-2")),)
    groups = expected(time_range, group_by, only, CostBasis.UNBLENDED)
    rows = loaded.aggregate(AggregateRequest(time_range, group_by=group_by, filters=only))
    assert _same(rows, _top(groups, len(groups)))
    assert loaded.count_groups(AggregateRequest(time_range, group_by=group_by, filters=only)) == len(groups)


def test_top_resources_over_a_whole_month(loaded: BillingStore) -> None:
    """The `/top-resources 3` answer: resources with an id only, their dominant service, account and region."""
    top = run_top_resources(loaded, 3, JUNE, compare=False)
    assert [(r.resource_id, r.service, r.account_id, r.region) for r in top] == [
        ("i-09", EC2, DEV, "eu-west-1"),
        ("i-08", EC2, PROD, "us-east-1"),
        ("i-07", EC2, PROD, "eu-west-1"),
    ]
    june = expected(JUNE, (RESOURCE,), (), CostBasis.UNBLENDED)
    assert all(abs(Decimal(repr(r.cost)) - june[(r.resource_id,)][0]) < HALF_CENT for r in top)


def test_a_resource_question_over_an_empty_range_has_no_groups(loaded: BillingStore) -> None:
    july = TimeRange(date(2024, 7, 1), date(2024, 8, 1))
    assert loaded.aggregate(AggregateRequest(july, group_by=(RESOURCE,), limit=5)) == []
    assert loaded.count_groups(AggregateRequest(july, group_by=(RESOURCE,))) == 0


# ------------------------------------------------------------------------------------------ the amortized basis

AMORTIZED_QUESTIONS: dict[str, Callable[[TimeRange], AggregateRequest]] = {
    "total": lambda tr: AggregateRequest(tr, basis=CostBasis.AMORTIZED),
    "by service": lambda tr: AggregateRequest(tr, group_by=(SERVICE,), basis=CostBasis.AMORTIZED),
    "top service": lambda tr: AggregateRequest(tr, group_by=(SERVICE,), basis=CostBasis.AMORTIZED, limit=1),
    "by resource": lambda tr: AggregateRequest(tr, group_by=(RESOURCE,), basis=CostBasis.AMORTIZED),
    "daily": lambda tr: AggregateRequest(tr, basis=CostBasis.AMORTIZED, granularity=Granularity.DAY),
    "hourly by account": lambda tr: AggregateRequest(
        tr, group_by=(ACCOUNT,), basis=CostBasis.AMORTIZED, granularity=Granularity.HOUR
    ),
}


@pytest.mark.parametrize("time_range", [MAY, MAY_PART], ids=["may", "part of may"])
def test_the_amortized_basis_counts_the_unblended_cost_of_lines_without_an_effective_cost(
    loaded: BillingStore, time_range: TimeRange
) -> None:
    """A month where some line items have no effective cost: each counts its unblended cost (per line, as DuckDB's
    COALESCE does), so every backend and every way of reading gives the same total, to the cent."""
    total = sum((_cost(r, CostBasis.AMORTIZED) for r in ROWS if _in_range(r, time_range)), Decimal(0))
    lacking = sum(_d(r["billed_cost"]) for r in ROWS if _in_range(r, time_range) and r["effective_cost"] is None)
    assert lacking > 1  # the case at hand: without the fallback the total would be off by that much
    for name, question in AMORTIZED_QUESTIONS.items():
        request = question(time_range)
        rows = loaded.aggregate(request)
        if request.limit is None:
            assert abs(Decimal(repr(sum(r.cost for r in rows))) - total) < HALF_CENT, name
        groups = expected(time_range, request.group_by, (), CostBasis.AMORTIZED)
        if request.granularity is Granularity.NONE:
            assert _same(rows, _top(groups, request.limit or len(groups))), name
