"""Idempotent deliveries: claim / sent / failed, stale claims, and racing claimers (threads and processes)."""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from bot.state.db import StateStore
from bot.state.deliveries import (
    ChannelFailures,
    Claim,
    DeliveryKey,
    begin_post,
    channel_failures,
    claim_delivery,
    due_retries,
    get_delivery,
    mark_expired,
    mark_failed,
    mark_sent,
)

T0 = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)
KEY = DeliveryKey("daily", "CFIN", "2026-11-25")


def _claim(store: StateStore, key: DeliveryKey = KEY, **kw: object) -> Claim:
    claim = claim_delivery(store, key, **kw)  # type: ignore[arg-type]
    assert claim is not None
    return claim


def test_claim_send_then_never_again(store: StateStore) -> None:
    claim = _claim(store, now=T0)
    assert not claim_delivery(store, KEY, now=T0 + timedelta(seconds=1))  # live claim: someone is posting
    assert mark_sent(store, claim, "1700000000.000100", now=T0 + timedelta(seconds=2))
    sent = get_delivery(store, KEY)
    assert sent is not None
    assert (sent.status, sent.message_ts, sent.attempts, sent.key) == ("sent", "1700000000.000100", 1, KEY)
    assert not claim_delivery(store, KEY, now=T0 + timedelta(days=30))  # sent stays sent, even much later
    assert claim_delivery(store, DeliveryKey("daily", "CFIN", "2026-11-26"), now=T0)  # next period is its own


def test_failed_delivery_is_retried_after_its_back_off_until_its_deadline(store: StateStore) -> None:
    claim = _claim(store, now=T0, deadline=T0 + timedelta(hours=1))
    assert mark_failed(store, claim, "channel_not_found", posted="no", next_attempt_at=T0 + timedelta(minutes=2))
    failed = get_delivery(store, KEY)
    assert failed is not None
    assert (failed.status, failed.error, failed.attempts, failed.next_attempt_at) == (
        "failed",
        "channel_not_found",
        1,
        T0 + timedelta(minutes=2),
    )
    assert not claim_delivery(store, KEY, now=T0 + timedelta(minutes=1))  # backing off
    again = _claim(store, now=T0 + timedelta(minutes=2), deadline=T0 + timedelta(days=9))
    assert (again.attempts, again.last_error, again.deadline, again.overdue) == (
        2,
        "channel_not_found",
        T0 + timedelta(hours=1),
        False,  # the first deadline stays
    )
    mark_failed(store, again, "ratelimited", posted="no")
    late = _claim(store, now=T0 + timedelta(hours=1))
    assert late.overdue  # past the deadline: granted to settle it, never to post
    assert mark_expired(store, late, "not posted: its deadline passed")
    record = get_delivery(store, KEY)
    assert record is not None and (record.status, record.attempts) == ("expired", 3)
    assert not claim_delivery(store, KEY, now=T0 + timedelta(days=1))  # expired is final


def test_a_doubtful_attempt_is_remembered_until_sent(store: StateStore) -> None:
    """begin_post marks the post's fate unknown; only an answer proving nothing was posted clears it, and never
    the doubt of an earlier attempt."""
    first = _claim(store, now=T0)
    assert begin_post(store, first, now=T0)
    mark_failed(store, first, "no answer", posted="maybe")
    second = _claim(store, now=T0 + timedelta(minutes=1))
    assert second.unknown_since == T0
    assert begin_post(store, second, now=T0 + timedelta(minutes=1))
    mark_failed(store, second, "ratelimited", posted="no")  # this attempt did nothing; the first may have
    third = _claim(store, now=T0 + timedelta(minutes=2))
    assert third.unknown_since == T0
    clean = _claim(store, DeliveryKey("daily", "CFIN", "x"), now=T0)
    begin_post(store, clean, now=T0)
    mark_failed(store, clean, "is_archived", posted="no")
    assert _claim(store, DeliveryKey("daily", "CFIN", "x"), now=T0).unknown_since is None


def test_a_stale_claim_is_taken_over_once_and_the_stale_worker_can_neither_post_nor_mark(store: StateStore) -> None:
    stale = timedelta(minutes=10)
    a = _claim(store, now=T0)  # worker A stalls
    assert not claim_delivery(store, KEY, stale_after=stale, now=T0 + timedelta(minutes=9))
    b = _claim(store, stale_after=stale, now=T0 + timedelta(minutes=11))
    assert not claim_delivery(store, KEY, stale_after=stale, now=T0 + timedelta(minutes=11, seconds=1))
    assert (b.attempts, b.token != a.token) == (2, True)
    assert not begin_post(store, a)  # A may not post any more ...
    assert not mark_failed(store, a, "late", posted="no")  # ... nor record anything
    assert not mark_sent(store, a, "1.1")
    assert begin_post(store, b) and mark_sent(store, b, "2.2")
    assert not mark_failed(store, a, "late", posted="maybe")  # sent is never turned back into failed
    record = get_delivery(store, KEY)
    assert record is not None and (record.status, record.message_ts, record.error) == ("sent", "2.2", "")


def test_mark_sent_runs_the_callers_write_in_the_same_transaction(store: StateStore) -> None:
    claim = _claim(store, now=T0)
    seen: list[bool] = []
    assert mark_sent(store, claim, "1.1", also=lambda session: seen.append(session.in_transaction()))
    assert seen == [True]

    other = _claim(store, DeliveryKey("daily", "CFIN", "y"), now=T0)

    def fail(session: object) -> None:
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        mark_sent(store, other, "2.2", also=fail)
    record = get_delivery(store, DeliveryKey("daily", "CFIN", "y"))
    assert record is not None and record.status == "pending"  # both or neither


def test_due_retries_and_claimable_agree(store: StateStore) -> None:
    claim = _claim(store, now=T0)
    mark_failed(store, claim, "internal_error", posted="maybe", next_attempt_at=T0 + timedelta(minutes=1))
    record = get_delivery(store, KEY)
    assert record is not None
    assert (due_retries(store, "daily", now=T0), record.claimable(T0)) == (0, False)
    at = T0 + timedelta(minutes=1)
    assert (due_retries(store, "daily", now=at), record.claimable(at)) == (1, True)
    assert due_retries(store, "weekly", now=at) == 0


def test_channel_failures_for_status(store: StateStore) -> None:
    for channel, period, error, minute in [
        ("CFIN", "d1", "not_in_channel", 1),
        ("CFIN", "d2", "channel_not_found", 2),
        ("COPS", "d1", "ratelimited", 3),
    ]:
        key = DeliveryKey("daily", channel, period)
        mark_failed(store, _claim(store, key, now=T0), error, posted="no", now=T0 + timedelta(minutes=minute))
    expired = _claim(store, DeliveryKey("daily", "COPS", "d0"), now=T0)
    mark_expired(store, expired, "not posted: its deadline passed", now=T0 + timedelta(minutes=4))
    ok = DeliveryKey("daily", "CDEV", "d1")
    mark_sent(store, _claim(store, ok), "1.2")
    assert channel_failures(store) == (
        ChannelFailures("CFIN", 2, "channel_not_found", T0 + timedelta(minutes=2)),
        ChannelFailures("COPS", 2, "not posted: its deadline passed", T0 + timedelta(minutes=4)),
    )
    assert [f.channel_id for f in channel_failures(store, since=T0 + timedelta(minutes=3))] == ["COPS"]


def test_bad_keys(store: StateStore) -> None:
    with pytest.raises(ValueError, match="delivery key channel_id must be non-empty"):
        DeliveryKey("daily", "", "2026-11-25")
    with pytest.raises(ValueError, match="without '\\|'"):
        DeliveryKey("daily", "C1", "a|b")


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
