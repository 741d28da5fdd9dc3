"""boto3 sessions from settings: a named profile, optionally assuming a role with an external id.

Retries use botocore's `standard` mode (exponential backoff with jitter on throttling and transient errors),
configured once here so every client gets them. Assumed-role credentials refresh themselves before expiry
(botocore's `RefreshableCredentials`), so a long-running bot never uses an expired token.

See https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import boto3
import botocore.session
from botocore.config import Config
from botocore.credentials import DeferredRefreshableCredentials, RefreshableCredentials
from botocore.exceptions import BotoCoreError, ClientError

from bot.errors import SourceAccessDenied

#: Standard retry mode: backoff with jitter, retries throttling (429, ThrottlingException) and 5xx.
RETRY_CONFIG = Config(retries={"mode": "standard", "max_attempts": 8}, connect_timeout=10, read_timeout=60)


@dataclass(frozen=True)
class AwsIdentity:
    """Where credentials come from. Empty strings mean "not set"."""

    profile: str = ""
    role_arn: str = ""
    external_id: str = ""
    region: str = "us-east-1"
    session_name: str = "trackit-bot"


def make_session(identity: AwsIdentity) -> boto3.Session:
    """A boto3 session for `identity`; with a role, credentials are assumed lazily and refreshed automatically.

    Raises `SourceAccessDenied` naming the role when STS refuses the assume-role.
    """
    base = boto3.Session(profile_name=identity.profile or None, region_name=identity.region)
    if not identity.role_arn:
        return base
    sts = base.client("sts", config=RETRY_CONFIG)

    def refresh() -> dict[str, Any]:
        kwargs: dict[str, Any] = {"RoleArn": identity.role_arn, "RoleSessionName": identity.session_name}
        if identity.external_id:
            kwargs["ExternalId"] = identity.external_id
        try:
            creds = sts.assume_role(**kwargs)["Credentials"]
        except (ClientError, BotoCoreError) as exc:
            raise SourceAccessDenied(
                f"could not assume role {identity.role_arn}: {exc}",
                hint="Check the role's trust policy (principal and external id) and that the caller may "
                "call sts:AssumeRole on it.",
            ) from exc
        return {
            "access_key": creds["AccessKeyId"],
            "secret_key": creds["SecretAccessKey"],
            "token": creds["SessionToken"],
            "expiry_time": creds["Expiration"].isoformat(),
        }

    credentials: RefreshableCredentials = DeferredRefreshableCredentials(refresh_using=refresh, method="assume-role")
    botocore_session = botocore.session.get_session()
    # botocore has no public setter for refreshable credentials (set_credentials only takes static keys).
    botocore_session._credentials = credentials  # type: ignore[attr-defined]
    botocore_session.set_config_variable("region", identity.region)
    return boto3.Session(botocore_session=botocore_session)
