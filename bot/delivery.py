"""Exactly-once posting of scheduled messages: claim, post, record, and recover from a crash in between.

Every scheduled post has a `DeliveryKey` (job, channel, period). `deliver()` does:

1. `claim_delivery(key)` in app state. False: the key was sent already, or a live worker (this replica or
   another) holds the claim: nothing is posted.
2. A *re-claim* (the row existed: a previous attempt failed, or its worker died after claiming) may follow a
   post that reached Slack but was never recorded (a crash or a lost HTTP answer between posting and
   `mark_sent`). Before posting again we read the channel's history since the first claim
   (`conversations.history` with `include_all_metadata`) and look for a message carrying this key in its
   message metadata (every post made here attaches `metadata={"event_type": "trackit_delivery",
   "event_payload": {"key": ...}}`). Found: record it as sent, post nothing.
   (https://docs.slack.dev/messaging/message-metadata, https://docs.slack.dev/reference/methods/conversations.history)
3. Post, then `mark_sent(key, ts)`. A Slack error (channel archived, bot removed, ...) is recorded with
   `mark_failed` (shown by `/trackit status`, retried by later claims up to the attempt limit) and returned, never
   raised: one broken channel never stops the others.

What this guarantees: a first attempt posts at most once (only one claimant wins); a crash before posting is
retried once the claim is stale; a crash after posting is detected from the channel itself. The one window left
is a history read that fails (missing `channels:history` scope, Slack outage) on a re-claim: then we post,
preferring a rare duplicate over a silently skipped report, and log it.

Pacing: Slack allows about one message per second per channel; `ChannelPacer` spaces posts to one channel by
`min_interval` and counts the time it waited (benchmarks report it apart from compute). HTTP 429s are retried by
the client's `RateLimitErrorRetryHandler` (bot.slack.client).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import Message
from bot.state.db import StateStore, utcnow
from bot.state.deliveries import (
    DEFAULT_STALE_AFTER,
    DeliveryKey,
    claim_delivery,
    get_delivery,
    mark_failed,
    mark_sent,
)

log = logging.getLogger(__name__)

#: The message-metadata event type that marks a scheduled post (its payload carries the delivery key).
METADATA_EVENT_TYPE = "trackit_delivery"
#: Slack errors that mean "this channel cannot receive posts" (reported per channel in `/trackit status`).
CHANNEL_ERRORS = frozenset(
    {"channel_not_found", "is_archived", "not_in_channel", "restricted_action", "team_access_not_granted"}
)
#: How many history pages (of 200 messages) a re-claim reads looking for its own earlier post.
HISTORY_PAGES = 5

Outcome = Literal["sent", "recovered", "skipped", "failed"]
#: Posts a message carrying `metadata` (pass it to chat.postMessage) and returns the message ts.
PostFn = Callable[[Mapping[str, Any]], str]


@dataclass(frozen=True)
class DeliveryOutcome:
    """What `deliver()` did: `sent` (posted now), `recovered` (an earlier post was found in the channel and
    recorded), `skipped` (already sent, or claimed by a live worker), `failed` (Slack refused; `error` says why)."""

    key: DeliveryKey
    outcome: Outcome
    message_ts: str | None = None
    error: str = ""


def delivery_metadata(key: DeliveryKey) -> dict[str, Any]:
    """The message metadata that identifies a scheduled post as the delivery of `key`."""
    return {"event_type": METADATA_EVENT_TYPE, "event_payload": {"key": key.text}}


class ChannelPacer:
    """Keeps posts to one channel at least `min_interval` seconds apart (thread-safe).

    `waited` is the total time spent sleeping for pacing (rate-limit time, reported apart from compute).
    """

    def __init__(
        self,
        min_interval: float = 1.0,
        *,
        sleep: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.min_interval = min_interval
        self._sleep = sleep
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}
        self.waited = 0.0

    def wait(self, channel_id: str) -> float:
        """Block until `channel_id` may receive a post; returns the seconds waited."""
        with self._lock:
            now = self._monotonic()
            at = max(now, self._next.get(channel_id, now))
            self._next[channel_id] = at + self.min_interval
            delay = at - now
            self.waited += delay
        if delay > 0:
            self._sleep(delay)
        return delay


def find_posted(client: WebClient, key: DeliveryKey, since: datetime) -> str | None:
    """The ts of a message in `key.channel_id` posted after `since` that carries `key` in its metadata.

    Raises SlackApiError when the history cannot be read.
    """
    cursor: str | None = None
    oldest = f"{(since - timedelta(minutes=1)).timestamp():.6f}"
    for _ in range(HISTORY_PAGES):
        response = client.conversations_history(
            channel=key.channel_id, oldest=oldest, include_all_metadata=True, limit=200, cursor=cursor
        )
        for item in response.get("messages") or []:
            metadata = item.get("metadata") or {}
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == METADATA_EVENT_TYPE and payload.get("key") == key.text:
                return str(item.get("ts", ""))
        cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
        if not cursor:
            return None
    return None


def _error_text(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        code = exc.response.get("error", "") if exc.response is not None else ""
        return str(code or exc)
    return f"{type(exc).__name__}: {exc}"


def deliver(
    state: StateStore,
    key: DeliveryKey,
    post: PostFn,
    *,
    client: WebClient,
    pacer: ChannelPacer | None = None,
    now: datetime | None = None,
    stale_after: timedelta = DEFAULT_STALE_AFTER,
) -> DeliveryOutcome:
    """Post `key` at most once across restarts, retries and replicas (see the module docstring).

    `post(metadata)` must attach `metadata` to its chat.postMessage and return the message ts. Never raises for
    Slack or network errors: they are recorded with `mark_failed` and returned as a `failed` outcome.
    """
    now = now or utcnow()
    if not claim_delivery(state, key, stale_after=stale_after, now=now):
        return DeliveryOutcome(key, "skipped")
    record = get_delivery(state, key)
    if record is not None and record.attempts > 1:
        try:
            found = find_posted(client, key, record.created_at)
        except Exception as exc:
            log.warning("delivery %s: cannot read channel history (%s); posting again", key.text, _error_text(exc))
            found = None
        if found:
            mark_sent(state, key, found, now=now)
            log.info("delivery %s: found the earlier post %s, recorded it", key.text, found)
            return DeliveryOutcome(key, "recovered", found)
    if pacer is not None:
        pacer.wait(key.channel_id)
    try:
        ts = post(delivery_metadata(key))
    except Exception as exc:
        error = _error_text(exc)
        if error in CHANNEL_ERRORS:
            log.warning("delivery %s: channel refused the post: %s", key.text, error)
        else:
            log.exception("delivery %s failed", key.text)
        mark_failed(state, key, error, now=now)
        return DeliveryOutcome(key, "failed", error=error)
    mark_sent(state, key, ts, now=now)
    return DeliveryOutcome(key, "sent", ts)


class Deliverer:
    """`deliver()` bound to one app state, Slack client, pacer and clock (what jobs are given)."""

    def __init__(
        self,
        state: StateStore,
        client: WebClient,
        *,
        pacer: ChannelPacer | None = None,
        clock: Callable[[], datetime] = utcnow,
        stale_after: timedelta = DEFAULT_STALE_AFTER,
    ) -> None:
        self.state = state
        self.client = client
        self.pacer = pacer or ChannelPacer()
        self.clock = clock
        self.stale_after = stale_after

    def deliver(self, key: DeliveryKey, post: PostFn) -> DeliveryOutcome:
        return deliver(
            self.state, key, post, client=self.client, pacer=self.pacer, now=self.clock(), stale_after=self.stale_after
        )

    def was_sent(self, key: DeliveryKey) -> bool:
        """Whether `key` is recorded as delivered."""
        record = get_delivery(self.state, key)
        return record is not None and record.status == "sent"

    def cover(self, key: DeliveryKey, message_ts: str | None) -> None:
        """Record `key` as delivered by another message (a more urgent alert posted in the same run stands for the
        milder ones it makes redundant); a key already claimed or sent is left as it is."""
        if claim_delivery(self.state, key, now=self.clock()):
            mark_sent(self.state, key, message_ts, now=self.clock())

    def post_message(self, key: DeliveryKey, msg: Message, *, thread_ts: str | None = None) -> DeliveryOutcome:
        """Deliver `msg` (blocks + text) to `key.channel_id` exactly once."""

        def post(metadata: Mapping[str, Any]) -> str:
            response = self.client.chat_postMessage(
                channel=key.channel_id, thread_ts=thread_ts, metadata=dict(metadata), **msg.as_kwargs()
            )
            return str(response.get("ts", ""))

        return self.deliver(key, post)
