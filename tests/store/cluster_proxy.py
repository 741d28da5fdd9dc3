"""A tiny HTTP proxy between a store and a real search node, for what a healthy node will not do on demand.

It forwards every request (without its `Authorization` header: the test nodes have no security) and records
what it saw. On request it answers 429 to `_bulk` requests (the whole request, or every item in a 200 response,
as a node with a full write queue does), or hangs up on everything after a number of `_bulk` requests, as a node
that died mid-load would.
"""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

#: Requests kept whole in `ClusterProxy.seen` (the first ones: enough to check how a client signs them).
_KEEP = 40


@dataclass(frozen=True)
class SeenRequest:
    method: str
    path: str  # with the query string
    headers: dict[str, str]
    body: bytes


class ClusterProxy(ThreadingHTTPServer):
    """Forwards to `upstream`; `refuse` `_bulk` requests are answered 429 in `mode` "request" or "items"."""

    daemon_threads = True

    def __init__(
        self, upstream: str, mode: str = "request", rejected_type: str = "es_rejected_execution_exception"
    ) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 9200)
        self.mode = mode
        self.rejected_type = rejected_type
        self.lock = threading.Lock()
        self.refuse = 1  # how many `_bulk` requests to answer 429
        self.rejected = 0
        self.bulk_forwarded = 0
        self.authorization: set[str] = set()
        self.seen: list[SeenRequest] = []
        self.cut_after_bulks: int | None = None  # then hang up on every request, as a dead node would

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class _ProxyHandler(BaseHTTPRequestHandler):
    server: ClusterProxy

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers:
            if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        with self.server.lock:
            self.server.authorization.add(self.headers.get("Authorization", ""))
            if len(self.server.seen) < _KEEP:
                self.server.seen.append(SeenRequest(self.command, self.path, dict(self.headers.items()), body))
        is_bulk = self.path.split("?")[0].endswith("/_bulk")
        cut = self.server.cut_after_bulks
        if cut is not None and self.server.bulk_forwarded >= cut:
            self.close_connection = True
            return
        with self.server.lock:
            reject = is_bulk and self.server.refuse > 0
            self.server.refuse -= reject
            self.server.rejected += reject
            self.server.bulk_forwarded += is_bulk and not reject
        # elasticsearch-py refuses an answer without its product header; opensearch-py ignores it.
        product = [("X-Elastic-Product", "Elasticsearch"), ("Content-Type", "application/json")]
        if reject and self.server.mode == "request":
            error = {"type": self.server.rejected_type, "reason": "rejected by the test proxy"}
            self._send(429, product, json.dumps({"error": error, "status": 429}).encode())
            return
        if reject:  # 200 with every item refused, as a node with a full write queue answers
            count = sum(1 for line in body.splitlines() if line.strip()) // 2
            error = {"type": self.server.rejected_type, "reason": "queue full (test proxy)"}
            items = [{"index": {"_index": "x", "status": 429, "error": error}} for _ in range(count)]
            self._send(200, product, json.dumps({"took": 1, "errors": True, "items": items}).encode())
            return
        conn = http.client.HTTPConnection(*self.server.upstream, timeout=120)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "authorization")}
        conn.request(self.command, self.path, body=body or None, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        self._send(resp.status, resp.getheaders(), data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle  # noqa: N815 - http.server's naming


@contextmanager
def running_proxy(
    upstream: str, mode: str = "request", rejected_type: str = "es_rejected_execution_exception"
) -> Iterator[ClusterProxy]:
    """A `ClusterProxy` serving on a free 127.0.0.1 port until the block ends."""
    server = ClusterProxy(upstream, mode, rejected_type)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
