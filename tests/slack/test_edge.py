"""The Slack edge under load and attack, over real HTTP (waitress) and a real local websocket (Socket Mode).

- acks never wait behind answers: with every answer thread blocked, more commands are still acked at once;
- a burst of simultaneous connections is accepted (no reset);
- a 20 MB body is refused with 413 before it is read, and nothing is logged;
- malformed input (bad timestamps, bad signatures, malformed JSON, form or interactivity payloads) gets a 4xx,
  never a 5xx; a badly signed request logs one bounded line, never its body;
- Socket Mode: the same ack/answer separation, and malformed envelopes are acked and do not stop the client.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest
import websockets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_bolt import App

from bot.slack.blocks import message
from bot.slack.bolt import make_bolt_app
from bot.slack.client import make_client
from bot.slack.http import MAX_BODY_BYTES, SlackHttpServer
from bot.slack.listeners import SlashRequest, register_action, register_slash_command
from bot.slack.socket_mode import make_socket_handler
from tests.support.fake_slack import FakeSlack
from tests.support.slack_signing import Reply, post, post_signed, signed_headers, slash_command_body

SECRET = "edge-signing-secret"
ANSWER_THREADS = 4
#: Slack's limit for an ack.
ACK_LIMIT = 3.0
#: waitress warns when requests wait for a thread; the server lets that through once a minute (not per request).
QUEUE_LOGGER = "waitress.queue"


class Gate:
    """Answers of `/slow` block here until released; counts how many are in flight."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self._lock = threading.Lock()
        self.in_flight = 0

    def wait(self) -> None:
        with self._lock:
            self.in_flight += 1
        self.release.wait(30)


def _app(fake: FakeSlack, gate: Gate, *, socket_mode: bool = False) -> App:
    app = make_bolt_app(
        make_client("xoxb-test", base_url=fake.api_url),
        signing_secret=None if socket_mode else SECRET,
        listener_threads=ANSWER_THREADS,
    )

    def slow(req: SlashRequest) -> Any:
        gate.wait()
        return message(f"slow {req.text}", [])

    register_slash_command(app, "/slow", prepare=lambda req: req, answer=slow)
    register_action(app, "press", answer=lambda req, client: message(f"pressed {req.value}", []))
    return app


@pytest.fixture
def gate() -> Iterator[Gate]:
    g = Gate()
    yield g
    g.release.set()


@pytest.fixture
def server(fake_slack: FakeSlack, gate: Gate) -> Iterator[SlackHttpServer]:
    srv = SlackHttpServer(_app(fake_slack, gate), "127.0.0.1", 0, signing_secret=SECRET, threads=8).start()
    try:
        yield srv
    finally:
        gate.release.set()
        srv.close()


def _timed_post(url: str, body: str) -> tuple[Reply, float]:
    started = time.monotonic()
    reply = post_signed(url, body, SECRET)
    return reply, time.monotonic() - started


def test_acks_never_wait_behind_answers(server: SlackHttpServer, fake_slack: FakeSlack, gate: Gate) -> None:
    url = server.url + "/slack/events"
    urls = [fake_slack.response_url(f"slow{i}") for i in range(17)]
    # 16 commands whose answers block: 4 hold every answer thread, 12 wait in the executor's queue.
    with ThreadPoolExecutor(16) as pool:
        first = list(
            pool.map(lambda i: _timed_post(url, slash_command_body("/slow", str(i), response_url=urls[i])), range(16))
        )
    assert [r.status for r, _ in first] == [200] * 16
    deadline = time.monotonic() + 10
    while gate.in_flight < ANSWER_THREADS and time.monotonic() < deadline:
        time.sleep(0.02)
    assert gate.in_flight == ANSWER_THREADS  # every answer thread is busy
    # The 17th command and a health probe are answered at once all the same.
    reply, took = _timed_post(url, slash_command_body("/slow", "16", response_url=urls[16]))
    assert reply.status == 200 and reply.body == b""
    assert took < ACK_LIMIT, f"17th ack took {took:.2f}s"
    assert max(t for _, t in first) < ACK_LIMIT
    assert fake_slack.calls("respond") == []  # nothing answered yet: the answers are all still blocked
    gate.release.set()
    answers = fake_slack.wait_for("respond", 17, timeout=20)
    assert sorted(a.args["hook"] for a in answers) == sorted(f"slow{i}" for i in range(17))  # each exactly once
    time.sleep(0.2)
    assert len(fake_slack.calls("respond")) == 17


def test_fifty_simultaneous_connections_are_all_accepted(
    server: SlackHttpServer, fake_slack: FakeSlack, gate: Gate, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    gate.release.set()
    url = server.url + "/slack/events"
    barrier = threading.Barrier(50)

    def one(i: int) -> int:
        body = slash_command_body("/slow", f"b{i}", response_url=fake_slack.response_url(f"b{i}"))
        barrier.wait(10)
        return post_signed(url, body, SECRET).status

    with ThreadPoolExecutor(50) as pool:
        statuses = list(pool.map(one, range(50)))
    assert statuses == [200] * 50
    assert len([r for r in caplog.records if r.name == QUEUE_LOGGER]) <= 1  # not one line per queued request
    assert len(fake_slack.wait_for("respond", 50, timeout=30)) == 50


def _raw_request(port: int, head: bytes, body_size: int) -> tuple[int, bytes]:
    """Send `head` then up to `body_size` bytes of body (stopping when the server closes), read the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head)
        chunk = b"a" * 65536
        sent = 0
        try:
            sock.settimeout(0.5)
            while sent < body_size:
                sent += sock.send(chunk[: body_size - sent])
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the server answered and closed without reading the body: what a 413 should do
        sock.settimeout(10)
        answer = b""
        try:
            while data := sock.recv(65536):
                answer += data
        except ConnectionResetError:
            pass
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/") else 0
    return status, answer


def test_a_20_mb_body_is_refused_with_413_before_it_is_read_and_nothing_is_logged(
    server: SlackHttpServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    size = 20 * 1024 * 1024
    head = (
        f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {size}\r\n\r\n"
    ).encode()
    status, _ = _raw_request(server.port, head, size)
    assert status == 413
    assert [r.getMessage() for r in caplog.records if r.name != QUEUE_LOGGER] == []


def test_a_body_just_over_the_limit_is_413_and_one_at_the_limit_is_read(server: SlackHttpServer) -> None:
    head = f"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: {MAX_BODY_BYTES + 1}\r\n\r\n".encode()
    assert _raw_request(server.port, head, MAX_BODY_BYTES + 1)[0] == 413
    at_limit = "x=" + "a" * (MAX_BODY_BYTES - 2)
    assert post(server.url + "/slack/events", at_limit, {}).status == 401  # read, then refused: not signed


@pytest.mark.parametrize(
    ("timestamp", "signature"),
    [
        pytest.param("not-a-number", "v0=bogus", id="non-numeric timestamp"),
        pytest.param("1e9", "v0=bogus", id="float timestamp"),
        pytest.param("-5", "v0=bogus", id="negative timestamp"),
        pytest.param("9" * 40, "v0=bogus", id="huge timestamp"),
        pytest.param(None, "v0=bogus", id="no timestamp"),
        pytest.param("now", None, id="no signature"),
        pytest.param("now", "v0=" + "0" * 64, id="wrong signature"),
        pytest.param("now", "garbage\u00e9", id="non-ascii signature"),
        pytest.param("old", "valid", id="ten minutes old"),
        pytest.param("future", "valid", id="ten minutes ahead"),
    ],
)
def test_bad_timestamps_and_signatures_get_401_and_one_bounded_log_line(
    server: SlackHttpServer,
    fake_slack: FakeSlack,
    caplog: pytest.LogCaptureFixture,
    timestamp: str | None,
    signature: str | None,
) -> None:
    caplog.set_level(logging.DEBUG)
    body = slash_command_body("/slow", "x" * 100_000, response_url=fake_slack.response_url())
    headers: dict[str, str] = {}
    now = int(time.time())
    ts = {"now": now, "old": now - 600, "future": now + 600}.get(timestamp or "")
    if timestamp is not None:
        headers["X-Slack-Request-Timestamp"] = str(ts) if ts is not None else timestamp
    if signature == "valid":
        headers["X-Slack-Signature"] = signed_headers(SECRET, body, ts)["X-Slack-Signature"]
    elif signature is not None:
        headers["X-Slack-Signature"] = signature.encode().decode("latin-1")
    assert post(server.url + "/slack/events", body, headers).status == 401
    lines = [r.getMessage() for r in caplog.records if r.name != QUEUE_LOGGER]
    assert len(lines) == 1, lines
    assert lines[0].startswith("refused POST /slack/events from 127.0.0.1: ")
    assert len(lines[0]) < 250 and "xxxx" not in lines[0]
    time.sleep(0.1)
    assert fake_slack.calls("respond") == []


def _signed(server: SlackHttpServer, body: str, content_type: str) -> int:
    headers = {**signed_headers(SECRET, body), "Content-Type": content_type}
    return post(server.url + "/slack/events", body, headers).status


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        pytest.param("{not json", "application/json", id="JSON body that is not JSON"),
        pytest.param("[1, 2]", "application/json", id="JSON body that is not an object"),
        pytest.param("payload=%7Bnot+json", "application/x-www-form-urlencoded", id="payload that is not JSON"),
        pytest.param("payload=%5B1%5D", "application/x-www-form-urlencoded", id="payload that is a list"),
        pytest.param("payload=", "application/x-www-form-urlencoded", id="empty payload"),
        pytest.param(
            "payload=" + json.dumps({"type": "block_actions", "actions": "x"}),
            "application/x-www-form-urlencoded",
            id="actions that are a string",
        ),
        pytest.param(
            "payload=" + json.dumps({"type": "block_actions", "actions": [None], "user": 5}),
            "application/x-www-form-urlencoded",
            id="actions of nulls",
        ),
        pytest.param("command=%2Fslow&text=%FF%FE", "application/x-www-form-urlencoded", id="not UTF-8 escapes"),
        pytest.param("", "application/x-www-form-urlencoded", id="empty body"),
    ],
)
def test_signed_but_malformed_payloads_get_4xx(server: SlackHttpServer, body: str, content_type: str) -> None:
    status = _signed(server, body, content_type)
    assert 400 <= status < 500, status


def test_a_body_that_is_not_utf8_gets_400(server: SlackHttpServer) -> None:
    raw = b"command=/slow&text=\xff\xfe"
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(SECRET.encode(), b"v0:" + ts.encode() + b":" + raw, hashlib.sha256).hexdigest()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            + f"X-Slack-Request-Timestamp: {ts}\r\nX-Slack-Signature: {sig}\r\n".encode()
            + f"Content-Length: {len(raw)}\r\n\r\n".encode()
            + raw
        )
        assert sock.recv(100).startswith(b"HTTP/1.1 400")


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_payload = st.fixed_dictionaries(
    {"type": st.sampled_from(["block_actions", "view_submission", "shortcut", "message_action", "x", ""])},
    optional={
        "actions": _json,
        "user": _json,
        "channel": _json,
        "team": _json,
        "container": _json,
        "view": _json,
        "response_url": _json,
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=_payload, as_json=st.booleans())
def test_any_signed_interactivity_payload_gets_a_status_below_500(
    server: SlackHttpServer, payload: dict[str, Any], as_json: bool
) -> None:
    if as_json:
        status = _signed(server, json.dumps(payload), "application/json")
    else:
        status = _signed(server, urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")
    assert status < 500


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fields=st.dictionaries(
        st.sampled_from(["command", "text", "user_id", "channel_id", "response_url", "team_id", "trigger_id"]),
        st.text(max_size=20),
    )
)
def test_any_signed_form_gets_a_status_below_500(server: SlackHttpServer, fields: dict[str, str]) -> None:
    assert _signed(server, urlencode(fields), "application/x-www-form-urlencoded") < 500


def test_other_paths_and_methods_are_4xx_and_healthz_stays(server: SlackHttpServer) -> None:
    assert post(server.url + "/nope", "", {}).status == 404
    import urllib.request

    with urllib.request.urlopen(server.url + "/healthz", timeout=5) as resp:
        assert resp.status == 200
    try:
        urllib.request.urlopen(server.url + "/slack/events", timeout=5)
    except urllib.error.HTTPError as exc:
        assert exc.code == 405
    else:
        raise AssertionError("GET /slack/events was accepted")


# ------------------------------------------------------------------------------------------ Socket Mode


class LocalSocketModeServer:
    """A websocket server playing Slack's Socket Mode side: sends envelopes, records acks with their time."""

    def __init__(self) -> None:
        self.acks: dict[str, float] = {}
        self.sent: dict[str, float] = {}
        self._outbox: asyncio.Queue[str] | None = None
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._connected = threading.Event()
        self._lock = threading.Lock()
        self._stop: asyncio.Future[None] | None = None
        self.port = 0
        self._thread = threading.Thread(target=self._loop.run_until_complete, args=(self._main(),), daemon=True)

    async def _handler(self, ws: Any) -> None:
        assert self._outbox is not None
        await ws.send(json.dumps({"type": "hello", "num_connections": 1}))
        self._connected.set()

        async def pump() -> None:
            assert self._outbox is not None
            while True:
                raw = await self._outbox.get()
                await ws.send(raw)

        task = asyncio.ensure_future(pump())
        try:
            async for raw in ws:
                data = json.loads(raw)
                with self._lock:
                    self.acks.setdefault(str(data.get("envelope_id")), time.monotonic())
        finally:
            task.cancel()

    async def _main(self) -> None:
        self._outbox = asyncio.Queue()
        self._stop = self._loop.create_future()
        async with websockets.serve(self._handler, "127.0.0.1", 0) as srv:
            self.port = srv.sockets[0].getsockname()[1]
            self._ready.set()
            await self._stop

    def start(self) -> LocalSocketModeServer:
        self._thread.start()
        assert self._ready.wait(5)
        return self

    def wait_connected(self) -> None:
        assert self._connected.wait(10)

    def send(self, raw: str, envelope_id: str = "") -> None:
        assert self._outbox is not None
        if envelope_id:
            with self._lock:
                self.sent[envelope_id] = time.monotonic()
        self._loop.call_soon_threadsafe(self._outbox.put_nowait, raw)

    def wait_acks(self, ids: list[str], timeout: float = 10) -> dict[str, float]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if all(i in self.acks for i in ids):
                    return {i: self.acks[i] - self.sent.get(i, self.acks[i]) for i in ids}
            time.sleep(0.02)
        with self._lock:
            missing = [i for i in ids if i not in self.acks]
        raise AssertionError(f"no ack for {missing}")

    def close(self) -> None:
        assert self._stop is not None
        self._loop.call_soon_threadsafe(self._stop.set_result, None)
        self._thread.join(5)


def _command_envelope(envelope_id: str, text: str, response_url: str) -> str:
    return json.dumps(
        {
            "envelope_id": envelope_id,
            "type": "slash_commands",
            "accepts_response_payload": True,
            "payload": dict(parse_qsl(slash_command_body("/slow", text, response_url=response_url))),
        }
    )


@pytest.fixture
def socket_bot(fake_slack: FakeSlack, gate: Gate) -> Iterator[LocalSocketModeServer]:
    ws = LocalSocketModeServer().start()
    fake_slack.socket_url = f"ws://127.0.0.1:{ws.port}/link"
    handler = make_socket_handler(_app(fake_slack, gate, socket_mode=True), "xapp-test", concurrency=8)
    try:
        handler.connect()
        ws.wait_connected()
        yield ws
    finally:
        gate.release.set()
        handler.close()
        ws.close()


def test_socket_mode_acks_never_wait_behind_answers(
    socket_bot: LocalSocketModeServer, fake_slack: FakeSlack, gate: Gate
) -> None:
    ids = [f"env-{i}" for i in range(17)]
    for i, envelope_id in enumerate(ids[:16]):
        socket_bot.send(_command_envelope(envelope_id, str(i), fake_slack.response_url(f"s{i}")), envelope_id)
    first = socket_bot.wait_acks(ids[:16])
    deadline = time.monotonic() + 10
    while gate.in_flight < ANSWER_THREADS and time.monotonic() < deadline:
        time.sleep(0.02)
    assert gate.in_flight == ANSWER_THREADS
    socket_bot.send(_command_envelope(ids[16], "16", fake_slack.response_url("s16")), ids[16])
    last = socket_bot.wait_acks(ids[16:], timeout=ACK_LIMIT)
    assert max(first.values()) < ACK_LIMIT and last[ids[16]] < ACK_LIMIT
    assert fake_slack.calls("respond") == []
    gate.release.set()
    answers = fake_slack.wait_for("respond", 17, timeout=20)
    assert sorted(a.args["hook"] for a in answers) == sorted(f"s{i}" for i in range(17))


def test_socket_mode_malformed_envelopes_are_acked_and_the_client_carries_on(
    socket_bot: LocalSocketModeServer, fake_slack: FakeSlack, gate: Gate, caplog: pytest.LogCaptureFixture
) -> None:
    gate.release.set()
    caplog.set_level(logging.INFO)
    secret_text = "s3cr3t-" + "y" * 5000
    socket_bot.send("{not json " + secret_text)
    socket_bot.send(json.dumps({"envelope_id": "bad-1", "type": "interactive", "payload": [secret_text]}), "bad-1")
    socket_bot.send(
        json.dumps(
            {
                "envelope_id": "bad-2",
                "type": "interactive",
                "payload": {"type": "block_actions", "actions": secret_text, "user": 5},
            }
        ),
        "bad-2",
    )
    socket_bot.send(json.dumps({"envelope_id": "bad-3", "type": "slash_commands", "payload": {"command": 7}}), "bad-3")
    socket_bot.send(_command_envelope("good", "after", fake_slack.response_url("good")), "good")
    socket_bot.wait_acks(["bad-2", "bad-3", "good"])
    (answer,) = fake_slack.wait_for("respond")
    assert answer.args["hook"] == "good" and answer.json["text"] == "slow after"
    for record in caplog.records:
        text = record.getMessage() + (logging.Formatter().formatException(record.exc_info) if record.exc_info else "")
        assert "yyyyyyyyyy" not in text, text[:300]
