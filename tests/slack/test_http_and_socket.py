"""The Slack edge without the billing domain: signatures, /healthz, ack-time usage errors, lazy answers,
the global error handler, and Socket Mode against a local websocket server."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.request
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

import pytest
import websockets
from slack_bolt import App

from bot.config import Settings
from bot.errors import UsageError
from bot.slack.blocks import message, section
from bot.slack.bolt import make_bolt_app
from bot.slack.client import make_client
from bot.slack.http import SlackHttpServer
from bot.slack.listeners import SlashRequest, register_slash_command
from bot.slack.socket_mode import make_socket_handler
from tests.support.fake_slack import FakeSlack, blocks_text
from tests.support.slack_signing import post, post_signed, signed_headers, slash_command_body

SECRET = "test-signing-secret"


#: Every request `_prepare` saw, by text (the parse-and-access step must run once per request).
PREPARED: list[str] = []


def _prepare(req: SlashRequest) -> SlashRequest:
    PREPARED.append(req.text)
    if req.text == "ackboom":
        raise RuntimeError("store unreachable")
    if req.text == "bad":
        raise UsageError("`bad` is not a thing I know.", hint="Try `/echo hello`.")
    return req


def _answer(req: SlashRequest) -> Any:
    if req.text == "boom":
        raise RuntimeError("secret internal detail")
    return message(f"echo {req.text}", [section(f"echo *{req.text}*")])


def _app(fake: FakeSlack, *, socket_mode: bool = False, listener_threads: int = 4) -> App:
    app = make_bolt_app(
        make_client("xoxb-test", base_url=fake.api_url),
        signing_secret=None if socket_mode else SECRET,
        listener_threads=listener_threads,
    )
    register_slash_command(app, "/echo", prepare=_prepare, answer=_answer)
    return app


@pytest.fixture
def server(fake_slack: FakeSlack) -> Iterator[SlackHttpServer]:
    srv = SlackHttpServer(
        _app(fake_slack), "127.0.0.1", 0, health=lambda: {"store": "test"}, signing_secret=SECRET
    ).start()
    try:
        yield srv
    finally:
        srv.close()


def test_healthz(server: SlackHttpServer) -> None:
    with urllib.request.urlopen(server.url + "/healthz", timeout=5) as resp:
        assert resp.status == 200
        assert json.loads(resp.read()) == {"ok": True, "store": "test"}


def test_signed_command_is_acked_then_answered_through_response_url(
    server: SlackHttpServer, fake_slack: FakeSlack
) -> None:
    body = slash_command_body("/echo", "hello", response_url=fake_slack.response_url("r1"))
    reply = post_signed(server.url + "/slack/events", body, SECRET)
    assert reply.status == 200
    assert reply.body == b""  # empty ack: the answer comes later
    (answer,) = fake_slack.wait_for("respond")
    assert answer.args["hook"] == "r1"
    assert answer.json["text"] == "echo hello"
    assert answer.json["response_type"] == "ephemeral"
    assert blocks_text(answer.json["blocks"]) == "echo *hello*"


def test_each_request_is_prepared_once_whether_answered_in_the_ack_or_later(
    server: SlackHttpServer, fake_slack: FakeSlack
) -> None:
    for text in ("once please", "bad"):
        body = slash_command_body("/echo", text, response_url=fake_slack.response_url())
        assert post_signed(server.url + "/slack/events", body, SECRET).status == 200
    fake_slack.wait_for("respond")
    time.sleep(0.3)  # time enough for a second pass to show
    assert PREPARED.count("once please") == 1
    assert PREPARED.count("bad") == 1


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param(lambda body: {}, id="missing headers"),
        pytest.param(lambda body: signed_headers("wrong-secret", body), id="wrong secret"),
        pytest.param(lambda body: signed_headers(SECRET, body, int(time.time()) - 600), id="stale timestamp"),
        pytest.param(lambda body: signed_headers(SECRET, body + "&x=1"), id="body tampered"),
    ],
)
def test_bad_signatures_get_401_and_nothing_runs(server: SlackHttpServer, fake_slack: FakeSlack, headers: Any) -> None:
    body = slash_command_body("/echo", "hello", response_url=fake_slack.response_url())
    reply = post(server.url + "/slack/events", body, headers(body))
    assert reply.status == 401
    time.sleep(0.2)
    assert fake_slack.calls("respond") == []


def test_bad_input_is_answered_in_the_ack_with_the_hint(server: SlackHttpServer, fake_slack: FakeSlack) -> None:
    body = slash_command_body("/echo", "bad", response_url=fake_slack.response_url())
    reply = post_signed(server.url + "/slack/events", body, SECRET)
    assert reply.status == 200
    ack = json.loads(reply.body)
    assert ack["response_type"] == "ephemeral"
    assert ack["text"] == "`bad` is not a thing I know.\nTry `/echo hello`."
    time.sleep(0.3)
    assert fake_slack.calls("respond") == []  # the lazy half does not answer a second time


def test_unexpected_error_shows_a_reference_not_the_detail(
    server: SlackHttpServer, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    body = slash_command_body("/echo", "boom", response_url=fake_slack.response_url())
    assert post_signed(server.url + "/slack/events", body, SECRET).status == 200
    (answer,) = fake_slack.wait_for("respond")
    text = answer.json["text"]
    assert "secret internal detail" not in text
    assert text.startswith("Something went wrong on our side (ref `")
    ref = text.split("`")[1]
    logged = [r for r in caplog.records if ref in r.getMessage()]
    assert logged and logged[0].exc_info is not None  # the traceback is in the log


def test_unexpected_error_before_the_ack_still_acks_and_explains(
    server: SlackHttpServer, fake_slack: FakeSlack
) -> None:
    url = fake_slack.response_url()
    reply = post_signed(server.url + "/slack/events", slash_command_body("/echo", "ackboom", response_url=url), SECRET)
    assert reply.status == 200
    ack = json.loads(reply.body)
    assert ack["text"].startswith("Something went wrong on our side (ref `")
    assert "store unreachable" not in ack["text"]
    time.sleep(0.3)
    assert fake_slack.calls("respond") == []  # answered once


def test_unknown_path_is_404(server: SlackHttpServer) -> None:
    reply = post(server.url + "/nope", "", {})
    assert reply.status == 404


def test_socket_mode_ack_and_answer_over_a_local_websocket(fake_slack: FakeSlack) -> None:
    received: list[dict[str, Any]] = []
    got_ack = threading.Event()
    ready = threading.Event()
    port_box: list[int] = []
    response_url = fake_slack.response_url("sock")
    envelope = {
        "envelope_id": "env-1",
        "type": "slash_commands",
        "accepts_response_payload": True,
        "payload": dict(parse_qsl(slash_command_body("/echo", "over socket", response_url=response_url))),
    }
    loop = asyncio.new_event_loop()
    stop = loop.create_future()

    async def handler(ws: Any) -> None:
        await ws.send(json.dumps({"type": "hello", "num_connections": 1}))
        await ws.send(json.dumps(envelope))
        async for raw in ws:
            data = json.loads(raw)
            received.append(data)
            if data.get("envelope_id") == "env-1":
                got_ack.set()

    async def main() -> None:
        async with websockets.serve(handler, "127.0.0.1", 0) as srv:
            port_box.append(srv.sockets[0].getsockname()[1])
            ready.set()
            await stop

    thread = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    thread.start()
    assert ready.wait(5)
    fake_slack.socket_url = f"ws://127.0.0.1:{port_box[0]}/link"
    handler_ = make_socket_handler(_app(fake_slack, socket_mode=True), "xapp-test")
    try:
        handler_.connect()
        assert got_ack.wait(10), received
        (answer,) = fake_slack.wait_for("respond")
        assert answer.json["text"] == "echo over socket"
        assert fake_slack.calls("apps.connections.open")
    finally:
        handler_.close()
        loop.call_soon_threadsafe(stop.set_result, None)
        thread.join(5)
    assert received[0] == {"envelope_id": "env-1"}


def test_rate_limited_call_is_retried_after_retry_after(fake_slack: FakeSlack) -> None:
    fake_slack.script("chat.postMessage", 429, {"Retry-After": "1"})
    client = make_client("xoxb-test", base_url=fake_slack.api_url)
    started = time.monotonic()
    response = client.chat_postMessage(channel="C1", text="hi")
    assert response["ok"] is True
    assert len(fake_slack.calls("chat.postMessage")) == 2
    assert time.monotonic() - started >= 0.9


def test_settings_repr_never_shows_the_signing_secret() -> None:
    assert SECRET not in repr(Settings(slack_signing_secret=SECRET))
