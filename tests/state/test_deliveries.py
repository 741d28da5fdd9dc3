"""Idempotent deliveries: claim / sent / failed, stale claims, and racing claimers (threads and processes)."""

from __future__ import annotations

import multiprocessing
import re
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from bot.errors import NotFound
from bot.state.db import StateStore
from bot.state.deliveries import (
    ChannelFailures,
    DeliveryKey,
    channel_failures,
    claim_delivery,
    get_delivery,
    mark_failed,
    mark_sent,
)

T0 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
KEY = DeliveryKey("daily", "CFIN", "2026-11-25")


def test_claim_send_then_never_again(store: StateStore) -> None:
    assert claim_delivery(store, KEY, now=T0)
    assert not claim_delivery(store, KEY, now=T0 + timedelta(seconds=1))  # live claim: someone is posting
    sent = mark_sent(store, KEY, "1700000000.000100", now=T0 + timedelta(seconds=2))
    assert (sent.status, sent.message_ts, sent.attempts, sent.key) == ("sent", "1700000000.000100", 1, KEY)
    assert not claim_delivery(store, KEY, now=T0 + timedelta(days=30))  # sent stays sent, even much later
    assert claim_delivery(store, DeliveryKey("daily", "CFIN", "2026-11-26"), now=T0)  # next period is its own


def test_failed_delivery_is_retried_until_max_attempts(store: StateStore) -> None:
    assert claim_delivery(store, KEY, now=T0)
    failed = mark_failed(store, KEY, "channel_not_found", now=T0)
    assert (failed.status, failed.error, failed.attempts) == ("failed", "channel_not_found", 1)
    assert claim_delivery(store, KEY, max_attempts=3, now=T0)
    mark_failed(store, KEY, "ratelimited", now=T0)
    assert claim_delivery(store, KEY, max_attempts=3, now=T0)
    mark_failed(store, KEY, "ratelimited", now=T0)
    assert not claim_delivery(store, KEY, max_attempts=3, now=T0)  # gave up after 3 attempts
    record = get_delivery(store, KEY)
    assert record is not None and (record.status, record.attempts) == ("failed", 3)


def test_stale_claim_is_taken_over_once(store: StateStore) -> None:
    assert claim_delivery(store, KEY, now=T0)  # this worker "dies" before marking
    stale = timedelta(minutes=10)
    assert not claim_delivery(store, KEY, stale_after=stale, now=T0 + timedelta(minutes=9))
    assert claim_delivery(store, KEY, stale_after=stale, now=T0 + timedelta(minutes=11))
    assert not claim_delivery(store, KEY, stale_after=stale, now=T0 + timedelta(minutes=11, seconds=1))
    record = get_delivery(store, KEY)
    assert record is not None and (record.status, record.attempts) == ("pending", 2)


def test_channel_failures_for_status(store: StateStore) -> None:
    for channel, period, error, minute in [
        ("CFIN", "d1", "not_in_channel", 1),
        ("CFIN", "d2", "channel_not_found", 2),
        ("COPS", "d1", "ratelimited", 3),
    ]:
        key = DeliveryKey("daily", channel, period)
        claim_delivery(store, key, now=T0)
        mark_failed(store, key, error, now=T0 + timedelta(minutes=minute))
    ok = DeliveryKey("daily", "CDEV", "d1")
    claim_delivery(store, ok)
    mark_sent(store, ok, "1.2")
    assert channel_failures(store) == (
        ChannelFailures("CFIN", 2, "channel_not_found", T0 + timedelta(minutes=2)),
        ChannelFailures("COPS", 1, "ratelimited", T0 + timedelta(minutes=3)),
    )
    assert [f.channel_id for f in channel_failures(store, since=T0 + timedelta(minutes=3))] == ["COPS"]


def test_bad_keys_and_unknown_marks(store: StateStore) -> None:
    with pytest.raises(ValueError, match="delivery key channel_id must be non-empty"):
        DeliveryKey("daily", "", "2026-11-25")
    with pytest.raises(ValueError, match="without '\\|'"):
        DeliveryKey("daily", "C1", "a|b")
    with pytest.raises(NotFound, match=re.escape("No delivery 'daily|CFIN|2026-11-25' was claimed")):
        mark_sent(store, KEY, "1.1")


def _race_in_threads(url: str, keys: list[DeliveryKey], workers: int, now: datetime) -> dict[DeliveryKey, int]:
    stores = [StateStore(url) for _ in range(workers)]
    barrier = threading.Barrier(workers)

    def claim_all(store: StateStore) -> list[DeliveryKey]:
        barrier.wait()
        return [k for k in keys if claim_delivery(store, k, stale_after=timedelta(minutes=10), now=now)]

    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(claim_all, stores))
    for s in stores:
        s.dispose()
    wins = {k: 0 for k in keys}
    for won in results:
        for k in won:
            wins[k] += 1
    return wins


def test_racing_threads_exactly_one_claim_wins(store: StateStore) -> None:
    url = store.url_text
    keys = [DeliveryKey("daily", f"C{i:03d}", "2026-11-25") for i in range(25)]
    assert set(_race_in_threads(url, keys, 6, T0).values()) == {1}  # first claims (INSERT race)
    # Every claim is now stale: the re-claims (UPDATE race) must also have exactly one winner each.
    assert set(_race_in_threads(url, keys, 6, T0 + timedelta(hours=1)).values()) == {1}


def _claim_in_process(args: tuple[str, list[DeliveryKey], float]) -> list[DeliveryKey]:
    url, keys, start_at = args
    import time

    store = StateStore(url)
    time.sleep(max(0.0, start_at - time.time()))  # start together
    won = [k for k in keys if claim_delivery(store, k)]
    store.dispose()
    return won


def test_racing_processes_exactly_one_claim_wins(store: StateStore) -> None:
    import time

    keys = [DeliveryKey("weekly", f"C{i:03d}", "2026-W47") for i in range(25)]
    start_at = time.time() + 1.0
    with ProcessPoolExecutor(4, mp_context=multiprocessing.get_context("fork")) as pool:
        results = list(pool.map(_claim_in_process, [(store.url_text, keys, start_at)] * 4))
    winners = [k for won in results for k in won]
    assert sorted(winners) == sorted(keys)  # every key claimed, none twice
