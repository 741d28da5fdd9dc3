"""HTTP mode: Bolt served through its WSGI adapter on a threaded `wsgiref` server, plus `/healthz`.

Bolt's own `app.start()` binds 0.0.0.0; this binds exactly the host given (127.0.0.1 by default). Slack's
request signatures are checked by Bolt (wrong or missing signature, or a timestamp older than five minutes:
401). https://api.slack.com/authentication/verifying-requests-from-slack
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import TYPE_CHECKING, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger("bot.slack.http")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

Health = Callable[[], dict[str, Any]]


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a stuck client must not keep the process alive at shutdown


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s - %s", self.address_string(), format % args)


def make_wsgi_app(app: App, health: Health | None = None) -> WSGIApplication:
    """A WSGI application: POST /slack/events goes to Bolt, GET /healthz answers 200 with `health()` as JSON."""
    bolt = SlackRequestHandler(app, path=EVENTS_PATH)

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            body = json.dumps({"ok": True, **(health() if health else {})}, default=str).encode()
            start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
            return [body]
        return bolt(environ, start_response)

    return wsgi


class SlackHttpServer:
    """The bot's HTTP endpoint on `host:port` (port 0 picks a free one; see `.port`)."""

    def __init__(self, app: App, host: str = "127.0.0.1", port: int = 3000, health: Health | None = None) -> None:
        self._server = make_server(
            host, port, make_wsgi_app(app, health), server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self._server.server_address[0]!s}:{self.port}"

    def serve_forever(self) -> None:
        log.info("serving Slack events on %s%s", self.url, EVENTS_PATH)
        self._server.serve_forever()

    def start(self) -> SlackHttpServer:
        """Serve in a daemon thread (tests, and `trackit serve` alongside the scheduler)."""
        # A short poll interval makes close() quick (shutdown waits for the next poll).
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="slack-http", daemon=True
        )
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
