"""Initial schema: grants, audit log, ingest runs, subscriptions, routes, budgets, anomaly alerts,
deliveries and the SQLite leader lease.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "anomaly_alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("anomaly_key", sa.String(length=255), nullable=False),
        sa.Column("dimension", sa.String(length=255), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=True),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("thread_ts", sa.String(length=32), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("snoozed_until", sa.DateTime(), nullable=True),
        sa.Column("triaged_by", sa.String(length=64), nullable=True),
        sa.Column("triaged_at", sa.DateTime(), nullable=True),
        sa.Column("last_impact", sa.Float(), nullable=False),
        sa.Column("sensitivity", sa.Float(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'acknowledged', 'snoozed', 'expected', 'not_anomaly')",
            name=op.f("ck_anomaly_alerts_status"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anomaly_alerts")),
        sa.UniqueConstraint("anomaly_key", name=op.f("uq_anomaly_alerts_anomaly_key")),
    )
    op.create_index(op.f("ix_anomaly_alerts_status"), "anomaly_alerts", ["status"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.Column("command", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.CheckConstraint("outcome IN ('ok', 'denied', 'error')", name=op.f("ck_audit_log_outcome")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index("ix_audit_log_user_at", "audit_log", ["user_id", "at"])

    op.create_table(
        "budgets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_budgets_amount_positive")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_budgets")),
        sa.UniqueConstraint("name", name=op.f("uq_budgets_name")),
    )
    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=512), nullable=False),
        sa.Column("job", sa.String(length=64), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.Column("period", sa.String(length=64), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("claim_token", sa.String(length=64), nullable=False),
        sa.Column("claimed_at", sa.DateTime(), nullable=False),
        sa.Column("message_ts", sa.String(length=32), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('pending', 'sent', 'failed')", name=op.f("ck_deliveries_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
        sa.UniqueConstraint("key", name=op.f("uq_deliveries_key")),
    )
    op.create_index("ix_deliveries_channel_status", "deliveries", ["channel_id", "status"])

    op.create_table(
        "grants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subject_type", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.String(length=64), nullable=False),
        sa.Column("accounts", sa.JSON(), nullable=False),
        sa.Column("tag_filters", sa.JSON(), nullable=False),
        sa.Column("granted_by", sa.String(length=64), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("subject_type IN ('user', 'channel')", name=op.f("ck_grants_subject_type")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_grants")),
        sa.UniqueConstraint("subject_type", "subject_id", name=op.f("uq_grants_subject_type_subject_id")),
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_uri", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("periods_loaded", sa.Integer(), nullable=False),
        sa.Column("periods_skipped", sa.Integer(), nullable=False),
        sa.CheckConstraint("status IN ('running', 'ok', 'failed')", name=op.f("ck_ingest_runs_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )
    op.create_index("ix_ingest_runs_source_started", "ingest_runs", ["source_uri", "started_at"])
    op.create_index(op.f("ix_ingest_runs_started_at"), "ingest_runs", ["started_at"])

    op.create_table(
        "leader_leases",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=128), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_leader_leases")),
    )
    op.create_table(
        "routes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tag_key", sa.String(length=255), nullable=False),
        sa.Column("tag_value", sa.String(length=255), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_routes")),
        sa.UniqueConstraint("tag_key", "tag_value", name=op.f("uq_routes_tag_key_tag_value")),
    )
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("filters", sa.Text(), nullable=False),
        sa.Column("at_time", sa.String(length=5), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('daily', 'weekly', 'monthly', 'anomalies', 'budgets', 'commitments')",
            name=op.f("ck_subscriptions_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        sa.UniqueConstraint("channel_id", "kind", "filters", name=op.f("uq_subscriptions_channel_id_kind_filters")),
    )


def downgrade() -> None:
    op.drop_table("subscriptions")
    op.drop_table("routes")
    op.drop_table("leader_leases")
    op.drop_index(op.f("ix_ingest_runs_started_at"), table_name="ingest_runs")
    op.drop_index("ix_ingest_runs_source_started", table_name="ingest_runs")

    op.drop_table("ingest_runs")
    op.drop_table("grants")
    op.drop_index("ix_deliveries_channel_status", table_name="deliveries")

    op.drop_table("deliveries")
    op.drop_table("budgets")
    op.drop_index("ix_audit_log_user_at", table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")

    op.drop_table("audit_log")
    op.drop_index(op.f("ix_anomaly_alerts_status"), table_name="anomaly_alerts")

    op.drop_table("anomaly_alerts")
