"""Source deliveries: every billing delivery the ingest job met, for learning each source's delivery rhythm.

Revision ID: 0005_source_deliveries
Revises: 0004_apscheduler_jobs
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005_source_deliveries"
down_revision: str | None = "0004_apscheduler_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "source_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_uri", sa.Text(), nullable=False),
        sa.Column("billing_period", sa.Date(), nullable=False),
        sa.Column("delivery_id", sa.String(length=200), nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source_deliveries")),
        sa.UniqueConstraint("source_uri", "delivery_id", name=op.f("uq_source_deliveries_source_uri_delivery_id")),
    )
    op.create_index(
        "ix_source_deliveries_source_delivered", "source_deliveries", ["source_uri", "delivered_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_source_deliveries_source_delivered", table_name="source_deliveries")
    op.drop_table("source_deliveries")
