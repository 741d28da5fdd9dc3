"""SQL building for the DuckDB billing store: identifiers quoted, every user value a bound parameter.

Nothing here touches a connection. A query runs against a `Relation`: the UNION ALL of the period files that
can hold rows of the requested range, each branch projecting exactly the columns the query needs and
substituting a typed NULL for a column that a period does not have (a tag key that appeared later, say). That
is how schema drift across months "just works": a tag missing in a period reads as untagged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from bot.billing.model import (
    LINE_ITEM_COLUMNS,
    TAX_CHARGE,
    TAX_SERVICE,
    AggregateRequest,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    Granularity,
    LineItemSumsRequest,
    TimeRange,
    tax_as_service,
)
from bot.sqltext import quote_ident, quote_literal

COLUMN_TYPES: dict[str, str] = {name: sqltype for name, sqltype, _ in LINE_ITEM_COLUMNS}
#: The column of a daily-rollup row that counts the line items it sums; a raw branch projects 1 for it.
COUNT_COLUMN = "n_items"
COLUMN_TYPES[COUNT_COLUMN] = "BIGINT"

_TRUNC_UNITS: dict[Granularity, str] = {
    Granularity.HOUR: "hour",
    Granularity.DAY: "day",
    Granularity.WEEK: "week",  # DuckDB truncates weeks to the ISO Monday
    Granularity.MONTH: "month",
    Granularity.QUARTER: "quarter",
}


def column_type(name: str) -> str:
    """DuckDB type of a line-item column; tag and cost-category columns are VARCHAR."""
    return COLUMN_TYPES.get(name, "VARCHAR")


@dataclass(frozen=True)
class Branch:
    """One attached period file: its alias in the reader connection and the columns it holds."""

    alias: str
    columns: frozenset[str]
    table: str = "line_items"
    #: Rows are sums (see `duckdb_rollup`): costs already fall back to unblended, NULL text is ''.
    rollup: bool = False
    #: One row per group over the whole period (only for unbucketed questions covering the period).
    whole_period: bool = False
    #: Columns the table holds one row per value combination of (empty: no such promise).
    unique_by: frozenset[str] = frozenset()
    #: Columns the file predates, computed on read from the others: (column, SQL expression).
    derived: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Relation:
    """The period files a query reads, seen as one table."""

    branches: tuple[Branch, ...]

    @property
    def columns(self) -> frozenset[str]:
        out: frozenset[str] = frozenset()
        for b in self.branches:
            out |= b.columns
        return out

    @property
    def all_rollup(self) -> bool:
        """Every branch reads a daily rollup (so costs need no per-row fallback)."""
        return bool(self.branches) and all(b.rollup for b in self.branches)

    @property
    def any_rollup(self) -> bool:
        """Some branch reads a daily rollup (so counting rows must sum `COUNT_COLUMN`)."""
        return any(b.rollup for b in self.branches)

    def from_sql(self, needed: Iterable[str]) -> str:
        """A FROM item `(...) AS li` projecting `needed` (in a stable order) from every branch.

        With no branch this is an empty relation of the right types, so an empty store answers with no rows.
        """
        cols = sorted(set(needed))
        if not cols:
            cols = ["billed_cost"]
        if not self.branches:
            proj = ", ".join(f"CAST(NULL AS {column_type(c)}) AS {quote_ident(c)}" for c in cols)
            return f"(SELECT {proj} WHERE false) AS li"
        parts = []
        for b in self.branches:
            proj = ", ".join(_project(b, c) for c in cols)
            parts.append(f"SELECT {proj} FROM {quote_ident(b.alias)}.{quote_ident(b.table)}")
        return "(" + " UNION ALL ".join(parts) + ") AS li"


def _project(branch: Branch, col: str) -> str:
    for name, expr in branch.derived:
        if name == col:
            return f"{expr} AS {quote_ident(col)}"
    if col in branch.columns:
        return quote_ident(col)
    if col == COUNT_COLUMN:
        return f"CAST(1 AS BIGINT) AS {quote_ident(col)}"  # a raw line item counts once
    return f"CAST(NULL AS {column_type(col)}) AS {quote_ident(col)}"


def cost_expr(basis: CostBasis, *, precombined: bool = False) -> tuple[str, tuple[str, ...]]:
    """Cost expression of a basis and the columns it reads.

    Net falls back to unblended where the export has no net cost (the contract says so); amortized falls back
    the same way so a reader that could not compute an effective cost never makes spend vanish.
    """
    if basis is CostBasis.UNBLENDED:
        return "billed_cost", ("billed_cost",)
    col = basis.column
    if precombined:  # a daily rollup summed the fallback per line item already
        return quote_ident(col), (col,)
    return f"COALESCE({quote_ident(col)}, billed_cost)", (col, "billed_cost")


#: True for tax line items (NULL-safe).
_IS_TAX = f"COALESCE(charge_category, '') = {quote_literal(TAX_CHARGE)}"


def _folds_tax(ref: DimensionRef, available: frozenset[str], fold_tax: bool) -> bool:
    return fold_tax and ref.kind is Dimension.SERVICE and "charge_category" in available


def key_expr(ref: DimensionRef, available: frozenset[str], *, fold_tax: bool = True) -> tuple[str, tuple[str, ...]]:
    """Group key of a dimension and the columns it reads: the value, or the dimension's `empty_key` when NULL,
    empty or the column is absent; with `fold_tax` (see `tax_as_service`), `Tax` for tax line items' service."""
    col = ref.column
    if col not in available:
        return quote_literal(ref.empty_key), ()
    value = f"COALESCE(NULLIF({quote_ident(col)}, ''), {quote_literal(ref.empty_key)})"
    if _folds_tax(ref, available, fold_tax):
        return f"CASE WHEN {_IS_TAX} THEN {quote_literal(TAX_SERVICE)} ELSE {value} END", (col, "charge_category")
    return value, (col,)


def day_start(d: date) -> datetime:
    """A UTC day as the naive TIMESTAMP DuckDB compares `charge_period_start` with."""
    return datetime.combine(d, time())


@dataclass
class Where:
    """Accumulates a WHERE clause, its parameters and the columns it reads."""

    clauses: list[str]
    params: list[object]
    needed: set[str]

    @classmethod
    def build(cls, time_range: TimeRange | None, filters: Sequence[Filter], available: frozenset[str]) -> Where:
        w = cls([], [], set())
        if time_range is not None:
            w.clauses.append("charge_period_start >= ? AND charge_period_start < ?")
            w.params += [day_start(time_range.start), day_start(time_range.end)]
            w.needed.add("charge_period_start")
        fold_tax = tax_as_service(filters)
        for f in filters:
            w.add_filter(f, available, fold_tax=fold_tax)
        return w

    def add_filter(self, f: Filter, available: frozenset[str], *, fold_tax: bool = True) -> None:
        """Keep the line items whose group key (`key_expr`) is one of the filter's values (or the others)."""
        values = tuple(dict.fromkeys(f.values))  # never empty: Filter refuses that on construction
        col = f.dimension.column
        wants_empty = f.dimension.empty_key in values
        if col not in available:
            # Every row has the empty key for a column no period has.
            self.clauses.append("true" if wants_empty != f.negate else "false")
            return
        self.needed.add(col)
        q = quote_ident(col)
        # A stored value equal to the empty key (`global`) shares its group, so the key itself is compared too.
        marks = ", ".join("?" for _ in values)
        # Plain comparisons on the raw column (no COALESCE) keep DuckDB's filter pushdown and zone maps.
        if f.negate:
            parts = [f"{q} IS NOT NULL AND {q} <> ''"] if wants_empty else []
            parts.append(f"COALESCE({q}, '') NOT IN ({marks})")
            clause = " AND ".join(f"({p})" for p in parts)
        else:
            parts = [f"{q} IS NULL OR {q} = ''"] if wants_empty else []
            parts.append(f"{q} IN ({marks})")
            clause = " OR ".join(f"({p})" for p in parts)
        if _folds_tax(f.dimension, available, fold_tax):
            # Tax line items have the key `Tax` whatever their service; the others their service's key.
            self.needed.add("charge_category")
            tax_kept = (TAX_SERVICE in values) != f.negate
            clause = f"(({_IS_TAX}) AND {str(tax_kept).lower()}) OR (NOT ({_IS_TAX}) AND ({clause}))"
        self.clauses.append(clause)
        self.params += values

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(f"({c})" for c in self.clauses)) if self.clauses else ""


def _excludes_empty(request: AggregateRequest, column: str) -> bool:
    """Whether the request's filters keep only non-empty values of `column` (so its group key is the value)."""
    return any(
        f.dimension.column == column and (f.dimension.empty_key in f.values) == f.negate for f in request.filters
    )


def _one_row_per_group(request: AggregateRequest, relation: Relation) -> bool:
    """Whether every row of `relation` is already one group of the request, so no GROUP BY is needed.

    True for one branch unique by exactly the grouped columns, no bucket, the empty value of every grouped
    column filtered out (the empty value and a stored value equal to the empty key would otherwise share a
    key), and no key computed from another column (the service of tax line items).
    """
    if request.granularity is not Granularity.NONE or len(relation.branches) != 1 or not request.group_by:
        return False
    fold_tax = tax_as_service(request.filters)
    if any(_folds_tax(ref, relation.columns, fold_tax) for ref in request.group_by):
        return False
    cols = {ref.column for ref in request.group_by}
    branch = relation.branches[0]
    return (
        len(cols) == len(request.group_by)
        and branch.unique_by == cols
        and all(_excludes_empty(request, c) for c in cols)
    )


def aggregate_sql(
    request: AggregateRequest, relation: Relation, *, count_groups: bool = False
) -> tuple[str, list[object], int]:
    """SQL for `BillingStore.aggregate`: returns (sql, params, number of key columns).

    The result columns are k0..kN-1, bucket (NULL without granularity), cost, usage, n. With `count_groups`, one
    row with one column instead: how many groups the request has without its limit and buckets (the same groups
    `aggregate` would return, counted in SQL).
    """
    if count_groups:
        request = replace(request, limit=None, granularity=Granularity.NONE)
    available = relation.columns
    where = Where.build(request.time_range, request.filters, available)
    cost, cost_cols = cost_expr(request.basis, precombined=relation.all_rollup)
    needed = set(where.needed) | set(cost_cols) | {"usage_amount"}
    if relation.any_rollup:
        needed.add(COUNT_COLUMN)
        count_agg, count_in = "SUM(n1)", f", {COUNT_COLUMN} AS n1"
    else:
        count_agg, count_in = "COUNT(*)", ""
    keys: list[str] = []
    fold_tax = tax_as_service(request.filters)
    for ref in request.group_by:
        expr, cols = key_expr(ref, available, fold_tax=fold_tax)
        keys.append(expr)
        needed |= set(cols)
    if request.granularity is Granularity.NONE:
        bucket = "CAST(NULL AS TIMESTAMP)"
    else:
        bucket = f"date_trunc({quote_literal(_TRUNC_UNITS[request.granularity])}, charge_period_start)"
        needed.add("charge_period_start")
    key_cols = [f"k{i}" for i in range(len(keys))]
    select_keys = "".join(f"{e} AS {k}, " for e, k in zip(keys, key_cols, strict=True))
    inner = (
        f"SELECT {select_keys}{bucket} AS bucket, {cost} AS c, usage_amount AS u{count_in} "
        f"FROM {relation.from_sql(needed)} {where.sql()}"
    )
    params: list[object] = list(where.params)
    group_cols = [*key_cols, "bucket"]
    if _one_row_per_group(request, relation):
        # A top-N over a table unique by the key is a plain sort: hashing ~150k resources again costs 10x more.
        agg = f"SELECT {', '.join(group_cols)}, c AS cost, COALESCE(u, 0) AS usage, n1 AS n FROM base"
    else:
        agg = (
            f"SELECT {', '.join(group_cols)}, SUM(c) AS cost, COALESCE(SUM(u), 0) AS usage, "
            f"{count_agg} AS n "
            f"FROM base GROUP BY {', '.join(group_cols)}"
        )
    if count_groups:
        if _one_row_per_group(request, relation):
            return f"WITH base AS ({inner}) SELECT COUNT(*) FROM base", params, len(key_cols)
        distinct = ", ".join(key_cols) or "1"
        return f"WITH base AS ({inner}) SELECT COUNT(*) FROM (SELECT DISTINCT {distinct} FROM base)", params, 0
    key_order = "".join(f", {k}" for k in key_cols)
    if request.limit is not None and request.limit < 1:
        raise ValueError(f"limit must be at least 1, not {request.limit}")
    if request.limit is not None and key_cols and request.granularity is Granularity.NONE:
        # One row per group: a plain top-N, no join back.
        sql = f"WITH base AS ({inner}) {agg} ORDER BY cost DESC{key_order} LIMIT ?"
        return sql, [*params, request.limit], len(key_cols)
    if request.limit is not None and key_cols:
        top = (
            f"SELECT {', '.join(key_cols)} FROM agg GROUP BY {', '.join(key_cols)} "
            f"ORDER BY SUM(cost) DESC{key_order} LIMIT ?"
        )
        params.append(request.limit)
        body = (
            f"WITH base AS ({inner}), agg AS ({agg}), top AS ({top}) "
            f"SELECT agg.* FROM agg SEMI JOIN top USING ({', '.join(key_cols)}) "
        )
    else:
        body = f"WITH base AS ({inner}), agg AS ({agg}) SELECT * FROM agg "
    body += f"ORDER BY bucket NULLS FIRST, cost DESC{key_order}"
    return body, params, len(key_cols)


#: The sums of a `line_item_sums` row, in order, and the columns they read.
LINE_SUMS: tuple[tuple[str, str], ...] = (
    ("billed_cost", "COALESCE(SUM(billed_cost), 0)"),
    ("effective_cost", "COALESCE(SUM(COALESCE(effective_cost, billed_cost)), 0)"),
    ("usage_amount", "COALESCE(SUM(usage_amount), 0)"),
    ("reservation_effective_cost", "COALESCE(SUM(reservation_effective_cost), 0)"),
    ("savings_plan_effective_cost", "COALESCE(SUM(savings_plan_effective_cost), 0)"),
)


def line_sums_columns(request: LineItemSumsRequest) -> set[str]:
    """Every line-item column `line_item_sums` reads for `request`, filters aside."""
    return {"charge_period_start", "line_item_type", *request.keys, *request.non_empty, *(c for c, _ in LINE_SUMS)}


def line_sums_sql(request: LineItemSumsRequest, relation: Relation) -> tuple[str, list[object]]:
    """SQL for `BillingStore.line_item_sums`: key columns (raw text, '' for NULL), the `LINE_SUMS`, line items.

    Rollup rows already hold the effective cost with its fallback and never a NULL text: the same expressions
    give the same sums on them as on raw rows (a raw branch counts each row once, a rollup sums `n_items`).
    """
    available = relation.columns
    where = Where.build(request.time_range, request.filters, available)
    types = tuple(dict.fromkeys(request.line_item_types))
    if "line_item_type" in available:
        where.clauses.append(f"line_item_type IN ({', '.join('?' for _ in types)})")
        where.params += types
    else:
        where.clauses.append("false")
    for col in dict.fromkeys(request.non_empty):
        where.clauses.append(f"{quote_ident(col)} <> ''" if col in available else "false")  # NULL <> '' is NULL
    keys = []
    for i, col in enumerate(request.keys):
        if col not in available:
            expr = "''"
        elif col == "billing_period":
            expr = "strftime(billing_period, '%Y-%m-%d')"
        else:
            expr = f"COALESCE({quote_ident(col)}, '')"
        keys.append(f"{expr} AS k{i}")
    count = f"SUM({COUNT_COLUMN})" if relation.any_rollup else "COUNT(*)"
    needed = line_sums_columns(request) | where.needed | ({COUNT_COLUMN} if relation.any_rollup else set())
    sums = ", ".join(expr for _, expr in LINE_SUMS)
    select = ", ".join([*keys, sums, f"COALESCE({count}, 0)"])
    group = " GROUP BY ALL" if keys else " HAVING COUNT(*) > 0"  # no line item, no group
    return f"SELECT {select} FROM {relation.from_sql(needed)} {where.sql()}{group}", where.params
