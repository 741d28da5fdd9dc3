"""`trackit anomalies detect` on CSV files, through the real command line: what a person reads."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from bot.billing.anomaly import Unit
from bot.cli import main
from bot.cli.anomalies import read_series_csv

START = date(2025, 1, 1)
MONDAY = datetime(2025, 3, 3, tzinfo=UTC)


def write_csv(path: Path, rows: Sequence[str]) -> Path:
    path.write_text("\n".join(rows) + "\n")
    return path


def daily_rows(values: Sequence[float], header: bool = True, start: date = START) -> list[str]:
    rows = ["timestamp,value"] if header else []
    rows += [f"{start + timedelta(days=i)},{v:.2f}" for i, v in enumerate(values)]
    return rows


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["anomalies", "detect", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def wiggle(n: int, level: float) -> np.ndarray:
    """A level with a small repeating wiggle (+-1%), so every figure below is exact."""
    return level * (1 + 0.01 * np.tile([0.0, 1.0, -1.0], n // 3 + 1)[:n])


# ------------------------------------------------------------------------------------------------ output


@pytest.mark.parametrize("header", [True, False])
def test_json_has_the_episode_its_baseline_and_outcome(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], header: bool
) -> None:
    values = wiggle(60, 1000.0)
    values[50] += 3000.0
    path = write_csv(tmp_path / "cost.csv", daily_rows(values, header))
    code, out, _ = run(capsys, "--series", str(path))
    assert code == 0
    data = json.loads(out)
    assert len(data) == 1
    a = data[0]
    assert (a["start"], a["end"], a["kind"], a["outcome"]) == (
        "2025-02-20T00:00:00+00:00",
        "2025-02-21T00:00:00+00:00",
        "spike",
        "recovered",
    )
    assert a["actual"] == pytest.approx(3990.0)
    assert a["expected"] == pytest.approx(1000.0, rel=0.02)
    assert a["baseline_low"] < 1000.0 < a["baseline_high"]
    assert (a["unit"], a["step_seconds"], a["new_level_after_seconds"]) == ("metric", 86400, 7 * 86400)
    assert a["severity"] == "critical" and a["score"] > 5


def test_step_on_day_nine_is_reported_as_the_new_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    values = wiggle(30, 1000.0)
    values[8:] *= 1.56
    path = write_csv(tmp_path / "step.csv", daily_rows(values))
    code, out, _ = run(capsys, "--series", str(path), "--format", "text")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "step.csv: 30 points every 1 day, 2025-01-01 .. 2025-01-30 (metric)"
    assert lines[1].startswith("MEDIUM   level-shift 2025-01-09 -> 2025-01-16  mean 1,557.77 vs expected 1,000.00 ")
    assert lines[2] == "         new level since 2025-01-09: 1,560.00 (was 1,000.00), accepted after 7 days"
    assert len(lines) == 3


def test_cpu_three_hour_sixteen_fold_spike(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rng = np.random.default_rng(3)
    n = 7 * 288
    hours = (np.arange(n) % 288) / 12
    cpu = 6 * (1 + 0.5 * np.sin((hours - 9) / 24 * 2 * np.pi)) * np.exp(rng.normal(0, 0.15, n))
    at = 5 * 288 + 13 * 12  # Saturday 13:00
    cpu[at : at + 36] = np.minimum(cpu[at : at + 36] * 16, 100)
    rows = ["time,cpu"] + [f"{(MONDAY + i * timedelta(minutes=5)).isoformat()},{v:.1f}" for i, v in enumerate(cpu)]
    path = write_csv(tmp_path / "cpu.csv", rows)
    code, out, _ = run(capsys, "--series", str(path), "--format", "text", "--unit", "percent")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "cpu.csv: 2,016 points every 5 minutes, 2025-03-03 00:00 .. 2025-03-09 23:55 (percent)"
    assert lines[1].startswith("CRITICAL spike       2025-03-08 13:00 -> 2025-03-08 16:00  mean ")
    assert lines[2].startswith("         back to its baseline ")
    assert len(lines) == 3


def test_clean_series_says_no_anomalies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "flat.csv", daily_rows(wiggle(40, 250.0)))
    code, out, _ = run(capsys, "--series", str(path), "--format", "text")
    assert code == 0
    assert out.splitlines()[1:] == ["no anomalies"]


def test_hourly_cost_summed_per_day_with_money(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = ["ts,cost"]
    for h in range(24 * 40):
        t = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=h)
        rows.append(f"{t.isoformat()},{50.0 + (200.0 if h // 24 == 35 else 0.0)}")
    path = write_csv(tmp_path / "hourly.csv", rows)
    code, out, _ = run(capsys, "--series", str(path), "--granularity", "daily", "--format", "text", "--money")
    assert code == 0
    assert out.splitlines() == [
        "hourly.csv: 40 points every 1 day, 2025-01-01 .. 2025-02-09 (money)",
        "CRITICAL spike       2025-02-05 -> 2025-02-06  actual 6,000.00 vs expected 1,200.00 [1,128.00..1,272.00]  "
        "impact +4,800.00 (+400%)  score 200.0",
        "         back to its baseline 1,080.00..1,320.00 per day",
    ]


def test_no_money_floor_unless_the_series_is_money(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    values = wiggle(60, 3.0)  # a few events a day
    values[45] = 9.0
    path = write_csv(tmp_path / "small.csv", daily_rows(values))
    _, out, _ = run(capsys, "--series", str(path), "--format", "text")
    assert out.splitlines()[1].startswith("CRITICAL spike       2025-02-15 -> 2025-02-16  mean 9.00 vs expected 3.00")
    smaller = list(values)
    smaller[45] = 5.5
    money = write_csv(tmp_path / "small-money.csv", daily_rows(smaller))
    _, out, _ = run(capsys, "--series", str(money), "--format", "text")
    assert out.splitlines()[1].startswith("MEDIUM   spike       2025-02-15 -> 2025-02-16  mean 5.50 vs expected 3.00")
    _, out, _ = run(capsys, "--series", str(money), "--format", "text", "--money")
    # +$2.50 for a day is under the $20 money floor, and under the $100 a month a rise must be worth if it lasts.
    assert out.splitlines()[1:] == ["no anomalies"]
    _, out, _ = run(capsys, "--series", str(path), "--format", "text", "--money", "--min-impact", "5")
    assert out.splitlines()[1].startswith("LOW      spike       2025-02-15 -> 2025-02-16  actual 9.00 vs expected 3.00")


# ------------------------------------------------------------------------------------------ resampling


def test_jittery_five_minute_stamps_are_put_on_the_five_minute_grid_and_gaps_stay_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rng = np.random.default_rng(8)
    rows = ["timestamp,requests"]
    for i in range(3 * 288):
        if 400 <= i < 430:
            continue  # the collector was down for two and a half hours
        jitter = timedelta(seconds=int(rng.integers(-40, 41)))
        rows.append(f"{(MONDAY + i * timedelta(minutes=5) + jitter).isoformat()},{int(rng.poisson(120))}")
    path = write_csv(tmp_path / "req.csv", rows)
    code, out, _ = run(capsys, "--series", str(path), "--format", "text", "--unit", "count")
    assert code == 0
    assert out.splitlines() == [
        "req.csv: 834 points every 5 minutes, 2025-03-03 00:00 .. 2025-03-05 23:55 (count)",
        "no anomalies",
    ]


def test_unix_seconds_and_unordered_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    values = wiggle(40, 80.0)
    values[30] = 400.0
    base = int(datetime(2025, 1, 1, tzinfo=UTC).timestamp())
    rows = [f"{base + 86400 * i},{v}" for i, v in enumerate(values)]
    path = write_csv(tmp_path / "unix.csv", rows[::-1])
    _, out, _ = run(capsys, "--series", str(path), "--format", "text")
    assert out.splitlines()[1].startswith("CRITICAL spike       2025-01-31 -> 2025-02-01")


def test_several_rows_in_one_step_add_up_for_counts_and_average_for_gauges(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = ["t,v"]
    for i in range(24 * 20):
        t = datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=i)
        rows += [f"{t.isoformat()},10", f"{(t + timedelta(minutes=30)).isoformat()},30"]
    path = write_csv(tmp_path / "halfhours.csv", rows)
    for unit, value in (("count", 40.0), ("percent", 20.0)):
        code, out, _ = run(capsys, "--series", str(path), "--granularity", "hourly", "--unit", unit)
        assert code == 0 and json.loads(out) == []
        series = read_series_csv(path, "hourly", Unit(unit))
        assert set(series.values) == {value}


# ------------------------------------------------------------------------------------------------ errors


def test_bad_lines_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = daily_rows(wiggle(60, 1000.0))
    rows[7] = "2025-01-07,twelve"
    path = write_csv(tmp_path / "bad.csv", rows)
    code, _, err = run(capsys, "--series", str(path))
    assert code == 2 and f"{path}:8: 'twelve' is not a number" in err
    rows = daily_rows(wiggle(60, 1000.0))
    rows[3] = "yesterday,12"
    path = write_csv(tmp_path / "bad2.csv", rows)
    code, _, err = run(capsys, "--series", str(path))
    assert code == 2 and f"{path}:4: 'yesterday' is not a timestamp" in err
    rows = daily_rows(wiggle(60, 1000.0))
    rows[5] = "2025-01-05,inf"
    path = write_csv(tmp_path / "bad3.csv", rows)
    code, _, err = run(capsys, "--series", str(path))
    assert code == 2 and f"{path}:6: 'inf' is not a finite number" in err


def test_missing_file_and_too_few_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--series", str(tmp_path / "nope.csv"))
    assert code == 2 and "cannot read" in err
    path = write_csv(tmp_path / "one.csv", ["t,v", "2025-01-01,3"])
    code, _, err = run(capsys, "--series", str(path))
    assert code == 2 and "needs at least two rows" in err


def test_contradicting_options_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_csv(tmp_path / "x.csv", daily_rows(wiggle(20, 5.0)))
    code, _, err = run(capsys, "--series", str(path), "--money", "--unit", "count")
    assert code == 2 and "--money contradicts --unit count" in err
    code, _, err = run(capsys, "--series", str(path), "--min-impact", "10")
    assert code == 2 and "--min-impact is a money floor per day; this series is not money" in err
    with pytest.raises(SystemExit) as stopped:
        run(capsys, "--series", str(path), "--unit", "furlongs")
    assert stopped.value.code == 2 and "invalid choice: 'furlongs'" in capsys.readouterr().err
