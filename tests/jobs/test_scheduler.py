"""A frozen clock drives the real scheduler (APScheduler, SQLite job store, leader lease) through days and months:
posts at exact times, a catch-up of the missed days after an outage, no duplicates across a restart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from slack_sdk import WebClient

import jobs
from bot.billing.store import BillingStore
from bot.delivery import ChannelPacer
from bot.scheduler import JobScheduler, latest_occurrence
from bot.services import Services
from bot.state.db import StateStore
from bot.state.subscriptions import subscribe
from tests.jobs.support import FrozenClock, HistorySlack, make_services

START = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.fixture
def env(
    tmp_path: Path, billing: BillingStore, slack: HistorySlack, client: WebClient
) -> Iterator[tuple[Services, FrozenClock]]:
    clock = FrozenClock(START)
    slack.clock = lambda: clock().timestamp()
    services = make_services(tmp_path, billing, clock)
    # Paris is UTC+1 in November and December: 09:00 there is 08:00 UTC.
    subscribe(
        services.state,
        channel_id="C0WEB",
        kind="daily",
        at_time="09:00",
        timezone="Europe/Paris",
        created_by="U1",
        now=START,
    )
    subscribe(
        services.state,
        channel_id="C0DATA",
        kind="daily",
        filters="tag:team=data",
        at_time="17:30",
        timezone="UTC",
        created_by="U1",
        now=START,
    )
    yield services, clock
    services.state.dispose()


def _scheduler(services: Services, client: WebClient) -> JobScheduler:
    # No pacing: real seconds do not pass between the frozen days (the pacer has its own test).
    scheduler = JobScheduler(services, client, manual=True, pacer=ChannelPacer(0))
    jobs.schedule_all(scheduler, services)
    scheduler.start()
    return scheduler


def _posted_at(slack: HistorySlack) -> list[tuple[str, str, str]]:
    """(channel, UTC time of the post, reported day) of every post, in order."""
    out = []
    for p in slack.posts():
        at = datetime.fromtimestamp(int(p["ts"].split(".")[0]), UTC)
        day = p["metadata"]["event_payload"]["key"].split("|")[2].split("/")[0]
        out.append((p["channel"], f"{at:%Y-%m-%d %H:%M}", day))
    return out


def _walk(scheduler: JobScheduler, clock: FrozenClock, moments: list[datetime]) -> None:
    for moment in moments:
        clock.set(moment)
        assert scheduler.run_pending()


def _day_moments(day: datetime) -> list[datetime]:
    return [day.replace(hour=h, minute=m) for h, m in ((7, 59), (8, 0), (8, 1), (12, 0), (17, 29), (17, 30), (23, 0))]


def test_posts_at_exact_times_through_days_and_a_month_end(
    env: tuple[Services, FrozenClock], client: WebClient, slack: HistorySlack
) -> None:
    services, clock = env
    scheduler = _scheduler(services, client)
    days = [datetime(2026, 11, 22, tzinfo=UTC) + timedelta(days=i) for i in range(11)]  # through 2026-12-02
    _walk(scheduler, clock, [m for d in days for m in _day_moments(d) if m > START])
    # Subscribed at 12:00 on the 22nd: C0WEB's first post is the next morning, C0DATA's the same evening.
    expected = [("C0DATA", "2026-11-22 17:30", "2026-11-21")]
    for d in days[1:]:
        reported = f"{d - timedelta(days=1):%Y-%m-%d}"
        expected.append(("C0WEB", f"{d:%Y-%m-%d} 08:00", reported))
        expected.append(("C0DATA", f"{d:%Y-%m-%d} 17:30", reported))
    assert _posted_at(slack) == expected
    scheduler.shutdown()


def test_catch_up_after_an_outage_posts_each_missed_day_still_worth_it_once(
    env: tuple[Services, FrozenClock], client: WebClient, slack: HistorySlack, tmp_path: Path
) -> None:
    services, clock = env
    scheduler = _scheduler(services, client)
    moments = _day_moments(datetime(2026, 11, 22, tzinfo=UTC)) + _day_moments(datetime(2026, 11, 23, tzinfo=UTC))
    _walk(scheduler, clock, [m for m in moments if m > START])
    scheduler.shutdown()  # the bot is down from 2026-11-23 23:00 ...
    assert len(slack.posts()) == 3

    clock.set(datetime(2026, 11, 27, 10, 15, tzinfo=UTC))  # ... until 2026-11-27 10:15 (4 days, 7 missed posts)
    restarted_state = StateStore(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    restarted = Services(services.settings, services.store, restarted_state, services.vocabulary, clock)
    second = _scheduler(restarted, client)
    assert second.run_pending()
    # One coalesced run catches up every missed day still worth posting (due within the last two days), oldest
    # first, each once and saying it is late; the older ones (C0WEB's 24th, C0DATA's 23rd) are left out.
    caught_up = [
        ("C0DATA", "2026-11-27 10:15", "2026-11-24"),
        ("C0DATA", "2026-11-27 10:15", "2026-11-25"),
        ("C0WEB", "2026-11-27 10:15", "2026-11-25"),
        ("C0WEB", "2026-11-27 10:15", "2026-11-26"),
    ]
    assert _posted_at(slack)[3:] == caught_up
    notes = [p["blocks"][-1]["elements"][0]["text"] for p in slack.posts()[3:]]
    assert notes == [
        ":hourglass_flowing_sand: Posted late: due Wed Nov 25, 17:30 UTC, 1 day 16 h ago. "
        "The bot was not running when it was due.",
        ":hourglass_flowing_sand: Posted late: due Thu Nov 26, 17:30 UTC, 16 h 45 min ago. "
        "The bot was not running when it was due.",
        ":hourglass_flowing_sand: Posted late: due Thu Nov 26, 09:00 CET, 1 day 2 h ago. "
        "The bot was not running when it was due.",
        ":hourglass_flowing_sand: Posted late: due Fri Nov 27, 09:00 CET, 2 h 15 min ago. "
        "The bot was not running when it was due.",
    ]
    _walk(second, clock, [datetime(2026, 11, 27, 10, 16, tzinfo=UTC), datetime(2026, 11, 27, 17, 30, tzinfo=UTC)])
    second.shutdown()

    # A restart within the same minute posts nothing twice.
    third = _scheduler(restarted, client)
    assert third.run_pending()
    third.shutdown()
    assert _posted_at(slack)[3:] == [*caught_up, ("C0DATA", "2026-11-27 17:30", "2026-11-26")]
    assert "Posted late" not in slack.posts()[-1]["text"]  # on time again
    restarted_state.dispose()


def test_a_job_misses_while_down_is_coalesced_into_one_run(
    env: tuple[Services, FrozenClock], client: WebClient
) -> None:
    """APScheduler level: 3 days of missed once-a-minute runs become one run (coalesce, unlimited grace)."""
    services, clock = env
    runs: list[datetime] = []
    scheduler = JobScheduler(services, client, manual=True)
    scheduler.add_job("probe", lambda ctx: runs.append(ctx.now()), jobs.DUE_CHECK)
    scheduler.start()
    clock.set(START + timedelta(minutes=1))
    scheduler.run_pending()
    clock.set(START + timedelta(days=3, seconds=30))
    scheduler.run_pending()
    scheduler.run_pending()
    assert runs == [START + timedelta(minutes=1), START + timedelta(days=3, seconds=30)]
    scheduler.shutdown()


def test_a_standby_replica_runs_nothing(
    env: tuple[Services, FrozenClock], client: WebClient, slack: HistorySlack
) -> None:
    services, clock = env
    leader = _scheduler(services, client)
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    standby = JobScheduler(services, client, manual=True, name="standby")
    jobs.schedule_all(standby, services)
    standby.start()
    assert not standby.run_pending()
    assert slack.posts() == []
    assert leader.run_pending()
    assert [p["channel"] for p in slack.posts()] == ["C0DATA", "C0WEB"]  # C0DATA: its 22nd 17:30 catch-up
    standby.shutdown()
    leader.shutdown()


def test_latest_occurrence_in_local_time_across_dst() -> None:
    # 2026-10-25: Paris leaves summer time at 03:00 (UTC+2 -> UTC+1).
    before = latest_occurrence(datetime(2026, 10, 24, 12, tzinfo=UTC), "09:00", "Europe/Paris")
    after = latest_occurrence(datetime(2026, 10, 26, 12, tzinfo=UTC), "09:00", "Europe/Paris")
    assert (before, after) == (datetime(2026, 10, 24, 7, tzinfo=UTC), datetime(2026, 10, 26, 8, tzinfo=UTC))
    assert latest_occurrence(datetime(2026, 10, 26, 7, 59, tzinfo=UTC), "09:00", "Europe/Paris") == datetime(
        2026, 10, 25, 8, tzinfo=UTC
    )


def test_background_scheduler_runs_a_triggered_job_in_its_pool_and_stops(
    tmp_path: Path, billing: BillingStore, client: WebClient
) -> None:
    """The production mode: APScheduler's own thread, the job pool and the lease-renewal thread (real time)."""
    import threading

    from apscheduler.triggers.cron import CronTrigger

    services = make_services(tmp_path, billing, lambda: datetime.now(UTC))
    ran = threading.Event()
    threads: list[str] = []

    def job(ctx: object) -> None:
        threads.append(threading.current_thread().name)
        ran.set()

    scheduler = JobScheduler(services, client)
    scheduler.add_job("probe", job, CronTrigger(year="2099", timezone="UTC"))  # never on its own
    assert scheduler.start()
    assert scheduler.context.run_now("probe")
    assert ran.wait(10)
    assert threads[0].startswith("job")
    assert not scheduler.context.run_now("no-such-job")
    scheduler.shutdown()
    assert not scheduler.is_leader
    services.state.dispose()


def test_jobs_nothing_registers_any_more_are_removed_at_start(
    env: tuple[Services, FrozenClock], client: WebClient
) -> None:
    services, _ = env
    old = JobScheduler(services, client, manual=True)
    old.add_job("retired", lambda ctx: None, jobs.DUE_CHECK)
    old.add_job(daily_summary_id := "daily_summary", lambda ctx: None, jobs.DUE_CHECK)
    old.start()
    old.shutdown()
    new = _scheduler(services, client)
    ids = {job.id for job in new.aps.get_jobs()}
    assert "retired" not in ids and daily_summary_id in ids
    new.shutdown()


def test_each_scheduler_reads_the_clock_it_is_given(tmp_path: Path, billing: BillingStore, client: WebClient) -> None:
    """Time is injected, not patched into APScheduler: two schedulers of one process with different clocks each run
    a job when their own clock says it is due (first run times, due jobs and interval triggers alike)."""
    from apscheduler.triggers.cron import CronTrigger

    ran: list[str] = []
    clocks = {
        "early": FrozenClock(datetime(2026, 11, 22, 7, 59, tzinfo=UTC)),
        "late": FrozenClock(datetime(2026, 11, 22, 8, 1, tzinfo=UTC)),
    }
    schedulers: dict[str, JobScheduler] = {}
    for name, clock in clocks.items():
        (tmp_path / name).mkdir()
        services = make_services(tmp_path / name, billing, clock)
        scheduler = JobScheduler(services, client, manual=True, pacer=ChannelPacer(0), name=name)
        scheduler.add_job("at-8", lambda ctx, name=name: ran.append(f"{name} 08:00"), CronTrigger(hour=8, minute=0))
        scheduler.add_job("every-30", lambda ctx, name=name: ran.append(f"{name} +30"), scheduler.every(minutes=30))
        scheduler.start()
        schedulers[name] = scheduler

    def step(name: str, moment: datetime) -> None:
        clocks[name].set(moment)
        assert schedulers[name].run_pending()

    step("early", datetime(2026, 11, 22, 7, 59, 30, tzinfo=UTC))
    step("late", datetime(2026, 11, 22, 8, 2, tzinfo=UTC))
    assert ran == []  # early: not 08:00 yet; late: started after 08:00, so its next is tomorrow
    step("early", datetime(2026, 11, 22, 8, 0, tzinfo=UTC))
    step("late", datetime(2026, 11, 22, 8, 31, tzinfo=UTC))
    assert ran == ["early 08:00", "late +30"]
    step("late", datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    # A day of missed half-hours is caught up once (coalesced), before the later 08:00 run.
    assert ran == ["early 08:00", "late +30", "late +30", "late 08:00"]
    for scheduler in schedulers.values():
        scheduler.shutdown()
        scheduler.services.state.dispose()
