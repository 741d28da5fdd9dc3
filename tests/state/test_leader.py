"""Scheduler leadership: one replica at a time, and a fast take-over when the leader dies (two real processes)."""

from __future__ import annotations

import itertools
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.state.db import StateStore
from bot.state.leader import LeaderLease

REPO = Path(__file__).resolve().parents[2]


def test_only_one_leader_and_release_hands_over(store: StateStore) -> None:
    a = LeaderLease(store, holder="a", ttl=timedelta(seconds=30))
    b = LeaderLease(store, holder="b", ttl=timedelta(seconds=30))
    other = LeaderLease(store, "ingest", holder="b", ttl=timedelta(seconds=30))
    try:
        assert a.acquire() and a.is_leader
        assert not b.acquire() and not b.is_leader
        assert a.renew() and a.is_leader  # renewing keeps it
        assert not b.renew()
        assert other.acquire()  # another lease name is independent
        a.release()
        assert not a.is_leader
        assert b.acquire() and b.is_leader
        assert not a.acquire()
    finally:
        for lease in (a, b, other):
            lease.close()


def test_sqlite_lease_expires_when_not_renewed(tmp_path: Path) -> None:
    store = StateStore(f"sqlite:///{tmp_path / 's.sqlite3'}")
    store.migrate()
    a = LeaderLease(store, holder="a", ttl=timedelta(seconds=0.5))
    b = LeaderLease(store, holder="b", ttl=timedelta(seconds=0.5))
    assert a.acquire()
    assert not b.acquire()
    time.sleep(0.6)
    assert not a.is_leader  # a stops trusting its lease before it expires for the others
    assert b.acquire()
    assert not a.renew() and not a.is_leader  # taken over: compare-and-set fails
    store.dispose()


def test_ttl_must_be_positive(store: StateStore) -> None:
    with pytest.raises(ValueError, match="ttl must be positive"):
        LeaderLease(store, ttl=timedelta(0))


@pytest.mark.postgres
def test_postgres_leader_notices_its_lost_connection(postgres_url: str) -> None:
    store = StateStore(postgres_url)
    store.migrate()
    a = LeaderLease(store, holder="a")
    b = LeaderLease(store, holder="b")
    try:
        assert a.acquire()
        assert not b.acquire()
        holder_pids = "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
        with store.engine.connect() as conn:
            before = conn.execute(text(holder_pids)).all()
        assert a.renew()
        with store.engine.connect() as conn:
            assert conn.execute(text(holder_pids)).all() == before  # renewing keeps the lock on one session
        # The server ends a's session (as on a network cut or server restart): its lock goes with it.
        with store.engine.begin() as conn:
            ended = conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
                    "AND pid <> pg_backend_pid()"
                )
            ).all()
        assert ended == [(True,)]
        deadline = time.monotonic() + 5
        while not b.acquire():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert not a.renew() and not a.is_leader
    finally:
        a.close()
        b.close()
        store.dispose()


def _events(log: Path) -> list[tuple[str, int, float]]:
    events = []
    for line in log.read_text().splitlines():
        kind, pid, t = line.split()
        events.append((kind, int(pid), float(t)))
    return events


def _wait_for(predicate: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


@pytest.mark.parametrize(
    ("backend", "ttl", "max_takeover"),
    [("sqlite", 2.0, 4.0), pytest.param("postgres", 30.0, 3.0, marks=pytest.mark.postgres)],
)
def test_failover_between_two_processes(
    backend: str, ttl: float, max_takeover: float, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Two replicas compete; only the leader runs jobs; kill -9 the leader and the other takes over in time.

    On PostgreSQL the take-over does not wait for the ttl (30 s here): the server frees the lock with the
    dead process's connection.
    """
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    else:
        url = str(request.getfixturevalue("postgres_url"))
    store = StateStore(url)
    store.migrate()
    store.dispose()
    log = tmp_path / "jobs.log"
    log.touch()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.state.leader_worker", url, str(log), str(ttl)], cwd=REPO, env=env
        )
        for _ in range(2)
    ]
    try:
        pids = {p.pid for p in procs}
        _wait_for(lambda: {e[1] for e in _events(log) if e[0] == "ready"} == pids, 30, "both workers to start")
        _wait_for(lambda: sum(e[0] == "end" for e in _events(log)) >= 3, 30, "a leader to run jobs")
        time.sleep(0.5)
        runners = {e[1] for e in _events(log) if e[0] == "start"}
        assert len(runners) == 1, f"two leaders at once: {runners}"
        (leader_pid,) = runners
        leader = next(p for p in procs if p.pid == leader_pid)
        (survivor,) = [p for p in procs if p is not leader]
        killed_at = time.time()
        leader.send_signal(signal.SIGKILL)
        leader.wait(10)
        _wait_for(lambda: any(e[0] == "end" and e[1] == survivor.pid for e in _events(log)), ttl + 15, "the take-over")
        takeover = min(t for kind, pid, t in _events(log) if kind == "start" and pid == survivor.pid) - killed_at
        assert takeover < max_takeover, f"take-over took {takeover:.2f} s"
    finally:
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
            p.wait(10)
    # No job ran on two replicas at once: the killed leader's last job ends at the kill at the latest.
    intervals: list[tuple[float, float, int]] = []
    open_starts: dict[int, float] = {}
    for kind, pid, t in _events(log):
        if kind == "start":
            open_starts[pid] = t
        elif kind == "end":
            intervals.append((open_starts.pop(pid), t, pid))
    intervals += [(t, killed_at, pid) for pid, t in open_starts.items() if pid == leader_pid]
    intervals.sort()
    for (s1, e1, p1), (s2, _e2, p2) in itertools.pairwise(intervals):
        assert p1 == p2 or e1 <= s2, f"jobs overlapped: {p1} ran {s1}..{e1}, {p2} started {s2}"
    print(f"{backend}: take-over in {takeover:.2f} s")  # the figure quoted in the report (pytest -s)
