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
from bot.billing.model import CostQuery, Filter
from bot.billing.store import BillingStore
from bot.config import Settings

if TYPE_CHECKING:
    from bot.billing.vocabulary import Vocabulary
    from bot.state.db import StateStore


def utc_now() -> datetime:
    return datetime.now(UTC)


#: Scopes whose confined vocabulary is kept at once (each is a few small collections).
_CONFINED_SCOPES = 256


class VocabularyCache:
    """The store's service names, tag keys and accounts for parsing at ack time, rebuilt when data changes.

    Parsing must answer in milliseconds (it runs before the ack), so the vocabulary is cached. The ingest job
    rebuilds it after loading (`rebuild`); data loaded by another process (a shell `trackit ingest`) is noticed
    from the set of live deliveries, checked at most every `check_seconds`, and rebuilt then.
    """

    def __init__(self, store: BillingStore, check_seconds: float = 30.0) -> None:
        self._store = store
        self._check_seconds = check_seconds
        self._lock = threading.Lock()
        self._vocabulary: Vocabulary | None = None
        self._signature: tuple[str, ...] = ()
        self._checked_at = 0.0
        self._confined: dict[tuple[Filter, ...], tuple[Vocabulary, Vocabulary]] = {}

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

    def within(self, filters: tuple[Filter, ...]) -> Vocabulary:
        """The vocabulary of what `filters` (an asker's scope) keep: `Vocabulary.within`, computed once per scope
        and store vocabulary (a few aggregations, on the first question of a scope after each delivery)."""
        full = self.get()
        with self._lock:
            cached = self._confined.get(filters)
        if cached is not None and cached[0] is full:
            return cached[1]
        confined = full.within(self._store, filters)
        with self._lock:
            if len(self._confined) >= _CONFINED_SCOPES:
                self._confined.clear()
            self._confined[filters] = (full, confined)
        return confined

    def rebuild(self) -> None:
        """Build the vocabulary now and swap it in (the ingest job calls this after loading new data, so no ack
        pays for the rebuild); questions asked meanwhile still read the previous one."""
        from bot.billing.vocabulary import Vocabulary

        signature = tuple(p.delivery_id for p in self._store.periods())
        fresh = Vocabulary.from_store(self._store).warm()
        with self._lock:
            self._vocabulary, self._signature, self._checked_at = fresh, signature, time.monotonic()
            self._confined.clear()


class LastQuestions:
    """What each person last asked each command in each channel, for follow-ups (`and for staging?`).

    Kept in memory for `keep_seconds` (a conversation, not a history) and for at most `most` people at once (the
    oldest forgotten first); only the question's canonical text is kept, never an answer.
    """

    def __init__(self, keep_seconds: float = 1800.0, most: int = 10_000) -> None:
        self._keep_seconds = keep_seconds
        self._most = most
        self._lock = threading.Lock()
        self._asked: dict[tuple[str, ...], tuple[str, float]] = {}

    def remember(self, key: tuple[str, ...], text: str) -> None:
        with self._lock:
            self._asked.pop(key, None)
            self._asked[key] = (text, time.monotonic())
            while len(self._asked) > self._most:
                del self._asked[next(iter(self._asked))]

    def last(self, key: tuple[str, ...]) -> str | None:
        """The text last remembered under `key`, unless it is older than `keep_seconds`."""
        with self._lock:
            found = self._asked.get(key)
        if found is None or time.monotonic() - found[1] > self._keep_seconds:
            return None
        return found[0]


@dataclass
class Services:
    """The bot's long-lived collaborators (one per process)."""

    settings: Settings
    store: BillingStore
    state: StateStore
    vocabulary: VocabularyCache
    clock: Callable[[], datetime] = field(default=utc_now)
    last_questions: LastQuestions = field(default_factory=LastQuestions)

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
