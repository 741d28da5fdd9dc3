"""Real processes: SIGKILL at each step of a delivery, then a restart, posts exactly once; two replicas running at
once post once (only the leader runs jobs), and the other takes over when the leader is killed."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.state.db import StateStore
from bot.state.deliveries import get_delivery
from bot.state.subscriptions import list_subscriptions, subscribe
from jobs.daily_summary import delivery_key
from tests.jobs.support import HistorySlack, load_store

ROOT = Path(__file__).resolve().parents[2]
CREATED = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
DUE = datetime(2026, 11, 23, 8, 1, tzinfo=UTC)  # on a minute: the due check fires at once (C0WEB 09:00 Paris)


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
            sys.executable, "-m", "tests.jobs.worker", mode, "--store", str(store_dir or self.store_dir),
            "--state", self.state_url, "--api", self.slack.api_url, "--clock", str(self.clock_file), *extra,
        ]  # fmt: skip
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
    subscribe(state, channel_id="C0WEB", kind="daily", at_time="09:00", timezone="Europe/Paris", created_by="U1",
              now=CREATED)  # fmt: skip
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

    if crash == "before_post":  # (one process start less for the other case: the suite stays quick)
        # Restarted at once: the dead worker's claim is still live, so nothing is posted (and nothing twice).
        code, output = _finish(env.worker("once"))
        assert code == 0, output
        assert len(env.slack.posts("C0WEB")) == posted_before_crash

    # After the claim went stale the next run settles it: recovered from the channel's history, or posted.
    env.set_clock(DUE + timedelta(minutes=11))
    code, output = _finish(env.worker("once"))
    assert code == 0, output
    posts = env.slack.posts("C0WEB")
    assert len(posts) == 1
    state = StateStore(env.state_url)
    sub = list_subscriptions(state)[0]
    record = get_delivery(state, delivery_key(sub, datetime(2026, 11, 22).date()))
    assert record is not None and record.status == "sent" and record.message_ts == posts[0]["ts"]
    assert len(env.slack.calls("conversations.history")) == 1  # only the re-claim looked
    state.dispose()


def test_two_replica_processes_post_once_and_fail_over(env: Env) -> None:
    # DuckDB lets one process open a database file: each replica reads its own copy of the same data.
    second_store = env.tmp / "billing2"
    shutil.copytree(env.store_dir, second_store)
    a = env.worker("replica", "--rounds", "30", "--ttl", "3")
    b = env.worker("replica", "--rounds", "30", "--ttl", "3", store_dir=second_store)
    (code_a, out_a), (code_b, out_b) = _finish(a), _finish(b)
    assert (code_a, code_b) == (0, 0), out_a + out_b
    led = sorted(int(o.split("LED ")[1].split()[0]) for o in (out_a, out_b))
    # One replica led every round it ran; the other at most the rounds after the leader let go at exit.
    assert led[1] >= 25 and led[0] <= 5, (out_a, out_b)
    assert len(env.slack.posts("C0WEB")) == 1

    # The leader is killed mid-way: the standby takes over once the lease expires and posts the next day's.
    env.set_clock(DUE + timedelta(days=1))
    leader = env.worker("replica", "--rounds", "400", "--ttl", "1", "--crash", "before_post")
    code, output = _finish(leader)
    assert code == -signal.SIGKILL, output
    standby = env.worker("replica", "--rounds", "60", "--ttl", "1", store_dir=second_store)
    env.set_clock(DUE + timedelta(days=1, minutes=11))  # past the killed claim's lease
    code, output = _finish(standby)
    assert code == 0, output
    assert [p["metadata"]["event_payload"]["key"].split("|")[2][:10] for p in env.slack.posts("C0WEB")] == [
        "2026-11-22",
        "2026-11-23",
    ]
