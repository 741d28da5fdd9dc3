"""Weekly and monthly digests: periods, exact numbers from the raw rows, snapshots of the message and of the
chart data (not pixels), and delivery through the fake Slack Web API: one summary with its files, once."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.billing.model import TimeRange
from bot.billing.store import BillingStore
from bot.delivery import ChannelPacer, Deliverer
from bot.scheduler import JobContext
from bot.services import Services
from bot.state.subscriptions import subscribe
from jobs.digests import build_digest, due_period, report_period, run_kind
from tests.jobs.support import FrozenClock, HistorySlack, make_services
from tests.reports import billing_data as data
from tests.reports.snapshot import assert_snapshot
from tests.reports.xlsx_reader import read_xlsx

OCTOBER = TimeRange(date(2026, 10, 1), date(2026, 11, 1), "last month")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BillingStore]:
    s = data.load_store(tmp_path_factory.mktemp("digests"))
    try:
        yield s
    finally:
        s.close()


def _sum(start: str, end: str, **where: object) -> Decimal:
    return data.expected(data.ROWS, charge_period_start=data.days(start, end), **where)


@pytest.mark.parametrize(
    ("kind", "day", "start", "end"),
    [
        ("weekly", date(2026, 11, 23), date(2026, 11, 16), date(2026, 11, 23)),  # a Monday: the week before
        ("weekly", date(2026, 11, 22), date(2026, 11, 9), date(2026, 11, 16)),  # a Sunday: its week is not over
        ("monthly", date(2026, 11, 1), date(2026, 10, 1), date(2026, 11, 1)),
        ("monthly", date(2026, 1, 15), date(2025, 12, 1), date(2026, 1, 1)),  # across the year
    ],
)
def test_report_period(kind: Any, day: date, start: date, end: date) -> None:
    period = report_period(kind, day)
    assert (period.start, period.end) == (start, end)


def test_monthly_digest_numbers_message_and_chart_data(store: BillingStore) -> None:
    digest = build_digest(store, "monthly", OCTOBER)
    d = digest.data
    assert Decimal(repr(d.total)).quantize(Decimal("0.01")) == _sum("2026-10-01", "2026-11-01")
    assert Decimal(repr(d.previous_total)).quantize(Decimal("0.01")) == _sum("2026-09-01", "2026-10-01")
    ec2 = next(s for s in d.by_service if s[0] == data.EC2)
    assert Decimal(repr(ec2[1])).quantize(Decimal("0.01")) == _sum("2026-10-01", "2026-11-01", service_name=data.EC2)
    # Stacked daily chart: each day's bars add up to the day's total.
    for i, day in enumerate(d.days):
        stacked = sum(Decimal(repr(v[i])) for v in d.daily.values()).quantize(Decimal("0.01"))
        assert stacked == _sum(str(day), str(day + timedelta(days=1))), day
    assert [c.name for c in digest.charts] == [
        "daily-by-service",
        "monthly-by-service",
        "cost-by-account",
        "top-movers",
    ]
    assert all(c.png.startswith(b"\x89PNG") for c in digest.charts)
    assert_snapshot("digest_monthly_message", {"text": digest.message.text, "blocks": list(digest.message.blocks)})
    assert_snapshot("digest_monthly_charts", {c.name: json.loads(json.dumps(c.data)) for c in digest.charts})
    sheets = read_xlsx(digest.xlsx)
    assert digest.xlsx_name == "trackit-monthly-2026-10-01.xlsx"
    assert list(sheets) == ["Usage types by day", "Usage types by month", "Cost by tag", "Top resources"]


def test_weekly_digest_by_tag(store: BillingStore) -> None:
    week = report_period("weekly", date(2026, 11, 23))
    digest = build_digest(store, "weekly", week, tag_key="user:team")
    d = digest.data
    assert Decimal(repr(d.total)).quantize(Decimal("0.01")) == _sum("2026-11-16", "2026-11-23")
    assert d.month == TimeRange(date(2026, 11, 1), date(2026, 11, 23), "November 2026")
    assert d.breakdown_title == "Cost by user:team"
    web = dict(d.breakdown)["web"]
    assert Decimal(repr(web)).quantize(Decimal("0.01")) == _sum("2026-11-16", "2026-11-23", **{"tag:user:team": "web"})
    assert [c.name for c in digest.charts][2] == "cost-by-tag"
    assert digest.message.text.startswith("Weekly cost digest: week of Nov 16 – Nov 22, 2026.")
    assert digest.charts[3].title == "Top movers week over week"


@pytest.fixture
def services(tmp_path: Path, store: BillingStore) -> Iterator[Services]:
    clock = FrozenClock(datetime(2026, 11, 1, 8, 59, tzinfo=UTC))
    s = make_services(tmp_path, store, clock)
    try:
        yield s
    finally:
        s.state.dispose()


def _ctx(services: Services, client: WebClient) -> JobContext:
    clock = services.clock
    deliverer = Deliverer(services.state, client, pacer=ChannelPacer(0), clock=clock, sleep=lambda s: None)
    return JobContext(services, client, deliverer, scheduler=None, clock=clock)  # type: ignore[arg-type]


def test_monthly_digest_posted_once_with_charts_and_workbook(
    services: Services, slack: HistorySlack, client: WebClient
) -> None:
    created = datetime(2026, 10, 15, tzinfo=UTC)
    subscribe(services.state, channel_id="C0MGMT", kind="monthly", at_time="09:00", created_by="U0BOSS", now=created)
    subscribe(
        services.state,
        channel_id="C0WEB",
        kind="monthly",
        filters="tag:team=web",
        at_time="09:00",
        created_by="U0WEB",
        now=created,
    )
    subscribe(
        services.state,
        channel_id="C0GONE",
        kind="monthly",
        filters="tag:gone=x",
        at_time="09:00",
        created_by="U0WEB",
        now=created,
    )
    ctx = _ctx(services, client)
    assert run_kind(ctx, "monthly") == {}  # 08:59: not yet
    services.clock.set(datetime(2026, 11, 1, 9, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    assert run_kind(ctx, "monthly") == {"sent": 3}
    assert run_kind(ctx, "monthly") == {}  # a rerun posts nothing (and builds nothing: all settled)

    posts = {p["channel"]: p for p in slack.posts()}
    assert posts["C0MGMT"]["text"].startswith("Monthly cost digest: October 2026. $8,222.76 spent")
    assert Decimal("8222.76") == _sum("2026-10-01", "2026-11-01")
    assert "filters: `tag:team=web`" in json.dumps(posts["C0WEB"]["blocks"])
    assert posts["C0GONE"]["text"].startswith("Monthly digest skipped: the filters `tag:gone=x` no longer work.")

    completes = slack.calls("files.completeUploadExternal")
    assert sorted(c.args["channel_id"] for c in completes) == ["C0MGMT", "C0WEB"]
    files = json.loads(completes[0].args["files"])
    assert [f["title"] for f in files][-1] == "trackit-monthly-2026-10-01.xlsx"
    assert len(files) == 5
    uploaded = [slack.uploads[f["id"]] for f in files]
    assert all(u.startswith(b"\x89PNG") for u in uploaded[:4])
    assert zipfile.ZipFile(BytesIO(uploaded[4])).namelist()  # a real workbook


def test_files_that_fail_are_retried_then_the_summary_says_they_are_missing(
    services: Services, slack: HistorySlack, client: WebClient
) -> None:
    subscribe(
        services.state,
        channel_id="C0MGMT",
        kind="monthly",
        at_time="09:00",
        created_by="U0BOSS",
        now=datetime(2026, 10, 15, tzinfo=UTC),
    )
    slack.clock = lambda: services.clock().timestamp()
    slack.fault = lambda method, args: "500" if method == "upload" else None  # Slack's file service is down
    ctx = _ctx(services, client)
    start = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
    for hour in range(8):
        services.clock.set(start + timedelta(hours=hour))  # type: ignore[attr-defined]
        run_kind(ctx, "monthly")
    (summary,) = slack.posts("C0MGMT")
    note = (
        ":warning: The charts and the spreadsheet could not be attached to this digest: Slack did not take them "
        "within 6 h (`http_500`)."
    )
    assert summary["text"].startswith("Monthly cost digest: October 2026. $8,222.76 spent")
    assert summary["text"].endswith(note) and summary.get("edited")
    assert summary["blocks"][-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": note}]}
    assert slack.file_shares() == [] and slack.calls("files.completeUploadExternal") == []
    assert len(slack.calls("chat.update")) == 1
    # Retried on every run within the 6 hours (each attempt tries its first file three times, then stops), then
    # given up.
    assert len(slack.calls("upload")) == 6 * 3


def test_files_whose_share_answer_was_lost_are_found_not_shared_twice(
    services: Services, slack: HistorySlack, client: WebClient
) -> None:
    subscribe(
        services.state,
        channel_id="C0MGMT",
        kind="monthly",
        at_time="09:00",
        created_by="U0BOSS",
        now=datetime(2026, 10, 15, tzinfo=UTC),
    )
    slack.clock = lambda: services.clock().timestamp()
    faults = {"files.completeUploadExternal": ["reset"], "conversations.history": ["500"]}
    slack.fault = lambda method, args: faults[method].pop(0) if faults.get(method) else None
    ctx = _ctx(services, client)
    services.clock.set(datetime(2026, 11, 1, 9, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    assert run_kind(ctx, "monthly") == {"sent": 1}  # the summary; its files' fate is unknown
    services.clock.set(datetime(2026, 11, 1, 9, 5, tzinfo=UTC))  # type: ignore[attr-defined]
    assert run_kind(ctx, "monthly") == {"skipped": 1}  # the files are found in the channel and recorded
    services.clock.set(datetime(2026, 11, 1, 10, 0, tzinfo=UTC))  # type: ignore[attr-defined]
    assert run_kind(ctx, "monthly") == {}
    (share,) = slack.file_shares("C0MGMT")
    assert [f["name"] for f in share["files"]][-1] == "trackit-monthly-2026-10-01.xlsx"
    assert len(slack.calls("files.completeUploadExternal")) == 1
    assert len(slack.posts("C0MGMT")) == 1 and slack.calls("chat.update") == []


def test_due_period_catches_up_once_and_waits_for_new_subscriptions(services: Services) -> None:
    sub, _ = subscribe(
        services.state,
        channel_id="C0MGMT",
        kind="weekly",
        at_time="09:00",
        timezone="Europe/Paris",
        created_by="U0BOSS",
        now=datetime(2026, 11, 1, tzinfo=UTC),
    )
    # Monday 2026-11-16 09:00 in Paris is 08:00 UTC.
    assert due_period("weekly", sub, datetime(2026, 11, 16, 7, 59, tzinfo=UTC)) == report_period(
        "weekly", date(2026, 11, 9)
    )
    assert due_period("weekly", sub, datetime(2026, 11, 16, 8, 0, tzinfo=UTC)) == report_period(
        "weekly", date(2026, 11, 16)
    )
    # Down from Sunday to Thursday: one catch-up, for the latest week only.
    assert due_period("weekly", sub, datetime(2026, 11, 19, 12, tzinfo=UTC)) == report_period(
        "weekly", date(2026, 11, 16)
    )
    late, _ = subscribe(
        services.state,
        channel_id="C0NEW",
        kind="weekly",
        at_time="09:00",
        created_by="U0BOSS",
        now=datetime(2026, 11, 18, tzinfo=UTC),
    )
    assert due_period("weekly", late, datetime(2026, 11, 19, 12, tzinfo=UTC)) is None


def test_the_scheduler_posts_digests_at_their_times_once(
    tmp_path: Path, store: BillingStore, slack: HistorySlack, client: WebClient
) -> None:
    import jobs
    from bot.scheduler import JobScheduler

    start = datetime(2026, 11, 29, 12, tzinfo=UTC)
    clock = FrozenClock(start)
    slack.clock = lambda: clock().timestamp()
    services = make_services(tmp_path, store, clock)
    # Paris is UTC+1 in winter: 09:00 there is 08:00 UTC.
    for kind in ("weekly", "monthly"):
        subscribe(
            services.state,
            channel_id="C0MGMT",
            kind=kind,
            at_time="09:00",
            timezone="Europe/Paris",
            created_by="U0BOSS",
            now=start,
        )
    scheduler = JobScheduler(services, client, manual=True, pacer=ChannelPacer(0))
    jobs.schedule_all(scheduler, services)
    assert {"weekly_digest", "monthly_digest", "anomaly_alerts"} <= set(scheduler.job_ids)
    scheduler.start()
    try:
        for moment in (
            datetime(2026, 11, 30, 7, 59, tzinfo=UTC),
            datetime(2026, 11, 30, 8, 0, tzinfo=UTC),  # Monday 09:00 in Paris: last week's digest
            datetime(2026, 11, 30, 12, 0, tzinfo=UTC),
            datetime(2026, 12, 1, 7, 59, tzinfo=UTC),
            datetime(2026, 12, 1, 8, 0, tzinfo=UTC),  # the 1st, 09:00 in Paris: November's digest
            datetime(2026, 12, 1, 8, 1, tzinfo=UTC),
        ):
            clock.set(moment)
            assert scheduler.run_pending()
    finally:
        scheduler.shutdown()
        services.state.dispose()
    posted = [
        (p["metadata"]["event_payload"]["key"], datetime.fromtimestamp(int(p["ts"].split(".")[0]), UTC))
        for p in slack.posts("C0MGMT")
    ]
    assert [(k.split("|")[0], k.split("|")[2].split("/")[0], at) for k, at in posted] == [
        ("weekly_digest", "2026-11-23", datetime(2026, 11, 30, 8, 0, tzinfo=UTC)),
        ("monthly_digest", "2026-11-01", datetime(2026, 12, 1, 8, 0, tzinfo=UTC)),
    ]
    assert len(slack.calls("files.completeUploadExternal")) == 2


def test_a_period_the_bill_does_not_cover_yet_says_so(store: BillingStore) -> None:
    week = report_period("weekly", date(2026, 11, 30))  # Nov 23 - 29; the bill reaches Nov 26
    text = build_digest(store, "weekly", week).message.blocks[1]["text"]["text"]
    so_far = _sum("2026-11-23", "2026-11-30")
    complete = _sum("2026-11-23", "2026-11-27")
    before = _sum("2026-11-16", "2026-11-20")  # the same four days of the week before, not all seven
    change = complete - before
    pct = (change / before * 100).quantize(Decimal("0.1"))
    assert text.splitlines()[:2] == [
        ":warning: The bill only reaches Nov 26 (exports lag): the last 3 day(s) of the period are not in yet; "
        "the comparison covers the complete days only.",
        f"*${so_far:,.2f}* spent so far; the complete days (Nov 23 – Nov 26): {'+' if change >= 0 else '-'}"
        f"${abs(change):,.2f} ({pct:+}%) vs the same days of the week before (${before:,.2f}).",
    ]
    assert ":warning:" not in json.dumps(build_digest(store, "monthly", OCTOBER).message.blocks[1])


def test_the_first_month_of_data_has_no_previous_month(store: BillingStore) -> None:
    may = TimeRange(date(2026, 5, 1), date(2026, 6, 1), "last month")  # the store starts on 2026-05-01
    digest = build_digest(store, "monthly", may)
    lines = digest.message.blocks[1]["text"]["text"].splitlines()
    assert lines[0] == f"*${_sum('2026-05-01', '2026-06-01'):,.2f}* spent; the month before: no data."
    assert digest.data.movers == ()  # no "(new)" mover for every service
    assert digest.message.blocks[2]["fields"][1]["text"] == "*Change*\nno data"


def test_weekly_movers_are_usage_and_the_fees_of_the_1st_have_their_own_line(tmp_path: Path) -> None:
    """The week holding November 1st carries the month's fees; its movers compare usage with usage."""
    hours = 30 * 24
    fees = [
        data_item("2026-11-01", "1200.00", hours, "RIFee", "Amazon Elastic Compute Cloud"),
        data_item("2026-11-01", "300.00", hours, "Usage", "AWS Support (Business)", usage_type="Dollar"),
        data_item("2026-11-01", "90.00", hours, "Tax", "Tax", charge_category="Tax"),
    ]
    store = data.load_store(tmp_path, [*data.ROWS, *fees])
    week = TimeRange(date(2026, 10, 26), date(2026, 11, 2), "last week")
    digest = build_digest(store, "weekly", week)
    store.close()
    lines = digest.message.blocks[1]["text"]["text"].splitlines()
    assert lines[1] == (
        "Period charges (fees, tax, credits): $1,590.00 (the week before: $0.00); the movers below are usage-driven."
    )
    assert all(name in {r["service_name"] for r in data.ROWS} for name, _ in digest.data.movers)
    usage_before = _sum("2026-10-19", "2026-10-26")
    usage_now = _sum("2026-10-26", "2026-11-02")
    assert digest.data.change == pytest.approx(float(usage_now + Decimal("1590.00") - usage_before))


def data_item(day: str, cost: str, hours: int, line_type: str, service: str, **kw: object) -> dict[str, object]:
    from tests.store.sources import item

    return item(day, cost, hours=hours, line_item_type=line_type, service_name=service, **kw)
