"""CloudWatch daily series against moto in server mode (metrics put by the test), batches of 500 queries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import ANY, Stubber

from bot.aws.clients import ClientPool
from bot.aws.metrics import METRICS, collect_metrics
from bot.aws.organizations import AccountTarget
from bot.aws.session import AwsIdentity
from bot.billing.inventory import Resource, ResourceKind
from tests.aws.aws_faults import FaultInjector
from tests.support.moto_server import MotoServer

pytestmark = pytest.mark.aws

TODAY = datetime.now(UTC).date()


def _target() -> AccountTarget:
    return AccountTarget(boto3.client("sts").get_caller_identity()["Account"], "main", AwsIdentity())


def _instance(account: str, n: int) -> Resource:
    return Resource(
        account,
        "us-east-1",
        ResourceKind.EC2,
        f"i-{n:017x}",
        f"arn:aws:ec2:us-east-1:{account}:instance/i-{n:017x}",
        type="m5.large",
        state="running",
    )


def _put(namespace: str, metric: str, dimensions: dict[str, str], daily: dict[date, list[float]]) -> None:
    data = [
        {
            "MetricName": metric,
            "Dimensions": [{"Name": k, "Value": v} for k, v in dimensions.items()],
            "Timestamp": datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=h * 5 + 1),
            "Value": value,
        }
        for day, values in daily.items()
        for h, value in enumerate(values)
    ]
    cw = boto3.client("cloudwatch")
    for start in range(0, len(data), 500):
        cw.put_metric_data(Namespace=namespace, MetricData=data[start : start + 500])


def test_daily_series_with_unknown_days_and_unpublished_metrics(aws: MotoServer) -> None:
    target = _target()
    ec2 = _instance(target.account_id, 1)
    db = Resource(target.account_id, "us-east-1", ResourceKind.RDS, "orders", "arn:db", type="db.m5.large")
    fn = Resource(target.account_id, "us-east-1", ResourceKind.LAMBDA, "resize", "arn:fn")
    days = [TODAY - timedelta(days=k) for k in range(14, 0, -1)]
    missing = {days[3], days[9]}
    cpu = {d: [2.0 + i, 4.0 + i, 30.0] for i, d in enumerate(days) if d not in missing}
    _put("AWS/EC2", "CPUUtilization", {"InstanceId": ec2.resource_id}, cpu)
    _put("AWS/EC2", "NetworkIn", {"InstanceId": ec2.resource_id}, {d: [1000.0, 500.0] for d in days})
    _put("AWS/RDS", "CPUUtilization", {"DBInstanceIdentifier": "orders"}, {days[-1]: [50.0, 70.0]})
    _put("AWS/Lambda", "Invocations", {"FunctionName": "resize"}, {days[-2]: [3.0, 4.0]})

    result = collect_metrics([ec2, db, fn], [target], days=14, today=TODAY)

    assert result.errors == ()
    assert result.days == tuple(days)
    m = result.for_resource(ec2)
    assert m is not None
    avg = dict(m.series["cpu_avg"])
    peak = dict(m.series["cpu_max"])
    for i, d in enumerate(days):
        if d in missing:
            assert avg[d] is None and peak[d] is None  # unknown, not 0
        else:
            assert avg[d] == pytest.approx((2.0 + i + 4.0 + i + 30.0) / 3)
            assert peak[d] == 30.0
    assert [v for _, v in m.series["network_in"]] == [1500.0] * 14
    assert all(v is None for _, v in m.series["mem_used_pct"])  # no CloudWatch agent: unknown
    assert m.known("cpu_avg", 7) == [v for d, v in avg.items() if d >= days[7] and v is not None]
    rds = result.for_resource(db)
    assert rds is not None and dict(rds.series["cpu_max"])[days[-1]] == 70.0
    assert dict(rds.series["cpu_avg"])[days[-1]] == 60.0
    lam = result.for_resource(fn)
    assert lam is not None and dict(lam.series["invocations"])[days[-2]] == 7.0
    assert result.series == 7 + 4 + 3


def test_series_are_fetched_500_to_a_call_and_throttling_is_retried(aws: MotoServer) -> None:
    target = _target()
    instances = [_instance(target.account_id, n) for n in range(150)]  # 150 x 7 = 1,050 series
    _put("AWS/EC2", "CPUUtilization", {"InstanceId": instances[149].resource_id}, {TODAY - timedelta(days=1): [5.0]})
    faults = FaultInjector({"GetMetricData"}, code="ThrottlingException")
    pool = ClientPool(on_client=faults.attach)

    result = collect_metrics(instances, [target], days=30, today=TODAY, pool=pool)

    assert result.errors == ()
    assert result.series == 1050
    assert result.api_calls == {"cloudwatch": 3}  # ceil(1050 / 500)
    assert result.calls_per_100_series == pytest.approx(100 * 3 / 1050)
    assert faults.total() == 1 and result.retries == {"cloudwatch": 1}
    last = result.for_resource(instances[149])
    assert last is not None and last.series["cpu_avg"][-1] == (TODAY - timedelta(days=1), 5.0)
    assert len(last.series["cpu_avg"]) == 30


def test_next_token_pages_are_merged(aws: MotoServer) -> None:
    target = _target()
    fn = Resource(target.account_id, "us-east-1", ResourceKind.LAMBDA, "resize", "arn:fn")
    d1, d2 = TODAY - timedelta(days=2), TODAY - timedelta(days=1)

    def ts(d: date) -> datetime:
        return datetime.combine(d, datetime.min.time(), tzinfo=UTC)

    def on_client(client: Any) -> None:
        stubber = Stubber(client)
        ids = [f"q{n}" for n in range(len(METRICS[ResourceKind.LAMBDA]))]
        first = [{"Id": "q0", "Timestamps": [ts(d1)], "Values": [10.0], "StatusCode": "PartialData"}]
        second = [{"Id": "q0", "Timestamps": [ts(d2)], "Values": [20.0], "StatusCode": "Complete"}]
        second += [{"Id": i, "Timestamps": [], "Values": [], "StatusCode": "Complete"} for i in ids[1:]]
        params = {"MetricDataQueries": ANY, "StartTime": ANY, "EndTime": ANY, "ScanBy": "TimestampAscending"}
        stubber.add_response("get_metric_data", {"MetricDataResults": first, "NextToken": "more"}, params)
        stubber.add_response("get_metric_data", {"MetricDataResults": second}, params | {"NextToken": "more"})
        stubber.activate()

    result = collect_metrics([fn], [target], days=3, today=TODAY, pool=ClientPool(on_client=on_client))
    m = result.for_resource(fn)
    assert m is not None
    assert m.series["invocations"] == ((TODAY - timedelta(days=3), None), (d1, 10.0), (d2, 20.0))


def test_a_denied_region_leaves_its_series_unknown_and_is_reported(aws: MotoServer) -> None:
    target = _target()
    here = _instance(target.account_id, 1)
    there = Resource(target.account_id, "eu-west-1", ResourceKind.EC2, "i-eu", "arn", type="t3.micro")
    denied = FaultInjector(
        {"GetMetricData"},
        code="AccessDeniedException",
        status=403,
        times=9,
        when=lambda c: c.meta.region_name == "eu-west-1",
    )
    result = collect_metrics([here, there], [target], days=3, today=TODAY, pool=ClientPool(on_client=denied.attach))
    assert [(e.region, e.code) for e in result.errors] == [("eu-west-1", "AccessDeniedException")]
    m = result.for_resource(there)
    assert m is not None and all(v is None for series in m.series.values() for _, v in series)
