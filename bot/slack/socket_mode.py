"""Socket Mode: the app opens a websocket to Slack with an app-level token (`xapp-...`); no public URL needed.

https://api.slack.com/apis/socket-mode
"""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.errors import ConfigError


def make_socket_handler(app: App, app_token: str, *, concurrency: int = 8) -> SocketModeHandler:
    """A handler that connects `app` over Socket Mode (`.connect()` returns, `.start()` blocks, `.close()` stops).

    `apps.connections.open` is called through the app's own WebClient, so its retry handlers apply.
    """
    if not app_token.startswith("xapp-"):
        raise ConfigError(
            "Socket Mode needs an app-level token (xapp-...) in TRACKIT_SLACK_APP_TOKEN or SLACK_APP_TOKEN"
        )
    return SocketModeHandler(app, app_token, web_client=app.client, concurrency=concurrency)
