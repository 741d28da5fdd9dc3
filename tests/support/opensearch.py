"""The real OpenSearch node for tests: `OS_URL` if set (tools/test.sh starts one per run), else one node per test
session (per xdist worker) started from the Maven-built launcher. Under CI=true a node that cannot start fails
the run with its log tail; elsewhere the tests that need it are skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.support.os_node import TEST_HEAP, start_os_node


@pytest.fixture(scope="session")
def os_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = os.environ.get("OS_URL")
    if url:
        yield url
        return
    try:
        handle = start_os_node(tmp_path_factory.mktemp("os-node"), heap=TEST_HEAP)
    except Exception as exc:  # the build or the node failed: say why, loudly under CI
        message = f"could not start the OpenSearch test node: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    try:
        yield handle.url
    finally:
        handle.stop()
