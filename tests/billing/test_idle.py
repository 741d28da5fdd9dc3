"""Idle rules: TrackIt's and Trusted Advisor's, unattached volumes and addresses, old snapshots; unknown is not idle."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.billing.idle import IdleRule, find_idle
from bot.billing.inventory import Resource, ResourceKind, ResourceMetrics

NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)
DAYS = [date(2026, 11, 27) - timedelta(days=k) for k in range(30, 0, -1)]
MB = 1024 * 1024


def _series(values: list[float | None]) -> tuple[tuple[date, float | None], ...]:
    padded = [None] * (len(DAYS) - len(values)) + values
    return tuple(zip(DAYS, padded, strict=True))


def _ec2(rid: str, kind: ResourceKind = ResourceKind.EC2, state: str = "running") -> Resource:
    return Resource("111122223333", "us-east-1", kind, rid, f"arn:{rid}", type="m5.large", state=state)


def _metrics(r: Resource, **series: list[float | None]) -> ResourceMetrics:
    return ResourceMetrics(r, {k: _series(v) for k, v in series.items()})


def test_trackit_and_trusted_advisor_rules_and_sorting_by_saving() -> None:
    idle = _ec2("i-idle")  # avg 5%, peak 30%, tiny network every day
    busy_peak = _ec2("i-peaky")  # avg 5% but a 75% peak: not idle for TrackIt; TA still sees 14 low days
    busy = _ec2("i-busy")
    ta_only = _ec2("i-ta")  # avg 20% (TrackIt: no), but 4 quiet days (TA: yes)
    metrics = {
        idle.key: _metrics(idle, cpu_avg=[5.0] * 14, cpu_max=[30.0] * 14, network_in=[MB] * 14, network_out=[MB] * 14),
        busy_peak.key: _metrics(
            busy_peak, cpu_avg=[5.0] * 14, cpu_max=[75.0] + [20.0] * 13, network_in=[0.0] * 14, network_out=[0.0] * 14
        ),
        busy.key: _metrics(busy, cpu_avg=[55.0] * 14, cpu_max=[90.0] * 14, network_in=[MB] * 14, network_out=[MB] * 14),
        ta_only.key: _metrics(
            ta_only,
            cpu_avg=[8.0] * 4 + [30.0] * 10,
            cpu_max=[50.0] * 14,
            network_in=[MB] * 14,
            network_out=[2 * MB] * 14,
        ),
    }
    costs = {"i-idle": 70.08, "arn:i-peaky": 140.16, "i-ta": 35.04, "i-busy": 500.0}

    report = find_idle([idle, busy_peak, busy, ta_only], metrics, costs, now=NOW)

    assert [(f.resource.resource_id, f.rules, f.saving) for f in report.findings] == [
        ("i-peaky", (IdleRule.TRUSTED_ADVISOR,), 140.16),
        ("i-idle", (IdleRule.TRACKIT_CPU, IdleRule.TRUSTED_ADVISOR), 70.08),
        ("i-ta", (IdleRule.TRUSTED_ADVISOR,), 35.04),
    ]
    assert report.findings[1].reason == (
        "CPU average 5.0% and peak 30.0% over 14 days; CPU <= 10% and network <= 5 MB on 14 of the last 14 days"
    )
    assert report.total_saving == pytest.approx(245.28)
    assert report.unknown == ()


def test_missing_metrics_are_unknown_never_idle() -> None:
    silent = _ec2("i-silent")
    sparse = _ec2("i-sparse")  # 3 known days: too few to judge
    no_network = _ec2("i-nonet")  # CPU low, network never published: TrackIt yes, TA cannot count a day
    metrics = {
        silent.key: _metrics(silent, cpu_avg=[None] * 14, cpu_max=[None] * 14),
        sparse.key: _metrics(sparse, cpu_avg=[1.0, None, 1.0, None, 1.0], cpu_max=[2.0, None, 2.0, None, 2.0]),
        no_network.key: _metrics(no_network, cpu_avg=[1.0] * 14, cpu_max=[5.0] * 14),
    }
    report = find_idle([silent, sparse, no_network, _ec2("i-nometrics")], metrics, {}, now=NOW)
    assert [r.resource_id for r in report.unknown] == ["i-silent", "i-sparse", "i-nometrics"]
    assert [(f.resource.resource_id, f.rules, f.monthly_cost) for f in report.findings] == [
        ("i-nonet", (IdleRule.TRACKIT_CPU,), None)
    ]


def test_stopped_instances_are_not_judged_on_cpu() -> None:
    stopped = _ec2("i-stopped", state="stopped")
    assert find_idle([stopped], {}, {}, now=NOW).findings == ()
    assert find_idle([stopped], {}, {}, now=NOW).unknown == ()


def test_unattached_volumes_addresses_and_old_snapshots() -> None:
    acct, region = "111122223333", "eu-west-1"
    vol = Resource(acct, region, ResourceKind.EBS, "vol-1", "arn:vol-1", type="gp3", size="100", attached=False)
    used = Resource(acct, region, ResourceKind.EBS, "vol-2", "arn:vol-2", type="gp3", size="8", attached=True)
    eip = Resource(acct, region, ResourceKind.EIP, "eipalloc-1", "arn:eip", attached=False, extra_ids=("52.1.2.3",))
    old = Resource(
        acct,
        region,
        ResourceKind.SNAPSHOT,
        "snap-old",
        "arn:aws:ec2:eu-west-1:1:snapshot/snap-old",
        size="50",
        created=NOW - timedelta(days=200),
    )
    new = Resource(acct, region, ResourceKind.SNAPSHOT, "snap-new", "arn:snap-new", created=NOW - timedelta(days=10))
    costs = {"vol-1": 8.0, "vol-2": 0.8, "52.1.2.3": 3.65, "arn:aws:ec2:eu-west-1:1:snapshot/snap-old": 2.5}

    report = find_idle([vol, used, eip, old, new], {}, costs, now=NOW, snapshot_days=90)

    assert [(f.resource.resource_id, f.rules[0].value, f.reason, f.saving) for f in report.findings] == [
        ("vol-1", "unattached-volume", "100 GiB gp3 volume attached to nothing", 8.0),
        ("eipalloc-1", "unassociated-address", "Elastic IP associated with nothing", 3.65),
        ("snap-old", "old-snapshot", "snapshot 200 days old (over 90)", 2.5),
    ]
