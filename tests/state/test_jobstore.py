"""APScheduler 3.x keeps its jobs in the app-state database, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

from bot.state.db import StateStore
from bot.state.jobstore import job_store


def scheduled_job(channel: str) -> str:
    """A module-level function: persisted jobs are stored by reference."""
    return channel


def test_job_is_persisted_and_read_back_by_a_new_scheduler(store: StateStore) -> None:
    first = BackgroundScheduler(jobstores={"default": job_store(store)}, timezone=UTC)
    first.start(paused=True)
    first.add_job(
        scheduled_job,
        "cron",
        hour=9,
        minute=0,
        args=["CFIN"],
        id="daily:CFIN",
        replace_existing=True,
        next_run_time=datetime(2030, 1, 1, 9, tzinfo=UTC),
    )
    first.add_job(scheduled_job, "cron", hour=10, args=["CFIN"], id="daily:CFIN", replace_existing=True)
    first.shutdown(wait=False)

    # Another replica (a new scheduler and engine) sees the job, replaced in place rather than duplicated.
    other = StateStore(store.url_text)
    second = BackgroundScheduler(jobstores={"default": job_store(other)}, timezone=UTC)
    second.start(paused=True)
    try:
        jobs = second.get_jobs()
        assert [(j.id, j.func, j.args, str(j.trigger)) for j in jobs] == [
            ("daily:CFIN", scheduled_job, ("CFIN",), "cron[hour='10']")
        ]
    finally:
        second.shutdown(wait=False)
        other.dispose()
