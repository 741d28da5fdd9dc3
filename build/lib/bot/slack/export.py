"""Answers carried by their buttons, and files for one person.

An answer is private to its asker (ephemeral), so what its buttons produce must stay within what the asker and
the audience may see:

- `AnswerRef` is what an answer's Export CSV and Share in channel buttons carry: the command, its text and the
  day it was answered (relative ranges such as `last month` then mean the same days at click time). A click
  re-parses it in the clicker's current scope: no numbers travel in the button, and a revoked grant takes effect.
- `upload_to_dm` sends a file (an export, a chart) to the asker's direct message with the bot, opened by the bot
  (`conversations.open`, scope `im:write`): never into the channel of the answer, where others would see it, and
  working from DMs and private channels the bot is not a member of.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from slack_sdk import WebClient

from bot.errors import UsageError
from bot.slack.blocks import MAX_BUTTON_VALUE, Message, message

_VERSION = 1

STALE_BUTTON = UsageError(
    "This button belongs to an answer I can no longer read.", hint="Ask the question again to get a fresh one."
)


@dataclass(frozen=True)
class AnswerRef:
    """The question behind an answer: `command` and `text` as typed, answered on `today` (the bot's local day)."""

    command: str
    text: str
    today: date

    def encode(self) -> str | None:
        """The button value, or None when it would not fit in a button (the answer then has no buttons)."""
        value = json.dumps(
            {"v": _VERSION, "c": self.command, "t": self.text, "d": self.today.isoformat()}, separators=(",", ":")
        )
        return value if len(value) <= MAX_BUTTON_VALUE else None

    @classmethod
    def decode(cls, value: str) -> AnswerRef:
        """The reference in a button value; raises `UsageError` (ask again) for anything else."""
        try:
            data = json.loads(value)
            if not isinstance(data, dict) or data.get("v") != _VERSION:
                raise STALE_BUTTON
            command, text = data["c"], data["t"]
            if not isinstance(command, str) or not isinstance(text, str):
                raise STALE_BUTTON
            return cls(command, text, date.fromisoformat(str(data["d"])))
        except (ValueError, KeyError, TypeError) as exc:
            raise STALE_BUTTON from exc


def open_dm(client: WebClient, user_id: str) -> str:
    """The id of the direct message between the bot and `user_id` (opened if need be; the same one every time)."""
    response = client.conversations_open(users=user_id)
    channel = response.get("channel") or {}
    return str(channel.get("id", ""))


def upload_to_dm(
    client: WebClient, user_id: str, filename: str, content: bytes, *, title: str = "", comment: str = ""
) -> tuple[str, str]:
    """Upload `content` as `filename` into the asker's DM with the bot; returns (DM channel id, file id)."""
    dm = open_dm(client, user_id)
    response = client.files_upload_v2(
        channel=dm, filename=filename, content=content, title=title or filename, initial_comment=comment or None
    )
    files = response.get("files") or [response.get("file") or {}]
    return dm, str(files[0].get("id", ""))


def send_export(
    client: WebClient, user_id: str, ref: AnswerRef, filename: str, content: bytes, *, rows: int, noun: str
) -> Message:
    """Upload an export of the answer behind `ref` to `user_id`'s DM with the bot; the reply to the clicker says
    where it went and how many rows it holds."""
    comment = f"Export of `{ref.command} {ref.text}` (asked on {ref.today:%Y-%m-%d}): {rows:,} {noun}."
    upload_to_dm(client, user_id, filename, content, title=filename, comment=comment)
    return message(f"Sent {filename} ({rows:,} {noun}) to your direct messages with me.")
