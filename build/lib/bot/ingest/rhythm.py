"""A billing source's delivery rhythm, learned from its own history, and when its silence is clearly too long.

Providers deliver on their own schedule: AWS refreshes a legacy CUR or CUR 2.0 up to three times a day and Data
Exports (FOCUS) about daily (https://docs.aws.amazon.com/cur/latest/userguide/what-is-data-exports.html), Azure
and Google daily, and none at exact times. So no fixed deadline is right for every source: the gaps between a
source's past deliveries say what is usual for it.

- One refresh writes several billing periods (this month and a revised last month) within minutes: deliveries
  closer than `BURST` count as one beat of the rhythm.
- The typical gap is the median of the last `WINDOW` gaps; the spread is their median absolute deviation, scaled
  to a standard deviation (x 1.4826), so one long outage or a burst of re-deliveries cannot move either much.
- A silence is *clearly* longer than usual past `max(2 x median, median + 4 x spread)`: a whole delivery missed,
  and well outside the source's own jitter.
- With fewer than `MIN_GAPS` gaps the rhythm falls back to the slowest documented cadence of the providers (daily)
  until the source has shown its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from statistics import median

#: Deliveries this close together are one refresh writing several billing periods.
BURST = timedelta(hours=1)
#: Gaps needed before the source's own rhythm replaces the prior.
MIN_GAPS = 5
#: The most recent gaps the rhythm is learned from (older behaviour fades out).
WINDOW = 60
#: Without history: every supported provider refreshes its export at least daily.
PRIOR_GAP = timedelta(days=1)
#: Scale of the median absolute deviation to a standard deviation (normal data).
_MAD_SCALE = 1.4826


@dataclass(frozen=True)
class Rhythm:
    """How often a source delivers: the typical gap, its robust spread, and the silence that is clearly late.

    `learned_from` is the number of gaps behind it (0: the prior, not enough history yet).
    """

    typical_gap: timedelta
    spread: timedelta
    overdue_after: timedelta
    learned_from: int

    @property
    def learned(self) -> bool:
        return self.learned_from > 0


def beats(delivered: Sequence[datetime]) -> list[datetime]:
    """Delivery times (any order) merged into refreshes: the first time of each burst, oldest first."""
    out: list[datetime] = []
    for at in sorted(delivered):
        if not out or at - out[-1] >= BURST:
            out.append(at)
    return out


def learn_rhythm(delivered: Sequence[datetime]) -> Rhythm:
    """The rhythm of a source from the times of its past deliveries (see the module docstring)."""
    times = beats(delivered)
    gaps = [(b - a).total_seconds() for a, b in pairwise(times)][-WINDOW:]
    if len(gaps) < MIN_GAPS:
        return Rhythm(PRIOR_GAP, timedelta(0), 2 * PRIOR_GAP, 0)
    typical = median(gaps)
    spread = _MAD_SCALE * median(abs(g - typical) for g in gaps)
    overdue = max(2 * typical, typical + 4 * spread)
    return Rhythm(timedelta(seconds=typical), timedelta(seconds=spread), timedelta(seconds=overdue), len(gaps))


def humanize(span: timedelta) -> str:
    """`3 d 4 h`, `7 h 20 min`, `12 min`: a duration as a person reads it (two units at most)."""
    minutes = max(0, int(span.total_seconds() // 60))
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {mins} min" if mins else f"{hours} h"
    return f"{mins} min"
