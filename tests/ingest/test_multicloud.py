"""Every billing export under ../shared/data ingests as its provider, and the stored totals per provider equal the
Decimal sums of the raw files: the FOCUS 1.0 sample (AWS, Microsoft and Oracle rows), OCI's own cost report,
Azure's EA usage export and the legacy AWS CUR sample. Then `/cost last month by provider` end to end."""

from __future__ import annotations

import csv
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.billing.model import AggregateRequest, Dimension, DimensionRef, Filter, TimeRange
from bot.billing.providers import provider_key
from bot.ingest.pipeline import ingest
from bot.store.base import BillingStore
from tests.support.shared_data import SHARED_DATA

FOCUS_SAMPLE = SHARED_DATA / "focus-sample-data" / "FOCUS-1.0" / "focus_sample.csv"
_CONVERTERS = SHARED_DATA / "finopsfoundation-focus_converters" / "focus_converter_base" / "tests"
OCI_REPORT = _CONVERTERS / "provider_config_tests" / "oci" / "reports_cost-csv_0000000030000269.csv"
AZURE_EA = _CONVERTERS / "provider_config_tests" / "azure" / "sample-anonymous-ea-export-dataset.csv"
AWS_CUR = _CONVERTERS / "provider_config_tests" / "aws" / "sample-anonymous-aws-export-dataset.csv"
PROVIDER = DimensionRef(Dimension.PROVIDER)
EVERYTHING = TimeRange(date(2000, 1, 1), date(2100, 1, 1))


def raw_sums(path: Path, cost: str, provider: str | None, fixed: str = "") -> dict[str, Decimal]:
    """Decimal sum of `cost` per provider key, read with the csv module ('NULL' and '' are no amount)."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    with path.open(newline="") as fh:
        for row in csv.DictReader(fh):
            value = row[cost]
            key = provider_key(row[provider]) if provider else fixed
            sums[key] += Decimal(value) if value not in ("", "NULL") else Decimal(0)
    return dict(sums)


def stored(store: BillingStore, **filters: str) -> dict[str, Decimal]:
    request = AggregateRequest(
        EVERYTHING,
        group_by=(PROVIDER,),
        filters=tuple(Filter(DimensionRef(Dimension(k)), (v,)) for k, v in filters.items()),
    )
    return {r.keys[0]: Decimal(repr(r.cost)) for r in store.aggregate(request)}


def assert_reconciled(got: dict[str, Decimal], expected: dict[str, Decimal]) -> None:
    assert set(got) == set(expected)
    for key, amount in expected.items():
        assert abs(got[key] - amount) < Decimal("0.000001"), (key, got[key], amount)


def test_the_focus_sample_is_three_providers_reconciled_each(store: Any, tmp_path: Path) -> None:
    report = ingest(str(FOCUS_SAMPLE), store, progress=False)
    assert [p.source_format for p in report.periods] == ["focus-1.0", "focus-1.0"]
    expected = raw_sums(FOCUS_SAMPLE, "BilledCost", "ProviderName")
    assert set(expected) == {"aws", "azure", "oci"}
    assert_reconciled(stored(store), expected)
    # A filter keeps one provider; AWS-only detail (usage types) is absent for the others, not an error.
    assert set(stored(store, provider="azure")) == {"azure"}
    usage = store.aggregate(
        AggregateRequest(
            EVERYTHING, group_by=(DimensionRef(Dimension.USAGE_TYPE),), filters=(Filter(PROVIDER, ("oci",)),)
        )
    )
    assert sum(Decimal(repr(r.cost)) for r in usage) == pytest.approx(expected["oci"])


def test_ocis_own_cost_report_ingests_as_oci(store: Any) -> None:
    (period,) = ingest(str(OCI_REPORT), store, progress=False).periods
    assert (period.billing_period, period.source_format, period.rows) == (date(2023, 11, 1), "oci", 506)
    assert_reconciled(stored(store), raw_sums(OCI_REPORT, "cost/myCost", None, "oci"))
    assert any(k.startswith("Oracle-Tags.") for k in store.tag_keys())
    regions = {
        r.keys[0] for r in store.aggregate(AggregateRequest(EVERYTHING, group_by=(DimensionRef(Dimension.REGION),)))
    }
    assert "us-sanjose-1" in regions


def test_azures_ea_export_ingests_as_azure_in_its_currency(store: Any) -> None:
    (period,) = ingest(str(AZURE_EA), store, progress=False).periods
    assert (period.billing_period, period.source_format, period.rows) == (date(2023, 9, 1), "azure", 27)
    assert_reconciled(stored(store), raw_sums(AZURE_EA, "CostInBillingCurrency", None, "azure"))
    assert store.periods()[0].currencies == ("CAD",)
    assert set(store.tag_keys()) >= {"tagA", "tagB", "tagC"}


def test_the_legacy_aws_cur_sample_is_aws(store: Any) -> None:
    ingest(str(AWS_CUR), store, progress=False)
    assert_reconciled(stored(store), raw_sums(AWS_CUR, "lineItem/UnblendedCost", None, "aws"))
