"""Period integrity: rows are checked against the billing period their layout files them under; a usage-date
question reads every period that can hold usage in its range, counts no period twice, and its freshness line
names exactly the periods its numbers come from."""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.billing.model import AggregateRequest, TimeRange
from bot.cli import main
from bot.errors import CorruptFile
from bot.ingest.pipeline import ingest
from bot.reports.text import freshness_text
from tests.ingest.conftest import CUR_HEADER, FOCUS_CONVERTERS_CUR, csv_bytes, cur_delivery, cur_row, raw_total

NOV_2023 = TimeRange(date(2023, 11, 1), date(2023, 12, 1))
DEC_2023 = TimeRange(date(2023, 12, 1), date(2024, 1, 1))


def _total(store: Any, time_range: TimeRange) -> Decimal:
    rows = store.aggregate(AggregateRequest(time_range))
    return Decimal(repr(sum(r.cost for r in rows))).quantize(Decimal("0.01"))


def test_misfiled_month_is_refused_and_the_real_month_counts_once(tmp_path: Path, store: Any) -> None:
    # A genuine November 2023 CUR export (FinOps Foundation sample) dropped under the Athena layout's December
    # folder. Before, it loaded as "2023-12"; then the real November made 2023-11 read twice its total
    # (usage dates) while December read $0.00.
    rows, expected = raw_total([FOCUS_CONVERTERS_CUR], "lineItem/UnblendedCost")
    wrong = tmp_path / "src" / "rep" / "year=2023" / "month=12"
    wrong.mkdir(parents=True)
    shutil.copy(FOCUS_CONVERTERS_CUR, wrong / "part-00001.csv")
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path / "src"), store, progress=False)
    assert err.value.message.startswith(
        "part-00001.csv: all rows belong to billing period 2023-11 (bill/BillingPeriodStartDate), but the delivery "
        "is filed under billing period 2023-12; nothing was stored (billing period 2023-12, delivery files-"
    )
    assert err.value.hint == (
        "Put each billing period's files under its own folder or manifest (billing period 2023-11 is not 2023-12); "
        "AWS never mixes billing periods in one delivery."
    )
    assert store.periods() == []

    right = tmp_path / "src" / "rep" / "year=2023" / "month=11"
    wrong.rename(right)
    (p,) = ingest(str(tmp_path / "src"), store, progress=False).periods
    assert (p.billing_period, p.rows) == (date(2023, 11, 1), rows)
    assert _total(store, NOV_2023) == expected.quantize(Decimal("0.01"))
    assert _total(store, DEC_2023) == Decimal("0.00")
    assert freshness_text(store.freshness(DEC_2023)) == "No billing data for this period."
    assert [p.billing_period for p in store.periods()] == [date(2023, 11, 1)]


def test_partly_misfiled_rows_name_each_file_and_their_periods(tmp_path: Path, store: Any) -> None:
    good = csv_bytes([CUR_HEADER, *[cur_row(i, "1", period="2024-11") for i in range(3)]])
    mixed = csv_bytes(
        [
            CUR_HEADER,
            *[cur_row(i, "1", period="2024-11") for i in range(3, 6)],
            *[cur_row(i, "1", period="2024-10") for i in range(6, 8)],
            cur_row(9, "1", period="2024-09"),
        ]
    )
    cur_delivery(tmp_path, "2024-11", "a1", {"rep-1.csv.gz": good, "rep-2.csv.gz": mixed})
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path), store, progress=False)
    assert err.value.message == (
        "rep-2.csv.gz: 3 of 6 rows belong to billing periods 2024-09 and 2024-10 (bill/BillingPeriodStartDate), "
        "but the delivery is filed under billing period 2024-11; nothing was stored (billing period 2024-11, "
        "manifest cur/rep/20241101-20241201/rep-Manifest.json)"
    )


def test_cur2_data_export_checks_bill_billing_period_start_date(tmp_path: Path, store: Any) -> None:
    import duckdb

    data = tmp_path / "exp" / "data" / "BILLING_PERIOD=2024-07"
    meta = tmp_path / "exp" / "metadata" / "BILLING_PERIOD=2024-07"
    data.mkdir(parents=True)
    meta.mkdir(parents=True)
    duckdb.sql(
        "COPY (SELECT TIMESTAMP '2024-06-01' AS bill_billing_period_start_date, '000000000002' AS "
        "line_item_usage_account_id, 'Usage' AS line_item_line_item_type, TIMESTAMP '2024-06-03 00:00:00' AS "
        "line_item_usage_start_date, 'AmazonEC2' AS line_item_product_code, 1.25 AS line_item_unblended_cost, "
        f"MAP {{'user_team': 'web'}} AS resource_tags) TO '{data / 'x-00001.snappy.parquet'}' (FORMAT parquet)"
    )
    manifest = {"executionId": "exec-1", "dataFiles": ["s3://b/exp/data/BILLING_PERIOD=2024-07/x-00001.snappy.parquet"]}
    (meta / "x-Manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path / "exp"), store, progress=False)
    assert err.value.message.startswith(
        "x-00001.snappy.parquet: all rows belong to billing period 2024-06 (bill_billing_period_start_date), but the "
        "delivery is filed under billing period 2024-07"
    )


def test_focus_checks_billing_period_start(tmp_path: Path, store: Any) -> None:
    header = "BillingPeriodStart,ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,SubAccountId,ServiceName"
    row = "2024-02-01T00:00:00Z,2024-02-02T00:00:00Z,2024-02-03T00:00:00Z,4.50,4.50,012345678901,Amazon EC2"
    folder = tmp_path / "focus" / "data" / "BILLING_PERIOD=2024-03"
    folder.mkdir(parents=True)
    (folder / "focus-00001.csv").write_text(f"{header}\n{row}\n")
    with pytest.raises(CorruptFile, match=r"^focus-00001\.csv: all rows belong to billing period 2024-02 "):
        ingest(str(tmp_path / "focus"), store, progress=False)


def test_late_usage_in_a_later_bill_is_found_by_usage_date_and_counted_once(
    tmp_path: Path, store: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # AWS bills some usage in the next period (late usage records, fees for the past month): November's bill
    # holds a line with October usage dates. It is allowed; an October question must find it in November's
    # delivery and say November's data is part of the answer.
    oct_rows = [cur_row(i, "10.00", period="2024-10", day=15) for i in range(3)]
    late = cur_row(99, "7.00", period="2024-11", day=1).replace("2024-11-01T03:", "2024-10-31T03:")
    nov_rows = [cur_row(i, "1.00", period="2024-11", day=2) for i in range(4)] + [late]
    cur_delivery(tmp_path / "src", "2024-10", "oct", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *oct_rows])})
    cur_delivery(tmp_path / "src", "2024-11", "nov", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *nov_rows])})
    report = ingest(str(tmp_path / "src"), store, progress=False)
    assert [(p.billing_period, p.rows) for p in report.periods] == [(date(2024, 10, 1), 3), (date(2024, 11, 1), 5)]

    october = TimeRange(date(2024, 10, 1), date(2024, 11, 1))
    november = TimeRange(date(2024, 11, 1), date(2024, 12, 1))
    assert _total(store, october) == Decimal("37.00")  # 3 x 10.00 + the late 7.00
    assert _total(store, november) == Decimal("4.00")
    assert _total(store, TimeRange(date(2024, 10, 1), date(2024, 12, 1))) == Decimal("41.00")  # never twice
    fresh = store.freshness(october)
    assert [p.billing_period for p in fresh.periods] == [date(2024, 10, 1), date(2024, 11, 1)]
    assert [p.billing_period for p in store.freshness(november).periods] == [date(2024, 11, 1)]

    monkeypatch.chdir(tmp_path)
    url = f"duckdb://{store.root}"
    assert main(["query", "2024-10", "--store", url, "--format", "json", "--today", "2024-12-10"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["total"] == pytest.approx(37.0)
    assert [p["billing_period"] for p in answer["freshness"]["periods"]] == ["2024-10-01", "2024-11-01"]
