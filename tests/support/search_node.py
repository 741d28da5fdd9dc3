"""Start a real search server node (Elasticsearch or OpenSearch) for tests and benchmarks (stdlib only).

One implementation of the process handling behind ``tests.support.es_node`` and ``tests.support.os_node``: each
names its :class:`Engine` (label, launcher folder, heap variable, how to tell its server from any other) and keeps
its public names. The node is the vendor's own server jars from Maven Central, run by
``tools/search-node/run.sh ENGINE`` (see ``tools/es-node`` and ``tools/os-node``). It binds 127.0.0.1 on a free
port, keeps everything under ``workdir`` and dies with the process that started it (it stops when its standard
input, a pipe held by this process, closes).
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
RUN_SH = REPO_ROOT / "tools" / "search-node" / "run.sh"

# A cold build downloads ~45-70 MB from Maven Central; a warm check takes well under a second.
BUILD_TIMEOUT = 900.0


@dataclass(frozen=True)
class Engine:
    """What differs between the two servers; everything else is shared."""

    key: str  # "es" / "os": run.sh's ENGINE, the log and pid file names, the temp dir prefix
    label: str  # "Elasticsearch": in error messages
    heap_env: str  # the launcher's heap variable, e.g. ES_NODE_HEAP
    # Raises RuntimeError when the server at ``base_url`` is not this engine (OSError/ValueError while starting).
    # Given the base URL, the headers of a successful health answer, and a request timeout.
    verify: Callable[[str, Message, float], None]

    @property
    def env_prefix(self) -> str:
        """The launcher's environment variables start so, e.g. ``ES_NODE`` (ES_NODE_HEAP, ES_NODE_SEED_HOSTS)."""
        return f"{self.key.upper()}_NODE"

    @property
    def tool(self) -> str:
        """The launcher folder under tools/, e.g. ``es-node``."""
        return f"{self.key}-node"

    @property
    def tool_dir(self) -> Path:
        return REPO_ROOT / "tools" / self.tool

    @property
    def log_name(self) -> str:
        return f"{self.key}.log"

    def build(self, timeout: float = BUILD_TIMEOUT) -> None:
        """Build this engine's node if pom.xml or sources changed (mvn; a no-op when current). Raises RuntimeError."""
        try:
            done = subprocess.run(
                ["bash", str(RUN_SH), self.key, "--build-only"],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except FileNotFoundError as e:
            raise RuntimeError(f"cannot run {RUN_SH}: {e}") from e
        except subprocess.TimeoutExpired as e:
            raise RuntimeError(f"{self.tool} build did not finish within {timeout:.0f}s") from e
        if done.returncode != 0:
            out = (done.stdout + done.stderr).strip().splitlines()
            raise RuntimeError(f"{self.tool} build failed (mvn):\n" + "\n".join(out[-60:]))

    def start(
        self,
        workdir: Path,
        timeout: float = 180.0,
        *,
        port: int = 0,
        heap: str | None = None,
        build_timeout: float = BUILD_TIMEOUT,
        env: dict[str, str] | None = None,
    ) -> SearchNodeHandle:
        """Build if needed, start a node on 127.0.0.1 (free port unless ``port``), wait until it is yellow/green.

        ``timeout`` covers the start only (JVM up, HTTP bound, cluster health yellow or green); the build has its
        own ``build_timeout`` since a first build downloads from Maven Central. ``heap`` defaults to run.sh's
        (this engine's ``heap_env`` or 512m). ``env``: more environment for the launcher (e.g. its cluster
        settings, ``<env_prefix>_NAME``, ``_TRANSPORT_PORT``, ``_SEED_HOSTS``, ``_INITIAL_MASTERS``: see
        ``tests.support.node_cluster``). Raises
        RuntimeError with the log tail when the node fails to come up;
        the process is stopped in that case.
        """
        self.build(build_timeout)
        workdir = Path(workdir).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
        port_file = workdir / "http.port"
        port_file.unlink(missing_ok=True)
        log_path = workdir / self.log_name
        env = {**os.environ, **(env or {})}
        if heap:
            env[self.heap_env] = heap
        with open(log_path, "ab") as log:
            process = subprocess.Popen(
                ["bash", str(RUN_SH), self.key, "--foreground", "--stdin-eof", str(workdir), str(port)],
                stdin=subprocess.PIPE,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=env,
                start_new_session=True,  # Ctrl-C in a terminal goes to us, not straight to the JVM
            )

        deadline = time.monotonic() + timeout
        handle: SearchNodeHandle | None = None
        try:
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"{self.label} node exited with code {process.returncode} before listening")
                text = port_file.read_text().strip() if port_file.exists() else ""
                if text.isdigit():
                    handle = SearchNodeHandle(self, workdir, process, int(text))
                    break
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{self.label} node not listening after {timeout:.0f}s")
                time.sleep(0.2)
            _live.add(handle)
            _wait_healthy(handle, deadline)
            return handle
        except BaseException as e:
            _stop_process(process, 15.0)
            if handle is not None:
                _live.discard(handle)
            if isinstance(e, RuntimeError):
                raise RuntimeError(f"{e}\n--- {log_path} (tail) ---\n{_tail(log_path, 60)}") from None
            raise


_live: set[SearchNodeHandle] = set()


class SearchNodeHandle:
    """A running node. ``url`` is ``http://127.0.0.1:PORT``."""

    def __init__(self, engine: Engine, workdir: Path, process: subprocess.Popen[bytes], port: int) -> None:
        self.engine = engine
        self.workdir = workdir
        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = workdir / engine.log_name

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, n: int = 60) -> str:
        return _tail(self.log_path, n)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the node: close its stdin (clean shutdown), then SIGTERM, then SIGKILL. Idempotent."""
        _stop_process(self.process, timeout)
        _live.discard(self)

    def __enter__(self) -> SearchNodeHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        name = f"{self.engine.key.capitalize()}NodeHandle"
        return f"{name}(url={self.url!r}, pid={self.pid}, workdir={str(self.workdir)!r})"


def get_json(url: str, timeout: float) -> dict[str, object]:
    """GET ``url`` and return its JSON object (ValueError when the body is not one; OSError on HTTP trouble)."""
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        body = json.loads(resp.read())
    if not isinstance(body, dict):
        raise ValueError(f"{url} answered {body!r}")
    return body


def _is_elasticsearch(base_url: str, headers: Message, timeout: float) -> None:
    """Elasticsearch names itself in a header on every answer (the official client refuses a server without it)."""
    product = headers.get("X-Elastic-Product")
    if product != "Elasticsearch":
        raise RuntimeError(f"{base_url} answered without header X-Elastic-Product: Elasticsearch (got {product!r})")


def _is_opensearch(base_url: str, headers: Message, timeout: float) -> None:
    """OpenSearch sends no product header; its root endpoint says ``version.distribution: opensearch``."""
    version = get_json(f"{base_url}/", timeout).get("version")
    distribution = version.get("distribution") if isinstance(version, dict) else None
    if distribution != "opensearch":
        raise RuntimeError(f"{base_url} is not OpenSearch (version.distribution {distribution!r})")


ELASTICSEARCH = Engine(key="es", label="Elasticsearch", heap_env="ES_NODE_HEAP", verify=_is_elasticsearch)
OPENSEARCH = Engine(key="os", label="OpenSearch", heap_env="OS_NODE_HEAP", verify=_is_opensearch)


def _wait_healthy(handle: SearchNodeHandle, deadline: float) -> None:
    """Wait for yellow/green health; the server must first prove it is the engine asked for (not some other)."""
    engine = handle.engine
    last_error = "no answer"
    verified = False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RuntimeError(f"{engine.label} at {handle.url} not yellow/green in time: {last_error}")
        if handle.process.poll() is not None:
            raise RuntimeError(f"{engine.label} node exited with code {handle.process.returncode}")
        wait_s = max(1, min(10, int(remaining)))
        url = f"{handle.url}/_cluster/health?wait_for_status=yellow&timeout={wait_s}s"
        try:
            with urllib.request.urlopen(url, timeout=wait_s + 10) as resp:
                headers = resp.headers
                health = json.loads(resp.read())
            if not verified:
                engine.verify(handle.url, headers, wait_s + 10)
                verified = True
        except urllib.error.HTTPError as e:  # 408 when wait_for_status times out
            last_error = f"HTTP {e.code}: {e.read()[:300]!r}"
            time.sleep(0.5)
            continue
        except (OSError, ValueError) as e:  # refused/reset/timeout while starting, or a torn body
            last_error = repr(e)
            time.sleep(0.5)
            continue
        status = health.get("status") if isinstance(health, dict) else None
        if status in ("yellow", "green"):
            return
        last_error = f"status {status!r}"
        time.sleep(0.5)


def _stop_process(process: subprocess.Popen[bytes], timeout: float) -> None:
    if process.poll() is None:
        try:
            if process.stdin is not None:
                process.stdin.close()  # the launcher shuts the node down cleanly on EOF
        except OSError:
            pass
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
                try:
                    os.killpg(process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    process.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
    elif process.stdin is not None and not process.stdin.closed:
        process.stdin.close()


def _tail(path: Path, n: int) -> str:
    try:
        with open(path, errors="replace") as f:
            return "".join(deque(f, maxlen=n))
    except OSError as e:
        return f"(no log: {e})"


@atexit.register
def _stop_all() -> None:
    for handle in list(_live):
        handle.stop(timeout=20.0)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(engine: Engine, module: str, description: str, argv: list[str] | None = None) -> int:
    """The ``python -m tests.support.<module>`` command: start a node, print its URL, run until Ctrl-C."""
    parser = argparse.ArgumentParser(prog=f"python -m tests.support.{module}", description=description)
    parser.add_argument("--dir", type=Path, help="work directory (default: a new temporary one)")
    parser.add_argument("--port", type=int, default=0, help="HTTP port (default: a free one)")
    parser.add_argument("--heap", help=f"JVM heap, e.g. 384m (default: {engine.heap_env} or 512m)")
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--url-file", type=Path, help="also write the URL there once the node is healthy")
    args = parser.parse_args(argv)
    # A background job of a non-interactive shell ignores SIGINT, so `kill <pid>` (SIGTERM) must stop the node
    # as cleanly as Ctrl-C does.
    signal.signal(signal.SIGTERM, _interrupt)
    workdir = args.dir or Path(tempfile.mkdtemp(prefix=f"trackit-{engine.key}-"))
    started = time.monotonic()
    handle = engine.start(workdir, args.timeout, port=args.port, heap=args.heap)
    print(f"{handle.url}  (pid {handle.pid}, dir {workdir}, up in {time.monotonic() - started:.1f}s)", flush=True)
    if args.url_file:
        tmp = args.url_file.with_suffix(".tmp")
        tmp.write_text(handle.url)
        tmp.replace(args.url_file)
    print("Ctrl-C to stop.", flush=True)
    try:
        while handle.process.poll() is None:
            time.sleep(1)
        print(f"node exited with code {handle.process.returncode}\n{handle.log_tail(30)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("stopping...", flush=True)
    finally:
        handle.stop()
    return 0
