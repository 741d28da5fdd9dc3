"""A bot replica in its own process, for crash and fail-over tests: `python -m tests.jobs.worker MODE ...`.

Every mode builds real services (DuckDB store at `--store`, SQLite state at `--state`), a Slack client on the
fake at `--api`, and a manual `JobScheduler` with every job of `jobs.schedule_all`; time comes from the ISO
datetime in the file `--clock` (re-read on every call, so the test moves time for all replicas at once).

- `once [--crash before_post|after_post]`: one `run_pending()`; with `--crash`, SIGKILL this process right
  before chat.postMessage or right after it returned (before `mark_sent`).
- `replica --rounds N`: N rounds of `run_pending()` 50 ms apart; prints `LED <n>` (rounds it led) at the end.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.scheduler import JobScheduler, use_clock
from bot.slack.client import make_client
from bot.slack.services import Services, VocabularyCache
from bot.state.db import StateStore
from bot.state.leader import LeaderLease
from bot.store.base import open_store


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("once", "replica"))
    parser.add_argument("--store", required=True)
    parser.add_argument("--state", required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--clock", required=True)
    parser.add_argument("--crash", choices=("before_post", "after_post"))
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--ttl", type=float, default=1.0)
    args = parser.parse_args(argv)

    clock_file = Path(args.clock)

    def clock() -> datetime:
        return datetime.fromisoformat(clock_file.read_text().strip())

    use_clock(clock)
    store = open_store(f"duckdb://{args.store}")
    state = StateStore(args.state)
    services = Services(Settings(data_dir=Path(args.store).parent), store, state, VocabularyCache(store), clock)
    client = make_client("xoxb-test", base_url=args.api, max_retries=0)

    if args.crash:
        original = client.chat_postMessage

        def post(**kwargs: Any) -> Any:
            if args.crash == "before_post":
                os.kill(os.getpid(), signal.SIGKILL)
            response = original(**kwargs)
            os.kill(os.getpid(), signal.SIGKILL)
            return response

        client.chat_postMessage = post  # type: ignore[method-assign]

    import jobs

    lease = LeaderLease(state, "scheduler", ttl=__import__("datetime").timedelta(seconds=args.ttl))
    scheduler = JobScheduler(services, client, manual=True, lease=lease)
    jobs.schedule_all(scheduler, services)
    scheduler.start()
    led = 0
    for i in range(args.rounds):
        if scheduler.run_pending():
            led += 1
        if i + 1 < args.rounds:
            time.sleep(0.05)
    print(f"LED {led}", flush=True)
    scheduler.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
