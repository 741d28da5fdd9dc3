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


def test_the_migrated_table_is_the_one_apscheduler_defines(store: StateStore) -> None:
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
    from sqlalchemy import inspect

    theirs = SQLAlchemyJobStore(engine=store.engine).jobs_t
    columns = {c["name"]: c for c in inspect(store.engine).get_columns("apscheduler_jobs")}
    assert list(columns) == [c.name for c in theirs.columns]
    for col in theirs.columns:
        got = columns[col.name]
        assert got["nullable"] == col.nullable, col.name
        assert got["type"]._type_affinity is col.type._type_affinity, col.name
    assert inspect(store.engine).get_pk_constraint("apscheduler_jobs")["constrained_columns"] == ["id"]
    assert [i["column_names"] for i in inspect(store.engine).get_indexes("apscheduler_jobs")] == [["next_run_time"]]
    assert columns["id"]["type"].length == 191


def test_the_job_store_never_creates_its_table(state_url: str) -> None:
    import pytest
    from sqlalchemy import inspect

    from bot.errors import ConfigError

    store = StateStore(state_url)
    store.migrate("0002")  # a database the migrations have not brought to the job store's revision
    scheduler = BackgroundScheduler(jobstores={"default": job_store(store)}, timezone=UTC)
    with pytest.raises(ConfigError, match="the app-state database has no apscheduler_jobs table: run the migrations"):
        scheduler.start(paused=True)
    assert not inspect(store.engine).has_table("apscheduler_jobs")
    store.dispose()


def test_a_table_apscheduler_created_before_the_migration_is_kept(state_url: str) -> None:
    # Deployments that ran before revision 0004_apscheduler_jobs have the table APScheduler created lazily,
    # with their jobs.
    store = StateStore(state_url)
    store.migrate("0002")
    from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

    old = BackgroundScheduler(jobstores={"default": SQLAlchemyJobStore(engine=store.engine)}, timezone=UTC)
    old.start(paused=True)
    old.add_job(scheduled_job, "cron", hour=9, args=["CFIN"], id="daily:CFIN")
    old.shutdown(wait=False)
    store.migrate()
    assert store.current_revision() == StateStore.head_revision()
    new = BackgroundScheduler(jobstores={"default": job_store(store)}, timezone=UTC)
    new.start(paused=True)
    try:
        assert [j.id for j in new.get_jobs()] == ["daily:CFIN"]
    finally:
        new.shutdown(wait=False)
        store.dispose()
