"""APScheduler 3.x job store on the app-state database, so scheduled jobs survive restarts and are shared
by replicas (only the leader runs a scheduler, see bot.state.leader).

The table (`apscheduler_jobs`) belongs to the Alembic schema (revision 0003) like every other table: it is
declared with the models (`bot.state.models.APSCHEDULER_JOBS`), with exactly the columns APScheduler's
SQLAlchemyJobStore defines, and the job store never creates it. APScheduler's own store creates it lazily on
start, outside any lock, and two replicas starting at the same instant on PostgreSQL raced on that CREATE
TABLE (one of them crashed). (https://apscheduler.readthedocs.io/en/3.x/modules/jobstores/sqlalchemy.html)
"""

from __future__ import annotations

from typing import Any

from apscheduler.jobstores.base import BaseJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from sqlalchemy import inspect

from bot.errors import ConfigError
from bot.state.db import StateStore
from bot.state.models import APSCHEDULER_JOBS

JOBS_TABLE = APSCHEDULER_JOBS.name


class MigratedJobStore(SQLAlchemyJobStore):  # type: ignore[misc]  # APScheduler ships no type hints
    """SQLAlchemyJobStore whose table the migrations create: starting it creates nothing, and a database that was
    never migrated is a configuration error naming the fix, not a lazy CREATE TABLE."""

    def start(self, scheduler: Any, alias: str) -> None:
        BaseJobStore.start(self, scheduler, alias)  # what SQLAlchemyJobStore.start does, minus jobs_t.create()
        if not inspect(self.engine).has_table(self.jobs_t.name):
            raise ConfigError(
                f"the app-state database has no {self.jobs_t.name} table: run the migrations "
                "(the bot runs them at start-up; StateStore.migrate())"
            )


def job_store(store: StateStore) -> Any:
    """A job store sharing `store`'s engine (SQLite or PostgreSQL); its table comes from the migrations."""
    return MigratedJobStore(engine=store.engine, tablename=JOBS_TABLE)
