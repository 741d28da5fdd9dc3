"""`StateStore`: the app-state database (SQLite by default, PostgreSQL for several replicas).

SQLite is tuned for a bot with a handful of threads: WAL (readers never wait for the writer), foreign keys on,
a busy timeout so writers queue instead of failing, and every transaction opened with `BEGIN IMMEDIATE` so a
read-then-write transaction cannot deadlock into "database is locked"
(https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#serializable-isolation-savepoints-transactional-ddl).

PostgreSQL goes through psycopg 3: `postgresql+psycopg://user@host/db` (a bare `postgresql://` or
`postgres://` URL is taken to mean psycopg 3 as well).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool
from tenacity import retry, retry_if_exception, stop_after_delay, wait_random_exponential

from bot.errors import ConfigError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

#: Milliseconds a SQLite writer waits for another writer before failing.
SQLITE_BUSY_TIMEOUT_MS = 10_000


def utcnow() -> datetime:
    return datetime.now(UTC)


def advisory_key(name: str) -> int:
    """A stable positive 63-bit PostgreSQL advisory-lock key for `name`."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big") & 0x7FFF_FFFF_FFFF_FFFF


def normalize_url(url: str) -> URL:
    """Parse a state database URL; PostgreSQL URLs without a driver get psycopg 3.

    Raises ConfigError for an unparsable URL or a database other than SQLite and PostgreSQL.
    """
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigError(
            f"TRACKIT_DATABASE_URL={url!r} is not a database URL "
            "(expected sqlite:///path/state.sqlite3 or postgresql+psycopg://user@host/db)"
        ) from exc
    backend, _, driver = parsed.drivername.partition("+")
    if backend == "postgres":
        backend = "postgresql"
    if backend == "postgresql" and driver in ("", "psycopg"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        return parsed
    raise ConfigError(
        f"TRACKIT_DATABASE_URL uses {parsed.drivername!r}: app state supports sqlite:/// and postgresql+psycopg:// only"
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (not the sqlite3 module) decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # The timeout first: switching to WAL takes a lock, and a replica starting at the same moment must wait
        # for it rather than fail with "database is locked".
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        _enable_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a power cut loses at most the last commit
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


@retry(
    retry=retry_if_exception(lambda e: isinstance(e, sqlite3.OperationalError) and "locked" in str(e)),
    wait=wait_random_exponential(multiplier=0.02, max=0.5),
    stop=stop_after_delay(SQLITE_BUSY_TIMEOUT_MS / 1000),
    reraise=True,
)
def _enable_wal(cursor: Any) -> None:
    """WAL mode persists in the file, so only the first connection switches it. SQLite answers that switch with
    "database is locked" without waiting on busy_timeout when another connection is creating the same file
    (replicas starting together): retry it for as long as the busy timeout would have waited."""
    if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        cursor.execute("PRAGMA journal_mode=WAL")


class StateStore:
    """The app-state database: an engine, a session factory and the migrations.

    `StateStore(url)` only connects lazily; call `migrate()` once at start-up before using the repositories
    (bot.state.access, .audit, .ingest_runs, .subscriptions, .routes, .budgets, .alerts, .deliveries).
    """

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = normalize_url(url)
        kwargs: dict[str, Any] = {"echo": echo, "future": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
            if self.is_memory:
                # One shared connection, or every thread would get its own empty in-memory database.
                kwargs["poolclass"] = StaticPool
            else:
                Path(self.url.database or "").expanduser().parent.mkdir(parents=True, exist_ok=True)
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _configure_sqlite(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        # In memory (tests, one-shot tools) every thread shares one connection: one transaction at a time.
        self._memory_lock = threading.RLock() if self.is_memory else None

    @property
    def dialect(self) -> str:
        """`sqlite` or `postgresql`."""
        return self.url.get_backend_name()

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def is_memory(self) -> bool:
        """An in-memory SQLite database (`sqlite://`): gone when the process ends."""
        return self.is_sqlite and self.url.database in (None, "", ":memory:")

    @property
    def is_postgresql(self) -> bool:
        return self.dialect == "postgresql"

    @property
    def url_text(self) -> str:
        """The URL with its password (if any) shown, for handing to another library (APScheduler)."""
        return self.url.render_as_string(hide_password=False)

    def __repr__(self) -> str:
        return f"StateStore({self.url.render_as_string(hide_password=True)!r})"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back if it raises."""
        if self._memory_lock is None:
            with self._sessions.begin() as session:
                yield session
            return
        with self._memory_lock, self._sessions.begin() as session:
            yield session

    def migrate(self, revision: str = "head") -> None:
        """Bring the schema to `revision` (Alembic upgrade). Safe to call from several replicas at once:
        PostgreSQL serialises them on an advisory lock, SQLite on its write lock."""
        from alembic import command
        from alembic.config import Config

        config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.begin() as connection:
            if self.is_postgresql:
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": advisory_key("trackit:migrate")})
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    @staticmethod
    def head_revision() -> str:
        """The newest schema revision this code knows (what `migrate()` brings a database to)."""
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        head = ScriptDirectory.from_config(config).get_current_head()
        assert head is not None  # the package ships its migrations
        return head

    def current_revision(self) -> str | None:
        """The Alembic revision the database is at (None before the first migration)."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def dispose(self) -> None:
        """Close every pooled connection (tests, shutdown)."""
        self.engine.dispose()


def insert_if_absent(session: Session, table: Table, values: Mapping[str, Any]) -> bool:
    """INSERT the row unless it would violate a unique constraint; True if this call inserted it.

    Atomic on both backends (`ON CONFLICT DO NOTHING`), so racing callers cannot both win.
    """
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # RETURNING rather than rowcount: psycopg 3 reports rowcount -1 for this statement through SQLAlchemy.
    statement = insert(table).values(**values).on_conflict_do_nothing().returning(*table.primary_key.columns)
    return session.execute(statement).first() is not None
