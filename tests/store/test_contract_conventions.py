"""The BillingStore contract, continued: Cost Explorer's conventions for group keys and filters (tax as its own
service, the labels of empty values, legacy CUR's `global` region), and what every period records at load
(currencies, net cost). Every backend passes it (see conftest.BACKENDS).

The expected numbers are Decimal sums over the hand-written rows, with the rules written out in `key`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.model import (
    NOT_TAGGABLE,
    TAGGABLE,
    AggregateRequest,
    AggregateRow,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    TimeRange,
)
from bot.billing.store import BillingStore
from tests.store.sources import item, make_source

MAR = TimeRange(date(2024, 3, 1), date(2024, 4, 1))
APR = TimeRange(date(2024, 4, 1), date(2024, 5, 1))
EC2, S3, R53, SUPPORT = (
    "Amazon Elastic Compute Cloud",
    "Amazon Simple Storage Service",
    "Amazon Route 53",
    "AWS Support (Business)",
)
SERVICE, REGION, USAGE_TYPE, RESOURCE, OPERATION, CHARGE, CURRENCY = (
    DimensionRef(d)
    for d in (
        Dimension.SERVICE,
        Dimension.REGION,
        Dimension.USAGE_TYPE,
        Dimension.RESOURCE,
        Dimension.OPERATION,
        Dimension.CHARGE_TYPE,
        Dimension.CURRENCY,
    )
)
TAX_ONLY = Filter(CHARGE, ("Tax",))

# A month of a legacy CUR as AWS writes it: tax lines carry the service they were charged on and no region or
# usage type; Route 53 is billed in the region `global`; support has no region; a Cost Explorer style row names
# the service `Tax` itself.
ROWS = [
    item("2024-03-02", "10.00", resource_id="i-1", tags={"team": "web"}),
    item(
        "2024-03-02",
        "5.00",
        service_name=S3,
        region_id="eu-west-1",
        usage_type="TimedStorage",
        resource_id="bucket-1",
        tags={"team": "data"},
    ),
    item("2024-03-03", "3.00", service_name=R53, region_id="global", usage_type="HostedZone", resource_id="zone-1"),
    item(
        "2024-03-01",
        "4.00",
        hours=31 * 24,
        service_name=SUPPORT,
        region_id="",
        usage_type="Dollar",
        operation="",
        line_item_type="Fee",
        charge_category="Purchase",
    ),
    item(
        "2024-03-01",
        "2.00",
        hours=31 * 24,
        region_id="",
        usage_type="",
        operation="",
        line_item_type="Tax",
        charge_category="Tax",
    ),
    item(
        "2024-03-01",
        "1.00",
        hours=31 * 24,
        service_name=S3,
        region_id="",
        usage_type="",
        operation="",
        line_item_type="Tax",
        charge_category="Tax",
    ),
    item("2024-03-04", "0.50", service_name="Tax", region_id="us-east-1", usage_type="", operation=""),
    item(
        "2024-03-05",
        "-1.50",
        region_id="",
        usage_type="",
        operation="",
        line_item_type="Credit",
        charge_category="Credit",
    ),
]
EMPTY = {"region_id": "global"}


def key(row: Mapping[str, object], column: str, *, fold_tax: bool = True) -> str:
    """The group key of `row` (the contract, written out): tax reads as the service `Tax` (unless the question
    keeps only tax); empty values read `global` for regions (like a stored `global`), `(none)` otherwise."""
    if column == "service_name" and fold_tax and row["charge_category"] == "Tax":
        return "Tax"
    value = row.get(column)
    return str(value) if value not in (None, "") else EMPTY.get(column, "(none)")


def expected(rows: Sequence[Mapping[str, object]], column: str, *, fold_tax: bool = True) -> dict[str, Decimal]:
    out: dict[str, Decimal] = defaultdict(Decimal)
    for r in rows:
        out[key(r, column, fold_tax=fold_tax)] += Decimal(str(r["billed_cost"]))
    return dict(out)


def total(rows: Sequence[Mapping[str, object]]) -> Decimal:
    return sum((Decimal(str(r["billed_cost"])) for r in rows), Decimal(0))


def by_key(rows: Sequence[AggregateRow]) -> dict[str, Decimal]:
    return {r.keys[0]: Decimal(str(round(r.cost, 6))) for r in rows}


def cost(rows: Sequence[AggregateRow]) -> Decimal:
    return Decimal(str(round(sum(r.cost for r in rows), 6)))


@pytest.fixture
def march(store: BillingStore, tmp_path: Path) -> BillingStore:
    store.replace_period(make_source(tmp_path, ROWS, delivery_id="mar-1"))
    return store


def agg(store: BillingStore, **kw: object) -> list[AggregateRow]:
    return store.aggregate(AggregateRequest(MAR, **kw))  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------- tax


def test_tax_is_its_own_service(march: BillingStore) -> None:
    got = by_key(agg(march, group_by=(SERVICE,)))
    assert got == expected(ROWS, "service_name")
    assert got["Tax"] == Decimal("3.50")  # EC2's and S3's tax, and the row Cost Explorer calls Tax
    assert got[EC2] == Decimal("8.50")  # usage and the credit, without EC2's 2.00 of tax


@pytest.mark.parametrize(
    ("values", "negate", "expected_cost"),
    [
        (("Tax",), False, "3.50"),
        (("Tax",), True, "20.50"),
        ((EC2,), False, "8.50"),
        ((EC2,), True, "15.50"),
        ((EC2, "Tax"), False, "12.00"),
        ((EC2, "Tax"), True, "12.00"),
    ],
)
def test_service_filters_see_tax_as_a_service(
    march: BillingStore, values: tuple[str, ...], negate: bool, expected_cost: str
) -> None:
    assert cost(agg(march, filters=(Filter(SERVICE, values, negate),))) == Decimal(expected_cost)


def test_tax_by_the_service_it_was_charged_on(march: BillingStore) -> None:
    """A question keeping only tax shows each tax line under its own service, and filters by it."""
    taxed = [r for r in ROWS if r["charge_category"] == "Tax"]
    got = by_key(agg(march, group_by=(SERVICE,), filters=(TAX_ONLY,)))
    assert got == expected(taxed, "service_name", fold_tax=False) == {EC2: Decimal("2.00"), S3: Decimal("1.00")}
    assert cost(agg(march, filters=(TAX_ONLY, Filter(SERVICE, (EC2,))))) == Decimal("2.00")


def test_top_services_and_series_fold_tax(march: BillingStore) -> None:
    top = agg(march, group_by=(SERVICE,), limit=2)
    assert [(r.keys[0], round(r.cost, 6)) for r in top] == [(EC2, 8.5), (S3, 5.0)]
    assert march.count_groups(AggregateRequest(MAR, group_by=(SERVICE,))) == len(expected(ROWS, "service_name"))
    daily = agg(march, group_by=(SERVICE,), granularity=Granularity.DAY)
    first = {r.keys[0]: round(r.cost, 6) for r in daily if r.bucket is not None and r.bucket.day == 1}
    assert first == {"Tax": 3.0, SUPPORT: 4.0}


def test_distinct_services_include_tax_and_the_services_charged(march: BillingStore) -> None:
    services = march.distinct_values(SERVICE)
    assert set(services) == {EC2, S3, R53, SUPPORT, "Tax"}
    assert services[0] == EC2


def test_tag_coverage_and_line_items_apply_service_filters_alike(march: BillingStore) -> None:
    (team,) = march.tag_coverage(MAR, [Filter(SERVICE, ("Tax",), negate=True)])
    assert (team.tagged_cost, team.total_cost) == (15.0, 20.5)
    items = list(march.iter_line_items(MAR, [Filter(SERVICE, ("Tax",))], columns=["billed_cost", "service_name"]))
    assert sorted((r["service_name"], r["billed_cost"]) for r in items) == [(EC2, 2.0), (S3, 1.0), ("Tax", 0.5)]


# ------------------------------------------------------------------------------------- empty values


@pytest.mark.parametrize(
    ("ref", "column"),
    [(USAGE_TYPE, "usage_type"), (RESOURCE, "resource_id"), (OPERATION, "operation"), (REGION, "region_id")],
)
def test_empty_values_read_none_and_regions_global(march: BillingStore, ref: DimensionRef, column: str) -> None:
    assert by_key(agg(march, group_by=(ref,))) == expected(ROWS, column)
    label = "global" if ref.kind is Dimension.REGION else "(none)"
    empties = expected(ROWS, column)[label]
    assert cost(agg(march, filters=(Filter(ref, (label,)),))) == empties
    assert cost(agg(march, filters=(Filter(ref, (label,), negate=True),))) == total(ROWS) - empties
    assert label not in march.distinct_values(ref)


def test_region_global_matches_legacy_global_rows_and_charges_without_region(march: BillingStore) -> None:
    regions = by_key(agg(march, group_by=(REGION,)))
    assert regions["global"] == Decimal("8.50")  # Route 53 in `global` + support, tax and the credit without one
    assert "" not in regions and "(none)" not in regions
    assert cost(agg(march, filters=(Filter(REGION, ("global",)),))) == Decimal("8.50")
    # Top N ranks `global` once, with both spellings' cost together.
    top = agg(march, group_by=(REGION,), limit=2)
    assert [(r.keys[0], round(r.cost, 6)) for r in top] == [("us-east-1", 10.5), ("global", 8.5)]
    assert march.count_groups(AggregateRequest(MAR, group_by=(REGION,))) == 3


def test_filters_on_one_dimension_all_apply(march: BillingStore) -> None:
    """The query layer adds its own filters (taggable usage, a currency) to the asker's: they combine (AND)."""
    rows = agg(march, filters=(Filter(CHARGE, ("Usage", "Tax")), Filter(CHARGE, ("Tax",), negate=True)))
    assert cost(rows) == Decimal("18.50")  # 10 + 5 + 3 + 0.5


def test_taggable_usage_is_the_usage_charges(march: BillingStore) -> None:
    assert cost(agg(march, filters=(TAGGABLE,))) == Decimal("18.50")
    assert cost(agg(march, filters=(NOT_TAGGABLE,))) == Decimal("5.50")  # support 4 + tax 3 - credit 1.50
    untagged = by_key(agg(march, group_by=(DimensionRef.tag("team"),), filters=(TAGGABLE,)))
    assert untagged == {"web": Decimal("10.00"), "data": Decimal("5.00"), "untagged": Decimal("3.50")}


# -------------------------------------------------------------------------------- currency and net


def test_periods_record_their_currencies_and_net_cost(store: BillingStore, tmp_path: Path) -> None:
    eur = [item("2024-03-02", "7.00", currency="EUR"), item("2024-03-03", "1.00", currency="")]
    mixed = [
        item("2024-04-02", "2.00", currency="USD", net_cost="1.80"),
        item("2024-04-03", "3.00", currency="EUR"),
    ]
    store.replace_period(make_source(tmp_path, eur))
    store.replace_period(make_source(tmp_path, mixed))
    march, april = store.periods()
    assert (march.currencies, march.has_net_cost) == (("EUR",), False)
    assert (april.currencies, april.has_net_cost) == (("EUR", "USD"), True)
    assert store.freshness(TimeRange(MAR.start, APR.end)).currencies == ("EUR", "USD")
    by_currency = by_key(store.aggregate(AggregateRequest(APR, group_by=(CURRENCY,))))
    assert by_currency == {"USD": Decimal("2.00"), "EUR": Decimal("3.00")}
    eur_only = store.aggregate(AggregateRequest(APR, filters=(Filter(CURRENCY, ("EUR",)),)))
    assert cost(eur_only) == Decimal("3.00")
    assert store.distinct_values(CURRENCY) == ["EUR", "USD"]


# ------------------------------------------------------------------------------------------ providers

PROVIDER = DimensionRef(Dimension.PROVIDER)


def test_provider_is_a_dimension_and_a_filter(store: BillingStore, tmp_path: Path) -> None:
    rows = [
        item("2024-04-02", "2.00", provider="aws", usage_type="USE1-BoxUsage:m5.large"),
        item("2024-04-03", "3.00", provider="azure", usage_type="", operation="", service_name="Virtual Machines"),
        item("2024-04-04", "0.25", provider="oci", usage_type="", operation="", service_name="DATABASE"),
        item("2024-04-05", "1.00", provider="azure", usage_type="", operation="", service_name="Storage"),
    ]
    store.replace_period(make_source(tmp_path, rows))
    assert by_key(store.aggregate(AggregateRequest(APR, group_by=(PROVIDER,)))) == {
        "aws": Decimal("2.00"),
        "azure": Decimal("4.00"),
        "oci": Decimal("0.25"),
    }
    azure = store.aggregate(
        AggregateRequest(APR, group_by=(DimensionRef(Dimension.SERVICE),), filters=(Filter(PROVIDER, ("azure",)),))
    )
    assert by_key(azure) == {"Virtual Machines": Decimal("3.00"), "Storage": Decimal("1.00")}
    # AWS-only detail stays where present and reads (none) elsewhere, without breaking a breakdown.
    usage = by_key(store.aggregate(AggregateRequest(APR, group_by=(DimensionRef(Dimension.USAGE_TYPE),))))
    assert usage == {"USE1-BoxUsage:m5.large": Decimal("2.00"), "(none)": Decimal("4.25")}
    assert sorted(store.distinct_values(PROVIDER)) == ["aws", "azure", "oci"]


def _load_before_the_provider_column(store: BillingStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """AWS line items loaded by the store code as it was before `provider` (no column, field or rollup key)."""
    import dataclasses

    from bot.billing.model import LINE_ITEM_COLUMNS

    old = make_source(tmp_path, [item("2024-04-02", "2.00"), item("2024-04-03", "3.00", resource_id="i-1")])
    with monkeypatch.context() as patch:
        if store.scheme == "duckdb":
            import bot.store.duckdb as duck

            names = tuple(c for c in duck.LINE_ITEM_COLUMN_NAMES if c != "provider")
            patch.setattr(duck, "LINE_ITEM_COLUMN_NAMES", names)
            rollups = tuple(
                dataclasses.replace(r, dimensions=tuple(d for d in r.dimensions if d != "provider"))
                for r in duck.ROLLUPS
            )
            patch.setattr(duck, "ROLLUPS", rollups)
        else:
            import bot.store.search_cluster as cluster

            patch.setattr(cluster, "LINE_ITEM_COLUMNS", tuple(c for c in LINE_ITEM_COLUMNS if c[0] != "provider"))
            patch.setattr(cluster.SearchClusterStore, "_load_summaries", lambda *_: {})  # before summaries too
        store.replace_period(
            dataclasses.replace(old, select_sql=f"SELECT * EXCLUDE (provider) FROM ({old.select_sql})")
        )


def test_line_items_stored_before_the_provider_column_are_aws(
    store: BillingStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _load_before_the_provider_column(store, tmp_path, monkeypatch)
    may = [item("2024-05-02", "7.00", provider="azure"), item("2024-05-03", "1.00", provider="aws")]
    store.replace_period(make_source(tmp_path, may))
    both = TimeRange(date(2024, 4, 1), date(2024, 6, 1))
    assert by_key(store.aggregate(AggregateRequest(both, group_by=(PROVIDER,)))) == {
        "aws": Decimal("6.00"),
        "azure": Decimal("7.00"),
    }
    assert by_key(store.aggregate(AggregateRequest(APR, group_by=(PROVIDER,), limit=1))) == {"aws": Decimal("5.00")}
    aws = store.aggregate(AggregateRequest(both, filters=(Filter(PROVIDER, ("aws",)),)))
    assert cost(aws) == Decimal("6.00")
    not_aws = store.aggregate(AggregateRequest(both, filters=(Filter(PROVIDER, ("aws",), negate=True),)))
    assert cost(not_aws) == Decimal("7.00")
    assert store.count_groups(AggregateRequest(both, group_by=(PROVIDER,))) == 2
    assert sorted(store.distinct_values(PROVIDER)) == ["aws", "azure"]
    assert {str(r["provider"]) for r in store.iter_line_items(APR)} == {"aws"}
