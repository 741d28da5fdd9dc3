"""Posting and uploading helpers (files go through `files_upload_v2`, the only upload API Slack keeps).

https://docs.slack.dev/reference/methods/files.getUploadURLExternal
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from slack_sdk import WebClient

from bot.slack.blocks import Message


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """RFC 4180 CSV (UTF-8, CRLF line ends, as the csv module writes it) of `header` then `rows`."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def upload_file(
    client: WebClient, channel: str, filename: str, content: bytes, *, title: str = "", comment: str = ""
) -> str:
    """Upload `content` as `filename` into `channel`; returns the file id."""
    response = client.files_upload_v2(
        channel=channel,
        filename=filename,
        content=content,
        title=title or filename,
        initial_comment=comment or None,
    )
    files = response.get("files") or [response.get("file") or {}]
    return str(files[0].get("id", ""))


def post_message(client: WebClient, channel: str, msg: Message, *, thread_ts: str | None = None) -> str:
    """Post `msg` (blocks + text fallback) into `channel`; returns the message ts."""
    response = client.chat_postMessage(channel=channel, thread_ts=thread_ts, **msg.as_kwargs())
    return str(response.get("ts", ""))
