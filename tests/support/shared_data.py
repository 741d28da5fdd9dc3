"""Where the public sample exports live: TRACKIT_SHARED_DATA if set, else `shared/data` beside the repository
(CI lays a copy there), else the developers' machine layout (`/work/shared/data`). Read-only: tests copy what
they need into tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

_REPO = Path(__file__).resolve().parents[2]
_CANDIDATES = [_REPO.parent / "shared" / "data", Path("/work/shared/data")]
SHARED_DATA = Path(
    os.environ.get("TRACKIT_SHARED_DATA") or next((p for p in _CANDIDATES if p.is_dir()), _CANDIDATES[0])
)
FINOPS_AWS_SAMPLE_DIR = (
    SHARED_DATA / "finopsfoundation-focus_converters/focus_converter_base/tests/provider_config_tests/aws"
)
