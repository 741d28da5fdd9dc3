"""A real PostgreSQL for the tests: a throwaway cluster per test session (per xdist worker), one database per test.

`TEST_DATABASE_URL` (a server where the user may CREATE DATABASE) is used instead when set. Otherwise the
Debian binaries (/usr/lib/postgresql/<ver>/bin, installed by tools/pg.sh; or the folder in TEST_PG_BINDIR)
start a cluster in a temporary directory on a free 127.0.0.1 port, with its unix socket in that directory
too, trust authentication and fsync off (the data is thrown away). PostgreSQL refuses to run as root, so as
root the cluster runs as the `postgres` OS user.

Missing binaries skip the PostgreSQL tests on a developer machine and FAIL them under CI=true: CI must prove
the PostgreSQL path, never skip it silently.

Fixtures:
- `postgres_server` (session): a `PostgresServer`; `.create_database()` returns a fresh database URL.
- `postgres_url` (function): `postgresql+psycopg://...` of a fresh empty database, dropped after the test.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url


def _bin_dir() -> Path | None:
    override = os.environ.get("TEST_PG_BINDIR")  # for testing this fixture: point it at a folder without initdb
    if override is not None:
        return Path(override) if (Path(override) / "initdb").exists() else None
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresServer:
    """A PostgreSQL server the tests may create databases on."""

    def __init__(self, admin_url: URL, cluster_dir: Path | None = None, bin_dir: Path | None = None) -> None:
        self.admin_url = admin_url
        self._cluster_dir = cluster_dir
        self._bin_dir = bin_dir
        self._admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")

    @classmethod
    def start_local(cls, bin_dir: Path) -> PostgresServer:
        """initdb + pg_ctl start in a new temporary directory; returns once the server accepts connections."""
        root = Path(tempfile.mkdtemp(prefix="trackit-pg-"))
        as_root = os.geteuid() == 0
        prefix: list[str] = []
        if as_root:
            pw = pwd.getpwnam("postgres")
            os.chown(root, pw.pw_uid, pw.pw_gid)
            prefix = ["runuser", "-u", "postgres", "--"]
        data = root / "data"

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([*prefix, *args], check=True, capture_output=True, text=True, cwd=root)

        try:
            run(
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            )
            last_error = ""
            for _ in range(3):  # another process may grab the free port between probe and bind
                port = _free_port()
                options = (
                    f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                    "-c full_page_writes=off -c max_connections=200"
                )
                try:
                    run(
                        str(bin_dir / "pg_ctl"),
                        "-D",
                        str(data),
                        "-l",
                        str(root / "log"),
                        "-o",
                        options,
                        "-w",
                        "-t",
                        "60",
                        "start",
                    )
                    break
                except subprocess.CalledProcessError as exc:
                    last_error = exc.stdout + exc.stderr + _read(root / "log")
            else:
                raise RuntimeError(f"PostgreSQL did not start:\n{last_error}")
        except (subprocess.CalledProcessError, RuntimeError):
            shutil.rmtree(root, ignore_errors=True)
            raise
        url = URL.create("postgresql+psycopg", username="postgres", host="127.0.0.1", port=port, database="postgres")
        return cls(url, cluster_dir=root, bin_dir=bin_dir)

    def create_database(self, prefix: str = "t") -> str:
        """A fresh empty database; returns its URL (with the password, if any, for tools that need it)."""
        worker = os.environ.get("PYTEST_XDIST_WORKER", "gw")
        name = f"{prefix}_{worker}_{uuid.uuid4().hex[:12]}".lower()
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def stop(self) -> None:
        self._admin.dispose()
        if self._cluster_dir is None or self._bin_dir is None:
            return
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(
            [
                *prefix,
                str(self._bin_dir / "pg_ctl"),
                "-D",
                str(self._cluster_dir / "data"),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(self._cluster_dir, ignore_errors=True)


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's PostgreSQL: TEST_DATABASE_URL, or a throwaway local cluster."""
    external = os.environ.get("TEST_DATABASE_URL")
    if external:
        url = make_url(external)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        server = PostgresServer(url)
    else:
        bin_dir = _bin_dir()
        if bin_dir is None:
            message = (
                "PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb): run tools/pg.sh "
                "(apt-get install -y postgresql) or set TEST_DATABASE_URL"
            )
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(message)
            pytest.skip(message)
        server = PostgresServer.start_local(bin_dir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture()
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database for this test (dropped afterwards)."""
    url = postgres_server.create_database()
    try:
        yield url
    finally:
        postgres_server.drop_database(url)
