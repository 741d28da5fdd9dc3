"""An answer Slack never accepts is not lost silently: the asker is told, in their DM, to ask again.

Over signed HTTP against the running bot; the local fake Slack Web API refuses every post to the response URL
(429 with Retry-After 0, so the retries run quickly, or 500).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from bot.slack.errors import undelivered_text
from tests.commands.conftest import Bot


@pytest.fixture
def refusing_bot(clean_bot: Bot) -> Iterator[Bot]:
    yield clean_bot
    clean_bot.fake.fault = None
    clean_bot.fake.retry_after = 1


def refuse(kind: str, *methods: str) -> Any:
    return lambda method, _args: kind if method in methods else None


def test_an_answer_refused_after_every_retry_is_announced_in_the_askers_dm(refusing_bot: Bot) -> None:
    fake = refusing_bot.fake
    fake.retry_after = 0
    fake.fault = refuse("429", "respond")
    reply = refusing_bot.command("/cost", "last month by service", user="U0ALICE")
    assert reply.status == 200 and reply.body == b""
    posted = fake.wait_for("chat.postMessage", timeout=60)
    assert [(c.args["channel"], c.args["text"]) for c in posted] == [
        ("D0ALICE", undelivered_text("/cost last month by service"))
    ]
    assert undelivered_text("/cost last month by service") == (
        "My answer to `/cost last month by service` could not be delivered: Slack did not accept it, even after "
        "retrying. Please ask again."
    )
    tries = [c for c in fake.calls("respond") if c.fault == "429"]
    assert len(tries) == 7  # the answer and its six retries; the notice went to the DM, not the same URL again
    opened = fake.calls("conversations.open")
    assert [c.args.get("users") for c in opened] == ["U0ALICE"]


def test_when_the_dm_fails_too_the_notice_goes_to_the_response_url(refusing_bot: Bot) -> None:
    fake = refusing_bot.fake
    attempts: list[str] = []

    def fault(method: str, args: dict[str, Any]) -> str | None:
        if method == "chat.postMessage":
            return "500"
        if method == "respond":
            attempts.append(method)
            return "500" if len(attempts) == 1 else None  # the answer is refused, the short notice gets through
        return None

    fake.fault = fault
    url = fake.response_url()
    reply = refusing_bot.command("/cost", "last month", response_url=url)
    assert reply.status == 200 and reply.body == b""
    notice = fake.wait_for_response(url, timeout=30)
    body = json.loads(notice.body)
    assert body["text"] == undelivered_text("/cost last month")
    assert body["response_type"] == "ephemeral"
