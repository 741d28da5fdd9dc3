"""What changed behind a cost change: per resource (or usage type, for line items without one), whether it is
new, gone, or still there with more or less usage or a higher or lower rate.

The change of each resource against what was expected of it (`expected` below: its baseline cost scaled as the
root cause scales it, `bot.billing.anomaly_rootcause`) is split exactly, per usage type and pricing unit:

    delta = c1 - c0 = (q1 - q0) * r0  +  q1 * (r1 - r0)       with r0 = c0 / q0, r1 = c1 / q1
            quantity part                rate part

where q is the usage amount (`line_item_usage_amount`, in the pricing unit) and c the cost on the alert's basis.
The baseline's quantity is scaled with its cost, so its rate is the rate the baseline actually paid. A usage type
that starts or stops is all quantity. A resource that moved from one usage type to another of the same family
(an instance resized from m5.xlarge to m5.2xlarge: its old usage type falls as the new one starts, across the whole
bill) is `RESIZED`, whatever its split says. What cannot be split honestly is kept apart as `unsplit`: a usage type
whose pricing unit differs between the two windows, or whose rows carry no usage amount. The three parts of every
change add up to its delta, and the deltas of all changes add up to the root cause's excess: nothing is lost.

Everything goes through the `BillingStore` contract (`aggregate` by resource, usage type and usage unit), two
calls for the whole breakdown plus at most five small calls for the contributors shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum

from bot.billing.model import (
    NO_VALUE,
    UNTAGGED,
    AggregateRequest,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    TimeRange,
)
from bot.billing.store import BillingStore

RESOURCE = DimensionRef(Dimension.RESOURCE)
USAGE_TYPE = DimensionRef(Dimension.USAGE_TYPE)
USAGE_UNIT = DimensionRef(Dimension.USAGE_UNIT)
SERVICE = DimensionRef(Dimension.SERVICE)
ACCOUNT = DimensionRef(Dimension.ACCOUNT)
REGION = DimensionRef(Dimension.REGION)

#: A resource without line items in the baseline is "new" only if it had none in this many days before it
#: either (one that ran last month and came back is more usage, not a new resource).
NEW_LOOKBACK_DAYS = 35
#: Contributors described in full (service, account, region, new-or-back check); the rest are still counted.
DESCRIBED = 8
#: A change smaller than this share of the amounts compared is float noise (scaling), not a change.
_NOISE = 1e-9


class ChangeKind(StrEnum):
    """What happened to one contributor, as the alert says it."""

    NEW = "new"  # no line item in the baseline nor in the `NEW_LOOKBACK_DAYS` before it
    GONE = "gone"  # cost in the baseline, none now
    MORE_USAGE = "more usage"
    LESS_USAGE = "less usage"
    HIGHER_RATE = "higher rate"  # cost per usage unit rose: price, pricing model, RI or SP coverage lost
    LOWER_RATE = "lower rate"
    CHANGED = "changed"  # no usage amount to split by (or its unit changed): cost moved, reason unknown
    RESIZED = "resized"  # the same resource moved from one usage type (instance type) to another: `Resize`


@dataclass(frozen=True)
class Resize:
    """A resource that moved from one usage type to another of the same family (`USE1-BoxUsage:m5.xlarge` ->
    `USE1-BoxUsage:m5.2xlarge`), across the whole bill: what it cost a day before (on the old one, in the
    baseline) and now (on the new one, in the window)."""

    old_usage_type: str
    new_usage_type: str
    daily_before: float
    daily_now: float

    @property
    def old_size(self) -> str:
        """What the usage type names after its family: `m5.xlarge`."""
        return self.old_usage_type.partition(":")[2]

    @property
    def new_size(self) -> str:
        return self.new_usage_type.partition(":")[2]


@dataclass(frozen=True)
class Change:
    """One contributor's change against its expected cost, split into quantity, rate and what cannot be split.

    `quantity + rate + unsplit == actual - expected` (to float precision). `unit` is the one pricing unit of all
    its usage ('' when it has several, listed in `units`, or none); `used_before` (scaled like `expected`) and
    `used_now` are in that unit, and only meaningful when `unit` is set.
    """

    dimension: str  # "resource", or "usage-type" for line items without a resource
    key: str
    kind: ChangeKind
    actual: float
    expected: float
    quantity: float
    rate: float
    unsplit: float
    units: tuple[str, ...]
    used_before: float
    used_now: float
    share: float = 0.0  # of the root cause's whole excess
    usage_type: str = ""  # the usage type that moved most (a resource may bill several)
    service: str = ""
    account: str = ""
    region: str = ""
    resize: Resize | None = None  # set when `kind` is RESIZED

    @property
    def excess(self) -> float:
        return self.actual - self.expected

    @property
    def unit(self) -> str:
        return self.units[0] if len(self.units) == 1 else ""

    @property
    def mixed_units(self) -> bool:
        return len(self.units) > 1

    @property
    def rate_before(self) -> float | None:
        """Cost per `unit` in the baseline (None without one unit or without usage)."""
        return self.expected / self.used_before if self.unit and self.used_before > 0 else None

    @property
    def rate_now(self) -> float | None:
        return self.actual / self.used_now if self.unit and self.used_now > 0 else None


#: ((dimension, contributor), usage type): one usage type of one contributor.
_Pair = tuple[tuple[str, str], str]


@dataclass
class _Acc:
    actual: float = 0.0
    expected: float = 0.0
    items_before: int = 0
    quantity: float = 0.0
    rate: float = 0.0
    unsplit: float = 0.0
    used_now: float = 0.0
    used_before: float = 0.0
    main: tuple[float, str] = (0.0, "")  # (|delta|, usage type) of the usage type that moved most


def _empty(key: str) -> bool:
    return key in ("", NO_VALUE, UNTAGGED)


def split(c0: float, q0: float, c1: float, q1: float) -> tuple[float, float]:
    """`(quantity, rate)` with `quantity + rate == c1 - c0`: `(q1 - q0) * r0` and `q1 * (r1 - r0)`.

    Needs `q0 > 0` and `q1 > 0` (rates exist on both sides); raises ValueError otherwise."""
    if q0 <= 0 or q1 <= 0:
        raise ValueError("a quantity/rate split needs usage on both sides")
    r0 = c0 / q0
    quantity = (q1 - q0) * r0
    return quantity, (c1 - c0) - quantity


def what_changed(
    store: BillingStore,
    window: TimeRange,
    base: TimeRange,
    *,
    factor: float,
    filters: Sequence[Filter] = (),
    basis: CostBasis = CostBasis.UNBLENDED,
    excess_total: float | None = None,
    increase: bool = True,
    by_resource: bool = True,
    described: int = DESCRIBED,
    bounds: Sequence[Filter] | None = None,
) -> tuple[Change, ...]:
    """Every contributor's change from `base` (costs and usage amounts times `factor`, as the root cause scales
        its baseline) to `window`, inside `filters`: the biggest changes in the direction of the alert first (up for
        an `increase`, down otherwise), those that moved the other way last; contributors that did not move are left
        out. Their deltas add up to the slice's actual minus its scaled baseline.

        Contributors are resources (`by_resource`), with the line items without a resource by usage type; or usage
        types only (a slice that is one resource). The first `described` are given their service, account and region
        (where the line items say) and checked over the `NEW_LOOKBACK_DAYS` before the baseline and the baseline
        itself, in the whole bill: one seen there (a resized instance, one that ran last month) is not new; one whose
    usage type changed within its family in the whole bill is `RESIZED` (`Resize`). `share`
        is each delta over `excess_total` (default: the sum of the deltas). `bounds` confines those look-ups beyond
    the slice (a resize, a resource seen before) to what a person may see (None: the whole bill, for alerts).
    """
    group = (RESOURCE, USAGE_TYPE, USAGE_UNIT)
    flt = tuple(filters)

    def rows(tr: TimeRange) -> list[tuple[tuple[str, str, str], float, float, int]]:
        request = AggregateRequest(tr, group, flt, basis)
        return [
            ((r.keys[0], r.keys[1], r.keys[2]), r.cost, r.usage_amount, r.line_items) for r in store.aggregate(request)
        ]

    # ((dimension, contributor), usage type) -> unit -> (cost, usage, line items), on each side.
    now: dict[_Pair, dict[str, tuple[float, float, int]]] = {}
    before: dict[_Pair, dict[str, tuple[float, float, int]]] = {}
    for side, tr, scale in ((now, window, 1.0), (before, base, factor)):
        for (resource, usage_type, unit), cost, used, n in rows(tr):
            who = ("resource", resource) if by_resource and not _empty(resource) else ("usage-type", usage_type)
            slot = side.setdefault((who, usage_type), {})
            c, q, k = slot.get(unit, (0.0, 0.0, 0))
            slot[unit] = (c + cost * scale, q + used * scale, k + max(n, 1))  # a group means line items

    accs: dict[tuple[str, str], _Acc] = {}
    units: dict[tuple[str, str], set[str]] = {}
    for pair in sorted(set(now) | set(before)):
        who = pair[0]
        acc = accs.setdefault(who, _Acc())
        n_side, b_side = now.get(pair, {}), before.get(pair, {})
        c1 = sum(v[0] for v in n_side.values())
        c0 = sum(v[0] for v in b_side.values())
        acc.actual += c1
        acc.expected += c0
        acc.items_before += sum(v[2] for v in b_side.values())
        if not _empty(pair[1]):
            acc.main = max(acc.main, (abs(c1 - c0), pair[1]))
        seen = {u for u in (*n_side, *b_side) if not _empty(u)}
        units.setdefault(who, set()).update(seen)
        for u in seen:
            acc.used_now += n_side.get(u, (0.0, 0.0, 0))[1]
            acc.used_before += b_side.get(u, (0.0, 0.0, 0))[1]
        if not b_side or not n_side:
            acc.quantity += c1 - c0  # the usage type started or stopped: all of it is quantity
            continue
        if len(n_side) == 1 and set(n_side) == set(b_side) and not _empty(next(iter(n_side))):
            (_, q1, _), (_, q0, _) = next(iter(n_side.values())), next(iter(b_side.values()))
            if q0 > 0 and q1 > 0:
                quantity, rate = split(c0, q0, c1, q1)
                acc.quantity += quantity
                acc.rate += rate
                continue
        acc.unsplit += c1 - c0  # its unit changed, or no usage amount to divide by: no rate to speak of

    total = sum(a.actual - a.expected for a in accs.values()) if excess_total is None else excess_total
    any_before = any(a.items_before for a in accs.values())
    changes = []
    for who, acc in accs.items():
        delta = acc.actual - acc.expected
        if abs(delta) <= _NOISE * max(1.0, abs(acc.actual), abs(acc.expected)):
            continue  # did not move: left out (what is left out adds nothing to the sum)
        dimension, key = who
        unit_list = tuple(sorted(units.get(who, ())))
        if acc.items_before == 0 and any_before:
            kind = ChangeKind.NEW
        elif acc.expected > 0 and abs(acc.actual) <= _NOISE * acc.expected:
            kind = ChangeKind.GONE  # its spend is gone (a $0 line left behind, like free backup, changes nothing)
        else:
            kind = _kind(acc)
        changes.append(
            Change(
                dimension=dimension,
                key=key,
                kind=kind,
                actual=acc.actual,
                expected=acc.expected,
                quantity=acc.quantity,
                rate=acc.rate,
                unsplit=acc.unsplit,
                units=unit_list,
                used_before=acc.used_before if len(unit_list) == 1 else 0.0,
                used_now=acc.used_now if len(unit_list) == 1 else 0.0,
                share=delta / total if total else 0.0,
                usage_type=acc.main[1],
            )
        )
    sign = 1.0 if increase else -1.0
    changes.sort(key=lambda c: (sign * c.excess <= 0, -abs(c.excess), c.dimension, c.key))
    head = _describe(store, changes[:described], window=window, base=base, filters=flt, basis=basis, bounds=bounds)
    return (*head, *changes[described:])


def _kind(acc: _Acc) -> ChangeKind:
    """The part that moved most names the change: usage, rate, or (nothing splittable) just cost."""
    parts = ((abs(acc.quantity), "q"), (abs(acc.rate), "r"), (abs(acc.unsplit), "u"))
    _, which = max(parts)
    if which == "q":
        return ChangeKind.MORE_USAGE if acc.quantity > 0 else ChangeKind.LESS_USAGE
    if which == "r":
        return ChangeKind.HIGHER_RATE if acc.rate > 0 else ChangeKind.LOWER_RATE
    return ChangeKind.CHANGED


def _describe(
    store: BillingStore,
    changes: Sequence[Change],
    *,
    window: TimeRange,
    base: TimeRange,
    filters: tuple[Filter, ...],
    basis: CostBasis,
    bounds: Sequence[Filter] | None = None,
) -> list[Change]:
    """The resources among `changes` with their service, account and region, and "new" checked over the weeks
    before the baseline, and resizes (`_resizes`). Five `aggregate` calls restricted to those resources (none
    without resources)."""
    resources = tuple(c.key for c in changes if c.dimension == "resource")
    if not resources:
        return list(changes)
    only = (*filters, Filter(RESOURCE, resources))
    both = TimeRange(base.start, window.end)
    service: dict[str, str] = {}
    where: dict[str, tuple[str, str]] = {}
    for r in store.aggregate(AggregateRequest(both, (RESOURCE, SERVICE), only, basis)):
        service.setdefault(r.keys[0], r.keys[1])  # most costly first: the service that bills it most
    for r in store.aggregate(AggregateRequest(both, (RESOURCE, ACCOUNT, REGION), only, basis)):
        where.setdefault(r.keys[0], (r.keys[1], r.keys[2]))
    beyond = tuple(bounds or ())
    resizes = _resizes(store, resources, window=window, base=base, basis=basis, bounds=beyond)
    new = tuple(c.key for c in changes if c.kind is ChangeKind.NEW and c.dimension == "resource")
    seen_earlier: set[str] = set()
    if new:
        earlier = TimeRange(base.start - timedelta(days=NEW_LOOKBACK_DAYS), window.start)
        # Anywhere in the bill, not only in the alert's slice: an instance resized into this usage type is not new.
        request = AggregateRequest(earlier, (RESOURCE,), (Filter(RESOURCE, new), *beyond), basis)
        seen_earlier = {r.keys[0] for r in store.aggregate(request)}
    out = []
    for c in changes:
        if c.dimension != "resource":
            out.append(c)
            continue
        kind = c.kind
        if kind is ChangeKind.NEW and c.key in seen_earlier:
            kind = ChangeKind.MORE_USAGE if c.excess > 0 else ChangeKind.LESS_USAGE  # back after a pause
        resize = resizes.get(c.key)
        if resize is not None:
            kind = ChangeKind.RESIZED
        account, region = where.get(c.key, ("", ""))
        out.append(
            replace(
                c,
                kind=kind,
                resize=resize,
                service=service.get(c.key, ""),
                account="" if _empty(account) else account,
                region=region,
            )
        )
    return out


#: A resized resource's old usage type cost at most this share a day of what it cost in the baseline.
RESIZE_FALL = 0.5


def _family(usage_type: str) -> str:
    """A usage type's family: what it says before its size (`USE1-BoxUsage` of `USE1-BoxUsage:m5.xlarge`); ''
    for one that names no size."""
    family, colon, size = usage_type.partition(":")
    return family if colon and family and size else ""


def _resizes(
    store: BillingStore,
    resources: tuple[str, ...],
    *,
    window: TimeRange,
    base: TimeRange,
    basis: CostBasis,
    bounds: tuple[Filter, ...] = (),
) -> dict[str, Resize]:
    """The resources among `resources` that were resized, across the whole bill (a slice of one usage type sees
    only half of a resize): a usage type that had no cost in `base` started in `window` while another of its
    family fell to at most `RESIZE_FALL` of its daily cost (inside `bounds`). Two `aggregate` calls."""
    daily: dict[str, dict[str, list[float]]] = {}  # resource -> usage type -> [a day in base, a day in window]
    for side, tr in enumerate((base, window)):
        request = AggregateRequest(tr, (RESOURCE, USAGE_TYPE), (Filter(RESOURCE, resources), *bounds), basis)
        for r in store.aggregate(request):
            if _family(r.keys[1]):
                daily.setdefault(r.keys[0], {}).setdefault(r.keys[1], [0.0, 0.0])[side] += r.cost / max(tr.days, 1)
    out: dict[str, Resize] = {}
    for resource, by_type in daily.items():
        started = [(now, u) for u, (then, now) in by_type.items() if then <= _NOISE * now and now > 0]
        fell = [(then, u) for u, (then, now) in by_type.items() if then > 0 and now <= RESIZE_FALL * then]
        pairs = [(n, t, new, old) for n, new in started for t, old in fell if _family(new) == _family(old)]
        if pairs:
            now, then, new, old = max(pairs)
            out[resource] = Resize(old, new, then, now)
    return out
