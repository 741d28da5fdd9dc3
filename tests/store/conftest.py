"""Backends for the store contract suite.

`store_factory` is parametrized by backend name: every test in tests/store/ runs once per backend. To add a
backend, add its name to BACKENDS and a branch in `_open` that builds an empty store in `tmp_path` (the
Elasticsearch one will use a fresh index prefix on the node started by the session).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.store.base import BillingStore

BACKENDS = ["duckdb"]

StoreFactory = Callable[[], BillingStore]


def _open(backend: str, root: Path) -> BillingStore:
    if backend == "duckdb":
        from bot.store.duckdb import DuckDBStore

        return DuckDBStore(root, threads=2, memory_limit="512MB")
    raise AssertionError(f"unknown backend {backend}")


@pytest.fixture(params=BACKENDS)
def store_factory(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """Opens stores over ONE backend location: call it twice to get two handles on the same data."""
    opened: list[BillingStore] = []
    root = tmp_path / "store"

    def factory() -> BillingStore:
        store = _open(request.param, root)
        opened.append(store)
        return store

    yield factory
    for s in opened:
        s.close()


@pytest.fixture
def store(store_factory: StoreFactory) -> BillingStore:
    return store_factory()
