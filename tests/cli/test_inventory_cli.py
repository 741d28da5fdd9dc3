"""`trackit inventory collect` against moto (server mode): progress, the stored snapshot, the summary; and the
ingest progress lines without a terminal."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import boto3
import pytest

from bot.cli import main
from bot.cli.inventory import render_summary, summarize
from bot.state.db import StateStore
from bot.state.inventory import latest_snapshot
from tests.support.moto_server import MotoServer


@pytest.fixture
def estate(aws: MotoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")
    for region in ("us-east-1", "eu-west-1"):
        ec2 = boto3.client("ec2", region_name=region)
        ec2.run_instances(ImageId="ami-0123456789abcdef0", MinCount=2, MaxCount=2, InstanceType="t3.micro")
        ec2.create_volume(Size=8, AvailabilityZone=f"{region}a")
    boto3.client("rds", region_name="eu-west-1").create_db_instance(
        DBInstanceIdentifier="db",
        DBInstanceClass="db.t3.micro",
        Engine="postgres",
        MasterUsername="u",
        MasterUserPassword="password123",
        AllocatedStorage=20,
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TRACKIT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("TRACKIT_INVENTORY_REGIONS", "us-east-1,eu-west-1")
    monkeypatch.setenv("TRACKIT_INVENTORY_WORKERS", "2")
    return tmp_path


def _summary_lines(stdout: str) -> list[str]:
    """The summary (moto's server thread may print its own notices on the same stdout first)."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if " resources in " in line)
    return lines[start:]


def _counts(line: str, title: str) -> dict[str, int]:
    words = line.split(title, 1)[1].split()
    return {k: int(v.replace(",", "")) for k, v in zip(words[::2], words[1::2], strict=True)}


@pytest.mark.aws
def test_collect_now_stores_the_snapshot_and_prints_what_it_found(
    estate: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.cli.inventory")
    assert main(["inventory", "collect", "--no-progress"]) == 0
    out = _summary_lines(capsys.readouterr().out)
    assert out[0].startswith("11 resources in 1 account(s), 2 region(s); ")
    assert _counts(out[1], "by type") == {"ebs": 6, "ec2": 4, "rds": 1}
    assert _counts(out[3], "by region") == {"eu-west-1": 6, "us-east-1": 5}
    # moto has no reservation or Savings Plans API: reported as failures of the commitments look-ups (ec2, rds
    # per region, savingsplans), one line each; every resource kind itself was collected.
    failures = out[out.index("  failures   5:") + 1 : -1]
    assert sorted(line.split()[2] for line in failures) == ["ec2:", "ec2:", "rds:", "rds:", "savingsplans:"]
    assert out[-1].endswith("(partial); /trackit resources answers from it")
    progress = [r.getMessage() for r in caplog.records if "tasks done" in r.getMessage()]
    assert progress and progress[-1].endswith("(100%)")
    state = StateStore(f"sqlite:///{estate / 'data' / 'state.sqlite3'}")
    snapshot = latest_snapshot(state)
    assert snapshot is not None and len(snapshot.inventory.resources) == 11
    state.dispose()


@pytest.mark.aws
def test_json_summary_and_no_store(estate: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inventory", "collect", "--no-progress", "--no-store", "--format", "json"]) == 0
    stdout = capsys.readouterr().out
    summary = json.loads(stdout[stdout.index("{\n") :])
    assert summary["by_type"] == {"ebs": 6, "ec2": 4, "rds": 1}
    assert summary["by_region"] == {"eu-west-1": 6, "us-east-1": 5}
    assert summary["stored"] is False
    assert sorted({f["service"] for f in summary["failures"]}) == ["ec2", "rds", "savingsplans"]
    assert not (estate / "data" / "state.sqlite3").exists()


def test_the_summary_lists_failures_by_account_region_and_service() -> None:
    from bot.billing.inventory import CollectionError, Inventory

    inventory = Inventory((), errors=(CollectionError("111122223333", "eu-west-1", "rds:rds", "AccessDenied", "no"),))
    text = render_summary(summarize(inventory), seconds=1.25, stored="not stored (--no-store)")
    assert text.splitlines() == [
        "0 resources in 0 account(s), 0 region(s); 0 API calls in 1.2 s",
        "  failures   1:",
        "    111122223333 eu-west-1 rds:rds: AccessDenied: no",
        "not stored (--no-store)",
    ]
