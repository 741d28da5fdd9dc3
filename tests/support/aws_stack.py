"""The CloudFormation template of deploy/aws, rendered with parameters and stood up in moto.

moto's CloudFormation cannot create `AWS::BCMDataExports::Export` and mishandles `!If ... AWS::NoValue` inside
a role's policy list, so the template is rendered by cloud-radar (which resolves parameters, conditions and
intrinsic functions, and checks parameter constraints) and the resources the bot relies on are created from that
rendering through the real IAM and S3 APIs: the read-only role with its trust and inline policies, the bucket
and its bucket policy. What the tests then exercise is exactly the template's own policy text.

`iam_enforced()` switches moto's IAM enforcement on for the duration (moto then evaluates identity policies,
role trust policies with their `sts:ExternalId` condition, and S3 permissions), and off again afterwards.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3

TEMPLATE = Path(__file__).resolve().parents[2] / "deploy" / "aws" / "trackit-aws.yaml"
#: moto's default account, where the stack is "deployed".
ACCOUNT = "123456789012"
STACK = "trackit"


def render(parameters: Mapping[str, str], *, region: str = "us-east-1", bucket: str = "trackit-billing") -> Any:
    """The template rendered as a cloud-radar stack (resources that a condition removes are absent).

    The created bucket is called `bucket` (cloud-radar leaves `!Ref BillingBucket` as the logical id and
    `!GetAtt BillingBucket.Arn` as "BillingBucket.Arn"; both are replaced here by what AWS would return).
    """
    from cloud_radar.cf.unit import Template

    Template.AccountId = ACCOUNT
    Template.StackName = STACK
    template = Template.from_yaml(str(TEMPLATE))
    stack = template.create_stack(dict(parameters), region=region)
    return _drop_no_value(_fill(stack.data, bucket))


def _fill(node: Any, bucket: str) -> Any:
    """Replace cloud-radar's stand-ins for the bucket's name and ARN in values (never in keys)."""
    if isinstance(node, dict):
        return {k: _fill(v, bucket) for k, v in node.items()}
    if isinstance(node, list):
        return [_fill(v, bucket) for v in node]
    if isinstance(node, str):
        node = node.replace("BillingBucket.Arn", f"arn:aws:s3:::{bucket}")
        return bucket if node == "BillingBucket" else node.replace("s3://BillingBucket/", f"s3://{bucket}/")
    return node


def _drop_no_value(node: Any) -> Any:
    """cloud-radar renders `AWS::NoValue` as an empty string: remove it from lists (as CloudFormation does)."""
    if isinstance(node, dict):
        return {k: _drop_no_value(v) for k, v in node.items() if v != ""}
    if isinstance(node, list):
        return [_drop_no_value(v) for v in node if v != ""]
    return node


def role_actions(rendered: Mapping[str, Any]) -> set[str]:
    """Every action the read-only role's inline policies allow."""
    actions: set[str] = set()
    for policy in rendered["Resources"]["ReadOnlyRole"]["Properties"].get("Policies", []):
        for statement in policy["PolicyDocument"]["Statement"]:
            assert statement["Effect"] == "Allow"
            names = statement["Action"]
            actions.update([names] if isinstance(names, str) else names)
    return actions


@dataclass(frozen=True)
class Deployed:
    role_arn: str
    bucket: str
    outputs: dict[str, str]


def deploy(parameters: Mapping[str, str], *, bucket: str = "trackit-billing") -> Deployed:
    """Create the rendered template's role, bucket and bucket policy in moto (current credentials)."""
    rendered = render(parameters, bucket=bucket)
    resources = rendered["Resources"]
    role = resources["ReadOnlyRole"]["Properties"]
    iam = boto3.client("iam")
    arn = iam.create_role(
        RoleName=role["RoleName"], AssumeRolePolicyDocument=json.dumps(role["AssumeRolePolicyDocument"])
    )["Role"]["Arn"]
    for policy in role.get("Policies", []):
        iam.put_role_policy(
            RoleName=role["RoleName"],
            PolicyName=policy["PolicyName"],
            PolicyDocument=json.dumps(_moto_names(policy["PolicyDocument"])),
        )
    if "BillingBucket" in resources:
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=bucket)
        policy = resources["BillingBucketPolicy"]["Properties"]["PolicyDocument"]
        # moto serves plain HTTP, where the template's deny-without-TLS statement would refuse every request.
        policy = {**policy, "Statement": [s for s in policy["Statement"] if s["Sid"] != "DenyInsecureTransport"]}
        s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
    outputs = {name: str(o["Value"]) for name, o in rendered.get("Outputs", {}).items()}
    return Deployed(arn, bucket, outputs)


def _moto_names(document: dict[str, Any]) -> dict[str, Any]:
    """moto checks ListObjectsV2 and HeadObject as actions of those names; AWS as `s3:ListBucket` and
    `s3:GetObject`. Wherever the template grants AWS's name, grant moto's too (nothing else changes)."""
    aliases = {"s3:ListBucket": "s3:ListObjectsV2", "s3:GetObject": "s3:HeadObject"}
    statements = []
    for statement in document["Statement"]:
        actions = statement["Action"] if isinstance(statement["Action"], list) else [statement["Action"]]
        extra = [aliases[a] for a in actions if a in aliases]
        statements.append({**statement, "Action": [*actions, *extra]} if extra else statement)
    return {**document, "Statement": statements}


def bot_user(name: str = "trackit-bot") -> tuple[str, dict[str, str]]:
    """An IAM user allowed to call sts:AssumeRole (the bot's own principal); returns its ARN and credentials."""
    iam = boto3.client("iam")
    arn = iam.create_user(UserName=name)["User"]["Arn"]
    iam.put_user_policy(
        UserName=name,
        PolicyName="assume-trackit",
        PolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}]}
        ),
    )
    key = iam.create_access_key(UserName=name)["AccessKey"]
    return arn, {"AWS_ACCESS_KEY_ID": key["AccessKeyId"], "AWS_SECRET_ACCESS_KEY": key["SecretAccessKey"]}


def _reset_auth(url: str, count: str) -> None:
    request = urllib.request.Request(
        f"{url}/moto-api/reset-auth", data=count.encode(), method="POST", headers={"Content-Type": "text/plain"}
    )
    urllib.request.urlopen(request).read()


@contextmanager
def iam_enforced(moto_url: str) -> Iterator[None]:
    """moto checks every request against IAM (policies, trust, external id) inside the block."""
    _reset_auth(moto_url, "0")
    try:
        yield
    finally:
        _reset_auth(moto_url, "inf")
