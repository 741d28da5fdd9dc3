"""Backends for the store contract suite.

`store_factory` is parametrized by backend name: every test in tests/store/ runs once per backend. To add a
backend, add its name to BACKENDS and a branch in `_open` that builds an empty store in `tmp_path` (the
Elasticsearch and OpenSearch ones use a fresh index prefix on the node started by the session).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.billing.store import BillingStore
from tests.store.search_nodes import CLUSTERS, Cluster

BACKENDS = [
    "duckdb",
    pytest.param("elasticsearch", marks=pytest.mark.es),
    pytest.param("opensearch", marks=pytest.mark.opensearch),
]
#: Backends on a shared search cluster: the indices a test made are deleted after it.
CLUSTER_BACKENDS = {"elasticsearch": "es_url", "opensearch": "os_url"}

StoreFactory = Callable[[], BillingStore]


def _open(backend: str, root: Path, request: pytest.FixtureRequest) -> BillingStore:
    if backend == "duckdb":
        from bot.store.duckdb import DuckDBStore

        return DuckDBStore(root, threads=2, memory_limit="512MB")
    if backend in CLUSTER_BACKENDS:
        from bot.store.registry import open_store

        node_url: str = request.getfixturevalue(CLUSTER_BACKENDS[backend])
        # One index prefix per test (the location), so tests share the node without seeing each other.
        prefix = "t" + hashlib.sha1(str(root).encode()).hexdigest()[:12]
        return open_store(f"{backend}://{node_url.split('://', 1)[1]}?prefix={prefix}")
    raise AssertionError(f"unknown backend {backend}")


@pytest.fixture(params=BACKENDS)
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """Opens stores over ONE backend location: call it twice to get two handles on the same data."""
    opened: list[BillingStore] = []
    root = tmp_path / "store"

    def factory() -> BillingStore:
        store = _open(request.param, root, request)
        opened.append(store)
        return store

    yield factory
    for s in opened:
        if request.param in CLUSTER_BACKENDS:
            for p in s.periods():
                s.delete_period(p.billing_period)
        s.close()


@pytest.fixture
def store(store_factory: StoreFactory) -> BillingStore:
    return store_factory()


@pytest.fixture(
    params=[
        pytest.param("elasticsearch", marks=pytest.mark.es),
        pytest.param("opensearch", marks=pytest.mark.opensearch),
    ]
)
def cluster(request: pytest.FixtureRequest) -> Cluster:
    """Each search node of the session in turn (the search-cluster tests run against both)."""
    product, fixture, rejected = CLUSTERS[request.param]
    return Cluster(request.param, product, str(request.getfixturevalue(fixture)), rejected)


@pytest.fixture
def prefix() -> str:
    """A fresh index prefix for one test on a shared node."""
    return "t" + uuid.uuid4().hex[:12]
