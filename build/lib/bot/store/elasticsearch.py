"""Billing store on Elasticsearch 8.x/9.x: the index-per-period store of `bot.store.search_cluster` through
elasticsearch-py 8.x.

URL: `elasticsearch://[user:password@]host[:port][?tls=true&verify=false&ca_certs=PATH&api_key=...&timeout=60
&prefix=trackit]`; an API key or password can also come from `TRACKIT_ES_API_KEY` / `TRACKIT_ES_PASSWORD` so it
stays out of the URL. A client of this kind refuses a server that is not Elasticsearch (OpenSearch has its own
`opensearch://` backend), which the store reports as such.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError, UnsupportedProductError
from elasticsearch.helpers import streaming_bulk

from bot.store import search_cluster
from bot.store.registry import register
from bot.store.search_cluster import ClusterClient, ClusterFailure, ClusterURL, SearchClusterStore, error_reason

_OTHER_PRODUCT = "not an Elasticsearch 8.x/9.x cluster: for an OpenSearch cluster use an opensearch:// store URL"


class ElasticsearchClient(ClusterClient):
    """`ClusterClient` on elasticsearch-py 8.x (keyword arguments, `options(ignore_status=...)`, `ApiError`)."""

    product = "Elasticsearch"

    def __init__(self, client: Elasticsearch) -> None:
        self.client = client
        nodes = client.transport.node_pool.all()
        self.host = nodes[0].base_url if nodes else "(no node configured)"

    def failure(self, exc: Exception) -> ClusterFailure | None:
        if isinstance(exc, UnsupportedProductError):  # answered, but not by Elasticsearch
            return ClusterFailure(exc.meta.status, f"{exc.message} ({_OTHER_PRODUCT})")
        if isinstance(exc, ApiError):
            reason = error_reason(exc.body)
            if exc.meta.status == 406 and "compatible-with" in reason:  # how OpenSearch refuses this client
                reason += f" ({_OTHER_PRODUCT})"
            return ClusterFailure(exc.meta.status, reason)
        if isinstance(exc, TransportError):
            return ClusterFailure(None, exc.message)
        return None

    def mappings(self, index: str, *, lenient: bool = False) -> dict[str, Any]:
        if lenient:
            return dict(self.client.indices.get_mapping(index=index, ignore_unavailable=True, allow_no_indices=True))
        return dict(self.client.indices.get_mapping(index=index))

    def index_names(self, pattern: str) -> list[str]:
        return list(self.client.indices.get(index=pattern, ignore_unavailable=True))

    def create_index(self, index: str, *, settings: dict[str, Any], mappings: dict[str, Any]) -> None:
        self.client.indices.create(index=index, settings=settings, mappings=mappings)

    def put_meta(self, index: str, meta: dict[str, Any]) -> None:
        self.client.indices.put_mapping(index=index, meta=meta)

    def put_settings(self, index: str, settings: dict[str, Any]) -> None:
        self.client.indices.put_settings(index=index, settings=settings)

    def update_aliases(self, actions: list[dict[str, Any]]) -> None:
        self.client.indices.update_aliases(actions=actions)

    def delete_index(self, index: str) -> None:
        self.client.options(ignore_status=404).indices.delete(index=index)

    def refresh(self, index: str) -> None:
        self.client.indices.refresh(index=index)

    def search(
        self,
        index: str,
        body: dict[str, Any],
        *,
        lenient: bool = False,
        shard: int | None = None,
        filter_path: str | None = None,
    ) -> dict[str, Any]:
        extra = search_cluster.search_options(lenient=lenient, shard=shard, filter_path=filter_path)
        return dict(self.client.search(index=index, **extra, **body))

    def health(self, index: str | None, *, wait_for_status: str | None, timeout_seconds: float) -> dict[str, Any]:
        # A wait that times out is answered 408 with the health body.
        client = self.client.options(ignore_status=408, request_timeout=timeout_seconds + 30)
        kwargs: dict[str, Any] = {"timeout": f"{timeout_seconds:.0f}s"}
        if wait_for_status:
            kwargs["wait_for_status"] = wait_for_status
        return dict(client.cluster.health(index=index, **kwargs))

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
        for ok, item in streaming_bulk(
            self.client,
            documents,
            chunk_size=chunk_size,
            max_retries=max_retries,
            initial_backoff=initial_backoff,
            max_backoff=max_backoff,
            raise_on_error=False,
            yield_ok=False,
            index=index,
            filter_path=search_cluster.BULK_FILTER_PATH,
        ):
            if not ok:
                yield item

    def close(self) -> None:
        self.client.close()


@register("elasticsearch")
class ElasticsearchStore(SearchClusterStore):
    """BillingStore on an Elasticsearch 8.x/9.x cluster (elasticsearch-py 8.x client)."""

    @classmethod
    def from_url(cls, url: str) -> ElasticsearchStore:
        """The store a `elasticsearch://` URL describes (see the module docstring); secrets may come from the
        environment. Raises ConfigError for an option that cannot be used."""
        parsed = ClusterURL.parse(url)
        kwargs: dict[str, Any] = {"request_timeout": parsed.timeout}
        api_key = parsed.options.get("api_key") or os.environ.get("TRACKIT_ES_API_KEY")
        if api_key:
            kwargs["api_key"] = api_key
        elif parsed.username:
            kwargs["basic_auth"] = (parsed.username, parsed.password or os.environ.get("TRACKIT_ES_PASSWORD", ""))
        if parsed.tls and not parsed.verify:
            kwargs["verify_certs"] = False
        if parsed.ca_certs:
            kwargs["ca_certs"] = parsed.ca_certs
        # Every node given: a request that a node cannot answer (stopped, unreachable) is retried on another.
        kwargs["max_retries"] = max(3, len(parsed.nodes))
        kwargs["retry_on_status"] = (429, *search_cluster.RETRY_ON_STATUS)
        client = ElasticsearchClient(Elasticsearch(list(parsed.nodes), **kwargs))
        return cls(client, prefix=parsed.prefix, replicas=parsed.replicas)
