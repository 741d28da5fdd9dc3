"""The one place a Slack `WebClient` is built, with retry handlers that never send a post twice.

slack_sdk's `ConnectionErrorRetryHandler` re-sends any request whose connection failed, including a
`chat.postMessage` that Slack received and acted on before the connection dropped: a duplicate message below
any bookkeeping of ours. The handlers here retry only what is safe to send again
(https://docs.slack.dev/tools/python-slack-sdk/web#retryhandler):

- connection errors: for read-only or idempotent methods (`IDEMPOTENT_METHODS`) always; for every other method
  only when the request provably never left this process (connection refused, name resolution failed);
- HTTP 429: always (Slack did nothing), after its `Retry-After`, when that wait is short (`max_wait`); a longer
  one is raised to the caller, whose delivery backs off for that long (bot.delivery).

A non-idempotent call whose answer is lost raises to the caller, which records its fate as unknown and looks
for the message by its metadata before posting again (bot.delivery).
"""

from __future__ import annotations

import random
import socket
import time
from http.client import RemoteDisconnected
from urllib.error import URLError
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient

#: Slack's production Web API; tests pass the URL of a local fake instead.
SLACK_API_URL = WebClient.BASE_URL

#: Methods that may be sent again after a lost answer: they read, or repeating them changes nothing
#: (joining a channel twice; opening a DM that is open; an unused upload URL is simply never completed).
IDEMPOTENT_METHODS = frozenset(
    {
        "api.test",
        "apps.connections.open",
        "auth.test",
        "bots.info",
        "chat.getPermalink",
        "conversations.history",
        "conversations.info",
        "conversations.join",
        "conversations.open",
        "conversations.members",
        "conversations.replies",
        "files.getUploadURLExternal",
        "files.info",
        "team.info",
        "users.info",
        "users.list",
    }
)
#: Longest `Retry-After` the client waits for in place; longer ones are left to the caller's back-off.
MAX_INLINE_WAIT = 10


def api_method(url: str) -> str:
    """`https://slack.com/api/chat.postMessage?x=1` -> `chat.postMessage`."""
    path = urlsplit(url).path
    return path.rsplit("/", 1)[-1]


def never_sent(error: BaseException) -> bool:
    """True when `error` proves the request never reached the server: the connection was refused or the host
    name did not resolve (nothing was written to a socket)."""
    reason: object = error.reason if isinstance(error, URLError) else error
    return isinstance(reason, ConnectionRefusedError | socket.gaierror)


class SafeConnectionErrorRetryHandler(RetryHandler):
    """Retries connection errors only where sending the request again cannot act twice (module docstring)."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if error is None or response is not None:  # an HTTP answer (40x, 50x) is not a connection error
            return False
        if not isinstance(error, URLError | ConnectionError | RemoteDisconnected | TimeoutError):
            return False
        return api_method(request.url) in IDEMPOTENT_METHODS or never_sent(error)


def retry_after_seconds(response: HttpResponse | None) -> float | None:
    """The `Retry-After` of a 429 answer in seconds (None when absent or unreadable)."""
    if response is None:
        return None
    for name, values in response.headers.items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list) else values
            try:
                return float(value)
            except (TypeError, ValueError):
                return None
    return None


class ShortRateLimitRetryHandler(RetryHandler):
    """Retries HTTP 429 after `Retry-After` when that is at most `max_wait` seconds (Slack did not act on it)."""

    def __init__(self, max_retry_count: int = 1, *, max_wait: float = MAX_INLINE_WAIT) -> None:
        super().__init__(max_retry_count)
        self.max_wait = max_wait

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        wait = retry_after_seconds(response)
        return wait is None or wait <= self.max_wait

    def prepare_for_next_attempt(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> None:
        wait = retry_after_seconds(response)
        state.next_attempt_requested = True
        time.sleep((1.0 if wait is None else wait) + random.random() * 0.5)
        state.increment_current_attempt()


def make_client(
    token: str, *, base_url: str = "", timeout: int = 15, max_retries: int = 3, max_wait: float = MAX_INLINE_WAIT
) -> WebClient:
    """A WebClient that retries short HTTP 429s and connection errors up to `max_retries`, never re-sending a
    call Slack may have acted on (module docstring).

    `base_url` (ending with `/api/`) points the client at a local fake Web API in tests; empty means Slack.
    """
    return WebClient(
        token=token or None,
        base_url=base_url or SLACK_API_URL,
        timeout=timeout,
        retry_handlers=[
            SafeConnectionErrorRetryHandler(max_retry_count=max_retries),
            ShortRateLimitRetryHandler(max_retry_count=max_retries, max_wait=max_wait),
        ],
    )


def respond_via(response_url: str, *, timeout: int = 15, max_retries: int = 6) -> Responder:
    """A `respond()` for `response_url` with the same retry rules as `make_client` (Bolt's own `respond` gives
    up at the first 429): a rate-limited answer is sent again after `Retry-After`, a lost one never. An answer is
    what the asker waits for and a response URL stays valid for 30 minutes, so it is tried up to `max_retries`
    more times (the load bench lost 2 of 200 answers to four 429s in a row with 3)."""
    return Responder(response_url, timeout=timeout, max_retries=max_retries)


class ResponseUrlError(Exception):
    """Slack did not accept a post to a response URL (after retries): its status and body, bounded."""


class Responder:
    """Posts messages to one response URL (`respond_via`)."""

    def __init__(self, response_url: str, *, timeout: int, max_retries: int) -> None:
        self.response_url = response_url
        self._client = WebhookClient(
            url=response_url,
            timeout=timeout,
            retry_handlers=[
                SafeConnectionErrorRetryHandler(max_retry_count=max_retries),
                ShortRateLimitRetryHandler(max_retry_count=max_retries),
            ],
        )

    def __call__(self, **message: object) -> None:
        """Post `message` (Slack's response_url fields: text, blocks, response_type, replace_original, ...).

        Raises `ResponseUrlError` when Slack answers anything but 200.
        """
        response = self._client.send_dict({k: v for k, v in message.items() if v is not None})
        if response.status_code != 200:
            raise ResponseUrlError(f"response_url answered {response.status_code}: {str(response.body)[:200]}")
