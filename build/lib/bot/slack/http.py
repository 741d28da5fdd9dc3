"""HTTP mode: Bolt's WSGI adapter behind a guard, served by waitress, plus `/healthz`.

The guard (`make_wsgi_app`) answers everything that is not a well-formed, correctly signed Slack request
itself, before Bolt sees it, so that bad input never costs more than one bounded log line and never a 5xx:

- a body over `MAX_BODY_BYTES` (1 MiB; Slack's payloads are a few KiB): 413, refused by waitress from the
  `Content-Length` header before the body is read, and again here for any other WSGI server;
- a missing, non-numeric or stale timestamp (more than five minutes off), or a wrong signature: 401
  (https://api.slack.com/authentication/verifying-requests-from-slack);
- a signed body that is not UTF-8, not a JSON object (JSON requests), or whose `payload` field is not a JSON
  object (interactivity): 400;
- any other path: 404; another method on `/slack/events`: 405.

Each refusal logs one line (method, path, peer, reason, body size: never the body); waitress's warning that
requests queue for a thread is let through once a minute. Bolt's own verification
stays on behind the guard (a second check that costs one HMAC).

The server is waitress (a well-kept, pure-Python production WSGI server): a pool of `threads` request threads,
an accept backlog of `backlog` connections, idle connections closed after `channel_timeout` seconds. The app is
built with `process_before_response=True` (see `bot.compose.build_app`), so each ack runs on the request thread
that received it and the answers (lazy listeners) run on Bolt's separate, bounded listener executor: an ack never
queues behind an answer.
"""

from __future__ import annotations

import io
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk.signature import SignatureVerifier
from waitress import wasyncore
from waitress.server import create_server

from bot.slack.payloads import BadRequest, check_payload, is_utf8

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment

log = logging.getLogger("bot.slack.http")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
#: Largest request body accepted (Slack's slash commands and interactivity payloads are a few KiB).
MAX_BODY_BYTES = 1024 * 1024
#: Slack refuses to replay a request older than this; so do we (seconds, either way).
MAX_CLOCK_SKEW = 300
#: Longest excerpt of any client-supplied string (path, header) that goes into a log line.
_LOG_EXCERPT = 80
#: How long the serving loop waits for socket activity before it checks whether it should stop.
_POLL_SECONDS = 0.05

Health = Callable[[], dict[str, Any]]

_STATUS = {
    400: "400 Bad Request",
    401: "401 Unauthorized",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    413: "413 Content Too Large",
}


def _excerpt(value: object) -> str:
    """A client-supplied value as it may appear in a log line: printable, at most `_LOG_EXCERPT` characters."""
    text = str(value).encode("ascii", "backslashreplace").decode("ascii")
    return text if len(text) <= _LOG_EXCERPT else text[: _LOG_EXCERPT - 1] + "…"


def _content_length(environ: WSGIEnvironment) -> int:
    raw = str(environ.get("CONTENT_LENGTH") or "0").strip()
    if not raw.isdecimal():
        raise BadRequest(400, "Content-Length is not a number")
    length = int(raw)
    if length > MAX_BODY_BYTES:
        raise BadRequest(413, f"body of {length} bytes exceeds {MAX_BODY_BYTES}")
    return length


def verify_signature(
    verifier: SignatureVerifier, body: bytes, timestamp: str | None, signature: str | None, now: float
) -> None:
    """Raise `BadRequest(401)` unless `body` carries Slack's signature made within `MAX_CLOCK_SKEW` of `now`."""
    if not timestamp or not signature:
        raise BadRequest(401, "missing signature headers")
    if not (timestamp.isdecimal() and len(timestamp) <= 12):
        raise BadRequest(401, "timestamp header is not a number of seconds")
    if abs(now - int(timestamp)) > MAX_CLOCK_SKEW:
        raise BadRequest(401, "stale or future timestamp")
    if not signature.isascii() or not verifier.is_valid(body, timestamp, signature):
        raise BadRequest(401, "wrong signature")


def make_wsgi_app(
    app: App,
    signing_secret: str,
    health: Health | None = None,
    clock: Callable[[], float] | None = None,
) -> WSGIApplication:
    """The WSGI application: GET /healthz answers 200 with `health()` as JSON; POST /slack/events goes to Bolt
    once the guard (see the module docstring) has accepted it."""
    bolt = SlackRequestHandler(app, path=EVENTS_PATH)
    verifier = SignatureVerifier(signing_secret)
    now = clock or time.time

    def reply(start_response: StartResponse, status: str, body: bytes, content_type: str) -> list[bytes]:
        start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
        return [body]

    def refuse(environ: WSGIEnvironment, start_response: StartResponse, error: BadRequest) -> list[bytes]:
        log.warning(
            "refused %s %s from %s: %s (%s bytes)",
            _excerpt(environ.get("REQUEST_METHOD", "")),
            _excerpt(environ.get("PATH_INFO", "")),
            _excerpt(environ.get("REMOTE_ADDR", "?")),
            error.reason,
            _excerpt(environ.get("CONTENT_LENGTH") or 0),
        )
        status = _STATUS[error.status]
        return reply(start_response, status, status.encode(), "text/plain; charset=utf-8")

    def guarded(environ: WSGIEnvironment) -> bytes:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "")
        if path != EVENTS_PATH:
            raise BadRequest(404, "unknown path")
        if method != "POST":
            raise BadRequest(405, "not a POST")
        length = _content_length(environ)
        body: bytes = environ["wsgi.input"].read(length) if length else b""
        if not is_utf8(body):  # Slack sends UTF-8; slack_sdk's verifier decodes before it hashes
            raise BadRequest(400, "body is not UTF-8")
        verify_signature(
            verifier, body, environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"), environ.get("HTTP_X_SLACK_SIGNATURE"), now()
        )
        check_payload(body, str(environ.get("CONTENT_TYPE") or ""))
        return body

    def wsgi(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            body = json.dumps({"ok": True, **(health() if health else {})}, default=str).encode()
            return reply(start_response, "200 OK", body, "application/json")
        try:
            body = guarded(environ)
        except BadRequest as exc:
            return refuse(environ, start_response, exc)
        inner = dict(environ)
        inner["wsgi.input"] = io.BytesIO(body)
        inner["CONTENT_LENGTH"] = str(len(body))
        try:
            return list(bolt(inner, start_response))
        except Exception:  # a signed payload Bolt could not take apart: the client's problem, not a 5xx
            log.exception("Bolt could not process a signed %s-byte request", len(body))
            return refuse(environ, start_response, BadRequest(400, "payload Bolt could not process"))

    return wsgi


class _OncePerInterval(logging.Filter):
    """Lets one record through per `seconds` (waitress warns "Task queue depth is N" for every request queued
    while its threads are busy: one line per request under a burst)."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self._seconds = seconds
        self._last = -seconds
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        with self._lock:
            if record.created - self._last < self._seconds:
                return False
            self._last = record.created
            return True


_QUEUE_LOG = logging.getLogger("waitress.queue")
if not any(isinstance(f, _OncePerInterval) for f in _QUEUE_LOG.filters):
    _QUEUE_LOG.addFilter(_OncePerInterval(60.0))


class SlackHttpServer:
    """The bot's HTTP endpoint on `host:port` (port 0 picks a free one; see `.port`), served by waitress.

    `threads` request threads run the guard and the acks (milliseconds each); answers run elsewhere (Bolt's
    listener executor). `backlog` is the listen queue: connections the kernel accepts while every thread is busy.
    """

    def __init__(
        self,
        app: App,
        host: str = "127.0.0.1",
        port: int = 3000,
        health: Health | None = None,
        *,
        signing_secret: str,
        threads: int = 16,
        backlog: int = 1024,
        channel_timeout: int = 30,
        connection_limit: int = 1000,
    ) -> None:
        self._map: dict[int, Any] = {}  # waitress's socket map, ours so that the serving loop is ours too
        self._stopping = threading.Event()
        self._server = create_server(
            make_wsgi_app(app, signing_secret, health),
            map=self._map,
            host=host,
            port=port,
            threads=threads,
            backlog=backlog,
            connection_limit=connection_limit,
            channel_timeout=channel_timeout,
            max_request_body_size=MAX_BODY_BYTES + 1,  # waitress refuses a body of this size or more
            max_request_header_size=64 * 1024,
            ident="trackit",
            expose_tracebacks=False,
        )
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.effective_port)  # type: ignore[union-attr]

    @property
    def url(self) -> str:
        return f"http://{self._server.effective_host}:{self.port}"  # type: ignore[union-attr]

    def serve_forever(self) -> None:
        """Serve until `close()` (from another thread) or Ctrl-C."""
        log.info("serving Slack events on %s%s", self.url, EVENTS_PATH)
        try:
            self._serve()
        except KeyboardInterrupt:
            self._shutdown()

    def start(self) -> SlackHttpServer:
        """Serve in a daemon thread (tests, and `trackit serve` alongside the scheduler)."""
        self._thread = threading.Thread(target=self._serve, name="slack-http", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving: the serving loop closes its own sockets (within `_POLL_SECONDS`), then joins."""
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _serve(self) -> None:
        # waitress's run() loops until its sockets are closed, and closing them from another thread races with
        # its select(); one poll at a time lets the loop close them itself.
        while not self._stopping.is_set():
            wasyncore.loop(timeout=_POLL_SECONDS, map=self._map, count=1)
        self._shutdown()

    def _shutdown(self) -> None:
        self._server.task_dispatcher.shutdown()
        wasyncore.close_all(self._map)
