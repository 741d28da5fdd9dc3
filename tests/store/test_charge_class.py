"""The charge class through the store contract, on every backend: stored as ingestion gives it, derived from the
line item type and charge period where a source gives none, filterable and groupable like any dimension, and
derived on read for data stored before the column existed (DuckDB files, Elasticsearch indices).

The expected classes are written out by hand from the CUR data dictionary's meaning of each line item type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.charges import PERIOD_CHARGES, USAGE_ONLY, ChargeClass
from bot.billing.model import (
    LINE_ITEM_COLUMNS,
    AggregateRequest,
    AggregateRow,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    TimeRange,
)
from bot.billing.store import BillingStore, NormalizedSource
from tests.store.sources import item, make_source

DEC = TimeRange(date(2024, 12, 1), date(2025, 1, 1))
MONTH_HOURS = 31 * 24
CLASS = DimensionRef(Dimension.CHARGE_CLASS)
SERVICE = DimensionRef(Dimension.SERVICE)


def month_long(cost: str, line_type: str, **kw: object) -> dict[str, object]:
    """A line booked for the whole of December on the 1st, as AWS books fees, tax and monthly credits."""
    return item("2024-12-01", cost, hours=MONTH_HOURS, line_item_type=line_type, **kw)


#: (row, the class it must have)
ROWS: list[tuple[dict[str, object], str]] = [
    (item("2024-12-02", "10.00"), "usage"),
    (item("2024-12-02", "2.00", hour=1, line_item_type="DiscountedUsage"), "usage"),
    (item("2024-12-02", "-1.00", hour=2, line_item_type="SavingsPlanNegation"), "usage"),
    (item("2024-12-02", "-0.50", hour=3, line_item_type="EdpDiscount"), "usage"),
    (item("2024-12-03", "-0.25", line_item_type="Credit", charge_category="Credit"), "usage"),  # tracks usage
    (item("2024-12-03", "1.50", hours=24, line_item_type="SavingsPlanRecurringFee"), "recurring"),
    (month_long("300.00", "RIFee", charge_category="Purchase", usage_type="HeavyUsage:m5.large"), "recurring"),
    (month_long("100.00", "Usage", service_name="AWS Support (Business)", usage_type="Dollar"), "recurring"),
    (month_long("500.00", "Fee", charge_category="Purchase"), "one-time"),
    (month_long("40.00", "Tax", charge_category="Tax", service_name="Tax", usage_type=""), "tax"),
    (month_long("-300.00", "Credit", charge_category="Credit"), "credit"),
    (month_long("-20.00", "Refund", charge_category="Credit"), "adjustment"),
]
#: A class the source gives itself (FOCUS says so) wins over what the fields would suggest.
GIVEN = (item("2024-12-04", "7.00", charge_class="credit"), "credit")


def expected(rows: Sequence[tuple[Mapping[str, object], str]]) -> dict[str, Decimal]:
    out: dict[str, Decimal] = {}
    for row, cls in rows:
        out[cls] = out.get(cls, Decimal(0)) + Decimal(str(row["billed_cost"]))
    return out


def by_class(store: BillingStore, *filters: Filter, granularity: Granularity = Granularity.NONE) -> dict[str, Decimal]:
    rows = store.aggregate(AggregateRequest(DEC, group_by=(CLASS,), filters=filters, granularity=granularity))
    out: dict[str, Decimal] = {}
    for r in rows:
        out[r.keys[0]] = out.get(r.keys[0], Decimal(0)) + Decimal(str(round(r.cost, 6)))
    return out


def total(rows: Sequence[AggregateRow]) -> Decimal:
    return Decimal(str(round(sum(r.cost for r in rows), 6)))


def test_classes_are_stored_given_or_derived(store: BillingStore, tmp_path: Path) -> None:
    rows = [*ROWS, GIVEN]
    store.replace_period(make_source(tmp_path, [r for r, _ in rows]))
    assert by_class(store) == expected(rows)
    # The daily summary tables answer the same (a daily series reads them, not the line items).
    assert by_class(store, granularity=Granularity.DAY) == expected(rows)
    streamed = {(str(r["line_item_type"]), str(r["charge_class"])) for r in store.iter_line_items(DEC)}
    assert ("RIFee", "recurring") in streamed and ("Usage", "credit") in streamed


def test_usage_and_period_charges_filter_apart(store: BillingStore, tmp_path: Path) -> None:
    store.replace_period(make_source(tmp_path, [r for r, _ in ROWS]))
    usage = store.aggregate(AggregateRequest(DEC, filters=(USAGE_ONLY,)))
    period = store.aggregate(AggregateRequest(DEC, filters=(PERIOD_CHARGES,)))
    assert total(usage) == Decimal("10.25")  # 10 + 2 - 1 - 0.5 - 0.25
    assert total(period) == Decimal("621.50")  # 1.5 + 300 + 100 + 500 + 40 - 300 - 20
    fees = Filter(CLASS, (ChargeClass.RECURRING.value, ChargeClass.TAX.value))
    grouped = store.aggregate(AggregateRequest(DEC, group_by=(SERVICE,), filters=(fees,)))
    assert {r.keys[0]: round(r.cost, 2) for r in grouped} == {
        "Amazon Elastic Compute Cloud": 301.5,
        "AWS Support (Business)": 100.0,
        "Tax": 40.0,
    }


def _legacy(source: NormalizedSource) -> NormalizedSource:
    """The source as ingestion wrote it before the charge class existed."""
    return dataclasses.replace(source, select_sql=f"SELECT * EXCLUDE (charge_class) FROM ({source.select_sql})")


def load_as_before_the_column(store: BillingStore, source: NormalizedSource, monkeypatch: pytest.MonkeyPatch) -> None:
    """Load `source` with the store code as it was before `charge_class` (no column, no field, no rollup key)."""
    old_columns = tuple(c for c in LINE_ITEM_COLUMNS if c[0] != "charge_class")
    with monkeypatch.context() as patch:
        if store.scheme == "duckdb":
            import bot.store.duckdb as duck

            patch.setattr(duck, "LINE_ITEM_COLUMN_NAMES", tuple(c[0] for c in old_columns))
            old_rollups = tuple(
                dataclasses.replace(r, dimensions=tuple(d for d in r.dimensions if d != "charge_class"))
                for r in duck.ROLLUPS
            )
            patch.setattr(duck, "ROLLUPS", old_rollups)
        else:
            import bot.store.search_cluster as es

            patch.setattr(es, "LINE_ITEM_COLUMNS", old_columns)
        store.replace_period(_legacy(source))


def test_data_stored_before_the_column_reads_derived_classes(
    store: BillingStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_as_before_the_column(store, make_source(tmp_path, [r for r, _ in ROWS]), monkeypatch)
    assert by_class(store) == expected(ROWS)
    assert by_class(store, granularity=Granularity.DAY) == expected(ROWS)
    assert total(store.aggregate(AggregateRequest(DEC, filters=(USAGE_ONLY,)))) == Decimal("10.25")
    assert total(store.aggregate(AggregateRequest(DEC, filters=(PERIOD_CHARGES,)))) == Decimal("621.50")
    top = store.aggregate(AggregateRequest(DEC, group_by=(CLASS,), limit=2))
    assert [(r.keys[0], round(r.cost, 2)) for r in top] == [("one-time", 500.0), ("recurring", 401.5)]
    assert store.count_groups(AggregateRequest(DEC, group_by=(CLASS,))) == 6
    streamed = {str(r["line_item_type"]): str(r["charge_class"]) for r in store.iter_line_items(DEC)}
    assert streamed["Fee"] == "one-time" and streamed["Tax"] == "tax"


def test_old_and_new_periods_answer_together(
    store: BillingStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_as_before_the_column(store, make_source(tmp_path, [r for r, _ in ROWS]), monkeypatch)
    january = [item("2025-01-02", "4.00"), month_long_january("60.00")]
    store.replace_period(make_source(tmp_path, january))
    both = TimeRange(date(2024, 12, 1), date(2025, 2, 1))
    rows = store.aggregate(AggregateRequest(both, group_by=(CLASS,), granularity=Granularity.MONTH))
    got = {(r.bucket.date() if r.bucket else None, r.keys[0]): round(r.cost, 2) for r in rows}
    assert got[(date(2024, 12, 1), "usage")] == 10.25
    assert got[(date(2025, 1, 1), "usage")] == 4.0
    assert got[(date(2025, 1, 1), "tax")] == 60.0


def month_long_january(cost: str) -> dict[str, object]:
    return item("2025-01-01", cost, hours=31 * 24, line_item_type="Tax", charge_category="Tax", service_name="Tax")
