"""Opening a store by URL: the scheme picks the backend, only that backend is imported, and a client library
that is not installed is named with the extra that installs it. Fresh interpreters, so that what this process
already imported cannot hide a missing import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.store.registry import open_store


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)


def test_the_duckdb_default_never_imports_the_elasticsearch_client(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from bot.store.registry import open_store\n"
        f"store = open_store('duckdb://{tmp_path / 'billing'}')\n"
        "print(type(store).__name__, 'elasticsearch' in sys.modules)\n"
        "store.close()\n"
    )
    done = _run(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["DuckDBStore", "False"]


def test_a_missing_optional_client_names_the_extra_to_install() -> None:
    # `None` in sys.modules makes `import elasticsearch` fail as if the package were not installed.
    code = (
        "import sys\n"
        "sys.modules['elasticsearch'] = None\n"
        "from bot.errors import ConfigError\n"
        "from bot.store.registry import open_store\n"
        "try:\n"
        "    open_store('elasticsearch://127.0.0.1:9200')\n"
        "except ConfigError as exc:\n"
        "    print(exc)\n"
    )
    done = _run(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "elasticsearch:// needs the Python package 'elasticsearch', which is not installed: "
        "pip install 'trackit-bot[elasticsearch]'"
    )
    assert "Traceback" not in done.stderr


def test_an_unknown_scheme_names_the_known_ones() -> None:
    with pytest.raises(ConfigError) as info:
        open_store("mysql://db/billing")
    # Other tests of this process may register backends of their own: the built-in ones are always named.
    assert str(info.value).startswith("unknown billing store URL 'mysql://db/billing': use one of duckdb://, ")
    assert "elasticsearch://" in str(info.value)
