"""The fake Slack Web API acts on whole requests only: a client killed halfway through sending a post (the chaos
bench SIGKILLs the job process while several threads post) leaves no message, as with Slack itself."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest

from tests.jobs.support import HistorySlack


@pytest.mark.parametrize("sent", [b"", b'{"channel": "C1", "metadata": {"event_type": "x"'])
def test_a_post_whose_body_stops_short_of_its_length_is_not_recorded(sent: bytes) -> None:
    slack = HistorySlack().start()
    try:
        url = urlsplit(slack.url)
        body = sent  # killed after the headers, or halfway through the body
        head = (
            f"POST /api/chat.postMessage HTTP/1.1\r\nHost: {url.netloc}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body) + 40}\r\n\r\n"
        ).encode()
        with socket.create_connection((url.hostname, url.port), timeout=5) as conn:
            conn.sendall(head + body)
            conn.shutdown(socket.SHUT_WR)  # the sender dies: no more bytes will come
            assert conn.recv(1024) == b""  # no answer, the connection closed
        assert slack.calls("chat.postMessage") == []
        assert slack.posts() == []
    finally:
        slack.close()
