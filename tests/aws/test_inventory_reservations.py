"""Reservation and savings plan end dates. moto has no DescribeReservedInstances, DescribeReservedDBInstances or
Savings Plans, so the real clients are stubbed (botocore Stubber) behind the same ClientPool."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from botocore.stub import Stubber

from bot.aws.clients import ClientPool
from bot.aws.organizations import AccountTarget
from bot.aws.reservations import commitment_end_dates
from bot.aws.session import AwsIdentity
from bot.billing.commitments import analyse_commitments
from tests.support.moto_server import MotoServer

pytestmark = pytest.mark.aws
ACCOUNT = "111122223333"


def test_end_dates_of_reserved_instances_databases_and_savings_plans(aws: MotoServer) -> None:
    stubbers: list[Stubber] = []

    def on_client(client: Any) -> None:
        service = client.meta.service_model.service_name
        stubber = Stubber(client)
        if service == "ec2":
            stubber.add_response(
                "describe_reserved_instances",
                {
                    "ReservedInstances": [
                        {
                            "ReservedInstancesId": "r-1",
                            "Start": datetime(2025, 12, 10, tzinfo=UTC),
                            "Duration": 31536000,
                            "End": datetime(2026, 12, 10, tzinfo=UTC),
                        }
                    ]
                },
                {"Filters": [{"Name": "state", "Values": ["active"]}]},
            )
        elif service == "rds":
            db = {
                "ReservedDBInstanceArn": f"arn:aws:rds:us-east-1:{ACCOUNT}:ri:db-1",
                "StartTime": datetime(2024, 1, 1, tzinfo=UTC),
                "Duration": 94608000,
                "State": "active",
            }
            old = db | {"ReservedDBInstanceArn": "arn:old", "State": "retired"}
            stubber.add_response("describe_reserved_db_instances", {"ReservedDBInstances": [old], "Marker": "m1"}, {})
            stubber.add_response("describe_reserved_db_instances", {"ReservedDBInstances": [db]}, {"Marker": "m1"})
        elif service == "savingsplans":
            plan = {
                "savingsPlanArn": f"arn:aws:savingsplans::{ACCOUNT}:savingsplan/sp-1",
                "end": "2026-12-01T00:00:00Z",
            }
            stubber.add_response(
                "describe_savings_plans", {"savingsPlans": [], "nextToken": "n1"}, {"states": ["active"]}
            )
            stubber.add_response(
                "describe_savings_plans", {"savingsPlans": [plan]}, {"states": ["active"], "nextToken": "n1"}
            )
        stubber.activate()
        stubbers.append(stubber)

    ends = commitment_end_dates(
        [AccountTarget(ACCOUNT, "a", AwsIdentity())], ["us-east-1"], pool=ClientPool(on_client=on_client)
    )

    assert ends.errors == ()
    assert ends.end_dates == {
        f"arn:aws:ec2:us-east-1:{ACCOUNT}:reserved-instances/r-1": date(2026, 12, 10),
        f"arn:aws:rds:us-east-1:{ACCOUNT}:ri:db-1": date(2026, 12, 31),  # 2024-01-01 + 3 x 365 days
        f"arn:aws:savingsplans::{ACCOUNT}:savingsplan/sp-1": date(2026, 12, 1),
    }
    for stubber in stubbers:
        stubber.assert_no_pending_responses()
    report = analyse_commitments([], today=date(2026, 11, 27), end_dates=ends.end_dates)
    assert [(e.kind, e.days_left) for e in report.expiring] == [("SP", 4), ("RI", 13)]


def test_a_service_error_is_reported_and_the_rest_kept(aws: MotoServer) -> None:
    def on_client(client: Any) -> None:
        stubber = Stubber(client)
        service = client.meta.service_model.service_name
        if service == "ec2":
            stubber.add_client_error("describe_reserved_instances", "UnauthorizedOperation", "not allowed", 403)
        elif service == "rds":
            stubber.add_response("describe_reserved_db_instances", {"ReservedDBInstances": []}, {})
        else:
            stubber.add_response("describe_savings_plans", {"savingsPlans": []}, {"states": ["active"]})
        stubber.activate()

    ends = commitment_end_dates(
        [AccountTarget(ACCOUNT, "a", AwsIdentity())], ["eu-west-1"], pool=ClientPool(on_client=on_client)
    )
    assert [(e.region, e.service, e.code) for e in ends.errors] == [("eu-west-1", "ec2", "UnauthorizedOperation")]
    assert ends.end_dates == {}
