"""Every public sample export ingests with the row count and unblended total of its raw files (csv + Decimal)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from bot.billing.model import LINE_ITEM_COLUMN_NAMES, TimeRange
from bot.errors import CorruptFile
from bot.ingest.pipeline import ingest
from bot.ingest.readers import build_source, detect_format, inspect_files, periods_in, prepare_files
from tests.ingest.conftest import (
    FOCUS_CONVERTERS_CUR,
    FOCUS_SAMPLE,
    KEBOOLA,
    KOKU,
    assert_same_money,
    csv_bytes,
    cur_delivery,
    raw_rows,
    raw_total,
)


def _copy(src: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "src" / src.name
    if src.is_dir():
        shutil.copytree(src, dest)
    else:
        dest.parent.mkdir(parents=True)
        shutil.copy(src, dest)
    return dest


def _normalise_file(path: Path, tmp_path: Path) -> list[tuple[Any, ...]]:
    """The reader alone, run in an in-memory DuckDB (no store)."""
    con = duckdb.connect()
    inspected = inspect_files(prepare_files([path], tmp_path), con)
    spec = detect_format(list(inspected.columns))
    from bot.billing.model import Delivery

    out = []
    for period in periods_in(spec, inspected, con):
        d = Delivery(period, "t", __import__("datetime").datetime(2024, 1, 1), spec.name, str(path))
        src = build_source(spec, inspected, d, con, filter_period=True)
        cur = con.execute(src.select_sql)
        columns = [d[0] for d in cur.description]
        assert tuple(columns[: len(LINE_ITEM_COLUMN_NAMES)]) == LINE_ITEM_COLUMN_NAMES
        out.append((period, src, cur.fetchall(), columns))
    return out


def test_focus_converters_cur_csv_totals(tmp_path: Path, store: Any) -> None:
    path = _copy(FOCUS_CONVERTERS_CUR, tmp_path)
    rows, total = raw_total([FOCUS_CONVERTERS_CUR], "lineItem/UnblendedCost")
    report = ingest(str(path), store, progress=False)
    (p,) = report.periods
    assert (p.billing_period, p.source_format, p.rows, p.status) == (date(2023, 11, 1), "cur1", rows, "loaded")
    assert_same_money(p.billed_total, total)
    status = store.period(date(2023, 11, 1))
    assert status.rows == rows == 1281
    assert abs(Decimal(str(status.billed_total)) - total) < Decimal("0.01")
    # Tax rows span the month with an empty region: '' in the store, never NULL.
    taxes = [
        r
        for r in store.iter_line_items(TimeRange(date(2023, 11, 1), date(2023, 12, 1)))
        if r["line_item_type"] == "Tax"
    ]
    assert (
        len(taxes) == 12
        and {t["region_id"] for t in taxes} == {""}
        and {t["charge_category"] for t in taxes} == {"Tax"}
    )


def test_koku_deliveries_use_the_manifest(tmp_path: Path, store: Any) -> None:
    root = _copy(KOKU / "extracted" / "my-prefix", tmp_path / "my-prefix")
    data = sorted(root.rglob("*.csv.gz"))
    rows, total = raw_total(data, "lineItem/UnblendedCost")
    assert rows == 6190
    (p,) = ingest(str(root), store, progress=False).periods
    assert p.billing_period == date(2018, 8, 1) and p.rows == rows
    assert_same_money(p.billed_total, total)
    assert store.period(date(2018, 8, 1)).delivery_id == "861af42f-713c-4a42-9562-9158a7625630"


def test_koku_delivery_holding_three_billing_periods_is_refused(tmp_path: Path, store: Any) -> None:
    # Koku's generated koku-local delivery sits under the 2018-08 manifest but 12,604 of its rows carry the
    # bill/BillingPeriodStartDate of June and July: loaded, June and July would read $0 while August held them.
    root = _copy(KOKU / "extracted" / "koku-local", tmp_path / "koku-local")
    with pytest.raises(CorruptFile) as err:
        ingest(str(root), store, progress=False)
    assert err.value.message == (
        "koku-local-1.csv.gz: 12,604 of 13,380 rows belong to billing periods 2018-06 and 2018-07 "
        "(bill/BillingPeriodStartDate), but the delivery is filed under billing period 2018-08; nothing was stored "
        "(billing period 2018-08, manifest 20180801-20180901/koku-local-Manifest.json)"
    )
    assert err.value.hint == (
        "Put each billing period's files under its own folder or manifest (billing periods 2018-06 and 2018-07 "
        "are not 2018-08); AWS never mixes billing periods in one delivery."
    )
    assert store.periods() == []


def test_two_reports_of_one_period_in_one_source_is_refused(tmp_path: Path, store: Any) -> None:
    from bot.errors import IngestError

    root = _copy(KOKU / "extracted", tmp_path)
    with pytest.raises(IngestError, match="two reports deliver billing period 2018-08"):
        ingest(str(root), store, progress=False)
    assert store.periods() == []


@pytest.mark.parametrize(
    ("name", "period", "final"),
    [("2023-06-01.csv", date(2023, 6, 1), True), ("2023-06-01-not-final.csv", date(2023, 6, 1), False)],
)
def test_koku_cost_categories_and_savings_plan_amortization(
    tmp_path: Path, name: str, period: date, final: bool
) -> None:
    raw = list(raw_rows(KOKU / "aws" / name))
    ((p, src, rows, cols),) = _normalise_file(KOKU / "aws" / name, tmp_path)
    assert p == period and len(rows) == len(raw) == 3
    assert src.expected_billed_total == "30.0000000000"
    assert src.cost_categories == ("Charge type", "CostCenter", "OUs", "Organization", "cost_env", "name", "qe_source")
    # `noTags/...` columns are not resource tags.
    assert src.tag_keys == ()
    first = dict(zip(cols, rows[0], strict=True))
    assert first["line_item_type"] == "SavingsPlanCoveredUsage"
    assert first["billed_cost"] == 10.0
    assert first["effective_cost"] == pytest.approx(float(raw[0]["savingsPlan/SavingsPlanEffectiveCost"]))
    assert first["savings_plan_effective_cost"] == pytest.approx(0.1)
    assert first["costcat:cost_env"] == "prod"
    assert first["sub_account_id"] == raw[0]["lineItem/UsageAccountId"]  # leading zeros kept
    assert first["invoice_id"] == raw[0]["bill/InvoiceId"]
    assert bool(first["invoice_id"]) is final


def test_athena_headers_map_tags_back_to_aws_keys(tmp_path: Path) -> None:
    ((p, src, rows, cols),) = _normalise_file(KOKU / "aws" / "2022-07-01-alt-columns.csv", tmp_path)
    assert p == date(2022, 7, 1) and len(rows) == 2
    assert src.tag_keys == ("aws:createdBy", "user:c25_key", "user:insights_project")
    first = dict(zip(cols, rows[0], strict=True))
    assert first["tag:aws:createdBy"] == "IAMUser:fake:and"
    assert first["region_id"] == "us-east-1" and first["invoice_id"] == "1"


def test_header_only_file_inside_a_manifest_delivery_loads_an_empty_period(tmp_path: Path, store: Any) -> None:
    period_dir = tmp_path / "cur" / "rep" / "20230601-20230701"
    (period_dir / "asm-1").mkdir(parents=True)
    shutil.copy(KOKU / "aws" / "empty_frame.csv", period_dir / "asm-1" / "rep-1.csv")
    (period_dir / "rep-Manifest.json").write_text(
        '{"assemblyId": "asm-1", "billingPeriod": {"start": "20230601T000000.000Z"}, '
        '"reportKeys": ["cur/rep/20230601-20230701/asm-1/rep-1.csv"]}'
    )
    (p,) = ingest(str(tmp_path / "cur"), store, progress=False).periods
    assert (p.billing_period, p.rows, p.billed_total) == (date(2023, 6, 1), 0, "0.0000000000")


def test_costcategory_file_with_short_rows_is_refused_at_its_first_short_row(tmp_path: Path, store: Any) -> None:
    # Koku's test file has 131 header columns and 130 values in every row: padding them with NULLs would shift
    # nothing here only by luck (the last column is the missing one); a strict reader names the first bad row.
    path = _copy(KOKU / "test_cur.csv", tmp_path)
    with pytest.raises(CorruptFile) as err:
        ingest(str(path), store, progress=False)
    assert err.value.message.startswith(
        "test_cur.csv, line 2: 130 values where the header names 131 columns (a short row: values are missing): "
        "e4b85fdd7363544ce3db8d86a8dbf150c7709761,2018-06-18T01:00:00Z/2018-06-18T02:00:00Z,"
    )
    assert err.value.hint == (
        "Every row must have exactly one value per header column; the export is damaged or was edited. "
        "Download it again."
    )
    assert store.periods() == []


def test_focus_sample_splits_periods_and_keeps_tags(tmp_path: Path, store: Any) -> None:
    raw = list(raw_rows(FOCUS_SAMPLE))
    expected: dict[date, tuple[int, Decimal]] = {}
    for r in raw:
        period = date.fromisoformat(r["BillingPeriodStart"][:10])
        n, t = expected.get(period, (0, Decimal(0)))
        expected[period] = (n + 1, t + Decimal(r["BilledCost"]))
    report = ingest(str(_copy(FOCUS_SAMPLE, tmp_path)), store, progress=False)
    got = {p.billing_period: (p.rows, Decimal(p.billed_total)) for p in report.periods}
    assert set(got) == set(expected)
    for k, (n, t) in expected.items():
        assert got[k][0] == n
        assert_same_money(got[k][1], t)
    assert {p.source_format for p in report.periods} == {"focus-1.0"}
    assert "business_unit" in store.tag_keys() and " org" in store.tag_keys()
    sample = next(r for r in raw if r["Tags"].startswith('{"application": "BrightLensMatrix"'))
    rows = [
        r
        for r in store.iter_line_items(TimeRange(date(2024, 9, 1), date(2024, 10, 1)))
        if r["resource_id"] == sample["ResourceId"] and r["charge_period_start"].isoformat().startswith("2024-09-30T22")
    ]
    assert rows and rows[0]["tag:application"] == "BrightLensMatrix"
    assert rows[0]["sub_account_id"] == sample["SubAccountId"]
    # "NULL" text is NULL: ContractedCost-like gaps never break a load, AZ "NULL" becomes ''.
    assert rows[0]["availability_zone"] == ""


def test_keboola_cur1_zip_layout(tmp_path: Path, store: Any) -> None:
    root = _copy(KEBOOLA / "cur_1_0" / "s3_structure", tmp_path)
    rows, total = raw_total(
        [KEBOOLA / "cur_1_0" / "s3_structure/mock-cur-bucket/20240101-20240131/MockTestReport-00001.csv.zip"],
        "lineItem/UnblendedCost",
    )
    (p,) = ingest(str(root), store, progress=False).periods
    assert (p.billing_period, p.delivery_id, p.rows) == (date(2024, 1, 1), "123e4567-e89b-12d3-a456-426614174000", rows)
    assert_same_money(p.billed_total, total)


def test_keboola_cur2_layout(tmp_path: Path, store: Any) -> None:
    root = _copy(KEBOOLA / "cur_2_0" / "s3_structure", tmp_path)
    data = next(root.rglob("*.csv.gz"))
    rows, total = raw_total([data], "line_item_unblended_cost")
    (p,) = ingest(str(root), store, progress=False).periods
    assert (p.billing_period, p.delivery_id, p.source_format, p.rows) == (
        date(2024, 9, 1),
        "test-exec-id-12345",
        "cur2",
        rows,
    )
    assert_same_money(p.billed_total, total)
    accounts = store.accounts()
    assert "123456789012" in accounts


def test_generated_focus_1_2_usage_type_from_sku_meter_and_cost_categories_from_tags(
    tmp_path: Path, store: Any
) -> None:
    from bot.samples import generate

    s = generate(tmp_path / "exp", fmt="focus-1.2", start=date(2025, 3, 1), months=1, rows_per_month=6000)
    data = s.periods[0].files  # usage, then the month's charges
    # Expected values straight from the file, without the reader: DECIMAL sum, SkuMeter and Tags per row.
    raw = duckdb.connect()
    src = "read_parquet([" + ", ".join(f"'{f}'" for f in data) + "])"
    rows, total = raw.execute(f"SELECT count(*), SUM(CAST(BilledCost AS DECIMAL(38, 10))) FROM {src}").fetchone()
    meters = dict(raw.execute(f"SELECT COALESCE(SkuMeter, ''), count(*) FROM {src} GROUP BY ALL").fetchall())
    env = dict(
        raw.execute(
            f"SELECT COALESCE(Tags['costCategory/environment'], ''), count(*) FROM {src} GROUP BY ALL"
        ).fetchall()
    )
    assert "x_UsageType" not in [r[0] for r in raw.execute(f"DESCRIBE SELECT * FROM {src}").fetchall()]
    assert len(meters) > 5 and len(env) > 1

    (p,) = ingest(str(s.root), store, progress=False).periods
    assert (p.billing_period, p.source_format, p.rows) == (date(2025, 3, 1), "focus-1.2", rows)
    assert_same_money(p.billed_total, total)
    assert_same_money(p.billed_total, Decimal(s.periods[0].unblended_total))

    got = list(store.iter_line_items(TimeRange(date(2025, 3, 1), date(2025, 4, 1))))
    by_meter: dict[str, int] = {}
    by_env: dict[str, int] = {}
    for r in got:
        by_meter[r["usage_type"]] = by_meter.get(r["usage_type"], 0) + 1
        by_env[r.get("costcat:environment") or ""] = by_env.get(r.get("costcat:environment") or "", 0) + 1
    assert by_meter == meters
    assert by_env == env
    # Cost categories are not tags, even though FOCUS 1.2 carries them in the Tags column.
    assert not [k for k in store.tag_keys() if k.startswith("costCategory")]
    assert "user:team" in store.tag_keys()


@pytest.mark.parametrize("fmt", ["cur1-csv", "cur1-parquet", "cur2-parquet", "cur2-csv", "focus", "focus-1.2"])
def test_generated_organisation_ingests_in_every_format(tmp_path: Path, store: Any, fmt: str) -> None:
    from bot.samples import generate

    s = generate(tmp_path / "exp", fmt=fmt, start=date(2025, 1, 1), months=2, rows_per_month=6000)  # type: ignore[arg-type]
    report = ingest(str(s.root), store, progress=False)
    assert [p.billing_period for p in report.periods] == [date(2025, 1, 1), date(2025, 2, 1)]
    for got, want in zip(report.periods, s.periods, strict=True):
        assert got.rows == want.rows
        assert_same_money(got.billed_total, Decimal(want.unblended_total))
        status = store.period(want.billing_period)
        assert status.rows == want.rows
        if fmt != "focus":  # FOCUS 1.0 has no InvoiceId column: finality is not in its rows
            assert status.final is want.final
    # Amortized cost: the store's effective cost follows AWS's rule, so amortized - unblended is the month's
    # share of upfront fees minus the upfront fees paid (a reservation bought in February).
    totals = {}
    for period in (date(2025, 1, 1), date(2025, 2, 1)):
        rows = list(store.iter_line_items(TimeRange(period, date(period.year, period.month + 1, 1))))
        billed = sum(Decimal(str(r["billed_cost"])) for r in rows)
        effective = sum(Decimal(str(r["effective_cost"])) for r in rows)
        totals[period] = effective - billed
    assert totals[date(2025, 1, 1)] > 0 > totals[date(2025, 2, 1)]


def test_redelivery_and_revision_of_generated_periods(tmp_path: Path, store: Any) -> None:
    """A month in progress re-delivered with more days, and a closed month revised by a late refund."""
    from bot.samples import generate

    root = tmp_path / "exp"
    kwargs: dict[str, Any] = {"fmt": "cur1-csv", "start": date(2025, 1, 1), "months": 3, "rows_per_month": 6000}
    early = generate(root, end=date(2025, 2, 10), **kwargs)
    ingest(str(root), store, progress=False)
    jan_before, feb_before = early.periods
    assert (jan_before.final, feb_before.final) == (True, False)
    assert store.period(date(2025, 2, 1)).rows == feb_before.rows

    late = generate(root, end=date(2025, 2, 25), **kwargs)
    jan_after, feb_after = late.periods
    # February: a new assembly with more days, still an estimate; the old assembly stays in the bucket.
    assert feb_after.assembly_id != feb_before.assembly_id and feb_after.rows > feb_before.rows
    assert (root / "acme-cur" / "20250201-20250301" / feb_before.assembly_id).is_dir()
    manifest = json.loads((root / "acme-cur" / "20250201-20250301" / "acme-cur-Manifest.json").read_text())
    assert manifest["assemblyId"] == feb_after.assembly_id
    # January was closed; the refund AWS posted on 20 February revises it: a new final assembly, the refund only.
    truth = json.loads(late.ground_truth.read_text())
    (refund,) = [e for e in truth["events"] if e["kind"] == "refund"]
    assert refund["period"] == "2025-01-01" and refund["revises_closed_period"] is True
    assert jan_after.assembly_id != jan_before.assembly_id and jan_after.final
    assert Decimal(jan_after.unblended_total) - Decimal(jan_before.unblended_total) == Decimal(refund["amount"])

    report = ingest(str(root), store, progress=False)
    assert {p.billing_period: p.status for p in report.periods} == {
        date(2025, 1, 1): "replaced",
        date(2025, 2, 1): "replaced",
    }
    assert_same_money(store.period(date(2025, 1, 1)).billed_total, Decimal(jan_after.unblended_total))
    assert store.period(date(2025, 2, 1)).rows == feb_after.rows


# ------------------------------------------------------------------------------------------- charge class


def _classes(store: Any, time_range: TimeRange, *keys: str) -> dict[tuple[str, ...], int]:
    counts: dict[tuple[str, ...], int] = {}
    for r in store.iter_line_items(time_range):
        key = tuple(str(r[k]) for k in (*keys, "charge_class"))
        counts[key] = counts.get(key, 0) + 1
    return counts


def test_genuine_cur_charge_classes(tmp_path: Path, store: Any) -> None:
    """The FinOps Foundation's anonymised CUR: hourly, daily and odd-length usage lines are usage; the month-long
    tax lines are tax (not a day's spend)."""
    ingest(str(_copy(FOCUS_CONVERTERS_CUR, tmp_path)), store, progress=False)
    got = _classes(store, TimeRange(date(2023, 11, 1), date(2023, 12, 1)), "line_item_type")
    assert got == {("Usage", "usage"): 1269, ("Tax", "tax"): 12}


def test_cur_support_fee_is_recurring_and_upfront_fee_one_time(tmp_path: Path, store: Any) -> None:
    """A legacy CUR month as AWS writes it: the Business Support charge is a month-long `Fee` line of product
    `AWSSupportBusiness` (usage type `Dollar`), an RI's upfront payment a `Fee` line with the reservation ARN."""
    header = (
        "identity/LineItemId,identity/TimeInterval,bill/BillingPeriodStartDate,lineItem/UsageAccountId,"
        "lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/ProductCode,"
        "lineItem/UsageType,lineItem/LineItemDescription,lineItem/UnblendedCost,product/ProductName,"
        "reservation/ReservationARN"
    )
    month = "2024-03-01T00:00:00Z/2024-04-01T00:00:00Z"
    arn = "arn:aws:ec2:us-east-1:012345678901:reserved-instances/4b2a9f9e-0000-4000-8000-000000000000"
    lines = [
        header,
        f"li-1,{month},2024-03-01T00:00:00Z,012345678901,Fee,2024-03-01T00:00:00Z,2024-04-01T00:00:00Z,"
        "AWSSupportBusiness,Dollar,10% of monthly AWS usage for the first $0-$10K,412.37,AWS Support (Business),",
        f"li-2,{month},2024-03-01T00:00:00Z,012345678901,Fee,2024-03-01T00:00:00Z,2024-04-01T00:00:00Z,"
        "AWSDeveloperSupport,Dollar,3% of monthly AWS usage,29.00,AWS Support (Developer),",
        "li-3,2024-03-05T00:00:00Z/2024-03-05T00:00:01Z,2024-03-01T00:00:00Z,012345678901,Fee,"
        "2024-03-05T00:00:00Z,2024-03-05T00:00:01Z,AmazonEC2,HeavyUsage:m5.large,"
        f"Sign up charge for subscription: 123456789,1020.00,Amazon Elastic Compute Cloud,{arn}",
        "li-4,2024-03-01T00:00:00Z/2024-03-01T01:00:00Z,2024-03-01T00:00:00Z,012345678901,Usage,"
        "2024-03-01T00:00:00Z,2024-03-01T01:00:00Z,AmazonRDS,ExtendedSupport:Yr1-Yr2:MySQL5.7,"
        "RDS Extended Support for MySQL 5.7,0.40,Amazon Relational Database Service,",
    ]
    root = tmp_path / "exp"
    cur_delivery(root, "2024-03", "a1", {"rep-1.csv.gz": csv_bytes(lines)})
    ingest(str(root), store, progress=False)
    got = _classes(store, TimeRange(date(2024, 3, 1), date(2024, 4, 1)), "service_code", "line_item_type")
    assert got == {
        ("AWSSupportBusiness", "Fee", "recurring"): 1,
        ("AWSDeveloperSupport", "Fee", "recurring"): 1,
        ("AmazonEC2", "Fee", "one-time"): 1,
        ("AmazonRDS", "Usage", "usage"): 1,
    }


def test_genuine_focus_charge_classes_follow_category_and_frequency(tmp_path: Path, store: Any) -> None:
    """FOCUS says it itself: a One-Time AWS credit is a credit even on an hourly line; Oracle's Usage-based
    adjustments track usage."""
    ingest(str(_copy(FOCUS_SAMPLE, tmp_path)), store, progress=False)
    every = TimeRange(date(2024, 1, 1), date(2025, 1, 1))
    got = _classes(store, every, "charge_category")
    assert got == {("Usage", "usage"): 997, ("Credit", "credit"): 1, ("Adjustment", "usage"): 2}


@pytest.mark.parametrize("fmt", ["cur2-parquet", "cur1-csv", "focus"])
def test_generated_exports_charge_classes(tmp_path: Path, store: Any, fmt: str) -> None:
    from bot.samples import generate

    s = generate(tmp_path / "exp", fmt=fmt, start=date(2025, 3, 1), months=1, rows_per_month=6000)  # type: ignore[arg-type]
    ingest(str(s.root), store, progress=False)
    got = _classes(store, TimeRange(date(2025, 3, 1), date(2025, 4, 1)), "line_item_type")
    classes = {line_type: cls for line_type, cls in got}
    if fmt == "focus":  # FOCUS has no line item types: its category and frequency decide
        assert {cls for _, cls in got} == {"usage", "recurring", "tax", "credit"}
        return
    # The sample organisation books all its usage by the day (month-long usage lines are classed in
    # tests/billing/test_charges.py and the store contract).
    assert ("Usage", "usage") in got and ("Usage", "recurring") not in got
    assert classes["DiscountedUsage"] == "usage" and classes["SavingsPlanNegation"] == "usage"
    assert classes["RIFee"] == "recurring" and classes["SavingsPlanRecurringFee"] == "recurring"
    assert classes["Tax"] == "tax" and classes["Credit"] == "credit"
    # CUR books both an RI's upfront payment and the monthly AWS Support fee as `Fee`: the product decides.
    fees = {
        k[1]: k[2]
        for k in _classes(store, TimeRange(date(2025, 3, 1), date(2025, 4, 1)), "line_item_type", "service_code")
        if k[0] == "Fee"
    }
    assert fees.pop("AWSSupportBusiness") == "recurring"
    assert set(fees.values()) <= {"one-time"}
