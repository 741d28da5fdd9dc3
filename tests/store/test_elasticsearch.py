"""What only the Elasticsearch backend does: API keys, its client's TLS options, telling an OpenSearch cluster
apart. Shared behaviour (errors, crash safety, 429 retries, ...) is tested for both in test_search_cluster.py."""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterator
from datetime import date

import pytest

from bot.billing.model import AggregateRequest, TimeRange
from bot.errors import StoreError
from bot.store.elasticsearch import ElasticsearchClient, ElasticsearchStore
from bot.store.registry import open_store
from tests.store.cluster_proxy import ClusterProxy, running_proxy

pytestmark = pytest.mark.es


@pytest.fixture
def proxy(es_url: str) -> Iterator[ClusterProxy]:
    with running_proxy(es_url) as server:
        yield server


def client(store: ElasticsearchStore) -> ElasticsearchClient:
    assert isinstance(store._cluster, ElasticsearchClient)
    return store._cluster


def test_url_with_api_key_sends_it(proxy: ClusterProxy) -> None:
    prefix = "t" + uuid.uuid4().hex[:12]
    store = ElasticsearchStore.from_url(
        f"elasticsearch://127.0.0.1:{proxy.port}?prefix={prefix}&api_key=a2V5OnNlY3JldA=="
    )
    try:
        assert store.periods() == []
        assert proxy.authorization == {"ApiKey a2V5OnNlY3JldA=="}
    finally:
        store.close()


def test_url_options_tls_and_credentials_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKIT_ES_PASSWORD", "from-env")
    store = ElasticsearchStore.from_url("elasticsearch://elastic@es.internal:9243?tls=true&ca_certs=/etc/ca.pem")
    es = client(store).client
    node = es.transport.node_pool.all()[0].config
    assert (store.host, node.verify_certs, node.ca_certs) == ("https://es.internal:9243", True, "/etc/ca.pem")
    assert es._headers["authorization"] == "Basic " + base64.b64encode(b"elastic:from-env").decode()
    assert store._prefix == "trackit"

    monkeypatch.setenv("TRACKIT_ES_API_KEY", "env-key")
    with pytest.warns(Warning, match="verify_certs=False is insecure"):
        insecure = ElasticsearchStore.from_url("elasticsearch://es.internal?tls=1&verify=false&prefix=billing")
    es = client(insecure).client
    node = es.transport.node_pool.all()[0].config
    assert (insecure.host, node.verify_certs, insecure._prefix) == ("https://es.internal:9200", False, "billing")
    assert es._headers["authorization"] == "ApiKey env-key"
    # No URL option leaks into what an error message shows.
    assert "from-env" not in store.host and "env-key" not in insecure.host


@pytest.mark.opensearch
def test_an_opensearch_cluster_is_refused_with_the_url_to_use(os_url: str) -> None:
    store = open_store(f"elasticsearch://{os_url.split('://', 1)[1]}?prefix=t{uuid.uuid4().hex[:12]}")
    with pytest.raises(StoreError) as err:
        store.aggregate(AggregateRequest(TimeRange(date(2024, 1, 1), date(2024, 2, 1))))
    # The first request (the live indices' mappings, body-less) is answered, but not by Elasticsearch.
    assert str(err.value) == (
        f"Elasticsearch at {os_url} refused mapping read (HTTP 200): The client noticed that the server is not "
        "Elasticsearch and we do not support this unknown product (not an Elasticsearch 8.x/9.x cluster: for an "
        "OpenSearch cluster use an opensearch:// store URL)"
    )
    store.close()
