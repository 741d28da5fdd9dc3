"""Is a billing source healthy? Judged from its delivery history and its latest ingest runs, with cause and fix.

A source is

- `failing` when its latest finished ingest run failed (an unreadable file, access denied, a refused
  re-delivery ...): the cause is the run's error and the fix its hint;
- `overdue` when it has not delivered for clearly longer than its own rhythm (`bot.ingest.rhythm`) although the
  bot reads it fine: the export itself stopped (deleted, paused, bucket policy changed, provider late);
- `waiting` when it has never delivered and has not been watched long enough to say so;
- `ok` otherwise.

Every unhealthy judgement carries an `incident` id that stays the same for as long as the incident lasts (the
first failed run of the streak; the last delivery before the silence), so an alert keyed by it is sent once, and
a recovery can be announced for exactly that incident.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from bot.ingest.rhythm import Rhythm, beats, humanize, learn_rhythm
from bot.state.ingest_runs import IngestRun

if TYPE_CHECKING:
    from bot.state.db import StateStore

HealthStatus = Literal["ok", "overdue", "failing", "waiting"]

FAILING_FIX = (
    "Run `trackit ingest {uri}` to see the error in full and `trackit doctor` to check the bot's access; "
    "the previous data stays live meanwhile."
)
OVERDUE_FIX = (
    "The bot reads the source fine but nothing new arrives: check that the export still exists and is active "
    "(AWS: Billing and Cost Management, Data Exports), that the bucket policy still lets the export service write "
    "(deploy/aws/trackit-aws.yaml has the one AWS requires), and that the export's bucket and prefix still match "
    "{uri}."
)


@dataclass(frozen=True)
class SourceHealth:
    """A source's state; `incident` is '' when ok or waiting, `since` when the incident began."""

    source_uri: str
    status: HealthStatus
    rhythm: Rhythm
    last_delivery: datetime | None
    silence: timedelta | None
    incident: str = ""
    since: datetime | None = None
    cause: str = ""
    fix: str = ""

    @property
    def healthy(self) -> bool:
        return self.status in ("ok", "waiting")

    def rhythm_text(self) -> str:
        """`usually every 8 h (learned from 42 deliveries)` or the prior's wording."""
        r = self.rhythm
        if not r.learned:
            return f"no rhythm learned yet (assumed at least daily, late after {humanize(r.overdue_after)})"
        return f"usually every {humanize(r.typical_gap)} (learned from {r.learned_from + 1} deliveries)"


def _split(message: str) -> tuple[str, str]:
    first, _, rest = message.strip().partition("\n")
    return first.strip(), rest.strip()


def judge_source(
    source_uri: str, delivered: Sequence[datetime], runs: Sequence[IngestRun], now: datetime
) -> SourceHealth:
    """The health of `source_uri` at `now` from its delivery times (any order) and its runs (newest first)."""
    rhythm = learn_rhythm(delivered)
    times = beats(delivered)
    last = max(delivered) if delivered else None
    silence = now - last if last is not None else None
    finished = [r for r in runs if r.status != "running"]
    if finished and finished[0].status != "ok":
        streak = []
        for run in finished:
            if run.status == "ok":
                break
            streak.append(run)
        first = streak[-1]
        cause, hint = _split(finished[0].message or "the ingest failed without a message")
        return SourceHealth(
            source_uri,
            "failing",
            rhythm,
            last,
            silence,
            incident=f"failed-{first.id}",
            since=first.started_at,
            cause=cause,
            fix=hint or FAILING_FIX.format(uri=source_uri),
        )
    if last is None or silence is None:
        watched = min((r.started_at for r in runs), default=None)
        if watched is not None and now - watched > rhythm.overdue_after:
            cause = f"no delivery has ever arrived in {source_uri} (watched for {humanize(now - watched)})"
            return SourceHealth(
                source_uri,
                "overdue",
                rhythm,
                None,
                None,
                incident="never",
                since=watched,
                cause=cause,
                fix=OVERDUE_FIX.format(uri=source_uri) + " A new export can take up to 24 h to deliver its first "
                "report.",
            )
        return SourceHealth(source_uri, "waiting", rhythm, None, None)
    if silence > rhythm.overdue_after:
        usual = (
            f"usually every {humanize(rhythm.typical_gap)}"
            if rhythm.learned
            else f"expected at least daily; the source has too little history ({len(times)} deliveries) to learn "
            "its own rhythm"
        )
        late = humanize(rhythm.overdue_after)
        cause = f"no new delivery in {source_uri} for {humanize(silence)} ({usual}; late after {late})"
        return SourceHealth(
            source_uri,
            "overdue",
            rhythm,
            last,
            silence,
            incident=f"overdue-{last:%Y%m%dT%H%M%S}",
            since=last,
            cause=cause,
            fix=OVERDUE_FIX.format(uri=source_uri),
        )
    return SourceHealth(source_uri, "ok", rhythm, last, silence)


def health_of_sources(state: StateStore, source_uris: Sequence[str], now: datetime) -> tuple[SourceHealth, ...]:
    """Each source's health from app state (its recorded deliveries and its last 20 ingest runs)."""
    from bot.state.ingest_runs import last_ingest_runs
    from bot.state.source_deliveries import delivery_times

    return tuple(
        judge_source(uri, delivery_times(state, uri), last_ingest_runs(state, limit=20, source_uri=uri), now)
        for uri in source_uris
    )
