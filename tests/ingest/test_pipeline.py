"""Pipeline behaviour: bad input never touches the store, re-deliveries replace, re-ingest is a no-op, drift."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.billing.model import TimeRange
from bot.cli import main
from bot.errors import CorruptFile, MissingColumns, UnknownFormat
from bot.ingest.pipeline import ingest

HEADER = [
    "identity/LineItemId",
    "bill/InvoiceId",
    "bill/PayerAccountId",
    "bill/BillingPeriodStartDate",
    "lineItem/UsageAccountId",
    "lineItem/LineItemType",
    "lineItem/UsageStartDate",
    "lineItem/UsageEndDate",
    "lineItem/ProductCode",
    "lineItem/UnblendedCost",
]


def write_cur(
    root: Path,
    period: date,
    assembly: str,
    costs: list[str],
    *,
    tags: dict[str, str] | None = None,
    header: list[str] | None = None,
) -> Path:
    """A legacy CUR delivery laid out as in S3, period-level manifest naming `assembly`."""
    span = f"{period:%Y%m}01-{period.year + (period.month == 12)}{period.month % 12 + 1:02d}01"
    adir = root / "cur" / "rep" / span / assembly
    adir.mkdir(parents=True, exist_ok=True)
    cols = (header or HEADER) + [f"resourceTags/{k}" for k in (tags or {})]
    lines = [",".join(cols)]
    for i, cost in enumerate(costs):
        base = [f"id{i}", "", "012345678901", f"{period}T00:00:00Z", "012345678901", "Usage"]
        base += [f"{period}T0{i % 10}:00:00Z", f"{period}T0{i % 10}:59:59Z", "AmazonEC2", cost]
        lines.append(",".join(base[: len(header or HEADER)] + list((tags or {}).values())))
    data = adir / "rep-1.csv.gz"
    data.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    manifest = {
        "assemblyId": assembly,
        "billingPeriod": {"start": f"{period:%Y%m%d}T000000.000Z"},
        "reportKeys": [f"cur/rep/{span}/{assembly}/rep-1.csv.gz"],
        "reportName": "rep",
    }
    (adir.parent / "rep-Manifest.json").write_text(json.dumps(manifest))
    (adir / "rep-Manifest.json").write_text(json.dumps(manifest))
    return data


def test_redelivery_replaces_and_reingest_is_a_noop(tmp_path: Path, store: Any) -> None:
    root = tmp_path / "exports"
    write_cur(root, date(2024, 3, 1), "asm-1", ["1.10", "2.20"])
    (p,) = ingest(str(root), store, progress=False).periods
    assert (p.status, p.rows, p.billed_total) == ("loaded", 2, "3.3000000000")

    (again,) = ingest(str(root), store, progress=False).periods
    assert again.status == "skipped" and again.delivery_id == "asm-1"

    write_cur(root, date(2024, 3, 1), "asm-2", ["1.10", "2.20", "0.05"])
    (newer,) = ingest(str(root), store, progress=False).periods
    assert (newer.status, newer.replaced, newer.rows, newer.billed_total) == ("replaced", "asm-1", 3, "3.3500000000")
    status = store.period(date(2024, 3, 1))
    assert status.delivery_id == "asm-2" and status.rows == 3
    # Account ids keep their leading zero.
    assert store.accounts().keys() == {"012345678901"}


def test_schema_drift_between_months(tmp_path: Path, store: Any) -> None:
    root = tmp_path / "exports"
    write_cur(root, date(2024, 1, 1), "a1", ["1"], tags={"user:team": "web"})
    write_cur(root, date(2024, 2, 1), "a2", ["2"], tags={"user:env": "prod", "aws:createdBy": "alice"})
    report = ingest(str(root), store, progress=False)
    assert [p.billing_period for p in report.periods] == [date(2024, 1, 1), date(2024, 2, 1)]
    assert store.tag_keys() == ["aws:createdBy", "user:env", "user:team"]
    rows = list(store.iter_line_items(TimeRange(date(2024, 1, 1), date(2024, 3, 1))))
    by_month = {r["billing_period"]: r for r in rows}
    assert by_month[date(2024, 1, 1)]["tag:user:team"] == "web"
    assert by_month[date(2024, 1, 1)].get("tag:user:env") is None
    assert by_month[date(2024, 2, 1)]["tag:aws:createdBy"] == "alice"


def _live(store: Any) -> list[tuple[date, str]]:
    return [(p.billing_period, p.delivery_id) for p in store.periods()]


def test_truncated_gzip_names_the_file_and_keeps_old_data(tmp_path: Path, store: Any) -> None:
    root = tmp_path / "exports"
    write_cur(root, date(2024, 3, 1), "asm-1", ["1"])
    ingest(str(root), store, progress=False)
    data = write_cur(root, date(2024, 3, 1), "asm-2", [str(i) for i in range(500)])
    data.write_bytes(data.read_bytes()[:-40])
    with pytest.raises(CorruptFile, match=r"rep-1\.csv\.gz: truncated gzip file"):
        ingest(str(root), store, progress=False)
    assert _live(store) == [(date(2024, 3, 1), "asm-1")]


def test_corrupt_gzip(tmp_path: Path, store: Any) -> None:
    data = write_cur(tmp_path, date(2024, 3, 1), "asm-1", ["1"])
    raw = bytearray(data.read_bytes())
    raw[20:30] = b"\xff" * 10
    data.write_bytes(bytes(raw))
    with pytest.raises(CorruptFile, match=r"rep-1\.csv\.gz: corrupt gzip data"):
        ingest(str(tmp_path), store, progress=False)
    assert store.periods() == []


def test_missing_columns_are_listed(tmp_path: Path, store: Any) -> None:
    header = [h for h in HEADER if h not in ("lineItem/UnblendedCost", "lineItem/ProductCode")]
    write_cur(tmp_path, date(2024, 3, 1), "asm-1", ["1"], header=header)
    with pytest.raises(MissingColumns) as err:
        ingest(str(tmp_path), store, progress=False)
    assert err.value.missing == ("lineItem/UnblendedCost", "lineItem/ProductCode")
    assert "missing required cur1 column(s): lineItem/UnblendedCost, lineItem/ProductCode" in err.value.message


def test_unknown_layout_says_what_is_supported(tmp_path: Path, store: Any) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(UnknownFormat) as err:
        ingest(str(tmp_path), store, progress=False)
    assert "no billing export found (saw notes.txt)" in err.value.message
    assert "legacy CUR" in str(err.value.hint) and "FOCUS" in str(err.value.hint)
    (tmp_path / "data.csv").write_text("a,b\n1,2\n")
    with pytest.raises(UnknownFormat, match="unrecognised columns: a, b"):
        ingest(str(tmp_path), store, progress=False)


def test_unreadable_manifest(tmp_path: Path, store: Any) -> None:
    write_cur(tmp_path, date(2024, 3, 1), "asm-1", ["1"])
    manifest = next(tmp_path.glob("cur/rep/*/rep-Manifest.json"))
    manifest.write_text('{"assemblyId": "asm-1", "reportKeys": [')
    with pytest.raises(CorruptFile, match=r"rep-Manifest\.json: unreadable manifest"):
        ingest(str(tmp_path), store, progress=False)


def test_manifest_naming_an_absent_file(tmp_path: Path, store: Any) -> None:
    data = write_cur(tmp_path, date(2024, 3, 1), "asm-1", ["1"])
    data.unlink()
    with pytest.raises(CorruptFile, match=r"names cur/rep/20240301-20240401/asm-1/rep-1\.csv\.gz, which is not in"):
        ingest(str(tmp_path), store, progress=False)


def test_bad_number_fails_before_the_store(tmp_path: Path, store: Any) -> None:
    write_cur(tmp_path, date(2024, 3, 1), "asm-1", ["1.5", "abc"])
    with pytest.raises(CorruptFile, match="unreadable export data"):
        ingest(str(tmp_path), store, progress=False)
    assert store.periods() == []


def test_cli_prints_per_period_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "exports"
    write_cur(root, date(2024, 3, 1), "asm-1", ["1.25"])
    url = f"duckdb://{tmp_path / 'db'}"
    assert main(["ingest", str(root), "--store", url, "--no-progress"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].split() == ["period", "status", "format", "delivery", "rows", "total", "rows/s", "time"]
    assert out[2].split()[:6] == ["2024-03", "loaded", "cur1", "asm-1", "1", "1.25"]
    assert out[3].startswith("  1 period(s): 1 loaded; 1 rows loaded, ")
    assert main(["ingest", str(root), "--store", url, "--no-progress"]) == 0
    skipped = capsys.readouterr().out.splitlines()
    assert skipped[2].split() == ["2024-03", "skipped", "cur1", "asm-1", "1", "1.25", "-", "-"]
    assert skipped[3].startswith("  1 period(s): 1 skipped; 0 rows loaded, ")
    (tmp_path / "bad").mkdir()
    assert main(["ingest", str(tmp_path / "bad"), "--store", url]) == 2
    assert "error: no billing export found" in capsys.readouterr().err


def test_athena_parquet_layout(tmp_path: Path, store: Any) -> None:
    import duckdb

    part = tmp_path / "cur" / "rep" / "rep" / "year=2024" / "month=5"
    part.mkdir(parents=True)
    duckdb.sql(
        "COPY (SELECT '000000000001' AS line_item_usage_account_id, 'Usage' AS line_item_line_item_type, "
        "TIMESTAMP '2024-05-01 00:00:00' AS line_item_usage_start_date, "
        "TIMESTAMP '2024-05-01 01:00:00' AS line_item_usage_end_date, 'AmazonS3' AS line_item_product_code, "
        "i * 0.5 AS line_item_unblended_cost, 'x' AS resource_tags_user_team FROM range(4) t(i)) "
        f"TO '{part / 'part-0.parquet'}' (FORMAT parquet)"
    )
    (p,) = ingest(str(tmp_path / "cur"), store, progress=False).periods
    assert (p.billing_period, p.source_format, p.rows, p.billed_total) == (date(2024, 5, 1), "cur1", 4, "3.0000000000")
    assert store.tag_keys() == ["user:team"]


def test_cur2_parquet_with_map_columns(tmp_path: Path, store: Any) -> None:
    import duckdb

    data = tmp_path / "exp" / "data" / "BILLING_PERIOD=2024-07"
    meta = tmp_path / "exp" / "metadata" / "BILLING_PERIOD=2024-07"
    data.mkdir(parents=True)
    meta.mkdir(parents=True)
    duckdb.sql(
        "COPY (SELECT '000000000002' AS line_item_usage_account_id, 'Usage' AS line_item_line_item_type, "
        "TIMESTAMPTZ '2024-07-01 02:00:00+02' AS line_item_usage_start_date, "
        "TIMESTAMPTZ '2024-07-01 03:00:00+02' AS line_item_usage_end_date, 'AmazonEC2' AS line_item_product_code, "
        "1.25 AS line_item_unblended_cost, MAP {'user_team': 'web', 'aws_created_by': 'bob'} AS resource_tags, "
        "MAP {'Env': 'prod'} AS cost_category, MAP {'product_name': 'Amazon EC2', 'region_code': 'eu-west-1'} "
        f"AS product) TO '{data / 'x-00001.snappy.parquet'}' (FORMAT parquet)"
    )
    manifest = {"executionId": "exec-1", "dataFiles": ["s3://b/exp/data/BILLING_PERIOD=2024-07/x-00001.snappy.parquet"]}
    (meta / "x-Manifest.json").write_text(json.dumps(manifest))
    (p,) = ingest(str(tmp_path / "exp"), store, progress=False).periods
    assert (p.delivery_id, p.source_format, p.rows, p.billed_total) == ("exec-1", "cur2", 1, "1.2500000000")
    assert store.tag_keys() == ["aws:createdBy", "user:team"]
    (row,) = store.iter_line_items(TimeRange(date(2024, 7, 1), date(2024, 8, 1)))
    assert row["service_name"] == "Amazon EC2" and row["region_id"] == "eu-west-1"
    assert row["costcat:Env"] == "prod"
    assert row["charge_period_start"].replace(tzinfo=None).isoformat() == "2024-07-01T00:00:00"


def test_copy_of_sample_is_untouched(tmp_path: Path) -> None:
    # Sample data is read-only; tests copy it. This guards the helper the other tests use.
    from tests.ingest.conftest import KOKU

    shutil.copytree(KOKU / "extracted" / "my-prefix", tmp_path / "x")
    assert any((tmp_path / "x").rglob("*.csv.gz"))


def _big_cur(root: Path, period: date, assembly: str, rows: int) -> None:
    """A legacy CUR delivery of `rows` line items of 0.01 each, written by DuckDB (fast, gzip)."""
    import duckdb

    span = f"{period:%Y%m}01-{period.year + (period.month == 12)}{period.month % 12 + 1:02d}01"
    adir = root / "cur" / "rep" / span / assembly
    adir.mkdir(parents=True, exist_ok=True)
    duckdb.sql(
        "COPY (SELECT 'id' || i AS \"identity/LineItemId\", '012345678901' AS \"lineItem/UsageAccountId\", "
        "'Usage' AS \"lineItem/LineItemType\", '2024-03-01T00:00:00Z' AS \"lineItem/UsageStartDate\", "
        "'2024-03-01T01:00:00Z' AS \"lineItem/UsageEndDate\", 'AmazonEC2' AS \"lineItem/ProductCode\", "
        "'i-' || (i % 1000) AS \"lineItem/ResourceId\", '0.01' AS \"lineItem/UnblendedCost\" "
        f"FROM range({rows}) t(i)) TO '{adir / 'rep-1.csv.gz'}' (FORMAT csv, HEADER, COMPRESSION gzip)"
    )
    manifest = {
        "assemblyId": assembly,
        "billingPeriod": {"start": f"{period:%Y%m%d}T000000.000Z"},
        "reportKeys": [f"cur/rep/{span}/{assembly}/rep-1.csv.gz"],
    }
    (adir.parent / "rep-Manifest.json").write_text(json.dumps(manifest))


def test_sigkill_mid_ingest_keeps_old_data_and_next_run_completes(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    from bot.store.registry import open_store

    root = tmp_path / "exports"
    store_dir = tmp_path / "store"
    url = f"duckdb://{store_dir}"
    write_cur(root, date(2024, 3, 1), "asm-old", ["12.34"])
    store = open_store(url)
    assert ingest(str(root), store, progress=False).periods[0].status == "loaded"
    store.close()

    _big_cur(root, date(2024, 3, 1), "asm-big", 400_000)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    cmd = [sys.executable, "-m", "bot", "ingest", str(root), "--store", url, "--no-progress"]
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path)
    periods = store_dir / "periods"
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".load-") and p.name.endswith(".duckdb") for p in periods.iterdir()):
        assert child.poll() is None, "the ingest finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    assert child.poll() is None, "the load must still be running when it is killed"
    child.send_signal(signal.SIGKILL)
    child.wait()

    reader = open_store(url)
    try:
        assert [(p.delivery_id, p.rows) for p in reader.periods()] == [("asm-old", 1)]
        assert reader.period(date(2024, 3, 1)).billed_total == pytest.approx(12.34)
        (p,) = ingest(str(root), reader, progress=False).periods
        assert (p.status, p.replaced, p.rows, p.billed_total) == ("replaced", "asm-old", 400_000, "4000.0000000000")
    finally:
        reader.close()


def test_truncated_second_file_of_a_delivery_is_the_one_named(tmp_path: Path, store: Any) -> None:
    first = write_cur(tmp_path, date(2024, 3, 1), "asm-1", ["1", "2"])
    second = first.with_name("rep-2.csv.gz")
    second.write_bytes(first.read_bytes()[:-8])
    manifest_path = first.parent.parent / "rep-Manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["reportKeys"].append(manifest["reportKeys"][0].replace("rep-1", "rep-2"))
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(CorruptFile, match=r"^rep-2\.csv\.gz: truncated gzip file"):
        ingest(str(tmp_path), store, progress=False)
    assert store.periods() == []


def test_staged_copies_are_removed_after_ingest(tmp_path: Path, store: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))
    write_cur(tmp_path / "exports", date(2024, 3, 1), "asm-1", ["1.5", "2.25"])
    (p,) = ingest(str(tmp_path / "exports"), store, progress=False).periods
    assert (p.rows, p.billed_total) == (2, "3.7500000000")
    assert list(work.iterdir()) == []


def test_parquet_text_value_that_does_not_cast_fails_before_the_store(tmp_path: Path, store: Any) -> None:
    import duckdb

    part = tmp_path / "cur" / "rep" / "rep" / "year=2024" / "month=5"
    part.mkdir(parents=True)
    duckdb.sql(
        "COPY (SELECT '000000000001' AS line_item_usage_account_id, 'Usage' AS line_item_line_item_type, "
        "'2024-05-01 00:00:00' AS line_item_usage_start_date, 'AmazonS3' AS line_item_product_code, "
        "'0.5' AS line_item_unblended_cost, CASE WHEN i = 3 THEN 'lots' ELSE '1' END AS line_item_usage_amount "
        "FROM range(4) t(i)) "
        f"TO '{part / 'part-0.parquet'}' (FORMAT parquet)"
    )
    with pytest.raises(CorruptFile, match=r"part-0\.parquet: unreadable export data .*lots"):
        ingest(str(tmp_path / "cur"), store, progress=False)
    assert store.periods() == []
