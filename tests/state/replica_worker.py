"""A bot replica starting up, for the simultaneous-start test: run as `python -m tests.state.replica_worker`.

    python -m tests.state.replica_worker START_AT STEP URL [URL ...]

For the i-th URL, sleeps until the wall-clock instant START_AT + i * STEP (two processes given the same
arguments start each database together), then does what `trackit serve` does first: migrate the app state
(replicas queue on an advisory lock there), then, at START_AT + (i + 1/2) * STEP so that both do it at the
same instant again, start an APScheduler 3 scheduler on the job store and register a job. Prints `up` or the
error, one line per URL, and exits 0 when every start came up.
"""

from __future__ import annotations

import sys
import time
from datetime import UTC


def job() -> None:
    """A module-level function: persisted jobs are stored by reference."""


def start(url: str, scheduler_at: float) -> str:
    from apscheduler.schedulers.background import BackgroundScheduler

    from bot.state.db import StateStore
    from bot.state.jobstore import job_store

    store = StateStore(url)
    try:
        store.migrate()
        time.sleep(max(0.0, scheduler_at - time.time()))
        scheduler = BackgroundScheduler(jobstores={"default": job_store(store)}, timezone=UTC)
        scheduler.start(paused=True)
        scheduler.add_job(job, "interval", minutes=30, id="ingest", replace_existing=True)
        scheduler.shutdown(wait=False)
    except Exception as exc:  # the test reads what went wrong
        return f"{type(exc).__name__}: {exc}".splitlines()[0]
    finally:
        store.dispose()
    return "up"


def main(start_at: float, step: float, urls: list[str]) -> int:
    import apscheduler.schedulers.background  # noqa: F401  # imports done before the start line
    import sqlalchemy  # noqa: F401

    results = []
    for i, url in enumerate(urls):
        time.sleep(max(0.0, start_at + i * step - time.time()))
        results.append(start(url, start_at + (i + 0.5) * step))
        print(results[-1], flush=True)
    return 0 if all(r == "up" for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]), float(sys.argv[2]), sys.argv[3:]))
