"""The app-state tables, as SQLAlchemy 2.x typed ORM models.

The schema itself is owned by Alembic (bot/state/migrations); these classes must stay in step with the latest
revision (tests/state/test_migrations.py compares them). Times are stored as naive UTC and read back as aware
UTC (`UTCDateTime`) so SQLite and PostgreSQL behave the same.

Callers outside bot.state never see these rows: the repository modules return frozen dataclasses.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Dialect,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    TypeDecorator,
    Unicode,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names: Alembic needs them to alter or drop constraints later (SQLite batch mode too).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SUBJECT_TYPES = ("user", "channel")
AUDIT_OUTCOMES = ("ok", "denied", "error")
INGEST_STATUSES = ("running", "ok", "failed")
SUBSCRIPTION_KINDS = ("daily", "weekly", "monthly", "anomalies", "budgets", "commitments")
ALERT_STATUSES = ("open", "acknowledged", "snoozed", "expected", "not_anomaly")
DELIVERY_STATUSES = ("pending", "sent", "failed", "expired")
INVENTORY_STATUSES = ("ok", "partial", "failed")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime stored as a naive UTC timestamp (SQLite has no time zones)."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: app state stores aware UTC times only")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class GrantRow(Base):
    """What one Slack user or channel may see: accounts (or `*`) and tag filters (`key=value`)."""

    __tablename__ = "grants"
    __table_args__ = (
        UniqueConstraint("subject_type", "subject_id"),
        CheckConstraint(_in("subject_type", SUBJECT_TYPES), name="subject_type"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[str] = mapped_column(String(64))
    accounts: Mapped[list[str]] = mapped_column(JSON)
    tag_filters: Mapped[list[str]] = mapped_column(JSON)
    granted_by: Mapped[str] = mapped_column(String(64))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        CheckConstraint(_in("outcome", AUDIT_OUTCOMES), name="outcome"),
        Index("ix_audit_log_user_at", "user_id", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    user_id: Mapped[str] = mapped_column(String(64))
    channel_id: Mapped[str] = mapped_column(String(64))
    command: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16))
    duration_ms: Mapped[int] = mapped_column(Integer)


class IngestRunRow(Base):
    __tablename__ = "ingest_runs"
    __table_args__ = (
        CheckConstraint(_in("status", INGEST_STATUSES), name="status"),
        Index("ix_ingest_runs_source_started", "source_uri", "started_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_uri: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text, default="")
    periods_loaded: Mapped[int] = mapped_column(Integer, default=0)
    periods_skipped: Mapped[int] = mapped_column(Integer, default=0)


class SubscriptionRow(Base):
    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("channel_id", "kind", "filters"),
        CheckConstraint(_in("kind", SUBSCRIPTION_KINDS), name="kind"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    filters: Mapped[str] = mapped_column(Text)  # the query grammar text, '' for none
    at_time: Mapped[str] = mapped_column(String(5))  # HH:MM in `timezone`
    timezone: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RouteRow(Base):
    """Alerts about costs tagged `tag_key=tag_value` go to `channel_id`; `*` is a wildcard (`*`/`*` = fallback)."""

    __tablename__ = "routes"
    __table_args__ = (UniqueConstraint("tag_key", "tag_value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tag_key: Mapped[str] = mapped_column(String(255))
    tag_value: Mapped[str] = mapped_column(String(255))
    channel_id: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class BudgetRow(Base):
    __tablename__ = "budgets"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    amount: Mapped[Decimal] = mapped_column(Numeric(18, 2))
    currency: Mapped[str] = mapped_column(String(3))
    filters: Mapped[str] = mapped_column(Text)
    channel_id: Mapped[str] = mapped_column(String(64))
    created_by: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class AnomalyAlertRow(Base):
    __tablename__ = "anomaly_alerts"
    __table_args__ = (CheckConstraint(_in("status", ALERT_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    anomaly_key: Mapped[str] = mapped_column(String(255), unique=True)
    dimension: Mapped[str] = mapped_column(String(255))
    value: Mapped[str] = mapped_column(Text)
    start: Mapped[date] = mapped_column(Date)
    end: Mapped[date | None] = mapped_column(Date)
    channel_id: Mapped[str] = mapped_column(String(64))
    message_ts: Mapped[str | None] = mapped_column(String(32))
    thread_ts: Mapped[str | None] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True)
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    triaged_by: Mapped[str | None] = mapped_column(String(64))
    triaged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_impact: Mapped[float] = mapped_column(Float)
    sensitivity: Mapped[float] = mapped_column(Float, default=1.0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DeliveryRow(Base):
    __tablename__ = "deliveries"
    __table_args__ = (
        CheckConstraint(_in("status", DELIVERY_STATUSES), name="status"),
        Index("ix_deliveries_channel_status", "channel_id", "status"),
        Index("ix_deliveries_job_status_next", "job", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(512), unique=True)
    job: Mapped[str] = mapped_column(String(64))
    channel_id: Mapped[str] = mapped_column(String(64))
    period: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    claim_token: Mapped[str] = mapped_column(String(64))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    message_ts: Mapped[str | None] = mapped_column(String(32))
    attempts: Mapped[int] = mapped_column(Integer)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: A failed delivery is not claimed again before this moment (back-off, Slack's Retry-After).
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: After this moment the delivery is settled (found, or given up as `expired`), never posted.
    deadline: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Set when an attempt began a non-idempotent Slack call whose outcome was never recorded (a crash, a lost
    #: response): before posting again, the channel is searched for the message since then.
    unknown_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: What the attempt in flight made before its Slack call (the uploaded file ids of a digest's files).
    detail: Mapped[str] = mapped_column(Text, default="")


class LeaderLeaseRow(Base):
    """The SQLite scheduler lease: one row per lease name; `holder` owns it until `expires_at`."""

    __tablename__ = "leader_leases"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(128))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)


class InventorySnapshotRow(Base):
    """One day's AWS inventory and CloudWatch metrics (`bot.aws.snapshot.dump` as JSON text), with the end dates
    of the reservations and savings plans seen that day. One row per UTC day; `failed` rows keep only the error."""

    __tablename__ = "inventory_snapshots"
    __table_args__ = (CheckConstraint(_in("status", INVENTORY_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    collected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16))
    resources: Mapped[int] = mapped_column(Integer)
    errors: Mapped[int] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)  # JSON: {"snapshot": dump(...), "commitment_ends": {arn: day}}


class SourceDeliveryRow(Base):
    """A delivery seen in a billing source (first time the ingest job met it): the history a source's delivery
    rhythm is learned from. `delivered_at` is the provider's time (manifest or object time), not ours."""

    __tablename__ = "source_deliveries"
    __table_args__ = (
        UniqueConstraint("source_uri", "delivery_id"),
        Index("ix_source_deliveries_source_delivered", "source_uri", "delivered_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_uri: Mapped[str] = mapped_column(Text)
    billing_period: Mapped[date] = mapped_column(Date)
    delivery_id: Mapped[str] = mapped_column(String(200))
    delivered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


#: APScheduler 3's job store table, created by the migrations (revision 0003) so that the job store never
#: creates it lazily (`bot.state.jobstore`). Columns exactly as `apscheduler.jobstores.sqlalchemy` defines
#: them: 191 = MySQL's InnoDB key limit, Float(25) = an 8-byte float.
APSCHEDULER_JOBS = Table(
    "apscheduler_jobs",
    Base.metadata,
    Column("id", Unicode(191), primary_key=True),
    Column("next_run_time", Float(25), index=True),
    Column("job_state", LargeBinary, nullable=False),
)


__all__ = [
    "ALERT_STATUSES",
    "APSCHEDULER_JOBS",
    "AUDIT_OUTCOMES",
    "DELIVERY_STATUSES",
    "INGEST_STATUSES",
    "INVENTORY_STATUSES",
    "SUBJECT_TYPES",
    "SUBSCRIPTION_KINDS",
    "AnomalyAlertRow",
    "AuditRow",
    "Base",
    "BudgetRow",
    "DeliveryRow",
    "GrantRow",
    "IngestRunRow",
    "InventorySnapshotRow",
    "LeaderLeaseRow",
    "RouteRow",
    "SourceDeliveryRow",
    "SubscriptionRow",
]
