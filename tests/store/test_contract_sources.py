"""The store contract for several sources: one live delivery per billing period *per source*.

An AWS export and an Azure export of the same month are both live and summed; a re-delivery of one source
replaces only that source's rows; deleting one source's month leaves the others'; a store written before
sources were recorded (no source on its deliveries) keeps answering, its deliveries belonging to the source
their URI names, so the next delivery of that source replaces them instead of doubling the month. Every
backend (DuckDB, Elasticsearch, OpenSearch) passes it; expected numbers are Decimal sums of the rows.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.billing.model import AggregateRequest, Dimension, DimensionRef, Filter, TimeRange, combined_until
from bot.billing.store import BillingStore
from bot.errors import ReconciliationError
from tests.store.conftest import StoreFactory
from tests.store.sources import item, make_source, total

MARCH = TimeRange(date(2024, 3, 1), date(2024, 4, 1))
CUR, AZURE = "s3://billing/cur", "/exports/azure-focus"

AWS_ROWS = [
    item("2024-03-01", "100.00", hours=24),
    item("2024-03-02", "50.50", hours=24, service_name="Amazon Simple Storage Service"),
    item("2024-03-03", "25.25", hours=24),
]
AZURE_ROWS = [
    item(
        "2024-03-01",
        "70.10",
        hours=24,
        provider="azure",
        service_name="Virtual Machines",
        sub_account_id="sub-1",
        region_id="westeurope",
    ),
    item("2024-03-02", "30.05", hours=24, provider="azure", service_name="Storage", sub_account_id="sub-1"),
]


def _by_provider(store: BillingStore) -> dict[str, Decimal]:
    rows = store.aggregate(AggregateRequest(MARCH, group_by=(DimensionRef(Dimension.PROVIDER),)))
    return {r.keys[0]: Decimal(repr(r.cost)).quantize(Decimal("0.01")) for r in rows}


def _both(store: BillingStore, tmp: Path) -> None:
    store.replace_period(make_source(tmp, AWS_ROWS, delivery_id="cur-1", source=CUR))
    store.replace_period(make_source(tmp, AZURE_ROWS, delivery_id="az-1", source=AZURE))


def test_two_sources_of_one_month_are_both_live_and_summed(store_factory: StoreFactory, tmp_path: Path) -> None:
    writer, reader = store_factory(), store_factory()
    _both(writer, tmp_path)
    assert [(p.billing_period, p.source, p.delivery_id, p.rows) for p in reader.periods()] == [
        (date(2024, 3, 1), AZURE, "az-1", 2),
        (date(2024, 3, 1), CUR, "cur-1", 3),
    ]
    assert _by_provider(reader) == {"aws": total(AWS_ROWS), "azure": total(AZURE_ROWS)}
    rows = reader.aggregate(AggregateRequest(MARCH))
    assert Decimal(repr(rows[0].cost)).quantize(Decimal("0.01")) == total(AWS_ROWS) + total(AZURE_ROWS)
    assert {p.source for p in reader.freshness(MARCH).periods} == {CUR, AZURE}
    assert reader.period(date(2024, 3, 1), AZURE).delivery_id == "az-1"  # type: ignore[union-attr]
    assert reader.period(date(2024, 3, 1), "s3://elsewhere") is None
    assert set(reader.distinct_values(DimensionRef(Dimension.SERVICE))) >= {"Virtual Machines", "Storage"}


def test_a_redelivery_replaces_only_its_own_source(store_factory: StoreFactory, tmp_path: Path) -> None:
    store = store_factory()
    _both(store, tmp_path)
    revised = [*AZURE_ROWS, item("2024-03-03", "9.99", hours=24, provider="azure", service_name="Storage")]
    result = store.replace_period(make_source(tmp_path, revised, delivery_id="az-2", source=AZURE))
    assert result.replaced == "az-1"
    assert _by_provider(store) == {"aws": total(AWS_ROWS), "azure": total(revised)}
    assert [(p.source, p.delivery_id) for p in store.periods()] == [(AZURE, "az-2"), (CUR, "cur-1")]
    # A failed load of one source keeps both sources' live deliveries.
    with pytest.raises(ReconciliationError):
        store.replace_period(make_source(tmp_path, AWS_ROWS, delivery_id="cur-bad", source=CUR, expected_total="1"))
    assert _by_provider(store) == {"aws": total(AWS_ROWS), "azure": total(revised)}
    # The AWS source's re-delivery likewise leaves Azure alone.
    smaller = AWS_ROWS[:2]
    assert store.replace_period(make_source(tmp_path, smaller, delivery_id="cur-2", source=CUR)).replaced == "cur-1"
    assert _by_provider(store) == {"aws": total(smaller), "azure": total(revised)}
    assert len(store.periods()) == 2


def test_deleting_one_source_keeps_the_others(store_factory: StoreFactory, tmp_path: Path) -> None:
    store = store_factory()
    _both(store, tmp_path)
    assert store.delete_period(date(2024, 3, 1), CUR) is True
    assert store.delete_period(date(2024, 3, 1), CUR) is False
    assert _by_provider(store) == {"azure": total(AZURE_ROWS)}
    assert [p.source for p in store.periods()] == [AZURE]
    store.replace_period(make_source(tmp_path, AWS_ROWS, delivery_id="cur-1", source=CUR))
    assert store.delete_period(date(2024, 3, 1)) is True  # no source: the whole month, every source
    assert store.periods() == []


def test_freshness_waits_for_the_source_that_lags(store_factory: StoreFactory, tmp_path: Path) -> None:
    store = store_factory()
    _both(store, tmp_path)
    # AWS's daily lines reach March 4th 00:00, Azure's only March 3rd 00:00: March 2nd is the last day both
    # clouds have billed, so the store-wide freshness stops there.
    fresh = store.freshness(MARCH)
    assert fresh.data_until == datetime(2024, 3, 3, tzinfo=UTC)
    assert store.freshness().data_until == datetime(2024, 3, 3, tzinfo=UTC)
    assert combined_until(fresh.periods) == fresh.data_until


def test_a_source_that_stopped_delivering_does_not_hold_freshness_back(
    store_factory: StoreFactory, tmp_path: Path
) -> None:
    store = store_factory()
    old = [item("2024-01-10", "5.00", hours=24, provider="azure")]
    store.replace_period(make_source(tmp_path, old, delivery_id="az-jan", source=AZURE))
    store.replace_period(make_source(tmp_path, AWS_ROWS, delivery_id="cur-1", source=CUR))
    # Azure's last delivery is January: two months before AWS's March, so March's freshness is AWS's own.
    assert store.freshness().data_until == datetime(2024, 3, 4, tzinfo=UTC)


# ------------------------------------------------------------------------------ stores written before sources


def _forget_sources(store: BillingStore, root: Path) -> None:
    """Make every live delivery look as the code before sources wrote it: no `source` recorded (DuckDB: the
    catalog entry keyed by its month alone; search clusters: the index `_meta` without it)."""
    catalog_file = root / "catalog.json"
    if catalog_file.exists():
        raw = json.loads(catalog_file.read_text())
        periods: dict[str, Any] = {}
        for entry in raw["periods"].values():
            entry.pop("source")
            periods[entry["billing_period"]] = entry
        raw["periods"] = periods
        catalog_file.write_text(json.dumps(raw))
        return
    cluster = store._cluster  # type: ignore[attr-defined]
    for name, meta in store._live_indices().items():  # type: ignore[attr-defined]
        cluster.put_meta(name, {k: v for k, v in meta.items() if k != "source"})


def test_a_store_written_before_sources_keeps_answering_and_is_replaced_by_its_own_source(
    store_factory: StoreFactory, tmp_path: Path
) -> None:
    writer = store_factory()
    # The old pipeline recorded the source's URI and the manifest it read, and no source.
    manifest = f"{CUR} (metadata/BILLING_PERIOD=2024-03/cur-Manifest.json)"
    writer.replace_period(make_source(tmp_path, AWS_ROWS, delivery_id="cur-1", source=CUR, source_uri=manifest))
    _forget_sources(writer, tmp_path / "store")
    upgraded = store_factory()
    (legacy,) = upgraded.periods()
    assert (legacy.delivery_id, legacy.source, legacy.source_uri) == ("cur-1", CUR, manifest)
    assert _by_provider(upgraded) == {"aws": total(AWS_ROWS)}
    # Another source's month is added beside it ...
    upgraded.replace_period(make_source(tmp_path, AZURE_ROWS, delivery_id="az-1", source=AZURE))
    assert _by_provider(upgraded) == {"aws": total(AWS_ROWS), "azure": total(AZURE_ROWS)}
    # ... and the old delivery's own source replaces it instead of doubling the month.
    revised = [*AWS_ROWS, item("2024-03-04", "1.00", hours=24)]
    result = upgraded.replace_period(make_source(tmp_path, revised, delivery_id="cur-2", source=CUR))
    assert result.replaced == "cur-1"
    assert _by_provider(upgraded) == {"aws": total(revised), "azure": total(AZURE_ROWS)}
    assert sorted((p.source, p.delivery_id) for p in store_factory().periods()) == [(AZURE, "az-1"), (CUR, "cur-2")]


def test_sources_filter_nothing_by_themselves(store_factory: StoreFactory, tmp_path: Path) -> None:
    """A question filtered on a provider reads every source's rows of that provider."""
    store = store_factory()
    _both(store, tmp_path)
    rows = store.aggregate(AggregateRequest(MARCH, filters=(Filter(DimensionRef(Dimension.PROVIDER), ("azure",)),)))
    assert Decimal(repr(rows[0].cost)).quantize(Decimal("0.01")) == total(AZURE_ROWS)


def test_declared_completeness_is_recorded_per_source_and_combined(store_factory: StoreFactory, tmp_path: Path) -> None:
    """A delivery's FOCUS recency metadata (how far its provider declares the data complete) survives the load on
    every backend; freshness combines it over sources as it does the newest usage."""
    writer = store_factory()
    declared = datetime(2024, 3, 2, tzinfo=UTC)
    writer.replace_period(make_source(tmp_path, AZURE_ROWS, delivery_id="az-1", source=AZURE, complete_until=declared))
    reader = store_factory()
    assert reader.period(date(2024, 3, 1), AZURE).complete_until == declared  # type: ignore[union-attr]
    assert reader.freshness().complete_until == declared
    # An AWS export without metadata beside it: its own newest usage stands for its completeness.
    writer.replace_period(make_source(tmp_path, AWS_ROWS, delivery_id="cur-1", source=CUR))
    fresh = store_factory().freshness(MARCH)
    assert fresh.complete_until == declared  # Azure's declaration is the older of the two
    assert fresh.data_until == datetime(2024, 3, 3, tzinfo=UTC)
    assert store_factory().period(date(2024, 3, 1), CUR).complete_until is None  # type: ignore[union-attr]
