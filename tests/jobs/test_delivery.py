"""Exactly-once delivery in one process, against the fake Slack Web API over real HTTP: claims, crashes between
posting and recording, lost answers and resets (never re-sent by the client), 429s, 500s, back-off, deadlines,
unreadable channels, threads, stale workers, and a digest's files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.delivery import (
    ChannelPacer,
    Deliverer,
    DeliveryPolicy,
    Due,
    FileUpload,
    backoff,
    delivery_metadata,
    late_note,
)
from bot.slack.blocks import Message, message, section
from bot.slack.client import make_client
from bot.state.db import StateStore
from bot.state.deliveries import DeliveryKey, channel_failures, get_delivery
from tests.jobs.support import FrozenClock, HistorySlack

T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
KEY = DeliveryKey("daily", "C0WEB", "2026-11-26/1")


class Crash(BaseException):
    """Stands for a SIGKILL: nothing after it runs (not caught by the deliverer)."""


@pytest.fixture
def state(tmp_path: Path) -> Iterator[StateStore]:
    store = StateStore(f"sqlite:///{tmp_path / 'state.sqlite3'}")
    store.migrate()
    yield store
    store.dispose()


@pytest.fixture
def clock(slack: HistorySlack) -> FrozenClock:
    c = FrozenClock(T0)
    slack.clock = lambda: c().timestamp()
    return c


def _deliverer(state: StateStore, client: WebClient, clock: FrozenClock, **kw: Any) -> Deliverer:
    return Deliverer(state, client, pacer=ChannelPacer(0), clock=clock, rand=lambda: 0.0, sleep=lambda s: None, **kw)


def _posts_of(slack: HistorySlack, key: DeliveryKey) -> list[dict[str, Any]]:
    return [
        p for p in slack.posts(key.channel_id) if (p.get("metadata") or {}).get("event_payload") == {"key": key.text}
    ]


def test_posts_once_with_key_in_metadata_after_joining(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    d = _deliverer(state, client, clock)
    first = d.post_message(KEY, message("hello"))
    clock.advance(timedelta(hours=1))
    again = d.post_message(KEY, message("hello"))
    assert (first.outcome, again.outcome, again.message_ts) == ("sent", "skipped", first.message_ts)
    posts = slack.calls("chat.postMessage")
    assert len(posts) == 1
    assert posts[0].args["metadata"] == {"event_type": "trackit_delivery", "event_payload": {"key": KEY.text}}
    assert [c.args["channel"] for c in slack.calls("conversations.join")] == ["C0WEB"]  # once per process
    record = get_delivery(state, KEY)
    assert record is not None and record.status == "sent" and record.message_ts == first.message_ts
    assert slack.calls("conversations.history") == []  # nothing was in doubt: no history read


def test_crash_between_post_and_record_is_recovered_from_history(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    """A worker posted and died before recording it: the next claim finds the post by its metadata."""
    d = _deliverer(state, client, clock)

    def post_then_die(metadata: Any, note: str) -> str:
        client.chat_postMessage(channel=KEY.channel_id, text="hello", metadata=dict(metadata))
        raise Crash

    with pytest.raises(Crash):
        d.deliver(KEY, post_then_die)
    # Within the lease nobody may retry; after it, the retry finds the post instead of posting again.
    clock.set(T0 + timedelta(minutes=5))
    assert d.post_message(KEY, message("x")).outcome == "skipped"
    clock.set(T0 + timedelta(minutes=11))
    out = d.post_message(KEY, message("x"))
    assert out.outcome == "recovered"
    assert [p["text"] for p in slack.posts("C0WEB")] == ["hello"]
    assert len(slack.calls("conversations.history")) == 1
    record = get_delivery(state, KEY)
    assert record is not None and (record.status, record.message_ts) == ("sent", slack.posts("C0WEB")[0]["ts"])


def test_crash_before_the_post_left_nothing_so_the_retry_posts(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    d = _deliverer(state, client, clock)

    def die(metadata: Any, note: str) -> str:
        raise Crash

    with pytest.raises(Crash):
        d.deliver(KEY, die)
    # Another key's post in the same channel must not be mistaken for this one.
    client.chat_postMessage(
        channel="C0WEB", text="other", metadata=delivery_metadata(DeliveryKey("daily", "C0WEB", "x"))
    )
    clock.set(T0 + timedelta(minutes=11))
    assert d.post_message(KEY, message("hello")).outcome == "sent"
    assert [p["text"] for p in slack.posts("C0WEB")] == ["other", "hello"]


@pytest.mark.parametrize("fault", ["lost", "reset"])
def test_an_answer_lost_after_the_post_is_never_resent_and_is_found(
    state: StateStore, slack: HistorySlack, clock: FrozenClock, fault: str
) -> None:
    """The production client (3 retries) does not re-send a chat.postMessage whose connection dropped after Slack
    acted on it; the deliverer finds the post by its metadata at once."""
    client = make_client("xoxb-test", base_url=slack.api_url)
    faults = iter([fault])
    slack.fault = lambda method, args: next(faults, None) if method == "chat.postMessage" else None
    out = _deliverer(state, client, clock).post_message(KEY, message("hello"))
    assert out.outcome == "recovered"
    assert [c.fault for c in slack.calls("chat.postMessage")] == [fault]  # sent once, never again
    assert len(_posts_of(slack, KEY)) == 1
    record = get_delivery(state, KEY)
    assert record is not None and (record.status, record.message_ts) == ("sent", _posts_of(slack, KEY)[0]["ts"])


def test_a_lost_answer_while_history_is_down_is_settled_by_the_next_attempt(
    state: StateStore, slack: HistorySlack, clock: FrozenClock
) -> None:
    client = make_client("xoxb-test", base_url=slack.api_url)
    faults = {"chat.postMessage": ["lost"], "conversations.history": ["500"]}
    slack.fault = lambda method, args: (faults.get(method) or [None]).pop(0) if faults.get(method) else None
    d = _deliverer(state, client, clock)
    first = d.post_message(KEY, message("hello"))
    assert first.outcome == "failed" and first.error.startswith("RemoteDisconnected")
    record = get_delivery(state, KEY)
    assert record is not None and record.status == "failed" and record.unknown_since == T0
    # Back-off: 1 minute x jitter 0.5 (rand fixed at 0) = 30 s: not before.
    clock.set(T0 + timedelta(seconds=20))
    assert d.post_message(KEY, message("hello")).outcome == "skipped"
    clock.set(T0 + timedelta(seconds=31))
    assert d.post_message(KEY, message("hello")).outcome == "recovered"
    assert len(_posts_of(slack, KEY)) == 1 and len(slack.calls("chat.postMessage")) == 1


def test_500_is_retried_after_back_off_and_searched_first(
    state: StateStore, slack: HistorySlack, clock: FrozenClock
) -> None:
    """Slack answering 500 may or may not have posted: the next attempt looks before posting, then posts once."""
    client = make_client("xoxb-test", base_url=slack.api_url)
    faults = ["500", "500"]
    slack.fault = lambda method, args: faults.pop(0) if method == "chat.postMessage" and faults else None
    d = _deliverer(state, client, clock)
    assert d.post_message(KEY, message("hello")).error == "internal_error"
    clock.advance(timedelta(minutes=1))
    assert d.post_message(KEY, message("hello")).outcome == "failed"
    record = get_delivery(state, KEY)
    assert record is not None and record.next_attempt_at == T0 + timedelta(minutes=2)  # 2 min x 0.5 after attempt 2
    clock.set(T0 + timedelta(minutes=2))
    assert d.post_message(KEY, message("hello")).outcome == "sent"
    assert len(_posts_of(slack, KEY)) == 1
    assert len(slack.calls("chat.postMessage")) == 3
    assert len(slack.calls("conversations.history")) >= 3  # after each 500, and before the last post


def test_429_short_retry_after_is_waited_in_place_long_one_backs_off(
    state: StateStore, slack: HistorySlack, clock: FrozenClock
) -> None:
    client = make_client("xoxb-test", base_url=slack.api_url, max_wait=2)
    slack.retry_after = 1
    faults = ["429"]
    slack.fault = lambda method, args: faults.pop(0) if method == "chat.postMessage" and faults else None
    d = _deliverer(state, client, clock)
    assert d.post_message(KEY, message("hello")).outcome == "sent"  # waited 1 s and sent again: Slack did nothing
    assert [c.fault for c in slack.calls("chat.postMessage")] == ["429", ""]

    other = DeliveryKey("daily", "C0DATA", "2026-11-26/2")
    slack.retry_after = 120
    faults.append("429")
    out = d.post_message(other, message("hello"))
    assert (out.outcome, out.error) == ("failed", "ratelimited")
    record = get_delivery(state, other)
    assert record is not None and record.next_attempt_at == T0 + timedelta(seconds=120)
    assert record.unknown_since is None  # a 429 proves nothing was posted: no search needed
    clock.set(T0 + timedelta(seconds=119))
    assert d.post_message(other, message("hello")).outcome == "skipped"
    clock.set(T0 + timedelta(seconds=120))
    assert d.post_message(other, message("hello")).outcome == "sent"
    assert len(_posts_of(slack, other)) == 1
    assert slack.calls("conversations.history") == []


def test_backoff_is_exponential_with_jitter_capped_and_honours_retry_after() -> None:
    minutes = [backoff(n, transient=True, rand=lambda: 0.999999).total_seconds() / 60 for n in range(1, 8)]
    assert [round(m, 2) for m in minutes] == [1.0, 2.0, 4.0, 8.0, 15.0, 15.0, 15.0]
    assert backoff(3, transient=True, rand=lambda: 0.0) == timedelta(minutes=2)  # jitter: half at least
    assert backoff(10, transient=False, rand=lambda: 0.999999) > timedelta(minutes=59)  # refusals: up to an hour
    assert backoff(1, transient=True, retry_after=300, rand=lambda: 0.0) == timedelta(seconds=300)


def test_failed_deliveries_are_retried_until_the_deadline_then_expire(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    slack.broken["C0GONE"] = "is_archived"
    key = DeliveryKey("daily", "C0GONE", "2026-11-26/1")
    d = _deliverer(state, client, clock)
    policy = DeliveryPolicy(deadline=timedelta(hours=3))
    due = Due(T0, "Fri Nov 27, 09:00 UTC")
    tries = 0
    while clock() < T0 + timedelta(hours=4):
        if d.post_message(key, message("x"), policy=policy, due=due).outcome != "skipped":
            tries += 1
        clock.advance(timedelta(minutes=1))
    record = get_delivery(state, key)
    assert record is not None and record.status == "expired"
    assert record.error == "not posted: its deadline passed (last error: is_archived)"
    # 1, 2, 4, 8, 16, 32, 60, 60 ... minutes x 0.5 apart: about 9 attempts in 3 hours, not 180.
    assert 6 <= tries - 1 <= 12
    assert [(f.channel_id, f.last_error) for f in channel_failures(state)] == [("C0GONE", record.error)]
    del slack.broken["C0GONE"]
    assert d.post_message(key, message("x"), policy=policy, due=due).outcome == "skipped"  # never after expiry
    assert slack.posts("C0GONE") == []


def test_a_late_post_says_it_is_late_and_why(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    policy = DeliveryPolicy(deadline=timedelta(days=2), late_after=timedelta(minutes=15))
    due = Due(T0, "Fri Nov 27, 10:00 CET")
    d = _deliverer(state, client, clock)
    clock.set(T0 + timedelta(minutes=14))
    d.post_message(KEY, message("Daily spend", [section("body")]), policy=policy, due=due)
    assert slack.posts("C0WEB")[0]["text"] == "Daily spend"  # on time enough: no note

    slack.broken["C0DATA"] = "internal_error"
    other = DeliveryKey("daily", "C0DATA", "2026-11-26/1")
    d.post_message(other, message("Daily spend", [section("body")]), policy=policy, due=due)
    del slack.broken["C0DATA"]
    clock.set(T0 + timedelta(hours=2, minutes=5))
    d.post_message(other, message("Daily spend", [section("body")]), policy=policy, due=due)
    post = slack.posts("C0DATA")[0]
    note = (
        ":hourglass_flowing_sand: Posted late: due Fri Nov 27, 10:00 CET, 2 h 5 min ago. "
        "An earlier attempt failed (`internal_error`)."
    )
    assert post["text"] == f"Daily spend\n{note}"
    assert post["blocks"][-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": note}]}
    assert late_note(due, T0 + timedelta(days=1, hours=3), "") == (
        ":hourglass_flowing_sand: Posted late: due Fri Nov 27, 10:00 CET, 1 day 3 h ago. "
        "The bot was not running when it was due."
    )


@pytest.mark.parametrize("case", [("post", 2), ("skip", 1)], ids=["post", "skip"])
def test_when_history_cannot_be_read_the_policy_decides(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock, case: tuple[str, int]
) -> None:
    """An earlier attempt may have posted and the bot lacks `channels:history`: post again (risking a duplicate)
    or give up (risking a gap), as the kind's policy says."""
    when_unreadable, posts = case
    d = _deliverer(state, client, clock)

    def post_then_die(metadata: Any, note: str) -> str:
        client.chat_postMessage(channel=KEY.channel_id, text="hello", metadata=dict(metadata))
        raise Crash

    with pytest.raises(Crash):
        d.deliver(KEY, post_then_die)
    slack.scopes.discard("channels:history")
    clock.set(T0 + timedelta(minutes=11))
    policy = DeliveryPolicy(when_unreadable=when_unreadable)  # type: ignore[arg-type]
    out = d.post_message(KEY, message("hello"), policy=policy)
    assert len(_posts_of(slack, KEY)) == posts
    record = get_delivery(state, KEY)
    assert record is not None
    if when_unreadable == "post":
        assert (out.outcome, record.status) == ("sent", "sent")
    else:
        assert (out.outcome, record.status) == ("expired", "expired")
        assert record.error == (
            "not posted again: missing_scope: cannot check whether an earlier attempt posted (reading the channel "
            "failed)"
        )


def test_a_private_channel_cannot_be_joined_but_is_posted_to_when_invited(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    slack.private.add("C0PRIV")
    slack.members.add("C0PRIV")  # invited by a member
    key = DeliveryKey("daily", "C0PRIV", "2026-11-26/1")
    assert _deliverer(state, client, clock).post_message(key, message("hello")).outcome == "sent"
    assert [c.args["channel"] for c in slack.calls("conversations.join")] == ["C0PRIV"]
    assert len(_posts_of(slack, key)) == 1


def test_a_threaded_follow_up_is_found_in_its_thread(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    parent = client.chat_postMessage(channel="C0WEB", text="alert")["ts"]
    key = DeliveryKey("anomaly_alerts", "C0WEB", "abc:over")
    d = _deliverer(state, client, clock)

    def post_then_die(metadata: Any, note: str) -> str:
        client.chat_postMessage(channel=key.channel_id, text="over", thread_ts=parent, metadata=dict(metadata))
        raise Crash

    with pytest.raises(Crash):
        d.deliver(key, post_then_die, thread_ts=parent)
    clock.set(T0 + timedelta(minutes=11))
    out = d.post_message(key, message("over"), thread_ts=parent)
    assert out.outcome == "recovered"
    replies = slack.calls("conversations.replies")
    assert [(c.args["channel"], c.args["ts"]) for c in replies] == [("C0WEB", parent)]
    assert [p["text"] for p in slack.posts("C0WEB")] == ["alert", "over"]


def test_a_stale_worker_whose_claim_was_taken_over_does_not_post(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    """Worker A stalls (here: in the pacer) past its lease; worker B takes the key over and posts. A wakes up:
    its begin_post is refused and it posts nothing."""
    other = _deliverer(state, client, clock)

    def stall(seconds: float) -> None:
        clock.set(T0 + timedelta(minutes=11))
        assert other.post_message(KEY, message("from B")).outcome == "sent"

    slow = Deliverer(state, client, pacer=ChannelPacer(1.0, sleep=stall, monotonic=lambda: 0.0), clock=clock)
    slow.pacer._next["C0WEB"] = 1.0  # the channel is busy: A waits (and stalls)
    out = slow.post_message(KEY, message("from A"))
    assert out.outcome == "skipped"
    assert [p["text"] for p in slack.posts("C0WEB")] == ["from B"]
    record = get_delivery(state, KEY)
    assert record is not None and record.status == "sent"


def test_a_failing_channel_is_recorded_and_others_still_get_theirs(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    slack.broken["C0GONE"] = "is_archived"
    slack.broken["C0KICKED"] = "not_in_channel"
    d = _deliverer(state, client, clock)
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
    # Retried after its back-off; it succeeds once the channel works again.
    del slack.broken["C0GONE"]
    clock.advance(timedelta(minutes=1))
    assert d.post_message(DeliveryKey("daily", "C0GONE", "2026-11-26/1"), message("again")).outcome == "sent"
    assert [p["text"] for p in slack.posts("C0GONE")] == ["again"]


def test_a_post_that_raises_anything_is_recorded_not_raised(
    state: StateStore, client: WebClient, clock: FrozenClock
) -> None:
    def boom(metadata: Any, note: str) -> str:
        raise RuntimeError("disk full")

    out = _deliverer(state, client, clock).deliver(KEY, boom)
    assert (out.outcome, out.error) == ("failed", "RuntimeError: disk full")


def test_pacer_spaces_posts_to_one_channel_by_a_second() -> None:
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = ChannelPacer(1.0, sleep=sleep, monotonic=lambda: now[0])
    for channel in ("C1", "C1", "C2", "C1"):
        pacer.wait(channel)
    assert slept == [1.0, 1.0]  # C1 twice back to back, C2 free, then C1 again one second after its last
    assert pacer.waited == 2.0


# ----------------------------------------------------------------------------------------------- files

FILES_KEY = DeliveryKey("weekly_digest", "C0MGMT", "2026-11-16/1/files")
FILES = [FileUpload("chart.png", b"\x89PNG...", "Daily spend"), FileUpload("book.xlsx", b"PK...", "Workbook")]
SUMMARY = message("Weekly cost digest", [section("summary")])


def _updated(reason: str) -> Message:
    return message(f"Weekly cost digest (files missing: {reason})", [section("summary"), section(f"missing: {reason}")])


def test_files_are_retried_under_the_same_key_and_shared_once(
    state: StateStore, slack: HistorySlack, clock: FrozenClock
) -> None:
    client = make_client("xoxb-test", base_url=slack.api_url)
    parent = client.chat_postMessage(channel="C0MGMT", text="Weekly cost digest")["ts"]
    faults = {"upload": ["500", "500", "500"], "files.completeUploadExternal": ["lost"]}
    slack.fault = lambda method, args: faults[method].pop(0) if faults.get(method) else None
    d = _deliverer(state, client, clock)
    policy = DeliveryPolicy(deadline=timedelta(hours=6))

    def attach() -> str:
        return d.attach_files(FILES_KEY, FILES, parent_ts=parent, policy=policy, updated_parent=_updated).outcome

    assert attach() == "failed"  # the raw upload failed three times in a row: nothing shared, retried later
    assert attach() == "skipped"
    clock.advance(timedelta(minutes=1))
    assert attach() == "recovered"  # the completion's answer was lost, but the files are in the channel
    clock.advance(timedelta(hours=1))
    assert attach() == "skipped"
    shares = slack.file_shares("C0MGMT")
    assert len(shares) == 1 and [f["name"] for f in shares[0]["files"]] == ["chart.png", "book.xlsx"]
    assert [slack.uploads[f["id"]] for f in shares[0]["files"]] == [b"\x89PNG...", b"PK..."]
    assert len(slack.calls("files.completeUploadExternal")) == 1
    assert [c.fault for c in slack.calls("upload")] == ["500", "500", "500", "", ""]
    record = get_delivery(state, FILES_KEY)
    assert record is not None and (record.status, record.message_ts) == ("sent", shares[0]["ts"])
    assert slack.calls("chat.update") == []


def test_files_that_cannot_be_attached_update_the_message(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    parent = client.chat_postMessage(channel="C0MGMT", text="Weekly cost digest")["ts"]
    slack.fault = lambda method, args: "500" if method == "upload" else None
    d = _deliverer(state, client, clock)
    policy = DeliveryPolicy(deadline=timedelta(hours=6))
    while clock() <= T0 + timedelta(hours=7):
        d.attach_files(FILES_KEY, FILES, parent_ts=parent, policy=policy, updated_parent=_updated)
        clock.advance(timedelta(minutes=5))
    (update,) = slack.calls("chat.update")
    reason = "Slack did not take them within 6 h (`http_500`)"
    assert (update.args["ts"], update.args["text"]) == (parent, f"Weekly cost digest (files missing: {reason})")
    assert slack.posts("C0MGMT")[0]["text"] == f"Weekly cost digest (files missing: {reason})"
    record = get_delivery(state, FILES_KEY)
    assert record is not None and (record.status, record.error) == ("expired", f"files not attached: {reason}")
    assert slack.file_shares("C0MGMT") == []


def test_files_refused_outright_update_the_message_at_once(
    state: StateStore, client: WebClient, slack: HistorySlack, clock: FrozenClock
) -> None:
    parent = client.chat_postMessage(channel="C0MGMT", text="Weekly cost digest")["ts"]
    slack.script("files.getUploadURLExternal", 200, body={"ok": False, "error": "missing_scope"})
    d = _deliverer(state, client, clock)
    out = d.attach_files(FILES_KEY, FILES, parent_ts=parent, policy=DeliveryPolicy(), updated_parent=_updated)
    assert out.outcome == "expired"
    assert json.loads(json.dumps(slack.posts("C0MGMT")[0]["text"])) == (
        "Weekly cost digest (files missing: Slack refused the upload (`missing_scope`))"
    )


def test_the_manifest_requests_the_scopes_exactly_once_delivery_reads_with() -> None:
    """History (public and private channels) to find a post of unknown fate, join to be a member whose history
    is readable; `chat:write.public` (posting from outside, history unreadable) is no longer asked for."""
    import re

    root = Path(__file__).resolve().parents[2]
    manifest = root / "deploy" / "slack-manifest.yml"
    bot_scopes = manifest.read_text().split("    bot:\n", 1)[1].split("\nsettings:", 1)[0]
    scopes = set(re.findall(r"^\s+- ([a-z:.]+)", bot_scopes, re.MULTILINE))
    assert {"chat:write", "channels:history", "groups:history", "channels:join", "files:write"} <= scopes
    assert "chat:write.public" not in scopes


def test_the_client_retries_only_what_cannot_post_twice() -> None:
    """Connection errors: retried for reads and idempotent calls, and for a post only when the connection was
    refused (nothing was sent); 429: retried in place only for a short Retry-After."""
    from http.client import RemoteDisconnected
    from urllib.error import URLError

    from slack_sdk.http_retry.request import HttpRequest
    from slack_sdk.http_retry.response import HttpResponse
    from slack_sdk.http_retry.state import RetryState

    from bot.slack.client import SafeConnectionErrorRetryHandler, ShortRateLimitRetryHandler

    handler = SafeConnectionErrorRetryHandler(max_retry_count=3)

    def retried(method: str, error: Exception) -> bool:
        request = HttpRequest(method="POST", url=f"https://slack.com/api/{method}", headers={})
        return handler.can_retry(state=RetryState(), request=request, error=error)

    refused = URLError(ConnectionRefusedError(111, "Connection refused"))
    assert retried("chat.postMessage", refused)
    assert not retried("chat.postMessage", RemoteDisconnected("Remote end closed connection without response"))
    assert not retried("chat.postMessage", ConnectionResetError(104, "Connection reset by peer"))
    assert not retried("chat.postMessage", TimeoutError("The read operation timed out"))
    assert not retried("chat.update", URLError(ConnectionResetError(104, "reset")))
    assert not retried("files.completeUploadExternal", RemoteDisconnected("closed"))
    assert retried("conversations.history", RemoteDisconnected("closed"))
    assert retried("conversations.replies", TimeoutError("timed out"))
    assert retried("conversations.join", ConnectionResetError(104, "reset"))
    assert not retried("chat.postMessage", ValueError("not a connection error"))

    limits = ShortRateLimitRetryHandler(max_retry_count=3, max_wait=10)

    def after(seconds: str) -> bool:
        request = HttpRequest(method="POST", url="https://slack.com/api/chat.postMessage", headers={})
        response = HttpResponse(status_code=429, headers={"Retry-After": [seconds]})
        return limits.can_retry(state=RetryState(), request=request, response=response)

    assert after("3") and after("10") and not after("30")
