"""Signed Slack requests for tests: the headers Slack sends, computed the way Slack documents.

https://api.slack.com/authentication/verifying-requests-from-slack
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier


def signed_headers(secret: str, body: str, timestamp: int | None = None) -> dict[str, str]:
    """`X-Slack-Request-Timestamp` and `X-Slack-Signature` for `body` (now, unless `timestamp` is given)."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature}


def slash_command_body(
    command: str,
    text: str,
    *,
    response_url: str,
    user_id: str = "U0ALICE",
    channel_id: str = "C0GENERAL",
    team_id: str = "T0FAKE",
    trigger_id: str = "1.2.3",
) -> str:
    """The form-encoded body Slack POSTs for a slash command."""
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": team_id,
            "team_domain": "fake",
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": user_id.lower(),
            "command": command,
            "text": text,
            "api_app_id": "A0TRACKIT",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
    )


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    headers: Mapping[str, str]

    @property
    def text(self) -> str:
        return self.body.decode()


def post(url: str, body: str, headers: Mapping[str, str], timeout: float = 10.0) -> Reply:
    """POST a form body and return status, body and headers (also for 4xx answers)."""
    request = urllib.request.Request(
        url,
        data=body.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", **headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            return Reply(resp.status, resp.read(), dict(resp.headers))
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, exc.read(), dict(exc.headers))


def post_signed(url: str, body: str, secret: str, timestamp: int | None = None, *, timeout: float = 10.0) -> Reply:
    """POST `body` signed with `secret`, as Slack would."""
    return post(url, body, signed_headers(secret, body, timestamp), timeout=timeout)
