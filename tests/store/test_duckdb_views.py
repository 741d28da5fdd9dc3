"""DuckDB store: a question answered while a re-delivery of its month is published (by another handle on the
same directory, as another process would) reads the delivery it started on, never a mix.

A `/cost` question is several reads (currency, total, previous period, groups, the count of the others,
freshness); each read goes through the store's current generation. Here the new delivery is published right
before each of those reads in turn: the answer must be exactly the old delivery's, and the question after it
exactly the new one's. (The search clusters' side of this, and the deliveries and question both use, are in
`test_cluster_views.py`.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.billing.query import run_cost_query
from bot.store.duckdb import DuckDBStore
from tests.store.sources import make_source
from tests.store.test_cluster_views import JANUARY, NEW, OLD, QUESTION, TODAY, figures

#: What the question reads over each delivery: total, previous period (January to the same day), the top
#: group, the others and how many, and the delivery its freshness names.
OLD_ANSWER = (15.0, 4.0, ((("EC2",), 10.0),), 5.0, 1)
NEW_ANSWER = (28.0, 5.0, ((("EC2",), 20.0),), 8.0, 2)


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
