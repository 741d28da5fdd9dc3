"""Strict reading: valid CSV always loads, malformed CSV is refused with the file, the line and what is right.

Every refusal is checked word for word (the operator reads it in the CLI, in `/trackit status` and in the ops
channel), and with the live data of the period untouched.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from bot.billing.model import TimeRange
from bot.errors import CorruptFile, MissingColumns
from bot.ingest import integrity
from bot.ingest.pipeline import IngestPolicy, ingest
from tests.ingest.conftest import CUR_HEADER, csv_bytes, cur_delivery, cur_row

MARCH = "(billing period 2024-03, manifest cur/rep/20240301-20240401/rep-Manifest.json)"
ROW_HINT = (
    "Every row must have exactly one value per header column; the export is damaged or was edited. Download it again."
)
ROWS = [cur_row(i, "1.25") for i in range(5)]


def _live(store: Any) -> list[tuple[date, str, int]]:
    return [(p.billing_period, p.delivery_id, p.rows) for p in store.periods()]


@pytest.fixture()
def live_march(tmp_path: Path, store: Any) -> Path:
    """A store whose March holds a good delivery `good` (5 rows, 6.25); returns the source folder."""
    src = tmp_path / "src"
    cur_delivery(src, "2024-03", "good", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *ROWS])})
    (p,) = ingest(str(src), store, progress=False).periods
    assert (p.status, p.rows, p.billed_total) == ("loaded", 5, "6.2500000000")
    return src


def _refused(src: Path, store: Any, parts: dict[str, bytes]) -> CorruptFile:
    cur_delivery(src, "2024-03", "bad", parts)
    with pytest.raises(CorruptFile) as err:
        ingest(str(src), store, progress=False)
    assert _live(store) == [(date(2024, 3, 1), "good", 5)], "a refused delivery must leave the live one"
    return err.value


# ------------------------------------------------------------------------------------ malformed rows


def test_short_row_is_refused_with_file_line_and_row(live_march: Path, store: Any) -> None:
    # The row lacks lineItem/LineItemDescription: null padding used to shift 1.25 into the description's place
    # and load the next column (none) as its cost, and the reconciliation agreed with itself.
    short = "li-9,x/y,2024-03-01T00:00:00Z,012345678901,Usage,2024-03-01T05:00:00Z,2024-03-01T05:59:59Z,AmazonEC2,1.25"
    err = _refused(live_march, store, {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *ROWS[:2], short, *ROWS[2:]])})
    assert err.message == (
        "rep-1.csv.gz, line 4: 9 values where the header names 10 columns (a short row: values are missing): "
        f"{short} {MARCH}"
    )
    assert err.hint == ROW_HINT


def test_long_row_is_refused_with_file_line_and_row(live_march: Path, store: Any) -> None:
    long = cur_row(7, "1.25") + ",extra"
    err = _refused(live_march, store, {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *ROWS[:3], long, *ROWS[3:]])})
    assert err.message == (
        f"rep-1.csv.gz, line 5: 11 values where the header names 10 columns (a long row: extra fields): {long} {MARCH}"
    )
    assert err.hint == ROW_HINT


def test_short_row_deep_in_a_large_file_names_its_line(live_march: Path, store: Any) -> None:
    # Beyond DuckDB's sniffing sample (20,480 rows) and across its parallel scanner's chunks.
    rows = [cur_row(i, "0.01") for i in range(60_000)]
    rows[45_000] = rows[45_000].rsplit(",", 1)[0]
    err = _refused(live_march, store, {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *rows])})
    assert err.message.startswith("rep-1.csv.gz, line 45002: 9 values where the header names 10 columns")


def test_quote_left_open_is_refused(live_march: Path, store: Any) -> None:
    bad = cur_row(3, "1", description='"open quote')
    err = _refused(live_march, store, {"rep-1.csv.gz": csv_bytes([CUR_HEADER, ROWS[0], bad, *ROWS[1:]])})
    assert err.message.startswith("rep-1.csv.gz, line 3: a quoted value is not closed, or text follows its closing ")
    assert err.message.endswith(MARCH)
    assert err.hint == 'In CSV a quote inside a quoted value is written twice (""); download the export again.'


def test_text_that_is_not_utf8_is_refused_with_its_line(live_march: Path, store: Any) -> None:
    data = ("\n".join([CUR_HEADER, ROWS[0]]) + "\n").encode() + cur_row(2, "1", description="caf\xe9").encode("latin-1")
    err = _refused(live_march, store, {"rep-1.csv.gz": gzip.compress(data + b"\n")})
    assert err.message.startswith("rep-1.csv.gz, line 3: the text is not UTF-8: li-2,")
    assert err.hint == "AWS writes exports in UTF-8."


# ------------------------------------------------------------------------------------------ headers


def test_duplicated_cost_column_is_refused(live_march: Path, store: Any) -> None:
    lines = [CUR_HEADER + ",lineItem/UnblendedCost", *[r + ",9.99" for r in ROWS]]
    err = _refused(live_march, store, {"rep-1.csv.gz": csv_bytes(lines)})
    assert err.message == (
        f"rep-1.csv.gz: column lineItem/UnblendedCost appears twice in the header (columns 10 and 11) {MARCH}"
    )
    assert err.hint == (
        "Each column may appear once: which of the two holds the data is ambiguous. Use the export as AWS delivered it."
    )


def test_columns_differing_only_in_case_are_refused(live_march: Path, store: Any) -> None:
    lines = [CUR_HEADER + ",lineitem/unblendedcost", *[r + ",9.99" for r in ROWS]]
    err = _refused(live_march, store, {"rep-1.csv.gz": csv_bytes(lines)})
    assert err.message == (
        "rep-1.csv.gz: columns lineItem/UnblendedCost and lineitem/unblendedcost (columns 10 and 11) differ only "
        f"in case {MARCH}"
    )


def test_tag_columns_differing_only_in_case_are_merged(tmp_path: Path, store: Any) -> None:
    # AWS writes resourceTags/user:Name and resourceTags/user:name when both tags exist; the store keeps one key.
    lines = [CUR_HEADER + ",resourceTags/user:Name,resourceTags/user:name"]
    lines += [ROWS[0] + ",web,", ROWS[1] + ",,db", ROWS[2] + ",,"]
    cur_delivery(tmp_path / "src", "2024-03", "a1", {"rep-1.csv.gz": csv_bytes(lines)})
    (p,) = ingest(str(tmp_path / "src"), store, progress=False).periods
    assert (p.status, p.rows, p.billed_total) == ("loaded", 3, "3.7500000000")
    items = list(store.iter_line_items(TimeRange(date(2024, 3, 1), date(2024, 4, 1)), columns=["tag:user:Name"]))
    assert sorted(str(r["tag:user:Name"]) for r in items) == ["None", "db", "web"]


def test_column_without_a_name_is_refused(live_march: Path, store: Any) -> None:
    err = _refused(live_march, store, {"rep-1.csv.gz": csv_bytes([CUR_HEADER + ",", *[r + ",x" for r in ROWS]])})
    assert err.message == (
        "rep-1.csv.gz: column 11 of the header has no name (…, lineItem/LineItemDescription, "
        f"lineItem/UnblendedCost, (empty), …) {MARCH}"
    )


def test_missing_columns_name_the_file_the_manifest_and_the_period(live_march: Path, store: Any) -> None:
    header = CUR_HEADER.replace(",lineItem/ProductCode", "")
    rows = [",".join(r.split(",")[:7] + r.split(",")[8:]) for r in ROWS]
    cur_delivery(live_march, "2024-03", "bad", {"rep-1.csv.gz": csv_bytes([header, *rows])})
    with pytest.raises(MissingColumns) as err:
        ingest(str(live_march), store, progress=False)
    assert err.value.message == f"rep-1.csv.gz: missing required cur1 column(s): lineItem/ProductCode {MARCH}"
    assert _live(store) == [(date(2024, 3, 1), "good", 5)]


# -------------------------------------------------------------------------------------- empty files


def test_zero_byte_file_is_named(live_march: Path, store: Any) -> None:
    err = _refused(live_march, store, {"rep-1.csv.gz": b""})
    assert err.message == f"rep-1.csv.gz: empty file (0 bytes) {MARCH}"
    assert err.hint == "An export file starts with a header line naming its columns; download it again."


def test_gzip_of_nothing_is_named(live_march: Path, store: Any) -> None:
    err = _refused(live_march, store, {"rep-1.csv.gz": gzip.compress(b"")})
    assert err.message == f"rep-1.csv.gz: empty file (nothing after decompression) {MARCH}"


def test_zero_byte_parquet_is_named(tmp_path: Path, store: Any) -> None:
    part = tmp_path / "cur" / "rep" / "rep" / "year=2024" / "month=5"
    part.mkdir(parents=True)
    (part / "part-0.parquet").write_bytes(b"")
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path / "cur"), store, progress=False)
    assert err.value.message.startswith("part-0.parquet: empty file (0 bytes) (billing period 2024-05, delivery ")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "empty manifest (0 bytes)"),
        ('{"assemblyId": "x", "reportKeys": []}', "the manifest of billing period 2024-03 lists no data files "),
    ],
)
def test_empty_manifest_is_named(tmp_path: Path, store: Any, content: str, expected: str) -> None:
    adir = cur_delivery(tmp_path, "2024-03", "a1", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *ROWS])})
    manifest = adir.parent / "rep-Manifest.json"
    manifest.write_text(content.replace('"x"', '"a1", "billingPeriod": {"start": "20240301T000000.000Z"}'))
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path), store, progress=False)
    assert err.value.message.startswith(f"cur/rep/20240301-20240401/rep-Manifest.json: {expected}")
    assert store.periods() == []


# ------------------------------------------------------------------------------- valid CSV always loads


def _load(tmp_path: Path, store: Any, parts: dict[str, bytes]) -> tuple[int, str]:
    cur_delivery(tmp_path / "src", "2024-03", "a1", parts)
    (p,) = ingest(str(tmp_path / "src"), store, progress=False).periods
    assert p.status == "loaded"
    return p.rows, p.billed_total


def test_quoted_line_breaks_load(tmp_path: Path, store: Any) -> None:
    # null_padding refused this valid file ("the parallel scanner does not support null_padding in conjunction
    # with quoted new lines"); enough rows for DuckDB's parallel scanner to split the file.
    rows = [
        cur_row(i, "0.5", description='"two\nlines, one comma"' if i % 500 == 7 else "plain") for i in range(40_000)
    ]
    assert _load(tmp_path, store, {"rep-1.csv": csv_bytes([CUR_HEADER, *rows], gz=False)}) == (
        40_000,
        "20000.0000000000",
    )
    (item,) = [
        r
        for r in store.iter_line_items(TimeRange(date(2024, 3, 1), date(2024, 4, 1)), columns=["description"])
        if "\n" in str(r["description"])
    ][:1]
    assert item["description"] == "two\nlines, one comma"


def test_bom_and_crlf_load(tmp_path: Path, store: Any) -> None:
    data = b"\xef\xbb\xbf" + csv_bytes([CUR_HEADER, *ROWS], newline="\r\n", gz=False)
    assert _load(tmp_path, store, {"rep-1.csv": data}) == (5, "6.2500000000")


def test_gzip_of_several_members_loads(tmp_path: Path, store: Any) -> None:
    data = gzip.compress(("\n".join([CUR_HEADER, *ROWS[:2]]) + "\n").encode()) + gzip.compress(
        ("\n".join(ROWS[2:]) + "\n").encode()
    )
    assert _load(tmp_path, store, {"rep-1.csv.gz": data}) == (5, "6.2500000000")


def test_zip_loads_and_names_its_member(tmp_path: Path, store: Any) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("rep-1.csv", "\n".join([CUR_HEADER, *ROWS]) + "\n")
    assert _load(tmp_path, store, {"rep-1.csv.zip": buf.getvalue()}) == (5, "6.2500000000")
    bad = io.BytesIO()
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("rep-1.csv", "\n".join([CUR_HEADER, ROWS[0], ROWS[1] + ",x"]) + "\n")
    cur_delivery(tmp_path / "src", "2024-03", "a2", {"rep-1.csv.zip": bad.getvalue()})
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path / "src"), store, progress=False)
    assert err.value.message.startswith("rep-1.csv.zip (member rep-1.csv), line 3: 11 values where the header names 10")


def test_header_only_first_delivery_loads_an_empty_period(tmp_path: Path, store: Any) -> None:
    assert _load(tmp_path, store, {"rep-1.csv.gz": csv_bytes([CUR_HEADER])}) == (0, "0.0000000000")


# --------------------------------------------------------------------------------- duplicated rows


def test_duplicated_line_items_are_refused_with_the_id(live_march: Path, store: Any) -> None:
    rows = [cur_row(i, "0.5") for i in range(3000)]
    err = _refused(live_march, store, {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *rows, *rows[:2000]])})
    assert err.message == (
        "rep-1.csv.gz: line item li-0 for 2024-03-01T00:00:00Z/2024-03-01T00:59:59Z appears 2 times "
        "(2,000 extra rows in 2,000 line items); a line item appears once per file "
        f"(identity/LineItemId and identity/TimeInterval) {MARCH}"
    )
    assert err.hint == (
        "The file holds the same rows twice (a concatenation or an append gone wrong); use the files exactly as "
        "AWS delivered them."
    )


def test_one_line_item_id_over_many_hours_is_not_a_duplicate(tmp_path: Path, store: Any) -> None:
    # Genuine CUR repeats identity/LineItemId for every hour of the same usage (1,281 rows, 388 ids in the
    # FinOps Foundation's anonymised export); the time interval tells the rows apart.
    rows = [cur_row(h, "0.5").replace(f"li-{h},", "li-same,", 1) for h in range(24)]
    assert _load(tmp_path, store, {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *rows])}) == (24, "12.0000000000")


def test_identical_files_in_one_delivery_are_refused(live_march: Path, store: Any) -> None:
    part = csv_bytes([CUR_HEADER, *ROWS])
    err = _refused(live_march, store, {"rep-1.csv.gz": part, "rep-2.csv.gz": part})
    assert err.message == (
        f"rep-1.csv.gz and rep-2.csv.gz are the same file (identical content, {len(part)} bytes): every line item "
        f"would count twice {MARCH}"
    )


def test_focus_identical_rows_are_two_charges(tmp_path: Path, store: Any) -> None:
    # FOCUS has no line item id: two identical rows can be two genuine charges (two equal purchases in a day).
    header = "BillingPeriodStart,ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,SubAccountId,ServiceName"
    row = "2024-03-01T00:00:00Z,2024-03-02T00:00:00Z,2024-03-03T00:00:00Z,4.50,4.50,012345678901,AWS Marketplace"
    (tmp_path / "focus.csv").write_text("\n".join([header, row, row]) + "\n")
    (p,) = ingest(str(tmp_path / "focus.csv"), store, progress=False).periods
    assert (p.rows, p.billed_total) == (2, "9.0000000000")


def _parquet(path: Path, select: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    duckdb.sql(f"COPY ({select}) TO '{path}' (FORMAT parquet)")


_CUR2_SELECT = (
    "SELECT 'id-' || (i % {ids}) AS identity_line_item_id, '2024-05-01T00:00:00Z/2024-05-01T01:00:00Z' AS "
    "identity_time_interval, TIMESTAMP '2024-05-01' AS bill_billing_period_start_date, '000000000001' AS "
    "line_item_usage_account_id, 'Usage' AS line_item_line_item_type, TIMESTAMP '2024-05-01 00:00:00' AS "
    "line_item_usage_start_date, TIMESTAMP '2024-05-01 01:00:00' AS line_item_usage_end_date, 'AmazonS3' AS "
    "line_item_product_code, 0.5 AS line_item_unblended_cost{extra} FROM range({n}) t(i)"
)


def test_parquet_duplicated_line_items_are_refused(tmp_path: Path, store: Any) -> None:
    part = tmp_path / "cur" / "rep" / "rep" / "year=2024" / "month=5" / "part-0.parquet"
    _parquet(part, _CUR2_SELECT.format(ids=90, n=100, extra=""))
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path / "cur"), store, progress=False)
    assert err.value.message.startswith(
        "part-0.parquet: line item id-0 for 2024-05-01T00:00:00Z/2024-05-01T01:00:00Z appears 2 times (10 extra rows "
        "in 10 line items); a line item appears once per file (identity_line_item_id and identity_time_interval) "
        "(billing period 2024-05, delivery files-"
    )
    assert store.periods() == []


@pytest.mark.parametrize("keys_per_count", [7, 1])
def test_duplicates_counted_in_hash_buckets_are_the_same(
    tmp_path: Path, store: Any, monkeypatch: pytest.MonkeyPatch, keys_per_count: int
) -> None:
    # A delivery with more keys than one count holds has its keys written once, partitioned by hash bucket, and
    # each bucket counted on its own: the same 10 extra rows are found in 15 buckets or 100, and the partitioned
    # keys are gone afterwards.
    monkeypatch.setattr(integrity, "KEYS_PER_COUNT", keys_per_count)
    buckets: list[int] = []
    real = integrity.count_duplicates

    def spy(run: integrity.Runner, keys: str, rows: int, scratch: Path) -> int:
        found = real(run, keys, rows, scratch)
        buckets.append(-(-rows // keys_per_count))
        assert not list(scratch.glob("keys-*")), "the partitioned keys are removed"
        return found

    monkeypatch.setattr(integrity, "count_duplicates", spy)
    part = tmp_path / "cur" / "rep" / "rep" / "year=2024" / "month=5" / "part-0.parquet"
    _parquet(part, _CUR2_SELECT.format(ids=90, n=100, extra=""))
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path / "cur"), store, progress=False)
    assert "appears 2 times (10 extra rows in 10 line items)" in err.value.message
    assert buckets == [-(-100 // keys_per_count)]
    assert store.periods() == []


def test_parquet_duplicated_column_is_refused(tmp_path: Path, store: Any) -> None:
    # DuckDB writes no parquet with a repeated column name, so the footer is edited: 'zz_cost_b' -> 'zz_cost_a'
    # (same length; parquet names live in the thrift footer, which carries no checksum).
    good = tmp_path / "good.parquet"
    _parquet(good, _CUR2_SELECT.format(ids=100, n=4, extra=", 1.0 AS zz_cost_a, 2.0 AS zz_cost_b"))
    part = tmp_path / "cur" / "rep" / "rep" / "year=2024" / "month=5" / "part-0.parquet"
    part.parent.mkdir(parents=True)
    part.write_bytes(good.read_bytes().replace(b"zz_cost_b", b"zz_cost_a"))
    good.unlink()
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path / "cur"), store, progress=False)
    assert err.value.message.startswith(
        "part-0.parquet: column zz_cost_a appears twice in the header (columns 10 and 11) (billing period 2024-05, "
    )


def test_reconciled_total_is_the_sum_of_the_raw_column(live_march: Path, store: Any) -> None:
    # The expected total is summed in DECIMAL from the cost column of rows whose shape was checked: a shifted
    # row can no longer agree with itself.
    rows = [cur_row(i, f"0.{i:04d}") for i in range(1, 200)]
    cur_delivery(live_march, "2024-03", "more", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *rows])})
    (p,) = ingest(str(live_march), store, progress=False).periods
    assert (p.status, p.rows, Decimal(p.billed_total)) == (
        "replaced",
        199,
        sum(Decimal(f"0.{i:04d}") for i in range(1, 200)),
    )


# ---------------------------------------------------------------------------------------- independent parse


def test_independent_parse_catches_what_duckdb_tolerates(tmp_path: Path, store: Any) -> None:
    # ` "a, b"` (a space before the quote) is one quoted value to DuckDB, two plain ones to RFC 4180 and to
    # Python's csv module. The expected total no longer comes from the parse that is being checked.
    row = cur_row(1, "2.50", description=' "a, b"')
    cur_delivery(tmp_path / "src", "2024-03", "a1", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, ROWS[0], row])})
    with pytest.raises(CorruptFile) as err:
        ingest(str(tmp_path / "src"), store, progress=False, policy=IngestPolicy(verify_csv=True))
    assert err.value.message == (
        f"rep-1.csv.gz, line 3: 11 values where the header names 10 columns (found by the independent check) {MARCH}"
    )
    assert store.periods() == []


def test_independent_parse_agrees_on_a_genuine_export(tmp_path: Path, store: Any) -> None:
    import shutil

    from tests.ingest.conftest import FOCUS_CONVERTERS_CUR, raw_total

    rows, total = raw_total([FOCUS_CONVERTERS_CUR], "lineItem/UnblendedCost")
    shutil.copy(FOCUS_CONVERTERS_CUR, tmp_path / FOCUS_CONVERTERS_CUR.name)
    (p,) = ingest(
        str(tmp_path / FOCUS_CONVERTERS_CUR.name), store, progress=False, policy=IngestPolicy(verify_csv=True)
    ).periods
    assert p.rows == rows and abs(Decimal(p.billed_total) - total) < Decimal("0.000001")


def test_independent_parse_refuses_totals_that_disagree(tmp_path: Path) -> None:
    from datetime import datetime

    from bot.billing.model import Delivery
    from bot.billing.store import NormalizedSource
    from bot.ingest.csvfiles import DataFile, RawTotals
    from bot.ingest.pipeline import _compare

    src = NormalizedSource(
        delivery=Delivery(date(2024, 3, 1), "a1", datetime(2024, 4, 1), "cur1", "x"),
        select_sql="",
        tag_keys=(),
        cost_categories=(),
        expected_billed_total="10.0000000000",
        expected_rows=4,
    )
    with pytest.raises(CorruptFile) as err:
        _compare(RawTotals(4, Decimal("12.5")), [src], [DataFile(tmp_path / "rep-1.csv.gz", "rep-1.csv.gz")])
    assert err.value.message == (
        "rep-1.csv.gz: two parses disagree: DuckDB read 4 rows totalling 10.0000, Python's csv module 4 rows "
        "totalling 12.5000; nothing was stored"
    )
