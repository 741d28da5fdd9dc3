"""A bot replica in miniature, for the leader fail-over test: run as `python -m tests.state.leader_worker`.

    python -m tests.state.leader_worker URL LOG TTL_SECONDS

Loops: renew (or take) the "scheduler" leadership; while leader, "run a job" by appending `start <pid> <t>`,
sleeping 0.2 s, then `end <pid> <t>` to LOG. Stops by itself after 60 s so a crashed test leaves nothing behind.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import timedelta

from bot.state.db import StateStore
from bot.state.leader import LeaderLease


def _log(path: str, line: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, (line + "\n").encode())  # one small O_APPEND write: lines from two processes never mix
    finally:
        os.close(fd)


def main(url: str, log: str, ttl: float) -> None:
    store = StateStore(url)
    lease = LeaderLease(store, "scheduler", ttl=timedelta(seconds=ttl))
    _log(log, f"ready {os.getpid()} {time.time()}")
    stop_at = time.monotonic() + 60
    while time.monotonic() < stop_at:
        if lease.renew():
            _log(log, f"start {os.getpid()} {time.time()}")
            time.sleep(0.2)
            _log(log, f"end {os.getpid()} {time.time()}")
        else:
            time.sleep(0.1)
    lease.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
