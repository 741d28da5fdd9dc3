"""Start a real single-node Elasticsearch 8.19 for tests and benchmarks (stdlib only).

The node is Elastic's own server jars from Maven Central, run by the launcher in ``tools/es-node`` (see its
README). It binds 127.0.0.1 on a free port, keeps everything under ``workdir`` and dies with the process that
started it (it stops when its standard input, a pipe held by this process, closes). The process handling is
``tests.support.search_node``'s, shared with ``tests.support.os_node``.

    handle = start_es_node(tmp_path / "es")
    try:
        Elasticsearch(handle.url) ...
    finally:
        handle.stop()

Manual use: ``python -m tests.support.es_node [--dir DIR] [--port N] [--heap 384m]`` prints the URL and runs until
Ctrl-C.
"""

from __future__ import annotations

import sys

from tests.support.search_node import ELASTICSEARCH as ENGINE
from tests.support.search_node import SearchNodeHandle as EsNodeHandle
from tests.support.search_node import main

ES_NODE_DIR = ENGINE.tool_dir
#: Build the launcher if pom.xml or sources changed (mvn; a no-op when current). Raises RuntimeError.
build_es_node = ENGINE.build
#: Build if needed, start a node on 127.0.0.1 (free port unless ``port``), wait until it is yellow/green:
#: :meth:`tests.support.search_node.Engine.start`; ``heap`` defaults to ``ES_NODE_HEAP`` or 512m.
start_es_node = ENGINE.start

__all__ = ["ENGINE", "ES_NODE_DIR", "EsNodeHandle", "build_es_node", "start_es_node"]

if __name__ == "__main__":
    sys.exit(main(ENGINE, "es_node", (__doc__ or "").split("\n\n")[0]))
