"""Idle and unused resources, with what they cost and what removing or stopping them would save. Pure.

Rules (each finding names the one that fired):

- `trackit-cpu`: TrackIt's rule for EC2, RDS, OpenSearch and ElastiCache: over the last 14 days, the average of
  the daily CPU averages is under 10% and the highest daily peak is under 60%.
- `trusted-advisor`: AWS Trusted Advisor's "Low Utilization Amazon EC2 Instances" check: daily CPU at most 10%
  and network I/O (in + out) at most 5 MB on at least 4 of the last 14 days
  (https://docs.aws.amazon.com/awssupport/latest/user/cost-optimization-checks.html).
- `unattached-volume`, `unassociated-address`: an EBS volume attached to nothing, an Elastic IP associated with
  nothing.
- `old-snapshot`: an EBS snapshot older than `snapshot_days` (90 by default).

Missing data is never idle: a utilisation rule needs data on at least `min_known_days` days of the window;
otherwise the resource is listed in `IdleReport.unknown`. Monthly cost comes from the line items (the caller
sums the last 30 days of cost per resource id: `costs`, from `bot.billing.resources.resource_costs(...,
monthly=True)`); the saving is the whole monthly cost, since
every rule here means "stop or delete it". A resource without a known cost has cost and saving None and sorts
last.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from bot.billing.inventory import Resource, ResourceKind, ResourceMetrics
from bot.billing.resources import cost_of

WINDOW_DAYS = 14
TRACKIT_CPU_AVG = 10.0
TRACKIT_CPU_PEAK = 60.0
TA_CPU = 10.0
TA_NETWORK_BYTES = 5 * 1024 * 1024
TA_MIN_DAYS = 4

_CPU_KINDS = frozenset({ResourceKind.EC2, ResourceKind.RDS, ResourceKind.OPENSEARCH, ResourceKind.ELASTICACHE})
_RUNNING = frozenset({"running", "available", "active"})


class IdleRule(StrEnum):
    TRACKIT_CPU = "trackit-cpu"
    TRUSTED_ADVISOR = "trusted-advisor"
    UNATTACHED_VOLUME = "unattached-volume"
    UNASSOCIATED_ADDRESS = "unassociated-address"
    OLD_SNAPSHOT = "old-snapshot"


@dataclass(frozen=True)
class IdleFinding:
    resource: Resource
    rules: tuple[IdleRule, ...]
    reason: str  # one sentence with the numbers, for the user
    monthly_cost: float | None
    saving: float | None


@dataclass(frozen=True)
class IdleReport:
    findings: tuple[IdleFinding, ...]  # saving descending, unknown cost last
    unknown: tuple[Resource, ...]  # running resources whose utilisation could not be judged (too little data)

    @property
    def total_saving(self) -> float:
        return sum(f.saving or 0.0 for f in self.findings)


def find_idle(
    resources: Sequence[Resource],
    metrics: Mapping[tuple[str, str, ResourceKind, str], ResourceMetrics],
    costs: Mapping[str, float],
    *,
    now: datetime,
    snapshot_days: int = 90,
    min_known_days: int = TA_MIN_DAYS,
) -> IdleReport:
    """Apply every rule to `resources` (metrics keyed by `Resource.key`, costs by billing id); see module doc."""
    findings: list[IdleFinding] = []
    unknown: list[Resource] = []
    for r in resources:
        rules: list[IdleRule] = []
        reasons: list[str] = []
        if r.kind in _CPU_KINDS and r.state.lower() in _RUNNING:
            m = metrics.get(r.key)
            verdict = _cpu_rules(r, m, min_known_days) if m is not None else None
            if verdict is None:
                unknown.append(r)
                continue
            rules, reasons = verdict
        elif r.kind is ResourceKind.EBS and r.attached is False:
            rules, reasons = [IdleRule.UNATTACHED_VOLUME], [f"{r.size} GiB {r.type} volume attached to nothing"]
        elif r.kind is ResourceKind.EIP and r.attached is False:
            rules, reasons = [IdleRule.UNASSOCIATED_ADDRESS], ["Elastic IP associated with nothing"]
        elif r.kind is ResourceKind.SNAPSHOT and r.created is not None:
            age = (now - r.created).days
            if now - r.created > timedelta(days=snapshot_days):
                rules, reasons = [IdleRule.OLD_SNAPSHOT], [f"snapshot {age} days old (over {snapshot_days})"]
        if rules:
            cost = cost_of(r, costs)
            findings.append(IdleFinding(r, tuple(rules), "; ".join(reasons), cost, cost))
    findings.sort(key=lambda f: (f.saving is None, -(f.saving or 0.0), f.resource.key))
    return IdleReport(tuple(findings), tuple(unknown))


def _cpu_rules(r: Resource, m: ResourceMetrics, min_known_days: int) -> tuple[list[IdleRule], list[str]] | None:
    """The CPU rules that fire, with reasons; None when there is too little data to judge."""
    averages = m.known("cpu_avg", WINDOW_DAYS)
    peaks = m.known("cpu_max", WINDOW_DAYS)
    if len(averages) < min_known_days or len(peaks) < min_known_days:
        return None
    rules: list[IdleRule] = []
    reasons: list[str] = []
    mean, peak = sum(averages) / len(averages), max(peaks)
    if mean < TRACKIT_CPU_AVG and peak < TRACKIT_CPU_PEAK:
        rules.append(IdleRule.TRACKIT_CPU)
        reasons.append(f"CPU average {mean:.1f}% and peak {peak:.1f}% over {len(averages)} days")
    if r.kind is ResourceKind.EC2:
        low_days = _trusted_advisor_days(m)
        if low_days >= TA_MIN_DAYS:
            rules.append(IdleRule.TRUSTED_ADVISOR)
            reasons.append(f"CPU <= 10% and network <= 5 MB on {low_days} of the last {WINDOW_DAYS} days")
    return rules, reasons


def _trusted_advisor_days(m: ResourceMetrics) -> int:
    """Days with CPU <= 10% and network in + out <= 5 MB; a day missing either metric does not count."""
    cpu = m.last("cpu_avg", WINDOW_DAYS)
    net_in = dict(m.last("network_in", WINDOW_DAYS))
    net_out = dict(m.last("network_out", WINDOW_DAYS))
    days = 0
    for day, value in cpu:
        i, o = net_in.get(day), net_out.get(day)
        if value is None or i is None or o is None:
            continue
        if value <= TA_CPU and i + o <= TA_NETWORK_BYTES:
            days += 1
    return days
