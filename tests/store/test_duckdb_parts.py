"""DuckDB store: a delivery of several export files stored as part files (loaded in parallel, published in one
catalog swap, unchanged parts of a re-delivery re-used), answering exactly as the same rows in one file."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bot.billing.model import (
    AggregateRequest,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    LineItemSumsRequest,
    TimeRange,
)
from bot.billing.store import NormalizedSource, SourcePart
from bot.errors import CorruptFile, StoreError
from bot.store import duckdb_load
from bot.store.duckdb import DuckDBStore
from bot.store.duckdb_load import split_config
from tests.store.sources import item, make_source
from tests.store.test_duckdb import _child_env
from tests.support.part_loads import record_part_loads

JAN = TimeRange(date(2024, 1, 1), date(2024, 2, 1))
TEAM = DimensionRef(Dimension.TAG, "user:team")


def _digest(sql: str) -> tuple[int, str]:
    """Size and SHA-256 of the CSV file a `make_source` SELECT reads."""
    path = Path(sql.split("read_csv('")[1].split("'", maxsplit=1)[0])
    data = path.read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()


def parted(
    tmp: Path, files: Sequence[Sequence[Mapping[str, object]]], *, delivery_id: str = "d1", **kw: object
) -> NormalizedSource:
    """One January delivery of several export files (each a CSV written by `make_source`), split into parts."""
    singles = [make_source(tmp, list(rows)) for rows in files]
    whole = make_source(tmp, [r for rows in files for r in rows], delivery_id=delivery_id, **kw)  # type: ignore[arg-type]
    n = sum(len(rows) for rows in files)
    parts = []
    for i, (single, rows) in enumerate(zip(singles, files, strict=True)):
        size, digest = _digest(single.select_sql)
        parts.append(SourcePart(f"file-{i}.csv", size, digest, "transform-1", single.select_sql, len(rows) / n))
    union = " UNION ALL BY NAME ".join(f"({s.select_sql})" for s in singles)
    return dataclasses.replace(whole, select_sql=union, parts=tuple(parts))


def _files(n_files: int, *, salt: str = "") -> list[list[dict[str, object]]]:
    """Line items over January spread over `n_files` files: resources, accounts and tags recur across files
    (a resource's cost split between parts), with tax, a credit, an RI fee and a month-long fee line."""
    out: list[list[dict[str, object]]] = [[] for _ in range(n_files)]
    for i in range(60):
        day = date(2024, 1, 1 + i % 28)
        fields: dict[str, object] = {
            "resource_id": f"i-{i % 7}",
            "sub_account_id": f"11111111111{i % 3}",
            "sub_account_name": f"acct-{i % 3}" if i % 5 else "",
            "region_id": ["us-east-1", "eu-west-1", "", "global"][i % 4],
            "instance_type": ["m5.large", "c5.xlarge", ""][i % 3],
            "usage_type": ["BoxUsage:m5.large", "BoxUsage:c5.xlarge", "DataTransfer-Out-Bytes"][i % 3],
            "currency": "USD",
        }
        if i % 4:
            fields["tags"] = {"user:team": ["a", "b", ""][i % 3]}
        if i % 11 == 0:
            fields["tags"] = {"user:env": "prod"}  # a tag key only some files have
        out[i % n_files].append(item(day, f"{1 + i % 9}.{i:02d}", hour=i % 24, **fields))
    out[0].append(item("2024-01-01", "5.50", charge_category="Tax", line_item_type="Tax", service_name="VAT"))
    out[1 % n_files].append(item("2024-01-09", "-3.25", charge_category="Credit", line_item_type="Credit"))
    out[-1].append(
        item(
            "2024-01-01",
            "40.00",
            hours=744,
            line_item_type="RIFee",
            reservation_arn="arn:ri/1",
            reservation_effective_cost="0",
            net_cost="38.00",
        )
    )
    out[-1].append(item("2024-01-15", "2.00", line_item_type="DiscountedUsage", reservation_arn="arn:ri/1"))
    if salt:
        out[-1].append(item("2024-01-20", salt, resource_id="i-new"))
    return out


def _round(value: object) -> object:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, (list, tuple)):
        return [_round(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _round(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _round(v) for k, v in value.items()}
    return value


def answers(store: DuckDBStore) -> dict[str, object]:
    """Every kind of question the store answers, over the month and over part of it."""
    out: dict[str, object] = {}
    dims = [DimensionRef(d) for d in Dimension if d is not Dimension.TAG] + [
        TEAM,
        DimensionRef(Dimension.TAG, "user:env"),
    ]
    ranges = {"month": JAN, "days": TimeRange(date(2024, 1, 3), date(2024, 1, 12))}
    for rname, rng in ranges.items():
        for dim in dims:
            for gran in (Granularity.NONE, Granularity.DAY, Granularity.MONTH, Granularity.HOUR):
                req = AggregateRequest(rng, group_by=(dim,), granularity=gran)
                out[f"{rname} {dim.label} {gran}"] = _round(store.aggregate(req))
            top = AggregateRequest(rng, group_by=(dim,), limit=2)
            out[f"{rname} {dim.label} top"] = _round(store.aggregate(top))
            out[f"{rname} {dim.label} count"] = store.count_groups(AggregateRequest(rng, group_by=(dim,)))
        res = DimensionRef(Dimension.RESOURCE)
        three = AggregateRequest(rng, group_by=(res, TEAM, DimensionRef(Dimension.SERVICE)), limit=5)
        out[f"{rname} three"] = _round(store.aggregate(three))
        kept = AggregateRequest(
            rng,
            group_by=(res,),
            filters=(Filter(res, ("(none)",), negate=True), Filter(TEAM, ("a", "untagged"))),
            limit=3,
        )
        out[f"{rname} resources kept"] = _round(store.aggregate(kept))
        out[f"{rname} coverage"] = _round(store.tag_coverage(rng))
        sums = LineItemSumsRequest(
            rng, keys=("instance_type", "reservation_arn"), line_item_types=("Usage", "DiscountedUsage", "RIFee")
        )
        out[f"{rname} sums"] = sorted(map(str, _round(store.line_item_sums(sums))))  # type: ignore[call-overload]
    for dim in dims:
        out[f"values {dim.label}"] = store.distinct_values(dim)
    out["tag keys"] = store.tag_keys()
    out["accounts"] = store.accounts()
    fresh = store.freshness(JAN)
    out["until"] = fresh.data_until
    out["periods"] = [
        (p.billing_period, p.rows, round(p.billed_total, 6), p.final, p.data_until, p.currencies, p.has_net_cost)
        for p in store.periods()
    ]
    return out


def test_parts_answer_every_question_as_one_file(tmp_path: Path) -> None:
    files = _files(3)
    one = DuckDBStore(tmp_path / "one")
    one.replace_period(make_source(tmp_path, [r for rows in files for r in rows]))
    three = DuckDBStore(tmp_path / "three")
    three.replace_period(parted(tmp_path, files))
    assert len(three.periods()) == 1
    assert len(list((tmp_path / "three" / "periods").glob("*.duckdb"))) == 3
    expected, got = answers(one), answers(three)
    assert expected.keys() == got.keys()
    for key in expected:
        assert got[key] == expected[key], key
    # Hand-checked anchors, so that both layouts cannot be wrong the same way.
    total = sum(Decimal(str(r["billed_cost"])) for rows in files for r in rows)
    assert Decimal(repr(three.periods()[0].billed_total)).quantize(Decimal("0.01")) == total
    assert three.periods()[0].rows == sum(len(rows) for rows in files)
    assert three.count_groups(AggregateRequest(JAN, group_by=(DimensionRef(Dimension.RESOURCE),))) == 8  # 7 + none
    assert "user:env" in three.tag_keys()


def _catalog(root: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((root / "catalog.json").read_text())
    return data


def _entry(root: Path) -> dict[str, object]:
    periods = _catalog(root)["periods"]
    assert isinstance(periods, dict) and len(periods) == 1
    entry: dict[str, object] = next(iter(periods.values()))
    return entry


def test_a_redelivery_loads_only_the_file_that_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "store"
    store = DuckDBStore(root)
    store.replace_period(parted(tmp_path, _files(3), delivery_id="d1"))
    first = [p["file"] for p in _entry(root)["parts"]]  # type: ignore[attr-defined]
    assert len(first) == 3

    loaded = record_part_loads(monkeypatch)
    changed = _files(3, salt="7.77")  # the third file gains a line item; the first two are byte for byte the same
    result = store.replace_period(parted(tmp_path, changed, delivery_id="d2"))
    assert loaded == [1]
    assert result.replaced == "d1" and result.rows == sum(len(rows) for rows in changed)
    second = [p["file"] for p in _entry(root)["parts"]]  # type: ignore[attr-defined]
    assert second[:2] == first[:2] and second[2] != first[2]
    # The totals are the new delivery's, to the cent, and every answer is that of the new rows in one file.
    expected = sum(Decimal(str(r["billed_cost"])) for rows in changed for r in rows)
    assert Decimal(repr(store.periods()[0].billed_total)).quantize(Decimal("0.01")) == expected
    one = DuckDBStore(tmp_path / "one")
    one.replace_period(make_source(tmp_path, [r for rows in changed for r in rows]))
    assert answers(store) == answers(one)
    # Only the replaced part is retired; the kept ones stay live.
    assert [r["file"] for r in _catalog(root)["retired"]] == [first[2]]  # type: ignore[attr-defined]

    # The same delivery once more (a new id, nothing changed): nothing is loaded at all.
    loaded.clear()
    store.replace_period(parted(tmp_path, changed, delivery_id="d3"))
    assert loaded == [0]
    assert [p["file"] for p in _entry(root)["parts"]] == second  # type: ignore[attr-defined]


def test_a_part_is_not_reused_when_the_transformation_changed(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = DuckDBStore(root)
    store.replace_period(parted(tmp_path, _files(2), delivery_id="d1"))
    first = {p["file"] for p in _entry(root)["parts"]}  # type: ignore[attr-defined]
    again = parted(tmp_path, _files(2), delivery_id="d2")
    again = dataclasses.replace(
        again, parts=tuple(dataclasses.replace(p, fingerprint="transform-2") for p in again.parts)
    )
    store.replace_period(again)
    assert not first & {p["file"] for p in _entry(root)["parts"]}  # type: ignore[attr-defined]


def test_a_part_failing_mid_load_leaves_the_previous_state_and_no_garbage(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = DuckDBStore(root, grace_seconds=0)
    store.replace_period(parted(tmp_path, _files(3), delivery_id="d1"))
    before_catalog = (root / "catalog.json").read_text()
    before_files = sorted(p.name for p in (root / "periods").iterdir())
    before = answers(store)

    bad = parted(tmp_path, _files(3, salt="1.00"), delivery_id="d2")
    # The second file is cut short after the checks ran (a disk error, a truncated download): its part fails.
    broken = Path(bad.parts[1].select_sql.split("read_csv('")[1].split("'")[0])
    broken.write_text("billing_period,charge_period_start\n2024-01-01,not a time\n")
    parts = list(bad.parts)
    # Every part loads (none matches a live one), so the bad one fails beside others that are running.
    parts = [dataclasses.replace(p, digest=f"other-{i}") for i, p in enumerate(parts)]
    with pytest.raises(CorruptFile, match=r"part 2 of 3"):
        store.replace_period(dataclasses.replace(bad, parts=tuple(parts)))

    assert (root / "catalog.json").read_text() == before_catalog
    assert sorted(p.name for p in (root / "periods").iterdir()) == before_files  # no .load-* file, no orphan
    assert answers(store) == before
    reader = DuckDBStore(root)  # another process's view
    assert [p.delivery_id for p in reader.periods()] == ["d1"]


def test_a_load_killed_while_its_parts_load_leaves_the_previous_delivery(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = DuckDBStore(root)
    store.replace_period(make_source(tmp_path, [item("2024-01-05", "12.34")], delivery_id="old"))
    script = textwrap.dedent(
        f"""
        import dataclasses
        from bot.billing.store import SourcePart
        from bot.store.duckdb import DuckDBStore
        from tests.store.test_duckdb import synthetic_source
        big = synthetic_source(3_000_000, delivery_id="killed")
        parts = tuple(SourcePart(f"f{{i}}", 1, str(i), "t", big.select_sql, 0.25) for i in range(4))
        whole = dataclasses.replace(big, select_sql=" UNION ALL ".join([big.select_sql] * 4), parts=parts,
                                    expected_billed_total="120000.00", expected_rows=12_000_000)
        DuckDBStore({str(root)!r}).replace_period(whole)
        print("finished")
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], env=_child_env(), stdout=subprocess.PIPE)
    periods = root / "periods"
    deadline = time.monotonic() + 60
    while len([p for p in periods.iterdir() if p.name.startswith(".load-") and p.name.endswith(".duckdb")]) < 2:
        assert child.poll() is None, "the loader finished before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(0.3)
    assert child.poll() is None, "the load must still be running when it is killed"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert len([p for p in periods.iterdir() if p.name.startswith(".load-") and p.name.endswith(".duckdb")]) >= 2

    reader = DuckDBStore(root)  # a fresh handle collects the dead load's files and reads the old delivery
    assert [p.delivery_id for p in reader.periods()] == ["old"]
    assert reader.periods()[0].billed_total == pytest.approx(12.34)
    assert not [p for p in periods.iterdir() if p.name.startswith(".load-")]


def test_parts_share_the_threads_and_memory_never_more_in_total() -> None:
    assert split_config(2, "1GB", 10) == (2, {"threads": 1, "memory_limit": f"{10**9 // 2 // 2**20}MiB"})
    assert split_config(4, "2GiB", 2) == (2, {"threads": 2, "memory_limit": "1024MiB"})
    assert split_config(4, "2GiB", 3) == (3, {"threads": 1, "memory_limit": f"{2 * 2**30 // 3 // 2**20}MiB"})
    assert split_config(1, "1GB", 5) == (1, {"threads": 1, "memory_limit": "1GB"})
    assert split_config(8, "1GB", 1) == (1, {"threads": 8, "memory_limit": "1GB"})
    # A limit this does not read (a share of RAM) is not split: one part at a time with all of it.
    assert split_config(2, "50%", 4) == (1, {"threads": 2, "memory_limit": "50%"})


def test_each_part_connection_gets_its_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[object, object]] = []
    real = duckdb_load.duckdb.connect

    def connect(database: str = ":memory:", config: Mapping[str, object] | None = None, **kw: object) -> object:
        if config is not None and str(database).endswith(".duckdb"):
            seen.append((config.get("threads"), config.get("memory_limit")))
        return real(database, config=dict(config or {}), **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(duckdb_load.duckdb, "connect", connect)
    store = DuckDBStore(tmp_path / "store", threads=2, memory_limit="512MB")
    store.replace_period(parted(tmp_path, _files(3)))
    assert seen == [(1, f"{512 * 10**6 // 2 // 2**20}MiB")] * 3


def test_progress_of_parts_rises_to_the_rows_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(duckdb_load, "PROGRESS_EVERY", 0.02)
    reports: list[tuple[int, int]] = []
    store = DuckDBStore(tmp_path / "store")
    source = parted(tmp_path, _files(3))
    store.replace_period(source, progress=lambda done, expected: reports.append((done, expected)))
    assert reports[0][0] == 0 and reports[-1] == (source.expected_rows, source.expected_rows)
    done = [d for d, _ in reports]
    assert done == sorted(done)


def test_catalog_of_parts_is_format_2_and_a_newer_format_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = DuckDBStore(root)
    store.replace_period(parted(tmp_path, _files(2)))
    catalog = _catalog(root)
    assert catalog["format"] == 2
    entry = _entry(root)
    assert "file" not in entry  # a version that reads only format 1 refuses it instead of reading one part
    assert [p["name"] for p in entry["parts"]] == ["file-0.csv", "file-1.csv"]  # type: ignore[attr-defined]
    store.close()

    catalog["format"] = 3
    (root / "catalog.json").write_text(json.dumps(catalog))
    with pytest.raises(StoreError, match=r"newer version of TrackIt \(catalog format 3"):
        DuckDBStore(root).periods()


def test_a_store_of_single_files_stays_format_1(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = DuckDBStore(root)
    store.replace_period(make_source(tmp_path, [item("2024-01-05", "1.00")]))
    assert _catalog(root)["format"] == 1
    assert isinstance(_entry(root)["file"], str)


def test_replacing_parts_with_one_file_retires_every_part(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = DuckDBStore(root, grace_seconds=0)
    store.replace_period(parted(tmp_path, _files(3), delivery_id="d1"))
    store.replace_period(make_source(tmp_path, [item("2024-01-05", "1.00")], delivery_id="d2"))
    assert len(list((root / "periods").glob("*.duckdb"))) == 1
    assert store.periods()[0].billed_total == pytest.approx(1.0)
    assert store.delete_period(date(2024, 1, 1))
    assert not list((root / "periods").glob("*.duckdb"))
