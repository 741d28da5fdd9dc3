"""DuckDB store: a question answered while a re-delivery of its month is published (by another handle on the
same directory, as another process would) reads the delivery it started on, never a mix.

A `/cost` question is several reads (currency, total, previous period, groups, the count of the others,
freshness); each read goes through the store's current generation. Here the new delivery is published right
before each of those reads in turn: the answer must be exactly the old delivery's, and the question after it
exactly the new one's. (The search clusters' side of this is `test_cluster_views.py`.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.billing.model import CostQuery, CostResult, Dimension, DimensionRef, TimeRange
from bot.billing.query import run_cost_query
from bot.store.duckdb import DuckDBStore
from tests.store.sources import item, make_source

FEB = TimeRange(date(2024, 2, 1), date(2024, 3, 1))
TODAY = date(2024, 3, 10)
QUESTION = CostQuery(FEB, group_by=(DimensionRef(Dimension.SERVICE),), top=1)

JANUARY = [item("2024-01-05", "4.00", service_name="EC2"), item("2024-01-06", "1.00", service_name="S3")]
OLD = [item("2024-02-05", "10.00", service_name="EC2"), item("2024-02-06", "5.00", service_name="S3")]
NEW = [
    item("2024-02-05", "20.00", service_name="EC2"),
    item("2024-02-06", "7.00", service_name="S3"),
    item("2024-02-07", "1.00", service_name="SQS"),
]
#: What the question reads over each delivery: total, previous period (January to the same day), the top
#: group, the others and how many, and the delivery its freshness names.
OLD_ANSWER = (15.0, 4.0, ((("EC2",), 10.0),), 5.0, 1)
NEW_ANSWER = (28.0, 5.0, ((("EC2",), 20.0),), 8.0, 2)


def figures(result: CostResult) -> tuple[Any, ...]:
    return (
        round(result.total, 6),
        None if result.previous_total is None else round(result.previous_total, 6),
        tuple((g.keys, round(g.cost, 6)) for g in result.groups),
        None if result.other is None else round(result.other, 6),
        result.other_count,
        tuple(sorted(p.delivery_id for p in result.freshness.periods)),
    )


def test_a_question_reads_the_delivery_it_started_on_whichever_read_the_swap_comes_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asker, loader = DuckDBStore(tmp_path / "store"), DuckDBStore(tmp_path / "store")
    loader.replace_period(make_source(tmp_path, JANUARY, delivery_id="jan"))
    loader.replace_period(make_source(tmp_path, OLD, delivery_id="old"))
    assert figures(run_cost_query(asker, QUESTION, today=TODAY)) == (*OLD_ANSWER, ("old",))

    reads = 0
    at = 0
    publish: Callable[[], object] | None = None
    generation = asker._generation

    def counted() -> Any:  # every read of the store takes its generation first
        nonlocal reads, publish
        reads += 1
        if reads == at and publish is not None:
            publish, run = None, publish
            run()
        return generation()

    monkeypatch.setattr(asker, "_generation", counted)
    run_cost_query(asker, QUESTION, today=TODAY)
    total_reads = reads
    assert total_reads >= 4, "the question is several reads (else there is nothing between them to test)"

    for at in range(2, total_reads + 1):
        current, delivery = (OLD, "old") if at % 2 == 0 else (NEW, "new")
        following, next_id = (NEW, f"new-{at}") if at % 2 == 0 else (OLD, f"old-{at}")
        reads = 0
        publish = functools.partial(loader.replace_period, make_source(tmp_path, following, delivery_id=next_id))
        answer = figures(run_cost_query(asker, QUESTION, today=TODAY))
        assert publish is None, f"the swap was not injected before read {at}"
        started_on = delivery if at == 2 else f"{delivery}-{at - 1}"
        expected = OLD_ANSWER if current is OLD else NEW_ANSWER
        assert answer == (*expected, (started_on,)), (at, answer)
        after = OLD_ANSWER if following is OLD else NEW_ANSWER
        assert figures(run_cost_query(asker, QUESTION, today=TODAY)) == (*after, (next_id,))
    asker.close()
    loader.close()
