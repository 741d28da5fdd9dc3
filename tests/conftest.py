"""Session-wide test set-up: fixtures shared by every part live in tests/support/."""

from __future__ import annotations

import os
import tempfile

import pytest

os.environ.setdefault("MPLCONFIGDIR", tempfile.mkdtemp(prefix="mpl-"))

pytest_plugins = [
    "tests.support.moto_server",
    "tests.support.postgres",
    "tests.support.elasticsearch",
    "tests.support.opensearch",
]

#: xdist groups that take minutes on one worker: asked first, so that under `--dist loadgroup` they run beside
#: the rest of the suite on the other worker instead of after it (tests/store/test_cluster_failover.py).
LONG_GROUPS = {"search-cluster"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the tests of `LONG_GROUPS` to the front, keeping every other test in its order."""

    def long(item: pytest.Item) -> bool:
        marker = item.get_closest_marker("xdist_group")
        return marker is not None and bool(marker.args) and marker.args[0] in LONG_GROUPS

    items[:] = [i for i in items if long(i)] + [i for i in items if not long(i)]
