"""Jobs run side by side where the first failure wins: it stops the others and is the error raised.

Several DuckDB queries run at once when a delivery comes in parts: staging CSV parts
(`bot.ingest.readers.copy_parts`) and loading parts into their files (`bot.store.duckdb_load.write_parts`). Once
one part fails the delivery is refused, so the others would only spend minutes on results nobody uses: the
queries still running are interrupted and the jobs not started never start. The error a person reads is that
first failure, never one of the interruptions it caused.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol, TypeVar

T = TypeVar("T")


class Interruptible(Protocol):
    """Work that another thread can stop: a DuckDB connection or cursor, whose running query then raises."""

    def interrupt(self) -> None: ...


class _Stopped(Exception):
    """A job reached interruptible work after another job had failed; like every later failure, not raised."""


class FirstFailure:
    """What the jobs of one run share: the first failure, and the work running that it interrupts."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failure: BaseException | None = None
        self._running: dict[int, Interruptible] = {}

    @contextlib.contextmanager
    def interruptible(self, target: Interruptible) -> Iterator[None]:
        """While inside, a failure of any job interrupts `target`. Raises (a failure that is never reported) when
        a job has already failed, so no new work starts; leave before closing `target`."""
        with self._lock:
            if self._failure is not None:
                raise _Stopped
            self._running[id(target)] = target
        try:
            yield
        finally:
            with self._lock:
                self._running.pop(id(target), None)

    def failed(self) -> bool:
        """Whether a job has failed: the run is stopping."""
        with self._lock:
            return self._failure is not None

    def _fail(self, exc: BaseException) -> None:
        """Record a job's failure; the first one interrupts the work running. Interrupting is best effort (an
        error doing it is ignored): the first failure is what the run reports either way."""
        with self._lock:
            if self._failure is not None:
                return
            self._failure = exc
            for target in self._running.values():
                with contextlib.suppress(Exception):
                    target.interrupt()


def run_until_first_failure(jobs: Sequence[Callable[[FirstFailure], T]], workers: int, *, name: str = "job") -> list[T]:
    """Run every job, up to `workers` at once (on threads named `name-...`; on the calling thread when one at a
    time), each given the run's `FirstFailure` to mark its interruptible work with; returns their results in job
    order.

    When a job fails (any exception, `KeyboardInterrupt` included), the work marked by the jobs still running is
    interrupted and no job starts after it; once every thread has ended, that first failure is raised, and the
    failures of the others (typically the interruptions) are dropped.
    """
    run = FirstFailure()
    results: dict[int, T] = {}

    def one(index: int) -> None:
        if run.failed():
            return
        try:
            results[index] = jobs[index](run)
        except BaseException as exc:
            run._fail(exc)

    if workers <= 1 or len(jobs) <= 1:
        for index in range(len(jobs)):
            one(index)
    else:
        with ThreadPoolExecutor(max_workers=min(workers, len(jobs)), thread_name_prefix=name) as pool:
            for index in range(len(jobs)):
                pool.submit(one, index)
    # Every thread has ended: the failure, if any, is final.
    if run._failure is not None:
        raise run._failure
    return [results[index] for index in range(len(jobs))]
