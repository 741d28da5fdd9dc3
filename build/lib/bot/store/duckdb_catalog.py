"""The DuckDB store's catalog: which immutable period file is live, published atomically across processes.

Layout of a store directory:

    <dir>/catalog.json          live delivery of every billing period and source (replaced atomically, never
                                edited); keyed `YYYY-MM-DD` for the default source "", `YYYY-MM-DD <source>`
                                otherwise (an entry without `source`, written before sources were recorded,
                                belongs to the source its `source_uri` names: `source_of_uri`)
    <dir>/catalog.lock          fcntl lock taken by anyone who rewrites catalog.json or deletes files
    <dir>/.catalog.json.<pid>.tmp           a catalog being written (under the lock; a leftover is garbage)
    <dir>/periods/<YYYY-MM>--<id>.duckdb     one immutable DuckDB file per (period, delivery) ...
    <dir>/periods/<YYYY-MM>--<id>-<n>.duckdb   ... or per part of it: a delivery of several export files is
                                            loaded file by file, and a period's entry lists its parts (format 2)
    <dir>/periods/.load-<token>.duckdb      a load in progress, with its .wal and .spill/, owned by whoever holds
    <dir>/periods/.load-<token>.lock        the flock on this file (`bot.scratch`): GC removes it once free
    <dir>/staging/                          ingest staging folders, lock-owned the same way (`bot.ingest.pipeline`)

Format 2 (this version) added the parts: an entry of several parts has `parts` and no `file` (a version that
knows only format 1 then refuses the catalog as unreadable instead of reading one part of a month); an entry of
one part keeps `file`, as format 1 wrote it. A catalog of a newer format than this version knows is refused.

Superseded files are listed under `retired` with the time they stopped being live and are deleted by
`collect_garbage` only after a grace period, so a reader in another process that attached them just before the
swap can finish its query.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from bot.billing.model import COST_CATEGORY_PREFIX, LINE_ITEM_COLUMN_NAMES, TAG_PREFIX, PeriodStatus, source_of_uri
from bot.errors import StoreError
from bot.scratch import collect

CATALOG_FILE = "catalog.json"
LOCK_FILE = "catalog.lock"
PERIODS_DIR = "periods"
LOAD_PREFIX = ".load-"
STAGING_DIR = "staging"
_CATALOG_TMP_PREFIX = f".{CATALOG_FILE}."
FORMAT_VERSION = 2


class NewerFormat(ValueError):
    """A catalog written by a newer version of the store."""


def utc(dt: datetime) -> datetime:
    """The same instant, timezone-aware UTC (a naive value is taken to be UTC already)."""
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _dt(text: str | None) -> datetime | None:
    return None if text is None else utc(datetime.fromisoformat(text))


#: A catalog entry's key: its billing period and its source.
EntryKey = tuple[date, str]


@dataclass(frozen=True)
class PartStats:
    """What loading one part measured, combined over parts into the entry (`CatalogEntry.combined`)."""

    rows: int
    billed_total: float
    data_from: datetime | None  # earliest charge_period_start
    #: Latest charge_period_end of the line items at most a day long, and of every line item: freshness is the
    #: first where any part has one (month-long fee lines end at the month's end from its first day).
    short_until: datetime | None
    any_until: datetime | None
    last_start: datetime | None
    final: bool
    tag_keys: tuple[str, ...]
    cost_categories: tuple[str, ...]
    currencies: tuple[str, ...]
    has_net_cost: bool

    @property
    def data_until(self) -> datetime | None:
        return self.short_until if self.short_until is not None else self.any_until

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "billed_total": self.billed_total,
            "data_from": _iso(self.data_from),
            "short_until": _iso(self.short_until),
            "any_until": _iso(self.any_until),
            "last_start": _iso(self.last_start),
            "final": self.final,
            "tag_keys": list(self.tag_keys),
            "cost_categories": list(self.cost_categories),
            "currencies": list(self.currencies),
            "has_net_cost": self.has_net_cost,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> PartStats:
        return cls(
            rows=int(raw["rows"]),
            billed_total=float(raw["billed_total"]),
            data_from=_dt(raw.get("data_from")),
            short_until=_dt(raw.get("short_until")),
            any_until=_dt(raw.get("any_until")),
            last_start=_dt(raw.get("last_start")),
            final=bool(raw["final"]),
            tag_keys=tuple(raw.get("tag_keys", ())),
            cost_categories=tuple(raw.get("cost_categories", ())),
            currencies=tuple(raw.get("currencies", ())),
            has_net_cost=bool(raw["has_net_cost"]),
        )


@dataclass(frozen=True)
class StoredPart:
    """One part file of a period entry and the export file it was loaded from (`name`, `size`, `digest`: its
    SHA-256; `fingerprint`: the transformation, see `bot.billing.store.SourcePart`), with what its load measured.
    A part loaded without an identity (the whole delivery as one SELECT) has empty `digest` and is never re-used.
    """

    file: str  # name under periods/
    name: str = ""
    size: int = 0
    digest: str = ""
    fingerprint: str = ""
    stats: PartStats | None = None

    @property
    def identity(self) -> tuple[int, str, str] | None:
        """What a re-delivered export file must match to re-use this part (None: never re-used)."""
        if not self.digest or not self.fingerprint or self.stats is None:
            return None
        return (self.size, self.digest, self.fingerprint)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "name": self.name,
            "size": self.size,
            "digest": self.digest,
            "fingerprint": self.fingerprint,
            "stats": None if self.stats is None else self.stats.to_json(),
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> StoredPart:
        stats = raw.get("stats")
        return cls(
            file=str(raw["file"]),
            name=str(raw.get("name", "")),
            size=int(raw.get("size", 0)),
            digest=str(raw.get("digest", "")),
            fingerprint=str(raw.get("fingerprint", "")),
            stats=None if stats is None else PartStats.from_json(stats),
        )


def _iso(dt: datetime | None) -> str | None:
    return None if dt is None else dt.isoformat()


@dataclass(frozen=True)
class CatalogEntry:
    """The live delivery of one billing period from one source and what was measured when it was loaded."""

    billing_period: date
    parts: tuple[StoredPart, ...]  # one or more part files under periods/, read together
    delivery_id: str
    delivered_at: datetime
    loaded_at: datetime
    source_format: str
    source_uri: str
    rows: int
    final: bool
    data_from: datetime | None  # earliest charge_period_start
    data_until: datetime | None  # latest charge_period_end
    billed_total: float
    tag_keys: tuple[str, ...] = ()
    cost_categories: tuple[str, ...] = ()
    last_start: datetime | None = None  # latest charge_period_start (None in catalogs written before it)
    #: Billing currencies of the line items and whether any carries a net cost (None in catalogs written
    #: before they were recorded: the store then reads them from the file, see `DuckDBStore._status`).
    currencies: tuple[str, ...] | None = None
    has_net_cost: bool | None = None
    source: str = ""
    complete_until: datetime | None = None  # the provider's declared completeness (FOCUS recency metadata)

    @property
    def key(self) -> EntryKey:
        return (self.billing_period, self.source)

    @classmethod
    def combined(
        cls,
        *,
        billing_period: date,
        parts: tuple[StoredPart, ...],
        delivery_id: str,
        delivered_at: datetime,
        loaded_at: datetime,
        source_format: str,
        source_uri: str,
        source: str,
        complete_until: datetime | None,
    ) -> CatalogEntry:
        """The entry of a delivery stored as `parts` (each with its stats), its measures combined over them."""
        stats = [p.stats for p in parts if p.stats is not None]
        assert len(stats) == len(parts), "every part of a new entry has its stats"
        starts = [s.data_from for s in stats if s.data_from is not None]
        short = [s.short_until for s in stats if s.short_until is not None]
        every = [s.any_until for s in stats if s.any_until is not None]
        last = [s.last_start for s in stats if s.last_start is not None]
        return cls(
            billing_period=billing_period,
            parts=parts,
            delivery_id=delivery_id,
            delivered_at=delivered_at,
            loaded_at=loaded_at,
            source_format=source_format,
            source_uri=source_uri,
            rows=sum(s.rows for s in stats),
            final=any(s.final for s in stats),
            data_from=min(starts, default=None),
            data_until=max(short, default=None) or max(every, default=None),
            billed_total=sum(s.billed_total for s in stats),
            tag_keys=tuple(sorted({k for s in stats for k in s.tag_keys})),
            cost_categories=tuple(sorted({c for s in stats for c in s.cost_categories})),
            last_start=max(last, default=None),
            currencies=tuple(sorted({c for s in stats for c in s.currencies})),
            has_net_cost=any(s.has_net_cost for s in stats),
            source=source,
            complete_until=complete_until,
        )

    @property
    def files(self) -> tuple[str, ...]:
        """The entry's part files (names under periods/), in load order."""
        return tuple(p.file for p in self.parts)

    def starts_before(self, instant: datetime) -> bool:
        """Whether some line item may start before `instant`."""
        return self.data_from is not None and self.data_from < instant

    def starts_at_or_after(self, instant: datetime) -> bool:
        """Whether some line item may start at or after `instant`."""
        if self.last_start is not None:
            return self.last_start >= instant
        # Without the latest start, the latest end bounds it (a line item may be zero-length).
        return self.data_until is not None and self.data_until >= instant

    @property
    def columns(self) -> frozenset[str]:
        return frozenset(
            (
                *LINE_ITEM_COLUMN_NAMES,
                *(TAG_PREFIX + k for k in self.tag_keys),
                *(COST_CATEGORY_PREFIX + c for c in self.cost_categories),
            )
        )

    def status(self, currencies: tuple[str, ...] = (), has_net_cost: bool = False) -> PeriodStatus:
        """The contract's view of this entry; `currencies` and `has_net_cost` stand in for unrecorded ones."""
        return PeriodStatus(
            billing_period=self.billing_period,
            delivery_id=self.delivery_id,
            delivered_at=self.delivered_at,
            loaded_at=self.loaded_at,
            source_format=self.source_format,
            source_uri=self.source_uri,
            rows=self.rows,
            final=self.final,
            data_until=self.data_until,
            billed_total=self.billed_total,
            currencies=self.currencies if self.currencies is not None else currencies,
            has_net_cost=self.has_net_cost if self.has_net_cost is not None else has_net_cost,
            source=self.source,
            complete_until=self.complete_until,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "billing_period": self.billing_period.isoformat(),
            # One plain part keeps format 1's `file`; parts otherwise (a format-1 reader then refuses).
            **(
                {"file": self.parts[0].file}
                if len(self.parts) == 1 and self.parts[0].identity is None
                else {"parts": [p.to_json() for p in self.parts]}
            ),
            "delivery_id": self.delivery_id,
            "delivered_at": self.delivered_at.isoformat(),
            "loaded_at": self.loaded_at.isoformat(),
            "source_format": self.source_format,
            "source_uri": self.source_uri,
            "rows": self.rows,
            "final": self.final,
            "data_from": None if self.data_from is None else self.data_from.isoformat(),
            "data_until": None if self.data_until is None else self.data_until.isoformat(),
            "billed_total": self.billed_total,
            "tag_keys": list(self.tag_keys),
            "cost_categories": list(self.cost_categories),
            "last_start": None if self.last_start is None else self.last_start.isoformat(),
            "currencies": None if self.currencies is None else list(self.currencies),
            "has_net_cost": self.has_net_cost,
            "source": self.source,
            "complete_until": None if self.complete_until is None else self.complete_until.isoformat(),
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> CatalogEntry:
        delivered_at = _dt(raw["delivered_at"])
        loaded_at = _dt(raw["loaded_at"])
        assert delivered_at is not None and loaded_at is not None
        return cls(
            billing_period=date.fromisoformat(raw["billing_period"]),
            parts=(
                tuple(StoredPart.from_json(p) for p in raw["parts"])
                if "parts" in raw
                else (StoredPart(str(raw["file"])),)
            ),
            delivery_id=str(raw["delivery_id"]),
            delivered_at=delivered_at,
            loaded_at=loaded_at,
            source_format=str(raw["source_format"]),
            source_uri=str(raw["source_uri"]),
            rows=int(raw["rows"]),
            final=bool(raw["final"]),
            data_from=_dt(raw.get("data_from")),
            data_until=_dt(raw.get("data_until")),
            billed_total=float(raw["billed_total"]),
            tag_keys=tuple(raw.get("tag_keys", ())),
            cost_categories=tuple(raw.get("cost_categories", ())),
            last_start=_dt(raw.get("last_start")),
            currencies=None if raw.get("currencies") is None else tuple(raw["currencies"]),
            has_net_cost=None if raw.get("has_net_cost") is None else bool(raw["has_net_cost"]),
            # Entries written before sources were recorded: the source their URI names.
            source=str(raw["source"]) if "source" in raw else source_of_uri(str(raw["source_uri"])),
            complete_until=_dt(raw.get("complete_until")),
        )


@dataclass(frozen=True)
class Catalog:
    """A snapshot of catalog.json. `version` increases with every publication."""

    version: int = 0
    entries: Mapping[EntryKey, CatalogEntry] = field(default_factory=dict)
    retired: tuple[tuple[str, datetime], ...] = ()  # (file name, when it stopped being live)

    def sorted_entries(self) -> list[CatalogEntry]:
        return [self.entries[k] for k in sorted(self.entries)]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION
            if any(len(e.parts) > 1 or e.parts[0].identity for e in self.entries.values())
            else 1,
            "version": self.version,
            "periods": {_json_key(k): e.to_json() for k, e in sorted(self.entries.items())},
            "retired": [{"file": f, "retired_at": t.isoformat()} for f, t in self.retired],
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Catalog:
        fmt = int(raw.get("format", 1))
        if fmt > FORMAT_VERSION:
            raise NewerFormat(
                f"it was written by a newer version of TrackIt (catalog format {fmt}; this version reads up to "
                f"{FORMAT_VERSION}); upgrade TrackIt to read this store"
            )
        loaded = [CatalogEntry.from_json(v) for v in raw.get("periods", {}).values()]
        entries = {e.key: e for e in loaded}
        retired = tuple((str(r["file"]), utc(datetime.fromisoformat(r["retired_at"]))) for r in raw.get("retired", ()))
        return cls(version=int(raw.get("version", 0)), entries=entries, retired=retired)

    def with_entry(self, entry: CatalogEntry, now: datetime) -> tuple[Catalog, CatalogEntry | None]:
        """A new version where `entry` is live for its period and source (the other sources' entries of the
        period stay); also returns the entry it replaced."""
        old = self.entries.get(entry.key)
        entries = dict(self.entries)
        entries[entry.key] = entry
        gone = () if old is None else tuple(f for f in old.files if f not in entry.files)  # re-used parts stay
        retired = tuple((f, t) for f, t in self.retired if f not in entry.files) + tuple((f, now) for f in gone)
        return Catalog(self.version + 1, entries, retired), old

    def without(self, billing_period: date, source: str | None, now: datetime) -> tuple[Catalog, list[CatalogEntry]]:
        """A new version without the period's entry from `source` (every source's when None); also returns the
        entries removed."""
        gone = [e for k, e in self.entries.items() if k[0] == billing_period and (source is None or k[1] == source)]
        if not gone:
            return self, []
        keys = {e.key for e in gone}
        entries = {k: v for k, v in self.entries.items() if k not in keys}
        return Catalog(self.version + 1, entries, (*self.retired, *((f, now) for e in gone for f in e.files))), gone


def _json_key(key: EntryKey) -> str:
    """`YYYY-MM-DD` for the default source (the key catalogs had before sources), `YYYY-MM-DD <source>` else."""
    period, source = key
    return period.isoformat() if not source else f"{period.isoformat()} {source}"


def catalog_signature(root: Path) -> tuple[int, int, int] | None:
    """A cheap fingerprint of catalog.json (inode, mtime, size): it changes with every publication,
    because a publication replaces the file (new inode) rather than editing it."""
    try:
        st = os.stat(root / CATALOG_FILE)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def read_catalog(root: Path) -> Catalog:
    """The current catalog (empty when the store is new). Raises StoreError when it is unreadable."""
    path = root / CATALOG_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Catalog()
    except OSError as exc:
        raise StoreError(f"cannot read billing catalog {path}: {exc}") from exc
    try:
        return Catalog.from_json(json.loads(text))
    except NewerFormat as exc:
        raise StoreError(f"cannot read billing catalog {path}: {exc}") from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise StoreError(f"billing catalog {path} is corrupt ({exc}); restore it or re-ingest") from exc


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_catalog(root: Path, catalog: Catalog) -> None:
    """Replace catalog.json atomically and durably (tmp file, fsync, rename, fsync directory).

    Call only while holding `catalog_lock`.
    """
    path = root / CATALOG_FILE
    tmp = root / f".{CATALOG_FILE}.{os.getpid()}.tmp"
    data = json.dumps(catalog.to_json(), indent=1, sort_keys=True).encode("utf-8")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        fsync_dir(root)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StoreError(f"cannot write billing catalog {path}: {exc}") from exc


@contextlib.contextmanager
def catalog_lock(root: Path) -> Iterator[None]:
    """Exclusive lock (across processes) for read-modify-write of the catalog and for deleting files."""
    fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _remove(path: Path) -> bool:
    try:
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    return True


def collect_garbage(root: Path, catalog: Catalog, grace_seconds: float, now: datetime) -> tuple[Catalog, list[str]]:
    """Delete what no reader can need; returns the catalog to publish (retired list pruned) and removed names.

    Removed: retired files older than the grace period; files of loads and ingest staging folders whose owner
    is gone (a crash or a SIGKILL: its flock is free, whichever container it ran in); catalog temp files
    (written only under the lock we hold, so any left is a crash's); orphans (a file that is neither live nor
    retired, e.g. a crash between the rename and the catalog write) older than the grace period. Call only
    while holding `catalog_lock`.
    """
    periods = root / PERIODS_DIR
    live = {f for e in catalog.entries.values() for f in e.files}
    keep_retired: list[tuple[str, datetime]] = []
    removed: list[str] = []
    for name, retired_at in catalog.retired:
        if name in live:
            continue
        if (now - retired_at).total_seconds() >= grace_seconds:
            for p in (periods / name, periods / (name + ".wal")):
                if _remove(p):
                    removed.append(p.name)
        else:
            keep_retired.append((name, retired_at))
    retired_names = {n for n, _ in keep_retired}
    for p in root.glob(_CATALOG_TMP_PREFIX + "*.tmp"):
        if _remove(p):
            removed.append(p.name)
    # Ingest staging folders in the store's folder: each owned through its flock like a load.
    removed.extend(collect(root / STAGING_DIR, "", grace_seconds=grace_seconds, now=now.timestamp()))
    if periods.is_dir():
        removed.extend(collect(periods, LOAD_PREFIX, grace_seconds=grace_seconds, now=now.timestamp()))
        for p in periods.iterdir():
            name = p.name
            if name.startswith(LOAD_PREFIX):
                continue
            base = name.removesuffix(".wal")
            if base in live or base in retired_names:
                continue
            try:
                age = now.timestamp() - p.stat().st_mtime
            except FileNotFoundError:
                continue
            if age >= grace_seconds and _remove(p):
                removed.append(name)
    pruned = replace(catalog, retired=tuple(keep_retired))
    return pruned, removed
