"""The replay bench's pieces: the store as it stood on a morning, and which slices an injected event lives in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bench.anomaly_replay import AsOf, event_window, slices
from bot.billing.model import AggregateRequest, Dimension, DimensionRef, Granularity, TimeRange
from jobs.anomaly_alerts import last_complete_day
from tests.billing.test_anomaly_rootcause import DAYS, START, MemoryStore, bill


def test_the_store_as_it_stood_on_a_morning_holds_no_usage_from_that_day_on() -> None:
    MemoryStore.items = bill()
    morning = START + timedelta(days=40)
    view = AsOf(MemoryStore(), morning)
    assert last_complete_day(view) == morning - timedelta(days=1)
    rows = view.aggregate(AggregateRequest(TimeRange(START, START + timedelta(days=DAYS)), granularity=Granularity.DAY))
    assert max(r.bucket for r in rows if r.bucket) == datetime.combine(
        morning - timedelta(days=1), datetime.min.time(), UTC
    )
    later = view.aggregate(
        AggregateRequest(TimeRange(morning, morning + timedelta(days=5)), (DimensionRef(Dimension.SERVICE),))
    )
    assert later == []


def test_an_event_lives_in_the_total_and_its_account_service_region_usage_types_and_resource() -> None:
    event = {
        "start": "2025-10-30T00:00:00",
        "end": None,
        "keys": {
            "account_id": "123456789012",
            "service_name": "Amazon CloudFront",
            "region": "",
            "usage_type": "US-DataTransfer-Out-Bytes",
            "usage_types": ["US-DataTransfer-Out-Bytes", "US-Requests-Tier2-HTTPS"],
            "resource_id": "arn:aws:cloudfront::123456789012:distribution/E81BA903B00653",
        },
    }
    assert slices(event, {}) == {
        ("total", ""),
        ("account", "123456789012"),
        ("service", "Amazon CloudFront"),
        ("usage-type", "US-DataTransfer-Out-Bytes"),
        ("usage-type", "US-Requests-Tier2-HTTPS"),
        ("resource", "arn:aws:cloudfront::123456789012:distribution/E81BA903B00653"),
    }
    # A lasting change (no end) stays open until the end of the data.
    assert event_window(event, date(2025, 12, 28)) == (date(2025, 10, 30), date(2025, 12, 28))
