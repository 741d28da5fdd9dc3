"""Slack outages at the scheduled time, driven by a frozen clock through the real scheduler (APScheduler, SQLite
job store, leader lease) against the fake Slack answering 500 to every call: nothing lost, nothing doubled, and
a summary posted late says so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from slack_sdk import WebClient

import jobs
from bot.billing.store import BillingStore
from bot.delivery import ChannelPacer
from bot.scheduler import JobScheduler
from bot.services import Services
from bot.slack.client import make_client
from bot.state.deliveries import get_delivery
from bot.state.subscriptions import list_subscriptions, subscribe
from jobs.daily_summary import delivery_key
from tests.jobs.support import FrozenClock, HistorySlack, make_services

CREATED = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
DUE = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)  # 09:00 UTC: every subscription below is due


@pytest.fixture
def env(tmp_path: Path, billing: BillingStore, slack: HistorySlack) -> Iterator[tuple[Services, FrozenClock]]:
    clock = FrozenClock(CREATED)
    slack.clock = lambda: clock().timestamp()
    services = make_services(tmp_path, billing, clock)
    yield services, clock
    services.state.dispose()


def _subscribe(services: Services, channels: int) -> list[str]:
    names = [f"C{i:03d}" for i in range(channels)]
    for name in names:
        subscribe(
            services.state, channel_id=name, kind="daily", at_time="09:00", timezone="UTC", created_by="U1", now=CREATED
        )
    return names


def _through_an_outage(
    services: Services, clock: FrozenClock, slack: HistorySlack, outage: timedelta, until: timedelta
) -> None:
    """Slack answers 500 to every call from DUE for `outage`; the scheduler runs every minute until DUE + until."""
    slack.fault = lambda method, args: "500" if DUE <= clock() < DUE + outage else None
    client: WebClient = make_client("xoxb-test", base_url=slack.api_url)  # production retries (none re-post)
    scheduler = JobScheduler(services, client, manual=True, pacer=ChannelPacer(0))
    jobs.schedule_all(scheduler, services)
    scheduler.start()
    try:
        minute = DUE
        while minute <= DUE + until:
            clock.set(minute)
            assert scheduler.run_pending()
            minute += timedelta(minutes=1)
    finally:
        scheduler.shutdown()


def test_six_minutes_of_500_at_the_scheduled_time_delay_every_summary_but_lose_none(
    env: tuple[Services, FrozenClock], slack: HistorySlack
) -> None:
    services, clock = env
    channels = _subscribe(services, 40)
    _through_an_outage(services, clock, slack, timedelta(minutes=6), timedelta(minutes=25))
    assert sorted(p["channel"] for p in slack.posts()) == channels  # each exactly once
    refused = [c for c in slack.calls("chat.postMessage") if c.fault]
    assert len(refused) >= 40  # every first attempt met the outage
    for sub in list_subscriptions(services.state):
        record = get_delivery(services.state, delivery_key(sub, DUE.date() - timedelta(days=1)))
        assert record is not None and record.status == "sent"
    # Back-off 1, 2, 4 minutes (x 0.5-1): all were posted within minutes of Slack's recovery, not late enough to
    # carry the late note (15 minutes).
    assert not any("Posted late" in p["text"] for p in slack.posts())


def test_a_30_minute_outage_posts_each_summary_once_saying_it_is_late(
    env: tuple[Services, FrozenClock], slack: HistorySlack
) -> None:
    services, clock = env
    channels = _subscribe(services, 5)
    _through_an_outage(services, clock, slack, timedelta(minutes=30), timedelta(minutes=60))
    posts = slack.posts()
    assert sorted(p["channel"] for p in posts) == channels
    for post in posts:
        posted_at = datetime.fromtimestamp(int(post["ts"].split(".")[0]), UTC)
        assert DUE + timedelta(minutes=30) <= posted_at <= DUE + timedelta(minutes=46)
        late = int((posted_at - DUE).total_seconds() // 60)
        note = (
            f":hourglass_flowing_sand: Posted late: due Fri Nov 27, 09:00 UTC, {late} min ago. "
            "An earlier attempt failed (`internal_error`)."
        )
        assert post["blocks"][-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": note}]}
        assert post["text"].endswith(note)
        assert post["text"].startswith("Daily spend Thu 2026-11-26 · all accounts:")
