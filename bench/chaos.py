"""Chaos benchmark for exactly-once delivery: SIGKILLs, Slack faults, a Slack outage and two replicas.

    .venv/bin/python bench/chaos.py                       # every phase, default sizes (about 10 minutes)
    .venv/bin/python bench/chaos.py --phases kills --rounds 5 --fault-rate 0.2
    .venv/bin/python bench/chaos.py --json out.json       # also write the figures as JSON

Real processes against a local fake Slack Web API over HTTP (`tests.jobs.support.HistorySlack`: channel history
with message metadata, threads, file shares) that injects faults. Each bot process is `trackit serve --http`
(`bot.compose.build_services` + `build_app` + the HTTP endpoint + every job of `jobs.schedule_all`), started as
`bench/chaos.py serve`, with two differences a benchmark needs: time comes from a file the benchmark moves
(a controllable clock, never wall time), and the scheduler is driven by `run_pending()` every 100 ms (the
production background thread sleeps in wall time until the next job).

Phases:

- `kills`: `--rounds` delivery rounds, one a day at 09:00 UTC from 2026-11-27: daily summaries for `--channels`
  channels, weekly digests with their files for 4 of them on Mondays, and the anomaly alerts of one episode
  with its follow-ups in the alert's thread for 4 of them (new, bigger, still going, over: the billing data
  changes from round to round as an ingest would change it). Every round the bot is SIGKILLed once, at a random
  post of the round, and restarted; Slack answers `--fault-rate` of all calls with a fault (429 with
  Retry-After, 500, the answer lost after the post was made, the connection reset after the post).
- `outage`: Slack answers 500 to every call from 09:00 for 30 minutes; `--channels` daily summaries are due at
  09:00.
- `replicas`: two bot processes started at the same instant on a fresh PostgreSQL database, `--replica-rounds`
  rounds with faults, the leader SIGKILLed during one of them.
- `starts`: `--start-trials` times, two bot processes started at the same instant on an empty PostgreSQL
  database: how many crash starting (reported, not failed: APScheduler creates its job table outside Alembic).

Checks (from Slack's side: the messages people see): every (channel, period) key posted exactly once, every
follow-up in its alert's thread, every digest's files shared exactly once, nothing left unsent in app state;
a summary posted late says so. Exits 1 when any check fails.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.support.postgres import PostgresServer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: The first round's day; rounds are one day apart, at 09:00 UTC.
START = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
#: Fake minutes the clock advances per step, and the real seconds Slack must have been quiet before the next.
STEP = timedelta(minutes=1)
STEP_SECONDS = 0.2
#: ... but never waits longer than this for Slack to fall quiet.
QUIET_LIMIT = 10.0
#: A round is abandoned (and reported as not converged) after this much fake time.
ROUND_LIMIT = timedelta(hours=4)
FAULTS = ("429", "500", "lost", "reset")
#: Calls never faulted: Bolt's start-up identity check (a failure there stops the process, as in production).
UNFAULTED = frozenset({"auth.test"})
DIGEST_CHANNELS = 4
ANOMALY_CHANNELS = 4


# ------------------------------------------------------------------------------------------- the bot process


def serve(argv: Sequence[str]) -> int:
    """`bench/chaos.py serve`: one bot process (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="chaos.py serve")
    parser.add_argument("--store", required=True)
    parser.add_argument("--state", required=True)
    parser.add_argument("--api", required=True)
    parser.add_argument("--clock", required=True)
    parser.add_argument("--stop", required=True)
    parser.add_argument("--ttl", type=float, default=3.0)
    args = parser.parse_args(argv)

    import logging

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(process)d %(name)s %(levelname)s %(message)s")
    import jobs
    from bot.compose import build_app, build_services
    from bot.config import Settings
    from bot.scheduler import JobScheduler
    from bot.slack.http import SlackHttpServer
    from bot.state.leader import LeaderLease

    clock_file = Path(args.clock)

    def clock() -> datetime:
        return datetime.fromisoformat(clock_file.read_text().strip())

    settings = Settings(
        data_dir=Path(args.store).parent,
        store_url=f"duckdb://{args.store}",
        database_url=args.state,
        slack_bot_token="xoxb-chaos",
        slack_signing_secret="chaos-signing-secret",
        slack_api_url=args.api,
        http_port=0,
    )
    services = build_services(settings)
    services.clock = clock
    app = build_app(services)
    server = SlackHttpServer(
        app, "127.0.0.1", 0, health=lambda: {"ok": True}, signing_secret=settings.slack_signing_secret
    ).start()
    lease = LeaderLease(services.state, "scheduler", ttl=timedelta(seconds=args.ttl))
    scheduler = JobScheduler(services, app.client, manual=True, lease=lease)
    jobs.schedule_all(scheduler, services)
    scheduler.start()
    stop = threading.Event()

    def renew() -> None:  # as the production scheduler's renewal thread does
        while not stop.wait(args.ttl / 3):
            with suppress(Exception):
                lease.renew()

    threading.Thread(target=renew, daemon=True).start()
    print(f"PORT {server.port}", flush=True)
    stop_file = Path(args.stop)
    while not stop_file.exists():
        try:
            scheduler.run_pending()
        except Exception:
            logging.getLogger("chaos").exception("run_pending failed")
        time.sleep(0.1)
    stop.set()
    scheduler.shutdown()
    server.close()
    services.store.close()
    return 0


@dataclass
class Bot:
    """A running `serve` process."""

    name: str
    proc: subprocess.Popen[str]
    stop_file: Path
    log: Path
    port: int = 0

    def wait_ready(self, timeout: float = 120.0) -> bool:
        """Wait for its `PORT` line and a healthy /healthz; False when it exited first."""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        line = self.proc.stdout.readline()
        if not line.startswith("PORT "):
            self.proc.wait(timeout=30)
            return False
        self.port = int(line.split()[1])
        while time.monotonic() < deadline:
            with (
                suppress(OSError),
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=2) as answer,
            ):
                if answer.status == 200:
                    return True
            time.sleep(0.05)
        return False

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> int:
        self.stop_file.touch()
        try:
            return self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.kill()
            return -9


# ----------------------------------------------------------------------------------------------- the world


class World:
    """One phase's fake Slack (reading the phase's clock), clock file, bot processes and app state."""

    def __init__(self, work: Path, state_url: str) -> None:
        from tests.jobs.support import HistorySlack

        self.work = work
        self.state_url = state_url
        self.clock_file = work / "clock.txt"
        self.now = START
        self.starts = 0
        self.bots: list[Bot] = []
        self.slack = HistorySlack().start()
        self.slack.clock = self._timestamp
        self.slack.retry_after = 1  # the SDK waits it out in place (Slack did nothing on a 429)

    def _timestamp(self) -> float:
        return self.now.timestamp()

    def set_clock(self, moment: datetime) -> None:
        self.now = moment
        tmp = self.clock_file.with_suffix(".tmp")
        tmp.write_text(moment.isoformat())
        tmp.replace(self.clock_file)  # atomic: a bot never reads half a time

    def start_bot(self, store: Path, name: str = "bot") -> Bot:
        self.starts += 1
        log = self.work / f"{name}-{self.starts:03d}.log"
        stop_file = self.work / f"stop-{name}-{self.starts}"
        args = [
            sys.executable,
            str(Path(__file__).resolve()),
            "serve",
            "--store",
            str(store),
            "--state",
            self.state_url,
            "--api",
            self.slack.api_url,
            "--clock",
            str(self.clock_file),
            "--stop",
            str(stop_file),
        ]
        env = {**os.environ, "MPLCONFIGDIR": str(self.work / "mpl"), "PYTHONPATH": str(ROOT)}
        with open(log, "w") as err:
            proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=err, text=True, env=env)
        bot = Bot(name, proc, stop_file, log)
        self.bots.append(bot)
        return bot

    def step_until(self, done: Callable[[], bool], limit: datetime, on_tick: Callable[[], None] | None = None) -> bool:
        """Advance the clock a fake minute at a time until `done()` (checked each minute) or `limit`; `on_tick()`
        runs every few milliseconds meanwhile (the kill trigger).

        A minute passes once Slack has been quiet for STEP_SECONDS (at most QUIET_LIMIT): fake time never runs
        faster than the bot works, so a post is late only by the fake minutes of back-off, lapsed claims and
        outages, never because the machine was slow."""
        while self.now < limit:
            if done():
                return True
            self.set_clock(self.now + STEP)
            started = time.monotonic()
            while True:
                if on_tick is not None:
                    on_tick()
                now = time.monotonic()
                calls = self.slack.calls()
                quiet = now - max(started, calls[-1].at if calls else 0.0)
                if quiet >= STEP_SECONDS or now - started >= QUIET_LIMIT:
                    break
                time.sleep(0.005)
        return done()

    def close(self) -> None:
        for bot in self.bots:
            if bot.proc.poll() is None:
                bot.kill()
        self.slack.close()


def store_versions(work: Path) -> list[Path]:
    """The billing store as an ingest would leave it on four successive days: the anomaly episode (the web
    team's EC2 spike from 2026-11-24) is new, then bigger, still going, then over."""
    from tests.reports import billing_data as data
    from tests.store.sources import make_source

    template = work / "v0"
    data.load_store(template).close()
    versions = [template / "billing"]
    for n, (last, spike_until) in enumerate(
        (
            (date(2026, 11, 27), date(2026, 11, 27)),
            (date(2026, 11, 28), date(2026, 11, 28)),
            (date(2026, 11, 30), date(2026, 11, 28)),
        ),
        start=1,
    ):
        target = work / f"v{n}" / "billing"
        shutil.copytree(versions[0], target)
        rows = data.november(last, spike_until)
        from bot.store.registry import open_store

        store = open_store(f"duckdb://{target}")
        store.replace_period(make_source(target.parent, rows))
        store.close()
        versions.append(target)
    return versions


def channels(n: int) -> list[str]:
    return [f"C{i:02d}CHAOS" for i in range(n)]


def subscribe_all(state_url: str, count: int, *, digests: bool, anomalies: bool) -> None:
    """`count` daily subscriptions at 09:00 UTC (a few filter sets), weekly digests and anomaly subscriptions."""
    from bot.state.db import StateStore
    from bot.state.subscriptions import subscribe

    state = StateStore(state_url)
    state.migrate()
    created = START - timedelta(hours=12)  # after the previous day's 09:00: the first round is the first due
    filters = ("", "account=prod", "tag:team=web", "service=ec2")
    names = channels(count)
    for i, name in enumerate(names):
        subscribe(
            state,
            channel_id=name,
            kind="daily",
            filters=filters[i % len(filters)],
            at_time="09:00",
            timezone="UTC",
            created_by="U0CHAOS",
            now=created,
        )
    if digests:
        for name in names[-DIGEST_CHANNELS:]:
            subscribe(
                state,
                channel_id=name,
                kind="weekly",
                at_time="09:00",
                timezone="UTC",
                created_by="U0CHAOS",
                now=created,
            )
    if anomalies:
        for name in names[:ANOMALY_CHANNELS]:
            subscribe(state, channel_id=name, kind="anomalies", created_by="U0CHAOS", now=created)
    state.dispose()


def fault_plan(rate: float, rng: random.Random, counts: collections.Counter[str]) -> Callable[[str, Any], str | None]:
    lock = threading.Lock()

    def fault(method: str, args: Any) -> str | None:
        if method in UNFAULTED:
            return None
        with lock:
            if rng.random() >= rate:
                return None
            kind = rng.choice(FAULTS)
            if method == "upload" and kind in ("lost", "reset"):
                kind = "500"
            counts[kind] += 1
            return kind

    return fault


# ------------------------------------------------------------------------------------------------- checks


@dataclass
class Tally:
    """What Slack shows at the end of a phase, checked against app state."""

    posts: int = 0
    keys: int = 0
    duplicates: int = 0
    untagged: int = 0
    threaded: int = 0
    misthreaded: int = 0
    file_shares: int = 0
    files_missing: int = 0
    files_doubled: int = 0
    unsent: dict[str, int] = field(default_factory=dict)
    unrecorded: int = 0
    by_job: dict[str, int] = field(default_factory=dict)
    late_notes: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def tally(slack: Any, state_url: str) -> Tally:
    """Every (channel, period) key exactly once, threads and files included, nothing left unsent."""
    from sqlalchemy import select

    from bot.state.db import StateStore
    from bot.state.models import DeliveryRow

    t = Tally()
    posts = slack.posts()
    t.posts = len(posts)
    by_key: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
    for post in posts:
        key = ((post.get("metadata") or {}).get("event_payload") or {}).get("key")
        if key is None:
            t.untagged += 1
            continue
        by_key[key].append(post)
        t.late_notes += "Posted late" in post.get("text", "")
    t.keys = len(by_key)
    t.duplicates = sum(len(v) - 1 for v in by_key.values())
    state = StateStore(state_url)
    with state.session() as session:
        rows = [
            (r.key, r.job, r.channel_id, r.period, r.status, r.message_ts) for r in session.scalars(select(DeliveryRow))
        ]
    state.dispose()
    ts_of = {k: v[0]["ts"] for k, v in by_key.items()}
    new_alert_ts = {
        (post["channel"], post["ts"])
        for k, v in by_key.items()
        if k.startswith("anomaly_alerts|") and k.endswith(":new")
        for post in v
    }
    shares = slack.file_shares()
    t.file_shares = len(shares)
    share_ts = collections.Counter((s["channel"], s["ts"]) for s in shares)
    for key, job, channel, period, status, message_ts in rows:
        if status != "sent":
            t.unsent[status] = t.unsent.get(status, 0) + 1
            t.problems.append(f"{key}: {status}")
            continue
        t.by_job[job] = t.by_job.get(job, 0) + 1
        if period.endswith("/files"):
            if (channel, message_ts) not in share_ts:
                t.files_missing += 1
                t.problems.append(f"{key}: files recorded as {message_ts}, not shared in Slack")
            continue
        if message_ts is None:  # covered by another post (budgets): nothing of its own in Slack
            continue
        if key not in ts_of:
            t.unrecorded += 1
            t.problems.append(f"{key}: recorded as sent ({message_ts}) but no message carries it")
        elif ts_of[key] != message_ts:
            t.problems.append(f"{key}: recorded {message_ts}, posted {ts_of[key]}")
    t.files_doubled = sum(n - 1 for n in share_ts.values())
    for post in posts:
        if post.get("thread_ts"):
            t.threaded += 1
            if (post["channel"], post["thread_ts"]) not in new_alert_ts:
                t.misthreaded += 1
                t.problems.append(f"follow-up {post['ts']} in {post['channel']} not in its alert's thread")
    for key, v in by_key.items():
        if len(v) > 1:
            t.problems.append(f"{key}: posted {len(v)} times")
    if t.untagged:
        t.problems.append(f"{t.untagged} post(s) without a delivery key")
    if t.files_doubled:
        t.problems.append(f"{t.files_doubled} file share(s) doubled")
    for share in shares:
        if len(share["files"]) != 5:
            t.problems.append(f"file share {share['ts']} in {share['channel']} has {len(share['files'])} files, not 5")
    return t


def sent_counts(state_url: str) -> dict[str, int]:
    """Deliveries by status (for the convergence check)."""
    from sqlalchemy import func, select

    from bot.state.db import StateStore
    from bot.state.models import DeliveryRow

    state = StateStore(state_url)
    try:
        with state.session() as session:
            return {
                f"{job}:{status}": int(n)
                for job, status, n in session.execute(
                    select(DeliveryRow.job, DeliveryRow.status, func.count()).group_by(
                        DeliveryRow.job, DeliveryRow.status
                    )
                )
            }
    finally:
        state.dispose()


def expected_after(round_index: int, count: int) -> dict[str, int]:
    """Sent deliveries by job once round `round_index` (0-based) has converged."""
    days = [(START + timedelta(days=r)).date() for r in range(round_index + 1)]
    mondays = sum(1 for d in days if d.weekday() == 0)
    anomaly_posts = ANOMALY_CHANNELS * min(round_index + 1, 4)  # new, bigger, still going, over
    return {
        "daily_summary:sent": count * len(days),
        "weekly_digest:sent": 2 * DIGEST_CHANNELS * mondays,  # the summary and its files
        "anomaly_alerts:sent": anomaly_posts,
    }


def converged(state_url: str, expected: dict[str, int]) -> bool:
    """Nothing pending, failed or given up, and at least `expected` deliveries sent per job."""
    counts = sent_counts(state_url)
    if any(not k.endswith(":sent") for k in counts):
        return False
    return all(counts.get(k, 0) >= v for k, v in expected.items())


# ------------------------------------------------------------------------------------------------- phases


@dataclass
class PhaseResult:
    name: str
    rounds: int = 0
    kills: int = 0
    starts: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    calls: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    tally: Tally | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k != "tally"}
        if self.tally is not None:
            out["tally"] = {k: v for k, v in self.tally.__dict__.items() if k != "problems"}
            out["problems"] = self.tally.problems[:20]
        return out


class KillTrigger:
    """Runs `kill()` once, as soon as `after` chat.postMessage calls were made since the trigger was armed."""

    def __init__(self, slack: Any, after: int, kill: Callable[[], None], *, armed: bool = True) -> None:
        self.slack = slack
        self.after = after
        self.kill = kill
        self.baseline = len(slack.calls("chat.postMessage"))
        self.fired = not armed

    def __call__(self) -> None:
        if not self.fired and len(self.slack.calls("chat.postMessage")) - self.baseline >= self.after:
            self.fired = True
            self.kill()


def settle(world: World, trigger: KillTrigger, expected: dict[str, int], limit: datetime) -> bool:
    """Step the clock until the kill has happened and the round's deliveries are all sent (or `limit`)."""
    return world.step_until(lambda: trigger.fired and converged(world.state_url, expected), limit, trigger)


class Running:
    """The bot process currently serving one store (replaced on a kill)."""

    def __init__(self, world: World, store: Path, name: str, result: PhaseResult) -> None:
        self.world, self.store, self.name, self.result = world, store, name, result
        self.bot = world.start_bot(store, name)

    def ready(self) -> bool:
        if self.bot.wait_ready():
            return True
        self.result.notes.append(f"{self.name} did not start (see {self.bot.log.name})")
        return False

    def kill_and_restart(self) -> None:
        self.bot.kill()
        self.result.kills += 1
        self.bot = self.world.start_bot(self.store, self.name)
        self.ready()

    def stop(self) -> None:
        self.bot.stop()


def _drain(world: World, result: PhaseResult) -> None:
    """After the last round: let retries settle whatever is still pending (follow-ups, back-offs)."""
    if not world.step_until(lambda: converged(world.state_url, {}), world.now + ROUND_LIMIT):
        result.notes.append(f"did not settle after the last round: {sent_counts(world.state_url)}")


def _finish(world: World, result: PhaseResult, started: float, counts: collections.Counter[str]) -> None:
    world.slack.fault = None
    result.tally = tally(world.slack, world.state_url)
    result.calls = len(world.slack.calls())
    result.faults = dict(counts)
    result.starts = world.starts
    world.close()
    result.seconds = time.monotonic() - started


def phase_kills(work: Path, rounds: int, count: int, rate: float, seed: int) -> PhaseResult:
    """`rounds` daily rounds, each with one SIGKILL of the bot at a random post, faults at `rate`."""
    result = PhaseResult("kills")
    rng = random.Random(seed)
    versions = store_versions(work)
    world = World(work, f"sqlite:///{work / 'state.sqlite3'}")
    subscribe_all(world.state_url, count, digests=True, anomalies=True)
    counts: collections.Counter[str] = collections.Counter()
    started = time.monotonic()
    world.set_clock(START - timedelta(minutes=2))
    world.slack.fault = fault_plan(rate, rng, counts)
    running: Running | None = None
    try:
        for r in range(rounds):
            due = START + timedelta(days=r)
            world.set_clock(due - timedelta(minutes=2))
            store = versions[min(r, len(versions) - 1)]
            if running is None or running.store != store:  # new data, as after an ingest
                if running is not None:
                    running.stop()
                running = Running(world, store, "bot", result)
                if not running.ready():
                    break
            posts = count + (DIGEST_CHANNELS if due.weekday() == 0 else 0) + (ANOMALY_CHANNELS if r < 4 else 0)
            trigger = KillTrigger(world.slack, rng.randrange(posts), running.kill_and_restart)
            world.set_clock(due)
            ok = settle(world, trigger, expected_after(r, count), due + ROUND_LIMIT)
            result.rounds += 1
            minutes = int((world.now - due).total_seconds() // 60)
            print(
                f"round {r + 1}/{rounds} {due:%a %Y-%m-%d}: SIGKILL at post {trigger.after}, "
                f"{'settled' if ok else 'NOT settled'} at +{minutes} min",
                flush=True,
            )
            if not ok:
                result.notes.append(f"round {r} NOT settled within {ROUND_LIMIT}: {sent_counts(world.state_url)}")
        _drain(world, result)
    finally:
        if running is not None:
            running.stop()
        _finish(world, result, started, counts)
    return result


def phase_outage(work: Path, count: int) -> PhaseResult:
    """Slack answers 500 to everything for 30 minutes from the moment `count` daily summaries are due."""
    result = PhaseResult("outage")
    versions = store_versions(work)
    world = World(work, f"sqlite:///{work / 'state.sqlite3'}")
    subscribe_all(world.state_url, count, digests=False, anomalies=False)
    counts: collections.Counter[str] = collections.Counter()
    started = time.monotonic()
    world.set_clock(START - timedelta(minutes=2))

    def outage(method: str, args: Any) -> str | None:
        if method not in UNFAULTED and START <= world.now < START + timedelta(minutes=30):
            counts["500"] += 1
            return "500"
        return None

    world.slack.fault = outage
    bot = world.start_bot(versions[0])
    try:
        if not bot.wait_ready():
            result.notes.append(f"the bot did not start (see {bot.log.name})")
            return result
        world.set_clock(START)
        ok = world.step_until(lambda: converged(world.state_url, {"daily_summary:sent": count}), START + ROUND_LIMIT)
        result.rounds = 1
        if not ok:
            result.notes.append(f"NOT settled: {sent_counts(world.state_url)}")
        posted = sorted(int(p["ts"].split(".")[0]) - int(START.timestamp()) for p in world.slack.posts())
        if posted:
            result.notes.append(f"posted from +{posted[0] // 60} to +{posted[-1] // 60} min after the due time")
        late = sum("Posted late" in p.get("text", "") for p in world.slack.posts())
        result.notes.append(f"{late} of {len(posted)} say they are late")
    finally:
        bot.stop()
        _finish(world, result, started, counts)
    assert result.tally is not None
    if sum("Posted late" in p.get("text", "") for p in world.slack.posts()) != count:
        result.tally.problems.append(f"not every one of the {count} summaries says it is late")
    return result


def phase_replicas(
    work: Path, rounds: int, count: int, rate: float, seed: int, *, server: PostgresServer | None = None
) -> PhaseResult:
    """Two replicas started at the same instant on an empty PostgreSQL database; the leader killed once.

    `server`: a running PostgreSQL (tests pass theirs); else TEST_DATABASE_URL or a throwaway local cluster."""
    result = PhaseResult("replicas")
    own = server is None
    server = server or _postgres(result)
    if server is None:
        return result
    rng = random.Random(seed + 1)
    versions = store_versions(work)
    stores = []
    for name in ("a", "b"):  # DuckDB: one process per database file, so each replica reads its own copy
        target = work / f"replica-{name}" / "billing"
        shutil.copytree(versions[-1], target)
        stores.append(target)
    world = World(work, server.create_database("chaos"))
    counts: collections.Counter[str] = collections.Counter()
    started = time.monotonic()
    world.set_clock(START - timedelta(minutes=2))
    replicas: list[Running] = []
    try:
        # Both at the same instant on an empty database: both migrate, both create the job store.
        replicas = [Running(world, stores[0], "replica-a", result), Running(world, stores[1], "replica-b", result)]
        for i, ready in enumerate([r.bot.wait_ready() for r in replicas]):
            if not ready:
                tail = replicas[i].bot.log.read_text()[-400:].replace("\n", " | ")
                result.notes.append(f"{replicas[i].name} crashed starting at the same instant as the other: {tail}")
                replicas[i] = Running(world, stores[i], replicas[i].name, result)  # staggered: the other is up
                replicas[i].ready()
        subscribe_all(world.state_url, count, digests=True, anomalies=True)
        world.slack.fault = fault_plan(rate, rng, counts)

        def kill_leader() -> None:
            leader = next((r for r in replicas if _leads(r.bot)), replicas[0])
            result.notes.append(f"killed the leader {leader.name} mid-round")
            leader.kill_and_restart()

        for r in range(rounds):
            due = START + timedelta(days=r)
            world.set_clock(due)
            mondays = sum(1 for d in range(r + 1) if (START + timedelta(days=d)).weekday() == 0)
            expected = {"daily_summary:sent": count * (r + 1), "weekly_digest:sent": 2 * DIGEST_CHANNELS * mondays}
            trigger = KillTrigger(world.slack, count // 2, kill_leader, armed=r == rounds // 2)
            ok = settle(world, trigger, expected, due + ROUND_LIMIT)
            result.rounds += 1
            print(f"replicas round {r + 1}/{rounds}: {'settled' if ok else 'NOT settled'}", flush=True)
            if not ok:
                result.notes.append(f"round {r} NOT settled: {sent_counts(world.state_url)}")
        _drain(world, result)
    finally:
        for replica in replicas:
            replica.stop()
        _finish(world, result, started, counts)
        with suppress(Exception):
            server.drop_database(world.state_url)
        if own:
            server.stop()
    return result


def _postgres(result: PhaseResult) -> PostgresServer | None:
    """TEST_DATABASE_URL, or a throwaway local cluster; None (the phase noted as skipped) without either."""
    from sqlalchemy.engine import make_url

    from tests.support.postgres import PostgresServer, _bin_dir

    external = os.environ.get("TEST_DATABASE_URL")
    if external:
        return PostgresServer(make_url(external))
    bin_dir = _bin_dir()
    if bin_dir is None:
        result.notes.append("skipped: no PostgreSQL (tools/pg.sh, or TEST_DATABASE_URL)")
        return None
    return PostgresServer.start_local(bin_dir)


def phase_starts(work: Path, trials: int) -> PhaseResult:
    """`trials` times: two replicas started at the same instant on an empty PostgreSQL database; counts the
    replicas that crash starting (both migrate under an advisory lock; APScheduler creates its job table itself)."""
    result = PhaseResult("starts")
    server = _postgres(result)
    if server is None:
        return result
    store = store_versions(work)[0]
    copies = []
    for name in ("a", "b"):
        target = work / f"start-{name}" / "billing"
        shutil.copytree(store, target)
        copies.append(target)
    started = time.monotonic()
    crashed = 0
    try:
        for trial in range(trials):
            world = World(work, server.create_database("start"))
            world.set_clock(START)
            bots = [world.start_bot(copies[0], f"start{trial}-a"), world.start_bot(copies[1], f"start{trial}-b")]
            for bot in bots:
                if not bot.wait_ready():
                    crashed += 1
                    last = [line for line in bot.log.read_text().splitlines() if line.strip()][-1:]
                    result.notes.append(f"trial {trial + 1}: {bot.name} crashed starting: {' '.join(last)[:200]}")
            for bot in bots:
                bot.stop()
            world.close()
            server.drop_database(world.state_url)
            result.rounds += 1
            result.starts += 2
    finally:
        server.stop()
    result.kills = 0
    result.seconds = time.monotonic() - started
    result.notes.append(f"{crashed} of {2 * trials} replicas crashed starting at the same instant as another")
    return result


def _leads(bot: Bot) -> bool:
    """Whether `bot` leads now, by the last leadership line of its log (`bot.scheduler` logs every change)."""
    try:
        lines = bot.log.read_text().splitlines()
    except OSError:
        return False
    for line in reversed(lines):
        if "started (leader)" in line or "now leader" in line:
            return True
        if "started (standby)" in line or "lost leadership" in line:
            return False
    return False


# --------------------------------------------------------------------------------------------------- main


def _print(results: Sequence[PhaseResult]) -> None:
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else ["?"]
    print(f"\nload average {' '.join(load)}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(
        "| phase | rounds | kills | bot starts | faults injected | Slack calls | keys | posts | duplicates | "
        "follow-ups in thread | file shares | unsent | late notes | wall |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        t = r.tally or Tally()
        faults = ", ".join(f"{k} {v}" for k, v in sorted(r.faults.items())) or "0"
        print(
            f"| {r.name} | {r.rounds} | {r.kills} | {r.starts} | {faults} | {r.calls} | {t.keys} | {t.posts} | "
            f"{t.duplicates} | {t.threaded - t.misthreaded}/{t.threaded} | {t.file_shares} | "
            f"{sum(t.unsent.values())} | {t.late_notes} | {r.seconds:.0f} s |"
        )
    for r in results:
        for note in r.notes:
            print(f"- {r.name}: {note}")
        if r.tally is not None:
            print(f"- {r.name}: sent by job {r.tally.by_job}")
            for problem in r.tally.problems[:20]:
                print(f"- {r.name}: PROBLEM {problem}")


def main(argv: Sequence[str]) -> int:
    if argv[:1] == ["serve"]:
        return serve(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--phases", default="kills,outage,replicas,starts")
    parser.add_argument("--rounds", type=int, default=20, help="kills phase: rounds (one SIGKILL each)")
    parser.add_argument("--channels", type=int, default=20)
    parser.add_argument("--fault-rate", type=float, default=0.15)
    parser.add_argument("--replica-rounds", type=int, default=4)
    parser.add_argument("--start-trials", type=int, default=8, help="starts phase: simultaneous starts of two")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs of every bot process)")
    args = parser.parse_args(argv)
    results: list[PhaseResult] = []
    base = Path(tempfile.mkdtemp(prefix="trackit-chaos-"))
    try:
        for phase in args.phases.split(","):
            work = base / phase
            work.mkdir()
            if phase == "kills":
                results.append(phase_kills(work, args.rounds, args.channels, args.fault_rate, args.seed))
            elif phase == "outage":
                results.append(phase_outage(work, args.channels))
            elif phase == "starts":
                results.append(phase_starts(work, args.start_trials))
            elif phase == "replicas":
                results.append(phase_replicas(work, args.replica_rounds, args.channels, args.fault_rate, args.seed))
            else:
                parser.error(f"unknown phase {phase!r}")
        _print(results)
        if args.json:
            Path(args.json).write_text(json.dumps([r.as_dict() for r in results], indent=2, default=str))
    finally:
        if args.keep:
            print(f"work folder kept: {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    return 0 if all(passed(r) for r in results) else 1


def passed(result: PhaseResult) -> bool:
    """Every check held: nothing doubled, missing, misthreaded or unsent; every round settled."""
    if result.name == "starts" or any(n.startswith("skipped") for n in result.notes):
        return True  # the starts phase reports what it saw (the job-table race belongs to start-up)
    settled = not any("NOT settled" in n or "did not" in n for n in result.notes)
    return result.tally is not None and result.tally.ok and settled


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
