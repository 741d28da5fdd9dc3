"""Integrity of a delivery before it is stored: rows filed under the wrong billing period, line items twice,
the same file twice. Each refusal names the file and says what would be right.

The readers (`bot.ingest.readers`) count rows of another period during the pass that computes the export's
totals (one extra aggregate, no extra read) and duplicate line items in a count of their own
(`count_duplicates`); only when a count is not zero are the files read again here to name the file, the
periods and the line items involved.
"""

from __future__ import annotations

import hashlib
import shutil
import uuid
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

import duckdb

from bot.errors import CorruptFile
from bot.ingest.csvfiles import DataFile
from bot.sqltext import quote_literal

_CHUNK = 1 << 20

#: Runs a query over the export files; a DuckDB failure raises an IngestError naming them.
Runner = Callable[[str], duckdb.DuckDBPyConnection]


#: Line-item keys one duplicate count holds: `count(DISTINCT ...)` keeps every key it counts in memory (the 30M-line
#: month fitted in 384 MB; the 100M one, and a GROUP BY of its keys, ran out of 1 GB).
KEYS_PER_COUNT = 25_000_000


def count_duplicates(run: Runner, keys: str, rows: int, scratch: Path) -> int:
    """Duplicate line items among `keys` (a relation of `__line_item`, a 64-bit hash, NULL for a row without an
    id) of a delivery of `rows` rows: rows beyond the first of each key.

    Up to `KEYS_PER_COUNT` rows, one count. Beyond, the keys are read once and written to parquet under
    `scratch`, partitioned by hash bucket (`COPY ... PARTITION_BY`: equal keys fall in the same bucket, about
    `KEYS_PER_COUNT` keys in each), and each bucket is counted on its own: one read of the delivery and memory
    bounded at any size, for 8 bytes of scratch disk per line item while it runs.
    """
    count = "SELECT count(__line_item) - count(DISTINCT __line_item) FROM {}"
    buckets = -(-rows // KEYS_PER_COUNT)
    if buckets <= 1:
        found = run(count.format(keys)).fetchone()
        return int(found[0]) if found else 0
    target = scratch / f"keys-{uuid.uuid4().hex[:12]}"
    try:
        scratch.mkdir(parents=True, exist_ok=True)
        run(
            f"COPY (SELECT __line_item, __line_item % {buckets} AS __bucket FROM {keys} WHERE __line_item IS NOT "
            f"NULL) TO {quote_literal(str(target))} (FORMAT parquet, PARTITION_BY (__bucket), COMPRESSION "
            "uncompressed)"
        )
        total = 0
        for bucket in sorted(target.glob("__bucket=*")):
            read = f"read_parquet({quote_literal(str(bucket / '*.parquet'))}, hive_partitioning = false)"
            found = run(count.format(read)).fetchone()
            total += int(found[0]) if found else 0
        return total
    finally:
        shutil.rmtree(target, ignore_errors=True)


def _periods(values: Sequence[date]) -> str:
    shown = [f"{p:%Y-%m}" for p in sorted(set(values))]
    if len(shown) == 1:
        return f"billing period {shown[0]}"
    return "billing periods " + ", ".join(shown[:-1]) + " and " + shown[-1]


def wrong_period(
    run: Runner,
    files: Sequence[DataFile],
    *,
    relation_with_part: str,
    period_sql: str,
    column: str,
    filed_under: date,
) -> CorruptFile:
    """The refusal of a delivery whose rows' billing period (`period_sql`, from the bill column `column`) is not
    `filed_under`, the period its layout names: each file with rows elsewhere, how many, and their periods."""
    rows = run(
        f"SELECT __part, {period_sql} AS p, count(*) FROM {relation_with_part} "
        f"WHERE p IS NOT NULL AND p <> DATE '{filed_under.isoformat()}' GROUP BY ALL ORDER BY 1, 2"
    ).fetchall()
    totals = dict(run(f"SELECT __part, count(*) FROM {relation_with_part} GROUP BY ALL").fetchall())
    by_file: dict[int, list[tuple[date, int]]] = {}
    for part, period, count in rows:
        by_file.setdefault(int(part), []).append((period, int(count)))
    parts = []
    for part, found in sorted(by_file.items()):
        n = sum(c for _, c in found)
        of = "all" if n == totals.get(part) else f"{n:,} of {totals.get(part, 0):,}"
        name = files[part].name if part < len(files) else f"file {part + 1}"
        parts.append(f"{name}: {of} rows belong to {_periods([p for p, _ in found])} ({column})")
    every = sorted({p for found in by_file.values() for p, _ in found})
    return CorruptFile(
        "; ".join(parts) + f", but the delivery is filed under billing period {filed_under:%Y-%m}; nothing was stored",
        hint=f"Put each billing period's files under its own folder or manifest ({_periods(every)} "
        f"{'is' if len(every) == 1 else 'are'} not {filed_under:%Y-%m}); AWS never mixes billing periods in one "
        "delivery.",
    )


def duplicate_line_items(
    run: Runner,
    files: Sequence[DataFile],
    *,
    relation_with_part: str,
    id_sql: str,
    interval_sql: str,
    columns: str,
) -> CorruptFile | None:
    """The refusal of line items that appear more than once in one file (same id, same time interval), or None
    when a closer look finds none (the readers count distinct 64-bit hashes; a collision is not a duplicate)."""
    rows = run(
        f"SELECT __part, {id_sql} AS id, {interval_sql} AS iv, count(*) AS n FROM {relation_with_part} "
        "WHERE NULLIF(TRIM(id), '') IS NOT NULL GROUP BY ALL HAVING count(*) > 1 ORDER BY 1, 4 DESC, 2, 3"
    ).fetchall()
    if not rows:
        return None
    extra = sum(int(r[3]) - 1 for r in rows)
    part, line_id, interval, n = rows[0]
    name = files[int(part)].name if int(part) < len(files) else f"file {int(part) + 1}"
    where = f" for {interval}" if interval else ""
    affected = {int(r[0]) for r in rows}
    more = f" ({extra:,} extra rows in {len(rows):,} line items" + (
        f", in {len(affected)} files)" if len(affected) > 1 else ")"
    )
    return CorruptFile(
        f"{name}: line item {line_id}{where} appears {n} times{more}; a line item appears once per file ({columns})",
        hint="The file holds the same rows twice (a concatenation or an append gone wrong); "
        "use the files exactly as AWS delivered them.",
    )


def identical_files(files: Sequence[DataFile]) -> None:
    """Refuse a delivery in which two files are byte for byte the same (a part copied twice).

    Only files of equal size are read (hashed), so a normal delivery costs one `stat` per file.
    """
    by_size: dict[int, list[DataFile]] = {}
    for f in files:
        by_size.setdefault(f.path.stat().st_size, []).append(f)
    for size, same in by_size.items():
        if len(same) < 2 or size == 0:
            continue
        seen: dict[str, DataFile] = {}
        for f in same:
            digest = _sha256(f.path)
            if digest in seen:
                raise CorruptFile(
                    f"{seen[digest].name} and {f.name} are the same file (identical content, {size:,} bytes): "
                    "every line item would count twice",
                    hint="A delivery lists each part once; remove the copy or use the manifest AWS wrote.",
                )
            seen[digest] = f


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()
