"""Scheduled jobs: one module per job, each with a pure `build_*()` (store + clock in, message out) and a thin
`run(ctx)` that delivers through `bot.delivery` (exactly once per job, channel and period).

`schedule_all(scheduler, services)` registers every job on a `bot.scheduler.JobScheduler` with fixed ids
(replace_existing=True, so a restart or another replica rewrites, never duplicates): the functions listed in
`SCHEDULES`, one per job.

The ingest job asks the scheduler to run `anomaly_alerts` right after new data was loaded (see
jobs.ingest.ANOMALY_JOB_ID); `budgets_retry` and `anomaly_alerts_retry` rerun those two every minute when one of
their failed posts is due again.

Only the composition root imports this package; `commands/` and `jobs/` never import each other.
"""

from __future__ import annotations

from collections.abc import Callable

from apscheduler.triggers.cron import CronTrigger

from bot.scheduler import JobScheduler
from bot.services import Services
from jobs import anomaly_alerts, budgets, commitments, daily_summary, digests, ingest, inventory

#: Every minute: subscriptions are checked against their own time and zone (and caught up once after downtime).
DUE_CHECK = CronTrigger(minute="*", timezone="UTC")
#: Budgets between ingests (the ingest job also runs them right after new data).
BUDGET_CHECK = CronTrigger(minute="7", timezone="UTC")


def schedule_ingest(scheduler: JobScheduler, services: Services) -> None:
    if services.settings.sources:
        minutes = max(1, services.settings.ingest_interval_minutes)
        scheduler.add_job(ingest.JOB_ID, ingest.run, scheduler.every(minutes=minutes))


def schedule_daily_summary(scheduler: JobScheduler, services: Services) -> None:
    scheduler.add_job(daily_summary.JOB_ID, daily_summary.run, DUE_CHECK)


def schedule_budgets(scheduler: JobScheduler, services: Services) -> None:
    scheduler.add_job(budgets.JOB_ID, budgets.run, BUDGET_CHECK)
    scheduler.add_job(budgets.RETRY_JOB_ID, budgets.run_retries, DUE_CHECK)


#: Every job's schedule function, in the order they are registered.
SCHEDULES: list[Callable[[JobScheduler, Services], None]] = [
    schedule_ingest,
    schedule_daily_summary,
    schedule_budgets,
    anomaly_alerts.schedule,
    digests.schedule,
    inventory.schedule,
    commitments.schedule,
]


def schedule_all(scheduler: JobScheduler, services: Services) -> None:
    """Register every job on `scheduler` (fixed ids, replace_existing=True); call before `scheduler.start()`."""
    for schedule in SCHEDULES:
        schedule(scheduler, services)
