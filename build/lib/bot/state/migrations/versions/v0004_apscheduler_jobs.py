"""The APScheduler job store's table, created here rather than lazily by APScheduler.

SQLAlchemyJobStore creates `apscheduler_jobs` on start (CREATE TABLE after a has-table check, outside any
lock): two replicas starting at the same instant on PostgreSQL both see no table, both create it, and one dies
on the duplicate. Migrations run under an advisory lock (`StateStore.migrate`), one replica at a time, and the
job store (`bot.state.jobstore`) no longer creates anything. The columns are exactly APScheduler 3's
(`apscheduler.jobstores.sqlalchemy`): id Unicode(191) primary key, next_run_time Float(25) indexed,
job_state LargeBinary not null. A database where APScheduler already created the table keeps it.

Revision ID: 0004_apscheduler_jobs
Revises: 0003_delivery_retries
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_apscheduler_jobs"
down_revision: str | None = "0003_delivery_retries"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "apscheduler_jobs"


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table(TABLE):
        return  # created by APScheduler before this revision existed: same columns
    op.create_table(
        TABLE,
        sa.Column("id", sa.Unicode(length=191), nullable=False),
        sa.Column("next_run_time", sa.Float(precision=25), nullable=True),
        sa.Column("job_state", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_apscheduler_jobs")),
    )
    op.create_index(op.f("ix_apscheduler_jobs_next_run_time"), TABLE, ["next_run_time"])


def downgrade() -> None:
    op.drop_index(op.f("ix_apscheduler_jobs_next_run_time"), table_name=TABLE)
    op.drop_table(TABLE)
