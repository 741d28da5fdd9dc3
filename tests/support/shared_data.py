"""Where the public sample exports live: `shared/data` beside the repository (CI lays a copy there), or the
path in TRACKIT_SHARED_DATA. Read-only: tests copy what they need into tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("TRACKIT_SHARED_DATA", _REPO.parent / "shared" / "data"))
FINOPS_AWS_SAMPLE_DIR = (
    SHARED_DATA / "finopsfoundation-focus_converters/focus_converter_base/tests/provider_config_tests/aws"
)
