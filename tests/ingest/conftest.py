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


CUR_HEADER = (
    "identity/LineItemId,identity/TimeInterval,bill/BillingPeriodStartDate,lineItem/UsageAccountId,"
    "lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/ProductCode,"
    "lineItem/LineItemDescription,lineItem/UnblendedCost"
)


def cur_row(i: int, cost: str, *, period: str = "2024-03", day: int = 1, description: str = "usage") -> str:
    """One legacy CUR line (CUR_HEADER's columns) of billing period `period`, usage hour `i % 24` of `day`."""
    start = f"{period}-{day:02d}T{i % 24:02d}:00:00Z"
    end = f"{period}-{day:02d}T{i % 24:02d}:59:59Z"
    return f"li-{i},{start}/{end},{period}-01T00:00:00Z,012345678901,Usage,{start},{end},AmazonEC2,{description},{cost}"


def cur_delivery(
    root: Path,
    period: str,
    assembly: str,
    parts: dict[str, bytes],
    *,
    report: str = "rep",
) -> Path:
    """A legacy CUR delivery laid out as in S3: `parts` (file name -> bytes, written as given) under
    `<root>/cur/<report>/<yyyymmdd-yyyymmdd>/<assembly>/`, named by a period-level manifest. Returns the
    assembly folder."""
    y, m = (int(x) for x in period.split("-"))
    span = f"{y}{m:02d}01-{y + (m == 12)}{m % 12 + 1:02d}01"
    adir = root / "cur" / report / span / assembly
    adir.mkdir(parents=True, exist_ok=True)
    for name, data in parts.items():
        (adir / name).write_bytes(data)
    manifest = {
        "assemblyId": assembly,
        "billingPeriod": {"start": f"{y}{m:02d}01T000000.000Z"},
        "reportKeys": [f"cur/{report}/{span}/{assembly}/{name}" for name in parts],
        "reportName": report,
    }
    import json

    (adir.parent / f"{report}-Manifest.json").write_text(json.dumps(manifest))
    return adir


def csv_bytes(lines: list[str], *, newline: str = "\n", gz: bool = True) -> bytes:
    """Lines joined (and terminated) with `newline`, gzip-compressed unless `gz` is False."""
    data = (newline.join(lines) + newline).encode()
    return gzip.compress(data) if gz else data
