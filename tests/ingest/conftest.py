"""Helpers for ingest tests: independent totals from raw files (csv module + Decimal), sample paths."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from tests.support.shared_data import SHARED_DATA

DATA = SHARED_DATA
KOKU = DATA / "project-koku-koku/koku/masu/test/data"
KEBOOLA = DATA / "keboola-component-aws-cost-and-usage-reports/tests/mock_data"
FOCUS_SAMPLE = DATA / "focus-sample-data/FOCUS-1.0/focus_sample.csv"
FOCUS_CONVERTERS_CUR = (
    DATA / "finopsfoundation-focus_converters/focus_converter_base/tests/provider_config_tests/aws/"
    "sample-anonymous-aws-export-dataset.csv"
)


def raw_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a CSV, csv.gz or zipped CSV, read with the csv module only."""
    if path.name.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                yield from csv.DictReader(io.TextIOWrapper(z.open(name), encoding="utf-8"))
        return
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:  # type: ignore[operator]
        yield from csv.DictReader(fh)


def raw_total(paths: list[Path], column: str, nulls: tuple[str, ...] = ("",)) -> tuple[int, Decimal]:
    """Row count and exact Decimal sum of `column` over the files."""
    rows, total = 0, Decimal(0)
    for p in paths:
        for row in raw_rows(p):
            rows += 1
            value = row.get(column) or ""
            if value not in nulls:
                total += Decimal(value)
    return rows, total


def assert_same_money(got: str | Decimal, expected: Decimal) -> None:
    """The reader's DECIMAL(38,10) sum equals the exact sum far below a cent (per-row rounding at 1e-10)."""
    assert abs(Decimal(got) - expected) < Decimal("0.000001"), (got, expected)


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[object]:
    from bot.store.registry import open_store

    s = open_store(f"duckdb://{tmp_path / 'billing'}")
    yield s
    s.close()
