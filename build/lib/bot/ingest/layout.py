"""Find the deliveries in a listing of export objects: one per billing period, the latest one AWS announced.

Layouts understood (keys relative to the source root; the root may sit anywhere above them):

- legacy CUR: `<prefix>/<report>/yyyymmdd-yyyymmdd/<report>-Manifest.json` names the latest assembly
  (`assemblyId`, `reportKeys`); assembly-level manifests (`.../<assemblyId>/<report>-Manifest.json`) are used only
  when the period-level one is missing (newest first).
  See https://docs.aws.amazon.com/cur/latest/userguide/understanding-report-versions.html
- Data Exports (CUR 2.0, FOCUS): `metadata/BILLING_PERIOD=YYYY-MM/*-Manifest.json` with `dataFiles`.
  See https://docs.aws.amazon.com/cur/latest/userguide/dataexports-export-delivery.html
- Athena-enabled legacy CUR: `<report>/year=YYYY/month=M/*.parquet` (no manifest: the delivery id hashes the
  file names, sizes and times); likewise `data/BILLING_PERIOD=YYYY-MM/*` without a manifest.
- anything else: loose data files, whose billing periods are read from the data.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import PurePosixPath
from typing import Any

from bot.errors import CorruptFile, IngestError, UnknownFormat
from bot.ingest.readers import SUPPORTED_LAYOUTS, is_data_file


@dataclass(frozen=True)
class ObjectInfo:
    """One object of a source: key relative to the source root, size in bytes, last modification (UTC)."""

    key: str
    size: int
    modified: datetime


@dataclass(frozen=True)
class PlannedDelivery:
    """A delivery to ingest. `billing_period` is None for loose files (periods come from the data)."""

    billing_period: date | None
    delivery_id: str
    delivered_at: datetime
    format_hint: str  # "cur1", "cur2" or "" (decided by the header)
    keys: tuple[str, ...]
    report: str
    size: int
    manifest_key: str = ""


_PERIOD_DIR = re.compile(r"^(\d{8})-(\d{8})$")
_BILLING_PERIOD = re.compile(r"(?:^|/)BILLING_PERIOD=(\d{4})-(\d{1,2})(?:/|$)")
_HIVE = re.compile(r"^(?P<root>(?:.*/)?)year=(?P<y>\d{4})/month=(?P<m>\d{1,2})/[^/]+$")

ReadBytes = Callable[[str], bytes]


def plan_deliveries(objects: Sequence[ObjectInfo], read_bytes: ReadBytes) -> list[PlannedDelivery]:
    """The deliveries in `objects`, oldest billing period first.

    Raises `CorruptFile` for an unreadable manifest or one naming files that are absent, `IngestError` when two
    reports deliver the same billing period, and `UnknownFormat` when nothing looks like a billing export.
    """
    by_key = {o.key: o for o in objects}
    planned: list[PlannedDelivery] = []
    claimed: set[str] = set()
    manifests = [o for o in objects if o.key.lower().endswith("manifest.json")]

    cur1: dict[tuple[str, date], list[tuple[int, ObjectInfo, dict[str, Any]]]] = {}
    exports: dict[tuple[str, date], list[tuple[ObjectInfo, dict[str, Any]]]] = {}
    for obj in manifests:
        doc = _load_manifest(obj, read_bytes)
        path = PurePosixPath(obj.key)
        if "reportKeys" in doc:
            period = _manifest_period(doc, obj.key)
            if _PERIOD_DIR.match(path.parent.name):
                level, report = 0, str(path.parent.parent)
            else:
                level, report = 1, str(path.parent.parent.parent)
            cur1.setdefault((report, period), []).append((level, obj, doc))
        elif "dataFiles" in doc:
            m = _BILLING_PERIOD.search(obj.key)
            period = date(int(m[1]), int(m[2]), 1) if m else _manifest_period(doc, obj.key)
            root = obj.key.split("metadata/")[0] if "metadata/" in obj.key else str(path.parent)
            exports.setdefault((root, period), []).append((obj, doc))

    for (report, period), found in cur1.items():
        # Period-level first (AWS rewrites it for every assembly), then the newest assembly-level one.
        _level, obj, doc = sorted(found, key=lambda t: (t[0], -t[1].modified.timestamp()))[0]
        keys = _resolve(_listed(doc, "reportKeys", obj.key, period), by_key, obj.key)
        claimed.update(keys)
        claimed.update(o.key for _l, o, _d in found)
        planned.append(
            PlannedDelivery(
                billing_period=period,
                delivery_id=str(doc.get("assemblyId") or _hash_manifest(doc)),
                delivered_at=obj.modified,
                format_hint="cur1",
                keys=keys,
                report=str(doc.get("reportName") or report),
                size=sum(by_key[k].size for k in keys),
                manifest_key=obj.key,
            )
        )
    for (root, period), found2 in exports.items():
        obj, doc = max(found2, key=lambda t: t[0].modified)
        keys = _resolve(_listed(doc, "dataFiles", obj.key, period), by_key, obj.key)
        claimed.update(keys)
        claimed.update(o.key for o, _d in found2)
        names = [str(c.get("name", "")) for c in doc.get("columns") or [] if isinstance(c, dict)]
        delivery_id = doc.get("executionId") or doc.get("assemblyId") or _hash_manifest(doc)
        planned.append(
            PlannedDelivery(
                billing_period=period,
                delivery_id=str(delivery_id),
                delivered_at=obj.modified,
                format_hint="" if "BilledCost" in names else "cur2",
                keys=keys,
                report=str(doc.get("exportName") or doc.get("reportName") or root.rstrip("/") or "export"),
                size=sum(by_key[k].size for k in keys),
                manifest_key=obj.key,
            )
        )

    # Partitioned data without manifests (Athena-enabled legacy CUR, Data Exports data folders).
    partitions: dict[tuple[str, date, str], list[ObjectInfo]] = {}
    for obj in objects:
        if obj.key in claimed or not is_data_file(obj.key):
            continue
        hive = _HIVE.match(obj.key)
        bp = _BILLING_PERIOD.search(obj.key)
        if hive:
            partitions.setdefault((hive["root"], date(int(hive["y"]), int(hive["m"]), 1), "cur1"), []).append(obj)
        elif bp:
            root = obj.key[: bp.start()]
            partitions.setdefault((root, date(int(bp[1]), int(bp[2]), 1), "cur2"), []).append(obj)
    for (root, period, hint), objs in partitions.items():
        if any(p.billing_period == period for p in planned):
            continue  # a manifest already announced this period: its unreferenced files are old assemblies
        claimed.update(o.key for o in objs)
        planned.append(_hashed(objs, period, hint, root.rstrip("/") or "export"))

    if not planned:
        loose = [o for o in objects if is_data_file(o.key)]
        if not loose:
            shown = ", ".join(o.key for o in objects[:5]) or "(nothing)"
            raise UnknownFormat(
                f"no billing export found (saw {shown})",
                hint="Supported layouts: " + "; ".join(SUPPORTED_LAYOUTS) + ".",
            )
        return [_hashed(loose, None, "", "files")]

    _reject_duplicate_periods(planned)
    return sorted(planned, key=lambda p: (p.billing_period or date.min, p.report))


def _hashed(objs: Sequence[ObjectInfo], period: date | None, hint: str, report: str) -> PlannedDelivery:
    digest = hashlib.sha256()
    for o in sorted(objs, key=lambda o: o.key):
        digest.update(f"{o.key}\0{o.size}\0{o.modified.isoformat()}\n".encode())
    return PlannedDelivery(
        billing_period=period,
        delivery_id="files-" + digest.hexdigest()[:16],
        delivered_at=max(o.modified for o in objs),
        format_hint=hint,
        keys=tuple(sorted(o.key for o in objs)),
        report=report,
        size=sum(o.size for o in objs),
    )


def _reject_duplicate_periods(planned: Sequence[PlannedDelivery]) -> None:
    seen: dict[date, str] = {}
    for p in planned:
        if p.billing_period is None:
            continue
        if p.billing_period in seen and seen[p.billing_period] != p.report:
            raise IngestError(
                f"two reports deliver billing period {p.billing_period:%Y-%m}: {seen[p.billing_period]} and {p.report}",
                hint="Point the source at one report's prefix (s3://bucket/prefix/report or its directory).",
            )
        seen[p.billing_period] = p.report


def _listed(doc: dict[str, Any], field: str, key: str, period: date) -> list[Any]:
    """The data files a manifest lists under `field`; raises `CorruptFile` naming the manifest and its period
    when it lists none (AWS writes at least one file, header-only for a month without charges)."""
    listed = doc.get(field)
    if not isinstance(listed, list) or not listed:
        raise CorruptFile(
            f"{key}: the manifest of billing period {period:%Y-%m} lists no data files ({field} is "
            f"{'empty' if isinstance(listed, list) else 'missing'})",
            hint="The delivery is incomplete or still being written; AWS rewrites the manifest when it is done. "
            "Try again later.",
        )
    return listed


def _load_manifest(obj: ObjectInfo, read_bytes: ReadBytes) -> dict[str, Any]:
    raw = read_bytes(obj.key)
    if not raw.strip():
        raise CorruptFile(
            f"{obj.key}: empty manifest ({len(raw)} bytes)",
            hint="The delivery is still being written, or the download was cut short; AWS rewrites the manifest "
            "with each delivery. Try again later.",
        )
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CorruptFile(
            f"{obj.key}: unreadable manifest ({exc})", hint="AWS rewrites the manifest with each delivery."
        ) from exc
    if not isinstance(doc, dict):
        raise CorruptFile(f"{obj.key}: unreadable manifest (a JSON object was expected)")
    return doc


def _manifest_period(doc: dict[str, Any], key: str) -> date:
    start = doc.get("billingPeriod", {}).get("start") if isinstance(doc.get("billingPeriod"), dict) else None
    if isinstance(start, str):
        m = re.match(r"(\d{4})-?(\d{2})", start)
        if m:
            return date(int(m[1]), int(m[2]), 1)
    for part in PurePosixPath(key).parts:
        pm = _PERIOD_DIR.match(part)
        if pm:
            return date(int(pm[1][:4]), int(pm[1][4:6]), 1)
    raise CorruptFile(f"{key}: the manifest names no billing period (billingPeriod.start)")


def _hash_manifest(doc: dict[str, Any]) -> str:
    return "manifest-" + hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()[:16]


def _resolve(names: Sequence[Any], by_key: dict[str, ObjectInfo], manifest_key: str) -> tuple[str, ...]:
    """Map the manifest's bucket-relative keys (or s3:// URIs) onto the listed keys, by path suffix."""
    by_name: dict[str, list[str]] = {}
    for key in by_key:
        by_name.setdefault(PurePosixPath(key).name, []).append(key)
    out: list[str] = []
    for raw in names:
        ref = re.sub(r"^s3://[^/]+/", "", str(raw)).lstrip("/")
        hits = [k for k in by_name.get(PurePosixPath(ref).name, []) if ref == k or ref.endswith("/" + k)]
        hits = hits or [k for k in by_name.get(PurePosixPath(ref).name, []) if k.endswith("/" + ref)]
        if not hits:
            raise CorruptFile(
                f"{manifest_key}: names {raw}, which is not in the source",
                hint="The delivery is incomplete or still being written; try again later.",
            )
        out.append(max(hits, key=len))
    return tuple(out)


def utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)
