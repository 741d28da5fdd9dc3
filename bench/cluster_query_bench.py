"""Every slash-command question on Elasticsearch at 10M line items in one month, with and without the summaries.

    nice -n 10 .venv/bin/python bench/cluster_query_bench.py                   # 10M, starts its own node (heap 1g)
    .venv/bin/python bench/cluster_query_bench.py --rows 3000000 --repeat 10
    .venv/bin/python bench/cluster_query_bench.py --es-url http://127.0.0.1:9200 --keep   # reuse a loaded node
    .venv/bin/python bench/cluster_query_bench.py --data /path/to/exports      # another month's exports

Data: one month (January 2025) of the sample organisation, CUR 2.0 parquet (`bench/datasets.py`, the same sets as
`query_bench.py`; `--data`: any exports folder, whose first loaded month is asked), ingested through the real
pipeline (`bot.ingest.pipeline.ingest`: line items, then the daily rollup and the resource summary, one alias
swap) into one Elasticsearch node. The questions are `slash_mix.py`'s, the same as the embedded store's
benchmark. Each question is asked once to warm up, then `--repeat` times with the node's request cache cleared
before each run (as for a question nobody asked since the last load), first as the store answers it (a summary for
every question one serves) and then forced onto the line items. Both answers are checked identical (every cost
within half a cent).

Printed: ingest wall and CPU seconds (this process and the node, and per line item), the indices' documents and
size on disk, p50 / p95 ms per question per mode with the indices each question read as answered, the node's
resident memory (current and peak) and heap in use, load average per mode. Target: every question p95 < 500 ms on
one node.
"""

from __future__ import annotations

import argparse
import math
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
    """'line items' / 'rollup' / 'resource summary' -> (documents, bytes on disk of the primaries) of the live
    indices."""
    out = {}
    aliases = (
        ("line items", store._alias),
        ("rollup", store._rollup_alias),
        ("resource summary", store._resource_alias),
    )
    for label, alias in aliases:
        stats = store._cluster.client.indices.stats(index=alias, metric="docs,store")  # type: ignore[attr-defined]
        primaries = stats["_all"]["primaries"]
        out[label] = (primaries["docs"]["count"], primaries["store"]["size_in_bytes"])
    return out


def time_mix(
    store: SearchClusterStore, month: TimeRange, repeat: int, reads: dict[str, set[str]] | None = None
) -> tuple[dict[str, list[float]], dict[str, Any], float]:
    """Samples (ms) per question, each question's answer, and the load average at the end; `reads`: filled with
    the aliases each question read (its warm-up run)."""
    mix = slash_command_mix(store, month.start)
    samples: dict[str, list[float]] = {}
    answers: dict[str, Any] = {}
    real = SearchClusterStore._read_target
    for name, ask in mix.items():
        if reads is not None:
            seen = reads.setdefault(name, set())

            def spy(self: SearchClusterStore, *args: Any, seen: set[str] = seen) -> _Target:
                target = real(self, *args)
                seen.add(target.index.rsplit("-", 1)[-1])
                return target

            SearchClusterStore._read_target = spy  # type: ignore[method-assign]
        try:
            answers[name] = ask()  # warm-up, and the answer to compare
        finally:
            if reads is not None:
                SearchClusterStore._read_target = real  # type: ignore[method-assign]
        for _ in range(repeat):
            store._cluster.client.indices.clear_cache(  # type: ignore[attr-defined]
                index=f"{store._alias},{store._rollup_alias},{store._resource_alias}", request=True
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
    p.add_argument("--data", type=Path, help="an exports folder to load instead of the generated set")
    p.add_argument(
        "--answered-only", action="store_true", help="time the questions as answered only (no line-item mode)"
    )
    args = p.parse_args(argv)

    data = args.data or dataset(FORMAT, args.rows)
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
                f"# ingested {rows:,} line items (and their summaries) in {wall:.0f} s ({rows / wall:,.0f} rows/s): "
                f"CPU {client:.0f} s here, {server:.0f} s in the node, {(client + server) / rows * 1e6:.1f} "
                f"CPU-us per line item; load average {os.getloadavg()[0]:.1f}"
            )
        month = TimeRange.month(store.periods()[0].billing_period)
        for label, (docs, size) in index_sizes(store).items():
            print(f"# {label}: {docs:,} documents, {size / 2**20:,.1f} MiB on disk")
        resources = store.count_groups(AggregateRequest(month, group_by=(DimensionRef(Dimension.RESOURCE),)))
        print(f"# {resources:,} resources in the month; node memory after load: {memory_of(pid)}")

        reads: dict[str, set[str]] = {}
        with_rollup, answers, load_rollup = time_mix(store, month, args.repeat, reads)
        memory_rollup, heap_rollup = memory_of(pid), heap_in_use(store)
        real = SearchClusterStore._read_target
        SearchClusterStore._read_target = lambda self, *_: _Target(self._alias, False)  # type: ignore[method-assign]
        try:
            line_items, plain_answers, load_plain = (
                ({q: [math.nan] for q in answers}, answers, math.nan)
                if args.answered_only
                else time_mix(store, month, args.repeat)
            )
        finally:
            SearchClusterStore._read_target = real  # type: ignore[method-assign]
        mismatches = [f"{q}{d}" for q in answers for d in differences(plain_answers[q], answers[q])]

        print(
            f"\n{'question':<26}{'answered p50':>13}{'p95':>8}{'line items p50':>16}{'p95':>8}   reads"
            f"   (ms, {args.repeat} runs each, request cache cleared before each; li: line items, ru: daily rollup,"
            " rs: resource summary)"
        )
        worst = 0.0
        for name in with_rollup:
            a, b = with_rollup[name], line_items[name]
            worst = max(worst, percentile(a, 0.95))
            print(
                f"{name:<26}{statistics.median(a):>13.0f}{percentile(a, 0.95):>8.0f}"
                f"{statistics.median(b):>16.0f}{percentile(b, 0.95):>8.0f}   {'+'.join(sorted(reads.get(name, ())))}"
            )
        print(f"load average at the end of each mode: as answered {load_rollup:.1f}, line items {load_plain:.1f}")
        print(f"node memory: {memory_rollup} after answering, {memory_of(pid)} at the end; heap {heap_rollup}")
        print(f"worst p95 as answered (summaries where they serve): {worst:.0f} ms (target < {TARGET_MS:.0f} ms)")
        if mismatches:
            print(f"ANSWERS DIFFER ({len(mismatches)}):\n  " + "\n  ".join(mismatches[:20]))
        else:
            print("answers identical with and without the summaries (every cost within half a cent)")
        if not args.keep:
            store.delete_period(month.start)
        store.close()
        return 1 if mismatches else 0
    finally:
        if node is not None:
            node.stop()
        tmp.cleanup()


if __name__ == "__main__":
    sys.exit(main())
