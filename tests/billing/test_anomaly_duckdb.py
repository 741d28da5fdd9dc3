"""Anomalies against the real DuckDB billing store: hourly and daily series from it, and `trackit anomalies list`
naming the exact account, region, usage type and resource behind an injected spike."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bot.billing.anomaly_rootcause import series_from_store
from bot.billing.model import Granularity, TimeRange
from bot.cli import main
from bot.store.duckdb import DuckDBStore
from tests.store.sources import item, make_source

START = date(2025, 1, 1)
DAYS = 70  # 2025-01-01 .. 2025-03-11
SPIKE_DAY = date(2025, 3, 5)
SPIKE = {
    "sub_account_id": "222233334444",
    "region_id": "eu-west-1",
    "usage_type": "EUW1-BoxUsage:p4d.24xlarge",
    "resource_id": "i-0feedc0ffee123456",
}
#: Normal spend: (account, region, usage type, resource, $ per day).
STEADY = (
    ("111122223333", "us-east-1", "USE1-BoxUsage:m5.large", "i-0aaa", "120.00"),
    ("111122223333", "us-east-1", "USE1-TimedStorage-ByteHrs", "vol-0bbb", "40.00"),
    ("222233334444", "eu-west-1", "EUW1-BoxUsage:c5.xlarge", "i-0ccc", "80.00"),
)


def day_rows(d: date) -> list[dict[str, object]]:
    """One billing day: the steady resources (a weekly wobble of a few cents), plus the spike on SPIKE_DAY."""
    wobble = Decimal((d.toordinal() % 7) - 3) / 100
    rows: list[dict[str, object]] = []
    for account, region, usage, resource, cost in STEADY:
        amount = Decimal(cost) * (1 + wobble)
        rows.append(
            item(
                d,
                str(amount),
                hour=0,
                hours=24,
                sub_account_id=account,
                region_id=region,
                usage_type=usage,
                resource_id=resource,
            )
        )
    if d == SPIKE_DAY:
        rows.extend(item(d, "250.00", hour=h, **SPIKE) for h in range(8, 16))  # $2,000 over eight hours
    return rows


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DuckDBStore]:
    s = DuckDBStore(tmp_path / "store", threads=1, memory_limit="256MB")
    by_month: dict[date, list[dict[str, object]]] = {}
    for i in range(DAYS):
        d = START + timedelta(days=i)
        by_month.setdefault(d.replace(day=1), []).extend(day_rows(d))
    for month, rows in by_month.items():
        s.replace_period(make_source(tmp_path, rows, period=month))
    yield s
    s.close()


def test_hourly_series_from_duckdb(store: DuckDBStore) -> None:
    tr = TimeRange(date(2025, 3, 4), date(2025, 3, 6))
    series = series_from_store(store, tr, ("resource",), granularity=Granularity.HOUR)
    spike = series[("resource", SPIKE["resource_id"])]
    assert spike.step == timedelta(hours=1) and len(spike) == 48
    assert spike.start == datetime(2025, 3, 4, tzinfo=UTC)
    assert [i for i, v in enumerate(spike.values) if v] == list(range(24 + 8, 24 + 16))
    assert spike.values[24 + 8] == pytest.approx(250.0)
    total = series[("total", "")]
    # Day-long line items land in their start hour; the day's sum is exact.
    assert sum(total.values[24:]) == pytest.approx(
        float(sum(Decimal(str(r["billed_cost"])) for r in day_rows(SPIKE_DAY)))
    )


def test_daily_series_from_duckdb_match_the_line_items(store: DuckDBStore) -> None:
    tr = TimeRange(START, START + timedelta(days=DAYS))
    series = series_from_store(store, tr, ("account",))
    acct = series[("account", "222233334444")]
    assert acct.step == timedelta(days=1) and len(acct) == DAYS
    for i in (0, 30, (SPIKE_DAY - START).days):
        d = START + timedelta(days=i)
        want = sum(Decimal(str(r["billed_cost"])) for r in day_rows(d) if r["sub_account_id"] == "222233334444")
        assert acct.values[i] == pytest.approx(float(want))


def test_series_from_store_refuses_monthly_granularity(store: DuckDBStore) -> None:
    with pytest.raises(ValueError, match="daily or hourly, not 'month'"):
        series_from_store(store, TimeRange(START, SPIKE_DAY), granularity=Granularity.MONTH)


def run_list(store: DuckDBStore, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    url = f"duckdb://{store.root}"
    store.close()  # one process holds the files; the CLI opens its own
    code = main(["anomalies", "list", *args, "--store", url])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_list_names_the_spike_down_to_the_resource(store: DuckDBStore, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_list(store, capsys, "2025-03-01..2025-03-10", "--dimension", "service", "--format", "json")
    assert code == 0, err
    doc: dict[str, Any] = json.loads(out)
    assert doc["range"] == ["2025-03-01", "2025-03-11"]
    total = [a for a in doc["anomalies"] if a["dimension"] == "total"]
    assert len(total) == 1
    spike = total[0]
    assert spike["start"] == "2025-03-05T00:00:00+00:00" and spike["end"] == "2025-03-06T00:00:00+00:00"
    assert spike["kind"] == "spike"
    assert spike["impact"] == pytest.approx(2000.0, abs=40.0)  # the $2,000, less the model's noise margin
    cause = spike["root_cause"]
    assert cause["account"][0]["key"] == SPIKE["sub_account_id"]
    assert cause["region"][0]["key"] == SPIKE["region_id"]
    assert cause["usage-type"][0]["key"] == SPIKE["usage_type"]
    assert cause["resource"][0]["key"] == SPIKE["resource_id"]
    assert cause["resource"][0]["excess"] == pytest.approx(2000.0)  # nothing of it in the week before
    assert cause["resource"][0]["share"] == pytest.approx(1.0, abs=0.001)


def test_list_text_in_the_shared_grammar(store: DuckDBStore, capsys: pytest.CaptureFixture[str]) -> None:
    # The last line items cover all of 2025-03-11, the last complete day: `last 7 days` is 03-05..03-11.
    code, out, err = run_list(store, capsys, "last", "7", "days", "--dimension", "account")
    assert code == 0, err
    assert out.startswith("Anomalies 2025-03-05..2025-03-11 (unblended cost): 2\n")
    assert f"account={SPIKE['sub_account_id']}" in out
    assert f"by resource: {SPIKE['resource_id']} +2,000.00" in out
    assert f"by usage-type: {SPIKE['usage_type']} +2,000.00" in out
    assert f"by region: {SPIKE['region_id']} +2,000.00" in out


def test_list_range_before_the_spike_is_quiet(store: DuckDBStore, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_list(store, capsys, "2025-02", "--dimension", "account")
    assert code == 0, err
    assert out == "Anomalies 2025-02-01..2025-02-28 (unblended cost): 0\n"


def test_list_bad_range_names_the_words(store: DuckDBStore, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_list(store, capsys, "last", "week", "please")
    assert code == 2
    assert "`please` after `last week` is not part of a time range." in err
