"""Several search nodes (Elasticsearch or OpenSearch) on 127.0.0.1 as one cluster, for tests and benchmarks.

Each node is started by ``tests.support.search_node`` (the launcher's cluster mode: a fixed HTTP and transport
port, every node a seed of the others, the first cluster's masters named), in its own folder under ``root``, so a
node stopped or killed can be started again on its own data and ports.

    with NodeCluster(ELASTICSEARCH, tmp_path, heap="384m") as cluster:
        cluster.start_all()
        store = open_store(cluster.store_url(prefix="t"))
        cluster.kill(cluster.nodes[0])  # SIGKILL: a crash
        cluster.start(cluster.nodes[0])  # back on its data

Every node started is stopped on leaving the ``with`` block, whatever happened (and at interpreter exit, as every
node of ``search_node``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tests.support.search_node import Engine, SearchNodeHandle

#: Start timeout of one node: three JVMs starting at once on two busy cores take minutes, not seconds.
START_TIMEOUT = 300.0


#: Attempts at starting the cluster when a port probed free was taken before a node bound it.
START_ATTEMPTS = 3
#: What a JVM's log says when its port was taken (`java.net.BindException: Address already in use`).
_BIND_FAILED = "Address already in use"


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the node binds it a moment later: another process may take it first,
    which `NodeCluster.start_all` answers by starting again on fresh ports)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class ClusterNode:
    """One node of the cluster: its name, folder and fixed ports; ``handle`` while it runs."""

    name: str
    workdir: Path
    http_port: int
    transport_port: int
    handle: SearchNodeHandle | None = None

    @property
    def host(self) -> str:
        return f"127.0.0.1:{self.http_port}"

    @property
    def running(self) -> bool:
        return self.handle is not None and self.handle.process.poll() is None


@dataclass
class NodeCluster:
    """``size`` nodes of ``engine`` forming one cluster; the first cluster's masters are all of them."""

    engine: Engine
    root: Path
    size: int = 3
    heap: str = "384m"
    start_timeout: float = START_TIMEOUT
    nodes: list[ClusterNode] = field(init=False)

    def __post_init__(self) -> None:
        self.nodes = self._fresh_nodes()

    def _fresh_nodes(self) -> list[ClusterNode]:
        return [
            ClusterNode(f"trackit-{self.engine.key}-{i}", Path(self.root) / f"node{i}", free_port(), free_port())
            for i in range(self.size)
        ]

    def env(self, node: ClusterNode) -> dict[str, str]:
        """The launcher's cluster settings for ``node`` (``ES_NODE_*`` / ``OS_NODE_*``, tools/search-node)."""
        prefix = self.engine.env_prefix
        return {
            f"{prefix}_NAME": node.name,
            f"{prefix}_TRANSPORT_PORT": str(node.transport_port),
            f"{prefix}_SEED_HOSTS": ",".join(f"127.0.0.1:{n.transport_port}" for n in self.nodes),
            f"{prefix}_INITIAL_MASTERS": ",".join(n.name for n in self.nodes),
        }

    def start(self, node: ClusterNode) -> None:
        """Start ``node`` (again) on its folder and ports; returns once it answers yellow or green. Raises
        RuntimeError with the log tail when it does not come up."""
        node.handle = self.engine.start(
            node.workdir, self.start_timeout, port=node.http_port, heap=self.heap, env=self.env(node)
        )

    def start_all(self) -> None:
        """Start every node at once (no node is healthy before a master is elected, which needs a majority).
        When a node could not bind a port probed free (another process took it between probe and bind), the
        cluster starts again from empty folders on fresh ports, up to `START_ATTEMPTS` times, as the PostgreSQL
        test server does. Raises RuntimeError naming each node that failed, with its log tail; the others are
        stopped then."""
        self.engine.build()  # once, before three launchers would each take the build lock
        for attempt in range(1, START_ATTEMPTS + 1):
            with ThreadPoolExecutor(len(self.nodes)) as pool:
                futures = [pool.submit(self.start, node) for node in self.nodes]
                errors = [
                    f"{node.name}: {f.exception()}"
                    for node, f in zip(self.nodes, futures, strict=True)
                    if f.exception()
                ]
            if not errors:
                return
            self.stop_all()
            if attempt == START_ATTEMPTS or not any(_BIND_FAILED in e for e in errors):
                raise RuntimeError(f"the {self.engine.label} cluster did not start:\n" + "\n".join(errors))
            for node in self.nodes:
                shutil.rmtree(node.workdir, ignore_errors=True)
            self.nodes = self._fresh_nodes()

    def kill(self, node: ClusterNode) -> None:
        """SIGKILL ``node``'s JVM, as a crash: no clean shutdown, no goodbye to the other nodes."""
        assert node.handle is not None, f"{node.name} is not running"
        with contextlib.suppress(ProcessLookupError):  # it died already
            os.killpg(node.handle.pid, signal.SIGKILL)
        node.handle.process.wait()
        node.handle.stop()  # forgets the handle (and closes its pipe)

    def stop(self, node: ClusterNode) -> None:
        """A clean stop of ``node`` (idempotent)."""
        if node.handle is not None:
            node.handle.stop()

    def stop_all(self) -> None:
        for node in self.nodes:
            self.stop(node)

    def store_url(self, *, prefix: str, timeout: float = 30.0, scheme: str | None = None) -> str:
        """The billing store URL over every node (the first node is the one the client asks first)."""
        first, *others = self.nodes
        scheme = scheme or {"es": "elasticsearch", "os": "opensearch"}[self.engine.key]
        return f"{scheme}://{first.host}?prefix={prefix}&timeout={timeout:g}&nodes={','.join(n.host for n in others)}"

    def __enter__(self) -> NodeCluster:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_all()
