"""Shared pieces for the job tests: a fake Slack that keeps channel history (with message metadata) and can
refuse posts to broken channels, a frozen clock, a small billing data set, and services over real DuckDB and
SQLite files.

Data set: 2026-09-01 .. 2026-12-31, two accounts (prod, dev) x three services, one line item per day each, a
`team` tag on some; September and October final (invoice id), November and December estimated. Costs are
decimal strings; tests compute expected numbers from `ROWS` with Decimal.
"""

from __future__ import annotations

import itertools
import json
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
    """FakeSlack that keeps each channel's messages as Slack does, for the bot's exactly-once machinery.

    - `chat.postMessage` adds a message (with its metadata; `thread_ts` makes it a reply); `chat.update` edits one;
      `files.completeUploadExternal` adds a message sharing the files (`files: [{id, name, title}]`).
    - `conversations.history` lists a channel's top-level messages newest first (metadata only with
      `include_all_metadata`), `conversations.replies` a thread (parent first); both honour `oldest` and need
      the bot to be a member (`conversations.join`, refused for channels in `private`) and their scope
      (`channels:history` in `scopes`), else `not_in_channel` / `missing_scope`, as Slack answers.
    - Posts into `broken[channel]` are refused with that error (e.g. `is_archived`).
    """

    def __init__(self) -> None:
        super().__init__()
        self.broken: dict[str, str] = {}
        self.history: dict[str, list[dict[str, Any]]] = {}
        #: Channels the bot may not join (private channels: it must be invited).
        self.private: set[str] = set()
        #: Channels the bot is a member of.
        self.members: set[str] = set()
        #: The scopes the bot token has; remove `channels:history` to make history unreadable.
        self.scopes: set[str] = {"channels:history", "groups:history", "channels:join", "chat:write", "files:write"}
        #: The server's idea of now (message ts): tests with a frozen clock set it.
        self.clock: Callable[[], float] = time.time
        self._seq = itertools.count(1)
        self._history_lock = threading.Lock()
        self._filenames: dict[str, str] = {}

    def _ts(self) -> str:
        return f"{int(self.clock())}.{next(self._seq):06d}"

    def _readable(self, channel: str) -> dict[str, Any] | None:
        """The error answer when the bot may not read `channel`'s history, else None."""
        if channel in self.broken:
            return {"ok": False, "error": self.broken[channel]}
        if "channels:history" not in self.scopes:
            return {"ok": False, "error": "missing_scope", "needed": "channels:history"}
        if channel not in self.members:
            return {"ok": False, "error": "not_in_channel"}
        return None

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        channel = str(args.get("channel") or args.get("channel_id") or "")
        if method == "conversations.join":
            if "channels:join" not in self.scopes:
                return {"ok": False, "error": "missing_scope", "needed": "channels:join"}
            if channel in self.broken:
                return {"ok": False, "error": self.broken[channel]}
            if channel in self.private:
                return {"ok": False, "error": "method_not_supported_for_channel_type"}
            with self._history_lock:
                already = channel in self.members
                self.members.add(channel)
            answer: dict[str, Any] = {"ok": True, "channel": {"id": channel, "is_member": True}}
            if already:
                answer["warning"] = "already_in_channel"
            return answer
        if method == "chat.postMessage":
            if channel in self.broken:
                return {"ok": False, "error": self.broken[channel]}
            with self._history_lock:
                ts = self._ts()
                entry: dict[str, Any] = {"ts": ts, "text": args.get("text", ""), "blocks": args.get("blocks", [])}
                if args.get("metadata"):
                    entry["metadata"] = args["metadata"]
                if args.get("thread_ts"):
                    entry["thread_ts"] = args["thread_ts"]
                self.history.setdefault(channel, []).append(entry)
            return {"ok": True, "channel": channel, "ts": ts, "message": entry}
        if method == "chat.update":
            with self._history_lock:
                for entry in self.history.get(channel, []):
                    if entry["ts"] == args.get("ts"):
                        entry["text"] = args.get("text", entry["text"])
                        entry["blocks"] = args.get("blocks", entry["blocks"])
                        entry["edited"] = True
                        return {"ok": True, "channel": channel, "ts": entry["ts"], "text": entry["text"]}
            return {"ok": False, "error": "message_not_found"}
        if method == "files.getUploadURLExternal":
            answer = super()._answer(method, args)
            with self._history_lock:
                self._filenames[answer["file_id"]] = str(args.get("filename", ""))
            return answer
        if method == "files.completeUploadExternal":
            if channel in self.broken:
                return {"ok": False, "error": self.broken[channel]}
            files = args.get("files", "[]")
            items = json.loads(files) if isinstance(files, str) else files
            with self._history_lock:
                ts = self._ts()
                names = self._filenames
                shared = [{"id": f["id"], "title": f.get("title", ""), "name": names.get(f["id"], "")} for f in items]
                entry = {"ts": ts, "text": "", "files": shared, "upload": True}
                if args.get("thread_ts"):
                    entry["thread_ts"] = args["thread_ts"]
                if channel:
                    self.history.setdefault(channel, []).append(entry)
            shares = {"public": {channel: [{"ts": ts}]}} if channel else {}
            return {"ok": True, "files": [dict(f, shares=shares) for f in shared]}
        if method in ("conversations.history", "conversations.replies"):
            refused = self._readable(channel)
            if refused is not None:
                return refused
            oldest = float(args.get("oldest") or 0)
            with_metadata = str(args.get("include_all_metadata", "")).lower() in ("1", "true")
            with self._history_lock:
                items = [dict(m) for m in self.history.get(channel, []) if float(m["ts"]) > oldest]
            if method == "conversations.history":
                items = [m for m in items if m.get("thread_ts") in (None, m["ts"])]
                items.reverse()  # newest first
            else:
                parent = str(args.get("ts", ""))
                items = [m for m in items if m["ts"] == parent or m.get("thread_ts") == parent]
            if not with_metadata:
                for m in items:
                    m.pop("metadata", None)
            return {"ok": True, "messages": items, "has_more": False}
        return super()._answer(method, args)

    def posts(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Messages posted with chat.postMessage (not file shares), in order, optionally to one channel."""
        with self._history_lock:
            channels = [channel] if channel else list(self.history)
            entries = [(m["ts"], c, m) for c in channels for m in self.history.get(c, []) if not m.get("upload")]
        return [dict(m, channel=c) for _, c, m in sorted(entries, key=lambda e: e[0].split(".")[1])]

    def file_shares(self, channel: str | None = None) -> list[dict[str, Any]]:
        """Messages sharing files (files.completeUploadExternal), in order, optionally in one channel."""
        with self._history_lock:
            channels = [channel] if channel else list(self.history)
            entries = [(m["ts"], c, m) for c in channels for m in self.history.get(c, []) if m.get("upload")]
        return [dict(m, channel=c) for _, c, m in sorted(entries, key=lambda e: e[0].split(".")[1])]
