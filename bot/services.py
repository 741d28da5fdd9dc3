"""The bot's runtime: settings, the billing store, app state, a vocabulary cache and the clock, in one object.

Built once per process by `bot.compose` and handed to every command (`register(app, services)`), job and the
scheduler; it talks to no chat platform itself. The clock is the process's one time source: commands read the
day from `today()`, the scheduler, its jobs and deliveries read `clock()`, so tests freeze time by passing a
clock here.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from bot.billing.grammar import parse_query
from bot.billing.model import CostQuery
from bot.billing.store import BillingStore
from bot.config import Settings

if TYPE_CHECKING:
    from bot.billing.vocabulary import Vocabulary
    from bot.state.db import StateStore


def utc_now() -> datetime:
    return datetime.now(UTC)


class VocabularyCache:
    """The store's service names, tag keys and accounts for parsing at ack time, rebuilt when data changes.

    Parsing must answer in milliseconds (it runs before the ack), so the vocabulary is cached; it is rebuilt
    when the set of live deliveries changes, checked at most every `check_seconds`.
    """

    def __init__(self, store: BillingStore, check_seconds: float = 30.0) -> None:
        self._store = store
        self._check_seconds = check_seconds
        self._lock = threading.Lock()
        self._vocabulary: Vocabulary | None = None
        self._signature: tuple[str, ...] = ()
        self._checked_at = 0.0

    def get(self) -> Vocabulary:
        from bot.billing.vocabulary import Vocabulary

        with self._lock:
            now = time.monotonic()
            if self._vocabulary is None or now - self._checked_at >= self._check_seconds:
                signature = tuple(p.delivery_id for p in self._store.periods())
                if self._vocabulary is None or signature != self._signature:
                    self._vocabulary = Vocabulary.from_store(self._store)
                    self._signature = signature
                self._checked_at = now
            return self._vocabulary

    def invalidate(self) -> None:
        with self._lock:
            self._vocabulary = None


@dataclass
class Services:
    """The bot's long-lived collaborators (one per process)."""

    settings: Settings
    store: BillingStore
    state: StateStore
    vocabulary: VocabularyCache
    clock: Callable[[], datetime] = field(default=utc_now)

    def today(self) -> date:
        """Today in the configured time zone (relative ranges such as `yesterday` use it)."""
        return self.clock().astimezone(self.settings.tz).date()

    def parse_filters(self, text: str, *, today: date | None = None) -> CostQuery:
        """A stored filter text (of a subscription, budget or route) read with the query grammar against the
        store's current vocabulary and the configured cost basis; `today` (default: `today()`) anchors any time
        words. Use `.filters` and `.basis`. Raises `UsageError` / `NotFound` when the text no longer parses (an
        account or tag that left the bill), which the caller reports instead of posting."""
        return parse_query(
            text,
            today=today or self.today(),
            vocabulary=self.vocabulary.get(),
            default_basis=self.settings.cost_basis,
        )
