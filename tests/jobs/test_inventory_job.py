"""The daily inventory job against moto in server mode: an organization's accounts through assume-role, EC2 and
EBS in two regions, CloudWatch series put by the test, throttling retried, a denied region reported in
`/trackit status` without losing the rest; once per day, a failed day retried, the previous snapshot kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import boto3
import pytest
from slack_sdk import WebClient

import jobs
from bot.aws.clients import ClientPool, default_session_factory
from bot.aws.metrics import MetricsResult
from bot.aws.organizations import AccountTarget
from bot.aws.session import AwsIdentity, make_session
from bot.billing.inventory import Inventory, ResourceKind
from bot.billing.store import BillingStore
from bot.config import Settings
from bot.delivery import ChannelPacer
from bot.errors import SourceAccessDenied
from bot.scheduler import JobScheduler
from bot.services import Services
from bot.state.inventory import latest_snapshot, snapshot_summaries
from commands.trackit.resources import render_inventory_status
from jobs import inventory
from tests.aws.aws_faults import FaultInjector
from tests.jobs.support import FrozenClock, make_services
from tests.support.moto_server import MotoServer

ROLE = "TrackItReadOnly"
AMI = "ami-0123456789abcdef0"
NOW = datetime(2026, 11, 27, 6, 0, tzinfo=UTC)
REGIONS = ("us-east-1", "eu-west-1")


@pytest.fixture
def env(tmp_path: Path, billing: BillingStore) -> Iterator[tuple[Services, FrozenClock]]:
    clock = FrozenClock(NOW)
    services = make_services(
        tmp_path,
        billing,
        clock,
        inventory_enabled=True,
        aws_member_role=ROLE,
        aws_external_id="ext-1",
        inventory_regions=REGIONS,
        inventory_hour=5,
        inventory_workers=4,
    )
    yield services, clock
    services.state.dispose()


def _reserved_answers(client: Any) -> None:
    """moto has no reserved-instance or savings-plan APIs: answer them here, before any HTTP request."""
    answers = {
        "DescribeReservedInstances": {"ReservedInstances": []},
        "DescribeReservedDBInstances": {"ReservedDBInstances": []},
        "DescribeSavingsPlans": {
            "savingsPlans": [
                {"savingsPlanArn": "arn:aws:savingsplans::1:savingsplan/sp-1", "end": "2026-12-27T00:00:00Z"}
            ]
        },
    }

    def before_call(event_name: str, **_: Any) -> tuple[Any, dict[str, Any]] | None:
        answer = answers.get(event_name.rsplit(".", 1)[-1])
        return None if answer is None else (SimpleNamespace(status_code=200, headers={}), answer)

    client.meta.events.register("before-call", before_call)


@pytest.mark.aws
def test_the_daily_job_stores_inventory_metrics_and_reports_a_denied_region(
    aws: MotoServer, monkeypatch: pytest.MonkeyPatch, env: tuple[Services, FrozenClock], client: WebClient
) -> None:
    monkeypatch.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")
    services, _ = env
    org = boto3.client("organizations")
    org.create_organization(FeatureSet="ALL")
    members = [
        org.create_account(Email=f"m{i}@example.com", AccountName=f"m{i}")["CreateAccountStatus"]["AccountId"]
        for i in range(11)
    ]
    app = members[4]
    session = make_session(AwsIdentity(role_arn=f"arn:aws:iam::{app}:role/{ROLE}", external_id="ext-1"))
    instance_ids = []
    for region in REGIONS:
        ec2 = session.client("ec2", region_name=region)
        ids = [
            i["InstanceId"]
            for i in ec2.run_instances(ImageId=AMI, MinCount=3, MaxCount=3, InstanceType="m5.large")["Instances"]
        ]
        instance_ids += ids
        ec2.create_volume(Size=50, AvailabilityZone=f"{region}a", VolumeType="gp3")
    watched = instance_ids[0]
    days = [NOW.date() - timedelta(days=d) for d in range(1, 15)]  # the 14 days before today
    session.client("cloudwatch", region_name="us-east-1").put_metric_data(
        Namespace="AWS/EC2",
        MetricData=[
            {
                "MetricName": "CPUUtilization",
                "Dimensions": [{"Name": "InstanceId", "Value": watched}],
                "Timestamp": datetime.combine(d, datetime.min.time(), UTC) + timedelta(hours=h),
                "Value": v,
            }
            for d in days
            for h, v in ((6, 2.0), (18, 4.0))
        ],
    )

    # Throttling on the first DescribeInstances in us-east-1 (retried); eu-west-1 volumes denied in `app`.
    account_of: dict[int, str] = {}  # clients share their session's credentials object

    def sessions(target: AccountTarget) -> boto3.Session:
        made = default_session_factory(target)
        account_of[id(made.get_credentials())] = target.account_id
        return made

    throttle = FaultInjector({"DescribeInstances"}, when=lambda c: c.meta.region_name == "us-east-1")
    denied = FaultInjector(
        {"DescribeVolumes"},
        code="UnauthorizedOperation",
        status=403,
        times=99,
        when=lambda c: c.meta.region_name == "eu-west-1" and account_of.get(id(c._request_signer._credentials)) == app,
    )

    def on_client(c: Any) -> None:
        throttle.attach(c)
        denied.attach(c)
        _reserved_answers(c)

    def collector(settings: Settings, now: datetime) -> inventory.Collected:
        return inventory.collect(settings, now, pool=ClientPool(sessions, on_client=on_client))

    scheduler = JobScheduler(services, client, manual=True, pacer=ChannelPacer(0))
    jobs.schedule_all(scheduler, services)
    assert "inventory" in scheduler.job_ids

    summary = inventory.run(scheduler.context, collector)

    assert summary is not None and summary.status == "partial" and summary.day == NOW.date()
    snapshot = latest_snapshot(services.state)
    assert snapshot is not None
    found = snapshot.inventory
    assert sorted(r.resource_id for r in found.of_kind(ResourceKind.EC2)) == sorted(instance_ids)  # none lost
    volumes = [(r.region, r.size) for r in found.of_kind(ResourceKind.EBS) if not r.attached]
    assert volumes == [("us-east-1", "50")]  # eu-west-1's were denied
    assert set(found.regions) == {*members, "123456789012"}
    assert throttle.total() == 12  # every account's us-east-1 was throttled once, and still collected
    series = snapshot.metrics[next(r.key for r in found.resources if r.resource_id == watched)]
    assert series.last("cpu_avg", 14) == tuple((d, 3.0) for d in reversed(days))
    assert series.last("cpu_max", 14) == tuple((d, 4.0) for d in reversed(days))
    assert all(v is None for _, v in series.last("network_in", 30))  # never put: unknown, not 0
    assert snapshot.commitment_ends == {"arn:aws:savingsplans::1:savingsplan/sp-1": date(2026, 12, 27)}
    [status] = render_inventory_status(snapshot_summaries(services.state))
    assert status["text"]["text"].startswith(
        f"*AWS inventory*\n• 2026-11-27: partial, {len(found.resources)} resources, collected 06:00 UTC\n"
        f"*Not collected* (2026-11-27):\n• {app} eu-west-1 ec2:ebs: UnauthorizedOperation Rate exceeded"
    )
    # Already stored today: the next hourly check collects nothing.
    assert inventory.run(scheduler.context, collector) is None


def test_a_failed_day_is_recorded_retried_and_keeps_the_previous_snapshot(
    env: tuple[Services, FrozenClock], client: WebClient
) -> None:
    services, clock = env
    scheduler = JobScheduler(services, client, manual=True, pacer=ChannelPacer(0))
    calls: list[datetime] = []

    def good(_settings: Settings, now: datetime) -> inventory.Collected:
        calls.append(now)
        return inventory.Collected(Inventory((), collected_at=now), MetricsResult({}, ()), {})

    def broken(_settings: Settings, now: datetime) -> inventory.Collected:
        calls.append(now)
        raise SourceAccessDenied("could not assume role arn:aws:iam::1:role/x", hint="Check the trust policy.")

    clock.set(datetime(2026, 11, 26, 4, tzinfo=UTC))  # before the 05:00 collection: the 25th is due
    assert inventory.run(scheduler.context, good) is not None
    assert inventory.run(scheduler.context, good) is None
    clock.set(datetime(2026, 11, 26, 5, 20, tzinfo=UTC))
    failed = inventory.run(scheduler.context, broken)
    assert failed is not None and failed.status == "failed"
    assert failed.message == "could not assume role arn:aws:iam::1:role/x\nCheck the trust policy."
    previous = latest_snapshot(services.state)
    assert previous is not None and previous.day == date(2026, 11, 25)
    clock.set(datetime(2026, 11, 26, 6, 20, tzinfo=UTC))
    done = inventory.run(scheduler.context, good)  # retried at the next hourly check
    assert done is not None and done.status == "ok"
    assert len(calls) == 3
    assert [s.status for s in snapshot_summaries(services.state)] == ["ok", "ok"]
