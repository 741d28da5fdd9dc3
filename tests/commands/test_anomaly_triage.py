"""Triage buttons end to end: signed `block_actions` payloads to the running Bolt app over HTTP; the decision is
stored in app state and the alert is rewritten with chat.update (recorded by the fake Slack Web API)."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.billing.anomaly import Anomaly, AnomalyKind, Outcome, Severity
from bot.billing.anomaly_period import PeriodChange, PeriodChangeKind
from bot.billing.charges import ChargeClass
from bot.billing.pace import ChargeIdentity
from bot.slack.triage import (
    ACTIONS_BLOCK_ID,
    CHOICES,
    TRIAGE_BLOCK_ID,
    AlertView,
    alert_message,
    follow_up_message,
    relaxed,
)
from bot.state.alerts import get_anomaly_alert, record_anomaly, set_alert_message
from bot.state.audit import recent_audit
from jobs.anomaly_alerts import Scope, plan_period
from tests.commands.conftest import ADMIN, NOW, SECRET, Bot
from tests.support.fake_slack import blocks_text
from tests.support.slack_signing import post_signed

CHANNEL = "C0WEBCOSTS"
TS = "1700000000.000100"


def _anomaly(value: str, dimension: str = "service") -> Anomaly:
    start = datetime(2026, 11, 24, tzinfo=UTC)
    return Anomaly(
        dimension=dimension,
        value=value,
        kind=AnomalyKind.LEVEL_SHIFT,
        start=start,
        end=None,
        last_seen=datetime(2026, 11, 27, tzinfo=UTC),
        actual=1725.24,
        expected=525.38,
        expected_low=493.86,
        expected_high=556.91,
        impact=1199.86,
        impact_pct=228.4,
        severity=Severity.CRITICAL,
        score=80.0,
        peak=start,
        points=3,
    )


def _posted_alert(bot: Bot, value: str, dimension: str = "service") -> tuple[str, dict[str, Any]]:
    """Record an alert in state as the job would, and return its key and the message Slack holds."""
    anomaly = _anomaly(value, dimension)
    key = f"{anomaly.key}#{CHANNEL}"
    record_anomaly(
        bot.state,
        key=key,
        dimension=dimension,
        value=value,
        start=anomaly.start.date(),
        end=None,
        channel_id=CHANNEL,
        impact=anomaly.impact,
        now=NOW - timedelta(hours=3),
    )
    set_alert_message(bot.state, key, channel_id=CHANNEL, message_ts=TS)
    msg = alert_message(AlertView(anomaly, None), key)
    return key, {"type": "message", "ts": TS, "text": msg.text, "blocks": list(msg.blocks)}


def _press(
    bot: Bot, action_id: str, key: str, message: dict[str, Any], *, user: str = "U0ALICE", response_url: str = ""
) -> float:
    """POST the signed payload Slack sends for a button press in the channel message; returns the ack time."""
    payload = {
        "type": "block_actions",
        "user": {"id": user, "username": user.lower()},
        "api_app_id": "A0TRACKIT",
        "team": {"id": "T0FAKE"},
        "channel": {"id": CHANNEL, "name": "web-costs"},
        "container": {"type": "message", "message_ts": TS, "channel_id": CHANNEL, "is_ephemeral": False},
        "message": message,
        "trigger_id": "1.2.3",
        "response_url": response_url or bot.fake.response_url(),
        "actions": [
            {
                "type": "button",
                "action_id": action_id,
                "block_id": ACTIONS_BLOCK_ID,
                "value": key,
                "action_ts": "1700000001.1",
            }
        ],
    }
    started = time.monotonic()
    reply = post_signed(bot.server.url + "/slack/events", urlencode({"payload": json.dumps(payload)}), SECRET)
    elapsed = time.monotonic() - started
    assert reply.status == 200, reply.text
    return elapsed


@pytest.mark.slack
@pytest.mark.parametrize(
    ("action_id", "status", "note", "snoozed_until"),
    [
        ("anomaly_acknowledge", "acknowledged", "<@U0ALICE> acknowledged on 2026-11-27 12:00 UTC.", None),
        (
            "anomaly_snooze_7d",
            "snoozed",
            "<@U0ALICE> snoozed for 7 days on 2026-11-27 12:00 UTC until 2026-12-04 12:00 UTC.",
            datetime(2026, 12, 4, 12, tzinfo=UTC),
        ),
        (
            "anomaly_expected",
            "expected",
            "<@U0ALICE> marked expected (planned activity) on 2026-11-27 12:00 UTC.",
            None,
        ),
    ],
)
def test_press_stores_the_decision_and_updates_the_alert(
    clean_bot: Bot, action_id: str, status: str, note: str, snoozed_until: datetime | None
) -> None:
    key, message = _posted_alert(clean_bot, f"Amazon EC2 {action_id}")
    ack_seconds = _press(clean_bot, action_id, key, message)
    assert ack_seconds < 3.0
    update = clean_bot.fake.wait_for("chat.update")[0].args
    assert (update["channel"], update["ts"]) == (CHANNEL, TS)
    blocks = json.loads(update["blocks"]) if isinstance(update["blocks"], str) else update["blocks"]
    status_blocks = [b for b in blocks if b.get("block_id") == TRIAGE_BLOCK_ID]
    assert status_blocks == [
        {
            "type": "context",
            "block_id": TRIAGE_BLOCK_ID,
            "elements": [{"type": "mrkdwn", "text": f":white_check_mark: {note}"}],
        }
    ]
    # The rest of the alert is kept as it was, the status line just above the buttons.
    assert [b for b in blocks if b.get("block_id") != TRIAGE_BLOCK_ID] == message["blocks"]
    assert blocks[-2]["block_id"] == TRIAGE_BLOCK_ID and blocks[-1]["block_id"] == ACTIONS_BLOCK_ID
    alert = get_anomaly_alert(clean_bot.state, key)
    assert alert is not None
    assert (alert.status, alert.triaged_by, alert.triaged_at, alert.snoozed_until) == (
        status,
        "U0ALICE",
        NOW,
        snoozed_until,
    )
    assert alert.is_muted(NOW) is (status != "acknowledged")


@pytest.mark.slack
def test_not_an_anomaly_relaxes_the_series_and_a_second_press_replaces_the_status(clean_bot: Bot) -> None:
    key, message = _posted_alert(clean_bot, "Amazon RDS")
    _press(clean_bot, "anomaly_not_anomaly", key, message, user="U0BOB")
    first = clean_bot.fake.wait_for("chat.update")[0].args
    alert = get_anomaly_alert(clean_bot.state, key)
    assert alert is not None and alert.status == "not_anomaly"
    assert alert.sensitivity == pytest.approx(relaxed(1.0)) == pytest.approx(1.5)

    # Slack now holds the updated message: a second press (a change of mind) replaces the status line.
    updated = {
        **message,
        "blocks": json.loads(first["blocks"]) if isinstance(first["blocks"], str) else first["blocks"],
    }
    _press(clean_bot, "anomaly_acknowledge", key, updated, user="U0CAROL")
    second = clean_bot.fake.wait_for("chat.update", 2)[1].args
    blocks = json.loads(second["blocks"]) if isinstance(second["blocks"], str) else second["blocks"]
    text = blocks_text(blocks)
    assert "<@U0CAROL> acknowledged" in text and "U0BOB" not in text
    assert len([b for b in blocks if b.get("block_id") == TRIAGE_BLOCK_ID]) == 1
    alert = get_anomaly_alert(clean_bot.state, key)
    assert alert is not None and alert.status == "acknowledged" and alert.sensitivity == pytest.approx(1.5)


@pytest.mark.slack
def test_a_user_outside_the_alerts_scope_cannot_press_its_buttons(clean_bot: Bot) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    clean_bot.ask("/trackit", "access grant <@U0TAGS|tags> team=web", user=ADMIN)
    key, message = _posted_alert(clean_bot, "Amazon EC2 for everyone")  # a whole-bill service series
    for user in ("U0BOB", "U0TAGS", "U0NOBODY"):
        url = clean_bot.fake.response_url()
        _press(clean_bot, "anomaly_snooze_30d", key, message, user=user, response_url=url)
        text = clean_bot.fake.wait_for_response(url).json["text"]
        expected = "You don't have access" if user == "U0NOBODY" else "This alert covers cost beyond"
        assert text.startswith(expected), (user, text)
    alert = get_anomaly_alert(clean_bot.state, key)
    assert alert is not None and alert.status == "open" and alert.sensitivity == 1.0
    assert clean_bot.fake.calls("chat.update") == []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        denied = [e for e in recent_audit(clean_bot.state, limit=20) if e.command == "anomaly_snooze_30d"]
        if len(denied) >= 3:
            break
        time.sleep(0.05)
    assert sorted((e.user_id, e.outcome, e.text) for e in denied[:3]) == [
        ("U0BOB", "denied", key),
        ("U0NOBODY", "denied", key),
        ("U0TAGS", "denied", key),
    ]

    # The series of Bob's own account is his to judge; an admin may judge any.
    own, own_message = _posted_alert(clean_bot, "222222222222", dimension="account")
    _press(clean_bot, "anomaly_not_anomaly", own, own_message, user="U0BOB")
    clean_bot.fake.wait_for("chat.update")
    _press(clean_bot, "anomaly_acknowledge", key, message, user=ADMIN)
    clean_bot.fake.wait_for("chat.update", 2)
    mine, everyone = get_anomaly_alert(clean_bot.state, own), get_anomaly_alert(clean_bot.state, key)
    assert mine is not None and mine.status == "not_anomaly" and mine.triaged_by == "U0BOB"
    assert everyone is not None and everyone.status == "acknowledged" and everyone.triaged_by == ADMIN


@pytest.mark.slack
def test_unknown_alert_is_explained_and_nothing_is_updated(clean_bot: Bot) -> None:
    _, message = _posted_alert(clean_bot, "Amazon S3")
    url = clean_bot.fake.response_url()
    payload_key = "service=gone@2020-01-01T00:00:00+00:00#C0WEBCOSTS"
    payload = {
        "type": "block_actions",
        "user": {"id": "U0ALICE"},
        "team": {"id": "T0FAKE"},
        "channel": {"id": CHANNEL},
        "container": {"type": "message", "message_ts": TS, "channel_id": CHANNEL},
        "message": message,
        "response_url": url,
        "trigger_id": "1.2.3",
        "actions": [{"type": "button", "action_id": "anomaly_acknowledge", "value": payload_key, "action_ts": "1"}],
    }
    reply = post_signed(clean_bot.server.url + "/slack/events", urlencode({"payload": json.dumps(payload)}), SECRET)
    assert reply.status == 200
    answer = clean_bot.fake.wait_for_response(url).json
    assert answer["text"].startswith("This alert is no longer known to the bot")
    assert clean_bot.fake.calls("chat.update") == []


@pytest.mark.slack
def test_unsigned_press_is_refused(clean_bot: Bot) -> None:
    key, _ = _posted_alert(clean_bot, "AWS Lambda")
    body = urlencode({"payload": json.dumps({"type": "block_actions", "actions": [{"action_id": "anomaly_expected"}]})})
    reply = post_signed(clean_bot.server.url + "/slack/events", body, "wrong-secret")
    assert reply.status == 401
    alert = get_anomaly_alert(clean_bot.state, key)
    assert alert is not None and alert.status == "open"


def test_every_button_has_a_distinct_action_id() -> None:
    ids = [c.action_id for c in CHOICES]
    assert len(set(ids)) == len(ids) == 6


def test_an_episode_over_says_back_to_normal_only_when_it_is() -> None:
    """A stop or step that lasted is the series' new level: the thread says so, never "back to normal"."""
    stopped = replace(
        _anomaly("Amazon Redshift"),
        kind=AnomalyKind.STOP,
        end=datetime(2026, 12, 1, tzinfo=UTC),
        actual=0.0,
        expected=1400.0,
        impact=-1400.0,
        impact_pct=-100.0,
        outcome=Outcome.NEW_LEVEL,
        new_level=0.0,
    )
    text = follow_up_message("over", AlertView(stopped, None)).text
    assert text == (
        ":straight_ruler: New level: Service Amazon Redshift has stayed at its new level of about $0.00 a day for "
        "7 days, so it is not back to normal: this is now what is expected. Episode Nov 24 – Nov 30, impact "
        "-$1,400.00 ($0.00 vs $1,400.00 expected)."
    )
    recovered = replace(stopped, outcome=Outcome.RECOVERED, new_level=None)
    assert "is back to normal" in follow_up_message("over", AlertView(recovered, None)).text


# ---------------------------------------------------------------------------------------- period charges

STAGING = "222222222222"
STAGING_ARN = "arn:aws:ec2:us-east-1:222222222222:reserved-instances/ri-staging"


def _fee(account: str = STAGING, arn: str = STAGING_ARN) -> ChargeIdentity:
    return ChargeIdentity(
        ChargeClass.RECURRING, account, "Amazon Elastic Compute Cloud", "USE1-HeavyUsage:t3.medium", arn
    )


def _period_alert(bot: Bot, change: PeriodChange) -> tuple[str, dict[str, Any]]:
    """Plan the period alert as the job does (recorded in state with its buttons), and record where it was posted."""
    (post,) = plan_period(bot.state, [change], Scope(""), now=NOW - timedelta(hours=3), fallback_channel=CHANNEL)
    set_alert_message(bot.state, post.alert_key, channel_id=CHANNEL, message_ts=TS)
    return post.alert_key, {"type": "message", "ts": TS, "text": post.message.text, "blocks": list(post.message.blocks)}


def _audited(bot: Bot, action_id: str, n: int) -> list[tuple[str, str, str]]:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        found = [(e.user_id, e.outcome, e.text) for e in recent_audit(bot.state, limit=50) if e.command == action_id]
        if len(found) >= n:
            return sorted(found)
        time.sleep(0.05)
    raise AssertionError(f"{n} audit line(s) of {action_id} expected")


@pytest.mark.slack
def test_a_period_alert_carries_its_buttons_and_a_press_marks_the_charge_expected(clean_bot: Bot) -> None:
    missing = PeriodChange(
        PeriodChangeKind.MISSING, _fee(), date(2026, 11, 1), 180.0, 0.0, expected=180.0, due=date(2026, 11, 3)
    )
    key, message = _period_alert(clean_bot, missing)
    assert key == f"{missing.key}#{CHANNEL}"
    buttons = next(b for b in message["blocks"] if b.get("block_id") == ACTIONS_BLOCK_ID)["elements"]
    assert [(e["text"]["text"], e["action_id"], e["value"]) for e in buttons] == [
        ("Acknowledge", "period_acknowledge", key),
        ("Snooze 7 days", "period_snooze_7d", key),
        ("Snooze 30 days", "period_snooze_30d", key),
        ("Expected", "period_expected", key),
        ("Not an anomaly", "period_not_anomaly", key),
    ]

    _press(clean_bot, "period_expected", key, message, user=ADMIN)
    update = clean_bot.fake.wait_for("chat.update")[0].args
    assert (update["channel"], update["ts"], update["text"]) == (CHANNEL, TS, message["text"])
    blocks = json.loads(update["blocks"]) if isinstance(update["blocks"], str) else update["blocks"]
    assert next(b for b in blocks if b.get("block_id") == TRIAGE_BLOCK_ID)["elements"][0]["text"] == (
        f":white_check_mark: <@{ADMIN}> marked this charge expected at this amount on 2026-11-27 12:00 UTC."
    )
    assert [b for b in blocks if b.get("block_id") != TRIAGE_BLOCK_ID] == message["blocks"]
    alert = get_anomaly_alert(clean_bot.state, key)
    assert alert is not None and (alert.status, alert.triaged_by, alert.last_impact) == ("expected", ADMIN, 180.0)
    assert _audited(clean_bot, "period_expected", 1) == [(ADMIN, "ok", key)]

    # The same charge missing again at that amount (a fee billed every other month) is not told again; at
    # another amount it is.
    january = replace(missing, month=date(2027, 1, 1), due=date(2027, 1, 3))
    assert plan_period(clean_bot.state, [january], Scope(""), now=NOW, fallback_channel=CHANNEL) == []
    dearer = replace(january, previous=240.0, expected=240.0)
    assert [
        p.message.text for p in plan_period(clean_bot.state, [dearer], Scope(""), now=NOW, fallback_channel=CHANNEL)
    ] == ["Amazon Elastic Compute Cloud fee of $240.00 has not come back in January 2027"]


@pytest.mark.slack
def test_only_who_may_see_the_charges_account_may_triage_a_period_alert_and_a_snooze_silences_it(
    clean_bot: Bot,
) -> None:
    clean_bot.ask("/trackit", "access grant <@U0BOB|bob> 222222222222", user=ADMIN)
    clean_bot.ask("/trackit", "access grant <@U0PROD|prod> 111111111111", user=ADMIN)
    clean_bot.ask("/trackit", "access grant <@U0TAGS|tags> team=web", user=ADMIN)
    new = PeriodChange(PeriodChangeKind.NEW, _fee(arn=STAGING_ARN + "-new"), date(2026, 11, 1), 0.0, 140.0)
    key, message = _period_alert(clean_bot, new)
    for user in ("U0PROD", "U0TAGS", "U0NOBODY"):
        url = clean_bot.fake.response_url()
        _press(clean_bot, "period_snooze_30d", key, message, user=user, response_url=url)
        text = clean_bot.fake.wait_for_response(url).json["text"]
        expected = "You don't have access" if user == "U0NOBODY" else "This alert covers cost beyond"
        assert text.startswith(expected), (user, text)
    alert = get_anomaly_alert(clean_bot.state, key)
    assert alert is not None and alert.status == "open"
    assert clean_bot.fake.calls("chat.update") == []

    # Bob may see the staging account the fee is billed to: his snooze holds for 30 days.
    _press(clean_bot, "period_snooze_30d", key, message, user="U0BOB")
    update = clean_bot.fake.wait_for("chat.update")[0].args
    blocks = json.loads(update["blocks"]) if isinstance(update["blocks"], str) else update["blocks"]
    assert blocks_text([b for b in blocks if b.get("block_id") == TRIAGE_BLOCK_ID]) == (
        ":white_check_mark: <@U0BOB> snoozed this charge for 30 days on 2026-11-27 12:00 UTC until 2026-12-27 "
        "12:00 UTC."
    )
    assert _audited(clean_bot, "period_snooze_30d", 4) == [
        ("U0BOB", "ok", key),
        ("U0NOBODY", "denied", key),
        ("U0PROD", "denied", key),
        ("U0TAGS", "denied", key),
    ]
    # While the snooze runs, no alert on that charge (whatever its kind); after it, alerts again.
    changed = replace(new, kind=PeriodChangeKind.CHANGED, previous=140.0, current=420.0, expected=140.0)
    assert (
        plan_period(clean_bot.state, [changed], Scope(""), now=NOW + timedelta(days=29), fallback_channel=CHANNEL) == []
    )
    later = plan_period(clean_bot.state, [changed], Scope(""), now=NOW + timedelta(days=31), fallback_channel=CHANNEL)
    assert [p.message.text for p in later] == [
        "Amazon Elastic Compute Cloud fee rose from $140.00 to $420.00 in November 2026"
    ]


@pytest.mark.slack
def test_not_an_anomaly_on_a_period_charge_silences_its_changes_not_its_absence(clean_bot: Bot) -> None:
    changed = PeriodChange(
        PeriodChangeKind.CHANGED, _fee(arn=STAGING_ARN + "-varies"), date(2026, 11, 1), 300.0, 450.0, expected=300.0
    )
    key, message = _period_alert(clean_bot, changed)
    _press(clean_bot, "period_not_anomaly", key, message, user="U0ALICE")
    clean_bot.fake.wait_for("chat.update")
    alert = get_anomaly_alert(clean_bot.state, key)
    assert alert is not None and (alert.status, alert.sensitivity) == ("not_anomaly", 1.0)
    december = replace(changed, month=date(2026, 12, 1), previous=450.0, current=900.0, expected=450.0)
    assert plan_period(clean_bot.state, [december], Scope(""), now=NOW, fallback_channel=CHANNEL) == []
    gone = replace(december, kind=PeriodChangeKind.MISSING, current=0.0, due=date(2026, 12, 3))
    assert len(plan_period(clean_bot.state, [gone], Scope(""), now=NOW, fallback_channel=CHANNEL)) == 1
