"""Inventory of every account and enabled region: EC2, EBS volumes and snapshots, Elastic IPs, RDS, OpenSearch,
ElastiCache and Lambda, with their tags.

Every list call that AWS paginates goes through a boto3 paginator (the two that AWS does not paginate,
`DescribeAddresses` and `ListDomainNames`, return everything in one response). Work runs on a bounded thread
pool, one task per (account, region, kind); clients use botocore's standard retries, so throttling is retried
with backoff instead of failing the task. A task that still fails (a region or service denied, an account whose
role cannot be assumed, an endpoint unreachable) becomes a `CollectionError` in the result, never an exception.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from bot.aws.clients import ClientPool
from bot.aws.organizations import AccountTarget
from bot.billing.inventory import CollectionError, Inventory, Resource, ResourceKind
from bot.errors import TrackItError

log = logging.getLogger(__name__)

ALL_KINDS: frozenset[ResourceKind] = frozenset(ResourceKind)
#: Called as tasks finish with (tasks done, tasks known so far); the total grows as accounts' regions are found.
Progress = Callable[[int, int], None]

#: Page-size limits of each paginated operation (AWS rejects a smaller MaxResults/MaxRecords than the minimum).
_PAGE_LIMITS: dict[str, tuple[int, int]] = {
    "describe_instances": (5, 1000),
    "describe_volumes": (5, 500),
    "describe_snapshots": (5, 1000),
    "describe_db_instances": (20, 100),
    "describe_cache_clusters": (20, 100),
    "list_functions": (1, 50),
}


@dataclass(frozen=True)
class InventoryOptions:
    """What to collect. Empty `regions`: every region enabled in each account (`DescribeRegions`).

    `page_size` forces smaller pages than the services' defaults (tests and benchmarks); it is clamped to each
    operation's allowed range.
    """

    regions: tuple[str, ...] = ()
    kinds: frozenset[ResourceKind] = ALL_KINDS
    max_workers: int = 8
    page_size: int | None = None


@dataclass
class _Pages:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, operation: str) -> None:
        # dict += on distinct keys from several threads is safe enough for a diagnostic count under the GIL
        self.counts[operation] = self.counts.get(operation, 0) + 1


def collect_inventory(
    targets: Sequence[AccountTarget],
    options: InventoryOptions = InventoryOptions(),
    *,
    pool: ClientPool | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    page_counts: dict[str, int] | None = None,
    progress: Progress | None = None,
) -> Inventory:
    """Collect every resource of `targets` x regions x `options.kinds` with at most `options.max_workers` threads.

    `page_counts` (when given) receives the number of pages fetched per operation (for tests and benchmarks);
    `progress(done, total)` is called as each (account, region, kind) task's result is taken.
    Never raises for AWS failures: each failed account, region or service is one `CollectionError`. Resources
    are ordered by (account, region, kind, id) so two runs over the same estate compare equal.
    """
    pool = pool or ClientPool()
    pages = _Pages()
    errors: list[CollectionError] = []
    resources: list[Resource] = []
    reached: dict[str, tuple[str, ...]] = {}
    with ThreadPoolExecutor(max_workers=max(1, options.max_workers), thread_name_prefix="inventory") as executor:
        region_futures = {t.account_id: executor.submit(_regions, pool, t, options) for t in targets}
        tasks = []
        for target in targets:
            try:
                regions = region_futures[target.account_id].result()
            except _TaskFailedError as failure:
                errors.append(failure.error)
                continue
            reached[target.account_id] = regions
            for region in regions:
                for kind in sorted(options.kinds):
                    tasks.append(
                        executor.submit(_collect_kind, pool, target, region, kind, options=options, pages=pages)
                    )
        for done, task in enumerate(tasks, start=1):
            try:
                resources.extend(task.result())
            except _TaskFailedError as failure:
                errors.append(failure.error)
            if progress is not None:
                progress(done, len(tasks))
    if page_counts is not None:
        page_counts.update(pages.counts)
    resources.sort(key=lambda r: (r.account_id, r.region, r.kind.value, r.resource_id))
    errors.sort(key=lambda e: (e.account_id, e.region, e.service))
    return Inventory(
        resources=tuple(resources),
        errors=tuple(errors),
        api_calls=pool.counter.snapshot(),
        retries=pool.counter.retries(),
        collected_at=now(),
        regions=reached,
    )


# ------------------------------------------------------------------------------------------------ tasks


class _TaskFailedError(Exception):
    def __init__(self, error: CollectionError) -> None:
        super().__init__(error.message)
        self.error = error


def _guard(target: AccountTarget, region: str, service: str, fn: Callable[[], Any]) -> Any:
    """Run `fn`, turning AWS and credential failures into `_TaskFailedError` (programming errors propagate)."""
    try:
        return fn()
    except ClientError as exc:
        err = exc.response.get("Error", {})
        code, message = str(err.get("Code", "ClientError")), str(err.get("Message", exc))
    except BotoCoreError as exc:
        code, message = type(exc).__name__, str(exc)
    except TrackItError as exc:  # SourceAccessDenied from assume-role
        code, message = type(exc).__name__, str(exc)
    log.warning("inventory: %s %s %s failed: %s", target.account_id, region, service, code)
    raise _TaskFailedError(CollectionError(target.account_id, region, service, code, message))


def _regions(pool: ClientPool, target: AccountTarget, options: InventoryOptions) -> tuple[str, ...]:
    if options.regions:
        return options.regions
    home = target.identity.region or "us-east-1"

    def call() -> tuple[str, ...]:
        response = pool.client(target, home, "ec2").describe_regions()
        return tuple(sorted(r["RegionName"] for r in response["Regions"]))

    return _guard(target, "*", "ec2:DescribeRegions", call)  # type: ignore[no-any-return]


_SERVICE_OF_KIND = {
    ResourceKind.EC2: "ec2",
    ResourceKind.EBS: "ec2",
    ResourceKind.SNAPSHOT: "ec2",
    ResourceKind.EIP: "ec2",
    ResourceKind.RDS: "rds",
    ResourceKind.OPENSEARCH: "opensearch",
    ResourceKind.ELASTICACHE: "elasticache",
    ResourceKind.LAMBDA: "lambda",
}


def _collect_kind(
    pool: ClientPool,
    target: AccountTarget,
    region: str,
    kind: ResourceKind,
    *,
    options: InventoryOptions,
    pages: _Pages,
) -> list[Resource]:
    service = _SERVICE_OF_KIND[kind]
    ctx = _Context(target.account_id, region, options.page_size, pages)

    def call() -> list[Resource]:
        client = pool.client(target, region, service)
        return list(_COLLECTORS[kind](client, ctx))

    return _guard(target, region, f"{service}:{kind.value}", call)  # type: ignore[no-any-return]


@dataclass(frozen=True)
class _Context:
    account_id: str
    region: str
    page_size: int | None
    pages: _Pages

    def paginate(self, client: Any, operation: str, **kwargs: Any) -> Iterator[dict[str, Any]]:
        config: dict[str, int] = {}
        if self.page_size:
            low, high = _PAGE_LIMITS.get(operation, (1, 1000))
            config["PageSize"] = min(max(self.page_size, low), high)
        for page in client.get_paginator(operation).paginate(PaginationConfig=config, **kwargs):
            self.pages.add(operation)
            yield page

    def arn(self, service: str, path: str) -> str:
        return f"arn:aws:{service}:{self.region}:{self.account_id}:{path}"


def _tags(items: Iterable[dict[str, Any]] | None) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(t["Key"]), str(t.get("Value", ""))) for t in items or ()))


def _name(tags: tuple[tuple[str, str], ...]) -> str:
    return dict(tags).get("Name", "")


def _ec2(client: Any, ctx: _Context) -> Iterator[Resource]:
    # Terminated instances linger for about an hour and cost nothing: leave them out.
    live = ["pending", "running", "shutting-down", "stopping", "stopped"]
    for page in ctx.paginate(client, "describe_instances", Filters=[{"Name": "instance-state-name", "Values": live}]):
        for reservation in page["Reservations"]:
            for i in reservation["Instances"]:
                tags = _tags(i.get("Tags"))
                yield Resource(
                    account_id=ctx.account_id,
                    region=ctx.region,
                    kind=ResourceKind.EC2,
                    resource_id=i["InstanceId"],
                    arn=ctx.arn("ec2", f"instance/{i['InstanceId']}"),
                    name=_name(tags),
                    type=i.get("InstanceType", ""),
                    state=i.get("State", {}).get("Name", ""),
                    created=i.get("LaunchTime"),
                    tags=tags,
                )


def _ebs(client: Any, ctx: _Context) -> Iterator[Resource]:
    for page in ctx.paginate(client, "describe_volumes"):
        for v in page["Volumes"]:
            tags = _tags(v.get("Tags"))
            yield Resource(
                account_id=ctx.account_id,
                region=ctx.region,
                kind=ResourceKind.EBS,
                resource_id=v["VolumeId"],
                arn=ctx.arn("ec2", f"volume/{v['VolumeId']}"),
                name=_name(tags),
                type=v.get("VolumeType", ""),
                size=str(v.get("Size", "")),
                state=v.get("State", ""),
                attached=bool(v.get("Attachments")),
                created=v.get("CreateTime"),
                tags=tags,
            )


def _snapshots(client: Any, ctx: _Context) -> Iterator[Resource]:
    for page in ctx.paginate(client, "describe_snapshots", OwnerIds=["self"]):
        for s in page["Snapshots"]:
            tags = _tags(s.get("Tags"))
            yield Resource(
                account_id=ctx.account_id,
                region=ctx.region,
                kind=ResourceKind.SNAPSHOT,
                resource_id=s["SnapshotId"],
                arn=ctx.arn("ec2", f"snapshot/{s['SnapshotId']}"),
                name=_name(tags),
                size=str(s.get("VolumeSize", "")),
                state=s.get("State", ""),
                created=s.get("StartTime"),
                tags=tags,
            )


def _eips(client: Any, ctx: _Context) -> Iterator[Resource]:
    # DescribeAddresses has no pagination in the EC2 API: one response holds every address of the region.
    ctx.pages.add("describe_addresses")
    for a in client.describe_addresses()["Addresses"]:
        tags = _tags(a.get("Tags"))
        alloc = a.get("AllocationId") or a["PublicIp"]
        yield Resource(
            account_id=ctx.account_id,
            region=ctx.region,
            kind=ResourceKind.EIP,
            resource_id=alloc,
            arn=ctx.arn("ec2", f"elastic-ip/{alloc}"),
            name=_name(tags),
            state="associated" if a.get("AssociationId") or a.get("InstanceId") else "unassociated",
            attached=bool(a.get("AssociationId") or a.get("InstanceId")),
            tags=tags,
            extra_ids=(a["PublicIp"],) if a.get("PublicIp") and a["PublicIp"] != alloc else (),
        )


def _rds(client: Any, ctx: _Context) -> Iterator[Resource]:
    for page in ctx.paginate(client, "describe_db_instances"):
        for db in page["DBInstances"]:
            yield Resource(
                account_id=ctx.account_id,
                region=ctx.region,
                kind=ResourceKind.RDS,
                resource_id=db["DBInstanceIdentifier"],
                arn=db.get("DBInstanceArn") or ctx.arn("rds", f"db:{db['DBInstanceIdentifier']}"),
                name=db["DBInstanceIdentifier"],
                type=db.get("DBInstanceClass", ""),
                size=str(db.get("AllocatedStorage", "")),
                state=db.get("DBInstanceStatus", ""),
                created=db.get("InstanceCreateTime"),
                tags=_tags(db.get("TagList")),
                extra_ids=(db["DbiResourceId"],) if db.get("DbiResourceId") else (),
            )


def _opensearch(client: Any, ctx: _Context) -> Iterator[Resource]:
    # ListDomainNames is not paginated by the API; DescribeDomains takes at most 5 names per call.
    ctx.pages.add("list_domain_names")
    names = [d["DomainName"] for d in client.list_domain_names()["DomainNames"]]
    for start in range(0, len(names), 5):
        for d in client.describe_domains(DomainNames=names[start : start + 5])["DomainStatusList"]:
            tags = _tags(client.list_tags(ARN=d["ARN"]).get("TagList"))
            cluster = d.get("ClusterConfig", {})
            state = "deleted" if d.get("Deleted") else "processing" if d.get("Processing") else "active"
            yield Resource(
                account_id=ctx.account_id,
                region=ctx.region,
                kind=ResourceKind.OPENSEARCH,
                resource_id=d["DomainName"],
                arn=d["ARN"],
                name=d["DomainName"],
                type=cluster.get("InstanceType", ""),
                size=str(cluster.get("InstanceCount", "")),
                state=state,
                tags=tags,
            )


def _elasticache(client: Any, ctx: _Context) -> Iterator[Resource]:
    for page in ctx.paginate(client, "describe_cache_clusters"):
        for c in page["CacheClusters"]:
            arn = c.get("ARN") or ctx.arn("elasticache", f"cluster:{c['CacheClusterId']}")
            yield Resource(
                account_id=ctx.account_id,
                region=ctx.region,
                kind=ResourceKind.ELASTICACHE,
                resource_id=c["CacheClusterId"],
                arn=arn,
                name=c["CacheClusterId"],
                type=c.get("CacheNodeType", ""),
                size=str(c.get("NumCacheNodes", "")),
                state=c.get("CacheClusterStatus", ""),
                created=c.get("CacheClusterCreateTime"),
                tags=_tags(client.list_tags_for_resource(ResourceName=arn).get("TagList")),
            )


def _lambda(client: Any, ctx: _Context) -> Iterator[Resource]:
    for page in ctx.paginate(client, "list_functions"):
        for f in page["Functions"]:
            tags = client.list_tags(Resource=f["FunctionArn"]).get("Tags", {})
            yield Resource(
                account_id=ctx.account_id,
                region=ctx.region,
                kind=ResourceKind.LAMBDA,
                resource_id=f["FunctionName"],
                arn=f["FunctionArn"],
                name=f["FunctionName"],
                type=f.get("Runtime", ""),
                size=str(f.get("MemorySize", "")),
                state=f.get("State", "Active"),
                tags=tuple(sorted((str(k), str(v)) for k, v in tags.items())),
            )


_COLLECTORS: dict[ResourceKind, Callable[[Any, _Context], Iterator[Resource]]] = {
    ResourceKind.EC2: _ec2,
    ResourceKind.EBS: _ebs,
    ResourceKind.SNAPSHOT: _snapshots,
    ResourceKind.EIP: _eips,
    ResourceKind.RDS: _rds,
    ResourceKind.OPENSEARCH: _opensearch,
    ResourceKind.ELASTICACHE: _elasticache,
    ResourceKind.LAMBDA: _lambda,
}
