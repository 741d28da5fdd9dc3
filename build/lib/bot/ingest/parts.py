"""How a delivery splits into parts: which export files make up each part, and what identifies a part's rows.

A store may load a delivery part by part (in parallel) and keep a live part whose rows a re-delivery repeats
(`bot.billing.store.SourcePart`). A part is one export file, or a run of consecutive small files grouped until
the group holds `SMALL_PART_BYTES` (a part file per tiny file would cost more to open and query than it saves).
A part's identity is its export files' content (sizes and SHA-256) and the transformation applied to them (a
fingerprint of the SELECT without its files, and the delivery's columns): equal identities, equal rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from bot.ingest.csvfiles import DataFile

#: Export files smaller than this are grouped with the files after them into one part, until the group reaches
#: it: 8 MiB of csv.gz is about 150,000 legacy CUR line items, a second or two of loading.
SMALL_PART_BYTES = 8 * 2**20


@dataclass(frozen=True)
class PartFiles:
    """The export files of one part (indices into the delivery's files) and their identity: a name for
    messages and logs, the total size, and a SHA-256 of their contents (the file's own for a single file)."""

    members: tuple[int, ...]
    name: str
    size: int
    digest: str


def group_files(sizes: Sequence[int], small: int | None = None) -> list[tuple[int, ...]]:
    """Indices of files (in delivery order) grouped into parts: a file of `small` bytes (`SMALL_PART_BYTES`) or
    more is a part of its own; consecutive smaller files share a part until it holds `small` bytes."""
    small = SMALL_PART_BYTES if small is None else small
    groups: list[tuple[int, ...]] = []
    current: list[int] = []
    held = 0
    for i, size in enumerate(sizes):
        if size >= small:
            if current:
                groups.append(tuple(current))
                current, held = [], 0
            groups.append((i,))
            continue
        current.append(i)
        held += size
        if held >= small:
            groups.append(tuple(current))
            current, held = [], 0
    if current:
        groups.append(tuple(current))
    return groups


def file_digest(file: DataFile) -> str:
    """The SHA-256 of a file's bytes, hex."""
    with file.path.open("rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def part_files(files: Sequence[DataFile], groups: Sequence[tuple[int, ...]]) -> list[PartFiles]:
    """Each group of `files` with its identity (module docstring)."""
    out = []
    for members in groups:
        chosen = [files[i] for i in members]
        digests = [file_digest(f) for f in chosen]
        size = sum(f.path.stat().st_size for f in chosen)
        if len(chosen) == 1:
            name, digest = chosen[0].name, digests[0]
        else:
            name = f"{chosen[0].name} to {chosen[-1].name} ({len(chosen)} files)"
            digest = hashlib.sha256(json.dumps(digests).encode("utf-8")).hexdigest()
        out.append(PartFiles(tuple(members), name, size, digest))
    return out


def fingerprint(*transformation: object) -> str:
    """A SHA-256 of what turns a part's files into its rows (JSON-serialisable pieces: the SELECT with its files
    left out, the delivery's columns and types, null strings ...)."""
    return hashlib.sha256(json.dumps(list(transformation), sort_keys=True).encode("utf-8")).hexdigest()
