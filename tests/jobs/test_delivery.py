"""Exactly-once delivery in one process: claims, recovery from the channel's history, failing channels, pacing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.delivery import ChannelPacer, Deliverer, deliver, delivery_metadata
from bot.slack.blocks import message
from bot.state.db import StateStore
from bot.state.deliveries import DeliveryKey, channel_failures, claim_delivery, get_delivery
from tests.jobs.support import HistorySlack

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


@pytest.fixture
def state(tmp_path: Path) -> StateStore:
    store = StateStore(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    store.migrate()
    return store


def _deliverer(state: StateStore, client: WebClient, now: datetime) -> Deliverer:
    return Deliverer(state, client, pacer=ChannelPacer(0), clock=lambda: now)


def test_posts_once_with_key_in_metadata(state: StateStore, client: WebClient, slack: HistorySlack) -> None:
    key = DeliveryKey("daily", "C0WEB", "2026-11-26/1")
    first = _deliverer(state, client, T0).post_message(key, message("hello"))
    again = _deliverer(state, client, T0 + timedelta(hours=1)).post_message(key, message("hello"))
    assert (first.outcome, again.outcome) == ("sent", "skipped")
    posts = slack.calls("chat.postMessage")
    assert len(posts) == 1
    assert posts[0].args["metadata"] == {"event_type": "trackit_delivery", "event_payload": {"key": key.text}}
    record = get_delivery(state, key)
    assert record is not None and record.status == "sent" and record.message_ts == first.message_ts


def test_stale_claim_after_a_post_is_recovered_from_history(
    state: StateStore, client: WebClient, slack: HistorySlack
) -> None:
    """A worker claimed, posted, and died before mark_sent: the next claim finds the post and records it."""
    key = DeliveryKey("daily", "C0WEB", "2026-11-26/1")
    assert claim_delivery(state, key, now=T0)
    client.chat_postMessage(channel="C0WEB", text="hello", metadata=delivery_metadata(key))
    # Within the lease nobody may retry; after it, the retry finds the post instead of posting again.
    assert _deliverer(state, client, T0 + timedelta(minutes=5)).post_message(key, message("x")).outcome == "skipped"
    out = _deliverer(state, client, T0 + timedelta(minutes=11)).post_message(key, message("x"))
    assert out.outcome == "recovered"
    assert len(slack.calls("chat.postMessage")) == 1
    assert len(slack.calls("conversations.history")) == 1


def test_stale_claim_without_a_post_posts(state: StateStore, client: WebClient, slack: HistorySlack) -> None:
    key = DeliveryKey("daily", "C0WEB", "2026-11-26/1")
    assert claim_delivery(state, key, now=T0)
    # Another key's post in the same channel must not be mistaken for this one.
    client.chat_postMessage(
        channel="C0WEB", text="other", metadata=delivery_metadata(DeliveryKey("daily", "C0WEB", "x"))
    )
    out = _deliverer(state, client, T0 + timedelta(minutes=11)).post_message(key, message("hello"))
    assert out.outcome == "sent"
    assert [p["text"] for p in slack.posts("C0WEB")] == ["other", "hello"]


def test_failing_channel_is_recorded_and_others_still_get_theirs(
    state: StateStore, client: WebClient, slack: HistorySlack
) -> None:
    slack.broken["C0GONE"] = "is_archived"
    slack.broken["C0KICKED"] = "not_in_channel"
    d = _deliverer(state, client, T0)
    outcomes = [
        d.post_message(DeliveryKey("daily", channel, "2026-11-26/1"), message(f"to {channel}"))
        for channel in ("C0GONE", "C0WEB", "C0KICKED", "C0DATA")
    ]
    assert [(o.outcome, o.error) for o in outcomes] == [
        ("failed", "is_archived"),
        ("sent", ""),
        ("failed", "not_in_channel"),
        ("sent", ""),
    ]
    failures = {f.channel_id: (f.failed, f.last_error) for f in channel_failures(state)}
    assert failures == {"C0GONE": (1, "is_archived"), "C0KICKED": (1, "not_in_channel")}
    # A failed delivery is retried by the next run; it succeeds once the channel works again.
    del slack.broken["C0GONE"]
    later = _deliverer(state, client, T0 + timedelta(minutes=1))
    assert later.post_message(DeliveryKey("daily", "C0GONE", "2026-11-26/1"), message("again")).outcome == "sent"
    assert [p["text"] for p in slack.posts("C0GONE")] == ["again"]


def test_a_post_that_raises_anything_is_recorded_not_raised(state: StateStore, client: WebClient) -> None:
    def boom(metadata: Any) -> str:
        raise RuntimeError("disk full")

    out = deliver(state, DeliveryKey("daily", "C0WEB", "p"), boom, client=client, now=T0)
    assert (out.outcome, out.error) == ("failed", "RuntimeError: disk full")


def test_pacer_spaces_posts_to_one_channel_by_a_second() -> None:
    clock = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    pacer = ChannelPacer(1.0, sleep=sleep, monotonic=lambda: clock[0])
    for channel in ("C1", "C1", "C2", "C1"):
        pacer.wait(channel)
    assert slept == [1.0, 1.0]  # C1 twice back to back, C2 free, then C1 again one second after its last
    assert pacer.waited == 2.0
