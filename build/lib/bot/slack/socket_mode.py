"""Socket Mode: the app opens a websocket to Slack with an app-level token (`xapp-...`); no public URL needed.

Acks run on the Socket Mode client's message workers (`concurrency` of them) and answers on Bolt's listener
executor (see `bot.slack.bolt`), as in HTTP mode. An envelope Bolt cannot take apart is acked empty (so Slack
does not deliver it again) and logged in one line, never with its payload.
https://api.slack.com/apis/socket-mode
"""

from __future__ import annotations

import logging
import time

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

from bot.errors import ConfigError
from bot.slack.payloads import BadRequest, check_shape

log = logging.getLogger("bot.slack.socket_mode")

#: Longest excerpt of an envelope's id or type in a log line.
_LOG_EXCERPT = 80


class GuardedSocketModeHandler(SocketModeHandler):
    """Bolt's Socket Mode handler, except that an envelope it cannot process (a malformed payload, no listener, a
    failure before the ack) is acked empty and logged in one bounded line instead of left for Slack to resend."""

    # Bolt's own handle() declares the built-in client too (narrower than its base class's): same override.
    def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        try:
            check_shape(req.payload)
            response = run_bolt_app(self.app, req)
        except Exception as exc:  # BadRequest, or a payload Bolt could not take apart
            reason = exc.reason if isinstance(exc, BadRequest) else type(exc).__name__
            self._refuse(client, req, reason)
            return
        if response.status != 200:  # no listener for it (404), or a listener failed before acking
            self._refuse(client, req, f"Bolt answered {response.status}")
            return
        send_response(client, req, response, time.time())

    @staticmethod
    def _refuse(client: SocketModeClient, req: SocketModeRequest, reason: str) -> None:
        log.warning(
            "refused Socket Mode envelope %s (type %s): %s",
            str(req.envelope_id)[:_LOG_EXCERPT],
            str(req.type)[:_LOG_EXCERPT],
            reason,
        )
        client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))


def make_socket_handler(app: App, app_token: str, *, concurrency: int = 16) -> SocketModeHandler:
    """A handler that connects `app` over Socket Mode (`.connect()` returns, `.start()` blocks, `.close()` stops).

    `apps.connections.open` is called through the app's own WebClient, so its retry handlers apply.
    """
    if not app_token.startswith("xapp-"):
        raise ConfigError(
            "Socket Mode needs an app-level token (xapp-...) in TRACKIT_SLACK_APP_TOKEN or SLACK_APP_TOKEN"
        )
    return GuardedSocketModeHandler(app, app_token, web_client=app.client, concurrency=concurrency)
