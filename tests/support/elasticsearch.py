"""The real Elasticsearch node for tests: `ES_URL` if set (tools/test.sh starts one per run), else one node per
test session (per xdist worker) started from the Maven-built launcher. Under CI=true a node that cannot start
fails the run with its log tail; elsewhere the tests that need it are skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.support.es_node import start_es_node


@pytest.fixture(scope="session")
def es_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = os.environ.get("ES_URL")
    if url:
        yield url
        return
    try:
        handle = start_es_node(tmp_path_factory.mktemp("es-node"))
    except Exception as exc:  # the build or the node failed: say why, loudly under CI
        message = f"could not start the Elasticsearch test node: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        yield handle.url
    finally:
        handle.stop()
