"""Daily CloudWatch utilisation of inventoried resources, fetched with GetMetricData in batches.

One GetMetricData call carries up to 500 metric queries (one query = one series: a metric of one resource with
one statistic), so a region with 1,000 series costs 2 calls (plus NextToken pages when the answer exceeds
100,800 datapoints, which 500 series of 30 daily points never do). See
https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html

Each series has one entry per UTC day of the window; a day without a datapoint is `None` ("unknown"). A metric
that was never published (memory without the CloudWatch agent) is all `None`: it must not read as idle.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from bot.aws.clients import ClientPool
from bot.aws.organizations import AccountTarget
from bot.billing.inventory import CollectionError, DailyPoint, Resource, ResourceKind, ResourceMetrics
from bot.errors import TrackItError

#: GetMetricData accepts at most 500 MetricDataQuery structures per call.
MAX_QUERIES_PER_CALL = 500
DAY = 86_400


@dataclass(frozen=True)
class MetricSpec:
    """One series per resource: `name` is ours (stable), the rest is CloudWatch's."""

    name: str
    namespace: str
    metric: str
    stat: str
    dimension: str  # the dimension whose value is the resource id


def _specs(namespace: str, dimension: str, *items: tuple[str, str, str]) -> tuple[MetricSpec, ...]:
    return tuple(MetricSpec(name, namespace, metric, stat, dimension) for name, metric, stat in items)


#: Metric names used by the domain rules: cpu_avg, cpu_max, network_in, network_out, disk_read, disk_write,
#: mem_used_pct, free_storage, freeable_memory, invocations, errors, duration.
METRICS: Mapping[ResourceKind, tuple[MetricSpec, ...]] = {
    ResourceKind.EC2: _specs(
        "AWS/EC2",
        "InstanceId",
        ("cpu_avg", "CPUUtilization", "Average"),
        ("cpu_max", "CPUUtilization", "Maximum"),
        ("network_in", "NetworkIn", "Sum"),
        ("network_out", "NetworkOut", "Sum"),
        ("disk_read", "EBSReadBytes", "Sum"),
        ("disk_write", "EBSWriteBytes", "Sum"),
    )
    # The CloudWatch agent publishes memory only where it is installed (and with the InstanceId dimension).
    + _specs("CWAgent", "InstanceId", ("mem_used_pct", "mem_used_percent", "Average")),
    ResourceKind.RDS: _specs(
        "AWS/RDS",
        "DBInstanceIdentifier",
        ("cpu_avg", "CPUUtilization", "Average"),
        ("cpu_max", "CPUUtilization", "Maximum"),
        ("free_storage", "FreeStorageSpace", "Minimum"),
        ("freeable_memory", "FreeableMemory", "Minimum"),
    ),
    ResourceKind.OPENSEARCH: _specs(
        "AWS/ES",
        "DomainName",
        ("cpu_avg", "CPUUtilization", "Average"),
        ("cpu_max", "CPUUtilization", "Maximum"),
        ("free_storage", "FreeStorageSpace", "Minimum"),
    ),
    ResourceKind.ELASTICACHE: _specs(
        "AWS/ElastiCache",
        "CacheClusterId",
        ("cpu_avg", "CPUUtilization", "Average"),
        ("cpu_max", "CPUUtilization", "Maximum"),
        ("mem_used_pct", "DatabaseMemoryUsagePercentage", "Average"),
    ),
    ResourceKind.LAMBDA: _specs(
        "AWS/Lambda",
        "FunctionName",
        ("invocations", "Invocations", "Sum"),
        ("errors", "Errors", "Sum"),
        ("duration", "Duration", "Average"),
    ),
}


@dataclass(frozen=True)
class MetricsResult:
    """Daily series per resource (by `Resource.key`), the window's days, failures, and the calls it took."""

    metrics: Mapping[tuple[str, str, ResourceKind, str], ResourceMetrics]
    days: tuple[date, ...]
    errors: tuple[CollectionError, ...] = ()
    series: int = 0
    api_calls: Mapping[str, int] = field(default_factory=dict)
    retries: Mapping[str, int] = field(default_factory=dict)

    def for_resource(self, resource: Resource) -> ResourceMetrics | None:
        return self.metrics.get(resource.key)

    @property
    def calls_per_100_series(self) -> float:
        return 100.0 * self.api_calls.get("cloudwatch", 0) / self.series if self.series else 0.0


def _dimensions(resource: Resource, spec: MetricSpec) -> list[dict[str, str]]:
    dims = [{"Name": spec.dimension, "Value": resource.resource_id}]
    if spec.namespace == "AWS/ES":  # OpenSearch metrics are keyed by domain and owning account
        dims.append({"Name": "ClientId", "Value": resource.account_id})
    return dims


def collect_metrics(
    resources: Sequence[Resource],
    targets: Sequence[AccountTarget],
    *,
    days: int = 30,
    today: date | None = None,
    pool: ClientPool | None = None,
    max_workers: int = 8,
    batch_size: int = MAX_QUERIES_PER_CALL,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> MetricsResult:
    """Daily series of the last `days` full UTC days (ending yesterday) for every resource with metrics.

    Resources of accounts not in `targets` are skipped. Failures per (account, region) become `CollectionError`
    and leave those resources' series all unknown; nothing raises for AWS failures.
    """
    if not 1 <= batch_size <= MAX_QUERIES_PER_CALL:
        raise ValueError(f"batch_size must be 1..{MAX_QUERIES_PER_CALL}, not {batch_size}")
    pool = pool or ClientPool()
    end_day = today or now().date()
    window = tuple(end_day - timedelta(days=days - n) for n in range(days))
    by_account = {t.account_id: t for t in targets}
    groups: dict[tuple[str, str], list[Resource]] = defaultdict(list)
    for r in resources:
        if r.kind in METRICS and r.account_id in by_account:
            groups[(r.account_id, r.region)].append(r)

    values: dict[tuple[tuple[str, str, ResourceKind, str], str], dict[date, float]] = {}
    errors: list[CollectionError] = []
    series = 0
    with ThreadPoolExecutor(max_workers=max(1, max_workers), thread_name_prefix="metrics") as executor:
        futures = []
        for (account, region), members in sorted(groups.items()):
            queries = [(r, s) for r in members for s in METRICS[r.kind]]
            series += len(queries)
            for start in range(0, len(queries), batch_size):
                batch = queries[start : start + batch_size]
                futures.append(
                    ((account, region), executor.submit(_fetch, pool, by_account[account], region, batch, window))
                )
        failed: set[tuple[str, str]] = set()
        for (account, region), future in futures:
            try:
                values.update(future.result())
            except _FetchError as exc:
                if (account, region) not in failed:
                    failed.add((account, region))
                    errors.append(CollectionError(account, region, "cloudwatch:GetMetricData", exc.code, str(exc)))

    metrics: dict[tuple[str, str, ResourceKind, str], ResourceMetrics] = {}
    for members in groups.values():
        for r in members:
            series_of: dict[str, tuple[DailyPoint, ...]] = {}
            for spec in METRICS[r.kind]:
                points = values.get((r.key, spec.name), {})
                series_of[spec.name] = tuple((d, points.get(d)) for d in window)
            metrics[r.key] = ResourceMetrics(r, series_of)
    return MetricsResult(
        metrics=metrics,
        days=window,
        errors=tuple(sorted(errors, key=lambda e: (e.account_id, e.region))),
        series=series,
        api_calls=pool.counter.snapshot(),
        retries=pool.counter.retries(),
    )


class _FetchError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def _fetch(
    pool: ClientPool,
    target: AccountTarget,
    region: str,
    batch: Sequence[tuple[Resource, MetricSpec]],
    window: tuple[date, ...],
) -> dict[tuple[tuple[str, str, ResourceKind, str], str], dict[date, float]]:
    """One batch of up to 500 series, every NextToken page merged; values keyed by (resource key, metric)."""
    ids = {f"q{n}": pair for n, pair in enumerate(batch)}
    queries = [
        {
            "Id": qid,
            "MetricStat": {
                "Metric": {"Namespace": spec.namespace, "MetricName": spec.metric, "Dimensions": _dimensions(r, spec)},
                "Period": DAY,
                "Stat": spec.stat,
            },
            "ReturnData": True,
        }
        for qid, (r, spec) in ids.items()
    ]
    start = datetime.combine(window[0], datetime.min.time(), tzinfo=UTC)
    end = datetime.combine(window[-1] + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    out: dict[tuple[tuple[str, str, ResourceKind, str], str], dict[date, float]] = {}
    try:
        client = pool.client(target, region, "cloudwatch")
        for page in _pages(client, queries, start, end):
            for result in page.get("MetricDataResults", []):
                r, spec = ids[result["Id"]]
                points = out.setdefault((r.key, spec.name), {})
                for ts, value in zip(result.get("Timestamps", []), result.get("Values", []), strict=False):
                    points[ts.astimezone(UTC).date()] = float(value)
    except ClientError as exc:
        err = exc.response.get("Error", {})
        raise _FetchError(str(err.get("Code", "ClientError")), str(err.get("Message", exc))) from exc
    except (BotoCoreError, TrackItError) as exc:
        raise _FetchError(type(exc).__name__, str(exc)) from exc
    return out


def _pages(client: Any, queries: list[dict[str, Any]], start: datetime, end: datetime) -> Iterator[dict[str, Any]]:
    paginator = client.get_paginator("get_metric_data")
    yield from paginator.paginate(MetricDataQueries=queries, StartTime=start, EndTime=end, ScanBy="TimestampAscending")
