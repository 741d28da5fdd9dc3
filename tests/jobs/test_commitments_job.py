"""Commitment expiry alerts through the real scheduler with a frozen clock: 30 and 7 days before the end, once
each per commitment and channel, at the subscription's local time; a commitment first seen late gets only the
most urgent alert; channel filters by account."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from slack_sdk import WebClient

import jobs
from bot.billing.commitments import CommitmentUse, Expiry
from bot.billing.inventory import Inventory
from bot.billing.store import BillingStore
from bot.delivery import ChannelPacer
from bot.scheduler import JobScheduler
from bot.services import Services
from bot.state.inventory import save_snapshot
from bot.state.subscriptions import subscribe
from jobs import commitments
from tests.jobs.support import FrozenClock, HistorySlack, make_services

PROD, DEV = "111111111111", "222222222222"
RI = f"arn:aws:ec2:us-east-1:{PROD}:reserved-instances/ri-1"
SP = f"arn:aws:savingsplans::{DEV}:savingsplan/sp-9"


@pytest.fixture
def env(tmp_path: Path, billing: BillingStore) -> Iterator[tuple[Services, FrozenClock]]:
    clock = FrozenClock(datetime(2026, 12, 1, 8, tzinfo=UTC))
    services = make_services(tmp_path, billing, clock)
    inventory = Inventory((), collected_at=datetime(2026, 12, 1, 5, tzinfo=UTC))
    save_snapshot(
        services.state, date(2026, 12, 1), inventory, commitment_ends={RI: date(2027, 1, 31), SP: date(2027, 1, 5)}
    )
    created = datetime(2026, 12, 1, tzinfo=UTC)
    subscribe(services.state, channel_id="C0FIN", kind="commitments", created_by="U1", now=created)
    subscribe(
        services.state,
        channel_id="C0DEV",
        kind="commitments",
        filters="account=dev",
        at_time="09:00",
        timezone="Europe/Paris",
        created_by="U1",
        now=created,
    )
    yield services, clock
    services.state.dispose()


def _texts(slack: HistorySlack, start: int = 0) -> list[tuple[str, str]]:
    return [(p["channel"], p["text"]) for p in slack.posts()[start:]]


def test_alerts_30_and_7_days_before_once_each(
    env: tuple[Services, FrozenClock], client: WebClient, slack: HistorySlack
) -> None:
    services, clock = env
    scheduler = JobScheduler(services, client, manual=True, pacer=ChannelPacer(0))
    jobs.schedule_all(scheduler, services)
    scheduler.start()
    assert "commitments" in scheduler.job_ids

    clock.set(datetime(2027, 1, 1, 8, 59, tzinfo=UTC))  # 31 days before the RI ends; SP: 5 days, Paris is 09:59
    scheduler.run_job(commitments.JOB_ID)
    # The plan is first seen inside 7 days: only the 7-day alert (the 30-day one is covered by it). C0FIN's
    # 09:00 UTC has not come yet, so its day is still Dec 31 (5 days left); C0DEV's (Paris) is Jan 1.
    sp_alert = "Savings Plan sp-9 expires in {} days (2027-01-05): Savings Plan of dev (222222222222)"
    assert sorted(_texts(slack)) == [("C0DEV", sp_alert.format(4)), ("C0FIN", sp_alert.format(5))]

    clock.set(datetime(2027, 1, 1, 9, 0, tzinfo=UTC))  # 30 days before the RI's end, at C0FIN's time
    scheduler.run_job(commitments.JOB_ID)
    scheduler.run_job(commitments.JOB_ID)  # again: nothing new
    ri_30 = "Reserved Instance ri-1 expires in 30 days (2027-01-31): Reserved Instance of prod (111111111111)"
    assert _texts(slack, 2) == [("C0FIN", ri_30)]
    blocks = slack.posts()[2]["blocks"]
    assert blocks[1]["text"]["text"].startswith(
        ":hourglass_flowing_sand: *Reserved Instance* `ri-1` of prod (111111111111) ends on *2027-01-31* "
        f"(30 days left).\n*ARN*: `{RI}`"
    )
    assert blocks[2]["elements"][0]["text"].startswith("30-day notice")

    for day in (2, 10, 23):  # 29 .. 8 days left: nothing
        clock.set(datetime(2027, 1, day, 12, tzinfo=UTC))
        scheduler.run_job(commitments.JOB_ID)
    assert len(slack.posts()) == 3

    clock.set(datetime(2027, 1, 24, 9, 30, tzinfo=UTC))  # 7 days left
    scheduler.run_job(commitments.JOB_ID)
    clock.set(datetime(2027, 1, 25, 9, 30, tzinfo=UTC))
    scheduler.run_job(commitments.JOB_ID)
    ri_7 = "Reserved Instance ri-1 expires in 7 days (2027-01-31): Reserved Instance of prod (111111111111)"
    assert _texts(slack, 3) == [("C0FIN", ri_7)]
    assert slack.posts()[3]["blocks"][1]["text"]["text"].startswith(":rotating_light:")
    # Every alert carries its delivery key (exactly-once across restarts and replicas).
    keys = [p["metadata"]["event_payload"]["key"] for p in slack.posts()]
    assert len(set(keys)) == 4 and all(k.startswith("commitments|") for k in keys)
    scheduler.shutdown()


def test_render_with_last_months_use() -> None:
    use = CommitmentUse(date(2026, 12, 1), "RI", RI, "Amazon Elastic Compute Cloud", PROD, "m5", 90.0, 10.0)
    msg = commitments.render_expiry_alert(Expiry("RI", RI, date(2027, 1, 31), 0), 7, use=use)
    assert msg.text == "Reserved Instance ri-1 expires today (2027-01-31): Reserved Instance of 111111111111"
    assert "*December 2026*: 90.0% used, $10.00 unused · m5" in msg.blocks[1]["text"]["text"]
    assert commitments.pending_thresholds(31) == () and commitments.pending_thresholds(5) == (30, 7)
