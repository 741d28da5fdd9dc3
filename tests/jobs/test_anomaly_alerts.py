"""Anomaly alerts from a real DuckDB store to the fake Slack Web API: routing by owner tag, exactly one alert per
event, follow-ups in the thread, muting after triage, a broken channel that does not stop the others."""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber
from slack_sdk import WebClient

from bot.aws.cloudtrail import LOOKUP_RETRY_CONFIG
from bot.billing.anomaly import DetectorConfig, Series
from bot.billing.anomaly_model import DAY
from bot.billing.money import format_money
from bot.billing.store import BillingStore
from bot.delivery import ChannelPacer, Deliverer
from bot.services import Services
from bot.state.alerts import get_anomaly_alert, list_anomaly_alerts, record_anomaly, triage_anomaly
from bot.state.audit import recent_audit
from bot.state.routes import set_fallback_route, set_route
from bot.state.subscriptions import subscribe
from bot.store.registry import open_store
from jobs.anomaly_alerts import (
    RunReport,
    Scope,
    alert_key,
    detect_recent,
    detect_with_sensitivity,
    detection_delay,
    impact_level,
    plan,
    run_alerts,
    scaled,
)
from tests.jobs.support import FrozenClock, HistorySlack, make_services
from tests.reports import billing_data as data
from tests.reports.snapshot import assert_snapshot
from tests.store.sources import make_source

WEB, OPS, ALL = "C0WEBCOSTS", "C0OPS", "C0ALLCOSTS"
EC2_KEY = f"service={data.EC2}@2026-11-24T00:00:00+00:00"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store loaded once; each test works on its own copy."""
    tmp = tmp_path_factory.mktemp("alerts-template")
    data.load_store(tmp).close()
    return tmp / "billing"


@dataclass
class Env:
    services: Services
    store: BillingStore
    slack: HistorySlack
    deliverer: Deliverer
    clock: FrozenClock
    tmp: Path

    def run(self) -> RunReport:
        return run_alerts(self.services, self.deliverer)

    def november(self, last: date, spike_until: date) -> None:
        """Replace November with data through `last`, the spike lasting through `spike_until`."""
        self.store.replace_period(make_source(self.tmp, data.november(last, spike_until)))


@pytest.fixture
def env(tmp_path: Path, template: Path, slack: HistorySlack, client: WebClient) -> Iterator[Env]:
    shutil.copytree(template, tmp_path / "billing")
    store = open_store(f"duckdb://{tmp_path / 'billing'}")
    clock = FrozenClock(data.NOW)
    slack.clock = lambda: clock().timestamp()
    services = make_services(tmp_path, store, clock)
    deliverer = Deliverer(services.state, client, pacer=ChannelPacer(0), clock=clock)
    try:
        yield Env(services, store, slack, deliverer, clock, tmp_path)
    finally:
        store.close()
        services.state.dispose()


def test_one_alert_per_event_goes_to_the_owner_channel_once(env: Env) -> None:
    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    set_fallback_route(env.services.state, channel_id=OPS, created_by="U0ADMIN")

    first = env.run()
    second = env.run()  # a rerun (or a second replica) with the same data posts nothing

    assert (first.detections, dict(first.outcomes), dict(second.outcomes)) == (1, {"sent": 1}, {})
    posts = env.slack.posts()
    assert [p["channel"] for p in posts] == [WEB]  # the owner's channel, not the fallback
    post = posts[0]
    key = f"{EC2_KEY}#{WEB}"
    assert post["metadata"]["event_payload"]["key"].startswith(f"anomaly_alerts|{WEB}|")

    # Numbers computed from the raw rows.
    spike_days = data.days("2026-11-24", "2026-11-27")
    actual = data.expected(data.ROWS, service_name=data.EC2, charge_period_start=spike_days)
    assert actual == Decimal("1725.24")
    assert f"{format_money(actual)} spent vs" in post["blocks"][1]["text"]["text"]
    cause = post["blocks"][3]["text"]["text"]
    # 3 days x 400.00, none in the baseline: the root cause adds up to the headline's impact (same expectation)
    assert "• new: EC2 `i-web-2` +$1,200.00 (100%): USE1-BoxUsage:m5.4xlarge\n• other (3 more): +$0.03 (0%)" in cause
    # The headline's impact and the root cause's account total are the same figure (not the previous week's).
    assert post["blocks"][2]["fields"][0]["text"] == "*Impact*\n+$1,200.03 (+228.5%)"
    assert "*Account:* `prod (111111111111)` +$1,200.03 (100%)" in cause
    assert "*Owner tags:* `user:team=web`" in cause
    assert_snapshot("anomaly_alert_ec2", {"text": post["text"], "blocks": post["blocks"]})

    alert = get_anomaly_alert(env.services.state, key)
    assert alert is not None
    assert (alert.channel_id, alert.message_ts, alert.thread_ts, alert.status) == (WEB, post["ts"], post["ts"], "open")


def cloudtrail_client() -> Any:
    return boto3.client(
        "cloudtrail",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=LOOKUP_RETRY_CONFIG,
    )


def test_who_created_a_new_resource_is_told_in_the_alert_thread_and_audited(env: Env) -> None:
    """With AWS access, the new instance behind the alert is looked up in CloudTrail, in its own account and
    region, once: the thread says who created it, the audit trail what was asked."""
    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    trail = cloudtrail_client()
    stub = Stubber(trail)
    created = datetime(2026, 11, 23, 18, 30, 5, tzinfo=UTC)
    detail = {"userIdentity": {"type": "AssumedRole", "arn": "arn:aws:sts::111111111111:assumed-role/deploy/ci"}}
    stub.add_response(
        "lookup_events",
        {
            "Events": [
                {
                    "EventName": "RunInstances",
                    "EventTime": created,
                    "Username": "ci",
                    "CloudTrailEvent": json.dumps(detail),
                }
            ]
        },
        {
            "LookupAttributes": [{"AttributeKey": "ResourceName", "AttributeValue": "i-web-2"}],
            "StartTime": datetime(2026, 11, 17, tzinfo=UTC),  # the baseline's start
            "EndTime": datetime(2026, 11, 27, tzinfo=UTC),  # the anomaly window's end
            "MaxResults": 50,
        },
    )
    stub.activate()
    asked: list[tuple[str, str]] = []

    def client_for(account: str, region: str) -> Any:
        asked.append((account, region))
        return trail

    first = run_alerts(env.services, env.deliverer, cloudtrail=client_for)
    second = run_alerts(env.services, env.deliverer, cloudtrail=client_for)  # nothing new: no look-up again
    stub.assert_no_pending_responses()
    assert (dict(first.outcomes), dict(second.outcomes), asked) == ({"sent": 1}, {}, [("111111111111", "us-east-1")])
    alert, reply = env.slack.posts(WEB)
    assert reply["thread_ts"] == alert["ts"]
    assert reply["text"] == (
        ":mag: *Who created the new resources* (CloudTrail):\n"
        "• EC2 `i-web-2`: created by arn:aws:sts::111111111111:assumed-role/deploy/ci at 2026-11-23 18:30 UTC "
        "via RunInstances"
    )
    audit = [e for e in recent_audit(env.services.state) if e.command == "cloudtrail:LookupEvents"]
    assert [(e.user_id, e.channel_id, e.text, e.outcome) for e in audit] == [
        ("trackit:anomaly_alerts", WEB, "i-web-2 in 111111111111 us-east-1: found (1 call(s))", "ok")
    ]


def test_a_refused_cloudtrail_look_up_leaves_the_alert_alone(env: Env) -> None:
    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    trail = cloudtrail_client()
    stub = Stubber(trail)
    stub.add_client_error("lookup_events", "AccessDeniedException", "no cloudtrail:LookupEvents", 400)
    stub.activate()
    report = run_alerts(env.services, env.deliverer, cloudtrail=lambda account, region: trail)
    stub.assert_no_pending_responses()
    assert dict(report.outcomes) == {"sent": 1}
    (alert,) = env.slack.posts()  # the alert, no reply, nothing about CloudTrail in it
    assert "CloudTrail" not in json.dumps(alert["blocks"])
    audit = [e for e in recent_audit(env.services.state) if e.command == "cloudtrail:LookupEvents"]
    assert [(e.text, e.outcome) for e in audit] == [
        ("i-web-2 in 111111111111 us-east-1: access denied (1 call(s))", "denied")
    ]


def test_without_aws_access_nothing_is_looked_up(env: Env) -> None:
    assert not env.services.settings.inventory_enabled
    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    assert dict(env.run().outcomes) == {"sent": 1}
    assert len(env.slack.posts()) == 1
    assert not [e for e in recent_audit(env.services.state) if e.command == "cloudtrail:LookupEvents"]


def test_unrouted_alert_goes_to_subscribers_else_the_ops_channel(env: Env) -> None:
    env.services.settings = replace(env.services.settings, ops_channel=OPS)
    env.run()
    assert [p["channel"] for p in env.slack.posts()] == [OPS]

    subscribe(env.services.state, channel_id=ALL, kind="anomalies", created_by="U0ADMIN")
    env.clock.set(data.NOW + timedelta(days=7, hours=1))  # same data: the subscriber gets the (still recent) event
    env.run()
    assert [p["channel"] for p in env.slack.posts()] == [OPS, ALL]


def test_follow_ups_go_in_the_thread(env: Env) -> None:
    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    env.run()
    alert_ts = env.slack.posts(WEB)[0]["ts"]

    env.november(date(2026, 11, 27), spike_until=date(2026, 11, 27))
    env.clock.set(datetime(2026, 11, 28, 12, tzinfo=UTC))
    env.run()  # impact 1,200 -> 1,600: past the next doubling (64 x 20 -> 80 x 20): "bigger"
    env.november(date(2026, 11, 28), spike_until=date(2026, 11, 28))
    env.clock.set(datetime(2026, 11, 29, 12, tzinfo=UTC))
    env.run()  # one more day at the same level: "still going"
    env.run()  # rerun: nothing new
    env.november(date(2026, 11, 30), spike_until=date(2026, 11, 28))
    env.clock.set(datetime(2026, 12, 1, 12, tzinfo=UTC))
    env.run()  # two quiet days after the last spike day: "over"

    posts = env.slack.posts(WEB)
    assert [p["text"].split(":")[1] for p in posts[1:]] == [
        "arrow_double_up",
        "hourglass_flowing_sand",
        "checkered_flag",
    ]
    sent = env.slack.calls("chat.postMessage")
    assert [c.args.get("thread_ts") for c in sent] == [None, alert_ts, alert_ts, alert_ts]
    assert "Over: Service Amazon Elastic Compute Cloud is back to normal. Episode Nov 24 – Nov 28" in posts[-1]["text"]


class Crash(BaseException):
    """Stands for a SIGKILL right after Slack accepted the alert (not caught by the deliverer)."""


def test_a_crash_right_after_the_alert_was_posted_still_threads_its_follow_ups(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    client = env.deliverer.client
    post = client.chat_postMessage

    def post_then_die(**kwargs: object) -> object:
        post(**kwargs)
        raise Crash

    monkeypatch.setattr(client, "chat_postMessage", post_then_die)
    with pytest.raises(Crash):
        env.run()
    monkeypatch.setattr(client, "chat_postMessage", post)
    alert_ts = env.slack.posts(WEB)[0]["ts"]
    assert get_anomaly_alert(env.services.state, f"{EC2_KEY}#{WEB}").thread_ts is None  # type: ignore[union-attr]

    env.clock.set(data.NOW + timedelta(minutes=11))  # the dead worker's claim has lapsed
    assert dict(env.run().outcomes) == {"recovered": 1}  # found by its metadata, not posted again
    alert = get_anomaly_alert(env.services.state, f"{EC2_KEY}#{WEB}")
    assert alert is not None and (alert.message_ts, alert.thread_ts) == (alert_ts, alert_ts)

    env.november(date(2026, 11, 27), spike_until=date(2026, 11, 27))
    env.clock.set(datetime(2026, 11, 28, 12, tzinfo=UTC))
    env.run()  # bigger: in the alert's thread
    posts = env.slack.posts(WEB)
    assert [p.get("thread_ts") for p in posts] == [None, alert_ts]
    assert posts[1]["text"].split(":")[1] == "arrow_double_up"


@pytest.mark.parametrize("where", ["before_claiming", "while_posting"])
def test_a_follow_up_lost_to_a_crash_is_posted_by_the_next_run(
    env: Env, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """The run that planned "bigger" died before its post reached Slack (before even claiming it, or in the
    middle of the call): the next run still posts the update, once, in the thread."""
    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    env.run()
    alert_ts = env.slack.posts(WEB)[0]["ts"]
    target: object = env.deliverer if where == "before_claiming" else env.deliverer.client
    name = "post_message" if where == "before_claiming" else "chat_postMessage"
    original = getattr(target, name)

    def die(*args: object, **kwargs: object) -> object:
        raise Crash

    env.november(date(2026, 11, 27), spike_until=date(2026, 11, 27))
    env.clock.set(datetime(2026, 11, 28, 12, tzinfo=UTC))
    monkeypatch.setattr(target, name, die)
    with pytest.raises(Crash):
        env.run()
    monkeypatch.setattr(target, name, original)
    env.clock.set(datetime(2026, 11, 28, 12, 11, tzinfo=UTC))  # a dead run's claim has lapsed
    assert dict(env.run().outcomes) == {"sent": 1}
    env.clock.set(datetime(2026, 11, 28, 13, 0, tzinfo=UTC))
    assert dict(env.run().outcomes) == {}
    posts = env.slack.posts(WEB)
    assert [(p.get("thread_ts"), p["text"].split(":")[1]) for p in posts[1:]] == [(alert_ts, "arrow_double_up")]


def test_an_alert_recorded_without_its_thread_gets_it_back_from_its_delivery(env: Env) -> None:
    """What an older version left behind when it crashed between recording the post and the thread reference."""
    from sqlalchemy import update

    from bot.state.models import AnomalyAlertRow

    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    env.run()
    alert_ts = env.slack.posts(WEB)[0]["ts"]
    with env.services.state.session() as session:
        session.execute(update(AnomalyAlertRow).values(message_ts=None, thread_ts=None))

    env.november(date(2026, 11, 27), spike_until=date(2026, 11, 27))
    env.clock.set(datetime(2026, 11, 28, 12, tzinfo=UTC))
    assert dict(env.run().outcomes) == {"sent": 1}  # not the alert again: its "bigger" follow-up, in its thread
    assert get_anomaly_alert(env.services.state, f"{EC2_KEY}#{WEB}").thread_ts == alert_ts  # type: ignore[union-attr]
    assert [p.get("thread_ts") for p in env.slack.posts(WEB)] == [None, alert_ts]


def test_triaged_episode_stays_quiet(env: Env) -> None:
    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    env.run()
    triage_anomaly(env.services.state, f"{EC2_KEY}#{WEB}", status="expected", by="U0ALICE", now=data.NOW)
    env.november(date(2026, 11, 28), spike_until=date(2026, 11, 28))
    env.clock.set(datetime(2026, 11, 29, 12, tzinfo=UTC))
    report = env.run()
    assert len(env.slack.posts()) == 1 and dict(report.outcomes) == {}
    alert = get_anomaly_alert(env.services.state, f"{EC2_KEY}#{WEB}")
    assert alert is not None and alert.end is None and alert.last_impact > 1900  # state still follows the episode


def test_running_snooze_on_the_series_holds_a_new_episode_until_it_ends(env: Env) -> None:
    set_fallback_route(env.services.state, channel_id=OPS, created_by="U0ADMIN")
    old = f"service={data.EC2}@2026-10-02T00:00:00+00:00#{OPS}"
    record_anomaly(
        env.services.state,
        key=old,
        dimension="service",
        value=data.EC2,
        start=date(2026, 10, 2),
        end=date(2026, 10, 3),
        channel_id=OPS,
        impact=100.0,
        now=data.NOW,
    )
    triage_anomaly(
        env.services.state,
        old,
        status="snoozed",
        by="U0ALICE",
        snoozed_until=data.NOW + timedelta(days=1),
        now=data.NOW,
    )
    env.run()
    assert env.slack.posts() == []
    env.clock.set(data.NOW + timedelta(days=1, minutes=1))
    env.run()
    assert len(env.slack.posts(OPS)) == 1


def test_a_broken_channel_does_not_stop_the_others_and_is_retried(env: Env) -> None:
    set_route(env.services.state, tag_key="team", tag_value="web", channel_id=WEB, created_by="U0ADMIN")
    subscribe(env.services.state, channel_id=ALL, kind="anomalies", created_by="U0ADMIN")
    env.slack.broken[ALL] = "is_archived"
    report = env.run()
    assert dict(report.failed_channels) == {ALL: "is_archived"}
    assert [p["channel"] for p in env.slack.posts()] == [WEB]
    assert get_anomaly_alert(env.services.state, f"{EC2_KEY}#{ALL}").message_ts is None  # type: ignore[union-attr]

    del env.slack.broken[ALL]
    env.run()  # still backing off: nothing yet
    assert [p["channel"] for p in env.slack.posts()] == [WEB]
    env.clock.set(data.NOW + timedelta(minutes=1))
    env.run()
    assert sorted(p["channel"] for p in env.slack.posts()) == [ALL, WEB]


def test_filtered_subscriptions_see_only_their_slice(env: Env) -> None:
    for channel, filters in (("C0WEBONLY", "tag:team=web"), ("C0DATAONLY", "tag:team=data"), ("C0BAD", "tag:nope=x")):
        subscribe(env.services.state, channel_id=channel, kind="anomalies", filters=filters, created_by="U0ADMIN")
    report = env.run()
    assert [p["channel"] for p in env.slack.posts()] == ["C0WEBONLY"]
    assert "scope: tag:team=web" in str(env.slack.posts()[0]["blocks"])
    assert list(report.scope_errors) == ["tag:nope=x"]
    keys = {a.key for a in list_anomaly_alerts(env.services.state)}
    assert all(k.startswith("[") for k in keys)  # scoped alerts never collide with whole-bill ones


def test_detection_names_the_service_and_routes_by_tag(env: Env) -> None:
    found = detect_recent(env.store, route_keys=["team", "unknown-key"])
    assert [(d.anomaly.dimension, d.anomaly.value, d.anomaly.kind.value) for d in found] == [
        ("service", data.EC2, "level-shift")
    ]
    assert dict(found[0].tags) == {"team": "web"}
    assert found[0].cause is not None and found[0].cause.top("resource", 1)[0].key == "i-web-2"


def _series(values: list[float]) -> Series:
    return Series(datetime(2026, 9, 1, tzinfo=UTC), DAY, tuple(values), "service", "Amazon S3")


def test_not_an_anomaly_makes_the_series_less_sensitive() -> None:
    base = [100.0 + (i % 3) for i in range(60)]
    bumped = {("service", "Amazon S3"): _series([*base, 125.0, 126.0, 124.0])}  # +24%: over 20%, under 30%
    config = DetectorConfig()
    assert len(detect_with_sensitivity(bumped, config, {}, since=None)) == 1
    assert detect_with_sensitivity(bumped, config, {("service", "Amazon S3"): 1.5}, since=None) == []
    relaxed = scaled(config, 1.5)
    assert (relaxed.z_point, relaxed.min_relative, relaxed.min_impact) == (7.5, pytest.approx(0.3), 30.0)


def test_impact_levels_double() -> None:
    assert [impact_level(x, 20.0) for x in (10, 39.9, 40, 80, 1199.86, 1600, 2400, -1600)] == [0, 0, 1, 2, 5, 6, 6, 6]


def test_alert_keys_fit_the_state_column() -> None:
    from bot.billing.anomaly import Anomaly, AnomalyKind, Severity

    start = datetime(2026, 11, 24, tzinfo=UTC)
    long = Anomaly(
        "resource",
        "arn:" + "x" * 400,
        AnomalyKind.SPIKE,
        start,
        None,
        start,
        1,
        0,
        0,
        0,
        1,
        None,
        Severity.LOW,
        1,
        start,
        1,
    )
    key = alert_key(long, "C0WEBCOSTS", "tag:team=web")
    assert len(key) <= 255 and key.endswith("#C0WEBCOSTS") and key == alert_key(long, "C0WEBCOSTS", "tag:team=web")


def test_no_detection_when_nobody_would_hear_of_it(env: Env) -> None:
    report = env.run()  # no route, no subscriber, no ops channel
    assert (report.detections, dict(report.outcomes), env.slack.posts()) == (0, {}, [])


def test_an_episode_first_seen_long_after_it_began_is_never_posted_as_new(env: Env) -> None:
    """One identity across runs: an episode is NEW on the first run that sees it, or never. Seen for the first
    time 15 days after it began (a missed week, or the same event under another start), it is recorded, not
    announced; seen within the detection delay, it is."""
    detections = detect_recent(env.store)
    assert [d.anomaly.start.date() for d in detections] == [date(2026, 11, 24)]
    scope = Scope("", (), (ALL,))
    config = DetectorConfig()
    now = datetime(2026, 12, 10, 9, tzinfo=UTC)
    assert plan(env.services.state, detections, scope, now=now, config=config, data_end=date(2026, 12, 9)) == []
    assert get_anomaly_alert(env.services.state, alert_key(detections[0].anomaly, ALL)) is not None
    assert detection_delay(config) == timedelta(days=4)
    within = plan(env.services.state, detections, scope, now=now, config=config, data_end=date(2026, 11, 28))
    assert [(p.kind, p.channel) for p in within] == [("new", ALL)]
    assert within[0].message.text == (
        "Service Amazon Elastic Compute Cloud: sustained increase, $1,725.24 vs $525.21 expected, impact +$1,200.03"
        " (+228.5%), Nov 24 – ongoing (data through Nov 26)"
    )


def test_a_genuine_bill_starting_inside_the_window_gives_no_new_spending_storm(tmp_path: Path) -> None:
    """The FinOps Foundation's anonymised CUR (2023-11-01..14, month-long tax lines): the days before its first
    data are unknown, the tax booked for the month is not a day's usage, and nothing alerts on day one."""
    from bot.billing.anomaly_rootcause import series_from_store
    from bot.billing.model import TimeRange
    from bot.ingest.pipeline import ingest
    from tests.support.shared_data import FINOPS_AWS_SAMPLE_DIR

    sample = FINOPS_AWS_SAMPLE_DIR / "sample-anonymous-aws-export-dataset.csv"
    source = tmp_path / "exports"
    source.mkdir()
    shutil.copy(sample, source / sample.name)
    store = open_store(f"duckdb://{tmp_path / 'billing'}")
    try:
        ingest(str(source), store, progress=False)
        window = TimeRange(date(2023, 10, 1), date(2023, 11, 14))
        usage = series_from_store(store, window, ("service",))[("total", "")].values
        billed = series_from_store(store, window, ("service",), usage_only=False)[("total", "")].values
        assert all(math.isnan(v) for v in usage[:31])  # October: unknown, not $0
        assert usage[31] == pytest.approx(0.0030106084)  # Nov 1: usage only
        assert billed[31] == pytest.approx(0.0830106084)  # with the month's tax ($0.08) booked that day
        assert detect_recent(store) == []
    finally:
        store.close()
