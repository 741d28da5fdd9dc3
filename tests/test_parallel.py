"""Jobs side by side where the first failure wins (`bot.parallel`), on real DuckDB connections: the failure a
person reads is the first one, the queries still running are interrupted and their errors dropped, nothing starts
after it, no thread outlives the run, and results come back in job order."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator, Sequence

import duckdb
import pytest

from bot.parallel import FirstFailure, run_until_first_failure

#: A query that runs for minutes on one thread unless interrupted.
ENDLESS = "SELECT sum(hash(i)) FROM range(1000000000000) t(i)"
NAME = "test-parallel"


@pytest.fixture
def connections() -> Iterator[Callable[[], duckdb.DuckDBPyConnection]]:
    opened: list[duckdb.DuckDBPyConnection] = []

    def connect() -> duckdb.DuckDBPyConnection:
        con = duckdb.connect(config={"threads": 1})
        # `query_progress` (whether a query is running yet) needs progress tracked; never printed.
        con.execute("SET enable_progress_bar = true")
        con.execute("SET enable_progress_bar_print = false")
        opened.append(con)
        return con

    yield connect
    for con in opened:
        con.close()


def _pool_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(NAME)]


def _until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + 60
    while not condition():
        assert time.monotonic() < deadline, "the other job never got there"
        time.sleep(0.005)


@contextlib.contextmanager
def _watchdog(cons: Sequence[duckdb.DuckDBPyConnection]) -> Iterator[threading.Event]:
    """Interrupts `cons` after a minute (and says so): a run that fails to stop them fails the test, never hangs."""
    fired = threading.Event()

    def stop() -> None:
        fired.set()
        for con in cons:
            con.interrupt()

    timer = threading.Timer(60, stop)
    timer.start()
    try:
        yield fired
    finally:
        timer.cancel()


def _running(con: duckdb.DuckDBPyConnection) -> bool:
    return con.query_progress() >= 0


def test_the_first_failure_is_raised_and_the_queries_still_running_are_interrupted(
    connections: Callable[[], duckdb.DuckDBPyConnection],
) -> None:
    slow = [connections(), connections()]
    seen: dict[int, BaseException] = {}

    def endless(k: int) -> Callable[[FirstFailure], int]:
        def job(first_failure: FirstFailure) -> int:
            with first_failure.interruptible(slow[k]):
                try:
                    slow[k].execute(ENDLESS).fetchall()
                except duckdb.Error as exc:
                    seen[k] = exc
                    raise RuntimeError(f"part {k + 1} stopped: {exc}") from exc
            return k

        return job

    def failing(first_failure: FirstFailure) -> int:
        _until(lambda: all(_running(con) for con in slow))
        raise ValueError("part 3: line 7 is not a number")

    with _watchdog(slow) as fired, pytest.raises(ValueError, match=r"^part 3: line 7 is not a number$"):
        run_until_first_failure([endless(0), endless(1), failing], 3, name=NAME)

    assert not fired.is_set()
    assert {k: type(exc) for k, exc in seen.items()} == {0: duckdb.InterruptException, 1: duckdb.InterruptException}
    assert _pool_threads() == []


def test_no_job_starts_after_a_failure_and_work_reached_late_is_refused(
    connections: Callable[[], duckdb.DuckDBPyConnection],
) -> None:
    late = connections()
    started: list[int] = []
    executed: list[int] = []

    def failing(first_failure: FirstFailure) -> None:
        started.append(0)
        raise ValueError("the first failure")

    def reaches_its_query_late(first_failure: FirstFailure) -> None:
        started.append(1)
        _until(first_failure.failed)
        with first_failure.interruptible(late):
            executed.append(1)
            late.execute(ENDLESS).fetchall()

    def never(k: int) -> Callable[[FirstFailure], None]:
        def job(first_failure: FirstFailure) -> None:
            started.append(k)

        return job

    with _watchdog([late]) as fired, pytest.raises(ValueError, match=r"^the first failure$"):
        run_until_first_failure([reaches_its_query_late, failing, never(2), never(3)], 2, name=NAME)

    assert not fired.is_set()

    assert sorted(started) == [0, 1]
    assert executed == []
    assert _pool_threads() == []


def test_one_at_a_time_the_first_failure_ends_the_run_on_the_calling_thread() -> None:
    ran: list[tuple[int, str]] = []

    def job(k: int, fails: bool) -> Callable[[FirstFailure], int]:
        def run(first_failure: FirstFailure) -> int:
            ran.append((k, threading.current_thread().name))
            if fails:
                raise ValueError(f"job {k} failed")
            return k

        return run

    with pytest.raises(ValueError, match=r"^job 1 failed$"):
        run_until_first_failure([job(0, False), job(1, True), job(2, True)], 1, name=NAME)

    assert ran == [(0, threading.current_thread().name), (1, threading.current_thread().name)]


def test_results_come_back_in_job_order_whatever_order_the_jobs_end_in() -> None:
    ended: list[int] = []
    lock = threading.Lock()
    count = 4

    def job(k: int) -> Callable[[FirstFailure], str]:
        def run(first_failure: FirstFailure) -> str:
            # Each job ends only after every later one has: the last job ends first.
            _until(lambda: all(j in ended for j in range(k + 1, count)))
            with lock:
                ended.append(k)
            return f"part {k + 1}"

        return run

    assert run_until_first_failure([job(k) for k in range(count)], count, name=NAME) == [
        "part 1",
        "part 2",
        "part 3",
        "part 4",
    ]
    assert ended == [3, 2, 1, 0]
    assert _pool_threads() == []
    assert run_until_first_failure([], 4, name=NAME) == []
