"""A CSV delivery of several export files is staged and stored part by part: published all together or not at all,
unchanged parts kept by a re-delivery, duplicates counted per file, and every total exact."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from bot.billing.model import AggregateRequest, Dimension, DimensionRef, Granularity, TimeRange
from bot.errors import CorruptFile
from bot.ingest import integrity, parts
from bot.ingest.pipeline import ingest
from bot.store.duckdb import DuckDBStore
from tests.ingest.conftest import CUR_HEADER, csv_bytes, cur_delivery, cur_row
from tests.support.part_loads import record_part_loads

MARCH = TimeRange(date(2024, 3, 1), date(2024, 4, 1))
MANIFEST = "(billing period 2024-03, manifest cur/rep/20240301-20240401/rep-Manifest.json)"
FILES = ("rep-1.csv.gz", "rep-2.csv.gz", "rep-3.csv.gz")


@pytest.fixture()
def loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Each file its own part (test files are tiny), and the number of parts each store load writes."""
    monkeypatch.setattr(parts, "SMALL_PART_BYTES", 1)
    loaded = record_part_loads(monkeypatch)
    yield loaded


def _rows(first: int, n: int, *, day: int = 1) -> list[str]:
    """`n` line items numbered from `first`, costs with up to 10 decimals (as CUR writes them)."""
    return [cur_row(i, f"{(i * 7919) % 10007 / 997:.10f}".rstrip("0"), day=day) for i in range(first, first + n)]


def _files(sizes: Sequence[int], *, day: int = 1) -> dict[str, bytes]:
    """The three export files with `sizes` line items (numbered on from one file to the next). Bytes differ from
    one call to the next (gzip records the time): a re-delivery of an unchanged file re-uses its bytes."""
    out, first = {}, 0
    for name, n in zip(FILES, sizes, strict=True):
        out[name] = csv_bytes([CUR_HEADER, *_rows(first, n, day=day)])
        first += n
    return out


def _raw_sum(folder: Path) -> tuple[int, Decimal]:
    """DuckDB's own row count and DECIMAL sum of the raw export's cost column."""
    paths = sorted(str(p) for p in folder.glob("*.csv.gz"))
    ((rows, total),) = duckdb.sql(
        f'SELECT count(*), sum(CAST("lineItem/UnblendedCost" AS DECIMAL(38, 10))) FROM read_csv({paths}, '
        "header = true, all_varchar = true)"
    ).fetchall()
    return int(rows), Decimal(str(total))


def _leftovers(root: Path) -> list[str]:
    """Files of loads and ingests in progress: part files, staging folders, staged copies."""
    return sorted(
        str(p.relative_to(root)) for p in root.rglob("*") if p.name.startswith((".load-", "ingest-", "staged-"))
    )


def _answers(store: DuckDBStore) -> list[object]:
    out: list[object] = []
    for kind in (Dimension.ACCOUNT, Dimension.SERVICE, Dimension.RESOURCE):
        for gran in (Granularity.NONE, Granularity.DAY):
            req = AggregateRequest(MARCH, group_by=(DimensionRef(kind),), granularity=gran)
            out.append(sorted((r.keys, r.bucket, round(r.cost, 6), r.line_items) for r in store.aggregate(req)))
    return out


def test_a_bad_line_in_the_third_file_publishes_nothing(tmp_path: Path, loads: list[int]) -> None:
    src, store = tmp_path / "src", DuckDBStore(tmp_path / "billing")
    cur_delivery(src, "2024-03", "good", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, *_rows(0, 5)])})
    (p,) = ingest(str(src), store, progress=False).periods
    assert (p.status, p.rows) == ("loaded", 5)
    before = sorted(p.name for p in (tmp_path / "billing" / "periods").iterdir())

    files = _files((300, 200, 0))
    short = "li-999,x/y,2024-03-01T00:00:00Z,012345678901,Usage,2024-03-01T05:00:00Z,2024-03-01T05:59:59Z,AmazonEC2,1"
    files["rep-3.csv.gz"] = csv_bytes([CUR_HEADER, *_rows(500, 40), short, *_rows(541, 9)])
    cur_delivery(src, "2024-03", "bad", files)
    with pytest.raises(CorruptFile) as err:
        ingest(str(src), store, progress=False)
    assert err.value.message == (
        "rep-3.csv.gz, line 42: 9 values where the header names 10 columns (a short row: values are missing): "
        f"{short} {MANIFEST}"
    )
    assert loads == [1], "the store never started loading the bad delivery's parts"
    assert [(p.delivery_id, p.rows) for p in store.periods()] == [("good", 5)]
    assert sorted(p.name for p in (tmp_path / "billing" / "periods").iterdir()) == before
    assert _leftovers(tmp_path / "billing") == []
    store.close()


def test_parts_load_together_and_a_redelivery_keeps_the_unchanged_ones(tmp_path: Path, loads: list[int]) -> None:
    src, store = tmp_path / "src", DuckDBStore(tmp_path / "billing")
    files = _files((3000, 2500, 2000))
    folder = cur_delivery(src, "2024-03", "a-1", files)
    (p,) = ingest(str(src), store, progress=False).periods
    assert (p.delivery_id, p.rows) == ("a-1", 7500)
    assert loads == [3]
    assert len(list((tmp_path / "billing" / "periods").glob("2024-03--*.duckdb"))) == 3

    files["rep-3.csv.gz"] = csv_bytes([CUR_HEADER, *_rows(5500, 2600)])  # the third file grows
    folder = cur_delivery(src, "2024-03", "a-2", files)
    (p,) = ingest(str(src), store, progress=False).periods
    assert (p.delivery_id, p.status, p.rows) == ("a-2", "replaced", 8100)
    assert loads == [3, 1], "only the changed file's part is loaded again"
    rows, total = _raw_sum(folder)
    live = store.periods()[0]
    assert (live.rows, Decimal(p.billed_total)) == (rows, total)
    assert Decimal(repr(live.billed_total)).quantize(Decimal("0.01")) == total.quantize(Decimal("0.01"))
    assert _leftovers(tmp_path / "billing") == []

    # The same answers as the month loaded as one part (every file grouped into one).
    whole = DuckDBStore(tmp_path / "whole")
    parts.SMALL_PART_BYTES = 1 << 30  # undone by the fixture's monkeypatch
    (w,) = ingest(str(src), whole, progress=False).periods
    assert (w.rows, loads) == (8100, [3, 1, 1])
    assert len(list((tmp_path / "whole" / "periods").glob("*.duckdb"))) == 1
    assert _answers(store) == _answers(whole)
    store.close()
    whole.close()


def test_a_new_tag_column_loads_every_part_again(tmp_path: Path, loads: list[int]) -> None:
    # The delivery's columns are part of each part's transformation: a part is kept only when its rows would be
    # the same, never on a guess.
    src, store = tmp_path / "src", DuckDBStore(tmp_path / "billing")
    files = _files((30, 20, 10))
    cur_delivery(src, "2024-03", "a-1", files)
    ingest(str(src), store, progress=False)
    tagged = [f"{r},web" for r in _rows(50, 11)]
    files["rep-3.csv.gz"] = csv_bytes([CUR_HEADER + ",resourceTags/user:team", *tagged])
    cur_delivery(src, "2024-03", "a-2", files)
    (p,) = ingest(str(src), store, progress=False).periods
    assert (p.rows, loads) == (61, [3, 3])
    store.close()


def test_small_files_share_a_part(tmp_path: Path, loads: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    src, store = tmp_path / "src", DuckDBStore(tmp_path / "billing")
    folder = cur_delivery(src, "2024-03", "a-1", _files((30, 20, 10)))
    sizes = [(folder / n).stat().st_size for n in FILES]
    monkeypatch.setattr(parts, "SMALL_PART_BYTES", sizes[0] + sizes[1])
    (p,) = ingest(str(src), store, progress=False).periods
    assert (p.rows, loads) == (60, [2]), "the first two files make one part, the third one of its own"
    store.close()


@pytest.mark.parametrize("keys_per_count", [None, 4])
def test_duplicates_within_files_are_counted_exactly_and_across_files_allowed(
    tmp_path: Path, loads: list[int], monkeypatch: pytest.MonkeyPatch, keys_per_count: int | None
) -> None:
    # CUR promises a line item id once per file (and time interval), not once per delivery: the same line item in
    # two files is two rows; within one file it is a duplicate, counted exactly whichever part holds it, in one
    # count or in hash buckets of 4 keys.
    if keys_per_count is not None:
        monkeypatch.setattr(integrity, "KEYS_PER_COUNT", keys_per_count)
    src, store = tmp_path / "src", DuckDBStore(tmp_path / "billing")
    base = _rows(0, 30)
    files = {
        "rep-1.csv.gz": csv_bytes([CUR_HEADER, *base[:10], base[5]]),
        "rep-2.csv.gz": csv_bytes([CUR_HEADER, *base[10:20], base[17], base[17], base[18]]),
        "rep-3.csv.gz": csv_bytes([CUR_HEADER, *base[20:], base[5]]),  # li-5 again, in another file: allowed
    }
    cur_delivery(src, "2024-03", "dup", files)
    with pytest.raises(CorruptFile) as err:
        ingest(str(src), store, progress=False)
    interval = "2024-03-01T05:00:00Z/2024-03-01T05:59:59Z"
    assert err.value.message == (
        f"rep-1.csv.gz: line item li-5 for {interval} appears 2 times (4 extra rows in 3 line items, in 2 files); "
        f"a line item appears once per file (identity/LineItemId and identity/TimeInterval) {MANIFEST}"
    )
    assert store.periods() == [] and loads == []

    files["rep-1.csv.gz"] = csv_bytes([CUR_HEADER, *base[:10]])
    files["rep-2.csv.gz"] = csv_bytes([CUR_HEADER, *base[10:20]])
    folder = cur_delivery(src, "2024-03", "ok", files)
    (p,) = ingest(str(src), store, progress=False).periods
    assert (p.rows, Decimal(p.billed_total)) == _raw_sum(folder)
    assert p.rows == 31 and loads == [3]
    assert _leftovers(tmp_path / "billing") == []
    store.close()


def test_totals_to_the_cent_equal_duckdbs_sum_of_the_raw_export(tmp_path: Path, loads: list[int]) -> None:
    src, store = tmp_path / "src", DuckDBStore(tmp_path / "billing")
    files = _files((4000, 10, 2999), day=9)
    files["rep-2.csv.gz"] = csv_bytes([CUR_HEADER, *_rows(4000, 10, day=9), cur_row(9999, "-0.0000000001", day=9)])
    folder = cur_delivery(src, "2024-03", "exact", files)
    (p,) = ingest(str(src), store, progress=False).periods
    rows, total = _raw_sum(folder)
    assert (p.rows, Decimal(p.billed_total)) == (rows, total) == (7010, total)
    (day,) = store.aggregate(AggregateRequest(MARCH, granularity=Granularity.DAY))
    assert Decimal(repr(day.cost)).quantize(Decimal("0.01")) == total.quantize(Decimal("0.01"))
    assert json.loads(json.dumps(loads)) == [3]
    store.close()


def test_loose_files_of_two_months_are_staged_raw_and_stored_in_parts(tmp_path: Path, loads: list[int]) -> None:
    # Without a manifest the billing periods are found first (another pass), so the raw CSV is staged as text, one
    # file per part, and each month is stored in parts read from those files.
    src, store = tmp_path / "src", DuckDBStore(tmp_path / "billing")
    src.mkdir()
    march = [cur_row(i, f"{i}.0625", period="2024-03") for i in range(40)]
    april = [cur_row(i, f"{i}.5", period="2024-04") for i in range(40, 70)]
    for name, lines in zip(FILES, (march[:25], march[25:] + april[:10], april[10:]), strict=True):
        (src / name).write_bytes(csv_bytes([CUR_HEADER, *lines]))
    got = {p.billing_period: (p.rows, Decimal(p.billed_total)) for p in ingest(str(src), store, progress=False).periods}
    assert got == {
        date(2024, 3, 1): (40, sum(Decimal(f"{i}.0625") for i in range(40))),
        date(2024, 4, 1): (30, sum(Decimal(f"{i}.5") for i in range(40, 70))),
    }
    assert loads == [3, 3], "each month in a part per file (a file without rows of the month gives an empty part)"
    assert _leftovers(tmp_path / "billing") == []
    store.close()
