"""Inventory against moto in server mode: many accounts through Organizations and assume-role, several pages per
list call, throttling retried, denied parts reported without losing the rest."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from bot.aws.clients import ClientPool
from bot.aws.inventory import InventoryOptions, collect_inventory
from bot.aws.organizations import AccountTarget, member_accounts
from bot.aws.session import AwsIdentity, make_session
from bot.billing.inventory import ResourceKind
from bot.errors import ConfigError, SourceAccessDenied
from tests.aws.aws_faults import FaultInjector
from tests.support.moto_server import MotoServer

pytestmark = pytest.mark.aws

ROLE = "TrackItReadOnly"
AMI = "ami-0123456789abcdef0"


@pytest.fixture(autouse=True)
def _no_default_amis(aws: MotoServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """moto's ~1,300 stock AMIs come with snapshots owned by every account: not a realistic estate."""
    monkeypatch.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")


REGIONS = ("us-east-1", "eu-west-1")


def _org_with_accounts(count: int) -> list[str]:
    org = boto3.client("organizations")
    org.create_organization(FeatureSet="ALL")
    ids = []
    for i in range(count):
        status = org.create_account(Email=f"member{i}@example.com", AccountName=f"member-{i:02d}")
        ids.append(status["CreateAccountStatus"]["AccountId"])
    return ids


def _session_in(account_id: str, region: str = "us-east-1") -> boto3.Session:
    return make_session(
        AwsIdentity(role_arn=f"arn:aws:iam::{account_id}:role/{ROLE}", external_id="ext-1", region=region)
    )


def test_member_accounts_reads_every_page_and_builds_assume_role_targets(aws: MotoServer) -> None:
    members = _org_with_accounts(12)
    session = boto3.Session(region_name="us-east-1")
    pages: list[str] = []
    session.events.register("before-call.organizations.ListAccounts", lambda **_: pages.append("page"))

    targets = member_accounts(session, ROLE, external_id="ext-1", page_size=5)

    management = boto3.client("sts").get_caller_identity()["Account"]
    assert sorted(t.account_id for t in targets) == sorted([*members, management])
    assert len(pages) == 3  # 13 accounts, 5 a page
    by_id = {t.account_id: t for t in targets}
    assert by_id[members[3]].name == "member-03"
    assert by_id[members[3]].identity == AwsIdentity(
        role_arn=f"arn:aws:iam::{members[3]}:role/{ROLE}", external_id="ext-1", region="us-east-1"
    )


def test_a_role_arn_instead_of_a_role_name_is_refused(aws: MotoServer) -> None:
    with pytest.raises(ConfigError, match="give the bare name"):
        member_accounts(boto3.Session(region_name="us-east-1"), "arn:aws:iam::1:role/x")


def _populate(account_id: str, region: str, *, reservations: int, dbs: int, caches: int) -> dict[str, int]:
    session = _session_in(account_id, region)
    ec2 = session.client("ec2", region_name=region)
    for i in range(reservations):  # one reservation per call: EC2 pages by reservation
        ec2.run_instances(
            ImageId=AMI,
            MinCount=1,
            MaxCount=1,
            InstanceType="m5.large",
            TagSpecifications=[
                {
                    "ResourceType": "instance",
                    "Tags": [{"Key": "Name", "Value": f"web-{i}"}, {"Key": "team", "Value": "a"}],
                }
            ],
        )
    attached = ec2.describe_instances()["Reservations"][0]["Instances"][0]["InstanceId"]
    vol = ec2.create_volume(Size=8, AvailabilityZone=f"{region}a", VolumeType="gp3")["VolumeId"]
    ec2.create_volume(Size=100, AvailabilityZone=f"{region}a", VolumeType="gp2")
    ec2.attach_volume(VolumeId=vol, InstanceId=attached, Device="/dev/sdf")
    ec2.create_snapshot(VolumeId=vol, Description="backup")
    eip = ec2.allocate_address(Domain="vpc")
    ec2.allocate_address(Domain="vpc")
    ec2.associate_address(AllocationId=eip["AllocationId"], InstanceId=attached)
    rds = session.client("rds", region_name=region)
    for i in range(dbs):
        rds.create_db_instance(
            DBInstanceIdentifier=f"db-{i}",
            DBInstanceClass="db.t3.micro",
            Engine="postgres",
            MasterUsername="admin",
            MasterUserPassword="password123",
            AllocatedStorage=20,
            Tags=[{"Key": "team", "Value": "data"}],
        )
    cache = session.client("elasticache", region_name=region)
    for i in range(caches):
        cache.create_cache_cluster(
            CacheClusterId=f"cache-{i}", Engine="redis", CacheNodeType="cache.t3.micro", NumCacheNodes=1
        )
    search = session.client("opensearch", region_name=region)
    search.create_domain(DomainName="logs", ClusterConfig={"InstanceType": "r6g.large.search", "InstanceCount": 2})
    search.add_tags(
        ARN=search.describe_domain(DomainName="logs")["DomainStatus"]["ARN"], TagList=[{"Key": "team", "Value": "ops"}]
    )
    iam = session.client("iam")
    role = iam.create_role(RoleName=f"fn-{region}", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam = session.client("lambda", region_name=region)
    lam.create_function(
        FunctionName="resize",
        Runtime="python3.11",
        Role=role,
        Handler="app.handler",
        Code={"ZipFile": b"PK\x05\x06" + b"\0" * 18},
        MemorySize=256,
        Tags={"team": "img"},
    )
    return {
        "ec2": reservations,
        "ebs": reservations + 2,  # a root volume per instance
        "snapshot": 1,
        "eip": 2,
        "rds": dbs,
        "elasticache": caches,
        "opensearch": 1,
        "lambda": 1,
    }


def test_inventory_of_many_accounts_reads_every_page(aws: MotoServer) -> None:
    members = _org_with_accounts(11)
    big, small = members[0], members[5]
    expected_big = _populate(big, "us-east-1", reservations=12, dbs=21, caches=21)
    expected_small = _populate(small, "us-east-1", reservations=1, dbs=1, caches=1)
    targets = member_accounts(boto3.Session(region_name="us-east-1"), ROLE, external_id="ext-1", page_size=5)
    assert len(targets) == 12

    pages: dict[str, int] = {}
    inventory = collect_inventory(targets, InventoryOptions(regions=("us-east-1",), page_size=5), page_counts=pages)

    assert inventory.retries == {}
    assert inventory.errors == ()
    counts: dict[tuple[str, str, str], int] = {}
    for r in inventory.resources:
        counts[(r.account_id, r.region, r.kind.value)] = counts.get((r.account_id, r.region, r.kind.value), 0) + 1
    want = {(big, "us-east-1", k): n for k, n in expected_big.items()}
    want |= {(small, "us-east-1", k): n for k, n in expected_small.items()}
    assert counts == want

    tasks = len(targets)  # every account asked once at least
    assert pages["describe_instances"] == tasks + 2  # 12 reservations in pages of 5: 3 pages there
    assert pages["describe_db_instances"] == tasks + 1  # 21 databases in pages of 20
    assert pages["describe_cache_clusters"] == tasks + 1
    assert inventory.api_calls["ec2"] >= tasks * 4

    by_id = {r.resource_id: r for r in inventory.resources if r.account_id == big}
    web = next(r for r in inventory.resources if r.name == "web-3" and r.account_id == big)
    assert (web.kind, web.type, web.state, web.tag_map) == (
        ResourceKind.EC2,
        "m5.large",
        "running",
        {"Name": "web-3", "team": "a"},
    )
    assert web.arn == f"arn:aws:ec2:us-east-1:{big}:instance/{web.resource_id}"
    unattached = [
        (r.size, r.type) for r in inventory.of_kind(ResourceKind.EBS) if r.account_id == big and not r.attached
    ]
    assert unattached == [("100", "gp2")]
    eips = sorted(r.attached for r in inventory.of_kind(ResourceKind.EIP) if r.account_id == big)
    assert eips == [False, True]
    assert all(r.extra_ids for r in inventory.of_kind(ResourceKind.EIP))  # the public IP, for line items
    assert by_id["db-20"].type == "db.t3.micro" and by_id["db-20"].tag_map == {"team": "data"}
    assert (
        by_id["logs"].type == "r6g.large.search"
        and by_id["logs"].size == "2"
        and by_id["logs"].tag_map == {"team": "ops"}
    )
    assert by_id["resize"].size == "256" and by_id["resize"].tag_map == {"team": "img"}
    assert by_id["cache-7"].type == "cache.t3.micro"
    assert inventory.collected_at is not None


def test_enabled_regions_come_from_describe_regions(aws: MotoServer) -> None:
    account = boto3.client("sts").get_caller_identity()["Account"]
    regions = sorted(r["RegionName"] for r in boto3.client("ec2").describe_regions()["Regions"])
    target = AccountTarget(account, "main", AwsIdentity())
    inventory = collect_inventory([target], InventoryOptions(kinds=frozenset()))
    assert inventory.errors == ()
    assert inventory.regions == {account: tuple(regions)}
    assert len(regions) > 10


def _add_pages(
    stubber: Stubber, *, operation: str, result_key: str, items: list[list[dict[str, Any]]], expected: dict[str, Any]
) -> None:
    """Queue `items` as consecutive pages chained by NextToken, each request checked."""
    for n, page in enumerate(items):
        params = dict(expected) | ({"NextToken": f"tok{n}"} if n else {})
        response: dict[str, Any] = {result_key: page} | ({"NextToken": f"tok{n + 1}"} if n < len(items) - 1 else {})
        stubber.add_response(operation, response, params)


def test_volumes_snapshots_and_functions_follow_every_next_token(aws: MotoServer) -> None:
    """moto ignores the page size of these three calls, so the pages are stubbed on the real client."""
    stubbers: list[Stubber] = []
    created = datetime(2026, 1, 1, tzinfo=UTC)

    def on_client(client: Any) -> None:
        service = client.meta.service_model.service_name
        if service == "ec2":
            volumes = [
                [{"VolumeId": f"vol-{p}{i}", "Size": 1, "State": "available", "CreateTime": created} for i in range(5)]
                for p in range(3)
            ]
            snapshots = [
                [{"SnapshotId": f"snap-{p}{i}", "VolumeSize": 2, "StartTime": created} for i in range(5)]
                for p in range(2)
            ]
            stubber = Stubber(client)
            _add_pages(
                stubber, operation="describe_volumes", result_key="Volumes", items=volumes, expected={"MaxResults": 5}
            )
            _add_pages(
                stubber,
                operation="describe_snapshots",
                result_key="Snapshots",
                items=snapshots,
                expected={"MaxResults": 5, "OwnerIds": ["self"]},
            )
            stubber.activate()
            stubbers.append(stubber)
        elif service == "lambda":
            functions = [
                [
                    {"FunctionName": f"f{p}{i}", "FunctionArn": f"arn:aws:lambda:us-east-1:1:function:f{p}{i}"}
                    for i in range(2)
                ]
                for p in range(4)
            ]
            stubber = Stubber(client)
            for p, page in enumerate(functions):
                params: dict[str, Any] = {"MaxItems": 2} | ({"Marker": f"tok{p}"} if p else {})
                stubber.add_response(
                    "list_functions", {"Functions": page} | ({"NextMarker": f"tok{p + 1}"} if p < 3 else {}), params
                )
                for f in page:
                    stubber.add_response(
                        "list_tags", {"Tags": {"fn": f["FunctionName"]}}, {"Resource": f["FunctionArn"]}
                    )
            stubber.activate()
            stubbers.append(stubber)

    target = AccountTarget("111122223333", "one", AwsIdentity())
    pool = ClientPool(on_client=on_client)
    pages: dict[str, int] = {}
    inventory = collect_inventory(
        [target],
        InventoryOptions(
            regions=("us-east-1",),
            kinds=frozenset({ResourceKind.EBS, ResourceKind.SNAPSHOT, ResourceKind.LAMBDA}),
            page_size=2,
            max_workers=1,  # one ec2 client serves two kinds: keep the stubbed calls in order
        ),
        pool=pool,
        page_counts=pages,
    )
    assert inventory.errors == ()
    assert pages == {"describe_volumes": 3, "describe_snapshots": 2, "list_functions": 4}
    assert len(inventory.of_kind(ResourceKind.EBS)) == 15
    assert len(inventory.of_kind(ResourceKind.SNAPSHOT)) == 10
    assert sorted(r.tag_map["fn"] for r in inventory.of_kind(ResourceKind.LAMBDA)) == sorted(
        f"f{p}{i}" for p in range(4) for i in range(2)
    )
    for stubber in stubbers:
        stubber.assert_no_pending_responses()


def test_throttling_is_retried_not_lost(aws: MotoServer) -> None:
    account = _org_with_accounts(1)[0]
    expected = _populate(account, "us-east-1", reservations=6, dbs=2, caches=2)
    faults = FaultInjector(
        {"DescribeInstances", "DescribeDBInstances", "ListFunctions", "DescribeCacheClusters", "ListDomainNames"},
        code="ThrottlingException",
    )
    ec2_faults = FaultInjector({"DescribeVolumes", "DescribeAddresses"}, code="RequestLimitExceeded", status=503)

    def on_client(client: Any) -> None:
        faults.attach(client)
        ec2_faults.attach(client)

    target = AccountTarget(account, "m", AwsIdentity(role_arn=f"arn:aws:iam::{account}:role/{ROLE}"))
    inventory = collect_inventory(
        [target], InventoryOptions(regions=("us-east-1",), page_size=5), pool=ClientPool(on_client=on_client)
    )

    assert inventory.errors == ()
    got: dict[str, int] = {}
    for r in inventory.resources:
        got[r.kind.value] = got.get(r.kind.value, 0) + 1
    assert got == expected
    assert faults.total() == 5 and ec2_faults.total() == 2
    assert inventory.retries == {"ec2": 3, "rds": 1, "lambda": 1, "elasticache": 1, "opensearch": 1}


def test_a_denied_region_and_an_unreachable_account_are_reported_not_fatal(aws: MotoServer) -> None:
    ok, denied_account = _org_with_accounts(2)
    _populate(ok, "us-east-1", reservations=1, dbs=1, caches=0)
    _populate(ok, "eu-west-1", reservations=2, dbs=1, caches=0)
    denied = FaultInjector(
        {"DescribeDBInstances"},
        code="AccessDenied",
        status=403,
        times=99,
        when=lambda c: c.meta.region_name == "eu-west-1",
    )

    def sessions(target: AccountTarget) -> boto3.Session:
        if target.account_id == denied_account:
            raise SourceAccessDenied(f"could not assume role {target.identity.role_arn}: AccessDenied")
        return make_session(target.identity)

    targets = [AccountTarget(a, a, AwsIdentity(role_arn=f"arn:aws:iam::{a}:role/{ROLE}")) for a in (ok, denied_account)]
    inventory = collect_inventory(
        targets,
        InventoryOptions(regions=REGIONS, kinds=frozenset({ResourceKind.EC2, ResourceKind.RDS})),
        pool=ClientPool(sessions, on_client=denied.attach),
    )

    assert sorted((e.account_id, e.region, e.service, e.code) for e in inventory.errors) == sorted(
        [
            (ok, "eu-west-1", "rds:rds", "AccessDenied"),
            (denied_account, "us-east-1", "ec2:ec2", "SourceAccessDenied"),
            (denied_account, "us-east-1", "rds:rds", "SourceAccessDenied"),
            (denied_account, "eu-west-1", "ec2:ec2", "SourceAccessDenied"),
            (denied_account, "eu-west-1", "rds:rds", "SourceAccessDenied"),
        ]
    )
    assert denied_account in next(e.message for e in inventory.errors if e.code == "SourceAccessDenied")
    kept = sorted((r.region, r.kind.value) for r in inventory.resources)
    assert kept == [("eu-west-1", "ec2"), ("eu-west-1", "ec2"), ("us-east-1", "ec2"), ("us-east-1", "rds")]
