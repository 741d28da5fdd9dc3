"""The one place a Slack `WebClient` is built: retry handlers for rate limits and connection errors, once.

https://docs.slack.dev/tools/python-slack-sdk/web#retryhandler
"""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

#: Slack's production Web API; tests pass the URL of a local fake instead.
SLACK_API_URL = WebClient.BASE_URL


def make_client(token: str, *, base_url: str = "", timeout: int = 15, max_retries: int = 3) -> WebClient:
    """A WebClient that retries HTTP 429 (honouring `Retry-After`) and dropped connections up to `max_retries`.

    `base_url` (ending with `/api/`) points the client at a local fake Web API in tests; empty means Slack.
    """
    return WebClient(
        token=token or None,
        base_url=base_url or SLACK_API_URL,
        timeout=timeout,
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=max_retries),
            RateLimitErrorRetryHandler(max_retry_count=max_retries),
        ],
    )
