"""Every command opens the billing store the same way: the DuckDB thread and memory settings reach `trackit
ingest`, `query` and `anomalies list` as they reach the server; and a DuckDB query imports only what it needs."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_settings


@pytest.fixture(autouse=True)
def clean_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith("TRACKIT_"):
            monkeypatch.delenv(name)


def test_store_url_carries_the_duckdb_settings_unless_the_url_sets_them(tmp_path: Path) -> None:
    settings = load_settings(
        {"TRACKIT_DATA_DIR": str(tmp_path), "TRACKIT_DUCKDB_THREADS": "3", "TRACKIT_DUCKDB_MEMORY_LIMIT": "700MB"}
    )
    assert settings.store_url_for() == f"duckdb://{tmp_path.resolve()}/billing?threads=3&memory_limit=700MB"
    # A --store URL gets them too; its own options win.
    assert settings.store_url_for("duckdb:///srv/b?threads=1") == "duckdb:///srv/b?threads=1&memory_limit=700MB"
    # Other backends are left as written.
    assert settings.store_url_for("elasticsearch://127.0.0.1:9200") == "elasticsearch://127.0.0.1:9200"


@pytest.mark.parametrize(
    "argv",
    [
        ["ingest", "SOURCE"],
        ["query", "last month"],
        ["anomalies", "list"],
    ],
)
def test_every_command_honours_the_duckdb_settings(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A thread count the store refuses is refused by every command, whether the store comes from the settings
    or from --store: proof that the setting reaches the store the command opens."""
    monkeypatch.setenv("TRACKIT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("TRACKIT_DUCKDB_THREADS", "0")
    source = tmp_path / "exports"
    source.mkdir()
    args = [str(source) if a == "SOURCE" else a for a in argv]
    for extra in ([], ["--store", f"duckdb://{tmp_path / 'other'}"]):
        assert main([*args, *extra]) == 2
        err = capsys.readouterr().err
        assert "duckdb_threads must be at least 1, not 0" in err, err


def test_a_duckdb_query_does_not_import_other_commands_or_the_search_client(tmp_path: Path) -> None:
    """Cold start: `trackit query` on a DuckDB store loads neither numpy (anomalies), the sample generator (demo),
    the Slack app (serve) nor the Elasticsearch client."""
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        f"main(['query', '--store', 'duckdb://{tmp_path / 'store'}', '--today', '2025-02-20', 'last month'])\n"
        "heavy = [m for m in ('numpy', 'elasticsearch', 'opensearchpy', 'slack_bolt', 'bot.samples', 'matplotlib') "
        "if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TRACKIT_")}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, check=False
    )
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr
