"""Who created a resource: its creation event in CloudTrail's 90-day event history (`LookupEvents`).

An anomaly alert that names a new resource asks the resource's own account and region, one page per resource
and a bounded number of calls per alert: LookupEvents is limited to 2 requests per second per account and
region, and an alert must not wait on it. Whatever goes wrong is a skipped look-up with its reason (access
denied, no region, throttled after the retry budget, no credentials), never an error in the alert.

https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from bot.aws.clients import ClientPool
from bot.aws.organizations import AccountTarget, role_arn
from bot.aws.session import AwsIdentity
from bot.errors import SourceAccessDenied

#: A small retry budget: an alert's look-ups give up after 3 attempts (standard mode backs off with jitter).
LOOKUP_RETRY_CONFIG = Config(retries={"mode": "standard", "total_max_attempts": 3}, connect_timeout=5, read_timeout=15)
#: New resources looked up per alert, and LookupEvents calls per alert (an ARN may be tried by its short id too).
MAX_RESOURCES = 5
MAX_CALLS = 8
#: Events of one page (the API's maximum is 50).
PAGE_SIZE = 50
#: Event names that create a resource (the first word of an API action).
CREATE_VERBS = ("Create", "Run", "Launch", "Allocate", "Register", "Import", "Copy", "Restore", "Request", "Purchase")

_DENIED = {"AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnrecognizedClientException"}
_THROTTLED = {"ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded"}
_REGION = re.compile(r"^[a-z]{2}(-gov)?-[a-z]+-\d$")

#: (account id, region) -> a CloudTrail client for that account and region.
ClientFor = Callable[[str, str], Any]


@dataclass(frozen=True)
class Creation:
    """A resource's creation event: who (the caller's ARN, else its user name), when, and which API call."""

    resource: str
    actor: str
    at: datetime
    event_name: str
    account: str
    region: str


@dataclass(frozen=True)
class LookupTarget:
    """A resource to look up, where the bill says it lives ('' when it does not say)."""

    resource: str
    account: str
    region: str


@dataclass(frozen=True)
class Lookup:
    """One resource's look-up as the audit trail records it: `found`, `not found`, or skipped (`access denied`,
    `no region`, `throttled`, `no credentials`, `unreachable`, `error`, `over budget`), with the calls it made."""

    resource: str
    account: str
    region: str
    outcome: str
    calls: int


@dataclass(frozen=True)
class Creators:
    """What an alert's look-ups found and what they did."""

    creations: tuple[Creation, ...]
    lookups: tuple[Lookup, ...]

    @property
    def calls(self) -> int:
        return sum(lookup.calls for lookup in self.lookups)


def clients_for(identity: AwsIdentity, member_role: str = "", *, pool: ClientPool | None = None) -> ClientFor:
    """CloudTrail clients as the bot's configured AWS access reaches each account: with `member_role`, that role
    assumed in the resource's account (as the inventory does); otherwise the configured identity, whatever the
    account (a resource of another account is then not found, or denied). Clients are cached per account and
    region, with the small retry budget `LOOKUP_RETRY_CONFIG`."""
    clients = pool or ClientPool(config=LOOKUP_RETRY_CONFIG)

    def client_for(account: str, region: str) -> Any:
        if member_role and account:
            member = AwsIdentity(identity.profile, role_arn(account, member_role), identity.external_id, region)
            return clients.client(AccountTarget(account, "", member), region, "cloudtrail")
        return clients.client(AccountTarget("", "", identity), region, "cloudtrail")

    return client_for


def region_of(target: LookupTarget) -> str:
    """The resource's region: the bill's, else the one in its ARN; '' when neither names a region."""
    if _REGION.match(target.region or ""):
        return target.region
    if target.resource.startswith("arn:"):
        parts = target.resource.split(":")
        if len(parts) > 3 and _REGION.match(parts[3]):
            return parts[3]
    return ""


def account_of(target: LookupTarget) -> str:
    if target.account:
        return target.account
    parts = target.resource.split(":") if target.resource.startswith("arn:") else []
    return parts[4] if len(parts) > 4 and parts[4].isdigit() else ""


def names_to_try(resource: str) -> list[str]:
    """What CloudTrail may call the resource: the id as billed, then an ARN's last part (`devEndpoint/etl` ->
    `etl`, `db:prod` -> `prod`), since events name some resources by ARN and others by name."""
    names = [resource]
    if resource.startswith("arn:"):
        short = re.split(r"[/:]", resource.split(":", 5)[-1])[-1]
        if short and short != resource:
            names.append(short)
    return names


def _creation(event: dict[str, Any], target: LookupTarget, account: str, region: str) -> Creation | None:
    name = str(event.get("EventName", ""))
    if not name.startswith(CREATE_VERBS):
        return None
    actor = str(event.get("Username") or "")
    try:
        identity = json.loads(event.get("CloudTrailEvent") or "{}").get("userIdentity") or {}
        actor = str(identity.get("arn") or identity.get("userName") or identity.get("invokedBy") or actor)
    except (json.JSONDecodeError, AttributeError):
        pass
    at = event.get("EventTime")
    if not isinstance(at, datetime):
        return None
    return Creation(target.resource, actor or "unknown", at, name, account, region)


def find_creators(
    targets: Sequence[LookupTarget],
    client_for: ClientFor,
    *,
    start: datetime,
    end: datetime,
    max_resources: int = MAX_RESOURCES,
    max_calls: int = MAX_CALLS,
) -> Creators:
    """The creation event of each of the first `max_resources` targets between `start` and `end`, asked in the
    target's account and region (`client_for`), one page per name tried, at most `max_calls` calls in all.

    The earliest event whose name starts with a creating verb (`CREATE_VERBS`) is the creation. Never raises for
    AWS errors: access denied skips the rest of that account; throttling after the client's retries, missing
    credentials or an unreachable endpoint stop all further look-ups; every look-up is reported in `lookups`
    with its outcome."""
    creations: list[Creation] = []
    lookups: list[Lookup] = []
    calls = 0
    denied: set[str] = set()
    stopped = ""
    for target in targets[:max_resources]:
        account, region = account_of(target), region_of(target)
        if stopped:
            lookups.append(Lookup(target.resource, account, region, stopped, 0))
            continue
        if not region:
            lookups.append(Lookup(target.resource, account, region, "no region", 0))
            continue
        if account in denied:
            lookups.append(Lookup(target.resource, account, region, "access denied", 0))
            continue
        made, outcome = 0, "not found"
        for name in names_to_try(target.resource):
            if calls >= max_calls:
                outcome = "over budget" if not made else outcome
                break
            calls += 1
            made += 1
            try:
                client = client_for(account, region)
                page = client.lookup_events(
                    LookupAttributes=[{"AttributeKey": "ResourceName", "AttributeValue": name}],
                    StartTime=start,
                    EndTime=end,
                    MaxResults=PAGE_SIZE,
                )
            except ClientError as exc:
                code = str(exc.response.get("Error", {}).get("Code", ""))
                if code in _DENIED:
                    outcome = "access denied"
                    denied.add(account)
                elif code in _THROTTLED:
                    outcome = stopped = "throttled"
                else:
                    outcome = "error"
                break
            except SourceAccessDenied:
                outcome = "access denied"
                denied.add(account)
                break
            except BotoCoreError as exc:
                # No credentials, or AWS unreachable after the retries: the next call would fare no better, and an
                # alert job must not wait on timeouts once per resource.
                outcome = stopped = "no credentials" if "credentials" in str(exc).lower() else "unreachable"
                break
            found = [c for e in page.get("Events", []) if (c := _creation(e, target, account, region))]
            if found:
                creations.append(min(found, key=lambda c: c.at))
                outcome = "found"
                break
        lookups.append(Lookup(target.resource, account, region, outcome, made))
    for target in targets[max_resources:]:
        lookups.append(Lookup(target.resource, account_of(target), region_of(target), "over budget", 0))
    return Creators(tuple(creations), tuple(lookups))
