"""A `ClusterClient` that forwards every request to the real client it wraps, for tests that watch requests or
change the cluster between two of them (`SearchClusterStore.wrap_cluster`). Subclasses override what they watch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from bot.store.search_cluster import ClusterClient, ClusterFailure


class ForwardingClient(ClusterClient):
    """Every request goes to `inner` unchanged."""

    def __init__(self, inner: ClusterClient) -> None:
        self.inner = inner
        self.product = inner.product  # type: ignore[misc]  # the wrapped client's product, per instance
        self.host = inner.host

    def failure(self, exc: Exception) -> ClusterFailure | None:
        return self.inner.failure(exc)

    def mappings(self, index: str, *, lenient: bool = False) -> dict[str, Any]:
        return self.inner.mappings(index, lenient=lenient)

    def index_names(self, pattern: str) -> list[str]:
        return self.inner.index_names(pattern)

    def create_index(self, index: str, *, settings: dict[str, Any], mappings: dict[str, Any]) -> None:
        self.inner.create_index(index, settings=settings, mappings=mappings)

    def put_meta(self, index: str, meta: dict[str, Any]) -> None:
        self.inner.put_meta(index, meta)

    def put_settings(self, index: str, settings: dict[str, Any]) -> None:
        self.inner.put_settings(index, settings)

    def update_aliases(self, actions: list[dict[str, Any]]) -> None:
        self.inner.update_aliases(actions)

    def delete_index(self, index: str) -> None:
        self.inner.delete_index(index)

    def refresh(self, index: str) -> None:
        self.inner.refresh(index)

    def search(
        self,
        index: str,
        body: dict[str, Any],
        *,
        lenient: bool = False,
        shard: int | None = None,
        filter_path: str | None = None,
    ) -> dict[str, Any]:
        return self.inner.search(index, body, lenient=lenient, shard=shard, filter_path=filter_path)

    def health(self, index: str | None, *, wait_for_status: str | None, timeout_seconds: float) -> dict[str, Any]:
        return self.inner.health(index, wait_for_status=wait_for_status, timeout_seconds=timeout_seconds)

    def bulk_index(
        self,
        documents: Iterable[dict[str, str]],
        *,
        index: str,
        chunk_size: int,
        max_retries: int,
        initial_backoff: float,
        max_backoff: float,
    ) -> Iterator[dict[str, Any]]:
        return self.inner.bulk_index(
            documents,
            index=index,
            chunk_size=chunk_size,
            max_retries=max_retries,
            initial_backoff=initial_backoff,
            max_backoff=max_backoff,
        )

    def close(self) -> None:
        self.inner.close()
