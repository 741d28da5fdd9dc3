"""The global error handler: user-facing errors become a clear ephemeral message, the rest a logged traceback.

Bolt routes errors raised in listeners and middleware to `app.error(handler)`; errors raised in lazy
listeners do not reach it (Bolt only logs them, without traceback), so `bot.slack.listeners` sends those to
`report_error` too. Nothing else should catch `Exception` to log it.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from bot.errors import AskedElsewhere, UnknownWord, UserFacingError
from bot.slack.blocks import Message, context, message, section
from bot.slack.nearest import nearest_actions

log = logging.getLogger("bot.slack")

#: What a Bolt `respond` looks like to us (keyword arguments of a response_url post).
Respond = Callable[..., Any]


def error_message(error: BaseException, correlation_id: str | None = None, *, command: str = "") -> Message:
    """The message a user reads for `error`: its own sentence when user-facing (with an "Ask that" button for the
    question that would answer, `_asked_instead`, `bot.slack.nearest`), else a reference to the log."""
    if isinstance(error, UserFacingError):
        blocks = [section(f":warning: {error.message}")]
        if error.hint:
            blocks.append(section(error.hint))
        asked = _asked_instead(error, command)
        ask = nearest_actions(*asked) if asked is not None else None
        if ask is not None:
            blocks.append(ask)
        return message(error.user_text(), blocks)
    ref = correlation_id or "-"
    text = f"Something went wrong on our side (ref `{ref}`). Please try again; an admin can find the details."
    return message(text, [section(f":boom: {text}"), context(f"reference {ref}")])


def _asked_instead(error: UserFacingError, command: str) -> tuple[str, str] | None:
    """The command and question a refusal offers to ask instead: the rest of the text without an unknown word (of
    `command` itself), or the same text of the command that answers it; None when there is none."""
    if isinstance(error, UnknownWord) and error.nearest and command:
        return command, error.nearest
    if isinstance(error, AskedElsewhere):
        return error.command, error.text
    return None


def report_error(error: BaseException, respond: Respond | None, body: dict[str, Any] | None = None) -> Message:
    """Tell the asker (ephemeral, through `respond` when there is one) and log unexpected errors with a traceback.

    User-facing errors are logged at INFO without traceback (they are the user's input, not our bug). Returns
    the message shown.
    """
    who = (body or {}).get("user_id") or ((body or {}).get("user") or {}).get("id", "?")
    what = (body or {}).get("command") or "action"
    if isinstance(error, UserFacingError):
        log.info("user error for %s on %s: %s", who, what, error.message)
        shown = error_message(error)
    else:
        ref = uuid.uuid4().hex[:12]
        log.error("unexpected error ref=%s user=%s on %s", ref, who, what, exc_info=error)
        shown = error_message(error, ref)
    if respond is not None:
        try:
            respond(response_type="ephemeral", replace_original=False, **shown.as_kwargs())
        except Exception:  # the reply itself failed: nothing left to tell the user, keep the log
            log.exception("could not deliver the error message to %s", who)
    return shown


def undelivered_text(asked: str) -> str:
    """What the asker reads when their answer could not be posted: what it answered, and to ask again."""
    return (
        f"My answer to `{asked}` could not be delivered: Slack did not accept it, even after retrying. "
        "Please ask again."
    )


def tell_undelivered(error: BaseException, send: Respond, client: Any, user_id: str, asked: str) -> None:
    """An answer to `asked` failed to post after its retries (`error`): say so to the asker, in their DM with
    the bot (a separate Web API call with its own retries), else ephemeral through `send` (the response URL).
    Logged either way; a message that reaches no one is logged as lost."""
    log.warning("answer to %s for %s not delivered: %s", asked, user_id, error)
    text = undelivered_text(asked)
    try:
        dm = str((client.conversations_open(users=user_id).get("channel") or {}).get("id", ""))
        client.chat_postMessage(channel=dm, text=text, blocks=[section(f":warning: {text}")])
        return
    except Exception as exc:  # the DM failed too: the response URL is the last way left
        log.warning("could not tell %s in a DM that an answer was lost: %s", user_id, exc)
    try:
        send(response_type="ephemeral", replace_original=False, text=text)
    except Exception:
        log.exception("answer to %s for %s lost: the asker could not be told", asked, user_id)


def global_error_handler(error: Exception, body: dict[str, Any], respond: Respond | None) -> None:
    """Bolt's `app.error` handler (arguments injected by name)."""
    report_error(error, respond, body)
