"""One collection of the AWS estate: accounts, inventory, CloudWatch utilisation, commitment end dates.

What the daily inventory job stores and what `trackit inventory collect` runs on demand:

1. the accounts: the plan's identity's own, or every active member of the organization when the plan has a
   member role (`bot.aws.organizations.collection_targets`);
2. the inventory of every account x region (the plan's regions, or every enabled region);
3. daily CloudWatch series of the last `METRIC_DAYS` days for every resource with metrics;
4. the end dates of active reservations and savings plans.

Only the account discovery may raise; every other failure is an error inside the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from bot.aws.clients import ClientPool
from bot.aws.inventory import InventoryOptions, Progress, collect_inventory
from bot.aws.metrics import MetricsResult, collect_metrics
from bot.aws.organizations import collection_targets
from bot.aws.reservations import commitment_end_dates
from bot.aws.session import AwsIdentity
from bot.billing.inventory import CollectionError, Inventory

#: Days of CloudWatch history collected per resource (the idle rules read the last 14).
METRIC_DAYS = 30

#: Told the phase that starts ("accounts", "inventory", "metrics", "commitments") and what it found so far.
PhaseHook = Callable[[str, str], None]


@dataclass(frozen=True)
class Collected:
    """One collection: the inventory, its metrics, commitment end dates and the errors of those look-ups."""

    inventory: Inventory
    metrics: MetricsResult
    commitment_ends: dict[str, date]
    commitment_errors: tuple[CollectionError, ...] = ()


@dataclass(frozen=True)
class CollectionPlan:
    """What to collect: whose estate (the identity, and the role to assume in each member account when the whole
    organization is wanted), in which regions (empty: every enabled one), with how many concurrent calls."""

    identity: AwsIdentity
    member_role: str = ""
    regions: tuple[str, ...] = ()
    workers: int = 8


def collect(
    plan: CollectionPlan,
    now: datetime,
    *,
    pool: ClientPool | None = None,
    progress: Progress | None = None,
    phase: PhaseHook | None = None,
) -> Collected:
    """Collect everything a snapshot holds (see the module docstring); `progress(done, total)` follows the
    inventory's tasks (one per account x region x kind), `phase` the steps."""
    pool = pool or ClientPool()
    tell = phase or (lambda _name, _info: None)
    tell("accounts", "")
    identity = plan.identity
    targets = collection_targets(identity, plan.member_role, external_id=identity.external_id)
    tell("inventory", f"{len(targets)} account(s)")
    workers = max(1, plan.workers)
    options = InventoryOptions(regions=plan.regions, max_workers=workers)
    inventory = collect_inventory(targets, options, pool=pool, now=lambda: now, progress=progress)
    tell("metrics", f"{len(inventory.resources)} resource(s)")
    metrics = collect_metrics(
        inventory.resources,
        targets,
        days=METRIC_DAYS,
        today=now.date(),
        pool=pool,
        max_workers=workers,
        now=lambda: now,
    )
    reached = [t for t in targets if t.account_id in inventory.regions]
    regions = sorted({r for rs in inventory.regions.values() for r in rs})
    tell("commitments", f"{len(reached)} account(s), {len(regions)} region(s)")
    ends = commitment_end_dates(reached, regions, pool=pool)
    return Collected(inventory, metrics, dict(ends.end_dates), ends.errors)
