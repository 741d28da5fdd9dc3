"""Elasticsearch on a 3-node cluster with a node stopped mid-use: the answers keep coming, with the same totals,
and an ingest either completes or says why not.

    .venv/bin/python bench/cluster_failover.py                         # 3 nodes (heap 768m each), 500k line items
    .venv/bin/python bench/cluster_failover.py --rows 1000000 --heap 1g --signal term

Starts three Elasticsearch nodes on 127.0.0.1 (`tests.support.node_cluster`: `tools/es-node` in cluster mode,
fixed ports, each the others' seed), opens the store on all three (`elasticsearch://A?nodes=B,C`, replicas
`auto`: one replica per shard) and loads one month of `store_compare.py`'s synthetic line items. The question
loop is `tests.support.question_loop`'s, shared with `tests/store/test_cluster_failover.py` (the same failures
at test size, on the sample organisation through the real ingest). Then:

1. **Queries**: a client asks `store_compare.py`'s query mix (daily totals, top services, a tag report, tag
   coverage, top resources, a three-level group-by) in a loop; after `--before` seconds the node the store URL
   names first (the one the client talks to first) is killed (`--signal kill`: SIGKILL, as a crash) and the loop
   goes on for `--after` seconds. Every answer is compared with the one recorded before the stop: same groups,
   same order, every cost within half a cent. The node is then started again on its own data and the cluster
   waited green.
2. **Ingest**: a new delivery of the same month (same line items, so the totals stay the same whichever delivery
   is live) is loaded while the loop goes on; another node is killed when half of its line items are sent. The
   load either completes (rows, seconds) or fails with the store's message; either way the answers must stay
   right throughout.

Printed: per phase the questions answered, wrong answers, failed questions (with their messages), p50 / max
latency before and after the stop, the cluster health seen, the ingest outcome, and the load average. Exits 1
on any wrong answer. Nodes are stopped at the end whatever happens.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: tests.support
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_compare import MONTH, differences, make_source, query_mix

from bot.store.registry import open_store
from bot.store.search_cluster import SearchClusterStore
from tests.support.node_cluster import ClusterNode, NodeCluster
from tests.support.question_loop import QuestionLoop
from tests.support.search_node import ELASTICSEARCH


def health(store: SearchClusterStore) -> str:
    h = store.cluster_health()
    return f"{h.status} ({h.nodes} nodes, {h.unassigned_shards} unassigned)"


def wait_green(store: SearchClusterStore, timeout: float = 300.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if store.cluster_health().status == "green":
                return health(store)
        except Exception:
            pass
        time.sleep(1)
    return health(store)


def report(phase: str, loop: QuestionLoop, expected: dict[str, Any]) -> int:
    """Print the phase's answers, failures and wrong answers; returns how many were wrong."""
    verdict = loop.verdict([expected], differences)
    print(f"## {phase}: {len(verdict.wrong)} wrong; {loop.summary()}")
    for line in loop.failed[:5]:
        print(f"   failed: {line}")
    for line in verdict.wrong[:5]:
        print(f"   WRONG: {line}")
    return len(verdict.wrong)


def stop(cluster: NodeCluster, node: ClusterNode, how: str) -> None:
    if how == "kill":
        cluster.kill(node)
    else:
        cluster.stop(node)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=500_000, help="line items in the month (default 500k)")
    p.add_argument("--heap", default="768m", help="heap of each node (default 768m)")
    p.add_argument("--before", type=float, default=10.0, help="seconds of questions before the stop")
    p.add_argument("--after", type=float, default=30.0, help="seconds of questions after the stop")
    p.add_argument("--signal", choices=("kill", "term"), default="kill", help="SIGKILL (a crash) or a clean stop")
    args = p.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="trackit-failover-")
    cluster = NodeCluster(ELASTICSEARCH, Path(tmp.name), heap=args.heap)
    print(f"# {platform.node()}, {os.cpu_count()} cores; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    try:
        t0 = time.perf_counter()
        cluster.start_all()
        print(f"# 3 Elasticsearch nodes up in {time.perf_counter() - t0:.0f} s (heap {args.heap} each)")
        first, victim, _ = cluster.nodes
        store = open_store(cluster.store_url(prefix="bench-failover"))
        assert isinstance(store, SearchClusterStore)
        source = make_source(args.rows, MONTH, "failover-1")
        t0 = time.perf_counter()
        store.replace_period(source)
        print(f"# loaded {args.rows:,} line items in {time.perf_counter() - t0:.0f} s; health {wait_green(store)}")
        mix = query_mix(store)
        expected = {name: ask() for name, ask in mix.items()}

        # 1. A node killed while questions are asked.
        with QuestionLoop(mix) as loop:
            time.sleep(args.before)
            loop.mark()
            stop(cluster, first, args.signal)
            print(f"# {first.name} ({'SIGKILL' if args.signal == 'kill' else 'clean stop'}) mid-query")
            time.sleep(args.after)
            seen = health(store)
        bad = report("queries, a node stopped", loop, expected)
        print(f"   health after the stop: {seen}; re-replicated: {wait_green(store)}")
        t0 = time.perf_counter()
        cluster.start(first)
        print(f"# {first.name} back in {time.perf_counter() - t0:.0f} s; health {wait_green(store)}")

        # 2. A node killed mid-ingest (half the line items sent), questions asked all along.
        half = threading.Event()

        def progress(sent: int, total: int) -> None:
            if sent >= total // 2 and not half.is_set():
                half.set()
                threading.Thread(target=stop, args=(cluster, victim, args.signal), daemon=True).start()

        with QuestionLoop(mix) as loop:
            time.sleep(2)
            loop.mark()
            t0 = time.perf_counter()
            try:
                result = store.replace_period(make_source(args.rows, MONTH, "failover-2"), progress)
                outcome = f"completed: {result.rows:,} rows in {result.seconds:.0f} s, replaced {result.replaced}"
            except Exception as exc:
                outcome = f"failed after {time.perf_counter() - t0:.0f} s: {type(exc).__name__}: {exc}"
            time.sleep(5)
        bad += report(f"ingest, {victim.name} stopped at half", loop, expected)
        print(f"   ingest {outcome}")
        print(f"   live delivery: {[p.delivery_id for p in store.periods()]}; health {health(store)}")
        store.delete_period(MONTH)
        store.close()
        print(f"# load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return 1 if bad else 0
    finally:
        cluster.stop_all()
        tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
