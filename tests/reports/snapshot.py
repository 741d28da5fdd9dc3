"""Snapshot assertions for rendered messages and chart data (JSON files under tests/reports/snapshots/).

A missing snapshot is written and the test fails once (so a new snapshot is always looked at before it is
trusted); `TRACKIT_UPDATE_SNAPSHOTS=1` rewrites them after an intended change.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, data: Any) -> None:
    """`data` (JSON-able) equals the stored snapshot `name`.json."""
    path = SNAPSHOTS / f"{name}.json"
    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("TRACKIT_UPDATE_SNAPSHOTS") == "1" or not path.exists():
        existed = path.exists()
        path.write_text(text, encoding="utf-8")
        if not existed and os.environ.get("TRACKIT_UPDATE_SNAPSHOTS") != "1":
            raise AssertionError(f"snapshot {path.name} did not exist: written, look at it and run again")
        return
    assert json.loads(text) == json.loads(path.read_text(encoding="utf-8")), f"differs from snapshot {path.name}"
