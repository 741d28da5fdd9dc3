"""The question a refusal offers to ask instead: a word nothing reads was left out, the rest is a question.

A refused question whose unknown word leaves a question behind (`frontend last month` -> `last month`,
`bot.errors.UnknownWord.nearest`), or that another command answers (`/top-resources ... vs last week` ->
`/cost`, `bot.errors.AskedElsewhere`), carries an "Ask that" button; pressing it asks that question of that
command as the person who pressed it (their own access, like typing it), and the press is audited.
"""

from __future__ import annotations

import json

from bot.errors import UsageError
from bot.slack.blocks import MAX_BUTTON_VALUE, Block, actions, button

ASK_NEAREST = "ask_nearest"
_VERSION = 1
STALE = UsageError("That button is from an older version of the bot.", hint="Ask the question again.")


def nearest_actions(command: str, question: str) -> Block | None:
    """The actions block of the "Ask that" button (the hint above it names `question`) for `command`, or None when
    the question would not fit a button."""
    value = json.dumps({"v": _VERSION, "c": command, "t": question}, separators=(",", ":"))
    if len(value) > MAX_BUTTON_VALUE:
        return None
    return actions(button("Ask that", ASK_NEAREST, value, style="primary"))


def decode(value: str) -> tuple[str, str]:
    """The command and question text in a button value; raises `UsageError` (ask again) for anything else."""
    try:
        data = json.loads(value)
        if not isinstance(data, dict) or data.get("v") != _VERSION:
            raise STALE
        command, text = data["c"], data["t"]
    except (ValueError, KeyError, TypeError) as exc:
        raise STALE from exc
    if not isinstance(command, str) or not isinstance(text, str):
        raise STALE
    return command, text
