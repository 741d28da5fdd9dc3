"""Who created a new resource: CloudTrail LookupEvents on real botocore clients (moto has no LookupEvents, so
answers are stubbed with botocore's Stubber, and throttling is injected below botocore's retry logic), with the
bounds an alert keeps and every way a look-up is skipped without an error."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import boto3
import pytest
from botocore.awsrequest import AWSResponse
from botocore.exceptions import NoCredentialsError
from botocore.stub import Stubber

from bot.aws.cloudtrail import (
    LOOKUP_RETRY_CONFIG,
    Creation,
    LookupTarget,
    find_creators,
    names_to_try,
    region_of,
)
from bot.errors import SourceAccessDenied
from tests.aws.aws_faults import FaultInjector

A, B = "111111111111", "222222222222"
GLUE = f"arn:aws:glue:us-east-1:{A}:devEndpoint/etl-dev"
START = datetime(2018, 10, 3, tzinfo=UTC)
END = datetime(2018, 10, 11, tzinfo=UTC)
CREATED = datetime(2018, 10, 10, 14, 2, 11, tzinfo=UTC)
ALICE = f"arn:aws:iam::{A}:user/alice"


def client(region: str = "us-east-1") -> Any:
    return boto3.client(
        "cloudtrail",
        region_name=region,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=LOOKUP_RETRY_CONFIG,
    )


def event(name: str, at: datetime, arn: str = ALICE, username: str = "alice") -> dict[str, Any]:
    detail = {"eventName": name, "userIdentity": {"type": "IAMUser", "arn": arn, "userName": username}}
    return {
        "EventId": f"id-{name}-{at.timestamp():.0f}",
        "EventName": name,
        "EventTime": at,
        "Username": username,
        "CloudTrailEvent": json.dumps(detail),
    }


def asked(name: str) -> dict[str, Any]:
    return {
        "LookupAttributes": [{"AttributeKey": "ResourceName", "AttributeValue": name}],
        "StartTime": START,
        "EndTime": END,
        "MaxResults": 50,
    }


class Clients:
    """One stubbed real client per (account, region), recording which ones were asked for."""

    def __init__(self) -> None:
        self.clients: dict[tuple[str, str], Any] = {}
        self.stubbers: dict[tuple[str, str], Stubber] = {}
        self.asked: list[tuple[str, str]] = []

    def stub(self, account: str, region: str) -> Stubber:
        c = self.clients[(account, region)] = client(region)
        stubber = self.stubbers[(account, region)] = Stubber(c)
        return stubber

    def __call__(self, account: str, region: str) -> Any:
        self.asked.append((account, region))
        return self.clients[(account, region)]

    def activate(self) -> None:
        for s in self.stubbers.values():
            s.activate()

    def assert_done(self) -> None:
        for s in self.stubbers.values():
            s.assert_no_pending_responses()


def test_the_creation_event_names_who_when_and_how() -> None:
    clients = Clients()
    stub = clients.stub(A, "us-east-1")
    # The ARN finds nothing (Glue names its resources by name in events); the name finds the creation and a
    # later update: the earliest creating event wins, not the newest event.
    stub.add_response("lookup_events", {"Events": []}, asked(GLUE))
    stub.add_response(
        "lookup_events",
        {
            "Events": [
                event("UpdateDevEndpoint", datetime(2018, 10, 10, 16, 0, tzinfo=UTC)),
                event("CreateDevEndpoint", CREATED),
            ]
        },
        asked("etl-dev"),
    )
    clients.activate()
    found = find_creators([LookupTarget(GLUE, A, "us-east-1")], clients, start=START, end=END)
    clients.assert_done()
    assert found.creations == (Creation(GLUE, ALICE, CREATED, "CreateDevEndpoint", A, "us-east-1"),)
    assert [(x.outcome, x.calls) for x in found.lookups] == [("found", 2)]


def test_access_denied_skips_that_account_and_the_others_go_on() -> None:
    clients = Clients()
    denied = clients.stub(A, "us-east-1")
    denied.add_client_error("lookup_events", "AccessDeniedException", "not authorized", 400)
    other = clients.stub(B, "eu-west-1")
    other.add_response(
        "lookup_events", {"Events": [event("RunInstances", CREATED, f"arn:aws:sts::{B}:assumed-role/ci/bot")]}
    )
    clients.activate()
    targets = [
        LookupTarget("i-0aaa", A, "us-east-1"),
        LookupTarget("i-0bbb", A, "us-east-1"),  # same account: not asked again
        LookupTarget("i-0ccc", B, "eu-west-1"),
    ]
    found = find_creators(targets, clients, start=START, end=END)
    clients.assert_done()
    assert [(x.resource, x.outcome, x.calls) for x in found.lookups] == [
        ("i-0aaa", "access denied", 1),
        ("i-0bbb", "access denied", 0),
        ("i-0ccc", "found", 1),
    ]
    assert [(c.resource, c.actor, c.event_name) for c in found.creations] == [
        ("i-0ccc", f"arn:aws:sts::{B}:assumed-role/ci/bot", "RunInstances")
    ]


def test_throttling_after_the_retry_budget_stops_the_look_ups() -> None:
    throttled = client()
    faults = FaultInjector({"LookupEvents"}, times=99)
    faults.attach(throttled)
    calls: list[str] = []

    def client_for(account: str, region: str) -> Any:
        calls.append(account)
        return throttled

    targets = [LookupTarget("i-0aaa", A, "us-east-1"), LookupTarget("i-0bbb", A, "us-east-1")]
    found = find_creators(targets, client_for, start=START, end=END)
    assert [(x.outcome, x.calls) for x in found.lookups] == [("throttled", 1), ("throttled", 0)]
    assert faults.total() == 3  # the client's own retries (3 attempts) ran, then the look-ups gave up
    assert found.creations == () and calls == [A]


def test_a_throttled_attempt_is_retried_by_botocore_and_then_answers() -> None:
    """Below the retry logic: the first attempt is throttled, the second gets LookupEvents' JSON answer."""
    c = client()
    answered = {"n": 0}

    class Body:
        def __init__(self, data: bytes) -> None:
            self.data = data

        def stream(self, **_: Any) -> Any:
            yield self.data

    def before_send(**_: Any) -> AWSResponse:
        answered["n"] += 1
        if answered["n"] == 1:
            body = json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"}).encode()
            return AWSResponse("https://x.invalid/", 400, {"x-amzn-ErrorType": "ThrottlingException"}, Body(body))
        ev = {**event("RunInstances", CREATED), "EventTime": CREATED.timestamp()}
        return AWSResponse("https://x.invalid/", 200, {}, Body(json.dumps({"Events": [ev]}).encode()))

    c.meta.events.register("before-send.cloudtrail.LookupEvents", before_send)
    found = find_creators([LookupTarget("i-0aaa", A, "us-east-1")], lambda a, r: c, start=START, end=END)
    assert answered["n"] == 2
    assert found.creations == (Creation("i-0aaa", ALICE, CREATED, "RunInstances", A, "us-east-1"),)


def test_no_region_no_credentials_and_a_refused_role_are_skipped_cleanly() -> None:
    def no_credentials(account: str, region: str) -> Any:
        raise NoCredentialsError()

    targets = [
        LookupTarget("cloudfront-dist", A, "global"),  # a global charge names no region: nothing to ask
        LookupTarget("i-0aaa", A, "us-east-1"),
        LookupTarget("i-0bbb", A, "us-east-1"),
    ]
    found = find_creators(targets, no_credentials, start=START, end=END)
    assert [(x.outcome, x.calls) for x in found.lookups] == [
        ("no region", 0),
        ("no credentials", 1),
        ("no credentials", 0),
    ]

    def refused(account: str, region: str) -> Any:
        raise SourceAccessDenied("could not assume role", hint="trust policy")

    found = find_creators([LookupTarget("i-0aaa", A, "us-east-1")], refused, start=START, end=END)
    assert [(x.outcome, x.calls) for x in found.lookups] == [("access denied", 1)]


def test_an_unreachable_endpoint_is_not_waited_for_once_per_resource() -> None:
    c = boto3.client(
        "cloudtrail",
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",  # the discard port: nothing listens, the connection is refused
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=LOOKUP_RETRY_CONFIG,
    )
    targets = [LookupTarget("i-0aaa", A, "us-east-1"), LookupTarget("i-0bbb", B, "us-east-1")]
    found = find_creators(targets, lambda a, r: c, start=START, end=END)
    assert [(x.outcome, x.calls) for x in found.lookups] == [("unreachable", 1), ("unreachable", 0)]


def test_an_alert_makes_a_bounded_number_of_calls() -> None:
    clients = Clients()
    stub = clients.stub(A, "us-east-1")
    for _ in range(8):
        stub.add_response("lookup_events", {"Events": []})
    clients.activate()
    arns = [f"arn:aws:glue:us-east-1:{A}:devEndpoint/e{i}" for i in range(7)]
    found = find_creators([LookupTarget(a, A, "") for a in arns], clients, start=START, end=END)
    clients.assert_done()
    assert found.calls == 8  # MAX_CALLS, spread over the first MAX_RESOURCES resources (ARN, then name)
    assert [(x.outcome, x.calls) for x in found.lookups] == [
        ("not found", 2),
        ("not found", 2),
        ("not found", 2),
        ("not found", 2),
        ("over budget", 0),
        ("over budget", 0),
        ("over budget", 0),
    ]
    assert {x.region for x in found.lookups} == {"us-east-1"}  # taken from the ARN when the bill has none


@pytest.mark.parametrize(
    ("resource", "names"),
    [
        (GLUE, [GLUE, "etl-dev"]),
        (f"arn:aws:rds:us-east-1:{A}:db:legacy", [f"arn:aws:rds:us-east-1:{A}:db:legacy", "legacy"]),
        ("i-0aaa", ["i-0aaa"]),
    ],
)
def test_what_cloudtrail_may_call_a_resource(resource: str, names: list[str]) -> None:
    assert names_to_try(resource) == names


def test_the_region_comes_from_the_bill_else_the_arn() -> None:
    assert region_of(LookupTarget("i-1", A, "eu-west-3")) == "eu-west-3"
    assert region_of(LookupTarget(GLUE, A, "global")) == "us-east-1"
    assert region_of(LookupTarget("dist-1", A, "global")) == ""
