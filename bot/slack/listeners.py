"""Thin glue between Bolt and the command modules: prepare before the ack, answer after it, once each.

Slack wants an acknowledgement within 3 seconds (https://api.slack.com/interactivity/slash-commands#responding_to_commands).
`register_slash_command` runs one listener per request in Bolt's listener thread pool: `prepare(request)` parses
the text and looks up what the asker may see (it must be fast); a `UserFacingError` it raises (bad input, no
access) is answered in the ack itself (ephemeral, with the usage). Otherwise the empty ack goes out at once and
`answer(prepared)` computes the reply in the same thread, sent through `respond()` (the command's
`response_url`): the text is parsed and the access looked up exactly once per request. Errors in `answer` go to
`report_error`, the same handler `app.error` uses.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.errors import AccessDenied, UserFacingError
from bot.slack.blocks import Message
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


Prepared = TypeVar("Prepared")
#: Called once per slash command with the outcome (`ok`, `denied`, `error`) and milliseconds taken.
Audit = Callable[[SlashRequest, str, int], None]
ActionAnswer = Callable[[ActionRequest, WebClient], Message | None]


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

    def handle(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        started = time.monotonic()
        request = SlashRequest.from_body(body)
        outcome = "ok"
        try:
            try:
                prepared = prepare(request)
            except UserFacingError as exc:
                outcome = _outcome(exc)
                ack(response_type="ephemeral", **error_message(exc).as_kwargs())
                return
            except Exception as exc:  # still ack (else Slack shows a bare failure), with the logged reference
                outcome = "error"
                ack(response_type="ephemeral", **report_error(exc, None, body).as_kwargs())
                return
            ack()
            try:
                reply = answer(prepared)
            except Exception as exc:  # answered after the ack: report through respond(), as app.error would
                outcome = _outcome(exc)
                report_error(exc, respond, body)
                return
            respond(response_type="in_channel" if in_channel else "ephemeral", **reply.as_kwargs())
        finally:
            if audit is not None:
                audit(request, outcome, int((time.monotonic() - started) * 1000))

    app.command(command)(handle)


def register_action(app: App, action_id: str, *, answer: ActionAnswer) -> None:
    """Register a button: ack at once, then `answer(request, client)` in the same listener thread; a returned
    Message is sent to the clicker (ephemeral, not replacing the original)."""

    def handle(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        ack()
        try:
            reply = answer(ActionRequest.from_body(body), client)
        except Exception as exc:  # answered after the ack: report through respond(), as app.error would
            report_error(exc, respond, body)
            return
        if reply is not None:
            respond(response_type="ephemeral", replace_original=False, **reply.as_kwargs())

    app.action(action_id)(handle)
