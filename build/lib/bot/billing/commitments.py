"""Reserved Instances and Savings Plans from the line items: utilisation, unused cost, coverage, expiries. Pure.

Computed from rows with `LINE_ITEM_COLUMNS` names: line items, or (what `rows_from_store` gives) their sums by
month, line item type, service, account, instance type, unit and commitment, grouped by the billing store
(`BillingStore.line_item_sums`), so only a few hundred groups leave it whatever the number of line items. Every
figure below is a sum, so sums of line items give the same report as the line items themselves.

Per commitment and month (the ingest mapping follows AWS's amortisation rules):

- used = sum of `reservation_effective_cost` over `DiscountedUsage` lines (RI), or of
  `savings_plan_effective_cost` over `SavingsPlanCoveredUsage` lines (SP);
- unused = `effective_cost` of the `RIFee` lines (unused upfront + unused recurring) or of the
  `SavingsPlanRecurringFee` lines (commitment minus used commitment);
- utilisation = used / (used + unused).

Coverage is in instance hours, AWS's own definition: hours of instance usage covered by an RI or a Savings Plan
over all instance hours (lines with an instance type and usage in hours), per month, service, account and
instance family.

Expiries: the line items carry no end date in the normalised schema; a row may carry `reservation_end` or
`savings_plan_end` (a reader that keeps those CUR columns), otherwise the caller passes `end_dates` by ARN
(from `DescribeReservedInstances` / `DescribeSavingsPlans`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from bot.billing.model import Dimension, Filter, LineItemSumsRequest, TimeRange
from bot.billing.store import BillingStore

#: What the store groups the commitment line items by (`analyse_commitments` reads these keys and the sums).
COMMITMENT_KEYS: tuple[str, ...] = (
    "billing_period",
    "line_item_type",
    "service_name",
    "sub_account_id",
    "instance_type",
    "usage_unit",
    "reservation_arn",
    "savings_plan_arn",
)
#: Line item types the report reads: covered usage and fees of commitments, and on-demand usage (coverage).
COMMITMENT_LINE_TYPES: tuple[str, ...] = (
    "DiscountedUsage",
    "RIFee",
    "SavingsPlanCoveredUsage",
    "SavingsPlanRecurringFee",
    "Usage",
)

T = TypeVar("T")
_HOURS = frozenset({"Hrs", "Hours", "hours", "Hour"})


@dataclass(frozen=True)
class CommitmentUse:
    """One reservation or savings plan in one month."""

    month: date
    kind: str  # "RI" | "SP"
    arn: str
    service: str
    account: str
    family: str  # instance family of an RI ('' for savings plans)
    used_cost: float
    unused_cost: float

    @property
    def utilisation(self) -> float | None:
        total = self.used_cost + self.unused_cost
        return self.used_cost / total if total else None


@dataclass(frozen=True)
class Coverage:
    month: date
    service: str
    account: str
    family: str
    ri_hours: float
    sp_hours: float
    on_demand_hours: float

    @property
    def coverage(self) -> float | None:
        total = self.ri_hours + self.sp_hours + self.on_demand_hours
        return (self.ri_hours + self.sp_hours) / total if total else None


@dataclass(frozen=True)
class Expiry:
    kind: str
    arn: str
    end: date
    days_left: int


@dataclass(frozen=True)
class CommitmentReport:
    uses: tuple[CommitmentUse, ...]  # month, kind, arn
    coverage: tuple[Coverage, ...]  # month, service, account, family
    expiring: tuple[Expiry, ...]  # soonest first

    @property
    def unused_cost(self) -> float:
        return sum(u.unused_cost for u in self.uses)

    def utilisation_by(self, field: str) -> dict[tuple[date, str, str], float | None]:
        """Utilisation per (month, kind, value of `field`: service | account | family), cost-weighted."""
        used: dict[tuple[date, str, str], float] = defaultdict(float)
        total: dict[tuple[date, str, str], float] = defaultdict(float)
        for u in self.uses:
            key = (u.month, u.kind, str(getattr(u, field)))
            used[key] += u.used_cost
            total[key] += u.used_cost + u.unused_cost
        return {k: (used[k] / t if t else None) for k, t in sorted(total.items())}


def commitment_account(arn: str) -> str:
    """The account in a reservation or savings plan ARN (`arn:aws:ec2:us-east-1:<account>:reserved-instances/..`),
    '' when the ARN names none."""
    parts = arn.split(":")
    return parts[4] if len(parts) > 5 else ""


def accounts_in(filters: Iterable[Filter]) -> frozenset[str] | None:
    """The accounts `filters` limit a question to (every positive account filter must hold), None for all of them.

    Commitments belong to whole accounts: this is what decides which commitments a filtered answer shows.
    """
    accounts: frozenset[str] | None = None
    for f in filters:
        if f.dimension.kind is Dimension.ACCOUNT and not f.negate:
            accounts = frozenset(f.values) if accounts is None else accounts & frozenset(f.values)
    return accounts


def of_accounts(by_arn: Mapping[str, T], accounts: frozenset[str] | None) -> dict[str, T]:
    """The entries of `by_arn` (keyed by commitment ARN) whose account is in `accounts` (all when None)."""
    return {arn: v for arn, v in by_arn.items() if accounts is None or commitment_account(arn) in accounts}


def family_of(instance_type: str) -> str:
    """`m5.large` -> `m5`, `db.r5.xlarge` -> `db.r5`, `cache.t3.micro` -> `cache.t3`."""
    parts = instance_type.split(".")
    return ".".join(parts[:-1]) if len(parts) > 1 else instance_type


def rows_from_store(
    store: BillingStore, time_range: TimeRange, filters: Sequence[Filter] = ()
) -> list[dict[str, object]]:
    """What `analyse_commitments` reads, as sums of line items grouped by the store (`COMMITMENT_KEYS`)."""
    request = LineItemSumsRequest(
        time_range, keys=COMMITMENT_KEYS, line_item_types=COMMITMENT_LINE_TYPES, filters=tuple(filters)
    )
    return [g.row(COMMITMENT_KEYS) for g in store.line_item_sums(request)]


def _month(value: object) -> date:
    if isinstance(value, datetime):
        return value.date().replace(day=1)
    if isinstance(value, date):
        return value.replace(day=1)
    return date.fromisoformat(str(value)[:10]).replace(day=1)


def _f(value: object) -> float:
    return float(value) if value not in (None, "") else 0.0  # type: ignore[arg-type]


def analyse_commitments(
    rows: Iterable[Mapping[str, Any]],
    *,
    today: date,
    end_dates: Mapping[str, date] | None = None,
    horizon_days: int = 30,
) -> CommitmentReport:
    """Utilisation, coverage and expiries (within `horizon_days` of `today`) from line-item rows."""
    uses: dict[tuple[date, str, str], dict[str, Any]] = {}
    cover: dict[tuple[date, str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    ends: dict[tuple[str, str], date] = {}
    for arn, end in (end_dates or {}).items():
        ends[("SP" if ":savingsplan" in arn else "RI", arn)] = end
    for row in rows:
        line_type = str(row.get("line_item_type") or "")
        month = _month(row.get("billing_period"))
        ri, sp = str(row.get("reservation_arn") or ""), str(row.get("savings_plan_arn") or "")
        service, account = str(row.get("service_name") or ""), str(row.get("sub_account_id") or "")
        itype = str(row.get("instance_type") or "")
        if line_type in ("DiscountedUsage", "RIFee") and ri:
            entry = uses.setdefault(
                (month, "RI", ri), {"used": 0.0, "unused": 0.0, "service": "", "account": "", "family": ""}
            )
            if line_type == "DiscountedUsage":
                entry["used"] += _f(row.get("reservation_effective_cost"))
            else:
                entry["unused"] += _f(row.get("effective_cost"))
                entry.update(service=service, account=account, family=family_of(itype) if itype else "")
            if row.get("reservation_end"):
                ends[("RI", ri)] = _month_day(row["reservation_end"])
        if line_type in ("SavingsPlanCoveredUsage", "SavingsPlanRecurringFee") and sp:
            entry = uses.setdefault(
                (month, "SP", sp), {"used": 0.0, "unused": 0.0, "service": "", "account": "", "family": ""}
            )
            if line_type == "SavingsPlanCoveredUsage":
                entry["used"] += _f(row.get("savings_plan_effective_cost"))
            else:
                entry["unused"] += _f(row.get("effective_cost"))
                entry.update(service=service, account=account)
            if row.get("savings_plan_end"):
                ends[("SP", sp)] = _month_day(row["savings_plan_end"])
        if itype and str(row.get("usage_unit") or "") in _HOURS:
            slot = {"DiscountedUsage": 0, "SavingsPlanCoveredUsage": 1, "Usage": 2}.get(line_type)
            if slot is not None:
                cover[(month, service, account, family_of(itype))][slot] += _f(row.get("usage_amount"))
    report_uses = tuple(
        CommitmentUse(m, kind, arn, e["service"], e["account"], e["family"], e["used"], e["unused"])
        for (m, kind, arn), e in sorted(uses.items())
    )
    coverage = tuple(Coverage(*key, *hours) for key, hours in sorted(cover.items()))
    expiring = tuple(
        sorted(
            (
                Expiry(kind, arn, end, (end - today).days)
                for (kind, arn), end in ends.items()
                if 0 <= (end - today).days <= horizon_days
            ),
            key=lambda e: (e.end, e.arn),
        )
    )
    return CommitmentReport(report_uses, coverage, expiring)


def _month_day(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])
