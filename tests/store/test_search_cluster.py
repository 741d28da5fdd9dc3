"""What only a search-cluster backend can get wrong, run against both: Elasticsearch and OpenSearch.

Errors that name the cluster, crash safety of a load (the alias swap is the only commit point), 429 retries of
the bulk helper, store URLs with credentials, awkward documents and the aggregation shortcuts. The contract suite
(test_contract.py) proves the answers; these tests prove the parts each client library and server could do
differently. Everything runs against the real nodes of the session (`es_url`, `os_url`), each test under its own
index prefix; the 429 and lost-cluster tests put a tiny HTTP proxy between the client and the node.
"""

from __future__ import annotations

import base64
import re
import signal
import socket
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from bot.billing.model import AggregateRequest, Dimension, DimensionRef, TimeRange
from bot.billing.store import NormalizedSource
from bot.errors import ConfigError, StoreError
from bot.store.elasticsearch import ElasticsearchClient
from bot.store.registry import open_store
from bot.store.search_cluster import SearchClusterStore
from bot.store.search_rollup import SUMMARIES
from tests.store.cluster_proxy import ClusterProxy, running_proxy
from tests.store.search_nodes import Cluster, host_port
from tests.store.sources import item, make_source, total
from tests.store.test_duckdb import _child_env, synthetic_source

JAN = TimeRange(date(2024, 1, 1), date(2024, 2, 1))


@pytest.fixture
def store(cluster: Cluster, prefix: str) -> Iterator[SearchClusterStore]:
    s = cluster.open(prefix)
    yield s
    for name in [*s._all_period_indices(), *s._cluster.index_names(f"{s._rollup_alias}-*")]:
        s._cluster.delete_index(name)
    s.close()


def jan_total(store: SearchClusterStore) -> float:
    return sum(r.cost for r in store.aggregate(AggregateRequest(JAN)))


def period_indices(store: SearchClusterStore) -> list[str]:
    return [n for n in store._all_period_indices() if "-2024-01-" in n]


def rollup_indices(store: SearchClusterStore) -> list[str]:
    """The summary indices (daily rollup, resource summary) of January 2024, live or not: one of each per live
    line-item index, never an orphan."""
    found = store._cluster.index_names(f"{store._rollup_alias}-2024-01-*")
    return sorted(found + store._cluster.index_names(f"{store._resource_alias}-2024-01-*"))


def live_rollups(store: SearchClusterStore) -> list[str]:
    metas = store._live_indices().values()
    return sorted(m[key]["index"] for m in metas for key in ("rollup", "resources") if key in m)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# ------------------------------------------------------------------------------------------- errors


def test_unreachable_cluster_is_a_store_error_naming_the_host(cluster: Cluster) -> None:
    port = free_port()  # nothing listens there
    store = open_store(f"{cluster.scheme}://admin:s3cret@127.0.0.1:{port}?timeout=5")
    with pytest.raises(StoreError) as err:
        store.periods()
    message = str(err.value)
    assert message.startswith(f"cannot reach {cluster.product} at http://127.0.0.1:{port} for mapping read: ")
    assert "s3cret" not in message
    with pytest.raises(StoreError, match=f"cannot reach {cluster.product} at http://127.0.0.1:{port}"):
        store.replace_period(synthetic_source(10))


@pytest.fixture
def foreign_port() -> Iterator[int]:
    """A port where a program that is not a search node answers: Python's `http.server` with no handlers, which
    answers every request 501 (as it answers a HEAD when it has only GET handlers). Such a program can take the
    port of a node that was stopped, while the store's client still has that node in its list."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def test_a_501_from_a_program_on_a_stopped_nodes_port_is_retried_on_another_node(
    cluster: Cluster, prefix: str, foreign_port: int, tmp_path: Path
) -> None:
    # The client picks nodes in turn: among several questions, some are sent to the foreign program first.
    store = cluster.open(prefix, hostport=f"127.0.0.1:{foreign_port}", options=f"&nodes={host_port(cluster.url)}")
    try:
        store.replace_period(make_source(tmp_path, [item("2024-01-05", "12.34")]))
        for _ in range(6):
            assert [p.billed_total for p in store.periods()] == [12.34]
            assert jan_total(store) == pytest.approx(12.34)
    finally:
        for p in store.periods():
            store.delete_period(p.billing_period)
        store.close()


def test_a_url_naming_only_a_program_that_is_not_a_node_says_so(cluster: Cluster, foreign_port: int) -> None:
    store = cluster.open("t", hostport=f"127.0.0.1:{foreign_port}", options="&timeout=5")
    with pytest.raises(StoreError) as err:
        store.periods()
    message = str(err.value)
    assert message.startswith(f"{cluster.product} at http://127.0.0.1:{foreign_port} refused mapping read (HTTP 501): ")
    assert message.endswith(
        f"(not an answer of {cluster.product}: is another program listening at one of the store URL's nodes?)"
    )
    store.close()


def test_rejected_line_item_fails_the_load_and_keeps_the_old_delivery(
    cluster: Cluster, store: SearchClusterStore, tmp_path: Path
) -> None:
    store.replace_period(make_source(tmp_path, [item("2024-01-05", "12.34")], delivery_id="old"))
    rows = [item("2024-01-06", "1.00"), item("2024-01-07", "2.00", description="x" * 40_000)]
    # A keyword longer than Lucene's 32766-byte term limit is refused by the node, per document.
    with pytest.raises(StoreError) as err:
        store.replace_period(make_source(tmp_path, rows, delivery_id="new"))
    message = str(err.value)
    assert message.startswith(
        f"{cluster.product} at {store.host} rejected 1 line item(s) of 2024-01 delivery new (first: HTTP 400: "
    )
    assert "immense term" in message and "description" in message
    assert message.endswith("; the previous data stays live")
    assert [p.delivery_id for p in store.periods()] == ["old"]
    assert jan_total(store) == pytest.approx(12.34)
    assert len(period_indices(store)) == 1, "the failed load's index is deleted"


@pytest.mark.parametrize("bad", ["Trackit", "_x", "a b", "a*", "a,b"])
def test_prefix_that_cannot_name_an_index_is_a_config_error(cluster: Cluster, bad: str) -> None:
    expected = f"{cluster.product} index prefix {bad!r} is not usable in index names: use lowercase letters, digits"
    with pytest.raises(ConfigError, match=re.escape(expected)):
        cluster.open(bad)


@pytest.mark.parametrize(
    ("prefix_", "shorter", "part"), [("a-li", "a", "li"), ("team-ru-x", "team", "ru"), ("x-y-rs", "x-y", "rs")]
)
def test_a_prefix_whose_index_names_another_prefix_would_take_for_its_own_is_refused(
    cluster: Cluster, prefix_: str, shorter: str, part: str
) -> None:
    with pytest.raises(ConfigError) as err:
        cluster.open(prefix_)
    assert str(err.value) == (
        f"{cluster.product} index prefix {prefix_!r} could share index names with the prefix {shorter!r} (index names "
        f"are <prefix>-li-..., <prefix>-ru-..., <prefix>-rs-...): set a `prefix` without a '-{part}' part in the "
        "store URL (`store_url`, e.g. prefix=trackit)"
    )


def test_stores_whose_prefixes_only_look_alike_keep_their_own_data(
    cluster: Cluster, prefix: str, tmp_path: Path
) -> None:
    stores = [cluster.open(p) for p in (prefix, f"{prefix}-lis", f"{prefix}_li", f"li-{prefix}")]
    try:
        for n, store in enumerate(stores, 1):
            store.replace_period(make_source(tmp_path, [item("2024-01-05", f"{n}.00")], delivery_id=f"d{n}"))
        # A re-delivery in one store (which deletes its period's orphans) leaves the others' indices alone.
        stores[0].replace_period(make_source(tmp_path, [item("2024-01-06", "9.00")], delivery_id="again"))
        assert [jan_total(s) for s in stores] == [9.0, 2.0, 3.0, 4.0]
        assert [[p.delivery_id for p in s.periods()] for s in stores] == [["again"], ["d2"], ["d3"], ["d4"]]
    finally:
        for store in stores:
            for p in store.periods():
                store.delete_period(p.billing_period)
            store.close()


# ------------------------------------------------------------------------------------------- crash safety


def test_exception_in_the_document_stream_keeps_the_old_index_live(
    store: SearchClusterStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.replace_period(make_source(tmp_path, [item("2024-01-05", "12.34")], delivery_id="old"))
    real = SearchClusterStore._documents
    store._bulk_chunk = 1000

    def failing(self: SearchClusterStore, source: NormalizedSource, *sql: Any) -> Iterator[list[str]]:
        for n, batch in enumerate(real(self, source, *sql)):
            if n == 3:
                raise OSError("export file vanished")
            yield batch

    monkeypatch.setattr(SearchClusterStore, "_documents", failing)
    with pytest.raises(OSError, match="export file vanished"):
        store.replace_period(synthetic_source(10_000, delivery_id="broken"))
    assert [p.delivery_id for p in store.periods()] == ["old"]
    assert jan_total(store) == pytest.approx(12.34)
    assert len(period_indices(store)) == 1
    assert rollup_indices(store) == live_rollups(store) != []

    monkeypatch.setattr(SearchClusterStore, "_documents", real)
    result = store.replace_period(synthetic_source(10_000, delivery_id="good"))
    assert (result.rows, result.replaced) == (10_000, "old")
    assert result.billed_total == pytest.approx(100.0)
    assert jan_total(store) == pytest.approx(100.0)
    assert rollup_indices(store) == live_rollups(store) and len(rollup_indices(store)) == 2  # rollup, resources


def test_sigkill_mid_load_keeps_old_index_live_and_next_load_drops_the_orphan(
    cluster: Cluster, store: SearchClusterStore, prefix: str, tmp_path: Path
) -> None:
    store.replace_period(make_source(tmp_path, [item("2024-01-05", "12.34")], delivery_id="old"))
    [live] = period_indices(store)
    script = textwrap.dedent(
        f"""
        from bot.store.registry import open_store
        from tests.store.test_duckdb import synthetic_source
        store = open_store("{cluster.scheme}://{host_port(cluster.url)}?prefix={prefix}")
        store.replace_period(synthetic_source(2_000_000, delivery_id="killed"))
        print("finished")
        """
    )
    child = subprocess.Popen([sys.executable, "-c", script], env=_child_env(), stdout=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while len(period_indices(store)) < 2:
            assert child.poll() is None, "the loader finished (or failed) before it could be killed"
            assert time.monotonic() < deadline, "the loader never created its index"
            time.sleep(0.05)
        time.sleep(1.0)  # let some bulk requests land
        assert child.poll() is None, "the load must still be running when it is killed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    [orphan] = [n for n in period_indices(store) if n != live]

    reader = cluster.open(prefix)
    assert [p.delivery_id for p in reader.periods()] == ["old"]
    assert jan_total(reader) == pytest.approx(12.34)
    # The killed loader's lease runs out (shortened here from a minute): its index is then an orphan.
    reader._load_lease = 0.5
    time.sleep(0.6)
    # A loader killed while writing its summaries leaves their indices too (its line-item index is the orphan
    # above): made by hand here, as the kill above lands in the line items.
    for summary in SUMMARIES:
        reader._cluster.create_index(
            reader._summary_name(orphan, summary), settings={"number_of_shards": 1}, mappings={}
        )

    result = reader.replace_period(make_source(tmp_path, [item("2024-01-09", "5.00")], delivery_id="new"))
    assert result.replaced == "old"
    assert jan_total(reader) == pytest.approx(5.0)
    indices = period_indices(reader)
    assert orphan not in indices and live not in indices and len(indices) == 1
    assert (
        rollup_indices(reader) == live_rollups(reader) == sorted(reader._summary_name(indices[0], s) for s in SUMMARIES)
    )
    assert len(live_rollups(reader)) == 2
    reader.close()


def test_a_load_of_another_process_is_never_taken_for_an_orphan(
    cluster: Cluster, store: SearchClusterStore, prefix: str, tmp_path: Path
) -> None:
    # A shell `trackit ingest` and the bot (or two replicas) loading the same period: the second load used to
    # delete the first one's index as an "orphan" mid-load, and the first then failed.
    store.replace_period(make_source(tmp_path, [item("2024-01-05", "12.34")], delivery_id="old"))
    script = textwrap.dedent(
        f"""
        from bot.store.registry import open_store
        from tests.store.test_duckdb import synthetic_source
        store = open_store("{cluster.scheme}://{host_port(cluster.url)}?prefix={prefix}")
        store._bulk_chunk = 2_000
        result = store.replace_period(synthetic_source(300_000, delivery_id="slow"))
        print("finished", result.replaced)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script], env=_child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    deadline = time.monotonic() + 60
    while len(period_indices(store)) < 2:
        assert child.poll() is None, child.communicate()[1][-2000:]
        assert time.monotonic() < deadline, "the other loader never created its index"
        time.sleep(0.05)
    store.replace_period(make_source(tmp_path, [item("2024-01-09", "5.00")], delivery_id="quick"))
    assert child.poll() is None, "the other load must still be running"
    out, err = child.communicate(timeout=600)
    assert child.returncode == 0, err[-3000:]
    assert out.strip().splitlines() == ["finished quick"]  # it replaced what was live when it published
    assert [p.delivery_id for p in store.periods()] == ["slow"]
    assert len(period_indices(store)) == 1


# ------------------------------------------------------------------------------------------- 429 retries


@pytest.fixture
def proxy(request: pytest.FixtureRequest, cluster: Cluster) -> Iterator[ClusterProxy]:
    with running_proxy(cluster.url, getattr(request, "param", "request"), cluster.rejected_type) as server:
        yield server


@pytest.mark.parametrize("proxy", ["request", "items"], indirect=True)
def test_bulk_answered_429_is_retried_and_nothing_is_lost(cluster: Cluster, proxy: ClusterProxy, prefix: str) -> None:
    store = cluster.open(prefix, hostport=f"127.0.0.1:{proxy.port}")
    store._initial_backoff = 0.05
    store._bulk_chunk = 500
    try:
        result = store.replace_period(synthetic_source(3_000, cost=0.25, delivery_id="retried"))
        assert proxy.rejected == 1
        meta = next(iter(store._live_indices().values()))
        # Every chunk of line items, then of the daily rollup's and the resource summary's documents, reached the
        # node once.
        summaries = sum(-(-meta[key]["documents"] // 500) for key in ("rollup", "resources"))
        assert proxy.bulk_forwarded == 3_000 // 500 + summaries
        assert result.rows == 3_000
        assert Decimal(str(result.billed_total)).quantize(Decimal("0.01")) == Decimal("750.00")
        assert jan_total(store) == pytest.approx(750.0)
        assert sum(r.line_items for r in store.aggregate(AggregateRequest(JAN))) == 3_000
    finally:
        for p in store.periods():
            store.delete_period(p.billing_period)
        store.close()


def test_bulk_still_refused_after_the_retries_is_a_clear_error(
    cluster: Cluster, proxy: ClusterProxy, prefix: str
) -> None:
    proxy.refuse = 100
    port = proxy.port
    store = cluster.open(prefix, hostport=f"127.0.0.1:{port}")
    if isinstance(store._cluster, ElasticsearchClient):  # its transport retries 429s too: that only slows the test
        store._cluster.client = store._cluster.client.options(max_retries=0)
    store._bulk_retries, store._initial_backoff, store._max_backoff = 2, 0.01, 0.02
    try:
        with pytest.raises(StoreError) as err:
            store.replace_period(synthetic_source(100, delivery_id="refused"))
        message = str(err.value)
        assert message.startswith(f"{cluster.product} at http://127.0.0.1:{port} refused bulk indexing into ")
        assert f"(HTTP 429): {cluster.rejected_type}: rejected by the test proxy" in message
        assert proxy.rejected == 3, "the first request and its two retries"
        assert store.periods() == []
        assert store._all_period_indices() == []
    finally:
        store.close()


def test_cluster_lost_mid_load_is_a_store_error_and_the_old_data_survives(
    cluster: Cluster, proxy: ClusterProxy, store: SearchClusterStore, prefix: str, tmp_path: Path
) -> None:
    store.replace_period(make_source(tmp_path, [item("2024-01-05", "12.34")], delivery_id="old"))
    proxy.refuse, proxy.cut_after_bulks = 0, 2
    port = proxy.port
    through_proxy = cluster.open(prefix, hostport=f"127.0.0.1:{port}", options="&timeout=10")
    through_proxy._bulk_chunk = 500
    with pytest.raises(StoreError) as err:
        through_proxy.replace_period(synthetic_source(5_000, delivery_id="cut"))
    expected = f"cannot reach {cluster.product} at http://127.0.0.1:{port} for bulk indexing into "
    assert str(err.value).startswith(expected)
    through_proxy.close()
    # The node itself never went away: the old delivery is live, the half-loaded index is an orphan ...
    assert [p.delivery_id for p in store.periods()] == ["old"]
    assert jan_total(store) == pytest.approx(12.34)
    assert len(period_indices(store)) == 2
    # ... that the next load deletes once its lease (renewed while the load ran) has run out.
    store._load_lease = 0.5
    time.sleep(0.6)
    store.replace_period(make_source(tmp_path, [item("2024-01-09", "5.00")], delivery_id="new"))
    assert jan_total(store) == pytest.approx(5.0)
    assert len(period_indices(store)) == 1


# ------------------------------------------------------------------------------------------- URLs


def test_url_with_basic_auth_sends_it_and_never_shows_it(
    cluster: Cluster, proxy: ClusterProxy, prefix: str, tmp_path: Path
) -> None:
    port = proxy.port
    store = open_store(f"{cluster.scheme}://ops%40corp:p%3Ass@127.0.0.1:{port}?prefix={prefix}&timeout=30")
    assert isinstance(store, SearchClusterStore)
    try:
        proxy.refuse = 0
        rows = [item("2024-01-05", "1.25", tags={"user:team": "a"})]
        store.replace_period(make_source(tmp_path, rows))
        assert jan_total(store) == pytest.approx(1.25)
        assert proxy.authorization == {"Basic " + base64.b64encode(b"ops@corp:p:ss").decode()}
        assert store.host == f"http://127.0.0.1:{port}"
    finally:
        for p in store.periods():
            store.delete_period(p.billing_period)
        store.close()


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("tls=maybe", "tls='maybe' is not true or false"),
        ("verify=nah", "verify='nah' is not true or false"),
        ("timeout=soon", "timeout='soon' is not a number of seconds"),
    ],
)
def test_url_option_that_cannot_be_used_is_a_config_error(cluster: Cluster, option: str, expected: str) -> None:
    with pytest.raises(ConfigError) as err:
        open_store(f"{cluster.scheme}://admin:s3cret@127.0.0.1:9200?{option}")
    assert str(err.value) == f"store URL '{cluster.scheme}://admin:***@127.0.0.1:9200?{option}': {expected}"


# ------------------------------------------------------------------------------------------- documents


def test_awkward_strings_and_tag_keys_survive_the_load_unchanged(store: SearchClusterStore, tmp_path: Path) -> None:
    tags = {"kubernetes.io/cluster": 'prod "blue"', "user:100%.off": "é\\n\ttab", "user:o'neil": ""}
    rows = [
        item("2024-01-05", "1.000001", hour=13, description='quote " backslash \\ newline\n unicode ✓', tags=tags),
        item("2024-01-31", "2.5", hour=23, resource_id="arn:aws:s3:::bucket/it's", tags={"user:o'neil": "x"}),
    ]
    store.replace_period(make_source(tmp_path, rows))
    got = sorted(store.iter_line_items(JAN), key=lambda r: str(r["charge_period_start"]))
    assert [r["description"] for r in got] == ['quote " backslash \\ newline\n unicode ✓', ""]
    assert [r["resource_id"] for r in got] == ["", "arn:aws:s3:::bucket/it's"]
    assert [r["tag:kubernetes.io/cluster"] for r in got] == ['prod "blue"', None]
    assert [r["tag:user:100%.off"] for r in got] == ["é\\n\ttab", None]
    assert [r["tag:user:o'neil"] for r in got] == ["", "x"]
    assert [str(r["charge_period_start"]) for r in got] == ["2024-01-05 13:00:00+00:00", "2024-01-31 23:00:00+00:00"]
    assert sum(Decimal(str(r["billed_cost"])) for r in got) == total(rows)
    assert store.tag_keys() == sorted(tags)


# ------------------------------------------------------------------------------------------- top N


def test_top_n_within_one_period_matches_the_full_group_by(
    store: SearchClusterStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths: list[str] = []
    real = SearchClusterStore._top_terms

    def spy(self: SearchClusterStore, *args: Any) -> Any:
        found = real(self, *args)
        paths.append("terms" if found is not None else "composite")
        return found

    monkeypatch.setattr(SearchClusterStore, "_top_terms", spy)
    team = DimensionRef(Dimension.TAG, "user:team")
    jan = [
        item("2024-01-05", "3.00", tags={"user:team": "b"}),
        item("2024-01-06", "3.00", tags={"user:team": "a"}),  # tie with b: the key decides
        item("2024-01-06", "2.00", tags={"user:team": ""}),  # '' and missing are one untagged group
        item("2024-01-07", "1.50"),
        item("2024-01-08", "0.25", tags={"user:team": "c"}),
    ]
    feb = [item("2024-02-03", "9.00", tags={"user:team": "c"})]
    store.replace_period(make_source(tmp_path, jan))
    store.replace_period(make_source(tmp_path, feb, tag_keys=["user:team"]))

    def top(time_range: TimeRange, limit: int | None) -> list[tuple[tuple[str, ...], float, int]]:
        rows = store.aggregate(AggregateRequest(time_range, group_by=(team,), limit=limit))
        return [(r.keys, round(r.cost, 6), r.line_items) for r in rows]

    everything = top(JAN, None)
    assert everything == [(("untagged",), 3.5, 2), (("a",), 3.0, 1), (("b",), 3.0, 1), (("c",), 0.25, 1)]
    for limit in (1, 2, 3, 4, 10):
        assert top(JAN, limit) == everything[:limit]
    both = TimeRange(date(2024, 1, 1), date(2024, 3, 1))  # two indices: the exact composite path
    assert top(both, 1) == [(("c",), 9.25, 2)]
    assert paths == ["terms"] * 5 + ["composite"]


def test_composite_pages_and_accounts_without_load_time_record(
    store: SearchClusterStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        item(f"2024-01-{d:02d}", f"{d}.00", usage_type=f"type-{d % 5}", sub_account_id=f"00000000000{d % 3}")
        for d in range(1, 11)
    ]
    rows.append(item("2024-01-11", "0.50", sub_account_id="000000000001", sub_account_name="one"))
    store.replace_period(make_source(tmp_path, rows))
    usage_type = DimensionRef(Dimension.USAGE_TYPE)
    whole = store.aggregate(AggregateRequest(JAN, group_by=(usage_type,)))
    monkeypatch.setattr("bot.store.search_cluster._COMPOSITE_PAGE", 2)  # 6 groups: full pages, then an empty one
    assert store.aggregate(AggregateRequest(JAN, group_by=(usage_type,))) == whole
    assert [(r.keys[0], r.cost) for r in whole] == [
        ("type-0", 15.0),
        ("type-4", 13.0),
        ("type-3", 11.0),
        ("type-2", 9.0),
        ("type-1", 7.0),
        ("BoxUsage", 0.5),
    ]

    expected = {"000000000000": "", "000000000001": "one", "000000000002": ""}
    assert store.accounts() == expected
    [(index, meta)] = store._live_indices().items()
    del meta["accounts"]  # as an index loaded by an older version carries it
    store._cluster.put_meta(index, meta)
    assert store.accounts() == expected


def test_count_groups_counts_every_group_once(
    store: SearchClusterStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        item("2024-01-05", "1.00", tags={"user:team": "a"}, region_id="eu-west-1"),
        item("2024-01-05", "1.00", tags={"user:team": "b"}),
        item("2024-01-06", "1.00", tags={"user:team": ""}),  # '' and missing: one untagged group
        item("2024-01-07", "1.00", region_id=""),
    ]
    store.replace_period(make_source(tmp_path, rows))
    team, region = DimensionRef(Dimension.TAG, "user:team"), DimensionRef(Dimension.REGION)
    requests = [
        AggregateRequest(JAN, group_by=(team,), limit=1),
        AggregateRequest(JAN, group_by=(region,)),
        AggregateRequest(JAN, group_by=(team, region)),
        AggregateRequest(TimeRange(date(2024, 1, 6), date(2024, 2, 1)), group_by=(team,)),
        AggregateRequest(TimeRange(date(2024, 3, 1), date(2024, 4, 1)), group_by=(team,)),
    ]
    expected = [3, 3, 4, 1, 0]
    assert [store.count_groups(r) for r in requests] == expected
    # More values than asked for (on line items, and on a summary): fall back to the composite count.
    monkeypatch.setattr("bot.store.search_cluster._COUNT_TERMS", 2)
    monkeypatch.setattr("bot.store.search_cluster._SUMMARY_COUNT_TERMS", 2)
    assert [store.count_groups(r) for r in requests] == expected


def test_indices_loaded_before_currencies_were_recorded(store: SearchClusterStore, tmp_path: Path) -> None:
    rows = [item("2024-01-02", "7.00", currency="EUR"), item("2024-01-03", "2.00", currency="EUR", net_cost="1.90")]
    store.replace_period(make_source(tmp_path, rows))
    [(index, meta)] = store._live_indices().items()
    del meta["currencies"], meta["has_net_cost"]  # as an index loaded by an older version carries it
    store._cluster.put_meta(index, meta)
    assert "currencies" not in store._live_indices()[index]
    (period,) = store.periods()
    assert (period.currencies, period.has_net_cost) == (("EUR",), True)
