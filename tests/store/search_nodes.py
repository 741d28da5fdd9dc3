"""The session's search nodes as tests address them: which backend, its URL, how its errors name it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.registry import open_store
from bot.store.search_cluster import SearchClusterStore


@dataclass(frozen=True)
class Cluster:
    """One real node of the session and how its backend is addressed."""

    scheme: str  # the store URL scheme
    product: str  # as error messages name it
    url: str  # the node, http://127.0.0.1:PORT
    #: The `type` the server gives a bulk request refused for a full write queue.
    rejected_type: str

    def open(self, prefix: str, *, hostport: str | None = None, options: str = "") -> SearchClusterStore:
        """A store on this node (or on `hostport`, a proxy in front of it) under `prefix`."""
        store = open_store(f"{self.scheme}://{hostport or host_port(self.url)}?prefix={prefix}{options}")
        assert isinstance(store, SearchClusterStore)
        return store


CLUSTERS = {
    "elasticsearch": ("Elasticsearch", "es_url", "es_rejected_execution_exception"),
    "opensearch": ("OpenSearch", "os_url", "rejected_execution_exception"),
}


def host_port(url: str) -> str:
    """`127.0.0.1:PORT` of a node URL `http://127.0.0.1:PORT/`."""
    return url.split("://", 1)[1].rstrip("/")
