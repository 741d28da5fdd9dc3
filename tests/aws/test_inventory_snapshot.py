"""Collection targets from settings-like identities, and inventory snapshots that round-trip through JSON."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import boto3
import pytest

from bot.aws.metrics import MetricsResult
from bot.aws.organizations import collection_targets
from bot.aws.session import AwsIdentity
from bot.aws.snapshot import dump, load
from bot.billing.inventory import CollectionError, Inventory, Resource, ResourceKind, ResourceMetrics
from bot.errors import ConfigError
from tests.support.moto_server import MotoServer


@pytest.mark.aws
def test_targets_are_the_own_account_or_every_member(aws: MotoServer) -> None:
    own = collection_targets(AwsIdentity(role_arn="arn:aws:iam::123456789012:role/payer-reader"))
    assert [t.account_id for t in own] == ["123456789012"]

    org = boto3.client("organizations")
    org.create_organization(FeatureSet="ALL")
    for i in range(11):
        org.create_account(Email=f"m{i}@example.com", AccountName=f"m{i}")
    members = collection_targets(AwsIdentity(), "TrackItReadOnly", external_id="x")
    assert len(members) == 12
    assert {t.identity.external_id for t in members} == {"x"}


def test_snapshot_round_trips_through_json() -> None:
    created = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    ec2 = Resource(
        "1",
        "us-east-1",
        ResourceKind.EC2,
        "i-1",
        "arn:i-1",
        name="web",
        type="m5.large",
        state="running",
        created=created,
        tags=(("team", "a"),),
    )
    eip = Resource("1", "us-east-1", ResourceKind.EIP, "eipalloc-1", "arn:eip", attached=False, extra_ids=("1.2.3.4",))
    inventory = Inventory(
        (ec2, eip),
        errors=(CollectionError("2", "eu-west-1", "rds:rds", "AccessDenied", "no"),),
        api_calls={"ec2": 4},
        collected_at=created,
        regions={"1": ("us-east-1",)},
    )
    days = (date(2026, 1, 1), date(2026, 1, 2))
    series = {"cpu_avg": ((days[0], 3.5), (days[1], None))}
    metrics = MetricsResult({ec2.key: ResourceMetrics(ec2, series)}, days)

    back, back_metrics = load(json.loads(json.dumps(dump(inventory, metrics))))

    assert back == Inventory(inventory.resources, inventory.errors, {"ec2": 4}, {}, created, {"1": ("us-east-1",)})
    assert back_metrics == {ec2.key: ResourceMetrics(ec2, series)}


def test_an_unknown_snapshot_version_is_refused() -> None:
    with pytest.raises(ConfigError, match="version 99 is not supported"):
        load({"version": 99})
