"""Slack command latency, end to end: signed request -> ack, and signed request -> final respond().

Generates a CUR 2.0 data set (bot.samples), ingests it into a DuckDB store, serves the real Bolt app (from the
composition root) on 127.0.0.1 with a local fake Slack Web API, then times each command over real HTTP.
Targets: ack under 200 ms, p95 under 1 s to the answer.

    .venv/bin/python bench/slack_bench.py --rows 1000000 --requests 30
    .venv/bin/python bench/slack_bench.py --rows 10000000 --data-dir /tmp/trackit-bench-10m   # reuses data
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.compose import build_app
from bot.config import Settings
from bot.services import Services, VocabularyCache
from bot.slack.client import make_client
from bot.slack.http import SlackHttpServer
from bot.state.db import StateStore
from bot.store.registry import open_store
from tests.support.fake_slack import FakeSlack
from tests.support.slack_signing import post_signed, slash_command_body

SECRET = "bench-secret"
START = date(2026, 9, 1)
TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def build_data(data_dir: Path, rows: int, months: int) -> Path:
    """Generate (once) and ingest the data set; returns the store directory."""
    from bot.ingest.pipeline import ingest
    from bot.samples.generate import generate

    exports = data_dir / "exports"
    store_dir = data_dir / "billing"
    marker = data_dir / f"ingested-{rows}"
    if marker.exists():
        return store_dir
    t0 = time.perf_counter()
    generated = data_dir / f"generated-{rows}"
    if not generated.exists():
        generate(exports, fmt="cur2-parquet", start=START, months=months, rows_per_month=rows // months, end=TODAY)
        generated.touch()
    t1 = time.perf_counter()
    store = open_store(f"duckdb://{store_dir}")
    try:
        ingest(str(exports), store, progress=False)
    finally:
        store.close()
    t2 = time.perf_counter()
    print(f"data: generated {rows:,} rows in {t1 - t0:.1f}s, ingested in {t2 - t1:.1f}s")
    marker.touch()
    return store_dir


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="line items over all months (default 1M)")
    parser.add_argument("--months", type=int, default=3)
    parser.add_argument("--requests", type=int, default=30, help="requests per command (default 30)")
    parser.add_argument("--data-dir", type=Path, help="keep generated data here (reused on the next run)")
    parser.add_argument("--threads", type=int, default=2, help="DuckDB threads (default 2)")
    args = parser.parse_args()

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="trackit-slack-bench-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    store_dir = build_data(data_dir, args.rows, args.months)
    store = open_store(f"duckdb://{store_dir}?threads={args.threads}")
    state_dir = Path(tempfile.mkdtemp(prefix="trackit-bench-state-"))
    state = StateStore(f"sqlite:///{state_dir / 'state.sqlite3'}")
    state.migrate()
    settings = Settings(
        data_dir=state_dir, slack_signing_secret=SECRET, slack_bot_token="xoxb-bench", listener_threads=4
    )
    services = Services(settings, store, state, VocabularyCache(store), clock=lambda: NOW)
    fake = FakeSlack().start()
    app = build_app(services, client=make_client("xoxb-bench", base_url=fake.api_url))
    server = SlackHttpServer(app, "127.0.0.1", 0, signing_secret=SECRET).start()
    keys = store.tag_keys()
    tag_key = next((k for k in keys if k.startswith("user:")), keys[0] if keys else "user:team")
    bare_key = tag_key.split(":", 1)[1] if tag_key.startswith("user:") else tag_key
    commands = [
        ("/cost", "this month by service"),
        ("/cost", "last month by account"),
        ("/cost", "last 3 months by service, region top 20"),
        ("/cost", "last month by resource"),
        ("/tags", "last month"),
        ("/tags", f"{bare_key} last month"),
        ("/top-resources", "10 last month"),
        ("/trackit", "status"),
    ]
    print(
        f"machine: {platform.machine()} {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{args.rows:,} line items, {args.requests} requests per command"
    )
    print(f"{'command':<48} {'ack p50':>8} {'ack p95':>8} {'e2e p50':>8} {'e2e p95':>8}")
    worst = 0.0
    worst_ack = 0.0
    try:
        for command, text in commands:
            acks: list[float] = []
            ends: list[float] = []
            for i in range(args.requests + 1):
                url = fake.response_url()
                body = slash_command_body(command, text, response_url=url)
                t0 = time.perf_counter()
                reply = post_signed(server.url + "/slack/events", body, SECRET)
                t1 = time.perf_counter()
                if reply.status != 200 or reply.body:
                    raise SystemExit(f"{command} {text}: unexpected ack {reply.status} {reply.text[:300]}")
                answer = fake.wait_for_response(url, timeout=60)
                t2 = time.perf_counter()
                if "went wrong" in answer.json.get("text", ""):
                    raise SystemExit(f"{command} {text}: {answer.json['text']}")
                if i == 0:
                    continue  # warm-up (first query of a shape compiles plans, fills caches)
                acks.append((t1 - t0) * 1000)
                ends.append((t2 - t0) * 1000)
            label = f"{command} {text}"
            print(
                f"{label:<48} {pct(acks, 0.5):>6.1f}ms {pct(acks, 0.95):>6.1f}ms "
                f"{pct(ends, 0.5):>6.0f}ms {pct(ends, 0.95):>6.0f}ms"
            )
            worst = max(worst, pct(ends, 0.95))
            worst_ack = max(worst_ack, pct(acks, 0.95))
    finally:
        server.close()
        fake.close()
        store.close()
        state.dispose()
    ok = worst < 1000 and worst_ack < 200
    print(
        f"worst p95: ack {worst_ack:.1f} ms (target < 200), end to end {worst:.0f} ms (target < 1000): "
        f"{'OK' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
