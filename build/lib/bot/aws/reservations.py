"""End dates of active reservations and savings plans, for expiry alerts when the line items carry none.

- EC2 `DescribeReservedInstances` (not paginated by the API: one response holds the region's reservations);
- RDS `DescribeReservedDBInstances` (paginated; end = start + duration);
- Savings Plans `DescribeSavingsPlans` (global; followed by `nextToken`, which boto3 has no paginator for).

The keys are the ARNs the line items use in `reservation_arn` / `savings_plan_arn`, so the result plugs straight
into `bot.billing.commitments.analyse_commitments(end_dates=...)`. Failures become `CollectionError`s.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError
from botocore.parsers import ResponseParserError

from bot.aws.clients import ClientPool
from bot.aws.organizations import AccountTarget
from bot.billing.inventory import CollectionError
from bot.errors import TrackItError

Fetcher = Callable[[ClientPool, AccountTarget, str, dict[str, date]], None]


@dataclass(frozen=True)
class CommitmentEnds:
    end_dates: dict[str, date]
    errors: tuple[CollectionError, ...]


def commitment_end_dates(
    targets: Sequence[AccountTarget], regions: Sequence[str], *, pool: ClientPool | None = None
) -> CommitmentEnds:
    """End date (UTC day) of every active RI (EC2, RDS) and savings plan of `targets`, by ARN."""
    pool = pool or ClientPool()
    ends: dict[str, date] = {}
    errors: list[CollectionError] = []

    def run(fetch: Fetcher, target: AccountTarget, region: str) -> None:
        service = fetch.__name__.strip("_")
        try:
            fetch(pool, target, region, ends)
        except ClientError as exc:
            err = exc.response.get("Error", {})
            code, message = str(err.get("Code", "ClientError")), str(err.get("Message", exc))
            errors.append(CollectionError(target.account_id, region, service, code, message))
        except (BotoCoreError, ResponseParserError, TrackItError) as exc:  # an unparsable answer: one failure
            errors.append(CollectionError(target.account_id, region, service, type(exc).__name__, str(exc)))

    for target in targets:
        for region in regions:
            run(_ec2, target, region)
            run(_rds, target, region)
        run(_savingsplans, target, "global")
    return CommitmentEnds(ends, tuple(errors))


def _ec2(pool: ClientPool, target: AccountTarget, region: str, ends: dict[str, date]) -> None:
    client = pool.client(target, region, "ec2")
    response = client.describe_reserved_instances(Filters=[{"Name": "state", "Values": ["active"]}])
    for ri in response["ReservedInstances"]:
        arn = f"arn:aws:ec2:{region}:{target.account_id}:reserved-instances/{ri['ReservedInstancesId']}"
        end = ri.get("End") or ri["Start"] + timedelta(seconds=int(ri["Duration"]))
        ends[arn] = end.date()


def _rds(pool: ClientPool, target: AccountTarget, region: str, ends: dict[str, date]) -> None:
    client = pool.client(target, region, "rds")
    for page in client.get_paginator("describe_reserved_db_instances").paginate():
        for ri in page["ReservedDBInstances"]:
            if ri.get("State", "active") != "active":
                continue
            ends[ri["ReservedDBInstanceArn"]] = (ri["StartTime"] + timedelta(seconds=int(ri["Duration"]))).date()


def _savingsplans(pool: ClientPool, target: AccountTarget, region: str, ends: dict[str, date]) -> None:
    client = pool.client(target, "us-east-1", "savingsplans")  # a global service, served from us-east-1
    kwargs: dict[str, Any] = {"states": ["active"]}
    while True:
        page = client.describe_savings_plans(**kwargs)
        for plan in page.get("savingsPlans", []):
            ends[plan["savingsPlanArn"]] = datetime.fromisoformat(plan["end"].replace("Z", "+00:00")).date()
        token = page.get("nextToken")
        if not token:
            return
        kwargs["nextToken"] = token
