"""Scratch space on disk: work owned through file locks, collected once its owner is gone, and a full disk named.

Work in progress (an ingest's staging folder, a DuckDB store's half-written period file) is a set of entries
`<root>/<prefix><token>...` owned by whoever holds an exclusive `flock` on `<root>/<prefix><token>.lock`. The
kernel releases a flock when its owner dies, SIGKILL included, and every process that sees the file through the
same kernel sees the lock: processes in other containers sharing the volume on one host included (a process id
means nothing across containers; every container's first process is pid 1). On NFS, Linux turns flock into POSIX
record locks arbitrated by the server, so it holds across hosts as well.

`collect` takes each lock without waiting: when it gets it, the owner is gone and its entries are removed;
when it does not, the work is live and left alone. Entries without a lock file were written by versions that
named their owner by pid: they are removed once older than a grace period.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import DiskFull

LOCK_SUFFIX = ".lock"

#: errno values that mean the disk (or the user's quota on it) is full.
_FULL_ERRNOS = (errno.ENOSPC, errno.EDQUOT)


@dataclass
class Claim:
    """Work owned by this process: `name` (`<prefix><token>`) under `root`, locked until `release()`."""

    root: Path
    name: str
    _fd: int = field(repr=False)

    @property
    def lock_path(self) -> Path:
        return self.root / (self.name + LOCK_SUFFIX)

    def path(self, suffix: str = "") -> Path:
        """`<root>/<name><suffix>`: where the owner puts its work (a folder, or files named after the claim)."""
        return self.root / (self.name + suffix)

    def release(self) -> None:
        """Remove every entry of the claim, then its lock file, then drop the lock (in that order, so that an
        interrupted release leaves either entries under a free lock, or a lone free lock: both collectable)."""
        if self._fd < 0:
            return
        try:
            remove_entries(self.root, self.name)
            with contextlib.suppress(FileNotFoundError):
                self.lock_path.unlink()
        finally:
            os.close(self._fd)
            self._fd = -1


def claim(root: Path, prefix: str) -> Claim:
    """Create and lock a new claim `<root>/<prefix><token>.lock` (root created when missing).

    The lock file is created exclusively and locked at once; if a collector removed it in between (it saw an
    unlocked file), the lock we hold is on a deleted file, so we start again with a new token.
    """
    root.mkdir(parents=True, exist_ok=True)
    while True:
        name = f"{prefix}{uuid.uuid4().hex[:16]}"
        lock = root / (name + LOCK_SUFFIX)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.fstat(fd).st_ino == os.stat(lock).st_ino:
                return Claim(root, name, fd)
        except (BlockingIOError, FileNotFoundError):
            pass
        os.close(fd)


@contextlib.contextmanager
def claimed(root: Path, prefix: str) -> Iterator[Claim]:
    """`claim()` for the duration of a block, released (entries removed) when it ends, however it ends."""
    c = claim(root, prefix)
    try:
        yield c
    finally:
        c.release()


def remove_entries(root: Path, name: str) -> list[str]:
    """Remove `<root>/<name>` and every `<root>/<name>.*` except the lock file; returns the names removed."""
    removed: list[str] = []
    try:
        entries = list(root.iterdir())
    except FileNotFoundError:
        return removed
    for p in entries:
        if p.name.endswith(LOCK_SUFFIX) or not (p.name == name or p.name.startswith(name + ".")):
            continue
        if _remove(p):
            removed.append(p.name)
    return removed


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    return True


def _owner_name(entry: str, prefix: str) -> str:
    """`<prefix><token>` of an entry `<prefix><token>[.suffix...]`."""
    return prefix + entry[len(prefix) :].split(".", 1)[0]


def collect(root: Path, prefix: str, *, grace_seconds: float, now: float | None = None) -> list[str]:
    """Remove the work under `root` whose owner is gone; returns the names removed.

    Live work (its lock held by any process, anywhere) is never touched. Entries with no lock file at all are
    removed once they have not changed for `grace_seconds`.
    """
    try:
        entries = sorted(p.name for p in root.iterdir() if p.name.startswith(prefix))
    except FileNotFoundError:
        return []
    owners = sorted({_owner_name(e, prefix) for e in entries})
    locks = {e.removesuffix(LOCK_SUFFIX) for e in entries if e.endswith(LOCK_SUFFIX)}
    removed: list[str] = []
    now = time.time() if now is None else now
    for owner in owners:
        if owner in locks:
            removed.extend(_collect_locked(root, owner))
        else:
            removed.extend(_collect_unlocked(root, owner, grace_seconds, now))
    return removed


def _collect_locked(root: Path, owner: str) -> list[str]:
    lock = root / (owner + LOCK_SUFFIX)
    try:
        fd = os.open(lock, os.O_RDWR)
    except FileNotFoundError:
        return []  # released meanwhile
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return []  # live
        removed = remove_entries(root, owner)
        with contextlib.suppress(FileNotFoundError):
            if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                lock.unlink()
                removed.append(lock.name)
        return removed
    finally:
        os.close(fd)


def _collect_unlocked(root: Path, owner: str, grace_seconds: float, now: float) -> list[str]:
    newest = 0.0
    for p in root.iterdir():
        if p.name == owner or p.name.startswith(owner + "."):
            with contextlib.suppress(FileNotFoundError):
                newest = max(newest, p.stat().st_mtime)
    if now - newest < grace_seconds:
        return []
    return remove_entries(root, owner)


def tree_size(path: Path) -> int:
    """Bytes of every regular file under `path` (0 when it does not exist)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for f in files:
            with contextlib.suppress(FileNotFoundError):
                total += os.lstat(os.path.join(dirpath, f)).st_size
    return total


# ------------------------------------------------------------------------------------------- disk full


def is_disk_full(exc: BaseException) -> bool:
    """Whether `exc` says a disk (or quota) is full: an OSError with ENOSPC/EDQUOT, or DuckDB's wording for a
    failed write ("No space left on device") or for a temp directory it could not spill into ("failed to offload
    ... max_temp_directory_size", reported as Out of Memory)."""
    for e in _chain(exc):
        if isinstance(e, OSError) and e.errno in _FULL_ERRNOS:
            return True
        text = str(e)
        if "No space left on device" in text or "Disk quota exceeded" in text:
            return True
        if "failed to offload" in text or "max_temp_directory_size" in text:
            return True
    return False


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        yield cur
        cur = cur.__cause__ or cur.__context__


def disk_full(directory: Path, doing: str) -> DiskFull:
    """The error for a full disk: names the directory, what was being written, and that stored data is intact."""
    return DiskFull(
        f"disk full: no space left in {directory} while {doing}; the data already stored is intact",
        hint="Free space on that disk (an ingest stages about as much as the export's uncompressed size) "
        "or move the data directory (data_dir, or the store URL's directory) to a larger disk, then ingest again.",
        directory=str(directory),
        doing=doing,
    )
