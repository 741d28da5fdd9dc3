"""A small organisation's bill for the report, digest, alert and preview tests (today is 2026-11-27).

2026-05-01 .. 2026-11-26, whole days (the last line item ends at 2026-11-27 00:00, so 11-26 is complete):
two accounts, three services with two usage types each, a `team` tag (web, data, or none) and resource ids.
Steady costs with a weekly rhythm, plus one event: from 2026-11-24 the web team's EC2 instance `i-web-2`
costs an extra 400.00 a day (a spike for the anomaly alerts). Costs are decimal strings, so tests compute
expected numbers independently with Decimal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from bot.billing.periods import add_months
from bot.billing.store import BillingStore
from bot.state.db import StateStore
from bot.store.registry import open_store
from tests.store.sources import item, make_source

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
FIRST = date(2026, 5, 1)
LAST = date(2026, 11, 26)
SPIKE_START = date(2026, 11, 24)
SPIKE_RESOURCE = "i-web-2"
SPIKE_COST = Decimal("400.00")

ACCOUNTS = {"111111111111": "prod", "222222222222": "staging"}
EC2 = "Amazon Elastic Compute Cloud"
S3 = "Amazon Simple Storage Service"
RDS = "Amazon Relational Database Service"

# (account, service code, service name, usage type, resource, team, base cost per day)
LINES: tuple[tuple[str, str, str, str, str, str | None, Decimal], ...] = (
    ("111111111111", "AmazonEC2", EC2, "USE1-BoxUsage:m5.large", "i-web-1", "web", Decimal("120.00")),
    ("111111111111", "AmazonEC2", EC2, "USE1-EBS:VolumeUsage.gp3", "vol-web-1", "web", Decimal("15.00")),
    ("222222222222", "AmazonEC2", EC2, "USE1-BoxUsage:t3.medium", "i-data-1", "data", Decimal("40.00")),
    ("111111111111", "AmazonS3", S3, "USE1-TimedStorage-ByteHrs", "bucket-logs", None, Decimal("30.00")),
    ("222222222222", "AmazonS3", S3, "USE1-Requests-Tier1", "bucket-data", "data", Decimal("8.00")),
    ("111111111111", "AmazonRDS", RDS, "USE1-InstanceUsage:db.r6g.large", "db-web", "web", Decimal("60.00")),
)


def _cost(base: Decimal, day: date, n: int) -> Decimal:
    weekly = Decimal("0.9") if day.weekday() >= 5 else Decimal("1.0")  # quieter weekends
    drift = Decimal(day.toordinal() % 5) / 100  # a few cents of wobble
    return (base * weekly + drift + Decimal(n % 3) / 100).quantize(Decimal("0.01"))


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    day = FIRST
    while day <= LAST:
        for n, (account, code, name, usage_type, resource, team, base) in enumerate(LINES):
            out.append(
                item(
                    day,
                    str(_cost(base, day, n)),
                    hour=0,
                    hours=24,
                    sub_account_id=account,
                    sub_account_name=ACCOUNTS[account],
                    service_code=code,
                    service_name=name,
                    usage_type=usage_type,
                    resource_id=resource,
                    invoice_id="" if day.month == 11 else f"INV-{day:%Y-%m}",
                    tags={"user:team": team} if team else {},
                )
            )
        if day >= SPIKE_START:
            out.append(
                item(
                    day,
                    str(SPIKE_COST),
                    hours=24,
                    sub_account_id="111111111111",
                    sub_account_name="prod",
                    service_code="AmazonEC2",
                    service_name=EC2,
                    usage_type="USE1-BoxUsage:m5.4xlarge",
                    resource_id=SPIKE_RESOURCE,
                    tags={"user:team": "web"},
                )
            )
        day += timedelta(days=1)
    return out


ROWS = rows()


def load_store(directory: Path, rows: Sequence[Mapping[str, object]] = ROWS) -> BillingStore:
    """A DuckDB billing store under `directory` holding `rows`, one delivery per month."""
    store = open_store(f"duckdb://{directory / 'billing'}")
    month = FIRST.replace(day=1)
    while month <= LAST:
        part = [r for r in rows if str(r["billing_period"]) == month.isoformat()]
        if part:
            store.replace_period(make_source(directory, part, delivered_at=datetime(2026, 11, 27, 6, tzinfo=UTC)))
        month = add_months(month, 1)
    return store


def new_state(directory: Path) -> StateStore:
    state = StateStore(f"sqlite:///{directory / 'state.sqlite3'}")
    state.migrate()
    return state


def expected(rows: Sequence[Mapping[str, object]], **where: object) -> Decimal:
    """Sum of billed_cost of rows matching every `column=value` (callables are predicates)."""
    out = Decimal(0)
    for r in rows:
        if all((v(r.get(k)) if isinstance(v, Callable) else r.get(k) == v) for k, v in where.items()):  # type: ignore[arg-type]
            out += Decimal(str(r["billed_cost"]))
    return out


def days(start: str, end: str) -> Callable[[object], bool]:
    """Predicate on charge_period_start: `start <= day < end` (ISO dates)."""
    return lambda v: start <= str(v)[:10] < end
