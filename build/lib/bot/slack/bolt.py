"""The Bolt app as the bot runs it: acks on the receiving thread, answers on a separate bounded executor.

Bolt's default (`process_before_response=False`) submits the ack listener to the same executor as the lazy
listeners (the answers) and waits for it there: with every executor thread busy on a slow answer, acks queue
behind answers and Slack gives up after 3 seconds. With `process_before_response=True` the ack listener runs
on the thread that received the request (a waitress request thread, a Socket Mode message worker) and only the
lazy listeners go to the executor. Every command must therefore ack in milliseconds and do its slow work lazily
(`bot.slack.listeners` does exactly that).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.slack.errors import global_error_handler


class BotApp(App):
    """A Bolt app that owns its answer pool, so the process can let acked answers finish before it exits."""

    def __init__(self, *, answers: ThreadPoolExecutor, **kwargs: Any) -> None:
        super().__init__(listener_executor=answers, **kwargs)
        self.answers = answers

    def drain(self) -> None:
        """Take no new answers and wait for the running and queued ones (call after the server stopped)."""
        self.answers.shutdown(wait=True)


def make_bolt_app(client: WebClient, *, signing_secret: str | None, listener_threads: int) -> BotApp:
    """A Bolt app on `client`: acks on the request thread, answers on `listener_threads` threads.

    `signing_secret` None means Socket Mode (no request signatures to verify).
    """
    app = BotApp(
        answers=ThreadPoolExecutor(max_workers=max(1, listener_threads), thread_name_prefix="answer"),
        client=client,
        signing_secret=signing_secret,
        request_verification_enabled=signing_secret is not None,
        process_before_response=True,
        logger=logging.getLogger("bot.slack.bolt"),
    )
    app.error(global_error_handler)
    return app
