"""Daily inventory snapshots in app state (SQLite and PostgreSQL): round trip, one row per day, retention, failed
days never hiding good data, and the v0002 migration over a v0001 database that holds data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import inspect

from bot.aws.metrics import MetricsResult
from bot.billing.inventory import CollectionError, Inventory, Resource, ResourceKind, ResourceMetrics
from bot.state.db import StateStore
from bot.state.inventory import latest_snapshot, record_failure, save_snapshot, snapshot_on, snapshot_summaries
from bot.state.subscriptions import list_subscriptions, subscribe

DAY = date(2026, 11, 27)
AT = datetime(2026, 11, 27, 5, 3, tzinfo=UTC)
RI = "arn:aws:ec2:us-east-1:111111111111:reserved-instances/r-1"


def _inventory(n: int = 2, *, errors: tuple[CollectionError, ...] = ()) -> tuple[Inventory, MetricsResult]:
    resources = tuple(
        Resource(
            "111111111111",
            "us-east-1",
            ResourceKind.EC2,
            f"i-{i}",
            f"arn:i-{i}",
            type="m5.large",
            state="running",
            tags=(("team", "web"),),
        )
        for i in range(n)
    )
    days = tuple(DAY - timedelta(days=3 - d) for d in range(3))
    metrics = {
        r.key: ResourceMetrics(r, {"cpu_avg": tuple(zip(days, (1.5, None, 2.25), strict=True))}) for r in resources
    }
    return Inventory(resources, errors, {"ec2": 3}, {}, AT, {"111111111111": ("us-east-1",)}), MetricsResult(
        metrics, days, errors=(CollectionError("111111111111", "us-east-1", "cloudwatch:GetMetricData", "X", "y"),)
    )


def test_a_snapshot_round_trips_with_metrics_errors_and_end_dates(store: StateStore) -> None:
    denied = CollectionError("222222222222", "eu-west-1", "rds:rds", "AccessDenied", "not authorized")
    inventory, metrics = _inventory(errors=(denied,))
    summary = save_snapshot(store, DAY, inventory, metrics, commitment_ends={RI: date(2026, 12, 27)}, now=AT)

    assert (summary.day, summary.status, summary.resources, summary.errors) == (DAY, "partial", 2, 2)
    assert summary.error_lines == (
        "222222222222 eu-west-1 rds:rds: AccessDenied not authorized",
        "111111111111 us-east-1 cloudwatch:GetMetricData: X y",
    )
    latest = latest_snapshot(store)
    assert latest is not None
    assert latest.inventory.resources == inventory.resources
    assert latest.metrics == dict(metrics.metrics)
    assert latest.commitment_ends == {RI: date(2026, 12, 27)}
    assert latest.summary == summary
    assert latest_snapshot(store) is latest  # cached until a newer row appears


def test_one_row_per_day_and_old_days_are_dropped(store: StateStore) -> None:
    for offset in range(4):
        inventory, metrics = _inventory(offset + 1)
        save_snapshot(store, DAY + timedelta(days=offset), inventory, metrics, keep_days=2, now=AT)
    again, metrics = _inventory(9)
    save_snapshot(store, DAY + timedelta(days=3), again, None, keep_days=2, now=AT)  # a re-run replaces the day

    assert [(s.day, s.resources, s.status) for s in snapshot_summaries(store)] == [
        (DAY + timedelta(days=3), 9, "ok"),
        (DAY + timedelta(days=2), 3, "partial"),
    ]
    latest = latest_snapshot(store)
    assert latest is not None and len(latest.inventory.resources) == 9 and latest.metrics == {}
    assert snapshot_on(store, DAY) is None


def test_a_failed_day_keeps_the_good_data(store: StateStore) -> None:
    inventory, metrics = _inventory()
    save_snapshot(store, DAY, inventory, metrics, now=AT)
    # The next day fails as a whole: recorded, yet the latest data is still the good day's.
    failed = record_failure(store, DAY + timedelta(days=1), "SourceAccessDenied: could not assume role", now=AT)
    assert (failed.status, failed.message) == ("failed", "SourceAccessDenied: could not assume role")
    latest = latest_snapshot(store)
    assert latest is not None and latest.day == DAY
    # A failure recorded for a day that already has data does not replace it.
    kept = record_failure(store, DAY, "late failure", now=AT)
    assert kept.status == "partial"
    assert [s.status for s in snapshot_summaries(store)] == ["failed", "partial"]
    # A later success replaces the failed row.
    save_snapshot(store, DAY + timedelta(days=1), inventory, None, now=AT)
    assert [s.status for s in snapshot_summaries(store)] == ["ok", "partial"]


def test_upgrade_from_v0001_keeps_the_data_and_adds_the_table(state_url: str) -> None:
    store = StateStore(state_url)
    store.migrate("0001")
    assert "inventory_snapshots" not in inspect(store.engine).get_table_names()
    subscribe(store, channel_id="C0FIN", kind="commitments", created_by="U1")

    store.migrate("0002")

    assert store.current_revision() == "0002"
    assert [s.kind for s in list_subscriptions(store)] == ["commitments"]
    inventory, metrics = _inventory()
    save_snapshot(store, DAY, inventory, metrics, now=AT)
    assert [s.resources for s in snapshot_summaries(store)] == [2]
    store.dispose()
