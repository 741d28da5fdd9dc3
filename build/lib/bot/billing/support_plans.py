"""AWS Support plans: the fee a month's AWS charges give under each plan, to judge a Support fee against usage.

AWS Support is priced per member account as the greater of a monthly minimum and a tiered percentage of the
account's AWS charges of the month (like a tax bracket: each rate applies to the part of the charges inside its
band). Published prices (https://aws.amazon.com/premiumsupport/pricing/; each account on its own:
https://docs.aws.amazon.com/awsaccountbilling/latest/aboutv2/consolidatedbilling-support.html):

    Developer            greater of USD 29 or 3%
    Business             greater of USD 100 or 10% of the first 10K, 7% 10K-80K, 5% 80K-250K, 3% above 250K
    Enterprise On-Ramp   greater of USD 5,500 or 10%
    Enterprise           greater of USD 15,000 or 10% of the first 150K, 7% 150K-500K, 5% 500K-1M, 3% above 1M

Negotiated rates (Enterprise agreements) differ from these: `expected_fee` therefore never prices from the table
alone but scales last month's actual fee by the ratio the plan's formula gives between the two months' charges,
so a discount that applies to both months cancels out. Tiers are in USD; a bill in another currency is
judged with the same bands (an approximation that only matters near a band's edge).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SupportPlan:
    """One plan: its name, monthly minimum, and bands (lower bound, rate), lowest first."""

    name: str
    minimum: float
    bands: tuple[tuple[float, float], ...]

    def fee(self, charges: float) -> float:
        """The plan's fee for a month with `charges` of AWS charges (never below the minimum)."""
        total = 0.0
        for i, (low, rate) in enumerate(self.bands):
            high = self.bands[i + 1][0] if i + 1 < len(self.bands) else None
            top = charges if high is None else min(charges, high)
            if top > low:
                total += (top - low) * rate
        return max(self.minimum, total)


DEVELOPER = SupportPlan("Developer", 29.0, ((0.0, 0.03),))
BUSINESS = SupportPlan("Business", 100.0, ((0.0, 0.10), (10_000.0, 0.07), (80_000.0, 0.05), (250_000.0, 0.03)))
ENTERPRISE_ON_RAMP = SupportPlan("Enterprise On-Ramp", 5_500.0, ((0.0, 0.10),))
ENTERPRISE = SupportPlan(
    "Enterprise", 15_000.0, ((0.0, 0.10), (150_000.0, 0.07), (500_000.0, 0.05), (1_000_000.0, 0.03))
)

_BY_WORD = (
    (re.compile(r"on-?ramp", re.IGNORECASE), ENTERPRISE_ON_RAMP),
    (re.compile(r"enterprise|premium", re.IGNORECASE), ENTERPRISE),
    (re.compile(r"business", re.IGNORECASE), BUSINESS),
    (re.compile(r"developer", re.IGNORECASE), DEVELOPER),
)


def plan_of(service: str) -> SupportPlan | None:
    """The plan a Support service name names (`AWS Support (Business)`, `AWS Support (Enterprise On-Ramp)`,
    `AWS Premium Support` = Enterprise); None when it names none."""
    for pattern, plan in _BY_WORD:
        if pattern.search(service):
            return plan
    return None


def plan_name(service: str) -> str:
    """The plan's name a Support service name names (`AWS Support (Business)` -> `Business`), else the service
    name itself."""
    plan = plan_of(service)
    return plan.name if plan else service


def expected_fee(plan: SupportPlan | None, last_fee: float, charges_then: float, charges_now: float) -> float | None:
    """This month's fee expected from last month's actual `last_fee`, scaled as the plan prices the change of
    the account's charges from `charges_then` to `charges_now` (a plain share of the charges when the plan is
    unknown). None when last month's charges were nothing (no ratio to scale by)."""
    if charges_then <= 0:
        return None
    if plan is None:
        return last_fee * max(charges_now, 0.0) / charges_then
    then = plan.fee(charges_then)
    return last_fee * plan.fee(max(charges_now, 0.0)) / then if then > 0 else None
