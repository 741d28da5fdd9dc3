"""boto3 clients shared by the collectors' worker threads, with API calls counted per service.

boto3 sessions are not thread-safe but its clients are
(https://boto3.amazonaws.com/v1/documentation/api/latest/guide/clients.html#multithreading-or-multiprocessing-with-clients),
so one session per account is built once and clients are created under a lock, then cached per
(account, region, service). Every client gets `RETRY_CONFIG` (standard retries) unless told otherwise.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

import boto3
from botocore.config import Config
from botocore.loaders import Loader, create_loader

from bot.aws.organizations import AccountTarget
from bot.aws.session import RETRY_CONFIG, make_session

#: Called with every new client, e.g. to register botocore event hooks (tests inject throttling this way).
ClientHook = Callable[[Any], None]
SessionFactory = Callable[[AccountTarget], boto3.Session]


#: One model loader for every session: each new botocore session otherwise parses the service models (the EC2
#: one is megabytes of JSON) again, about 1 s of CPU per account for the five services the inventory uses.
_SHARED_LOADER: Loader = create_loader()


def default_session_factory(target: AccountTarget) -> boto3.Session:
    return make_session(target.identity)


class CallCounter:
    """Counts API calls (one per operation invoked) and attempts (one per HTTP request, retries included)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.calls: Counter[str] = Counter()
        self.attempts: Counter[str] = Counter()

    def attach(self, client: Any) -> None:
        client.meta.events.register("before-call", self._on_call)
        client.meta.events.register("before-send", self._on_send)

    def _on_call(self, event_name: str, **_: Any) -> None:
        with self._lock:
            self.calls[event_name.split(".")[1]] += 1

    def _on_send(self, event_name: str, **_: Any) -> None:
        with self._lock:
            self.attempts[event_name.split(".")[1]] += 1

    def retries(self) -> dict[str, int]:
        """Attempts beyond the first of each call, by service."""
        with self._lock:
            return {s: n - self.calls[s] for s, n in self.attempts.items() if n > self.calls[s]}

    def snapshot(self) -> dict[str, int]:
        with self._lock:
            return dict(sorted(self.calls.items()))


class ClientPool:
    """Thread-safe cache of clients per (account, region, service), all counted by one `CallCounter`."""

    def __init__(
        self,
        session_factory: SessionFactory = default_session_factory,
        *,
        config: Config = RETRY_CONFIG,
        on_client: ClientHook | None = None,
        counter: CallCounter | None = None,
    ) -> None:
        self._session_factory = session_factory
        self._config = config
        self._on_client = on_client
        self.counter = counter or CallCounter()
        self._lock = threading.Lock()
        self._sessions: dict[str, boto3.Session] = {}
        self._clients: dict[tuple[str, str, str], Any] = {}

    def client(self, target: AccountTarget, region: str, service: str) -> Any:
        key = (target.account_id, region, service)
        with self._lock:
            client = self._clients.get(key)
            if client is None:
                session = self._sessions.get(target.account_id)
                if session is None:
                    session = self._sessions[target.account_id] = self._session_factory(target)
                    session._session.register_component("data_loader", _SHARED_LOADER)
                client = session.client(service, region_name=region, config=self._config)  # type: ignore[call-overload]
                self.counter.attach(client)
                if self._on_client is not None:
                    self._on_client(client)
                self._clients[key] = client
            return client
