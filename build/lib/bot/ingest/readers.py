"""Format readers: local export files -> a `NormalizedSource` (a DuckDB SELECT plus the export's own totals).

A reader never loads rows into Python: it inspects headers (or the parquet schema), checks the required columns,
renders the format's mapping table (`bot.ingest.mapping`) into SQL, and asks DuckDB for the export's own row
count and DECIMAL sum of unblended cost. The store runs the SELECT itself.

CSV is read strictly (`bot.ingest.csvfiles`): each file with its own checked header, every row with exactly one
value per column, or the file and line are named. Each export file is decompressed and parsed once. CSV is
staged part by part (`bot.ingest.parts`: an export file, or a run of small ones): each part's normalised rows
are written to a parquet file of its own in the ingest's staging folder (every value cast there, so bad input
fails before the store is touched; parts staged as many at once as the connection has threads), the totals and
integrity checks are computed from those files, and the store loads each part from its file (`SourcePart`:
in parallel, keeping the parts a re-delivery repeats). When more passes are needed first (billing periods of a
file without a manifest, keys of JSON map columns), the raw CSV is staged as text parquet, one file per part,
and every pass reads those. Parquet is read in place: one pass for the totals, the integrity checks and the
casts that can fail, then the store's, one part per export file.
DuckDB reads each gzip stream to its end; when it fails, the streams are read again in Python to name the file
and say whether it is truncated or corrupt.

Integrity checks, before anything is stored (`bot.ingest.integrity` words the refusals):
- the billing period of every row (the bill columns: `bill/BillingPeriodStartDate`,
  `bill_billing_period_start_date`, FOCUS `BillingPeriodStart`) must be the one the layout files it under;
- a line item (id and time interval) may appear once per file: CUR promises ids unique within one file of a
  delivery only, and repeats an id for every hour or day of the same usage. FOCUS has no line item id, and two
  identical FOCUS rows can be two genuine charges, so FOCUS rows are never refused as duplicates; identical
  files within one delivery are refused for every format (`integrity.identical_files`).

CSV is always read as text with explicit null strings, so 12-digit account ids keep their leading zeros and
numbers are cast in SQL, where a bad value fails loudly instead of turning into NULL.
"""

from __future__ import annotations

import functools
import re
import uuid
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from bot.billing.model import COST_CATEGORY_PREFIX, LINE_ITEM_COLUMNS, TAG_PREFIX, Delivery
from bot.billing.store import NormalizedSource, SourcePart
from bot.errors import CorruptFile, IngestError, MissingColumns, UnknownFormat
from bot.ingest import csvfiles, integrity, parts
from bot.ingest.csvfiles import DataFile
from bot.ingest.mapping import (
    AZURE_EA,
    CUR1,
    CUR2,
    FOCUS,
    GCP_BILLING,
    OCI_COST,
    Col,
    Const,
    Expr,
    FormatSpec,
    athena_name,
    tag_key_from_snake,
)
from bot.parallel import FirstFailure, run_until_first_failure
from bot.scratch import disk_full, is_disk_full
from bot.sqltext import quote_ident, quote_literal

__all__ = ["DataFile"]

CSV_SUFFIXES = (".csv", ".csv.gz", ".gz", ".csv.zip", ".zip")
PARQUET_SUFFIXES = (".parquet", ".snappy.parquet", ".gz.parquet")
DATA_SUFFIXES = CSV_SUFFIXES + PARQUET_SUFFIXES

SUPPORTED_LAYOUTS = (
    "legacy CUR (csv, csv.gz or zip with <report>-Manifest.json per billing period)",
    "legacy CUR Athena/parquet (<report>/year=YYYY/month=M/*.parquet)",
    "CUR 2.0 or FOCUS Data Exports (data/BILLING_PERIOD=YYYY-MM/ + metadata/BILLING_PERIOD=YYYY-MM/*-Manifest.json)",
    "a single CUR or FOCUS file (csv, csv.gz, zip or parquet)",
    "Google Cloud Billing export table extracted as parquet (loose files, months read from invoice.month)",
)

_CHUNK = 1 << 20
#: The column a staged copy numbers its export file in (which file a row came from, for checks and messages).
PART = "__part"
#: Top-level columns only a Google Cloud Billing export has together (`bot.ingest.gcp`).
GCP_SIGNATURE = frozenset({"cost", "usage_start_time", "service", "sku"})


def is_parquet(path: Path | str) -> bool:
    return str(path).lower().endswith(".parquet")


def is_data_file(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(DATA_SUFFIXES) and not lower.endswith("manifest.json")


# ---------------------------------------------------------------------------------------- validation


def prepare_files(files: Sequence[Path], workdir: Path) -> list[DataFile]:
    """Return the files DuckDB should read: zip archives are checked and their CSV members extracted into
    `workdir` (named `archive.zip (member x.csv)` in messages); other files are returned as they are.

    Gzip streams are not read here: DuckDB reads each one to its end when it parses the file and fails on a
    truncated or corrupt stream, and `run` then names the file and the problem (`diagnose_gzip`).
    """
    out: list[DataFile] = []
    for path in files:
        if path.name.lower().endswith(".zip"):
            out.extend(_extract_zip(path, workdir))
        else:
            out.append(DataFile(path, path.name))
    return out


def diagnose_gzip(files: Sequence[DataFile]) -> None:
    """Read every gzip stream among `files` to its end; raises `CorruptFile` naming the first bad file.

    Used after DuckDB failed on the files, to tell a truncated download from a corrupt one and name it.
    """
    for f in files:
        if f.path.name.lower().endswith(".gz"):
            csvfiles.check_gzip(f)


def _extract_zip(path: Path, workdir: Path) -> list[DataFile]:
    if path.stat().st_size == 0:
        raise CorruptFile(f"{path.name}: empty file (0 bytes)", hint="Download the file again.")
    try:
        with zipfile.ZipFile(path) as archive:
            bad = archive.testzip()
            if bad is not None:
                raise CorruptFile(f"{path.name}: member {bad} of the zip archive is corrupt")
            members = [m for m in archive.namelist() if m.lower().endswith(".csv")]
            if not members:
                raise CorruptFile(f"{path.name}: the zip archive holds no .csv file")
            target = workdir / (path.name + ".d")
            target.mkdir(parents=True, exist_ok=True)
            extracted = []
            for i, member in enumerate(members):
                dest = target / f"{i}-{Path(member).name}"
                with archive.open(member) as src, dest.open("wb") as dst:
                    while chunk := src.read(_CHUNK):
                        dst.write(chunk)
                extracted.append(DataFile(dest.resolve(), f"{path.name} (member {member})"))
            return extracted
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise CorruptFile(f"{path.name}: not a readable zip archive ({exc})") from exc
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full(workdir, f"extracting {path.name}") from exc
        raise


# -------------------------------------------------------------------------------------- inspection


@dataclass(frozen=True)
class Inspected:
    """What the files hold: their column names and DuckDB types (union over files, first spelling wins).

    For CSV, `headers` holds each file's own header (files are read with exactly their columns). A staged copy
    (`staged`) is parquet whose rows carry the number of the export file they came from (`__part`); `sources`
    are then the export files it was made from, and `groups` which export files each staged file holds (one
    staged file per part; empty for a copy staged as one file).
    """

    files: tuple[DataFile, ...]
    parquet: bool
    columns: dict[str, str]  # name -> DuckDB type
    headers: tuple[tuple[str, ...], ...] = ()
    sources: tuple[DataFile, ...] = ()
    staged: bool = False
    groups: tuple[tuple[int, ...], ...] = ()

    @property
    def named(self) -> tuple[DataFile, ...]:
        """The files an error message should name: the export's own, not a staged copy."""
        return self.sources or self.files

    def relation(self, null_strings: Sequence[str], *, part: bool = False) -> str:
        """A FROM-able relation over every file; with `part`, a `__part` column numbers the export file."""
        if self.staged:
            read = f"read_parquet({_path_list(self.files)})"
            return read if part else f"(SELECT * EXCLUDE ({PART}) FROM {read})"
        if self.parquet:
            if not part:
                return f"read_parquet({_path_list(self.files)}, union_by_name = true)"
            branches = [
                f"SELECT *, {i} AS {PART} FROM read_parquet({quote_literal(str(f.path))})"
                for i, f in enumerate(self.files)
            ]
        else:
            branches = [
                csvfiles.file_relation(f, h, null_strings, i if part else None)
                for i, (f, h) in enumerate(zip(self.files, self.headers, strict=True))
            ]
        return "(" + " UNION ALL BY NAME ".join(branches) + ")"

    def split(self) -> list[tuple[int, ...]]:
        """The parts of a CSV delivery (raw or staged): the export files (indices into `named`) of each, in
        order (`bot.ingest.parts.group_files`). Not for parquet read in place (`_parts` splits it by file)."""
        if self.staged:
            return list(self.groups) or [tuple(range(len(self.named)))]
        return parts.group_files([f.path.stat().st_size for f in self.files])

    def part_relation(self, index: int, members: Sequence[int], null_strings: Sequence[str]) -> str:
        """A FROM-able relation over part `index` of `split()` (its export files `members`) with every column of
        the delivery (NULL where a file lacks one) and `__part`, the export file's number in the delivery."""
        if self.staged:
            if not self.groups:
                return self.relation(null_strings, part=True)
            return f"read_parquet({quote_literal(str(self.files[index].path))})"
        branches = []
        for i in members:
            present = {h.lower() for h in self.headers[i]}
            cols = ", ".join(
                quote_ident(c) if c.lower() in present else f"NULL::VARCHAR AS {quote_ident(c)}" for c in self.columns
            )
            read = csvfiles.file_relation(self.files[i], self.headers[i], null_strings, None)
            branches.append(f"SELECT {cols}, {i} AS {PART} FROM ({read})")
        return "(" + " UNION ALL ".join(branches) + ")"


def _path_list(files: Sequence[DataFile]) -> str:
    """The files' paths as a DuckDB list literal, for `read_parquet([...])`."""
    return "[" + ", ".join(quote_literal(str(f.path)) for f in files) + "]"


def inspect_files(files: Sequence[DataFile | Path], con: duckdb.DuckDBPyConnection) -> Inspected:
    """Read and check headers (CSV) or schemas (parquet) of already validated files.

    Raises `UnknownFormat` on a mix of CSV and parquet, `CorruptFile` naming the file for an empty file, an
    unreadable parquet file or a bad header (`csvfiles.check_header`).
    """
    data = [DataFile.of(f) for f in files]
    if not data:
        raise UnknownFormat("no data files to read")
    kinds = {is_parquet(f.path) for f in data}
    if len(kinds) > 1:
        raise UnknownFormat("a delivery mixes parquet and CSV files: " + ", ".join(f.name for f in data))
    parquet = kinds.pop()
    columns: dict[str, str] = {}
    headers: list[tuple[str, ...]] = []
    lower_seen: set[str] = set()
    for f in data:
        if parquet:
            pairs = _parquet_columns(f, con)
        else:
            header = csvfiles.read_header(f)
            headers.append(header)
            pairs = [(h, "VARCHAR") for h in header]
        for name, typ in pairs:
            if name.lower() not in lower_seen:
                lower_seen.add(name.lower())
                columns[name] = typ
    return Inspected(tuple(data), parquet, columns, tuple(headers))


def _parquet_columns(file: DataFile, con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Top-level columns of a parquet file with their DuckDB types, the file's own names checked first
    (DuckDB renames a repeated name to `name_1`, which would hide it)."""
    if file.path.stat().st_size == 0:
        raise CorruptFile(f"{file.name}: empty file (0 bytes)", hint="Download the file again.")
    try:
        schema = con.execute(
            f"SELECT name, num_children FROM parquet_schema({quote_literal(str(file.path))})"
        ).fetchall()
        described = con.execute(f"DESCRIBE SELECT * FROM read_parquet({quote_literal(str(file.path))})").fetchall()
    except duckdb.Error as exc:
        raise CorruptFile(f"{file.name}: not a readable parquet file ({_first_line(exc)})") from exc
    csvfiles.check_header(_top_level_names(schema), file.name)
    return [(str(r[0]), str(r[1])) for r in described]


def _top_level_names(schema: Sequence[tuple[object, ...]]) -> list[str]:
    """The top-level field names of a flattened parquet schema (depth-first, root first, with child counts)."""
    names: list[str] = []

    def skip(i: int) -> int:  # index after the subtree at i
        children = int(str(schema[i][1] or 0))
        i += 1
        for _ in range(children):
            i = skip(i)
        return i

    if not schema:
        return names
    i = 1
    for _ in range(int(str(schema[0][1] or 0))):
        names.append(str(schema[i][0]))
        i = skip(i)
    return names


def detect_format(columns: Sequence[str], hint: str = "") -> FormatSpec:
    """Which format a set of columns is: FOCUS (BilledCost), Google Cloud Billing (cost, usage_start_time,
    service, sku), OCI's cost report (cost/myCost), Azure's usage
    details (CostInBillingCurrency, MeterCategory), CUR 2.0 (map columns or a Data Exports layout), or legacy CUR
    (slash or Athena names). Raises `UnknownFormat` otherwise."""
    lower = {c.lower() for c in columns}
    if "billedcost" in lower or "chargeperiodstart" in lower:
        return FOCUS
    if lower >= GCP_SIGNATURE:  # the raw export: `bot.ingest.gcp.flatten` makes the rows GCP_BILLING reads
        return GCP_BILLING
    if "cost/mycost" in lower:  # OCI's cost report also has lineItem/ columns: before legacy CUR
        return OCI_COST
    if "costinbillingcurrency" in lower and "metercategory" in lower:
        return AZURE_EA
    if any(c.startswith("lineitem/") for c in lower):
        return CUR1
    if any(c.startswith("line_item_") for c in lower):
        cur2_maps = {"resource_tags", "cost_category", "product", "discount"}
        return CUR2 if hint == "cur2" or lower & cur2_maps else CUR1
    shown = ", ".join(list(columns)[:8]) or "(no header)"
    raise UnknownFormat(
        f"unrecognised columns: {shown}",
        hint="Supported: " + "; ".join(SUPPORTED_LAYOUTS) + ".",
    )


# ------------------------------------------------------------------------------------------ rendering


class _Resolver:
    """Finds source columns for the names used in mapping tables and renders typed SQL for them."""

    def __init__(self, spec: FormatSpec, columns: dict[str, str]) -> None:
        self.spec = spec
        self.columns = columns
        self._by_lower = {c.lower(): c for c in columns}

    def find(self, name: str) -> str | None:
        hit = self._by_lower.get(name.lower())
        if hit is None and "/" in name:
            hit = self._by_lower.get(athena_name(name))
        return hit

    def typed(self, kind: str, name: str) -> str:
        if kind == "m":
            return self._map_value(name)
        col = self.find(name)
        if col is None:
            return "NULL"
        typ = self.columns[col].upper()
        ref = quote_ident(col)
        if kind == "d":
            return f"CAST({ref} AS DOUBLE)"
        if kind == "s":
            return f"NULLIF(TRIM({ref}), '')" if typ == "VARCHAR" else f"CAST({ref} AS VARCHAR)"
        if kind == "t":
            return timestamp_sql(ref, typ)
        raise ValueError(f"unknown placeholder kind {kind!r}")

    def _map_value(self, dotted: str) -> str:
        column, _, key = dotted.partition(".")
        col = self.find(column)
        if col is None:
            return "NULL"
        return map_value_sql(quote_ident(col), self.columns[col], key)

    def render(self, template: str) -> str:
        return re.sub(r"\{([dstm]):([^{}]+)\}", lambda m: self.typed(m[1], m[2]), template)

    def rule_sql(self, column: str, typ: str) -> str:
        rule = self.spec.rules[column]
        kind = {"DOUBLE": "d", "VARCHAR": "s", "TIMESTAMP": "t"}[typ]
        if isinstance(rule, Col):
            present = [self.typed(kind, n) for n in rule.names if self.find(n) is not None]
            expr = "NULL" if not present else present[0] if len(present) == 1 else f"COALESCE({', '.join(present)})"
        elif isinstance(rule, Expr):
            expr = self.render(rule.template)
        elif isinstance(rule, Const):
            expr = rule.sql
        if typ == "VARCHAR":
            return f"COALESCE(CAST({expr} AS VARCHAR), '')"
        return f"CAST({expr} AS {typ})"


def timestamp_sql(ref: str, typ: str) -> str:
    """UTC TIMESTAMP from a column: text with or without `Z`/offset, TIMESTAMP, or TIMESTAMP WITH TIME ZONE."""
    if typ == "VARCHAR":
        # TIMESTAMP casts ignore an explicit offset, so apply non-UTC offsets through TIMESTAMPTZ.
        return (
            f"CASE WHEN regexp_matches({ref}, ':\\d\\d(\\.\\d+)?[+-]\\d\\d(:?\\d\\d)?$') "
            f"THEN timezone('UTC', CAST({ref} AS TIMESTAMPTZ)) ELSE CAST(NULLIF(TRIM({ref}), '') AS TIMESTAMP) END"
        )
    if "TIME ZONE" in typ:
        return f"timezone('UTC', {ref})"
    return f"CAST({ref} AS TIMESTAMP)"


def map_value_sql(ref: str, typ: str, key: str) -> str:
    """A value of a map column (parquet MAP) or of a JSON object held as text (CSV), empty -> NULL."""
    if typ.upper().startswith("MAP"):
        return f"NULLIF(CAST({ref}[{quote_literal(key)}] AS VARCHAR), '')"
    path = '$."' + key.replace('"', '\\"') + '"'
    return f"NULLIF(json_extract_string({ref}, {quote_literal(path)}), '')"


# ---------------------------------------------------------------------------------- tags, categories


@dataclass(frozen=True)
class _Extra:
    """Extra VARCHAR columns (tags or cost categories): output name -> SQL expressions to COALESCE."""

    keys: tuple[str, ...]
    exprs: dict[str, list[str]]


def _extras(
    resolver: _Resolver,
    con: duckdb.DuckDBPyConnection,
    relation: str,
    *,
    slash_prefixes: tuple[str, ...],
    snake_prefix: str,
    map_columns: tuple[str, ...],
    snake_keys: bool,
) -> _Extra:
    exprs: dict[str, list[str]] = {}
    for col, typ in resolver.columns.items():
        lower = col.lower()
        key: str | None = None
        for prefix in slash_prefixes:
            if lower.startswith(prefix.lower()):
                key = col[len(prefix) :]
        if key is None and lower.startswith(snake_prefix) and len(lower) > len(snake_prefix):
            rest = col[len(snake_prefix) :]
            key = tag_key_from_snake(rest) if snake_keys else rest
        if key:
            ref = quote_ident(col)
            value = f"NULLIF(TRIM({ref}), '')" if typ == "VARCHAR" else f"CAST({ref} AS VARCHAR)"
            exprs.setdefault(key, []).append(value)
    for map_name in map_columns:
        map_col = resolver.find(map_name)
        if map_col is None:
            continue
        typ = resolver.columns[map_col]
        keys_sql = (
            f"map_keys({quote_ident(map_col)})"
            if typ.upper().startswith("MAP")
            else f"json_keys({quote_ident(map_col)})"
        )
        found = _distinct_keys(con, keys_sql, relation, f"column {map_col}: not a map or JSON object")
        for raw in found:
            key = tag_key_from_snake(str(raw)) if snake_keys else str(raw)
            exprs.setdefault(key, []).append(map_value_sql(quote_ident(map_col), typ, str(raw)))
    return _Extra(tuple(sorted(exprs)), exprs)


def _distinct_keys(con: duckdb.DuckDBPyConnection, keys_sql: str, relation: str, refusal: str) -> list[object]:
    """The distinct non-null keys `keys_sql` (a list expression per row) yields over `relation`, sorted; a column
    DuckDB cannot read as keys raises `CorruptFile` with `refusal` and DuckDB's first line."""
    try:
        rows = con.execute(
            f"SELECT DISTINCT k FROM (SELECT unnest({keys_sql}) AS k FROM {relation}) WHERE k IS NOT NULL ORDER BY k"
        ).fetchall()
    except duckdb.Error as exc:
        raise CorruptFile(f"{refusal} ({_first_line(exc)})") from exc
    return [k for (k,) in rows]


#: Map columns (parquet MAP or JSON text) whose keys become tag / cost category columns, per format.
_MAP_COLUMNS: dict[str, tuple[str, ...]] = {
    "focus": ("Tags", "x_CostCategories"),
    "cur1": ("resource_tags", "cost_category"),
}
_MAP_COLUMNS["cur2"] = _MAP_COLUMNS["cur1"]
_MAP_COLUMNS["oci"] = ()
_MAP_COLUMNS["azure"] = ("Tags",)
_MAP_COLUMNS["gcp"] = ("labels",)

#: FOCUS 1.2 with AWS columns has no x_CostCategories: AWS puts cost categories in Tags, keys prefixed so.
FOCUS_COST_CATEGORY_TAG = "costCategory/"


def has_map_columns(spec: FormatSpec, inspected: Inspected) -> bool:
    """Whether the files have a map column whose keys must be listed (a pass over the data) before rendering."""
    resolver = _Resolver(spec, inspected.columns)
    return any(resolver.find(c) is not None for c in _MAP_COLUMNS[spec.name])


def _tags_and_categories(
    spec: FormatSpec, resolver: _Resolver, con: duckdb.DuckDBPyConnection, relation: str
) -> tuple[_Extra, _Extra]:
    none = _Extra((), {})
    if spec is OCI_COST:  # one column per tag: tags/<namespace>.<key>
        tags = _extras(
            resolver, con, relation, slash_prefixes=("tags/",), snake_prefix="\0", map_columns=(), snake_keys=False
        )
        return tags, none
    if spec is AZURE_EA:
        return _azure_tags(resolver, con, relation), none
    if spec is GCP_BILLING:  # the row's labels, as a map by `bot.ingest.gcp.flatten`
        tags = _extras(
            resolver, con, relation, slash_prefixes=(), snake_prefix="\0", map_columns=("labels",), snake_keys=False
        )
        return tags, none
    if spec is FOCUS:
        tags = _extras(
            resolver, con, relation, slash_prefixes=(), snake_prefix="\0", map_columns=("Tags",), snake_keys=False
        )
        cats = _extras(
            resolver,
            con,
            relation,
            slash_prefixes=(),
            snake_prefix="\0",
            map_columns=("x_CostCategories",),
            snake_keys=False,
        )
        moved = {k: v for k, v in tags.exprs.items() if k.startswith(FOCUS_COST_CATEGORY_TAG)}
        if not moved:
            return tags, cats
        tag_exprs = {k: v for k, v in tags.exprs.items() if k not in moved}
        cat_exprs = {k: list(v) for k, v in cats.exprs.items()}
        for key, values in moved.items():
            name = key[len(FOCUS_COST_CATEGORY_TAG) :]
            if name:
                cat_exprs.setdefault(name, []).extend(values)
        return _Extra(tuple(sorted(tag_exprs)), tag_exprs), _Extra(tuple(sorted(cat_exprs)), cat_exprs)
    tags = _extras(
        resolver,
        con,
        relation,
        slash_prefixes=("resourceTags/",),
        snake_prefix="resource_tags_",
        map_columns=("resource_tags",),
        snake_keys=True,
    )
    cats = _extras(
        resolver,
        con,
        relation,
        slash_prefixes=("costCategory/",),
        snake_prefix="cost_category_",
        map_columns=("cost_category",),
        snake_keys=False,
    )
    return tags, cats


def _azure_tags(resolver: _Resolver, con: duckdb.DuckDBPyConnection, relation: str) -> _Extra:
    """Azure usage details write Tags as the members of a JSON object without its braces (`"a": "1","b": "2"`),
    newer exports as a whole object: both read as one."""
    col = resolver.find("Tags")
    if col is None:
        return _Extra((), {})
    text = f"NULLIF(TRIM(CAST({quote_ident(col)} AS VARCHAR)), '')"
    obj = f"CASE WHEN starts_with({text}, '{{') THEN {text} ELSE '{{' || {text} || '}}' END"
    found = _distinct_keys(con, f"json_keys({obj})", relation, f"column {col}: not JSON object members")
    exprs = {str(k): [map_value_sql(f"({obj})", "VARCHAR", str(k))] for k in found}
    return _Extra(tuple(sorted(exprs)), exprs)


# --------------------------------------------------------------------------------------------- build


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def check_required(spec: FormatSpec, inspected: Inspected, label: str) -> None:
    """Raise `MissingColumns` naming every required column the files lack."""
    resolver = _Resolver(spec, inspected.columns)
    missing = [alts[0] for alts in spec.required if not any(resolver.find(a) for a in alts)]
    if missing:
        raise MissingColumns(label, missing, spec.name)


def files_label(files: Sequence[DataFile]) -> str:
    """The files of a delivery as an error message names them (the first five, then how many more)."""
    shown = ", ".join(f.name for f in files[:5])
    return shown + (f" and {len(files) - 5} more" if len(files) > 5 else "")


def bill_period_expr(spec: FormatSpec, inspected: Inspected) -> tuple[str, str] | None:
    """SQL for the first day of each row's billing period from the bill column, and that column's name; None
    when the files have no such column."""
    resolver = _Resolver(spec, inspected.columns)
    column = resolver.find(spec.period_start)
    if column is None:
        return None
    start = resolver.typed("t", spec.period_start)
    return f"CAST(date_trunc('month', {start}) AS DATE)", column


def period_expr(spec: FormatSpec, inspected: Inspected) -> str:
    """SQL for the first day of each row's billing month (from the period column, else the usage start)."""
    resolver = _Resolver(spec, inspected.columns)
    start = resolver.typed("t", spec.period_start)
    usage = resolver.rule_sql("charge_period_start", "TIMESTAMP")
    return f"CAST(date_trunc('month', COALESCE({start}, {usage})) AS DATE)"


def periods_in(spec: FormatSpec, inspected: Inspected, con: duckdb.DuckDBPyConnection) -> list[date]:
    """The billing periods present in the files (for files that come without a manifest)."""
    relation = inspected.relation(spec.null_strings)
    sql = f"SELECT DISTINCT {period_expr(spec, inspected)} AS p FROM {relation} WHERE p IS NOT NULL ORDER BY p"
    rows = run(con, sql, inspected.named).fetchall()
    return [r[0] for r in rows]


def run(
    con: duckdb.DuckDBPyConnection, sql: str, files: Sequence[DataFile], *, scratch: Path | None = None
) -> duckdb.DuckDBPyConnection:
    """Execute `sql` over export files. A full disk raises `DiskFull` naming `scratch` (where the query writes);
    running out of memory raises `IngestError` naming the memory setting (the files are not at fault); a CSV
    that is not well-formed raises `CorruptFile` naming file and line (`csvfiles.explain`); any other DuckDB
    failure raises `CorruptFile` naming the files."""
    try:
        return con.execute(sql)
    except duckdb.Error as exc:
        if is_disk_full(exc):
            where = scratch or _temp_directory(con) or (files[0].path.parent if files else Path("."))
            raise disk_full(where, f"reading {files_label(files)}") from exc
        if isinstance(exc, duckdb.OutOfMemoryException):
            raise IngestError(
                f"reading {files_label(files)} ran out of memory ({_first_line(exc)}); the files are not at "
                "fault: raise the store's memory limit (setting duckdb_memory_limit, TRACKIT_DUCKDB_MEMORY_LIMIT) "
                "or lower its threads, and ingest again"
            ) from exc
        explained = csvfiles.explain(exc, files)
        diagnose_gzip(files)  # DuckDB's own gzip errors do not always name the file, nor truncation as such
        if explained is not None:
            raise explained from exc
        raise CorruptFile(f"{files_label(files)}: unreadable export data ({_first_line(exc)})") from exc


def _check_sql(rows: str, *, wrong_period: str, force_rows: bool) -> str:
    """The one pass over a delivery's rows (`rows`: a relation with `__billed_exact`, and `__bill_period` when
    checked) giving, in this order: the row count, the export's exact billed total as text, the rows of another
    billing period and, with `force_rows`, a hash of every row (which makes every column that can fail be
    evaluated)."""
    total = "CAST(COALESCE(SUM(__billed_exact), 0) AS DECIMAL(38, 10))::VARCHAR"
    forced = "max(hash(n))" if force_rows else "0"
    return f"SELECT count(*), {total}, {wrong_period}, {forced} FROM {rows} AS n"


def _temp_directory(con: duckdb.DuckDBPyConnection) -> Path | None:
    try:
        row = con.execute("SELECT current_setting('temp_directory')").fetchone()
    except duckdb.Error:
        return None
    return Path(str(row[0])) if row and row[0] else None


#: Parquet options of staged copies. Measured on the generated legacy CUR csv.gz month (`bench/ingest_bench.py
#: --csv-staging`, docs/scaling.md): zstd stages 26 MB at 1M line items and 294 MB at 10M, uncompressed 60 and
#: 595 MB, snappy 31 and 346 MB, for the same ingest CPU within the machine's noise (7.6 / 8.5 / 8.3 CPU-s at 1M,
#: 98.9 / 94.5 / 92.0 at 10M); no staging (the CSV parsed twice, for the checks and for the load) costs 13.1 and
#: 112.9 CPU-s.
STAGE_OPTIONS = "FORMAT parquet, COMPRESSION zstd"


def copy_parts(
    con: duckdb.DuckDBPyConnection,
    jobs: Sequence[tuple[str, Path, Sequence[DataFile]]],
    *,
    scratch: Path,
) -> None:
    """Run `COPY (<select>) TO <target>` for each job (select, target, the export files it reads), as many at
    once as the connection has threads (each on a cursor of its own: a gzip stream decompresses on one core).
    The first job to fail interrupts the others and its error is raised, naming its files (`run`)."""
    if not jobs:
        return
    row = con.execute("SELECT current_setting('threads')").fetchone()
    workers = int(row[0]) if row else 1

    def copy(job: tuple[str, Path, Sequence[DataFile]], first_failure: FirstFailure) -> None:
        select, target, files = job
        with con.cursor() as cur, first_failure.interruptible(cur):
            run(cur, f"COPY ({select}) TO {quote_literal(str(target))} ({STAGE_OPTIONS})", files, scratch=scratch)

    run_until_first_failure([functools.partial(copy, job) for job in jobs], workers, name="stage-part")


def stage_csv(spec: FormatSpec, inspected: Inspected, con: duckdb.DuckDBPyConnection, workdir: Path) -> Inspected:
    """Parse CSV files once into parquet copies in `workdir`, one per part (`Inspected.split`; every column text,
    the format's null strings applied, each row numbered with its file), and return them inspected, so that the
    passes that follow read columnar data instead of decompressing and parsing the CSV again. Parquet input is
    returned unchanged.

    Raises `CorruptFile` naming the export file (and line) when DuckDB cannot read it.
    """
    if inspected.parquet:
        return inspected
    token = uuid.uuid4().hex[:12]
    groups = inspected.split()
    targets = [workdir / f"staged-raw-{token}-{k + 1}.parquet" for k in range(len(groups))]
    copy_parts(
        con,
        [
            (
                f"SELECT * FROM {inspected.part_relation(k, members, spec.null_strings)}",
                target,
                [inspected.named[i] for i in members],
            )
            for k, (members, target) in enumerate(zip(groups, targets, strict=True))
        ],
        scratch=workdir,
    )
    described = con.execute(f"DESCRIBE SELECT * FROM read_parquet({quote_literal(str(targets[0]))})").fetchall()
    columns = {str(r[0]): str(r[1]) for r in described if str(r[0]) != PART}
    return Inspected(
        tuple(DataFile(t, t.name) for t in targets),
        True,
        columns,
        sources=inspected.named,
        staged=True,
        groups=tuple(groups),
    )


def _may_fail(expr: str) -> bool:
    """Whether a text expression can fail on a bad value: it parses JSON or casts to a number or a time."""
    upper = expr.upper()
    return any(k in upper for k in ("JSON_", "AS DOUBLE", "AS DECIMAL", "TIMESTAMP", "AS DATE"))


@dataclass(frozen=True)
class _Checks:
    """Integrity expressions over the raw relation: the bill period, and a hash identifying a line item within
    its file (None when the files lack the columns)."""

    period: tuple[str, str] | None  # (SQL, bill column name)
    key: str | None  # UBIGINT hash of (file, line item id, time interval); NULL for rows without an id
    id_sql: str = ""
    interval_sql: str = ""
    key_columns: str = ""


def _checks(spec: FormatSpec, inspected: Inspected, resolver: _Resolver, check_period: bool) -> _Checks:
    period = bill_period_expr(spec, inspected) if check_period else None
    if not spec.line_item_key or resolver.find(spec.line_item_key[0]) is None:
        return _Checks(period, None)
    id_col = resolver.find(spec.line_item_key[0])
    assert id_col is not None
    id_sql = f"CAST({quote_ident(id_col)} AS VARCHAR)"
    interval_col = resolver.find(spec.line_item_key[1]) if len(spec.line_item_key) > 1 else None
    if interval_col is not None:
        interval_sql = f"CAST({quote_ident(interval_col)} AS VARCHAR)"
        names = f"{id_col} and {interval_col}"
    else:  # no interval column: the usage start and end say which hour or day the line item is for
        start = resolver.rule_sql("charge_period_start", "TIMESTAMP")
        end = resolver.rule_sql("charge_period_end", "TIMESTAMP")
        interval_sql = f"CAST({start} AS VARCHAR) || '/' || COALESCE(CAST({end} AS VARCHAR), '')"
        names = f"{id_col} and the usage start and end"
    # The hash reads the id and the usage start and end (parsed anyway for the casts), not the interval text:
    # one string column less to read on the check pass. The interval text names the duplicate in the message.
    start = resolver.rule_sql("charge_period_start", "TIMESTAMP")
    end = resolver.rule_sql("charge_period_end", "TIMESTAMP")
    key = f"CASE WHEN {id_sql} <> '' THEN hash({PART}, {id_sql}, {start}, {end}) END"
    return _Checks(period, key, id_sql, interval_sql, names)


def build_source(
    spec: FormatSpec,
    inspected: Inspected,
    delivery: Delivery,
    con: duckdb.DuckDBPyConnection,
    *,
    filter_period: bool = False,
    label: str = "",
    bytes_read: int = 0,
    stage_dir: Path | None = None,
) -> NormalizedSource:
    """Render `spec` over the inspected files into a `NormalizedSource` for `delivery`'s billing period.

    With `filter_period`, only rows of that billing period are selected (files without a manifest may span
    several months). Otherwise the layout named the period, and every row's billing period (bill column) must
    be it. Runs the export's own DECIMAL sum and row count, which also proves the files readable, and the
    integrity checks (module docstring); raises `CorruptFile` naming the file on a failed check.

    With `stage_dir`, the normalised rows are written once to a parquet file there (every value cast, so bad
    input fails here, before any store is touched), the totals are read from that file, and `select_sql`
    reads it: the export files are read once, not once to check and again to load. The file lives until
    the caller removes `stage_dir`.
    """
    check_required(spec, inspected, label or files_label(inspected.named))
    resolver = _Resolver(spec, inspected.columns)
    checks = _checks(spec, inspected, resolver, check_period=not filter_period)
    named = inspected.named
    relation = inspected.relation(spec.null_strings, part=checks.key is not None)
    where = ""
    if filter_period:
        where = f" WHERE {period_expr(spec, inspected)} = DATE {quote_literal(delivery.billing_period.isoformat())}"
    tags, cats = _tags_and_categories(spec, resolver, con, relation + where)

    select: list[str] = []
    names: list[str] = []
    can_fail: list[str] = []  # the expressions that a bad value can make fail (see the check below)
    for name, typ, _meaning in LINE_ITEM_COLUMNS:
        if name == "billing_period":
            expr = f"DATE {quote_literal(delivery.billing_period.isoformat())}"
        else:
            expr = resolver.rule_sql(name, typ)
        select.append(f"{expr} AS {quote_ident(name)}")
        names.append(name)
        if typ != "VARCHAR" or _may_fail(expr):
            can_fail.append(select[-1])
    for prefix, extra in ((TAG_PREFIX, tags), (COST_CATEGORY_PREFIX, cats)):
        for key in extra.keys:
            values = extra.exprs[key]
            expr = values[0] if len(values) == 1 else f"COALESCE({', '.join(values)})"
            select.append(f"CAST({expr} AS VARCHAR) AS {quote_ident(prefix + key)}")
            names.append(prefix + key)
            if _may_fail(expr):
                can_fail.append(select[-1])

    billed = resolver.find(spec.billed_cost)
    assert billed is not None  # checked by check_required
    exact = f"CAST(src.{quote_ident(billed)} AS DECIMAL(38, 10))"
    # Integrity columns: each row's bill period (checked with the rows, one pass) and its line-item hash (its
    # duplicates counted by a query of their own); staged CSV carries both.
    period_cols = [f"{checks.period[0]} AS __bill_period"] if checks.period is not None else []
    key_cols = [f"{checks.key} AS __line_item"] if checks.key is not None else []
    period_lit = f"DATE {quote_literal(delivery.billing_period.isoformat())}"
    wrong_period = f"count(*) FILTER (WHERE __bill_period <> {period_lit})" if checks.period else "0"
    source_parts: tuple[SourcePart, ...] = ()
    template = "SELECT\n    " + ",\n    ".join(select) + f"\nFROM {_RELATION} AS src{where}"
    if stage_dir is not None and not inspected.parquet:
        # CSV: each part's normalised rows are written once to a parquet file of its own, the export's own total
        # travelling with them as an exact DECIMAL column (summed from the files below).
        split = inspected.split()
        token = uuid.uuid4().hex[:12]
        targets = [
            stage_dir / f"staged-{delivery.billing_period:%Y-%m}-{token}-{k + 1}.parquet" for k in range(len(split))
        ]
        staged_select = ", ".join([*select, f"{exact} AS __billed_exact", *period_cols, *key_cols])
        copy_parts(
            con,
            [
                (
                    f"SELECT {staged_select} FROM {inspected.part_relation(k, members, spec.null_strings)} "
                    f"AS src{where}",
                    target,
                    [named[i] for i in members],
                )
                for k, (members, target) in enumerate(zip(split, targets, strict=True))
            ],
            scratch=stage_dir,
        )
        staged = "read_parquet([" + ", ".join(quote_literal(str(t)) for t in targets) + "])"
        check_sql = _check_sql(staged, wrong_period=wrong_period, force_rows=False)
        keys = staged
        columns = ", ".join(quote_ident(n) for n in names)
        select_sql = f"SELECT {columns} FROM {staged}"
        part_selects = [f"SELECT {columns} FROM read_parquet({quote_literal(str(t))})" for t in targets]
        source_parts = _csv_parts(spec, inspected, split, template, part_selects)
    else:
        select_sql = template.replace(_RELATION, inspected.relation(spec.null_strings))
        if inspected.parquet and not inspected.staged:
            source_parts = _parts(inspected, template)
        elif not inspected.parquet or inspected.groups:  # CSV read in place, or staged as one file per part
            split = inspected.split()
            part_selects = [
                template.replace(
                    _RELATION,
                    f"(SELECT * EXCLUDE ({PART}) FROM {inspected.part_relation(k, m, spec.null_strings)})",
                )
                for k, m in enumerate(split)
            ]
            source_parts = _csv_parts(spec, inspected, split, template, part_selects)
        # One pass computes the export's own totals, the rows of another period, and evaluates every normalised column
        # that a bad value can make fail (hashing the whole row defeats projection pushdown), so it fails here,
        # before any store is touched. Only casts to numbers and timestamps and JSON functions can fail: text
        # columns that are trimmed, compared or cast to text cannot, and skipping them halves this pass on
        # parquet.
        rows = (
            f"(SELECT {', '.join(can_fail)}, {exact} AS __billed_exact{''.join(', ' + c for c in period_cols)} "
            f"FROM {relation} AS src{where})"
        )
        check_sql = _check_sql(rows, wrong_period=wrong_period, force_rows=True)
        keys = f"(SELECT {checks.key} AS __line_item FROM {relation} AS src{where})"
    row = run(con, check_sql, named, scratch=stage_dir).fetchone()
    assert row is not None
    if int(row[2]) and checks.period is not None:
        period_sql, column = checks.period
        raise integrity.wrong_period(
            lambda sql: run(con, sql, named),
            named,
            relation_with_part=inspected.relation(spec.null_strings, part=True),
            period_sql=period_sql,
            column=column,
            filed_under=delivery.billing_period,
        )
    duplicates = 0
    if checks.key is not None:
        # The keys of a big delivery are partitioned on disk where DuckDB spills (the ingest's own folder).
        where_keys = stage_dir or _temp_directory(con) or Path(".tmp")
        duplicates = integrity.count_duplicates(
            lambda sql: run(con, sql, named, scratch=where_keys), keys, int(row[0]), where_keys
        )
    if duplicates and checks.key is not None:
        refusal = integrity.duplicate_line_items(
            lambda sql: run(con, sql, named),
            named,
            relation_with_part=inspected.relation(spec.null_strings, part=True) + where,
            id_sql=checks.id_sql,
            interval_sql=checks.interval_sql,
            columns=checks.key_columns,
        )
        if refusal is not None:
            raise refusal
    return NormalizedSource(
        delivery=delivery,
        select_sql=select_sql,
        tag_keys=tags.keys,
        cost_categories=cats.keys,
        expected_billed_total=str(row[1]),
        expected_rows=int(row[0]),
        bytes_read=bytes_read,
        parts=source_parts,
    )


#: Where a part's relation goes in the SELECT template that every part shares (the fingerprint's SELECT).
_RELATION = "\x00relation\x00"


def _csv_parts(
    spec: FormatSpec,
    inspected: Inspected,
    split: Sequence[tuple[int, ...]],
    template: str,
    selects: Sequence[str],
) -> tuple[SourcePart, ...]:
    """The CSV delivery's parts (`split`: the export files of each; `selects`: each one's SELECT), identified
    for re-use by their export files and the transformation: the SELECT template, the delivery's columns and
    null strings (`bot.ingest.parts`). Nothing to split for a single part."""
    if len(split) < 2:
        return ()
    fingerprint = parts.fingerprint("csv", template, sorted(inspected.columns.items()), list(spec.null_strings))
    found = parts.part_files(inspected.named, split)
    total = max(sum(p.size for p in found), 1)
    return tuple(
        SourcePart(p.name, p.size, p.digest, fingerprint, sql, p.size / total)
        for p, sql in zip(found, selects, strict=True)
    )


def _parts(inspected: Inspected, template: str) -> tuple[SourcePart, ...]:
    """The delivery's SELECT (`template`, its relation left out) split by export file, for a delivery of several
    parquet files read in place (a store may load them in parallel and keep the parts a re-delivery repeats).
    Each part reads its own file through the delivery's union of columns (a file lacking one reads NULL, as in
    the whole): DuckDB skips the other files on the `filename` filter. Nothing to split for one file or for an
    export with a column of its own called `filename`."""
    if len(inspected.files) < 2 or any(c.lower() == "filename" for c in inspected.columns):
        return ()
    paths = _path_list(inspected.files)
    # The transformation a part's rows come from: the SELECT without its files, and the column types it reads.
    fingerprint = parts.fingerprint(template, sorted(inspected.columns.items()))
    found = parts.part_files(inspected.files, [(i,) for i in range(len(inspected.files))])
    total = max(sum(p.size for p in found), 1)
    out = []
    for f, p in zip(inspected.files, found, strict=True):
        relation = (
            f"(SELECT * FROM read_parquet({paths}, union_by_name = true) WHERE filename = {quote_literal(str(f.path))})"
        )
        out.append(
            SourcePart(p.name, p.size, p.digest, fingerprint, template.replace(_RELATION, relation), p.size / total)
        )
    return tuple(out)
