"""Deliveries that survive outages: back-off, a deadline, posts of unknown fate, and the `expired` status.

- `next_attempt_at`: a failed delivery is not claimed again before it (exponential back-off, Retry-After).
- `deadline`: after it the delivery is settled, never posted (found in the channel, or `expired`).
- `unknown_since`: an attempt began a non-idempotent Slack call whose answer was never recorded; the next
  attempt looks for the message in the channel before posting again.
- `detail`: what the attempt in flight made before its Slack call (a digest's uploaded file ids).
- status `expired`: given up at the deadline (shown by `/trackit status`).

Revision ID: 0003_delivery_retries
Revises: 0002
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003_delivery_retries"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_STATUSES = "status IN ('pending', 'sent', 'failed')"
_NEW_STATUSES = "status IN ('pending', 'sent', 'failed', 'expired')"


def upgrade() -> None:
    # Batch mode: SQLite cannot alter a CHECK constraint in place (the table is copied); PostgreSQL alters it.
    with op.batch_alter_table("deliveries") as batch:
        batch.add_column(sa.Column("next_attempt_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("deadline", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("unknown_since", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("detail", sa.Text(), nullable=False, server_default=""))
        batch.drop_constraint(op.f("ck_deliveries_status"), type_="check")
        batch.create_check_constraint(op.f("ck_deliveries_status"), sa.text(_NEW_STATUSES))
        batch.create_index("ix_deliveries_job_status_next", ["job", "status", "next_attempt_at"])
    with op.batch_alter_table("deliveries") as batch:
        batch.alter_column("detail", server_default=None)


def downgrade() -> None:
    op.execute("UPDATE deliveries SET status = 'failed' WHERE status = 'expired'")
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_index("ix_deliveries_job_status_next")
        batch.drop_constraint(op.f("ck_deliveries_status"), type_="check")
        batch.create_check_constraint(op.f("ck_deliveries_status"), sa.text(_OLD_STATUSES))
        batch.drop_column("detail")
        batch.drop_column("unknown_since")
        batch.drop_column("deadline")
        batch.drop_column("next_attempt_at")
