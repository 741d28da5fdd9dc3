"""Audit log, ingest runs, subscriptions, routes, budgets and anomaly alerts, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from bot.errors import NotFound, UsageError
from bot.state import alerts, audit, budgets, ingest_runs, routes, subscriptions
from bot.state.db import StateStore

T0 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


# ---------------------------------------------------------------------------------------------- audit


def test_audit_records_and_lists_newest_first(store: StateStore) -> None:
    for i, outcome in enumerate(["ok", "denied", "error"]):
        audit.record_audit(
            store,
            user_id="UALICE" if i < 2 else "UBOB",
            channel_id="C1",
            command="/cost",
            text=f"last month by service {i}",
            outcome=outcome,
            duration_ms=120 + i,
            at=T0 + timedelta(minutes=i),
        )
    entries = audit.recent_audit(store)
    assert [(e.user_id, e.outcome, e.duration_ms) for e in entries] == [
        ("UBOB", "error", 122),
        ("UALICE", "denied", 121),
        ("UALICE", "ok", 120),
    ]
    assert entries[0].at == T0 + timedelta(minutes=2) and entries[0].at.tzinfo is not None
    assert [e.outcome for e in audit.recent_audit(store, user_id="UALICE", limit=1)] == ["denied"]
    assert len(audit.recent_audit(store, since=T0 + timedelta(minutes=1))) == 2


def test_audit_rejects_unknown_outcome_and_caps_text(store: StateStore) -> None:
    with pytest.raises(ValueError, match="audit outcome must be one of ok, denied, error, not 'maybe'"):
        audit.record_audit(
            store, user_id="U1", channel_id="C1", command="/cost", text="", outcome="maybe", duration_ms=1
        )
    with pytest.raises(ValueError, match="duration_ms"):
        audit.record_audit(store, user_id="U1", channel_id="C1", command="/cost", text="", outcome="ok", duration_ms=-1)
    entry = audit.record_audit(
        store, user_id="U1", channel_id="C1", command="/cost", text="x" * 10_000, outcome="ok", duration_ms=0
    )
    assert len(entry.text) == audit.MAX_TEXT
    with pytest.raises(ValueError, match="is naive: pass an aware UTC datetime"):
        audit.record_audit(
            store,
            user_id="U1",
            channel_id="C1",
            command="/cost",
            text="",
            outcome="ok",
            duration_ms=0,
            at=datetime(2026, 1, 1),
        )


# ---------------------------------------------------------------------------------------- ingest runs


def test_ingest_runs_lifecycle(store: StateStore) -> None:
    run = ingest_runs.start_ingest_run(store, "s3://bucket/cur", now=T0)
    assert run.status == "running" and run.finished_at is None and run.duration_s is None
    done = ingest_runs.finish_ingest_run(
        store, run.id, status="ok", periods_loaded=2, periods_skipped=10, now=T0 + timedelta(seconds=42)
    )
    assert (done.status, done.periods_loaded, done.periods_skipped, done.duration_s) == ("ok", 2, 10, 42.0)
    failed = ingest_runs.start_ingest_run(store, "/data/focus", now=T0 + timedelta(hours=1))
    ingest_runs.finish_ingest_run(store, failed.id, status="failed", message="missing column BilledCost")
    runs = ingest_runs.last_ingest_runs(store)
    assert [(r.source_uri, r.status, r.message) for r in runs] == [
        ("/data/focus", "failed", "missing column BilledCost"),
        ("s3://bucket/cur", "ok", ""),
    ]
    assert [r.id for r in ingest_runs.last_ingest_runs(store, source_uri="s3://bucket/cur")] == [run.id]
    last_ok = ingest_runs.last_successful_run(store)
    assert last_ok is not None and last_ok.id == run.id
    assert ingest_runs.last_successful_run(store, "/data/focus") is None


def test_unfinished_runs_are_closed_at_start_up(store: StateStore) -> None:
    crashed = ingest_runs.start_ingest_run(store, "s3://b/p", now=T0)
    done = ingest_runs.start_ingest_run(store, "s3://b/q", now=T0)
    ingest_runs.finish_ingest_run(store, done.id, status="ok")
    assert ingest_runs.fail_unfinished_runs(store, now=T0 + timedelta(hours=1)) == 1
    (run,) = ingest_runs.last_ingest_runs(store, source_uri="s3://b/p")
    assert (run.id, run.status, run.message, run.finished_at) == (
        crashed.id,
        "failed",
        "interrupted: the bot stopped during this run",
        T0 + timedelta(hours=1),
    )
    assert ingest_runs.fail_unfinished_runs(store) == 0


def test_ingest_runs_bad_input(store: StateStore) -> None:
    run = ingest_runs.start_ingest_run(store, "s3://b/p")
    with pytest.raises(ValueError, match="finishes as 'ok' or 'failed', not 'running'"):
        ingest_runs.finish_ingest_run(store, run.id, status="running")
    with pytest.raises(ValueError, match=">= 0"):
        ingest_runs.finish_ingest_run(store, run.id, status="ok", periods_loaded=-1)
    with pytest.raises(NotFound, match="No ingest run 9999"):
        ingest_runs.finish_ingest_run(store, 9999, status="ok")


# -------------------------------------------------------------------------------------- subscriptions


def test_subscribe_is_unique_per_channel_kind_filters(store: StateStore) -> None:
    sub, created = subscriptions.subscribe(
        store,
        channel_id="CFIN",
        kind="daily",
        filters="service=EC2  account=111111111111",
        created_by="UALICE",
        now=T0,
    )
    assert created and sub.filters == "service=EC2 account=111111111111" and (sub.hour, sub.minute) == (9, 0)
    again, created = subscriptions.subscribe(
        store,
        channel_id="CFIN",
        kind="daily",
        filters="service=EC2 account=111111111111",
        at_time="18:30",
        timezone="Europe/Paris",
        created_by="UBOB",
    )
    assert not created and again.id == sub.id and (again.at_time, again.timezone) == ("18:30", "Europe/Paris")
    assert again.created_by == "UALICE" and again.created_at == T0
    subscriptions.subscribe(store, channel_id="CFIN", kind="daily", created_by="UALICE")
    subscriptions.subscribe(store, channel_id="COPS", kind="anomalies", created_by="UALICE")
    assert [(s.channel_id, s.kind, s.filters) for s in subscriptions.list_subscriptions(store)] == [
        ("CFIN", "daily", "service=EC2 account=111111111111"),
        ("CFIN", "daily", ""),
        ("COPS", "anomalies", ""),
    ]
    assert len(subscriptions.list_subscriptions(store, channel_id="CFIN", kind="daily")) == 2
    assert subscriptions.unsubscribe(store, channel_id="CFIN", kind="daily", filters="") == 1
    assert subscriptions.unsubscribe(store, channel_id="CFIN", kind="daily") == 1
    with pytest.raises(NotFound, match=r"<#CFIN> has no daily subscription\."):
        subscriptions.unsubscribe(store, channel_id="CFIN", kind="daily")
    (ops,) = subscriptions.list_subscriptions(store)
    subscriptions.remove_subscription(store, ops.id)
    with pytest.raises(NotFound, match=f"No subscription {ops.id}"):
        subscriptions.remove_subscription(store, ops.id)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "hourly"}, "Unknown subscription 'hourly'"),
        ({"channel_id": "general"}, "'general' is not a Slack channel id"),
        ({"at_time": "9am"}, "'9am' is not a time of day"),
        ({"at_time": "24:00"}, "'24:00' is not a time of day"),
        ({"timezone": "Mars/Olympus"}, "'Mars/Olympus' is not a time zone"),
    ],
)
def test_subscribe_rejects_bad_input(store: StateStore, kwargs: dict[str, str], message: str) -> None:
    args: dict[str, Any] = {"channel_id": "CFIN", "kind": "daily", "created_by": "UALICE"} | kwargs
    with pytest.raises(UsageError, match=message) as info:
        subscriptions.subscribe(store, **args)
    assert info.value.hint
    assert subscriptions.list_subscriptions(store) == ()


# --------------------------------------------------------------------------------------------- routes


def test_routes_exact_then_wildcard_then_fallback(store: StateStore) -> None:
    assert routes.route_channels(store, {"team": "data"}) == ()
    routes.set_route(store, tag_key="team", tag_value="data", channel_id="CDATA", created_by="UADMIN")
    routes.set_route(store, tag_key="team", tag_value="*", channel_id="CTEAMS", created_by="UADMIN")
    routes.set_route(store, tag_key="env", tag_value="prod", channel_id="CPROD", created_by="UADMIN")
    routes.set_fallback_route(store, channel_id="CFINOPS", created_by="UADMIN")
    assert routes.route_channels(store, {"team": "data"}) == ("CDATA",)
    assert routes.route_channels(store, {"team": "web"}) == ("CTEAMS",)
    assert routes.route_channels(store, {"team": "data", "env": "prod"}) == ("CDATA", "CPROD")
    assert routes.route_channels(store, {"owner": "x"}) == ("CFINOPS",)
    moved = routes.set_route(store, tag_key="team", tag_value="data", channel_id="CDATA2", created_by="UBOB")
    assert moved.channel_id == "CDATA2"
    assert [(r.tag_key, r.tag_value, r.channel_id) for r in routes.list_routes(store)] == [
        ("*", "*", "CFINOPS"),
        ("env", "prod", "CPROD"),
        ("team", "*", "CTEAMS"),
        ("team", "data", "CDATA2"),
    ]
    assert routes.list_routes(store)[0].is_fallback
    routes.remove_route(store, tag_key="team", tag_value="data")
    assert routes.route_channels(store, {"team": "data"}) == ("CTEAMS",)
    with pytest.raises(NotFound, match="No route for team=data"):
        routes.remove_route(store, tag_key="team", tag_value="data")
    with pytest.raises(UsageError, match="The fallback route is"):
        routes.set_route(store, tag_key="*", tag_value="x", channel_id="C1", created_by="U1")
    with pytest.raises(UsageError, match="needs a tag key and value"):
        routes.set_route(store, tag_key="team", tag_value=" ", channel_id="C1", created_by="U1")


# -------------------------------------------------------------------------------------------- budgets


def test_budgets_set_get_list_delete(store: StateStore) -> None:
    b, created = budgets.set_budget(
        store,
        name="prod-monthly",
        amount="12,500.505",
        filters="account=111111111111",
        channel_id="CFIN",
        created_by="UALICE",
        now=T0,
    )
    assert created and b.amount == Decimal("12500.51") and b.currency == "USD"  # half-up, as amounts are shown
    b2, created = budgets.set_budget(
        store, name="prod-monthly", amount=Decimal("13000"), currency="eur", channel_id="CFIN", created_by="UBOB"
    )
    assert not created and b2.amount == Decimal("13000.00") and b2.currency == "EUR" and b2.created_by == "UALICE"
    budgets.set_budget(store, name="dev", amount=100, channel_id="CDEV", created_by="UALICE")
    assert [x.name for x in budgets.list_budgets(store)] == ["dev", "prod-monthly"]
    assert [x.name for x in budgets.list_budgets(store, channel_id="CDEV")] == ["dev"]
    assert budgets.get_budget(store, "dev").amount == Decimal("100.00")
    with pytest.raises(NotFound, match="No budget named 'prod-monthy'") as info:
        budgets.get_budget(store, "prod-monthy")
    assert info.value.suggestions == ("prod-monthly",)
    budgets.delete_budget(store, "dev")
    with pytest.raises(NotFound):
        budgets.delete_budget(store, "dev")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "my budget"}, "'my budget' is not a budget name"),
        ({"amount": "-5"}, "A budget must be a positive amount, not -5"),
        ({"amount": "0"}, "positive amount"),
        ({"amount": "lots"}, "'lots' is not an amount"),
        ({"amount": "NaN"}, "positive amount"),
        ({"currency": "dollars"}, "'DOLLARS' is not a currency code"),
        ({"channel_id": "#fin"}, "'#fin' is not a Slack channel id"),
    ],
)
def test_budgets_reject_bad_input(store: StateStore, kwargs: dict[str, str], message: str) -> None:
    args: dict[str, Any] = {"name": "prod", "amount": "100", "channel_id": "CFIN", "created_by": "UALICE"} | kwargs
    with pytest.raises(UsageError, match=message):
        budgets.set_budget(store, **args)
    assert budgets.list_budgets(store) == ()


# ------------------------------------------------------------------------------------- anomaly alerts


def _record(store: StateStore, impact: float, end: date | None = None) -> tuple[alerts.AnomalyAlert, bool]:
    return alerts.record_anomaly(
        store,
        key="service:AmazonEC2:2026-11-20",
        dimension="service",
        value="Amazon EC2",
        start=date(2026, 11, 20),
        end=end,
        channel_id="COPS",
        impact=impact,
        now=T0,
    )


def test_anomaly_alert_lifecycle(store: StateStore) -> None:
    alert, created = _record(store, 120.5)
    assert created and alert.status == "open" and alert.sensitivity == 1.0 and alert.message_ts is None
    posted = alerts.set_alert_message(store, alert.key, channel_id="COPS", message_ts="1700000000.000100")
    assert posted.thread_ts == "1700000000.000100"
    again, created = _record(store, 180.0, end=date(2026, 11, 22))
    assert not created and again.last_impact == 180.0 and again.end == date(2026, 11, 22)
    assert again.message_ts == "1700000000.000100"
    snoozed = alerts.triage_anomaly(
        store, alert.key, status="snoozed", by="UALICE", snoozed_until=T0 + timedelta(days=1), now=T0
    )
    assert snoozed.is_muted(T0 + timedelta(hours=23)) and not snoozed.is_muted(T0 + timedelta(days=1, seconds=1))
    expected = alerts.triage_anomaly(store, alert.key, status="not_anomaly", by="UBOB", sensitivity=1.5, now=T0)
    assert (expected.status, expected.triaged_by, expected.sensitivity, expected.snoozed_until) == (
        "not_anomaly",
        "UBOB",
        1.5,
        None,
    )
    assert expected.is_muted(T0 + timedelta(days=365))
    assert alerts.get_anomaly_alert(store, alert.key) == expected
    assert alerts.get_anomaly_alert(store, "nope") is None
    assert [a.key for a in alerts.list_anomaly_alerts(store, status="not_anomaly", channel_id="COPS")] == [alert.key]
    assert alerts.list_anomaly_alerts(store, status="open") == ()


def test_anomaly_alert_bad_input(store: StateStore) -> None:
    alert, _ = _record(store, 10.0)
    with pytest.raises(UsageError, match="Unknown alert status 'ignored'"):
        alerts.triage_anomaly(store, alert.key, status="ignored", by="U1")
    with pytest.raises(UsageError, match="A snooze needs an end in the future"):
        alerts.triage_anomaly(store, alert.key, status="snoozed", by="U1", snoozed_until=T0, now=T0)
    with pytest.raises(NotFound, match="No anomaly alert 'x'"):
        alerts.triage_anomaly(store, "x", status="acknowledged", by="U1")
    with pytest.raises(ValueError, match="before its start"):
        alerts.record_anomaly(
            store,
            key="k",
            dimension="service",
            value="S3",
            start=date(2026, 11, 2),
            end=date(2026, 11, 1),
            channel_id="C1",
            impact=1.0,
        )
    unchanged = alerts.get_anomaly_alert(store, alert.key)
    assert unchanged is not None and unchanged.status == "open"


def test_two_replicas_detecting_the_same_anomaly_post_it_once(store: StateStore) -> None:
    import threading
    from concurrent.futures import ThreadPoolExecutor

    stores = [StateStore(store.url_text) for _ in range(4)]
    barrier = threading.Barrier(4)

    def detect(s: StateStore) -> bool:
        barrier.wait()
        return _record(s, 50.0)[1]

    with ThreadPoolExecutor(4) as pool:
        created = list(pool.map(detect, stores))
    for s in stores:
        s.dispose()
    assert sorted(created) == [False, False, False, True]
