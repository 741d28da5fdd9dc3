"""A question answered while a re-delivery of its month is published reads one delivery, never a mix: on
Elasticsearch and on OpenSearch (the session's real nodes).

A `/cost` question is several searches (currency, total, previous period, groups, the count of the others) plus
the live deliveries' metadata (freshness). Here the new delivery is published by another store handle between
two of those searches, at every point of the question in turn: the answer must be exactly the old delivery's
(the question had pinned the old indices, which are still there) or exactly the new one's (the old indices were
deleted under it, so it was asked again), and its freshness must name the delivery its figures come from. The
same holds when the question's indices are too many to name in a request line.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from bot.billing.model import CostQuery, CostResult, Dimension, DimensionRef, TimeRange
from bot.billing.query import run_cost_query
from bot.store import search_cluster
from bot.store.search_cluster import ClusterClient, SearchClusterStore
from tests.store.forwarding_client import ForwardingClient
from tests.store.search_nodes import Cluster
from tests.store.sources import item, make_source

FEB = TimeRange(date(2024, 2, 1), date(2024, 3, 1))
#: A day after February: the month is complete, compared whole with January.
TODAY = date(2024, 3, 10)
QUESTION = CostQuery(FEB, group_by=(DimensionRef(Dimension.SERVICE),), top=1)

JANUARY = [item("2024-01-05", "4.00", service_name="EC2"), item("2024-01-06", "1.00", service_name="S3")]
OLD = [item("2024-02-05", "10.00", service_name="EC2"), item("2024-02-06", "5.00", service_name="S3")]
NEW = [
    item("2024-02-05", "20.00", service_name="EC2"),
    item("2024-02-06", "7.00", service_name="S3"),
    item("2024-02-07", "1.00", service_name="SQS"),
]


def figures(result: CostResult) -> tuple[Any, ...]:
    """What a person reads in the answer, with the deliveries its freshness names."""
    return (
        round(result.total, 6),
        None if result.previous_total is None else round(result.previous_total, 6),
        tuple((g.keys, round(g.cost, 6)) for g in result.groups),
        None if result.other is None else round(result.other, 6),
        result.other_count,
        tuple(sorted(p.delivery_id for p in result.freshness.periods)),
    )


class PublishBetweenSearches(ForwardingClient):
    """Runs `publish` once, right before the `at`-th search after `arm()` (counting from 1)."""

    def __init__(self, inner: ClusterClient) -> None:
        super().__init__(inner)
        self.searches = 0
        self.at = 0
        self.publish: Callable[[], object] | None = None

    def arm(self, at: int, publish: Callable[[], object] | None) -> None:
        self.searches, self.at, self.publish = 0, at, publish

    def search(self, index: str, body: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
        self.searches += 1
        if self.searches == self.at and self.publish is not None:
            publish, self.publish = self.publish, None
            publish()
        return super().search(index, body, **kwargs)


class DeferredDeletes(ForwardingClient):
    """Holds index deletions back until `release()`: a loader whose old indices outlive the swap for a while."""

    def __init__(self, inner: ClusterClient) -> None:
        super().__init__(inner)
        self.held: list[str] = []

    def delete_index(self, index: str) -> None:
        self.held.append(index)

    def release(self) -> None:
        for index in self.held:
            self.inner.delete_index(index)
        self.held.clear()


@pytest.fixture
def stores(cluster: Cluster, prefix: str) -> Iterator[tuple[SearchClusterStore, SearchClusterStore]]:
    """The store that answers and, on the same indices, the one another process publishes with."""
    asker, loader = cluster.open(prefix), cluster.open(prefix)
    yield asker, loader
    for period in loader.periods():
        loader.delete_period(period.billing_period)
    asker.close()
    loader.close()


@pytest.mark.parametrize(
    ("deletes", "names"),
    [("immediate", "listed"), ("deferred", "listed"), ("immediate", "too many to list")],
)
def test_a_question_reads_the_old_delivery_or_the_new_one_whichever_search_the_swap_comes_before(
    stores: tuple[SearchClusterStore, SearchClusterStore],
    tmp_path: Path,
    deletes: str,
    names: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asker, loader = stores
    if names != "listed":  # as in a store of many periods: searches name the index pattern, narrowed by `_index`
        monkeypatch.setattr(search_cluster, "_URL_INDICES", 10)
    loader.replace_period(make_source(tmp_path, JANUARY, delivery_id="jan"))
    loader.replace_period(make_source(tmp_path, OLD, delivery_id="old"))
    old = figures(run_cost_query(asker, QUESTION, today=TODAY))
    assert old == _expected(OLD, "old")

    watcher = PublishBetweenSearches(asker.cluster)
    asker.wrap_cluster(lambda _: watcher)
    watcher.arm(0, None)
    run_cost_query(asker, QUESTION, today=TODAY)
    searches = watcher.searches
    assert searches >= 4, "the question is several searches (else there is nothing between them to test)"

    held = DeferredDeletes(loader.cluster)
    if deletes == "deferred":
        loader.wrap_cluster(lambda _: held)
    for at in range(1, searches + 1):
        current, delivery = (OLD, "old") if at % 2 else (NEW, "new")
        following, next_id = (NEW, f"new-{at}") if at % 2 else (OLD, f"old-{at}")
        watcher.arm(at, functools.partial(loader.replace_period, make_source(tmp_path, following, delivery_id=next_id)))
        answer = figures(run_cost_query(asker, QUESTION, today=TODAY))
        assert watcher.publish is None, f"the swap was not injected before search {at}"
        held.release()
        before = _expected(current, delivery if at == 1 else f"{delivery}-{at - 1}")
        after = _expected(following, next_id)
        # Old indices kept a while: the question ends on the delivery it started on. Deleted at once: the
        # question found its indices gone and was asked again, on the new delivery.
        assert answer == (before if deletes == "deferred" else after), (at, answer)
        # The question after it reads the new delivery.
        assert figures(run_cost_query(asker, QUESTION, today=TODAY)) == after


def _expected(rows: list[dict[str, object]], delivery: str) -> tuple[Any, ...]:
    """The figures of the question over `rows` as February's delivery `delivery`."""
    # Compared like for like with January: the complete days before the delivery's newest usage (to the 5th for
    # the old one, the 6th for the new one).
    if rows is OLD:
        return (15.0, 4.0, ((("EC2",), 10.0),), 5.0, 1, (delivery,))
    return (28.0, 5.0, ((("EC2",), 20.0),), 8.0, 2, (delivery,))
