"""The daily rollup index a search-cluster store writes beside each period's line-item index, and when it answers.

CUR line items are mostly hourly: a resource has about 24 a day per usage type. Every question the bot asks is
over whole UTC days (`TimeRange` holds dates) and, except hourly series, buckets by day, week or month, so one
document per (UTC day, every queryable dimension but the resource, the line-item keys of rightsizing and
commitments, every tag) with the sums of its line items loses nothing those questions can see, and is what a
question reads when it needs nothing finer: no hourly series, no resource in its groups or filters.

Exactness, so a rollup-served answer equals the line-item answer to the cent (the contract suite checks both on
Elasticsearch and OpenSearch):
- keys are the line items' own values (the same charge class derivation and `provider` default as the line-item
  documents), NULL kept as a missing field, so every filter and group sees the same groups;
- `charge_period_start` truncated to the UTC day keeps every comparison with a day boundary and every day, week or
  month bucket unchanged;
- the measures carry the line-item field names and are sums of what the line-item aggregations sum (the cost of
  each basis as the line-item index stores it, usage, reservation and savings plan effective costs); the line
  items behind a document are `n_items`, and `billed_no_effective` the unblended cost of those without an
  effective cost (what `line_item_sums` adds to the amortized cost).

This module says what the rollup holds (its SQL over the normalised line items and its mapping) and which requests
it serves; `bot.store.search_cluster` writes it (JSON documents, bulk, alias swap) and reads it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.billing.charges import DERIVED_SQL
from bot.billing.model import (
    LINE_SUM_KEYS,
    TAG_PREFIX,
    AggregateRequest,
    Dimension,
    Filter,
    Granularity,
    LineItemSumsRequest,
)
from bot.sqltext import quote_ident

#: The day every document sums (the line items' usage start truncated to the UTC day).
DAY = "charge_period_start"
#: The field counting the line items behind a document (`doc_count` of the line-item index).
COUNT = "n_items"
#: Unblended cost of the line items without an effective cost (`line_item_sums` counts it as amortized cost).
BILLED_NO_EFFECTIVE = "billed_no_effective"
#: Text keys: every `Dimension` column but the resource, then the `LINE_SUM_KEYS` that are not dimensions.
TEXT_KEYS: tuple[str, ...] = tuple(
    dict.fromkeys(
        [
            *(d.column for d in Dimension if d not in (Dimension.TAG, Dimension.RESOURCE)),
            *(k for k in LINE_SUM_KEYS if k != "billing_period"),
        ]
    )
)
DATE_KEYS: tuple[str, ...] = ("billing_period",)
#: (field, DuckDB expression over the line items): what each document sums. The cost fields are the line-item
#: index's own (`net_or_billed_cost` is computed per line item there too).
MEASURES: tuple[tuple[str, str], ...] = (
    ("billed_cost", "SUM(billed_cost)"),
    ("effective_cost", "SUM(effective_cost)"),
    ("net_or_billed_cost", "SUM(coalesce(net_cost, billed_cost, 0.0))"),
    ("usage_amount", "SUM(usage_amount)"),
    ("reservation_effective_cost", "SUM(reservation_effective_cost)"),
    ("savings_plan_effective_cost", "SUM(savings_plan_effective_cost)"),
    (BILLED_NO_EFFECTIVE, "SUM(billed_cost) FILTER (WHERE effective_cost IS NULL)"),
    (COUNT, "COUNT(*)"),
)

#: Shard sizing (Elastic's guidance: shards of 10-50 GB; searches fan out one thread per shard): aim at
#: `SHARD_TARGET_BYTES` per primary shard from the delivery's row count and the measured size of a line-item
#: document on disk (200-220 bytes: 1.92 GiB for the sample organisation's 10.3M line items,
#: bench/cluster_query_bench.py; 2.2 GB for store_compare.py's 10M). One shard up to about 146M line items a month;
#: a 1B-row month gets 7. A rollup index is sized the same way from its own document count.
SHARD_TARGET_BYTES = 30 * 1024**3
LINE_ITEM_BYTES = 220
MAX_SHARDS = 64


def shards_for(rows: int, rows_per_shard: int) -> int:
    """Primary shards for an index of `rows` documents: one per `rows_per_shard`, at least one, at most
    `MAX_SHARDS` (a month beyond 14B line items fills shards past the target instead)."""
    return max(1, min(MAX_SHARDS, math.ceil(max(rows, 0) / max(rows_per_shard, 1))))


DEFAULT_ROWS_PER_SHARD = SHARD_TARGET_BYTES // LINE_ITEM_BYTES


def relation_sql(select_sql: str, tag_keys: Sequence[str], columns: Sequence[str]) -> str:
    """A DuckDB SELECT of the rollup rows of the line items `select_sql` yields (`columns`: its column names):
    `DAY`, `TEXT_KEYS`, `DATE_KEYS`, one `tag:<key>` column per tag key, then `MEASURES`."""
    keys = []
    for name in TEXT_KEYS:
        if name == "charge_class":
            # As the line-item documents store it: the source's class, else derived from the row.
            given = "NULLIF(CAST(charge_class AS VARCHAR), '')" if "charge_class" in columns else "NULL"
            keys.append(f"COALESCE({given}, {DERIVED_SQL}) AS charge_class")
        elif name == "provider":
            keys.append("COALESCE(provider, '') AS provider")  # as the documents: missing means an older index
        else:
            keys.append(quote_ident(name))
    keys += [quote_ident(name) for name in DATE_KEYS]
    keys += [quote_ident(TAG_PREFIX + k) for k in tag_keys]
    measures = [f"{expr} AS {quote_ident(name)}" for name, expr in MEASURES]
    day = f"date_trunc('day', CAST({DAY} AS TIMESTAMP)) AS {DAY}"
    return f"SELECT {', '.join([day, *keys, *measures])} FROM ({select_sql}) AS line_items GROUP BY ALL"


def mapping_properties(tag_fields: Sequence[str]) -> dict[str, object]:
    """The rollup index's field mappings (`tag_fields`: the escaped tag field names under `tags`)."""
    properties: dict[str, object] = {DAY: {"type": "date"}}
    properties |= {name: {"type": "keyword"} for name in TEXT_KEYS}
    properties |= {name: {"type": "date"} for name in DATE_KEYS}
    properties |= {name: {"type": "double"} for name, _ in MEASURES if name != COUNT}
    properties[COUNT] = {"type": "long"}
    properties["tags"] = {"type": "object", "properties": {f: {"type": "keyword"} for f in tag_fields}}
    return properties


def _without_resource(filters: Sequence[Filter]) -> bool:
    return all(f.dimension.kind is not Dimension.RESOURCE for f in filters)


def serves_aggregate(request: AggregateRequest) -> bool:
    """Whether the rollup answers `request` exactly: no hourly series, no resource grouped or filtered."""
    return (
        request.granularity is not Granularity.HOUR
        and all(ref.kind is not Dimension.RESOURCE for ref in request.group_by)
        and _without_resource(request.filters)
    )


def serves_line_sums(request: LineItemSumsRequest) -> bool:
    """Whether the rollup answers a `line_item_sums` request: its keys are all rollup keys; no resource filter."""
    return all(k in TEXT_KEYS or k in DATE_KEYS for k in (*request.keys, *request.non_empty)) and _without_resource(
        request.filters
    )


def serves_filters(filters: Sequence[Filter]) -> bool:
    """Whether the rollup answers a question over whole days with these filters (tag coverage)."""
    return _without_resource(filters)
