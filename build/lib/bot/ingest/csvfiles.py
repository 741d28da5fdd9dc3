"""Strict CSV: every export file read as RFC 4180 with its own header, and every refusal naming file and line.

A file's header is read here (Python's csv module: a BOM, CRLF and quoted names are fine) and checked: a column
without a name, a name given twice, or two names that differ only in case (DuckDB's identifiers ignore case, so
one of them would be read in place of the other) are refused. Tag and cost category columns are the exception
to the last rule: AWS writes `resourceTags/user:Name` and `resourceTags/user:name` as two columns when both tags
exist, and the store keeps one tag key per spelling-insensitive name, so their values are merged (first
non-empty wins).

DuckDB then reads each file with exactly those columns, all as text, in strict mode and without sniffing:
a row with fewer or more values than the header, a quote left open or text after a closing quote is refused
with the line, instead of being padded with NULLs (columns shifted) or guessed at. Quoted line breaks, a BOM,
CRLF line ends and gzip files of several members are valid CSV and load.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from bot.errors import CorruptFile
from bot.sqltext import quote_ident, quote_literal

_CHUNK = 1 << 20

#: Column name prefixes of tags and cost categories (legacy slash names, Athena snake_case names).
MERGEABLE_PREFIXES = ("resourcetags/", "resource_tags_", "costcategory/", "cost_category_")


@dataclass(frozen=True)
class DataFile:
    """A local file DuckDB reads (`path`) and the name an error message gives it (`name`: the export's file
    name, or `archive.zip (member x.csv)` for a member extracted from a zip)."""

    path: Path
    name: str

    @classmethod
    def of(cls, item: DataFile | Path) -> DataFile:
        return item if isinstance(item, DataFile) else cls(item, item.name)


def check_gzip(file: DataFile) -> None:
    """Read a gzip file's streams to their end (a file may hold several members); raises `CorruptFile` naming
    the file and saying whether it is corrupt or truncated."""
    decompressor = zlib.decompressobj(wbits=31)
    try:
        with file.path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                decompressor.decompress(chunk, 0)
                # A gzip file may hold several members; restart on the bytes after one ends.
                while decompressor.eof and decompressor.unused_data:
                    rest = decompressor.unused_data
                    decompressor = zlib.decompressobj(wbits=31)
                    decompressor.decompress(rest, 0)
    except zlib.error as exc:
        raise CorruptFile(
            f"{file.name}: corrupt gzip data ({exc})", hint="Download the file again; AWS re-delivers it."
        ) from exc
    if not decompressor.eof:
        raise CorruptFile(
            f"{file.name}: truncated gzip file (the stream ends before its end marker)",
            hint="The download was cut short or the object is still being written; try again later.",
        )


def read_header(file: DataFile) -> tuple[str, ...]:
    """The column names of a CSV (plain or gzip) file, checked (`check_header`).

    Raises `CorruptFile` naming the file: empty (0 bytes, or nothing after decompression), not UTF-8, an
    unreadable first line, or a bad header.
    """
    path = file.path
    try:
        if path.stat().st_size == 0:
            raise CorruptFile(
                f"{file.name}: empty file (0 bytes)",
                hint="An export file starts with a header line naming its columns; download it again.",
            )
    except FileNotFoundError as exc:
        raise CorruptFile(f"{file.name}: the file disappeared while reading it") from exc
    gz = path.name.lower().endswith(".gz")
    try:
        raw = _first_record(path, gz)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        check_gzip(file)  # says corrupt or truncated, naming the file
        raise CorruptFile(f"{file.name}: cannot read the CSV header: corrupt or truncated gzip data ({exc})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorruptFile(
            f"{file.name}, line 1: the header is not UTF-8 text ({exc.reason} at byte {exc.start})",
            hint="AWS writes exports in UTF-8.",
        ) from exc
    try:
        first = next(csv.reader(io.StringIO(text, newline=""), strict=True), None)
    except csv.Error as exc:
        raise CorruptFile(f"{file.name}, line 1: the header line is not valid CSV ({exc})") from exc
    if not first:
        what = "nothing after decompression" if gz else "no header line"
        raise CorruptFile(
            f"{file.name}: empty file ({what})",
            hint="An export file starts with a header line naming its columns; download it again.",
        )
    names = tuple(h.strip() for h in first)
    check_header(names, file.name)
    return names


def _first_record(path: Path, gz: bool) -> bytes:
    """The bytes of a CSV file's first record: its first line, or more while a quoted value is still open."""
    opener = gzip.open if gz else open
    with opener(path, "rb") as fh:
        raw = fh.readline()
        while raw.count(b'"') % 2 and (more := fh.readline()):
            raw += more
    return bytes(raw)


def check_header(names: Sequence[str], file_name: str) -> None:
    """Refuse a header with an unnamed column, a repeated name, or names that differ only in case (except tag and
    cost category columns, see the module docstring). Raises `CorruptFile` naming the file and the columns."""
    for i, name in enumerate(names, start=1):
        if not name:
            around = ", ".join(n or "(empty)" for n in names[max(0, i - 3) : i + 1])
            raise CorruptFile(
                f"{file_name}: column {i} of the header has no name (…, {around}, …)",
                hint="Every column of an export has a name; a row may not have more fields than the header names.",
            )
    first_at: dict[str, int] = {}
    for i, name in enumerate(names, start=1):
        key = name.lower()
        if key not in first_at:
            first_at[key] = i
            continue
        j = first_at[key]
        if names[j - 1] == name:
            raise CorruptFile(
                f"{file_name}: column {name} appears twice in the header (columns {j} and {i})",
                hint="Each column may appear once: which of the two holds the data is ambiguous. "
                "Use the export as AWS delivered it.",
            )
        if not key.startswith(MERGEABLE_PREFIXES):
            raise CorruptFile(
                f"{file_name}: columns {names[j - 1]} and {name} (columns {j} and {i}) differ only in case",
                hint="Each column may appear once: which of the two holds the data is ambiguous. "
                "Use the export as AWS delivered it.",
            )


def file_relation(file: DataFile, header: Sequence[str], null_strings: Sequence[str], part: int | None) -> str:
    """A SELECT reading one CSV file strictly as text, columns named by its header (case variants of a tag
    column merged into the first spelling), plus `__part` (the file's number) when `part` is given."""
    columns: list[str] = []
    merged: dict[str, list[str]] = {}
    canonical: dict[str, str] = {}
    for i, name in enumerate(header):
        key = name.lower()
        if key in canonical:
            alias = f"{name}#{i}"  # a case variant (check_header allowed it): read under its own name, merged below
            merged.setdefault(canonical[key], []).append(alias)
            columns.append(alias)
        else:
            canonical[key] = name
            columns.append(name)
    types = "{" + ", ".join(f"{quote_literal(c)}: 'VARCHAR'" for c in columns) + "}"
    nulls = "[" + ", ".join(quote_literal(s) for s in null_strings) + "]"
    read = (
        f"read_csv({quote_literal(str(file.path))}, header = true, auto_detect = false, columns = {types}, "
        "delim = ',', "
        f"quote = '\"', escape = '\"', nullstr = {nulls}, strict_mode = true)"
    )
    select = "*"
    if merged:
        dups = ", ".join(quote_ident(a) for aliases in merged.values() for a in aliases)
        repl = ", ".join(
            f"COALESCE({quote_ident(c)}, {', '.join(quote_ident(a) for a in aliases)}) AS {quote_ident(c)}"
            for c, aliases in merged.items()
        )
        select = f"* EXCLUDE ({dups}) REPLACE ({repl})"
    if part is not None:
        select += f", {part} AS __part"
    return f"SELECT {select} FROM {read}"


# ----------------------------------------------------------------------------------- independent parse


@dataclass(frozen=True)
class RawTotals:
    """What an independent parse of export files found: rows and the exact sum of the cost column."""

    rows: int
    total: Decimal


def independent_totals(
    files: Sequence[DataFile], cost_names: Sequence[str], null_strings: Sequence[str] = ("",)
) -> RawTotals:
    """Count the rows of CSV files and sum their cost column (the first header name matching `cost_names`,
    case-insensitively; `null_strings` are no value) in exact decimals, with Python's own csv module in strict
    RFC 4180 mode: a parser that shares nothing with DuckDB's, so a misparse in one cannot agree with itself
    in the other.

    Raises `CorruptFile` naming the file and line for a row whose field count differs from the header's or a
    cost that is not a number. Costs about 10 CPU seconds per million 70-column rows.
    """
    rows, total = 0, Decimal(0)
    wanted = [n.lower() for n in cost_names]
    for file in files:
        opener = gzip.open if file.path.name.lower().endswith(".gz") else open
        with opener(file.path, "rt", encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, strict=True)
            header = next(reader, None) or []
            lower = [h.strip().lower() for h in header]
            index = next((lower.index(n) for n in wanted if n in lower), None)
            if index is None:
                continue  # no cost column: check_required refuses the file
            width = len(header)
            for row in reader:
                if not row:
                    continue  # a blank line is no record (DuckDB skips it too)
                rows += 1
                if len(row) != width:
                    raise CorruptFile(
                        f"{file.name}, line {reader.line_num}: {len(row)} values where the header names {width} "
                        "columns (found by the independent check)"
                    )
                value = row[index].strip()
                if value not in null_strings:
                    try:
                        total += Decimal(value)
                    except InvalidOperation as exc:
                        where = f"{file.name}, line {reader.line_num}"
                        raise CorruptFile(f"{where}: cost {value!r} is not a number") from exc
    return RawTotals(rows, total)


# ------------------------------------------------------------------------------------------- errors

_LINE = re.compile(r"CSV Error on Line: (\d+)")
_ORIGINAL = re.compile(r"Original Line: ?\n?(.*?)\n(?:Expected|Value|Invalid|[A-Z])", re.S)
_COUNTS = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")
_FILE = re.compile(r"^\s*file = (.+)$", re.M)


def explain(exc: BaseException, files: Sequence[DataFile]) -> CorruptFile | None:
    """A DuckDB CSV parsing error as the sentence a person reads (file, line, what is wrong, what would be
    right), or None when `exc` is not one."""
    text = str(exc)
    fm = _FILE.search(text)
    if fm is None or ("CSV Error" not in text and "CSV Parser" not in text):
        return None
    raw_path = fm[1].strip()
    file = next((f for f in files if str(f.path) == raw_path), None)
    name = file.name if file is not None else Path(raw_path).name
    lm = _LINE.search(text)
    where = f"{name}, line {lm[1]}" if lm else name
    om = _ORIGINAL.search(text)
    original = " ".join(om[1].split()) if om else ""
    shown = f": {original[:160]}{'…' if len(original) > 160 else ''}" if original else ""
    cm = _COUNTS.search(text)
    if cm:
        expected, found = int(cm[1]), int(cm[2])
        kind = "a short row: values are missing" if found < expected else "a long row: extra fields"
        return CorruptFile(
            f"{where}: {found} values where the header names {expected} columns ({kind}){shown}",
            hint="Every row must have exactly one value per header column; the export is damaged or was edited. "
            "Download it again.",
        )
    if "unterminated quote" in text:
        return CorruptFile(
            f"{where}: a quoted value is not closed, or text follows its closing quote{shown}",
            hint='In CSV a quote inside a quoted value is written twice (""); download the export again.',
        )
    if "Invalid unicode" in text or "not utf-8" in text.lower():
        return CorruptFile(f"{where}: the text is not UTF-8{shown}", hint="AWS writes exports in UTF-8.")
    if "state machine reached an invalid state" in text:
        return CorruptFile(
            f"{name}: not valid CSV (RFC 4180): mixed line endings or malformed quoting",
            hint="AWS writes exports in RFC 4180 CSV; download the export again.",
        )
    reason = next((ln.strip() for ln in text.splitlines()[1:] if ln.strip() and "Original Line" not in ln), "")
    return CorruptFile(f"{where}: not valid CSV ({reason or text.splitlines()[0]}){shown}")
