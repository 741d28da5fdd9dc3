"""`trackit serve --http` as a real process: settings from the environment, /healthz, a signed command answered."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.support.fake_slack import FakeSlack
from tests.support.slack_signing import post_signed, slash_command_body


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve_env(tmp_path: Path, fake_slack: FakeSlack, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "TRACKIT_CONFIG": str(tmp_path / "none.toml"),
        "TRACKIT_DATA_DIR": str(tmp_path),
        "TRACKIT_SLACK_SIGNING_SECRET": "cli-secret",
        "TRACKIT_SLACK_BOT_TOKEN": "xoxb-cli",
        "TRACKIT_SLACK_API_URL": fake_slack.api_url,
        "TRACKIT_HTTP_PORT": str(port),
        "TRACKIT_LISTENER_THREADS": "2",
    }


def _start(env: dict[str, str], url: str) -> tuple[subprocess.Popen[bytes], dict[str, object]]:
    """`trackit serve --http` once /healthz answers, and that answer."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--http"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as resp:
                return proc, json.loads(resp.read())
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(proc.communicate(timeout=5)[0].decode()[-3000:]) from None
            time.sleep(0.1)


def test_serve_http_answers_health_and_a_signed_command(tmp_path: Path, fake_slack: FakeSlack) -> None:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc, health = _start(_serve_env(tmp_path, fake_slack, port), url)
    try:
        assert health == {"ok": True, "data_until": None, "periods": 0}
        response_url = fake_slack.response_url("cli")
        body = slash_command_body("/trackit", "help", response_url=response_url)
        assert post_signed(url + "/slack/events", body, "cli-secret").status == 200
        answer = fake_slack.wait_for_response(response_url).json
        assert answer["text"].startswith("TrackIt commands:")
        assert post_signed(url + "/slack/events", body, "wrong").status == 401
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_sigterm_lets_an_acked_answer_finish_and_exits_cleanly(tmp_path: Path, fake_slack: FakeSlack) -> None:
    """`docker stop` (SIGTERM) while an answer waits out Slack's rate limit: the answer is still posted, the
    process exits 0 without a C++ abort from a query cut off at interpreter exit."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    fake_slack.retry_after = 2
    first: list[bool] = []

    def rate_limit_first_answer(method: str, args: dict[str, object]) -> str | None:
        if method == "respond" and not first:
            first.append(True)
            return "429"
        return None

    fake_slack.fault = rate_limit_first_answer
    proc, _ = _start(_serve_env(tmp_path, fake_slack, port), url)
    try:
        response_url = fake_slack.response_url("stop")
        body = slash_command_body("/trackit", "help", response_url=response_url)
        assert post_signed(url + "/slack/events", body, "cli-secret").status == 200
        fake_slack.wait_for("respond")  # the refused first try: the answer now waits 2 s to retry
        proc.terminate()
        output = proc.communicate(timeout=30)[0].decode()
        assert proc.returncode == 0, output[-3000:]
        assert "stopping: finishing acked answers and running jobs" in output
        assert "terminate called" not in output
        assert fake_slack.wait_for_response(response_url, timeout=1).json["text"].startswith("TrackIt commands:")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
