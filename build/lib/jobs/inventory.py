"""The daily AWS inventory: resources, 30 days of CloudWatch utilisation and commitment end dates, stored by day.

Every hour the job checks whether today's collection (due at `settings.inventory_hour` UTC) is stored; if not
(or if the last attempt failed as a whole), it collects:

1. the accounts: the configured identity's own, or every active member of the organization when
   `settings.aws_member_role` is set (`bot.aws.organizations.collection_targets`);
2. the inventory of every account x region (`settings.inventory_regions`, or every enabled region);
3. daily CloudWatch series of the last 30 days for every resource with metrics (GetMetricData in batches);
4. the end dates of active reservations and savings plans (for the commitments alerts);

(`bot.aws.collection.collect`, which `trackit inventory collect` runs on demand too) and stores the snapshot
(`bot.state.inventory.save_collection`), keeping `settings.inventory_keep_days` days.
A part that fails (a region denied, an account whose role cannot be assumed, CloudWatch throttled past its
retries) is stored as an error of a `partial` snapshot, shown by `/trackit status`; only a failure to find the
accounts at all fails the day (recorded, retried at the next hourly check, the previous snapshot still served).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from apscheduler.triggers.cron import CronTrigger

from bot.aws.collection import METRIC_DAYS, Collected, CollectionPlan
from bot.aws.collection import collect as collect_plan
from bot.aws.session import AwsIdentity
from bot.config import Settings
from bot.errors import TrackItError
from bot.scheduler import JobContext, JobScheduler
from bot.services import Services
from bot.state.inventory import SnapshotSummary, record_failure, save_collection, snapshot_summaries

log = logging.getLogger(__name__)

JOB_ID = "inventory"
#: The hourly check (the job decides from the clock and the stored rows whether a collection is due).
CHECK = CronTrigger(minute="20", timezone="UTC")

#: (settings, now) -> Collected. Raises `TrackItError` (or botocore errors) when no account can be listed.
Collector = Callable[[Settings, datetime], Collected]

__all__ = ["CHECK", "JOB_ID", "METRIC_DAYS", "Collected", "Collector", "collect", "due_day", "run", "schedule"]


def collection_plan(settings: Settings) -> CollectionPlan:
    """The collection the settings ask for: the configured identity, member role, regions and workers."""
    identity = AwsIdentity(
        profile=settings.aws_profile,
        role_arn=settings.aws_role_arn,
        external_id=settings.aws_external_id,
        region=settings.aws_region,
    )
    return CollectionPlan(identity, settings.aws_member_role, settings.inventory_regions, settings.inventory_workers)


def collect(settings: Settings, now: datetime, **options: Any) -> Collected:
    """`bot.aws.collection.collect` of the settings' plan (`options`: its pool, progress and phase hooks)."""
    return collect_plan(collection_plan(settings), now, **options)


def due_day(now: datetime, hour: int) -> date:
    """The UTC day whose collection is due at `now`: today once `hour` has passed, else yesterday."""
    return now.date() if now.hour >= hour else now.date() - timedelta(days=1)


def run(ctx: JobContext, collector: Collector | None = None) -> SnapshotSummary | None:
    """Collect and store the due day's snapshot unless it is stored already; returns what was stored (None when
    nothing was due). Never raises for AWS failures: they are stored for `/trackit status`."""
    settings = ctx.services.settings
    state = ctx.services.state
    now = ctx.now()
    day = due_day(now, settings.inventory_hour)
    done = next((s for s in snapshot_summaries(state, limit=3) if s.day == day), None)
    if done is not None and done.status != "failed":
        return None
    collector = collector or collect
    try:
        collected = collector(settings, now)
    except TrackItError as exc:
        log.warning("inventory of %s failed: %s", day, exc)
        return record_failure(state, day, exc.user_text() if hasattr(exc, "user_text") else str(exc), now=now)
    except Exception as exc:  # botocore and credential errors of the account discovery
        log.exception("inventory of %s failed", day)
        return record_failure(state, day, f"{type(exc).__name__}: {exc}", now=now)
    summary = save_collection(state, day, collected, keep_days=settings.inventory_keep_days, now=now)
    log.info(
        "inventory of %s stored: %d resources, %d errors, %s API calls",
        day,
        summary.resources,
        summary.errors,
        sum(collected.inventory.api_calls.values()),
    )
    return summary


def schedule(scheduler: JobScheduler, services: Services) -> None:
    """Register the hourly check when the inventory is enabled (`TRACKIT_INVENTORY_ENABLED`)."""
    if services.settings.inventory_enabled:
        scheduler.add_job(JOB_ID, run, CHECK)
