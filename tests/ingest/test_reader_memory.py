"""A reader takes the DuckDB store's memory setting; running out of it says so, names the setting to raise, and
does not blame the export."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from bot.errors import CorruptFile, IngestError
from bot.ingest.csvfiles import DataFile
from bot.ingest.pipeline import _connect
from bot.ingest.readers import run
from bot.store.duckdb import DuckDBStore


def test_out_of_memory_names_the_setting_not_the_files(tmp_path: Path) -> None:
    con = duckdb.connect(config={"memory_limit": "20MB", "temp_directory": str(tmp_path / "spill")})
    files = [DataFile(tmp_path / "acme-00001.snappy.parquet", "acme-00001.snappy.parquet")]
    with pytest.raises(IngestError) as caught:
        run(con, "SELECT list(i) FROM range(20000000) t(i)", files)
    assert not isinstance(caught.value, CorruptFile)
    message = str(caught.value)
    assert message.startswith("reading acme-00001.snappy.parquet ran out of memory (Out of Memory Error:")
    assert message.endswith(
        "the files are not at fault: raise the store's memory limit (setting duckdb_memory_limit, "
        "TRACKIT_DUCKDB_MEMORY_LIMIT) or lower its threads, and ingest again"
    )


def test_the_reader_takes_the_duckdb_stores_memory_setting(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "store", threads=1, memory_limit="640MB")
    con = _connect(store, tmp_path)
    row = con.execute("SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()
    assert row is not None
    assert row == ("610.3 MiB", 1)  # 640 MB as DuckDB prints it
