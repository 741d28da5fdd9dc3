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


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _line_item(day: date, n: int, **extra: object) -> dict[str, object]:
    """Line `n` of LINES on `day`, a whole day's usage."""
    account, code, name, usage_type, resource, team, base = LINES[n]
    return item(
        day,
        str(_cost(base, day, n)),
        hours=24,
        sub_account_id=account,
        service_code=code,
        service_name=name,
        usage_type=usage_type,
        resource_id=resource,
        tags={"user:team": team} if team else {},
        **extra,
    )


def _spike_item(day: date, **extra: object) -> dict[str, object]:
    """The web team's oversized EC2 instance on `day`, a whole day's usage."""
    return item(
        day,
        str(SPIKE_COST),
        hours=24,
        sub_account_id="111111111111",
        service_code="AmazonEC2",
        service_name=EC2,
        usage_type="USE1-BoxUsage:m5.4xlarge",
        resource_id=SPIKE_RESOURCE,
        tags={"user:team": "web"},
        **extra,
    )


def rows() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for day in _days(FIRST, LAST):
        invoice = "" if day.month == 11 else f"INV-{day:%Y-%m}"
        for n, line in enumerate(LINES):
            out.append(_line_item(day, n, sub_account_name=ACCOUNTS[line[0]], invoice_id=invoice))
        if day >= SPIKE_START:
            out.append(_spike_item(day, sub_account_name="prod"))
    return out


ROWS = rows()


def november(last: date, spike_until: date) -> list[dict[str, object]]:
    """November's rows as a later delivery would hold them: every line through `last` (from the 27th), the spike
    through `spike_until` (none before SPIKE_START), the days before untouched. What the anomaly alert tests and
    bench/chaos.py deliver over the store of `load_store`, a day or two later."""
    out = [r for r in ROWS if str(r["billing_period"]) == "2026-11-01" and r["resource_id"] != SPIKE_RESOURCE]
    for day in _days(date(2026, 11, 27), last):
        out.extend(_line_item(day, n) for n in range(len(LINES)))
    out.extend(_spike_item(day) for day in _days(SPIKE_START, spike_until))
    return out


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
