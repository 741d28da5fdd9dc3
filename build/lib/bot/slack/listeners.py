"""Thin glue between Bolt and the command modules: prepare before the ack, answer after it, on separate threads.

Slack wants an acknowledgement within 3 seconds (https://api.slack.com/interactivity/slash-commands#responding_to_commands).
The app runs with `process_before_response=True` (`bot.slack.bolt`): `register_slash_command`'s ack listener
runs on the thread that received the request (never queued behind answers) and runs `prepare(request)`, which
parses the text and looks up what the asker may see (it must be fast); a `UserFacingError` it raises (bad input,
no access) is answered in the ack itself (ephemeral, with the usage). Otherwise the empty ack goes out at once and
a lazy listener on Bolt's bounded answer pool takes the prepared question over (`_Handoff`: the text is parsed
and the access looked up once per request) and computes `answer(prepared)`, sent to the command's `response_url`
with retries on 429 (`responder`); an answer that still cannot be posted is announced to the asker in their DM
(`bot.slack.errors.tell_undelivered`), never dropped silently. Errors in
`answer` go to `report_error`, the same handler `app.error` uses. Buttons (`register_action`) likewise: ack on
the request thread, answer on the pool, every press audited.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.errors import AccessDenied, UserFacingError
from bot.slack.blocks import Message
from bot.slack.client import respond_via
from bot.slack.errors import Respond as RespondFn
from bot.slack.errors import error_message, report_error, tell_undelivered


@dataclass(frozen=True)
class SlashRequest:
    """What a command module needs from a slash-command payload."""

    command: str
    text: str
    user_id: str
    channel_id: str
    team_id: str = ""

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> SlashRequest:
        return cls(
            command=str(body.get("command", "")),
            text=str(body.get("text", "") or "").strip(),
            user_id=str(body.get("user_id", "")),
            channel_id=str(body.get("channel_id", "")),
            team_id=str(body.get("team_id", "")),
        )


@dataclass(frozen=True)
class ActionRequest:
    """What an interactive-component handler needs from a `block_actions` payload (the first action)."""

    action_id: str
    value: str
    user_id: str
    channel_id: str
    team_id: str = ""

    @classmethod
    def from_body(cls, body: dict[str, Any]) -> ActionRequest:
        action = (body.get("actions") or [{}])[0]
        return cls(
            action_id=str(action.get("action_id", "")),
            value=str(action.get("value", "")),
            user_id=str((body.get("user") or {}).get("id", "")),
            channel_id=str(
                (body.get("channel") or {}).get("id", "") or (body.get("container") or {}).get("channel_id", "")
            ),
            team_id=str((body.get("team") or {}).get("id", "")),
        )


def responder(body: dict[str, Any], respond: Respond) -> RespondFn:
    """How to answer `body`: its response URL with retries on 429 (`bot.slack.client.respond_via`; Bolt's own
    `respond` gives up at the first one and the answer is lost), else Bolt's `respond`."""
    url = body.get("response_url")
    if isinstance(url, str) and url:
        return respond_via(url)
    return respond


Prepared = TypeVar("Prepared")
#: Called once per slash command with the outcome (`ok`, `denied`, `error`, `undelivered`) and milliseconds taken.
Audit = Callable[[SlashRequest, str, int], None]
ActionAnswer = Callable[[ActionRequest, WebClient], Message | None]
#: Called once per button press with the outcome (`ok`, `denied`, `error`) and milliseconds taken.
ActionAudit = Callable[[ActionRequest, str, int], None]


class _Handoff:
    """Prepared questions passed from the ack listener to its lazy listener (another thread). Bolt hands a lazy
    listener a deep copy of the request context: the context carries only a key, the object stays here. At most
    `limit` entries (the oldest go first), so a lazy listener that never ran leaks nothing for long."""

    def __init__(self, limit: int = 4096) -> None:
        self._items: OrderedDict[str, object] = OrderedDict()
        self._lock = threading.Lock()
        self._limit = limit

    def put(self, value: object) -> str:
        key = uuid.uuid4().hex
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._limit:
                self._items.popitem(last=False)
        return key

    def take(self, key: object) -> tuple[bool, object]:
        with self._lock:
            if isinstance(key, str) and key in self._items:
                return True, self._items.pop(key)
        return False, None


#: Context keys the ack listener leaves for its lazy listener.
_PREPARED = "trackit_prepared"
_REFUSED = "trackit_refused"


def _outcome(exc: Exception) -> str:
    return "denied" if isinstance(exc, AccessDenied) else "error"


def register_slash_command(
    app: App,
    command: str,
    *,
    prepare: Callable[[SlashRequest], Prepared],
    answer: Callable[[Prepared], Message],
    audit: Audit | None = None,
    in_channel: bool = False,
) -> None:
    """Register `command`: `prepare(request)` runs before the ack (fast: parse, access; raises for bad input);
    `answer(prepared)` runs after it and its Message is sent with `respond()` (ephemeral unless `in_channel`).
    `audit` is called once per request after the ack (so it never delays it), rejected ones included.
    """

    handoff = _Handoff()

    def ack_now(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        try:
            prepared = prepare(SlashRequest.from_body(body))
        except UserFacingError as exc:
            context[_REFUSED] = _outcome(exc)
            ack(response_type="ephemeral", **error_message(exc, command=command).as_kwargs())
            return
        except Exception as exc:  # still ack (else Slack shows a bare failure), with the logged reference
            context[_REFUSED] = "error"
            ack(response_type="ephemeral", **report_error(exc, None, body).as_kwargs())
            return
        context[_PREPARED] = handoff.put(prepared)
        ack()

    def work(body: dict[str, Any], respond: Respond, context: BoltContext, client: WebClient) -> None:
        started = time.monotonic()
        request = SlashRequest.from_body(body)
        send = responder(body, respond)
        outcome = str(context.get(_REFUSED) or "ok")
        try:
            if context.get(_REFUSED):  # already answered (and logged) in the ack
                return
            found, prepared = handoff.take(context.get(_PREPARED))
            try:
                if not found:  # the ack listener's entry was dropped (a flood): prepare again
                    prepared = prepare(request)
                reply = answer(cast("Prepared", prepared))
            except Exception as exc:  # lazy listeners bypass app.error: route to the same handler
                outcome = _outcome(exc)
                report_error(exc, send, body)
                return
            try:
                send(response_type="in_channel" if in_channel else "ephemeral", **reply.as_kwargs())
            except Exception as exc:  # retried already (`respond_via`): tell the asker rather than go silent
                outcome = "undelivered"
                tell_undelivered(exc, send, client, request.user_id, f"{request.command} {request.text}".strip())
        finally:
            if audit is not None:
                audit(request, outcome, int((time.monotonic() - started) * 1000))

    app.command(command)(ack=ack_now, lazy=[work])


def register_action(
    app: App, action_id: str, *, answer: ActionAnswer, audit: ActionAudit | None = None, in_channel: bool = False
) -> None:
    """Register a button: ack at once, then `answer(request, client)` in a lazy listener; a returned Message is
    sent to the clicker (ephemeral, not replacing the original), or to the channel with `in_channel` (errors stay
    ephemeral). `audit` is called once per press."""

    def ack_now(ack: Ack) -> None:
        ack()

    def work(body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        started = time.monotonic()
        request = ActionRequest.from_body(body)
        send = responder(body, respond)
        outcome = "ok"
        try:
            try:
                reply = answer(request, client)
            except Exception as exc:  # lazy listeners bypass app.error: route to the same handler
                outcome = _outcome(exc)
                report_error(exc, send, body)
                return
            if reply is not None:
                kind = "in_channel" if in_channel else "ephemeral"
                try:
                    send(response_type=kind, replace_original=False, **reply.as_kwargs())
                except Exception as exc:  # retried already (`respond_via`): tell the clicker rather than go silent
                    outcome = "undelivered"
                    tell_undelivered(exc, send, client, request.user_id, "the button you pressed")
        finally:
            if audit is not None:
                audit(request, outcome, int((time.monotonic() - started) * 1000))

    app.action(action_id)(ack=ack_now, lazy=[work])
