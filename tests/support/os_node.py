"""Start a real single-node OpenSearch 2.19 for tests and benchmarks (stdlib only).

The node is OpenSearch's own server jars from Maven Central, run by the small launcher in ``tools/os-node``
(see its README). It binds 127.0.0.1 on a free port, keeps everything under ``workdir`` and dies with the
process that started it (it stops when its standard input, a pipe held by this process, closes). Same shape as
``tests.support.es_node``, whose process handling it shares.

    handle = start_os_node(tmp_path / "os")
    try:
        OpenSearch(handle.url) ...
    finally:
        handle.stop()

Manual use: ``python -m tests.support.os_node [--dir DIR] [--port N]`` prints the URL and runs until Ctrl-C.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.support.es_node import _stop_process, _tail

REPO_ROOT = Path(__file__).resolve().parents[2]
OS_NODE_DIR = REPO_ROOT / "tools" / "os-node"
RUN_SH = OS_NODE_DIR / "run.sh"

# A cold build downloads ~45 MB from Maven Central; a warm check takes well under a second.
BUILD_TIMEOUT = 900.0
#: Heap of a node started for tests: a few small indices at a time.
TEST_HEAP = "384m"

_live: set[OsNodeHandle] = set()


class OsNodeHandle:
    """A running node. ``url`` is ``http://127.0.0.1:PORT``."""

    def __init__(self, workdir: Path, process: subprocess.Popen[bytes], port: int) -> None:
        self.workdir = workdir
        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.log_path = workdir / "os.log"

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, n: int = 60) -> str:
        return _tail(self.log_path, n)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the node: close its stdin (clean shutdown), then SIGTERM, then SIGKILL. Idempotent."""
        _stop_process(self.process, timeout)
        _live.discard(self)

    def __enter__(self) -> OsNodeHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"OsNodeHandle(url={self.url!r}, pid={self.pid}, workdir={str(self.workdir)!r})"


def build_os_node(timeout: float = BUILD_TIMEOUT) -> None:
    """Build the launcher if pom.xml or sources changed (mvn; a no-op when current). Raises RuntimeError."""
    try:
        done = subprocess.run(
            ["bash", str(RUN_SH), "--build-only"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except FileNotFoundError as e:
        raise RuntimeError(f"cannot run {RUN_SH}: {e}") from e
    except subprocess.TimeoutExpired as e:
        raise RuntimeError(f"os-node build did not finish within {timeout:.0f}s") from e
    if done.returncode != 0:
        out = (done.stdout + done.stderr).strip().splitlines()
        raise RuntimeError("os-node build failed (mvn):\n" + "\n".join(out[-60:]))


def start_os_node(
    workdir: Path,
    timeout: float = 180.0,
    *,
    port: int = 0,
    heap: str | None = None,
    build_timeout: float = BUILD_TIMEOUT,
) -> OsNodeHandle:
    """Build if needed, start a node on 127.0.0.1 (free port unless ``port``), wait until it is yellow/green.

    ``timeout`` covers the start only (JVM up, HTTP bound, cluster health yellow or green); the build has its
    own ``build_timeout`` since a first build downloads from Maven Central. ``heap`` defaults to run.sh's
    (``OS_NODE_HEAP`` or 512m). Raises RuntimeError with the log tail when the node fails to come up; the process
    is stopped in that case.
    """
    build_os_node(build_timeout)
    workdir = Path(workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    port_file = workdir / "http.port"
    port_file.unlink(missing_ok=True)
    env = dict(os.environ)
    if heap:
        env["OS_NODE_HEAP"] = heap
    with open(workdir / "os.log", "ab") as log:
        process = subprocess.Popen(
            ["bash", str(RUN_SH), "--foreground", "--stdin-eof", str(workdir), str(port)],
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # Ctrl-C in a terminal goes to us, not straight to the JVM
        )

    deadline = time.monotonic() + timeout
    handle: OsNodeHandle | None = None
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"OpenSearch node exited with code {process.returncode} before listening")
            text = port_file.read_text().strip() if port_file.exists() else ""
            if text.isdigit():
                handle = OsNodeHandle(workdir, process, int(text))
                break
            if time.monotonic() > deadline:
                raise RuntimeError(f"OpenSearch node not listening after {timeout:.0f}s")
            time.sleep(0.2)
        _live.add(handle)
        _wait_healthy(handle, deadline)
        return handle
    except BaseException as e:
        _stop_process(process, 15.0)
        if handle is not None:
            _live.discard(handle)
        if isinstance(e, RuntimeError):
            raise RuntimeError(f"{e}\n--- {workdir / 'os.log'} (tail) ---\n{_tail(workdir / 'os.log', 60)}") from None
        raise


def _get_json(url: str, timeout: float) -> dict[str, object]:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        body = json.loads(resp.read())
    if not isinstance(body, dict):
        raise ValueError(f"{url} answered {body!r}")
    return body


def _wait_healthy(handle: OsNodeHandle, deadline: float) -> None:
    """Wait for yellow/green health; the root endpoint must say it is OpenSearch (not some other server)."""
    last_error = "no answer"
    checked_product = False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise RuntimeError(f"OpenSearch at {handle.url} not yellow/green in time: {last_error}")
        if handle.process.poll() is not None:
            raise RuntimeError(f"OpenSearch node exited with code {handle.process.returncode}")
        wait_s = max(1, min(10, int(remaining)))
        try:
            if not checked_product:
                version = _get_json(f"{handle.url}/", wait_s + 10).get("version")
                distribution = version.get("distribution") if isinstance(version, dict) else None
                if distribution != "opensearch":
                    raise RuntimeError(f"{handle.url} is not OpenSearch (version.distribution {distribution!r})")
                checked_product = True
            health = _get_json(f"{handle.url}/_cluster/health?wait_for_status=yellow&timeout={wait_s}s", wait_s + 10)
        except urllib.error.HTTPError as e:  # 408 when wait_for_status times out
            last_error = f"HTTP {e.code}: {e.read()[:300]!r}"
            time.sleep(0.5)
            continue
        except (OSError, ValueError) as e:  # refused/reset/timeout while starting, or a torn body
            last_error = repr(e)
            time.sleep(0.5)
            continue
        if health.get("status") in ("yellow", "green"):
            return
        last_error = f"status {health.get('status')!r}"
        time.sleep(0.5)


@atexit.register
def _stop_all() -> None:
    for handle in list(_live):
        handle.stop(timeout=20.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.support.os_node", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, help="work directory (default: a new temporary one)")
    parser.add_argument("--port", type=int, default=0, help="HTTP port (default: a free one)")
    parser.add_argument("--heap", help="JVM heap, e.g. 384m (default: OS_NODE_HEAP or 512m)")
    parser.add_argument("--timeout", type=float, default=180.0)
    parser.add_argument("--url-file", type=Path, help="also write the URL there once the node is healthy")
    args = parser.parse_args(argv)
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="trackit-os-"))
    started = time.monotonic()
    handle = start_os_node(workdir, args.timeout, port=args.port, heap=args.heap)
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


if __name__ == "__main__":
    sys.exit(main())
