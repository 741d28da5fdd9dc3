"""Thin glue between Bolt and the command modules: check at ack time, answer later in a lazy listener.

Slack wants an acknowledgement within 3 seconds (https://api.slack.com/interactivity/slash-commands#responding_to_commands).
`register_slash_command` acks at once: a `check` that raises a `UserFacingError` (bad input) is answered in
the ack itself (ephemeral, with the usage); otherwise the empty ack returns and `answer` runs in Bolt's
listener thread pool (a lazy listener) and replies through `respond()` (the command's `response_url`).
Errors in `answer` go to `report_error`, the same handler `app.error` uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.errors import AccessDenied, UserFacingError
from bot.slack.blocks import Message
from bot.slack.client import respond_via
from bot.slack.errors import Respond as RespondFn
from bot.slack.errors import error_message, report_error


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


Check = Callable[[SlashRequest], object]
Answer = Callable[[SlashRequest], Message]
#: Called once per slash command with the outcome (`ok`, `denied`, `error`) and milliseconds taken.
Audit = Callable[[SlashRequest, str, int], None]
ActionAnswer = Callable[[ActionRequest, WebClient], Message | None]
#: Called once per button press with the outcome (`ok`, `denied`, `error`) and milliseconds taken.
ActionAudit = Callable[[ActionRequest, str, int], None]


def register_slash_command(
    app: App, command: str, *, check: Check, answer: Answer, audit: Audit | None = None, in_channel: bool = False
) -> None:
    """Register `command`: `check(request)` runs before the ack (must be fast, raises for bad input);
    `answer(request)` runs after it and its Message is sent with `respond()` (ephemeral unless `in_channel`).
    `audit` is called once per request (from the lazy half, so it never delays the ack), rejected ones included.
    """

    def ack_now(ack: Ack, body: dict[str, Any]) -> None:
        try:
            check(SlashRequest.from_body(body))
        except UserFacingError as exc:
            ack(response_type="ephemeral", **error_message(exc).as_kwargs())
            return
        except Exception as exc:  # still ack (else Slack shows a bare failure), with the logged reference
            ack(response_type="ephemeral", **report_error(exc, None, body).as_kwargs())
            return
        ack()

    def work(body: dict[str, Any], respond: Respond) -> None:
        started = time.monotonic()
        request = SlashRequest.from_body(body)
        send = responder(body, respond)
        outcome = "ok"
        try:
            try:
                check(request)  # the lazy listener runs even when the ack already answered bad input
            except Exception as exc:  # already answered (and logged) at ack time
                outcome = "denied" if isinstance(exc, AccessDenied) else "error"
                return
            try:
                reply = answer(request)
            except Exception as exc:  # lazy listeners bypass app.error: route to the same handler
                outcome = "denied" if isinstance(exc, AccessDenied) else "error"
                report_error(exc, send, body)
                return
            send(response_type="in_channel" if in_channel else "ephemeral", **reply.as_kwargs())
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
                outcome = "denied" if isinstance(exc, AccessDenied) else "error"
                report_error(exc, send, body)
                return
            if reply is not None:
                kind = "in_channel" if in_channel else "ephemeral"
                send(response_type=kind, replace_original=False, **reply.as_kwargs())
        finally:
            if audit is not None:
                audit(request, outcome, int((time.monotonic() - started) * 1000))

    app.action(action_id)(ack=ack_now, lazy=[work])
