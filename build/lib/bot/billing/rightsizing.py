"""Rightsizing suggestions for EC2 instances and RDS databases, priced from the line items' own rates. Pure.

Two kinds of suggestion:

- `downsize`: the next smaller size of the same family, when the last 14 days' CPU peak is under 40% (half a
  size doubles the load: the peak stays under 80%) and, where the CloudWatch agent publishes memory, the
  memory peak is under 45%. Missing CPU data gives no suggestion (never a guess).
- `newer-generation`: the same size in the next generation of the family (m4 -> m5 -> m6i -> m7i ...), which
  AWS prices at or below the older one; offered whatever the utilisation, as long as the resource runs.

`rates` maps an instance type (`m5.large`, `db.r5.xlarge`) to the hourly on-demand rate observed in the line
items (unblended cost / usage hours of BoxUsage / InstanceUsage lines), summed by the billing store
(`rates_from_store`: a few hundred groups by instance type, usage type and operation, whatever the number of
line items). The monthly saving is (current rate - suggested rate) x 730 h; None when either rate is unknown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.billing.inventory import Resource, ResourceKind, ResourceMetrics
from bot.billing.model import Filter, LineItemSumsRequest, TimeRange
from bot.billing.money import money_number
from bot.billing.store import BillingStore

HOURS_PER_MONTH = 730.0
WINDOW_DAYS = 14
DOWNSIZE_CPU_PEAK = 40.0
DOWNSIZE_MEM_PEAK = 45.0
MIN_KNOWN_DAYS = 4

#: Sizes from smallest to largest (each step roughly halves or doubles vCPU and memory up to 8xlarge).
SIZES: tuple[str, ...] = (
    "nano",
    "micro",
    "small",
    "medium",
    "large",
    "xlarge",
    "2xlarge",
    "3xlarge",
    "4xlarge",
    "6xlarge",
    "8xlarge",
    "9xlarge",
    "12xlarge",
    "16xlarge",
    "18xlarge",
    "24xlarge",
    "32xlarge",
    "48xlarge",
)

_T = ("nano", "micro", "small", "medium", "large", "xlarge", "2xlarge")
_STD = ("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge")
_C4 = ("large", "xlarge", "2xlarge", "4xlarge", "8xlarge")
_M4 = ("large", "xlarge", "2xlarge", "4xlarge", "10xlarge", "16xlarge")

#: Sizes each family offers (EC2 names; RDS classes use the same family with a `db.` prefix).
FAMILY_SIZES: Mapping[str, tuple[str, ...]] = {
    "t2": _T,
    "t3": _T,
    "t3a": _T,
    "t4g": _T,
    "m4": _M4,
    "m5": _STD,
    "m5a": _STD,
    "m6i": (*_STD, "32xlarge"),
    "m6a": (*_STD, "32xlarge", "48xlarge"),
    "m7i": (*_STD, "48xlarge"),
    "m7a": (*_STD, "32xlarge", "48xlarge"),
    "m6g": _STD[:-1],
    "m7g": _STD[:-1],
    "c4": _C4,
    "c5": ("large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge"),
    "c6i": (*_STD, "32xlarge"),
    "c7i": (*_STD, "48xlarge"),
    "r4": ("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"),
    "r5": _STD,
    "r5a": _STD,
    "r6i": (*_STD, "32xlarge"),
    "r7i": (*_STD, "48xlarge"),
    "r6g": _STD[:-1],
    "r7g": _STD[:-1],
}

#: The next generation of a family on the same processor vendor and architecture (no x86 -> Graviton jumps,
#: which need a rebuild): EC2 and RDS alike.
NEXT_GENERATION: Mapping[str, str] = {
    "t2": "t3",
    "m4": "m5",
    "m5": "m6i",
    "m6i": "m7i",
    "m5a": "m6a",
    "m6a": "m7a",
    "m6g": "m7g",
    "c4": "c5",
    "c5": "c6i",
    "c6i": "c7i",
    "r4": "r5",
    "r5": "r6i",
    "r6i": "r7i",
    "r6g": "r7g",
}


@dataclass(frozen=True)
class Suggestion:
    resource: Resource
    action: str  # "downsize" | "newer-generation"
    current_type: str
    suggested_type: str
    reason: str
    current_rate: float | None  # hourly, from the line items
    suggested_rate: float | None
    monthly_saving: float | None


#: What the on-demand rates are grouped by (`observed_rates` reads these keys and the sums).
RATE_KEYS: tuple[str, ...] = ("instance_type", "usage_type", "operation")


def observed_rates(rows: Iterable[Mapping[str, Any]]) -> dict[str, float]:
    """Hourly on-demand rate per instance type: unblended cost / hours of the on-demand instance lines.

    `rows` are line items or sums of them (`LineItemSums.row`) with `line_item_type`, `usage_type`, `operation`,
    `instance_type`, `usage_amount` and `billed_cost`. Counted: `Usage` rows of EC2 Linux instances (usage type
    `...BoxUsage:<type>`, operation `RunInstances`: other operations are other OS and license prices) and of
    single-AZ RDS instances (usage type `...InstanceUsage:<type>`) with positive hours. Reserved, Savings Plan
    and Spot lines are left out: they are not list prices.
    """
    cost: dict[str, float] = defaultdict(float)
    hours: dict[str, float] = defaultdict(float)
    for row in rows:
        if row.get("line_item_type") != "Usage":
            continue
        usage_type, itype = str(row.get("usage_type") or ""), str(row.get("instance_type") or "")
        ec2 = "BoxUsage:" in usage_type and row.get("operation") == "RunInstances"
        rds = "InstanceUsage:" in usage_type and "Multi-AZ" not in usage_type
        amount = float(row.get("usage_amount") or 0.0)
        if itype and amount > 0 and (ec2 or rds):
            cost[itype] += float(row.get("billed_cost") or 0.0)
            hours[itype] += amount
    return {t: cost[t] / hours[t] for t in sorted(cost)}


def rates_from_store(store: BillingStore, time_range: TimeRange, filters: Sequence[Filter] = ()) -> dict[str, float]:
    """`observed_rates` over the `Usage` line items of `time_range` that pass `filters`, summed by the store by
    instance type, usage type and operation (nothing per line item leaves the store)."""
    request = LineItemSumsRequest(
        time_range, keys=RATE_KEYS, line_item_types=("Usage",), filters=tuple(filters), non_empty=("instance_type",)
    )
    return observed_rates({**g.row(RATE_KEYS), "line_item_type": "Usage"} for g in store.line_item_sums(request))


def split_type(instance_type: str) -> tuple[str, str, str] | None:
    """`db.m5.large` -> ("db.", "m5", "large"); None when the type is not `family.size` with a known size."""
    prefix = "db." if instance_type.startswith("db.") else ""
    parts = instance_type[len(prefix) :].split(".")
    if len(parts) != 2 or parts[1] not in SIZES:
        return None
    return prefix, parts[0], parts[1]


def smaller_type(instance_type: str) -> str | None:
    """The next smaller size of the same family, or None (smallest, or an unknown family)."""
    parsed = split_type(instance_type)
    if parsed is None:
        return None
    prefix, family, size = parsed
    sizes = FAMILY_SIZES.get(family, ())
    if size not in sizes or sizes.index(size) == 0:
        return None
    return f"{prefix}{family}.{sizes[sizes.index(size) - 1]}"


def newer_type(instance_type: str) -> str | None:
    """The same size in the family's next generation, when that generation offers the size."""
    parsed = split_type(instance_type)
    if parsed is None:
        return None
    prefix, family, size = parsed
    nxt = NEXT_GENERATION.get(family)
    if nxt is None or size not in FAMILY_SIZES.get(nxt, ()):
        return None
    return f"{prefix}{nxt}.{size}"


def suggest(
    resources: Sequence[Resource],
    metrics: Mapping[tuple[str, str, ResourceKind, str], ResourceMetrics],
    rates: Mapping[str, float],
) -> list[Suggestion]:
    """Suggestions for running EC2 instances and RDS databases, largest monthly saving first (unknown last)."""
    out: list[Suggestion] = []
    for r in resources:
        if r.kind not in (ResourceKind.EC2, ResourceKind.RDS) or r.state.lower() not in ("running", "available"):
            continue
        m = metrics.get(r.key)
        smaller = smaller_type(r.type)
        if smaller and m is not None:
            peaks = m.known("cpu_max", WINDOW_DAYS)
            memory = m.known("mem_used_pct", WINDOW_DAYS) if "mem_used_pct" in m.series else []
            cpu_fits = len(peaks) >= MIN_KNOWN_DAYS and max(peaks) < DOWNSIZE_CPU_PEAK
            if cpu_fits and (not memory or max(memory) < DOWNSIZE_MEM_PEAK):
                why = f"CPU peak {max(peaks):.1f}% over {len(peaks)} days"
                if memory:
                    why += f", memory peak {max(memory):.1f}%"
                out.append(_priced(r, "downsize", smaller, why, rates))
        newer = newer_type(r.type)
        if newer:
            out.append(_priced(r, "newer-generation", newer, "same size, newer generation", rates))
    out.sort(key=lambda s: (s.monthly_saving is None, -(s.monthly_saving or 0.0), s.resource.key, s.action))
    return out


def _priced(r: Resource, action: str, target: str, reason: str, rates: Mapping[str, float]) -> Suggestion:
    now, new = rates.get(r.type), rates.get(target)
    saving = None if now is None or new is None else money_number((now - new) * HOURS_PER_MONTH)
    return Suggestion(r, action, r.type, target, reason, now, new, saving)
