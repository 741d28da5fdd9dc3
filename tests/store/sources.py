"""Hand-written billing periods for the store contract suite and the query-layer tests.

`make_source` writes rows with the csv module into a tiny CSV under a temporary directory and returns a
`NormalizedSource` whose SELECT reads it back with explicit types (so nothing depends on DuckDB's guessing).
Costs are given as decimal strings so tests can compute exact expected totals with `Decimal`.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from bot.billing.model import LINE_ITEM_COLUMN_NAMES, LINE_ITEM_COLUMNS, Delivery
from bot.billing.store import NormalizedSource

NULL = None

DEFAULTS: dict[str, object] = {
    "billed_cost": "0",
    "effective_cost": None,
    "net_cost": None,
    "list_cost": None,
    "usage_amount": "1",
    "usage_unit": "Hrs",
    "billing_account_id": "000000000001",
    "billing_account_name": "payer",
    "sub_account_id": "000000000001",
    "sub_account_name": "",
    "service_code": "AmazonEC2",
    "service_name": "Amazon Elastic Compute Cloud",
    "region_id": "us-east-1",
    "availability_zone": "",
    "usage_type": "BoxUsage",
    "operation": "RunInstances",
    "resource_id": "",
    "line_item_type": "Usage",
    "charge_category": "Usage",
    "description": "",
    "product_family": "",
    "instance_type": "",
    "pricing_term": "OnDemand",
    "invoice_id": "",
    "reservation_arn": "",
    "reservation_effective_cost": None,
    "savings_plan_arn": "",
    "savings_plan_effective_cost": None,
    "currency": "USD",
    "provider": "aws",
    "charge_class": None,  # the store derives it from the line item type and charge period
}


def item(day: date | str, cost: str, *, hour: int = 0, hours: int = 1, **fields: object) -> dict[str, object]:
    """One line item on `day` (UTC) costing `cost`; `tags={"user:team": "a"}` and any column as keyword."""
    d = date.fromisoformat(day) if isinstance(day, str) else day
    start = datetime(d.year, d.month, d.day, hour)
    tags = fields.pop("tags", {})
    row: dict[str, object] = dict(DEFAULTS)
    row.update(
        billing_period=d.replace(day=1).isoformat(),
        charge_period_start=start.isoformat(sep=" "),
        charge_period_end=datetime.fromtimestamp(start.timestamp() + 3600 * hours).isoformat(sep=" "),
        billed_cost=cost,
    )
    if row["effective_cost"] is None:
        row["effective_cost"] = cost
    row.update(fields)
    for key, value in dict(tags).items():  # type: ignore[call-overload]
        row["tag:" + key] = value
    return row


def _esc(text: str) -> str:
    return text.replace("'", "''")


def total(rows: Iterable[Mapping[str, object]], column: str = "billed_cost") -> Decimal:
    return sum((Decimal(str(r[column])) for r in rows if r.get(column) is not None), Decimal(0))


def make_source(
    tmp: Path,
    rows: Sequence[Mapping[str, object]],
    *,
    period: date | None = None,
    delivery_id: str | None = None,
    delivered_at: datetime | None = None,
    expected_total: str | None = None,
    tag_keys: Sequence[str] | None = None,
    source: str = "",
    source_uri: str | None = None,
    complete_until: datetime | None = None,
) -> NormalizedSource:
    """A NormalizedSource over `rows` (all in one billing period) from `source` (the default one: "").
    `expected_total` overrides the true sum; `source_uri` the file's path as the delivery's URI."""
    period = period or date.fromisoformat(str(rows[0]["billing_period"]))
    keys = sorted(tag_keys if tag_keys is not None else {k[4:] for r in rows for k in r if k.startswith("tag:")})
    tag_cols = [f"tag:{k}" for k in keys]
    header = [*LINE_ITEM_COLUMN_NAMES, *tag_cols]
    path = tmp / f"src-{uuid.uuid4().hex[:8]}.csv"
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        for r in rows:
            w.writerow(["\\N" if r.get(c) is None else r[c] for c in header])
    types = [(n, t) for n, t, _ in LINE_ITEM_COLUMNS] + [(c, "VARCHAR") for c in tag_cols]
    spec = ", ".join(f"'{_esc(n)}': '{t}'" for n, t in types)
    sql = f"SELECT * FROM read_csv('{path}', header=true, nullstr='\\N', columns={{{spec}}})"
    return NormalizedSource(
        delivery=Delivery(
            billing_period=period,
            delivery_id=delivery_id or uuid.uuid4().hex[:8],
            delivered_at=delivered_at or datetime(period.year, period.month, 2, tzinfo=UTC),
            source_format="test-csv",
            source_uri=source_uri if source_uri is not None else str(path),
            source=source,
            complete_until=complete_until,
        ),
        select_sql=sql,
        tag_keys=tuple(keys),
        cost_categories=(),
        expected_billed_total=expected_total if expected_total is not None else str(total(rows)),
        expected_rows=len(rows),
    )
