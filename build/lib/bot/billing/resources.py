"""Inventory resources against the bill: which resources a question's filters keep, and what each one cost.

A resource passes account, region, tag and resource filters (the resource filter matches any id a line item may
carry for it: id, ARN, public IP); other dimensions (service, usage type ...) are not properties of a resource and
do not apply. Costs come from one group-by-resource query through the store contract and are matched to a
resource by its billing ids. The one owner of these rules: `/trackit resources`, idle findings and the digest
workbook all use them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from bot.billing.inventory import Resource
from bot.billing.model import AggregateRequest, CostBasis, Dimension, DimensionRef, Filter, TimeRange
from bot.billing.store import BillingStore


def _tag_key(key: str) -> str:
    """Billing tag keys carry the CUR prefix (`user:team`); resources carry the tag as AWS has it (`team`)."""
    return key[len("user:") :] if key.startswith("user:") else key


def matches(resource: Resource, filters: Iterable[Filter]) -> bool:
    """Whether `resource` passes every filter (account, region, tag, resource id); others do not apply."""
    for f in filters:
        kind = f.dimension.kind
        if kind is Dimension.ACCOUNT:
            hit = resource.account_id in f.values
        elif kind is Dimension.REGION:
            hit = (resource.region or f.dimension.empty_key) in f.values
        elif kind is Dimension.RESOURCE:
            hit = any(i in f.values for i in resource.billing_ids)
        elif kind is Dimension.TAG:
            value = resource.tag_map.get(_tag_key(str(f.dimension.tag_key)), "") or f.dimension.empty_key
            hit = value in f.values
        else:
            continue
        if hit == f.negate:
            return False
    return True


def visible(resources: Iterable[Resource], filters: Sequence[Filter]) -> list[Resource]:
    """The resources passing `filters` (a question's own, plus the asker's scope where there is one)."""
    return [r for r in resources if matches(r, filters)]


def resource_costs(
    store: BillingStore, time_range: TimeRange, filters: Sequence[Filter], basis: CostBasis, *, monthly: bool = False
) -> dict[str, float]:
    """Cost per resource id over `time_range` inside `filters` (scaled to 30 days when `monthly`)."""
    resource = DimensionRef(Dimension.RESOURCE)
    billable = tuple(f for f in filters if f.dimension.kind is not Dimension.RESOURCE)
    rows = store.aggregate(
        AggregateRequest(
            time_range,
            group_by=(resource,),
            filters=(*billable, Filter(resource, (resource.empty_key,), negate=True)),
            basis=basis,
        )
    )
    scale = 30.0 / time_range.days if monthly else 1.0
    return {row.keys[0]: row.cost * scale for row in rows}


def cost_of(resource: Resource, costs: Mapping[str, float]) -> float | None:
    """The resource's cost from `resource_costs` (summed over its billing ids), None when the bill has none."""
    found = [costs[i] for i in resource.billing_ids if i in costs]
    return sum(found) if found else None
