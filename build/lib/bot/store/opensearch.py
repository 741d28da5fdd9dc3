"""Billing store on OpenSearch (self-managed, or an Amazon OpenSearch Service domain; tested against 2.19): the
index-per-period store of `bot.store.search_cluster` through opensearch-py, the client made for OpenSearch.

URL: `opensearch://[user:password@]host[:port][?tls=true&verify=false&ca_certs=PATH&timeout=60&prefix=trackit]`,
or with AWS Signature V4 for Amazon OpenSearch Service:
`opensearch://search-NAME-ID.eu-west-1.es.amazonaws.com?auth=aws[&region=eu-west-1&aws_profile=NAME]`
(`auth=aws` implies `tls=true` and port 443). Secrets stay out of the URL: a password can come from
`TRACKIT_OPENSEARCH_PASSWORD`, and AWS credentials come from boto3's own chain (environment, the profile, a
container or instance role; a profile may assume a role), refreshed before they expire. The region is the
`region` option, else the one in an `*.<region>.es.amazonaws.com` host name, else the session's.

OpenSearch Serverless collections are not supported: they have no index aliases or refresh control, which this
store's commit point needs.

Install the client with the `opensearch` extra: `pip install 'trackit-bot[opensearch]'`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

import boto3
from opensearchpy import OpenSearch, Urllib3AWSV4SignerAuth
from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError
from opensearchpy.exceptions import TransportError
from opensearchpy.helpers import streaming_bulk

from bot.errors import ConfigError
from bot.store import search_cluster
from bot.store.registry import register
from bot.store.search_cluster import ClusterClient, ClusterFailure, ClusterURL, SearchClusterStore, error_reason

#: `search-<domain>-<id>.<region>.es.amazonaws.com` (and `vpc-...`): the region of an Amazon OpenSearch domain.
_AWS_HOST = re.compile(r"\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.es\.amazonaws\.com$")


class OpenSearchClient(ClusterClient):
    """`ClusterClient` on opensearch-py (request bodies as `body=`, `ignore=` statuses, `TransportError`)."""

    product = "OpenSearch"

    def __init__(self, client: OpenSearch) -> None:
        self.client = client
        connections = client.transport.connection_pool.connections
        self.host = str(connections[0].host) if connections else "(no node configured)"

    def failure(self, exc: Exception) -> ClusterFailure | None:
        if isinstance(exc, OpenSearchConnectionError):  # refused, reset, timeout, TLS: no answer at all
            return ClusterFailure(None, f"{type(exc.info).__name__}: {exc.info}")
        if isinstance(exc, TransportError):
            status = exc.status_code if isinstance(exc.status_code, int) else None
            return ClusterFailure(status, error_reason(exc.info) if isinstance(exc.info, dict) else str(exc.error))
        return None

    def mappings(self, index: str, *, lenient: bool = False) -> dict[str, Any]:
        if lenient:
            return dict(self.client.indices.get_mapping(index=index, ignore_unavailable=True, allow_no_indices=True))
        return dict(self.client.indices.get_mapping(index=index))

    def index_names(self, pattern: str) -> list[str]:
        return list(self.client.indices.get(index=pattern, ignore_unavailable=True))

    def create_index(self, index: str, *, settings: dict[str, Any], mappings: dict[str, Any]) -> None:
        self.client.indices.create(index=index, body={"settings": settings, "mappings": mappings})

    def put_meta(self, index: str, meta: dict[str, Any]) -> None:
        self.client.indices.put_mapping(index=index, body={"_meta": meta})

    def put_settings(self, index: str, settings: dict[str, Any]) -> None:
        self.client.indices.put_settings(index=index, body=settings)

    def update_aliases(self, actions: list[dict[str, Any]]) -> None:
        self.client.indices.update_aliases(body={"actions": actions})

    def delete_index(self, index: str) -> None:
        self.client.indices.delete(index=index, ignore=404)

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
        return dict(self.client.search(index=index, body=body, **extra))

    def health(self, index: str | None, *, wait_for_status: str | None, timeout_seconds: float) -> dict[str, Any]:
        # A wait that times out is answered 408 with the health body.
        params: dict[str, Any] = {"timeout": f"{timeout_seconds:.0f}s", "request_timeout": timeout_seconds + 30}
        if wait_for_status:
            params["wait_for_status"] = wait_for_status
        return dict(self.client.cluster.health(index=index, params=params, ignore=408))

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
            # Annotated int, but only ever passed to time.sleep(): fractions of a second work (and tests use them).
            initial_backoff=initial_backoff,  # type: ignore[arg-type]
            max_backoff=max_backoff,  # type: ignore[arg-type]
            raise_on_error=False,
            yield_ok=False,
            index=index,
            filter_path=search_cluster.BULK_FILTER_PATH,
        ):
            if not ok:
                yield item

    def close(self) -> None:
        self.client.close()


@register("opensearch")
class OpenSearchStore(SearchClusterStore):
    """BillingStore on an OpenSearch cluster or Amazon OpenSearch Service domain (opensearch-py client)."""

    @classmethod
    def from_url(cls, url: str) -> OpenSearchStore:
        """The store an `opensearch://` URL describes (see the module docstring). Raises ConfigError for an
        option that cannot be used, or `auth=aws` without a region or credentials."""
        auth = ClusterURL.parse(url).options.get("auth", "basic").lower()
        if auth not in ("basic", "aws"):
            raise ConfigError(f"opensearch store URL: auth={auth!r} is not known: use auth=aws (SigV4) or leave it out")
        aws = auth == "aws"
        parsed = ClusterURL.parse(url, default_port=443 if aws else 9200, default_tls=aws)
        kwargs: dict[str, Any] = {"timeout": parsed.timeout}
        if aws:
            if parsed.username:
                raise ConfigError(
                    "opensearch store URL: auth=aws signs requests with AWS credentials: drop user:password"
                )
            kwargs["http_auth"] = _aws_signer(parsed)
        elif parsed.username:
            password = parsed.password or os.environ.get("TRACKIT_OPENSEARCH_PASSWORD", "")
            kwargs["http_auth"] = (parsed.username, password)
        if parsed.tls:
            kwargs["use_ssl"] = True
            kwargs["verify_certs"] = parsed.verify
            kwargs["ssl_show_warn"] = parsed.verify  # the URL said verify=false on purpose
            if parsed.ca_certs:
                kwargs["ca_certs"] = parsed.ca_certs
        # Every node given: a request that a node cannot answer (stopped, unreachable) is retried on another.
        kwargs["max_retries"] = max(3, len(parsed.nodes))
        kwargs["retry_on_status"] = search_cluster.RETRY_ON_STATUS
        client = OpenSearchClient(OpenSearch(hosts=list(parsed.nodes), **kwargs))
        return cls(client, prefix=parsed.prefix, replicas=parsed.replicas)


def _aws_signer(parsed: ClusterURL) -> Urllib3AWSV4SignerAuth:
    """SigV4 signing with the credentials of a boto3 session (refreshed by botocore before they expire)."""
    profile = parsed.options.get("aws_profile") or None
    try:
        session = boto3.Session(profile_name=profile)
    except Exception as exc:  # botocore's ProfileNotFound and friends
        raise ConfigError(f"opensearch store URL: cannot use AWS profile {profile!r}: {exc}") from exc
    host = parsed.node.rsplit(":", 1)[0]
    found = _AWS_HOST.search(host)
    region = parsed.options.get("region") or (found.group(1) if found else None) or session.region_name
    if not region:
        raise ConfigError(
            "opensearch store URL: auth=aws needs the domain's region: add region=<region> (e.g. region=eu-west-1)"
        )
    credentials = session.get_credentials()
    if credentials is None:
        raise ConfigError(
            "opensearch store URL: auth=aws found no AWS credentials: set AWS_ACCESS_KEY_ID / "
            "AWS_SECRET_ACCESS_KEY, aws_profile=NAME, or run with an instance or task role"
        )
    return Urllib3AWSV4SignerAuth(credentials, region, "es")
