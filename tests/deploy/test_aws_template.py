"""deploy/aws/trackit-aws.yaml: cfn-lint clean, the bucket policy AWS requires for Data Exports, exports that
select every column the mapping tables read, and a role that allows exactly the AWS calls the bot makes
(recorded from the bot's own code against moto), nothing more."""

from __future__ import annotations

import json
import re
import urllib.request
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.client import BaseClient
from botocore.stub import Stubber

from bot.aws.clients import ClientPool
from bot.aws.cloudtrail import LookupTarget, clients_for, find_creators
from bot.aws.inventory import InventoryOptions, collect_inventory
from bot.aws.metrics import collect_metrics
from bot.aws.organizations import AccountTarget, member_accounts
from bot.aws.reservations import commitment_end_dates
from bot.aws.session import AwsIdentity
from bot.ingest.mapping import CUR2, FOCUS, FormatSpec
from bot.ingest.pipeline import ingest
from bot.store.registry import open_store
from tests.ingest.test_pipeline import write_cur
from tests.support.aws_stack import ACCOUNT, TEMPLATE, render, role_actions
from tests.support.moto_server import MotoServer

PARAMS = {"BotPrincipalArn": f"arn:aws:iam::{ACCOUNT}:user/trackit-bot", "ExternalId": "0123456789abcdef-ext"}


# ----------------------------------------------------------------------------------------------- cfn-lint


def _lint(path: Path) -> list[str]:
    from cfnlint.api import ManualArgs, lint_file

    matches = lint_file(path, config=ManualArgs(regions=["us-east-1"]))
    return [f"{m.rule.id} line {m.linenumber}: {m.message[:200]}" for m in matches]


def test_cfn_lint_finds_nothing_in_the_template() -> None:
    assert _lint(TEMPLATE) == []


def test_cfn_lint_would_catch_a_wrong_property_and_an_unknown_permission(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    text = TEMPLATE.read_text().replace("Frequency: SYNCHRONOUS", "Frequency: HOURLY", 1)
    broken.write_text(text.replace("- es:ListTags\n", "- es:ListTagz\n"))
    found = {line.split()[0] for line in _lint(broken)}
    assert {"E3030", "W3037"} <= found


# ------------------------------------------------------------------------------------------ what it says


def test_the_bucket_policy_is_the_one_aws_requires_for_data_exports() -> None:
    statements = render(PARAMS)["Resources"]["BillingBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"]
    allow, deny = statements
    assert set(allow["Principal"]["Service"]) == {"billingreports.amazonaws.com", "bcm-data-exports.amazonaws.com"}
    assert set(allow["Action"]) == {"s3:PutObject", "s3:GetBucketPolicy"}
    assert allow["Resource"] == ["arn:aws:s3:::trackit-billing", "arn:aws:s3:::trackit-billing/*"]
    assert allow["Condition"] == {
        "StringLike": {
            "aws:SourceAccount": ACCOUNT,
            "aws:SourceArn": [
                f"arn:aws:cur:us-east-1:{ACCOUNT}:definition/*",
                f"arn:aws:bcm-data-exports:us-east-1:{ACCOUNT}:export/*",
            ],
        }
    }
    assert (deny["Effect"], deny["Condition"]) == ("Deny", {"Bool": {"aws:SecureTransport": "false"}})


def test_only_the_bot_with_the_external_id_may_assume_the_role() -> None:
    trust = render(PARAMS)["Resources"]["ReadOnlyRole"]["Properties"]["AssumeRolePolicyDocument"]
    (statement,) = trust["Statement"]
    assert statement["Principal"] == {"AWS": PARAMS["BotPrincipalArn"]}
    assert statement["Action"] == "sts:AssumeRole"
    assert statement["Condition"] == {"StringEquals": {"sts:ExternalId": PARAMS["ExternalId"]}}


def test_a_short_external_id_or_a_malformed_principal_is_refused() -> None:
    with pytest.raises(ValueError, match="ExternalId"):
        render({**PARAMS, "ExternalId": "short"})
    with pytest.raises(ValueError, match="BotPrincipalArn"):
        render({**PARAMS, "BotPrincipalArn": "trackit-bot"})


def test_the_outputs_name_the_settings_to_copy() -> None:
    outputs = render(PARAMS)["Outputs"]
    assert outputs["RoleArn"]["Description"] == "TRACKIT_AWS_ROLE_ARN"
    assert outputs["Cur2Source"]["Value"] == "s3://trackit-billing/trackit/trackit-cur2"
    assert outputs["FocusSource"]["Value"] == "s3://trackit-billing/trackit/trackit-focus"


def test_a_member_account_deployment_creates_only_the_role() -> None:
    rendered = render({**PARAMS, "Exports": "none"}, region="eu-west-1")
    assert list(rendered["Resources"]) == ["ReadOnlyRole"]
    assert "s3:GetObject" not in role_actions(rendered)
    assert "ec2:DescribeInstances" in role_actions(rendered)
    assert set(rendered["Outputs"]) == {"RoleArn", "MemberRoleName"}


def test_an_existing_bucket_is_read_and_inventory_can_be_left_out() -> None:
    rendered = render({**PARAMS, "Exports": "none", "ExistingBillingBucket": "old-cur", "InventoryAccess": "false"})
    role = rendered["Resources"]["ReadOnlyRole"]["Properties"]
    policies = {p["PolicyName"]: p["PolicyDocument"] for p in role["Policies"]}
    assert set(policies) == {"billing-exports-read", "cost-and-accounts-read"}
    resources = [s["Resource"] for s in policies["billing-exports-read"]["Statement"]]
    assert resources == [["arn:aws:s3:::old-cur"], ["arn:aws:s3:::old-cur/*"]]


def _selected(query: str) -> set[str]:
    match = re.fullmatch(r"SELECT (.+) FROM (\w+)", " ".join(query.split()))
    assert match, query
    return {c.strip() for c in match[1].split(",")}


def _needed(spec: FormatSpec) -> list[tuple[str, ...]]:
    """For every rule of a mapping table, the source columns it can read (a map key counts as its map column)."""
    needed: list[tuple[str, ...]] = []
    for rule in spec.rules.values():
        names: tuple[str, ...] = getattr(rule, "names", ())
        if hasattr(rule, "template"):
            names = tuple(m[2].split(".")[0] for m in re.finditer(r"\{([dstm]):([^{}]+)\}", rule.template))
        if names:
            needed.append(names)
    return needed


@pytest.mark.parametrize(("export", "spec"), [("Cur2Export", CUR2), ("FocusExport", FOCUS)])
def test_each_export_selects_what_the_mapping_table_reads(export: str, spec: FormatSpec) -> None:
    query = render(PARAMS)["Resources"][export]["Properties"]["Export"]["DataQuery"]["QueryStatement"]
    selected = {c.lower() for c in _selected(query)}
    for alternatives in spec.required:
        assert {a.lower() for a in alternatives} & selected, f"{export} lacks required {alternatives}"
    unreadable = [names for names in _needed(spec) if not {n.lower() for n in names} & selected]
    assert unreadable == []


# ------------------------------------------------------------------- the role allows what the bot calls


#: Operations whose IAM action is not `<service>:<OperationName>`.
_IAM_ACTION = {
    ("s3", "ListObjectsV2"): "s3:ListBucket",
    ("s3", "HeadObject"): "s3:GetObject",
}
#: Signing names that differ from the IAM prefix.
_IAM_PREFIX = {"monitoring": "cloudwatch"}
#: Calls that need no permission on the role (STS answers who you are; assuming is the trust policy's business).
_NO_PERMISSION = {"sts:GetCallerIdentity", "sts:AssumeRole"}


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """Every AWS operation made through any botocore client, as the IAM action it needs."""
    calls: set[str] = set()
    original = BaseClient._make_api_call

    def record(self: Any, operation_name: str, api_params: Any) -> Any:
        service = self.meta.service_model.signing_name
        calls.add(_IAM_ACTION.get((service, operation_name), f"{_IAM_PREFIX.get(service, service)}:{operation_name}"))
        return original(self, operation_name, api_params)

    monkeypatch.setattr(BaseClient, "_make_api_call", record)
    yield calls


def _estate(region: str) -> None:
    ec2 = boto3.client("ec2", region_name=region)
    instance = ec2.run_instances(ImageId="ami-0123456789abcdef0", MinCount=1, MaxCount=1, InstanceType="m5.large")
    vol = ec2.create_volume(Size=8, AvailabilityZone=f"{region}a")["VolumeId"]
    ec2.create_snapshot(VolumeId=vol)
    ec2.allocate_address(Domain="vpc")
    boto3.client("rds", region_name=region).create_db_instance(
        DBInstanceIdentifier="db",
        DBInstanceClass="db.t3.micro",
        Engine="postgres",
        MasterUsername="u",
        MasterUserPassword="password123",
        AllocatedStorage=20,
    )
    boto3.client("elasticache", region_name=region).create_cache_cluster(
        CacheClusterId="cache", Engine="redis", CacheNodeType="cache.t3.micro", NumCacheNodes=1
    )
    boto3.client("opensearch", region_name=region).create_domain(DomainName="logs")
    role = boto3.client("iam").create_role(RoleName="fn", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    boto3.client("lambda", region_name=region).create_function(
        FunctionName="f", Runtime="python3.11", Role=role, Handler="a.h", Code={"ZipFile": b"PK\x05\x06" + b"\0" * 18}
    )
    assert instance["Instances"]


def _stub_commitments(client: Any) -> None:
    stubber = Stubber(client)
    service = client.meta.service_model.service_name
    if service == "ec2":
        stubber.add_response("describe_reserved_instances", {"ReservedInstances": []})
    elif service == "rds":
        stubber.add_response("describe_reserved_db_instances", {"ReservedDBInstances": []})
    elif service == "savingsplans":
        stubber.add_response("describe_savings_plans", {"savingsPlans": []})
    stubber.activate()


def _stub_lookup_events(client: Any) -> None:
    stubber = Stubber(client)
    stubber.add_response("lookup_events", {"Events": []})
    stubber.activate()


def _queue_cost_explorer(url: str) -> None:
    group = {"Keys": ["Amazon EC2", ACCOUNT], "Metrics": {"UnblendedCost": {"Amount": "1.5", "Unit": "USD"}}}
    result = {"ResultsByTime": [{"TimePeriod": {"Start": "2026-11-01", "End": "2026-11-02"}, "Groups": [group]}]}
    request = urllib.request.Request(
        f"{url}/moto-api/static/ce/cost-and-usage-results",
        data=json.dumps({"results": [result]}).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    urllib.request.urlopen(request).read()


@pytest.mark.aws
def test_the_role_allows_exactly_the_calls_the_bot_makes(
    aws: MotoServer, recorded: set[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(f"duckdb://{tmp_path / 'billing'}")
    monkeypatch.setenv("MOTO_EC2_LOAD_DEFAULT_AMIS", "false")
    region = "us-east-1"
    _estate(region)
    boto3.client("organizations").create_organization(FeatureSet="ALL")
    write_cur(tmp_path / "cur", date(2026, 11, 1), "asm-1", ["1.00", "2.50"])
    s3 = boto3.client("s3", region_name=region)
    s3.create_bucket(Bucket="trackit-billing")
    for path in (p for p in (tmp_path / "cur").rglob("*") if p.is_file()):
        s3.upload_file(str(path), "trackit-billing", f"trackit/{path.relative_to(tmp_path / 'cur').as_posix()}")
    _queue_cost_explorer(aws.url)
    recorded.clear()  # only what the bot does from here on

    # Every AWS path of the bot: both kinds of source, the organization, the inventory, metrics, commitments.
    ingest("s3://trackit-billing/trackit", store, identity=AwsIdentity(), progress=False)
    ingest("ce://?months=2", store, identity=AwsIdentity(), progress=False)
    session = boto3.Session(region_name=region)
    targets = member_accounts(session, "TrackItReadOnly")
    here = [AccountTarget(ACCOUNT, "", AwsIdentity(region=region))]
    pool = ClientPool()
    inventory = collect_inventory(here, InventoryOptions(), pool=pool)
    collect_metrics(
        inventory.resources,
        here,
        days=3,
        today=date(2026, 11, 27),
        pool=pool,
        now=lambda: datetime(2026, 11, 27, tzinfo=UTC),
    )
    # moto lacks the reservation and savings plan APIs: stubbed on fresh clients of the same pool type.
    stubbed = ClientPool(on_client=_stub_commitments)
    ends = commitment_end_dates(here, [region], pool=stubbed)
    assert targets and inventory.resources and not inventory.errors and not ends.errors
    # Who created an anomaly's new resource: moto lacks CloudTrail's LookupEvents, stubbed on the pool's client.
    trail = clients_for(AwsIdentity(region=region), pool=ClientPool(on_client=_stub_lookup_events))
    when = datetime(2026, 11, 27, tzinfo=UTC)
    creators = find_creators([LookupTarget("i-1", ACCOUNT, region)], trail, start=when - timedelta(days=7), end=when)
    assert [x.outcome for x in creators.lookups] == ["not found"]

    granted = role_actions(render(PARAMS))
    called = recorded - _NO_PERMISSION
    assert called - granted == set(), "the bot calls these, the role does not allow them"
    assert granted - called == set(), "the role allows these, the bot never calls them"
