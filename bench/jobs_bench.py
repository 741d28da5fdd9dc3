"""Scheduled-jobs benchmark: one round of daily summaries and budget checks for 200 subscribed channels.

    .venv/bin/python bench/jobs_bench.py                      # 1M line items per month, 2 months
    .venv/bin/python bench/jobs_bench.py --rows 10000000      # 10M per month

Data: the same generated CUR parquet as bench/query_bench.py (cached under `--data-dir`), ingested into a fresh
DuckDB store (not timed here: see query_bench). App state is a fresh SQLite file with `--channels` daily
subscriptions spread over `--filter-sets` distinct filter texts (all accounts, each account, each team tag value,
services, combinations) and `--budgets` budgets, all due at the round's time (2024-12-16 09:00 UTC, mid-month of
the newest period).

The round is what the scheduler runs at 09:00: `jobs.daily_summary.run` then `jobs.budgets.run`, through the
real `JobScheduler`, `Deliverer` (claim, post, mark_sent) and a Slack `WebClient` talking to a local Web API stub
over HTTP. Reported apart: Slack time (inside chat.postMessage calls, which in production also absorb 429
retries) and pacing time (ChannelPacer's one-message-per-second-per-channel waits). Compute = wall - both.
Targets (2 cores): compute < 60 s, peak RSS < 2 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/ siblings
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from query_bench import ensure_data

import jobs
from bot.billing.model import Dimension, DimensionRef
from bot.config import Settings
from bot.delivery import ChannelPacer
from bot.scheduler import JobScheduler
from bot.services import Services, VocabularyCache
from bot.slack.client import make_client
from bot.state.budgets import set_budget
from bot.state.db import StateStore
from bot.state.subscriptions import subscribe
from bot.store.duckdb import DuckDBStore
from jobs import budgets, daily_summary

ROUND_AT = datetime(2024, 12, 16, 9, 0, tzinfo=UTC)


class _Stub(BaseHTTPRequestHandler):
    """Answers every Web API call with ok and a fresh ts (what chat.postMessage needs)."""

    protocol_version = "HTTP/1.1"
    counter = 0
    lock = threading.Lock()

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with _Stub.lock:
            _Stub.counter += 1
            n = _Stub.counter
        body = json.dumps({"ok": True, "ts": f"1734339600.{n:06d}", "messages": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def filter_sets(store: DuckDBStore, count: int) -> list[str]:
    """Up to `count` distinct filter texts a FinOps team would use, all valid against the store."""
    accounts = sorted(store.accounts())
    teams = [v for v in store.distinct_values(DimensionRef(Dimension.TAG, "user:team")) if v != "untagged"]
    services = ["ec2", "s3", "rds", "lambda", "cloudfront"]
    out = [""]
    out += [f"account={a}" for a in accounts]
    out += [f"tag:team={t}" for t in teams]
    out += [f"service={s}" for s in services]
    out += [f"account={a} tag:team={t}" for a in accounts[:4] for t in teams[:4]]
    out += [f"account={a} service={s}" for a in accounts[:4] for s in services[:3]]
    return out[:count]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rows", type=int, default=1_000_000, help="line items per month (default 1M)")
    p.add_argument("--months", type=int, default=2)
    p.add_argument("--channels", type=int, default=200)
    p.add_argument("--filter-sets", type=int, default=40)
    p.add_argument("--budgets", type=int, default=20)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--memory-limit", default="1GB")
    p.add_argument("--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "trackit-bench-data")
    args = p.parse_args(argv)

    data = ensure_data(args.data_dir, args.rows, args.months)
    with tempfile.TemporaryDirectory(prefix="trackit-jobs-bench-") as tmp:
        t0 = time.perf_counter()
        # Ingest in a child process, so that this process's peak RSS is the round's alone.
        script = (
            "import sys; from pathlib import Path; from bot.ingest.pipeline import ingest; "
            "from bot.store.duckdb import DuckDBStore; "
            f"s = DuckDBStore(Path({str(Path(tmp) / 'store')!r}), threads={args.threads}, "
            f"memory_limit={args.memory_limit!r}); "
            f"r = ingest({str(data)!r}, s, progress=False); print(sum(p.rows for p in r.periods)); s.close()"
        )
        out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True).stdout
        rows = int(out.split()[-1])
        print(f"# store: {rows:,} line items loaded in {time.perf_counter() - t0:.1f} s (not part of the round)")
        store = DuckDBStore(Path(tmp) / "store", threads=args.threads, memory_limit=args.memory_limit)
        state = StateStore(f"sqlite:///{Path(tmp) / 'state.sqlite3'}")
        state.migrate()
        services = Services(Settings(data_dir=Path(tmp)), store, state, VocabularyCache(store), lambda: ROUND_AT)
        sets = filter_sets(store, args.filter_sets)
        created = datetime(2024, 12, 1, tzinfo=UTC)
        for i in range(args.channels):
            subscribe(
                state,
                channel_id=f"C{i:06d}",
                kind="daily",
                filters=sets[i % len(sets)],
                at_time="09:00",
                timezone="UTC",
                created_by="U0BENCH",
                now=created,
            )
        accounts = sorted(store.accounts())
        for i in range(args.budgets):
            account = accounts[i % len(accounts)]
            set_budget(
                state,
                name=f"budget-{i}",
                amount=1000 * (i + 1),
                filters=f"account={account}",
                channel_id=f"C{i:06d}",
                created_by="U0BENCH",
            )

        server = ThreadingHTTPServer(("127.0.0.1", 0), _Stub)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        client = make_client("xoxb-bench", base_url=f"http://127.0.0.1:{server.server_address[1]}/api/")
        slack_seconds = [0.0]
        original = client.chat_postMessage

        def timed_post(**kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return original(**kwargs)
            finally:
                slack_seconds[0] += time.perf_counter() - t

        client.chat_postMessage = timed_post  # type: ignore[method-assign]
        pacer = ChannelPacer(1.0)
        scheduler = JobScheduler(services, client, manual=True, pacer=pacer)
        jobs.schedule_all(scheduler, services)
        scheduler.start()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

        t1 = time.perf_counter()
        scheduler.run_job(daily_summary.JOB_ID)
        daily_wall = time.perf_counter() - t1
        t2 = time.perf_counter()
        scheduler.run_job(budgets.JOB_ID)
        budget_wall = time.perf_counter() - t2
        wall = time.perf_counter() - t1
        posts = _Stub.counter
        compute = wall - slack_seconds[0] - pacer.waited
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"# {args.channels} daily subscriptions over {len(sets)} filter sets, {args.budgets} budgets; "
            f"{rows:,} line items ({args.months} x {args.rows:,}); {os.cpu_count()} CPUs, "
            f"load average {os.getloadavg()[0]:.2f}"
        )
        print(f"round wall time        {wall:8.1f} s  (daily {daily_wall:.1f} s, budgets {budget_wall:.1f} s)")
        print(f"  Slack calls          {slack_seconds[0]:8.1f} s  ({posts} posts to the local stub)")
        print(f"  pacing waits         {pacer.waited:8.1f} s")
        print(f"  compute              {compute:8.1f} s  (target < 60 s)")
        print(f"peak RSS               {peak:8.0f} MiB (before the round {rss_before:.0f} MiB; target < 2048)")
        scheduler.shutdown()
        server.shutdown()
        store.close()
        state.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
