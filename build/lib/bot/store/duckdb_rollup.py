"""The daily rollup that each DuckDB period file carries next to its raw line items.

CUR data is mostly hourly: a resource has about 24 line items per usage type per day. Every question the bot
answers is over whole UTC days (`TimeRange` holds dates) and, except hourly series, buckets by day, week or
month, so summing line items per (day, every queryable dimension, every tag) loses nothing those questions
can see and shrinks the rows scanned 10-24 times. The table is built once, when the period file is written,
from the sorted line items, and is immutable like the rest of the file.

Exactness: `charge_period_start` truncated to the day keeps every comparison with a day boundary and every
day/week/month bucket unchanged. Costs are sums of sums (float noise only, far below a cent); the amortized and
net columns are summed after falling back to unblended per line item, as `cost_expr` does on raw rows. Text
dimensions are stored with NULL folded into '' (both mean "empty" everywhere in the contract), so grouping
and filters see the same groups as on the raw rows. `n_items` counts the line items behind each row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.billing.model import LINE_SUM_KEYS, AggregateRequest, Dimension, Granularity
from bot.sqltext import quote_ident
from bot.store.duckdb_sql import COUNT_COLUMN, column_type, cost_expr

ACCOUNTS_TABLE = "accounts"

#: Every column a request can group or filter by, besides tags (`Dimension` minus TAG).
DIMENSION_COLUMNS: tuple[str, ...] = tuple(d.column for d in Dimension if d is not Dimension.TAG)
_NO_RESOURCE = tuple(c for c in DIMENSION_COLUMNS if c != "resource_id")
#: The `LINE_SUM_KEYS` that are not dimensions: line item types, instance types and commitments (rightsizing
#: rates and commitment reports group by them). They add few rows: all but the commitment ARNs follow from the
#: usage type, and a period has a few hundred commitments.
LINE_COLUMNS: tuple[str, ...] = tuple(k for k in LINE_SUM_KEYS if k not in DIMENSION_COLUMNS)
#: Measures, each summed over the line items of a rollup row.
MEASURES: tuple[tuple[str, str], ...] = (
    ("billed_cost", "SUM(billed_cost)"),
    ("effective_cost", "SUM(COALESCE(effective_cost, billed_cost))"),
    ("net_cost", "SUM(COALESCE(net_cost, billed_cost))"),
    ("usage_amount", "SUM(usage_amount)"),
    (COUNT_COLUMN, "COUNT(*)"),
)
#: Measures of the tables that serve `line_item_sums` (NULL where no line item has one, as on the raw rows).
COMMITMENT_MEASURES: tuple[tuple[str, str], ...] = (
    ("reservation_effective_cost", "SUM(reservation_effective_cost)"),
    ("savings_plan_effective_cost", "SUM(savings_plan_effective_cost)"),
)


@dataclass(frozen=True)
class Rollup:
    """One summary table of a period file.

    `whole_period` tables have one row per group over the whole period, with `charge_period_start` the group's
    earliest day: they answer only unbucketed questions whose range holds every line item of the period (the
    reader checks the period's span). The others have one row per group per UTC day.
    """

    table: str
    source: str
    whole_period: bool
    dimensions: tuple[str, ...]
    tags: bool = True
    measures: tuple[tuple[str, str], ...] = MEASURES

    def columns(self, tag_columns: Iterable[str]) -> frozenset[str]:
        tags = tuple(tag_columns) if self.tags else ()
        return frozenset(("charge_period_start", *self.dimensions, *tags, *(m for m, _ in self.measures)))

    def unique_by(self, tag_columns: Iterable[str]) -> frozenset[str]:
        """Columns whose value combinations are unique in a whole-period table (empty for daily tables)."""
        if not self.whole_period:
            return frozenset()
        return frozenset((*self.dimensions, *(tag_columns if self.tags else ())))

    def create_sql(self, tag_columns: Sequence[str]) -> str:
        """`CREATE TABLE <table> AS ...` from `source` (line items, or a finer rollup of the same file)."""
        keys = [*self.dimensions, *(tag_columns if self.tags else ())]
        if self.source == "line_items":
            select_keys = [
                f"COALESCE({quote_ident(c)}, '') AS {quote_ident(c)}" if column_type(c) == "VARCHAR" else quote_ident(c)
                for c in keys
            ]
            measures = [f"{expr} AS {quote_ident(name)}" for name, expr in self.measures]
        else:
            select_keys = [quote_ident(c) for c in keys]
            measures = [f"SUM({quote_ident(name)}) AS {quote_ident(name)}" for name, _ in self.measures]
        if self.whole_period:
            day, order = "MIN(charge_period_start) AS charge_period_start", ""
        else:
            day = "date_trunc('day', charge_period_start) AS charge_period_start"
            # Day first so zone maps skip row groups outside a range; service next clusters the commonest key.
            order = " ORDER BY charge_period_start, service_name"
        return (
            f"CREATE TABLE {quote_ident(self.table)} AS SELECT {day}, {', '.join([*select_keys, *measures])} "
            f"FROM {quote_ident(self.source)} GROUP BY ALL{order}"
        )


#: Built in this order when a period file is written (each from the one named as its source). The reader picks,
#: per period, the smallest table that has every column a question reads. Resources are the one dimension whose
#: cardinality grows with the data (tags hang off resources, so leaving anything else out saves little).
#: `daily_lines` (every line item, by day, without resources) serves `line_item_sums`; `daily` serves it under a
#: resource filter.
ROLLUPS: tuple[Rollup, ...] = (
    Rollup(
        "daily",
        "line_items",
        whole_period=False,
        dimensions=(*DIMENSION_COLUMNS, *LINE_COLUMNS),
        measures=(*MEASURES, *COMMITMENT_MEASURES),
    ),
    Rollup(
        "daily_lines",
        "daily",
        whole_period=False,
        dimensions=(*_NO_RESOURCE, *LINE_COLUMNS),
        measures=(*MEASURES, *COMMITMENT_MEASURES),
    ),
    Rollup("daily_no_resource", "daily_lines", whole_period=False, dimensions=_NO_RESOURCE),
    Rollup("period", "daily", whole_period=True, dimensions=DIMENSION_COLUMNS),
    Rollup("period_no_resource", "period", whole_period=True, dimensions=_NO_RESOURCE),
    Rollup("period_resource", "period", whole_period=True, dimensions=("resource_id",), tags=False),
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
    refs = [*request.group_by, *(f.dimension for f in request.filters)]
    needed |= {ref.column for ref in refs}
    if any(ref.kind is Dimension.SERVICE for ref in refs):
        needed.add("charge_category")  # the service key of a tax line item is `Tax`
    return needed


def rollup_serves(request: AggregateRequest) -> bool:
    """Whether the daily rollup answers `request` exactly: anything but an hourly series.

    Time ranges are whole UTC days by construction (`TimeRange` holds dates); which columns exist is checked per
    period file by the caller.
    """
    return request.granularity is not Granularity.HOUR
