"""Values of the AWS inventory: resources, daily metric series, collection errors. No boto3 here.

The domain's model of what runs in the accounts: the collectors (`bot.aws.inventory`, `bot.aws.metrics`) produce
these; the domain rules (`bot.billing.resources`, `bot.billing.idle`, `bot.billing.rightsizing`) read them. Every
value is frozen, so an inventory can be shared between threads and stored as is.

A daily series holds one entry per UTC day of its window, oldest first; a day CloudWatch had no datapoint for
is `None` ("unknown"), never 0: a missing metric must never make a resource look idle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class ResourceKind(StrEnum):
    EC2 = "ec2"
    EBS = "ebs"
    SNAPSHOT = "snapshot"
    EIP = "eip"
    RDS = "rds"
    OPENSEARCH = "opensearch"
    ELASTICACHE = "elasticache"
    LAMBDA = "lambda"


@dataclass(frozen=True)
class Resource:
    """One resource as its service describes it.

    `type` is the instance/node class (`m5.large`, `db.r5.xlarge`, `cache.t3.micro`, `r6g.large.search`), the
    volume type (`gp3`) or the Lambda runtime; `size` the volume, snapshot or RDS storage in GiB, the node or
    instance count of a cluster, or the Lambda memory in MB (as text, '' when it does not apply).
    `attached` is whether a volume is attached or an address is associated (None where the notion does not
    apply). `created` is UTC when the service reports it. `tags` is sorted by key.
    `extra_ids` are other ids billing line items may use (public IP of an address).
    """

    account_id: str
    region: str
    kind: ResourceKind
    resource_id: str
    arn: str
    name: str = ""
    type: str = ""
    size: str = ""
    state: str = ""
    attached: bool | None = None
    created: datetime | None = None
    tags: tuple[tuple[str, str], ...] = ()
    extra_ids: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, ResourceKind, str]:
        """Unique across accounts and regions."""
        return (self.account_id, self.region, self.kind, self.resource_id)

    @property
    def tag_map(self) -> dict[str, str]:
        return dict(self.tags)

    @property
    def billing_ids(self) -> tuple[str, ...]:
        """Every id a CUR line item may carry for this resource (id, ARN, extra ids), for cost look-ups."""
        return tuple(i for i in (self.resource_id, self.arn, *self.extra_ids) if i)


@dataclass(frozen=True)
class CollectionError:
    """A part of the collection that failed (an account, a region, one service): reported, never fatal."""

    account_id: str
    region: str
    service: str
    code: str
    message: str


@dataclass(frozen=True)
class Inventory:
    """The resources of every account and region reached, what failed, and how many API calls it took.

    `api_calls` maps `service` to the number of API calls (retries of a call not counted again);
    `retries` maps `service` to the number of retried attempts (throttling and transient errors).
    `regions` maps each account reached to the regions collected there.
    """

    resources: tuple[Resource, ...]
    errors: tuple[CollectionError, ...] = ()
    api_calls: Mapping[str, int] = field(default_factory=dict)
    retries: Mapping[str, int] = field(default_factory=dict)
    collected_at: datetime | None = None
    regions: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def of_kind(self, kind: ResourceKind) -> tuple[Resource, ...]:
        return tuple(r for r in self.resources if r.kind is kind)


#: (UTC day, value or None when CloudWatch had no datapoint that day)
DailyPoint = tuple[date, float | None]


@dataclass(frozen=True)
class ResourceMetrics:
    """Daily series of one resource, by metric name (see `bot.aws.metrics.METRICS` for the names)."""

    resource: Resource
    series: Mapping[str, tuple[DailyPoint, ...]]

    def last(self, metric: str, days: int) -> tuple[DailyPoint, ...]:
        """The last `days` days of a metric (all unknown when the metric was not collected)."""
        return self.series.get(metric, ())[-days:]

    def known(self, metric: str, days: int) -> list[float]:
        """The values of the days that have data in the last `days` days."""
        return [v for _, v in self.last(metric, days) if v is not None]
