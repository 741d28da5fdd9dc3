"""A CUR 2.0 delivery of several parquet files is stored part by part; a re-delivery that changes one file loads
only that file's part, and every total stays exact."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from bot.billing.model import AggregateRequest, Dimension, DimensionRef, Granularity, TimeRange
from bot.ingest import readers
from bot.ingest.pipeline import ingest
from bot.store.duckdb import DuckDBStore
from tests.support.part_loads import record_part_loads

JULY = TimeRange(date(2024, 7, 1), date(2024, 8, 1))
FILES = ("x-00001.snappy.parquet", "x-00002.snappy.parquet", "x-00003.snappy.parquet")


def _write(path: Path, first: int, rows: int) -> None:
    """`rows` hourly EC2 line items numbered from `first` (a resource each tenth, a team tag on most)."""
    duckdb.sql(
        "COPY (SELECT '00000000000' || CAST(i % 3 AS VARCHAR) AS line_item_usage_account_id, "
        "'Usage' AS line_item_line_item_type, "
        "TIMESTAMP '2024-07-01' + to_hours(CAST(i % 700 AS INTEGER)) AS line_item_usage_start_date, "
        "TIMESTAMP '2024-07-01' + to_hours(CAST(i % 700 AS INTEGER) + 1) AS line_item_usage_end_date, "
        "'AmazonEC2' AS line_item_product_code, 'i-' || CAST(i // 10 AS VARCHAR) AS line_item_resource_id, "
        "CAST(round(0.01 * (i % 97) + 0.13, 2) AS DECIMAL(18, 2)) AS line_item_unblended_cost, "
        "CASE WHEN i % 4 = 0 THEN MAP {'user_team': 'web'} ELSE MAP {'user_team': 'db'} END AS resource_tags, "
        "MAP {'product_name': 'Amazon EC2', 'region_code': 'eu-west-1'} AS product "
        f"FROM range({first}, {first + rows}) t(i)) TO '{path}' (FORMAT parquet)"
    )


def _deliver(root: Path, execution: str, sizes: Sequence[int]) -> Decimal:
    """Write (or overwrite) the month's files and its manifest; returns the export's own total."""
    data = root / "data" / "BILLING_PERIOD=2024-07"
    meta = root / "metadata" / "BILLING_PERIOD=2024-07"
    data.mkdir(parents=True, exist_ok=True)
    meta.mkdir(parents=True, exist_ok=True)
    first = 0
    for name, rows in zip(FILES, sizes, strict=True):
        path = data / name
        if not path.exists() or rows != _rows(path):
            _write(path, first, rows)
        first += rows
    keys = [f"s3://b/exp/data/BILLING_PERIOD=2024-07/{n}" for n in FILES]
    (meta / "x-Manifest.json").write_text(json.dumps({"executionId": execution, "dataFiles": keys}))
    paths = [str(data / n) for n in FILES]
    (total,) = duckdb.sql(f"SELECT SUM(line_item_unblended_cost) FROM read_parquet({paths})").fetchall()[0]
    return Decimal(str(total))


def _rows(path: Path) -> int:
    (n,) = duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall()[0]
    return int(n)


def _answers(store: DuckDBStore) -> list[object]:
    out: list[object] = []
    for kind in (Dimension.RESOURCE, Dimension.ACCOUNT, Dimension.SERVICE):
        for gran in (Granularity.NONE, Granularity.DAY):
            req = AggregateRequest(JULY, group_by=(DimensionRef(kind),), granularity=gran)
            # Sorted by key: groups of equal cost may come in either order (sums differ in the 15th digit).
            out.append(sorted((r.keys, r.bucket, round(r.cost, 6), r.line_items) for r in store.aggregate(req)))
        out.append(store.count_groups(AggregateRequest(JULY, group_by=(DimensionRef(kind),))))
    team = DimensionRef(Dimension.TAG, "user:team")
    out.append(sorted((r.keys, round(r.cost, 6)) for r in store.aggregate(AggregateRequest(JULY, group_by=(team,)))))
    out.append([(t.key, round(t.tagged_cost, 6), t.distinct_values) for t in store.tag_coverage(JULY)])
    return out


def test_a_redelivery_changing_one_file_loads_only_that_part(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = record_part_loads(monkeypatch)
    exports = tmp_path / "exp"
    store = DuckDBStore(tmp_path / "billing")
    total = _deliver(exports, "exec-1", (3000, 2500, 2000))
    (p,) = ingest(str(exports), store, progress=False).periods
    assert (p.delivery_id, p.rows, Decimal(p.billed_total)) == ("exec-1", 7500, total)
    assert loaded == [3]

    total = _deliver(exports, "exec-2", (3000, 2500, 2600))  # the third file grows; the others are untouched
    (p,) = ingest(str(exports), store, progress=False).periods
    assert (p.delivery_id, p.status, p.rows) == ("exec-2", "replaced", 8100)
    assert loaded == [3, 1]
    live = store.periods()[0]
    assert live.rows == 8100 and Decimal(repr(live.billed_total)).quantize(Decimal("0.01")) == total
    assert Decimal(p.billed_total) == total

    # The same answers as the month loaded as one file by an ingest that does not split deliveries.
    monkeypatch.setattr(readers, "_parts", lambda *_: ())
    whole = DuckDBStore(tmp_path / "whole")
    (w,) = ingest(str(exports), whole, progress=False).periods
    assert loaded == [3, 1, 1] and w.rows == 8100
    assert len(list((tmp_path / "whole" / "periods").glob("*.duckdb"))) == 1
    assert _answers(store) == _answers(whole)
