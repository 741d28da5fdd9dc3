"""Google Cloud Billing export files: nested rows flattened into one row per cost and one per credit.

Cloud Billing exports usage cost data to a BigQuery table (`gcp_billing_export_v1_<account>` for standard usage
cost, `gcp_billing_export_resource_v1_<account>` for detailed); `bq extract --destination_format PARQUET` (or an
`EXPORT DATA` statement) writes it to files with its nested and repeated fields intact:
`service`/`sku`/`project`/`location`/`invoice`/`usage` records, `labels` as a repeated key/value record and
`credits` as a repeated record (name, amount, full_name, id, type) applied to the row's cost.
https://cloud.google.com/billing/docs/how-to/export-data-bigquery-tables/standard-usage

A row's `cost` is before its credits; Google invoices `cost + SUM(credits.amount)`. So that the bot's totals
are what Google bills and every credit stays visible as an amount of its own (a charge class of its own, see
`bot.ingest.mapping.GCP_BILLING`), each row becomes one flat row for its cost (`row_kind` 'cost') and one for
each credit (`row_kind` 'credit', `amount` the credit's, negative). The flat rows are staged as one parquet file,
numbered by export file (`__part`) like a staged CSV, and the mapping table reads them like any other format.

CSV cannot hold the repeated fields (BigQuery refuses to extract a nested table to CSV), so a CSV with these
columns is refused with the way to export it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from pathlib import Path

import duckdb

from bot.errors import MissingColumns, UnknownFormat
from bot.ingest.csvfiles import DataFile
from bot.ingest.readers import PART, STAGE_OPTIONS, Inspected, files_label, run
from bot.sqltext import quote_ident, quote_literal

#: Without these, nothing can be read from a row.
_REQUIRED = ("cost", "usage_start_time", "usage_end_time", "service", "currency")


class _Columns:
    """The export's columns and record fields as present, each NULL where a version of the export lacks it
    (the standard export has no `resource`, older ones no `cost_type` or `cost_at_list`)."""

    def __init__(self, columns: Mapping[str, str]) -> None:
        self._types = {c.lower(): (c, t) for c, t in columns.items()}

    def col(self, name: str) -> str:
        found = self._types.get(name)
        return "NULL" if found is None else f"src.{quote_ident(found[0])}"

    def field(self, record: str, name: str) -> str:
        found = self._types.get(record)
        if found is None or not re.search(rf'[(,]\s*"?{re.escape(name)}"?\s', found[1], re.IGNORECASE):
            return "NULL"
        return f"src.{quote_ident(found[0])}.{quote_ident(name)}"

    def credit_field(self, name: str) -> str:
        """A field of the credit being unnested (`__credit`), NULL when the export's credit record lacks it."""
        found = self._types.get("credits")
        if found is None or not re.search(rf'[(,]\s*"?{re.escape(name)}"?\s', found[1], re.IGNORECASE):
            return "NULL"
        return f"src.__credit.{quote_ident(name)}"

    def is_list_of_records(self, name: str) -> bool:
        found = self._types.get(name)
        return found is not None and found[1].upper().startswith("STRUCT") and found[1].endswith("[]")


def flat_sql(columns: Mapping[str, str], relation: str) -> str:
    """The SELECT turning the export's rows (`relation`, with its `__part` column) into flat rows."""
    c = _Columns(columns)
    text = "CAST({} AS VARCHAR)"
    labels = (
        f"map_from_entries(list_filter({c.col('labels')}, lambda x: x.key IS NOT NULL))"
        if c.is_list_of_records("labels")
        else "NULL::MAP(VARCHAR, VARCHAR)"
    )
    common = {
        "billing_account_id": text.format(c.col("billing_account_id")),
        "service_id": text.format(c.field("service", "id")),
        "service_description": text.format(c.field("service", "description")),
        "sku_id": text.format(c.field("sku", "id")),
        "sku_description": text.format(c.field("sku", "description")),
        "usage_start_time": c.col("usage_start_time"),
        "usage_end_time": c.col("usage_end_time"),
        "project_id": text.format(c.field("project", "id")),
        "project_name": text.format(c.field("project", "name")),
        "location_location": text.format(c.field("location", "location")),
        "location_region": text.format(c.field("location", "region")),
        "location_zone": text.format(c.field("location", "zone")),
        "resource_name": text.format(c.field("resource", "name")),
        "usage_amount": f"CAST({c.field('usage', 'amount')} AS DOUBLE)",
        "usage_unit": text.format(c.field("usage", "unit")),
        "currency": text.format(c.col("currency")),
        "cost_type": text.format(c.col("cost_type")),
        "invoice_period": f"strptime(NULLIF({text.format(c.field('invoice', 'month'))}, '') || '01', '%Y%m%d')",
        "labels": labels,
    }
    shared = ", ".join(f"{expr} AS {quote_ident(name)}" for name, expr in common.items())
    costs = (
        f"SELECT {shared}, 'cost' AS row_kind, CAST({c.col('cost')} AS DOUBLE) AS amount, "
        f"CAST({c.col('cost_at_list')} AS DOUBLE) AS list_amount, NULL::VARCHAR AS credit_type, "
        f"NULL::VARCHAR AS credit_name, src.{PART} AS {PART} FROM {relation} AS src"
    )
    if not c.is_list_of_records("credits"):
        return costs
    credit_type = c.credit_field("type")
    credit_name = f"COALESCE({c.credit_field('full_name')}, {c.credit_field('name')})"
    credits = (
        f"SELECT {shared}, 'credit' AS row_kind, CAST({c.credit_field('amount')} AS DOUBLE) AS amount, "
        f"NULL::DOUBLE AS list_amount, CAST({credit_type} AS VARCHAR) AS credit_type, "
        f"CAST({credit_name} AS VARCHAR) AS credit_name, src.{PART} AS {PART} "
        f"FROM (SELECT *, unnest({c.col('credits')}) AS __credit FROM {relation} AS src) AS src"
    )
    return f"{costs} UNION ALL {credits}"


def flatten(inspected: Inspected, con: duckdb.DuckDBPyConnection, workdir: Path) -> Inspected:
    """Stage the export's flat rows (module docstring) as one parquet file in `workdir` and return it inspected.

    Raises `UnknownFormat` for CSV files (the export cannot be CSV) and `MissingColumns` naming the columns a
    Cloud Billing export must have.
    """
    label = files_label(inspected.named)
    if not inspected.parquet:
        raise UnknownFormat(
            f"{label}: a Google Cloud Billing export in CSV cannot carry its credits and labels (repeated fields)",
            hint="Export the billing table as Parquet: bq extract --destination_format PARQUET "
            "<project>:<dataset>.gcp_billing_export_v1_<account> gs://<bucket>/<month>/*.parquet",
        )
    lower = {c.lower() for c in inspected.columns}
    missing = [c for c in _REQUIRED if c not in lower]
    if missing:
        raise MissingColumns(label, missing, "gcp")
    target = workdir / f"staged-gcp-{uuid.uuid4().hex[:12]}.parquet"
    sql = flat_sql(inspected.columns, inspected.relation(("",), part=True))
    run(con, f"COPY ({sql}) TO {quote_literal(str(target))} ({STAGE_OPTIONS})", inspected.named, scratch=workdir)
    described = con.execute(f"DESCRIBE SELECT * FROM read_parquet({quote_literal(str(target))})").fetchall()
    columns = {str(r[0]): str(r[1]) for r in described if str(r[0]) != PART}
    return Inspected((DataFile(target, target.name),), True, columns, sources=inspected.named, staged=True)
