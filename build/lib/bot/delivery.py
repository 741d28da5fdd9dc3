"""Exactly-once posting of scheduled messages, through Slack outages, lost answers, crashes and replicas.

Every scheduled post has a `DeliveryKey` (job, channel, period) and rides with it in its Slack message metadata
(`{"event_type": "trackit_delivery", "event_payload": {"key": ...}}`). `Deliverer.post_message()` does:

1. **Claim** the key in app state (`bot.state.deliveries`): one worker among threads, restarts and replicas.
   Refused when it was sent or given up, when a live worker holds it, or while a failed one backs off.
2. **Doubt first.** If an earlier attempt began its Slack call and never recorded the answer (a crash, a lost
   response, a 5xx), look for its message by its metadata: `conversations.history` since the first doubtful
   attempt, or `conversations.replies` for a threaded follow-up. Found: record it, post nothing. The bot joins
   public channels before posting (`conversations.join`) so their history can be read.
3. **Post once.** `begin_post` (a compare-and-set on the claim token: a worker whose claim was taken over never
   posts), one `chat.postMessage` that the client never re-sends on its own (bot.slack.client), then
   `mark_sent` with the returned ts (compare-and-set again) before anything else may retry.
4. **Fail forward.** A failure is recorded with its fate: `posted="no"` when Slack's answer proves nothing was
   posted (ok:false, 429, connection refused), `"maybe"` otherwise (then the channel is searched at once, and
   again by the next attempt). The next attempt waits an exponential back-off with jitter (at least Slack's
   `Retry-After`) and the key is retried by the job's next runs until its policy's deadline; past it, the key is
   settled as `expired` (shown by `/trackit status`), never posted late beyond what the policy allows.

Per kind (`DeliveryPolicy`, chosen by each job): how long a post is still worth making (`deadline`, counted from
when it was due), when it says it is late (`late_after`: a context line "Posted late: due ..."), and which side
to err on when an earlier attempt may have posted and the channel cannot be read (`when_unreadable`: "post"
risks a duplicate, "skip" risks a gap; both are logged).

Files (`attach_files`): a digest's charts and workbook are a delivery of their own key, made after the summary.
Uploads (`files.getUploadURLExternal` + the raw upload) are repeatable; their ids are recorded before the one
non-idempotent call (`files.completeUploadExternal`), so a lost answer is resolved by finding a message in the
channel carrying those file ids. Retried like posts; when they finally cannot be attached, the summary message is
updated (`chat.update`) to say so.

Pacing: Slack allows about one message per second per channel; `ChannelPacer` spaces posts to one channel by
`min_interval` and counts the time it waited (benchmarks report it apart from compute).
"""

from __future__ import annotations

import json
import logging
import random
import threading
import time
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from http.client import HTTPException
from typing import TYPE_CHECKING, Any, Literal
from urllib.error import HTTPError, URLError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.blocks import Message, context, message
from bot.slack.client import never_sent
from bot.state.db import StateStore, utcnow
from bot.state.deliveries import (
    DEFAULT_STALE_AFTER,
    Claim,
    DeliveryKey,
    begin_post,
    claim_delivery,
    get_delivery,
    mark_expired,
    mark_failed,
    mark_sent,
    set_detail,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

#: The message-metadata event type that marks a scheduled post (its payload carries the delivery key).
METADATA_EVENT_TYPE = "trackit_delivery"
#: Slack errors that mean "this channel cannot receive posts" (reported per channel in `/trackit status`).
CHANNEL_ERRORS = frozenset(
    {"channel_not_found", "is_archived", "not_in_channel", "restricted_action", "team_access_not_granted"}
)
#: Slack error codes after which the call may have been carried out ("It's possible some aspect of the operation
#: succeeded", in Slack's words): the fate of the post is unknown.
UNKNOWN_FATE_ERRORS = frozenset({"internal_error", "fatal_error", "request_timeout", "service_unavailable"})
#: Slack error codes that say "not now" rather than "never" (retried on the short back-off).
TRANSIENT_ERRORS = frozenset({"ratelimited", "rate_limited", *UNKNOWN_FATE_ERRORS})
#: How many history pages (of 200 messages) a search reads looking for an earlier post.
HISTORY_PAGES = 5
#: Back-off between attempts: 1, 2, 4, 8 ... minutes (times a jitter factor in [0.5, 1)), at most 15 minutes
#: while Slack is failing, at most an hour for a refusal (an archived channel, a missing scope).
BACKOFF_BASE = timedelta(minutes=1)
BACKOFF_CAP_TRANSIENT = timedelta(minutes=15)
BACKOFF_CAP_REFUSED = timedelta(hours=1)
#: How many times one file's upload is tried within one attempt (uploads are repeatable).
UPLOAD_TRIES = 3
#: Searching history after a lost answer: how far before the doubtful attempt to look (clock skew).
SEARCH_MARGIN = timedelta(minutes=2)

Outcome = Literal["sent", "recovered", "skipped", "failed", "expired"]
#: Posts the message for a claim (metadata to attach, and the late note or "") and returns the message ts.
SendFn = Callable[[Mapping[str, Any], str], str]
#: Runs inside the transaction that records a post (e.g. the anomaly alert's thread reference).
OnSent = Callable[["Session", str], None]


@dataclass(frozen=True)
class DeliveryPolicy:
    """How one kind of post is delivered when things go wrong (module docstring).

    `deadline`: how long after it was due a post is still worth making; `late_after`: from when on it says it is
    late (None: never says so); `when_unreadable`: an earlier attempt may have posted and the channel cannot be
    read: "post" (a rare duplicate beats a missing report) or "skip" (a missing update beats a doubled one).
    """

    deadline: timedelta = timedelta(days=1)
    late_after: timedelta | None = None
    when_unreadable: Literal["post", "skip"] = "post"


DEFAULT_POLICY = DeliveryPolicy()


@dataclass(frozen=True)
class Due:
    """When a post was due, and how to name that moment to the people reading it ("Mon Nov 23, 09:00 CET")."""

    at: datetime
    label: str


@dataclass(frozen=True)
class DeliveryOutcome:
    """What a delivery attempt did: `sent` (posted now), `recovered` (an earlier post was found and recorded),
    `skipped` (already sent, being posted by a live worker, or backing off; `message_ts` when it was sent),
    `failed` (this attempt failed; `error` says why; retried later), `expired` (given up for good)."""

    key: DeliveryKey
    outcome: Outcome
    message_ts: str | None = None
    error: str = ""


@dataclass(frozen=True)
class FileUpload:
    """One file to attach: its name, bytes and title."""

    filename: str
    content: bytes
    title: str


@dataclass(frozen=True)
class Failure:
    """A failed Slack call, classified: `posted` says whether it may have been carried out; `transient` whether
    trying again soon may succeed; `retry_after` Slack's requested wait (seconds)."""

    error: str
    posted: Literal["no", "maybe"]
    transient: bool
    retry_after: float | None = None


class _Unreadable(Exception):
    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.error)
        self.failure = failure


def delivery_metadata(key: DeliveryKey) -> dict[str, Any]:
    """The message metadata that identifies a scheduled post as the delivery of `key`."""
    return {"event_type": METADATA_EVENT_TYPE, "event_payload": {"key": key.text}}


def classify(exc: BaseException) -> Failure:
    """What a failed Slack call tells us (see `Failure`)."""
    if isinstance(exc, SlackApiError):
        response = exc.response
        status = int(getattr(response, "status_code", 200) or 200)
        data = response.data if isinstance(getattr(response, "data", None), dict) else {}
        code = str(data.get("error") or "")
        if " " in code or len(code) > 64:  # the SDK's "Received a response in a non-JSON format: ..."
            code = ""
        retry_after = _retry_after(response)
        if status == 429 or code in ("ratelimited", "rate_limited"):
            return Failure(code or "ratelimited", "no", True, retry_after)
        if status >= 500 or code in UNKNOWN_FATE_ERRORS:
            return Failure(code or f"http_{status}", "maybe", True, retry_after)
        return Failure(code or f"http_{status}", "no", code in TRANSIENT_ERRORS)
    if isinstance(exc, HTTPError):  # a plain HTTP answer (the raw file upload)
        return Failure(f"http_{exc.code}", "maybe" if exc.code >= 500 else "no", exc.code >= 500 or exc.code == 429)
    text = f"{type(exc).__name__}: {exc}"
    if never_sent(exc):
        return Failure(text, "no", True)
    if isinstance(exc, URLError | ConnectionError | HTTPException | TimeoutError | OSError):
        return Failure(text, "maybe", True)
    return Failure(text, "maybe", False)  # raised anywhere around the call: assume the worst, search first


def _retry_after(response: Any) -> float | None:
    headers = getattr(response, "headers", None) or {}
    for name, value in headers.items():
        if name.lower() == "retry-after":
            raw = value[0] if isinstance(value, list) else value
            try:
                return float(raw)
            except (TypeError, ValueError):
                return None
    return None


def backoff(
    attempts: int, *, transient: bool, retry_after: float | None = None, rand: Callable[[], float] = random.random
) -> timedelta:
    """The wait before attempt `attempts + 1`: exponential (1, 2, 4 ... minutes), capped, times a jitter factor in
    [0.5, 1) so replicas and channels do not retry in lockstep, and never shorter than `retry_after` seconds."""
    cap = BACKOFF_CAP_TRANSIENT if transient else BACKOFF_CAP_REFUSED
    exponential: timedelta = BACKOFF_BASE * (2 ** min(max(attempts - 1, 0), 20))
    delay: timedelta = min(cap, exponential) * (0.5 + 0.5 * rand())
    if retry_after is not None:
        delay = max(delay, timedelta(seconds=retry_after))
    return delay


def span_text(delta: timedelta) -> str:
    """`35 min`, `2 h 5 min`, `1 day 3 h` (for people, rounded down to the minute)."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} day{'s' if days > 1 else ''}" + (f" {hours} h" if hours else "")
    if hours:
        return f"{hours} h" + (f" {mins} min" if mins else "")
    return f"{mins} min"


def late_note(due: Due, now: datetime, last_error: str) -> str:
    """What a late post says about itself: when it was due, how late it is, and why (the code that starts the
    last attempt's error, e.g. `internal_error`; none: the bot was not running)."""
    code = last_error.split(":", 1)[0].strip()
    why = f"An earlier attempt failed (`{code}`)." if code else "The bot was not running when it was due."
    return f":hourglass_flowing_sand: Posted late: due {due.label}, {span_text(now - due.at)} ago. {why}"


def with_note(msg: Message, note: str) -> Message:
    """`msg` with `note` as a last context line (and at the end of its text fallback)."""
    if not note:
        return msg
    return message(f"{msg.text}\n{note}", [*msg.blocks, context(note)])


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


def _oldest(since: datetime) -> str:
    return f"{(since - SEARCH_MARGIN).timestamp():.6f}"


def _pages(client: WebClient, method: str, **kwargs: Any) -> list[dict[str, Any]]:
    """Every message of up to HISTORY_PAGES pages of `conversations.history` / `conversations.replies`."""
    out: list[dict[str, Any]] = []
    cursor: str | None = None
    for _ in range(HISTORY_PAGES):
        response = client.api_call(method, params={**kwargs, "limit": 200, **({"cursor": cursor} if cursor else {})})
        out.extend(response.get("messages") or [])
        cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
        if not cursor:
            break
    return out


def find_posted(client: WebClient, key: DeliveryKey, since: datetime, *, thread_ts: str | None = None) -> str | None:
    """The ts of a message posted after `since` carrying `key` in its metadata: in the channel's history, or in
    the thread of `thread_ts` (`conversations.replies`: threaded replies are not in the history). None when
    there is none. Raises (SlackApiError, network errors) when the channel cannot be read."""
    if thread_ts:
        messages = _pages(
            client,
            "conversations.replies",
            channel=key.channel_id,
            ts=thread_ts,
            oldest=_oldest(since),
            include_all_metadata=True,
        )
    else:
        messages = _pages(
            client, "conversations.history", channel=key.channel_id, oldest=_oldest(since), include_all_metadata=True
        )
    for item in messages:
        metadata = item.get("metadata") or {}
        payload = metadata.get("event_payload") or {}
        if metadata.get("event_type") == METADATA_EVENT_TYPE and payload.get("key") == key.text:
            return str(item.get("ts", ""))
    return None


def find_shared_files(client: WebClient, channel: str, file_ids: Sequence[str], since: datetime) -> str | None:
    """The ts of a message in `channel` posted after `since` that shares any of `file_ids` (None: none)."""
    wanted = set(file_ids)
    if not wanted:
        return None
    for item in _pages(client, "conversations.history", channel=channel, oldest=_oldest(since)):
        if any(str(f.get("id", "")) in wanted for f in item.get("files") or []):
            return str(item.get("ts", ""))
    return None


def _upload_once(client: WebClient, upload: FileUpload) -> str:
    response = client.files_getUploadURLExternal(filename=upload.filename, length=len(upload.content))
    url, file_id = str(response["upload_url"]), str(response["file_id"])
    request = urllib.request.Request(
        url, data=upload.content, method="POST", headers={"Content-Type": "application/octet-stream"}
    )
    with urllib.request.urlopen(request, timeout=client.timeout) as answer:
        if answer.status != 200:
            raise URLError(f"upload of {upload.filename} answered HTTP {answer.status}")
    return file_id


def upload_file(
    client: WebClient, upload: FileUpload, *, tries: int = UPLOAD_TRIES, sleep: Callable[[float], None] = time.sleep
) -> str:
    """Upload one file without sharing it (`files.getUploadURLExternal` + the raw upload); returns its id.

    Repeatable (a file uploaded but never completed is never shown to anyone), so a transient failure is tried
    again in place, up to `tries` times in all, before the attempt fails.
    """
    for attempt in range(1, tries):
        try:
            return _upload_once(client, upload)
        except Exception as exc:
            failure = classify(exc)
            if not failure.transient:
                raise
            sleep(max(failure.retry_after or 0.0, 0.5 * attempt))
    return _upload_once(client, upload)


class Deliverer:
    """Exactly-once delivery bound to one app state, Slack client, pacer and clock (what jobs are given).

    `rand` draws the back-off jitter (tests fix it); `stale_after` is the claim lease; `sleep` waits between the
    in-place tries of a file upload.
    """

    def __init__(
        self,
        state: StateStore,
        client: WebClient,
        *,
        pacer: ChannelPacer | None = None,
        clock: Callable[[], datetime] = utcnow,
        stale_after: timedelta = DEFAULT_STALE_AFTER,
        rand: Callable[[], float] = random.random,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.state = state
        self.client = client
        self.pacer = pacer or ChannelPacer()
        self.clock = clock
        self.stale_after = stale_after
        self.rand = rand
        self.monotonic = monotonic
        self.sleep = sleep
        self._joined: set[str] = set()
        self._join_lock = threading.Lock()

    # ------------------------------------------------------------------------------------------ posts

    def was_sent(self, key: DeliveryKey) -> bool:
        """Whether `key` is recorded as delivered."""
        record = get_delivery(self.state, key)
        return record is not None and record.status == "sent"

    def post_message(
        self,
        key: DeliveryKey,
        msg: Message,
        *,
        policy: DeliveryPolicy = DEFAULT_POLICY,
        due: Due | None = None,
        thread_ts: str | None = None,
        on_sent: OnSent | None = None,
    ) -> DeliveryOutcome:
        """Deliver `msg` (blocks + text) to `key.channel_id` exactly once (in the thread of `thread_ts` if given).

        `due`: when it was due (the deadline counts from then; a post later than `policy.late_after` says so).
        `on_sent(session, ts)` runs in the transaction that records the post. Never raises for Slack or network
        errors: they are recorded and returned as a `failed` outcome.
        """

        def send(metadata: Mapping[str, Any], note: str) -> str:
            response = self.client.chat_postMessage(
                channel=key.channel_id, thread_ts=thread_ts, metadata=dict(metadata), **with_note(msg, note).as_kwargs()
            )
            return str(response.get("ts", ""))

        return self.deliver(key, send, policy=policy, due=due, thread_ts=thread_ts, on_sent=on_sent)

    def deliver(
        self,
        key: DeliveryKey,
        send: SendFn,
        *,
        policy: DeliveryPolicy = DEFAULT_POLICY,
        due: Due | None = None,
        thread_ts: str | None = None,
        on_sent: OnSent | None = None,
    ) -> DeliveryOutcome:
        """Deliver `key` through `send(metadata, late_note)`, which must attach `metadata` to its one
        chat.postMessage and return the message ts (see the module docstring for the steps)."""
        now = self.clock()
        claim = claim_delivery(
            self.state, key, deadline=(due.at if due else now) + policy.deadline, stale_after=self.stale_after, now=now
        )
        if claim is None:
            return self._skipped(key)
        started = self.monotonic()
        self._ensure_member(key.channel_id)

        def look(since: datetime) -> str | None:
            return find_posted(self.client, key, since, thread_ts=thread_ts)

        try:
            found = self._search(claim, look)
        except _Unreadable as exc:
            settled = self._unreadable(claim, policy, exc.failure)
            if settled is not None:
                return settled
            found = None
        if found:
            return self._record(claim, found, on_sent, "recovered")
        if claim.overdue:
            last = f" (last error: {claim.last_error})" if claim.last_error else ""
            return self._expire(claim, f"not posted: its deadline passed{last}")
        if self.monotonic() - started > self.stale_after.total_seconds() / 2:
            # Our lease may lapse while we post: leave the key to the next attempt rather than race a take-over.
            mark_failed(self.state, claim, "claim held too long before posting", posted="no", now=self.clock())
            return DeliveryOutcome(key, "failed", error="claim held too long before posting")
        note = ""
        if due is not None and policy.late_after is not None and now - due.at >= policy.late_after:
            note = late_note(due, now, claim.last_error)
        self.pacer.wait(key.channel_id)
        if not begin_post(self.state, claim, now=self.clock()):
            log.warning("delivery %s: claim taken over by another worker; not posting", key.text)
            return DeliveryOutcome(key, "skipped")
        try:
            ts = send(delivery_metadata(key), note)
        except Exception as exc:
            return self._failed(claim, classify(exc), look, on_sent)
        return self._record(claim, ts, on_sent, "sent")

    def cover(self, key: DeliveryKey, message_ts: str | None) -> bool:
        """Record `key` as delivered by another message (`message_ts`), e.g. a lower budget threshold covered by
        the alert for a higher one posted in the same run. False when `key` was already claimed or settled."""
        now = self.clock()
        claim = claim_delivery(self.state, key, stale_after=self.stale_after, now=now)
        return claim is not None and mark_sent(self.state, claim, message_ts, now=now)

    # ------------------------------------------------------------------------------------------ files

    def attach_files(
        self,
        key: DeliveryKey,
        files: Sequence[FileUpload],
        *,
        parent_ts: str,
        policy: DeliveryPolicy,
        updated_parent: Callable[[str], Message],
    ) -> DeliveryOutcome:
        """Share `files` in `key.channel_id` exactly once, as the delivery of `key` (module docstring).

        When they cannot be attached (a refusal, or Slack failing until `policy.deadline`), the message
        `parent_ts` is replaced by `updated_parent(reason)` (which says so) and the key is settled `expired`.
        """
        now = self.clock()
        claim = claim_delivery(self.state, key, deadline=now + policy.deadline, stale_after=self.stale_after, now=now)
        if claim is None:
            return self._skipped(key)
        channel = key.channel_id
        self._ensure_member(channel)
        uploaded = _file_ids(claim.detail)

        def look(since: datetime) -> str | None:
            return find_shared_files(self.client, channel, uploaded, since)

        try:
            found = self._search(claim, look) if uploaded else None
        except _Unreadable as exc:
            # Whether the files are there is unknown: never tell people they are missing on a guess.
            settled = self._unreadable(claim, policy, exc.failure)
            if settled is not None:
                return settled
            found = None
        if found:
            return self._record(claim, found, None, "recovered")
        if claim.overdue:
            reason = (
                f"Slack did not take them within {span_text(policy.deadline)} (`{claim.last_error or 'no answer'}`)"
            )
            return self._give_up_files(claim, parent_ts, updated_parent, reason)
        try:
            ids = [upload_file(self.client, f, sleep=self.sleep) for f in files]
        except Exception as exc:
            failure = classify(exc)
            failure = Failure(failure.error, "no", failure.transient, failure.retry_after)  # nothing was shared
            if not failure.transient:
                return self._give_up_files(
                    claim, parent_ts, updated_parent, f"Slack refused the upload (`{failure.error}`)"
                )
            return self._failed(claim, failure, None, None)
        if not set_detail(self.state, claim, json.dumps(ids), now=self.clock()):
            return DeliveryOutcome(key, "skipped")
        uploaded = ids
        self.pacer.wait(channel)
        if not begin_post(self.state, claim, now=self.clock()):
            return DeliveryOutcome(key, "skipped")
        try:
            response = self.client.files_completeUploadExternal(
                files=[{"id": i, "title": f.title} for i, f in zip(ids, files, strict=True)], channel_id=channel
            )
        except Exception as exc:
            failure = classify(exc)
            if failure.posted == "no" and not failure.transient:
                return self._give_up_files(
                    claim, parent_ts, updated_parent, f"Slack refused the files (`{failure.error}`)"
                )
            return self._failed(claim, failure, look, None)
        return self._record(claim, _shared_ts(response, channel) or ids[0], None, "sent")

    # -------------------------------------------------------------------------------------- internals

    def _skipped(self, key: DeliveryKey) -> DeliveryOutcome:
        record = get_delivery(self.state, key)
        ts = record.message_ts if record is not None and record.status == "sent" else None
        return DeliveryOutcome(key, "skipped", ts)

    def _ensure_member(self, channel: str) -> None:
        """Join a public channel once per process (`conversations.join`, idempotent), so its history can be read
        and posts need no `chat:write.public`. Private channels and DMs answer that they cannot be joined: the
        bot must be invited there; posting then reports `not_in_channel` per channel."""
        if channel[:1] == "D":
            return
        with self._join_lock:
            if channel in self._joined:
                return
        try:
            self.client.conversations_join(channel=channel)
        except SlackApiError as exc:
            failure = classify(exc)
            if failure.transient:
                return  # try again next time; the post or search says more
            log.info("cannot join channel %s (%s); posting as invited", channel, failure.error)
        except Exception as exc:  # a network error: the post that follows reports it
            log.info("cannot join channel %s (%s)", channel, exc)
            return
        with self._join_lock:
            self._joined.add(channel)

    def _search(self, claim: Claim, look: Callable[[datetime], str | None]) -> str | None:
        """If an earlier attempt may have posted: its ts when found, None when surely absent. Raises _Unreadable
        when the channel cannot be read."""
        if claim.unknown_since is None:
            return None
        try:
            return look(claim.unknown_since)
        except Exception as exc:
            raise _Unreadable(classify(exc)) from exc

    def _unreadable(self, claim: Claim, policy: DeliveryPolicy, failure: Failure) -> DeliveryOutcome | None:
        """An earlier attempt may have posted and the channel cannot be read: wait for a transient failure to
        pass; for a lasting one (a missing scope, a channel the bot may not read) decide by the policy. None
        means "post anyway" (the doubt stays recorded for later searches)."""
        reason = self._cannot_check(failure)
        if failure.transient and not claim.overdue:
            now = self.clock()
            delay = backoff(claim.attempts, transient=True, retry_after=failure.retry_after, rand=self.rand)
            mark_failed(self.state, claim, reason, posted="maybe", next_attempt_at=now + delay, now=now)
            return DeliveryOutcome(claim.key, "failed", error=reason)
        if policy.when_unreadable == "skip" or claim.overdue:
            log.warning("delivery %s: %s; not posting again (policy: skip)", claim.key.text, reason)
            return self._expire(claim, f"not posted again: {reason}")
        log.warning("delivery %s: %s; posting again (policy: a rare duplicate beats a gap)", claim.key.text, reason)
        return None

    def _cannot_check(self, failure: Failure) -> str:
        return f"{failure.error}: cannot check whether an earlier attempt posted (reading the channel failed)"

    def _failed(
        self, claim: Claim, failure: Failure, look: Callable[[datetime], str | None] | None, on_sent: OnSent | None
    ) -> DeliveryOutcome:
        """Record a failed Slack call; when the post may have happened, look for it at once."""
        key = claim.key
        if failure.posted == "maybe" and look is not None:
            try:
                found = look(claim.unknown_since or claim.claimed_at)
            except Exception as exc:
                log.info("delivery %s: cannot search the channel after a lost answer: %s", key.text, exc)
                found = None
            if found:
                log.info("delivery %s: the answer was lost but the post is there (%s)", key.text, found)
                return self._record(claim, found, on_sent, "recovered")
        if failure.error.split(":")[0] in CHANNEL_ERRORS or failure.error in CHANNEL_ERRORS:
            log.warning("delivery %s: channel refused the post: %s", key.text, failure.error)
        else:
            log.warning("delivery %s failed (%s, posted: %s)", key.text, failure.error, failure.posted)
        now = self.clock()
        delay = backoff(claim.attempts, transient=failure.transient, retry_after=failure.retry_after, rand=self.rand)
        mark_failed(self.state, claim, failure.error, posted=failure.posted, next_attempt_at=now + delay, now=now)
        return DeliveryOutcome(key, "failed", error=failure.error)

    def _record(self, claim: Claim, ts: str, on_sent: OnSent | None, outcome: Outcome) -> DeliveryOutcome:
        also = None if on_sent is None else (lambda session: on_sent(session, ts))
        if not mark_sent(self.state, claim, ts, now=self.clock(), also=also):
            log.error(
                "delivery %s: posted as %s but the claim was taken over meanwhile; the new claimant finds the post "
                "by its metadata",
                claim.key.text,
                ts,
            )
        return DeliveryOutcome(claim.key, outcome, ts)

    def _expire(self, claim: Claim, reason: str) -> DeliveryOutcome:
        log.warning("delivery %s given up: %s", claim.key.text, reason)
        mark_expired(self.state, claim, reason, now=self.clock())
        return DeliveryOutcome(claim.key, "expired", error=reason)

    def _give_up_files(
        self, claim: Claim, parent_ts: str, updated_parent: Callable[[str], Message], reason: str
    ) -> DeliveryOutcome:
        """Say on the message that its files could not be attached, then settle the key."""
        try:
            self.client.chat_update(channel=claim.key.channel_id, ts=parent_ts, **updated_parent(reason).as_kwargs())
        except Exception as exc:
            failure = classify(exc)
            if failure.transient:  # the note itself waits for Slack; the next attempt (overdue) gives up again
                now = self.clock()
                delay = backoff(claim.attempts, transient=True, retry_after=failure.retry_after, rand=self.rand)
                mark_failed(self.state, claim, reason, posted="no", next_attempt_at=now + delay, now=now)
                return DeliveryOutcome(claim.key, "failed", error=reason)
            reason = f"{reason}; the message could not be updated ({failure.error})"
        return self._expire(claim, f"files not attached: {reason}")


def _file_ids(detail: str) -> list[str]:
    try:
        value = json.loads(detail) if detail else []
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _shared_ts(response: Any, channel: str) -> str | None:
    """The ts of the message that shares the files, when Slack says (`files[].shares.<public|private>`)."""
    for item in response.get("files") or []:
        shares = item.get("shares") or {}
        for scope in ("public", "private"):
            for share in (shares.get(scope) or {}).get(channel) or []:
                if share.get("ts"):
                    return str(share["ts"])
    return None
