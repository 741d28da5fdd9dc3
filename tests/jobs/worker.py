"""A bot replica in its own process, for crash and fail-over tests: `python -m tests.jobs.worker MODE ...`.

Every mode builds real services (DuckDB store at `--store`, SQLite state at `--state`), a Slack client on the
fake at `--api`, and a manual `JobScheduler` with every job of `jobs.schedule_all`; time comes from the ISO
datetime in the file `--clock` (re-read on every call, so the test moves time for all replicas at once).

- `once [--crash before_post|after_post]`: one `run_pending()`; with `--crash`, SIGKILL this process right
  before chat.postMessage or right after it returned (before `mark_sent`).
- `replica [--stop FILE] [--rounds N]`: rounds of `run_pending()` 50 ms apart until FILE exists (or N rounds,
  or `--max-seconds`, a safety net for an abandoned test); prints `ROUND <i> led|standby <seconds>s` after every round
  (the test waits on these lines instead of guessing timings) and `LED <n>` (rounds it led) at the end. A thread
  renews the lease every ttl/3 meanwhile, as `JobScheduler`'s renewal thread does in production.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.scheduler import JobScheduler
from bot.services import Services, VocabularyCache
from bot.slack.client import make_client
from bot.state.db import StateStore
from bot.state.leader import LeaderLease
from bot.store.registry import open_store


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=("once", "replica"))
    parser.add_argument("--store", required=True)
    parser.add_argument("--state", required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--clock", required=True)
    parser.add_argument("--crash", choices=("before_post", "after_post"))
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--stop", help="replica: run until this file exists")
    parser.add_argument("--crash-armed", help="with --crash: crash only if this file exists at the time of the post")
    parser.add_argument("--max-seconds", type=float, default=300.0)
    parser.add_argument("--ttl", type=float, default=1.0)
    args = parser.parse_args(argv)

    clock_file = Path(args.clock)

    def clock() -> datetime:
        return datetime.fromisoformat(clock_file.read_text().strip())

    store = open_store(f"duckdb://{args.store}")
    state = StateStore(args.state)
    services = Services(Settings(data_dir=Path(args.store).parent), store, state, VocabularyCache(store), clock)
    client = make_client("xoxb-test", base_url=args.api, max_retries=0)

    if args.crash:
        original = client.chat_postMessage

        def post(**kwargs: Any) -> Any:
            if args.crash_armed and not Path(args.crash_armed).exists():
                return original(**kwargs)
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
    if args.mode == "replica":
        # As the production scheduler's renewal thread does: a job longer than the lease does not lose it.
        renewing = threading.Event()

        def renew() -> None:
            while not renewing.wait(args.ttl / 3):
                lease.renew()

        renewer = threading.Thread(target=renew, daemon=True)
        renewer.start()
    stop = Path(args.stop) if args.stop else None
    rounds = 10**9 if stop is not None else args.rounds
    deadline = time.monotonic() + args.max_seconds
    led = 0
    for i in range(rounds):
        if (stop is not None and stop.exists()) or time.monotonic() >= deadline:
            break
        began = time.monotonic()
        leading = scheduler.run_pending()
        led += leading
        if args.mode == "replica":
            took = time.monotonic() - began
            print(f"ROUND {i + 1} {'led' if leading else 'standby'} {took:.3f}s", flush=True)
        if i + 1 < rounds:
            time.sleep(0.05)
    print(f"LED {led}", flush=True)
    if args.mode == "replica":
        renewing.set()
        renewer.join()  # before the release, so a last renewal cannot take the lease back
    scheduler.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
