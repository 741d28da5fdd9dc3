"""The summary indices a search-cluster store writes beside each period's line-item index, and when they answer.

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

The resource summary (`RESOURCES`) is the other summary: one document per resource and combination of every
dimension (service, account, region, usage type, ..., charge class) and every tag, summed over the whole period,
with the group's earliest usage start as its `charge_period_start`. Resources are the one dimension whose
cardinality grows with the data (the 10.3M line items of the sample organisation's month have 24.6k resources and
38k such combinations; by day they would be 489k), so the daily rollup leaves them out and this summary answers
the questions that need them: unbucketed questions whose range covers every line item of each period it reads
(the reader checks each period's span of usage starts, recorded in its `_meta`). Since the earliest usage start
of every group lies inside that span, the usual range filter keeps exactly the periods the range covers.

This module says what each summary holds (its SQL over the normalised line items and its mapping) and which
requests it serves; `bot.store.search_cluster` writes them (JSON documents, bulk, alias swap) and reads them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

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

_NET = "net_or_billed_cost"

#: The day every document sums (the line items' usage start truncated to the UTC day).
DAY = "charge_period_start"
#: The field counting the line items behind a document (`doc_count` of the line-item index).
COUNT = "n_items"
#: Unblended cost of the line items without an effective cost (`line_item_sums` counts it as amortized cost).
BILLED_NO_EFFECTIVE = "billed_no_effective"
#: The amortized basis: the effective cost, or the unblended cost of a line item without one (as DuckDB's
#: `COALESCE(effective_cost, billed_cost)`), summed per document so a `terms` aggregation can rank by it.
AMORTIZED = "effective_or_billed_cost"
#: The summaries' format, recorded in each `_meta` entry: 2 adds `AMORTIZED` to the daily rollup and the
#: resource summary. An older store (format 1: a daily rollup without it, no resource summary) keeps answering:
#: the amortized basis from two sums, resource questions from the line items, until its periods are re-ingested.
FORMAT = 2
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
    (_NET, "SUM(coalesce(net_cost, billed_cost, 0.0))"),
    ("usage_amount", "SUM(usage_amount)"),
    ("reservation_effective_cost", "SUM(reservation_effective_cost)"),
    ("savings_plan_effective_cost", "SUM(savings_plan_effective_cost)"),
    (BILLED_NO_EFFECTIVE, "SUM(billed_cost) FILTER (WHERE effective_cost IS NULL)"),
    (AMORTIZED, "SUM(coalesce(effective_cost, billed_cost))"),
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


@dataclass(frozen=True)
class Summary:
    """One kind of summary index: its name infix (`<prefix>-<infix>-<period>-...`, alias `<prefix>-<infix>`), its
    keys, its measures, and whether a document sums a whole period (else one UTC day)."""

    infix: str
    key: str  # its entry in the line-item index's `_meta`
    what: str  # in messages
    text_keys: tuple[str, ...]
    date_keys: tuple[str, ...]
    measures: tuple[tuple[str, str], ...]
    whole_period: bool

    def relation_sql(self, select_sql: str, tag_keys: Sequence[str], columns: Sequence[str]) -> str:
        """A DuckDB SELECT of the summary rows of the line items `select_sql` yields (`columns`: its column
        names): `DAY`, the text keys, the date keys, one `tag:<key>` column per tag key, then the measures."""
        keys = []
        for name in self.text_keys:
            if name == "charge_class":
                # As the line-item documents store it: the source's class, else derived from the row.
                given = "NULLIF(CAST(charge_class AS VARCHAR), '')" if "charge_class" in columns else "NULL"
                keys.append(f"COALESCE({given}, {DERIVED_SQL}) AS charge_class")
            elif name == "provider":
                keys.append("COALESCE(provider, '') AS provider")  # as the documents: missing means an older index
            else:
                keys.append(quote_ident(name))
        keys += [quote_ident(name) for name in self.date_keys]
        keys += [quote_ident(TAG_PREFIX + k) for k in tag_keys]
        measures = [f"{expr} AS {quote_ident(name)}" for name, expr in self.measures]
        start = f"CAST({DAY} AS TIMESTAMP)"
        # A whole-period document: its group's earliest usage start (inside the period's span, see above).
        day = f"MIN({start}) AS {DAY}" if self.whole_period else f"date_trunc('day', {start}) AS {DAY}"
        return f"SELECT {', '.join([day, *keys, *measures])} FROM ({select_sql}) AS line_items GROUP BY ALL"

    def mapping_properties(self, tag_fields: Sequence[str]) -> dict[str, object]:
        """The index's field mappings (`tag_fields`: the escaped tag field names under `tags`)."""
        properties: dict[str, object] = {DAY: {"type": "date"}}
        properties |= {name: {"type": "keyword"} for name in self.text_keys}
        properties |= {name: {"type": "date"} for name in self.date_keys}
        properties |= {name: {"type": "double"} for name, _ in self.measures if name != COUNT}
        properties[COUNT] = {"type": "long"}
        properties["tags"] = {"type": "object", "properties": {f: {"type": "keyword"} for f in tag_fields}}
        return properties


#: The daily rollup: every question but hourly series and resources.
DAILY = Summary("ru", "rollup", "daily rollup", TEXT_KEYS, DATE_KEYS, MEASURES, whole_period=False)
#: The resource summary: unbucketed questions over whole periods, resources included.
RESOURCES = Summary(
    "rs",
    "resources",
    "resource summary",
    tuple(d.column for d in Dimension if d is not Dimension.TAG),
    (),
    tuple((name, expr) for name, expr in MEASURES if name in ("billed_cost", _NET, "usage_amount", AMORTIZED, COUNT)),
    whole_period=True,
)
#: Every summary a load writes, in order.
SUMMARIES: tuple[Summary, ...] = (DAILY, RESOURCES)


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


def serves_resources(request: AggregateRequest) -> bool:
    """Whether the resource summary may answer `request` (unbucketed); the caller checks that its range covers
    every period it reads whole."""
    return request.granularity is Granularity.NONE
