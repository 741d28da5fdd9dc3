"""APScheduler 3.x job store on the app-state database, so scheduled jobs survive restarts and are shared
by replicas (only the leader runs a scheduler, see bot.state.leader).

APScheduler creates and owns its table (`apscheduler_jobs`); it is outside the Alembic schema on purpose.
(https://apscheduler.readthedocs.io/en/3.x/modules/jobstores/sqlalchemy.html)
"""

from __future__ import annotations

from typing import Any

from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

from bot.state.db import StateStore

JOBS_TABLE = "apscheduler_jobs"


def job_store(store: StateStore) -> Any:
    """A SQLAlchemyJobStore sharing `store`'s engine (SQLite or PostgreSQL)."""
    return SQLAlchemyJobStore(engine=store.engine, tablename=JOBS_TABLE)
