"""Session-wide test set-up: fixtures shared by every part live in tests/support/."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("MPLCONFIGDIR", tempfile.mkdtemp(prefix="mpl-"))

pytest_plugins = [
    "tests.support.moto_server",
    "tests.support.postgres",
    "tests.support.elasticsearch",
    "tests.support.opensearch",
]
