"""Every slash-command question on Elasticsearch at 10M line items in one month, with and without the daily rollup.

    nice -n 10 .venv/bin/python bench/cluster_query_bench.py                   # 10M, starts its own node (heap 1g)
    .venv/bin/python bench/cluster_query_bench.py --rows 3000000 --repeat 10
    .venv/bin/python bench/cluster_query_bench.py --es-url http://127.0.0.1:9200 --keep   # reuse a loaded node

Data: one month (January 2025) of the sample organisation, CUR 2.0 parquet (`bench/datasets.py`, the same sets as
`query_bench.py`), ingested through the real pipeline (`bot.ingest.pipeline.ingest`: line items, then the daily
rollup, one alias swap) into one Elasticsearch node. The questions are `slash_mix.py`'s, the same as the
embedded store's benchmark. Each question is asked once to warm up, then `--repeat` times with the node's request
cache cleared before each run (as for a question nobody asked since the last load), first as the store answers it
(the rollup for every question that needs nothing finer) and then forced onto the line items. Both answers are
checked identical (every cost within half a cent).

Printed: ingest wall and CPU seconds (this process and the node), the indices' documents and size on disk, p50 /
p95 ms per question per mode, the node's resident memory (current and peak) and heap in use, load average per
mode. Target: every question p95 < 500 ms on one node.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the repository root: tests.support, bench
sys.path.insert(0, str(Path(__file__).resolve().parent))

from datasets import dataset
from store_compare import differences, percentile, process_cpu_seconds

from bench.slash_mix import slash_command_mix
from bot.billing.model import AggregateRequest, Dimension, DimensionRef, TimeRange
from bot.ingest.pipeline import ingest
from bot.store.registry import open_store
from bot.store.search_cluster import SearchClusterStore, _Target

MONTH = TimeRange.month(__import__("datetime").date(2025, 1, 1))
FORMAT = "cur2-parquet"
TARGET_MS = 500.0


def memory_of(pid: int | None) -> str:
    """Resident and peak resident memory of process `pid` (the node's JVM), from /proc."""
    if not pid:
        return "unknown (node not started here)"
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return f"RSS {fields.get('VmRSS')}, peak {fields.get('VmHWM')}"


def heap_in_use(store: SearchClusterStore) -> str:
    stats = store._cluster.client.nodes.stats(metric="jvm")  # type: ignore[attr-defined]
    jvm = next(iter(stats["nodes"].values()))["jvm"]["mem"]
    return f"{jvm['heap_used_in_bytes'] / 2**20:,.0f} MiB of {jvm['heap_max_in_bytes'] / 2**20:,.0f} MiB"


def index_sizes(store: SearchClusterStore) -> dict[str, tuple[int, int]]:
    """'line items' / 'rollup' -> (documents, bytes on disk of the primaries) of the live indices."""
    out = {}
    for label, alias in (("line items", store._alias), ("rollup", store._rollup_alias)):
        stats = store._cluster.client.indices.stats(index=alias, metric="docs,store")  # type: ignore[attr-defined]
        primaries = stats["_all"]["primaries"]
        out[label] = (primaries["docs"]["count"], primaries["store"]["size_in_bytes"])
    return out


def time_mix(store: SearchClusterStore, repeat: int) -> tuple[dict[str, list[float]], dict[str, Any], float]:
    """Samples (ms) per question, each question's answer, and the load average at the end."""
    mix = slash_command_mix(store, MONTH.start)
    samples: dict[str, list[float]] = {}
    answers: dict[str, Any] = {}
    for name, ask in mix.items():
        answers[name] = ask()  # warm-up, and the answer to compare
        for _ in range(repeat):
            store._cluster.client.indices.clear_cache(  # type: ignore[attr-defined]
                index=f"{store._alias},{store._rollup_alias}", request=True
            )
            t0 = time.perf_counter()
            ask()
            samples.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
    return samples, answers, os.getloadavg()[0]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=10_000_000, help="line items in the month (default 10M)")
    p.add_argument("--repeat", type=int, default=20, help="timed runs per question per mode (default 20)")
    p.add_argument("--es-url", help="an Elasticsearch node (default: start one)")
    p.add_argument("--es-pid", type=int, help="pid of its JVM, for its CPU and memory")
    p.add_argument("--heap", default="1g", help="heap of the node this starts (default 1g)")
    p.add_argument("--keep", action="store_true", help="keep the loaded indices (with --es-url: reuse them)")
    args = p.parse_args(argv)

    data = dataset(FORMAT, args.rows)
    tmp = tempfile.TemporaryDirectory(prefix="trackit-cluster-bench-")
    node = None
    url, pid = args.es_url, args.es_pid
    try:
        if not url:
            from tests.support.es_node import start_es_node

            node = start_es_node(Path(tmp.name) / "es", heap=args.heap)
            url, pid = node.url, node.pid
        store = open_store(f"elasticsearch://{url.split('://', 1)[-1]}?prefix=bench-query&timeout=120")
        assert isinstance(store, SearchClusterStore)
        print(
            f"# {platform.node()}: {platform.machine()}, {os.cpu_count()} cores; Elasticsearch at {url} "
            f"(heap {args.heap if node else 'as started'}); load average {os.getloadavg()[0]:.1f}"
        )
        if not store.periods():
            c0, s0, t0 = process_cpu_seconds(None), process_cpu_seconds(pid), time.perf_counter()
            report = ingest(str(data), store, progress=False)
            wall = time.perf_counter() - t0
            client, server = process_cpu_seconds(None) - c0, process_cpu_seconds(pid) - s0
            rows = sum(p.rows for p in report.periods)
            print(
                f"# ingested {rows:,} line items in {wall:.0f} s ({rows / wall:,.0f} rows/s): CPU {client:.0f} s "
                f"here, {server:.0f} s in the node; load average {os.getloadavg()[0]:.1f}"
            )
        for label, (docs, size) in index_sizes(store).items():
            print(f"# {label}: {docs:,} documents, {size / 2**20:,.1f} MiB on disk")
        resources = store.count_groups(AggregateRequest(MONTH, group_by=(DimensionRef(Dimension.RESOURCE),)))
        print(f"# {resources:,} resources in the month; node memory after load: {memory_of(pid)}")

        with_rollup, answers, load_rollup = time_mix(store, args.repeat)
        memory_rollup, heap_rollup = memory_of(pid), heap_in_use(store)
        real = SearchClusterStore._read_target
        SearchClusterStore._read_target = lambda self, serves: _Target(self._alias, False)  # type: ignore[method-assign]
        try:
            line_items, plain_answers, load_plain = time_mix(store, args.repeat)
        finally:
            SearchClusterStore._read_target = real  # type: ignore[method-assign]
        mismatches = [f"{q}{d}" for q in answers for d in differences(plain_answers[q], answers[q])]

        print(
            f"\n{'question':<26}{'rollup p50':>12}{'p95':>8}{'line items p50':>16}{'p95':>8}"
            f"   (ms, {args.repeat} runs each, request cache cleared before each)"
        )
        worst = 0.0
        for name in with_rollup:
            a, b = with_rollup[name], line_items[name]
            worst = max(worst, percentile(a, 0.95))
            print(
                f"{name:<26}{statistics.median(a):>12.0f}{percentile(a, 0.95):>8.0f}"
                f"{statistics.median(b):>16.0f}{percentile(b, 0.95):>8.0f}"
            )
        print(f"load average at the end of each mode: rollup {load_rollup:.1f}, line items {load_plain:.1f}")
        print(f"node memory: {memory_rollup} after the rollup mode, {memory_of(pid)} at the end; heap {heap_rollup}")
        print(f"worst p95 as answered (rollup where it serves): {worst:.0f} ms (target < {TARGET_MS:.0f} ms)")
        if mismatches:
            print(f"ANSWERS DIFFER ({len(mismatches)}):\n  " + "\n  ".join(mismatches[:20]))
        else:
            print("answers identical with and without the rollup (every cost within half a cent)")
        if not args.keep:
            store.delete_period(MONTH.start)
        store.close()
        return 1 if mismatches else 0
    finally:
        if node is not None:
            node.stop()
        tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
