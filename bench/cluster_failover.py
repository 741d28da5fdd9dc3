"""Elasticsearch on a 3-node cluster with a node stopped mid-use: the answers keep coming, with the same totals,
and an ingest either completes or says why not.

    .venv/bin/python bench/cluster_failover.py                         # 3 nodes (heap 768m each), 500k line items
    .venv/bin/python bench/cluster_failover.py --rows 1000000 --heap 1g --signal term

Starts three Elasticsearch nodes on 127.0.0.1 (`tools/es-node` in cluster mode: fixed transport ports, each the
others' seed), opens the store on all three (`elasticsearch://A?nodes=B,C`, replicas `auto`: one replica per
shard) and loads one month of `store_compare.py`'s synthetic line items. Then:

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
import signal
import socket
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: tests.support
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_compare import MONTH, differences, make_source, query_mix

from bot.store.registry import open_store
from bot.store.search_cluster import SearchClusterStore
from tests.support.search_node import ELASTICSEARCH, SearchNodeHandle


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Node:
    name: str
    workdir: Path
    http_port: int
    transport_port: int
    handle: SearchNodeHandle | None = None


@dataclass
class Cluster:
    nodes: list[Node]
    heap: str
    seeds: str = ""

    def env(self, node: Node) -> dict[str, str]:
        return {
            "ES_NODE_NAME": node.name,
            "ES_NODE_TRANSPORT_PORT": str(node.transport_port),
            "ES_NODE_SEED_HOSTS": self.seeds,
            "ES_NODE_INITIAL_MASTERS": ",".join(n.name for n in self.nodes),
        }

    def start(self, node: Node) -> None:
        node.handle = ELASTICSEARCH.start(node.workdir, 300.0, port=node.http_port, heap=self.heap, env=self.env(node))

    def start_all(self) -> None:
        # Together: no node is healthy before a master is elected, which needs two of the three.
        with ThreadPoolExecutor(len(self.nodes)) as pool:
            list(pool.map(self.start, self.nodes))

    def kill(self, node: Node, how: str) -> None:
        assert node.handle is not None
        if how == "kill":
            os.killpg(node.handle.pid, signal.SIGKILL)
            node.handle.process.wait()
        node.handle.stop()

    def stop_all(self) -> None:
        for node in self.nodes:
            if node.handle is not None:
                node.handle.stop()


@dataclass
class Loop:
    """Asks the query mix over and over in a thread, checking each answer against the recorded ones."""

    store: SearchClusterStore
    expected: dict[str, Any]
    stopped_at: float = 0.0
    answered: int = 0
    wrong: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    before_ms: list[float] = field(default_factory=list)
    after_ms: list[float] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        mix = query_mix(self.store)
        while not self._stop.is_set():
            for name, ask in mix.items():
                t0 = time.perf_counter()
                try:
                    answer = ask()
                except Exception as exc:  # a failed question is reported, never taken for a right answer
                    self.failed.append(f"{name}: {type(exc).__name__}: {exc}"[:400])
                    continue
                ms = (time.perf_counter() - t0) * 1000
                (self.after_ms if self.stopped_at and t0 >= self.stopped_at else self.before_ms).append(ms)
                self.answered += 1
                self.wrong += [f"{name}{d}" for d in differences(self.expected[name], answer)]

    def __enter__(self) -> Loop:
        self._thread = threading.Thread(target=self.run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


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


def report(phase: str, loop: Loop) -> None:
    def p(samples: list[float]) -> str:
        return f"p50 {statistics.median(samples):.0f} ms, max {max(samples):.0f} ms" if samples else "none"

    print(f"## {phase}: {loop.answered} answers, {len(loop.wrong)} wrong, {len(loop.failed)} failed")
    print(f"   before the stop: {p(loop.before_ms)}; after: {p(loop.after_ms)}")
    for line in loop.failed[:5]:
        print(f"   failed: {line}")
    for line in loop.wrong[:5]:
        print(f"   WRONG: {line}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=500_000, help="line items in the month (default 500k)")
    p.add_argument("--heap", default="768m", help="heap of each node (default 768m)")
    p.add_argument("--before", type=float, default=10.0, help="seconds of questions before the stop")
    p.add_argument("--after", type=float, default=30.0, help="seconds of questions after the stop")
    p.add_argument("--signal", choices=("kill", "term"), default="kill", help="SIGKILL (a crash) or a clean stop")
    args = p.parse_args(argv)

    tmp = tempfile.TemporaryDirectory(prefix="trackit-failover-")
    nodes = [Node(f"bench-es-{i}", Path(tmp.name) / f"node{i}", free_port(), free_port()) for i in range(3)]
    cluster = Cluster(nodes, args.heap)
    cluster.seeds = ",".join(f"127.0.0.1:{n.transport_port}" for n in nodes)
    print(f"# {platform.node()}, {os.cpu_count()} cores; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    try:
        t0 = time.perf_counter()
        cluster.start_all()
        print(f"# 3 Elasticsearch nodes up in {time.perf_counter() - t0:.0f} s (heap {args.heap} each)")
        first, *others = nodes
        url = (
            f"elasticsearch://127.0.0.1:{first.http_port}?prefix=bench-failover&timeout=30"
            f"&nodes={','.join(f'127.0.0.1:{n.http_port}' for n in others)}"
        )
        store = open_store(url)
        assert isinstance(store, SearchClusterStore)
        source = make_source(args.rows, MONTH, "failover-1")
        t0 = time.perf_counter()
        store.replace_period(source)
        print(f"# loaded {args.rows:,} line items in {time.perf_counter() - t0:.0f} s; health {wait_green(store)}")
        expected = {name: ask() for name, ask in query_mix(store).items()}

        # 1. A node killed while questions are asked.
        with Loop(store, expected) as loop:
            time.sleep(args.before)
            loop.stopped_at = time.perf_counter()
            cluster.kill(first, args.signal)
            print(f"# {first.name} ({'SIGKILL' if args.signal == 'kill' else 'clean stop'}) mid-query")
            time.sleep(args.after)
            seen = health(store)
        report("queries, a node stopped", loop)
        print(f"   health after the stop: {seen}; re-replicated: {wait_green(store)}")
        t0 = time.perf_counter()
        cluster.start(first)
        print(f"# {first.name} back in {time.perf_counter() - t0:.0f} s; health {wait_green(store)}")
        bad = len(loop.wrong)

        # 2. A node killed mid-ingest (half the line items sent), questions asked all along.
        victim = others[0]
        half = threading.Event()

        def progress(sent: int, total: int) -> None:
            if sent >= total // 2 and not half.is_set():
                half.set()
                threading.Thread(target=cluster.kill, args=(victim, args.signal), daemon=True).start()

        with Loop(store, expected) as loop:
            time.sleep(2)
            loop.stopped_at = time.perf_counter()
            t0 = time.perf_counter()
            try:
                result = store.replace_period(make_source(args.rows, MONTH, "failover-2"), progress)
                outcome = f"completed: {result.rows:,} rows in {result.seconds:.0f} s, replaced {result.replaced}"
            except Exception as exc:
                outcome = f"failed after {time.perf_counter() - t0:.0f} s: {type(exc).__name__}: {exc}"
            time.sleep(5)
        report(f"ingest, {victim.name} stopped at half", loop)
        print(f"   ingest {outcome}")
        print(f"   live delivery: {[p.delivery_id for p in store.periods()]}; health {health(store)}")
        bad += len(loop.wrong)
        store.delete_period(MONTH)
        store.close()
        print(f"# load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        return 1 if bad else 0
    finally:
        cluster.stop_all()
        tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
