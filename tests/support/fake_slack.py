"""A local fake of the Slack Web API, over real HTTP on 127.0.0.1, that records every call.

Point a `WebClient(base_url=fake.api_url)` at it, and use `fake.response_url(...)` as the `response_url` of
slash-command payloads. It answers the methods the bot uses (auth.test, chat.postMessage, chat.update,
chat.postEphemeral, conversations.open, files.getUploadURLExternal, the raw upload, files.completeUploadExternal,
apps.connections.open, conversations.info from `channels`) and records posts to response URLs. Like Slack, it
reports the token's scopes in an `x-oauth-scopes` header (`granted_scopes`) and refuses revoked tokens.
Thread-safe; `wait_for` blocks until calls arrive.

The raw upload (step 2 of `files_upload_v2`) arrives labelled `application/x-www-form-urlencoded` but is the
file's bytes: it is stored as bytes, never decoded.

Fault injection: `fault(method, args)` (set by chaos tests) names what goes wrong with a request, or None
(`method` is `upload` for the raw upload and `respond` for a post to a response URL):

- `429`: HTTP 429 with `Retry-After: <retry_after>`, nothing done (as Slack's rate limiter);
- `500`: HTTP 500 `internal_error`, nothing done;
- `lost`: the call is carried out (a post is recorded), then the connection closes without an answer;
- `reset`: the call is carried out, then the connection is reset (TCP RST).

Every request is recorded with the fault it got (`Call.fault`), so tests count what Slack saw.
"""

from __future__ import annotations

import itertools
import json
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest


@dataclass(frozen=True)
class Call:
    """One recorded request. `method` is the Web API method (`chat.postMessage`), `upload`, or `respond`."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    args: dict[str, Any] = field(default_factory=dict)
    at: float = 0.0
    fault: str = ""

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class FakeSlack:
    """The fake server. Start with `start()` (or the `fake_slack` fixture), stop with `close()`."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._calls: list[Call] = []
        self._ids = itertools.count(1)
        self.uploads: dict[str, bytes] = {}
        #: What `apps.connections.open` returns (set by Socket Mode tests).
        self.socket_url = ""
        #: Scopes reported in the `x-oauth-scopes` header of every Web API answer (as Slack does); None: no header.
        self.granted_scopes: tuple[str, ...] | None = None
        #: What `conversations.info` knows: channel id -> the channel object (name, is_member, is_private ...).
        self.channels: dict[str, dict[str, Any]] = {}
        #: Tokens Slack no longer accepts (`auth.test` answers `token_revoked`).
        self.revoked_tokens: set[str] = set()
        #: method -> list of (status, headers, body) answers served before the normal one (retry tests).
        self._scripted: dict[str, list[tuple[int, dict[str, str], bytes]]] = {}
        #: (method, args) -> a fault name (`429`, `500`, `lost`, `reset`) or None; `upload` is the raw upload.
        self.fault: Callable[[str, dict[str, Any]], str | None] | None = None
        #: The `Retry-After` seconds of an injected 429.
        self.retry_after = 1
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-slack", daemon=True
        )

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeSlack:
        self._thread.start()
        return self

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def api_url(self) -> str:
        """Base URL for `WebClient(base_url=...)` (ends with a slash, as slack_sdk expects)."""
        return f"{self.url}/api/"

    def response_url(self, name: str = "") -> str:
        """A fresh response URL; posts to it are recorded as method `respond` with `args["hook"] == name`."""
        return f"{self.url}/hooks/{name or next(self._ids)}"

    # ------------------------------------------------------------------ recording

    def calls(self, method: str | None = None) -> list[Call]:
        with self._lock:
            return [c for c in self._calls if method is None or c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        """Block until at least `count` calls of `method` were recorded; return them (AssertionError on timeout)."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [c for c in self._calls if c.method == method]
                if len(found) >= count:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = sorted({c.method for c in self._calls})
                    raise AssertionError(
                        f"waited {timeout}s for {count} {method} call(s), got {len(found)}; saw {seen}"
                    )
                self._lock.wait(left)

    def wait_for_response(self, response_url: str, timeout: float = 10.0) -> Call:
        """Block until something was posted to `response_url` (from `response_url()`) and accepted (not answered
        with an injected 429 or 500); return the first such post."""
        hook = response_url.rsplit("/", 1)[1]
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for c in self._calls:
                    if c.method == "respond" and c.args.get("hook") == hook and c.fault not in ("429", "500"):
                        return c
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"waited {timeout}s for a post to {response_url}")
                self._lock.wait(left)

    def script(self, method: str, status: int, headers: dict[str, str] | None = None, body: Any = None) -> None:
        """Serve one scripted answer to the next call of `method` (e.g. 429 with Retry-After) before normal ones."""
        raw = json.dumps(body if body is not None else {"ok": False, "error": "ratelimited"}).encode()
        with self._lock:
            self._scripted.setdefault(method, []).append((status, headers or {}, raw))

    def reset(self) -> None:
        with self._lock:
            self._calls.clear()
            self.uploads.clear()

    def _record(self, call: Call) -> None:
        with self._lock:
            self._calls.append(call)
            self._lock.notify_all()

    # ------------------------------------------------------------------ answers

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        n = next(self._ids)
        if method == "conversations.info":
            channel = self.channels.get(str(args.get("channel", "")))
            return {"ok": True, "channel": channel} if channel else {"ok": False, "error": "channel_not_found"}
        if method == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack.test/",
                "team": "Fake",
                "user": "trackit",
                "team_id": "T0FAKE",
                "user_id": "U0BOT",
                "bot_id": "B0BOT",
            }
        if method in ("chat.postMessage", "chat.update"):
            channel = args.get("channel", "C0")
            return {
                "ok": True,
                "channel": channel,
                "ts": args.get("ts") or f"1700000000.{n:06d}",
                "message": {"text": args.get("text", ""), "blocks": args.get("blocks", [])},
            }
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000000.{n:06d}"}
        if method == "files.getUploadURLExternal":
            file_id = f"F{n:08d}"
            return {"ok": True, "upload_url": f"{self.url}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            files = args.get("files", "[]")
            items = json.loads(files) if isinstance(files, str) else files
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title", "")} for f in items]}
        if method == "conversations.open":  # the DM between the bot and a user: `D` + the user id
            return {"ok": True, "channel": {"id": "D" + str(args.get("users", "")).lstrip("UW")}}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        return {"ok": False, "error": "unknown_method"}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                hdrs = {"Content-Type": "application/json; charset=utf-8", **(headers or {})}
                for k, v in hdrs.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def _drop(self, fault: str) -> None:
                """Close the connection without an answer (`lost`) or with a TCP reset (`reset`)."""
                if fault == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                else:
                    self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True
                self.connection.close()

            def _fault_answer(self, fault: str) -> bool:
                """Serve a fault that happens before the call is carried out; True when one was served."""
                if fault == "429":
                    body = json.dumps({"ok": False, "error": "ratelimited"}).encode()
                    self._send(429, body, {"Retry-After": str(fake.retry_after)})
                    return True
                if fault == "500":
                    self._send(500, json.dumps({"ok": False, "error": "internal_error"}).encode())
                    return True
                return False

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if len(body) < length:  # the client went away mid-request (killed): like Slack, act on nothing
                    self.close_connection = True
                    return
                parts = urlsplit(self.path)
                headers = {k.lower(): v for k, v in self.headers.items()}
                now = time.monotonic()
                if parts.path.startswith("/upload/"):
                    file_id = parts.path.rsplit("/", 1)[1]
                    fault = (fake.fault("upload", {"file_id": file_id}) if fake.fault else None) or ""
                    fake._record(Call("upload", parts.path, headers, body, {"file_id": file_id}, now, fault))
                    if self._fault_answer(fault):
                        return
                    with fake._lock:
                        fake.uploads[file_id] = body
                    if fault:
                        self._drop(fault)
                        return
                    self._send(200, f"OK - {len(body)}".encode(), {"Content-Type": "text/plain"})
                    return
                if parts.path.startswith("/hooks/"):
                    hook = parts.path.rsplit("/", 1)[1]
                    fault = (fake.fault("respond", {"hook": hook}) if fake.fault else None) or ""
                    fake._record(Call("respond", parts.path, headers, body, {"hook": hook}, now, fault))
                    if self._fault_answer(fault):
                        return
                    if fault:
                        self._drop(fault)
                        return
                    self._send(200, b"ok", {"Content-Type": "text/plain"})
                    return
                if not parts.path.startswith("/api/"):
                    self._send(404, b'{"ok":false,"error":"not_found"}')
                    return
                method = parts.path[len("/api/") :]
                args: dict[str, Any] = dict(parse_qsl(parts.query))
                ctype = headers.get("content-type", "")
                if body and ctype.startswith("application/json"):
                    args.update(json.loads(body))
                elif body:
                    args.update(parse_qsl(body.decode("utf-8", "replace")))
                fault = (fake.fault(method, args) if fake.fault else None) or ""
                fake._record(Call(method, parts.path, headers, body, args, now, fault))
                if self._fault_answer(fault):
                    return
                with fake._lock:
                    scripted = fake._scripted.get(method)
                    answer = scripted.pop(0) if scripted else None
                if answer is not None:
                    self._send(answer[0], answer[2], answer[1])
                    return
                token = headers.get("authorization", "").removeprefix("Bearer ").strip() or str(args.get("token", ""))
                extra = {"x-oauth-scopes": ",".join(fake.granted_scopes)} if fake.granted_scopes is not None else {}
                refused = {"ok": False, "error": "token_revoked"} if token in fake.revoked_tokens else None
                result = json.dumps(refused or fake._answer(method, args)).encode()
                if fault:
                    self._drop(fault)
                    return
                self._send(200, result, extra)

        return Handler


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """A started fake Slack Web API server for one test."""
    fake = FakeSlack().start()
    try:
        yield fake
    finally:
        fake.close()


def blocks_text(blocks: list[dict[str, Any]]) -> str:
    """Every piece of text in a list of Block Kit blocks, joined by newlines (for assertions)."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                out.append(node["text"])
            for value in node.values():
                if not isinstance(value, str):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(blocks)
    return "\n".join(out)
