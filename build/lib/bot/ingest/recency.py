"""FOCUS 1.3 recency metadata: how far a delivery's data is complete, as its data generator declares it.

FOCUS 1.3 adds a `Recency` metadata object per dataset instance, retrievable without reading the data (the spec's
example: `/FOCUS/metadata/recency/recency-<DatasetInstanceId>.json`). For a time-series dataset such as cost and
usage it holds `TimeSectors`: periods (`TimeSectorStart`, `TimeSectorEnd`, relative to ChargePeriodStart and
ChargePeriodEnd) each with `TimeSectorComplete` (whether the generator considers that period complete) and
`TimeSectorLastUpdated`; `RecencyLastUpdated` (`RecencyLastUpdateDate` in drafts) says when the object changed.
https://github.com/FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec/tree/working_draft/specification/metadata/recency

Where a source carries such objects (JSON files whose key names `recency`, or a metadata document with a
`Recency` collection), `complete_until` is the end of the unbroken run of complete time sectors from the start
of a billing period: the instant up to which the provider says the period's data will not change any more. The
pipeline records it with the delivery; `bot.billing.pace` then counts a day complete only when the provider
says so, instead of guessing from the newest usage hour. A delivery without recency metadata is unchanged.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from bot.billing.periods import add_months
from bot.ingest.layout import ObjectInfo

log = logging.getLogger(__name__)

#: A recency object is small (one entry per time sector); a bigger JSON file is not one.
MAX_BYTES = 5_000_000


@dataclass(frozen=True, order=True)
class TimeSector:
    """One time sector of a FOCUS recency object."""

    start: datetime
    end: datetime
    complete: bool


_TIME = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|z|UTC|[+-]\d\d:?\d\d)?\s*$"
)


def parse_time(text: object) -> datetime | None:
    """A FOCUS date/time (`2025-01-27T01:00:00Z`, also the spec examples' `2025-01-27T1:00:00z`), UTC; None
    when it is not one."""
    if not isinstance(text, str):
        return None
    m = _TIME.match(text)
    if not m:
        return None
    year, month, day, hour, minute, second, zone = m.groups()
    try:
        at = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), tzinfo=UTC)
    except ValueError:
        return None
    if zone and zone not in ("Z", "z", "UTC"):
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        at -= sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60) * _SECOND
    return at


_SECOND = datetime(2000, 1, 1, 0, 0, 1) - datetime(2000, 1, 1)


def _complete(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def sectors_of(doc: Any) -> list[TimeSector]:
    """The time sectors of a recency object, a list of them, or a metadata document with a `Recency`
    collection; sectors with an unreadable start, end or completeness are left out."""
    objects: Iterable[Any]
    if isinstance(doc, list):
        objects = doc
    elif isinstance(doc, dict) and isinstance(doc.get("Recency"), list):
        objects = doc["Recency"]
    else:
        objects = [doc]
    out: list[TimeSector] = []
    for obj in objects:
        if not isinstance(obj, dict) or not isinstance(obj.get("TimeSectors"), list):
            continue
        for sector in obj["TimeSectors"]:
            if not isinstance(sector, dict):
                continue
            start, end = parse_time(sector.get("TimeSectorStart")), parse_time(sector.get("TimeSectorEnd"))
            complete = _complete(sector.get("TimeSectorComplete"))
            if start is not None and end is not None and end > start and complete is not None:
                out.append(TimeSector(start, end, complete))
    return out


def is_recency_key(key: str) -> bool:
    """Whether a source object may be FOCUS recency metadata (a JSON file under a name saying so)."""
    lower = key.lower()
    return lower.endswith(".json") and not lower.endswith("manifest.json") and "recency" in lower


def sectors_in(objects: Sequence[ObjectInfo], read_bytes: Callable[[str], bytes]) -> tuple[TimeSector, ...]:
    """Every time sector of the recency metadata among a source's objects. An unreadable recency file is
    logged and left out: the data is loaded all the same, its freshness judged as without metadata."""
    out: list[TimeSector] = []
    for obj in objects:
        if not is_recency_key(obj.key) or obj.size > MAX_BYTES:
            continue
        try:
            doc = json.loads(read_bytes(obj.key))
        except (ValueError, UnicodeDecodeError) as exc:
            log.warning("%s: unreadable FOCUS recency metadata, ignored (%s)", obj.key, exc)
            continue
        found = sectors_of(doc)
        if not found:
            log.warning("%s: no FOCUS recency time sectors (TimeSectors) in it, ignored", obj.key)
        out.extend(found)
    return tuple(sorted(out))


def complete_until(sectors: Sequence[TimeSector], billing_period: date) -> datetime | None:
    """The end of the unbroken run of complete time sectors from the start of `billing_period` (at most its
    end); the period's start when its first sector is incomplete; None when no sector covers the period (no
    metadata for it: nothing is declared)."""
    start = datetime.combine(billing_period, datetime.min.time(), UTC)
    end = datetime.combine(add_months(billing_period, 1), datetime.min.time(), UTC)
    relevant = [s for s in sectors if s.start < end and s.end > start]
    if not relevant:
        return None
    cursor = start
    while cursor < end:
        here = [s for s in relevant if s.start <= cursor < s.end]
        if not here or not all(s.complete for s in here):  # a gap, or a sector still open: not complete
            break
        cursor = max(s.end for s in here)
    return min(cursor, end)
