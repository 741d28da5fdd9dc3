"""Real processes: SIGKILL at each step of a delivery, then a restart, posts exactly once; two replicas running at
once post once (only the leader runs jobs), and the other takes over when the leader is killed."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from slack_sdk import WebClient

from bot.billing.store import BillingStore
from bot.scheduler import JobScheduler
from bot.state.db import StateStore
from bot.state.deliveries import get_delivery
from bot.state.ingest_runs import last_ingest_runs, start_ingest_run
from bot.state.leader import LeaderLease
from bot.state.subscriptions import list_subscriptions, subscribe
from jobs.daily_summary import delivery_key
from tests.jobs.support import FrozenClock, HistorySlack, load_store, make_services

ROOT = Path(__file__).resolve().parents[2]
CREATED = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
#: The worker's scheduler lease (`tests/jobs/worker.py --ttl`, default 1 s): a SIGKILLed worker holds it this long.
LEASE_TTL_SECONDS = 1.0
DUE = datetime(2026, 11, 23, 8, 1, tzinfo=UTC)  # on a minute: the due check fires at once (C0WEB 09:00 Paris)
#: How long any one observable step may take on a loaded machine (process start-up included) before failing.
DEADLINE = 90.0


@dataclass
class Env:
    tmp: Path
    store_dir: Path
    state_url: str
    clock_file: Path
    slack: HistorySlack

    def set_clock(self, moment: datetime) -> None:
        self.clock_file.write_text(moment.isoformat())
        self.slack.clock = moment.timestamp

    def worker(self, mode: str, *extra: str, store_dir: Path | None = None) -> subprocess.Popen[str]:
        args = [
            sys.executable,
            "-m",
            "tests.jobs.worker",
            mode,
            "--store",
            str(store_dir or self.store_dir),
            "--state",
            self.state_url,
            "--api",
            self.slack.api_url,
            "--clock",
            str(self.clock_file),
            *extra,
        ]
        return subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def store_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("template")
    load_store(tmp).close()
    return tmp / "billing"


@pytest.fixture
def env(tmp_path: Path, store_template: Path, slack: HistorySlack) -> Iterator[Env]:
    store_dir = tmp_path / "billing"
    shutil.copytree(store_template, store_dir)
    state_url = f"sqlite:///{tmp_path / 'state.sqlite3'}"
    state = StateStore(state_url)
    state.migrate()
    subscribe(
        state, channel_id="C0WEB", kind="daily", at_time="09:00", timezone="Europe/Paris", created_by="U1", now=CREATED
    )
    state.dispose()
    e = Env(tmp_path, store_dir, state_url, tmp_path / "clock.txt", slack)
    e.set_clock(DUE)
    yield e


def _finish(proc: subprocess.Popen[str], timeout: float = 60) -> tuple[int, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out + err


@pytest.mark.parametrize("crash", ["before_post", "after_post"])
def test_sigkill_at_each_step_then_restart_posts_exactly_once(env: Env, crash: str) -> None:
    code, output = _finish(env.worker("once", "--crash", crash))
    assert code == -signal.SIGKILL, output
    posted_before_crash = 1 if crash == "after_post" else 0
    assert len(env.slack.posts("C0WEB")) == posted_before_crash

    # A restarted replica leads once the dead one's scheduler lease (1 s of wall time) has lapsed.
    time.sleep(LEASE_TTL_SECONDS + 0.5)
    if crash == "before_post":  # (one process start less for the other case: the suite stays quick)
        # Restarted at once: the dead worker's claim is still live, so nothing is posted (and nothing twice).
        code, output = _finish(env.worker("once"))
        assert code == 0 and "LED 1" in output, output
        assert len(env.slack.posts("C0WEB")) == posted_before_crash

    # After the claim went stale the next run settles it: recovered from the channel's history, or posted.
    env.set_clock(DUE + timedelta(minutes=11))
    code, output = _finish(env.worker("once"))
    assert code == 0 and "LED 1" in output, output
    posts = env.slack.posts("C0WEB")
    assert len(posts) == 1
    state = StateStore(env.state_url)
    sub = list_subscriptions(state)[0]
    record = get_delivery(state, delivery_key(sub, datetime(2026, 11, 22).date()))
    assert record is not None and record.status == "sent" and record.message_ts == posts[0]["ts"]
    assert len(env.slack.calls("conversations.history")) == 1  # only the re-claim looked
    state.dispose()


class Replica:
    """A `worker replica` process whose `ROUND <i> led|standby` lines are collected as they arrive, so the test
    waits on what the replicas observably did, with generous deadlines, instead of guessing their timing (a
    busy machine may start one process seconds after the other)."""

    def __init__(self, env: Env, name: str, *extra: str, store_dir: Path | None = None) -> None:
        self.name = name
        self.stop_file = env.tmp / f"stop-{name}"
        self.rounds: list[bool] = []  # led? per round, in order
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self.proc = env.worker("replica", "--stop", str(self.stop_file), *extra, store_dir=store_dir)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._changed:
                self.lines.append(line)
                if line.startswith("ROUND "):
                    self.rounds.append(line.split()[2] == "led")
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def wait_until(self, condition: Callable[[], bool], what: str, timeout: float = DEADLINE) -> float:
        """Wait until `condition()` holds (re-checked on every line this replica prints); returns the seconds it
        took. Fails with the replica's output if it does not hold within `timeout` or the process ended first."""
        started = time.monotonic()
        with self._changed:
            while not condition():
                if self.proc.poll() is not None and not self._reader.is_alive():
                    pytest.fail(f"{self.name} exited ({self.proc.returncode}) before {what}:\n{self.output}")
                left = started + timeout - time.monotonic()
                if left <= 0:
                    pytest.fail(f"{self.name}: no {what} within {timeout:.0f} s:\n{self.output}")
                self._changed.wait(min(left, 0.5))
        return time.monotonic() - started

    def snapshot(self) -> list[bool]:
        with self._changed:
            return list(self.rounds)

    @property
    def output(self) -> str:
        with self._changed:
            return "".join(self.lines)

    def stop(self) -> int:
        self.stop_file.touch()
        return self.finish()

    def finish(self) -> int:
        code = self.proc.wait(timeout=DEADLINE)
        self._reader.join(timeout=10)
        return code

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture
def replicas() -> Iterator[list[Replica]]:
    started: list[Replica] = []
    yield started
    for replica in started:  # a failed test leaves no process behind
        replica.kill()


def test_two_replica_processes_post_once_and_fail_over(env: Env, replicas: list[Replica]) -> None:
    # DuckDB lets one process open a database file: each replica reads its own copy of the same data.
    second_store = env.tmp / "billing2"
    shutil.copytree(env.store_dir, second_store)
    # Rounds are 50 ms apart and renew the lease, so a 5 s lease only lapses if a replica stops (or is killed).
    ttl = 5.0
    a = Replica(env, "a", "--ttl", str(ttl), "--crash", "before_post", "--crash-armed", str(env.tmp / "arm-a"))
    b = Replica(
        env,
        "b",
        "--ttl",
        str(ttl),
        "--crash",
        "before_post",
        "--crash-armed",
        str(env.tmp / "arm-b"),
        store_dir=second_store,
    )
    replicas += [a, b]

    # Both running at once, for 20 rounds each after the later one started (however late that was).
    a.wait_until(lambda: len(a.rounds) >= 1, "first round")
    b.wait_until(lambda: len(b.rounds) >= 1, "first round")
    overlap_a, overlap_b = len(a.snapshot()), len(b.snapshot())
    a.wait_until(lambda: len(a.rounds) >= overlap_a + 20, "20 more rounds")
    b.wait_until(lambda: len(b.rounds) >= overlap_b + 20, "20 more rounds")
    # Exactly one of them led, every round it ran; the other led none (it never ran a job); one post.
    leader, standby = (a, b) if a.snapshot()[-1] else (b, a)
    assert all(leader.snapshot()) and not any(standby.snapshot()), (a.output, b.output)
    assert len(env.slack.posts("C0WEB")) == 1

    # Fail-over: the leader is SIGKILLed right before its next post (after claiming it); the standby takes
    # over once the dead leader's lease has expired.
    (env.tmp / f"arm-{leader.name}").touch()
    env.set_clock(DUE + timedelta(days=1))  # the next day's summary is due
    assert leader.finish() == -signal.SIGKILL, leader.output
    killed_at = time.monotonic()
    standby.wait_until(lambda: any(standby.rounds), "take-over after the leader was killed")
    took_over_in = time.monotonic() - killed_at
    # The lease outlives its holder by at most ttl; the slack is for a loaded machine, not for the design.
    assert took_over_in < ttl + 15, took_over_in
    # The dead leader's claim on the post is still live: the new leader does not post in its stead yet ...
    assert len(env.slack.posts("C0WEB")) == 1

    env.set_clock(DUE + timedelta(days=1, minutes=11))  # ... until the claim's lease has passed
    standby.wait_until(lambda: len(env.slack.posts("C0WEB")) == 2, "post of the next day's summary")
    done = len(standby.snapshot())
    standby.wait_until(lambda: len(standby.rounds) >= done + 10, "10 more rounds")  # and it posts only once
    assert standby.stop() == 0, standby.output
    assert f"LED {sum(standby.rounds)}" in standby.output
    assert [p["metadata"]["event_payload"]["key"].split("|")[2][:10] for p in env.slack.posts("C0WEB")] == [
        "2026-11-22",
        "2026-11-23",
    ]


def test_a_new_leader_closes_the_ingest_runs_a_crashed_leader_left_running(
    tmp_path: Path, billing: BillingStore, client: WebClient
) -> None:
    clock = FrozenClock(CREATED)
    services = make_services(tmp_path, billing, clock)
    state = services.state
    crashed = start_ingest_run(state, "s3://acme/cur", now=CREATED - timedelta(hours=1))

    def replica(holder: str) -> JobScheduler:
        lease = LeaderLease(state, holder=holder, ttl=timedelta(minutes=5))
        return JobScheduler(services, client, manual=True, lease=lease)

    a = replica("a")
    assert a.start()  # leader at once: the crashed run is closed before any job could start a new one
    (run,) = last_ingest_runs(state)
    assert (run.id, run.status, run.message) == (crashed.id, "failed", "interrupted: the bot stopped during this run")
    assert run.finished_at is not None and run.finished_at.replace(tzinfo=UTC) == CREATED

    # The leader's own run in progress: a standby starting meanwhile leaves it alone.
    live = start_ingest_run(state, "s3://acme/cur", now=CREATED)
    b = replica("b")
    assert not b.start() and not b.run_pending()
    assert last_ingest_runs(state)[0].status == "running"

    # The leader goes away without finishing it (its lease lapses): the standby takes the lead and closes it.
    a.lease.release()
    clock.set(CREATED + timedelta(minutes=30))
    assert b.run_pending()
    newest = last_ingest_runs(state)[0]
    assert (newest.id, newest.status) == (live.id, "failed")
    assert b.run_pending() and len([r for r in last_ingest_runs(state) if r.status == "failed"]) == 2
    b.shutdown()
    a.shutdown()
    state.dispose()
