"""Which accounts to collect from: the configured one, or every active member of the organization.

Member accounts are reached by assuming a role of the same name in each (with the external id when one is
configured), the usual cross-account read-only set-up. `ListAccounts` is paginated (AWS returns at most 20
accounts a page): see https://docs.aws.amazon.com/organizations/latest/APIReference/API_ListAccounts.html
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import boto3

from bot.aws.session import RETRY_CONFIG, AwsIdentity, make_session
from bot.errors import ConfigError


@dataclass(frozen=True)
class AccountTarget:
    """An account to collect from and how to get credentials for it."""

    account_id: str
    name: str
    identity: AwsIdentity


def role_arn(account_id: str, role_name: str) -> str:
    return f"arn:aws:iam::{account_id}:role/{role_name}"


def member_accounts(
    session: boto3.Session,
    role_name: str,
    *,
    external_id: str = "",
    page_size: int | None = None,
    include_suspended: bool = False,
) -> list[AccountTarget]:
    """Every ACTIVE account of the organization `session` can list (all pages), as assume-role targets.

    Raises `ConfigError` when `role_name` is empty or not a bare role name. Errors of Organizations itself
    (not the management account, denied) propagate as botocore `ClientError`.
    """
    if not role_name or "/" in role_name or ":" in role_name:
        raise ConfigError(
            f"member role name {role_name!r} is not a role name: give the bare name, e.g. 'TrackItReadOnly'"
        )
    client: Any = session.client("organizations", config=RETRY_CONFIG)
    config: dict[str, int] = {"PageSize": page_size} if page_size else {}
    targets: list[AccountTarget] = []
    for page in client.get_paginator("list_accounts").paginate(PaginationConfig=config):
        for account in page["Accounts"]:
            if account.get("Status", "ACTIVE") != "ACTIVE" and not include_suspended:
                continue
            targets.append(
                AccountTarget(
                    account_id=account["Id"],
                    name=account.get("Name", ""),
                    identity=AwsIdentity(
                        role_arn=role_arn(account["Id"], role_name),
                        external_id=external_id,
                        region=session.region_name or "us-east-1",
                    ),
                )
            )
    return targets


def collection_targets(identity: AwsIdentity, member_role: str = "", *, external_id: str = "") -> list[AccountTarget]:
    """The accounts to collect from: with `member_role`, every active member of the organization that the
    `identity` (normally the management account) can list; without it, only the identity's own account.

    Raises `SourceAccessDenied` when the identity's role cannot be assumed; Organizations errors propagate.
    """
    session = make_session(identity)
    if member_role:
        return member_accounts(session, member_role, external_id=external_id)
    account = session.client("sts", config=RETRY_CONFIG).get_caller_identity()["Account"]
    return [AccountTarget(account_id=str(account), name="", identity=identity)]
