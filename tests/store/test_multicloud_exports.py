"""Every billing export under ../shared/data ingests as its provider, on every backend, and the stored totals per
provider equal the Decimal sums of the raw files read with the csv module alone: the FOCUS 1.0 sample (AWS,
Microsoft and Oracle rows), OCI's own cost report, Azure's EA usage export, the legacy AWS CUR sample, Koku's
S3-laid-out CUR delivery and its final and not-final single-file CURs, and the hand-made CUR 1.0 (zip) and CUR
2.0 layouts.

Refused on purpose, and tested where the refusal is (tests/ingest/test_samples.py): Koku's koku-local delivery
(rows of three billing periods under one manifest), its alt-columns file and test_cur.csv(.gz) (short rows: 130
values under 131 names) and its header-only file (an empty period, nothing to reconcile)."""

from __future__ import annotations

import csv
import gzip
import io
import shutil
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.charges import ChargeClass
from bot.billing.model import AggregateRequest, Dimension, DimensionRef, Filter, TimeRange
from bot.billing.providers import provider_key
from bot.billing.store import BillingStore
from bot.ingest.pipeline import ingest
from tests.support.shared_data import SHARED_DATA

FOCUS_SAMPLE = SHARED_DATA / "focus-sample-data" / "FOCUS-1.0" / "focus_sample.csv"
_CONVERTERS = SHARED_DATA / "finopsfoundation-focus_converters" / "focus_converter_base" / "tests"
OCI_REPORT = _CONVERTERS / "provider_config_tests" / "oci" / "reports_cost-csv_0000000030000269.csv"
AZURE_EA = _CONVERTERS / "provider_config_tests" / "azure" / "sample-anonymous-ea-export-dataset.csv"
AWS_CUR = _CONVERTERS / "provider_config_tests" / "aws" / "sample-anonymous-aws-export-dataset.csv"
KOKU = SHARED_DATA / "project-koku-koku" / "koku" / "masu" / "test" / "data"
KEBOOLA = SHARED_DATA / "keboola-component-aws-cost-and-usage-reports" / "tests" / "mock_data"
PROVIDER = DimensionRef(Dimension.PROVIDER)
EVERYTHING = TimeRange(date(2000, 1, 1), date(2100, 1, 1))


@dataclass(frozen=True)
class Export:
    """One shared billing export: what to ingest, and how to sum its raw files independently."""

    name: str
    path: Path  # a file, or a folder laid out as in S3
    cost: str  # the raw column the bill's amount is in
    provider: str | None  # the raw column naming the provider, or None when the format has one provider
    fixed: str = "aws"  # that one provider's key


EXPORTS = [
    Export("focus-1.0 sample", FOCUS_SAMPLE, "BilledCost", "ProviderName"),
    Export("oci cost report", OCI_REPORT, "cost/myCost", None, "oci"),
    Export("azure ea export", AZURE_EA, "CostInBillingCurrency", None, "azure"),
    Export("aws cur sample", AWS_CUR, "lineItem/UnblendedCost", None),
    Export("koku cur delivery", KOKU / "extracted" / "my-prefix", "lineItem/UnblendedCost", None),
    Export("koku final cur", KOKU / "aws" / "2023-06-01.csv", "lineItem/UnblendedCost", None),
    Export("koku not-final cur", KOKU / "aws" / "2023-06-01-not-final.csv", "lineItem/UnblendedCost", None),
    Export("keboola cur 1.0 zip", KEBOOLA / "cur_1_0" / "s3_structure", "lineItem/UnblendedCost", None),
    Export("keboola cur 2.0", KEBOOLA / "cur_2_0" / "s3_structure", "line_item_unblended_cost", None),
]


def _raw_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of every CSV, csv.gz or zipped CSV at `path` (a file or a folder), read with the csv module only."""
    files = sorted(p for p in path.rglob("*") if p.name.endswith((".csv", ".csv.gz", ".csv.zip"))) or [path]
    for file in files if path.is_dir() else [path]:
        if file.name.endswith(".zip"):
            with zipfile.ZipFile(file) as z:
                for name in z.namelist():
                    yield from csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8"))
        elif file.name.endswith(".gz"):
            with gzip.open(file, "rt", encoding="utf-8", newline="") as fh:
                yield from csv.DictReader(fh)
        else:
            with file.open(encoding="utf-8", newline="") as fh:
                yield from csv.DictReader(fh)


def raw_sums(export: Export) -> dict[str, Decimal]:
    """Decimal sum of the export's cost column per provider key ('NULL' and '' are no amount)."""
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for row in _raw_rows(export.path):
        value = row[export.cost]
        key = provider_key(row[export.provider]) if export.provider else export.fixed
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


def _copy(src: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "src" / src.name
    if src.is_dir():
        shutil.copytree(src, dest)
    else:
        dest.parent.mkdir(parents=True)
        shutil.copy(src, dest)
    return dest


@pytest.mark.parametrize("export", EXPORTS, ids=[e.name for e in EXPORTS])
def test_every_shared_billing_export_reconciles_per_provider(
    export: Export, store: BillingStore, tmp_path: Path
) -> None:
    ingest(str(_copy(export.path, tmp_path)), store, progress=False)
    expected = raw_sums(export)
    assert_reconciled(stored(store), expected)
    for provider, amount in expected.items():
        assert_reconciled(stored(store, provider=provider), {provider: amount})


def test_the_focus_sample_is_three_providers_reconciled_each(store: BillingStore, tmp_path: Path) -> None:
    report = ingest(str(_copy(FOCUS_SAMPLE, tmp_path)), store, progress=False)
    assert [p.source_format for p in report.periods] == ["focus-1.0", "focus-1.0"]
    expected = raw_sums(EXPORTS[0])
    assert set(expected) == {"aws", "azure", "oci"}
    assert_reconciled(stored(store), expected)
    # AWS-only detail (usage types) is absent for the others, not an error.
    usage = store.aggregate(
        AggregateRequest(
            EVERYTHING, group_by=(DimensionRef(Dimension.USAGE_TYPE),), filters=(Filter(PROVIDER, ("oci",)),)
        )
    )
    assert sum(Decimal(repr(r.cost)) for r in usage) == pytest.approx(expected["oci"])
    assert sorted(store.distinct_values(PROVIDER)) == ["aws", "azure", "oci"]


def test_ocis_own_cost_report_ingests_as_oci(store: BillingStore, tmp_path: Path) -> None:
    (period,) = ingest(str(_copy(OCI_REPORT, tmp_path)), store, progress=False).periods
    assert (period.billing_period, period.source_format, period.rows) == (date(2023, 11, 1), "oci", 506)
    assert any(k.startswith("Oracle-Tags.") for k in store.tag_keys())
    regions = {
        r.keys[0] for r in store.aggregate(AggregateRequest(EVERYTHING, group_by=(DimensionRef(Dimension.REGION),)))
    }
    assert "us-sanjose-1" in regions


def test_azures_ea_export_ingests_as_azure_in_its_currency(store: BillingStore, tmp_path: Path) -> None:
    (period,) = ingest(str(_copy(AZURE_EA, tmp_path)), store, progress=False).periods
    assert (period.billing_period, period.source_format, period.rows) == (date(2023, 9, 1), "azure", 27)
    assert store.periods()[0].currencies == ("CAD",)
    assert set(store.tag_keys()) >= {"tagA", "tagB", "tagC"}


def _by_class(store: BillingStore) -> dict[str, Decimal]:
    request = AggregateRequest(EVERYTHING, group_by=(DimensionRef(Dimension.CHARGE_CLASS),))
    return {r.keys[0]: Decimal(repr(r.cost)).quantize(Decimal("0.01")) for r in store.aggregate(request)}


def _rewrite(src: Path, dest: Path, changes: dict[int, dict[str, str]]) -> Path:
    """`src` with the given cells of data rows (0-based) replaced, written to `dest`."""
    with src.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = list(reader.fieldnames or ())
        rows = list(reader)
    for index, cells in changes.items():
        rows[index].update(cells)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)
    return dest


def test_azure_charge_types_and_frequencies_are_charge_classes(store: BillingStore, tmp_path: Path) -> None:
    money = {"CostInBillingCurrency": "100"}
    path = _rewrite(
        AZURE_EA,
        tmp_path / "azure" / "usage.csv",
        {
            0: {**money, "ChargeType": "Purchase", "Frequency": "Recurring"},
            1: {**money, "ChargeType": "Purchase", "Frequency": "OneTime"},
            2: {**money, "ChargeType": "Refund", "Frequency": "OneTime", "CostInBillingCurrency": "-40"},
            3: {**money, "ChargeType": "Tax", "Frequency": "OneTime", "CostInBillingCurrency": "13"},
        },
    )
    ingest(str(path), store, progress=False)
    usage = raw_sums(Export("azure", AZURE_EA, "CostInBillingCurrency", None, "azure"))["azure"]
    usage -= sum(Decimal(r["CostInBillingCurrency"]) for r in list(_raw_rows(AZURE_EA))[:4])
    assert _by_class(store) == {
        ChargeClass.USAGE.value: usage.quantize(Decimal("0.01")),
        ChargeClass.RECURRING.value: Decimal("100.00"),
        ChargeClass.ONE_TIME.value: Decimal("100.00"),
        ChargeClass.ADJUSTMENT.value: Decimal("-40.00"),
        ChargeClass.TAX.value: Decimal("13.00"),
    }


def test_an_oci_correction_is_an_adjustment_and_the_rest_usage(store: BillingStore, tmp_path: Path) -> None:
    path = _rewrite(
        OCI_REPORT,
        tmp_path / "oci" / OCI_REPORT.name,
        {0: {"lineItem/isCorrection": "true", "cost/myCost": "-2.5"}},
    )
    ingest(str(path), store, progress=False)
    total = raw_sums(Export("oci", path, "cost/myCost", None, "oci"))["oci"]
    assert _by_class(store) == {
        ChargeClass.USAGE.value: (total + Decimal("2.5")).quantize(Decimal("0.01")),
        ChargeClass.ADJUSTMENT.value: Decimal("-2.50"),
    }


def test_a_google_cloud_billing_export_ingests_as_gcp_with_credits_apart(store: BillingStore, tmp_path: Path) -> None:
    """Google's standard usage cost export (parquet, as BigQuery extracts it): each invoice month reconciles to
    cost plus credits summed from the raw JSON rows; promotions and the free tier are credits of their own, the
    discounts attached to usage follow the usage; projects are the accounts, labels the tags."""
    from tests.ingest.gcp_export import credits_by_type, invoiced, write_parquet

    write_parquet(tmp_path / "src" / "billing" / "export-000000000000.parquet")
    report = ingest(str(tmp_path / "src"), store, progress=False)
    expected = invoiced()
    assert [(p.billing_period, p.source_format, p.status) for p in report.periods] == [
        (date(2026, 10, 1), "gcp", "loaded"),
        (date(2026, 11, 1), "gcp", "loaded"),
    ]
    for p in report.periods:
        assert Decimal(p.billed_total) == expected[p.billing_period]
    assert_reconciled(stored(store), {"gcp": sum(expected.values(), Decimal(0))})
    november = TimeRange(date(2026, 11, 1), date(2026, 12, 1))
    # Late usage of October 31st is billed on November's invoice, as Google bills it.
    late = store.aggregate(AggregateRequest(TimeRange(date(2026, 10, 31), date(2026, 11, 1))))
    assert Decimal(repr(late[0].cost)).quantize(Decimal("0.000001")) == Decimal("0.101946")
    credits = credits_by_type()
    classes = _by_class(store)
    assert classes["credit"] == (credits["PROMOTION"] + credits["FREE_TIER"]).quantize(Decimal("0.01"))
    assert classes["tax"] == Decimal("0.41")
    by_project = store.aggregate(AggregateRequest(november, group_by=(DimensionRef(Dimension.ACCOUNT),)))
    assert {r.keys[0] for r in by_project} == {"web-prod-4411", "data-lake-2207"}
    assert set(store.tag_keys()) == {"team", "env"}
    # The free tier paid for BigQuery in full: its net cost is nothing, its usage is still there.
    bigquery = store.aggregate(
        AggregateRequest(
            november,
            group_by=(DimensionRef(Dimension.CHARGE_CLASS),),
            filters=(Filter(DimensionRef(Dimension.SERVICE), ("BigQuery",)),),
        )
    )
    assert {r.keys[0]: round(r.cost, 6) for r in bigquery} == {"usage": 6.25, "credit": -6.25}
    assert store.periods()[0].currencies == ("USD",)


def test_a_google_export_in_csv_is_refused_with_the_way_to_export_it(store: BillingStore, tmp_path: Path) -> None:
    from bot.errors import UnknownFormat

    path = tmp_path / "src" / "billing.csv"
    path.parent.mkdir()
    path.write_text(
        "billing_account_id,service,sku,usage_start_time,usage_end_time,cost,currency\n"
        "01A2B3,Compute Engine,N2,2026-11-01 00:00:00 UTC,2026-11-01 01:00:00 UTC,1.5,USD\n"
    )
    with pytest.raises(UnknownFormat) as err:
        ingest(str(path.parent), store, progress=False)
    assert "billing.csv: a Google Cloud Billing export in CSV cannot carry its credits and labels" in str(err.value)
    assert "bq extract --destination_format PARQUET" in err.value.hint
    assert store.periods() == []
