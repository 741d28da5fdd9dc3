"""The PostgreSQL fixture itself: a missing server skips on a laptop but fails under CI=true."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parents[2]

_PROBE = """
def test_needs_postgres(postgres_url):
    pass
"""


def _start_probe(tmp_path: Path, ci: str | None) -> subprocess.Popen[str]:
    tmp_path.mkdir()
    probe = tmp_path / "test_probe.py"
    probe.write_text(_PROBE)
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "TEST_DATABASE_URL", "PYTEST_XDIST_WORKER")}
    env |= {"TEST_PG_BINDIR": str(tmp_path / "no-postgres-here"), "PYTHONPATH": str(REPO)}
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # start faster: the probe needs no third-party plugin
    if ci is not None:
        env["CI"] = ci
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.support.postgres",
            "-rs",
            "--rootdir",
            str(tmp_path),
            str(probe),
        ],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_missing_postgres_fails_under_ci_and_skips_elsewhere(tmp_path: Path) -> None:
    ci, laptop = _start_probe(tmp_path / "ci", "true"), _start_probe(tmp_path / "laptop", None)
    ci_out, _ = ci.communicate(timeout=120)
    laptop_out, _ = laptop.communicate(timeout=120)
    assert ci.returncode == 1, ci_out
    assert "PostgreSQL binaries not found" in ci_out and "1 error" in ci_out
    assert laptop.returncode == 0, laptop_out
    assert "1 skipped" in laptop_out and "PostgreSQL binaries not found" in laptop_out


@pytest.mark.postgres
def test_each_test_gets_its_own_empty_database(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    with engine.connect() as conn:
        assert str(conn.execute(text("SELECT current_database()")).scalar()) in postgres_url
        assert conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar() == 0
        assert conn.execute(text("SHOW fsync")).scalar() == "off"
    engine.dispose()
