"""Start a real single-node OpenSearch 2.19 for tests and benchmarks (stdlib only).

The node is OpenSearch's own server jars from Maven Central, run by the launcher in ``tools/os-node`` (see its
README). It binds 127.0.0.1 on a free port, keeps everything under ``workdir`` and dies with the process that
started it (it stops when its standard input, a pipe held by this process, closes). The process handling is
``tests.support.search_node``'s, shared with ``tests.support.es_node``.

    handle = start_os_node(tmp_path / "os")
    try:
        OpenSearch(handle.url) ...
    finally:
        handle.stop()

Manual use: ``python -m tests.support.os_node [--dir DIR] [--port N] [--heap 384m]`` prints the URL and runs until
Ctrl-C.
"""

from __future__ import annotations

import sys

from tests.support.search_node import OPENSEARCH as ENGINE
from tests.support.search_node import SearchNodeHandle as OsNodeHandle
from tests.support.search_node import main

#: Heap of a node started for tests: a few small indices at a time.
TEST_HEAP = "384m"

OS_NODE_DIR = ENGINE.tool_dir
#: Build the launcher if pom.xml or sources changed (mvn; a no-op when current). Raises RuntimeError.
build_os_node = ENGINE.build
#: Build if needed, start a node on 127.0.0.1 (free port unless ``port``), wait until it is yellow/green:
#: :meth:`tests.support.search_node.Engine.start`; ``heap`` defaults to ``OS_NODE_HEAP`` or 512m.
start_os_node = ENGINE.start

__all__ = ["ENGINE", "OS_NODE_DIR", "TEST_HEAP", "OsNodeHandle", "build_os_node", "start_os_node"]

if __name__ == "__main__":
    sys.exit(main(ENGINE, "os_node", (__doc__ or "").split("\n\n")[0]))
