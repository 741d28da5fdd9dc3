"""The daily rollup that each DuckDB period file carries next to its raw line items.

CUR data is mostly hourly: a resource has about 24 line items per usage type per day. Every question the bot
answers is over whole UTC days (`TimeRange` holds dates) and, except hourly series, buckets by day, week or
month, so summing line items per (day, every queryable dimension, every tag) loses nothing those questions
can see and shrinks the rows scanned 10-24 times. The table is built once, when the period file is written,
from the sorted line items, and is immutable like the rest of the file.

Exactness: `charge_period_start` truncated to the day keeps every comparison with a day boundary and every
day/week/month bucket unchanged. Costs are sums of sums (float noise only, far below a cent); the amortized and
net columns are summed after falling back to unblended per line item, as `cost_expr` does on raw rows. Text
dimensions are stored with NULL folded into '' (both mean "untagged" everywhere in the contract), so grouping
and filters see the same groups as on the raw rows. `n_items` counts the line items behind each row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.billing.model import AggregateRequest, Dimension, Granularity
from bot.store.duckdb_sql import COUNT_COLUMN, cost_expr, quote_ident

ROLLUP_TABLE = "daily"
#: Coarser rollups built from `daily`, finest first: (table, dimension columns it leaves out). A question that
#: reads none of the left-out columns is answered from the smallest rollup that has every column it reads.
#: Resources are the one dimension whose cardinality grows with the data (tags hang off resources, so leaving
#: out anything else saves little).
COARSER_ROLLUPS: tuple[tuple[str, tuple[str, ...]], ...] = (("daily_no_resource", ("resource_id",)),)
ACCOUNTS_TABLE = "accounts"

#: Every column a request can group or filter by, besides tags (`Dimension` minus TAG).
DIMENSION_COLUMNS: tuple[str, ...] = tuple(d.column for d in Dimension if d is not Dimension.TAG)
#: Measures, each summed over the line items of a rollup row.
MEASURES: tuple[tuple[str, str], ...] = (
    ("billed_cost", "SUM(billed_cost)"),
    ("effective_cost", "SUM(COALESCE(effective_cost, billed_cost))"),
    ("net_cost", "SUM(COALESCE(net_cost, billed_cost))"),
    ("usage_amount", "SUM(usage_amount)"),
    (COUNT_COLUMN, "COUNT(*)"),
)


def rollup_columns(tag_columns: Iterable[str], left_out: Iterable[str] = ()) -> frozenset[str]:
    """Columns of a rollup table of a period file whose line items carry `tag_columns`."""
    every = ("charge_period_start", *DIMENSION_COLUMNS, *tag_columns, *(m for m, _ in MEASURES))
    return frozenset(every) - frozenset(left_out)


def create_rollup_sql(tag_columns: Sequence[str]) -> str:
    """`CREATE TABLE daily AS ...` over the `line_items` table of the same file.

    Sorted by day then service so zone maps skip row groups outside a range and cluster the commonest key.
    """
    keys = [*DIMENSION_COLUMNS, *tag_columns]
    select_keys = ", ".join(f"COALESCE({quote_ident(c)}, '') AS {quote_ident(c)}" for c in keys)
    measures = ", ".join(f"{expr} AS {quote_ident(name)}" for name, expr in MEASURES)
    return (
        f"CREATE TABLE {ROLLUP_TABLE} AS SELECT date_trunc('day', charge_period_start) AS charge_period_start, "
        f"{select_keys}, {measures} FROM line_items GROUP BY ALL ORDER BY charge_period_start, service_name"
    )


def create_coarser_rollup_sql(table: str, left_out: Sequence[str], tag_columns: Sequence[str]) -> str:
    """`CREATE TABLE <table> AS ...`: the daily rollup summed again without the `left_out` columns."""
    keys = [c for c in ("charge_period_start", *DIMENSION_COLUMNS, *tag_columns) if c not in left_out]
    select_keys = ", ".join(quote_ident(c) for c in keys)
    measures = ", ".join(f"SUM({quote_ident(name)}) AS {quote_ident(name)}" for name, _ in MEASURES)
    return (
        f"CREATE TABLE {quote_ident(table)} AS SELECT {select_keys}, {measures} FROM {ROLLUP_TABLE} "
        "GROUP BY ALL ORDER BY charge_period_start, service_name"
    )


def create_accounts_sql() -> str:
    """`CREATE TABLE accounts AS ...`: each usage account's latest non-empty name and when it was seen."""
    return (
        f"CREATE TABLE {ACCOUNTS_TABLE} AS SELECT sub_account_id, "
        "arg_max(sub_account_name, charge_period_start) FILTER (WHERE COALESCE(sub_account_name, '') <> '') "
        "AS sub_account_name, "
        "max(charge_period_start) FILTER (WHERE COALESCE(sub_account_name, '') <> '') AS named_at "
        "FROM line_items WHERE COALESCE(sub_account_id, '') <> '' GROUP BY sub_account_id"
    )


def request_columns(request: AggregateRequest) -> set[str]:
    """Every line-item column that answering `request` reads."""
    needed = {"charge_period_start", "usage_amount", *cost_expr(request.basis)[1]}
    needed |= {ref.column for ref in request.group_by}
    needed |= {f.dimension.column for f in request.filters}
    return needed


def rollup_serves(request: AggregateRequest) -> bool:
    """Whether the daily rollup answers `request` exactly: anything but an hourly series.

    Time ranges are whole UTC days by construction (`TimeRange` holds dates); which columns exist is checked per
    period file by the caller.
    """
    return request.granularity is not Granularity.HOUR
