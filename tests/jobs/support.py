"""Shared pieces for the job tests: a fake Slack that keeps channel history (with message metadata) and can
refuse posts to broken channels, a frozen clock, a small billing data set, and services over real DuckDB and
SQLite files.

Data set: 2026-09-01 .. 2026-12-31, two accounts (prod, dev) x three services, one line item per day each, a
`team` tag on some; September and October final (invoice id), November and December estimated. Costs are
decimal strings; tests compute expected numbers from `ROWS` with Decimal.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.billing.store import BillingStore
from bot.config import Settings
from bot.services import Services, VocabularyCache
from bot.state.db import StateStore
from bot.store.registry import open_store
from tests.store.sources import item, make_source
from tests.support.fake_slack import FakeSlack

ACCOUNTS = {"111111111111": "prod", "222222222222": "dev"}
SERVICES = {
    "AmazonEC2": "Amazon Elastic Compute Cloud",
    "AmazonS3": "Amazon Simple Storage Service",
    "AmazonRDS": "Amazon Relational Database Service",
}
FIRST_DAY = date(2026, 9, 1)
LAST_DAY = date(2026, 12, 31)
DELIVERED_AT = datetime(2027, 1, 1, 6, tzinfo=UTC)


def row_cost(day: date, a: int, s: int) -> Decimal:
    """A deterministic cost with a weekday rhythm, a trend and a jump for EC2 in prod from 2026-11-20."""
    base = Decimal(20 * (a + 1) + 7 * s)
    weekday = Decimal((day.weekday() * 3) % 5)
    trend = Decimal(day.toordinal() - FIRST_DAY.toordinal()) / 100
    jump = Decimal(40) if (a == 0 and s == 0 and day >= date(2026, 11, 20)) else Decimal(0)
    return base + weekday + trend + jump + Decimal(day.day % 7) / 1000


def _rows() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    day = FIRST_DAY
    while day <= LAST_DAY:
        for a, account in enumerate(ACCOUNTS):
            for s, (code, name) in enumerate(SERVICES.items()):
                team = ("web", "data", None)[(a + s) % 3]
                rows.append(
                    item(
                        day,
                        str(row_cost(day, a, s)),
                        hour=23,
                        sub_account_id=account,
                        sub_account_name=ACCOUNTS[account],
                        service_code=code,
                        service_name=name,
                        invoice_id="INV" if day.month in (9, 10) else "",
                        tags={"user:team": team} if team else {},
                    )
                )
        day += timedelta(days=1)
    return rows


ROWS = _rows()


def day_total(day: date, **where: object) -> Decimal:
    """Independent Decimal sum of ROWS on `day` matching every `column=value`."""
    return sum(
        (
            Decimal(str(r["billed_cost"]))
            for r in ROWS
            if str(r["charge_period_start"])[:10] == day.isoformat() and all(r.get(k) == v for k, v in where.items())
        ),
        Decimal(0),
    )


def range_total(start: date, end: date, **where: object) -> Decimal:
    """Sum over `start <= day < end`."""
    return sum((day_total(start + timedelta(days=i), **where) for i in range((end - start).days)), Decimal(0))


def load_store(tmp: Path, rows: Sequence[Mapping[str, object]] = ROWS) -> BillingStore:
    store = open_store(f"duckdb://{tmp / 'billing'}")
    months = sorted({str(r["billing_period"]) for r in rows})
    for month in months:
        period_rows = [r for r in rows if r["billing_period"] == month]
        store.replace_period(make_source(tmp, period_rows, delivered_at=DELIVERED_AT))
    return store


class FrozenClock:
    """A clock tests move by hand (thread-safe)."""

    def __init__(self, start: datetime) -> None:
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, moment: datetime) -> None:
        with self._lock:
            self._now = moment

    def advance(self, delta: timedelta) -> datetime:
        with self._lock:
            self._now += delta
            return self._now


def make_services(tmp: Path, store: BillingStore, clock: Callable[[], datetime], **settings: Any) -> Services:
    state = StateStore(f"sqlite:///{tmp / 'state.sqlite3'}")
    state.migrate()
    return Services(
        settings=Settings(data_dir=tmp, slack_bot_token="xoxb-test", **settings),
        store=store,
        state=state,
        vocabulary=VocabularyCache(store),
        clock=clock,
    )


class HistorySlack(FakeSlack):
    """FakeSlack that keeps each channel's messages (with metadata) for `conversations.history`, and answers
    `broken[channel]` (e.g. `is_archived`) to posts into broken channels, as Slack does."""

    def __init__(self) -> None:
        super().__init__()
        self.broken: dict[str, str] = {}
        self.history: dict[str, list[dict[str, Any]]] = {}
        #: The server's idea of now (message ts): tests with a frozen clock set it.
        self.clock: Callable[[], float] = time.time
        self._seq = itertools.count(1)
        self._history_lock = threading.Lock()

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "chat.postMessage":
            channel = str(args.get("channel", ""))
            if channel in self.broken:
                return {"ok": False, "error": self.broken[channel]}
            with self._history_lock:
                ts = f"{int(self.clock())}.{next(self._seq):06d}"
                entry = {"ts": ts, "text": args.get("text", ""), "blocks": args.get("blocks", [])}
                if args.get("metadata"):
                    entry["metadata"] = args["metadata"]
                self.history.setdefault(channel, []).append(entry)
            return {"ok": True, "channel": channel, "ts": ts, "message": entry}
        if method == "conversations.history":
            channel = str(args.get("channel", ""))
            if channel in self.broken:
                return {"ok": False, "error": self.broken[channel]}
            oldest = float(args.get("oldest") or 0)
            with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
            with self._history_lock:
                items = [dict(m) for m in self.history.get(channel, []) if float(m["ts"]) > oldest]
            if not with_metadata:
                for m in items:
                    m.pop("metadata", None)
            return {"ok": True, "messages": list(reversed(items)), "has_more": False}
        return super()._answer(method, args)

    def posts(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Successful posts (their JSON args), in order, optionally to one channel."""
        with self._history_lock:
            channels = [channel] if channel else list(self.history)
            entries = [(m["ts"], c, m) for c in channels for m in self.history.get(c, [])]
        return [dict(m, channel=c) for _, c, m in sorted(entries, key=lambda e: e[0].split(".")[1])]
