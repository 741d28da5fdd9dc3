"""The question mix of the query benchmarks: what the slash commands ask the billing store, through the same query
layer (`bot.billing.query`, `bot.billing.rightsizing`, `bot.billing.commitments`), over one month.

`/cost` by service, account, resource (top 10 and the count of the others), daily by service, three dimensions,
month to date with a forecast; `/tags` for one key and the coverage of every key; `/top-resources 20`;
`/trackit rightsizing` (on-demand rates by instance type) and `/trackit commitments` (utilisation and coverage
over its default three months). Used by `query_bench.py` (DuckDB) and `cluster_query_bench.py` (Elasticsearch).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from bot.billing.commitments import analyse_commitments, rows_from_store
from bot.billing.model import CostQuery, Dimension, DimensionRef, Granularity, TimeRange
from bot.billing.periods import add_months
from bot.billing.query import run_cost_query, run_tag_report, run_top_resources
from bot.billing.rightsizing import rates_from_store
from bot.billing.store import BillingStore


def slash_command_mix(store: BillingStore, month_start: date) -> dict[str, Callable[[], object]]:
    """Question name -> a call asking it of `store` for the month starting `month_start`."""
    month = TimeRange.month(month_start)
    outside = date(2030, 1, 1)  # no forecast: the breakdown itself
    mid_month = month_start.replace(day=16)
    svc, acct, res = (DimensionRef(d) for d in (Dimension.SERVICE, Dimension.ACCOUNT, Dimension.RESOURCE))
    three = (acct, svc, DimensionRef(Dimension.REGION))
    quarter = TimeRange(add_months(month.start, -2), month.end)
    daily = CostQuery(month, group_by=(svc,), granularity=Granularity.DAY)
    return {
        "/cost by service (+prev)": lambda: run_cost_query(store, CostQuery(month, group_by=(svc,)), today=outside),
        "/cost by account": lambda: run_cost_query(store, CostQuery(month, group_by=(acct,)), today=outside),
        "/cost by resource": lambda: run_cost_query(store, CostQuery(month, group_by=(res,)), today=outside),
        "/cost daily by service": lambda: run_cost_query(store, daily, today=outside),
        "/cost 3-level group-by": lambda: run_cost_query(
            store, CostQuery(month, group_by=three, top=20), today=outside
        ),
        "/cost mtd + forecast": lambda: run_cost_query(store, CostQuery(month), today=mid_month),
        "/tags team": lambda: run_tag_report(store, "user:team", month),
        "/tags (coverage)": lambda: run_tag_report(store, None, month),
        "/top-resources 20": lambda: run_top_resources(store, 20, month),
        "/trackit rightsizing": lambda: rates_from_store(store, month),
        "/trackit commitments": lambda: analyse_commitments(rows_from_store(store, quarter), today=outside),
    }
