"""The result of one check and of a whole doctor run, as text for a terminal and as JSON."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import StrEnum

log = logging.getLogger(__name__)

#: The JSON schema name of `Report.to_json()`.
SCHEMA = "trackit.doctor/1"


class Status(StrEnum):
    OK = "ok"
    WARN = "warn"
    FAIL = "fail"
    SKIP = "skip"


_MARK = {Status.OK: "ok  ", Status.WARN: "WARN", Status.FAIL: "FAIL", Status.SKIP: "skip"}


@dataclass(frozen=True)
class Check:
    """One check: a stable `id` (`slack.scopes`), what it checks, what it found, and the fix when not ok."""

    id: str
    title: str
    status: Status
    detail: str
    fix: str = ""


def ok(id: str, title: str, detail: str) -> Check:
    return Check(id, title, Status.OK, detail)


def fail(id: str, title: str, detail: str, fix: str) -> Check:
    return Check(id, title, Status.FAIL, detail, fix)


def warn(id: str, title: str, detail: str, fix: str) -> Check:
    return Check(id, title, Status.WARN, detail, fix)


def skip(id: str, title: str, detail: str) -> Check:
    return Check(id, title, Status.SKIP, detail)


def guarded(id: str, title: str, run: Callable[[], Check]) -> Check:
    """`run()`, or a failed check naming the unexpected error (a doctor never dies of what it examines)."""
    try:
        return run()
    except Exception as exc:
        log.debug("check %s raised", id, exc_info=True)
        return fail(id, title, f"the check itself failed: {type(exc).__name__}: {exc}", "Run with -v for details.")


@dataclass(frozen=True)
class Report:
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return not any(c.status is Status.FAIL for c in self.checks)

    def counts(self) -> dict[str, int]:
        return {s.value: sum(c.status is s for c in self.checks) for s in Status}

    def to_text(self) -> str:
        lines = []
        for c in self.checks:
            lines.append(f"[{_MARK[c.status]}] {c.title}: {c.detail}")
            if c.fix and c.status in (Status.FAIL, Status.WARN):
                lines.append(f"       fix: {c.fix}")
        n = self.counts()
        verdict = "all good" if self.ok and not n["warn"] else "problems found" if not self.ok else "warnings"
        lines.append(f"{verdict}: {n['ok']} ok, {n['warn']} warning(s), {n['fail']} failure(s), {n['skip']} skipped")
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps(
            {"schema": SCHEMA, "ok": self.ok, "counts": self.counts(), "checks": [asdict(c) for c in self.checks]},
            indent=2,
        )
