"""Inject AWS errors into real boto3 clients, below botocore's retry logic.

A `before-send` handler that returns a response replaces the HTTP exchange for that attempt; botocore then
parses it and its retry handler decides, exactly as with a real answer from AWS. So a throttling error injected
here is retried (or not) by the same code that would retry it in production.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

from botocore.awsrequest import AWSResponse


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Any:
        yield self._body


def _cbor_text(text: str) -> bytes:
    data = text.encode()
    assert len(data) < 256
    return (bytes([0x60 + len(data)]) if len(data) < 24 else bytes([0x78, len(data)])) + data


def error_response(protocol: str, code: str, status: int, message: str = "Rate exceeded") -> AWSResponse:
    """An AWS error response in the wire format of `protocol` (ec2, query, json, rest-json, rpc-v2-cbor)."""
    headers: dict[str, str] = {"x-amzn-RequestId": "fault-injected"}
    if protocol == "ec2":
        body = (
            f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors>"
            "<RequestID>fault-injected</RequestID></Response>"
        ).encode()
    elif protocol == "query":
        body = (
            f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>"
            "<RequestId>fault-injected</RequestId></ErrorResponse>"
        ).encode()
    elif protocol in ("json", "rest-json"):
        headers["x-amzn-ErrorType"] = code
        headers["Content-Type"] = "application/x-amz-json-1.1"
        body = json.dumps({"__type": code, "message": message}).encode()
    elif protocol == "smithy-rpc-v2-cbor":
        headers["smithy-protocol"] = "rpc-v2-cbor"
        headers["Content-Type"] = "application/cbor"
        body = bytes([0xA2]) + _cbor_text("__type") + _cbor_text(code) + _cbor_text("message") + _cbor_text(message)
    else:
        raise AssertionError(f"no error format for protocol {protocol}")
    return AWSResponse("https://fault.invalid/", status, headers, _Raw(body))


class FaultInjector:
    """Fail the first `times` attempts of chosen operations on clients it is attached to; counts what it did.

    `when(client)` decides whether a client gets the fault (e.g. by region or account); use `attach` as the
    `on_client` hook of a `ClientPool`.
    """

    def __init__(
        self,
        operations: set[str],
        *,
        code: str = "ThrottlingException",
        status: int = 400,
        times: int = 1,
        when: Callable[[Any], bool] = lambda client: True,
    ) -> None:
        self.operations = operations  # botocore operation names, e.g. "DescribeInstances"
        self.code = code
        self.status = status
        self.times = times
        self.when = when
        self.injected: dict[str, int] = {}
        self._lock = threading.Lock()

    def attach(self, client: Any) -> None:
        if not self.when(client):
            return
        protocol = getattr(client.meta.service_model, "resolved_protocol", client.meta.service_model.protocol)
        service = client.meta.service_model.service_name

        def before_send(event_name: str, **_: Any) -> AWSResponse | None:
            operation = event_name.rsplit(".", maxsplit=1)[-1]
            if operation not in self.operations:
                return None
            key = f"{service}:{operation}:{id(client)}"
            with self._lock:
                if self.injected.get(key, 0) >= self.times:
                    return None
                self.injected[key] = self.injected.get(key, 0) + 1
            return error_response(protocol, self.code, self.status)

        client.meta.events.register("before-send", before_send)

    def total(self) -> int:
        with self._lock:
            return sum(self.injected.values())
