"""What a Slack request must look like before Bolt takes it apart: shared by HTTP mode and Socket Mode.

Bolt indexes a payload's fields without checking their types (`body["actions"][0]["action_id"]`), so a signed
but malformed payload would surface as a 500 (HTTP) or an unacknowledged envelope (Socket Mode). These checks
refuse such a payload up front, with a reason that names the field and never echoes its content.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl


class BadRequest(Exception):
    """A request refused before Bolt sees it: `status` and the reason (for the log line and the reply)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


#: Fields of an interactivity payload that Bolt reads as objects, and as strings (when present).
_OBJECT_FIELDS = ("user", "channel", "team", "container", "view", "message", "enterprise", "state", "function_data")
_STRING_FIELDS = (
    "type",
    "callback_id",
    "action_id",
    "block_id",
    "trigger_id",
    "response_url",
    "api_app_id",
    "token",
    "command",
    "text",
    "user_id",
    "channel_id",
    "team_id",
    "enterprise_id",
)


def is_utf8(body: bytes) -> bool:
    """True when `body` decodes as UTF-8 (what Slack sends)."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_payload(body: bytes, content_type: str) -> None:
    """Raise `BadRequest(400)` unless `body` is what Slack sends: UTF-8; a JSON object for JSON requests; form
    fields otherwise, whose `payload` (interactivity) is a JSON object when present; and, in either object, the
    fields Bolt reads have the types Slack gives them (objects, strings, a list of action objects)."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadRequest(400, "body is not UTF-8") from exc
    try:
        if content_type.split(";", maxsplit=1)[0].strip().lower() == "application/json":
            data = json.loads(text)
            if not isinstance(data, dict):
                raise BadRequest(400, "JSON body is not an object")
        else:
            form = dict(parse_qsl(text, keep_blank_values=True, errors="strict"))
            if "payload" not in form:
                return  # a slash command: form fields are strings by construction
            data = json.loads(form["payload"])
            if not isinstance(data, dict):
                raise BadRequest(400, "payload field is not a JSON object")
    except ValueError as exc:  # json.JSONDecodeError, and parse_qsl's own errors
        raise BadRequest(400, f"malformed body ({type(exc).__name__})") from exc
    check_shape(data)


def check_shape(data: dict[str, Any]) -> None:
    """Raise `BadRequest(400)` unless the fields Bolt reads have the types Slack gives them."""
    for name in _OBJECT_FIELDS:
        if name in data and not isinstance(data[name], dict):
            raise BadRequest(400, f"{name} is not an object")
    for name in _STRING_FIELDS:
        if name in data and not isinstance(data[name], str):
            raise BadRequest(400, f"{name} is not a string")
    for name in ("user", "channel", "team", "enterprise"):
        inner = data.get(name, {})
        if "id" in inner and not isinstance(inner["id"], str):
            raise BadRequest(400, f"{name}.id is not a string")
    actions = data.get("actions")
    if "actions" in data:
        if not isinstance(actions, list) or not all(isinstance(a, dict) for a in actions):
            raise BadRequest(400, "actions is not a list of objects")
        for action in actions:
            for name in ("action_id", "block_id", "value", "type"):
                if name in action and not isinstance(action[name], str):
                    raise BadRequest(400, f"actions[].{name} is not a string")
            # Bolt's block action matcher reads `action_id` of a block action without checking it is there.
            if data.get("type") == "block_actions" and "action_id" not in action:
                raise BadRequest(400, "actions[] has no action_id")
