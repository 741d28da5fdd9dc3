"""The missing-delivery alert over days of a frozen clock: a source learns its rhythm from its own deliveries,
a silence clearly longer than usual is told to the ops channel once (with the cause and the fix), its end once,
a refused re-delivery is an incident of its own, and `/trackit status` shows the same."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from slack_sdk import WebClient

import jobs
from bot.billing.store import BillingStore
from bot.delivery import ChannelPacer
from bot.errors import IngestError
from bot.ingest.pipeline import IngestReport, PeriodResult
from bot.scheduler import JobScheduler
from bot.slack.listeners import SlashRequest
from bot.state.access import grant
from commands import trackit
from jobs import ingest
from tests.jobs.support import FrozenClock, HistorySlack, make_services
from tests.support.fake_slack import blocks_text

URI = "s3://billing/trackit/trackit-cur2"
START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


class Exports:
    """A CUR 2.0 export that delivers the current month three times a day (07:10, 15:05, 23:20), until stopped."""

    times = ((7, 10), (15, 5), (23, 20))

    def __init__(self, clock: FrozenClock) -> None:
        self.clock = clock
        self.stopped_at: datetime | None = None
        self.refuse = ""

    def deliveries(self) -> list[datetime]:
        out = []
        day = START.date()
        while day <= self.clock().date():
            for h, m in self.times:
                at = datetime(day.year, day.month, day.day, h, m, tzinfo=UTC)
                if at <= self.clock() and (self.stopped_at is None or at < self.stopped_at):
                    out.append(at)
            day += timedelta(days=1)
        return out

    def __call__(self, uri: str) -> IngestReport:
        if self.refuse:
            raise IngestError(self.refuse, hint="Check the export's settings; the period's live data is kept.")
        last = self.deliveries()[-1]
        period = PeriodResult(
            date(last.year, last.month, 1), f"exec-{last:%Y%m%d%H%M}", "cur2", "loaded", 10, "1.00", delivered_at=last
        )
        return IngestReport(uri, (period,), 0.1)


def _every_half_hour(scheduler: JobScheduler, clock: FrozenClock, exports: Exports, until: datetime) -> None:
    while clock() < until:
        clock.advance(timedelta(minutes=30))
        ingest.run(scheduler.context, exports)


def test_a_silent_source_is_told_once_with_cause_and_fix_and_its_recovery_once(
    tmp_path: Path, billing: BillingStore, client: WebClient, slack: HistorySlack
) -> None:
    clock = FrozenClock(START)
    services = make_services(tmp_path, billing, clock, sources=(URI,), ops_channel="C0OPS", admins=("U0ADMIN",))
    scheduler = JobScheduler(services, client, manual=True, pacer=ChannelPacer(0))
    jobs.schedule_all(scheduler, services)
    scheduler.start()
    exports = Exports(clock)

    # Ten days of deliveries three times a day, the job polling every 30 minutes: never an alert.
    _every_half_hour(scheduler, clock, exports, START + timedelta(days=10))
    assert slack.posts() == []

    # The export stops after its 07:10 delivery on day 11. The usual gap is about 8 h: a silence of twice that
    # is clearly late, so the alert comes about 16 h later (not after a fixed day or two), once.
    exports.stopped_at = datetime(2026, 11, 11, 8, 0, tzinfo=UTC)
    _every_half_hour(scheduler, clock, exports, datetime(2026, 11, 13, 9, 0, tzinfo=UTC))
    (alert,) = slack.posts("C0OPS")
    assert alert["text"] == (
        f"Billing deliveries late: {URI}: no new delivery in {URI} for 16 h 20 min (usually every 7 h 55 min; "
        "late after 15 h 50 min)"
    )
    body = blocks_text(alert["blocks"])
    assert "*Fix*: The bot reads the source fine but nothing new arrives" in body
    assert "since 2026-11-11 07:10 UTC" in body
    request = SlashRequest("/trackit", "status", "U0ADMIN", "C0OPS", "")
    status = trackit.answer(services, trackit.prepare(services, request))
    text = blocks_text(list(status.blocks))
    assert f":red_circle: `{URI}`: overdue, last delivery 2 d 1 h ago; usually every 7 h 55 min" in text
    assert "*Cause*: no new delivery in" in text
    grant(services.state, "user", "U0SOMEONE", accounts=("111111111111",), granted_by="U0ADMIN")
    someone = SlashRequest("/trackit", "status", "U0SOMEONE", "C0X", "")
    restricted = blocks_text(list(trackit.answer(services, trackit.prepare(services, someone)).blocks))
    assert "*Billing sources*: 0 healthy, 1 with a problem (an admin sees which)" in restricted
    assert URI not in restricted

    # Deliveries resume: the recovery is told once, and nothing more while it stays healthy.
    exports.stopped_at = None
    _every_half_hour(scheduler, clock, exports, datetime(2026, 11, 14, 12, 0, tzinfo=UTC))
    assert [p["text"] for p in slack.posts("C0OPS")][1:] == [
        f"Recovered: {URI} delivers again (newest delivery 2026-11-13 07:10 UTC)."
    ]

    # A re-delivery the ingest refuses: an incident of its own, told once, recovered once.
    exports.refuse = "2026-11: the new delivery has 40% fewer rows than the live one; refused"
    _every_half_hour(scheduler, clock, exports, datetime(2026, 11, 14, 14, 0, tzinfo=UTC))
    exports.refuse = ""
    _every_half_hour(scheduler, clock, exports, datetime(2026, 11, 14, 15, 0, tzinfo=UTC))
    texts = [p["text"] for p in slack.posts("C0OPS")][2:]
    assert texts == [
        f"Billing ingestion failing: {URI}: 2026-11: the new delivery has 40% fewer rows than the live one; refused",
        f"Recovered: {URI} ingests again (last run ok at 2026-11-14 14:30 UTC).",
    ]
    assert "*Fix*: Check the export's settings" in blocks_text(slack.posts("C0OPS")[2]["blocks"])
    scheduler.shutdown()
    services.state.dispose()
