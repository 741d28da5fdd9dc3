"""The sample generator writes faithful, deterministic exports: layout, manifests, totals, line types, tags."""

from __future__ import annotations

import csv
import gzip
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from bot.errors import UsageError
from bot.samples import FORMATS, GenerationSummary, generate
from bot.samples.catalog import SKUS

START = date(2025, 1, 1)


@pytest.fixture(scope="module")
def cur1(tmp_path_factory: pytest.TempPathFactory) -> GenerationSummary:
    return generate(tmp_path_factory.mktemp("cur1"), fmt="cur1-csv", start=START, months=3, rows_per_month=8000)


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", newline="") as fh:
        return list(csv.DictReader(fh))


def _all_rows(summary: GenerationSummary) -> list[dict[str, str]]:
    return [row for f in summary.files for row in _csv_rows(f)]


# ------------------------------------------------------------------------------------------------ layout


def test_legacy_cur_csv_layout_and_manifests(cur1: GenerationSummary) -> None:
    rel = [f.relative_to(cur1.root).as_posix() for f in cur1.files]
    # Each period: the usage part, then the part with the month's charges (fees, tax, credits).
    pattern = re.compile(r"^acme-cur/(\d{8})-(\d{8})/[0-9a-f-]{36}/acme-cur-[12]\.csv\.gz$")
    assert [pattern.match(r) is not None for r in rel] == [True] * 6
    assert [pattern.match(r).group(1, 2) for r in rel[::2]] == [  # type: ignore[union-attr]
        ("20250101", "20250201"),
        ("20250201", "20250301"),
        ("20250301", "20250401"),
    ]
    for period in cur1.periods:
        period_manifest, assembly_manifest = period.manifests
        assert period_manifest.relative_to(cur1.root).as_posix() == (
            f"acme-cur/{period.billing_period:%Y%m%d}-{_next(period.billing_period):%Y%m%d}/acme-cur-Manifest.json"
        )
        assert assembly_manifest.parent.name == period.assembly_id
        body = json.loads(period_manifest.read_text())
        assert body == json.loads(assembly_manifest.read_text())
        assert body["assemblyId"] == period.assembly_id
        assert body["reportName"] == "acme-cur"
        assert body["compression"] == "GZIP" and body["contentType"] == "text/csv"
        assert body["billingPeriod"] == {
            "start": f"{period.billing_period:%Y%m%d}T000000.000Z",
            "end": f"{_next(period.billing_period):%Y%m%d}T000000.000Z",
        }
        assert [cur1.root / k for k in body["reportKeys"]] == list(period.files)
        with gzip.open(period.files[0], "rt") as fh:
            header = fh.readline().strip().split(",")
        assert header == [f"{c['category']}/{c['name']}" for c in body["columns"]]


def _next(d: date) -> date:
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


@pytest.mark.parametrize("fmt", ["cur1-parquet", "cur2-parquet", "cur2-csv", "focus", "focus-1.2"])
def test_other_layouts(tmp_path: Path, fmt: str) -> None:
    s = generate(tmp_path, fmt=fmt, start=date(2024, 11, 1), months=2, rows_per_month=6000)  # type: ignore[arg-type]
    rel = [f.relative_to(tmp_path).as_posix() for f in s.files]
    if fmt == "cur1-parquet":
        assert rel == [
            "acme-cur/acme-cur/year=2024/month=11/acme-cur-00001.snappy.parquet",
            "acme-cur/acme-cur/year=2024/month=11/acme-cur-00002.snappy.parquet",
            "acme-cur/acme-cur/year=2024/month=12/acme-cur-00001.snappy.parquet",
            "acme-cur/acme-cur/year=2024/month=12/acme-cur-00002.snappy.parquet",
        ]
        cols = duckdb.sql(f"DESCRIBE SELECT * FROM read_parquet('{s.files[0]}')").fetchall()
        names = {c[0] for c in cols}
        assert {
            "identity_line_item_id",
            "bill_payer_account_id",
            "line_item_unblended_cost",
            "resource_tags_user_team",
            "resource_tags_aws_created_by",
            "reservation_reservation_a_r_n",
            "savings_plan_savings_plan_a_r_n",
            "cost_category_environment",
        } <= names
        assert (
            tmp_path / "acme-cur/acme-cur/cost_and_usage_data_status/cost_and_usage_data_status.snappy.parquet"
        ).is_file()
        return
    export = s.report_name
    ext = "csv.gz" if fmt == "cur2-csv" else "snappy.parquet"
    assert rel == [
        f"{export}/data/BILLING_PERIOD={month}/{export}-0000{n}.{ext}"
        for month in ("2024-11", "2024-12")
        for n in (1, 2)
    ]
    for period in s.periods:
        (manifest,) = period.manifests
        assert manifest.relative_to(tmp_path).as_posix() == (
            f"{export}/metadata/BILLING_PERIOD={period.billing_period:%Y-%m}/{export}-Manifest.json"
        )
        body = json.loads(manifest.read_text())
        assert body["dataFiles"] == [f"s3://acme-billing/{f.relative_to(tmp_path).as_posix()}" for f in period.files]
        assert body["finalized"] is period.final
        source = (
            f"read_csv('{period.files[0]}', all_varchar=true, hive_partitioning=false)"
            if fmt == "cur2-csv"
            else f"read_parquet('{period.files[0]}', hive_partitioning=false)"
        )
        described = duckdb.sql(f"DESCRIBE SELECT * FROM {source}").fetchall()
        assert [c["name"] for c in body["columns"]] == [c[0] for c in described]
        if fmt == "cur2-parquet":
            types = {c[0]: c[1] for c in described}
            assert types["resource_tags"] == types["cost_category"] == types["product"] == "MAP(VARCHAR, VARCHAR)"
            assert types["line_item_usage_start_date"] == "TIMESTAMP"
        if fmt.startswith("focus"):
            types = {c[0]: c[1] for c in described}
            assert types["Tags"] == "MAP(VARCHAR, VARCHAR)"
            assert {
                "BilledCost",
                "EffectiveCost",
                "ListCost",
                "ChargePeriodStart",
                "ServiceName",
                "SubAccountId",
                "RegionId",
                "ResourceId",
                "ChargeCategory",
                "CommitmentDiscountId",
                "x_ServiceCode",
                "x_Operation",
            } <= set(types)
            if fmt == "focus":
                assert {"x_UsageType", "x_CostCategories"} <= set(types) and len(types) == 48
            else:
                assert {"SkuMeter", "InvoiceId", "BillingAccountType", "PricingCurrency"} <= set(types)
                assert not {"x_UsageType", "x_CostCategories"} & set(types)
    assert [p.final for p in s.periods] == [True, False]


# ---------------------------------------------------------------------------------------- content


def test_totals_match_an_independent_decimal_sum(cur1: GenerationSummary) -> None:
    for period in cur1.periods:
        rows = [r for f in period.files for r in _csv_rows(f)]
        assert len(rows) == period.rows
        assert sum(Decimal(r["lineItem/UnblendedCost"]) for r in rows) == Decimal(period.unblended_total)
        assert {r["bill/BillingPeriodStartDate"] for r in rows} == {f"{period.billing_period}T00:00:00Z"}
    assert cur1.unblended_total == sum(Decimal(p.unblended_total) for p in cur1.periods)


def test_every_format_holds_about_rows_per_month_and_the_same_usage(tmp_path: Path) -> None:
    totals = {}
    for fmt in FORMATS:
        s = generate(tmp_path / fmt, fmt=fmt, start=START, months=2, rows_per_month=6000)  # type: ignore[arg-type]
        # The first month holds about the size asked for; the organisation grows a few % a month.
        assert 0.85 * 6000 < s.periods[0].rows < 1.15 * 6000, fmt
        totals[fmt] = s.unblended_total
    # The four CUR writers share one data set; FOCUS has no negation lines and bills SP usage at 0.
    assert totals["cur1-csv"] == totals["cur1-parquet"] == totals["cur2-parquet"] == totals["cur2-csv"]
    assert totals["focus"] == totals["focus-1.2"] == totals["cur1-csv"]


def test_month_in_progress_is_cut_at_end_and_left_open(tmp_path: Path) -> None:
    s = generate(tmp_path, fmt="cur2-parquet", start=START, months=2, rows_per_month=6200, end=date(2025, 2, 15))
    full, cut = (p.rows for p in s.periods)
    assert 0.4 < cut / full < 0.6  # 14 of 28 days
    last = s.periods[-1]
    # Usage stops at `end`; month-long fees (RIFee, Support, Tax) span the month, as in real exports.
    files = [str(f) for f in last.files]
    ((latest,),) = duckdb.execute(
        "SELECT max(line_item_usage_end_date) FROM read_parquet(?) "
        "WHERE line_item_line_item_type IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage')",
        [files],
    ).fetchall()
    assert str(latest) == "2025-02-15 00:00:00"
    assert [p.final for p in s.periods] == [True, False]


def test_deterministic_from_the_seed(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", fmt="cur1-csv", start=START, months=1, rows_per_month=5000, seed=11)
    b = generate(tmp_path / "b", fmt="cur1-csv", start=START, months=1, rows_per_month=5000, seed=11)
    c = generate(tmp_path / "c", fmt="cur1-csv", start=START, months=1, rows_per_month=5000, seed=12)
    assert gzip.decompress(a.files[0].read_bytes()) == gzip.decompress(b.files[0].read_bytes())
    assert a.periods[0].manifests[0].read_text() == b.periods[0].manifests[0].read_text()
    assert a.unblended_total == b.unblended_total != c.unblended_total


def test_line_types_commitments_credits_and_tax(cur1: GenerationSummary) -> None:
    rows = _all_rows(cur1)
    types = {r["lineItem/LineItemType"] for r in rows}
    assert types == {
        "Usage",
        "DiscountedUsage",
        "RIFee",
        "SavingsPlanCoveredUsage",
        "SavingsPlanNegation",
        "SavingsPlanRecurringFee",
        "Fee",
        "Tax",
        "Credit",
        "Refund",
    }
    covered = [r for r in rows if r["lineItem/LineItemType"] == "SavingsPlanCoveredUsage"]
    negations = [r for r in rows if r["lineItem/LineItemType"] == "SavingsPlanNegation"]
    assert len(covered) == len(negations)
    assert sum(Decimal(r["lineItem/UnblendedCost"]) for r in negations) == -sum(
        Decimal(r["lineItem/UnblendedCost"]) for r in covered
    )
    assert all(r["savingsPlan/SavingsPlanARN"].startswith("arn:aws:savingsplans::") for r in covered)
    assert all(
        Decimal(r["savingsPlan/SavingsPlanEffectiveCost"]) < Decimal(r["lineItem/UnblendedCost"])
        for r in covered
        if Decimal(r["lineItem/UnblendedCost"]) > 0
    )
    discounted = [r for r in rows if r["lineItem/LineItemType"] == "DiscountedUsage"]
    ri_fees = [r for r in rows if r["lineItem/LineItemType"] == "RIFee"]
    assert {r["reservation/ReservationARN"] for r in discounted} == {r["reservation/ReservationARN"] for r in ri_fees}
    assert all(
        Decimal(r["lineItem/UnblendedCost"]) == 0 and Decimal(r["reservation/EffectiveCost"]) > 0 for r in discounted
    )
    # Month-start fees: Support and the RI fees of reservations older than the month span the whole month from
    # its first hour; a reservation bought during the month starts at its purchase, with its upfront fee.
    support = [
        r for r in rows if r["lineItem/ProductCode"] == "AWSSupportBusiness" and r["lineItem/LineItemType"] != "Tax"
    ]
    assert support and all(r["lineItem/LineItemType"] == "Fee" for r in support)
    for r in support + [r for r in ri_fees if "ri-catalog" not in r["reservation/ReservationARN"]]:
        assert r["lineItem/UsageStartDate"].endswith("-01T00:00:00Z")
    (upfront,) = [r for r in rows if r["lineItem/LineItemType"] == "Fee" and r["reservation/ReservationARN"]]
    assert upfront["bill/BillType"] == "Purchase" and Decimal(upfront["lineItem/UnblendedCost"]) == Decimal("1480")
    first_fee = min(r["lineItem/UsageStartDate"] for r in ri_fees if "ri-catalog" in r["reservation/ReservationARN"])
    assert first_fee == upfront["lineItem/UsageStartDate"]
    assert all(
        Decimal(r["lineItem/UnblendedCost"]) < 0 for r in rows if r["lineItem/LineItemType"] in ("Credit", "Refund")
    )
    assert len([r for r in rows if r["lineItem/LineItemType"] == "Refund"]) == 1


def test_realistic_catalogue(cur1: GenerationSummary) -> None:
    rows = _all_rows(cur1)
    usage = [r for r in rows if r["lineItem/LineItemType"] == "Usage"]
    assert len({r["lineItem/ProductCode"] for r in rows}) >= 20
    assert len({r["lineItem/UsageAccountId"] for r in rows}) == 8
    assert "044556677889" in {r["lineItem/UsageAccountId"] for r in rows}  # leading zero kept
    assert {r["product/region"] for r in usage} >= {"us-east-1", "us-west-2", "eu-west-1", ""}
    assert any(r["lineItem/UsageType"].startswith("BoxUsage:") for r in usage)  # us-east-1 has no prefix
    assert any(r["lineItem/UsageType"].startswith("USW2-BoxUsage:") for r in usage)
    ec2 = [r for r in usage if r["lineItem/UsageType"].endswith("BoxUsage:m5.large")]
    assert all(re.fullmatch(r"i-[0-9a-f]{17}", r["lineItem/ResourceId"]) for r in ec2)
    assert all(r["lineItem/AvailabilityZone"].startswith(r["product/region"]) for r in ec2)
    assert {r["pricing/unit"] for r in usage} >= {"Hrs", "GB-Mo", "GB", "Requests", "Lambda-GB-Second"}
    # Usage is hourly and follows the week: weekdays cost more than weekends.
    assert all(r["identity/TimeInterval"].endswith(":00:00Z") for r in usage)


def test_tags_have_partial_coverage(cur1: GenerationSummary) -> None:
    rows = _all_rows(cur1)
    for key in ("user:team", "user:env", "user:cost-center", "aws:createdBy"):
        share = sum(1 for r in rows if r[f"resourceTags/{key}"]) / len(rows)
        assert 0.2 < share < 0.95, (key, share)
    teams = {r["resourceTags/user:team"] for r in rows}
    assert {"platform", "data-eng", "ml-research", ""} <= teams
    assert all(r["resourceTags/user:team"] == "" for r in rows if r["lineItem/LineItemType"] == "Tax")


def test_bad_input_is_refused_with_the_fix(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="unknown sample format 'cur3'") as exc:
        generate(tmp_path, fmt="cur3", start=START, months=1)  # type: ignore[arg-type]
    assert exc.value.hint is not None and "cur1-csv" in exc.value.hint
    with pytest.raises(UsageError, match="cannot hold 2025-01") as exc:
        generate(tmp_path, fmt="cur1-csv", start=START, months=1, rows_per_month=50)
    assert exc.value.hint is not None and "at least" in exc.value.hint
    with pytest.raises(UsageError, match="unknown billing currency 'GBP'") as exc:
        generate(tmp_path, fmt="focus", start=START, months=1, currency="GBP")
    assert exc.value.hint is not None and "EUR" in exc.value.hint
    with pytest.raises(UsageError, match="months must be at least 1"):
        generate(tmp_path, fmt="focus", start=START, months=0)


def test_catalogue_uses_real_service_codes() -> None:
    codes = {s.product_code for s in SKUS}
    assert {
        "AmazonEC2",
        "AmazonS3",
        "AmazonRDS",
        "AWSLambda",
        "AmazonCloudFront",
        "AmazonDynamoDB",
        "AmazonElastiCache",
        "AmazonES",
        "AmazonRedshift",
        "AmazonCloudWatch",
        "AmazonSageMaker",
        "AmazonEKS",
        "AWSQueueService",
        "AmazonSNS",
        "awskms",
        "AmazonRoute53",
        "AWSDataTransfer",
    } <= codes
