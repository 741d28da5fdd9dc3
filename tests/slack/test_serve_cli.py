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


def test_serve_http_answers_health_and_a_signed_command(tmp_path: Path, fake_slack: FakeSlack) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "TRACKIT_CONFIG": str(tmp_path / "none.toml"),
        "TRACKIT_DATA_DIR": str(tmp_path),
        "TRACKIT_SLACK_SIGNING_SECRET": "cli-secret",
        "TRACKIT_SLACK_BOT_TOKEN": "xoxb-cli",
        "TRACKIT_SLACK_API_URL": fake_slack.api_url,
        "TRACKIT_HTTP_PORT": str(port),
        "TRACKIT_LISTENER_THREADS": "2",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve", "--http"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=2) as resp:
                    health = json.loads(resp.read())
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.communicate(timeout=5)[0].decode()[-3000:]) from None
                time.sleep(0.1)
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
