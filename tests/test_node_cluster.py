"""The test clusters' start when a port probed free is taken before a node binds it (`tests.support.node_cluster`):
the cluster starts again from empty folders on fresh ports; any other failure is raised at once. The engine is a
stand-in that records what it was asked (the real nodes are exercised by tests/store/test_cluster_failover.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.support.node_cluster import START_ATTEMPTS, NodeCluster

TAKEN = (
    'Exception in thread "main" BindTransportException: Failed to bind to 127.0.0.1:52633\n'
    "Caused by: java.net.BindException: Address already in use"
)


@dataclass
class Handle:
    pid: int = 0

    def stop(self) -> None:
        pass


@dataclass
class StandInEngine:
    """Fails the first `failures` starts of node 1 with `error`, starts everything else."""

    failures: int
    error: str
    key: str = "es"
    label: str = "Elasticsearch"
    env_prefix: str = "ES_NODE"
    ports: list[int] = field(default_factory=list)
    failed: int = 0

    def build(self) -> None:
        pass

    def start(self, workdir: Path, timeout: float, *, port: int, heap: str, env: dict[str, str]) -> Any:
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "data").write_text("a node's data")
        self.ports.append(port)
        if workdir.name == "node1" and self.failed < self.failures:
            self.failed += 1
            raise RuntimeError(self.error)
        return Handle()


def test_a_port_taken_between_probe_and_bind_starts_the_cluster_again_on_fresh_ports(tmp_path: Path) -> None:
    engine = StandInEngine(failures=1, error=TAKEN)
    cluster = NodeCluster(engine, tmp_path, size=3)  # type: ignore[arg-type]
    first = [n.http_port for n in cluster.nodes]
    cluster.start_all()
    assert engine.failed == 1 and len(engine.ports) == 6
    assert [n.http_port for n in cluster.nodes] != first  # fresh ports
    assert all(n.handle is not None for n in cluster.nodes)


def test_the_retries_end_and_any_other_failure_is_raised_at_once(tmp_path: Path) -> None:
    always = StandInEngine(failures=START_ATTEMPTS, error=TAKEN)
    with pytest.raises(RuntimeError, match="the Elasticsearch cluster did not start"):
        NodeCluster(always, tmp_path / "a", size=3).start_all()  # type: ignore[arg-type]
    assert always.failed == START_ATTEMPTS
    other = StandInEngine(failures=1, error="Elasticsearch node exited with code 78 before listening")
    with pytest.raises(RuntimeError, match="exited with code 78"):
        NodeCluster(other, tmp_path / "b", size=3).start_all()  # type: ignore[arg-type]
    assert other.failed == 1 and len(other.ports) == 3  # not started again
