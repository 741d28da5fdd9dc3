"""Clean up after crashes: staging in the store's folder (never TMPDIR), work owned through file locks that hold
across processes and containers (not pids), leftovers collected on the next start, and a full disk named."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from bot.errors import DiskFull
from bot.ingest import readers
from bot.ingest.csvfiles import DataFile
from bot.ingest.pipeline import ingest
from bot.ingest.readers import run as run_query
from bot.scratch import claim, collect, is_disk_full, tree_size
from bot.store.duckdb import DuckDBStore
from bot.store.registry import open_store
from tests.ingest.conftest import CUR_HEADER, csv_bytes, cur_delivery, cur_row

REPO = Path(__file__).resolve().parents[2]


def _big_delivery(root: Path, assembly: str, rows: int) -> None:
    """A March 2024 legacy CUR delivery of `rows` line items of 0.01 each (written by DuckDB: fast, gzip)."""
    adir = cur_delivery(root, "2024-03", assembly, {"rep-1.csv.gz": b""})
    duckdb.sql(
        "COPY (SELECT 'id' || i AS \"identity/LineItemId\", '2024-03-01T00:00:00Z/2024-03-01T01:00:00Z' AS "
        "\"identity/TimeInterval\", '2024-03-01T00:00:00Z' AS \"bill/BillingPeriodStartDate\", '012345678901' AS "
        "\"lineItem/UsageAccountId\", 'Usage' AS \"lineItem/LineItemType\", '2024-03-01T00:00:00Z' AS "
        "\"lineItem/UsageStartDate\", '2024-03-01T01:00:00Z' AS \"lineItem/UsageEndDate\", 'AmazonEC2' AS "
        "\"lineItem/ProductCode\", 'i-' || (i % 1000) AS \"lineItem/ResourceId\", 'some usage of ' || i AS "
        '"lineItem/LineItemDescription", \'0.01\' AS "lineItem/UnblendedCost" '
        f"FROM range({rows}) t(i)) TO '{adir / 'rep-1.csv.gz'}' (FORMAT csv, HEADER, COMPRESSION gzip)"
    )


def _env(tmpdir: Path) -> dict[str, str]:
    return {**os.environ, "TMPDIR": str(tmpdir), "PYTHONPATH": str(REPO)}


def _files(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): p.stat().st_size for p in sorted(root.rglob("*")) if p.is_file()}


def _wait_for(child: subprocess.Popen[bytes], found: object, what: str, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not found():  # type: ignore[operator]
        assert child.poll() is None, f"the ingest ended before {what}: {child.stderr.read().decode()[-2000:]}"  # type: ignore[union-attr]
        assert time.monotonic() < deadline, f"no {what} within {timeout} s"
        time.sleep(0.005)


@pytest.fixture()
def loaded(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A store holding March (asm-old, 12.34) and a source with a newer, big March delivery waiting."""
    src, store_dir = tmp_path / "src", tmp_path / "store"
    cur_delivery(src, "2024-03", "asm-old", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, cur_row(0, "12.34")])})
    store = open_store(f"duckdb://{store_dir}")
    assert ingest(str(src), store, progress=False).periods[0].status == "loaded"
    store.close()
    time.sleep(0.01)  # the big delivery's manifest is newer than the live one's
    _big_delivery(src, "asm-big", 300_000)
    yield src, store_dir


@pytest.mark.slow
def test_ten_killed_ingests_leave_tmpdir_and_the_store_folder_as_they_were(
    tmp_path: Path, loaded: tuple[Path, Path]
) -> None:
    src, store_dir = loaded
    tmpdir = tmp_path / "tmpdir"
    tmpdir.mkdir()
    before = _files(store_dir)
    staging, periods = store_dir / "staging", store_dir / "periods"

    def staged() -> bool:  # the delivery is being read and staged
        return any(p.name.startswith("staged-") for p in staging.rglob("*.parquet"))

    def loading() -> bool:  # the store is writing the period's file
        return any(p.name.startswith(".load-") and p.name.endswith(".duckdb") for p in periods.iterdir())

    cmd = [sys.executable, "-m", "bot", "ingest", str(src), "--store", f"duckdb://{store_dir}", "--no-progress"]
    for i in range(10):
        child = subprocess.Popen(cmd, env=_env(tmpdir), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _wait_for(child, staged if i % 2 == 0 else loading, "staging" if i % 2 == 0 else "the load")
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert list(tmpdir.iterdir()) == [], "nothing is ever written to TMPDIR"
    # The kills left work behind (staging folders, half-written period files, their locks)...
    assert tree_size(store_dir) > sum(before.values())
    assert any(n.startswith("staging/ingest-") for n in _files(store_dir))
    assert any(n.startswith("periods/.load-") for n in _files(store_dir))

    # ... and the next start collects every bit of it: same files, same sizes, the old March intact.
    reader = open_store(f"duckdb://{store_dir}")
    try:
        assert _files(store_dir) == before
        assert [(p.delivery_id, p.rows) for p in reader.periods()] == [("asm-old", 1)]
        assert list(tmpdir.iterdir()) == []
        (p,) = ingest(str(src), reader, progress=False).periods
        assert (p.status, p.rows, p.billed_total) == ("replaced", 300_000, "3000.0000000000")
        assert not [n for n in _files(store_dir) if n.startswith(("staging/ingest-", "periods/.load-"))]
    finally:
        reader.close()


def test_a_live_load_seen_from_another_pid_namespace_is_left_alone(tmp_path: Path, loaded: tuple[Path, Path]) -> None:
    # Two containers sharing the store's volume do not see each other's processes: the old pid check deleted
    # a live load of the other one (which then failed with a traceback). Here the collector runs in a pid
    # namespace of its own, where it is pid 1 and the loader's pid does not exist.
    src, store_dir = loaded
    if subprocess.run(["unshare", "--pid", "--fork", "true"], capture_output=True, check=False).returncode != 0:
        pytest.skip("creating a pid namespace needs root (CAP_SYS_ADMIN)")
    periods = store_dir / "periods"
    cmd = [sys.executable, "-m", "bot", "ingest", str(src), "--store", f"duckdb://{store_dir}", "--no-progress"]
    loader = subprocess.Popen(cmd, env=_env(tmp_path), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def loading() -> bool:
        return any(p.name.startswith(".load-") and p.name.endswith(".duckdb") for p in periods.iterdir())

    _wait_for(loader, loading, "the load")
    script = (
        "import json, os; from bot.store.duckdb import DuckDBStore; "
        f"s = DuckDBStore({str(store_dir)!r}, grace_seconds=0); "
        "print(json.dumps({'pid': os.getpid(), 'removed': s.collect_garbage()}))"
    )
    other = subprocess.run(
        ["unshare", "--pid", "--fork", sys.executable, "-c", script],
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    seen = json.loads(other.stdout.strip().splitlines()[-1])
    assert seen["pid"] == 1
    assert not [n for n in seen["removed"] if n.startswith((".load-", "ingest-"))]
    out, err = loader.communicate(timeout=300)
    assert loader.returncode == 0, err.decode()[-3000:]
    assert "2024-03  replaced" in out.decode()


def test_collect_removes_work_only_once_its_owner_is_gone(tmp_path: Path) -> None:
    # The owner is another process holding its claim; a collector in this process must leave it alone.
    owner = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from bot.scratch import claim; "
            f"c = claim(Path({str(tmp_path)!r}), 'ingest-'); c.path().mkdir(); "
            "(c.path() / 'big').write_bytes(b'x' * 1000); "
            "print(c.name, flush=True); time.sleep(60)",
        ],
        env=_env(tmp_path),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert owner.stdout is not None
        name = owner.stdout.readline().strip()
        assert collect(tmp_path, "ingest-", grace_seconds=0) == []
        assert (tmp_path / name / "big").exists()
    finally:
        owner.kill()
        owner.wait()
    assert sorted(collect(tmp_path, "ingest-", grace_seconds=0)) == [name, name + ".lock"]
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_the_pid_era_are_collected_after_the_grace_period(tmp_path: Path) -> None:
    # `.load-1-<id>.duckdb` of a pid-1 container was never collected: pid 1 is always alive somewhere.
    periods = tmp_path / "store" / "periods"
    periods.mkdir(parents=True)
    old = periods / ".load-1-0123456789ab.duckdb"
    old.write_bytes(b"x" * 4096)
    os.utime(old, (time.time() - 700, time.time() - 700))
    fresh = periods / ".load-2-ba9876543210.duckdb"
    fresh.write_bytes(b"x")
    DuckDBStore(tmp_path / "store", grace_seconds=600)
    assert sorted(p.name for p in periods.iterdir()) == [fresh.name]


def test_a_released_claim_leaves_nothing(tmp_path: Path) -> None:
    c = claim(tmp_path, "ingest-")
    c.path().mkdir()
    (c.path() / "f").write_text("x")
    c.path(".wal").write_text("x")
    c.release()
    assert list(tmp_path.iterdir()) == []


def test_catalog_temp_files_of_a_killed_publish_are_collected(tmp_path: Path) -> None:
    root = tmp_path / "store"
    DuckDBStore(root).close()
    (root / ".catalog.json.4242.tmp").write_text("{half")
    DuckDBStore(root).close()
    assert not list(root.glob(".catalog.json.*.tmp"))


# ---------------------------------------------------------------------------------------------- disk full


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MiB tmpfs mounted for the test (needs root), unmounted afterwards."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    command = ["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)]
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_says_so_names_the_directory_and_keeps_the_data(
    tmp_path: Path, small_disk: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.billing.model import AggregateRequest, TimeRange
    from bot.cli import main

    src = tmp_path / "src"
    store_dir = small_disk / "store"
    cur_delivery(src, "2024-03", "asm-old", {"rep-1.csv.gz": csv_bytes([CUR_HEADER, cur_row(0, "12.34")])})
    store = open_store(f"duckdb://{store_dir}")
    ingest(str(src), store, progress=False)
    time.sleep(0.01)
    _big_delivery(src, "asm-big", 400_000)  # ~10 MB of csv.gz on the source disk; ~60 MB staged uncompressed
    # Staged uncompressed, so that staging fills the 16 MiB disk whatever zstd makes of these repetitive rows.
    monkeypatch.setattr(readers, "STAGE_OPTIONS", "FORMAT parquet, COMPRESSION uncompressed")
    with pytest.raises(DiskFull) as err:
        ingest(str(src), store, progress=False)
    message = err.value.message
    assert message == (
        f"disk full: no space left in {store_dir / 'staging'} while reading rep-1.csv.gz; the data already stored "
        "is intact (billing period 2024-03, manifest cur/rep/20240301-20240401/rep-Manifest.json)"
    )
    assert "Out of Memory" not in message and "unreadable export data" not in message
    assert err.value.hint is not None and "Free space on that disk" in err.value.hint
    # The old March is intact and readable; the failed attempt left nothing behind.
    march = TimeRange(date(2024, 3, 1), date(2024, 4, 1))
    assert [(p.delivery_id, p.rows) for p in store.periods()] == [("asm-old", 1)]
    assert sum(r.cost for r in store.aggregate(AggregateRequest(march))) == pytest.approx(12.34)
    assert not [p for p in store_dir.rglob("*") if p.name.startswith(("ingest-", ".load-", "staged-"))]
    store.close()

    # The command line says the same, in one line, without a traceback.
    monkeypatch.chdir(tmp_path)
    assert main(["ingest", str(src), "--store", f"duckdb://{store_dir}", "--no-progress"]) == 2
    stderr = capsys.readouterr().err
    assert stderr.startswith(f"error: disk full: no space left in {store_dir / 'staging'} while reading rep-1.csv.gz")
    assert "Traceback" not in stderr


def test_a_temp_directory_duckdb_cannot_spill_into_is_disk_full(tmp_path: Path) -> None:
    # DuckDB reports a full temp directory as "Out of Memory ... failed to offload ... max_temp_directory_size",
    # which used to reach the operator as "unreadable export data ... Out of Memory" blaming the export.
    spill = tmp_path / "spill"
    con = duckdb.connect(
        config={"memory_limit": "32MB", "temp_directory": str(spill), "max_temp_directory_size": "1MB", "threads": 1}
    )
    con.execute("SET preserve_insertion_order = false")
    export = DataFile(tmp_path / "rep-1.csv.gz", "rep-1.csv.gz")
    with pytest.raises(DiskFull) as err:
        run_query(
            con,
            "SELECT count(*) FROM (SELECT i, repeat('x', 200) || i AS s FROM range(2000000) t(i) ORDER BY s DESC)",
            [export],
            scratch=spill,
        )
    assert err.value.message.startswith(f"disk full: no space left in {spill} while reading rep-1.csv.gz")
    assert is_disk_full(err.value.__cause__)  # type: ignore[arg-type]
