"""AWS checks: whose credentials the bot has, whether it can assume its role, and what each source holds.

The role check assumes the role once, exactly as the bot does (same session name prefix, the external id), so a
trust policy naming another principal or requiring another external id fails here with AWS's own refusal.
Each S3 source is listed and its manifests read (what an ingest does first), never its data files.
Cost Explorer sources are not probed: every GetCostAndUsage request is billed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError, ProfileNotFound

from bot.aws.session import AwsIdentity
from bot.config import Settings
from bot.doctor.checks import Check, fail, guarded, ok, skip, warn
from bot.errors import IngestError, UnknownFormat
from bot.ingest.rhythm import humanize

_ONE_TRY = Config(retries={"mode": "standard", "max_attempts": 2}, connect_timeout=10, read_timeout=30)
_TEMPLATE = "deploy/aws/trackit-aws.yaml"


@dataclass
class AwsResult:
    checks: list[Check] = field(default_factory=list)
    #: Newest delivery time seen in each source's listing.
    newest_delivery: dict[str, datetime] = field(default_factory=dict)


def identity_of(settings: Settings) -> AwsIdentity:
    return AwsIdentity(
        profile=settings.aws_profile,
        role_arn=settings.aws_role_arn,
        external_id=settings.aws_external_id,
        region=settings.aws_region,
    )


def checks(settings: Settings, *, now: datetime | None = None) -> AwsResult:
    result = AwsResult()
    uses_aws = any(s.startswith(("s3://", "ce://")) for s in settings.sources) or settings.inventory_enabled
    if not uses_aws and not settings.aws_role_arn:
        result.checks.append(skip("aws.identity", "AWS credentials", "no AWS source or inventory configured"))
    else:
        caller: list[str] = []
        result.checks.append(guarded("aws.identity", "AWS credentials", lambda: _identity(settings, caller)))
        if settings.aws_role_arn:
            role = guarded("aws.role", f"Role {settings.aws_role_arn}", lambda: _role(settings, caller))
            result.checks.append(role)
    for uri in settings.sources:
        title = f"Source {uri}"
        result.checks.append(guarded(f"source.{uri}", title, lambda uri=uri: _source(settings, uri, result, now)))  # type: ignore[misc]
    return result


def _identity(settings: Settings, caller: list[str]) -> Check:
    title = "AWS credentials"
    try:
        session = boto3.Session(profile_name=settings.aws_profile or None, region_name=settings.aws_region)
        me = session.client("sts", config=_ONE_TRY).get_caller_identity()
    except ProfileNotFound as exc:
        return fail(
            "aws.identity", title, str(exc), "Set TRACKIT_AWS_PROFILE to a profile of ~/.aws/config, or unset it."
        )
    except NoCredentialsError:
        return fail(
            "aws.identity",
            title,
            "no AWS credentials found",
            "Run the bot with an instance or task role, or set AWS_PROFILE / TRACKIT_AWS_PROFILE (or the "
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables).",
        )
    except (ClientError, BotoCoreError) as exc:
        return fail("aws.identity", title, f"AWS refused the credentials: {exc}", "Renew or replace the credentials.")
    caller.append(str(me["Arn"]))
    return ok("aws.identity", title, f"{me['Arn']} (account {me['Account']})")


def _role(settings: Settings, caller: list[str]) -> Check:
    role = settings.aws_role_arn
    title = f"Role {role}"
    if not caller:
        return skip("aws.role", title, "needs working AWS credentials")
    kwargs: dict[str, Any] = {"RoleArn": role, "RoleSessionName": "trackit-doctor"}
    if settings.aws_external_id:
        kwargs["ExternalId"] = settings.aws_external_id
    try:
        session = boto3.Session(profile_name=settings.aws_profile or None, region_name=settings.aws_region)
        assumed = session.client("sts", config=_ONE_TRY).assume_role(**kwargs)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        external = "the external id in TRACKIT_AWS_EXTERNAL_ID" if settings.aws_external_id else "NO external id"
        return fail(
            "aws.role",
            title,
            f"{caller[0]} may not assume it with {external} ({code})",
            f"The role's trust policy must allow {caller[0]} with sts:ExternalId equal to TRACKIT_AWS_EXTERNAL_ID, "
            f"and that principal needs sts:AssumeRole on the role ({_TEMPLATE} sets both: BotPrincipalArn and "
            "ExternalId). Check for a typo in either setting.",
        )
    except BotoCoreError as exc:
        return fail("aws.role", title, f"STS did not answer: {exc}", "Check the network path to AWS STS.")
    who = assumed["AssumedRoleUser"]["Arn"]
    if not settings.aws_external_id:
        return warn(
            "aws.role",
            title,
            f"assumed as {who} without an external id",
            "Require an external id in the role's trust policy and set TRACKIT_AWS_EXTERNAL_ID (it keeps other "
            f"parties from using the role through the bot; {_TEMPLATE} does this).",
        )
    return ok("aws.role", title, f"assumed as {who} with the external id")


def _source(settings: Settings, uri: str, result: AwsResult, now: datetime | None) -> Check:
    from bot.ingest.layout import plan_deliveries
    from bot.ingest.sources import open_file_source

    cid, title = f"source.{uri}", f"Source {uri}"
    if uri.startswith("ce://"):
        return skip(
            cid,
            title,
            "not probed: every Cost Explorer request is billed ($0.01); the ingest runs show whether it works",
        )
    try:
        source = open_file_source(uri, identity_of(settings))
        objects = source.list()
        planned = plan_deliveries(objects, source.read_bytes)
    except UnknownFormat as exc:
        fix = "Point the source at the export's own prefix (the stack's Cur2Source or FocusSource output)."
        if urlsplit(uri).scheme == "s3" and not exc.message.endswith("(nothing)"):
            fix = "The prefix holds files, but no billing export: " + fix
        return fail(
            cid,
            title,
            exc.message,
            fix
            if "(nothing)" not in exc.message
            else "Nothing is delivered there yet: a new export takes up to 24 h to deliver its first report. " + fix,
        )
    except IngestError as exc:
        return fail(cid, title, exc.message, exc.hint or "Run `trackit ingest` on it for the full error.")
    newest = max(planned, key=lambda p: p.delivered_at)
    result.newest_delivery[uri] = newest.delivered_at
    period = f"{newest.billing_period:%Y-%m}" if newest.billing_period else "loose files"
    age = f", {humanize(now - newest.delivered_at)} ago" if now else ""
    return ok(
        cid,
        title,
        f"readable: {len(objects)} objects, {len(planned)} deliveries; newest {period} "
        f"delivered {newest.delivered_at:%Y-%m-%d %H:%M} UTC{age}",
    )
