"""A Google Cloud Billing export for tests: the JSON lines of `data/gcp-billing-export.jsonl` (rows written from
the documented standard usage cost schema) written to parquet with BigQuery's own types, as
`bq extract --destination_format PARQUET` writes the table; and their Decimal total, summed from the JSON text
alone (cost plus every credit, what Google invoices)."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb

from bot.sqltext import quote_literal

ROWS = Path(__file__).parent / "data" / "gcp-billing-export.jsonl"

#: The standard usage cost table's columns and types (BigQuery RECORD -> STRUCT, REPEATED -> list).
#: https://cloud.google.com/billing/docs/how-to/export-data-bigquery-tables/standard-usage
SCHEMA = {
    "billing_account_id": "VARCHAR",
    "service": "STRUCT(id VARCHAR, description VARCHAR)",
    "sku": "STRUCT(id VARCHAR, description VARCHAR)",
    "usage_start_time": "VARCHAR",
    "usage_end_time": "VARCHAR",
    "project": "STRUCT(id VARCHAR, number VARCHAR, name VARCHAR, labels STRUCT(key VARCHAR, value VARCHAR)[], "
    "ancestry_numbers VARCHAR)",
    "labels": "STRUCT(key VARCHAR, value VARCHAR)[]",
    "system_labels": "STRUCT(key VARCHAR, value VARCHAR)[]",
    "location": "STRUCT(location VARCHAR, country VARCHAR, region VARCHAR, zone VARCHAR)",
    "export_time": "VARCHAR",
    "cost": "DOUBLE",
    "currency": "VARCHAR",
    "currency_conversion_rate": "DOUBLE",
    "usage": "STRUCT(amount DOUBLE, unit VARCHAR, amount_in_pricing_units DOUBLE, pricing_unit VARCHAR)",
    "credits": "STRUCT(name VARCHAR, amount DOUBLE, full_name VARCHAR, id VARCHAR, type VARCHAR)[]",
    "invoice": "STRUCT(month VARCHAR)",
    "cost_type": "VARCHAR",
    "adjustment_info": "STRUCT(id VARCHAR, description VARCHAR, mode VARCHAR, type VARCHAR)",
    "cost_at_list": "DOUBLE",
}
_TIMES = ("usage_start_time", "usage_end_time", "export_time")


def write_parquet(dest: Path, rows: Path = ROWS) -> Path:
    """The rows as one parquet file at `dest` (BigQuery TIMESTAMPs as UTC timestamps)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    columns = "{" + ", ".join(f"{quote_literal(k)}: {quote_literal(v)}" for k, v in SCHEMA.items()) + "}"
    select = ", ".join(
        f"strptime({k}, ['%Y-%m-%d %H:%M:%S.%f %Z', '%Y-%m-%d %H:%M:%S %Z']) AS {k}" if k in _TIMES else k
        for k in SCHEMA
    )
    con = duckdb.connect()
    try:
        con.execute("SET TimeZone = 'UTC'")
        con.execute(
            f"COPY (SELECT {select} FROM read_json({quote_literal(str(rows))}, format = 'newline_delimited', "
            f"columns = {columns})) TO {quote_literal(str(dest))} (FORMAT parquet)"
        )
    finally:
        con.close()
    return dest


def invoiced(rows: Path = ROWS) -> dict[date, Decimal]:
    """Per invoice month: cost plus credits, summed in Decimal from the JSON text."""
    out: dict[date, Decimal] = defaultdict(Decimal)
    for line in rows.read_text().splitlines():
        row = json.loads(line, parse_float=Decimal)
        month = row["invoice"]["month"]
        period = date(int(month[:4]), int(month[4:]), 1)
        out[period] += Decimal(row["cost"]) + sum((Decimal(c["amount"]) for c in row["credits"]), Decimal(0))
    return dict(out)


def credits_by_type(rows: Path = ROWS) -> dict[str, Decimal]:
    """Every credit's amount summed per credit type (Decimal, from the JSON text)."""
    out: dict[str, Decimal] = defaultdict(Decimal)
    for line in rows.read_text().splitlines():
        for credit in json.loads(line, parse_float=Decimal)["credits"]:
            out[credit["type"]] += Decimal(credit["amount"])
    return dict(out)
