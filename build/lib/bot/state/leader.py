"""Scheduler leadership: of several bot replicas sharing one state database, one runs the scheduled jobs.

PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) held on a dedicated connection. The server
releases it as soon as that connection ends, so a crashed leader (even `kill -9`) hands over at once; TCP
keepalives bound how long a vanished host keeps it.
(https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS)

SQLite (one machine, several processes): a lease row (`leader_leases`) with a holder id and an expiry, taken
and renewed by compare-and-set UPDATEs; a leader that stops renewing loses it `ttl` after its last renewal.

Use: call `acquire()` at start and then `renew()` every `ttl / 3` or so (e.g. an APScheduler interval job
that runs on every replica); run leader-only work only while `is_leader` is True.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, or_, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from bot.state.db import StateStore, advisory_key, insert_if_absent, utcnow
from bot.state.models import LeaderLeaseRow

log = logging.getLogger(__name__)

DEFAULT_TTL = timedelta(seconds=30)

# Detect a dead peer in about 5 + 2 * 3 = 11 s instead of the kernel's two hours.
_PG_KEEPALIVES = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 3}


#: application_name prefix of the connection holding the advisory lock.
_PG_APP_PREFIX = "trackit-leader "


@dataclass(frozen=True)
class LeaderInfo:
    """Who leads: the holder id (`host:pid:nonce`) and, for a SQLite lease, until when (None on PostgreSQL, where
    the lock lasts as long as the holder's connection)."""

    holder: str
    expires_at: datetime | None = None


def current_leader(store: StateStore, name: str = "scheduler") -> LeaderInfo | None:
    """The replica holding leadership `name` now, or None when nobody does (read-only)."""
    if store.is_postgresql:
        key = advisory_key(f"trackit:leader:{name}")
        with store.engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                    "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = :hi AND l.objid = :lo "
                    "AND l.objsubid = 1"
                ),
                {"hi": key >> 32, "lo": key & 0xFFFF_FFFF},
            ).first()
        if row is None:
            return None
        app = str(row[0] or "")
        return LeaderInfo(app.removeprefix(_PG_APP_PREFIX) or "(a connection without a name)")
    with store.session() as session:
        lease = session.get(LeaderLeaseRow, name)
        if lease is None or lease.expires_at <= utcnow():
            return None
        return LeaderInfo(lease.holder, lease.expires_at)


class LeaderLease:
    """One named leadership (default "scheduler") contended by every replica on the same state database."""

    def __init__(
        self,
        store: StateStore,
        name: str = "scheduler",
        *,
        holder: str | None = None,
        ttl: timedelta = DEFAULT_TTL,
    ) -> None:
        if ttl <= timedelta(0):
            raise ValueError("the lease ttl must be positive")
        self.store = store
        self.name = name
        self.holder = holder or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.ttl = ttl
        self._lock = threading.Lock()
        # SQLite lease: leadership is trusted locally only until this monotonic deadline.
        self._valid_until = 0.0
        # PostgreSQL: the connection that holds the advisory lock.
        self._pg_engine: Engine | None = None
        self._pg_conn: Connection | None = None
        self._key = advisory_key(f"trackit:leader:{name}")

    def __repr__(self) -> str:
        return f"LeaderLease({self.name!r}, holder={self.holder!r}, leader={self.is_leader})"

    @property
    def is_leader(self) -> bool:
        """True while this replica holds the leadership (as of its last acquire/renew)."""
        if self.store.is_postgresql:
            return self._pg_conn is not None
        return time.monotonic() < self._valid_until

    def acquire(self) -> bool:
        """Try to become leader without waiting; True if this replica is leader now (a leader stays one)."""
        return self.renew()

    def renew(self) -> bool:
        """Keep (or try to take) the leadership; True if this replica is leader now.

        A replica that lost it (connection dropped, lease taken over) sees False and must stop leader work.
        """
        with self._lock:
            if self.store.is_postgresql:
                if self._pg_conn is not None and self._pg_still_held():
                    return True
                return self._pg_acquire()
            return self._sqlite_take()

    def release(self) -> None:
        """Give up the leadership (if held) so another replica can take it at once."""
        with self._lock:
            if self.store.is_postgresql:
                self._pg_close(unlock=True)
                return
            was_leader = time.monotonic() < self._valid_until
            self._valid_until = 0.0
            if was_leader:
                with self.store.session() as session:
                    session.execute(
                        update(LeaderLeaseRow)
                        .where(LeaderLeaseRow.name == self.name, LeaderLeaseRow.holder == self.holder)
                        .values(expires_at=utcnow() - timedelta(seconds=1))
                    )

    # ------------------------------------------------------------------------------------- PostgreSQL

    def _pg_acquire(self) -> bool:
        self._pg_close(unlock=False)
        if self._pg_engine is None:
            # A pool of its own: the lock lives as long as this one connection, never handed to other work.
            connect_args: dict[str, Any] = dict(_PG_KEEPALIVES)
            # Who holds the lock is shown by `current_leader` (pg_stat_activity.application_name).
            connect_args["application_name"] = f"{_PG_APP_PREFIX}{self.holder}"[:63]
            self._pg_engine = create_engine(self.store.url, poolclass=NullPool, connect_args=connect_args)
        try:
            conn = self._pg_engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        except DBAPIError as exc:
            log.warning("leader %s: cannot connect to take the lock: %s", self.name, exc)
            return False
        try:
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self._key}).scalar())
        except DBAPIError as exc:
            log.warning("leader %s: lock attempt failed: %s", self.name, exc)
            conn.close()
            return False
        if not got:
            conn.close()
            return False
        self._pg_conn = conn
        log.info("leader %s: %s took the advisory lock", self.name, self.holder)
        return True

    def _pg_still_held(self) -> bool:
        assert self._pg_conn is not None
        hi, lo = self._key >> 32, self._key & 0xFFFF_FFFF
        try:
            held = self._pg_conn.execute(
                text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() "
                    "AND granted AND classid = :hi AND objid = :lo AND objsubid = 1"
                ),
                {"hi": hi, "lo": lo},
            ).scalar()
        except DBAPIError as exc:
            log.warning("leader %s: lost the lock connection: %s", self.name, exc)
            self._pg_close(unlock=False)
            return False
        if not held:
            self._pg_close(unlock=False)
            return False
        return True

    def _pg_close(self, *, unlock: bool) -> None:
        conn, self._pg_conn = self._pg_conn, None
        if conn is None:
            return
        try:
            if unlock:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self._key})
        except DBAPIError:
            pass  # the connection is gone, and with it the lock
        finally:
            conn.close()

    # ----------------------------------------------------------------------------------------- SQLite

    def _sqlite_take(self) -> bool:
        started = time.monotonic()
        now = utcnow()
        table = LeaderLeaseRow.__table__
        with self.store.session() as session:
            row = {"name": self.name, "holder": self.holder, "expires_at": now + self.ttl}
            if insert_if_absent(session, table, row):  # type: ignore[arg-type]
                won = True
            else:
                result = session.execute(
                    update(LeaderLeaseRow)
                    .where(
                        LeaderLeaseRow.name == self.name,
                        or_(LeaderLeaseRow.holder == self.holder, LeaderLeaseRow.expires_at < now),
                    )
                    .values(holder=self.holder, expires_at=now + self.ttl)
                    .returning(LeaderLeaseRow.name)
                    .execution_options(synchronize_session=False)
                )
                won = result.first() is not None
        was_leader = time.monotonic() < self._valid_until
        # Trust the lease locally a little less than ttl, counted from before the write, so clock steps and
        # the time the write took can only shorten it.
        self._valid_until = started + self.ttl.total_seconds() * 0.9 if won else 0.0
        if won and not was_leader:
            log.info("leader %s: %s took the lease", self.name, self.holder)
        return bool(won)

    def close(self) -> None:
        """Release and free the dedicated connection."""
        self.release()
        if self._pg_engine is not None:
            self._pg_engine.dispose()
            self._pg_engine = None
