"""Billing store on a search cluster (scale-out mode): Elasticsearch or OpenSearch, server-core APIs only.

One implementation of the index-per-period design with a small seam, `ClusterClient`, that each backend fills
with its own client library (`bot.store.elasticsearch`: elasticsearch-py; `bot.store.opensearch`: opensearch-py):
client construction and authentication, the calling convention, error types and the bulk helper. Everything the
two servers share (the REST APIs below, mappings, aggregations, the alias swap) lives here once: both take the
same index settings and mappings for this store (the contract suite runs against a real node of each), so the
seam has no mapping hook.

Layout (docs/architecture.md, "The billing store contract"):
- one index per billing period per source per delivery, `<prefix>-li-<YYYY-MM>-<delivery hash>-<load id>`,
  primary shards sized from the delivery's row count (`search_rollup.shards_for`: one up to ~146M line items),
  replicas from the store URL (`auto`: one from two nodes on) from the start, `keyword` dimensions, `double`
  costs, `date` timestamps, tags as keyword fields;
- beside it, its summaries (`bot.store.search_rollup`): the daily rollup `<prefix>-ru-<same suffix>` behind the
  alias `<prefix>-ru` and the whole-period resource summary `<prefix>-rs-<same suffix>` behind `<prefix>-rs`,
  written and reconciled in the same load and swapped in the same `_aliases` request; questions that need
  nothing finer (no hourly series, no resource) read the rollup, unbucketed questions over whole periods the
  resource summary (the smaller of the two when both serve);
- every live period index carries the alias `<prefix>-li` (what readers search) and the delivery's metadata in
  its mapping `_meta`, so the alias swap is the one and only commit point: `periods()` reads `_meta` of the
  indices behind the alias, and there is no second catalog to get out of step;
- a load bulk-indexes with refresh off, refreshes, checks the row count and the unblended total against the
  export's own sum, then moves the alias from the old index to the new one in ONE `_aliases` call and deletes
  the old index. A failed or killed load leaves the old index live (its orphan is deleted by the next load).
  Each source (`_meta.source`; an index loaded before sources were recorded belongs to `source_of_uri` of its
  `source_uri`) has its own live index per period: a load replaces only its own source's, and readers sum them;
- a question reads one view (`read_consistently`): the indices behind the read alias resolved once (one
  `_mapping` request), their summaries from their `_meta`, and every search of the question naming them instead
  of the aliases, so a delivery published meanwhile is in all of its figures or in none; a question whose
  indices were deleted under it (the load that replaced them is done) is asked again from the new ones;
- a load in progress is owned through a lease in its index's `_meta` (`loading.heartbeat`, renewed every
  `load_lease_seconds / 4` while it runs): another process loading the same period (a shell `trackit ingest`
  beside the bot, another replica) never deletes it; once the heartbeat is older than the lease, the loader is
  gone (a crash, a SIGKILL) and its index is an orphan.

Speed (bench/store_compare.py): DuckDB writes each line item's JSON document itself (`_document_sql`), so the
client only frames and sends raw documents; two streaming bulk loops (each retrying 429s) keep the node busy
while the client prepares the next request. Reads avoid needless full scans: a `terms` aggregation ordered by
cost for the top N of one dimension when one index matches, a plain `date_histogram` for series, no composite
request after a short page, and the account names recorded in `_meta` at load time.

Nothing here uses delete-by-query, data streams, ILM / ISM, transforms, the servers' own rollup jobs or scripts.

Tag keys are arbitrary (`user:team`, `kubernetes.io/cluster`), and dots in field names mean objects to both
servers, so a tag key is stored under `tags.<escaped key>` with `.` and `%` percent-escaped.
"""

from __future__ import annotations

import abc
import contextvars
import functools
import hashlib
import json
import logging
import math
import os
import re
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, ClassVar, Concatenate, ParamSpec, TypeVar
from urllib.parse import parse_qs, unquote, urlsplit

import duckdb

from bot.billing.charges import DERIVED_SQL, RULES, SUPPORT_PRODUCTS, ChargeClass, Rule, classify
from bot.billing.model import (
    COST_CATEGORY_PREFIX,
    LINE_ITEM_COLUMNS,
    TAG_PREFIX,
    TAX_CHARGE,
    TAX_SERVICE,
    AggregateRequest,
    AggregateRow,
    CostBasis,
    Dimension,
    DimensionRef,
    Filter,
    Freshness,
    Granularity,
    LineItemSums,
    LineItemSumsRequest,
    PeriodStatus,
    TagCoverage,
    TimeRange,
    combined_until,
    source_of_uri,
    tax_as_service,
)
from bot.billing.store import BillingStore, LoadResult, NormalizedSource, Progress
from bot.errors import ConfigError, ReconciliationError, StoreError
from bot.sqltext import quote_ident, quote_literal
from bot.store import search_rollup

log = logging.getLogger(__name__)

_FIELD_TYPES = {"DATE": "date", "TIMESTAMP": "date", "DOUBLE": "double", "VARCHAR": "keyword", "BIGINT": "long"}
#: Net basis falls back to unblended per line item; computed once at load time instead of by a script per query.
_NET_OR_BILLED = "net_or_billed_cost"
#: End of line items at most a day long: freshness must not count month-long fee, tax and RI-fee lines, whose
#: end is the end of the month from its first day.
_USAGE_END = "usage_end"
_BASIS_FIELDS = {CostBasis.UNBLENDED: "billed_cost", CostBasis.NET: _NET_OR_BILLED}
_INTERVALS = {Granularity.HOUR: "hour", Granularity.DAY: "day", Granularity.WEEK: "week", Granularity.MONTH: "month"}
_INTERVALS[Granularity.QUARTER] = "quarter"
_CHARGE_CLASS = "charge_class"
#: Fields added after the first release, and the value a line item indexed before its field existed reads as:
#: every index loaded before the provider field holds AWS billing (the only provider ingested then). Documents
#: loaded since always carry the field ('' for no provider), so a missing field means an older index.
_LEGACY_VALUES = {"provider": "aws"}
_COMPOSITE_PAGE = 5000
#: Line items per `_bulk` request (about 4 MB of NDJSON for CUR-like lines) and requests in flight at once:
#: measured best on a 2-core single node (see bench/store_compare.py); one thread leaves the node idle while
#: the client prepares the next request, more than two only queue on the node's write thread pool.
_BULK_CHUNK = 5000
#: The `filter_path` of every `_bulk` request, whichever client sends it: only what the bulk helper reads back per
#: item (parsing 5000 full item bodies costs more than building the request).
BULK_FILTER_PATH = "items.*.status,items.*.error"
_BULK_THREADS = 2
_SCAN_PAGE = 5000
#: A load's heartbeat older than this means its loader is gone (renewed four times per lease while loading).
_LOAD_LEASE_SECONDS = 60.0
#: The `cardinality` precision threshold (the servers' maximum): below it the count keeps a hash of every value, so
#: it is exact but for rare hash collisions; tag value counts near or above it are counted exactly instead.
_EXACT_CARDINALITY = 40_000
#: Distinct values a group count asks for in one `terms` aggregation before falling back to composite paging; on
#: a summary index, up to its document count within `_SUMMARY_COUNT_TERMS` (below both servers' default
#: `search.max_buckets`, 65,535).
_COUNT_TERMS = 10_000
_SUMMARY_COUNT_TERMS = 50_000
_PREFIX = re.compile(r"[a-z0-9][a-z0-9_-]{0,99}")
#: HTTP statuses a request is sent again for, to another node (besides a node that cannot be reached at all):
#: 502-504 from a node that is stopping, overloaded or behind a proxy whose upstream went away, and 501, which
#: neither server answers to any request this store sends (every API it uses exists on both): a 501 comes from
#: something that is not a node of the cluster, typically another program that took over the port of a node
#: that was stopped (Python's `http.server` answers 501 to a HEAD). The client marks that node dead.
RETRY_ON_STATUS = (501, 502, 503, 504)
#: Longest comma-separated list of index names a search names in its URL: both servers refuse a request line
#: longer than `http.max_initial_line_length` (4 KB by default). A view with more indices searches the store's
#: index pattern narrowed to its indices by `_index`.
_URL_INDICES = 3000
#: Views a question may be answered from before giving up: a question whose indices were deleted under it
#: (replaced by a new delivery) is answered again from the new ones.
_VIEW_ATTEMPTS = 3


_T = TypeVar("_T")
_P = ParamSpec("_P")
_TRUE = ("1", "true", "yes")
_FALSE = ("0", "false", "no")


@dataclass(frozen=True)
class ClusterFailure:
    """One request's failure: the HTTP status and the server's reason, or no status when the cluster could not
    be reached at all (connection refused or reset, timeout, TLS handshake)."""

    status: int | None
    reason: str


class _View:
    """The live indices one question reads, resolved once: the line-item indices behind the read alias with their
    mappings (one `_mapping` request: one cluster state), and their summaries as each one's `_meta` records them.

    Every search of the question names these indices, never the aliases, so a delivery published while the
    question is answered is not seen by it: the answer is the old delivery's. If a replaced index is deleted
    before the question is done, a search of it fails (index names are never reused) and the question is asked
    again from a new view (`SearchClusterStore.read_consistently`): the answer is the new delivery's.
    """

    def __init__(self, mappings: dict[str, dict[str, Any]]) -> None:
        self.mappings = mappings
        self.metas = {name: m.get("_meta", {}) for name, m in mappings.items()}
        #: Whether a search named the index pattern instead of the indices (`_URL_INDICES`): a deletion is then
        #: noticed by checking the indices still exist when the question is answered.
        self.wide = False

    def names(self, alias: str, prefix: str) -> tuple[str, ...] | None:
        """The indices behind `alias` (the line-item alias or a summary alias of the store with `prefix`) in this
        view; None when `alias` is not one of them (a concrete index name)."""
        if alias == f"{prefix}-li":
            return tuple(sorted(self.metas))
        for summary in search_rollup.SUMMARIES:
            if alias == f"{prefix}-{summary.infix}":
                return tuple(sorted(m[summary.key]["index"] for m in self.metas.values() if summary.key in m))
        return None

    def every_index(self) -> set[str]:
        """Every index this view reads: line items and summaries."""
        return set(self.metas) | set(_summary_indices_of(self.metas.values()))


class ViewChanged(StoreError):
    """The indices a question was reading were deleted under it (a new delivery replaced them)."""


@dataclass(frozen=True)
class ClusterHealth:
    """A cluster's health: `green` (every copy allocated), `yellow` (a replica missing: answers are complete but
    one more node lost may lose data), `red` (a primary missing: some answers would be incomplete)."""

    status: str
    nodes: int
    unassigned_shards: int


#: Line items without an effective cost (the amortized basis counts their unblended cost).
_NO_EFFECTIVE: dict[str, Any] = {"bool": {"must_not": [{"exists": {"field": "effective_cost"}}]}}


@dataclass(frozen=True)
class _Target:
    """Where a question is read: the line-item alias, or a summary alias (`rollup`: the daily rollup or the
    resource summary), whose documents count their line items in a field instead of being one each.
    `amortized`: its documents carry the amortized cost per line item summed (`search_rollup.AMORTIZED`)."""

    index: str
    rollup: bool
    amortized: bool = False
    documents: int = 0  # of a summary, over every live period (0: not known)

    def metrics(self) -> dict[str, Any]:
        """The aggregation that counts line items under a bucket (none on line items: `doc_count` does)."""
        return {"n": {"sum": {"field": search_rollup.COUNT}}} if self.rollup else {}

    def count(self, bucket: dict[str, Any]) -> int:
        """Line items under `bucket` (a bucket aggregated with `metrics()`)."""
        return int(bucket["n"]["value"] or 0) if self.rollup else int(bucket["doc_count"])

    def cost_metrics(self, basis: CostBasis) -> dict[str, Any]:
        """The aggregations `cost()` reads under a bucket: the sum of the basis's field, or, for the amortized
        basis where no field holds it per line item, the effective cost plus (`fill`) the unblended cost of the
        line items without one: the per-line fallback DuckDB's `COALESCE(effective_cost, billed_cost)` makes."""
        if basis is CostBasis.AMORTIZED and not self.amortized:
            fill: dict[str, Any] = (
                {"sum": {"field": search_rollup.BILLED_NO_EFFECTIVE}}
                if self.rollup
                else {"filter": _NO_EFFECTIVE, "aggs": {"v": {"sum": {"field": "billed_cost"}}}}
            )
            return {"cost": {"sum": {"field": "effective_cost"}}, "fill": fill}
        field = search_rollup.AMORTIZED if basis is CostBasis.AMORTIZED else _BASIS_FIELDS[basis]
        return {"cost": {"sum": {"field": field}}}

    @staticmethod
    def cost(bucket: dict[str, Any]) -> float:
        """The cost under `bucket` (aggregated with `cost_metrics()`)."""
        cost = float(bucket["cost"]["value"] or 0.0)
        fill = bucket.get("fill")
        if fill is not None:
            cost += float(fill.get("v", fill)["value"] or 0.0)
        return cost


def search_options(*, lenient: bool, shard: int | None, filter_path: str | None = None) -> dict[str, Any]:
    """The search parameters every client adapter sends (both client libraries take them by these names)."""
    # A shard no copy of which answers fails the search instead of leaving its line items out of the answer.
    extra: dict[str, Any] = {"allow_partial_search_results": False}
    if filter_path:
        extra["filter_path"] = filter_path
    if shard is not None:
        extra["preference"] = f"_shards:{shard}"
    if lenient:
        extra |= {"ignore_unavailable": True, "allow_no_indices": True}
    return extra


class ClusterClient(abc.ABC):
    """The seam between the store and one search engine's client library.

    Each method is one request of the REST APIs Elasticsearch and OpenSearch share; an implementation adapts its
    library's calling convention and nothing else. Methods raise the library's own exceptions: the store asks
    `failure` what they mean and turns them into `StoreError`s naming the cluster.
    """

    #: The product named in messages: "Elasticsearch", "OpenSearch".
    product: ClassVar[str]
    #: The first node's base URL, for messages (never carries credentials).
    host: str

    @abc.abstractmethod
    def failure(self, exc: Exception) -> ClusterFailure | None:
        """What `exc` says about the cluster, or None when it is not a failure of the client or the cluster."""

    @abc.abstractmethod
    def mappings(self, index: str, *, lenient: bool = False) -> dict[str, Any]:
        """Index name -> `{"mappings": {...}}` of every index `index` (a name, alias or pattern) names, in one
        request (one cluster state: an alias is resolved once); `lenient`: a name naming no index answers `{}`
        instead of failing."""

    @abc.abstractmethod
    def index_names(self, pattern: str) -> list[str]:
        """Names of the indices matching a wildcard `pattern` (none is an empty list, not an error)."""

    @abc.abstractmethod
    def create_index(self, index: str, *, settings: dict[str, Any], mappings: dict[str, Any]) -> None:
        """Create `index` with its settings and mappings."""

    @abc.abstractmethod
    def put_meta(self, index: str, meta: dict[str, Any]) -> None:
        """Replace the mapping `_meta` of `index`."""

    @abc.abstractmethod
    def put_settings(self, index: str, settings: dict[str, Any]) -> None:
        """Update dynamic index settings of `index`."""

    @abc.abstractmethod
    def update_aliases(self, actions: list[dict[str, Any]]) -> None:
        """Apply `_aliases` actions in one atomic request."""

    @abc.abstractmethod
    def delete_index(self, index: str) -> None:
        """Delete one index by its exact name; one that is already gone is fine."""

    @abc.abstractmethod
    def refresh(self, index: str) -> None:
        """Make everything indexed into `index` so far searchable."""

    @abc.abstractmethod
    def search(
        self,
        index: str,
        body: dict[str, Any],
        *,
        lenient: bool = False,
        shard: int | None = None,
        filter_path: str | None = None,
    ) -> dict[str, Any]:
        """The response of one `_search` request; `lenient`: an alias or pattern naming no index answers empty
        instead of failing (before the first load); `shard`: search that primary shard number only
        (`preference=_shards:N`); `filter_path`: only these parts of the response."""

    @abc.abstractmethod
    def health(self, index: str | None, *, wait_for_status: str | None, timeout_seconds: float) -> dict[str, Any]:
        """The `_cluster/health` answer (of `index` only, when given), waiting up to `timeout_seconds` for
        `wait_for_status` when given; a wait that timed out answers `timed_out: true` instead of failing."""

    @abc.abstractmethod
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
        """Index `documents` (`{"_id": ..., "_source": raw JSON}`) into `index` with the library's streaming bulk
        helper, `chunk_size` per request, retrying requests and items answered 429 up to `max_retries` times with
        backoff.

        Yields the response item of every document the cluster refused (`{"index": {"status": ..., "error": ...}}`)
        and nothing for the others; raises when a whole request fails.
        """

    @abc.abstractmethod
    def close(self) -> None:
        """Release the client's connections."""


@dataclass(frozen=True)
class ClusterURL:
    """The parts of a store URL both backends read: `scheme://[user[:password]@]host[:port][?options]`.

    Options: `tls` (https), `verify` (certificate verification, on by default), `ca_certs` (a CA bundle path),
    `timeout` (seconds per request, 60), `prefix` (of index names, `trackit`), `nodes` (more nodes of the same
    cluster, `host:port,host:port`: the client fails over to them when one stops answering), `replicas` (copies
    of each shard, a number or `auto`: one when the cluster has two nodes or more); a backend reads its own too.
    """

    node: str  # "http(s)://host:port"
    username: str
    password: str  # from the URL; a backend falls back to its environment variable
    tls: bool
    verify: bool
    ca_certs: str
    timeout: float
    prefix: str
    options: dict[str, str]  # every option as given, for the backend's own
    nodes: tuple[str, ...] = ()  # every node the client may use, `node` first
    replicas: str = "auto"

    @classmethod
    def parse(cls, url: str, *, default_port: int = 9200, default_tls: bool = False) -> ClusterURL:
        """Read `url`; raises ConfigError naming the option when a value cannot be used."""
        parts = urlsplit(url)
        options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        tls = _flag(options, "tls", default_tls, url)
        try:
            port = parts.port or default_port
        except ValueError as exc:
            raise ConfigError(f"store URL {_redacted(url)!r}: the port is not a number ({exc})") from exc
        try:
            timeout = float(options.get("timeout", "60"))
        except ValueError:
            raise ConfigError(
                f"store URL {_redacted(url)!r}: timeout={options['timeout']!r} is not a number of seconds"
            ) from None
        return cls(
            node=f"{'https' if tls else 'http'}://{parts.hostname or '127.0.0.1'}:{port}",
            username=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            tls=tls,
            verify=_flag(options, "verify", True, url),
            ca_certs=options.get("ca_certs", ""),
            timeout=timeout,
            prefix=options.get("prefix", "trackit"),
            options=options,
            nodes=_nodes(options, tls, port, parts.hostname or "127.0.0.1", url),
            replicas=options.get("replicas", "auto"),
        )


def _nodes(options: dict[str, str], tls: bool, port: int, host: str, url: str) -> tuple[str, ...]:
    """`http(s)://host:port` of the URL's node, then of each node in the `nodes` option."""
    scheme = "https" if tls else "http"
    out = [f"{scheme}://{host}:{port}"]
    for extra in filter(None, (n.strip() for n in options.get("nodes", "").split(","))):
        name, _, extra_port = extra.rpartition(":") if ":" in extra else (extra, "", str(port))
        if not name or not extra_port.isdigit():
            raise ConfigError(
                f"store URL {_redacted(url)!r}: nodes={options['nodes']!r}: {extra!r} is not host:port "
                "(e.g. nodes=10.0.0.2:9200,10.0.0.3:9200)"
            )
        out.append(f"{scheme}://{name}:{extra_port}")
    return tuple(dict.fromkeys(out))


def _replica_settings(replicas: str, product: str) -> dict[str, Any]:
    """Index settings for `replicas` (a number, or `auto`: 0 on one node, 1 from two nodes on, which both servers
    keep up to date as nodes come and go)."""
    if replicas.strip().lower() == "auto":
        return {"auto_expand_replicas": "0-1"}
    if replicas.strip().isdigit():
        return {"number_of_replicas": int(replicas), "auto_expand_replicas": "false"}
    raise ConfigError(
        f"{product} replicas={replicas!r} is not a number of copies or auto (e.g. replicas=1, or replicas=auto)"
    )


def _flag(options: dict[str, str], name: str, default: bool, url: str) -> bool:
    raw = options.get(name)
    if raw is None:
        return default
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise ConfigError(f"store URL {_redacted(url)!r}: {name}={raw!r} is not true or false")


def _clashing_prefix(prefix: str) -> tuple[str, str] | None:
    """(the shorter prefix, the part) when a part of `prefix` between hyphens, after the first, names a kind of
    this store's indices (`li`, or a summary's infix); else None. Index names are `<prefix>-<kind>-<YYYY-MM>-...`:
    a prefix `a-li` makes names (`a-li-li-...`) that the store with prefix `a` takes for its own line-item
    indices (`a-li-*`), and the reverse; a prefix without such a part never does."""
    kinds = {"li", *(summary.infix for summary in search_rollup.SUMMARIES)}
    parts = prefix.split("-")
    at = next((i for i, part in enumerate(parts) if i and part in kinds), None)
    return None if at is None else ("-".join(parts[:at]), parts[at])


def _redacted(url: str) -> str:
    """`url` without a password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc=f"{parts.username}:***@{netloc}").geturl()


def escape_key(key: str) -> str:
    return key.replace("%", "%25").replace(".", "%2E")


def _tag_field(key: str) -> str:
    return f"tags.{escape_key(key)}"


def _costcat_field(name: str) -> str:
    return f"costcat.{escape_key(name)}"


def _field(dim: DimensionRef) -> str:
    return _tag_field(str(dim.tag_key)) if dim.kind is Dimension.TAG else dim.column


def _key(value: str | None, dim: DimensionRef) -> str:
    """A composite bucket's key as the dimension reads it: '' is the empty key, and so is a missing field, except
    for a field added later (`_LEGACY_VALUES`), where it is the value of the line items indexed before it."""
    if value is None and dim.kind is not Dimension.TAG:
        value = _LEGACY_VALUES.get(dim.column)
    return value or dim.empty_key


def _ts(d: date | datetime) -> str:
    if isinstance(d, datetime):
        return d.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
    return f"{d.isoformat()}T00:00:00Z"


def _parse_ts(value: str | None) -> datetime | None:
    """An ISO timestamp as a timezone-aware UTC datetime (the contract's form for every instant)."""
    if not value:
        return None
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _consistent(
    method: Callable[Concatenate[SearchClusterStore, _P], _T],
) -> Callable[Concatenate[SearchClusterStore, _P], _T]:
    """A read of the store answered from one view of the live indices (`SearchClusterStore.read_consistently`):
    that of the question it is part of, or its own."""

    @functools.wraps(method)
    def read(self: SearchClusterStore, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        return self.read_consistently(lambda: method(self, *args, **kwargs))

    return read


class SearchClusterStore(BillingStore):
    """BillingStore on an Elasticsearch or OpenSearch cluster: the index-per-period design, one client seam.

    A backend subclasses it with its `ClusterClient` and a `from_url`, and registers the subclass.
    """

    def __init__(
        self,
        cluster: ClusterClient,
        prefix: str = "trackit",
        *,
        bulk_threads: int = _BULK_THREADS,
        bulk_chunk: int = _BULK_CHUNK,
        bulk_retries: int = 8,
        initial_backoff: float = 1.0,
        max_backoff: float = 30.0,
        load_lease_seconds: float = _LOAD_LEASE_SECONDS,
        replicas: str = "auto",
        rows_per_shard: int = search_rollup.DEFAULT_ROWS_PER_SHARD,
        replica_wait_seconds: float = 120.0,
    ) -> None:
        """`bulk_retries` is how often a `_bulk` request (or its rejected items) answered 429 "too many
        requests" is retried, waiting `initial_backoff` seconds doubled each time up to `max_backoff`. A load's
        index whose heartbeat is older than `load_lease_seconds` belongs to a loader that is gone.

        `replicas`: copies of each shard, from the start of a load, a number or `auto` (one replica when the
        cluster has two nodes or more, none on a single node); a load waits up to `replica_wait_seconds` for
        every copy to be allocated before it publishes. `rows_per_shard`: documents per primary shard
        (`search_rollup.shards_for`)."""
        if not _PREFIX.fullmatch(prefix):
            raise ConfigError(
                f"{cluster.product} index prefix {prefix!r} is not usable in index names: use lowercase letters, "
                "digits, '-' and '_', starting with a letter or digit (e.g. prefix=trackit)"
            )
        if clash := _clashing_prefix(prefix):
            shorter, part = clash
            raise ConfigError(
                f"{cluster.product} index prefix {prefix!r} could share index names with the prefix {shorter!r} (index "
                f"names are <prefix>-li-..., <prefix>-ru-..., <prefix>-rs-...): set a `prefix` without a '-{part}' "
                "part in the store URL (`store_url`, e.g. prefix=trackit)"
            )
        self._cluster = cluster
        self._prefix = prefix
        self._alias = f"{prefix}-li"
        self._load_lock = threading.Lock()
        self._legacy_meta: dict[str, dict[str, Any]] = {}
        self._bulk_threads = max(1, bulk_threads)
        self._bulk_chunk = max(1, bulk_chunk)
        self._bulk_retries = bulk_retries
        self._initial_backoff = initial_backoff
        self._max_backoff = max_backoff
        self._load_lease = load_lease_seconds
        self._replicas = _replica_settings(replicas, cluster.product)
        self._replica_option = replicas
        self._rows_per_shard = max(1, rows_per_shard)
        self._replica_wait = replica_wait_seconds
        self._rollup_alias = f"{prefix}-{search_rollup.DAILY.infix}"
        self._resource_alias = f"{prefix}-{search_rollup.RESOURCES.infix}"
        #: Primary shards of each index read so far (index name -> count; an index never changes it).
        self._shard_counts: dict[str, int] = {}
        #: Where the cluster is, for error messages (never carries credentials).
        self.host = cluster.host
        #: The view the question being answered in this thread (context) reads (`read_consistently`).
        self._views: contextvars.ContextVar[_View | None] = contextvars.ContextVar(f"view-{id(self)}", default=None)

    @property
    def cluster(self) -> ClusterClient:
        """The client every request of this store goes through."""
        return self._cluster

    def wrap_cluster(self, wrap: Callable[[ClusterClient], ClusterClient]) -> None:
        """Send every later request through `wrap(client)`: a `ClusterClient` that delegates to the current one,
        to observe requests or to inject failures and concurrent changes between them (tests, benchmarks)."""
        self._cluster = wrap(self._cluster)

    # ------------------------------------------------------------------ consistent reads

    def read_consistently(self, question: Callable[[], _T]) -> _T:
        """Answer `question` (any number of this store's reads) from one view of the live indices: every search
        names the indices that were live when it started, so a delivery published meanwhile is either wholly
        unseen or, when the replaced indices were deleted under the question, the question is answered again from
        the new ones. Nested calls read the outer view."""
        if self._views.get() is not None:
            return question()
        for attempt in range(1, _VIEW_ATTEMPTS + 1):
            view = _View(self._fresh_mappings())
            token = self._views.set(view)
            try:
                try:
                    answer = question()
                except ViewChanged:
                    raise
                except Exception:
                    # A search that named the index pattern may have missed a deleted index: the question may
                    # have failed on what it read (no group where its total said there was cost). Asked again then.
                    if view.wide and self._lost_an_index(view):
                        raise ViewChanged(self._replaced_message()) from None
                    raise
                if view.wide and self._lost_an_index(view):
                    raise ViewChanged(self._replaced_message())
                return answer
            except ViewChanged as exc:
                if attempt == _VIEW_ATTEMPTS:
                    raise
                log.info("a delivery replaced the indices of a question being answered; asking again: %s", exc)
            finally:
                self._views.reset(token)
        raise AssertionError("unreachable")  # pragma: no cover - the loop returns or raises

    def _lost_an_index(self, view: _View) -> bool:
        """Whether an index `view` reads is gone (a search naming the index pattern does not fail for a deleted
        index: it leaves its line items out)."""
        patterns = ",".join(f"{a}-*" for a in (self._alias, *map(self._summary_alias, search_rollup.SUMMARIES)))
        return bool(view.every_index() - set(self._call("index listing", self._cluster.index_names, patterns)))

    def _replaced_message(self) -> str:
        return (
            f"{self._cluster.product} at {self.host}: the indices a question read were replaced by a new delivery "
            "while it was answered; ask again"
        )

    def _view(self) -> _View:
        """The view of the question being answered, or (outside one) the indices live now."""
        return self._views.get() or _View(self._fresh_mappings())

    def _fresh_mappings(self) -> dict[str, dict[str, Any]]:
        """Index name -> mapping of every index behind the read alias now (one request)."""
        mappings = self._call("mapping read", self._cluster.mappings, self._alias, lenient=True)
        return {name: dict(body["mappings"]) for name, body in mappings.items()}

    def _read(
        self, what: str, index: str, body: dict[str, Any], *, shard: int | None = None, filter_path: str | None = None
    ) -> dict[str, Any]:
        """One search of `index`: one of the store's aliases, read as the indices behind it in the question's view
        (an empty response, without asking, when there are none), or a concrete index name.

        Raises ViewChanged when an index of the view was deleted (the question is then asked again); a list too
        long for one request line searches the store's index pattern narrowed to the view's indices by `_index`."""
        view = self._views.get()
        names: tuple[str, ...] | None = None
        if index in (self._alias, self._rollup_alias, self._resource_alias):
            view = view or _View(self._fresh_mappings())
            names = view.names(index, self._prefix)
        if names is None:
            names = (index,)
        if not names:
            return {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
        target, wide = ",".join(names), False
        if len(target) > _URL_INDICES and view is not None:
            view.wide = wide = True
            target = f"{index}-*"
            narrowed = [body.get("query", {"match_all": {}}), {"terms": {"_index": list(names)}}]
            body = {**body, "query": {"bool": {"filter": narrowed}}}
        try:
            return self._cluster.search(target, body, lenient=wide, shard=shard, filter_path=filter_path)
        except Exception as exc:
            failure = self._cluster.failure(exc)
            if failure is None:
                raise
            if failure.status == 404 and "index_not_found" in failure.reason and view is self._views.get() is not None:
                raise ViewChanged(f"{self._replaced_message()} ({failure.reason})") from exc
            raise self._error(what, failure) from exc

    # ------------------------------------------------------------------ helpers

    def _call(self, what: str, fn: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        """Run one client call, turning transport and API failures into StoreError with context."""
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            failure = self._cluster.failure(exc)
            if failure is None:
                raise
            raise self._error(what, failure) from exc

    def _error(self, what: str, failure: ClusterFailure) -> StoreError:
        """A StoreError naming the cluster, the operation and the server's own reason."""
        product = self._cluster.product
        if failure.status is None:
            return StoreError(f"cannot reach {product} at {self.host} for {what}: {failure.reason}")
        hint = (
            f" (not an answer of {product}: is another program listening at one of the store URL's nodes?)"
            if failure.status == 501
            else ""
        )
        return StoreError(f"{product} at {self.host} refused {what} (HTTP {failure.status}): {failure.reason}{hint}")

    def _live_indices(self) -> dict[str, dict[str, Any]]:
        """Index name -> `_meta` of every live period index (behind the read alias) in the question's view."""
        return self._view().metas

    def _fresh_indices(self) -> dict[str, dict[str, Any]]:
        """Index name -> `_meta` of every period index live now, whatever a question reads (for loads)."""
        return {name: m.get("_meta", {}) for name, m in self._fresh_mappings().items()}

    def _without_charge_class(self) -> bool:
        """Whether some live index was loaded before line items carried `charge_class` (read by derivation)."""
        return any(_CHARGE_CLASS not in m.get("properties", {}) for m in self._view().mappings.values())

    def _all_period_indices(self) -> list[str]:
        return sorted(self._call("index listing", self._cluster.index_names, f"{self._alias}-*"))

    # ------------------------------------------------------------------ loading

    def replace_period(self, source: NormalizedSource, progress: Progress | None = None) -> LoadResult:
        started = time.monotonic()
        delivery = source.delivery
        period = delivery.billing_period
        key = (period.isoformat(), delivery.source)
        with self._load_lock:
            # Every live index of the period is kept, whichever source it holds: only orphans go.
            self._delete_orphans(period, keep=set(self._fresh_indices()))
            self._delete_summary_orphans(period)
            digest = hashlib.sha1(delivery.delivery_id.encode()).hexdigest()[:10]
            index = f"{self._alias}-{period:%Y-%m}-{digest}-{uuid.uuid4().hex[:8]}"
            self._create_index(index, source)
            heartbeat = _Heartbeat(self, index, self._load_lease / 4)
            try:
                with heartbeat:
                    rows = self._bulk_load(index, source, progress)
                    self._call("refresh", self._cluster.refresh, index)
                    billed = self._reconcile(index, source, rows)
                    meta = self._meta(index, source, rows)
                    meta |= self._load_summaries(index, source, rows, billed)
                    heartbeat.stop()  # the final _meta below drops the lease: the alias makes the index live
                self._call("mapping update", self._cluster.put_meta, index, meta)
                self._call(
                    "index settings",
                    self._cluster.put_settings,
                    index,
                    {"index": {"refresh_interval": "1s", **self._replicas}},
                )
                self._wait_for_replicas([index, *_summary_indices(meta)], source)
                # Another process may have published this period while we loaded: replace what is live now.
                live = {_live_key(m): (name, m) for name, m in self._fresh_indices().items()}
                old = live.get(key)
                actions: list[dict[str, Any]] = [{"add": {"index": index, "alias": self._alias}}]
                if old:
                    actions.insert(0, {"remove": {"index": old[0], "alias": self._alias}})
                actions += self._summary_alias_actions(meta, old[1] if old else None)
                self._call("alias swap", self._cluster.update_aliases, actions)
            except BaseException:
                self._drop(index, "the failed load's index")
                for summary in search_rollup.SUMMARIES:
                    self._drop(self._summary_name(index, summary), f"the failed load's {summary.what} index")
                raise
            if old:
                self._drop(old[0], "the replaced delivery's index")
                for summary in search_rollup.SUMMARIES:
                    self._drop(self._summary_name(old[0], summary), f"the replaced delivery's {summary.what} index")
        return LoadResult(
            delivery=delivery,
            rows=rows,
            billed_total=billed,
            replaced=old[1]["delivery_id"] if old else None,
            seconds=time.monotonic() - started,
        )

    def _drop(self, index: str, what: str) -> None:
        """Best-effort deletion of an index that is no longer (or never was) live.

        A failure is logged, not raised: it must not hide the error that caused it, and the data readers see is
        already right; the next load of the period deletes what is left (`_delete_orphans`).
        """
        try:
            self._cluster.delete_index(index)
        except Exception as exc:
            if self._cluster.failure(exc) is None:
                raise
            log.warning("could not delete %s %s at %s (the next load retries): %s", what, index, self.host, exc)

    def _delete_orphans(self, period: date, keep: set[str]) -> None:
        """Indices of this period left by a failed or killed load are not live: drop them. An index whose load
        still renews its heartbeat (another process loading the same period) is left alone."""
        names = [n for n in self._all_period_indices() if n.startswith(f"{self._alias}-{period:%Y-%m}-")]
        names = [n for n in names if n not in keep]
        if not names:
            return
        try:
            metas = self._cluster.mappings(",".join(names))
        except Exception as exc:
            failure = self._cluster.failure(exc)
            if failure is None:
                raise
            if failure.status != 404:  # one of them vanished meanwhile: no lease is readable, as if none were
                raise self._error("mapping read", failure) from exc
            metas = {}
        now = time.time()
        for name in names:
            loading = (metas.get(name) or {}).get("mappings", {}).get("_meta", {}).get("loading") or {}
            beat = loading.get("heartbeat")
            if isinstance(beat, (int, float)) and now - float(beat) < self._load_lease:
                log.info("index %s is being loaded by another process (heartbeat %.0f s ago): kept", name, now - beat)
                continue
            log.info("deleting orphan index %s from an interrupted load", name)
            self._call(f"deletion of orphan index {name}", self._cluster.delete_index, name)

    def _create_index(self, index: str, source: NormalizedSource) -> None:
        properties: dict[str, Any] = {name: {"type": _FIELD_TYPES[typ]} for name, typ, _ in LINE_ITEM_COLUMNS}
        properties[_NET_OR_BILLED] = {"type": "double"}
        properties[_USAGE_END] = {"type": "date"}
        properties["tags"] = {
            "type": "object",
            "properties": {escape_key(k): {"type": "keyword"} for k in source.tag_keys},
        }
        properties["costcat"] = {
            "type": "object",
            "properties": {escape_key(c): {"type": "keyword"} for c in source.cost_categories},
        }
        self._call(
            "index creation",
            self._cluster.create_index,
            index,
            settings={
                "number_of_shards": search_rollup.shards_for(source.expected_rows, self._rows_per_shard),
                # Replicas from the start: a node lost mid-load then loses no line item (one node: none).
                **self._replicas,
                "refresh_interval": "-1",
            },
            mappings={"dynamic": "strict", "properties": properties, "_meta": _loading_meta()},
        )

    def _documents(
        self, source: NormalizedSource, documents_sql: Callable[[NormalizedSource, Sequence[str]], str]
    ) -> Generator[list[str], None, None]:
        """The period's line items as JSON documents, in batches of `bulk_chunk`.

        DuckDB writes the JSON itself (`_document_sql`): the client only frames and sends it, which is what
        makes the load fast enough to keep the node busy.
        """
        con = duckdb.connect(config={"threads": 1})
        try:
            # DuckDB draws its own progress bar on stdout for long queries (the bot's or the CLI's stdout).
            con.execute("SET enable_progress_bar = false")
            described = con.execute(f"SELECT * FROM ({source.select_sql}) LIMIT 0").description
            cursor = con.execute(documents_sql(source, [d[0] for d in described]))
            while batch := cursor.fetchmany(self._bulk_chunk):
                yield [doc for (doc,) in batch]
        except duckdb.Error as exc:
            raise StoreError(f"cannot read {source.delivery.source_uri} for loading: {exc}") from exc
        finally:
            con.close()

    def _bulk_load(
        self,
        index: str,
        source: NormalizedSource,
        progress: Progress | None,
        documents_sql: Callable[[NormalizedSource, Sequence[str]], str] | None = None,
    ) -> int:
        """Index every line item of `source` into `index` with `bulk_threads` streaming bulk loops in parallel.

        Each loop retries requests and items answered 429. Returns the number of documents sent; raises
        StoreError naming the cluster when a document is rejected (mapping) or the cluster cannot be reached.
        """
        batches = self._documents(source, documents_sql or _document_sql)
        lock = threading.Lock()
        stop = threading.Event()
        sent = 0

        def documents() -> Iterator[dict[str, str]]:
            nonlocal sent
            while not stop.is_set():
                with lock:  # one DuckDB cursor shared by the loops: hand out whole batches
                    batch = next(batches, None)
                    if batch is None:
                        return
                    first = sent
                    sent += len(batch)
                    if progress:
                        progress(sent, source.expected_rows)
                # Each document's id is its place in the delivery: a request the client sends again (its node
                # died after indexing part of it, and the client retried it on another node) overwrites what
                # it indexed instead of indexing it twice.
                for n, doc in enumerate(batch, first):
                    yield {"_id": str(n), "_source": doc}

        def loop() -> tuple[int, dict[str, Any] | None]:
            failures, first = 0, None
            for item in self._cluster.bulk_index(
                documents(),
                index=index,
                chunk_size=self._bulk_chunk,
                max_retries=self._bulk_retries,
                initial_backoff=self._initial_backoff,
                max_backoff=self._max_backoff,
            ):
                failures += 1
                first = first or item
            return failures, first

        pool = ThreadPoolExecutor(self._bulk_threads, thread_name_prefix="bulk")
        try:
            futures = [pool.submit(loop) for _ in range(self._bulk_threads)]
            wait(futures, return_when=FIRST_EXCEPTION)
            stop.set()  # a failed loop stops the others at their next batch
            results = [f.result() for f in futures]
        except Exception as exc:
            failure = self._cluster.failure(exc)
            if failure is None:
                raise
            raise self._error(f"bulk indexing into {index}", failure) from exc
        finally:
            stop.set()
            pool.shutdown(wait=True)
            batches.close()
        failures = sum(n for n, _ in results)
        if failures:
            first = next(item for _, item in results if item)
            op: dict[str, Any] = next(iter(first.values()), {})
            raise StoreError(
                f"{self._cluster.product} at {self.host} rejected {failures} line item(s) of "
                f"{source.delivery.billing_period:%Y-%m} delivery {source.delivery.delivery_id} "
                f"(first: HTTP {op.get('status')}: {error_reason(op.get('error'))}); the previous data stays live"
            )
        return sent

    def _reconcile(self, index: str, source: NormalizedSource, rows: int) -> float:
        """Check the stored row count and unblended total against the export; returns the stored total."""
        body = self._call(
            "reconciliation",
            self._cluster.search,
            index,
            {"size": 0, "track_total_hits": True, "aggs": {"billed": {"sum": {"field": "billed_cost"}}}},
        )
        stored_rows = body["hits"]["total"]["value"]
        stored = Decimal(str(body["aggregations"]["billed"]["value"]))
        expected = Decimal(source.expected_billed_total)
        if stored_rows != rows or abs(stored - expected) >= Decimal("0.005"):
            raise ReconciliationError(
                f"{source.delivery.billing_period:%Y-%m} delivery {source.delivery.delivery_id}: stored {stored_rows} "
                f"rows totalling {stored:.4f} but the export totals {source.expected_billed_total}; "
                "the previous data stays live",
            )
        return float(stored)

    def _meta(self, index: str, source: NormalizedSource, rows: int) -> dict[str, Any]:
        aggs = {
            "billed": {"sum": {"field": "billed_cost"}},
            "until": {"max": {"field": _USAGE_END}},
            "until_any": {"max": {"field": "charge_period_end"}},
            "first_start": {"min": {"field": "charge_period_start"}},
            "last_start": {"max": {"field": "charge_period_start"}},
            "invoiced": {"filter": _present("invoice_id")},
            **_CURRENCY_AGGS,
        }
        body = self._call("period summary", self._cluster.search, index, {"size": 0, "aggs": aggs})
        aggs = body["aggregations"]
        d = source.delivery
        return {
            "billing_period": d.billing_period.isoformat(),
            "delivery_id": d.delivery_id,
            "delivered_at": _ts(d.delivered_at),
            "loaded_at": _ts(datetime.now(UTC)),
            "source_format": d.source_format,
            "source_uri": d.source_uri,
            "source": d.source,
            "complete_until": None if d.complete_until is None else _ts(d.complete_until),
            "rows": rows,
            "final": aggs["invoiced"]["doc_count"] > 0,
            "data_until": aggs["until"].get("value_as_string") or aggs["until_any"].get("value_as_string"),
            # The span of usage starts: which periods a usage-date question reads (freshness reports them).
            "data_from": aggs["first_start"].get("value_as_string"),
            "last_start": aggs["last_start"].get("value_as_string"),
            "billed_total": aggs["billed"]["value"],
            "tag_keys": list(source.tag_keys),
            "cost_categories": list(source.cost_categories),
            "accounts": self._account_sightings(index),
            **_currencies_and_net(aggs),
        }

    def _currencies_and_net(self, index: str, meta: dict[str, Any]) -> dict[str, Any]:
        """`currencies` and `has_net_cost` of a live index: from its `_meta`, or (indices loaded before they were
        recorded) from one aggregation, remembered per index (a live index never changes)."""
        if "currencies" in meta and "has_net_cost" in meta:
            return {"currencies": meta["currencies"], "has_net_cost": meta["has_net_cost"]}
        if index not in self._legacy_meta:
            self._legacy_meta[index] = _currencies_and_net(
                self._search("currencies", {"match_all": {}}, _CURRENCY_AGGS, index)
            )
        return self._legacy_meta[index]

    @_consistent
    def periods(self) -> list[PeriodStatus]:
        out = [
            PeriodStatus(
                billing_period=date.fromisoformat(m["billing_period"]),
                delivery_id=m["delivery_id"],
                delivered_at=_parse_ts(m["delivered_at"]) or datetime.min.replace(tzinfo=UTC),
                loaded_at=_parse_ts(m["loaded_at"]) or datetime.min.replace(tzinfo=UTC),
                source_format=m["source_format"],
                source_uri=m["source_uri"],
                rows=int(m["rows"]),
                final=bool(m["final"]),
                data_until=_parse_ts(m.get("data_until")),
                billed_total=float(m["billed_total"]),
                currencies=tuple(extra["currencies"]),
                has_net_cost=bool(extra["has_net_cost"]),
                source=_source_of(m),
                complete_until=_parse_ts(m.get("complete_until")),
            )
            for name, m in self._live_indices().items()
            if "billing_period" in m
            for extra in (self._currencies_and_net(name, m),)
        ]
        return sorted(out, key=lambda p: (p.billing_period, p.source))

    def delete_period(self, billing_period: date, source: str | None = None) -> bool:
        with self._load_lock:
            names = [
                n
                for n, m in self._fresh_indices().items()
                if m.get("billing_period") == billing_period.isoformat() and (source is None or _source_of(m) == source)
            ]
            for name in names:
                self._call("index deletion", self._cluster.delete_index, name)
                for summary in search_rollup.SUMMARIES:
                    self._call(
                        f"{summary.what} index deletion", self._cluster.delete_index, self._summary_name(name, summary)
                    )
            return bool(names)

    # ------------------------------------------------------------------ rollups, shards and replicas

    def _summary_alias(self, summary: search_rollup.Summary) -> str:
        return f"{self._prefix}-{summary.infix}"

    def _summary_name(self, index: str, summary: search_rollup.Summary) -> str:
        """The summary index of line-item index `index` (same period, delivery and load id)."""
        return self._summary_alias(summary) + index[len(self._alias) :]

    def _delete_summary_orphans(self, period: date) -> None:
        """Summary indices of this period whose line-item index is gone (a failed or killed load, whose line-item
        index `_delete_orphans` has just dropped): the summaries of a live or still loading index are kept."""
        line_items: set[str] | None = None
        for summary in search_rollup.SUMMARIES:
            alias = self._summary_alias(summary)
            found = self._call("index listing", self._cluster.index_names, f"{alias}-{period:%Y-%m}-*")
            if not found:
                continue
            line_items = set(self._all_period_indices()) if line_items is None else line_items
            for name in found:
                if self._alias + name[len(alias) :] not in line_items:
                    log.info("deleting orphan %s index %s from an interrupted load", summary.what, name)
                    self._call(f"deletion of orphan index {name}", self._cluster.delete_index, name)

    def _load_summaries(self, index: str, source: NormalizedSource, rows: int, billed: float) -> dict[str, Any]:
        """Write every summary of `source` (`search_rollup.SUMMARIES`) into its own index beside `index` and return
        the `_meta` entries that record them (with the line-item index's shard count). They become live with
        `index`, in the same alias swap."""
        shards = search_rollup.shards_for(rows, self._rows_per_shard)
        meta: dict[str, Any] = {"shards": shards}
        self._shard_counts[index] = shards
        for summary in search_rollup.SUMMARIES:
            meta[summary.key] = self._load_summary(summary, index, source, totals=(rows, billed), shards=shards)
        return meta

    def _load_summary(
        self,
        summary: search_rollup.Summary,
        index: str,
        source: NormalizedSource,
        *,
        totals: tuple[int, float],
        shards: int,
    ) -> dict[str, Any]:
        """Write one summary of `source` into its index beside `index`, check that it holds every line item and the
        same unblended total as the line items (`totals`: their count and total), and return its `_meta` entry.

        Its shard count follows its own document count, which is counted first only when the line items need
        more than one shard (a summary never has more documents than line items)."""
        name = self._summary_name(index, summary)
        rows, billed = totals
        own_shards = (
            1 if shards == 1 else search_rollup.shards_for(self._summary_rows(source, summary), self._rows_per_shard)
        )
        tag_fields = [escape_key(k) for k in source.tag_keys]
        self._call(
            f"{summary.what} index creation",
            self._cluster.create_index,
            name,
            settings={"number_of_shards": own_shards, **self._replicas, "refresh_interval": "-1"},
            mappings={"dynamic": "strict", "properties": summary.mapping_properties(tag_fields)},
        )
        documents = self._bulk_load(name, source, None, functools.partial(_summary_document_sql, summary))
        self._call("refresh", self._cluster.refresh, name)
        aggs = self._search(
            f"{summary.what} reconciliation",
            {"match_all": {}},
            {"n": {"sum": {"field": search_rollup.COUNT}}, "billed": {"sum": {"field": "billed_cost"}}},
            name,
        )
        items, total = int(aggs["n"]["value"] or 0), float(aggs["billed"]["value"] or 0.0)
        if items != rows or abs(Decimal(str(total)) - Decimal(str(billed))) >= Decimal("0.005"):
            raise ReconciliationError(
                f"{source.delivery.billing_period:%Y-%m} delivery {source.delivery.delivery_id}: the {summary.what} "
                f"holds {items} line items totalling {total:.4f}, the line items {rows} totalling {billed:.4f}; "
                "the previous data stays live"
            )
        self._call(
            "index settings", self._cluster.put_settings, name, {"index": {"refresh_interval": "1s", **self._replicas}}
        )
        self._shard_counts[name] = own_shards
        return {"index": name, "documents": documents, "shards": own_shards, "format": search_rollup.FORMAT}

    def _summary_rows(self, source: NormalizedSource, summary: search_rollup.Summary) -> int:
        """How many documents `summary` of `source` has (one DuckDB count over the export)."""
        con = duckdb.connect()
        try:
            con.execute("SET enable_progress_bar = false")
            described = con.execute(f"SELECT * FROM ({source.select_sql}) LIMIT 0").description
            sql = summary.relation_sql(source.select_sql, source.tag_keys, [d[0] for d in described])
            found = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()
        except duckdb.Error as exc:
            raise StoreError(f"cannot read {source.delivery.source_uri} for loading: {exc}") from exc
        finally:
            con.close()
        return int(found[0]) if found else 0

    def _wait_for_replicas(self, indices: list[str], source: NormalizedSource) -> None:
        """Wait until every copy of the new indices is allocated (cluster health green for them), so the period
        survives the loss of a node from the moment it is live; raises StoreError saying why when it is not
        within `replica_wait_seconds` (the previous data stays live)."""
        body = self._call(
            "cluster health",
            self._cluster.health,
            ",".join(indices),
            wait_for_status="green",
            timeout_seconds=self._replica_wait,
        )
        if body.get("status") == "green" and not body.get("timed_out"):
            return
        raise StoreError(
            f"{self._cluster.product} at {self.host} did not allocate every copy of "
            f"{source.delivery.billing_period:%Y-%m} delivery {source.delivery.delivery_id} within "
            f"{self._replica_wait:.0f} s (status {body.get('status')}, {body.get('unassigned_shards')} unassigned "
            f"shard(s) on {body.get('number_of_data_nodes')} data node(s)): with replicas={self._replica_option} "
            "each copy needs its own node; start the missing nodes or lower `replicas` in the store URL. "
            "The previous data stays live"
        )

    def _summary_alias_actions(self, meta: dict[str, Any], old_meta: dict[str, Any] | None) -> list[Any]:
        """The `_aliases` actions that make the new delivery's summaries (`meta`) live in place of the old one's
        (`old_meta`), sent in the line items' swap: readers see them all switch together."""
        actions: list[dict[str, Any]] = []
        for summary in search_rollup.SUMMARIES:
            alias = self._summary_alias(summary)
            if old_meta and summary.key in old_meta:
                actions.append({"remove": {"index": old_meta[summary.key]["index"], "alias": alias}})
            if summary.key in meta:
                actions.append({"add": {"index": meta[summary.key]["index"], "alias": alias}})
        return actions

    def _read_target(self, serves: bool, whole: TimeRange | None = None) -> _Target:
        """Where a question is read.

        `serves`: the daily rollup answers it (when every live period has one; periods loaded before rollups
        existed are read from their line items). `whole`: the question's range, when the resource summary answers
        it provided the range holds each live period whole or not at all (every live period must have one: an
        older store answers from its line items until re-ingested). When both may, the one with fewer documents
        is read; else the line items."""
        live = self._live_indices()
        if not live:
            return _Target(self._alias, rollup=False)
        self._remember_shards(live)
        candidates: list[_Target] = []
        daily, resources = search_rollup.DAILY, search_rollup.RESOURCES
        if serves and all(daily.key in m for m in live.values()):
            current = all(int(m[daily.key].get("format", 1)) >= 2 for m in live.values())
            documents = sum(int(m[daily.key]["documents"]) for m in live.values())
            candidates.append(_Target(self._summary_alias(daily), True, current, documents))
        if whole is not None and all(resources.key in m and _whole_or_none(whole, m) for m in live.values()):
            documents = sum(int(m[resources.key]["documents"]) for m in live.values())
            candidates.append(_Target(self._summary_alias(resources), True, True, documents))
        if candidates:
            return min(candidates, key=lambda c: c.documents)
        return _Target(self._alias, rollup=False)

    def _remember_shards(self, live: dict[str, dict[str, Any]]) -> None:
        """Record the primary shard count of every live index and its summaries (an index never changes it)."""
        for name, m in live.items():
            self._shard_counts[name] = int(m.get("shards", 1))
            for summary in search_rollup.SUMMARIES:
                if summary.key in m:
                    self._shard_counts[m[summary.key]["index"]] = int(m[summary.key]["shards"])

    def _one_shard(self, index: str) -> bool:
        """Whether `index` (line items or a summary) has one primary shard (indices loaded before shard sizing
        do)."""
        if index not in self._shard_counts:
            self._remember_shards(self._live_indices())
        return self._shard_counts.get(index, 1) == 1

    def cluster_health(self) -> ClusterHealth:
        """The health of this store's indices as an operator reads it (`trackit doctor`): status, nodes of the
        cluster, shards not allocated (the indices of other applications on the cluster do not count)."""
        indices = ",".join(f"{a}-*" for a in (self._alias, *map(self._summary_alias, search_rollup.SUMMARIES)))
        body = self._call("cluster health", self._cluster.health, indices, wait_for_status=None, timeout_seconds=10)
        return ClusterHealth(
            status=str(body.get("status", "unknown")),
            nodes=int(body.get("number_of_nodes", 0)),
            unassigned_shards=int(body.get("unassigned_shards", 0)),
        )

    # ------------------------------------------------------------------ reading

    def _tag_keys_live(self) -> set[str]:
        return {k for m in self._live_indices().values() for k in m.get("tag_keys", [])}

    def _query(self, time_range: TimeRange | None, filters: Sequence[Filter]) -> dict[str, Any]:
        must: list[dict[str, Any]] = []
        must_not: list[dict[str, Any]] = []
        if time_range is not None:
            must.append({"range": {"charge_period_start": {"gte": _ts(time_range.start), "lt": _ts(time_range.end)}}})
        fold_tax = tax_as_service(filters)
        for flt in filters:
            field = _field(flt.dimension)
            # A stored value equal to the empty key (`global`) shares its group: the key is a term too.
            clauses: list[dict[str, Any]] = [{"terms": {field: list(flt.values)}}]
            if field == _CHARGE_CLASS:
                # Line items loaded before the column existed: their class derived from the stored fields (so
                # every line item has a class, and the empty key matches none).
                derived = [_class_query(c) for c in ChargeClass if c.value in flt.values]
                if derived:
                    unstored = [{"exists": {"field": field}}]
                    clauses.append({"bool": {"must_not": unstored, "should": derived, "minimum_should_match": 1}})
            elif field in _LEGACY_VALUES:
                if _LEGACY_VALUES[field] in flt.values:
                    clauses.append({"bool": {"must_not": [{"exists": {"field": field}}]}})
                if flt.dimension.empty_key in flt.values:
                    clauses.append({"term": {field: ""}})
            elif flt.dimension.empty_key in flt.values:
                clauses.append({"bool": {"must_not": [{"exists": {"field": field}}]}})
                clauses.append({"term": {field: ""}})
            clause: dict[str, Any] = {"bool": {"should": clauses, "minimum_should_match": 1}}
            if fold_tax and flt.dimension.kind is Dimension.SERVICE:
                # Tax line items have the key `Tax` whatever their service; the others their service's key.
                clause = {"bool": {"filter": [clause], "must_not": [_IS_TAX]}}
                if TAX_SERVICE in flt.values:
                    clause = {"bool": {"should": [clause, _IS_TAX], "minimum_should_match": 1}}
            (must_not if flt.negate else must).append(clause)
        return {"bool": {"filter": must, "must_not": must_not}}

    def _search(
        self, what: str, query: dict[str, Any], aggs: dict[str, Any], index: str | None = None
    ) -> dict[str, Any]:
        """Aggregations over the live line items (or `index`: an alias or one index, `_read`); {} before the first
        load (no index behind the alias)."""
        body = self._read(what, index or self._alias, {"size": 0, "query": query, "aggs": aggs})
        return dict(body.get("aggregations") or {})

    def _composite(
        self,
        what: str,
        query: dict[str, Any],
        sources: list[dict[str, Any]],
        metrics: dict[str, Any],
        index: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Every bucket of a composite aggregation, page by page."""
        after: dict[str, Any] | None = None
        while True:
            composite: dict[str, Any] = {"size": _COMPOSITE_PAGE, "sources": sources}
            if after:
                composite["after"] = after
            aggs = self._search(what, query, {"groups": {"composite": composite, "aggs": metrics}}, index)
            if not aggs:
                return
            buckets = aggs["groups"]["buckets"]
            yield from buckets
            after = aggs["groups"].get("after_key")
            # A short page is the last one: asking for the next would scan every line item again for nothing.
            if len(buckets) < _COMPOSITE_PAGE or after is None:
                return

    def _target_for(self, request: AggregateRequest) -> _Target:
        """Where `request` is read (`_read_target`)."""
        whole = request.time_range if search_rollup.serves_resources(request) else None
        return self._read_target(search_rollup.serves_aggregate(request), whole)

    @_consistent
    def aggregate(self, request: AggregateRequest) -> list[AggregateRow]:
        if _groups_by_class(request) and self._without_charge_class():
            return self._aggregate_per_class(request)
        query = self._query(request.time_range, request.filters)
        target = self._target_for(request)
        metrics = {
            **target.cost_metrics(request.basis),
            "usage": {"sum": {"field": "usage_amount"}},
            **target.metrics(),
        }
        sources: list[dict[str, Any]] = []
        if request.granularity is not Granularity.NONE:
            sources.append(
                {
                    "bucket": {
                        "date_histogram": {
                            "field": "charge_period_start",
                            "calendar_interval": _INTERVALS[request.granularity],
                            "time_zone": "UTC",
                        }
                    }
                }
            )
        fold_tax = tax_as_service(request.filters)
        folded = [fold_tax and dim.kind is Dimension.SERVICE for dim in request.group_by]
        for i, dim in enumerate(request.group_by):
            sources.append({f"k{i}": {"terms": {"field": _field(dim), "missing_bucket": True}}})
            if folded[i]:
                sources.append({f"c{i}": {"terms": {"field": "charge_category", "missing_bucket": True}}})
        if len(sources) == 1 and not request.group_by:
            # A plain series: one date_histogram answers it whole, no composite paging.
            histogram = {**sources[0]["bucket"]["date_histogram"], "min_doc_count": 1}
            aggs = self._search(
                "series", query, {"series": {"date_histogram": histogram, "aggs": metrics}}, target.index
            )
            return [
                AggregateRow(
                    keys=(),
                    cost=target.cost(b),
                    bucket=datetime.fromtimestamp(b["key"] / 1000, UTC),
                    usage_amount=b["usage"]["value"],
                    line_items=target.count(b),
                )
                for b in (aggs["series"]["buckets"] if aggs else [])
            ]
        if not sources:
            body = self._read(
                "total", target.index, {"size": 0, "query": query, "aggs": metrics, "track_total_hits": True}
            )
            hits = body["hits"]["total"]["value"]
            if not hits:
                return []
            aggs = body["aggregations"]
            cost, usage = target.cost(aggs), aggs["usage"]["value"]
            count = target.count({**aggs, "doc_count": hits})
            return [AggregateRow(keys=(), cost=cost, usage_amount=usage, line_items=count)]
        if (
            request.granularity is Granularity.NONE
            and request.limit is not None
            and len(request.group_by) == 1
            and _one_term_per_key(request.group_by[0], fold_tax)
        ):
            top = self._top_terms(query, request.group_by[0], request.limit, metrics, target)
            if top is not None:
                return top
        merged: dict[tuple[datetime | None, tuple[str, ...]], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for b in self._composite("aggregation", query, sources, metrics, target.index):
            key = b["key"]
            bucket = datetime.fromtimestamp(key["bucket"] / 1000, UTC) if "bucket" in key else None
            # '' and a missing value are the dimension's empty key, as in every backend; tax reads as `Tax`.
            keys = tuple(
                TAX_SERVICE if folded[i] and key[f"c{i}"] == TAX_CHARGE else _key(key[f"k{i}"], dim)
                for i, dim in enumerate(request.group_by)
            )
            acc = merged[(bucket, keys)]
            acc[0] += target.cost(b)
            acc[1] += b["usage"]["value"]
            acc[2] += target.count(b)
        rows = [
            AggregateRow(keys=keys, cost=v[0], bucket=bucket, usage_amount=v[1], line_items=int(v[2]))
            for (bucket, keys), v in merged.items()
        ]
        return _ordered(rows, request)

    def _aggregate_per_class(self, request: AggregateRequest) -> list[AggregateRow]:
        """Group by charge class when some indices predate the stored column: one aggregation per class (each
        filtered by the class, which `_query` derives for such line items), merged under the contract's order."""
        at = next(i for i, ref in enumerate(request.group_by) if ref.kind is Dimension.CHARGE_CLASS)
        rest = tuple(ref for i, ref in enumerate(request.group_by) if i != at)
        rows: list[AggregateRow] = []
        for charge_class in ChargeClass:
            narrowed = replace(
                request,
                group_by=rest,
                filters=(*request.filters, Filter(request.group_by[at], (charge_class.value,))),
                limit=None,
            )
            for r in self.aggregate(narrowed):
                keys = (*r.keys[:at], charge_class.value, *r.keys[at:])
                rows.append(replace(r, keys=keys))
        return _ordered(rows, request)

    def _top_terms(
        self, query: dict[str, Any], dim: DimensionRef, limit: int, metrics: dict[str, Any], target: _Target
    ) -> list[AggregateRow] | None:
        """The `limit` most costly groups of one dimension from a `terms` aggregation ordered by cost.

        Exact only when every matching line item lives in one index (one shard: no per-shard top lists to
        merge), which is the common case of a range within one billing period; the same request says how many
        indices matched, and None is returned when it was more than one (the caller then pages a composite).
        Saves paging through every group (50k resources) to keep 20. None too when no one field holds the cost
        (`_Target.cost_metrics`): a `terms` aggregation ranks by one metric.
        """
        if "fill" in metrics:
            return None
        terms = {
            "field": _field(dim),
            "size": limit + 1,  # one spare: '' and missing sort differently from a stored value equal to the key
            "missing": _LEGACY_VALUES.get(_field(dim), ""),  # missing and '' are one group, as in the composite path
            "order": [{"cost": "desc"}, {"_key": "asc"}],
        }
        aggs = self._search(
            "top groups",
            query,
            {"indices": {"terms": {"field": "_index", "size": 2}}, "groups": {"terms": terms, "aggs": metrics}},
            target.index,
        )
        if not aggs:
            return []
        if len(aggs["indices"]["buckets"]) > 1 or not all(
            self._one_shard(b["key"]) for b in aggs["indices"]["buckets"]
        ):
            return None
        rows = [
            AggregateRow(
                keys=(b["key"] or dim.empty_key,),
                cost=target.cost(b),
                usage_amount=b["usage"]["value"],
                line_items=target.count(b),
            )
            for b in aggs["groups"]["buckets"]
        ]
        rows.sort(key=lambda r: (-r.cost, r.keys))
        return rows[:limit]

    @_consistent
    def count_groups(self, request: AggregateRequest) -> int:
        """Groups of one dimension counted by the node from a `terms` aggregation without metrics (one request,
        answering only the number of its buckets); exact, since it is only used when the node returned every term
        (`sum_other_doc_count` 0); else an exact count of a key-only composite aggregation (no group is kept in
        memory). On a summary the `terms` aggregation may ask for as many terms as it has documents (up to
        `_SUMMARY_COUNT_TERMS`): the resource count of a whole month in one request over the resource summary."""
        if (
            len(request.group_by) == 1
            and _one_term_per_key(request.group_by[0], tax_as_service(request.filters))
            and not _groups_by_class(request)
        ):
            field = _field(request.group_by[0])
            target = self._target_for(request)
            size = max(_COUNT_TERMS, min(target.documents, _SUMMARY_COUNT_TERMS))
            terms = {"field": field, "size": size, "missing": _LEGACY_VALUES.get(field, "")}
            body = self._read(
                "group count",
                target.index,
                {
                    "size": 0,
                    "query": self._query(request.time_range, request.filters),
                    "aggs": {"g": {"terms": terms}, "n": {"stats_bucket": {"buckets_path": "g>_count"}}},
                },
                filter_path="aggregations.g.sum_other_doc_count,aggregations.n.count",
            )
            aggs = body.get("aggregations")
            if not aggs:
                return 0
            if aggs["g"]["sum_other_doc_count"] == 0:
                return int(aggs["n"]["count"])
        if _groups_by_class(request) and self._without_charge_class():
            return self._count_per_class(request)
        return self._count_composite(request)

    def _count_per_class(self, request: AggregateRequest) -> int:
        """Group count by charge class when some indices predate the stored column: the groups of each class
        (filtered by the class, which `_query` derives for such line items) counted apart; classes are disjoint,
        so the counts add up."""
        at = next(i for i, ref in enumerate(request.group_by) if ref.kind is Dimension.CHARGE_CLASS)
        rest = tuple(ref for i, ref in enumerate(request.group_by) if i != at)
        return sum(
            self.count_groups(
                replace(
                    request,
                    group_by=rest,
                    filters=(*request.filters, Filter(request.group_by[at], (charge_class.value,))),
                    limit=None,
                )
            )
            for charge_class in ChargeClass
        )

    def _count_composite(self, request: AggregateRequest) -> int:
        """Exact group count by paging a composite aggregation of the keys alone (no metrics): groups are counted
        as they stream by, never kept. Keys that fold into one group (a stored `global` and an empty region; tax
        lines under `Tax`) are merged as `aggregate` merges them, which needs the set of merged keys only."""
        query = self._query(request.time_range, request.filters)
        fold_tax = tax_as_service(request.filters)
        folded = [fold_tax and dim.kind is Dimension.SERVICE for dim in request.group_by]
        if not request.group_by:
            return 1 if self.aggregate(replace(request, limit=None, granularity=Granularity.NONE)) else 0
        sources: list[dict[str, Any]] = []
        for i, dim in enumerate(request.group_by):
            sources.append({f"k{i}": {"terms": {"field": _field(dim), "missing_bucket": True}}})
            if folded[i]:
                sources.append({f"c{i}": {"terms": {"field": "charge_category", "missing_bucket": True}}})
        plain = 0
        merged: set[tuple[str, ...]] = set()
        index = self._target_for(request).index
        for b in self._composite("group count", query, sources, {}, index):
            key = b["key"]
            keys = tuple(
                TAX_SERVICE if folded[i] and key[f"c{i}"] == TAX_CHARGE else key[f"k{i}"] or dim.empty_key
                for i, dim in enumerate(request.group_by)
            )
            # Buckets of stored, non-empty, unfolded values are distinct groups: counted, not kept. Only the
            # buckets that may share a group with another (an empty key, a folded service) are kept, as a set.
            mergeable = any(folded) or any(k == dim.empty_key for k, dim in zip(keys, request.group_by, strict=True))
            if mergeable:
                merged.add(keys)
            else:
                plain += 1
        return plain + len(merged)

    @_consistent
    def line_item_sums(self, request: LineItemSumsRequest) -> list[LineItemSums]:
        """A composite aggregation over the request's keys with sums: exact, paged, groups only."""
        query = self._query(request.time_range, request.filters)
        query["bool"]["filter"].append({"terms": {"line_item_type": list(dict.fromkeys(request.line_item_types))}})
        for col in dict.fromkeys(request.non_empty):
            query["bool"]["filter"].append(_present(col))
        target = self._read_target(search_rollup.serves_line_sums(request))
        # Line items without an effective cost count their billed cost (as the amortized basis does); the rollup
        # holds that sum per document.
        no_effective: dict[str, Any] = (
            {"filter": {"match_all": {}}, "aggs": {"cost": {"sum": {"field": search_rollup.BILLED_NO_EFFECTIVE}}}}
            if target.rollup
            else {
                "filter": {"bool": {"must_not": [{"exists": {"field": "effective_cost"}}]}},
                "aggs": {"cost": {"sum": {"field": "billed_cost"}}},
            }
        )
        metrics: dict[str, Any] = {
            "billed": {"sum": {"field": "billed_cost"}},
            "effective": {"sum": {"field": "effective_cost"}},
            "billed_no_effective": no_effective,
            "usage": {"sum": {"field": "usage_amount"}},
            "ri": {"sum": {"field": "reservation_effective_cost"}},
            "sp": {"sum": {"field": "savings_plan_effective_cost"}},
            **target.metrics(),
        }
        if not request.keys:
            aggs = self._search(
                "line-item sums", query, {"all": {"filter": {"match_all": {}}, "aggs": metrics}}, target.index
            )
            if not aggs or not aggs["all"]["doc_count"]:
                return []
            return [_line_sums((), aggs["all"], target.count(aggs["all"]))]
        sources = [{f"k{i}": {"terms": {"field": col, "missing_bucket": True}}} for i, col in enumerate(request.keys)]
        merged: dict[tuple[str, ...], LineItemSums] = {}
        for b in self._composite("line-item sums", query, sources, metrics, target.index):
            keys = tuple(_line_key(col, b["key"][f"k{i}"]) for i, col in enumerate(request.keys))
            row = _line_sums(keys, b, target.count(b))
            old = merged.get(keys)  # '' and a missing value are one key
            merged[keys] = row if old is None else _add_sums(old, row)
        return list(merged.values())

    @_consistent
    def tag_coverage(self, time_range: TimeRange, filters: Sequence[Filter] = ()) -> list[TagCoverage]:
        keys = sorted(self._tag_keys_live())
        query = self._query(time_range, filters)
        aggs: dict[str, Any] = {"total": {"sum": {"field": "billed_cost"}}}
        for i, key in enumerate(keys):
            field = _tag_field(key)
            aggs[f"t{i}"] = {
                "filter": _present(field),
                "aggs": {
                    "cost": {"sum": {"field": "billed_cost"}},
                    "values": {"cardinality": {"field": field, "precision_threshold": _EXACT_CARDINALITY}},
                },
            }
        index = self._read_target(search_rollup.serves_filters(filters), time_range).index
        result = self._search("tag coverage", query, aggs, index)
        if not result:
            return []
        total = result["total"]["value"]
        out = [
            TagCoverage(
                key=key,
                tagged_cost=result[f"t{i}"]["cost"]["value"],
                total_cost=total,
                distinct_values=self._exact_values(key, int(result[f"t{i}"]["values"]["value"]), query, index),
            )
            for i, key in enumerate(keys)
            if result[f"t{i}"]["doc_count"] > 0
        ]
        return sorted(out, key=lambda c: (-c.tagged_cost, c.key))

    def _exact_values(self, key: str, estimate: int, query: dict[str, Any], index: str) -> int:
        """The number of distinct values of tag `key` under `query`: the `cardinality` estimate where it is exact
        (below its precision threshold it keeps a hash of every value), else counted exactly by paging a
        key-only composite aggregation (`/tags` shows the count as a number, not an estimate)."""
        if estimate < _EXACT_CARDINALITY * 0.9:  # the estimate's error stays far below the margin
            return estimate
        field = _tag_field(key)
        narrowed = {"bool": {"filter": [query, _present(field)]}}
        sources = [{"v": {"terms": {"field": field}}}]
        return sum(1 for _ in self._composite("tag value count", narrowed, sources, {}, index))

    @_consistent
    def distinct_values(self, dimension: DimensionRef, limit: int = 10_000) -> list[str]:
        field = _field(dimension)
        cost = {"cost": {"sum": {"field": "billed_cost"}}}
        wanted: dict[str, Any] = {
            "values": {"terms": {"field": field, "size": limit, "order": {"cost": "desc"}}, "aggs": cost}
        }
        if field in _LEGACY_VALUES:
            wanted["values"]["terms"]["missing"] = _LEGACY_VALUES[field]
        if dimension.kind is Dimension.SERVICE:
            wanted["tax"] = {"filter": _IS_TAX, "aggs": cost}
        # Over all time: every period whole, so the resource summary answers too (resources included).
        target = self._read_target(dimension.kind is not Dimension.RESOURCE, _ALL_TIME)
        aggs = self._search("distinct values", {"match_all": {}}, wanted, target.index)
        if not aggs:
            return []
        # The services line items were charged on (not folded), then `Tax` when there is tax.
        ranked = [(-b["cost"]["value"], b["key"]) for b in aggs["values"]["buckets"]]
        if "tax" in aggs and aggs["tax"]["doc_count"]:
            ranked.append((-aggs["tax"]["cost"]["value"], TAX_SERVICE))
        values = [v for _, v in sorted(ranked) if v not in ("", dimension.empty_key)]
        return list(dict.fromkeys(values))[:limit]

    @_consistent
    def tag_keys(self) -> list[str]:
        return sorted(self._tag_keys_live())

    def _account_sightings(self, index: str) -> list[list[Any]]:
        """[account id, name ('' when none), newest usage start in epoch ms] for every pair seen in `index`."""
        sources: list[dict[str, Any]] = [
            {"id": {"terms": {"field": "sub_account_id"}}},
            {"name": {"terms": {"field": "sub_account_name", "missing_bucket": True}}},
        ]
        metrics = {"last": {"max": {"field": "charge_period_start"}}}
        return [
            [b["key"]["id"], b["key"]["name"] or "", b["last"]["value"] or 0.0]
            for b in self._composite("accounts", {"match_all": {}}, sources, metrics, index)
        ]

    @_consistent
    def accounts(self) -> dict[str, str]:
        live = self._live_indices()
        if all("accounts" in m for m in live.values()):  # recorded at load time: no aggregation per question
            sightings = [s for m in live.values() for s in m["accounts"]]
        else:  # indices loaded before the accounts were recorded
            sightings = self._account_sightings(self._alias) if live else []
        names: dict[str, str] = {}
        latest: dict[str, float] = {}
        for account, name, seen in sightings:
            names.setdefault(account, "")
            if name and seen >= latest.get(account, -math.inf):
                names[account], latest[account] = name, seen
        return names

    @_consistent
    def freshness(self, time_range: TimeRange | None = None) -> Freshness:
        """Newest usage and the status of every period whose index may hold usage starting in the range:
        queries filter the whole alias by usage start, so these are exactly the periods an answer reads."""
        live = {_live_key(m): m for m in self._live_indices().values() if "billing_period" in m}
        periods = [
            p
            for p in self.periods()
            if _may_hold(time_range, p, live.get((p.billing_period.isoformat(), p.source), {}))
        ]
        return Freshness(data_until=combined_until(periods), periods=tuple(periods))

    def iter_line_items(
        self, time_range: TimeRange, filters: Sequence[Filter] = (), columns: Sequence[str] = ()
    ) -> Iterator[dict[str, object]]:
        query = self._query(time_range, filters)
        live = self._live_indices()
        extra = sorted(
            {TAG_PREFIX + k for m in live.values() for k in m.get("tag_keys", [])}
            | {COST_CATEGORY_PREFIX + c for m in live.values() for c in m.get("cost_categories", [])}
        )
        wanted = list(columns) or [name for name, _, _ in LINE_ITEM_COLUMNS] + extra
        # One shard at a time: `_doc` order is unique within one shard, so search_after is exact.
        for index in sorted(live):
            shards = int(live[index].get("shards", 1))
            for shard in range(shards) if shards > 1 else [None]:
                yield from self._scan_shard(index, shard, query, wanted)

    def _scan_shard(
        self, index: str, shard: int | None, query: dict[str, Any], wanted: Sequence[str]
    ) -> Iterator[dict[str, object]]:
        """Every matching line item of one shard of `index` (None: the index's only shard), in `_doc` order."""
        search_after: list[Any] | None = None
        while True:
            body: dict[str, Any] = {"size": _SCAN_PAGE, "query": query, "sort": ["_doc"]}
            if search_after is not None:
                body["search_after"] = search_after
            hits = self._read("line item scan", index, body, shard=shard)["hits"]["hits"]
            for hit in hits:
                yield _flatten(hit["_source"], wanted)
            if len(hits) < _SCAN_PAGE:
                break
            search_after = hits[-1]["sort"]

    def close(self) -> None:
        self._cluster.close()


#: Every day a question can name: holds every period whole.
_ALL_TIME = TimeRange(date.min, date.max)
#: Tax line items.
_IS_TAX: dict[str, Any] = {"term": {"charge_category": TAX_CHARGE}}
#: Aggregations recording a period's currencies and whether any line item has a net cost.
_CURRENCY_AGGS: dict[str, Any] = {
    "currencies": {"terms": {"field": "currency", "size": 100}},
    "net": {"filter": {"exists": {"field": "net_cost"}}},
}


def _line_key(col: str, value: object) -> str:
    """A composite key as `line_item_sums` returns it: '' for a missing value, a date field's epoch milliseconds
    (`billing_period`) as `YYYY-MM-DD`."""
    if value is None:
        return ""
    if isinstance(value, int | float) and col == "billing_period":
        return datetime.fromtimestamp(value / 1000, UTC).date().isoformat()
    return str(value)


def _line_sums(keys: tuple[str, ...], aggs: dict[str, Any], count: int) -> LineItemSums:
    billed = float(aggs["billed"]["value"] or 0.0)
    return LineItemSums(
        keys=keys,
        billed_cost=billed,
        effective_cost=float(aggs["effective"]["value"] or 0.0) + float(aggs["billed_no_effective"]["cost"]["value"]),
        usage_amount=float(aggs["usage"]["value"] or 0.0),
        reservation_effective_cost=float(aggs["ri"]["value"] or 0.0),
        savings_plan_effective_cost=float(aggs["sp"]["value"] or 0.0),
        line_items=int(count),
    )


def _add_sums(a: LineItemSums, b: LineItemSums) -> LineItemSums:
    return LineItemSums(
        a.keys,
        a.billed_cost + b.billed_cost,
        a.effective_cost + b.effective_cost,
        a.usage_amount + b.usage_amount,
        a.reservation_effective_cost + b.reservation_effective_cost,
        a.savings_plan_effective_cost + b.savings_plan_effective_cost,
        a.line_items + b.line_items,
    )


def _currencies_and_net(aggs: dict[str, Any]) -> dict[str, Any]:
    """`_meta` entries from `_CURRENCY_AGGS` results: sorted non-empty currency codes and `has_net_cost`."""
    if not aggs:
        return {"currencies": [], "has_net_cost": False}
    codes = sorted(b["key"] for b in aggs["currencies"]["buckets"] if b["key"])
    return {"currencies": codes, "has_net_cost": aggs["net"]["doc_count"] > 0}


def _one_term_per_key(dim: DimensionRef, fold_tax: bool) -> bool:
    """Whether each group key of `dim` is one stored term, so a `terms` aggregation ranks and counts groups
    exactly: not for regions (`''` and a stored `global` are one group) nor for folded services (tax)."""
    return dim.kind is not Dimension.REGION and not (fold_tax and dim.kind is Dimension.SERVICE)


def _groups_by_class(request: AggregateRequest) -> bool:
    return any(ref.kind is Dimension.CHARGE_CLASS for ref in request.group_by)


def _ordered(rows: list[AggregateRow], request: AggregateRequest) -> list[AggregateRow]:
    """Rows in the contract's order, cut to the request's limit (over the whole range for a series)."""
    if request.granularity is Granularity.NONE:
        rows.sort(key=lambda r: (-r.cost, r.keys))
        return rows[: request.limit] if request.limit is not None else rows
    if request.limit is not None:
        totals: dict[tuple[str, ...], float] = defaultdict(float)
        for r in rows:
            totals[r.keys] += r.cost
        keep = {k for k, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[: request.limit]}
        rows = [r for r in rows if r.keys in keep]
    rows.sort(key=lambda r: (r.bucket or datetime.min.replace(tzinfo=UTC), -r.cost, r.keys))
    return rows


def _rule_query(rule: Rule) -> dict[str, Any] | None:
    """The documents a rule of `bot.billing.charges.RULES` matches, from the stored fields; None when it needs a
    field the index does not store (FOCUS charge frequency and class), so it matches no stored line item."""
    if rule.frequencies is not None or rule.correction is not None:
        return None
    must: list[dict[str, Any]] = []
    if rule.kinds is not None:
        kinds = [
            {"term": {field: {"value": kind, "case_insensitive": True}}}
            for kind in sorted(rule.kinds)
            for field in ("line_item_type", "charge_category")
        ]
        must.append({"bool": {"should": kinds, "minimum_should_match": 1}})
    if rule.short is not None:
        # `usage_end` is stored exactly for line items at most a day long (see `_document_sql`).
        no_end = {"bool": {"must_not": [{"exists": {"field": "charge_period_end"}}]}}
        short = {"bool": {"should": [{"exists": {"field": _USAGE_END}}, no_end], "minimum_should_match": 1}}
        must.append(short if rule.short else {"bool": {"must_not": [short]}})
    if rule.support is not None:
        products = [
            {"term": {field: {"value": name, "case_insensitive": True}}}
            for name in sorted(SUPPORT_PRODUCTS)
            for field in ("service_code", "service_name")
        ]
        support = {"bool": {"should": products, "minimum_should_match": 1}}
        must.append(support if rule.support else {"bool": {"must_not": [support]}})
    return {"bool": {"must": must}} if must else {"match_all": {}}


def _class_query(charge_class: ChargeClass) -> dict[str, Any]:
    """Documents without a stored class whose derived class is `charge_class` (first matching rule wins)."""
    options: list[dict[str, Any]] = []
    earlier: list[dict[str, Any]] = []
    for rule in RULES:
        query = _rule_query(rule)
        if query is None:
            continue
        if rule.result is charge_class:
            options.append({"bool": {"must": [query], "must_not": list(earlier)}})
        earlier.append(query)
    return {"bool": {"should": options, "minimum_should_match": 1}}


def _loading_meta() -> dict[str, Any]:
    """The `_meta` of an index being loaded: its lease (who, and when it last said it was alive)."""
    return {"loading": {"owner": f"{os.uname().nodename}:{os.getpid()}", "heartbeat": time.time()}}


class _Heartbeat:
    """Renews a loading index's lease every `interval` seconds in a daemon thread, from `with` until `stop()`.

    A failed renewal is logged and retried at the next beat: the lease is long enough to miss a few."""

    def __init__(self, store: SearchClusterStore, index: str, interval: float) -> None:
        self._store, self._index, self._interval = store, index, max(interval, 0.05)
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"load-lease-{index}", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stopped.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            try:
                self._store._cluster.put_meta(self._index, _loading_meta())
            except Exception as exc:
                if self._store._cluster.failure(exc) is None:
                    raise
                log.warning("could not renew the load lease of %s: %s", self._index, exc)


def _source_of(meta: dict[str, Any]) -> str:
    """The source of a live index: recorded in its `_meta`, or (loaded before sources were recorded) the one its
    `source_uri` names."""
    return str(meta["source"]) if "source" in meta else source_of_uri(str(meta.get("source_uri", "")))


def _live_key(meta: dict[str, Any]) -> tuple[str, str] | None:
    """(billing period as `YYYY-MM-DD`, source) of a live index, None for an index without delivery metadata."""
    return (str(meta["billing_period"]), _source_of(meta)) if "billing_period" in meta else None


def _may_hold(time_range: TimeRange | None, period: PeriodStatus, meta: dict[str, Any]) -> bool:
    """Whether the period's index may hold a line item starting inside `time_range` (None: all time). Indices
    loaded before their `_meta` recorded the span of usage starts are taken to hold their billing month."""
    if time_range is None:
        return True
    start = datetime.combine(time_range.start, datetime.min.time(), UTC)
    end = datetime.combine(time_range.end, datetime.min.time(), UTC)
    if "data_from" in meta:
        first, last = _parse_ts(meta.get("data_from")), _parse_ts(meta.get("last_start"))
        return first is not None and last is not None and first < end and last >= start
    month = period.billing_period
    following = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    return month < time_range.end and following > time_range.start


def _present(field: str) -> dict[str, Any]:
    """A query for documents with a non-empty value in `field`."""
    return {"bool": {"must": [{"exists": {"field": field}}], "must_not": [{"term": {field: ""}}]}}


def error_reason(error: object) -> str:
    """The server's own explanation from an error body: `type: reason` (with the root cause), else the body."""
    if isinstance(error, dict):
        inner = error.get("error", error)
        if isinstance(inner, dict) and "type" in inner:
            text = f"{inner['type']}: {inner.get('reason', '')}"
            cause = inner.get("caused_by")
            if isinstance(cause, dict) and "type" in cause:
                text += f" (caused by {cause['type']}: {cause.get('reason', '')})"
            return text
    return str(error)[:500]


def _json_pair(key: str, value_sql: str) -> str:
    """SQL for `"key":<value as JSON>`, NULL when the value is NULL (so `concat_ws` leaves the field out)."""
    return f"{quote_literal(json.dumps(key) + ':')} || to_json({value_sql})"


def _json_object(pairs: Sequence[str]) -> str:
    return "'{' || concat_ws(',', " + ", ".join(pairs) + ") || '}'"


def _document_sql(source: NormalizedSource, columns: Sequence[str] | None = None) -> str:
    """A DuckDB SELECT of one VARCHAR column: each line item of `source` as the JSON document to index.

    Same document as a hand-built dict would give: NULLs left out, timestamps as ISO UTC with `Z`, tags and
    cost categories under `tags` / `costcat` with escaped keys, plus `net_or_billed_cost`. The charge class is
    the source's, or derived from the row where the source gives none (`columns`: what the source yields).
    """
    pairs = []
    for name, sqltype, _ in LINE_ITEM_COLUMNS:
        column = quote_ident(name)
        if name == _CHARGE_CLASS:
            given = f"NULLIF(CAST({column} AS VARCHAR), '')" if columns is None or name in columns else "NULL"
            column = f"COALESCE({given}, {DERIVED_SQL})"
        elif name in _LEGACY_VALUES:
            column = f"COALESCE({column}, '')"  # present in every new document: missing means an older index
        if sqltype == "TIMESTAMP":
            column = f"strftime(CAST({column} AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ')"
        pairs.append(_json_pair(name, column))
    pairs.append(_json_pair(_NET_OR_BILLED, "coalesce(net_cost, billed_cost, 0.0)"))
    pairs.append(
        _json_pair(
            _USAGE_END,
            "CASE WHEN charge_period_end - charge_period_start <= INTERVAL 1 DAY THEN "
            "strftime(CAST(charge_period_end AS TIMESTAMP), '%Y-%m-%dT%H:%M:%S.%gZ') END",
        )
    )
    for field, prefix, keys in (
        ("tags", TAG_PREFIX, source.tag_keys),
        ("costcat", COST_CATEGORY_PREFIX, source.cost_categories),
    ):
        if keys:
            inner = _json_object([_json_pair(escape_key(k), quote_ident(prefix + k)) for k in keys])
            pairs.append(f"{quote_literal(json.dumps(field) + ':')} || {inner}")
    return f"SELECT {_json_object(pairs)} AS doc FROM ({source.select_sql}) AS line_items"


def _summary_document_sql(summary: search_rollup.Summary, source: NormalizedSource, columns: Sequence[str]) -> str:
    """A DuckDB SELECT of one VARCHAR column: each row of `summary` of `source` (`Summary.relation_sql`) as the
    JSON document to index, NULLs left out and tags under `tags`, as in `_document_sql`."""
    pairs = [_json_pair(search_rollup.DAY, f"strftime({quote_ident(search_rollup.DAY)}, '%Y-%m-%dT%H:%M:%S.%gZ')")]
    names = [*summary.text_keys, *summary.date_keys, *(m for m, _ in summary.measures)]
    pairs += [_json_pair(name, quote_ident(name)) for name in names]
    if source.tag_keys:
        inner = _json_object([_json_pair(escape_key(k), quote_ident(TAG_PREFIX + k)) for k in source.tag_keys])
        pairs.append(f"{quote_literal(json.dumps('tags') + ':')} || {inner}")
    relation = summary.relation_sql(source.select_sql, source.tag_keys, columns)
    return f"SELECT {_json_object(pairs)} AS doc FROM ({relation}) AS summary"


def _summary_indices(meta: dict[str, Any]) -> list[str]:
    """The summary indices a line-item index's `_meta` records."""
    return [meta[s.key]["index"] for s in search_rollup.SUMMARIES if s.key in meta]


def _summary_indices_of(metas: Iterable[dict[str, Any]]) -> list[str]:
    """The summary indices the `_meta` of several line-item indices record."""
    return [name for meta in metas for name in _summary_indices(meta)]


def _whole_or_none(time_range: TimeRange, meta: dict[str, Any]) -> bool:
    """Whether `time_range` holds every line item of the live index with `meta`, or none of them (from the span of
    its usage starts; an index without one holds no line item)."""
    if "data_from" not in meta:
        return False
    first, last = _parse_ts(meta.get("data_from")), _parse_ts(meta.get("last_start"))
    if first is None or last is None:
        return True
    start = datetime.combine(time_range.start, datetime.min.time(), UTC)
    end = datetime.combine(time_range.end, datetime.min.time(), UTC)
    return (start <= first and last < end) or last < start or first >= end


def _unescape(key: str) -> str:
    return key.replace("%2E", ".").replace("%25", "%")


def _flatten(source: dict[str, Any], columns: Sequence[str]) -> dict[str, object]:
    row: dict[str, object] = {name: source.get(name, _LEGACY_VALUES.get(name)) for name, _, _ in LINE_ITEM_COLUMNS}
    for key, value in source.get("tags", {}).items():
        row[TAG_PREFIX + _unescape(key)] = value
    for key, value in source.get("costcat", {}).items():
        row[COST_CATEGORY_PREFIX + _unescape(key)] = value
    for name in ("charge_period_start", "charge_period_end"):
        if isinstance(row.get(name), str):
            row[name] = _parse_ts(str(row[name]))
    if not row.get(_CHARGE_CLASS):  # loaded before the column existed
        start, end = row.get("charge_period_start"), row.get("charge_period_end")
        timed = isinstance(start, datetime) and isinstance(end, datetime)
        hours = (end - start).total_seconds() / 3600 if timed else None  # type: ignore[operator]
        row[_CHARGE_CLASS] = classify(
            str(row.get("line_item_type") or ""),
            category=str(row.get("charge_category") or ""),
            hours=hours,
            product=str(row.get("service_code") or ""),
            product_name=str(row.get("service_name") or ""),
        ).value
    if isinstance(row.get("billing_period"), str):
        row["billing_period"] = date.fromisoformat(str(row["billing_period"])[:10])
    return {k: row.get(k) for k in columns}
